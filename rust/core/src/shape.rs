//! What a pattern's matches are made of, derived from the pattern itself: a prefilter for the
//! block path that is a superset test by construction.
//!
//! For a pattern without look-around, every match is a run of bytes from its *alphabet* (the
//! bytes any literal or class of the pattern can produce), at least `min_len` bytes long, and
//! (when `need` is set) holds at least one byte of `need`. So a match lies inside one maximal
//! run of alphabet bytes of the haystack that is at least `min_len` long and holds a `need`
//! byte (a *qualifying run*); the bytes around such a run are outside the alphabet, so no
//! match can cross its ends.
//!
//! Why searching a qualifying run on its own (the search's span = the run) finds exactly what
//! a search of the whole line finds, match for match:
//! - the leftmost match from a position starts in the first qualifying run that has a match
//!   at or after that position (no match can start anywhere else);
//! - among the matches that start at one position, leftmost-first picks the first success in
//!   the NFA's priority order; ending the haystack at the run's end removes only paths that
//!   would read the byte after the run, which is outside the alphabet, so no such path
//!   succeeds: the set of successful paths, and so the one picked, is the same;
//! - without look-around, nothing reads the bytes around the span.
//!
//! Nothing here is written for a particular entity: users add their own recognizers and get
//! the same prefilter, derived from their pattern.

use regex_syntax::hir::{Class, Hir, HirKind};

/// A set of bytes.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ByteSet(pub [bool; 256]);

impl ByteSet {
    fn empty() -> ByteSet {
        ByteSet([false; 256])
    }

    fn add_range(&mut self, lo: u8, hi: u8) {
        for b in lo..=hi {
            self.0[b as usize] = true;
        }
    }

    /// Add the bytes of the UTF-8 forms of `lo..=hi`: the ASCII part as it is, and every
    /// byte >= 0x80 for any non-ASCII part (a superset, and run ends stay on char starts).
    fn add_chars(&mut self, lo: u32, hi: u32) {
        if lo < 0x80 {
            self.add_range(lo as u8, hi.min(0x7F) as u8);
        }
        if hi >= 0x80 {
            self.add_range(0x80, 0xFF);
        }
    }

    fn union(&mut self, other: &ByteSet) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a |= *b;
        }
    }

    #[inline]
    pub fn has(&self, byte: u8) -> bool {
        self.0[byte as usize]
    }

    fn count(&self) -> usize {
        self.0.iter().filter(|&&b| b).count()
    }

    /// A rough cost of "a run holds a byte of this set" (how often it holds anyway): letters,
    /// digits, spaces and non-ASCII bytes are common in logs, punctuation less so.
    fn cost(&self) -> usize {
        (0..256)
            .filter(|&b| self.0[b])
            .map(|b| {
                let b = b as u8;
                if b.is_ascii_alphanumeric() || b == b' ' || b >= 0x80 {
                    4
                } else {
                    1
                }
            })
            .sum()
    }
}

/// What every match of a pattern is made of.
#[derive(Clone, Debug)]
pub struct Shape {
    /// Bytes a match can hold.
    pub alphabet: ByteSet,
    /// Fewest bytes in a match (>= 1).
    pub min_len: usize,
    /// Bytes of which every match holds one (`None`: no useful such set).
    pub need: Option<ByteSet>,
    /// When `need` is one to three rare bytes (ASCII punctuation) and matches can be short
    /// (a scan for long alphabet runs skips most bytes): those bytes. Then the
    /// qualifying runs are found from their occurrences ([`runs_around`]) rather than by
    /// scanning for alphabet runs.
    pub anchors: Option<Vec<u8>>,
    /// For each class of [`SEED_CLASSES`] inside the alphabet: the most consecutive bytes
    /// of that class every match is sure to hold (0: none). See [`Shape::seed`].
    pub cores: [usize; SEED_CLASSES.len()],
    /// Bytes a match can start with.
    pub first: ByteSet,
}

/// Generic ASCII byte classes whose runs the block path finds once per block and shares
/// between patterns: digits, hex digits, letters and digits (nested, narrowest first).
/// Nothing here names an entity: each pattern's use of them is derived from its regex.
pub const SEED_CLASSES: [&[(u8, u8)]; 3] = [
    &[(b'0', b'9')],
    &[(b'0', b'9'), (b'A', b'F'), (b'a', b'f')],
    &[(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')],
];

/// The byte set of `SEED_CLASSES[class]`.
pub fn seed_class(class: usize) -> ByteSet {
    let mut set = ByteSet::empty();
    for &(lo, hi) in SEED_CLASSES[class] {
        set.add_range(lo, hi);
    }
    set
}

impl Shape {
    /// The shape of `pattern` (parsed as the engine compiles it), or `None` when the
    /// prefilter does not apply: look-around (it reads around the span), a possibly empty
    /// match, or a match that can hold `\n`.
    pub fn of(pattern: &str, ignore_case: bool) -> Option<Shape> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(ignore_case)
            .build()
            .parse(pattern)
            .ok()?;
        let props = hir.properties();
        if !props.look_set().is_empty() {
            return None;
        }
        let min_len = props.minimum_len()?;
        if min_len == 0 {
            return None;
        }
        let mut alphabet = ByteSet::empty();
        add_alphabet(&hir, &mut alphabet);
        if alphabet.has(b'\n') {
            return None;
        }
        let need = need(&hir).filter(|n| n.count() < alphabet.count());
        let anchors = need.as_ref().and_then(|n| {
            let bytes: Vec<u8> = (0..=255u8).filter(|&b| n.has(b)).collect();
            let rare = bytes
                .iter()
                .all(|b| b.is_ascii_punctuation() && alphabet.has(*b));
            (bytes.len() <= 3 && rare && min_len < 8).then_some(bytes)
        });
        let mut cores = [0usize; SEED_CLASSES.len()];
        for (class, core) in cores.iter_mut().enumerate() {
            let set = seed_class(class);
            if (0..=255u8).all(|b| !set.has(b) || alphabet.has(b)) {
                *core = runs_of(&hir, &set).inner;
            }
        }
        let mut first = ByteSet::empty();
        add_first(&hir, &mut first);
        Some(Shape {
            alphabet,
            min_len,
            need,
            anchors,
            cores,
            first,
        })
    }

    /// The seed of the block path: `(class, k)` when every match holds `k` consecutive
    /// bytes of `SEED_CLASSES[class]` (a subset of the alphabet) and that is a useful test.
    ///
    /// Sound: those `k` bytes lie in one maximal run of the class in the haystack (at least
    /// `k` long), and since the class is inside the alphabet, that whole run lies inside
    /// the maximal alphabet run holding the match. So every qualifying run that holds a
    /// match holds a class run of `k` or more bytes: the alphabet runs found by extending
    /// each such class run (then checked with [`Shape::qualifies`]) hold every match.
    /// Useful: when the class is the whole alphabet (the runs are then the alphabet runs,
    /// shared with other patterns), or `k` is at least 4 (measured: extending such runs
    /// costs less than finding the runs of a spaced or punctuated alphabet, even with
    /// [`runs_multi`] finding those of all alphabets in one pass).
    pub fn seed(&self) -> Option<(usize, usize)> {
        (0..SEED_CLASSES.len()).find_map(|class| {
            let k = self.cores[class];
            let whole = seed_class(class) == self.alphabet;
            (k > 0 && (whole || k >= 4)).then_some((class, k))
        })
    }

    /// Does the run `bytes` (of alphabet bytes) qualify?
    #[inline]
    pub fn qualifies(&self, bytes: &[u8]) -> bool {
        bytes.len() >= self.min_len
            && match &self.need {
                None => true,
                Some(need) => bytes.iter().any(|&b| need.has(b)),
            }
    }
}

fn add_alphabet(hir: &Hir, set: &mut ByteSet) {
    match hir.kind() {
        HirKind::Literal(literal) => {
            for &b in literal.0.iter() {
                set.add_chars(u32::from(b), u32::from(b));
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            for r in class.ranges() {
                set.add_chars(r.start() as u32, r.end() as u32);
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            for r in class.ranges() {
                set.add_chars(u32::from(r.start()), u32::from(r.end()));
            }
        }
        HirKind::Repetition(rep) => add_alphabet(&rep.sub, set),
        HirKind::Capture(cap) => add_alphabet(&cap.sub, set),
        HirKind::Concat(items) | HirKind::Alternation(items) => {
            items.iter().for_each(|h| add_alphabet(h, set))
        }
        HirKind::Empty | HirKind::Look(_) => {}
    }
}

/// Add the bytes a match of `hir` can start with (when it is not empty).
fn add_first(hir: &Hir, set: &mut ByteSet) {
    match hir.kind() {
        HirKind::Literal(literal) => {
            if let Some(&b) = literal.0.first() {
                set.add_chars(u32::from(b), u32::from(b));
            }
        }
        HirKind::Class(_) => add_alphabet(hir, set),
        HirKind::Repetition(rep) => add_first(&rep.sub, set),
        HirKind::Capture(cap) => add_first(&cap.sub, set),
        HirKind::Alternation(items) => items.iter().for_each(|h| add_first(h, set)),
        HirKind::Concat(items) => {
            // why: an item that can match empty lets the next one start the match
            for item in items {
                add_first(item, set);
                if item.properties().minimum_len() != Some(0) {
                    break;
                }
            }
        }
        HirKind::Empty | HirKind::Look(_) => {}
    }
}

/// A set of bytes of which every match of `hir` holds at least one, if there is one.
fn need(hir: &Hir) -> Option<ByteSet> {
    match hir.kind() {
        HirKind::Literal(literal) => {
            let mut best: Option<ByteSet> = None;
            for &b in literal.0.iter() {
                let mut one = ByteSet::empty();
                one.add_chars(u32::from(b), u32::from(b));
                best = cheaper(best, Some(one));
            }
            best
        }
        HirKind::Class(_) => {
            let mut set = ByteSet::empty();
            add_alphabet(hir, &mut set);
            Some(set)
        }
        HirKind::Repetition(rep) if rep.min >= 1 => need(&rep.sub),
        HirKind::Repetition(_) => None,
        HirKind::Capture(cap) => need(&cap.sub),
        HirKind::Concat(items) => items.iter().map(need).fold(None, cheaper),
        HirKind::Alternation(items) => {
            let mut set = ByteSet::empty();
            for item in items {
                set.union(&need(item)?);
            }
            Some(set)
        }
        HirKind::Empty | HirKind::Look(_) => None,
    }
}

/// Lower bounds, over all matches of a node, of its runs of bytes of a class: the run at its
/// start (`pre`), at its end (`suf`), the longest anywhere (`inner`); `all` when every byte
/// of every match is of the class (then all three are its minimum length).
#[derive(Clone, Copy, Debug)]
struct Runs {
    all: bool,
    pre: usize,
    suf: usize,
    inner: usize,
}

impl Runs {
    fn whole(len: usize) -> Runs {
        Runs {
            all: true,
            pre: len,
            suf: len,
            inner: len,
        }
    }

    const NONE: Runs = Runs {
        all: false,
        pre: 0,
        suf: 0,
        inner: 0,
    };

    /// The bounds of `self` followed by `next` (each bound is a minimum over independent
    /// choices, so adding minima bounds the sums from below).
    fn then(self, next: Runs) -> Runs {
        match (self.all, next.all) {
            (true, true) => Runs::whole(self.pre + next.pre),
            (true, false) => Runs {
                all: false,
                pre: self.pre + next.pre,
                suf: next.suf,
                inner: next.inner.max(self.pre + next.pre),
            },
            (false, true) => Runs {
                all: false,
                pre: self.pre,
                suf: self.suf + next.pre,
                inner: self.inner.max(self.suf + next.pre),
            },
            (false, false) => Runs {
                all: false,
                pre: self.pre,
                suf: next.suf,
                inner: self.inner.max(next.inner).max(self.suf + next.pre),
            },
        }
    }

    /// Either of `self` and `other` (the smaller bound of each).
    fn or(self, other: Runs) -> Runs {
        Runs {
            all: self.all && other.all,
            pre: self.pre.min(other.pre),
            suf: self.suf.min(other.suf),
            inner: self.inner.min(other.inner),
        }
    }
}

/// [`Runs`] of `hir` for the ASCII class `set` (a non-ASCII character is never of it: its
/// UTF-8 bytes are >= 0x80).
fn runs_of(hir: &Hir, set: &ByteSet) -> Runs {
    match hir.kind() {
        HirKind::Empty => Runs::whole(0),
        HirKind::Look(_) => Runs::NONE,
        HirKind::Literal(literal) => literal
            .0
            .iter()
            .map(|&b| {
                if set.has(b) {
                    Runs::whole(1)
                } else {
                    Runs::NONE
                }
            })
            .fold(Runs::whole(0), Runs::then),
        HirKind::Class(Class::Unicode(class)) => {
            let inside = class.ranges().iter().all(|r| {
                (r.end() as u32) < 0x80 && (r.start()..=r.end()).all(|c| set.has(c as u8))
            });
            if inside && !class.ranges().is_empty() {
                Runs::whole(1)
            } else {
                Runs::NONE
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            let inside = class
                .ranges()
                .iter()
                .all(|r| (r.start()..=r.end()).all(|b| set.has(b)));
            if inside && !class.ranges().is_empty() {
                Runs::whole(1)
            } else {
                Runs::NONE
            }
        }
        HirKind::Capture(cap) => runs_of(&cap.sub, set),
        HirKind::Repetition(rep) => {
            let sub = runs_of(&rep.sub, set);
            match rep.min {
                0 if sub.all => Runs::whole(0),
                0 => Runs::NONE,
                // why: `min` copies at least; more copies only add bytes around them
                min if sub.all => Runs::whole(sub.pre.saturating_mul(min as usize)),
                1 => sub,
                _ => sub.then(sub),
            }
        }
        HirKind::Concat(items) => items
            .iter()
            .map(|h| runs_of(h, set))
            .fold(Runs::whole(0), Runs::then),
        HirKind::Alternation(items) => items
            .iter()
            .map(|h| runs_of(h, set))
            .reduce(Runs::or)
            .unwrap_or(Runs::NONE),
    }
}

fn cheaper(a: Option<ByteSet>, b: Option<ByteSet>) -> Option<ByteSet> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.cost() < a.cost() { b } else { a }),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Maximal runs of `set` bytes in `hay` at least `min_len` long, as `(start, end)`.
///
/// Skips ahead: when the byte at `i + min_len - 1` is not in the set, no run of `min_len`
/// starting in `i..i + min_len` exists (it would hold that byte).
pub fn runs(hay: &[u8], set: &ByteSet, min_len: usize, out: &mut Vec<(usize, usize)>) {
    let n = hay.len();
    let min_len = min_len.max(1);
    let mut i = 0usize; // invariant: i == 0 or hay[i - 1] is not in the set
    while i + min_len <= n {
        let probe = i + min_len - 1;
        if !set.has(hay[probe]) {
            i = probe + 1;
            continue;
        }
        let mut start = probe;
        while start > i && set.has(hay[start - 1]) {
            start -= 1;
        }
        let mut end = probe + 1;
        while end < n && set.has(hay[end]) {
            end += 1;
        }
        if end - start >= min_len {
            out.push((start, end));
        }
        i = end + 1;
    }
}

/// Maximal runs of each of `sets` (at most 64) in `hay` at least as long as its `min_lens`
/// entry, in one pass: `table[b]` has bit `i` set when byte `b` is in set `i`. Pushes the
/// runs of set `i` to `out[i]`, in order.
pub fn runs_multi(
    hay: &[u8],
    table: &[u64; 256],
    min_lens: &[usize],
    out: &mut [Vec<(usize, usize)>],
) {
    let mut prev = 0u64;
    let mut starts = [0usize; 64];
    let mut close = |bits: u64, at: usize, starts: &[usize; 64]| {
        let mut bits = bits;
        while bits != 0 {
            let k = bits.trailing_zeros() as usize;
            if at - starts[k] >= min_lens[k] {
                out[k].push((starts[k], at));
            }
            bits &= bits - 1;
        }
    };
    for (i, &b) in hay.iter().enumerate() {
        let mask = table[b as usize];
        let changed = mask ^ prev;
        if changed != 0 {
            close(changed & prev, i, &starts);
            let mut opened = changed & mask;
            while opened != 0 {
                starts[opened.trailing_zeros() as usize] = i;
                opened &= opened - 1;
            }
            prev = mask;
        }
    }
    close(prev, hay.len(), &starts);
}

/// The qualifying runs of `shape` in `hay` (maximal alphabet runs at least `min_len` long
/// that hold an anchor byte), found from the anchors' occurrences. `anchors` must be
/// `shape.anchors` (1 to 3 bytes, all in the alphabet).
pub fn runs_around(hay: &[u8], shape: &Shape, anchors: &[u8], out: &mut Vec<(usize, usize)>) {
    let alphabet = &shape.alphabet;
    let mut done = 0usize; // every anchor before this is inside a run already handled
    let mut visit = |at: usize| {
        if at < done {
            return;
        }
        let mut start = at;
        while start > 0 && alphabet.has(hay[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < hay.len() && alphabet.has(hay[end]) {
            end += 1;
        }
        if end - start >= shape.min_len {
            out.push((start, end));
        }
        done = end;
    };
    match *anchors {
        [a] => memchr::memchr_iter(a, hay).for_each(&mut visit),
        [a, b] => memchr::memchr2_iter(a, b, hay).for_each(&mut visit),
        [a, b, c] => memchr::memchr3_iter(a, b, c, hay).for_each(&mut visit),
        _ => unreachable!("one to three anchors"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let s = Shape::of("[0-9]{15}", false).unwrap();
        assert_eq!(s.min_len, 15);
        assert!(s.alphabet.has(b'7') && !s.alphabet.has(b'a'));
        assert!(s.need.is_none());
        let s = Shape::of("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}", false).unwrap();
        assert_eq!(s.min_len, 7);
        assert!(s.need.as_ref().unwrap().has(b'.'));
        assert!(!s.need.as_ref().unwrap().has(b'1'));
        assert!(Shape::of("a*", false).is_none());
        assert!(Shape::of("^abc", false).is_none());
        assert!(Shape::of("a[^b]c", false).is_none());
        let s = Shape::of("mac", true).unwrap();
        assert!(s.alphabet.has(b'M') && s.alphabet.has(b'c'));
        // seeds: consecutive bytes of a generic class every match holds
        let s = Shape::of("(?:\\+86[ -]?)?1[3-9][0-9]{9}", false).unwrap();
        assert_eq!(s.seed(), Some((0, 11)));
        assert!(s.first.has(b'+') && s.first.has(b'1') && !s.first.has(b'8'));
        let s = Shape::of("[1-9][0-9]{3}(?: [0-9]{4}){2,3}", false).unwrap();
        assert_eq!(s.seed(), Some((0, 4)));
        let s = Shape::of("[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}", false).unwrap();
        assert_eq!(s.cores, [0, 2, 0]);
        assert_eq!(s.seed(), None);
        let s = Shape::of("[0-9A-Fa-f]{12}", false).unwrap();
        assert_eq!(s.seed(), Some((1, 12)));
        let s = Shape::of("ab[0-9]{3}|[0-9]{5}x", false).unwrap();
        assert_eq!(s.cores[0], 3);
        let s = Shape::of("x?[0-9]{2}(?:[0-9]{3})*y", false).unwrap();
        assert_eq!(s.cores[0], 2);
        assert!(s.first.has(b'x') && s.first.has(b'5') && !s.first.has(b'y'));
        let s = Shape::of("a中", false).unwrap();
        assert!(s.alphabet.has(0xE4) && s.alphabet.has(0x80));
    }

    #[test]
    fn finds_runs() {
        let mut set = ByteSet::empty();
        set.add_range(b'0', b'9');
        for (hay, min, want) in [
            ("ab123456cd12x1234567", 5, vec![(2, 8), (13, 20)]),
            ("1234", 4, vec![(0, 4)]),
            ("123", 4, vec![]),
            ("12a34567", 2, vec![(0, 2), (3, 8)]),
            ("9", 1, vec![(0, 1)]),
        ] {
            let mut out = Vec::new();
            runs(hay.as_bytes(), &set, min, &mut out);
            assert_eq!(out, want, "{hay}");
            // the one-pass version, with a second set (digits and 'a') beside it
            let mut table = [0u64; 256];
            for b in 0..=255u8 {
                table[b as usize] =
                    u64::from(set.has(b)) | (u64::from(set.has(b) || b == b'a') << 1);
            }
            let mut both = vec![Vec::new(), Vec::new()];
            runs_multi(hay.as_bytes(), &table, &[min, min], &mut both);
            assert_eq!(both[0], want, "{hay}");
            let mut other = ByteSet::empty();
            other.add_range(b'0', b'9');
            other.add_range(b'a', b'a');
            let mut want2 = Vec::new();
            runs(hay.as_bytes(), &other, min, &mut want2);
            assert_eq!(both[1], want2, "{hay}");
        }
    }
}
