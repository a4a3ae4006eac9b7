//! Pure check-digit algorithms (`pimask/checksums.py`), each citing its standard.
//!
//! Every function takes the text as the validators see it and never panics: anything that
//! is not what the algorithm expects simply fails the check. Digits are ASCII `0`-`9` only
//! (Python's `str.isdigit` alone would accept `'³'` and `'٣'`, so the Python side limits it
//! to ASCII too).

/// GB 11643-1999 / ISO 7064 MOD 11-2 weights `2^(17-i) mod 11` for positions 0..16
/// (`_ID_WEIGHTS`).
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Check character for each remainder of the weighted sum mod 11 (`_ID_CHECK_CHARS`).
const ID_CHECK_CHARS: [u8; 11] = *b"10X98765432";

/// `is_ascii_digits`: true when `value` is non-empty and made only of ASCII `0`-`9`.
pub fn is_ascii_digits(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

/// `luhn_is_valid`: the Luhn check (ISO/IEC 7812-1 Annex B) used by bank cards and IMEI.
///
/// Needs at least two ASCII digits. Every second digit from the right is doubled and the
/// digits of the product are summed (7 -> 14 -> 5); the total must be a multiple of 10.
pub fn luhn_is_valid(number: &str) -> bool {
    if !is_ascii_digits(number) || number.len() < 2 {
        return false;
    }
    // why: the digit sum of 2*d for d = 0..9, as Python's `_LUHN_DOUBLED` table
    const DOUBLED: [u32; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
    let total: u32 = number
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                DOUBLED[d as usize]
            } else {
                d
            }
        })
        .sum();
    total.is_multiple_of(10)
}

/// `gb11643_check_char`: the ISO 7064 MOD 11-2 check character of an 18-digit resident ID
/// (GB 11643-1999) from its first 17 digits; `'X'` stands for 10.
///
/// Python raises `ValueError` unless given exactly 17 ASCII digits; here that is `None`.
pub fn gb11643_check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !is_ascii_digits(first17) {
        return None;
    }
    let total: u32 = first17
        .bytes()
        .zip(ID_WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(char::from(ID_CHECK_CHARS[(total % 11) as usize]))
}

/// `gb11643_is_valid`: true when an 18-character ID has the right MOD 11-2 check character
/// (`X` or `x` for 10). Lengths are counted in characters, as Python does.
pub fn gb11643_is_valid(id18: &str) -> bool {
    let mut chars = id18.char_indices();
    // why: the 18th character's byte offset; the first 17 must be ASCII digits, so it is 17
    let Some((last_at, last)) = chars.nth(17) else {
        return false;
    };
    if chars.next().is_some() {
        return false;
    }
    let first17 = &id18[..last_at];
    match gb11643_check_char(first17) {
        // why: Python compares with `id18[17].upper()`; only 'x' upper-cases to an ASCII
        // check character (checked over every code point in Python 3.11)
        Some(check) => check == last.to_ascii_uppercase(),
        None => false,
    }
}

/// GB 32100-2015 alphabet (`USCC_ALPHABET`): digits and capital letters without I, O, S, V,
/// Z; a character's value is its index.
pub const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The value of `c` in [`USCC_ALPHABET`], or `None`.
fn uscc_value(c: char) -> Option<u32> {
    USCC_ALPHABET
        .iter()
        .position(|&b| char::from(b) == c)
        .and_then(|i| u32::try_from(i).ok())
}

/// `gb32100_is_valid`: true when an 18-character 统一社会信用代码 has the right check
/// character: `31 - (sum of value * 3^i mod 31) mod 31` over the first 17, as a character
/// of the same alphabet. Lengths are counted in characters, as Python does.
pub fn gb32100_is_valid(code: &str) -> bool {
    let values: Option<Vec<u32>> = code.chars().map(uscc_value).collect();
    let Some(values) = values else {
        return false;
    };
    if values.len() != 18 {
        return false;
    }
    let mut weight = 1u32;
    let mut total = 0u32;
    for &v in &values[..17] {
        total += v * weight;
        weight = weight * 3 % 31;
    }
    (31 - total % 31) % 31 == values[17]
}

/// `gb11714_is_valid`: a 9-character organisation code (组织机构代码, GB 11714-1997): 8
/// digits or capital letters (A = 10 … Z = 35) weighted 3 7 9 10 5 8 4 2, and the check
/// character `11 - sum mod 11` (10 is `X`, 11 is `0`).
pub fn gb11714_is_valid(code: &str) -> bool {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let bytes = code.as_bytes();
    // why: Python requires ASCII, 9 characters, alphanumeric first 8 and no lower case
    if !code.is_ascii() || bytes.len() != 9 || bytes.iter().any(u8::is_ascii_lowercase) {
        return false;
    }
    let mut total = 0u32;
    for (&b, w) in bytes[..8].iter().zip(WEIGHTS) {
        let value = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        total += value * w;
    }
    let expected = match 11 - total % 11 {
        10 => b'X',
        11 => b'0',
        n => b'0' + u8::try_from(n).unwrap_or(0),
    };
    bytes[8] == expected
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_digits_only() {
        assert!(is_ascii_digits("0123456789"));
        for bad in ["", "12a", "³", "٣", "１２", " 1", "1 "] {
            assert!(!is_ascii_digits(bad), "{bad:?}");
        }
    }

    #[test]
    fn luhn_cases_from_python() {
        // (number, luhn_is_valid in Python)
        let cases: &[(&str, bool)] = &[
            ("6222021234567890123", false),
            ("4111111111111111", true),
            ("0", false),
            ("00", true),
            ("18", true),
            ("", false),
            ("79927398713", true),
            ("79927398710", false),
            ("490154203237518", true),
            ("490154203237517", false),
            ("6222020200112233445", false),
            ("4111 1111 1111 1111", false),
            ("４１１１１１１１１１１１１１１１", false),
            ("5500000000000004", true),
            ("378282246310005", true),
            ("6011111111111117", true),
            ("6212345678901232", true),
            ("6212345678901234", false),
        ];
        for &(number, expected) in cases {
            assert_eq!(luhn_is_valid(number), expected, "{number:?}");
        }
    }

    #[test]
    fn gb11643_cases_from_python() {
        assert_eq!(gb11643_check_char("11010519491231002"), Some('X'));
        assert_eq!(gb11643_check_char("44030119900101123"), Some('4'));
        assert_eq!(gb11643_check_char("11010519900307123"), Some('9'));
        assert_eq!(gb11643_check_char("1101051949123100"), None);
        assert_eq!(gb11643_check_char("1101051949123100a"), None);
        assert_eq!(gb11643_check_char("110105194912310021"), None);
        // (id, gb11643_is_valid in Python)
        let cases: &[(&str, bool)] = &[
            ("11010519491231002X", true),
            ("11010519491231002x", true),
            ("110105194912310021", false),
            ("440301199001011234", true),
            ("440301199001011238", false),
            ("110105199003071239", true),
            ("110105199003071234", false),
            ("11010519900307123", false),
            ("1101051990030712345", false),
            ("11010519900307123４", false),
            ("１10105199003071234", false),
            ("11010519491231002Ｘ", false),
            ("", false),
        ];
        for &(id, expected) in cases {
            assert_eq!(gb11643_is_valid(id), expected, "{id:?}");
        }
    }

    #[test]
    fn gb32100_and_gb11714_cases_from_python() {
        let cases: &[(&str, bool)] = &[
            ("91350100M000100Y43", true),
            ("91350100M000100Y44", false),
            ("91110000802100433B", true),
            ("91110000802100433b", false),
            ("9135010OM000100Y43", false),
            ("91350100M000100Y4", false),
            ("９1350100M000100Y43", false),
            ("", false),
        ];
        for &(code, expected) in cases {
            assert_eq!(gb32100_is_valid(code), expected, "{code:?}");
        }
        assert!(gb11714_is_valid("802100433"));
        assert!(gb11714_is_valid("M000100Y4"));
        assert!(!gb11714_is_valid("802100434"));
        assert!(!gb11714_is_valid("MA5DC6QJ4"));
        assert!(!gb11714_is_valid("m000100Y4"));
        assert!(!gb11714_is_valid("80210043"));
    }
}
