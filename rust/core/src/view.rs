//! The normalized view of one line, with maps back to the original bytes.
//!
//! Mirrors `pimask.normalize.view` on the line as the stream decodes it (UTF-8 with
//! `surrogateescape`): every undecodable byte is one character of its own, here a
//! private-use code point (U+10FF00 + byte) that no pattern, boundary or context rule
//! treats as a letter, digit or space — as Python treats the lone surrogate U+DC00 + byte.
//! Folding maps one code point to one code point; dropping the invisible characters of
//! [`dropped`] is the one step that shortens the view, and then [`View::pos`] maps a view
//! index to a character index in the original line (what the Python API reports), and
//! [`View::orig_at`] turns that into a byte offset of the original line (what the splice
//! uses).
//!
//! A line holding a URL-percent (`%2B`, `%E6%89%8B`) or JSON `\uXXXX` escape that decodes
//! ([`decode_escapes`], `pimask.normalize.decode_escapes`) gets its view from the decoded
//! characters; then one view character may stand for several original ones, and
//! [`View::end`] holds where each one's original spelling ends. A line without `%` or `\\`
//! is never looked at for escapes ([`escape_hint`] is a memchr).

/// First code point used for undecodable bytes: byte `b` becomes `U+10FF00 + b`.
pub const INVALID_BYTE_BASE: u32 = 0x10_FF00;

/// The zero of every run of ten Unicode decimal digits other than ASCII and full-width
/// (`pimask.normalize.DIGIT_ZEROS`, Unicode 14), sorted.
const DIGIT_ZEROS: [u32; 64] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0x104A0,
    0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0,
    0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE,
    0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// `pimask.normalize.fold` for one character: full-width forms, a few dashes and spaces,
/// and the decimal digits of every script become their ASCII twins.
pub fn fold_char(c: char) -> char {
    let cp = c as u32;
    match cp {
        0..=0x7F => c,
        0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0).unwrap_or(c),
        0x3000 | 0x00A0 | 0x2000..=0x200A | 0x202F | 0x205F => ' ',
        0x2010..=0x2013 | 0x2212 => '-',
        0xFE6B => '@',
        // why: no decimal digit lives among the CJK ideographs, the bulk of non-ASCII text
        0x3400..=0x9FFF => c,
        _ => {
            let at = DIGIT_ZEROS.partition_point(|&zero| zero <= cp);
            match at.checked_sub(1).map(|i| DIGIT_ZEROS[i]) {
                Some(zero) if cp - zero < 10 => char::from_u32(0x30 + cp - zero).unwrap_or(c),
                _ => c,
            }
        }
    }
}

/// Is `c` an invisible/format character the view drops (`pimask.normalize.DROPPED`)?
pub fn dropped(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x061C
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x2069
            | 0xFEFF
    )
}

/// Does the view of a line holding `c` differ from the line (fold or drop changes it)?
pub fn special(c: char) -> bool {
    !c.is_ascii() && (dropped(c) || fold_char(c) != c)
}

/// The character an undecodable byte stands for.
pub fn invalid_byte_char(byte: u8) -> char {
    char::from_u32(INVALID_BYTE_BASE + u32::from(byte)).unwrap_or('\u{FFFD}')
}

/// One line, decoded, folded, with offsets maps.
#[derive(Debug, Clone)]
pub struct View {
    /// Folded characters (what boundaries, validators and context read).
    pub chars: Vec<char>,
    /// The folded characters as UTF-8 (what the regexes search).
    pub text: String,
    /// Byte offset in `text` of each character index (length `chars.len() + 1`).
    pub byte_at: Vec<u32>,
    /// Byte offset in the ORIGINAL line of each of its character indices (one more entry
    /// than the line has characters).
    pub orig_at: Vec<u32>,
    /// Character index in the original line of each view character; empty when nothing
    /// was dropped (then view and original indices agree).
    pub pos: Vec<u32>,
    /// Character index in the original line just after each view character's spelling;
    /// empty unless escapes were decoded (then `pos` is not empty either).
    pub end: Vec<u32>,
    /// True when the original line is ASCII (then every offset map is the identity).
    pub ascii: bool,
}

impl View {
    /// Decode `line` (UTF-8; undecodable bytes one character each) and fold it.
    pub fn new(line: &[u8]) -> View {
        if escape_hint(line) {
            if let Some(view) = View::escaped(line) {
                return view;
            }
        }
        if line.is_ascii() {
            let text = String::from_utf8(line.to_vec()).unwrap_or_default();
            let chars: Vec<char> = text.chars().collect();
            let ident: Vec<u32> = (0..=line.len() as u32).collect();
            return View {
                chars,
                text,
                byte_at: ident.clone(),
                orig_at: ident,
                pos: Vec::new(),
                end: Vec::new(),
                ascii: true,
            };
        }
        let mut chars = Vec::with_capacity(line.len());
        let mut orig_at = Vec::with_capacity(line.len() + 1);
        let mut pos: Option<Vec<u32>> = None;
        let mut rest = line;
        let mut offset = 0usize;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    push_str(valid, offset, &mut chars, &mut orig_at, &mut pos);
                    break;
                }
                Err(error) => {
                    let good = error.valid_up_to();
                    let valid = std::str::from_utf8(&rest[..good]).unwrap_or_default();
                    push_str(valid, offset, &mut chars, &mut orig_at, &mut pos);
                    // why: Python's decoder with surrogateescape turns each byte of an invalid
                    // sequence into its own surrogate; error_len() bytes are invalid here, or
                    // the rest of the line when it ends inside a sequence
                    let bad = error.error_len().unwrap_or(rest.len() - good);
                    for i in 0..bad {
                        if let Some(pos) = pos.as_mut() {
                            pos.push(orig_at.len() as u32);
                        }
                        orig_at.push((offset + good + i) as u32);
                        chars.push(invalid_byte_char(rest[good + i]));
                    }
                    offset += good + bad;
                    rest = &rest[good + bad..];
                }
            }
        }
        orig_at.push(line.len() as u32);
        let (text, byte_at) = text_of(&chars, line.len());
        View {
            chars,
            text,
            byte_at,
            orig_at,
            pos: pos.unwrap_or_default(),
            end: Vec::new(),
            ascii: false,
        }
    }

    /// The view of a line holding escapes (`normalize._escaped_view`), or None when none
    /// of them decodes (then the line takes the ordinary path).
    fn escaped(line: &[u8]) -> Option<View> {
        let (original, mut orig_at) = original_chars(line);
        let pieces = decode_escapes(&original);
        if pieces.iter().all(|piece| piece.form == Form::Written) {
            return None;
        }
        orig_at.push(line.len() as u32);
        let mut chars = Vec::with_capacity(pieces.len());
        let mut pos = Vec::with_capacity(pieces.len());
        let mut end = Vec::with_capacity(pieces.len());
        for piece in &pieces {
            if dropped(piece.c) {
                continue;
            }
            // why: an escaped control character (`%0A`, `\u0009`) separates like a space
            // and never puts a line break into the view (nor into the joined block)
            chars.push(if piece.form != Form::Written && is_control(piece.c) {
                ' '
            } else {
                fold_char(piece.c)
            });
            pos.push(piece.start as u32);
            end.push(piece.end as u32);
        }
        let (text, byte_at) = text_of(&chars, line.len());
        Some(View {
            chars,
            text,
            byte_at,
            orig_at,
            pos,
            end,
            ascii: false,
        })
    }

    /// The span of the original line (character indices) that view span `start..end`
    /// came from: it covers the invisible characters dropped inside it.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        if self.pos.is_empty() || start >= end {
            return (start, end);
        }
        match self.end.get(end - 1) {
            Some(&after) => (self.pos[start] as usize, after as usize),
            None => (self.pos[start] as usize, self.pos[end - 1] as usize + 1),
        }
    }

    /// Character index of byte offset `byte` of [`View::text`] (a character boundary).
    pub fn char_index(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        match self.byte_at.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i, // not a boundary: round up to the next character
        }
    }

    /// The folded value of characters `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[self.byte_at[start] as usize..self.byte_at[end] as usize]
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
}

/// The characters of `line` as the stream decodes it (undecodable bytes one stand-in each,
/// nothing folded) and the byte offset of each (without the final entry).
fn original_chars(line: &[u8]) -> (Vec<char>, Vec<u32>) {
    let mut chars = Vec::with_capacity(line.len());
    let mut orig_at = Vec::with_capacity(line.len() + 1);
    let mut rest = line;
    let mut offset = 0usize;
    while !rest.is_empty() {
        let (good, bad) = match std::str::from_utf8(rest) {
            Ok(_) => (rest.len(), 0),
            Err(error) => (
                error.valid_up_to(),
                error
                    .error_len()
                    .unwrap_or(rest.len() - error.valid_up_to()),
            ),
        };
        let valid = std::str::from_utf8(&rest[..good]).unwrap_or_default();
        for (i, c) in valid.char_indices() {
            orig_at.push((offset + i) as u32);
            chars.push(c);
        }
        for i in 0..bad {
            orig_at.push((offset + good + i) as u32);
            chars.push(invalid_byte_char(rest[good + i]));
        }
        offset += good + bad;
        rest = &rest[good + bad..];
    }
    (chars, orig_at)
}

/// Where a character of the view came from (`pimask.normalize.decode_escapes` forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// As written.
    Written,
    /// A URL-percent escape (`%2B`, `%E6%89%8B`).
    Percent,
    /// A JSON `\uXXXX` escape or surrogate pair.
    Unicode,
}

/// One character of a line after its escapes were decoded: original characters
/// `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub c: char,
    pub start: usize,
    pub end: usize,
    pub form: Form,
}

/// Does `line` hold something shaped like an escape (`%` and two hex digits, `\u` and
/// four, `\\"`, `\\\\`, `\\/`)? The cheap gate of the escape path (`normalize._ESCAPE`): memchr for `%` and `\\`.
pub fn escape_hint(line: &[u8]) -> bool {
    memchr::memchr2_iter(b'%', b'\\', line).any(|at| escape_shape_at(line, at))
}

/// Is there an escape-shaped sequence at byte `at` of `bytes`?
pub fn escape_shape_at(bytes: &[u8], at: usize) -> bool {
    let hex = |from: usize, count: usize| {
        bytes
            .get(from..from + count)
            .is_some_and(|digits| digits.iter().all(u8::is_ascii_hexdigit))
    };
    match bytes[at] {
        b'%' => hex(at + 1, 2),
        b'\\' => match bytes.get(at + 1) {
            Some(b'u') => hex(at + 2, 4),
            Some(b'"' | b'\\' | b'/') => true,
            _ => false,
        },
        _ => false,
    }
}

/// Decoded escapes never become one of the stand-ins of undecodable bytes.
const DECODE_LIMIT: u32 = INVALID_BYTE_BASE;

fn hex_at(chars: &[char], at: usize, count: usize) -> Option<u32> {
    let digits = chars.get(at..at + count)?;
    digits.iter().try_fold(0u32, |value, c| {
        Some(value * 16 + c.to_digit(16).filter(|_| c.is_ascii())?)
    })
}

/// `normalize._percent_at`: the character a `%XX` escape (or the escapes of one UTF-8
/// sequence) at `chars[at]` decodes to, and how many characters it spans.
fn percent_at(chars: &[char], at: usize) -> Option<(char, usize)> {
    let lead = hex_at(chars, at + 1, 2)?;
    if lead < 0x80 {
        return Some((char::from_u32(lead)?, 3));
    }
    let width = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = vec![lead as u8];
    for k in 1..width {
        let at_k = at + 3 * k;
        if chars.get(at_k) != Some(&'%') {
            return None;
        }
        let byte = hex_at(chars, at_k + 1, 2)?;
        if !(0x80..=0xBF).contains(&byte) {
            return None;
        }
        bytes.push(byte as u8);
    }
    let c = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    ((c as u32) < DECODE_LIMIT).then_some((c, 3 * width))
}

/// `normalize._unicode_at`: the character a `\uXXXX` escape (or surrogate pair) at
/// `chars[at]` decodes to, and how many characters it spans.
fn unicode_at(chars: &[char], at: usize) -> Option<(char, usize)> {
    if chars.get(at + 1) != Some(&'u') {
        return None;
    }
    let unit = hex_at(chars, at + 2, 4)?;
    if (0xDC00..=0xDFFF).contains(&unit) {
        return None;
    }
    if (0xD800..=0xDBFF).contains(&unit) {
        if chars.get(at + 6) != Some(&'\\') || chars.get(at + 7) != Some(&'u') {
            return None;
        }
        let low = hex_at(chars, at + 8, 4)?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return None;
        }
        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        return (code < DECODE_LIMIT).then(|| char::from_u32(code).map(|c| (c, 12)))?;
    }
    Some((char::from_u32(unit)?, 6))
}

/// `pimask.normalize.decode_escapes`: `chars` with URL-percent and `\uXXXX` escapes
/// decoded, one pass, left to right, and JSON's `\\"`, `\\\\` and `\\/`.
pub fn decode_escapes(chars: &[char]) -> Vec<Piece> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0usize;
    let written = |c: char, i: usize| Piece {
        c,
        start: i,
        end: i + 1,
        form: Form::Written,
    };
    while i < chars.len() {
        let c = chars[i];
        let found = match c {
            // why: JSON's escapes of a quote, a backslash and a slash: a JSON text inside a
            // JSON string has its keys read like plain JSON's
            '\\' if matches!(chars.get(i + 1), Some('"' | '\\' | '/')) => {
                Some((chars[i + 1], 2, Form::Unicode))
            }
            '\\' => unicode_at(chars, i).map(|(d, n)| (d, n, Form::Unicode)),
            '%' => percent_at(chars, i).map(|(d, n)| (d, n, Form::Percent)),
            _ => None,
        };
        match found {
            Some((decoded, width, form)) => {
                out.push(Piece {
                    c: decoded,
                    start: i,
                    end: i + width,
                    form,
                });
                i += width;
            }
            None => {
                out.push(written(c, i));
                i += 1;
            }
        }
    }
    out
}

/// `pimask.normalize.through_escapes`: `apply` on `value` with its escapes decoded; each
/// character but an ASCII letter or digit that was escaped in `value` is written in the
/// same form in the result, and after a JSON escape so are quotes, backslashes and control
/// characters (the string literal stays valid JSON). A value without a decodable escape goes to `apply` as it is.
pub fn through_escapes(value: &str, apply: impl Fn(&str) -> String) -> String {
    if !value.contains(['%', '\\']) {
        return apply(value);
    }
    let chars: Vec<char> = value.chars().collect();
    let pieces = decode_escapes(&chars);
    let mut forms: Vec<(char, Form)> = Vec::new();
    for piece in &pieces {
        if piece.form != Form::Written && !forms.iter().any(|&(c, _)| c == piece.c) {
            forms.push((piece.c, piece.form));
        }
    }
    if forms.is_empty() {
        return apply(value);
    }
    let decoded: String = pieces.iter().map(|piece| piece.c).collect();
    escape_like(&apply(&decoded), &forms)
}

fn is_control(c: char) -> bool {
    (c as u32) < 0x20 || c == '\x7f'
}

/// `pimask.normalize.escape_like`.
fn escape_like(text: &str, forms: &[(char, Form)]) -> String {
    let json = forms.iter().any(|&(_, form)| form == Form::Unicode);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        // why: an ASCII letter or digit never needs an escape; writing one back escaped
        // would only disguise an operator's token
        let mut form = if c.is_ascii_alphanumeric() {
            None
        } else {
            forms.iter().find(|&&(f, _)| f == c).map(|&(_, form)| form)
        };
        if form.is_none() && json && (c == '"' || c == '\\' || is_control(c)) {
            form = Some(Form::Unicode);
        }
        match form {
            Some(Form::Percent) => {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            Some(Form::Unicode) => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// `bytes` decoded like the stream decodes a line (undecodable bytes become stand-ins),
/// without folding: the original text of a span, for operators.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len() + 8);
            let mut rest = bytes;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(valid) => {
                        out.push_str(valid);
                        break;
                    }
                    Err(error) => {
                        let good = error.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let bad = error.error_len().unwrap_or(rest.len() - good);
                        for &byte in &rest[good..good + bad] {
                            out.push(invalid_byte_char(byte));
                        }
                        rest = &rest[good + bad..];
                    }
                }
            }
            out
        }
    }
}

fn push_str(
    valid: &str,
    offset: usize,
    chars: &mut Vec<char>,
    orig_at: &mut Vec<u32>,
    pos: &mut Option<Vec<u32>>,
) {
    for (i, c) in valid.char_indices() {
        let index = orig_at.len() as u32;
        orig_at.push((offset + i) as u32);
        if dropped(c) {
            // why: the first dropped character: from here on the view is shorter
            pos.get_or_insert_with(|| (0..index).collect());
            continue;
        }
        if let Some(pos) = pos.as_mut() {
            pos.push(index);
        }
        chars.push(fold_char(c));
    }
}

/// `chars` as one string, with the byte offset of each character in it (and the length
/// last): the `text`/`byte_at` pair of a [`View`].
fn text_of(chars: &[char], capacity: usize) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(capacity);
    let mut byte_at = Vec::with_capacity(chars.len() + 1);
    for &c in chars {
        byte_at.push(text.len() as u32);
        text.push(c);
    }
    byte_at.push(text.len() as u32);
    (text, byte_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_keeps_offsets() {
        let line = "手机１３８－1".as_bytes();
        let view = View::new(line);
        assert_eq!(view.text, "手机138-1");
        assert_eq!(view.len(), 7);
        assert_eq!(view.orig_at[2], 6);
        assert_eq!(view.orig_at[7] as usize, line.len());
        assert_eq!(view.char_index(view.byte_at[3] as usize), 3);
    }

    #[test]
    fn drops_invisible_characters_and_maps_back() {
        let line = "\u{200b}手138\u{200b}1234\u{feff}".as_bytes();
        let view = View::new(line);
        assert_eq!(view.text, "手1381234");
        assert_eq!(view.orig_span(1, 8), (2, 10));
        assert_eq!(view.orig_at[10] as usize, line.len() - 3);
        assert_eq!(view.orig_span(0, 1), (1, 2));
    }

    #[test]
    fn folds_digits_of_every_script() {
        let view = View::new("١٣٩ १३९ 𝟏𝟑𝟗 ١".as_bytes());
        assert_eq!(view.text, "139 139 139 1");
        assert!(view.pos.is_empty());
        assert_eq!(fold_char('\u{6f9}'), '9');
        assert_eq!(fold_char('\u{6fa}'), '\u{6fa}');
        assert_eq!(fold_char('\u{2009}'), ' ');
    }

    #[test]
    fn decodes_escapes_with_a_map_back() {
        let line = r#"tel=%2B86 {"m": "\u624b\u673a\u53f7139"} \\u0031 %ZZ 100% \u00"#;
        let view = View::new(line.as_bytes());
        assert_eq!(
            view.text,
            r#"tel=+86 {"m": "手机号139"} \u0031 %ZZ 100% \u00"#
        );
        assert_eq!(view.orig_span(4, 7), (4, 9));
        assert_eq!(view.orig_span(15, 18), (17, 35));
        let plain = View::new(b"100% %ZZ %8");
        assert!(plain.pos.is_empty());
        assert_eq!(plain.text, "100% %ZZ %8");
        assert_eq!(View::new(b"x%0A139").text, "x 139");
        let nested = View::new(br#"{\"card\":\"6222\/1\"}"#);
        assert_eq!(nested.text, r#"{"card":"6222/1"}"#);
        assert_eq!(nested.orig_span(1, 7), (1, 9));
    }

    #[test]
    fn surrogate_pairs_and_utf8_runs_decode_whole() {
        let view = View::new(r"\ud83d\ude00 \ud83d %E6%89 %E6%89%8B %C0%80".as_bytes());
        assert_eq!(view.text, r"😀 \ud83d %E6%89 手 %C0%80");
        assert_eq!(view.orig_span(0, 1), (0, 12));
    }

    #[test]
    fn masks_see_decoded_values_and_keep_the_escapes() {
        let upper = |v: &str| v.to_uppercase();
        assert_eq!(through_escapes("a%40b", upper), "A%40B");
        assert_eq!(
            through_escapes(r"\u0061x", |v| format!("{v}\"")),
            r"ax\u0022"
        );
        assert_eq!(through_escapes("100%", upper), "100%");
    }

    #[test]
    fn invalid_bytes_are_one_character_each() {
        let line = b"a\xff\xfe13912345678\xe6\x89";
        let view = View::new(line);
        assert_eq!(view.len(), 1 + 2 + 11 + 2);
        assert_eq!(view.chars[1], invalid_byte_char(0xff));
        assert_eq!(view.slice(3, 14), "13912345678");
        assert_eq!(view.orig_at[14], 14);
    }
}
