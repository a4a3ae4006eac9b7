//! The block path (one search per pattern over the qualifying runs of a block) finds what
//! the per-line view path finds, line by line, on generated lines dense in look-alikes —
//! and on the files named in `PIMASK_EQUIV_FILES` (colon-separated), when set.

use pimask_core::engine::Engine;
use pimask_core::plan::Plan;
use pimask_core::validators::Date;
use pimask_core::view::View;

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 5,
};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn generated(seed: u64, lines: usize) -> Vec<u8> {
    let pieces: &[&str] = &[
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "13800138000",
        "11010519491231002X",
        "6222021234567890128",
        "869402251234567",
        "460001234567890",
        "3c:22:fb:1a:2b:3c",
        "3c-22-fb-1a-2b-3c",
        "3c22.fb1a.2b3c",
        "3c22fb1a2b3c",
        "mac",
        "MAC",
        "fe80::1",
        "2001:db8::8a2e:370:7334",
        "::ffff:10.0.0.1",
        "10.24.3.17",
        "1.2.3.4.5",
        "a",
        "b",
        "f",
        "x",
        "X",
        "z",
        " ",
        " ",
        "-",
        "-",
        ".",
        ".",
        ":",
        ":",
        "_",
        "@",
        "#",
        "+",
        "%",
        "(",
        ")",
        "/",
        ",",
        "=",
        "\"",
        "zhang.san@example.com",
        "user#example.com",
        "电话",
        "手机",
        "身份证",
        "卡号",
        "邮箱",
        "请发邮件给",
        "张三",
        "@例子.中国",
        "，",
        "１３８",
        "＠",
        "\u{3000}",
        "\u{00A0}",
        "imei",
        "IMEI",
        "sn",
        "serial",
        "oaid",
        "idfa",
        "android_id",
        "ssaid",
        "imsi",
        "lat",
        "lng",
        "经度",
        "+86 ",
        "0086-",
        "(+86)",
        "139 1234 5678",
        "139-1234-5678",
        "6222 0212 3456 7890",
        "35-059201-105653-0",
        "12.3456789",
        "-45.123456, 120.654321",
        "a3b972e1-6ec2-4536-9f38-fb87cfc70d8b",
        "trace_id=",
        "order_id=",
        "blk_",
        "\u{FFFD}",
        "\u{00e9}",
        "\t",
    ];
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut out = Vec::new();
    for _ in 0..lines {
        let n = rng.below(24);
        for _ in 0..n {
            out.extend_from_slice(pieces[rng.below(pieces.len())].as_bytes());
        }
        if rng.below(50) == 0 {
            out.push(0xFF); // an undecodable byte: a special line
        }
        out.push(b'\n');
    }
    out
}

/// Findings of the block path and of the view path, line by line, must be equal.
fn check(engine: &Engine, block: &[u8]) {
    let from_block: Vec<_> = engine
        .block_findings(block, 0, TODAY)
        .into_iter()
        .map(|(line, _, findings)| (line, findings))
        .collect();
    let mut from_lines = Vec::new();
    for (line, start, end) in pimask_core::engine::lines(block) {
        let view = View::new(&block[start..end]);
        let findings = engine.scan_view(&view, 0, TODAY);
        if !findings.is_empty() {
            from_lines.push((line, findings));
        }
    }
    assert_eq!(from_block.len(), from_lines.len(), "lines with findings");
    for (a, b) in from_block.iter().zip(&from_lines) {
        assert_eq!(a, b, "line {}", a.0);
    }
}

#[test]
fn block_path_equals_line_path_on_generated_lines() {
    let engine = Engine::new(&Plan::builtin()).expect("the built-in plan compiles");
    for seed in 1..=40 {
        check(&engine, &generated(seed, 400));
    }
}

#[test]
fn block_path_equals_line_path_on_files() {
    let Ok(files) = std::env::var("PIMASK_EQUIV_FILES") else {
        return;
    };
    let engine = Engine::new(&Plan::builtin()).expect("the built-in plan compiles");
    for path in files.split(':') {
        let data = std::fs::read(path).expect("readable file");
        let mut start = 0;
        while start < data.len() {
            let mut end = (start + (256 << 10)).min(data.len());
            if let Some(nl) = data[start..end].iter().rposition(|&b| b == b'\n') {
                if end < data.len() {
                    end = start + nl + 1;
                }
            }
            check(&engine, &data[start..end]);
            start = end;
        }
    }
}

/// issue 19 part C: masking without a policy leaves an organisation's id (the plan's
/// `display_skip`, CN_USCC) as written and does not count it; documents and plates next to
/// it are masked.
#[test]
fn mask_block_leaves_display_skip_entities_as_written() {
    let plan = Plan::builtin();
    assert_eq!(
        plan.display_skip,
        vec!["CN_SERVICE_NUMBER".to_string(), "CN_USCC".to_string()]
    );
    let engine = Engine::new(&plan).expect("the built-in plan compiles");
    let block = "信用代码91350100M000100Y43 车牌京A12345 护照号E12345678\n".as_bytes();
    let masked = engine.mask_block(block, 5_000, TODAY);
    let out = String::from_utf8(masked.out).expect("utf-8 out");
    assert_eq!(
        out,
        "信用代码91350100M000100Y43 车牌京A****5 护照号E******78\n"
    );
    assert!(masked.actions.iter().all(|(entity, _)| entity != "CN_USCC"));
    assert!(!engine.displays("CN_USCC") && engine.displays("CN_PASSPORT"));
}
