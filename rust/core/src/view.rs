//! The folded view of one line, with maps back to the original bytes.
//!
//! Mirrors `pimask.normalize.fold` on the line as the stream decodes it (UTF-8 with
//! `surrogateescape`): every undecodable byte is one character of its own, here a
//! private-use code point (U+10FF00 + byte) that no pattern, boundary or context rule
//! treats as a letter, digit or space — as Python treats the lone surrogate U+DC00 + byte.
//! Folding maps one code point to one code point, so a character index in the view is a
//! character index in the original line (what the Python API reports), and
//! [`View::orig_at`] turns it into a byte offset of the original line (what the splice uses).

/// First code point used for undecodable bytes: byte `b` becomes `U+10FF00 + b`.
pub const INVALID_BYTE_BASE: u32 = 0x10_FF00;

/// `pimask.normalize.fold` for one character: full-width forms and a few dashes/spaces
/// become their ASCII twins.
pub fn fold_char(c: char) -> char {
    let cp = c as u32;
    match cp {
        0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0).unwrap_or(c),
        0x3000 | 0x00A0 => ' ',
        0x2010..=0x2013 | 0x2212 => '-',
        0xFE6B => '@',
        _ => c,
    }
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
    /// Byte offset in the ORIGINAL line of each character index (length `chars.len() + 1`).
    pub orig_at: Vec<u32>,
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
                ascii: true,
            };
        }
        let mut chars = Vec::with_capacity(line.len());
        let mut orig_at = Vec::with_capacity(line.len() + 1);
        let mut rest = line;
        let mut offset = 0usize;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    push_str(valid, offset, &mut chars, &mut orig_at);
                    break;
                }
                Err(error) => {
                    let good = error.valid_up_to();
                    let valid = std::str::from_utf8(&rest[..good]).unwrap_or_default();
                    push_str(valid, offset, &mut chars, &mut orig_at);
                    // why: Python's decoder with surrogateescape turns each byte of an invalid
                    // sequence into its own surrogate; error_len() bytes are invalid here, or
                    // the rest of the line when it ends inside a sequence
                    let bad = error.error_len().unwrap_or(rest.len() - good);
                    for i in 0..bad {
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
            ascii: false,
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

fn push_str(valid: &str, offset: usize, chars: &mut Vec<char>, orig_at: &mut Vec<u32>) {
    for (i, c) in valid.char_indices() {
        orig_at.push((offset + i) as u32);
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
    fn invalid_bytes_are_one_character_each() {
        let line = b"a\xff\xfe13912345678\xe6\x89";
        let view = View::new(line);
        assert_eq!(view.len(), 1 + 2 + 11 + 2);
        assert_eq!(view.chars[1], invalid_byte_char(0xff));
        assert_eq!(view.slice(3, 14), "13912345678");
        assert_eq!(view.orig_at[14], 14);
    }
}
