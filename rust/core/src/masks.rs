//! Display masks (`pimask/masking.py`). INTERFACE (fixed):
//! `display_mask(entity: &str, value: &str) -> String` on the ORIGINAL (unfolded) value.
//!
//! Separators and prefixes stay where they were (`+86 139-****-5678`,
//! `6222 02** **** ***0 128`), so the masked text keeps its layout. Positions are counted
//! in characters, and folding maps one character to one character, so an index found in the
//! folded value is an index in the original.

use crate::person_address::{mask_address, Names};
use crate::pychars;
use crate::validators::{is_dotted_quad, parse_ipv6};
use crate::view::fold_char;

/// `MASK_CHAR`: the character that replaces hidden characters.
pub const MASK_CHAR: char = '*';

/// The layout characters `_MASKABLE` leaves alone besides whitespace: the separators
/// values are written with, in ASCII and full-width form.
const LAYOUT: &[char] = &[
    '-', '.', ':', '/', '_', '@', '(', ')', '+', ',', '－', '．', '：', '／', '＿', '＠', '（',
    '）', '＋', '，',
];

/// `_MASKABLE` (`[^\s\-.:/_@()+,－．：／＿＠（）＋，]`): every character but layout. Python's
/// `\s` is `str.isspace()`; 汉字 are masked too, so a zero-keep mask leaves no fragment.
fn maskable(c: char) -> bool {
    // why: invisible characters are layout too (the view drops them), so one inside a value
    // never takes the place of a kept or masked digit
    !pychars::is_space(c) && !LAYOUT.contains(&c) && !crate::view::dropped(c)
}

/// `mask_middle`: mask the maskable characters of `value` except the first `keep_first`
/// and the last `keep_last` of them; layout characters are not counted and stay in place.
/// When there are no more maskable characters than are kept, all of them are masked
/// (revealing a short value whole would defeat masking).
pub fn mask_middle(value: &str, keep_first: usize, keep_last: usize, ch: char) -> String {
    let kept = keep_first.saturating_add(keep_last);
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // why: Python's `isascii() and isalnum()` fast path; every character is maskable,
        // so it is the general rule below with positions = every index
        let length = value.len();
        if length <= kept {
            return std::iter::repeat_n(ch, length).collect();
        }
        let mut out = String::with_capacity(length);
        out.push_str(&value[..keep_first]);
        out.extend(std::iter::repeat_n(ch, length - kept));
        out.push_str(&value[length - keep_last..]);
        return out;
    }
    let total = value.chars().filter(|&c| maskable(c)).count();
    let (skip_first, last) = if total > kept {
        (keep_first, total - keep_last)
    } else {
        (0, total)
    };
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if !maskable(c) {
                return c;
            }
            let index = seen;
            seen += 1;
            if (skip_first..last).contains(&index) {
                ch
            } else {
                c
            }
        })
        .collect()
}

/// The first `n` characters of `value` and the rest.
fn split_chars(value: &str, n: usize) -> (&str, &str) {
    let at = value.char_indices().nth(n).map_or(value.len(), |(i, _)| i);
    value.split_at(at)
}

/// Length in characters of `_MOBILE_PREFIX` (`^(?:\+86|0086|\(\+?86\))[ -]?`) matched at
/// the start of the folded characters, or 0.
fn mobile_prefix_len(folded: &[char]) -> usize {
    let starts = |prefix: &str| {
        prefix.chars().count() <= folded.len() && prefix.chars().zip(folded).all(|(a, &b)| a == b)
    };
    let cut = if starts("+86") {
        3
    } else if starts("0086") {
        4
    } else if starts("(+86)") {
        5
    } else if starts("(86)") {
        4
    } else {
        return 0;
    };
    match folded.get(cut) {
        Some(' ' | '-') => cut + 1,
        _ => cut,
    }
}

/// `mask_mobile`: hutool mobilePhone, first 3 + last 4 digits; a country prefix (which may
/// be full-width, `＋８６`) is kept as written.
fn mask_mobile(value: &str) -> String {
    let folded: Vec<char> = value.chars().map(fold_char).collect();
    let (prefix, rest) = split_chars(value, mobile_prefix_len(&folded));
    let mut out = String::with_capacity(value.len());
    out.push_str(prefix);
    out.push_str(&mask_middle(rest, 3, 4, MASK_CHAR));
    out
}

/// `mask_email`: `zhang.san@example.com` → `z***@example.com` (the length is not revealed).
/// The last `@`/`＠`/`﹫` splits, else the last `#`/`＃` (written for `@`).
fn mask_email(value: &str) -> String {
    let last_of = |set: &[char]| value.char_indices().rfind(|(_, c)| set.contains(c));
    let at = last_of(&['@', '＠', '﹫']).or_else(|| last_of(&['#', '＃']));
    let mut chars = value.chars();
    match (at, chars.next()) {
        // why: Python's `at <= 0`: no separator, or one at index 0
        (Some((at, _)), Some(first)) if at > 0 => {
            let mut out = String::with_capacity(value.len() - at + 8);
            out.push(first);
            out.push_str("***");
            out.push_str(&value[at..]);
            out
        }
        _ => "***".to_owned(),
    }
}

/// The character index of the second `.` of `folded` (Python's
/// `folded.find(".", folded.find(".") + 1)`); `None` stands for Python's -1.
fn second_dot(folded: &[char]) -> Option<usize> {
    folded
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == '.')
        .nth(1)
        .map(|(i, _)| i)
}

/// `value[: second_dot + 1] + mask_middle(value[second_dot + 1 :], 0, 0)`.
fn mask_after_second_dot(value: &str, folded: &[char]) -> String {
    // why: Python's -1 for "not found" makes the cut 0
    let cut = second_dot(folded).map_or(0, |i| i + 1);
    let (network, host) = split_chars(value, cut);
    let mut out = String::with_capacity(value.len());
    out.push_str(network);
    out.push_str(&mask_middle(host, 0, 0, MASK_CHAR));
    out
}

/// `mask_ip`: keep the network part, IPv4 first two octets, IPv6 first two groups. The
/// IPv6 form is rebuilt from the parsed address, so a compressed `::` can never survive
/// into the output as a new, valid address.
fn mask_ip(value: &str) -> String {
    if value.is_ascii() && is_dotted_quad(value) {
        // why: the common case, one ASCII dotted quad: keep up to the second dot
        let cut = value.match_indices('.').nth(1).map_or(0, |(i, _)| i + 1);
        let (network, host) = value.split_at(cut);
        let mut out = String::with_capacity(value.len());
        out.push_str(network);
        out.extend(
            host.chars()
                .map(|c| if c.is_ascii_digit() { MASK_CHAR } else { c }),
        );
        return out;
    }
    let folded: Vec<char> = value.chars().map(fold_char).collect();
    let folded_text: String = folded.iter().collect();
    if is_dotted_quad(&folded_text) {
        return mask_after_second_dot(value, &folded);
    }
    let address = folded_text.split('%').next().unwrap_or_default();
    // why: `ipaddress.ip_address` tries IPv4 first, which accepts exactly the dotted quads
    if is_dotted_quad(address) {
        return mask_after_second_dot(value, &folded);
    }
    match parse_ipv6(address) {
        Some(groups) => format!("{:x}:{:x}:{MASK_CHAR}", groups[0], groups[1]),
        None => mask_middle(value, 0, 0, MASK_CHAR),
    }
}

/// `display_mask`: the default display mask of `entity` (`DISPLAY_RULES`); unknown
/// entities are masked completely. PERSON keeps its surname from `names`' tables; ADDRESS
/// its province, city and district.
///
/// A value spelled with URL-percent or `\uXXXX` escapes is masked decoded and written back
/// in its escapes ([`crate::view::through_escapes`]).
pub fn display_mask(entity: &str, value: &str, names: &Names) -> String {
    if value.contains(['%', '\\']) {
        return crate::view::through_escapes(value, |decoded| {
            display_plain(entity, decoded, names)
        });
    }
    display_plain(entity, value, names)
}

fn display_plain(entity: &str, value: &str, names: &Names) -> String {
    match entity {
        // hutool mobilePhone: first 3 + last 4
        "CN_MOBILE" => mask_mobile(value),
        // hutool idCardNum: first 1 + last 2
        "CN_RESIDENT_ID" => mask_middle(value, 1, 2, MASK_CHAR),
        // first 6 + last 4 (PCI DSS display)
        "BANK_CARD" => mask_middle(value, 6, 4, MASK_CHAR),
        // first character of the local part + domain
        "EMAIL" => mask_email(value),
        // network part: IPv4 /16, IPv6 first two groups
        "IP_ADDRESS" => mask_ip(value),
        // vendor OUI (first 3 octets)
        "MAC_ADDRESS" => mask_middle(value, 6, 0, MASK_CHAR),
        // TAC (first 8 digits: the phone model)
        "IMEI" => mask_middle(value, 8, 0, MASK_CHAR),
        // MCC + MNC (first 5 digits: country and operator)
        "IMSI" => mask_middle(value, 5, 0, MASK_CHAR),
        // first 4 characters
        "DEVICE_ID" => mask_middle(value, 4, 0, MASK_CHAR),
        // 2 decimals of each degree value (about 1 km)
        "GEO_COORDINATES" => mask_geo(value),
        // nothing: six mask characters whatever the length (a secret has no display level)
        "SECRET" => MASK_CHAR.to_string().repeat(6),
        // issue 19 part C: document letter + last 2
        "CN_PASSPORT" | "CN_TRAVEL_PERMIT" => mask_middle(value, 1, 2, MASK_CHAR),
        // authority, type and region (first 8)
        "CN_USCC" => mask_middle(value, 8, 0, MASK_CHAR),
        // province + authority letter + last character
        "CN_LICENSE_PLATE" => mask_license_plate(value),
        // hutool fixedPhone: first 4 + last 2 (the area code is a city)
        "CN_LANDLINE" => mask_middle(value, 4, 2, MASK_CHAR),
        // kept: an organisation's number, not a person's (built-in policies leave it alone)
        "CN_SERVICE_NUMBER" => value.to_string(),
        // first and last character
        "QQ_NUMBER" | "WECHAT_ID" => mask_middle(value, 1, 1, MASK_CHAR),
        // surname kept, given name hidden (张*, 欧阳**, 艾力·***, **** Smith)
        "PERSON" => names.mask_person(value),
        // province/city/district kept, street and house hidden
        "ADDRESS" => mask_address(value),
        _ => mask_middle(value, 0, 0, MASK_CHAR),
    }
}

/// `mask_geo`: keep 2 decimals of each number (`39.90****,116.40****`); a value without a
/// dot is masked completely. Digits and dots are read on the folded characters.
/// `mask_license_plate`: keep the first 2 characters (province, authority letter) and the
/// last; the ASCII letters and digits between (in the folded value) are masked, separators
/// and 汉字 (警, 学 …) stay.
fn mask_license_plate(value: &str) -> String {
    let count = value.chars().count();
    value
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i >= 2 && i + 1 < count && fold_char(c).is_ascii_alphanumeric() {
                MASK_CHAR
            } else {
                c
            }
        })
        .collect()
}

fn mask_geo(value: &str) -> String {
    if !value.chars().any(|c| fold_char(c) == '.') {
        return mask_middle(value, 0, 0, MASK_CHAR);
    }
    let mut decimals: i32 = -1;
    value
        .chars()
        .map(|c| {
            let f = fold_char(c);
            if f == '.' {
                decimals = 0;
            } else if f.is_ascii_digit() {
                if decimals >= 0 {
                    decimals += 1;
                    if decimals > 2 {
                        return MASK_CHAR;
                    }
                }
            } else {
                decimals = -1;
            }
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (entity, value, display mask) as printed by Python 3.11 from
    /// `masking.display_mask(entity, value)`.
    #[rustfmt::skip]
    const MASKS: &[(&str, &str, &str)] = &[
            ("PERSON", "张伟", "张*"),
            ("PERSON", "欧阳娜娜", "欧阳**"),
            ("PERSON", "艾力·买买提", "艾力·***"),
            ("PERSON", "John Smith", "**** Smith"),
            ("PERSON", "Mary Ann Lee", "**** *** Lee"),
            ("PERSON", "abc", "***"),
            ("ADDRESS", "北京市海淀区中关村大街27号", "北京市海淀区********"),
            ("ADDRESS", "广东省深圳市南山区科技园路1号", "广东省深圳市南山区******"),
            ("ADDRESS", "阳光小区3栋 201室", "****** ****"),
            ("ADDRESS", "12 Main Street", "** **** ******"),
            ("CN_MOBILE", "13912345678", "139****5678"),
            ("CN_MOBILE", "+8613912345678", "+86139****5678"),
            ("CN_MOBILE", "+86 139 1234 5678", "+86 139 **** 5678"),
            ("CN_MOBILE", "+86-139-1234-5678", "+86-139-****-5678"),
            ("CN_MOBILE", "0086 13912345678", "0086 139****5678"),
            ("CN_MOBILE", "008613912345678", "0086139****5678"),
            ("CN_MOBILE", "(+86)13912345678", "(+86)139****5678"),
            ("CN_MOBILE", "(86) 13912345678", "(86) 139****5678"),
            ("CN_MOBILE", "(+86) 139-1234-5678", "(+86) 139-****-5678"),
            ("CN_MOBILE", "8613912345678", "861******5678"),
            ("CN_MOBILE", "\u{ff11}\u{ff13}\u{ff19}\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}", "\u{ff11}\u{ff13}\u{ff19}****\u{ff15}\u{ff16}\u{ff17}\u{ff18}"),
            ("CN_MOBILE", "\u{ff0b}\u{ff18}\u{ff16} \u{ff11}\u{ff13}\u{ff19}\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}", "\u{ff0b}\u{ff18}\u{ff16} \u{ff11}\u{ff13}\u{ff19}****\u{ff15}\u{ff16}\u{ff17}\u{ff18}"),
            ("CN_MOBILE", "\u{ff0b}\u{ff18}\u{ff16}\u{3000}\u{ff11}\u{ff13}\u{ff19} \u{ff11}\u{ff12}\u{ff13}\u{ff14} \u{ff15}\u{ff16}\u{ff17}\u{ff18}", "\u{ff0b}\u{ff18}\u{ff16}\u{3000}\u{ff11}\u{ff13}\u{ff19} **** \u{ff15}\u{ff16}\u{ff17}\u{ff18}"),
            ("CN_MOBILE", "\u{ff08}\u{ff0b}\u{ff18}\u{ff16}\u{ff09}\u{ff11}\u{ff13}\u{ff19}\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}", "\u{ff08}\u{ff0b}\u{ff18}\u{ff16}\u{ff09}\u{ff11}\u{ff13}\u{ff19}****\u{ff15}\u{ff16}\u{ff17}\u{ff18}"),
            ("CN_MOBILE", "139\u{ff0d}1234\u{ff0d}5678", "139\u{ff0d}****\u{ff0d}5678"),
            ("CN_MOBILE", "139–1234–5678", "139******5678"),
            ("CN_MOBILE", "+86  13912345678", "+86  139****5678"),
            ("CN_MOBILE", "+86", "+86"),
            ("CN_MOBILE", "+86 ", "+86 "),
            ("CN_MOBILE", "139", "***"),
            ("CN_MOBILE", "", ""),
            ("CN_MOBILE", "+8", "+*"),
            ("CN_MOBILE", "(+86", "(+**"),
            ("CN_MOBILE", "+86\u{a0}13912345678", "+86\u{a0}139****5678"),
            ("CN_MOBILE", "1391234", "*******"),
            ("CN_MOBILE", "+86 139", "+86 ***"),
            ("CN_MOBILE", "13912345678\u{ff19}", "139*****678\u{ff19}"),
            ("CN_RESIDENT_ID", "110105199003071239", "1***************39"),
            ("CN_RESIDENT_ID", "11010519491231002X", "1***************2X"),
            ("CN_RESIDENT_ID", "110105 19900307 1239", "1***** ******** **39"),
            ("CN_RESIDENT_ID", "\u{ff11}\u{ff11}\u{ff10}\u{ff11}\u{ff10}\u{ff15}\u{ff11}\u{ff19}\u{ff19}\u{ff10}\u{ff10}\u{ff13}\u{ff10}\u{ff17}\u{ff11}\u{ff12}\u{ff13}\u{ff19}", "\u{ff11}***************\u{ff13}\u{ff19}"),
            ("CN_RESIDENT_ID", "110105900101123", "1************23"),
            ("CN_RESIDENT_ID", "12", "**"),
            ("CN_RESIDENT_ID", "123", "***"),
            ("CN_RESIDENT_ID", "ab", "**"),
            ("CN_RESIDENT_ID", "", ""),
            ("BANK_CARD", "6222021234567890128", "622202*********0128"),
            ("BANK_CARD", "6222 0212 3456 7890 128", "6222 02** **** ***0 128"),
            ("BANK_CARD", "6222-0212-3456-7890-128", "6222-02**-****-***0-128"),
            ("BANK_CARD", "\u{ff14}\u{ff11}\u{ff11}\u{ff11} \u{ff11}\u{ff11}\u{ff11}\u{ff11} \u{ff11}\u{ff11}\u{ff11}\u{ff11} \u{ff11}\u{ff11}\u{ff11}\u{ff11}", "\u{ff14}\u{ff11}\u{ff11}\u{ff11} \u{ff11}\u{ff11}** **** \u{ff11}\u{ff11}\u{ff11}\u{ff11}"),
            ("BANK_CARD", "4111111111", "**********"),
            ("BANK_CARD", "411111111", "*********"),
            ("BANK_CARD", "41", "**"),
            ("BANK_CARD", "", ""),
            ("EMAIL", "zhang.san@example.com", "z***@example.com"),
            ("EMAIL", "zhangsan#example.com", "z***#example.com"),
            ("EMAIL", "z\u{ff20}example.com", "z***\u{ff20}example.com"),
            ("EMAIL", "\u{ff5a}\u{ff48}\u{ff41}\u{ff4e}\u{ff47}\u{ff20}\u{ff45}\u{ff58}\u{ff41}\u{ff4d}\u{ff50}\u{ff4c}\u{ff45}\u{ff0e}\u{ff43}\u{ff4f}\u{ff4d}", "\u{ff5a}***\u{ff20}\u{ff45}\u{ff58}\u{ff41}\u{ff4d}\u{ff50}\u{ff4c}\u{ff45}\u{ff0e}\u{ff43}\u{ff4f}\u{ff4d}"),
            ("EMAIL", "z\u{fe6b}example.com", "z***\u{fe6b}example.com"),
            ("EMAIL", "a@b@c.com", "a***@c.com"),
            ("EMAIL", "zhang\u{ff03}example.com", "z***\u{ff03}example.com"),
            ("EMAIL", "a#b@c.com", "a***@c.com"),
            ("EMAIL", "@example.com", "***"),
            ("EMAIL", "#example.com", "***"),
            ("EMAIL", "example.com", "***"),
            ("EMAIL", "", "***"),
            ("EMAIL", "张三@例子.中国", "张***@例子.中国"),
            ("EMAIL", "a@", "a***@"),
            ("EMAIL", "\u{1f600}@x.cn", "\u{1f600}***@x.cn"),
            ("IP_ADDRESS", "192.168.1.20", "192.168.*.**"),
            ("IP_ADDRESS", "10.0.0.1", "10.0.*.*"),
            ("IP_ADDRESS", "\u{ff11}\u{ff19}\u{ff12}\u{ff0e}\u{ff11}\u{ff16}\u{ff18}\u{ff0e}\u{ff11}\u{ff0e}\u{ff12}\u{ff10}", "\u{ff11}\u{ff19}\u{ff12}\u{ff0e}\u{ff11}\u{ff16}\u{ff18}\u{ff0e}*\u{ff0e}**"),
            ("IP_ADDRESS", "192.168.1.20%eth0", "192.168.*.*******"),
            ("IP_ADDRESS", "192.168.1.1%", "192.168.*.**"),
            ("IP_ADDRESS", "\u{ff11}\u{ff19}\u{ff12}.168.\u{ff11}.\u{ff12}\u{ff10}%\u{ff45}\u{ff54}\u{ff48}\u{ff10}", "\u{ff11}\u{ff19}\u{ff12}.168.*.*******"),
            ("IP_ADDRESS", "2001:db8::8a2e:370:7334", "2001:db8:*"),
            ("IP_ADDRESS", "2001:0db8:0000::1", "2001:db8:*"),
            ("IP_ADDRESS", "::1", "0:0:*"),
            ("IP_ADDRESS", "::", "0:0:*"),
            ("IP_ADDRESS", "::ffff:192.168.1.1", "0:0:*"),
            ("IP_ADDRESS", "fe80::1%eth0", "fe80:0:*"),
            ("IP_ADDRESS", "FE80::ABCD", "fe80:0:*"),
            ("IP_ADDRESS", "\u{ff12}\u{ff10}\u{ff10}\u{ff11}\u{ff1a}\u{ff44}\u{ff42}\u{ff18}\u{ff1a}\u{ff1a}\u{ff11}", "2001:db8:*"),
            ("IP_ADDRESS", "0:0::1", "0:0:*"),
            ("IP_ADDRESS", "dead::beef", "dead:0:*"),
            ("IP_ADDRESS", ":::", ":::"),
            ("IP_ADDRESS", "1.2.3.04", "*.*.*.**"),
            ("IP_ADDRESS", "256.1.1.1", "***.*.*.*"),
            ("IP_ADDRESS", "not an ip", "*** ** **"),
            ("IP_ADDRESS", "", ""),
            ("IP_ADDRESS", "01.2.3.4", "**.*.*.*"),
            ("IP_ADDRESS", "1.2.3.4.5", "*.*.*.*.*"),
            ("IP_ADDRESS", "1::2::3", "*::*::*"),
            ("IP_ADDRESS", "a", "*"),
            ("IP_ADDRESS", "12345::1", "*****::*"),
            ("IP_ADDRESS", "1.2.3.4%", "1.2.*.**"),
            ("IP_ADDRESS", "1.2.3.4%%", "1.2.*.***"),
            ("MAC_ADDRESS", "3C:22:FB:12:34:56", "3C:22:FB:**:**:**"),
            ("MAC_ADDRESS", "3c-22-fb-12-34-56", "3c-22-fb-**-**-**"),
            ("MAC_ADDRESS", "3c22.fb12.3456", "3c22.fb**.****"),
            ("MAC_ADDRESS", "3c22fb123456", "3c22fb******"),
            ("MAC_ADDRESS", "\u{ff13}\u{ff23}\u{ff1a}\u{ff12}\u{ff12}\u{ff1a}\u{ff26}\u{ff22}\u{ff1a}\u{ff11}\u{ff12}\u{ff1a}\u{ff13}\u{ff14}\u{ff1a}\u{ff15}\u{ff16}", "\u{ff13}\u{ff23}\u{ff1a}\u{ff12}\u{ff12}\u{ff1a}\u{ff26}\u{ff22}\u{ff1a}**\u{ff1a}**\u{ff1a}**"),
            ("MAC_ADDRESS", "3C:22", "**:**"),
            ("IMEI", "490154203237518", "49015420*******"),
            ("IMEI", "49-015420-323751-8", "49-015420-******-*"),
            ("IMEI", "35/209900/176148/1", "35/209900/******/*"),
            ("IMEI", "3520990017614812", "35209900********"),
            ("IMEI", "\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}\u{ff19}", "\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}*"),
            ("IMEI", "1234567", "*******"),
            ("IMSI", "460001234567890", "46000**********"),
            ("CN_LANDLINE", "010-62345678", "010-6*****78"),
            ("CN_LANDLINE", "+86 10 8765 4321 ext. 8001", "+86 10 **** **** ***. **01"),
            ("CN_LANDLINE", "(0755)23456789 \u{8f6c} 8001", "(0755)******** * **01"),
            ("CN_LANDLINE", "\u{ff08}\u{ff10}\u{ff12}\u{ff10}\u{ff09}\u{ff18}\u{ff17}\u{ff16}\u{ff15}\u{ff14}\u{ff13}\u{ff12}\u{ff11}", "\u{ff08}\u{ff10}\u{ff12}\u{ff10}\u{ff09}\u{ff18}*****\u{ff12}\u{ff11}"),
            ("CN_SERVICE_NUMBER", "400-123-4567", "400-123-4567"),
            ("QQ_NUMBER", "123456789", "1*******9"),
            ("QQ_NUMBER", "10001", "1***1"),
            ("WECHAT_ID", "zhang_san88", "z****_****8"),
            ("WECHAT_ID", "wxid_k3j2h1g5f6d7s8", "w***_*************8"),
            ("DEVICE_ID", "4d08c296-ea02-4a45-bf48-aa482df9cb07", "4d08****-****-****-****-************"),
            ("DEVICE_ID", "R58M12ABCDE", "R58M*******"),
            ("GEO_COORDINATES", "39.904211, 116.407394", "39.90****, 116.40****"),
            ("GEO_COORDINATES", "-33.8688,151.2093", "-33.86**,151.20**"),
            ("GEO_COORDINATES", "\u{ff13}\u{ff19}\u{ff0e}\u{ff19}\u{ff10}\u{ff14}\u{ff12}", "\u{ff13}\u{ff19}\u{ff0e}\u{ff19}\u{ff10}**"),
            ("GEO_COORDINATES", "3990", "****"),
            ("PERSON", "张三", "张*"),
            ("PERSON", "北京市海淀区", "北*****"),
            ("PERSON", "abc", "***"),
            ("PERSON", "a b-c", "*****"),
            ("PERSON", "", ""),
            ("ADDRESS", "上海市浦东新区", "*******"),
            ("ADDRESS", "x", "*"),
            ("CUSTOM", "secret", "******"),
            ("CUSTOM", "a-b.c", "*-*.*"),
            ("CUSTOM", "张三 李四", "** **"),
            ("CUSTOM", "\u{1c}\u{1d}", "\u{1c}\u{1d}"),
            ("CUSTOM", "\u{10ff80}a", "**"),
            ("CUSTOM", "\u{1f600}", "*"),
            ("CUSTOM", "\u{ff41}\u{ff42}\u{ff43}\u{ff08}\u{ff44}\u{ff09}", "***\u{ff08}*\u{ff09}"),
            ("CN_MOBILE", "", ""),
            ("EMAIL", "", "***"),
            ("IP_ADDRESS", "", ""),
            ("BANK_CARD", "", ""),
            ("CN_MOBILE", "\u{ff13}", "*"),
            ("EMAIL", "\u{ff13}", "***"),
            ("IP_ADDRESS", "\u{ff13}", "*"),
            ("BANK_CARD", "\u{ff13}", "*"),
            ("CN_MOBILE", "⑱", "*"),
            ("EMAIL", "⑱", "***"),
            ("IP_ADDRESS", "⑱", "*"),
            ("BANK_CARD", "⑱", "*"),
            ("CN_MOBILE", "\u{1f600}", "*"),
            ("EMAIL", "\u{1f600}", "***"),
            ("IP_ADDRESS", "\u{1f600}", "*"),
            ("BANK_CARD", "\u{1f600}", "*"),
            ("CN_MOBILE", "\u{10ff00}", "*"),
            ("EMAIL", "\u{10ff00}", "***"),
            ("IP_ADDRESS", "\u{10ff00}", "*"),
            ("BANK_CARD", "\u{10ff00}", "*"),
            ("CN_MOBILE", "\u{10ffff}", "*"),
            ("EMAIL", "\u{10ffff}", "***"),
            ("IP_ADDRESS", "\u{10ffff}", "*"),
            ("BANK_CARD", "\u{10ffff}", "*"),
            ("CN_MOBILE", "\u{e000}", "*"),
            ("EMAIL", "\u{e000}", "***"),
            ("IP_ADDRESS", "\u{e000}", "*"),
            ("BANK_CARD", "\u{e000}", "*"),
            ("CN_MOBILE", "\u{0}", "*"),
            ("EMAIL", "\u{0}", "***"),
            ("IP_ADDRESS", "\u{0}", "*"),
            ("BANK_CARD", "\u{0}", "*"),
            ("CN_MOBILE", "٣٣٣", "***"),
            ("EMAIL", "٣٣٣", "***"),
            ("IP_ADDRESS", "٣٣٣", "***"),
            ("BANK_CARD", "٣٣٣", "***"),
            ("CN_MOBILE", "³", "*"),
            ("EMAIL", "³", "***"),
            ("IP_ADDRESS", "³", "*"),
            ("BANK_CARD", "³", "*"),
            ("CN_MOBILE", "x", "*"),
            ("EMAIL", "x", "***"),
            ("IP_ADDRESS", "x", "*"),
            ("BANK_CARD", "x", "*"),
            ("CN_MOBILE", "%", "*"),
            ("EMAIL", "%", "***"),
            ("IP_ADDRESS", "%", "*"),
            ("BANK_CARD", "%", "*"),
            ("CN_MOBILE", ".", "."),
            ("EMAIL", ".", "***"),
            ("IP_ADDRESS", ".", "."),
            ("BANK_CARD", ".", "."),
            ("CN_MOBILE", "@@", "@@"),
            ("EMAIL", "@@", "@***@"),
            ("IP_ADDRESS", "@@", "@@"),
            ("BANK_CARD", "@@", "@@"),
            ("CN_MOBILE", "##", "**"),
            ("EMAIL", "##", "#***#"),
            ("IP_ADDRESS", "##", "**"),
            ("BANK_CARD", "##", "**"),
            ("CN_MOBILE", "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", "\u{10ff80}\u{10ff80}\u{10ff80}*************\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}"),
            ("EMAIL", "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", "***"),
            ("IP_ADDRESS", "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", "********************"),
            ("BANK_CARD", "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}**********\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}"),
    ];

    /// issue 19 part C: `masking.display_mask` of documents, codes and plates in Python.
    #[test]
    fn document_masks_match_python() {
        let cases: &[(&str, &str, &str)] = &[
            ("CN_PASSPORT", "E12345678", "E******78"),
            ("CN_TRAVEL_PERMIT", "H0123456700", "H********00"),
            ("CN_USCC", "91350100M000100Y43", "91350100**********"),
            ("CN_LICENSE_PLATE", "京A12345", "京A****5"),
            ("CN_LICENSE_PLATE", "沪B·8C123", "沪B·****3"),
            ("CN_LICENSE_PLATE", "浙A-1234学", "浙A-****学"),
            ("CN_LICENSE_PLATE", "粤ＢＤ１２３４５", "粤Ｂ*****５"),
            ("CN_LICENSE_PLATE", "京A", "京A"),
            ("CN_LICENSE_PLATE", "", ""),
        ];
        let names = Names::new(&crate::plan::Plan::builtin().tables);
        for &(entity, value, want) in cases {
            assert_eq!(
                display_mask(entity, value, &names),
                want,
                "{entity} {value:?}"
            );
        }
    }

    #[test]
    fn display_masks_match_python() {
        let mut failures = Vec::new();
        let names = Names::new(&crate::plan::Plan::builtin().tables);
        for &(entity, value, want) in MASKS {
            let got = display_mask(entity, value, &names);
            if got != want {
                failures.push(format!("{entity} {value:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// (value, keep_first, keep_last, `masking.mask_middle(value, keep_first, keep_last)`).
    #[rustfmt::skip]
    const MIDDLE: &[(&str, usize, usize, &str)] = &[
            ("6222 0212 3456 7890 128", 0, 0, "**** **** **** **** ***"),
            ("6222 0212 3456 7890 128", 1, 2, "6*** **** **** **** *28"),
            ("6222 0212 3456 7890 128", 3, 4, "622* **** **** ***0 128"),
            ("6222 0212 3456 7890 128", 6, 4, "6222 02** **** ***0 128"),
            ("6222 0212 3456 7890 128", 2, 2, "62** **** **** **** *28"),
            ("6222 0212 3456 7890 128", 10, 0, "6222 0212 34** **** ***"),
            ("6222 0212 3456 7890 128", 0, 10, "**** **** *456 7890 128"),
            ("abc", 0, 0, "***"),
            ("abc", 1, 2, "***"),
            ("abc", 3, 4, "***"),
            ("abc", 6, 4, "***"),
            ("abc", 2, 2, "***"),
            ("abc", 10, 0, "***"),
            ("abc", 0, 10, "***"),
            ("abcdef", 0, 0, "******"),
            ("abcdef", 1, 2, "a***ef"),
            ("abcdef", 3, 4, "******"),
            ("abcdef", 6, 4, "******"),
            ("abcdef", 2, 2, "ab**ef"),
            ("abcdef", 10, 0, "******"),
            ("abcdef", 0, 10, "******"),
            ("ABC123", 0, 0, "******"),
            ("ABC123", 1, 2, "A***23"),
            ("ABC123", 3, 4, "******"),
            ("ABC123", 6, 4, "******"),
            ("ABC123", 2, 2, "AB**23"),
            ("ABC123", 10, 0, "******"),
            ("ABC123", 0, 10, "******"),
            ("\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}", 0, 0, "*****"),
            ("\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}", 1, 2, "\u{ff11}**\u{ff14}\u{ff15}"),
            ("\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}", 3, 4, "*****"),
            ("\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}", 6, 4, "*****"),
            ("\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}", 2, 2, "\u{ff11}\u{ff12}*\u{ff14}\u{ff15}"),
            ("\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}", 10, 0, "*****"),
            ("\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}", 0, 10, "*****"),
            ("a-b-c-d-e", 0, 0, "*-*-*-*-*"),
            ("a-b-c-d-e", 1, 2, "a-*-*-d-e"),
            ("a-b-c-d-e", 3, 4, "*-*-*-*-*"),
            ("a-b-c-d-e", 6, 4, "*-*-*-*-*"),
            ("a-b-c-d-e", 2, 2, "a-b-*-d-e"),
            ("a-b-c-d-e", 10, 0, "*-*-*-*-*"),
            ("a-b-c-d-e", 0, 10, "*-*-*-*-*"),
            ("  ", 0, 0, "  "),
            ("  ", 1, 2, "  "),
            ("  ", 3, 4, "  "),
            ("  ", 6, 4, "  "),
            ("  ", 2, 2, "  "),
            ("  ", 10, 0, "  "),
            ("  ", 0, 10, "  "),
            ("", 0, 0, ""),
            ("", 1, 2, ""),
            ("", 3, 4, ""),
            ("", 6, 4, ""),
            ("", 2, 2, ""),
            ("", 10, 0, ""),
            ("", 0, 10, ""),
            ("a\u{3000}b\u{3000}c\u{3000}d", 0, 0, "*\u{3000}*\u{3000}*\u{3000}*"),
            ("a\u{3000}b\u{3000}c\u{3000}d", 1, 2, "a\u{3000}*\u{3000}c\u{3000}d"),
            ("a\u{3000}b\u{3000}c\u{3000}d", 3, 4, "*\u{3000}*\u{3000}*\u{3000}*"),
            ("a\u{3000}b\u{3000}c\u{3000}d", 6, 4, "*\u{3000}*\u{3000}*\u{3000}*"),
            ("a\u{3000}b\u{3000}c\u{3000}d", 2, 2, "*\u{3000}*\u{3000}*\u{3000}*"),
            ("a\u{3000}b\u{3000}c\u{3000}d", 10, 0, "*\u{3000}*\u{3000}*\u{3000}*"),
            ("a\u{3000}b\u{3000}c\u{3000}d", 0, 10, "*\u{3000}*\u{3000}*\u{3000}*"),
            ("张三丰", 0, 0, "***"),
            ("张三丰", 1, 2, "***"),
            ("张三丰", 3, 4, "***"),
            ("张三丰", 6, 4, "***"),
            ("张三丰", 2, 2, "***"),
            ("张三丰", 10, 0, "***"),
            ("张三丰", 0, 10, "***"),
            ("3C:22:FB:12:34:56", 0, 0, "**:**:**:**:**:**"),
            ("3C:22:FB:12:34:56", 1, 2, "3*:**:**:**:**:56"),
            ("3C:22:FB:12:34:56", 3, 4, "3C:2*:**:**:34:56"),
            ("3C:22:FB:12:34:56", 6, 4, "3C:22:FB:**:34:56"),
            ("3C:22:FB:12:34:56", 2, 2, "3C:**:**:**:**:56"),
            ("3C:22:FB:12:34:56", 10, 0, "3C:22:FB:12:34:**"),
            ("3C:22:FB:12:34:56", 0, 10, "**:22:FB:12:34:56"),
            ("x\u{1c}y\u{1d}z", 0, 0, "*\u{1c}*\u{1d}*"),
            ("x\u{1c}y\u{1d}z", 1, 2, "*\u{1c}*\u{1d}*"),
            ("x\u{1c}y\u{1d}z", 3, 4, "*\u{1c}*\u{1d}*"),
            ("x\u{1c}y\u{1d}z", 6, 4, "*\u{1c}*\u{1d}*"),
            ("x\u{1c}y\u{1d}z", 2, 2, "*\u{1c}*\u{1d}*"),
            ("x\u{1c}y\u{1d}z", 10, 0, "*\u{1c}*\u{1d}*"),
            ("x\u{1c}y\u{1d}z", 0, 10, "*\u{1c}*\u{1d}*"),
            ("\u{ff41}\u{ff0e}\u{ff42}\u{ff20}\u{ff43}", 0, 0, "*\u{ff0e}*\u{ff20}*"),
            ("\u{ff41}\u{ff0e}\u{ff42}\u{ff20}\u{ff43}", 1, 2, "*\u{ff0e}*\u{ff20}*"),
            ("\u{ff41}\u{ff0e}\u{ff42}\u{ff20}\u{ff43}", 3, 4, "*\u{ff0e}*\u{ff20}*"),
            ("\u{ff41}\u{ff0e}\u{ff42}\u{ff20}\u{ff43}", 6, 4, "*\u{ff0e}*\u{ff20}*"),
            ("\u{ff41}\u{ff0e}\u{ff42}\u{ff20}\u{ff43}", 2, 2, "*\u{ff0e}*\u{ff20}*"),
            ("\u{ff41}\u{ff0e}\u{ff42}\u{ff20}\u{ff43}", 10, 0, "*\u{ff0e}*\u{ff20}*"),
            ("\u{ff41}\u{ff0e}\u{ff42}\u{ff20}\u{ff43}", 0, 10, "*\u{ff0e}*\u{ff20}*"),
            ("abc\u{200b}def", 0, 0, "***\u{200b}***"),
            ("abc\u{200b}def", 1, 2, "a**\u{200b}*ef"),
            ("abc\u{200b}def", 3, 4, "***\u{200b}***"),
            ("abc\u{200b}def", 6, 4, "***\u{200b}***"),
            ("abc\u{200b}def", 2, 2, "ab*\u{200b}*ef"),
            ("abc\u{200b}def", 10, 0, "***\u{200b}***"),
            ("abc\u{200b}def", 0, 10, "***\u{200b}***"),
            ("a\u{180e}b\u{180e}c", 0, 0, "*\u{180e}*\u{180e}*"),
            ("a\u{180e}b\u{180e}c", 1, 2, "*\u{180e}*\u{180e}*"),
            ("a\u{180e}b\u{180e}c", 3, 4, "*\u{180e}*\u{180e}*"),
            ("a\u{180e}b\u{180e}c", 6, 4, "*\u{180e}*\u{180e}*"),
            ("a\u{180e}b\u{180e}c", 2, 2, "*\u{180e}*\u{180e}*"),
            ("a\u{180e}b\u{180e}c", 10, 0, "*\u{180e}*\u{180e}*"),
            ("a\u{180e}b\u{180e}c", 0, 10, "*\u{180e}*\u{180e}*"),
    ];

    #[test]
    fn mask_middle_matches_python() {
        for &(value, keep_first, keep_last, want) in MIDDLE {
            assert_eq!(
                mask_middle(value, keep_first, keep_last, MASK_CHAR),
                want,
                "{value:?} {keep_first} {keep_last}"
            );
        }
    }

    /// The ASCII alphanumeric fast path gives what the general rule gives.
    #[test]
    fn fast_path_agrees_with_the_general_rule() {
        for value in ["a", "ab", "abc", "13912345678", "3c22fb123456", "X1y2Z3w4"] {
            for keep_first in 0..8 {
                for keep_last in 0..8 {
                    let fast = mask_middle(value, keep_first, keep_last, '#');
                    // why: a trailing space takes the general path and is never masked
                    let general = mask_middle(&format!("{value} "), keep_first, keep_last, '#');
                    assert_eq!(
                        format!("{fast} "),
                        general,
                        "{value} {keep_first} {keep_last}"
                    );
                }
            }
        }
        assert_eq!(mask_middle("abc", usize::MAX, usize::MAX, '*'), "***");
    }
}
