//! The plan: what the Python package hands the core, as plain data (JSON).
//!
//! Python parses and validates the recognizer YAML files (pydantic, `file:line` errors) and
//! writes this plan; the core only compiles it. Scores are integers in basis points
//! (1/10,000), so both engines add and compare them exactly.

use serde::{Deserialize, Serialize};

/// Every recognizer of an engine plus the reference tables its validators read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Plan {
    /// Plan format version; the binding refuses a plan of another version.
    pub version: u32,
    pub recognizers: Vec<RecognizerPlan>,
    pub tables: Tables,
    /// Entities that masking without a policy leaves as written (an organisation's id:
    /// `policy.model.ORGANISATION_ENTITIES`); they are still found.
    #[serde(default)]
    pub display_skip: Vec<String>,
}

/// Current [`Plan::version`].
pub const PLAN_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RecognizerPlan {
    pub id: String,
    pub entity: String,
    /// Lower wins ties between equal spans.
    pub priority: i64,
    /// Name of a built-in validator (`validators::ValidatorKind`), or none.
    pub validator: Option<String>,
    pub context: ContextPlan,
    pub patterns: Vec<PatternPlan>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PatternPlan {
    pub name: String,
    /// The recognizer's regex, without boundaries (no look-around: refused at load time).
    pub regex: String,
    pub score_bp: i32,
    /// A boundary kind name (`boundaries::BoundaryKind`).
    pub boundary: String,
    pub ignore_case: bool,
    /// Literals of which the line must contain one (empty: no such gate).
    pub requires_any: Vec<String>,
    /// A regex found inside every match; the pattern is skipped where it is absent.
    pub prefilter: Option<String>,
    /// Split each match into pieces of this many characters, each validated on its own
    /// (`Engine::judge_split`); 0: the match is one finding.
    #[serde(default)]
    pub split: usize,
    /// Words glued before a value (`邮箱张三@…`): a match starts after the last one found
    /// before its first `label_stop` character (`Pattern::label_cut`); empty: none.
    #[serde(default)]
    pub labels: Vec<String>,
    /// The character `labels` are looked for before (one character; `@` when absent).
    #[serde(default = "default_label_stop")]
    pub label_stop: String,
    /// Key-driven pattern: its keys, ASCII-lower-cased (a line holding none of them,
    /// ASCII-case-insensitively, is skipped); empty for a plain pattern.
    #[serde(default)]
    pub keys: Vec<String>,
    /// Key-driven pattern: a key then its separator (`regex` is then the value grammar).
    #[serde(default)]
    pub key_regex: Option<String>,
    /// Key-driven pattern: lower-cased ASCII words that make a key the tail of another key
    /// (`user_name`, `fileName` for the key `name`).
    #[serde(default)]
    pub not_after: Vec<String>,
}

fn default_label_stop() -> String {
    "@".to_owned()
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ContextPlan {
    /// Positive words, as written in the recognizer file.
    pub words: Vec<String>,
    /// Negative words.
    pub negative: Vec<String>,
    /// Negative words that count only as the value's key, never in the window.
    pub negative_keys: Vec<String>,
    /// Characters before the candidate searched for words.
    pub window: usize,
    pub boost_bp: i32,
    pub key_boost_bp: i32,
    pub penalty_bp: i32,
    pub key_penalty_bp: i32,
    /// Positive words that are strong keys: a value the validator rejects is still
    /// reported right after one (`context::ContextScorer::strong_hit`).
    #[serde(default)]
    pub strong: Vec<String>,
    /// The score of such a finding.
    #[serde(default)]
    pub strong_score_bp: i32,
}

/// The reference tables of `pimask/reference.py` (one data source for both engines).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Tables {
    /// GB/T 2260 province-level codes (two digits) -> name.
    pub provinces: Vec<(String, String)>,
    /// Allocated mobile segments (three digits) -> carrier.
    pub mobile_segments: Vec<(String, String)>,
    /// (IIN prefix, network name, allowed lengths), in the Python order.
    pub card_networks: Vec<(String, String, Vec<usize>)>,
    /// Chinese BIN prefixes (six digits) -> issuer.
    pub cn_bins: Vec<(String, String)>,
    /// IMEI reporting body identifiers (two digits).
    pub imei_reporting_bodies: Vec<String>,
    /// Non-ASCII top-level domains accepted by the e-mail validator.
    pub idn_tlds: Vec<String>,
    /// IMSI mobile network codes of MCC 460 (two digits) -> operator.
    #[serde(default)]
    pub imsi_mncs: Vec<(String, String)>,
    /// GB 32100 registration authority + organisation type codes (two characters).
    #[serde(default)]
    pub uscc_types: Vec<String>,
    /// Mainland long-distance area codes (with the leading 0) -> city.
    #[serde(default)]
    pub area_codes: Vec<(String, String)>,
    /// Single-character Chinese surnames (`pimask/ner/data/surnames.txt`, common and rare).
    #[serde(default)]
    pub surnames: Vec<String>,
    /// The common single-character surnames (a subset of `surnames`).
    #[serde(default)]
    pub common_surnames: Vec<String>,
    /// `reference.GIVEN_NAMES`: common Latin given names.
    #[serde(default)]
    pub given_names: Vec<String>,
    /// Two-character (compound) surnames.
    #[serde(default)]
    pub compound_surnames: Vec<String>,
    /// `reference.NON_NAME_CHARS`: given-name characters that name things (one string).
    #[serde(default)]
    pub non_name_chars: String,
    /// `reference.NON_NAME_WORDS`: capitalised words of products and accounts.
    #[serde(default)]
    pub non_name_words: Vec<String>,
    /// `reference.ADDRESS_MARKS`: characters and words of a Chinese address, in order.
    #[serde(default)]
    pub address_marks: Vec<String>,
    /// `reference.ADDRESS_WORDS`: lower-cased street and unit words of a Latin address.
    #[serde(default)]
    pub address_words: Vec<String>,
}

impl Plan {
    /// Parse a plan from its JSON form.
    pub fn from_json(text: &str) -> Result<Plan, String> {
        let plan: Plan = serde_json::from_str(text).map_err(|e| format!("invalid plan: {e}"))?;
        if plan.version != PLAN_VERSION {
            return Err(format!(
                "plan version {} does not match this core ({PLAN_VERSION}): rebuild pimask",
                plan.version
            ));
        }
        Ok(plan)
    }

    /// The built-in plan, generated by `python -m pimask.plan --write` and committed (a
    /// Python test checks that it is fresh), so Rust tests and benchmarks need no Python.
    pub fn builtin() -> Plan {
        Plan::from_json(include_str!("../data/builtin-plan.json"))
            .expect("the committed built-in plan parses")
    }
}
