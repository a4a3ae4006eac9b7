//! Entity-level verdicts (`pimask/validators.py`): is this candidate really an ID, a mobile…
//!
//! INTERFACE (fixed; the engine calls exactly this):
//! `ValidatorKind::parse(name) -> Option<ValidatorKind>`,
//! `Validators::new(&Tables) -> Validators`,
//! `Validators::run(&self, kind, value: &str, today: Date) -> Verdict`.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::checksums;
use crate::plan::Tables;

/// `Status` of `validators.py`: valid, invalid, or can't tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Valid,
    Invalid,
    Unknown,
}

impl Status {
    /// The status as Python spells it (`Verdict.status`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Valid => "valid",
            Status::Invalid => "invalid",
            Status::Unknown => "unknown",
        }
    }
}

/// A validator's answer; `reason` is a short code, never the value itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub status: Status,
    pub reason: &'static str,
    /// Score adjustment in basis points.
    pub adjust_bp: i32,
}

/// A calendar date (today's date is passed in, never read inside the core).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// The built-in validators, one per entry of Python's `VALIDATORS` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidatorKind {
    CnResidentId,
    CnMobile,
    BankCard,
    Imei,
    MacAddress,
    Email,
    IpAddress,
    Imsi,
    DeviceId,
    GeoCoordinates,
    Secret,
    CnUscc,
    CnLicensePlate,
    CnTravelPermit,
    CnLandline,
    CnServiceNumber,
    WechatId,
}

impl ValidatorKind {
    /// The validator named as in a recognizer file (a key of Python's `VALIDATORS`).
    pub fn parse(name: &str) -> Option<ValidatorKind> {
        Some(match name {
            "cn_resident_id" => ValidatorKind::CnResidentId,
            "cn_mobile" => ValidatorKind::CnMobile,
            "bank_card" => ValidatorKind::BankCard,
            "imei" => ValidatorKind::Imei,
            "mac_address" => ValidatorKind::MacAddress,
            "email" => ValidatorKind::Email,
            "ip_address" => ValidatorKind::IpAddress,
            "imsi" => ValidatorKind::Imsi,
            "device_id" => ValidatorKind::DeviceId,
            "geo_coordinates" => ValidatorKind::GeoCoordinates,
            "secret" => ValidatorKind::Secret,
            "cn_uscc" => ValidatorKind::CnUscc,
            "cn_license_plate" => ValidatorKind::CnLicensePlate,
            "cn_travel_permit" => ValidatorKind::CnTravelPermit,
            "cn_landline" => ValidatorKind::CnLandline,
            "cn_service_number" => ValidatorKind::CnServiceNumber,
            "wechat_id" => ValidatorKind::WechatId,
            _ => return None,
        })
    }
}

/// A verdict with no score adjustment.
const fn verdict(status: Status, reason: &'static str) -> Verdict {
    Verdict {
        status,
        reason,
        adjust_bp: 0,
    }
}

/// An `invalid` verdict (Python's `Verdict("invalid", reason)`).
const fn invalid(reason: &'static str) -> Verdict {
    verdict(Status::Invalid, reason)
}

/// `_IPV4_VALID`.
const IPV4_VALID: Verdict = verdict(Status::Valid, "ipv4");

/// Python's `0.1` score bonus (a prefixed mobile, a known Chinese BIN) in basis points.
const BONUS_BP: i32 = 1_000;
/// `-0.2`: an IMEI of an unknown reporting body, a decimal-only MAC.
const WEAK_BP: i32 = -2_000;
/// `-0.7`: a broadcast or all-zero MAC.
const NOT_PERSONAL_BP: i32 = -7_000;
/// `-0.4`: a short compressed IPv6 address.
const SHORT_IPV6_BP: i32 = -4_000;

/// `-0.15`: a 统一社会信用代码 whose organisation code fails GB 11714.
const USCC_ORG_CODE_BP: i32 = -1_500;
/// `-0.2`: an all-digit 统一社会信用代码 (as often an order or snowflake id).
const USCC_ALL_DIGITS_BP: i32 = -2_000;
/// `-0.1`: an 8-digit travel permit number that reads as a date.
const DATE_LIKE_BP: i32 = -1_000;

/// `PLATE_SEPARATORS`: what a plate may carry between its letter and serial.
const PLATE_SEPARATORS: &[char] = &[' ', '-', '.', '\u{b7}', '\u{30fb}', '\u{2022}'];

/// `cn_license_plate`: the regex spells the shape out; a plate has at least 7 characters
/// without separators, and its serial at most two letters (embassy plates, 使…, have none).
fn cn_license_plate(value: &str) -> Verdict {
    let plate: Vec<char> = compact(value, PLATE_SEPARATORS).chars().collect();
    if plate.len() < 7 {
        return invalid("length");
    }
    if plate[0] == '使' {
        return verdict(Status::Valid, "embassy");
    }
    let letters = plate[2..].iter().filter(|c| c.is_ascii_uppercase()).count();
    if letters > 2 {
        return invalid("serial_letters");
    }
    verdict(Status::Valid, "shape")
}

/// `cn_travel_permit`: no check digit; an 8-digit number that reads as a date (19xx/20xx,
/// month 01-12, day 01-31) scores lower.
fn cn_travel_permit(value: &str) -> Verdict {
    let b = value.as_bytes();
    let two = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    if b.len() == 8
        && checksums::is_ascii_digits(value)
        && (&value[..2] == "19" || &value[..2] == "20")
        && (1..=12).contains(&two(4))
        && (1..=31).contains(&two(6))
    {
        return Verdict {
            status: Status::Valid,
            reason: "date_like",
            adjust_bp: DATE_LIKE_BP,
        };
    }
    verdict(Status::Valid, "shape")
}

/// The validators with their tables, built once per engine.
///
/// Every table key the validators look up is a string of ASCII digits of a fixed length
/// (`number[:2]`, `digits[:3]` …), so digit-indexed arrays answer exactly what Python's
/// `in dict` answers; a table key of another shape could never match and is left out.
#[derive(Debug, Clone)]
pub struct Validators {
    /// `reference.PROVINCES`, indexed by the two-digit code.
    provinces: [bool; 100],
    /// `reference.MOBILE_SEGMENTS`, indexed by the three-digit segment.
    mobile_segments: Vec<bool>,
    /// `reference.CARD_NETWORKS` in the Python order: (IIN prefix, network, lengths).
    card_networks: Vec<(String, String, Vec<usize>)>,
    /// `reference.CN_BINS`, the six-digit BINs as numbers.
    cn_bins: HashSet<u32>,
    /// `reference.IMEI_REPORTING_BODIES`, indexed by the two-digit identifier.
    imei_reporting_bodies: [bool; 100],
    /// `reference.IDN_TLDS`, compared as whole strings.
    idn_tlds: HashSet<String>,
    /// `reference.IMSI_MNCS`, indexed by the two-digit MNC.
    imsi_mncs: [bool; 100],
    /// `reference.USCC_TYPES`: registration authority + organisation type (two characters).
    uscc_types: HashSet<String>,
    /// `reference.CN_AREA_CODES`, the area codes with their leading 0.
    area_codes: HashSet<String>,
}

/// The number written by `key` when it is exactly `len` ASCII digits.
fn digit_key(key: &str, len: usize) -> Option<usize> {
    if key.len() != len || !checksums::is_ascii_digits(key) {
        return None;
    }
    Some(key.bytes().fold(0, |n, b| n * 10 + usize::from(b - b'0')))
}

impl Validators {
    /// Build the lookup structures from the plan's reference tables.
    pub fn new(tables: &Tables) -> Validators {
        let mut provinces = [false; 100];
        for (code, _) in &tables.provinces {
            if let Some(i) = digit_key(code, 2) {
                provinces[i] = true;
            }
        }
        let mut mobile_segments = vec![false; 1000];
        for (segment, _) in &tables.mobile_segments {
            if let Some(i) = digit_key(segment, 3) {
                mobile_segments[i] = true;
            }
        }
        let mut imei_reporting_bodies = [false; 100];
        for body in &tables.imei_reporting_bodies {
            if let Some(i) = digit_key(body, 2) {
                imei_reporting_bodies[i] = true;
            }
        }
        let mut imsi_mncs = [false; 100];
        for (mnc, _) in &tables.imsi_mncs {
            if let Some(i) = digit_key(mnc, 2) {
                imsi_mncs[i] = true;
            }
        }
        let cn_bins = tables
            .cn_bins
            .iter()
            .filter_map(|(bin, _)| digit_key(bin, 6))
            .filter_map(|n| u32::try_from(n).ok())
            .collect();
        Validators {
            provinces,
            mobile_segments,
            card_networks: tables.card_networks.clone(),
            cn_bins,
            imei_reporting_bodies,
            idn_tlds: tables.idn_tlds.iter().cloned().collect(),
            imsi_mncs,
            uscc_types: tables.uscc_types.iter().cloned().collect(),
            area_codes: tables
                .area_codes
                .iter()
                .map(|(code, _)| code.clone())
                .collect(),
        }
    }

    /// `run`: the named validator's verdict on `value` (the candidate in the folded view).
    ///
    /// `today` bounds birth dates (Python's `date.today()`, passed in so the core reads no
    /// clock). The Python validators never raise on a `str`, so `validator_error` never
    /// occurs here.
    pub fn run(&self, kind: ValidatorKind, value: &str, today: Date) -> Verdict {
        match kind {
            ValidatorKind::CnResidentId => self.cn_resident_id(value, today),
            ValidatorKind::CnMobile => self.cn_mobile(value),
            ValidatorKind::BankCard => self.bank_card(value),
            ValidatorKind::Imei => self.imei(value),
            ValidatorKind::MacAddress => mac_address(value),
            ValidatorKind::Email => self.email(value),
            ValidatorKind::IpAddress => ip_address(value),
            ValidatorKind::Imsi => self.imsi(value),
            ValidatorKind::DeviceId => device_id(value),
            ValidatorKind::GeoCoordinates => geo_coordinates(value),
            ValidatorKind::Secret => secret(value),
            ValidatorKind::CnUscc => self.cn_uscc(value),
            ValidatorKind::CnLicensePlate => cn_license_plate(value),
            ValidatorKind::CnTravelPermit => cn_travel_permit(value),
            ValidatorKind::CnLandline => self.cn_landline(value),
            ValidatorKind::CnServiceNumber => cn_service_number(value),
            ValidatorKind::WechatId => wechat_id(value),
        }
    }

    /// `cn_uscc`: 统一社会信用代码 (GB 32100-2015): 18 characters, a registration authority
    /// and type of the standard's table, a 6-digit region code, the MOD 31 check character;
    /// an organisation code failing GB 11714 (-0.15) or an all-digit value (-0.2) scores
    /// lower.
    fn cn_uscc(&self, value: &str) -> Verdict {
        let chars: Vec<char> = value.chars().collect();
        if chars.len() != 18 {
            return invalid("length");
        }
        let kind: String = chars[..2].iter().collect();
        if !self.uscc_types.contains(&kind) {
            return invalid("registration_code");
        }
        if !chars[2..8].iter().all(char::is_ascii_digit) {
            return invalid("region_code");
        }
        if !checksums::gb32100_is_valid(value) {
            return invalid("check_character");
        }
        // why: every character is now of the ASCII alphabet, so byte offsets are characters
        let mut adjust_bp = 0;
        if !checksums::gb11714_is_valid(&value[8..17]) {
            adjust_bp += USCC_ORG_CODE_BP;
        }
        if checksums::is_ascii_digits(value) {
            adjust_bp += USCC_ALL_DIGITS_BP;
        }
        Verdict {
            status: Status::Valid,
            reason: "mod31",
            adjust_bp,
        }
    }

    /// `cn_landline`: a real area code (`reference.CN_AREA_CODES`) + a 7-8 digit local
    /// number, read as digit groups: a country code is dropped and the trunk 0 restored,
    /// an extension after a word (转, ext, x, #) is cut off, and a trailing group is an
    /// extension only when the groups before it already make a whole number.
    fn cn_landline(&self, value: &str) -> Verdict {
        if value.is_empty() {
            return invalid("not_text");
        }
        let lowered = value.to_ascii_lowercase();
        let cut = LANDLINE_EXTENSION_MARKS
            .iter()
            .filter_map(|mark| lowered.find(mark))
            .min()
            .unwrap_or(value.len());
        let head = &value[..cut];
        let mut groups: Vec<String> = head
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .map(str::to_string)
            .collect();
        if groups.is_empty() {
            return invalid("not_digits");
        }
        if head.starts_with('+') {
            if !groups[0].starts_with("86") {
                return invalid("country_code");
            }
            groups[0] = groups[0][2..].to_string();
            if groups[0].is_empty() {
                groups.remove(0);
            }
        } else if groups.len() > 1 && (groups[0] == "86" || groups[0] == "0086") {
            groups.remove(0);
        }
        if groups.is_empty() {
            return invalid("length");
        }
        if !groups[0].starts_with('0') {
            groups[0].insert(0, '0');
        }
        let national: String = groups.concat();
        if national.len() < 4 {
            return invalid("length");
        }
        let area_len = if matches!(national.as_bytes()[1], b'1' | b'2') {
            3
        } else {
            4
        };
        let area = &national[..area_len];
        if !self.area_codes.contains(area) {
            return invalid("area_code");
        }
        if landline_local_ok(area_len, &national[area_len..]) {
            return verdict(Status::Valid, "area_code");
        }
        if cut == value.len() && groups.len() >= 3 && groups[groups.len() - 1].len() <= 6 {
            let shorter: String = groups[..groups.len() - 1].concat();
            if landline_local_ok(area_len, &shorter[area_len.min(shorter.len())..]) {
                return verdict(Status::Valid, "area_code_extension");
            }
        }
        invalid("length")
    }

    /// `imsi`: 15 ASCII digits, MCC 460 and an assigned Chinese MNC (no check digit).
    fn imsi(&self, value: &str) -> Verdict {
        if !checksums::is_ascii_digits(value) {
            return invalid("not_digits");
        }
        if value.len() != 15 {
            return invalid("length");
        }
        if &value[..3] != IMSI_MCC {
            return invalid("mcc");
        }
        if !digit_key(&value[3..5], 2).is_some_and(|i| self.imsi_mncs[i]) {
            return invalid("mnc");
        }
        verdict(Status::Valid, "mcc_mnc")
    }

    fn province(&self, code: &str) -> bool {
        digit_key(code, 2).is_some_and(|i| self.provinces[i])
    }

    /// `cn_resident_id`: GB 11643-1999 province code, a real birth date between 1900-01-01
    /// and `today`, MOD 11-2 check (18 digits); 15-digit legacy numbers (birth year 19YY,
    /// no check digit) get the province and date rules only and say so in the reason.
    fn cn_resident_id(&self, value: &str, today: Date) -> Verdict {
        let number = compact(value, GROUP_SEPARATORS);
        let length = number.chars().count();
        let bytes = number.as_bytes();
        if length == 18 {
            // why: 17 ASCII digits and one of "0123456789Xx" are 18 bytes; any non-ASCII
            // character makes the byte length differ, and fails Python's test as well
            if bytes.len() != 18
                || !checksums::is_ascii_digits(&number[..17])
                || !matches!(bytes[17], b'0'..=b'9' | b'X' | b'x')
            {
                return invalid("not_digits");
            }
            if !self.province(&number[..2]) {
                return invalid("province_code");
            }
            let (year, month, day) = (
                digits_value(&number[6..10]),
                digits_value(&number[10..12]),
                digits_value(&number[12..14]),
            );
            if !real_date(year, month, day, today) {
                return invalid("birth_date");
            }
            if !checksums::gb11643_is_valid(&number) {
                return invalid("check_digit");
            }
            return verdict(Status::Valid, "mod11_2");
        }
        if length == 15 {
            if !checksums::is_ascii_digits(&number) {
                return invalid("not_digits");
            }
            if !self.province(&number[..2]) {
                return invalid("province_code");
            }
            let year = 1900 + digits_value(&number[6..8]);
            if !real_date(
                year,
                digits_value(&number[8..10]),
                digits_value(&number[10..12]),
                today,
            ) {
                return invalid("birth_date");
            }
            return verdict(Status::Valid, "legacy15_no_checksum");
        }
        invalid("length")
    }

    /// `cn_mobile`: 11 digits in an allocated segment, with an optional +86/0086 prefix
    /// (which earns Python's 0.1 bonus).
    fn cn_mobile(&self, value: &str) -> Verdict {
        let digits = mobile_digits(value);
        if digits.chars().count() != 11 || !checksums::is_ascii_digits(&digits) {
            return invalid("length");
        }
        if !digit_key(&digits[..3], 3).is_some_and(|i| self.mobile_segments[i]) {
            return invalid("unallocated_segment");
        }
        let prefixed = compact(value, MOBILE_SEPARATORS).chars().count() > 11;
        Verdict {
            status: Status::Valid,
            reason: "allocated_segment",
            adjust_bp: if prefixed { BONUS_BP } else { 0 },
        }
    }

    /// `card_network`: the network whose IIN prefix and lengths fit `digits`; the longest
    /// prefix wins, and of equally long ones the first in the table.
    pub fn card_network(&self, digits: &str) -> Option<&str> {
        let length = digits.chars().count();
        let mut best: Option<(usize, &str)> = None;
        for (prefix, name, lengths) in &self.card_networks {
            if digits.starts_with(prefix.as_str())
                && lengths.contains(&length)
                && match best {
                    None => true,
                    Some((len, _)) => prefix.chars().count() > len,
                }
            {
                best = Some((prefix.chars().count(), name.as_str()));
            }
        }
        best.map(|(_, name)| name)
    }

    /// `bank_card`: 13-19 digits, an issuer prefix plausible for that length, and Luhn; a
    /// known Chinese BIN earns Python's 0.1 bonus.
    fn bank_card(&self, value: &str) -> Verdict {
        let digits = compact(value, GROUP_SEPARATORS);
        if !(13..=19).contains(&digits.chars().count()) || !checksums::is_ascii_digits(&digits) {
            return invalid("length");
        }
        if self.card_network(&digits).is_none() {
            return invalid("issuer_prefix");
        }
        if !checksums::luhn_is_valid(&digits) {
            return invalid("luhn");
        }
        let bin = digit_key(&digits[..6], 6).and_then(|n| u32::try_from(n).ok());
        if bin.is_some_and(|bin| self.cn_bins.contains(&bin)) {
            return Verdict {
                status: Status::Valid,
                reason: "luhn_known_cn_bin",
                adjust_bp: BONUS_BP,
            };
        }
        verdict(Status::Valid, "luhn")
    }

    /// `imei`: 15 digits with a Luhn check digit, or an IMEISV (16 digits, no check digit:
    /// can't tell); an unknown reporting body costs Python's 0.2.
    fn imei(&self, value: &str) -> Verdict {
        let digits = compact(value, &[' ', '-', '/']);
        if !checksums::is_ascii_digits(&digits) {
            return invalid("not_digits");
        }
        // why: Python's `digits[:2]`; a one-digit value is rejected below whatever it is
        let known_body = digit_key(&digits[..digits.len().min(2)], 2)
            .is_some_and(|i| self.imei_reporting_bodies[i]);
        let adjust_bp = if known_body { 0 } else { WEAK_BP };
        match digits.len() {
            15 if !checksums::luhn_is_valid(&digits) => invalid("luhn"),
            15 => Verdict {
                status: Status::Valid,
                reason: "luhn",
                adjust_bp,
            },
            16 => Verdict {
                status: Status::Unknown,
                reason: "imeisv_no_checksum",
                adjust_bp,
            },
            _ => invalid("length"),
        }
    }

    /// `email`: a practical RFC 5322 subset; the domain needs a dot and a plausible TLD.
    /// `#` written for `@` (zhangsan#example.com) is accepted when there is no `@`.
    fn email(&self, value: &str) -> Verdict {
        let separator = if value.contains('@') { '@' } else { '#' };
        if value.matches(separator).count() != 1 {
            return invalid("no_at");
        }
        let Some((local, domain)) = value.split_once(separator) else {
            return invalid("no_at");
        };
        let local_length = local.chars().count();
        if !(1..=64).contains(&local_length)
            || local.starts_with('.')
            || local.ends_with('.')
            || local.contains("..")
        {
            return invalid("local_part");
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2
            || labels
                .iter()
                .any(|label| label.is_empty() || label.chars().count() > 63)
        {
            return invalid("domain");
        }
        if labels
            .iter()
            .any(|label| label.starts_with('-') || label.ends_with('-'))
        {
            return invalid("domain");
        }
        let tld = labels[labels.len() - 1];
        if tld.is_ascii() {
            let alpha = !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphabetic());
            let punycode = tld.len() >= 4 && tld[..4].eq_ignore_ascii_case("xn--");
            let plausible = alpha && (2..=24).contains(&tld.len());
            if !plausible && !punycode {
                return invalid("tld");
            }
        } else if !self.idn_tlds.contains(tld) {
            return invalid("tld");
        }
        verdict(
            Status::Valid,
            if separator == '@' {
                "domain_tld"
            } else {
                "hash_for_at"
            },
        )
    }
}

/// `_compact`: `value` without the characters of `drop` (borrowed when there are none).
fn compact<'a>(value: &'a str, drop: &[char]) -> Cow<'a, str> {
    if value.contains(drop) {
        Cow::Owned(value.chars().filter(|c| !drop.contains(c)).collect())
    } else {
        Cow::Borrowed(value)
    }
}

/// Python's `int()` of a short string already checked to be ASCII digits.
fn digits_value(digits: &str) -> i32 {
    digits
        .bytes()
        .fold(0, |n, b| n * 10 + (i32::from(b) - i32::from(b'0')))
}

/// Days in `month` of `year` in the proleptic Gregorian calendar (Python's `datetime`).
fn days_in_month(year: i32, month: i32) -> i32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// `_real_date`: `datetime.date(year, month, day)` exists (years 1-9999) and lies between
/// 1900-01-01 and `today` inclusive.
fn real_date(year: i32, month: i32, day: i32, today: Date) -> bool {
    if !(1..=9999).contains(&year)
        || !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
    {
        return false;
    }
    // why: month and day are 1..=31 here, so the casts are lossless
    let date = Date {
        year,
        month: month as u32,
        day: day as u32,
    };
    let first = Date {
        year: 1900,
        month: 1,
        day: 1,
    };
    first <= date && date <= today
}

/// `_mobile_digits`: drop separators and `+`, then a `0086`/`86` country prefix when what
/// is left is exactly that prefix plus 11 characters.
/// `validators.ID_SEPARATORS` and `validators.CARD_SEPARATORS`: what the groupings of
/// cn_resident_id.yaml and bank_card.yaml put between digit groups.
const GROUP_SEPARATORS: &[char] = &[' ', '-', '.', '/', '\t', '\u{2014}'];

/// `validators.MOBILE_SEPARATORS`: what the groupings of cn_mobile.yaml put between digits.
const MOBILE_SEPARATORS: &[char] = &[' ', '-', '(', ')', '.', '/', '\t', '\u{2014}'];

fn mobile_digits(value: &str) -> Cow<'_, str> {
    let digits = compact(
        value,
        &[' ', '-', '(', ')', '.', '/', '\t', '\u{2014}', '+'],
    );
    let length = digits.chars().count();
    let cut = if length == 15 && digits.starts_with("0086") {
        4
    } else if length == 13 && digits.starts_with("86") {
        2
    } else {
        return digits;
    };
    match digits {
        Cow::Borrowed(s) => Cow::Borrowed(&s[cut..]),
        Cow::Owned(s) => Cow::Owned(s[cut..].to_owned()),
    }
}

/// `reference.IMSI_MCC`: mainland China.
const IMSI_MCC: &str = "460";

fn is_hex(chars: &[char]) -> bool {
    !chars.is_empty() && chars.iter().all(char::is_ascii_hexdigit)
}

/// `device_id`: UUID (OAID, IDFA, IDFV), 16 hex (Android ID), 64 hex (OAID) or an 8-20
/// character ASCII alphanumeric serial mixing letters and digits; all-zero ids (opted out)
/// are refused. Lengths and positions count characters, as Python does.
fn device_id(value: &str) -> Verdict {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() == 36 && [8, 13, 18, 23].iter().all(|&i| chars[i] == '-') {
        let body: Vec<char> = chars
            .iter()
            .enumerate()
            .filter(|(i, _)| ![8, 13, 18, 23].contains(i))
            .map(|(_, &c)| c)
            .collect();
        if !is_hex(&body) {
            return invalid("not_hex");
        }
        if body.iter().all(|&c| c == '0') {
            return invalid("opted_out");
        }
        return verdict(Status::Valid, "uuid");
    }
    if chars.is_empty() || !chars.iter().all(char::is_ascii_alphanumeric) {
        return invalid("charset");
    }
    if chars.iter().all(char::is_ascii_digit) {
        // why: a digits-only "serial" is a sequence number in most logs, and a random
        // 16-hex Android ID is all digits once in 1,800
        return invalid("no_letter");
    }
    if (chars.len() == 16 || chars.len() == 64) && is_hex(&chars) {
        if chars.iter().all(|&c| c == '0') {
            return invalid("opted_out");
        }
        let reason = if chars.len() == 16 { "hex16" } else { "hex64" };
        return verdict(Status::Valid, reason);
    }
    if !(8..=20).contains(&chars.len()) {
        return invalid("length");
    }
    if !chars.iter().any(char::is_ascii_digit) {
        return invalid("no_digit");
    }
    verdict(Status::Valid, "serial")
}

/// Python's `_geo_number`: (whole degrees, decimals) of `-?D{1,3}.D{4,}`.
fn geo_number(text: &str) -> Option<(u32, &str)> {
    let text = text.strip_prefix('-').unwrap_or(text);
    let (whole, decimals) = text.split_once('.')?;
    if !checksums::is_ascii_digits(whole)
        || !(1..=3).contains(&whole.len())
        || !checksums::is_ascii_digits(decimals)
        || decimals.len() < 4
    {
        return None;
    }
    Some((
        whole.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')),
        decimals,
    ))
}

fn geo_within(number: (u32, &str), limit: u32) -> bool {
    let (whole, decimals) = number;
    whole < limit || (whole == limit && decimals.bytes().all(|b| b == b'0'))
}

/// `geo_coordinates`: one number (|v| <= 180) or a pair in either order (lat,lng or
/// lng,lat), compared on the digits; 0,0 is a missing fix; a pair scores 0.1 more.
fn geo_coordinates(value: &str) -> Verdict {
    let parts: Vec<&str> = value.split(',').collect();
    if parts.len() > 2 {
        return invalid("shape");
    }
    let mut numbers = Vec::with_capacity(2);
    for (index, part) in parts.iter().enumerate() {
        let part = if index == 1 {
            part.strip_prefix(' ').unwrap_or(part)
        } else {
            part
        };
        match geo_number(part) {
            Some(number) => numbers.push(number),
            None => return invalid("shape"),
        }
    }
    if numbers.iter().all(|&n| geo_within(n, 0)) {
        return invalid("zero");
    }
    if let [single] = numbers[..] {
        return if geo_within(single, 180) {
            verdict(Status::Valid, "single")
        } else {
            invalid("range")
        };
    }
    let (first, second) = (numbers[0], numbers[1]);
    // why: a pair is a place by its shape (Python's +0.1); one number needs its own key
    let pair = |reason| Verdict {
        status: Status::Valid,
        reason,
        adjust_bp: BONUS_BP,
    };
    if geo_within(first, 90) && geo_within(second, 180) {
        return pair("lat_lng");
    }
    if geo_within(first, 180) && geo_within(second, 90) {
        return pair("lng_lat");
    }
    invalid("range")
}

/// `mac_address`: six octets; broadcast and all-zero addresses are real MACs but not
/// personal, and a bare 12-digit decimal number is more often a counter.
fn mac_address(value: &str) -> Verdict {
    let compacted = compact(value, &[':', '-', '.']);
    // why: Python lower-cases first, but no non-ASCII character lower-cases to hex digits
    // only (checked over every code point in Python 3.11), so any non-ASCII character
    // fails as it does in Python, whatever the lengths
    if compacted.len() != 12 || !compacted.bytes().all(|b| b.is_ascii_hexdigit()) {
        return invalid("octets");
    }
    let hexdigits = compacted.to_ascii_lowercase();
    if hexdigits == "ffffffffffff" || hexdigits == "000000000000" {
        // why: not personal; low enough that even a "mac=" key cannot lift it to 0.5
        return Verdict {
            status: Status::Valid,
            reason: "broadcast_or_zero",
            adjust_bp: NOT_PERSONAL_BP,
        };
    }
    if hexdigits.bytes().all(|b| b.is_ascii_digit()) {
        return Verdict {
            status: Status::Valid,
            reason: "decimal_only",
            adjust_bp: WEAK_BP,
        };
    }
    verdict(Status::Valid, "octets")
}

/// `ip_address`: parses as IPv4 or IPv6 as Python's `ipaddress.ip_address` does, after
/// dropping a `%zone`; IPv6 written with fewer than three groups scores lower.
fn ip_address(value: &str) -> Verdict {
    let candidate = value.split('%').next().unwrap_or(value);
    // why: `IPv4Address` accepts exactly the dotted quads (no '/', ASCII digits, no
    // leading zeros, 0-255), so the dotted-quad test decides IPv4 on its own
    if is_dotted_quad(candidate) {
        return IPV4_VALID;
    }
    if parse_ipv6(candidate).is_none() {
        return invalid("does_not_parse");
    }
    let groups: Vec<&str> = candidate.split(':').filter(|g| !g.is_empty()).collect();
    let embedded_v4 = groups.last().is_some_and(|g| g.contains('.'));
    if groups.len() + usize::from(embedded_v4) < 3 {
        // why: "a::b", "d::" (from std::) or "dead::beef" parse but are usually code or words.
        return Verdict {
            status: Status::Valid,
            reason: "ipv6_short",
            adjust_bp: SHORT_IPV6_BP,
        };
    }
    verdict(Status::Valid, "ipv6")
}

/// `is_dotted_quad`: four `.`-separated 0-255 parts of ASCII digits without leading zeros,
/// exactly what `ipaddress.IPv4Address` accepts (Python's `_DOTTED_QUAD` full match).
pub fn is_dotted_quad(s: &str) -> bool {
    dotted_quad_octets(s).is_some()
}

/// `IPv4Address._ip_int_from_string` for a string: the four octets of a dotted quad.
fn dotted_quad_octets(s: &str) -> Option<[u8; 4]> {
    let mut octets = [0u8; 4];
    let mut parts = s.split('.');
    for octet in &mut octets {
        *octet = parse_octet(parts.next()?)?;
    }
    match parts.next() {
        Some(_) => None,
        None => Some(octets),
    }
}

/// `IPv4Address._parse_octet`: 1-3 ASCII digits, no leading zero, at most 255.
fn parse_octet(part: &str) -> Option<u8> {
    let bytes = part.as_bytes();
    if bytes.is_empty()
        || bytes.len() > 3
        || !bytes.iter().all(u8::is_ascii_digit)
        || (bytes.len() > 1 && bytes[0] == b'0')
    {
        return None;
    }
    let n = bytes
        .iter()
        .fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'));
    u8::try_from(n).ok()
}

/// `IPv6Address._parse_hextet`: 1-4 ASCII hex digits (Python's `int('', 16)` rejects
/// the empty string).
fn parse_hextet(part: &str) -> Option<u16> {
    if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(part, 16).ok()
}

/// One `:`-separated part of an IPv6 address: text, or a group already converted from an
/// embedded IPv4 suffix.
#[derive(Clone, Copy)]
enum Part<'a> {
    Text(&'a str),
    Group(u16),
}

impl Part<'_> {
    fn is_empty(self) -> bool {
        matches!(self, Part::Text(""))
    }

    fn value(self) -> Option<u16> {
        match self {
            Part::Text(text) => parse_hextet(text),
            Part::Group(group) => Some(group),
        }
    }
}

/// `ipaddress.IPv6Address(s)` for a string: the address's 8 groups, or `None` where Python
/// raises `AddressValueError`. Mirrors `_split_scope_id` (a non-empty `%zone` without a
/// second `%`) and `_BaseV6._ip_int_from_string` step by step: at least 3 and at most 9
/// parts, an IPv4 suffix becomes two groups, at most one `::`, a leading or trailing `:`
/// only as part of `::`, `::` stands for at least one group, 1-4 hex digits per group.
pub fn parse_ipv6(s: &str) -> Option<[u16; 8]> {
    const HEXTET_COUNT: usize = 8;
    if s.contains('/') {
        return None;
    }
    let address = match s.split_once('%') {
        None => s,
        Some((address, scope)) if !scope.is_empty() && !scope.contains('%') => address,
        Some(_) => return None,
    };
    if address.is_empty() {
        return None;
    }
    let mut parts: Vec<Part> = address.split(':').map(Part::Text).collect();
    if parts.len() < 3 {
        return None;
    }
    if let Some(&Part::Text(last)) = parts.last() {
        if last.contains('.') {
            let [a, b, c, d] = dotted_quad_octets(last)?;
            parts.pop();
            parts.push(Part::Group(u16::from_be_bytes([a, b])));
            parts.push(Part::Group(u16::from_be_bytes([c, d])));
        }
    }
    if parts.len() > HEXTET_COUNT + 1 {
        return None;
    }
    let last = parts.len() - 1;
    let mut skip_index = None;
    for (i, part) in parts.iter().enumerate().take(last).skip(1) {
        if part.is_empty() {
            if skip_index.is_some() {
                return None;
            }
            skip_index = Some(i);
        }
    }
    let (parts_hi, parts_lo) = match skip_index {
        Some(skip) => {
            let mut parts_hi = skip;
            let mut parts_lo = parts.len() - skip - 1;
            if parts[0].is_empty() {
                parts_hi -= 1;
                if parts_hi != 0 {
                    return None;
                }
            }
            if parts[last].is_empty() {
                parts_lo -= 1;
                if parts_lo != 0 {
                    return None;
                }
            }
            if parts_hi + parts_lo >= HEXTET_COUNT {
                return None;
            }
            (parts_hi, parts_lo)
        }
        None => {
            if parts.len() != HEXTET_COUNT || parts[0].is_empty() || parts[last].is_empty() {
                return None;
            }
            (HEXTET_COUNT, 0)
        }
    };
    let mut groups = [0u16; HEXTET_COUNT];
    for (group, part) in groups.iter_mut().zip(&parts[..parts_hi]) {
        *group = part.value()?;
    }
    let lo_parts = &parts[parts.len() - parts_lo..];
    for (group, part) in groups[HEXTET_COUNT - parts_lo..].iter_mut().zip(lo_parts) {
        *group = part.value()?;
    }
    Some(groups)
}

/// `secret`: a key's value that is a secret, not a stand-in for one (`validators.secret`):
/// not only mask characters, not a placeholder word, not a template or tag.
pub fn secret(value: &str) -> Verdict {
    if value.is_empty() {
        return invalid("not_text");
    }
    if value.chars().all(|c| "*#xX\u{2022}\u{b7}?.-_".contains(c)) {
        return invalid("masked");
    }
    const PLACEHOLDERS: [&str; 13] = [
        "null",
        "none",
        "nil",
        "undefined",
        "true",
        "false",
        "empty",
        "redacted",
        "masked",
        "hidden",
        "removed",
        "filtered",
        "omitted",
    ];
    let lower = value.to_ascii_lowercase();
    if PLACEHOLDERS.contains(&lower.as_str()) {
        return invalid("placeholder");
    }
    const TEMPLATE_STARTS: [&str; 8] = ["<", "[", "{", "${", "$(", "%s", "%(", "%d"];
    if TEMPLATE_STARTS.iter().any(|t| value.starts_with(t)) {
        return invalid("template");
    }
    if object_repr(value) {
        return invalid("object");
    }
    verdict(Status::Valid, "value")
}

/// A program's object, not a secret (`validators._object_repr`): `Token{a64f992 …` or
/// `android.os.BinderProxy@2bd79ce` (class@identity-hash), seen on LogHub.
fn object_repr(value: &str) -> bool {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '.';
    if !value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return false;
    }
    if let Some(brace) = value.find('{') {
        if brace > 0 && value[..brace].chars().all(ident) {
            return true;
        }
    }
    match value.rfind('@') {
        Some(at) => {
            let (name, code) = (&value[..at], &value[at + 1..]);
            name.contains('.')
                && name.chars().all(ident)
                && (1..=8).contains(&code.len())
                && code
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        }
        None => false,
    }
}

/// `LANDLINE_EXTENSION_MARKS`: words that start a landline's extension (folded view,
/// compared ASCII-case-insensitively).
const LANDLINE_EXTENSION_MARKS: [&str; 5] = ["转", "分机", "ext", "x", "#"];

/// `_landline_local_ok`: 8 digits after a three-character area code, 7 or 8 after a
/// four-character one, never starting with 0 or 1.
fn landline_local_ok(area_len: usize, local: &str) -> bool {
    let length_ok = if area_len == 3 {
        local.len() == 8
    } else {
        local.len() == 7 || local.len() == 8
    };
    length_ok && !matches!(local.as_bytes()[0], b'0' | b'1')
}

/// `cn_service_number`: 400/800 + 7 digits, 95xxx/96xxx (5-6 digits), 100xx and 12xxx.
fn cn_service_number(value: &str) -> Verdict {
    let digits = compact(value, &[' ', '-']);
    if !checksums::is_ascii_digits(&digits) {
        return invalid("not_digits");
    }
    let len = digits.len();
    if len == 10 && (digits.starts_with("400") || digits.starts_with("800")) {
        return verdict(Status::Valid, "toll_free");
    }
    if (len == 5 || len == 6) && (digits.starts_with("95") || digits.starts_with("96")) {
        return verdict(Status::Valid, "short_number");
    }
    if len == 5 && (digits.starts_with("100") || digits.starts_with("12")) {
        return verdict(Status::Valid, "short_number");
    }
    invalid("length")
}

/// `wechat_id`: 6-20 characters, an ASCII letter first, then letters, digits, `_` or `-`;
/// not a settings word (`_WECHAT_PLACEHOLDERS`).
fn wechat_id(value: &str) -> Verdict {
    let length = value.chars().count();
    if !(6..=20).contains(&length) {
        return invalid("length");
    }
    if !value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return invalid("first_character");
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return invalid("character");
    }
    const PLACEHOLDERS: [&str; 27] = [
        "enabled",
        "disabled",
        "unbound",
        "unknown",
        "undefined",
        "default",
        "hidden",
        "private",
        "notset",
        "not_set",
        "missing",
        "invalid",
        "pending",
        "bound",
        "nobody",
        "success",
        "succeeded",
        "failed",
        "failure",
        "error",
        "timeout",
        "expired",
        "cancelled",
        "canceled",
        "callback",
        "payment",
        "refund",
    ];
    if PLACEHOLDERS.contains(&value.to_ascii_lowercase().as_str()) {
        return invalid("placeholder");
    }
    verdict(Status::Valid, "shape")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;
    use Status::{Invalid, Unknown, Valid};
    use ValidatorKind::{
        BankCard, CnLicensePlate, CnMobile, CnResidentId, CnTravelPermit, CnUscc, DeviceId, Email,
        GeoCoordinates, Imei, Imsi, IpAddress, MacAddress,
    };

    /// The `today` the expected verdicts were computed with in Python.
    const TODAY: Date = Date {
        year: 2024,
        month: 6,
        day: 15,
    };

    fn validators() -> Validators {
        Validators::new(&Plan::builtin().tables)
    }

    /// (validator, value, status, reason, adjust_bp) as printed by Python 3.11 from
    /// `validators.run(name, value)` (`cn_resident_id(value, today=date(2024, 6, 15))`),
    /// score adjustments times 10,000.
    #[rustfmt::skip]
    const CASES: &[(ValidatorKind, &str, Status, &str, i32)] = &[
            (DeviceId, "4315781740999445", Invalid, "no_letter", 0),
            (DeviceId, "12516631822636", Invalid, "no_letter", 0),
            (DeviceId, "2198253915246A", Valid, "serial", 0),
            (Imsi, "460001234567890", Valid, "mcc_mnc", 0),
            (Imsi, "460151234567890", Valid, "mcc_mnc", 0),
            (Imsi, "460201234567890", Valid, "mcc_mnc", 0),
            (Imsi, "460101234567890", Invalid, "mnc", 0),
            (Imsi, "461001234567890", Invalid, "mcc", 0),
            (Imsi, "46000123456789", Invalid, "length", 0),
            (Imsi, "4600012345678901", Invalid, "length", 0),
            (Imsi, "46000123456789X", Invalid, "not_digits", 0),
            (Imsi, "\u{ff14}\u{ff16}\u{ff10}\u{ff10}\u{ff10}\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}\u{ff19}\u{ff10}", Invalid, "not_digits", 0),
            (Imsi, "", Invalid, "not_digits", 0),
            (DeviceId, "4d08c296-ea02-4a45-bf48-aa482df9cb07", Valid, "uuid", 0),
            (DeviceId, "4D08C296-EA02-4A45-BF48-AA482DF9CB07", Valid, "uuid", 0),
            (DeviceId, "00000000-0000-0000-0000-000000000000", Invalid, "opted_out", 0),
            (DeviceId, "4d08c296-ea02-4a45-bf48-aa482df9cb0g", Invalid, "not_hex", 0),
            (DeviceId, "4d08c296ea02-4a45-bf48-aa482df9cb07x", Invalid, "charset", 0),
            (DeviceId, "9774d56d682e549c", Valid, "hex16", 0),
            (DeviceId, "0000000000000000", Invalid, "no_letter", 0),
            (DeviceId, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Valid, "hex64", 0),
            (DeviceId, "0000000000000000000000000000000000000000000000000000000000000000", Invalid, "no_letter", 0),
            (DeviceId, "R58M12ABCDE", Valid, "serial", 0),
            (DeviceId, "F2LXK0ABHG7F", Valid, "serial", 0),
            (DeviceId, "emulator", Invalid, "no_digit", 0),
            (DeviceId, "11111111", Invalid, "no_letter", 0),
            (DeviceId, "aAaAaAaA", Invalid, "no_digit", 0),
            (DeviceId, "sn-1", Invalid, "charset", 0),
            (DeviceId, "ABC123", Invalid, "length", 0),
            (DeviceId, "A1B2C3D4E5F6G7H8I9J0K", Invalid, "length", 0),
            (DeviceId, "\u{4e2d}\u{56fd}1234567890", Invalid, "charset", 0),
            (DeviceId, "\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}\u{ff19}\u{ff10}ab", Invalid, "charset", 0),
            (DeviceId, "", Invalid, "charset", 0),
            (GeoCoordinates, "39.9042,116.4074", Valid, "lat_lng", 1000),
            (GeoCoordinates, "39.904211, 116.407394", Valid, "lat_lng", 1000),
            (GeoCoordinates, "116.4074,39.9042", Valid, "lng_lat", 1000),
            (GeoCoordinates, "-33.8688,151.2093", Valid, "lat_lng", 1000),
            (GeoCoordinates, "95.1234,95.1234", Invalid, "range", 0),
            (GeoCoordinates, "0.0000,-0.0000", Invalid, "zero", 0),
            (GeoCoordinates, "0.0000,0.0001", Valid, "lat_lng", 1000),
            (GeoCoordinates, "-33.8688", Valid, "single", 0),
            (GeoCoordinates, "180.0000", Valid, "single", 0),
            (GeoCoordinates, "180.0001", Invalid, "range", 0),
            (GeoCoordinates, "90.0000,180.0000", Valid, "lat_lng", 1000),
            (GeoCoordinates, "90.0001,90.0001", Invalid, "range", 0),
            (GeoCoordinates, "1.2.3", Invalid, "shape", 0),
            (GeoCoordinates, "39.904,116.4074", Invalid, "shape", 0),
            (GeoCoordinates, "39.9042,116.4074,1.0000", Invalid, "shape", 0),
            (GeoCoordinates, "39.9042,  116.4074", Invalid, "shape", 0),
            (GeoCoordinates, "1234.5678", Invalid, "shape", 0),
            (GeoCoordinates, "--1.2345", Invalid, "shape", 0),
            (GeoCoordinates, "\u{ff13}\u{ff19}.\u{ff19}\u{ff10}\u{ff14}\u{ff12}", Invalid, "shape", 0),
            (GeoCoordinates, ".12345", Invalid, "shape", 0),
            (GeoCoordinates, "", Invalid, "shape", 0),
            (CnResidentId, "11010519491231002X", Valid, "mod11_2", 0),
            (CnResidentId, "11010519491231002x", Valid, "mod11_2", 0),
            (CnResidentId, "440301199001011234", Valid, "mod11_2", 0),
            (CnResidentId, "440301199001011230", Invalid, "check_digit", 0),
            (CnResidentId, "110105200002291235", Valid, "mod11_2", 0),
            (CnResidentId, "110105190002291239", Invalid, "birth_date", 0),
            (CnResidentId, "110105202402291233", Valid, "mod11_2", 0),
            (CnResidentId, "110105202302291236", Invalid, "birth_date", 0),
            (CnResidentId, "110105190001011231", Valid, "mod11_2", 0),
            (CnResidentId, "110105189912311237", Invalid, "birth_date", 0),
            (CnResidentId, "110105202406151238", Valid, "mod11_2", 0),
            (CnResidentId, "110105202406161233", Invalid, "birth_date", 0),
            (CnResidentId, "110105202413011233", Invalid, "birth_date", 0),
            (CnResidentId, "110105202401001230", Invalid, "birth_date", 0),
            (CnResidentId, "110105202404311234", Invalid, "birth_date", 0),
            (CnResidentId, "110105202404301239", Valid, "mod11_2", 0),
            (CnResidentId, "990105199001011236", Invalid, "province_code", 0),
            (CnResidentId, "000105199001011237", Invalid, "province_code", 0),
            (CnResidentId, "710105199001011234", Valid, "mod11_2", 0),
            (CnResidentId, "810105199001011238", Valid, "mod11_2", 0),
            (CnResidentId, "910105199001011231", Invalid, "province_code", 0),
            (CnResidentId, "110105199001011A34", Invalid, "not_digits", 0),
            (CnResidentId, "1101051990010112\u{ff13}4", Invalid, "not_digits", 0),
            (CnResidentId, "\u{ff11}10105199001011234", Invalid, "not_digits", 0),
            (CnResidentId, "11010519900101123Y", Invalid, "not_digits", 0),
            (CnResidentId, "11010519900101123\u{ff38}", Invalid, "not_digits", 0),
            (CnResidentId, "110105 19900101 1234", Invalid, "check_digit", 0),
            (CnResidentId, "110105 199001011234 ", Invalid, "check_digit", 0),
            (CnResidentId, "110105900101123", Valid, "legacy15_no_checksum", 0),
            (CnResidentId, "110105000229123", Invalid, "birth_date", 0),
            (CnResidentId, "110105010229123", Invalid, "birth_date", 0),
            (CnResidentId, "110105991231123", Valid, "legacy15_no_checksum", 0),
            (CnResidentId, "990105900101123", Invalid, "province_code", 0),
            (CnResidentId, "11010590010112X", Invalid, "not_digits", 0),
            (CnResidentId, "110105901301123", Invalid, "birth_date", 0),
            (CnResidentId, "110105 900101 123", Valid, "legacy15_no_checksum", 0),
            (CnResidentId, "", Invalid, "length", 0),
            (CnResidentId, "1101051990", Invalid, "length", 0),
            (CnResidentId, "1101051990010112345", Invalid, "length", 0),
            (CnResidentId, "11010519900101123", Invalid, "length", 0),
            (CnResidentId, "\u{ff11}\u{ff11}\u{ff10}\u{ff11}\u{ff10}\u{ff15}\u{ff19}\u{ff10}\u{ff10}\u{ff11}\u{ff10}\u{ff11}\u{ff11}\u{ff12}\u{ff13}", Invalid, "not_digits", 0),
            (CnResidentId, "110105\u{10ff80}900101123", Invalid, "length", 0),
            (CnResidentId, "110105199001011٣٣٣", Invalid, "not_digits", 0),
            (CnResidentId, "00000000000000000X", Invalid, "province_code", 0),
            (CnResidentId, "110105000001011231", Invalid, "birth_date", 0),
            (CnResidentId, "110105190001001236", Invalid, "birth_date", 0),
            (CnMobile, "13912345678", Valid, "allocated_segment", 0),
            (CnMobile, "+8613912345678", Valid, "allocated_segment", 1000),
            (CnMobile, "008613912345678", Valid, "allocated_segment", 1000),
            (CnMobile, "(+86)13912345678", Valid, "allocated_segment", 1000),
            (CnMobile, "(86)13912345678", Valid, "allocated_segment", 1000),
            (CnMobile, "8613912345678", Valid, "allocated_segment", 1000),
            (CnMobile, "+86 139 1234 5678", Valid, "allocated_segment", 1000),
            (CnMobile, "139-1234-5678", Valid, "allocated_segment", 0),
            (CnMobile, "+86-139-1234-5678", Valid, "allocated_segment", 1000),
            (CnMobile, "139 1234 5678", Valid, "allocated_segment", 0),
            (CnMobile, "12012345678", Invalid, "unallocated_segment", 0),
            (CnMobile, "10012345678", Invalid, "unallocated_segment", 0),
            (CnMobile, "19912345678", Valid, "allocated_segment", 0),
            (CnMobile, "17012345678", Valid, "allocated_segment", 0),
            (CnMobile, "16612345678", Valid, "allocated_segment", 0),
            (CnMobile, "1391234567", Invalid, "length", 0),
            (CnMobile, "139123456789", Invalid, "length", 0),
            (CnMobile, "+861391234567", Invalid, "length", 0),
            (CnMobile, "86139123456789", Invalid, "length", 0),
            (CnMobile, "0086 139 1234 5678", Valid, "allocated_segment", 1000),
            (CnMobile, "+8612012345678", Invalid, "unallocated_segment", 0),
            (CnMobile, "1391234567\u{ff18}", Invalid, "length", 0),
            (CnMobile, "\u{ff11}\u{ff13}\u{ff19}\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}", Invalid, "length", 0),
            (CnMobile, "(+86) 139-1234-5678", Valid, "allocated_segment", 1000),
            (CnMobile, "++8613912345678", Valid, "allocated_segment", 1000),
            (CnMobile, "86-13912345678", Valid, "allocated_segment", 1000),
            (CnMobile, "0013912345678", Invalid, "length", 0),
            (CnMobile, "+1 139 1234 5678", Invalid, "length", 0),
            (CnMobile, "", Invalid, "length", 0),
            (CnMobile, "+86", Invalid, "length", 0),
            (CnMobile, "13a12345678", Invalid, "length", 0),
            (CnMobile, "(+86)(13912345678)", Valid, "allocated_segment", 1000),
            (CnMobile, "861391234567", Invalid, "length", 0),
            (CnMobile, "008613912345", Invalid, "length", 0),
            (CnMobile, "14512345678", Valid, "allocated_segment", 0),
            (CnMobile, "19212345678", Valid, "allocated_segment", 0),
            (BankCard, "6222021234567890128", Valid, "luhn_known_cn_bin", 1000),
            (BankCard, "6222 0212 3456 7890 128", Valid, "luhn_known_cn_bin", 1000),
            (BankCard, "6222-0212-3456-7890-128", Valid, "luhn_known_cn_bin", 1000),
            (BankCard, "4111111111111111", Valid, "luhn", 0),
            (BankCard, "4111111111111", Invalid, "luhn", 0),
            (BankCard, "4111111111111111113", Invalid, "luhn", 0),
            (BankCard, "41111111111111111", Invalid, "issuer_prefix", 0),
            (BankCard, "378282246310005", Valid, "luhn", 0),
            (BankCard, "371449635398431", Valid, "luhn", 0),
            (BankCard, "34343434343434", Invalid, "issuer_prefix", 0),
            (BankCard, "30569309025904", Valid, "luhn", 0),
            (BankCard, "36700102000000", Valid, "luhn", 0),
            (BankCard, "38520000023237", Valid, "luhn", 0),
            (BankCard, "3530111333300000", Valid, "luhn", 0),
            (BankCard, "6011111111111117", Valid, "luhn", 0),
            (BankCard, "6500000000000002", Valid, "luhn", 0),
            (BankCard, "6440000000000004", Invalid, "luhn", 0),
            (BankCard, "5555555555554444", Valid, "luhn", 0),
            (BankCard, "5105105105105100", Valid, "luhn", 0),
            (BankCard, "2223003122003222", Valid, "luhn", 0),
            (BankCard, "2720990000000007", Valid, "luhn", 0),
            (BankCard, "2820000000000003", Invalid, "issuer_prefix", 0),
            (BankCard, "8100000000000007", Invalid, "luhn", 0),
            (BankCard, "6000000000000008", Invalid, "luhn", 0),
            (BankCard, "9558800200135073266", Valid, "luhn", 0),
            (BankCard, "9559980210373015416", Valid, "luhn", 0),
            (BankCard, "9558800200135073", Invalid, "issuer_prefix", 0),
            (BankCard, "1234567890123452", Invalid, "issuer_prefix", 0),
            (BankCard, "622202123456789012", Valid, "luhn_known_cn_bin", 1000),
            (BankCard, "6222021234567890", Invalid, "luhn", 0),
            (BankCard, "62220212345678901", Invalid, "luhn", 0),
            (BankCard, "621226123456789012", Invalid, "luhn", 0),
            (BankCard, "6217001234567890", Invalid, "luhn", 0),
            (BankCard, "4111 1111 1111 1111", Valid, "luhn", 0),
            (BankCard, "411111111111111", Invalid, "issuer_prefix", 0),
            (BankCard, "41111111111111111111", Invalid, "length", 0),
            (BankCard, "4111111111111112", Invalid, "luhn", 0),
            (BankCard, "\u{ff17}\u{ff11}\u{ff11}\u{ff11}", Invalid, "length", 0),
            (BankCard, "6222021234567890123", Invalid, "luhn", 0),
            (BankCard, "5600000000000003", Invalid, "issuer_prefix", 0),
            (BankCard, "5000000000000009", Invalid, "issuer_prefix", 0),
            (BankCard, "", Invalid, "length", 0),
            (BankCard, "4111_1111_1111_1111", Invalid, "length", 0),
            (BankCard, "4111/1111/1111/1111", Valid, "luhn", 0),
            (BankCard, "6212345678901232", Valid, "luhn", 0),
            (BankCard, "62123456789012347", Valid, "luhn", 0),
            (BankCard, "621234567890123457", Valid, "luhn", 0),
            (BankCard, "6212345678901234569", Valid, "luhn", 0),
            (BankCard, "8112345678901239", Valid, "luhn", 0),
            (BankCard, "81123456789012347", Valid, "luhn", 0),
            (BankCard, "811234567890123454", Valid, "luhn", 0),
            (BankCard, "8112345678901234569", Valid, "luhn", 0),
            (BankCard, "6012345678901234", Valid, "luhn", 0),
            (BankCard, "60123456789012341", Valid, "luhn", 0),
            (BankCard, "601234567890123459", Valid, "luhn", 0),
            (BankCard, "6012345678901234563", Valid, "luhn", 0),
            (BankCard, "9558123456789012345", Valid, "luhn", 0),
            (BankCard, "9559123456789012343", Valid, "luhn", 0),
            (BankCard, "4123456789011", Valid, "luhn", 0),
            (BankCard, "4123456789012349", Valid, "luhn", 0),
            (BankCard, "4123456789012345677", Valid, "luhn", 0),
            (BankCard, "341234567890127", Valid, "luhn", 0),
            (BankCard, "371234567890120", Valid, "luhn", 0),
            (BankCard, "3512345678901236", Valid, "luhn", 0),
            (BankCard, "35123456789012343", Valid, "luhn", 0),
            (BankCard, "351234567890123451", Valid, "luhn", 0),
            (BankCard, "3512345678901234565", Valid, "luhn", 0),
            (BankCard, "36123456789013", Valid, "luhn", 0),
            (BankCard, "361234567890122", Valid, "luhn", 0),
            (BankCard, "3612345678901235", Valid, "luhn", 0),
            (BankCard, "36123456789012341", Valid, "luhn", 0),
            (BankCard, "361234567890123450", Valid, "luhn", 0),
            (BankCard, "3612345678901234563", Valid, "luhn", 0),
            (BankCard, "30123456789019", Valid, "luhn", 0),
            (BankCard, "301234567890125", Valid, "luhn", 0),
            (BankCard, "3012345678901231", Valid, "luhn", 0),
            (BankCard, "30123456789012344", Valid, "luhn", 0),
            (BankCard, "301234567890123456", Valid, "luhn", 0),
            (BankCard, "3012345678901234566", Valid, "luhn", 0),
            (BankCard, "38123456789011", Valid, "luhn", 0),
            (BankCard, "381234567890128", Valid, "luhn", 0),
            (BankCard, "3812345678901233", Valid, "luhn", 0),
            (BankCard, "38123456789012347", Valid, "luhn", 0),
            (BankCard, "381234567890123458", Valid, "luhn", 0),
            (BankCard, "3812345678901234569", Valid, "luhn", 0),
            (BankCard, "6512345678901239", Valid, "luhn", 0),
            (BankCard, "65123456789012340", Valid, "luhn", 0),
            (BankCard, "651234567890123454", Valid, "luhn", 0),
            (BankCard, "6512345678901234562", Valid, "luhn", 0),
            (BankCard, "6412345678901230", Valid, "luhn", 0),
            (BankCard, "64123456789012343", Valid, "luhn", 0),
            (BankCard, "641234567890123455", Valid, "luhn", 0),
            (BankCard, "6412345678901234565", Valid, "luhn", 0),
            (BankCard, "5112345678901235", Valid, "luhn", 0),
            (BankCard, "5212345678901234", Valid, "luhn", 0),
            (BankCard, "5312345678901233", Valid, "luhn", 0),
            (BankCard, "5412345678901232", Valid, "luhn", 0),
            (BankCard, "5512345678901231", Valid, "luhn", 0),
            (BankCard, "2212345678901231", Valid, "luhn", 0),
            (BankCard, "2312345678901230", Valid, "luhn", 0),
            (BankCard, "2412345678901239", Valid, "luhn", 0),
            (BankCard, "2512345678901238", Valid, "luhn", 0),
            (BankCard, "2612345678901237", Valid, "luhn", 0),
            (BankCard, "2712345678901236", Valid, "luhn", 0),
            (BankCard, "6222021234567890128", Valid, "luhn_known_cn_bin", 1000),
            (BankCard, "6212261234567890128", Valid, "luhn_known_cn_bin", 1000),
            (BankCard, "6222081234567890125", Valid, "luhn_known_cn_bin", 1000),
            (BankCard, "6217001234567890122", Valid, "luhn_known_cn_bin", 1000),
            (BankCard, "6227001234567890121", Valid, "luhn_known_cn_bin", 1000),
            (BankCard, "4367421234567890129", Valid, "luhn_known_cn_bin", 1000),
            (Imei, "490154203237518", Valid, "luhn", 0),
            (Imei, "490154203237517", Invalid, "luhn", 0),
            (Imei, "49-015420-323751-8", Valid, "luhn", 0),
            (Imei, "49 015420 323751 8", Valid, "luhn", 0),
            (Imei, "35/209900/176148/1", Valid, "luhn", 0),
            (Imei, "352099001761481", Valid, "luhn", 0),
            (Imei, "3520990017614812", Unknown, "imeisv_no_checksum", 0),
            (Imei, "35209900176148", Invalid, "length", 0),
            (Imei, "99000000000000", Invalid, "length", 0),
            (Imei, "990000862471854", Invalid, "luhn", 0),
            (Imei, "010000000000000", Invalid, "luhn", 0),
            (Imei, "123456789012347", Valid, "luhn", -2000),
            (Imei, "12345678901234", Invalid, "length", 0),
            (Imei, "12345678901234567", Invalid, "length", 0),
            (Imei, "", Invalid, "not_digits", 0),
            (Imei, "-", Invalid, "not_digits", 0),
            (Imei, "3520990017614\u{ff18}1", Invalid, "not_digits", 0),
            (Imei, "352099001761481X", Invalid, "not_digits", 0),
            (Imei, "35-209900-176148-23", Unknown, "imeisv_no_checksum", 0),
            (Imei, "a", Invalid, "not_digits", 0),
            (Imei, "3", Invalid, "length", 0),
            (Imei, "35", Invalid, "length", 0),
            (Imei, "9920990017614812", Unknown, "imeisv_no_checksum", 0),
            (Imei, "2020990017614812", Unknown, "imeisv_no_checksum", -2000),
            (Imei, "35 209900 176148 12", Unknown, "imeisv_no_checksum", 0),
            (MacAddress, "3C:22:FB:12:34:56", Valid, "octets", 0),
            (MacAddress, "3c-22-fb-12-34-56", Valid, "octets", 0),
            (MacAddress, "3c22.fb12.3456", Valid, "octets", 0),
            (MacAddress, "3c22fb123456", Valid, "octets", 0),
            (MacAddress, "FF:FF:FF:FF:FF:FF", Valid, "broadcast_or_zero", -7000),
            (MacAddress, "ff-ff-ff-ff-ff-ff", Valid, "broadcast_or_zero", -7000),
            (MacAddress, "00:00:00:00:00:00", Valid, "broadcast_or_zero", -7000),
            (MacAddress, "12:34:56:78:90:12", Valid, "decimal_only", -2000),
            (MacAddress, "123456789012", Valid, "decimal_only", -2000),
            (MacAddress, "3C:22:FB:12:34", Invalid, "octets", 0),
            (MacAddress, "3C:22:FB:12:34:5G", Invalid, "octets", 0),
            (MacAddress, "3C:22:FB:12:34:56:78", Invalid, "octets", 0),
            (MacAddress, "", Invalid, "octets", 0),
            (MacAddress, "İ2:34:56:78:90:12", Invalid, "octets", 0),
            (MacAddress, "3C 22 FB 12 34 56", Invalid, "octets", 0),
            (MacAddress, "\u{ff13}C:22:FB:12:34:56", Invalid, "octets", 0),
            (MacAddress, "0:0:0:0:0:0", Invalid, "octets", 0),
            (MacAddress, "aabbccddeeff", Valid, "octets", 0),
            (MacAddress, "AABBCCDDEEFF", Valid, "octets", 0),
            (MacAddress, "000000000001", Valid, "decimal_only", -2000),
            (Email, "a@b.cn", Valid, "domain_tld", 0),
            (Email, "zhang.san@example.com", Valid, "domain_tld", 0),
            (Email, "zhangsan#example.com", Valid, "hash_for_at", 0),
            (Email, "a@b@c.com", Invalid, "no_at", 0),
            (Email, "a#b#c.com", Invalid, "no_at", 0),
            (Email, "a@b#c.com", Valid, "domain_tld", 0),
            (Email, "@example.com", Invalid, "local_part", 0),
            (Email, ".a@example.com", Invalid, "local_part", 0),
            (Email, "a.@example.com", Invalid, "local_part", 0),
            (Email, "a..b@example.com", Invalid, "local_part", 0),
            (Email, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com", Valid, "domain_tld", 0),
            (Email, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com", Invalid, "local_part", 0),
            (Email, "a@example", Invalid, "domain", 0),
            (Email, "a@.example.com", Invalid, "domain", 0),
            (Email, "a@example..com", Invalid, "domain", 0),
            (Email, "a@example.com.", Invalid, "domain", 0),
            (Email, "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com", Valid, "domain_tld", 0),
            (Email, "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com", Invalid, "domain", 0),
            (Email, "a@-example.com", Invalid, "domain", 0),
            (Email, "a@example-.com", Invalid, "domain", 0),
            (Email, "a@example.c", Invalid, "tld", 0),
            (Email, "a@example.cccccccccccccccccccccccc", Valid, "domain_tld", 0),
            (Email, "a@example.ccccccccccccccccccccccccc", Invalid, "tld", 0),
            (Email, "a@example.c0m", Invalid, "tld", 0),
            (Email, "a@example.xn--fiqs8s", Valid, "domain_tld", 0),
            (Email, "a@example.XN--FIQS8S", Valid, "domain_tld", 0),
            (Email, "a@example.xn-", Invalid, "domain", 0),
            (Email, "a@example.中国", Valid, "domain_tld", 0),
            (Email, "a@example.中國", Valid, "domain_tld", 0),
            (Email, "a@example.公司", Valid, "domain_tld", 0),
            (Email, "a@example.com中国", Invalid, "tld", 0),
            (Email, "a@例子.中国", Valid, "domain_tld", 0),
            (Email, "张三@example.com", Valid, "domain_tld", 0),
            (Email, "a@example.\u{ff23}\u{ff2f}\u{ff2d}", Invalid, "tld", 0),
            (Email, "a@example.COM", Valid, "domain_tld", 0),
            (Email, "a@example.co.uk", Valid, "domain_tld", 0),
            (Email, "", Invalid, "no_at", 0),
            (Email, "@", Invalid, "local_part", 0),
            (Email, "#", Invalid, "local_part", 0),
            (Email, "a@", Invalid, "domain", 0),
            (Email, "a#", Invalid, "domain", 0),
            (Email, "a@b", Invalid, "domain", 0),
            (Email, "a@b.", Invalid, "domain", 0),
            (Email, "a@.", Invalid, "domain", 0),
            (Email, "a@b.c-", Invalid, "domain", 0),
            (Email, "a@b.-c", Invalid, "domain", 0),
            (Email, "a b@example.com", Valid, "domain_tld", 0),
            (Email, "a@exa mple.com", Valid, "domain_tld", 0),
            (Email, "a@example.Ωmega", Invalid, "tld", 0),
            (Email, "a@example.ab1", Invalid, "tld", 0),
            (Email, "a@example.x--ab", Invalid, "tld", 0),
            (Email, "a@example.xn--", Invalid, "domain", 0),
            (Email, "a@example.com#x", Invalid, "tld", 0),
            (Email, "张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张@b.cn", Valid, "domain_tld", 0),
            (Email, "张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张@b.cn", Invalid, "local_part", 0),
            (Email, "a@例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例.cn", Valid, "domain_tld", 0),
            (Email, "a@例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例例.cn", Invalid, "domain", 0),
            (Email, "a@example.\u{10ff80}", Invalid, "tld", 0),
            (Email, "a@example.网络", Valid, "domain_tld", 0),
            (Email, "a.b#c.d.cn", Valid, "hash_for_at", 0),
            (Email, "a#xn--abc.XN--ABC", Valid, "hash_for_at", 0),
            (Email, "a#例子.中国", Valid, "hash_for_at", 0),
            (Email, "a##b.cn", Invalid, "no_at", 0),
            (IpAddress, "192.168.1.20", Valid, "ipv4", 0),
            (IpAddress, "0.0.0.0", Valid, "ipv4", 0),
            (IpAddress, "255.255.255.255", Valid, "ipv4", 0),
            (IpAddress, "256.1.1.1", Invalid, "does_not_parse", 0),
            (IpAddress, "01.2.3.4", Invalid, "does_not_parse", 0),
            (IpAddress, "1.2.3.04", Invalid, "does_not_parse", 0),
            (IpAddress, "1.2.3", Invalid, "does_not_parse", 0),
            (IpAddress, "1.2.3.4.5", Invalid, "does_not_parse", 0),
            (IpAddress, "1.2.3.4%eth0", Valid, "ipv4", 0),
            (IpAddress, "1.2.3.4%", Valid, "ipv4", 0),
            (IpAddress, "2001:db8::8a2e:370:7334", Valid, "ipv6", 0),
            (IpAddress, "2001:0db8:0000:0000:0000:8a2e:0370:7334", Valid, "ipv6", 0),
            (IpAddress, "::1", Valid, "ipv6_short", -4000),
            (IpAddress, "::", Valid, "ipv6_short", -4000),
            (IpAddress, ":::", Invalid, "does_not_parse", 0),
            (IpAddress, "a::b", Valid, "ipv6_short", -4000),
            (IpAddress, "d::", Valid, "ipv6_short", -4000),
            (IpAddress, "dead::beef", Valid, "ipv6_short", -4000),
            (IpAddress, "::ffff:192.168.1.1", Valid, "ipv6", 0),
            (IpAddress, "::ffff:192.168.01.1", Invalid, "does_not_parse", 0),
            (IpAddress, "64:ff9b::1.2.3.4", Valid, "ipv6", 0),
            (IpAddress, "fe80::1%eth0", Valid, "ipv6_short", -4000),
            (IpAddress, "fe80::1%", Valid, "ipv6_short", -4000),
            (IpAddress, "fe80::1%%", Valid, "ipv6_short", -4000),
            (IpAddress, "1:2:3:4:5:6:7:8", Valid, "ipv6", 0),
            (IpAddress, "1:2:3:4:5:6:7:8:9", Invalid, "does_not_parse", 0),
            (IpAddress, "1:2:3:4:5:6:7::8", Invalid, "does_not_parse", 0),
            (IpAddress, "1:2:3:4:5:6:7::", Valid, "ipv6", 0),
            (IpAddress, "::1:2:3:4:5:6:7", Valid, "ipv6", 0),
            (IpAddress, "::1:2:3:4:5:6:7:8", Invalid, "does_not_parse", 0),
            (IpAddress, "1::2::3", Invalid, "does_not_parse", 0),
            (IpAddress, "12345::1", Invalid, "does_not_parse", 0),
            (IpAddress, "1:2:3:4:5:6:1.2.3.4", Valid, "ipv6", 0),
            (IpAddress, "1:2:3:4:5:6:7:1.2.3.4", Invalid, "does_not_parse", 0),
            (IpAddress, "1:2:3:4:5::1.2.3.4", Valid, "ipv6", 0),
            (IpAddress, ":1:2:3:4:5:6:7", Invalid, "does_not_parse", 0),
            (IpAddress, "1:2:3:4:5:6:7:", Invalid, "does_not_parse", 0),
            (IpAddress, ":1::2", Invalid, "does_not_parse", 0),
            (IpAddress, "1::2:", Invalid, "does_not_parse", 0),
            (IpAddress, "g::1", Invalid, "does_not_parse", 0),
            (IpAddress, "2001:db8::/32", Invalid, "does_not_parse", 0),
            (IpAddress, "1.2.3.4/24", Invalid, "does_not_parse", 0),
            (IpAddress, "", Invalid, "does_not_parse", 0),
            (IpAddress, "1", Invalid, "does_not_parse", 0),
            (IpAddress, ":", Invalid, "does_not_parse", 0),
            (IpAddress, "::1.2.3.4", Valid, "ipv6_short", -4000),
            (IpAddress, "::1.2.3", Invalid, "does_not_parse", 0),
            (IpAddress, "ABCD:EF01::1", Valid, "ipv6", 0),
            (IpAddress, "abcd:ef01:2345:6789:abcd:ef01:2345:6789", Valid, "ipv6", 0),
            (IpAddress, "::ffff:1.2.3.4.5", Invalid, "does_not_parse", 0),
            (IpAddress, "1::1.2.3.4:5", Invalid, "does_not_parse", 0),
            (IpAddress, "a:b", Invalid, "does_not_parse", 0),
            (IpAddress, "::0:0", Valid, "ipv6_short", -4000),
            (IpAddress, "0::0", Valid, "ipv6_short", -4000),
            (IpAddress, "1.2.3.4:80", Invalid, "does_not_parse", 0),
            (IpAddress, "192.168.1.1.", Invalid, "does_not_parse", 0),
            (IpAddress, "\u{ff11}\u{ff19}\u{ff12}.\u{ff11}\u{ff16}\u{ff18}.\u{ff11}.\u{ff11}", Invalid, "does_not_parse", 0),
            (IpAddress, "2001:db8::\u{ff18}", Invalid, "does_not_parse", 0),
            (IpAddress, "::\u{10ff80}", Invalid, "does_not_parse", 0),
            (IpAddress, "1:2:3:4:5:6:7:8%eth0", Valid, "ipv6", 0),
            (IpAddress, "1::%", Valid, "ipv6_short", -4000),
            (IpAddress, "::ffff:0.0.0.0", Valid, "ipv6", 0),
            (IpAddress, "::+1", Invalid, "does_not_parse", 0),
            (IpAddress, "1_2::3", Invalid, "does_not_parse", 0),
            (IpAddress, " ::1", Invalid, "does_not_parse", 0),
            (IpAddress, "::1 ", Invalid, "does_not_parse", 0),
            (IpAddress, "00000::1", Invalid, "does_not_parse", 0),
            (IpAddress, "0000::1", Valid, "ipv6_short", -4000),
            (IpAddress, "fe80:0000:0000:0000:0204:61ff:fe9d:f156", Valid, "ipv6", 0),
            (CnResidentId, "", Invalid, "length", 0),
            (CnMobile, "", Invalid, "length", 0),
            (BankCard, "", Invalid, "length", 0),
            (Imei, "", Invalid, "not_digits", 0),
            (MacAddress, "", Invalid, "octets", 0),
            (Email, "", Invalid, "no_at", 0),
            (IpAddress, "", Invalid, "does_not_parse", 0),
            (CnResidentId, "\u{ff13}", Invalid, "length", 0),
            (CnMobile, "\u{ff13}", Invalid, "length", 0),
            (BankCard, "\u{ff13}", Invalid, "length", 0),
            (Imei, "\u{ff13}", Invalid, "not_digits", 0),
            (MacAddress, "\u{ff13}", Invalid, "octets", 0),
            (Email, "\u{ff13}", Invalid, "no_at", 0),
            (IpAddress, "\u{ff13}", Invalid, "does_not_parse", 0),
            (CnResidentId, "⑱", Invalid, "length", 0),
            (CnMobile, "⑱", Invalid, "length", 0),
            (BankCard, "⑱", Invalid, "length", 0),
            (Imei, "⑱", Invalid, "not_digits", 0),
            (MacAddress, "⑱", Invalid, "octets", 0),
            (Email, "⑱", Invalid, "no_at", 0),
            (IpAddress, "⑱", Invalid, "does_not_parse", 0),
            (CnResidentId, "\u{1f600}", Invalid, "length", 0),
            (CnMobile, "\u{1f600}", Invalid, "length", 0),
            (BankCard, "\u{1f600}", Invalid, "length", 0),
            (Imei, "\u{1f600}", Invalid, "not_digits", 0),
            (MacAddress, "\u{1f600}", Invalid, "octets", 0),
            (Email, "\u{1f600}", Invalid, "no_at", 0),
            (IpAddress, "\u{1f600}", Invalid, "does_not_parse", 0),
            (CnResidentId, "\u{10ff00}", Invalid, "length", 0),
            (CnMobile, "\u{10ff00}", Invalid, "length", 0),
            (BankCard, "\u{10ff00}", Invalid, "length", 0),
            (Imei, "\u{10ff00}", Invalid, "not_digits", 0),
            (MacAddress, "\u{10ff00}", Invalid, "octets", 0),
            (Email, "\u{10ff00}", Invalid, "no_at", 0),
            (IpAddress, "\u{10ff00}", Invalid, "does_not_parse", 0),
            (CnResidentId, "\u{10ffff}", Invalid, "length", 0),
            (CnMobile, "\u{10ffff}", Invalid, "length", 0),
            (BankCard, "\u{10ffff}", Invalid, "length", 0),
            (Imei, "\u{10ffff}", Invalid, "not_digits", 0),
            (MacAddress, "\u{10ffff}", Invalid, "octets", 0),
            (Email, "\u{10ffff}", Invalid, "no_at", 0),
            (IpAddress, "\u{10ffff}", Invalid, "does_not_parse", 0),
            (CnResidentId, "\u{e000}", Invalid, "length", 0),
            (CnMobile, "\u{e000}", Invalid, "length", 0),
            (BankCard, "\u{e000}", Invalid, "length", 0),
            (Imei, "\u{e000}", Invalid, "not_digits", 0),
            (MacAddress, "\u{e000}", Invalid, "octets", 0),
            (Email, "\u{e000}", Invalid, "no_at", 0),
            (IpAddress, "\u{e000}", Invalid, "does_not_parse", 0),
            (CnResidentId, "\u{0}", Invalid, "length", 0),
            (CnMobile, "\u{0}", Invalid, "length", 0),
            (BankCard, "\u{0}", Invalid, "length", 0),
            (Imei, "\u{0}", Invalid, "not_digits", 0),
            (MacAddress, "\u{0}", Invalid, "octets", 0),
            (Email, "\u{0}", Invalid, "no_at", 0),
            (IpAddress, "\u{0}", Invalid, "does_not_parse", 0),
            (CnResidentId, "٣٣٣", Invalid, "length", 0),
            (CnMobile, "٣٣٣", Invalid, "length", 0),
            (BankCard, "٣٣٣", Invalid, "length", 0),
            (Imei, "٣٣٣", Invalid, "not_digits", 0),
            (MacAddress, "٣٣٣", Invalid, "octets", 0),
            (Email, "٣٣٣", Invalid, "no_at", 0),
            (IpAddress, "٣٣٣", Invalid, "does_not_parse", 0),
            (CnResidentId, "³", Invalid, "length", 0),
            (CnMobile, "³", Invalid, "length", 0),
            (BankCard, "³", Invalid, "length", 0),
            (Imei, "³", Invalid, "not_digits", 0),
            (MacAddress, "³", Invalid, "octets", 0),
            (Email, "³", Invalid, "no_at", 0),
            (IpAddress, "³", Invalid, "does_not_parse", 0),
            (CnResidentId, "x", Invalid, "length", 0),
            (CnMobile, "x", Invalid, "length", 0),
            (BankCard, "x", Invalid, "length", 0),
            (Imei, "x", Invalid, "not_digits", 0),
            (MacAddress, "x", Invalid, "octets", 0),
            (Email, "x", Invalid, "no_at", 0),
            (IpAddress, "x", Invalid, "does_not_parse", 0),
            (CnResidentId, "%", Invalid, "length", 0),
            (CnMobile, "%", Invalid, "length", 0),
            (BankCard, "%", Invalid, "length", 0),
            (Imei, "%", Invalid, "not_digits", 0),
            (MacAddress, "%", Invalid, "octets", 0),
            (Email, "%", Invalid, "no_at", 0),
            (IpAddress, "%", Invalid, "does_not_parse", 0),
            (CnResidentId, ".", Invalid, "length", 0),
            (CnMobile, ".", Invalid, "length", 0),
            (BankCard, ".", Invalid, "length", 0),
            (Imei, ".", Invalid, "not_digits", 0),
            (MacAddress, ".", Invalid, "octets", 0),
            (Email, ".", Invalid, "no_at", 0),
            (IpAddress, ".", Invalid, "does_not_parse", 0),
            (CnResidentId, "@@", Invalid, "length", 0),
            (CnMobile, "@@", Invalid, "length", 0),
            (BankCard, "@@", Invalid, "length", 0),
            (Imei, "@@", Invalid, "not_digits", 0),
            (MacAddress, "@@", Invalid, "octets", 0),
            (Email, "@@", Invalid, "no_at", 0),
            (IpAddress, "@@", Invalid, "does_not_parse", 0),
            (CnResidentId, "##", Invalid, "length", 0),
            (CnMobile, "##", Invalid, "length", 0),
            (BankCard, "##", Invalid, "length", 0),
            (Imei, "##", Invalid, "not_digits", 0),
            (MacAddress, "##", Invalid, "octets", 0),
            (Email, "##", Invalid, "no_at", 0),
            (IpAddress, "##", Invalid, "does_not_parse", 0),
            (CnResidentId, "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", Invalid, "length", 0),
            (CnMobile, "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", Invalid, "length", 0),
            (BankCard, "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", Invalid, "length", 0),
            (Imei, "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", Invalid, "not_digits", 0),
            (MacAddress, "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", Invalid, "octets", 0),
            (Email, "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", Invalid, "no_at", 0),
            (IpAddress, "\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", Invalid, "does_not_parse", 0),
    ];

    #[test]
    fn verdicts_match_python() {
        let validators = validators();
        let mut failures = Vec::new();
        for &(kind, value, status, reason, adjust_bp) in CASES {
            let got = validators.run(kind, value, TODAY);
            let want = Verdict {
                status,
                reason,
                adjust_bp,
            };
            if got != want {
                failures.push(format!("{kind:?} {value:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// `ipaddress.IPv6Address(s).exploded` in Python 3.11, or `None` where it raises.
    #[rustfmt::skip]
    const IPV6: &[(&str, Option<[u16; 8]>)] = &[
            ("192.168.1.20", None),
            ("0.0.0.0", None),
            ("255.255.255.255", None),
            ("256.1.1.1", None),
            ("01.2.3.4", None),
            ("1.2.3.04", None),
            ("1.2.3", None),
            ("1.2.3.4.5", None),
            ("1.2.3.4%eth0", None),
            ("1.2.3.4%", None),
            ("2001:db8::8a2e:370:7334", Some([0x2001, 0x0db8, 0x0000, 0x0000, 0x0000, 0x8a2e, 0x0370, 0x7334])),
            ("2001:0db8:0000:0000:0000:8a2e:0370:7334", Some([0x2001, 0x0db8, 0x0000, 0x0000, 0x0000, 0x8a2e, 0x0370, 0x7334])),
            ("::1", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0001])),
            ("::", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000])),
            (":::", None),
            ("a::b", Some([0x000a, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x000b])),
            ("d::", Some([0x000d, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000])),
            ("dead::beef", Some([0xdead, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0xbeef])),
            ("::ffff:192.168.1.1", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0xffff, 0xc0a8, 0x0101])),
            ("::ffff:192.168.01.1", None),
            ("64:ff9b::1.2.3.4", Some([0x0064, 0xff9b, 0x0000, 0x0000, 0x0000, 0x0000, 0x0102, 0x0304])),
            ("fe80::1%eth0", Some([0xfe80, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0001])),
            ("fe80::1%", None),
            ("fe80::1%%", None),
            ("1:2:3:4:5:6:7:8", Some([0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x0008])),
            ("1:2:3:4:5:6:7:8:9", None),
            ("1:2:3:4:5:6:7::8", None),
            ("1:2:3:4:5:6:7::", Some([0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x0000])),
            ("::1:2:3:4:5:6:7", Some([0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007])),
            ("::1:2:3:4:5:6:7:8", None),
            ("1::2::3", None),
            ("12345::1", None),
            ("1:2:3:4:5:6:1.2.3.4", Some([0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0102, 0x0304])),
            ("1:2:3:4:5:6:7:1.2.3.4", None),
            ("1:2:3:4:5::1.2.3.4", Some([0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0000, 0x0102, 0x0304])),
            (":1:2:3:4:5:6:7", None),
            ("1:2:3:4:5:6:7:", None),
            (":1::2", None),
            ("1::2:", None),
            ("g::1", None),
            ("2001:db8::/32", None),
            ("1.2.3.4/24", None),
            ("", None),
            ("1", None),
            (":", None),
            ("::1.2.3.4", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0102, 0x0304])),
            ("::1.2.3", None),
            ("ABCD:EF01::1", Some([0xabcd, 0xef01, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0001])),
            ("abcd:ef01:2345:6789:abcd:ef01:2345:6789", Some([0xabcd, 0xef01, 0x2345, 0x6789, 0xabcd, 0xef01, 0x2345, 0x6789])),
            ("::ffff:1.2.3.4.5", None),
            ("1::1.2.3.4:5", None),
            ("a:b", None),
            ("::0:0", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000])),
            ("0::0", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000])),
            ("1.2.3.4:80", None),
            ("192.168.1.1.", None),
            ("\u{ff11}\u{ff19}\u{ff12}.\u{ff11}\u{ff16}\u{ff18}.\u{ff11}.\u{ff11}", None),
            ("2001:db8::\u{ff18}", None),
            ("::\u{10ff80}", None),
            ("1:2:3:4:5:6:7:8%eth0", Some([0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x0008])),
            ("1::%", None),
            ("::ffff:0.0.0.0", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0xffff, 0x0000, 0x0000])),
            ("::+1", None),
            ("1_2::3", None),
            (" ::1", None),
            ("::1 ", None),
            ("00000::1", None),
            ("0000::1", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0001])),
            ("fe80:0000:0000:0000:0204:61ff:fe9d:f156", Some([0xfe80, 0x0000, 0x0000, 0x0000, 0x0204, 0x61ff, 0xfe9d, 0xf156])),
            ("", None),
            ("\u{ff13}", None),
            ("⑱", None),
            ("\u{1f600}", None),
            ("\u{10ff00}", None),
            ("\u{10ffff}", None),
            ("\u{e000}", None),
            ("\u{0}", None),
            ("٣٣٣", None),
            ("³", None),
            ("x", None),
            ("%", None),
            (".", None),
            ("@@", None),
            ("##", None),
            ("\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", None),
            ("fe80::1%eth0%x", None),
            ("%eth0", None),
            ("::%a/b", None),
            ("::1%\u{10ff80}", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0001])),
            ("::%\u{ff10}", Some([0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000])),
            ("1:2:3:4:5:6:7:8:9%x", None),
    ];

    #[test]
    fn ipv6_parses_as_python() {
        for &(s, want) in IPV6 {
            assert_eq!(parse_ipv6(s), want, "{s:?}");
        }
    }

    /// `validators.is_dotted_quad(s)` in Python.
    #[rustfmt::skip]
    const QUADS: &[(&str, bool)] = &[
            ("192.168.1.20", true),
            ("0.0.0.0", true),
            ("255.255.255.255", true),
            ("256.1.1.1", false),
            ("01.2.3.4", false),
            ("1.2.3.04", false),
            ("1.2.3", false),
            ("1.2.3.4.5", false),
            ("1.2.3.4%eth0", false),
            ("1.2.3.4%", false),
            ("2001:db8::8a2e:370:7334", false),
            ("2001:0db8:0000:0000:0000:8a2e:0370:7334", false),
            ("::1", false),
            ("::", false),
            (":::", false),
            ("a::b", false),
            ("d::", false),
            ("dead::beef", false),
            ("::ffff:192.168.1.1", false),
            ("::ffff:192.168.01.1", false),
            ("64:ff9b::1.2.3.4", false),
            ("fe80::1%eth0", false),
            ("fe80::1%", false),
            ("fe80::1%%", false),
            ("1:2:3:4:5:6:7:8", false),
            ("1:2:3:4:5:6:7:8:9", false),
            ("1:2:3:4:5:6:7::8", false),
            ("1:2:3:4:5:6:7::", false),
            ("::1:2:3:4:5:6:7", false),
            ("::1:2:3:4:5:6:7:8", false),
            ("1::2::3", false),
            ("12345::1", false),
            ("1:2:3:4:5:6:1.2.3.4", false),
            ("1:2:3:4:5:6:7:1.2.3.4", false),
            ("1:2:3:4:5::1.2.3.4", false),
            (":1:2:3:4:5:6:7", false),
            ("1:2:3:4:5:6:7:", false),
            (":1::2", false),
            ("1::2:", false),
            ("g::1", false),
            ("2001:db8::/32", false),
            ("1.2.3.4/24", false),
            ("", false),
            ("1", false),
            (":", false),
            ("::1.2.3.4", false),
            ("::1.2.3", false),
            ("ABCD:EF01::1", false),
            ("abcd:ef01:2345:6789:abcd:ef01:2345:6789", false),
            ("::ffff:1.2.3.4.5", false),
            ("1::1.2.3.4:5", false),
            ("a:b", false),
            ("::0:0", false),
            ("0::0", false),
            ("1.2.3.4:80", false),
            ("192.168.1.1.", false),
            ("\u{ff11}\u{ff19}\u{ff12}.\u{ff11}\u{ff16}\u{ff18}.\u{ff11}.\u{ff11}", false),
            ("2001:db8::\u{ff18}", false),
            ("::\u{10ff80}", false),
            ("1:2:3:4:5:6:7:8%eth0", false),
            ("1::%", false),
            ("::ffff:0.0.0.0", false),
            ("::+1", false),
            ("1_2::3", false),
            (" ::1", false),
            ("::1 ", false),
            ("00000::1", false),
            ("0000::1", false),
            ("fe80:0000:0000:0000:0204:61ff:fe9d:f156", false),
            ("", false),
            ("\u{ff13}", false),
            ("⑱", false),
            ("\u{1f600}", false),
            ("\u{10ff00}", false),
            ("\u{10ffff}", false),
            ("\u{e000}", false),
            ("\u{0}", false),
            ("٣٣٣", false),
            ("³", false),
            ("x", false),
            ("%", false),
            (".", false),
            ("@@", false),
            ("##", false),
            ("\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}\u{10ff80}", false),
    ];

    #[test]
    fn dotted_quads_as_python() {
        for &(s, want) in QUADS {
            assert_eq!(is_dotted_quad(s), want, "{s:?}");
        }
    }

    #[test]
    fn birth_dates_follow_the_gregorian_calendar() {
        let today = TODAY;
        assert!(real_date(2000, 2, 29, today));
        assert!(real_date(2024, 2, 29, today));
        assert!(!real_date(1900, 2, 29, today));
        assert!(!real_date(2023, 2, 29, today));
        assert!(real_date(1900, 1, 1, today));
        assert!(!real_date(1899, 12, 31, today));
        assert!(real_date(2024, 6, 15, today));
        assert!(!real_date(2024, 6, 16, today));
        assert!(!real_date(0, 1, 1, today));
        assert!(!real_date(2020, 0, 1, today));
        assert!(!real_date(2020, 13, 1, today));
        assert!(!real_date(2020, 4, 31, today));
        assert!(!real_date(2020, 1, 0, today));
        let far = Date {
            year: 9999,
            month: 12,
            day: 31,
        };
        assert!(real_date(9999, 12, 31, far));
        assert!(!real_date(10000, 1, 1, far));
    }

    #[test]
    fn card_network_prefers_the_longest_prefix() {
        let validators = validators();
        assert_eq!(
            validators.card_network("9558800200135073266"),
            Some("ICBC domestic")
        );
        assert_eq!(
            validators.card_network("6222021234567890128"),
            Some("UnionPay")
        );
        assert_eq!(validators.card_network("4111111111111111"), Some("Visa"));
        assert_eq!(validators.card_network("411111111111111"), None);
    }

    /// Junk never panics and is never valid (Python says invalid for all of it).
    #[test]
    fn junk_is_never_valid() {
        let validators = validators();
        let kinds = [
            CnResidentId,
            CnMobile,
            BankCard,
            Imei,
            MacAddress,
            Email,
            IpAddress,
            Imsi,
            DeviceId,
            GeoCoordinates,
        ];
        let junk = [
            "",
            "３",
            "⑱",
            "😀",
            "\u{10ff00}",
            "\u{10ffff}",
            "\u{10ff80}\u{10ff80}",
            "\u{e000}",
            "\0",
            "٣٣٣",
            "³",
            "%",
            ".",
            ":",
            "::::::::::",
            "@@",
            "#",
            "-",
            "  ",
            "１３９１２３４５６７８",
            "４１１１１１１１１１１１１１１１",
            "１１０１０５１９９００３０７１２３９",
        ];
        for kind in kinds {
            for value in junk {
                let verdict = validators.run(kind, value, TODAY);
                assert_eq!(verdict.status, Invalid, "{kind:?} {value:?}");
            }
        }
    }

    /// issue 19 part C: (validator, value, status, reason, adjust_bp) as printed by Python
    /// from `validators.run(name, value)`.
    #[rustfmt::skip]
    const DOCUMENT_CASES: &[(ValidatorKind, &str, Status, &str, i32)] = &[
            (CnUscc, "91350100M000100Y43", Valid, "mod31", 0),
            (CnUscc, "91350100M000100Y44", Invalid, "check_character", 0),
            (CnUscc, "911101088021004338", Invalid, "check_character", 0),
            (CnUscc, "121000003001726990", Valid, "mod31", -2000),
            (CnUscc, "91110108MA01C2D36P", Valid, "mod31", 0),
            (CnUscc, "01350100M000100Y43", Invalid, "registration_code", 0),
            (CnUscc, "94350100M000100Y43", Invalid, "registration_code", 0),
            (CnUscc, "9135010AM000100Y43", Invalid, "region_code", 0),
            (CnUscc, "91350100M000100Y4", Invalid, "length", 0),
            (CnUscc, "91350100m000100Y43", Invalid, "check_character", 0),
            (CnUscc, "９1350100M000100Y43", Invalid, "registration_code", 0),
            (CnUscc, "Y11100005513850A92", Valid, "mod31", 0),
            (CnUscc, "", Invalid, "length", 0),
            (CnLicensePlate, "京A12345", Valid, "shape", 0),
            (CnLicensePlate, "京A·12345", Valid, "shape", 0),
            (CnLicensePlate, "京ABCD12", Invalid, "serial_letters", 0),
            (CnLicensePlate, "京AD12345", Valid, "shape", 0),
            (CnLicensePlate, "使014578", Valid, "embassy", 0),
            (CnLicensePlate, "京A1234警", Valid, "shape", 0),
            (CnLicensePlate, "京A123", Invalid, "length", 0),
            (CnLicensePlate, "新ABC123", Valid, "shape", 0),
            (CnLicensePlate, "京A 8B123", Valid, "shape", 0),
            (CnLicensePlate, "京AB1C2D3", Invalid, "serial_letters", 0),
            (CnTravelPermit, "12345678", Valid, "shape", 0),
            (CnTravelPermit, "20231012", Valid, "date_like", -1000),
            (CnTravelPermit, "19991301", Valid, "shape", 0),
            (CnTravelPermit, "C12345678", Valid, "shape", 0),
            (CnTravelPermit, "2023101", Valid, "shape", 0),
            (CnTravelPermit, "２0231012", Valid, "shape", 0),
            (CnTravelPermit, "", Valid, "shape", 0),
    ];

    #[test]
    fn document_validators_match_python() {
        let validators = validators();
        for &(kind, value, status, reason, adjust_bp) in DOCUMENT_CASES {
            let got = validators.run(kind, value, TODAY);
            assert_eq!(
                (got.status, got.reason, got.adjust_bp),
                (status, reason, adjust_bp),
                "{kind:?} {value:?}"
            );
        }
    }
}
