//! Token boundaries that work in Chinese text (no `\b`, no `\w`): `pimask/boundaries.py`.
//!
//! Each kind has three parts, checked around a regex match `view[start..end].ascii()`:
//! `left_ok` (what may precede the match), `right_ok` (what may follow it) and `accept`
//! (a post-check for rules about the whole token around the match). Patterns themselves
//! carry no look-around, so the regex engine runs in linear time.

/// A unit of a view: a `char` of a folded line, or a byte of a line that needs no folding.
///
/// Every rule here looks only at ASCII characters (digits, letters, `.-_:%@+`); anything
/// else is just "another character". A non-ASCII character is one `char` but several bytes
/// (each >= 0x80), and none of those bytes is ASCII either, so the rules give the same
/// answers on the UTF-8 bytes of a line as on its characters: the block path checks
/// boundaries on the raw bytes without decoding.
pub trait Unit: Copy {
    /// The ASCII byte this unit is, or 0x80 for anything else.
    fn ascii(self) -> u8;
}

impl Unit for u8 {
    fn ascii(self) -> u8 {
        if self < 0x80 {
            self
        } else {
            0x80
        }
    }
}

impl Unit for char {
    fn ascii(self) -> u8 {
        if (self as u32) < 0x80 {
            self as u8
        } else {
            0x80
        }
    }
}

fn is_digit(c: u8) -> bool {
    c.is_ascii_digit()
}

/// A named boundary kind of the recognizer schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundaryKind {
    Digit,
    Hex,
    HexWord,
    AfterMac,
    Ip,
    Ipv6,
    Email,
    None,
}

impl BoundaryKind {
    pub fn parse(name: &str) -> Option<BoundaryKind> {
        Some(match name {
            "digit" => BoundaryKind::Digit,
            "hex" => BoundaryKind::Hex,
            "hexword" => BoundaryKind::HexWord,
            "after_mac" => BoundaryKind::AfterMac,
            "ip" => BoundaryKind::Ip,
            "ipv6" => BoundaryKind::Ipv6,
            "email" => BoundaryKind::Email,
            "none" => BoundaryKind::None,
            _ => return None,
        })
    }
}

fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

fn is_ascii_letter(c: u8) -> bool {
    c.is_ascii_alphabetic()
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

fn is_joiner(c: u8) -> bool {
    matches!(c, b'.' | b'-' | b'_')
}

/// The unit before `index`, if any.
fn before<U: Unit>(view: &[U], index: usize) -> Option<u8> {
    index.checked_sub(1).map(|i| view[i].ascii())
}

/// What may precede a match starting at `start`.
pub fn left_ok<U: Unit>(kind: BoundaryKind, view: &[U], start: usize) -> bool {
    let prev = before(view, start);
    match kind {
        BoundaryKind::Digit | BoundaryKind::Hex => !prev.is_some_and(is_digit),
        BoundaryKind::HexWord => !prev.is_some_and(|c| is_alnum(c) || c == b'-'),
        BoundaryKind::AfterMac => {
            start >= 3
                && view[start - 3..start]
                    .iter()
                    .map(|u| u.ascii().to_ascii_lowercase())
                    .eq(*b"mac")
        }
        BoundaryKind::Ip => !prev.is_some_and(|c| is_digit(c) || c == b'.'),
        BoundaryKind::Ipv6 => !prev.is_some_and(is_hex),
        BoundaryKind::Email => {
            !prev.is_some_and(|c| is_alnum(c) || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-'))
        }
        BoundaryKind::None => true,
    }
}

/// What may follow a match ending at `end`.
pub fn right_ok<U: Unit>(kind: BoundaryKind, view: &[U], end: usize) -> bool {
    let next = view.get(end).map(|u| u.ascii());
    let after = view.get(end + 1).map(|u| u.ascii());
    match kind {
        BoundaryKind::Digit => !next.is_some_and(is_digit),
        BoundaryKind::Hex => match next {
            None => true,
            Some(c) if is_alnum(c) => false,
            Some(b':') | Some(b'-') => !after.is_some_and(is_hex),
            Some(_) => true,
        },
        BoundaryKind::HexWord | BoundaryKind::AfterMac => {
            !next.is_some_and(|c| is_alnum(c) || c == b'-')
        }
        BoundaryKind::Ip => match next {
            None => true,
            Some(c) if is_digit(c) => false,
            Some(b'.') => !after.is_some_and(is_digit),
            Some(_) => true,
        },
        BoundaryKind::Ipv6 => !next.is_some_and(|c| is_alnum(c) || matches!(c, b':' | b'.' | b'%')),
        // why: a digit may follow the TLD (a TLD has no digits, and a longer domain would
        // have been matched): an address glued to a phone number (…com13912345678)
        BoundaryKind::Email => !next.is_some_and(|c| is_ascii_letter(c) || c == b'-'),
        BoundaryKind::None => true,
    }
}

/// `pimask.scanner.accepted`: [`accept`] on the token around `view[start..end]`, cut where
/// the view dropped an invisible character right before or after the match (`dropped_at(i)`:
/// something was dropped between view units `i - 1` and `i`). A letter on the far side of
/// such a character is not glued to the match (`a\u{200b}13910819844`).
pub fn accept_cut<U: Unit>(
    kind: BoundaryKind,
    view: &[U],
    start: usize,
    end: usize,
    dropped_at: impl Fn(usize) -> bool,
) -> bool {
    let lo = if start > 0 && dropped_at(start) {
        start
    } else {
        0
    };
    let hi = if end < view.len() && dropped_at(end) {
        end
    } else {
        view.len()
    };
    accept(kind, &view[lo..hi], start - lo, end - lo)
}

/// The post-check on the whole token around `view[start..end].ascii()`.
pub fn accept<U: Unit>(kind: BoundaryKind, view: &[U], start: usize, end: usize) -> bool {
    match kind {
        BoundaryKind::Digit => digit_token_outside(view, start, end),
        BoundaryKind::Hex => hex_group_outside(view, start, end),
        _ => true,
    }
}

/// `_digit_token_outside`: false when the digits are part of a longer token.
fn digit_token_outside<U: Unit>(view: &[U], start: usize, end: usize) -> bool {
    let mut glued = false;
    if start >= 1 {
        let i = start - 1;
        let ch = view[i].ascii();
        if is_joiner(ch) {
            if i >= 1 && is_alnum(view[i - 1].ascii()) && run_has_digit(view, i as isize - 1, -1) {
                return false;
            }
        } else if is_ascii_letter(ch) {
            if run_has_digit(view, i as isize, -1) {
                return false;
            }
            glued = true;
        }
    }
    let j = end;
    if j < view.len() {
        let ch = view[j].ascii();
        if is_joiner(ch) {
            if j + 1 < view.len()
                && is_alnum(view[j + 1].ascii())
                && run_has_digit(view, j as isize + 1, 1)
            {
                return false;
            }
        } else if is_ascii_letter(ch) {
            if run_has_digit(view, j as isize, 1) {
                return false;
            }
            glued = true;
        }
    }
    !glued || !hex_token(view, start, end)
}

/// `_hex_token`: is the ASCII alphanumeric token around the match made only of hex digits?
/// Glued hex letters that begin a hyphenated word (`13910819844E-mail`) are a word.
fn hex_token<U: Unit>(view: &[U], start: usize, end: usize) -> bool {
    let mut i = start;
    while i > 0 && is_alnum(view[i - 1].ascii()) {
        if !is_hex(view[i - 1].ascii()) {
            return false;
        }
        i -= 1;
    }
    // `i - 1` is the unit before the token (Python's `i`)
    if i < start && i >= 2 && is_joiner(view[i - 1].ascii()) && word_run(view, i as isize - 2, -1) {
        return false;
    }
    let mut j = end;
    while j < view.len() && is_alnum(view[j].ascii()) {
        if !is_hex(view[j].ascii()) {
            return false;
        }
        j += 1;
    }
    !(j > end
        && j + 1 < view.len()
        && is_joiner(view[j].ascii())
        && word_run(view, j as isize + 1, 1))
}

/// `_word_run`: does the ASCII letter run from `index` (walking `step`) hold a non-hex letter?
fn word_run<U: Unit>(view: &[U], mut index: isize, step: isize) -> bool {
    while index >= 0 && (index as usize) < view.len() {
        let ch = view[index as usize].ascii();
        if !is_ascii_letter(ch) {
            return false;
        }
        if !is_hex(ch) {
            return true;
        }
        index += step;
    }
    false
}

/// `_run_has_digit`: walking `step` from `index` through hex letters, is there a digit?
fn run_has_digit<U: Unit>(view: &[U], mut index: isize, step: isize) -> bool {
    while index >= 0 && (index as usize) < view.len() {
        let ch = view[index as usize].ascii();
        if is_digit(ch) {
            return true;
        }
        if !is_hex(ch) {
            return false;
        }
        index += step;
    }
    false
}

/// `_hex_group_outside`: false when a MAC-shaped match continues a longer hex sequence.
fn hex_group_outside<U: Unit>(view: &[U], start: usize, end: usize) -> bool {
    if start >= 1
        && is_ascii_letter(view[start - 1].ascii())
        && !word_before(view, start as isize - 1)
    {
        return false;
    }
    let mut separators: Vec<u8> = Vec::new();
    for c in view[start..end].iter().map(|u| u.ascii()) {
        if matches!(c, b':' | b'-' | b'.') && !separators.contains(&c) {
            separators.push(c);
        }
    }
    let mut longest = 4;
    if separators.is_empty() {
        separators = vec![b':', b'-', b'.'];
        longest = 64;
    }
    if start >= 1 && separators.contains(&view[start - 1].ascii()) {
        let run = hex_run(view, start as isize - 2, -1);
        if 0 < run && run <= longest {
            return false;
        }
    }
    if end < view.len() && separators.contains(&view[end].ascii()) {
        let run = hex_run(view, end as isize + 1, 1);
        if 0 < run && run <= longest {
            return false;
        }
    }
    true
}

/// `_word_before`: does the ASCII alphanumeric run ending at `index` hold a non-hex letter?
fn word_before<U: Unit>(view: &[U], mut index: isize) -> bool {
    while index >= 0 && is_alnum(view[index as usize].ascii()) {
        if !is_hex(view[index as usize].ascii()) {
            return true;
        }
        index -= 1;
    }
    false
}

/// `_hex_run`: length of the hex run from `index`; 0 if another ASCII letter ends it.
fn hex_run<U: Unit>(view: &[U], mut index: isize, step: isize) -> usize {
    let mut length = 0;
    let limit = view.len() as isize;
    while 0 <= index && index < limit && is_hex(view[index as usize].ascii()) {
        length += 1;
        index += step;
    }
    if 0 <= index && index < limit && is_ascii_letter(view[index as usize].ascii()) {
        return 0;
    }
    length
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn digit_runs() {
        let v = chars("a13912345678b");
        assert!(left_ok(BoundaryKind::Digit, &v, 1));
        assert!(right_ok(BoundaryKind::Digit, &v, 12));
        // "a…b" glued letters, the whole token is hex: a short hash, not a phone
        assert!(!accept(BoundaryKind::Digit, &v, 1, 12));
        let v = chars("ID13912345678");
        assert!(accept(BoundaryKind::Digit, &v, 2, 13));
        let v = chars("2023-13912345678");
        assert!(!accept(BoundaryKind::Digit, &v, 5, 16));
        let v = chars("113912345678");
        assert!(!left_ok(BoundaryKind::Digit, &v, 1));
        // a glued "E" that starts "E-mail" is a word; a UUID group after "-" is hex
        assert!(accept(
            BoundaryKind::Digit,
            &chars("13910819844E-mail:"),
            0,
            11
        ));
        assert!(!accept(
            BoundaryKind::Digit,
            &chars("13910819844e-4f1a"),
            0,
            11
        ));
        assert!(!accept(BoundaryKind::Digit, &chars("13910819844e"), 0, 11));
    }

    #[test]
    fn dropped_characters_cut_the_token() {
        let v = chars("a13910819844");
        assert!(!accept_cut(BoundaryKind::Digit, &v, 1, 12, |_| false));
        assert!(accept_cut(BoundaryKind::Digit, &v, 1, 12, |i| i == 1));
    }

    #[test]
    fn mac_and_ip() {
        let v = chars("MAC3c22fb1a2b3c");
        assert!(left_ok(BoundaryKind::AfterMac, &v, 3));
        let v = chars("fe80:0:0:3c:22:fb:1a:2b:3c");
        assert!(!accept(BoundaryKind::Hex, &v, 9, 26));
        let v = chars("1.2.3.4.5");
        assert!(!right_ok(BoundaryKind::Ip, &v, 7));
        assert!(right_ok(BoundaryKind::Ip, &chars("1.2.3.4."), 7));
    }
}
