//! The compiled engine: a plan compiled once, then used for many blocks (`pimask.scanner`).
//!
//! Matching rule (docs/recognizers.md, "How a pattern matches"), identical in the Python
//! reference: the search looks for the leftmost match of a pattern from a position (the
//! regex's own leftmost-first semantics, no look-around); the match is a candidate when the
//! boundary kind allows its start (`left_ok`), its end (`right_ok`) and the token around it
//! (`accept`). A match the boundary rejects is dropped and the search restarts one character
//! after its start, so it can never hide a value that starts inside it; a candidate is
//! consumed, and the search goes on at its end (validator verdicts do not change where the
//! search goes on).

use std::collections::HashMap;

use aho_corasick::AhoCorasick;
use regex_automata::hybrid;
use regex_automata::meta::Regex;
use regex_automata::util::syntax;
use regex_automata::Input;
use regex_automata::Match;

use crate::boundaries::{accept, accept_cut, left_ok, right_ok, BoundaryKind};
use crate::context::{ContextHit, ContextScorer};
use crate::masks::display_mask;
use crate::overlap::{resolve_overlaps, Ranked};
use crate::plan::Plan;
use crate::shape::{runs, runs_around, runs_multi, seed_class, ByteSet, Shape, SEED_CLASSES};
use crate::validators::{Date, Status, ValidatorKind, Validators};
use crate::view::{View, INVALID_BYTE_BASE};

/// Highest score, in basis points.
pub const MAX_SCORE_BP: i32 = 10_000;

/// A recognizer, compiled.
#[derive(Debug)]
pub struct Recognizer {
    pub id: String,
    pub entity: String,
    pub priority: i64,
    pub validator: Option<ValidatorKind>,
    pub validator_name: Option<String>,
    pub scorer: ContextScorer,
}

/// A pattern, compiled, with what the shared pipeline needs to judge its candidates.
#[derive(Debug)]
pub struct Pattern {
    pub recognizer: usize,
    pub name: String,
    pub score_bp: i32,
    pub boundary: BoundaryKind,
    /// The plan's `split`: pieces of this many characters, each a finding (0: none).
    split: usize,
    /// The plan's `labels`, as characters (`Pattern::label_cut`); empty: none.
    labels: Vec<Vec<char>>,
    /// The plan's `label_stop` (its first character).
    label_stop: char,
    regex: Regex,
    /// The same regex as one lazy DFA pair (forward, then reverse for the start), searched
    /// with a cache of the block path's own (no pool, no prefilter: the spans it searches
    /// are short runs); only for patterns with a [`Shape`] (no look-around, no empty match).
    fast: Option<hybrid::regex::Regex>,
    /// The plan's `requires_any` as one automaton (`None`: no such gate, or an empty literal, which
    /// every line holds); literals holding a `\n` are left out: no line holds them.
    literals: Option<AhoCorasick>,
    prefilter: Option<Regex>,
    /// Can a match hold a `\n`? Then the block path searches it line by line.
    crosses_lines: bool,
    /// What its matches are made of, and the index of its alphabet in
    /// [`Engine::alphabets`] (unused when the shape has a seed or anchors or the pattern
    /// a `requires_any` gate; `None`: the
    /// block path searches the whole block).
    shape: Option<(Shape, usize)>,
    /// The shape's seed ([`Shape::seed`]): the qualifying runs are found from the block's
    /// runs of that class.
    seed: Option<(usize, usize)>,
    /// A key-driven pattern's keys and key regex (`regex` is then its value grammar).
    keyed: Option<Keyed>,
}

impl Pattern {
    /// Where a match `chars[start..end]` starts once a glued label is cut off
    /// (`pimask.scanner.label_cut`): after the label ending rightmost before the first
    /// `label_stop`, keeping at least one character before it; `start` when there is none.
    fn label_cut(&self, chars: &[char], start: usize, end: usize) -> usize {
        if self.labels.is_empty() {
            return start;
        }
        let end = end.min(chars.len());
        let Some(stop) = chars
            .get(start..end)
            .and_then(|span| span.iter().position(|&c| c == self.label_stop))
            .map(|at| start + at)
        else {
            return start;
        };
        let mut cut = start;
        for label in &self.labels {
            let n = label.len();
            // an occurrence `chars[i..i + n]` with `i + n < stop`, the rightmost first
            let mut i = stop.saturating_sub(n + 1);
            while i >= start && i + n < stop {
                if chars[i..i + n] == label[..] {
                    cut = cut.max(i + n);
                    break;
                }
                if i == 0 {
                    break;
                }
                i -= 1;
            }
        }
        cut
    }
}

/// What a key-driven pattern searches before its value (docs/recognizers.md).
#[derive(Debug)]
struct Keyed {
    /// The keys, ASCII-case-insensitively: a line holding none of them is skipped.
    keys: AhoCorasick,
    /// A key, then its separator.
    key: Regex,
    /// Lower-cased ASCII words that make a key the tail of another key ([`key_excluded`]).
    not_after: Vec<Vec<u8>>,
}

/// Is the key at `text[at]` the tail of another key (`pimask.scanner.key_excluded`): right
/// after one of `not_after` (lower-cased ASCII), with one `_`, `-`, `.` between or none?
fn key_excluded(text: &[u8], at: usize, not_after: &[Vec<u8>]) -> bool {
    if not_after.is_empty() {
        return false;
    }
    let end = match at.checked_sub(1).and_then(|i| text.get(i)) {
        Some(b'_' | b'-' | b'.') => at - 1,
        _ => at,
    };
    not_after.iter().any(|word| {
        end.checked_sub(word.len())
            .and_then(|from| text.get(from..end))
            .is_some_and(|before| before.eq_ignore_ascii_case(word))
    })
}

/// Can a key start at `text[at]` (`pimask.scanner.key_starts`)? Not glued to an ASCII
/// letter or digit before it (`max_token`), except at a camelCase hump (`newPassword`):
/// `_`, `-`, `.` and quotes start a key (`access_token`).
fn key_starts(text: &[u8], at: usize) -> bool {
    let Some(&before) = at.checked_sub(1).and_then(|i| text.get(i)) else {
        return true;
    };
    !before.is_ascii_alphanumeric()
        || (before.is_ascii_lowercase() && text.get(at).is_some_and(u8::is_ascii_uppercase))
}

/// One finding: character offsets into the line (= Python `str` indices), with what its
/// explanation is built from when someone asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub pattern: usize,
    pub recognizer: usize,
    pub start: usize,
    pub end: usize,
    pub score_bp: i32,
    pub status: Status,
    pub reason: &'static str,
    pub hit: Option<ContextHit>,
    priority: i64,
    entity: String,
}

impl Finding {
    pub fn entity(&self) -> &str {
        &self.entity
    }
}

impl Ranked for Finding {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn score_bp(&self) -> i32 {
        self.score_bp
    }
    fn priority(&self) -> i64 {
        self.priority
    }
    fn entity(&self) -> &str {
        &self.entity
    }
}

/// The findings of one line of a block.
#[derive(Debug, Clone)]
pub struct LineFindings {
    /// Index of the line in the block.
    pub line: usize,
    /// Byte range of the line (without its `\n`) in the block.
    pub start: usize,
    pub end: usize,
    pub findings: Vec<Finding>,
    /// Byte offset in the line of each finding's start and end (for the splice).
    pub byte_spans: Vec<(usize, usize)>,
}

/// What [`Engine::mask_block`] did.
#[derive(Debug, Clone, Default)]
pub struct MaskedBlock {
    pub out: Vec<u8>,
    pub lines: usize,
    /// Findings masked per entity, in first-seen order.
    pub actions: Vec<(String, usize)>,
}

/// A plan, compiled: immutable, shared between threads.
#[derive(Debug)]
pub struct Engine {
    pub recognizers: Vec<Recognizer>,
    pub patterns: Vec<Pattern>,
    validators: Validators,
    /// The distinct alphabets of the patterns' shapes, with the shortest `min_len` of the
    /// patterns that use each (runs shorter than that qualify for none of them).
    alphabets: Vec<(ByteSet, usize)>,
    /// Per class of [`SEED_CLASSES`]: its bytes and the smallest `k` of the patterns
    /// seeded by it (`usize::MAX`: none is).
    seeds: Vec<(ByteSet, usize)>,
    /// Every key of every key-driven pattern in one automaton (ASCII-case-insensitive,
    /// overlapping), with the pattern of each key: one pass over a block finds the lines of
    /// all of them. `None`: no key-driven pattern.
    keys: Option<(AhoCorasick, Vec<usize>)>,
    /// Idle sets of [`Pattern::fast`] caches, one set per block search under way at most.
    caches: std::sync::Mutex<Vec<Vec<Option<hybrid::regex::Cache>>>>,
    /// `Plan::display_skip`: entities display masking leaves as written.
    display_skip: Vec<String>,
}

/// Why a plan did not compile; names the recognizer and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError(pub String);

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PlanError {}

/// Compile one user or built-in regex the way the engine runs it.
pub fn compile_regex(pattern: &str, ignore_case: bool) -> Result<Regex, String> {
    Regex::builder()
        .syntax(syntax::Config::new().case_insensitive(ignore_case))
        .configure(
            // why: a lazy DFA cache big enough not to thrash on digit-dense logs. Full DFAs
            // (a bigger dfa_size_limit) cost 250-400 ms per engine build and bought nothing
            // measurable on the block path (benches/throughput.rs: 31 vs 33 MB/s)
            Regex::config().hybrid_cache_capacity(8 << 20),
        )
        .build(pattern)
        .map_err(|e| first_line(&e.to_string()))
}

/// The lazy DFA pair of a pattern (see [`Pattern::fast`]), configured like
/// [`compile_regex`]'s.
fn compile_fast(pattern: &str, ignore_case: bool) -> Result<hybrid::regex::Regex, String> {
    hybrid::regex::Regex::builder()
        .syntax(syntax::Config::new().case_insensitive(ignore_case))
        .dfa(hybrid::dfa::Config::new().cache_capacity(8 << 20))
        .build(pattern)
        .map_err(|e| first_line(&e.to_string()))
}

fn first_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("does not compile")
        .to_string()
}

/// Can some match of `pattern` contain a line feed? (Classes such as `[^a]` can.)
fn may_match_newline(pattern: &str, ignore_case: bool) -> bool {
    use regex_syntax::hir::{Class, Hir, HirKind};
    fn walk(hir: &Hir) -> bool {
        match hir.kind() {
            HirKind::Literal(literal) => literal.0.contains(&b'\n'),
            HirKind::Class(Class::Unicode(class)) => class
                .ranges()
                .iter()
                .any(|r| r.start() <= '\n' && '\n' <= r.end()),
            HirKind::Class(Class::Bytes(class)) => class
                .ranges()
                .iter()
                .any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
            HirKind::Repetition(rep) => walk(&rep.sub),
            HirKind::Capture(cap) => walk(&cap.sub),
            HirKind::Concat(items) | HirKind::Alternation(items) => items.iter().any(walk),
            HirKind::Empty | HirKind::Look(_) => false,
        }
    }
    regex_syntax::ParserBuilder::new()
        .case_insensitive(ignore_case)
        .build()
        .parse(pattern)
        .map_or(true, |hir| walk(&hir))
}

/// Lines of a block, with the ones the byte path cannot scan as they are.
struct Lines {
    /// `(start, end)` of each line, `end` excluding its `\n`.
    spans: Vec<(usize, usize)>,
    /// True for a line that is not valid UTF-8 or holds a character that folding changes:
    /// it is decoded and folded into a [`View`] and searched on its own.
    special: Vec<bool>,
}

impl Lines {
    fn new(block: &[u8]) -> Lines {
        let spans: Vec<(usize, usize)> = lines(block).map(|(_, s, e)| (s, e)).collect();
        let special = if block.is_ascii() {
            vec![false; spans.len()]
        } else {
            spans
                .iter()
                .map(|&(s, e)| needs_view(&block[s..e]))
                .collect()
        };
        let mut lines = Lines { spans, special };
        // why: a line holding an escape-shaped sequence (`%2B`, `\u624b`) is decoded into
        // its view (crate::view::escape_hint); a block without `%` and `\` costs one memchr
        let mut hint = 0usize;
        for at in memchr::memchr2_iter(b'%', b'\\', block) {
            if crate::view::escape_shape_at(block, at) {
                let line = lines.find(at, &mut hint);
                if let Some(special) = lines.special.get_mut(line) {
                    *special = true;
                }
            }
        }
        lines
    }

    /// Index of the line holding byte `at` (at or after `hint`, which only moves forward).
    fn find(&self, at: usize, hint: &mut usize) -> usize {
        while *hint + 1 < self.spans.len() && self.spans[*hint].1 < at {
            *hint += 1;
        }
        *hint
    }
}

/// Must this line be decoded and normalized before it is searched?
fn needs_view(line: &[u8]) -> bool {
    if line.is_ascii() {
        return false;
    }
    match std::str::from_utf8(line) {
        Err(_) => true,
        // why: a character folding changes or the view drops ([`crate::view::special`])
        Ok(text) => text.chars().any(crate::view::special),
    }
}

/// What a search of the block path reads and updates.
struct Search {
    /// Per line: has the current pattern passed its gates there (once computed)?
    gates: Vec<Option<bool>>,
    /// Per pattern: the lazy DFA cache of its [`Pattern::fast`] regex (taken from and given
    /// back to [`Engine::caches`], so the DFA states built survive from block to block).
    caches: Vec<Option<hybrid::regex::Cache>>,
}

/// Per-block working state of the block path.
struct Scratch {
    search: Search,
    /// Per alphabet of [`Engine::alphabets`]: its runs in the block (once computed).
    runs: Vec<Option<Vec<(usize, usize)>>>,
    /// Per pattern: the plain lines holding one of its keys, in order (once computed, for
    /// all key-driven patterns at once).
    keyed_lines: Option<Vec<Vec<usize>>>,
    /// The qualifying runs of the current pattern when they are found from its anchors.
    around: Vec<(usize, usize)>,
    /// Per seed class: its runs in the block at least as long as any pattern needs.
    seed_runs: Vec<Option<Vec<(usize, usize)>>>,
}

impl Scratch {
    fn new(engine: &Engine, lines: &Lines) -> Scratch {
        Scratch {
            search: Search {
                gates: vec![None; lines.spans.len()],
                caches: engine.take_caches(),
            },
            runs: vec![None; engine.alphabets.len()],
            around: Vec::new(),
            seed_runs: vec![None; engine.seeds.len()],
            keyed_lines: None,
        }
    }
}

/// A candidate of the block path: line, pattern, and span (bytes of a plain line, or
/// characters of a special line's view).
type Candidate = (usize, usize, usize, usize);

impl Engine {
    pub fn new(plan: &Plan) -> Result<Engine, PlanError> {
        let mut recognizers = Vec::new();
        let mut patterns = Vec::new();
        let mut alphabets: Vec<(ByteSet, usize)> = Vec::new();
        let mut seeds: Vec<(ByteSet, usize)> = (0..SEED_CLASSES.len())
            .map(|class| (seed_class(class), usize::MAX))
            .collect();
        for spec in &plan.recognizers {
            let validator = match &spec.validator {
                None => None,
                Some(name) => Some(ValidatorKind::parse(name).ok_or_else(|| {
                    PlanError(format!(
                        "recognizer {}: unknown validator {name:?}",
                        spec.id
                    ))
                })?),
            };
            let index = recognizers.len();
            recognizers.push(Recognizer {
                id: spec.id.clone(),
                entity: spec.entity.clone(),
                priority: spec.priority,
                validator,
                validator_name: spec.validator.clone(),
                scorer: ContextScorer::new(&spec.context),
            });
            for p in &spec.patterns {
                let field = |what: &str, why: String| {
                    PlanError(format!(
                        "recognizer {}: pattern {}: {what}: {why}",
                        spec.id, p.name
                    ))
                };
                let boundary = BoundaryKind::parse(&p.boundary)
                    .ok_or_else(|| field("boundary", format!("unknown kind {:?}", p.boundary)))?;
                let regex =
                    compile_regex(&p.regex, p.ignore_case).map_err(|e| field("regex", e))?;
                let prefilter = match &p.prefilter {
                    None => None,
                    Some(source) => Some(
                        compile_regex(source, p.ignore_case).map_err(|e| field("prefilter", e))?,
                    ),
                };
                let keyed = match &p.key_regex {
                    None => None,
                    Some(source) => Some(Keyed {
                        keys: AhoCorasick::builder()
                            .ascii_case_insensitive(true)
                            .build(&p.keys)
                            .map_err(|e| field("keys", e.to_string()))?,
                        key: compile_regex(source, false).map_err(|e| field("keys", e))?,
                        not_after: p
                            .not_after
                            .iter()
                            .map(|w| w.to_ascii_lowercase().into_bytes())
                            .collect(),
                    }),
                };
                // why: a key-driven pattern's matches are found from its keys, not its runs
                let shape = match keyed {
                    None => Shape::of(&p.regex, p.ignore_case),
                    Some(_) => None,
                };
                // why: when every match holds a byte that is itself one of `requires_any`,
                // a line with a match passes the gate: the gate rejects no candidate
                let implied = shape
                    .as_ref()
                    .and_then(|s| s.need.as_ref())
                    .is_some_and(|need| {
                        (0..=255u8).filter(|&b| need.has(b)).all(|b| {
                            b.is_ascii() && p.requires_any.iter().any(|lit| lit.as_bytes() == [b])
                        })
                    });
                let literals = if implied
                    || p.requires_any.is_empty()
                    || p.requires_any.iter().any(String::is_empty)
                {
                    None
                } else {
                    let kept = p.requires_any.iter().filter(|lit| !lit.contains('\n'));
                    Some(
                        AhoCorasick::builder()
                            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                            .build(kept)
                            .map_err(|e| field("requires_any", e.to_string()))?,
                    )
                };
                let seed = shape.as_ref().and_then(Shape::seed);
                if let Some((class, k)) = seed {
                    seeds[class].1 = seeds[class].1.min(k);
                }
                let shape = shape.map(|shape| {
                    if shape.anchors.is_some() || seed.is_some() || literals.is_some() {
                        // why: its runs come from its seed or anchors, or from the lines
                        // its `requires_any` gate lets through (`block_candidates`); an
                        // alphabet no pattern reads only slows the one pass over the block
                        // down (measured: the letter alphabets of two gated patterns cost
                        // most of it, issue 14)
                        return (shape, usize::MAX);
                    }
                    let at = match alphabets.iter().position(|(a, _)| *a == shape.alphabet) {
                        Some(at) => at,
                        None => {
                            alphabets.push((shape.alphabet.clone(), shape.min_len));
                            alphabets.len() - 1
                        }
                    };
                    alphabets[at].1 = alphabets[at].1.min(shape.min_len);
                    (shape, at)
                });
                let fast = match &shape {
                    Some(_) => {
                        Some(compile_fast(&p.regex, p.ignore_case).map_err(|e| field("regex", e))?)
                    }
                    None => None,
                };
                patterns.push(Pattern {
                    fast,
                    shape,
                    seed,
                    recognizer: index,
                    name: p.name.clone(),
                    score_bp: p.score_bp,
                    boundary,
                    split: p.split,
                    labels: p
                        .labels
                        .iter()
                        .filter(|label| !label.is_empty())
                        .map(|label| label.chars().collect())
                        .collect(),
                    label_stop: p.label_stop.chars().next().unwrap_or('@'),
                    regex,
                    literals,
                    prefilter,
                    crosses_lines: may_match_newline(&p.regex, p.ignore_case)
                        || p.key_regex
                            .as_ref()
                            .is_some_and(|k| may_match_newline(k, false)),
                    keyed,
                });
            }
        }
        let mut key_words: Vec<&str> = Vec::new();
        let mut key_patterns: Vec<usize> = Vec::new();
        for (index, spec) in plan
            .recognizers
            .iter()
            .flat_map(|r| r.patterns.iter())
            .enumerate()
        {
            if spec.key_regex.is_some() {
                for key in &spec.keys {
                    key_words.push(key);
                    key_patterns.push(index);
                }
            }
        }
        let keys = if key_words.is_empty() {
            None
        } else {
            // why: a DFA walks the block in one table lookup per byte; the default (a
            // contiguous NFA for this many keys) follows failure links, and this overlapping
            // pass reads every byte of every block (measured: issue 14)
            let automaton = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&key_words)
                .map_err(|e| PlanError(format!("keys: {e}")))?;
            Some((automaton, key_patterns))
        };
        Ok(Engine {
            keys,
            recognizers,
            patterns,
            validators: Validators::new(&plan.tables),
            alphabets,
            seeds,
            caches: std::sync::Mutex::new(Vec::new()),
            display_skip: plan.display_skip.clone(),
        })
    }

    /// The runs of every alphabet in `block` (maximal, at least the alphabet's `min_len`
    /// long), found in one pass per 64 alphabets.
    fn alphabet_runs(&self, block: &[u8], out: &mut [Option<Vec<(usize, usize)>>]) {
        for (chunk, first) in self.alphabets.chunks(64).zip((0..).step_by(64)) {
            let mut table = [0u64; 256];
            for (bit, (alphabet, _)) in chunk.iter().enumerate() {
                for (b, slot) in table.iter_mut().enumerate() {
                    *slot |= u64::from(alphabet.has(b as u8)) << bit;
                }
            }
            let min_lens: Vec<usize> = chunk.iter().map(|(_, min)| *min).collect();
            let mut found = vec![Vec::new(); chunk.len()];
            runs_multi(block, &table, &min_lens, &mut found);
            for (i, runs) in found.into_iter().enumerate() {
                out[first + i] = Some(runs);
            }
        }
    }

    /// A set of caches for the patterns' fast regexes (an idle one, or a new one).
    fn take_caches(&self) -> Vec<Option<hybrid::regex::Cache>> {
        let idle = self.caches.lock().ok().and_then(|mut idle| idle.pop());
        idle.unwrap_or_else(|| {
            self.patterns
                .iter()
                .map(|p| p.fast.as_ref().map(hybrid::regex::Regex::create_cache))
                .collect()
        })
    }

    /// Give a set of caches back (kept for the next block).
    fn give_caches(&self, caches: Vec<Option<hybrid::regex::Cache>>) {
        if let Ok(mut idle) = self.caches.lock() {
            idle.push(caches);
        }
    }

    /// The leftmost-first match of pattern `index` in `block[pos..to]`: the lazy DFA pair
    /// when the pattern has one (same match: both are the regex's leftmost-first match),
    /// else (or if the lazy DFA gave up) the meta regex.
    fn find(
        &self,
        index: usize,
        search: &mut Search,
        block: &[u8],
        pos: usize,
        to: usize,
    ) -> Option<Match> {
        let pattern = &self.patterns[index];
        let input = Input::new(block).range(pos..to);
        if let (Some(fast), Some(cache)) = (&pattern.fast, search.caches[index].as_mut()) {
            if let Ok(found) = fast.try_search(cache, &input) {
                return found;
            }
        }
        pattern.regex.search(&input)
    }

    /// Does `text` (a line's folded text) pass `pattern`'s gates (`requires_any`, `prefilter`)?
    fn gate(&self, pattern: &Pattern, text: &[u8]) -> bool {
        if let Some(literals) = &pattern.literals {
            if !literals.is_match(text) {
                return false;
            }
        }
        match &pattern.prefilter {
            None => true,
            Some(regex) => regex.is_match(text),
        }
    }

    /// Every candidate of `pattern` in `view` as character spans (the matching rule above).
    pub fn candidates(&self, index: usize, view: &View) -> Vec<(usize, usize)> {
        let pattern = &self.patterns[index];
        let mut out = Vec::new();
        if !self.gate(pattern, view.text.as_bytes()) {
            return out;
        }
        let haystack = view.text.as_bytes();
        let chars = &view.chars;
        if let Some(keyed) = &pattern.keyed {
            if keyed.keys.is_match(haystack) {
                for (s, e) in
                    self.keyed_candidates(pattern, keyed, haystack, chars, |b| view.char_index(b))
                {
                    out.push((s, e));
                }
            }
            return out;
        }
        let mut pos = 0usize;
        while pos <= haystack.len() {
            let Some(m) = pattern.regex.search(&Input::new(haystack).range(pos..)) else {
                break;
            };
            let start = view.char_index(m.start());
            let end = view.char_index(m.end());
            let ok = start < end
                && left_ok(pattern.boundary, chars, start)
                && right_ok(pattern.boundary, chars, end)
                && if view.pos.is_empty() {
                    accept(pattern.boundary, chars, start, end)
                } else {
                    accept_cut(pattern.boundary, chars, start, end, |i| {
                        view.pos[i] != view.pos[i - 1] + 1
                    })
                };
            if ok {
                out.push((start, end));
                pos = m.end();
            } else if start < chars.len() {
                pos = view.byte_at[start + 1] as usize;
            } else {
                break;
            }
        }
        out
    }

    /// Candidates of pattern `index` on the plain lines of `block`, searched in one pass
    /// over the whole block (the same candidates as line by line: no match holds a `\n`,
    /// and a leftmost-first search from a position inside a line finds what it finds on
    /// the line alone) — or, for a pattern with a [`Shape`], over its qualifying runs only
    /// (the same candidates again: `shape.rs` says why).
    fn block_candidates(
        &self,
        index: usize,
        block: &[u8],
        lines: &Lines,
        scratch: &mut Scratch,
        out: &mut Vec<Candidate>,
    ) {
        let pattern = &self.patterns[index];
        if let Some(keyed) = &pattern.keyed {
            let per_pattern = scratch
                .keyed_lines
                .get_or_insert_with(|| self.key_lines(block, lines));
            for &line in &per_pattern[index] {
                let (start, end) = lines.spans[line];
                let bytes = &block[start..end];
                if self.gate(pattern, bytes) {
                    for (s, e) in self.keyed_candidates(pattern, keyed, bytes, bytes, |b| b) {
                        out.push((line, index, s, e));
                    }
                }
            }
            return;
        }
        scratch.search.gates.iter_mut().for_each(|g| *g = None);
        let mut hint = 0usize;
        // why: the lines holding one of `requires_any` (a literal holds no `\n`, so each
        // occurrence is inside one line; one per line is enough)
        let gated: Option<Vec<usize>> = pattern.literals.as_ref().map(|literals| {
            let mut found = Vec::new();
            let mut at = 0usize;
            while let Some(m) = literals.find(aho_corasick::Input::new(block).range(at..)) {
                let line = lines.find(m.start(), &mut hint);
                found.push(line);
                at = lines.spans[line].1 + 1;
                if at > block.len() {
                    break;
                }
            }
            found
        });
        hint = 0;
        match (&pattern.shape, gated) {
            (_, Some(gated)) if gated.is_empty() => {}
            (Some((shape, _)), Some(gated)) => {
                // why: a match lies inside one line, so the qualifying runs of the gated
                // lines hold every match a gate lets through
                let mut found = std::mem::take(&mut scratch.around);
                for line in gated {
                    if lines.special[line] {
                        continue;
                    }
                    let (start, end) = lines.spans[line];
                    found.clear();
                    match shape.anchors.as_deref() {
                        Some(anchors) => {
                            runs_around(&block[start..end], shape, anchors, &mut found)
                        }
                        None => runs(
                            &block[start..end],
                            &shape.alphabet,
                            shape.min_len,
                            &mut found,
                        ),
                    }
                    for &(s, e) in &found {
                        if shape.qualifies(&block[start + s..start + e]) {
                            self.run_candidates(
                                index,
                                block,
                                (start + s, start + e),
                                lines,
                                &mut scratch.search,
                                &mut hint,
                                out,
                            );
                        }
                    }
                }
                scratch.around = found;
            }
            (None, _) => self.span_candidates(
                index,
                block,
                (0, block.len()),
                lines,
                &mut scratch.search,
                &mut hint,
                out,
            ),
            (Some((shape, _)), None) if pattern.seed.is_some() => {
                let (class, k) = pattern.seed.unwrap_or_default();
                let found = scratch.seed_runs[class].get_or_insert_with(|| {
                    let (set, min) = &self.seeds[class];
                    let mut found = Vec::new();
                    runs(block, set, *min, &mut found);
                    found
                });
                // why: each class run of `k` or more bytes lies inside one maximal alphabet
                // run, found by extending it; `done` skips the class runs of a run already
                // handled (alphabet runs are disjoint)
                let alphabet = &shape.alphabet;
                let mut done = 0usize;
                for &(from, to) in found.iter() {
                    if to - from < k || from < done {
                        continue;
                    }
                    let mut start = from;
                    while start > 0 && alphabet.has(block[start - 1]) {
                        start -= 1;
                    }
                    let mut end = to;
                    while end < block.len() && alphabet.has(block[end]) {
                        end += 1;
                    }
                    done = end;
                    if shape.qualifies(&block[start..end]) {
                        self.run_candidates(
                            index,
                            block,
                            (start, end),
                            lines,
                            &mut scratch.search,
                            &mut hint,
                            out,
                        );
                    }
                }
            }
            (Some((shape, _)), None) if shape.anchors.is_some() => {
                let anchors = shape.anchors.as_deref().unwrap_or_default();
                let mut found = std::mem::take(&mut scratch.around);
                found.clear();
                runs_around(block, shape, anchors, &mut found);
                for &(start, end) in &found {
                    self.run_candidates(
                        index,
                        block,
                        (start, end),
                        lines,
                        &mut scratch.search,
                        &mut hint,
                        out,
                    );
                }
                scratch.around = found;
            }
            (Some((shape, at)), None) => {
                if scratch.runs[*at].is_none() {
                    self.alphabet_runs(block, &mut scratch.runs);
                }
                let found = scratch.runs[*at].as_deref().unwrap_or_default();
                for &(start, end) in found.iter() {
                    if shape.qualifies(&block[start..end]) {
                        self.run_candidates(
                            index,
                            block,
                            (start, end),
                            lines,
                            &mut scratch.search,
                            &mut hint,
                            out,
                        );
                    }
                }
            }
        }
    }

    /// Per pattern, the plain lines of `block` holding one of its keys, found for every
    /// key-driven pattern in one overlapping pass of [`Engine::keys`].
    fn key_lines(&self, block: &[u8], lines: &Lines) -> Vec<Vec<usize>> {
        let mut found: Vec<Vec<usize>> = vec![Vec::new(); self.patterns.len()];
        let Some((automaton, owners)) = &self.keys else {
            return found;
        };
        let mut hint = 0usize;
        for m in automaton.find_overlapping_iter(block) {
            let line = lines.find(m.start(), &mut hint);
            if lines.special[line] {
                continue; // why: special lines are searched on their folded view
            }
            let list = &mut found[owners[m.pattern().as_usize()]];
            if list.last() != Some(&line) {
                list.push(line);
            }
        }
        found
    }

    /// The keyed rule (`pimask.scanner.keyed_candidates`): the leftmost match of a key and
    /// its separator counts when a key may start there ([`key_starts`]) and the
    /// value grammar matches, anchored, right after it — a non-empty value the boundary
    /// allows at its end; the value is the candidate and the search goes on at its end,
    /// else one character after the key's start. `units` are what the boundary rules read
    /// (`text`'s bytes or its view's characters); `unit` maps a byte offset to a unit index.
    fn keyed_candidates<U: crate::boundaries::Unit>(
        &self,
        pattern: &Pattern,
        keyed: &Keyed,
        text: &[u8],
        units: &[U],
        unit: impl Fn(usize) -> usize,
    ) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut pos = 0usize;
        while pos <= text.len() {
            let Some(m) = keyed.key.search(&Input::new(text).range(pos..)) else {
                break;
            };
            if key_starts(text, m.start()) && !key_excluded(text, m.start(), &keyed.not_after) {
                let input = Input::new(text)
                    .range(m.end()..)
                    .anchored(regex_automata::Anchored::Yes);
                if let Some(value) = pattern.regex.search(&input) {
                    let (start, end) = (unit(m.end()), unit(value.end()));
                    if start < end
                        && right_ok(pattern.boundary, units, end)
                        && accept(pattern.boundary, units, start, end)
                    {
                        found.push((start, end));
                        pos = value.end();
                        continue;
                    }
                }
            }
            let Some(&lead) = text.get(m.start()) else {
                break;
            };
            pos = m.start() + utf8_width(lead);
        }
        found
    }

    /// Candidates of pattern `index` in `run`, a qualifying run of its shape (inside one
    /// line): the line's gates and special status as in [`Engine::span_candidates`], which
    /// then searches from the first position of the run where the boundary allows a match
    /// to start (a match starting before it would be dropped, and the search restart one
    /// character later: the same candidates) if a match still fits there.
    #[allow(clippy::too_many_arguments)]
    fn run_candidates(
        &self,
        index: usize,
        block: &[u8],
        run: (usize, usize),
        lines: &Lines,
        search: &mut Search,
        hint: &mut usize,
        out: &mut Vec<Candidate>,
    ) {
        let pattern = &self.patterns[index];
        let Some((shape, _)) = &pattern.shape else {
            return;
        };
        let line = lines.find(run.0, hint);
        if lines.special[line] {
            return; // why: special lines are searched on their folded view
        }
        let (line_start, line_end) = lines.spans[line];
        let bytes = &block[line_start..line_end];
        let (mut at, end) = (run.0 - line_start, run.1 - line_start);
        // why: a candidate starts where the boundary allows a start and with a byte a match
        // can start with; a match found starting before the first such position would be
        // dropped and the search restarted after it (so starting there is the same)
        while at < end && !(shape.first.has(bytes[at]) && left_ok(pattern.boundary, bytes, at)) {
            at += utf8_width(bytes[at]);
        }
        if end.saturating_sub(at) >= shape.min_len {
            self.span_candidates(
                index,
                block,
                (line_start + at, run.1),
                lines,
                search,
                hint,
                out,
            );
        }
    }

    /// Candidates of pattern `index` that start in `span` of `block` (the matching rule,
    /// with the search's haystack ending at `span.1`).
    #[allow(clippy::too_many_arguments)]
    fn span_candidates(
        &self,
        index: usize,
        block: &[u8],
        span: (usize, usize),
        lines: &Lines,
        search: &mut Search,
        hint: &mut usize,
        out: &mut Vec<Candidate>,
    ) {
        let pattern = &self.patterns[index];
        let kind = pattern.boundary;
        let (mut pos, to) = span;
        while pos <= to {
            let Some(m) = self.find(index, search, block, pos, to) else {
                break;
            };
            let line = lines.find(m.start(), hint);
            let (line_start, line_end) = lines.spans[line];
            if lines.special[line] || m.end() > line_end {
                pos = line_end + 1; // why: special lines are searched on their folded view
                continue;
            }
            let gate = *search.gates[line].get_or_insert_with(|| {
                pattern.prefilter.is_none() && pattern.literals.is_none()
                    || self.gate(pattern, &block[line_start..line_end])
            });
            if !gate {
                pos = line_end + 1;
                continue;
            }
            let bytes = &block[line_start..line_end];
            let (start, end) = (m.start() - line_start, m.end() - line_start);
            if start < end
                && left_ok(kind, bytes, start)
                && right_ok(kind, bytes, end)
                && accept(kind, bytes, start, end)
            {
                out.push((line, index, start, end));
                pos = m.end();
            } else {
                // why: one character later (plain lines are valid UTF-8) — and on to the
                // next position the boundary allows a match to start at: a match starting
                // in between would be dropped anyway (inside a long digit run, say), so
                // skipping them gives the same candidates with far fewer searches
                let Some(&lead) = block.get(m.start()) else {
                    break;
                };
                let mut next = start + utf8_width(lead);
                let first = pattern.shape.as_ref().map(|(shape, _)| &shape.first);
                while next < bytes.len()
                    && !(first.is_none_or(|f| f.has(bytes[next])) && left_ok(kind, bytes, next))
                {
                    next += utf8_width(bytes[next]);
                }
                pos = line_start + next;
            }
        }
    }

    /// Where [`Engine::block_findings`] spends its time on `block`, for the benchmark's
    /// profile: adds to `nanos` and `counts` (one slot per pattern, then one for splitting
    /// lines) the time each step took and the candidates each pattern found (on plain
    /// lines). The runs of an alphabet count for the first pattern that uses it.
    pub fn profile_block(&self, block: &[u8], nanos: &mut [u64], counts: &mut [usize]) {
        let started = std::time::Instant::now();
        let lines = Lines::new(block);
        let mut scratch = Scratch::new(self, &lines);
        nanos[self.patterns.len()] += started.elapsed().as_nanos() as u64;
        let mut out = Vec::new();
        for (index, pattern) in self.patterns.iter().enumerate() {
            if pattern.crosses_lines {
                continue;
            }
            let started = std::time::Instant::now();
            out.clear();
            self.block_candidates(index, block, &lines, &mut scratch, &mut out);
            nanos[index] += started.elapsed().as_nanos() as u64;
            counts[index] += out.len();
        }
        self.give_caches(scratch.search.caches);
    }

    /// Validated, scored, overlap-resolved findings of one line's view.
    pub fn scan_view(&self, view: &View, min_score_bp: i32, today: Date) -> Vec<Finding> {
        let candidates = (0..self.patterns.len())
            .flat_map(|index| {
                self.candidates(index, view)
                    .into_iter()
                    .map(move |(s, e)| (index, s, e))
            })
            .collect::<Vec<_>>();
        self.findings(view, candidates, min_score_bp, today)
    }

    /// Judge `candidates` (pattern, start, end: in pattern order, then position), keep the
    /// best finding per (span, entity), resolve overlaps.
    fn findings(
        &self,
        view: &View,
        candidates: Vec<(usize, usize, usize)>,
        min_score_bp: i32,
        today: Date,
    ) -> Vec<Finding> {
        let mut found: Vec<Finding> = Vec::new();
        let mut slots: HashMap<(usize, usize, &str), usize> = HashMap::new();
        for (index, start, end) in candidates {
            let start = self.patterns[index].label_cut(&view.chars, start, end);
            let judged = if self.patterns[index].split > 0 {
                self.judge_split(index, view, start, end, min_score_bp, today)
            } else {
                match self.judge(index, view, start, end, min_score_bp, today) {
                    Some(finding) => vec![finding],
                    None => continue,
                }
            };
            for finding in judged {
                let entity: &str = &self.recognizers[finding.recognizer].entity;
                let slot = (finding.start, finding.end, entity);
                match slots.get(&slot) {
                    Some(&at) => {
                        if finding.score_bp > found[at].score_bp {
                            found[at] = finding;
                        }
                    }
                    None => {
                        slots.insert(slot, found.len());
                        found.push(finding);
                    }
                }
            }
        }
        let mut kept = resolve_overlaps(found);
        if !view.pos.is_empty() {
            // why: the view dropped invisible characters; report spans of the original line
            // (covering the whole original spelling), after overlaps were resolved on the
            // view as the reference does
            for finding in &mut kept {
                (finding.start, finding.end) = view.orig_span(finding.start, finding.end);
            }
        }
        kept
    }

    /// Findings of every line of `block` that has some: `(line index, view, findings)`.
    ///
    /// Plain lines (ASCII, or UTF-8 without a character folding changes) are searched in
    /// one pass per pattern over the qualifying runs of the whole block, and only lines
    /// with a candidate are ever decoded. Special lines are decoded and folded first; their
    /// folded texts (valid UTF-8 that folding leaves as it is: plain lines) are joined into
    /// a second block searched the same way, and byte offsets in a folded text become its
    /// view's character indices. Both give what scanning each line on its own gives
    /// ([`Engine::scan_view`]): the boundary rules answer the same on a line's UTF-8 bytes
    /// as on its characters (`boundaries::Unit`).
    pub fn block_findings(
        &self,
        block: &[u8],
        min_score_bp: i32,
        today: Date,
    ) -> Vec<(usize, View, Vec<Finding>)> {
        let lines = Lines::new(block);
        let mut views: Vec<View> = Vec::new();
        let mut folded: Vec<u8> = Vec::new();
        let mut folded_spans: Vec<(usize, usize)> = Vec::new();
        for (&(start, end), _) in lines.spans.iter().zip(&lines.special).filter(|(_, &s)| s) {
            let view = View::new(&block[start..end]);
            let at = folded.len();
            folded.extend_from_slice(view.text.as_bytes());
            folded_spans.push((at, folded.len()));
            folded.push(b'\n');
            views.push(view);
        }
        let folded_lines = Lines {
            special: vec![false; folded_spans.len()],
            spans: folded_spans,
        };
        let per_line: Vec<usize> = (0..self.patterns.len())
            .filter(|&index| self.patterns[index].crosses_lines)
            .collect();
        let plain = self.plain_candidates(block, &lines);
        let special = self.plain_candidates(&folded, &folded_lines);
        let mut out = Vec::new();
        let (mut next, mut next_special) = (0usize, 0usize);
        let mut views = views.into_iter();
        for (line, &(start, end)) in lines.spans.iter().enumerate() {
            let (view, found) = if lines.special[line] {
                let k = next_special;
                let from = special.partition_point(|c| c.0 < k);
                let to = special.partition_point(|c| c.0 <= k);
                next_special += 1;
                let Some(view) = views.next() else { break };
                (view, &special[from..to])
            } else {
                let from = next;
                while next < plain.len() && plain[next].0 == line {
                    next += 1;
                }
                if from == next && per_line.is_empty() {
                    continue;
                }
                (View::new(&block[start..end]), &plain[from..next])
            };
            let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
            if view.pos.is_empty() {
                candidates.extend(
                    found
                        .iter()
                        .map(|&(_, index, s, e)| (index, view.char_index(s), view.char_index(e))),
                );
            } else {
                // why: the view dropped invisible characters, and the token rules cut at them
                // (`accept_cut`), which the joined block cannot see: search this line alone
                for index in (0..self.patterns.len()).filter(|&i| !self.patterns[i].crosses_lines) {
                    candidates.extend(
                        self.candidates(index, &view)
                            .into_iter()
                            .map(|(s, e)| (index, s, e)),
                    );
                }
            }
            for &index in &per_line {
                candidates.extend(
                    self.candidates(index, &view)
                        .into_iter()
                        .map(|(s, e)| (index, s, e)),
                );
            }
            if candidates.is_empty() {
                continue;
            }
            candidates.sort_by_key(|c| c.0); // stable: pattern order, then position
            let findings = self.findings(&view, candidates, min_score_bp, today);
            if !findings.is_empty() {
                out.push((line, view, findings));
            }
        }
        out
    }

    /// Candidates of every pattern that no match of holds a `\n`, on the plain lines of
    /// `block`, by line (then pattern order, then position).
    fn plain_candidates(&self, block: &[u8], lines: &Lines) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = Vec::new();
        if lines.spans.is_empty() {
            return found;
        }
        let mut scratch = Scratch::new(self, lines);
        for (index, pattern) in self.patterns.iter().enumerate() {
            if !pattern.crosses_lines {
                self.block_candidates(index, block, lines, &mut scratch, &mut found);
            }
        }
        self.give_caches(scratch.search.caches);
        found.sort_by_key(|c| c.0); // stable: pattern order, then position, within a line
        found
    }

    fn judge(
        &self,
        index: usize,
        view: &View,
        start: usize,
        end: usize,
        min_score_bp: i32,
        today: Date,
    ) -> Option<Finding> {
        let pattern = &self.patterns[index];
        let recognizer = &self.recognizers[pattern.recognizer];
        let (status, reason, adjust) = match self.verdict(recognizer, view, start, end, today) {
            Ok(verdict) => verdict,
            Err(reason) => return self.strong(index, view, start, end, min_score_bp, reason),
        };
        let context = recognizer.scorer.score(&view.chars, start, end);
        let score = (pattern.score_bp + adjust + context.adjust_bp).clamp(0, MAX_SCORE_BP);
        if score < min_score_bp {
            return None;
        }
        Some(self.finding(index, (start, end), score, (status, reason), context.hit))
    }

    /// The validator's verdict on `view[start..end]` as (status, reason, score adjustment),
    /// or the reason it was rejected; "unknown" for a recognizer without a validator.
    fn verdict(
        &self,
        recognizer: &Recognizer,
        view: &View,
        start: usize,
        end: usize,
        today: Date,
    ) -> Result<(Status, &'static str, i32), &'static str> {
        let Some(kind) = recognizer.validator else {
            return Ok((Status::Unknown, "no_validator", 0));
        };
        let verdict = self.validators.run(kind, view.slice(start, end), today);
        if verdict.status == Status::Invalid {
            return Err(verdict.reason);
        }
        Ok((verdict.status, verdict.reason, verdict.adjust_bp))
    }

    /// `Scanner._judge_split`: one finding per piece of a `split` pattern's match, or none
    /// (a piece its validator rejects, a run that is not whole pieces, a score under the
    /// threshold); the context is the run's, read once before its start.
    fn judge_split(
        &self,
        index: usize,
        view: &View,
        start: usize,
        end: usize,
        min_score_bp: i32,
        today: Date,
    ) -> Vec<Finding> {
        let pattern = &self.patterns[index];
        let recognizer = &self.recognizers[pattern.recognizer];
        let size = pattern.split;
        if !(end - start).is_multiple_of(size) || end - start < 2 * size {
            return Vec::new();
        }
        let mut verdicts = Vec::new();
        for piece in (start..end).step_by(size) {
            match self.verdict(recognizer, view, piece, piece + size, today) {
                Ok(verdict) => verdicts.push(verdict),
                Err(_) => return Vec::new(),
            }
        }
        let context = recognizer.scorer.score(&view.chars, start, end);
        let mut found = Vec::new();
        for (piece, (status, reason, adjust)) in (start..end).step_by(size).zip(verdicts) {
            let score = (pattern.score_bp + adjust + context.adjust_bp).clamp(0, MAX_SCORE_BP);
            if score < min_score_bp {
                return Vec::new();
            }
            found.push(self.finding(
                index,
                (piece, piece + size),
                score,
                (status, reason),
                context.hit.clone(),
            ));
        }
        found
    }

    /// `Scanner._strong`: a candidate its validator rejected is a finding only right after
    /// one of the recognizer's strong keys, at the strong score, verdict still invalid.
    fn strong(
        &self,
        index: usize,
        view: &View,
        start: usize,
        end: usize,
        min_score_bp: i32,
        reason: &'static str,
    ) -> Option<Finding> {
        let pattern = &self.patterns[index];
        let recognizer = &self.recognizers[pattern.recognizer];
        let scorer = &recognizer.scorer;
        if !scorer.has_strong() {
            return None;
        }
        let context = scorer.score(&view.chars, start, end);
        let hit = scorer.strong_hit(&view.chars, start, &context)?;
        let score = scorer.strong_score_bp();
        if score < min_score_bp {
            return None;
        }
        Some(self.finding(
            index,
            (start, end),
            score,
            (Status::Invalid, reason),
            Some(hit),
        ))
    }

    /// A finding of pattern `index`: the recognizer's fields copied in one place.
    fn finding(
        &self,
        index: usize,
        (start, end): (usize, usize),
        score_bp: i32,
        (status, reason): (Status, &'static str),
        hit: Option<ContextHit>,
    ) -> Finding {
        let pattern = &self.patterns[index];
        let recognizer = &self.recognizers[pattern.recognizer];
        Finding {
            pattern: index,
            recognizer: pattern.recognizer,
            start,
            end,
            score_bp,
            status,
            reason,
            hit,
            priority: recognizer.priority,
            entity: recognizer.entity.clone(),
        }
    }

    /// Findings of every line of `block` (lines end at `\n`, which is not scanned).
    pub fn scan_block(&self, block: &[u8], min_score_bp: i32, today: Date) -> Vec<LineFindings> {
        let spans: Vec<(usize, usize)> = lines(block).map(|(_, s, e)| (s, e)).collect();
        self.block_findings(block, min_score_bp, today)
            .into_iter()
            .map(|(line, view, findings)| {
                let byte_spans = findings
                    .iter()
                    .map(|f| (view.orig_at[f.start] as usize, view.orig_at[f.end] as usize))
                    .collect();
                let (start, end) = spans[line];
                LineFindings {
                    line,
                    start,
                    end,
                    findings,
                    byte_spans,
                }
            })
            .collect()
    }

    /// Whether masking without a policy masks `entity` (an organisation's id is left as
    /// written: `Plan::display_skip`).
    pub fn displays(&self, entity: &str) -> bool {
        !self.display_skip.iter().any(|e| e == entity)
    }

    /// The person and address tables the PERSON display mask reads.
    pub fn names(&self) -> &crate::person_address::Names {
        self.validators.names()
    }

    /// Every line of `block` with its findings display-masked (`pimask.mask` on each line).
    pub fn mask_block(&self, block: &[u8], min_score_bp: i32, today: Date) -> MaskedBlock {
        let mut out = Vec::with_capacity(block.len() + 64);
        let mut cursor = 0usize;
        let mut counts: Vec<(String, usize)> = Vec::new();
        for found in self.scan_block(block, min_score_bp, today) {
            let line = &block[found.start..found.end];
            out.extend_from_slice(&block[cursor..found.start]);
            let mut at = 0usize;
            for (finding, &(lo, hi)) in found.findings.iter().zip(&found.byte_spans) {
                if !self.displays(finding.entity()) {
                    continue;
                }
                out.extend_from_slice(&line[at..lo]);
                let value = original_text(&line[lo..hi]);
                encode_into(
                    &display_mask(finding.entity(), &value, self.validators.names()),
                    &mut out,
                );
                at = hi;
                match counts.iter_mut().find(|(e, _)| e == finding.entity()) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((finding.entity().to_string(), 1)),
                }
            }
            out.extend_from_slice(&line[at..]);
            cursor = found.end;
        }
        out.extend_from_slice(&block[cursor..]);
        MaskedBlock {
            out,
            lines: lines(block).count(),
            actions: counts,
        }
    }
}

/// Bytes in the UTF-8 sequence that starts with `lead` (1 for a stray byte).
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// `(index, start, end)` of each line of `block`; a last line without `\n` counts.
pub fn lines(block: &[u8]) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut start = 0usize;
    let mut index = 0usize;
    std::iter::from_fn(move || {
        if start >= block.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &block[start..]).map_or(block.len(), |i| start + i);
        let item = (index, start, end);
        index += 1;
        start = end + 1;
        Some(item)
    })
}

/// The original text of a span, undecodable bytes as their private-use stand-ins.
pub fn original_text(bytes: &[u8]) -> String {
    crate::view::decode(bytes)
}

/// Encode `text` as UTF-8, turning undecodable-byte stand-ins back into their bytes.
pub fn encode_into(text: &str, out: &mut Vec<u8>) {
    for c in text.chars() {
        let cp = c as u32;
        if (INVALID_BYTE_BASE + 0x80..=INVALID_BYTE_BASE + 0xFF).contains(&cp) {
            out.push((cp - INVALID_BYTE_BASE) as u8);
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}
