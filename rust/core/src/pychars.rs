//! Character classes exactly as Python 3.11's `str` methods define them.
//!
//! Rust's `char` methods follow the Unicode properties, Python's `str` methods its own
//! definitions; where they differ for a character the engine looks at, Python's wins (the
//! reference engine is Python).

/// `str.isspace()`: Rust's `White_Space` plus the four information separators
/// U+001C..U+001F, which Python counts as whitespace (bidirectional class B/S).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// An ASCII decimal digit.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// The CJK Unified Ideographs block, `'\u4e00' <= c <= '\u9fff'` in the Python sources.
pub fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_whitespace() {
        for c in [
            '\u{1c}', '\u{1d}', '\u{1e}', '\u{1f}', ' ', '\t', '\u{3000}', '\u{a0}', '\u{85}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        for c in ['a', '\u{200b}', '\u{feff}', '0'] {
            assert!(!is_space(c), "{c:?}");
        }
    }
}
