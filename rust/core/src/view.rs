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
    /// True when the original line is ASCII (then every offset map is the identity).
    pub ascii: bool,
}

impl View {
    /// Decode `line` (UTF-8; undecodable bytes one character each) and fold it.
    pub fn new(line: &[u8]) -> View {
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
        let mut text = String::with_capacity(line.len());
        let mut byte_at = Vec::with_capacity(chars.len() + 1);
        for &c in &chars {
            byte_at.push(text.len() as u32);
            text.push(c);
        }
        byte_at.push(text.len() as u32);
        View {
            chars,
            text,
            byte_at,
            orig_at,
            pos: pos.unwrap_or_default(),
            ascii: false,
        }
    }

    /// The span of the original line (character indices) that view span `start..end`
    /// came from: it covers the invisible characters dropped inside it.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        if self.pos.is_empty() || start >= end {
            return (start, end);
        }
        (self.pos[start] as usize, self.pos[end - 1] as usize + 1)
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
    fn invalid_bytes_are_one_character_each() {
        let line = b"a\xff\xfe13912345678\xe6\x89";
        let view = View::new(line);
        assert_eq!(view.len(), 1 + 2 + 11 + 2);
        assert_eq!(view.chars[1], invalid_byte_char(0xff));
        assert_eq!(view.slice(3, 14), "13912345678");
        assert_eq!(view.orig_at[14], 14);
    }
}
