//! Context scoring (`pimask/context.py`): the words around a candidate, and above all the
//! key it is the value of.
//!
//! INTERFACE (fixed; the engine calls exactly this):
//! `ContextScorer::new(&ContextPlan) -> ContextScorer` (Send + Sync),
//! `ContextScorer::score(&self, view: &[char], start: usize, end: usize) -> ContextResult`.
//!
//! Two sources, strongest first: the key right before the value (`phone=…`, `"idCard": "…"`,
//! `手机号：…`, `/path/value`), then the nearest listed word in a window before the value
//! (failing that, a positive word just after it). The Python module documents the reasons;
//! this port reproduces its results exactly, including the window regex
//! (`ContextScorer._compile_window_regex`), which is matched here by hand with Python `re`
//! semantics (leftmost-first alternation, `pos`/`endpos`, `IGNORECASE` case folding) instead
//! of through a regex engine that would give leftmost-longest or Unicode-simple-fold results.

use std::collections::HashMap;

use crate::plan::ContextPlan;
use crate::pychars::{is_cjk, is_space};

/// `_AFTER_WINDOW`: characters after the value searched for a word that labels it.
const AFTER_WINDOW: usize = 12;
/// `_KEY_LOOKBACK`: how far back `key_before` reads.
const KEY_LOOKBACK: usize = 64;
/// `_GLUED_SUFFIXES`, in the order Python tries them (the regex group and the stems).
const GLUED_SUFFIXES: [&str; 4] = ["number", "num", "no", "code"];
/// `_LIST_SEPARATORS`: a list continues its label (`imei=4901…,3520…`).
const LIST_SEPARATORS: [char; 5] = [',', ';', '/', '|', '、'];
/// `_LABEL_SUFFIX`: at most this many CJK characters complete a Chinese label.
const LABEL_SUFFIX_MAX: usize = 6;
/// `STRONG_SEPARATORS`: what may stand between a strong key and its value.
const STRONG_SEPARATORS: [char; 16] = [
    ' ', '\t', ':', '=', '：', '＝', '"', '\'', '“', '”', '‘', '’', '「', '」', '是', '为',
];
/// `_STRONG_GAP`: at most this many separators.
const STRONG_GAP: usize = 8;
/// `_KEY_RUN`: the longest key looked at.
const KEY_RUN: usize = 48;

/// `ContextHit.source`: the value's key (`"key"`) or a word in the window (`"window"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitSource {
    Key,
    Window,
}

/// A context word that moved the score (the listed word, lower-cased as Python keeps it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextHit {
    pub word: String,
    pub positive: bool,
    pub source: HitSource,
}

/// `ContextResult`: the score adjustment in basis points and the word behind it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContextResult {
    pub adjust_bp: i32,
    pub hit: Option<ContextHit>,
}

/// One entry of Python's `_polarity` dict (kept in its insertion order, which decides ties).
#[derive(Debug, Clone)]
struct Word {
    /// The word lower-cased with `str.lower` (the dict key).
    text: String,
    /// `text` as code points (Python indexes and measures `len` in code points).
    chars: Vec<char>,
    positive: bool,
}

/// An ASCII word of `_key_words`: its `_key_tokens` and their concatenation.
#[derive(Debug, Clone)]
struct KeyWord {
    tokens: Vec<Vec<u8>>,
    joined: Vec<u8>,
    word: usize,
}

/// Scores candidates of one recognizer against its context plan (`ContextScorer`).
///
/// Python caches key verdicts; classification here is cheap and the scorer stays immutable
/// (shared between threads), so there is no cache: the cache never changed a result.
#[derive(Debug, Clone)]
pub struct ContextScorer {
    /// `_polarity` in dict order.
    words: Vec<Word>,
    /// `_polarity` lookups: word -> index into `words`.
    index: HashMap<String, usize>,
    /// `_window_words`: window form -> index into `words` (the last word with that form).
    window_words: HashMap<String, usize>,
    /// `_key_words`, in `_polarity` order.
    key_words: Vec<KeyWord>,
    /// `_window_regex` (None when there are no window words).
    regex: Option<WindowRegex>,
    window: usize,
    boost_bp: i32,
    key_boost_bp: i32,
    penalty_bp: i32,
    key_penalty_bp: i32,
    /// The strong keys as `strong_forms` gives them.
    strong: Vec<Vec<char>>,
    strong_score_bp: i32,
}

impl ContextScorer {
    /// `ContextScorer.__init__`: the polarity dict, the window regex (built before the
    /// negative keys are added, so those are never window words), the window forms and the
    /// key tokens.
    pub fn new(spec: &ContextPlan) -> ContextScorer {
        let mut words: Vec<Word> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for word in &spec.words {
            set_polarity(&mut words, &mut index, word, true, false);
        }
        for word in &spec.negative {
            set_polarity(&mut words, &mut index, word, false, false);
        }
        let regex = WindowRegex::new(&words);
        let window_words: HashMap<String, usize> = words
            .iter()
            .enumerate()
            .map(|(i, word)| (window_form(&word.text), i))
            .collect();
        // keys only: added after the window regex is built (`setdefault`)
        for word in &spec.negative_keys {
            set_polarity(&mut words, &mut index, word, false, true);
        }
        let key_words = words
            .iter()
            .enumerate()
            .filter(|(_, word)| word.text.is_ascii())
            .map(|(i, word)| {
                let spaced = spaced_key(word.text.bytes());
                let tokens: Vec<Vec<u8>> =
                    split_key(&spaced).into_iter().map(<[u8]>::to_vec).collect();
                KeyWord {
                    joined: tokens.concat(),
                    tokens,
                    word: i,
                }
            })
            .collect();
        ContextScorer {
            words,
            index,
            window_words,
            key_words,
            regex,
            window: spec.window,
            boost_bp: spec.boost_bp,
            key_boost_bp: spec.key_boost_bp,
            penalty_bp: spec.penalty_bp,
            key_penalty_bp: spec.key_penalty_bp,
            strong: spec
                .strong
                .iter()
                .map(|w| strong_form(w.to_lowercase().chars()))
                .collect(),
            strong_score_bp: spec.strong_score_bp,
        }
    }

    /// True when the recognizer has strong keys (a rejected value may still be reported).
    pub fn has_strong(&self) -> bool {
        !self.strong.is_empty()
    }

    /// The score of a finding reported because of a strong key.
    pub fn strong_score_bp(&self) -> i32 {
        self.strong_score_bp
    }

    /// `strong_key_hit`: the strong key the value at `start` sits right after, given the
    /// candidate's context result, or None.
    pub fn strong_hit(
        &self,
        view: &[char],
        start: usize,
        context: &ContextResult,
    ) -> Option<ContextHit> {
        let hit = context.hit.as_ref()?;
        // window words match across spelling (id_card finds "id card"): compare forms
        if !hit.positive || !self.strong.contains(&strong_form(hit.word.chars())) {
            return None;
        }
        let start = start.min(view.len());
        let mut i = start;
        while i > 0 && start - i < STRONG_GAP && STRONG_SEPARATORS.contains(&view[i - 1]) {
            i -= 1;
        }
        if i == 0 || !ends_word(view[i - 1]) {
            return None;
        }
        if hit.source == HitSource::Key && i == start {
            return None; // a path segment (/idcard/…), not an assignment
        }
        let mut lo = i;
        while lo > 0 && i - lo < KEY_RUN && is_key_char(view[lo - 1]) {
            lo -= 1;
        }
        let key = strong_form(view[lo..i].iter().copied());
        let wanted = strong_form(hit.word.chars());
        let ends = key.ends_with(&wanted[..])
            || GLUED_SUFFIXES.iter().any(|suffix| {
                let mut glued = wanted.clone();
                glued.extend(suffix.chars());
                key.ends_with(&glued[..])
            });
        ends.then(|| hit.clone())
    }

    /// `ContextScorer.score`: score adjustment for the candidate `view[start..end]`.
    ///
    /// Indices past the end of the view are clamped (Python never passes them); no input
    /// panics.
    pub fn score(&self, view: &[char], start: usize, end: usize) -> ContextResult {
        if self.words.is_empty() {
            return ContextResult::default();
        }
        let len = view.len();
        let start = start.min(len);
        let end = end.min(len);
        if may_follow_key(view, start) {
            if let Some(key) = key_before(view, start) {
                if let Some(word) = self.classify_key(&view[key.start..key.end]) {
                    let positive = self.words[word].positive;
                    let adjust_bp = if positive {
                        self.key_boost_bp
                    } else {
                        -self.key_penalty_bp
                    };
                    return self.hit(adjust_bp, word, HitSource::Key);
                }
                if key.quote.is_some() || key.sep != ':' {
                    // a structured key naming something this recognizer doesn't
                    return ContextResult::default();
                }
            }
        }
        let Some(regex) = &self.regex else {
            return ContextResult::default();
        };
        if self.window == 0 {
            return ContextResult::default();
        }
        let mut last = regex.find_last(view, start.saturating_sub(self.window), start);
        if let Some((_, last_end)) = last {
            if labels_another_value(view, last_end, start) {
                last = None;
            }
        }
        // the word nearest the value wins; one behind it only if it labels this value
        let after_end = len.min(end.saturating_add(AFTER_WINDOW));
        if let Some(after) = regex.search(view, end, after_end, false) {
            let after_word = self.window_word(&view[after.0..after.1]);
            let after_positive = after_word.is_some_and(|w| self.words[w].positive);
            let nearer = match last {
                None => true,
                Some((_, last_end)) => {
                    let after_gap = after.0 as i64 - end as i64;
                    let last_gap = start as i64 - last_end as i64;
                    after_gap < last_gap && (last_gap > 2 || after_positive)
                }
            };
            if nearer && self.labels_value_before(view, end, after, after_positive) {
                last = Some(after);
            }
        }
        let Some((from, to)) = last else {
            return ContextResult::default();
        };
        let Some(word) = self.window_word(&view[from..to]) else {
            return ContextResult::default();
        };
        let adjust_bp = if self.words[word].positive {
            self.boost_bp
        } else {
            -self.penalty_bp
        };
        self.hit(adjust_bp, word, HitSource::Window)
    }

    /// `ContextResult(adjust, (ContextHit(word, polarity, source),))`.
    fn hit(&self, adjust_bp: i32, word: usize, source: HitSource) -> ContextResult {
        let word = &self.words[word];
        ContextResult {
            adjust_bp,
            hit: Some(ContextHit {
                word: word.text.clone(),
                positive: word.positive,
                source,
            }),
        }
    }

    /// `ContextScorer._classify_key` (what `classify_key` caches): the word that decides
    /// what `key` names, as an index into `words`. The last word in the key wins, then the
    /// longest; among equals the first in `_polarity` order (strict `>`).
    fn classify_key(&self, key: &[char]) -> Option<usize> {
        // (end position, length, word)
        let mut best: Option<(usize, usize, usize)> = None;
        let mut consider = |candidate: (usize, usize, usize)| {
            if best.is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1)) {
                best = Some(candidate);
            }
        };
        if key.iter().all(char::is_ascii) {
            let spaced = spaced_key(key.iter().map(|&c| c as u8));
            let tokens = split_key(&spaced);
            for key_word in &self.key_words {
                let width = key_word.tokens.len();
                if width > tokens.len() + 1 {
                    continue;
                }
                for index in 0..tokens.len() + 1 - width {
                    let run = &tokens[index..index + width];
                    if run.iter().zip(&key_word.tokens).all(|(a, b)| *a == &b[..]) {
                        consider((index + width, width, key_word.word));
                    }
                }
            }
            // also accept glued forms such as "cardno", "phonenumber", "imeino"
            let glued = tokens.concat();
            let stems = std::iter::once((&glued[..], 0)).chain(
                GLUED_SUFFIXES
                    .iter()
                    .map(|suffix| suffix.as_bytes())
                    .filter(|suffix| glued.len() > suffix.len() && glued.ends_with(suffix))
                    .map(|suffix| (&glued[..glued.len() - suffix.len()], suffix.len())),
            );
            let stems: Vec<(&[u8], usize)> = stems.collect();
            for key_word in &self.key_words {
                let joined = &key_word.joined;
                if joined.len() < 4 {
                    continue;
                }
                for &(stem, suffix_length) in &stems {
                    if stem.ends_with(joined) {
                        // the match covering most of the key wins: idcardnum is an id card
                        consider((
                            tokens.len() + 1,
                            joined.len() + suffix_length,
                            key_word.word,
                        ));
                    }
                }
            }
        } else {
            let lowered: Vec<char> = key
                .iter()
                .collect::<String>()
                .to_lowercase()
                .chars()
                .collect();
            for (i, word) in self.words.iter().enumerate() {
                if let Some(position) = rfind(&lowered, &word.chars) {
                    consider((position + word.chars.len(), word.chars.len(), i));
                }
            }
        }
        best.map(|b| b.2)
    }

    /// `ContextScorer._window_word`: the listed word a window match stands for. Python
    /// returns "" when none does, and `_polarity.get("")` then finds the word "" if listed.
    fn window_word(&self, text: &[char]) -> Option<usize> {
        let form = window_form(&text.iter().collect::<String>());
        if let Some(&word) = self.window_words.get(&form) {
            return Some(word);
        }
        for suffix in GLUED_SUFFIXES {
            if let Some(stem) = form.strip_suffix(suffix) {
                if let Some(&word) = self.window_words.get(stem) {
                    return Some(word);
                }
            }
        }
        self.index.get("").copied()
    }

    /// `ContextScorer._labels_value_before`: does the word found after the value (at
    /// `after`) describe it rather than the next value?
    fn labels_value_before(
        &self,
        view: &[char],
        end: usize,
        after: (usize, usize),
        after_positive: bool,
    ) -> bool {
        let len = view.len();
        // 身份证|号码是：… is one label
        let mut rest = after.1;
        while rest < len && rest - after.1 < LABEL_SUFFIX_MAX && is_cjk(view[rest]) {
            rest += 1;
        }
        let following = view[rest.min(len)..len.min(rest + 3)]
            .iter()
            .find(|&&c| !matches!(c, ' ' | '"' | '\''));
        if let Some(&c) = following {
            if c == ':' || c == '=' || c.is_ascii_digit() {
                return false;
            }
        }
        if after_positive {
            return true;
        }
        let word = &view[after.0..after.1];
        let gap = &view[end.min(after.0)..after.0];
        !word.iter().all(char::is_ascii) && gap.len() <= 1 && gap.iter().all(|&c| is_space(c))
    }
}

/// `self._polarity[word.lower()] = polarity` (or `setdefault` when `only_new`): a word
/// keeps its first place in the dict and takes the last polarity assigned.
fn set_polarity(
    words: &mut Vec<Word>,
    index: &mut HashMap<String, usize>,
    word: &str,
    positive: bool,
    only_new: bool,
) {
    let text = word.to_lowercase();
    match index.get(&text) {
        Some(&i) => {
            if !only_new {
                words[i].positive = positive;
            }
        }
        None => {
            index.insert(text.clone(), words.len());
            words.push(Word {
                chars: text.chars().collect(),
                text,
                positive,
            });
        }
    }
}

/// The key `key_before` found: `view[start..end]`, the quote closing it, the separator.
struct KeyMatch {
    start: usize,
    end: usize,
    quote: Option<char>,
    sep: char,
}

/// `_strong_form`: ASCII lower-cased, without `_-.` and spaces, without trailing digits.
fn strong_form(text: impl Iterator<Item = char>) -> Vec<char> {
    let mut form: Vec<char> = text
        .filter(|c| !matches!(c, '_' | '-' | '.' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    while form.last().is_some_and(|c| c.is_ascii_digit()) {
        form.pop();
    }
    form
}

/// `_ends_word`: can a key or context word end with `c` (ASCII letter/digit/_ or CJK)?
fn ends_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || is_cjk(c)
}

/// `_is_key_char`: what a key is made of (ASCII letters, digits, `_.-`, CJK).
fn is_key_char(c: char) -> bool {
    (c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')) || is_cjk(c)
}

/// `_is_key_start`: where a key may begin (ASCII letter, `_`, CJK).
fn is_key_start(c: char) -> bool {
    (c.is_ascii_alphabetic() || c == '_') || is_cjk(c)
}

/// `key_before`: the key right before `view[start]` (reads backwards from the value; the
/// same result as `_KEY_BEFORE_VALUE.search(view, start - 64, start)`).
fn key_before(view: &[char], start: usize) -> Option<KeyMatch> {
    let start = start.min(view.len());
    let lo = start.saturating_sub(KEY_LOOKBACK);
    let mut i = start;
    let mut quote = None;
    let sep;
    if i > lo && view[i - 1] == '/' {
        sep = '/';
        i -= 1;
    } else {
        while i > lo && is_space(view[i - 1]) {
            i -= 1;
        }
        if i > lo && matches!(view[i - 1], '"' | '\'') {
            i -= 1;
        }
        while i > lo && is_space(view[i - 1]) {
            i -= 1;
        }
        if i <= lo || !matches!(view[i - 1], ':' | '=') {
            return None;
        }
        sep = view[i - 1];
        i -= 1;
        while i > lo && is_space(view[i - 1]) {
            i -= 1;
        }
        if i > lo && matches!(view[i - 1], '"' | '\'') {
            quote = Some(view[i - 1]);
            i -= 1;
        }
    }
    let key_end = i;
    let limit = lo.max(key_end.saturating_sub(48));
    // why: Python rstrips the ASCII key characters, then loops on through 汉字; both steps
    // strip key characters, so one loop gives the same start.
    while i > limit && is_key_char(view[i - 1]) {
        i -= 1;
    }
    (i..key_end)
        .find(|&first| is_key_start(view[first]))
        .map(|first| KeyMatch {
            start: first,
            end: key_end,
            quote,
            sep,
        })
}

/// `_may_follow_key`: cheap pre-check, is there a `:`, `=` or `/` right before the value
/// (behind at most a few spaces and quotes)?
fn may_follow_key(view: &[char], start: usize) -> bool {
    let start = start.min(view.len());
    let mut index = start;
    // `index` here is Python's `index + 1`, so it never goes below zero
    while index > 0
        && start - (index - 1) <= 8
        && matches!(view[index - 1], ' ' | '\t' | '"' | '\'')
    {
        index -= 1;
    }
    index > 0 && matches!(view[index - 1], ':' | '=' | '/')
}

/// `_labels_another_value`: is there another value between a window word ending at
/// `word_end` and the candidate at `start`? A numbered word (`IMEI1`) and a list
/// (`imei=4901…,3520…`) keep labelling.
fn labels_another_value(view: &[char], word_end: usize, start: usize) -> bool {
    let start = start.min(view.len());
    if word_end >= start {
        return false;
    }
    // _NUMBER_SUFFIX = [0-9]{1,2}(?![0-9]) matched at word_end, the string ending at start
    let mut digits = 0;
    while word_end + digits < start && digits < 3 && view[word_end + digits].is_ascii_digit() {
        digits += 1;
    }
    let from = if digits == 1 || digits == 2 {
        word_end + digits
    } else {
        word_end
    };
    let between = &view[from..start];
    if !between.iter().any(char::is_ascii_digit) {
        return false;
    }
    // view[word_end:start].rstrip()[-1:] not in _LIST_SEPARATORS
    match between.iter().rev().find(|&&c| !is_space(c)) {
        Some(c) => !LIST_SEPARATORS.contains(c),
        None => true,
    }
}

/// `_window_form`: case and the separators `_-. ` ignored (tradeNo, trade_no).
fn window_form(word: &str) -> String {
    word.to_lowercase()
        .chars()
        .filter(|&c| !is_word_separator(c))
        .collect()
}

/// `_WORD_SEPARATORS` (and the `[_\-. ]` between the parts of a window word).
fn is_word_separator(c: char) -> bool {
    matches!(c, '_' | '-' | '.' | ' ')
}

/// The first half of `_key_tokens` for an ASCII key or word: a `_` at each camelCase
/// boundary (`(?<=[a-z0-9])(?=[A-Z])`), lower-cased, then a `_` before a digit suffix
/// (`(?<=[a-z])(?=[0-9])`, tested on the lower-cased text).
fn spaced_key(key: impl IntoIterator<Item = u8>) -> Vec<u8> {
    let mut spaced = Vec::with_capacity(24);
    let mut previous: Option<u8> = None; // in the key
    let mut previous_lowered: Option<u8> = None; // in the key after the camelCase split
    for c in key {
        if previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
            && c.is_ascii_uppercase()
        {
            spaced.push(b'_');
            previous_lowered = Some(b'_');
        }
        let lowered = c.to_ascii_lowercase();
        if previous_lowered.is_some_and(|p| p.is_ascii_lowercase()) && lowered.is_ascii_digit() {
            spaced.push(b'_');
        }
        spaced.push(lowered);
        previous = Some(c);
        previous_lowered = Some(lowered);
    }
    spaced
}

/// The second half of `_key_tokens`: split on `[_.\-\s]+` (Python's whitespace), no empty
/// tokens.
fn split_key(spaced: &[u8]) -> Vec<&[u8]> {
    spaced
        .split(|&c| matches!(c, b'_' | b'.' | b'-') || is_space(char::from(c)))
        .filter(|token| !token.is_empty())
        .collect()
}

/// `str.rfind` on code points.
fn rfind(haystack: &[char], needle: &[char]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&p| haystack[p..p + needle.len()] == *needle)
}

/// Characters that Python's `IGNORECASE` matches to an ASCII letter besides its two cases
/// (found by testing every code point with Python 3.11's `re`): KELVIN SIGN to k, LONG S to
/// s, capital I with dot and dotless i to i. Returns the lower-case ASCII character `c`
/// stands for, if any.
fn ascii_fold(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some((c as u8).to_ascii_lowercase());
    }
    match c {
        '\u{212A}' => Some(b'k'),
        '\u{17F}' => Some(b's'),
        '\u{130}' | '\u{131}' => Some(b'i'),
        _ => None,
    }
}

/// Does `c` match the pattern character `p` (ASCII, lower-case) under `IGNORECASE`?
fn ascii_eq(p: u8, c: char) -> bool {
    ascii_fold(c) == Some(p.to_ascii_lowercase())
}

/// `(?<![A-Za-z@])` under `IGNORECASE`: the characters that block it.
fn blocks_ascii_word(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c == '@'
        || matches!(c, '\u{130}' | '\u{131}' | '\u{17F}' | '\u{212A}')
}

/// `sre_lower_unicode`: the first character of the lower-case mapping.
fn sre_lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// `_sre.unicode_iscased`.
fn sre_is_cased(c: char) -> bool {
    sre_lower(c) != c || c.to_uppercase().next().unwrap_or(c) != c
}

/// `re._casefix._EXTRA_CASES` of Python 3.11: lower-case characters that share their
/// upper case with other lower-case characters (`IGNORECASE` matches them to each other).
const EXTRA_CASES: &[(char, &[char])] = &[
    ('\u{69}', &['\u{131}']),
    ('\u{73}', &['\u{17f}']),
    ('\u{b5}', &['\u{3bc}']),
    ('\u{131}', &['\u{69}']),
    ('\u{17f}', &['\u{73}']),
    ('\u{345}', &['\u{3b9}', '\u{1fbe}']),
    ('\u{390}', &['\u{1fd3}']),
    ('\u{3b0}', &['\u{1fe3}']),
    ('\u{3b2}', &['\u{3d0}']),
    ('\u{3b5}', &['\u{3f5}']),
    ('\u{3b8}', &['\u{3d1}']),
    ('\u{3b9}', &['\u{345}', '\u{1fbe}']),
    ('\u{3ba}', &['\u{3f0}']),
    ('\u{3bc}', &['\u{b5}']),
    ('\u{3c0}', &['\u{3d6}']),
    ('\u{3c1}', &['\u{3f1}']),
    ('\u{3c2}', &['\u{3c3}']),
    ('\u{3c3}', &['\u{3c2}']),
    ('\u{3c6}', &['\u{3d5}']),
    ('\u{3d0}', &['\u{3b2}']),
    ('\u{3d1}', &['\u{3b8}']),
    ('\u{3d5}', &['\u{3c6}']),
    ('\u{3d6}', &['\u{3c0}']),
    ('\u{3f0}', &['\u{3ba}']),
    ('\u{3f1}', &['\u{3c1}']),
    ('\u{3f5}', &['\u{3b5}']),
    ('\u{432}', &['\u{1c80}']),
    ('\u{434}', &['\u{1c81}']),
    ('\u{43e}', &['\u{1c82}']),
    ('\u{441}', &['\u{1c83}']),
    ('\u{442}', &['\u{1c84}', '\u{1c85}']),
    ('\u{44a}', &['\u{1c86}']),
    ('\u{463}', &['\u{1c87}']),
    ('\u{1c80}', &['\u{432}']),
    ('\u{1c81}', &['\u{434}']),
    ('\u{1c82}', &['\u{43e}']),
    ('\u{1c83}', &['\u{441}']),
    ('\u{1c84}', &['\u{442}', '\u{1c85}']),
    ('\u{1c85}', &['\u{442}', '\u{1c84}']),
    ('\u{1c86}', &['\u{44a}']),
    ('\u{1c87}', &['\u{463}']),
    ('\u{1c88}', &['\u{a64b}']),
    ('\u{1e61}', &['\u{1e9b}']),
    ('\u{1e9b}', &['\u{1e61}']),
    ('\u{1fbe}', &['\u{345}', '\u{3b9}']),
    ('\u{1fd3}', &['\u{390}']),
    ('\u{1fe3}', &['\u{3b0}']),
    ('\u{a64b}', &['\u{1c88}']),
    ('\u{fb05}', &['\u{fb06}']),
    ('\u{fb06}', &['\u{fb05}']),
];

/// How one character of a non-ASCII window word matches under `IGNORECASE` (what sre
/// compiles a literal to: LITERAL, LITERAL_UNI_IGNORE or IN_UNI_IGNORE).
#[derive(Debug, Clone, Copy)]
enum Literal {
    /// An uncased character (汉字, digits, punctuation): itself only.
    Exact(char),
    /// An ASCII letter: see [`ascii_eq`].
    Ascii(u8),
    /// Another cased character: any `c` whose `sre_lower` is `lower` or one of `extra`.
    Fold { lower: char, extra: &'static [char] },
}

impl Literal {
    fn new(p: char) -> Literal {
        if p.is_ascii_alphabetic() {
            return Literal::Ascii(p as u8);
        }
        if p.is_ascii() || !sre_is_cased(p) {
            return Literal::Exact(p);
        }
        let lower = sre_lower(p);
        let extra = EXTRA_CASES
            .iter()
            .find(|(k, _)| *k == lower)
            .map_or(&[][..], |(_, v)| *v);
        Literal::Fold { lower, extra }
    }

    fn matches(self, c: char) -> bool {
        match self {
            Literal::Exact(p) => c == p,
            Literal::Ascii(p) => ascii_eq(p, c),
            Literal::Fold { lower, extra } => {
                let l = sre_lower(c);
                l == lower || extra.contains(&l)
            }
        }
    }
}

/// Size of the first-character filter of the non-ASCII window words, in 64-bit words.
const FILTER_WORDS: usize = 16;

/// The filter bit of a character: characters that match each other under `IGNORECASE`
/// (as an ASCII letter or exactly) share it.
fn filter_bucket(c: char) -> usize {
    let key = ascii_fold(c).map_or(c as usize, usize::from);
    key % (FILTER_WORDS * 64)
}

fn set_bucket(filter: &mut [u64; FILTER_WORDS], c: char) {
    let bucket = filter_bucket(c);
    filter[bucket / 64] |= 1 << (bucket % 64);
}

/// Slot of `WindowRegex::by_first` for positions whose character folds to no ASCII
/// character (only an empty word can match there).
const NO_ASCII: usize = 128;

/// `ContextScorer._compile_window_regex`, matched by hand:
/// `cjk1|cjk2|…|(?<![A-Za-z@])(?:w1|w2|…)(?:number|num|no|code)?(?-i:(?![a-z]))` with
/// `IGNORECASE`, words longest first, ASCII words with `[_\-. ]?` between their parts.
#[derive(Debug, Clone)]
struct WindowRegex {
    /// The non-ASCII words, tried first.
    cjk: Vec<Vec<Literal>>,
    /// First-character filter for `cjk`: bit [`filter_bucket`] of every possible first
    /// character is set (all of them when a word starts with another cased character).
    cjk_first: [u64; FILTER_WORDS],
    /// The ASCII words of the group: their parts (lower-case ASCII), `[_\-. ]?` between.
    ascii: Vec<Vec<Vec<u8>>>,
    /// For each folded first character (slot [`NO_ASCII`] for the others), the indices of
    /// the ASCII words that can start with it, in order (an empty word can start anywhere).
    by_first: Vec<Vec<usize>>,
}

impl WindowRegex {
    fn new(words: &[Word]) -> Option<WindowRegex> {
        if words.is_empty() {
            return None;
        }
        // longest first so 手机号码 is preferred over 手机 at the same position (stable)
        let mut order: Vec<&Word> = words.iter().collect();
        order.sort_by_key(|word| std::cmp::Reverse(word.chars.len()));
        let mut cjk: Vec<Vec<Literal>> = Vec::new();
        let mut ascii: Vec<Vec<Vec<u8>>> = Vec::new();
        for word in order {
            if word.text.is_ascii() {
                let bytes = word.text.as_bytes();
                let mut parts: Vec<Vec<u8>> = bytes
                    .split(|&c| is_word_separator(char::from(c)))
                    .filter(|part| !part.is_empty())
                    .map(<[u8]>::to_vec)
                    .collect();
                if parts.is_empty() {
                    parts = vec![bytes.to_vec()]; // `or re.escape(word)`
                }
                ascii.push(parts);
            } else {
                cjk.push(word.chars.iter().map(|&c| Literal::new(c)).collect());
            }
        }
        let mut cjk_first = [0u64; FILTER_WORDS];
        for word in &cjk {
            match word.first() {
                Some(&Literal::Exact(c)) => set_bucket(&mut cjk_first, c),
                Some(&Literal::Ascii(c)) => set_bucket(&mut cjk_first, char::from(c)),
                _ => cjk_first = [u64::MAX; FILTER_WORDS],
            }
        }
        let mut by_first = vec![Vec::new(); NO_ASCII + 1];
        for (i, parts) in ascii.iter().enumerate() {
            match parts.first().and_then(|part| part.first()) {
                Some(&c) => by_first[usize::from(c.to_ascii_lowercase())].push(i),
                None => by_first.iter_mut().for_each(|slot| slot.push(i)),
            }
        }
        Some(WindowRegex {
            cjk,
            cjk_first,
            ascii,
            by_first,
        })
    }

    /// The end of the match at `at` (the string ending at `endpos`), trying the
    /// alternatives in order as sre does. `must_advance` refuses an empty match (finditer
    /// after an empty match).
    fn match_at(
        &self,
        view: &[char],
        at: usize,
        endpos: usize,
        must_advance: bool,
    ) -> Option<usize> {
        let first = view[..endpos].get(at).copied();
        let may_be_cjk = first.is_some_and(|c| {
            let bucket = filter_bucket(c);
            self.cjk_first[bucket / 64] & (1 << (bucket % 64)) != 0
        });
        for word in self.cjk.iter().filter(|_| may_be_cjk) {
            let stop = at + word.len();
            if stop <= endpos
                && word.iter().zip(&view[at..stop]).all(|(p, &c)| p.matches(c))
                && !(must_advance && stop == at)
            {
                return Some(stop);
            }
        }
        if self.ascii.is_empty() || (at > 0 && blocks_ascii_word(view[at - 1])) {
            return None;
        }
        let slot = match first.and_then(ascii_fold) {
            Some(c) => usize::from(c),
            None => NO_ASCII,
        };
        for &i in &self.by_first[slot] {
            let Some(word_end) = match_parts(&self.ascii[i], view, at, endpos) else {
                continue;
            };
            let suffixes = GLUED_SUFFIXES
                .iter()
                .map(|s| s.as_bytes())
                .chain([&b""[..]]);
            for suffix in suffixes {
                let Some(stop) = match_ascii(suffix, view, word_end, endpos) else {
                    continue;
                };
                // (?-i:(?![a-z])), the string ending at endpos
                let free = stop >= endpos || !view[stop].is_ascii_lowercase();
                if free && !(must_advance && stop == at) {
                    return Some(stop);
                }
            }
        }
        None
    }

    /// `pattern.search(view, pos, endpos)`: the leftmost match as `(start, end)`.
    fn search(
        &self,
        view: &[char],
        pos: usize,
        endpos: usize,
        must_advance: bool,
    ) -> Option<(usize, usize)> {
        let endpos = endpos.min(view.len());
        if pos > endpos {
            return None;
        }
        (pos..=endpos).find_map(|at| {
            self.match_at(view, at, endpos, must_advance && at == pos)
                .map(|stop| (at, stop))
        })
    }

    /// The last match of `pattern.finditer(view, pos, endpos)` (non-overlapping; after an
    /// empty match the next one must not be empty at the same place).
    fn find_last(&self, view: &[char], pos: usize, endpos: usize) -> Option<(usize, usize)> {
        let mut last = None;
        let mut pos = pos;
        let mut must_advance = false;
        while let Some((from, to)) = self.search(view, pos, endpos, must_advance) {
            last = Some((from, to));
            must_advance = from == to;
            pos = to;
        }
        last
    }
}

/// One ASCII window word at `at`: its parts with an optional `[_\-. ]` between them. The
/// separator is taken whenever present: a part never starts with one, so not taking it
/// could not match (sre's backtracking has no other choice to make).
fn match_parts(parts: &[Vec<u8>], view: &[char], at: usize, endpos: usize) -> Option<usize> {
    let mut pos = at;
    for (k, part) in parts.iter().enumerate() {
        if k > 0 && pos < endpos && is_word_separator(view[pos]) {
            pos += 1;
        }
        pos = match_ascii(part, view, pos, endpos)?;
    }
    Some(pos)
}

/// An ASCII literal at `at` under `IGNORECASE`, not past `endpos`.
fn match_ascii(literal: &[u8], view: &[char], at: usize, endpos: usize) -> Option<usize> {
    let stop = at + literal.len();
    if stop > endpos {
        return None;
    }
    literal
        .iter()
        .zip(&view[at..stop])
        .all(|(&p, &c)| ascii_eq(p, c))
        .then_some(stop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;

    fn custom(
        words: &[&str],
        negative: &[&str],
        negative_keys: &[&str],
        window: usize,
    ) -> ContextPlan {
        let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        ContextPlan {
            words: strings(words),
            negative: strings(negative),
            negative_keys: strings(negative_keys),
            window,
            boost_bp: 3500,
            key_boost_bp: 4000,
            penalty_bp: 4000,
            key_penalty_bp: 6000,
            strong: Vec::new(),
            strong_score_bp: 0,
        }
    }

    #[test]
    fn strong_keys_sit_right_before_the_value() {
        let scorer = scorers().remove("cn_resident_id").expect("built-in");
        let check = |text: &str, value: &str| {
            let view: Vec<char> = text.chars().collect();
            let prefix = &text[..text.find(value).expect("value in text")];
            let start = prefix.chars().count();
            let end = start + value.chars().count();
            let context = scorer.score(&view, start, end);
            scorer.strong_hit(&view, start, &context).map(|h| h.word)
        };
        let id = "440301199003071234";
        assert_eq!(
            check(&format!("身份证号：{id}"), id).as_deref(),
            Some("身份证号")
        );
        assert_eq!(
            check(&format!("\"idCardNo\":\"{id}\""), id).as_deref(),
            Some("idcard")
        );
        assert_eq!(check(&format!("idcard_hash={id}"), id), None);
        assert_eq!(check(&format!("/idcard/{id}"), id), None);
        assert_eq!(check(&format!("user {id}"), id), None);
    }

    /// The built-in recognizers' scorers and the custom plans of the generator script
    /// (odd words: an empty one, separators only, non-ASCII cased, duplicates, keys only).
    fn scorers() -> HashMap<String, ContextScorer> {
        let mut scorers: HashMap<String, ContextScorer> = Plan::builtin()
            .recognizers
            .iter()
            .map(|r| (r.id.clone(), ContextScorer::new(&r.context)))
            .collect();
        let customs = [
            (
                "custom_mixed",
                custom(
                    &[
                        "Phone",
                        "phone",
                        "ID Card",
                        "卡号",
                        "IP地址",
                        "Straße",
                        "ΟΔΟΣ",
                        "-",
                        "x.y",
                        "e mail",
                        "KEY",
                        "ıd",
                        "登录 ip",
                    ],
                    &[
                        "phone", "order_id", "Order.ID", "订单", "ſn", "tel_2", "orderid",
                    ],
                    &["chrome", "订单", "ua"],
                    10,
                ),
            ),
            ("custom_empty", custom(&["", "tel"], &["-", "no"], &[], 16)),
            ("custom_keys", custom(&[], &[], &["chrome", "UA"], 32)),
            ("custom_w0", custom(&["phone", "手机"], &[], &[], 0)),
            (
                "custom_sep",
                custom(
                    &[" ", "a b", "ab", "Ab-", "µ", "İd"],
                    &["_", ".", "ι"],
                    &[],
                    200,
                ),
            ),
        ];
        for (name, plan) in customs {
            scorers.insert(name.to_string(), ContextScorer::new(&plan));
        }
        scorers
    }

    #[test]
    fn scorer_is_send_and_sync() {
        fn shared<T: Send + Sync>() {}
        shared::<ContextScorer>();
    }

    #[test]
    fn key_tokens_split_like_python() {
        let tokens = |key: &str| -> Vec<String> {
            let spaced = spaced_key(key.bytes());
            split_key(&spaced)
                .iter()
                .map(|token| String::from_utf8_lossy(token).into_owned())
                .collect()
        };
        assert_eq!(tokens("userPhone2"), ["user", "phone", "2"]);
        assert_eq!(tokens("IMEI1"), ["imei", "1"]); // lower-cased before the digit split
        assert_eq!(tokens("x-forwarded-for"), ["x", "forwarded", "for"]);
        assert_eq!(tokens("id card\x1cno"), ["id", "card", "no"]);
        assert_eq!(tokens("__a..B"), ["a", "b"]);
        assert!(tokens("_-.").is_empty());
    }

    #[test]
    fn key_before_reads_back_from_the_value() {
        let view: Vec<char> = "x \"userPhone\" :  '138".chars().collect();
        let key = key_before(&view, 18).expect("a key");
        assert_eq!(
            (key.start, key.end, key.quote, key.sep),
            (3, 12, Some('"'), ':')
        );
        let view: Vec<char> = "Chrome/120".chars().collect();
        let key = key_before(&view, 7).expect("a key");
        assert_eq!((key.start, key.end, key.quote, key.sep), (0, 6, None, '/'));
        let view: Vec<char> = "123=456".chars().collect();
        assert!(key_before(&view, 4).is_none()); // a key starts with a letter, _ or 汉字
    }

    /// xorshift64*: a tiny deterministic generator for the property test.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn never_panics() {
        const PIECES: &[&str] = &[
            "phone",
            "PHONE",
            "imei",
            "no",
            "Number",
            "order_id",
            "id card",
            "tel",
            "ts",
            "ip",
            "手机",
            "号码",
            "订单号",
            "身份证",
            "版本",
            "地址",
            "0",
            "7",
            "138",
            ":",
            "=",
            "/",
            "\"",
            "'",
            " ",
            "\t",
            ",",
            "、",
            "@",
            "-",
            "_",
            ".",
            "（",
            "\u{1c}",
            "\u{3000}",
            "\u{212a}",
            "\u{17f}",
            "\u{130}",
            "\u{131}",
            "\u{10ff80}",
            "\u{10ffff}",
            "Σ",
            "ς",
            "µ",
            "\u{345}",
            "ß",
            "ẞ",
            "k",
            "S",
            "x",
            "",
        ];
        let scorers = scorers();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..150 {
            let mut view = String::new();
            for _ in 0..rng.below(14) {
                view.push_str(PIECES[rng.below(PIECES.len())]);
            }
            let chars: Vec<char> = view.chars().collect();
            for scorer in scorers.values() {
                for start in 0..=chars.len() {
                    for end in start..=chars.len() {
                        let result = scorer.score(&chars, start, end);
                        assert_eq!(result.hit.is_none(), result.adjust_bp == 0, "{view:?}");
                    }
                }
                // indices Python never passes are clamped, not a panic
                scorer.score(&chars, chars.len() + 3, chars.len() + 9);
                scorer.score(&chars, chars.len(), 0);
                scorer.score(&chars, usize::MAX, usize::MAX);
            }
        }
    }

    #[test]
    fn matches_python() {
        let scorers = scorers();
        let mut failures = Vec::new();
        for &(name, view, start, end, adjust_bp, word, positive, source) in PYTHON_CASES {
            let chars: Vec<char> = view.chars().collect();
            let got = scorers[name].score(&chars, start, end);
            let expected = ContextResult {
                adjust_bp,
                hit: match source {
                    'k' | 'w' => Some(ContextHit {
                        word: word.to_string(),
                        positive,
                        source: if source == 'k' {
                            HitSource::Key
                        } else {
                            HitSource::Window
                        },
                    }),
                    _ => None,
                },
            };
            if got != expected {
                failures.push(format!(
                    "{name} {view:?} {start}..{end}: got {got:?}, Python {expected:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} differ:\n{}",
            failures.len(),
            PYTHON_CASES.len(),
            failures.join("\n")
        );
    }

    type PythonCase = (
        &'static str,
        &'static str,
        usize,
        usize,
        i32,
        &'static str,
        bool,
        char,
    );

    /// Cases computed by `ContextScorer(spec.context).score(view, start, end)` of the Python
    /// package: (scorer, view, start, end, round(adjust * 10000), hit word, positive,
    /// source: 'k' key, 'w' window, '-' no hit). Undecodable bytes (Python's lone surrogates
    /// U+DC80..U+DCFF) are written as U+10FF80..U+10FFFF, as the view holds them.
    #[rustfmt::skip]
    const PYTHON_CASES: &[PythonCase] = &[
    ("imei", "尾号:a:用d490154203237518", 7, 22, 0, "", false, '-'),
    ("mac_address", "b户的00:1A:2B:3C:4D:5E VERSION is ", 3, 20, 0, "", false, '-'),
    ("ip_address", "imei=490154203237518,|_/.;）/在6用192.168.1.10  src 2", 31, 43, 0, "", false, '-'),
    ("ip_address", "email=192.168.1.10", 6, 18, 0, "", false, '-'),
    ("cn_mobile", "order.id=13812345678 imei", 9, 20, -6000, "order_id", false, 'k'),
    ("cn_mobile", "a_户=13812345678", 4, 15, 0, "", false, '-'),
    ("email", "证件号 数fMozilla/5.0 user@example.com-了   版本", 18, 34, 0, "", false, '-'),
    ("cn_resident_id", "seqa d,C 、-:/、|据在-_志a;了Be:x据6据的y4a11010519491231002X 版本", 34, 52, 0, "", false, '-'),
    ("mac_address", "yA了户y00:1A:2B:3C:4D:5EPhoneNO", 5, 22, 0, "", false, '-'),
    ("ip_address", "client=/x日志\u{9}|（Bz户C/=eax-b.）:B户日e192.168.1.10 mac地址", 32, 44, 3500, "地址", true, 'w'),
    ("imei", "订单号:490154203237518", 4, 19, -6000, "订单号", false, 'k'),
    ("email", "e mail  =phoneNumber=user@example.com联系: 2", 21, 37, 0, "", false, '-'),
    ("cn_resident_id", "=11010519491231002X 订单", 1, 19, -4000, "订单", false, 'w'),
    ("email", "证号1:\u{9}了） f_志日日了6=数日ef\u{9}\u{9}user@example.com@phone", 22, 38, 0, "", false, '-'),
    ("cn_resident_id", "cert_no为据\u{9}_ .aB了|C_（A; B||B 了y;C了）请数e日用411010519491231002X号码是 '1", 40, 58, 0, "", false, '-'),
    ("ip_address", "uuid=192.168.1.10，订单号", 5, 17, 0, "", false, '-'),
    ("mac_address", "wifi_macs:\u{9}数z日x据）了c| b请|A7志;:-ad z数数fB用请据00:1A:2B:3C:4D:5E 志\u{9}", 41, 58, 0, "", false, '-'),
    ("cn_resident_id", "tscode:在11010519491231002X 设备号:", 8, 26, -4000, "ts", false, 'w'),
    ("cn_mobile", "order_id=13812345678 telephone", 9, 20, -6000, "order_id", false, 'k'),
    ("email", "的-x日 e志 cfzea在1.edaf了Ca数/8 e数0-用A user@example.com", 34, 50, 0, "", false, '-'),
    ("ip_address", "订单mobile:192.168.1.10y户", 9, 21, 0, "", false, '-'),
    ("imei", "|的用z的/ 的:/c;请 _=户z Ad490154203237518", 21, 36, 0, "", false, '-'),
    ("mac_address", "uuidcode:用户00:1A:2B:3C:4D:5E trace_id=abc", 11, 28, -4000, "uuid", false, 'w'),
    ("imei", "cert no ax 手机phone=490154203237518数日 ade(TS= 2", 19, 34, 0, "", false, '-'),
    ("email", "imeisv=user@example.com 卡号 ", 7, 23, 0, "", false, '-'),
    ("mac_address", "phone_13=00:1A:2B:3C:4D:5E WIFI_MAC:=", 9, 26, 0, "", false, '-'),
    ("mac_address", "HWaddr 00:1A:2B:3C:4D:5E", 7, 24, 3500, "hw_addr", true, 'w'),
    ("mac_address", "bssid 00:1A:2B:3C:4D:5E", 6, 23, 3500, "bssid", true, 'w'),
    ("email", " 用、BCuser@example.com 邮箱", 5, 21, 3500, "邮箱", true, 'w'),
    ("imei", "串号、ay请Cc490154203237518  国际移动设备识别码 - 1", 8, 23, 3500, "国际移动设备识别码", true, 'w'),
    ("cn_mobile", "1orderid,-在了、b在;b a户=y:fd,在B;A（.e据eb请xeA数户在a13812345678，订单号", 44, 55, 0, "", false, '-'),
    ("imei", "ID-CARD （_请数日-） d:yy日了aC 了CbB了户、;490154203237518", 33, 48, -4000, "card", false, 'w'),
    ("bank_card", "编号（|IMEI/6222021234567890123日C  PAY_CARD是 2", 9, 28, -6000, "imei", false, 'k'),
    ("ip_address", "e,据请户日y5日a）e（.、志c（用.了数）192.168.1.10/志的mac", 23, 35, 0, "", false, '-'),
    ("imei", "ts=490154203237518cxtimestamp -  2", 3, 18, -6000, "ts", false, 'k'),
    ("mac_address", "、za（（5志CC的A用00:1A:2B:3C:4D:5E device", 12, 29, 0, "", false, '-'),
    ("email", "'tel':'user@example.com", 7, 23, 0, "", false, '-'),
    ("email", "e-mail为:a_）2、,adBuser@example.comA.|  身份证", 17, 33, 0, "", false, '-'),
    ("cn_resident_id", "户b\u{9}1a,据日、  ;AA:aCb、a\u{9}户=-请|户B-（e的了在f 志-;11010519491231002X(_交易号为:", 39, 57, 0, "", false, '-'),
    ("bank_card", "identity为据.C,cf.用户 3y_、了C_caz（e日;_ ab|.6222021234567890123", 39, 58, 0, "", false, '-'),
    ("cn_mobile", "seq\u{9} zd在f 了）户\u{9}户/y数志 ,的 =志e数数-|zAe用a13812345678（_日;请 request_id、1", 35, 46, 0, "", false, '-'),
    ("mac_address", "mobile: 00:1A:2B:3C:4D:5E", 8, 25, 0, "", false, '-'),
    ("mac_address", "ETAG ;-b;2）数的-了的 的在b）-0   \u{9}日,在d/了 5）b/;00:1A:2B:3C:4D:5EycxC志 station：:", 39, 56, 0, "", false, '-'),
    ("bank_card", "/phone/6222021234567890123d 单号:1", 7, 26, 0, "", false, '-'),
    ("imei", "设备标识\u{9}、fb Bae-了\u{9}B:）, 户|日-\u{9}C 在bz（A.|=6数490154203237518 身份证", 37, 52, -4000, "身份证", false, 'w'),
    ("bank_card", "tel 、 |7_数 （y66222021234567890123 id_num1 :", 14, 33, 0, "", false, '-'),
    ("mac_address", "card no 的z在_04用,（、ce_xd__了,据00:1A:2B:3C:4D:5EphoneNOx", 28, 45, 0, "", false, '-'),
    ("cn_mobile", "orderID=13812345678", 8, 19, -6000, "order_id", false, 'k'),
    ("mac_address", "SESSION,00:1A:2B:3C:4D:5E 邮件", 8, 25, -4000, "session", false, 'w'),
    ("cn_mobile", "联系方式：的=z的b用:| ,户）.8C 户;日,8=了zay日|b的B13812345678", 36, 47, 0, "", false, '-'),
    ("ip_address", "phone123=192.168.1.10串号", 9, 21, 0, "", false, '-'),
    ("mac_address", "phone:\u{a0}00:1A:2B:3C:4D:5E \u{39f}\u{394}\u{39f}\u{3a3}", 7, 24, 0, "", false, '-'),
    ("imei", "/api/v1/user/490154203237518imei is =", 13, 28, 0, "", false, '-'),
    ("ip_address", "2phone=192.168.1.10", 7, 19, 0, "", false, '-'),
    ("email", "邮件、请user@example.com", 4, 20, 3500, "邮件", true, 'w'),
    ("cn_mobile", "sha256:13812345678phoneNumber", 7, 18, 3500, "phonenumber", true, 'w'),
    ("ip_address", "device_id: 192.168.1.10a请e,用卡号=", 11, 23, 0, "", false, '-'),
    ("bank_card", "批次号,6222021234567890123卡号,", 4, 23, 3500, "卡号", true, 'w'),
    ("ip_address", "edg is ,.日,|:|z数e户户据z-_的f户,|.请-了192.168.1.10据", 32, 44, 0, "", false, '-'),
    ("mac_address", "7B（b:a）|、00:1A:2B:3C:4D:5E(TOKEN、 2", 9, 26, 0, "", false, '-'),
    ("cn_mobile", "_|d用请B:\u{9}了据ya志）:户bcCeB日（2（f13812345678", 26, 37, 0, "", false, '-'),
    ("imei", "traceId: 490154203237518(串号No=", 9, 24, -6000, "trace_id", false, 'k'),
    ("cn_mobile", "requestid1 is 13812345678请", 14, 25, -4000, "requestid", false, 'w'),
    ("bank_card", "x = \"6222021234567890123(id card\u{9}1", 5, 24, 0, "", false, '-'),
    ("ip_address", "z用//=|- ））了（ef|）Cd-/e的据x 用数 在日6bxy192.168.1.10（hostcode ", 34, 46, 3500, "host", true, 'w'),
    ("email", "电子邮件:user@example.com", 5, 21, 4000, "电子邮件", true, 'k'),
    ("email", "（邮件请、d-、日用志y请了在\u{9}b数请 /日cuser@example.com card", 23, 39, 3500, "邮件", true, 'w'),
    ("email", "的|.=/eb志;的df日日y \u{9}a志 日志\u{9}:数Ad据;的请A_user@example.com", 33, 49, 0, "", false, '-'),
    ("mac_address", "Wifi_Mac - e3\u{9}x）（用 （_.B）f数日|据e户;在了请B_请|,,|、:00:1A:2B:3C:4D:5E（WIFI_MAC -  2", 44, 61, 3500, "wifi_mac", true, 'w'),
    ("cn_resident_id", "key 数3|6userPhone=11010519491231002X日（了志phonenumberx", 18, 36, 0, "", false, '-'),
    ("cn_resident_id", "ts - ye11010519491231002X（、ff日, \u{39f}\u{394}\u{39f}\u{3a3}", 7, 25, -4000, "ts", false, 'w'),
    ("cn_resident_id", "imeisv=11010519491231002X id card：", 7, 25, 0, "", false, '-'),
    ("cn_mobile", "\u{131}d trace_id=13812345678", 12, 23, -6000, "trace_id", false, 'k'),
    ("bank_card", "ua B6222021234567890123", 4, 23, 0, "", false, '-'),
    ("cn_mobile", "c的、  ed,C数）ad y-在、户=的y/c.z志（ 用13812345678 Phone", 30, 41, 3500, "phone", true, 'w'),
    ("imei", "sfz ）e了 dUA=490154203237518 @tel", 12, 27, 0, "", false, '-'),
    ("bank_card", "trace_id b66222021234567890123", 11, 30, 0, "", false, '-'),
    ("bank_card", "订单：.fc户:|xz,x的 的A:aye,/d日8:请数5:;、c（了6222021234567890123A.  快递单号\u{9}=", 36, 55, 0, "", false, '-'),
    ("imei", "device_id: 490154203237518 card", 11, 26, 4000, "device_id", true, 'k'),
    ("cn_mobile", "MOBILE_NO|13812345678  request_id - 1", 10, 21, 3500, "mobileno", true, 'w'),
    ("ip_address", "登录IP =a_d/zphone =\u{9}'192.168.1.10", 20, 32, 0, "", false, '-'),
    ("cn_resident_id", "@serial_no:y .b、请bb.1e据B C数d a; e 户=f C了 的11010519491231002X", 42, 60, 0, "", false, '-'),
    ("cn_mobile", "Trace_Id - BB;（、 在=志f13812345678a9y\u{9}手机\u{10FFFF}", 21, 32, 3500, "手机", true, 'w'),
    ("cn_resident_id", "id.card.no、用请a -用y志（（f:的\u{9}日=x）\u{9}用11010519491231002Xx.y", 31, 49, 3500, "id_card_no", true, 'w'),
    ("bank_card", "收款账户 is fB-日B、-请\u{9}的_bf了请（了数,请a请fyd,用c日请了d用b据6222021234567890123", 43, 62, 0, "", false, '-'),
    ("bank_card", "identity_no、户B;1|B请户_（6222021234567890123 手机", 22, 41, 0, "", false, '-'),
    ("ip_address", "qq=192.168.1.10 v2", 3, 15, 0, "", false, '-'),
    ("mac_address", ".了a|志;志在y了.,6|-ab_的户.cx z/C700:1A:2B:3C:4D:5E", 28, 45, 0, "", false, '-'),
    ("cn_resident_id", "\u{9}-C|11010519491231002X用x请C,的", 4, 22, 0, "", false, '-'),
    ("mac_address", "@phone.com zyx_phone=00:1A:2B:3C:4D:5E;0B;请BphoneNumber", 21, 38, 0, "", false, '-'),
    ("mac_address", "order_id=00:1A:2B:3C:4D:5E 3", 9, 26, 0, "", false, '-'),
    ("email", "工号请cc请的/了 在,A_;a9）B9z志x| /za（-e志c用的 \u{9}user@example.com", 37, 53, 0, "", false, '-'),
    ("imei", "设备号、户a请a-c/B=9fB=x0C日zf）=在y了C490154203237518银行卡=", 29, 44, 0, "", false, '-'),
    ("cn_mobile", "id_card_no=13812345678", 11, 22, 0, "", false, '-'),
    ("email", "y数7, f据user@example.comB、的,", 7, 23, 0, "", false, '-'),
    ("cn_mobile", "Cell：/x日请在用=,.e7 y//用）数日、_的af、13812345678", 30, 41, 3500, "cell", true, 'w'),
    ("cn_resident_id", "登录IP 日9\u{9}a在Chrome/11010519491231002X（单号\u{9} 2", 17, 35, 0, "", false, '-'),
    ("cn_mobile", "qq为y:a ba:用_B13812345678 批次号\u{9} 2", 13, 24, -4000, "批次号", false, 'w'),
    ("imei", "v490154203237518", 1, 16, 0, "", false, '-'),
    ("bank_card", "信用卡=d6222021234567890123  串号是 2", 5, 24, 3500, "信用卡", true, 'w'),
    ("ip_address", "edge,192.168.1.10phoneNumber", 5, 17, 0, "", false, '-'),
    ("imei", "a:户 、志d/xe7的1日）志b ,）  f:在A志490154203237518 bill_no 2", 27, 42, 0, "", false, '-'),
    ("cn_resident_id", "用户手机 /（ fa id_card_no=11010519491231002X ip", 22, 40, 4000, "idcard", true, 'k'),
    ("bank_card", "Phone-Number:6222021234567890123(Identity_Card - =", 13, 32, 0, "", false, '-'),
    ("cn_mobile", "PHONE_NO=13812345678phonenumber is  2", 9, 20, 4000, "phone", true, 'k'),
    ("cn_mobile", "Seq是=x了y请f,了据f_ _C/日ecBAb日户-,据,志日y:13812345678\u{10FF80}手机", 35, 46, 3500, "手机", true, 'w'),
    ("ip_address", "证件号码 192.168.1.10订单", 5, 17, 0, "", false, '-'),
    ("mac_address", "PHONE_NO=00:1A:2B:3C:4D:5E IMEI", 9, 26, 0, "", false, '-'),
    ("bank_card", "用户phone=6222021234567890123", 8, 27, 0, "", false, '-'),
    ("cn_resident_id", "a@tel e.日|b请phonenumberno=11010519491231002X", 26, 44, 0, "", false, '-'),
    ("mac_address", "日ezA4数\u{9} 的/日00:1A:2B:3C:4D:5E_;日  \u{39f}\u{394}\u{39f}\u{3a3}", 11, 28, 0, "", false, '-'),
    ("ip_address", "PHONE_NO=192.168.1.10（fw, 2", 9, 21, 0, "", false, '-'),
    ("email", "IMEI 3520 sn=user@example.com", 13, 29, 0, "", false, '-'),
    ("imei", "订单 z用IP: 490154203237518\u{10FF80}手机", 9, 24, -4000, "订单", false, 'w'),
    ("mac_address", "mac=00:1A:2B:3C:4D:5E order_id", 4, 21, 4000, "mac", true, 'k'),
    ("ip_address", "Addr\u{9}192.168.1.10 device", 5, 17, 3500, "addr", true, 'w'),
    ("cn_mobile", "BATCH_NO=;A了日a数据zC在f-cz请了a了c在d志:、/x据日;户数fbf;13812345678（联系方式、", 44, 55, 3500, "联系方式", true, 'w'),
    ("cn_resident_id", "cardNo 6_数6）C 数用_d:/  、bdcc 4、/请、, a-11010519491231002X", 37, 55, 0, "", false, '-'),
    ("ip_address", "邮箱 ）d志据、了y数||请在-ydyy;）_C/,（数b）（Bf\u{9}z-192.168.1.10身份证1101", 36, 48, 0, "", false, '-'),
    ("ip_address", "终端IMEI998441393900477（用户提供）用户\u{9}在） |志的c .（数户请在x了e （z的-A2A、\u{9} b在数192.168.1.10host：=", 61, 73, 3500, "host", true, 'w'),
    ("mac_address", "订单号:00:1A:2B:3C:4D:5E身份证号码是：", 4, 21, 0, "", false, '-'),
    ("bank_card", "订单号 da6222021234567890123手机\u{10FFFF}", 6, 25, -4000, "订单号", false, 'w'),
    ("cn_mobile", "hwaddr 13812345678 ver", 7, 18, 0, "", false, '-'),
    ("imei", "out_trade_no,了Cy）B= 请.B490154203237518）、（ae  版本", 23, 38, -4000, "out_trade_no", false, 'w'),
    ("email", " ） 日_在0 /\u{9}y在d/;;）dBA;1请 志;（:（ .yuser@example.com\u{9}mobile", 32, 48, 0, "", false, '-'),
    ("ip_address", "c7c7）B8B在Ay））\u{9}用=、=\u{9}8=ezc 据据用f）by（用192.168.1.10 mail:", 34, 46, 0, "", false, '-'),
    ("cn_mobile", "手机号码,日\u{9}（了A=-=数A13812345678", 15, 26, 3500, "手机号码", true, 'w'),
    ("imei", "\u{3bf}\u{3b4}\u{3bf}\u{3c3} d/）B志户:.数户（、 bx ,yCzeefa\u{9} （B490154203237518(终端  2", 33, 48, 0, "", false, '-'),
    ("ip_address", "edgios,e用户x请.a了ff、 bAf的用 数（户:请_x192.168.1.10cB ", 32, 44, 0, "", false, '-'),
    ("ip_address", "client_ip is _ 192.168.1.10PEER=", 15, 27, 3500, "clientip", true, 'w'),
    ("email", "\"phone\": \"user@example.com", 10, 26, 0, "", false, '-'),
    ("mac_address", "bssid ） =的、（acyCf用的.\u{9}d|zAAd（8用\u{9}y/户.B请00:1A:2B:3C:4D:5E\u{1c}手机", 37, 54, 0, "", false, '-'),
    ("cn_resident_id", "邮箱：11010519491231002X version:", 3, 21, 0, "", false, '-'),
    ("ip_address", "y\u{9}c 户| 志、、\u{9}b日,c;用.-c /\u{9}在志b请192.168.1.10  crios -  2", 27, 39, 0, "", false, '-'),
    ("cn_resident_id", "span_id is :11010519491231002X", 12, 30, -4000, "span_id", false, 'w'),
    ("cn_resident_id", "mac=11010519491231002X(order_id=1", 4, 22, 0, "", false, '-'),
    ("bank_card", "idCardNo=6222021234567890123", 9, 28, -6000, "id_card", false, 'k'),
    ("cn_resident_id", "batch_no 户的MAC Address: 11010519491231002X  biz_no： 2", 24, 42, -4000, "batch_no", false, 'w'),
    ("imei", "seq=490154203237518 deviceids", 4, 19, -6000, "seq", false, 'k'),
    ("mac_address", "单号ephone_13=00:1A:2B:3C:4D:5E", 12, 29, 0, "", false, '-'),
    ("ip_address", "kernel - bf户日 ;ey yf在志户用A\u{9}87.志,,A\u{9} zx:的192.168.1.10", 39, 51, 0, "", false, '-'),
    ("imei", "trace is 了户y在\u{9}a在z0、fyy ）yzff请a | /ey志,6了的/;户490154203237518 card", 44, 59, 0, "", false, '-'),
    ("imei", "ORDER为\u{9}了yc据C数a请志cd-6日z（Cd（:|db  ）日（b;用490154203237518", 38, 53, 0, "", false, '-'),
    ("bank_card", "卡号\u{9}6222021234567890123 身份证", 3, 22, 3500, "卡号", true, 'w'),
    ("imei", "1流水号 - 490154203237518.据  账号是=", 7, 22, -4000, "流水号", false, 'w'),
    ("bank_card", "QQ:6222021234567890123", 3, 22, 0, "", false, '-'),
    ("bank_card", "订单 7据6222021234567890123 card_number、:", 5, 24, 3500, "cardnumber", true, 'w'),
    ("cn_resident_id", "iban B11010519491231002X B数 telephone", 6, 24, 0, "", false, '-'),
    ("ip_address", "REMOTE_ADDR=的）在 |d）  :192.168.1.10", 22, 34, 3500, "remote_addr", true, 'w'),
    ("ip_address", "手机 .z./api/v1/user/192.168.1.10", 19, 31, 0, "", false, '-'),
    ("imei", "order=:了490154203237518x.y", 8, 23, -4000, "order", false, 'w'),
    ("imei", "快递单号 - 、z|-;x;b_f,、6cd.y/.x490154203237518", 27, 42, 0, "", false, '-'),
    ("cn_mobile", "span_id - 用yy   ）;f的e;志（cz用\u{9}by a（y  e_的A_志13812345678据,  手机号s =", 42, 53, 3500, "手机号", true, 'w'),
    ("mac_address", "STATION, 00:1A:2B:3C:4D:5E 版 ", 9, 26, 3500, "station", true, 'w'),
    ("cn_mobile", "订单mobile:13812345678(order:=", 9, 20, 4000, "mobile", true, 'k'),
    ("cn_mobile", "card/13812345678（验证码为:", 5, 16, 0, "", false, '-'),
    ("bank_card", "qq 6222021234567890123(开户 -  2", 3, 22, 3500, "开户", true, 'w'),
    ("cn_resident_id", "身份证号用11010519491231002X 'x", 5, 23, 3500, "身份证号", true, 'w'),
    ("cn_resident_id", "sfz （户.;z||A\u{9}.,zA的=A,、用Ce）、（d11010519491231002X ip", 29, 47, 3500, "sfz", true, 'w'),
    ("cn_mobile", "mobile_no 3 7用）==请fA、数、）志:xf\u{9}y._,fc日在）-b志.d13812345678 phone:", 43, 54, 0, "", false, '-'),
    ("cn_resident_id", "uid \u{9}用 ,户 .的ccey日据 4日的:\u{9}请/-请户据=d\u{9}\u{9} 11010519491231002X", 35, 53, 0, "", false, '-'),
    ("cn_mobile", "id_number BcA_cellPhone:13812345678 X-Y", 24, 35, 4000, "cellphone", true, 'k'),
    ("ip_address", "a@tel pid:192.168.1.10（micromessenger is ", 10, 22, 0, "", false, '-'),
    ("bank_card", "/,x数/AyB/）_|A了的3数6222021234567890123，订单号", 17, 36, 0, "", false, '-'),
    ("ip_address", "IP地址为192.168.1.10 户y_ ver: 2", 5, 17, 3500, "ip地址", true, 'w'),
    ("mac_address", "mobile: 00:1A:2B:3C:4D:5E;用= span__id 2", 8, 25, 0, "", false, '-'),
    ("cn_mobile", "certNo=13812345678", 7, 18, 0, "", false, '-'),
    ("ip_address", "版本号:192.168.1.10 Micromessenger是", 4, 16, -6000, "版本号", false, 'k'),
    ("ip_address", "bssid C-（B B了|据e=-数请、dAe日x（f请在10x==、\u{9}192.168.1.10x户-yzc", 37, 49, 0, "", false, '-'),
    ("bank_card", "card/6222021234567890123(TS,=", 5, 24, 4000, "card", true, 'k'),
    ("cn_mobile", "身份证:13812345678", 4, 15, 0, "", false, '-'),
    ("bank_card", "流水号 6222021234567890123志_c X-Y", 4, 23, -4000, "流水号", false, 'w'),
    ("imei", "工号: :y）了C;z）\u{9}（的请z志x A7a用志（ =据志B=490154203237518", 32, 47, 0, "", false, '-'),
    ("cn_resident_id", "'tel':'11010519491231002X,版本号码们是的：1", 7, 25, 0, "", false, '-'),
    ("mac_address", "Key=00:1A:2B:3C:4D:5E在1 phone", 4, 21, 0, "", false, '-'),
    ("cn_resident_id", "MAC地址 ::户了y了&mobile_no=11010519491231002X", 23, 41, 0, "", false, '-'),
    ("cn_mobile", "据 8.Azy:c数b \u{9} |了了c请daf/13812345678", 23, 34, 0, "", false, '-'),
    ("mac_address", "交易号 ） 00:1A:2B:3C:4D:5E phone", 6, 23, 0, "", false, '-'),
    ("mac_address", "id_number .bank_account=00:1A:2B:3C:4D:5Ex.y", 24, 41, 0, "", false, '-'),
    ("cn_mobile", "batch_no,z f了c数（B:C6户e/.;/zx3、户7了的了=户了、（CB的113812345678请BTRADE_NO,1", 44, 55, 0, "", false, '-'),
    ("email", "card/user@example.com  邮箱 - ", 5, 21, 0, "", false, '-'),
    ("mac_address", "deviceId=00:1A:2B:3C:4D:5E IMEI", 9, 26, 0, "", false, '-'),
    ("cn_resident_id", "IDENTITY_CARD,z志4//Abxd,户的的 ,的A （数|c,,94:据数C:-e11010519491231002X了、, tel", 47, 65, 0, "", false, '-'),
    ("imei", "身份证,e;-a  e51据志数A.-  --z户x了bCC,志-;的490154203237518", 35, 50, 0, "", false, '-'),
    ("imei", "志 c;|zaA   请;\u{9}e户（日日 az:B,）z5了日A=_=B-490154203237518卡号", 36, 51, -4000, "卡号", false, 'w'),
    ("ip_address", "\u{39f}\u{394}\u{39f}\u{3a3} |Cphone\u{3000}:192.168.1.10手机\u{10FFFF}", 14, 26, 0, "", false, '-'),
    ("cn_mobile", "sms .用=c据eyAad 日= ;.A.、/a.y;=.、=  ）AA13812345678", 37, 48, 0, "", false, '-'),
    ("ip_address", "a= '192.168.1.10志志   micromessengerNUM =", 4, 16, 0, "", false, '-'),
    ("cn_mobile", "单号12为/e13812345678", 7, 18, -4000, "单号", false, 'w'),
    ("ip_address", "BUILD is z了\u{9} d2志的、.用,:CBbx_:|e）、（ 了请9Axx  192.168.1.10 -", 42, 54, 0, "", false, '-'),
    ("email", "mail为=_C=在据在、1、|/ydb 日了（.xd数b户f据据|: |user@example.com", 37, 53, 0, "", false, '-'),
    ("email", "证件号 据-Contact: user@example.com", 15, 31, 0, "", false, '-'),
    ("imei", "IMEI12 \u{9}/）Ca,Ax-x户:a.b3d-/=490154203237518 ph", 27, 42, 0, "", false, '-'),
    ("mac_address", "物理地址codea;志的日00:1A:2B:3C:4D:5Ephonenumberx", 13, 30, 3500, "物理地址", true, 'w'),
    ("imei", "@身份证 （:的、dy1=d.z了ABy用了B;:Ax请/A））_ c;x:=（490154203237518", 40, 55, 0, "", false, '-'),
    ("cn_resident_id", "phone =\u{9}'11010519491231002X", 9, 27, 0, "", false, '-'),
    ("mac_address", "- 数日|4f00:1A:2B:3C:4D:5E device", 7, 24, 0, "", false, '-'),
    ("bank_card", "尾号 is 6222021234567890123,13912345678", 6, 25, 3500, "尾号", true, 'w'),
    ("mac_address", "5zbfzB00:1A:2B:3C:4D:5E 卡号 ", 6, 23, 0, "", false, '-'),
    ("imei", "订单号:490154203237518(uuid、", 4, 19, -6000, "订单号", false, 'k'),
    ("ip_address", "）e_ |数:、Cz数请A3请 fx y在|据了aA\u{9}B192.168.1.10", 28, 40, 0, "", false, '-'),
    ("email", "电子邮箱 - -ca的a_在数d/户a 3B、/.,B|;据据ec;在、e=user@example.com（邮件::", 38, 54, 0, "", false, '-'),
    ("bank_card", "idcard,\u{9}c.A :a了）数6B_ |=,/数的1据|,,d0）/户e6222021234567890123  debit_card为:", 38, 57, 0, "", false, '-'),
    ("bank_card", "ver 户志eBd户据d日A\u{9}用（.,xa=.0数数,=az;=;.日b请在用6222021234567890123dCA\u{9}/日", 39, 58, 0, "", false, '-'),
    ("bank_card", "\u{130}MEI ez_contactTel=6222021234567890123（TRACEID是1", 19, 38, 0, "", false, '-'),
    ("imei", "4）用 、A.、在,在请了d数eA=;（（）的x.;在1 \u{9}fy在在户在请B490154203237518（@txn_id、=", 38, 53, 0, "", false, '-'),
    ("imei", "aimei:490154203237518 国际移动设备识别码,1", 6, 21, 4000, "imei", true, 'k'),
    ("ip_address", "7d据xaC）据x日（C192.168.1.10 Micromessenger: 2", 12, 24, 0, "", false, '-'),
    ("mac_address", "工号用）z证件号码 00:1A:2B:3C:4D:5E", 10, 27, 0, "", false, '-'),
    ("ip_address", "src ,据;的请（户;B/  5,db-了:了|请据志）  .、数192.168.1.10 client_ip是:", 34, 46, 0, "", false, '-'),
    ("imei", "trace:.de;a e:）x490154203237518 手机串号 is ", 16, 31, 3500, "手机串号", true, 'w'),
    ("cn_mobile", "时间: 13812345678SPAN_ID is ", 4, 15, 0, "", false, '-'),
    ("email", "邮箱1 \u{9}据_志 user@example.com 手机", 9, 25, 3500, "邮箱", true, 'w'),
    ("ip_address", "请致电:志;数.\u{9}\u{9}户:志的4\u{9}_,（日7CA日d, b 7\u{9}; =192.168.1.10(版本)", 34, 46, 0, "", false, '-'),
    ("email", "联系 - user@example.com版本号码们是的：1", 5, 21, 3500, "联系", true, 'w'),
    ("email", "telephone 了据user@example.com(手机)", 12, 28, 0, "", false, '-'),
    ("mac_address", "\u{131}mei x在build_sha=00:1A:2B:3C:4D:5E  etag是:", 17, 34, -6000, "build_sha", false, 'k'),
    ("mac_address", "serial_no=00:1A:2B:3C:4D:5E（version为 2", 10, 27, 0, "", false, '-'),
    ("bank_card", "AA）志x数的40\u{9}6222021234567890123 卡号", 10, 29, 3500, "卡号", true, 'w'),
    ("email", "E-Mail\u{9}/user@example.com", 8, 24, 3500, "e-mail", true, 'w'),
    ("cn_mobile", " 志:数 的）\u{9}）xb=13812345678", 12, 23, 0, "", false, '-'),
    ("ip_address", "trace_id=192.168.1.10", 9, 21, 0, "", false, '-'),
    ("cn_mobile", "QQ:13812345678、", 3, 14, -6000, "qq", false, 'k'),
    ("cn_resident_id", "certificate_no is 11010519491231002X  asfzh、:", 18, 36, 3500, "certificate_no", true, 'w'),
    ("ip_address", "IMEI2=192.168.1.10B（=", 6, 18, 0, "", false, '-'),
    ("mac_address", "mac_addresss is 00:1A:2B:3C:4D:5E.z了c ", 16, 33, 3500, "mac", true, 'w'),
    ("ip_address", "尾号 _户y-x|,fyf:（日、了b据、a- 5b、192.168.1.10|", 27, 39, 0, "", false, '-'),
    ("mac_address", "x.y  了、a.b-c_d=00:1A:2B:3C:4D:5E", 15, 32, 0, "", false, '-'),
    ("bank_card", "account number：=9.的A、d; zyyb户77=|（志）e.、|z8）:_6222021234567890123 email", 45, 64, 0, "", false, '-'),
    ("cn_mobile", "版本号 据日用B:Az数.请a了了志f（0 据c户数C数）B. x志zf志13812345678在df A|", 37, 48, 0, "", false, '-'),
    ("mac_address", "meid 了|c（7）,的、d|数cfe户1a/B了;/=-00:1A:2B:3C:4D:5E card", 30, 47, 0, "", false, '-'),
    ("mac_address", "request_id:的C;5的日 b:户b据=志B|bx的  、 B 日） 据C _00:1A:2B:3C:4D:5E", 43, 60, 0, "", false, '-'),
    ("bank_card", "身份证6222021234567890123", 3, 22, -4000, "身份证", false, 'w'),
    ("ip_address", "cardNum=192.168.1.10版本号码", 8, 20, 0, "", false, '-'),
    ("ip_address", "Safari/192.168.1.10", 7, 19, -6000, "safari", false, 'k'),
    ("cn_resident_id", "身份证号 |志y、 y-户C的请A|据 :a 的日11010519491231002X卡号=", 25, 43, 3500, "身份证号", true, 'w'),
    ("imei", "时间: 490154203237518 Phone", 4, 19, 0, "", false, '-'),
    ("bank_card", "设备号 在用日用4户Ab=c,户dxz的/ac日了请志数f6222021234567890123\u{10FF80}手机", 29, 48, 0, "", false, '-'),
    ("bank_card", "account_number、（B、2 |志B ;c日cy-caBe/x的\u{9}的,6222021234567890123.eBy", 40, 59, 0, "", false, '-'),
    ("email", "电子邮件 - |user@example.com v2", 8, 24, 3500, "电子邮件", true, 'w'),
    ("imei", "交易号 户、\u{9}.z490154203237518版本号码", 9, 24, -4000, "交易号", false, 'w'),
    ("imei", "phone.num 据macAddr=4901542032375185C version:", 19, 34, 0, "", false, '-'),
    ("cn_mobile", "2phone=13812345678", 7, 18, 4000, "phone", true, 'k'),
    ("email", "邮箱 z;user@example.com tel", 5, 21, 3500, "邮箱", true, 'w'),
    ("imei", "deviceidcode - 490154203237518 卡号", 15, 30, -4000, "卡号", false, 'w'),
    ("imei", "sfzh=490154203237518", 5, 20, 0, "", false, '-'),
    ("email", "Account Number 3.B-,x| d请A2;d据 户, 在A在在bc;_在日） fuser@example.com 卡号 ", 47, 63, 0, "", false, '-'),
    ("ip_address", "trade-no B=fd请xbuild_sha=192.168.1.10 email", 25, 37, -6000, "build", false, 'k'),
    ("ip_address", "addr 4（/UA=192.168.1.10的", 11, 23, 0, "", false, '-'),
    ("cn_resident_id", "order _11010519491231002X  shenfenzheng 1", 7, 25, -4000, "order", false, 'w'),
    ("ip_address", "\u{130}MEI ;\u{9}用户身份证号192.168.1.10", 13, 25, 0, "", false, '-'),
    ("mac_address", "bssid is ,）据、 B/.a了.了请eb,、据的c户户户志/c 、ay/、Ced00:1A:2B:3C:4D:5E 1trace_id、:", 44, 61, 0, "", false, '-'),
    ("mac_address", "联系电话为dphone =\u{9}'00:1A:2B:3C:4D:5E版本", 15, 32, 0, "", false, '-'),
    ("bank_card", "IDCARD：z 用据志-/请在数- 志）数 志（（-6222021234567890123  requestid :", 27, 46, -4000, "id card", false, 'w'),
    ("cn_mobile", "交易号是13812345678 版 ", 4, 15, -4000, "交易号", false, 'w'),
    ("ip_address", "client_ip是用B在、、192.168.1.10 设备号:", 15, 27, 3500, "clientip", true, 'w'),
    ("imei", "设备识别码: （490154203237518", 8, 23, 3500, "设备识别码", true, 'w'),
    ("cn_mobile", "trace_id is 户\u{9}用（的0_,B  用d请_7志A 、f据了 c,、y\u{9}、Cx13812345678/数（bB_ 卡号", 44, 55, 0, "", false, '-'),
    ("cn_resident_id", "a /11010519491231002Xcert_idnumber、1", 3, 21, 0, "", false, '-'),
    ("bank_card", "cardnumber=户:、fA6222021234567890123", 16, 35, 3500, "cardnumber", true, 'w'),
    ("mac_address", "BLUETOOTH,志d请;数=x-Cb00:1A:2B:3C:4D:5E8: a _mac_addr1", 20, 37, 3500, "mac", true, 'w'),
    ("imei", "订单号:490154203237518 订单号:123", 4, 19, -6000, "订单号", false, 'k'),
    ("cn_mobile", "phone =\u{9}'13812345678", 9, 20, 4000, "phone", true, 'k'),
    ("cn_mobile", "Msisdn is __fzc13812345678 tel", 15, 26, 3500, "tel", true, 'w'),
    ("cn_mobile", "UUID、ea）2bd 户）据 ;数1\u{9}.Af的z用在e-）/的日 据|: 13812345678:a IP地址", 38, 49, 0, "", false, '-'),
    ("cn_resident_id", "终端 ether 11010519491231002X 订单", 9, 27, -4000, "订单", false, 'w'),
    ("email", "联系:户user@example.com请 订单号:123", 4, 20, 3500, "联系", true, 'w'),
    ("mac_address", "Rev is 00:1A:2B:3C:4D:5E（bssid is ", 7, 24, 3500, "bssid", true, 'w'),
    ("bank_card", "a.b-c_d=6222021234567890123 \u{39f}\u{394}\u{39f}\u{3a3}", 8, 27, 0, "", false, '-'),
    ("cn_mobile", "短信验证码8phone_13=13812345678", 15, 26, 4000, "phone", true, 'k'),
    ("ip_address", "tel 户在;据A 、cx在户\u{9}在:,.  的志）c-/志d_请日zc.192.168.1.10", 36, 48, 0, "", false, '-'),
    ("email", "MAC地址 ax byTel.: user@example.com", 17, 33, 0, "", false, '-'),
    ("cn_resident_id", "offset=11010519491231002X串号", 7, 25, -6000, "offset", false, 'k'),
    ("imei", "trace is eAC（y/\u{9}请B日4z（ec据\u{9}据|z请  .z日C数f（b了a-据490154203237518", 44, 59, 0, "", false, '-'),
    ("email", "单号A用用email=user@example.com了 email", 11, 27, 4000, "email", true, 'k'),
    ("email", "志的C（、f=e=在x3（de用.了,c、请- _ 户B34日6户a4user@example.com身份证号码是：", 35, 51, 0, "", false, '-'),
    ("cn_resident_id", "订单号:11010519491231002XPhoneNO", 4, 22, -6000, "订单号", false, 'k'),
    ("ip_address", "snmp 192.168.1.10(miuibrowser:", 5, 17, -4000, "snmp", false, 'w'),
    ("cn_resident_id", "bank_account=11010519491231002XBx|y （批次号是 2", 13, 31, 0, "", false, '-'),
    ("mac_address", "build_sha\u{9};..C\u{9}据Adc在; 了._=zfcxe数/据f户据（d）、请x00:1A:2B:3C:4D:5E", 43, 60, 0, "", false, '-'),
    ("ip_address", "FIREFOX yz,_\u{9}a在数0 b）志、了\u{9}用用户b:了Bd在-（z_df. /了192.168.1.10", 43, 55, 0, "", false, '-'),
    ("mac_address", "sha1=00:1A:2B:3C:4D:5Ebluetooth是=", 5, 22, -6000, "sha1", false, 'k'),
    ("mac_address", "X-Forwarded-For: 00:1A:2B:3C:4D:5E ver", 17, 34, 0, "", false, '-'),
    ("ip_address", "clientip is Ab的 \u{9}192.168.1.10（CRIOS=", 17, 29, 3500, "clientip", true, 'w'),
    ("ip_address", "cardNum=192.168.1.10（登录ip is ", 8, 20, 0, "", false, '-'),
    ("cn_mobile", "peer 7;请bMAC Address: 13812345678 ", 22, 33, 0, "", false, '-'),
    ("ip_address", "offset=192.168.1.10(crios、:", 7, 19, 0, "", false, '-'),
    ("cn_mobile", "PHONE是的户13812345678\u{1c}手机", 8, 19, 3500, "手机", true, 'w'),
    ("cn_mobile", "MOBILE is 2eC,-=,请志/:af在、bz/,（用b  志bx:）d13812345678", 40, 51, 0, "", false, '-'),
    ("email", "\u{130}d \u{9}-用y志y\u{9}b、（user@example.com\u{3000}手机", 13, 29, 0, "", false, '-'),
    ("cn_mobile", "REQUEST_ID 13812345678 order_id：", 11, 22, -4000, "requestid", false, 'w'),
    ("imei", "imeisv数490154203237518卡号", 7, 22, 3500, "imeisv", true, 'w'),
    ("ip_address", "chromium：了 \u{9}e,b9（;;A.在 数A请\u{9}数数:,,户 192.168.1.10", 34, 46, 0, "", false, '-'),
    ("ip_address", "peer Bdc,4用b 户请192.168.1.10\u{9};d户PhoneNO", 15, 27, 0, "", false, '-'),
    ("cn_mobile", "tsed:ay13812345678", 7, 18, 0, "", false, '-'),
    ("mac_address", "imei_no=00:1A:2B:3C:4D:5E身份证1101", 8, 25, 0, "", false, '-'),
    ("custom_w0", "串号 11010519491231002X", 3, 21, 0, "", false, '-'),
    ("custom_empty", "\u{399}:4在192.168.1.10", 4, 16, -4000, "-", false, 'w'),
    ("custom_keys", "key = 490154203237518号码是 '1", 6, 21, 0, "", false, '-'),
    ("custom_sep", "\u{131}dx000:1A:2B:3C:4D:5E身份证号码是：", 4, 21, 0, "", false, '-'),
    ("custom_mixed", "设备号 11010519491231002X版本号码们是：1", 4, 22, 0, "", false, '-'),
    ("custom_w0", "ver:13812345678", 4, 15, 0, "", false, '-'),
    ("custom_mixed", "uid -B490154203237518", 6, 21, 3500, "-", true, 'w'),
    ("custom_keys", "pan C在志 - b|/Ab6222021234567890123,13912345678", 15, 34, 0, "", false, '-'),
    ("custom_mixed", "Mozilla/5.0 6222021234567890123", 12, 31, 0, "", false, '-'),
    ("custom_sep", "手机phone=6222021234567890123 trace_id=abc", 8, 27, 0, "", false, '-'),
    ("custom_keys", "sha1 192.168.1.10", 5, 17, 0, "", false, '-'),
    ("custom_empty", "orderID=490154203237518 device", 8, 23, 4000, "", true, 'k'),
    ("custom_sep", "cell /的x;c日/411010519491231002Xphonenumberx", 13, 31, 0, "", false, '-'),
    ("custom_mixed", "ip C请490154203237518phonenumberx", 5, 20, 0, "", false, '-'),
    ("custom_sep", "cell 6222021234567890123", 5, 24, 0, "", false, '-'),
    ("custom_keys", "Ab_ ）4192.168.1.10", 6, 18, 0, "", false, '-'),
    ("custom_keys", "a.b）11010519491231002X", 4, 22, 0, "", false, '-'),
    ("custom_mixed", "deviceId=11010519491231002X卡号", 9, 27, 4000, "-", true, 'k'),
    ("custom_empty", "seq =B请、用-了_ c日=490154203237518", 16, 31, 4000, "", true, 'k'),
    ("custom_keys", "ether :490154203237518 Phone", 7, 22, 0, "", false, '-'),
    ("custom_w0", "version=490154203237518", 8, 23, 0, "", false, '-'),
    ("custom_sep", "V c了B9户d-_在192.168.1.10tel", 11, 23, -4000, ".", false, 'w'),
    ("custom_mixed", "a.be/:bz/e请A00:1A:2B:3C:4D:5E X-Y", 12, 29, 3500, "x.y", true, 'w'),
    ("custom_sep", "seq user@example.com", 4, 20, 0, "", false, '-'),
    ("custom_mixed", "sha256:490154203237518\u{1c}手机", 7, 22, 4000, "-", true, 'k'),
    ("custom_keys", "uid 490154203237518", 4, 19, 0, "", false, '-'),
    ("custom_sep", "tel9 user@example.com 邮箱", 5, 21, -4000, ".", false, 'w'),
    ("custom_w0", "mobileNo C_6222021234567890123", 11, 30, 0, "", false, '-'),
    ("custom_empty", "订单号码490154203237518", 4, 19, -4000, "-", false, 'w'),
    ("custom_empty", "uid=user@example.com", 4, 20, 4000, "", true, 'k'),
    ("custom_w0", "mac z、C.11010519491231002X", 8, 26, 0, "", false, '-'),
    ("custom_keys", "证件号码 11010519491231002X串号", 5, 23, 0, "", false, '-'),
    ("custom_keys", "\u{17f}n 6222021234567890123", 3, 22, 0, "", false, '-'),
    ("custom_empty", "cardNo xb:9f 、,志B 00:1A:2B:3C:4D:5E 订单号:123", 18, 35, -4000, "-", false, 'w'),
    ("custom_sep", "/11010519491231002X", 1, 19, 0, "", false, '-'),
    ("custom_w0", "version=user@example.comtel", 8, 24, 0, "", false, '-'),
    ("custom_empty", "PHONE NUMBER 11010519491231002X v2", 13, 31, -4000, "-", false, 'w'),
    ("custom_empty", "QQ:6222021234567890123", 3, 22, 4000, "", true, 'k'),
    ("custom_w0", "uid 用490154203237518", 5, 20, 0, "", false, '-'),
    ("custom_mixed", "订单号:11010519491231002X phone", 4, 22, -6000, "订单", false, 'k'),
    ("custom_sep", "ts ybd户志日_x在的Ax490154203237518手机\u{10FFFF}", 15, 30, 0, "", false, '-'),
    ("custom_empty", "cert no 据d._）a-,了192.168.1.10 Phone", 17, 29, -4000, "-", false, 'w'),
    ("custom_sep", "版本号:6222021234567890123 sn", 4, 23, 0, "", false, '-'),
    ("custom_keys", "工号在据  ）-请\u{9};dc13812345678 imei 1", 13, 24, 0, "", false, '-'),
    ("custom_mixed", "iban 490154203237518", 5, 20, 0, "", false, '-'),
    ("custom_sep", "telno 11010519491231002X", 6, 24, 0, "", false, '-'),
    ("custom_sep", "imei1=00:1A:2B:3C:4D:5E号码是 '1", 6, 23, 4000, " ", true, 'k'),
    ("custom_sep", "用户手机 用00:1A:2B:3C:4D:5E", 6, 23, -4000, ".", false, 'w'),
    ("custom_keys", "order /\u{9}）11010519491231002XPHONENUMBERx", 9, 27, 0, "", false, '-'),
    ("custom_empty", "卡号是=-\u{9}xc:9志;志y=00:1A:2B:3C:4D:5E", 15, 32, 4000, "", true, 'k'),
    ("custom_mixed", "编号A 户在490154203237518", 6, 21, 0, "", false, '-'),
    ("custom_empty", "mobileNo 7;00:1A:2B:3C:4D:5E", 11, 28, -4000, "-", false, 'w'),
    ("custom_mixed", "cell d  e）A| ）8192.168.1.10手机\u{10FFFF}", 15, 27, 0, "", false, '-'),
    ("custom_sep", "Phone B,、490154203237518", 9, 24, 0, "", false, '-'),
    ("custom_keys", "\u{131}mei _,户.A13812345678\u{1c}手机", 10, 21, 0, "", false, '-'),
    ("custom_sep", "ua 的志\u{9}d用xx志_f户:11010519491231002X订单", 15, 33, -6000, "_", false, 'k'),
    ("custom_w0", "手机 z在=z请00:1A:2B:3C:4D:5E", 8, 25, 0, "", false, '-'),
    ("custom_empty", "mobile_no 490154203237518 身份证", 10, 25, -4000, "-", false, 'w'),
    ("custom_empty", "物理地址 xd的据490154203237518", 9, 24, -4000, "-", false, 'w'),
    ("custom_sep", "X Y ,、户B_- |6据192.168.1.10", 14, 26, 0, "", false, '-'),
    ("custom_empty", "tel_2 志buser@example.com", 8, 24, -4000, "-", false, 'w'),
    ("custom_sep", "orderID=00:1A:2B:3C:4D:5E版本", 8, 25, 4000, " ", true, 'k'),
    ("custom_empty", "身份证号码是：192.168.1.10版本号码们是：1", 7, 19, -4000, "-", false, 'w'),
    ("custom_sep", "phone=00:1A:2B:3C:4D:5E email", 6, 23, 4000, " ", true, 'k'),
    ("custom_w0", "a= '13812345678 卡号", 4, 15, 0, "", false, '-'),
    ("custom_w0", "IMEI123 11010519491231002X \u{39f}\u{394}\u{39f}\u{3a3}", 8, 26, 0, "", false, '-'),
    ("custom_sep", "ts 的/志.）:用日7490154203237518", 12, 27, 0, "", false, '-'),
    ("custom_keys", "短信验证码x）f/fc的A6222021234567890123 device", 13, 32, 0, "", false, '-'),
    ("custom_mixed", "version=00:1A:2B:3C:4D:5E", 8, 25, 4000, "-", true, 'k'),
    ("custom_w0", "tel 2 x志B数a请用的的A6222021234567890123 trace_id=abc", 16, 35, 0, "", false, '-'),
    ("custom_mixed", "trade-no 了 a）11010519491231002X  版本", 13, 31, 0, "", false, '-'),
    ("custom_empty", "version b-6222021234567890123", 10, 29, -4000, "-", false, 'w'),
    ("custom_w0", "chrome/00:1A:2B:3C:4D:5E 号码", 7, 24, 0, "", false, '-'),
    ("custom_empty", "卡号 13812345678", 3, 14, -4000, "-", false, 'w'),
    ("custom_sep", "ip 6222021234567890123", 3, 22, 0, "", false, '-'),
    ("custom_sep", "order 13812345678 email", 6, 17, 0, "", false, '-'),
    ("custom_empty", "Phonecode ） user@example.com", 12, 28, -4000, "-", false, 'w'),
    ("custom_keys", "card_number=11010519491231002X X-Y", 12, 30, 0, "", false, '-'),
    ("custom_empty", "seq=00:1A:2B:3C:4D:5E", 4, 21, 4000, "", true, 'k'),
    ("custom_keys", "KEY13812345678", 3, 14, 0, "", false, '-'),
    ("custom_sep", "meid 了x-:\u{9}|;（|zx490154203237518 卡号 ", 16, 31, 0, "", false, '-'),
    ("custom_mixed", "ua 在Be据户（e志00:1A:2B:3C:4D:5E telephone", 11, 28, 0, "", false, '-'),
    ("custom_keys", "E-Mail 志志:cb 请|--13812345678", 17, 28, 0, "", false, '-'),
    ("custom_mixed", "peer 13812345678PhoneNO", 5, 16, 0, "", false, '-'),
    ("custom_mixed", "order id cxA;e_\u{9}请A;fb13812345678", 21, 32, 0, "", false, '-'),
    ("custom_mixed", "Mobile No 11010519491231002X", 10, 28, 0, "", false, '-'),
    ("custom_sep", "2phone=user@example.comphonenumberx", 7, 23, 4000, " ", true, 'k'),
    ("custom_keys", "Stra\u{df}e 日13812345678 telephone", 8, 19, 0, "", false, '-'),
    ("custom_empty", "phone_13=192.168.1.10", 9, 21, 4000, "", true, 'k'),
    ("custom_sep", "V  ;e）（-（c192.168.1.10电话12", 10, 22, -4000, ".", false, 'w'),
    ("custom_sep", "commit 11010519491231002X", 7, 25, 0, "", false, '-'),
    ("custom_empty", "a be -B|_:）192.168.1.10串号", 11, 23, -4000, "-", false, 'w'),
    ("custom_w0", "phoneNumber=00:1A:2B:3C:4D:5E mail:", 12, 29, 4000, "phone", true, 'k'),
    ("custom_sep", "serial 11010519491231002X", 7, 25, 0, "", false, '-'),
    ("custom_keys", "email / x数在9,用dx6222021234567890123", 16, 35, 0, "", false, '-'),
    ("custom_empty", "串号 志户在（（00:1A:2B:3C:4D:5E", 8, 25, -4000, "-", false, 'w'),
    ("custom_keys", "address 00:1A:2B:3C:4D:5E ph", 8, 25, 0, "", false, '-'),
    ("custom_keys", "IMEI1 了:490154203237518", 8, 23, 0, "", false, '-'),
    ("custom_sep", ".user@example.com版本号码们是：1", 1, 17, -4000, ".", false, 'w'),
    ("custom_empty", "no 00:1A:2B:3C:4D:5E imei 1", 3, 20, -4000, "-", false, 'w'),
    ("custom_mixed", "mail:490154203237518", 5, 20, 4000, "-", true, 'k'),
    ("custom_w0", "ID卡=00:1A:2B:3C:4D:5E手机\u{10FFFF}", 4, 21, 0, "", false, '-'),
    ("custom_sep", "a= '490154203237518 'x", 4, 19, 4000, " ", true, 'k'),
    ("custom_empty", "uid 00:1A:2B:3C:4D:5E", 4, 21, -4000, "-", false, 'w'),
    ("custom_mixed", "转账到的a）在 志在.了00:1A:2B:3C:4D:5E(手机)", 12, 29, 0, "", false, '-'),
    ("custom_keys", "ts 11010519491231002X", 3, 21, 0, "", false, '-'),
    ("custom_keys", "STRA\u{1e9e}E 192.168.1.10 ", 7, 19, 0, "", false, '-'),
    ("custom_empty", "key = user@example.com1 phone", 6, 22, 4000, "", true, 'k'),
    ("custom_keys", "ts00:1A:2B:3C:4D:5E", 2, 19, 0, "", false, '-'),
    ("custom_mixed", "E-Mail 490154203237518", 7, 22, 3500, "e mail", true, 'w'),
    ("custom_w0", "IMEI12 user@example.com IP地址", 7, 23, 0, "", false, '-'),
    ("custom_empty", "orderid 用数|00:1A:2B:3C:4D:5E version:", 11, 28, -4000, "-", false, 'w'),
    ("custom_sep", "\u{131}mei  日-志ae192.168.1.10串号", 11, 23, -4000, ".", false, 'w'),
    ("custom_empty", "- b=490154203237518", 4, 19, 4000, "", true, 'k'),
    ("custom_empty", "token user@example.com phone", 6, 22, -4000, "-", false, 'w'),
    ("custom_sep", "bank_account=00:1A:2B:3C:4D:5E", 13, 30, 4000, " ", true, 'k'),
    ("custom_mixed", "iban 11010519491231002X phone:", 5, 23, 0, "", false, '-'),
    ("custom_w0", "telno 数在-6222021234567890123 card", 9, 28, 0, "", false, '-'),
    ("custom_w0", "\u{3bf}\u{3b4}\u{3bf}\u{3c3} a据 f）x、11010519491231002X手机号", 12, 30, 0, "", false, '-'),
    ("custom_keys", "订单 user@example.com", 3, 19, 0, "", false, '-'),
    ("custom_mixed", "idcardnum=00:1A:2B:3C:4D:5E", 10, 27, 4000, "id card", true, 'k'),
    ("custom_w0", "a /6222021234567890123版本号码", 3, 22, 0, "", false, '-'),
    ("custom_mixed", "deviceid 、、=B（ ;据6222021234567890123 IP地址", 17, 36, 3500, "ip地址", true, 'w'),
    ("custom_keys", "from 490154203237518 邮件", 5, 20, 0, "", false, '-'),
    ("custom_empty", "手机 用y a192.168.1.10 设备号:", 7, 19, -4000, "-", false, 'w'),
    ("custom_sep", "serial  日的（的户、..|=192.168.1.10卡号", 18, 30, -4000, ".", false, 'w'),
    ("custom_mixed", "短信验证码志d :日 =/用据490154203237518卡号", 15, 30, 3500, "卡号", true, 'w'),
    ("custom_keys", "Mozilla/5.0 13812345678", 12, 23, 0, "", false, '-'),
    ("custom_w0", "@phone.com e |-00:1A:2B:3C:4D:5E身份证号码是：", 15, 32, 0, "", false, '-'),
    ("custom_mixed", "身份证:192.168.1.10 IMEI", 4, 16, 0, "", false, '-'),
    ("custom_w0", "\u{17f}n 490154203237518号码是 '1", 3, 18, 0, "", false, '-'),
    ("custom_sep", "sha256:6222021234567890123\u{10FF80}手机", 7, 26, 4000, " ", true, 'k'),
    ("custom_mixed", "bank_account=13812345678", 13, 24, 4000, "-", true, 'k'),
    ("custom_mixed", "qq .x d日-A490154203237518@phone", 10, 25, 3500, "-", true, 'w'),
    ("custom_empty", "\u{131}mei user@example.com", 5, 21, -4000, "-", false, 'w'),
    ("custom_w0", "单号user@example.com 订单号:123", 2, 18, 0, "", false, '-'),
    ("custom_w0", "Phone ）3了据fb/|志c490154203237518", 16, 31, 0, "", false, '-'),
    ("custom_keys", "Account Number ,;   =_fy了C）192.168.1.10", 27, 39, 0, "", false, '-'),
    ("custom_w0", "myphone 据00:1A:2B:3C:4D:5E ", 9, 26, 0, "", false, '-'),
    ("custom_sep", "md5 490154203237518", 4, 19, -4000, ".", false, 'w'),
    ("custom_w0", "p-h 、a;、用日ezy  192.168.1.10", 15, 27, 0, "", false, '-'),
    ("custom_empty", "PHONE NUMBER 13812345678", 13, 24, -4000, "-", false, 'w'),
    ("custom_sep", "mobile: 11010519491231002X sn", 8, 26, 4000, " ", true, 'k'),
    ("custom_sep", "version=6222021234567890123 Phone", 8, 27, 4000, " ", true, 'k'),
    ("custom_w0", "dst b :13812345678 mac地址", 7, 18, 0, "", false, '-'),
    ("custom_sep", "mobile_no | 1dbuser@example.com", 15, 31, -4000, ".", false, 'w'),
    ("mac_address", "eBorderid,zxz,, z  xy zx,; yz x;zzx00:1A:2B:3C:4D:5E", 35, 52, 0, "", false, '-'),
    ("custom_empty", "PHONEnumberxy,zzyx; ;13812345678", 21, 32, -4000, "-", false, 'w'),
    ("imei", "C的、ph onez x;zxz;x ;,xy;; ;;;y ;;  ,,,zx490154203237518", 40, 55, 0, "", false, '-'),
    ("custom_empty", " 户id card,,;xyz,z 13812345678", 18, 29, -4000, "-", false, 'w'),
    ("email", "tsz,yzx x ,;zx;y,;z; , yzy;;x ;user@example.com", 31, 47, 0, "", false, '-'),
    ("custom_empty", " A手机号码zxz ,zyxz;;13812345678", 17, 28, -4000, "-", false, 'w'),
    ("custom_mixed", "a了,telephonezyz13812345678", 15, 26, 0, "", false, '-'),
    ("bank_card", "z请meidyzx,y,;,;y;   zzxzyyxzy;, ,,x6222021234567890123", 35, 54, 0, "", false, '-'),
    ("custom_mixed", "ip;yxy ; 13812345678", 9, 20, 0, "", false, '-'),
    ("email", "y联系xx,z y ;zxz;yz;;;z,,x yxyyyyz ,user@example.com", 34, 50, 0, "", false, '-'),
    ("custom_empty", "c-/order id y,, z;,,x,x,;13812345678", 25, 36, -4000, "-", false, 'w'),
    ("custom_empty", "/,X Yzzyzxx, yxy ,,y13812345678", 20, 31, -4000, "-", false, 'w'),
    ("ip_address", "了登录IP,zy ;xxxzy;,; z  ;yyxyzxx ;;z192.168.1.10", 34, 46, 3500, "ip", true, 'w'),
    ("email", "C;b短信验证码;xyx;;,;;zz,y;xzyx;; y z  ;z,y;user@example.com", 39, 55, 0, "", false, '-'),
    ("bank_card", "|\u{39f}\u{394}\u{39f}\u{3a3}; ;,;,, z;;,z xyzzxx,;yxzzyy,x6222021234567890123", 35, 54, 0, "", false, '-'),
    ("bank_card", "日在@phone.comz,xx,y,xxyyyy  xzz ; yz,6222021234567890123", 36, 55, 0, "", false, '-'),
    ("custom_empty", "联系;,,x,;zzxz xy 13812345678", 16, 27, -4000, "-", false, 'w'),
    ("custom_mixed", "数|No.x y,zzzyx13812345678", 14, 25, 3500, "x.y", true, 'w'),
    ("mac_address", "b手机 xx yxz x;zzz,   x;, y;;x yy 00:1A:2B:3C:4D:5E", 32, 49, 0, "", false, '-'),
    ("custom_mixed", "在了trade-no,z xzx ,13812345678", 18, 29, 0, "", false, '-'),
    ("cn_resident_id", "用=Phoney;x;x;xz   zxxxzx;yxy;x; ;z 11010519491231002X", 35, 53, 0, "", false, '-'),
    ("custom_empty", ";在fromz,yx; z;xz 13812345678", 17, 28, -4000, "-", false, 'w'),
    ("cn_mobile", "数\u{9}order id xy;,z, z,yzxy; x;x,x x;;,xx13812345678", 38, 49, 0, "", false, '-'),
    ("mac_address", " e mailzx;z,, x , x;, ;,z, ;;;,y xz;y,00:1A:2B:3C:4D:5E", 38, 55, 0, "", false, '-'),
    ("custom_empty", "的;志kernelx z,xy,;zxy,y13812345678", 22, 33, -4000, "-", false, 'w'),
    ("cn_mobile", "日登录IPz,,z,zxxyzy;xz ,; y; x   ,, z13812345678", 34, 45, 0, "", false, '-'),
    ("custom_mixed", "tsz;,yz, ;y13812345678", 11, 22, 0, "", false, '-'),
    ("email", ".,IMEI1,;z;yyy; z; , y;xz;z;y z;xzuser@example.com", 34, 50, 0, "", false, '-'),
    ("email", "Mobile Noyxx;;;zy;x yyx ,yyx,yzyuser@example.com", 32, 48, 0, "", false, '-'),
    ("mac_address", "-\u{9}b工号zz, ;;;zxyy y x; ,zyyy;x;;,yzzzx00:1A:2B:3C:4D:5E", 37, 54, 0, "", false, '-'),
    ("imei", ":）sfz,,;yz zx yxx;,yx xzz;zx;x x ,y490154203237518", 35, 50, 0, "", false, '-'),
    ("custom_mixed", "在数、单号x,,y;y,y,13812345678", 14, 25, 0, "", false, '-'),
    ("cn_resident_id", "\u{9}azkeysy,;;z, y; ;y xx,zz,xzz;;yz,zz z11010519491231002X", 38, 56, 0, "", false, '-'),
    ("ip_address", "日ph onex;y,y,,,,yy,zxzy  ,zzzyx;,;192.168.1.10", 34, 46, 0, "", false, '-'),
    ("ip_address", ".（IP地址z; zzz;yxy, ;zxzyz,;,x;y ,,192.168.1.10", 33, 45, 3500, "ip地址", true, 'w'),
    ("cn_mobile", "\u{9}B7KEYxzyxz;zx;yxzxyx ;,yy,,yz,, x13812345678", 34, 45, 0, "", false, '-'),
    ("custom_mixed", "志流水号 y,z ;zx 13812345678", 13, 24, 0, "", false, '-'),
    ("custom_mixed", "a请sms , ;; 13812345678", 11, 22, 0, "", false, '-'),
    ("cn_resident_id", "的卡号是 yxzy;,, ,, ;,y  ;;yx,;yy ;;11010519491231002X", 32, 50, 0, "", false, '-'),
    ("ip_address", " ;batch_noz; ;yz ;,zzx; ,,  ,;z, ;, ;,y192.168.1.10", 39, 51, 0, "", false, '-'),
    ("custom_empty", "/.:交易号x, xy;z; ,xz;x13812345678", 20, 31, -4000, "-", false, 'w'),
    ("custom_mixed", "短信验证码 x ,x,;z,13812345678", 14, 25, 0, "", false, '-'),
    ("imei", "7cellphone,;  ;yzzy,zyx ; x yzz ,z 490154203237518", 35, 50, 0, "", false, '-'),
    ("cn_mobile", "据了微信号 y,,,;yzz y;y;,; x,yzy ,,yzz  13812345678", 35, 46, 0, "", false, '-'),
    ("cn_resident_id", "日_ 订单号x,x, , xy;y;,;;y, zz,,,; z x11010519491231002X", 34, 52, -4000, "订单号", false, 'w'),
    ("bank_card", "13812345678", 0, 11, 0, "", false, '-'),
    ("bank_card", "", 0, 0, 0, "", false, '-'),
    ("bank_card", "phone13812345678", 5, 16, 0, "", false, '-'),
    ("bank_card", "13812345678 phone", 0, 11, 0, "", false, '-'),
    ("bank_card", "phone:", 6, 6, 0, "", false, '-'),
    ("bank_card", "tel", 0, 0, 0, "", false, '-'),
    ("bank_card", "tel", 3, 3, 0, "", false, '-'),
    ("cn_mobile", "13812345678", 0, 11, 0, "", false, '-'),
    ("cn_mobile", "phone", 5, 5, 3500, "phone", true, 'w'),
    ("cn_mobile", "手机", 2, 2, 3500, "手机", true, 'w'),
    ("cn_mobile", "phone13812345678", 5, 16, 3500, "phone", true, 'w'),
    ("cn_mobile", "13812345678 phone", 0, 11, 3500, "phone", true, 'w'),
    ("cn_mobile", "phone:", 6, 6, 4000, "phone", true, 'k'),
    ("cn_mobile", "x", 0, 1, 0, "", false, '-'),
    ("cn_mobile", "tel", 0, 0, 3500, "tel", true, 'w'),
    ("cn_mobile", "tel", 3, 3, 3500, "tel", true, 'w'),
    ("cn_resident_id", "13812345678", 0, 11, 0, "", false, '-'),
    ("cn_resident_id", "phone", 5, 5, 0, "", false, '-'),
    ("cn_resident_id", "", 0, 0, 0, "", false, '-'),
    ("cn_resident_id", "手机", 2, 2, 0, "", false, '-'),
    ("cn_resident_id", "phone13812345678", 5, 16, 0, "", false, '-'),
    ("cn_resident_id", "phone:", 6, 6, 0, "", false, '-'),
    ("cn_resident_id", "x", 0, 1, 0, "", false, '-'),
    ("cn_resident_id", "tel", 0, 0, 0, "", false, '-'),
    ("cn_resident_id", "tel", 3, 3, 0, "", false, '-'),
    ("email", "13812345678", 0, 11, 0, "", false, '-'),
    ("email", "", 0, 0, 0, "", false, '-'),
    ("email", "手机", 2, 2, 0, "", false, '-'),
    ("email", "phone13812345678", 5, 16, 0, "", false, '-'),
    ("email", "13812345678 phone", 0, 11, 0, "", false, '-'),
    ("email", "x", 0, 1, 0, "", false, '-'),
    ("email", "tel", 3, 3, 0, "", false, '-'),
    ("imei", "13812345678", 0, 11, 0, "", false, '-'),
    ("imei", "phone", 5, 5, 0, "", false, '-'),
    ("imei", "x", 0, 1, 0, "", false, '-'),
    ("imei", "tel", 3, 3, 0, "", false, '-'),
    ("ip_address", "13812345678", 0, 11, 0, "", false, '-'),
    ("ip_address", "phone", 5, 5, 0, "", false, '-'),
    ("ip_address", "手机", 2, 2, 0, "", false, '-'),
    ("ip_address", "13812345678 phone", 0, 11, 0, "", false, '-'),
    ("ip_address", "phone:", 6, 6, 0, "", false, '-'),
    ("ip_address", "tel", 0, 0, 0, "", false, '-'),
    ("mac_address", "phone", 5, 5, 0, "", false, '-'),
    ("mac_address", "", 0, 0, 0, "", false, '-'),
    ("mac_address", "phone13812345678", 5, 16, 0, "", false, '-'),
    ("mac_address", "phone:", 6, 6, 0, "", false, '-'),
    ("mac_address", "x", 0, 1, 0, "", false, '-'),
    ("mac_address", "tel", 0, 0, 0, "", false, '-'),
    ("custom_mixed", "phone", 5, 5, -4000, "phone", false, 'w'),
    ("custom_mixed", "phone13812345678", 5, 16, -4000, "phone", false, 'w'),
    ("custom_mixed", "13812345678 phone", 0, 11, 0, "", false, '-'),
    ("custom_mixed", "phone:", 6, 6, -6000, "phone", false, 'k'),
    ("custom_mixed", "x", 0, 1, 0, "", false, '-'),
    ("custom_mixed", "tel", 0, 0, 0, "", false, '-'),
    ("custom_mixed", "tel", 3, 3, 0, "", false, '-'),
    ("custom_empty", "13812345678", 0, 11, -4000, "-", false, 'w'),
    ("custom_empty", "phone", 5, 5, 0, "", false, '-'),
    ("custom_empty", "", 0, 0, -4000, "-", false, 'w'),
    ("custom_empty", "手机", 2, 2, -4000, "-", false, 'w'),
    ("custom_empty", "phone13812345678", 5, 16, 0, "", false, '-'),
    ("custom_empty", "13812345678 phone", 0, 11, -4000, "-", false, 'w'),
    ("custom_empty", "phone:", 6, 6, 4000, "", true, 'k'),
    ("custom_empty", "x", 0, 1, -4000, "-", false, 'w'),
    ("custom_empty", "tel", 0, 0, -4000, "-", false, 'w'),
    ("custom_empty", "tel", 3, 3, 3500, "tel", true, 'w'),
    ("custom_keys", "13812345678", 0, 11, 0, "", false, '-'),
    ("custom_keys", "", 0, 0, 0, "", false, '-'),
    ("custom_keys", "phone13812345678", 5, 16, 0, "", false, '-'),
    ("custom_keys", "phone:", 6, 6, 0, "", false, '-'),
    ("custom_keys", "x", 0, 1, 0, "", false, '-'),
    ("custom_keys", "tel", 0, 0, 0, "", false, '-'),
    ("custom_keys", "tel", 3, 3, 0, "", false, '-'),
    ("custom_w0", "phone13812345678", 5, 16, 0, "", false, '-'),
    ("custom_w0", "13812345678 phone", 0, 11, 0, "", false, '-'),
    ("custom_w0", "phone:", 6, 6, 4000, "phone", true, 'k'),
    ("custom_w0", "x", 0, 1, 0, "", false, '-'),
    ("custom_w0", "tel", 0, 0, 0, "", false, '-'),
    ("custom_sep", "13812345678", 0, 11, 0, "", false, '-'),
    ("custom_sep", "phone", 5, 5, 0, "", false, '-'),
    ("custom_sep", "", 0, 0, 0, "", false, '-'),
    ("custom_sep", "手机", 2, 2, 0, "", false, '-'),
    ("custom_sep", "13812345678 phone", 0, 11, 0, "", false, '-'),
    ("custom_sep", "phone:", 6, 6, 4000, " ", true, 'k'),
    ("mac_address", "\u{3000}机id卡xZNo;手.卡", 9, 12, 0, "", false, '-'),
    ("imei", "13812345678nox串snorder\u{131}192.168.1.1）3tel\u{3c2}份、sn9版\u{1e9e},mail", 52, 52, 0, "", false, '-'),
    ("custom_mixed", "phone身（\u{1e9e}手2ts\u{9}址0v\u{3000}3证\u{3a3}\u{3a3}:Phone地=\u{9}手NUM\u{10FF80}份tel地 份", 2, 9, 0, "", false, '-'),
    ("custom_sep", "\u{3000}_no\u{df}\u{212a}ZIMEI\u{130}机\u{3000}order192.168.1.1地b192.168.1.1址订:numberID@卡\u{9}a址号192.168.1.1sncode3", 23, 27, -4000, ".", false, 'w'),
    ("cn_resident_id", "nots\u{3c2}mail0手ID/身Noorder", 4, 16, 0, "", false, '-'),
    ("bank_card", "0\u{3c2}Phone\u{3000}card'00:1A:2B:3C:4D:5E3\u{3c3}code45、0用户单ts证ZverIMEINo.\u{9}", 17, 44, 0, "", false, '-'),
    ("custom_empty", "nocodeipIMEInumx:phonets订ip份qqphone手=13812345678址192.168.1.1=身（", 6, 20, -4000, "no", false, 'w'),
    ("mac_address", "sn\u{3000}xv址证order'traceNUM\u{212a}版bphonex机本-机IMEI45", 38, 40, -4000, "trace", false, 'w'),
    ("custom_empty", "地ts手32numberqq=13812345678", 11, 17, -4000, "-", false, 'w'),
    ("email", "vera\u{df}单份452\u{3c2}\u{a0}\u{10FF80}", 9, 13, 0, "", false, '-'),
    ("custom_empty", "\u{10FFFF}x245串qq\"\u{3a3}ver45imei:b\u{212a}\u{130}", 13, 18, -4000, "-", false, 'w'),
    ("mac_address", "手a00:1A:2B:3C:4D:5E\u{df}192.168.1.1卡号", 25, 26, 0, "", false, '-'),
    ("cn_resident_id", "id、\u{df}机=IDIMEI", 2, 8, 0, "", false, '-'),
    ("ip_address", "\"）31No\u{3000} \u{df}地的）1imei\u{a0};\u{3c2}3tracetelip\u{17f}地\u{1e9e}|", 12, 21, 0, "", false, '-'),
    ("cn_mobile", "_本号\u{9}的;\u{3000}9imei:v身@订/\u{17f}Nonum192.168.1.1mac\u{df}tel", 30, 34, 3500, "tel", true, 'w'),
    ("custom_sep", "份\u{3c3}order证的地订卡、", 2, 9, 0, "", false, '-'),
    ("custom_mixed", "xnumno手=9\u{212a}192.168.1.1num\u{a0}卡\u{3000}tsa\":\u{df}9的码9", 14, 23, 0, "", false, '-'),
    ("cn_resident_id", "身\u{a0}IMEItsnum身\u{3c2}\u{10FF80}\u{a0}2@机\u{1e9e},/ts机单|的ts\u{3a3}mac\u{130}v00:1A:2B:3C:4D:5E/\u{3000}NUM", 41, 44, 0, "", false, '-'),
    ("cn_mobile", "nob|tel的_num、址trace）trace\u{3c2}（/ 址45\u{1c}'|", 1, 7, 0, "", false, '-'),
    ("cn_resident_id", "\u{212a}snip\u{17f}tel（a\u{10FF80}\u{3c3}订址code192.168.1.1", 11, 14, 0, "", false, '-'),
    ("mac_address", "\u{212a}-地）IMEI;card身trace\"\u{212a}串/3192.168.1.1\u{130}\u{10FF80}\u{1e9e}Phone\u{10FFFF}）telqqtel2地\u{17f}（ver;", 28, 36, 0, "", false, '-'),
    ("custom_mixed", "numPhone身sn\u{1c}45No\u{3000}订", 12, 18, 0, "", false, '-'),
    ("custom_keys", "mac）（（ver订192.168.1.1 no|\u{1e9e} qq版No\":sn.45id45\u{1c}\u{3a3}身,IDip\u{df}", 11, 18, 0, "", false, '-'),
    ("bank_card", "用户单证9\u{10FF80}snmailb\u{131}2", 12, 15, 0, "", false, '-'),
    ("custom_w0", "本idbnoid\u{212a}\"192.168.1.1、ts\u{9}'址卡192.168.1.1", 18, 21, 0, "", false, '-'),
    ("custom_keys", "码|ipsn:vsn、,\u{130}\u{1c}sn\u{3a3}codesnnumber3证", 29, 31, 0, "", false, '-'),
    ("email", "/址,_身13812345678单手\u{131};", 12, 20, 0, "", false, '-'),
    ("bank_card", "snPhone|\u{1c}", 5, 7, -4000, "sn", false, 'w'),
    ("custom_empty", "）phone\u{3a3}-IDNover\"2证本单tel\u{10FF80}9\u{17f}\u{1c}\u{df}\u{9}\u{a0}\"\u{3000}址ipqqZ", 16, 16, -4000, "-", false, 'w'),
    ("custom_sep", "的num码,ver\u{9}snver\"-num址\u{3c3}\u{10FF80}份/ID00:1A:2B:3C:4D:5E13812345678机卡\u{1c}号192.168.1.1b、单", 52, 53, 0, "", false, '-'),
    ("custom_empty", "Noverxnumcard\u{df}num用户\u{1c}\u{3000}a@NUM订\u{9}ver678mac", 10, 37, -4000, "-", false, 'w'),
    ("custom_w0", "telnumber码\u{a0}traceID.13812345678", 6, 13, 0, "", false, '-'),
    ("email", ";'45NoPhone（00:1A:2B:3C:4D:5E\u{131}1:maccardsn\u{212a}Z", 15, 26, 0, "", false, '-'),
    ("custom_sep", "00:1A:2B:3C:4D:5E\u{131}678sn\u{a0}3-mac'45号\u{1c}ver00:1A:2B:3C:4D:5E\u{17f}\u{1c}号ip", 51, 52, 0, "", false, '-'),
    ("imei", "\u{17f}用户ts\u{3c3}\u{130}", 7, 7, -4000, "ts", false, 'w'),
    ("cn_mobile", "No", 1, 2, 0, "", false, '-'),
    ("custom_empty", "sn0Z\u{131}-\u{df}'\u{130}ip", 2, 11, 0, "", false, '-'),
    ("imei", "NUM手\u{3a3}", 5, 5, 0, "", false, '-'),
    ("bank_card", "单\u{10FFFF}x|的678本\u{1c}qq\u{3c2};numbercode45a2", 25, 26, 0, "", false, '-'),
    ("email", "numberimei:PhoneID（NUMimeinummail@\u{17f}码ID.址id\u{df}", 19, 42, 0, "", false, '-'),
    ("email", "no\u{9}678\"=code_\u{3a3}'id机卡_\u{3a3}\u{130}678id\u{3a3}13812345678本版2code", 41, 44, 0, "", false, '-'),
    ("custom_mixed", "card.\"）No\u{130}\u{17f}\u{a0}\u{9}No手b版1址tel9card址vnumber\u{10FF80},码的", 8, 14, 0, "", false, '-'),
    ("custom_empty", "tel地13812345678\u{3a3}678No单号192.168.1.1x,）9手串手order/numbercardb\u{3000}45）、证", 5, 14, -4000, "-", false, 'w'),
    ("bank_card", "'ver=678（\u{3c3}IMEInum:3tel址", 6, 12, 0, "", false, '-'),
    ("cn_mobile", "9ver2证\u{1e9e}_版13812345678本卡/机00:1A:2B:3C:4D:5E", 38, 39, 0, "", false, '-'),
    ("ip_address", "/PhonePhone13812345678:本id\u{3a3}00:1A:2B:3C:4D:5E 订_", 35, 43, 0, "", false, '-'),
    ("imei", "\u{3c2}code号mac\u{130}份", 4, 9, 0, "", false, '-'),
    ("custom_empty", " imeisn;、串card\u{3000}NUM证code00:1A:2B:3C:4D:5E手vphonemacver\u{3c2}", 46, 47, -4000, "-", false, 'w'),
    ("cn_mobile", "订card\u{17f}的手卡:phone卡3qq1ID3地\u{212a}证\u{3c3}_ts4500:1A:2B:3C:4D:5E", 16, 27, 3500, "phone", true, 'w'),
    ("custom_empty", "\u{212a}机num=192.168.1.1number号sn\u{130}本\u{130}trace址串3card码ts", 8, 8, -4000, "-", false, 'w'),
    ("ip_address", "678no份卡", 4, 7, 0, "", false, '-'),
    ("cn_resident_id", "no、=串）地串份用户ID、", 11, 13, 0, "", false, '-'),
    ("custom_sep", "imei2\u{1e9e}_\u{3c3}\u{10FF80}", 1, 2, 0, "", false, '-'),
    ("custom_sep", "Z\u{3a3}No3址份Noqq\"orderNo\u{1e9e}\u{9}No\u{130}_|\u{df}phone身", 4, 9, 0, "", false, '-'),
    ("imei", "\u{17f}@\u{130}sn9机xnum\u{10FF80}\u{10FFFF}mail.:（\u{131}|no/（phoneidtel|\"'NoID", 37, 43, 0, "", false, '-'),
    ("custom_w0", "（单 trace\u{131}code'mail@192.168.1.1\u{10FF80}份order\u{130}\u{212a}\u{a0}/snIDaver1码\u{130}'\"码址的ver", 60, 60, 0, "", false, '-'),
    ("imei", "orderNUM号的手卡\"ip3phone手13812345678\u{3a3}\u{3c2}:\u{3c3}|192.168.1.1身身", 19, 33, 0, "", false, '-'),
    ("mac_address", ".\u{3000}卡版码card\u{3a3}ID\"13812345678phoneb2码ip\u{10FF80}的用户", 15, 20, 0, "", false, '-'),
    ("mac_address", "b\u{9}\u{130}ID）:x码\u{3a3}a45mac-", 2, 10, 3500, "mac", true, 'w'),
    ("email", "45imei）址 \u{17f}mac\u{a0}45;--\u{1e9e}tel订订、", 18, 22, 0, "", false, '-'),
    ("bank_card", ".NUMx0机tel\u{1e9e}版192.168.1.1\u{3c2}\u{130}址3a订", 28, 28, 0, "", false, '-'),
    ("custom_w0", "\u{3c2}证x\u{10FF80}1 本code串\u{a0}num@-2card\u{212a}-ts192.168.1.1tracephone", 4, 6, 0, "", false, '-'),
    ("custom_sep", "\u{df}|phone码NUMcodeb\u{10FFFF}\u{a0}num份用户Phone号）13812345678678sn的码order\"订mail", 43, 48, 0, "", false, '-'),
    ("email", "45\u{9}\u{9}\u{1c}ver;\u{10FFFF}（13812345678b\u{10FFFF}ip", 8, 12, 0, "", false, '-'),
    ("custom_empty", "NonumberverZsn,", 7, 8, -4000, "-", false, 'w'),
    ("custom_sep", "3\u{1c}9码b码13812345678/,IDmailnumber00:1A:2B:3C:4D:5E_\u{10FF80}NUM;的）| tracenumid", 22, 41, 0, "", false, '-'),
    ("ip_address", " num、order号\u{3c3}机:no", 16, 16, 0, "", false, '-'),
    ("bank_card", "\u{212a}\u{10FF80}\u{10FFFF},\u{1e9e}IMEIxZ=\u{9}Zv（card\u{130}订snnumber串.\u{130}\u{3c3}NUM3\u{1e9e},imei", 37, 44, -4000, "sn", false, 'w'),
    ("custom_mixed", "地的codea;", 2, 7, 0, "", false, '-'),
    ("cn_resident_id", " （串\u{3a3}证imeimaca卡身ver\u{3a3}No\u{1e9e}IMEI", 0, 8, 0, "", false, '-'),
    ("cn_mobile", "192.168.1.1number678mailZcard:No（机code\u{130}\u{10FF80}（\u{130}\u{10FF80}code\u{1e9e}x本.ts版mail900:1A:2B:3C:4D:5Eid1号", 4, 7, 0, "", false, '-'),
    ("cn_mobile", "\u{3000}13812345678机999b192.168.1.113812345678=卡/;2\"单\u{3a3}卡2|0版phone\u{a0}串192.168.1.1身机2身", 53, 64, 0, "", false, '-'),
    ("email", "num\u{df}192.168.1.1单地qqnumber0\u{10FF80}1版|", 8, 10, 0, "", false, '-'),
    ("custom_keys", "phone订\u{10FFFF}\u{3000}_串ID\u{df}_b\u{212a}\u{1c}", 9, 15, 0, "", false, '-'),
    ("custom_empty", "IMEI\u{1c}ver|地-=址码45192.168.1.1\u{3c3}id版机号mail\u{a0}13812345678\u{10FF80}number192.168.1.1=", 43, 48, -4000, "-", false, 'w'),
    ("mac_address", "mac_bnum地@code\u{130}Phone\u{17f}串45单ID", 23, 27, 0, "", false, '-'),
    ("ip_address", "=\u{3a3}\u{131}.ipphoneip身:9ID\u{a0}2用户单numtel orderverts9", 40, 41, 0, "", false, '-'),
    ("custom_empty", "Phone@版\u{3000}|\u{df}numID/number", 14, 15, -4000, "-", false, 'w'),
    ("custom_empty", "号trace\u{3c2}113812345678ipteltrace、地,码orderts 1381234567845=codeqqNUM串1ip3ID\u{3000}", 49, 49, -4000, "-", false, 'w'),
    ("bank_card", "x\u{df}@1单'\"Phone份phonecode300:1A:2B:3C:4D:5E192.168.1.1tel3本ID", 20, 58, 0, "", false, '-'),
    ("custom_mixed", ":证0@13812345678_sna 串id\u{10FF80}本", 17, 19, 0, "", false, '-'),
    ("mac_address", "\u{212a}tel手13812345678\u{10FF80}\u{1c}0证trace192.168.1.1", 20, 20, 0, "", false, '-'),
    ("cn_resident_id", "-ID版9order678号、No/订ver\u{17f}\u{3a3}order单\u{17f}、", 4, 14, 0, "", false, '-'),
    ("bank_card", "卡\u{10FFFF}\u{131}mac本v\u{10FF80}\u{3c2}\u{130}ID订的Phone\u{1c}\u{1c}card\u{1e9e}v", 28, 28, 3500, "card", true, 'w'),
    ("custom_sep", "份\u{131}\u{a0}192.168.1.1/no、\u{1e9e}ver\u{130}IMEItel3版版址ver-\u{df}NUM\u{17f}\u{df}sn\u{131}imei00:1A:2B:3C:4D:5E", 7, 17, -4000, ".", false, 'w'),
    ("cn_mobile", "码Z）nov\"\u{1c}版版qq\u{9}\u{10FFFF}Z号\u{3c3}\u{1c}\u{130}的的单\u{212a};（码", 13, 19, -4000, "qq", false, 'w'),
    ("mac_address", "IMEI、", 5, 5, 0, "", false, '-'),
    ("cn_resident_id", "idip3v订\u{1e9e}/678的card用户0机", 4, 15, 0, "", false, '-'),
    ("custom_empty", "1Z/（\u{9}imei手numberIMEI\u{1e9e}.192.168.1.1Phone/（、身", 19, 24, -4000, "-", false, 'w'),
    ("custom_empty", "\u{3c3}0no的:地card\"份\u{3c2};）b证x", 1, 4, -4000, "-", false, 'w'),
    ("custom_keys", "1\u{10FF80}用户;\u{212a}\u{131}a\u{10FF80}\u{1e9e}'机卡IMEI13num=-版\u{3a3}xb\u{3c2}ID", 10, 15, 0, "", false, '-'),
    ("custom_keys", "1）（maila）3ip3", 10, 12, 0, "", false, '-'),
    ("email", "\u{3a3}卡IMEI;0用户Phone\"版idtel-身.:'\u{a0}192.168.1.1=45'订sn手192.168.1.1tel\u{10FF80}证192.168.1.1_", 68, 75, 0, "", false, '-'),
    ("custom_empty", "mac卡版3card\u{212a}（\u{131}IMEI\u{df}atel\u{212a}-版=|number", 31, 32, -4000, "-", false, 'w'),
    ("custom_keys", "\u{3c2}证\u{131}2", 2, 4, 0, "", false, '-'),
    ("cn_mobile", "mail订numbervercard", 15, 18, 0, "", false, '-'),
    ("custom_keys", "tracemailsn00:1A:2B:3C:4D:5E份num678Phone2=card（\u{a0}ver1版的ver地ID手份Phone\u{9}单ip", 32, 35, 0, "", false, '-'),
    ("ip_address", "址\u{3c2}mail份NUM|\u{a0}code的_（、3地card机\u{df}idNo证@\u{131}NoIMEI\u{1c}号卡ID", 20, 26, 0, "", false, '-'),
    ("cn_resident_id", "=.Phonesn号IMEI00:1A:2B:3C:4D:5E_phone\u{1e9e}verid", 17, 21, -6000, "imei", false, 'k'),
    ("email", "\u{1e9e};number本mail:ID", 9, 16, 0, "", false, '-'),
    ("custom_w0", "ts\u{130}9.@13812345678、ts\u{9}\u{3c3}@地", 3, 3, 0, "", false, '-'),
    ("custom_w0", "\u{df}a99\u{3000}订09no\u{3000}", 9, 10, 0, "", false, '-'),
    ("bank_card", "Zver（、imei份版-:trace、1,\u{1c}\u{3000}macidmail证order\u{17f}", 20, 32, -4000, "trace", false, 'w'),
    ("custom_empty", "tel|b\u{3c3}=串'、-\u{a0}\u{130}\u{212a}num份noNUM;\u{3a3}2192.168.1.1", 3, 19, 3500, "tel", true, 'w'),
    ("custom_mixed", "\u{3c3}id@numberID9（\u{3c2}本", 10, 10, 0, "", false, '-'),
    ("cn_resident_id", "00:1A:2B:3C:4D:5Esn份\u{3a3}\u{3c2}asntsx", 12, 14, 0, "", false, '-'),
    ("custom_sep", "机\u{3a3}mail、;=\u{3c2}_nocodeimei址", 10, 17, 0, "", false, '-'),
    ("custom_mixed", "\u{130}mailIMEI单用户atracetel身的ver\u{17f}id用户", 20, 30, 0, "", false, '-'),
    ("cn_resident_id", "卡\u{3000}_codenum\u{df}单址678\u{212a}1\u{10FF80}iporder@本\" ", 1, 24, 0, "", false, '-'),
    ("cn_resident_id", "ip\u{1c}3（号sn手手本order,\u{1c}number份9\u{3a3}.45\u{9}00:1A:2B:3C:4D:5E192.168.1.1码imei200:1A:2B:3C:4D:5Etrace单NUMsn址", 49, 50, 0, "", false, '-'),
    ("custom_w0", "的\u{3c2}00:1A:2B:3C:4D:5Eip\u{3a3}00:1A:2B:3C:4D:5E/ts13812345678\u{131}|\u{3000}trace本NUM|,.\u{3c2}imei", 5, 38, 0, "", false, '-'),
    ("custom_mixed", "码,order\u{9}00:1A:2B:3C:4D:5E\"用户串00:1A:2B:3C:4D:5E订No手card9sn\u{df}|", 29, 32, 0, "", false, '-'),
    ("imei", "Nobmailts\"xnumnum/qq\u{1e9e}traceno\u{1e9e}phoneimei证codeno678份\u{a0}单份号证用户\u{3a3}amac", 61, 61, 0, "", false, '-'),
    ("cn_resident_id", "1;order45版）\u{a0}imei678no的", 14, 22, -4000, "order", false, 'w'),
    ("mac_address", "\u{3a3}sn版\u{3000}ts45=", 8, 10, 0, "", false, '-'),
    ("mac_address", "份=mail（@\u{3a3}\u{10FF80}号nomacaID\u{3a3}NUMNo@\u{10FF80}", 18, 20, 0, "", false, '-'),
    ("ip_address", "号）sn份9串order、\u{3c2}", 5, 13, 0, "", false, '-'),
    ("bank_card", "mac\u{1c}订ipqq678No\"地ip 、订\u{df}址imei678\"", 9, 12, 0, "", false, '-'),
    ("ip_address", "imei'\u{1c}tsver版Phone）13812345678单=\u{3c3}13812345678tel证\u{3000}\u{3a3}", 21, 30, 0, "", false, '-'),
    ("bank_card", "ID\u{212a}_串号,13812345678", 13, 18, 0, "", false, '-'),
    ("custom_mixed", "的2NoID\u{9}", 1, 7, 0, "", false, '-'),
    ("ip_address", "trace\u{10FFFF}\u{17f}v号\u{131}Phone13812345678No份snv;\u{3a3}678份order'phone地IDordertsIMEInumcard", 55, 59, 0, "", false, '-'),
    ("custom_empty", "mac码\u{212a}phone址=号\u{df}\u{1e9e},veracodetstrace", 30, 31, -4000, "-", false, 'w'),
    ("bank_card", "verPhone身678qq（Phone'trace678sntel_\u{9}\u{3a3}\u{3c2}地码（卡\u{10FFFF}mac-qq机No.;\u{3c2}卡", 36, 50, 0, "", false, '-'),
    ("custom_w0", "NUM\u{130}）机.;ip13812345678）tel", 18, 25, 0, "", false, '-'),
    ("custom_empty", "tel\u{130}=\u{df}678NoZZmailphone2|\u{212a}码qq", 4, 15, 3500, "tel", true, 'w'),
    ("imei", "-@sn\u{3c2}用户\u{3c3}PhoneIMEIts本IDid.:orderb", 6, 14, 0, "", false, '-'),
    ("email", "No=trace\u{131}192.168.1.1tel\u{131}", 9, 15, 0, "", false, '-'),
    ("custom_sep", "\u{a0}ip地v2的卡单telver2ipv\u{212a}913812345678证", 24, 33, 0, "", false, '-'),
    ("email", "1份IDimei版mail", 0, 12, 0, "", false, '-'),
    ("custom_empty", "证证）9机/imeitssnNUM @snno卡verts=macanum", 3, 8, -4000, "-", false, 'w'),
    ("custom_sep", ",;\u{1c}phone\u{17f}.地\u{10FFFF}、\u{10FF80}IMEIb\u{a0}单、.", 18, 23, 0, "", false, '-'),
    ("cn_mobile", "xver的=card证用户1\u{3c2}trace证\u{10FF80}号单号IDcode机Z机", 13, 17, 0, "", false, '-'),
    ("custom_keys", ";\u{9}手\u{a0}\u{10FF80},\u{df}手\u{1c};Phone13812345678\u{9}用户a（地_串sn\u{1e9e}xtel份-192.168.1.1", 28, 28, 0, "", false, '-'),
    ("mac_address", "）3\u{3c3}\"单\u{17f}-（noverb版ID号maccode码地", 1, 2, 0, "", false, '-'),
    ("custom_w0", "\u{3000}、telip址\u{a0}Phone卡number9", 21, 22, 0, "", false, '-'),
    ("custom_w0", "trace份code192.168.1.1192.168.1.12\u{a0}\u{131}number", 18, 39, 0, "", false, '-'),
    ("cn_resident_id", "址ts手_3v用户45IMEI证\u{3000}Phone.PhoneNUMIMEI \"orderv0.1\u{a0}证@号a\u{17f}", 5, 32, -4000, "ts", false, 'w'),
    ("custom_w0", "\"v\u{9}\u{130}verNoNo192.168.1.1址用户证\u{1e9e}\u{130}\u{10FFFF}\u{3c2}", 11, 20, 0, "", false, '-'),
    ("custom_empty", "NUM0单版num-/\u{10FFFF}no\u{131}\u{9}1\u{10FFFF};IMEInumber\u{3c3}\"\u{131}", 10, 29, -4000, "-", false, 'w'),
    ("cn_mobile", "00:1A:2B:3C:4D:5E单手\u{df}\u{10FF80}imei、'_a", 27, 27, 0, "", false, '-'),
    ("custom_empty", "版192.168.1.1-trace13812345678", 1, 10, -4000, "-", false, 'w'),
    ("custom_empty", "card_ \u{1e9e}\u{131}的份45址ts:00:1A:2B:3C:4D:5E\u{9}/card9tel-\u{17f}cardtrace=", 28, 34, 4000, "", true, 'k'),
    ("cn_mobile", "\u{10FF80}\u{130}\u{10FFFF}\u{17f} 9号\u{3c3}-numxphoneid1mail678ZtsNUM\u{212a}b\u{212a}", 26, 28, 0, "", false, '-'),
    ("custom_empty", "\u{131}nophonemail678ID\u{10FFFF}id\u{9}imeiorder1本0code678\"Phone45order", 41, 49, -4000, "-", false, 'w'),
    ("bank_card", "串1192.168.1.11|vertel（Phone codenum\u{a0}（113812345678\u{df}@phonemail\u{130}卡678num", 3, 6, 0, "", false, '-'),
    ("email", "Noaimei45number678\",码idmac'手单qq3\u{df}\u{a0}址版份", 8, 11, 0, "", false, '-'),
    ("ip_address", "地|\u{131}numimeiNUM-=\u{17f}\u{10FFFF}2\u{1c}\u{df}版192.168.1.1ip192.168.1.1", 31, 43, 0, "", false, '-'),
    ("custom_sep", "\u{3a3}number/\u{10FFFF}单、_192.168.1.1\u{3c3}）order45,|版:,ID\u{130}@", 34, 36, -4000, ".", false, 'w'),
    ("imei", "number卡\u{212a}ver的045ver版\"\u{131}192.168.1.1NUM份卡", 21, 32, 0, "", false, '-'),
    ("custom_sep", "NUMb号imei", 6, 9, 0, "", false, '-'),
    ("email", "\u{3c3} \u{9}\u{df}45地trace'IMEI", 16, 16, 0, "", false, '-'),
    ("ip_address", "手的tel份ID678x\u{1e9e}ID订tsZ\u{1e9e}订NUMIMEI':手（卡Phone\u{3a3}订订（", 19, 37, 0, "", false, '-'),
    ("custom_sep", "sn订（qq\u{1c}\u{1c}id9、codeZtel,用户===用户身 /（ ", 1, 29, 0, "", false, '-'),
    ("imei", "_3\u{9}no地用户aidvernumber\u{a0}1noid号\u{10FFFF}|机地Z@串vimei1NUM\u{10FF80}本", 1, 12, 0, "", false, '-'),
    ("ip_address", "v\u{131}192.168.1.1版no身手num\u{130};mac证\u{131}\u{1e9e}number_id/订\u{3c2}IMEI的=1\u{3a3}id", 20, 38, -4000, "版", false, 'w'),
    ("custom_keys", "x码asn/\"order\u{10FFFF}单\u{10FF80}\u{3a3}192.168.1.1tel身192.168.1.1ip\u{130}a\u{3c3}\u{3a3}qq1\u{3c2}'345卡机", 31, 39, 0, "", false, '-'),
    ("custom_keys", "机numcard）\u{131}313812345678的678qq\u{3c2}\u{9}mail/vcodeIMEI版-192.168.1.1址卡no身.0手NUM", 10, 17, 0, "", false, '-'),
    ("custom_keys", "\u{130}.的192.168.1.1", 9, 11, 0, "", false, '-'),
    ("mac_address", "\u{a0}\u{df}用户\u{10FFFF}单1\u{a0}xip3xIDtel192.168.1.1\u{df}、\u{10FF80}", 9, 32, 0, "", false, '-'),
    ("mac_address", "机id\u{10FF80},ip单IDver\"order号本版 phone的卡:b192.168.1.1的9\u{1e9e};码", 33, 40, 0, "", false, '-'),
    ("custom_mixed", "号", 0, 1, 0, "", false, '-'),
    ("mac_address", "/本No|trace\u{df}\u{1c}|", 6, 7, 0, "", false, '-'),
    ("mac_address", ";_snPhone", 7, 8, 0, "", false, '-'),
    ("ip_address", "码（number的192.168.1.1phone身机\u{3c2}\u{3c3}no卡的\"机mac", 0, 10, 0, "", false, '-'),
    ("bank_card", "） |order0机的0份\u{130}@", 11, 14, -4000, "order", false, 'w'),
    ("mac_address", "Phone\u{131}\u{3c2}\u{3c3}\u{1e9e}idverv\u{17f}order\"No号ID地x02orderordercode", 30, 41, 0, "", false, '-'),
    ("custom_mixed", " \u{3a3}Phone=10\u{131}\u{a0}45xID3No号ver", 12, 23, 0, "", false, '-'),
    ("custom_w0", "qq:Phonev \u{1e9e}order\u{3c3}号NUM卡版-IMEI.）ver|证机v\u{3c3}\u{1e9e}|串,/\u{17f}", 17, 27, 0, "", false, '-'),
    ("imei", "用户,numberphone串ordertracex9份3'/a:\u{131}order\u{212a}''num）Phone单v@卡\u{131}\u{9}码", 49, 57, 0, "", false, '-'),
    ("custom_empty", "手\u{3000}\u{130}证址手@sn00:1A:2B:3C:4D:5E3\u{130}号mail", 10, 17, -4000, "-", false, 'w'),
    ("custom_empty", "codesn身,版\u{3c3}'qq192.168.1.1trace本bv\"tel（_vera份用户\u{131}\u{3000}13812345678trace", 49, 56, -4000, "-", false, 'w'),
    ("custom_sep", "13812345678", 11, 11, 0, "", false, '-'),
    ("custom_mixed", "mac\u{10FF80}\u{1e9e}地678-card\u{9}\u{10FFFF}No单imei串0订v\u{131}\u{1e9e}机.num@串b机卡/\u{130}", 5, 18, 0, "", false, '-'),
    ("custom_sep", "1\u{10FF80}phone\u{10FF80}码qq13812345678址\u{3c3}\"@3、版card_\u{131}机\u{9}", 28, 33, 0, "", false, '-'),
    ("custom_w0", ",tel3地|证card卡3phone/13812345678678:mac码ver IMEI:址order本\u{3c2}", 28, 28, 0, "", false, '-'),
    ("ip_address", "=number\u{17f}卡证\u{9}noimei手_number\"NUMcodenum192.168.1.1ipver\u{3c2}:", 41, 47, 0, "", false, '-'),
    ("cn_resident_id", "用户）NUM_'Phone\u{1c}/IMEI:22678\u{212a}ip身", 23, 29, 0, "", false, '-'),
    ];
}
