//! Field-driven PERSON and ADDRESS: the shape checks (`validators.person_name`,
//! `validators.postal_address`) and display masks (`masking._mask_person`,
//! `ner.address.mask_address`) of `pimask/shapes_person_address.py`, from the plan's tables.

use std::collections::HashSet;

use crate::plan::Tables;
use crate::pychars::is_space;
use crate::validators::{invalid, verdict, Status, Verdict};

const MASK_CHAR: char = '*';
/// `NAME_JOINERS`: the joiners of transliterated and minority names.
const NAME_JOINERS: [char; 4] = ['\u{b7}', '\u{2022}', '\u{30fb}', '\u{2027}'];
/// `ner.address._NOT_ADMIN`: areas that end like an administrative unit and are not one.
const NOT_ADMIN: [&str; 8] = [
    "小区", "园区", "校区", "景区", "厂区", "矿区", "市场", "城市",
];

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn is_joiner(c: char) -> bool {
    NAME_JOINERS.contains(&c)
}

const fn valid(reason: &'static str) -> Verdict {
    verdict(Status::Valid, reason)
}

/// `_latin_word`: a capital ASCII letter then at least one lower-case one, nothing else.
fn latin_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 2
        && bytes[0].is_ascii_uppercase()
        && bytes[1..].iter().all(u8::is_ascii_lowercase)
}

/// The tables of the person and address shapes, built once per engine.
#[derive(Debug, Clone, Default)]
pub struct Names {
    surnames: HashSet<char>,
    common: HashSet<char>,
    given_names: HashSet<String>,
    compound: HashSet<String>,
    non_name_chars: HashSet<char>,
    non_name_words: HashSet<String>,
    address_marks: Vec<String>,
    address_words: HashSet<String>,
}

/// The one-character entries of `list` as characters.
fn single_chars(list: &[String]) -> HashSet<char> {
    list.iter()
        .filter_map(|s| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        })
        .collect()
}

impl Names {
    pub fn new(tables: &Tables) -> Names {
        Names {
            surnames: single_chars(&tables.surnames),
            common: single_chars(&tables.common_surnames),
            given_names: tables.given_names.iter().cloned().collect(),
            compound: tables.compound_surnames.iter().cloned().collect(),
            non_name_chars: tables.non_name_chars.chars().collect(),
            non_name_words: tables.non_name_words.iter().cloned().collect(),
            address_marks: tables
                .address_marks
                .iter()
                .filter(|m| !m.is_empty())
                .cloned()
                .collect(),
            address_words: tables.address_words.iter().cloned().collect(),
        }
    }

    /// `person_surname`: the surname (in characters) a Chinese name starts with, or 0.
    fn surname_len(&self, chars: &[char]) -> usize {
        if chars.len() >= 3
            && self
                .compound
                .contains(&chars[..2].iter().collect::<String>())
        {
            return 2;
        }
        usize::from(chars.first().is_some_and(|c| self.surnames.contains(c)))
    }

    /// `shapes_person_address.person_name` (`strict`: under the bare key `name`, common
    /// surnames and given names only).
    pub fn person_name(&self, value: &str, strict: bool) -> Verdict {
        if value.is_empty() {
            return invalid("empty");
        }
        let chars: Vec<char> = value.chars().collect();
        if chars.iter().any(|&c| is_joiner(c)) {
            let parts: Vec<&[char]> = chars.split(|&c| is_joiner(c)).collect();
            if (2..=4).contains(&parts.len())
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.iter().all(|&c| is_han(c)))
            {
                return if chars.len() <= 24 {
                    valid("joined_name")
                } else {
                    invalid("length")
                };
            }
            return invalid("shape");
        }
        if chars.iter().all(|&c| is_han(c)) {
            let surname = self.surname_len(&chars);
            if surname == 0 {
                return invalid("no_surname");
            }
            let given = &chars[surname..];
            if !(1..=2).contains(&given.len()) {
                return invalid("length");
            }
            if given.iter().any(|c| self.non_name_chars.contains(c)) {
                return invalid("not_a_name");
            }
            if strict && surname == 1 && !self.common.contains(&chars[0]) {
                return invalid("rare_surname");
            }
            return valid(if surname == 2 {
                "compound_surname"
            } else {
                "surname"
            });
        }
        let words: Vec<&str> = value.split(' ').collect();
        if (2..=3).contains(&words.len()) && words.iter().all(|w| latin_word(w)) {
            if words.iter().any(|w| self.non_name_words.contains(*w)) {
                return invalid("not_a_name");
            }
            if strict && !self.given_names.contains(words[0]) {
                return invalid("unknown_given_name");
            }
            return valid("latin_name");
        }
        invalid("shape")
    }

    /// `shapes_person_address.postal_address`.
    pub fn postal_address(&self, value: &str) -> Verdict {
        if value.chars().count() < 6 {
            return invalid("length");
        }
        if value.contains(MASK_CHAR) || value.contains('@') || value.contains("://") {
            return invalid("not_an_address");
        }
        if value.chars().any(is_han) {
            let marks: usize = self
                .address_marks
                .iter()
                .map(|m| value.matches(m.as_str()).count())
                .sum();
            return if marks >= 2 {
                valid("address_words")
            } else {
                invalid("no_address_words")
            };
        }
        if !value.bytes().any(|b| b.is_ascii_digit()) {
            return invalid("no_number");
        }
        let street = value
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .any(|w| self.address_words.contains(&w.to_ascii_lowercase()));
        if street {
            valid("street_words")
        } else {
            invalid("no_address_words")
        }
    }

    /// `ner.person.mask_person`: keep the surname (or a first 汉字), hide the rest.
    fn mask_han(&self, value: &str) -> String {
        let chars: Vec<char> = value.chars().collect();
        let found = self.surname_len(&chars);
        let keep = if found > 0 {
            found
        } else {
            usize::from(chars.first().is_some_and(|&c| is_han(c)))
        };
        if chars.len() <= keep {
            return MASK_CHAR.to_string().repeat(chars.len());
        }
        let mut out: String = chars[..keep].iter().collect();
        out.extend(std::iter::repeat_n(MASK_CHAR, chars.len() - keep));
        out
    }

    /// `shapes_person_address.mask_person_name`: `张*`, `欧阳**`, `艾力·***`, `**** Smith`.
    pub fn mask_person(&self, value: &str) -> String {
        let chars: Vec<char> = value.chars().collect();
        if let Some(first) = chars.iter().position(|&c| is_joiner(c)) {
            if first > 0 && chars[..first].iter().all(|&c| is_han(c)) {
                let mut out: String = chars[..first].iter().collect();
                out.extend(
                    chars[first..]
                        .iter()
                        .map(|&c| if is_joiner(c) { c } else { MASK_CHAR }),
                );
                return out;
            }
        } else if value.is_ascii() && value.contains(' ') {
            if let Some((given, family)) = value.rsplit_once(' ') {
                if latin_word(family) {
                    let mut out: String = given
                        .chars()
                        .map(|c| if c == ' ' { ' ' } else { MASK_CHAR })
                        .collect();
                    out.push(' ');
                    out.push_str(family);
                    return out;
                }
            }
        }
        self.mask_han(value)
    }
}

/// One lazy `[\u4e00-\u9fff]{min,max}?(?:suffixes…)` match at `at` (`ner.address._PROVINCE`
/// and its siblings): its end, or None.
fn admin_unit(
    chars: &[char],
    at: usize,
    min: usize,
    max: usize,
    suffixes: &[&str],
) -> Option<usize> {
    for n in min..=max {
        if at + n > chars.len() || !chars[at..at + n].iter().all(|&c| is_han(c)) {
            return None;
        }
        for suffix in suffixes {
            let suffix: Vec<char> = suffix.chars().collect();
            if chars.len() >= at + n + suffix.len()
                && chars[at + n..at + n + suffix.len()] == suffix[..]
            {
                return Some(at + n + suffix.len());
            }
        }
    }
    None
}

/// `ner.address._admin_prefix`: the length of the leading province / city / district.
fn admin_prefix(chars: &[char]) -> usize {
    let units: [(usize, usize, &[&str]); 3] = [
        (2, 7, &["特别行政区", "自治区", "省"]),
        (1, 7, &["自治州", "地区", "盟", "市"]),
        (1, 6, &["新区", "区", "县", "旗", "市"]),
    ];
    let mut cut = 0;
    for (min, max, suffixes) in units {
        let Some(end) = admin_unit(chars, cut, min, max, suffixes) else {
            continue;
        };
        let unit: String = chars[cut..end].iter().collect();
        if NOT_ADMIN.iter().any(|n| unit.ends_with(n)) {
            continue;
        }
        cut = end;
    }
    cut
}

/// `ner.address.mask_address`: keep the area down to the district, hide the street and
/// house (spaces stay); an area with nothing finer is hidden whole.
pub fn mask_address(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let mut cut = admin_prefix(&chars);
    if cut >= chars.len() {
        cut = 0;
    }
    let mut out: String = chars[..cut].iter().collect();
    out.extend(
        chars[cut..]
            .iter()
            .map(|&c| if is_space(c) { c } else { MASK_CHAR }),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;

    /// (value, strict, `shapes_person_address.person_name` status and reason).
    const PERSONS: &[(&str, bool, Status, &str)] = &[
        ("张伟", false, Status::Valid, "surname"),
        ("欧阳娜娜", false, Status::Valid, "compound_surname"),
        ("艾力·买买提", false, Status::Valid, "joined_name"),
        ("John Smith", false, Status::Valid, "latin_name"),
        ("Xiaoming Wang", false, Status::Valid, "latin_name"),
        ("Xiaoming Wang", true, Status::Invalid, "unknown_given_name"),
        ("支付宝", false, Status::Valid, "surname"),
        ("支付宝", true, Status::Invalid, "rare_surname"),
        ("王者荣耀", false, Status::Invalid, "length"),
        ("小米手环", false, Status::Invalid, "no_surname"),
        ("华为", false, Status::Invalid, "not_a_name"),
        ("Apple Watch", false, Status::Invalid, "not_a_name"),
        ("张*", false, Status::Invalid, "shape"),
        ("", false, Status::Invalid, "empty"),
    ];

    #[test]
    fn person_shapes_match_python() {
        let names = Names::new(&Plan::builtin().tables);
        for &(value, strict, status, reason) in PERSONS {
            let got = names.person_name(value, strict);
            assert_eq!(
                (got.status, got.reason),
                (status, reason),
                "{value:?} {strict}"
            );
        }
    }

    #[test]
    fn address_shapes_match_python() {
        let names = Names::new(&Plan::builtin().tables);
        let cases: &[(&str, Status, &str)] = &[
            ("北京市海淀区中关村大街27号", Status::Valid, "address_words"),
            ("12 Main Street, Springfield", Status::Valid, "street_words"),
            ("上海", Status::Invalid, "length"),
            ("10.0.0.1:8080", Status::Invalid, "no_address_words"),
            ("北京市海淀区********", Status::Invalid, "not_an_address"),
            ("Main Street", Status::Invalid, "no_number"),
        ];
        for &(value, status, reason) in cases {
            let got = names.postal_address(value);
            assert_eq!((got.status, got.reason), (status, reason), "{value:?}");
        }
    }
}
