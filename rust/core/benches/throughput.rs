//! Throughput of the core alone (no Python): `cargo bench -p pimask-core -- FILE [REPEAT]`.
//!
//! Masks FILE (default: a generated mix of log lines) with the built-in plan block by block
//! (256 KiB of whole lines, as `pimask mask` hands them over) and prints MB/s per repeat
//! and the median. A plain harness, so `cargo test`/`clippy --all-targets` build it quickly.

use std::time::Instant;

use pimask_core::engine::Engine;
use pimask_core::plan::Plan;
use pimask_core::validators::Date;

const BLOCK: usize = 256 * 1024;

fn sample() -> Vec<u8> {
    let lines = [
        "2023-11-22 08:00:00,295 ERROR [pool-3-thread-7] c.e.gateway.AuthFilter - request completed trace_id=77f6c21d52237bd88bfc1436f4eaab16",
        "172.27.3.201 - - [22/Nov/2023:08:00:00 +0800] \"PUT /static/app.js?offset=1609017457497334087 HTTP/1.1\" 500 24711 \"-\" \"Mozilla/5.0\" 0.153",
        "2023-11-22 08:00:00,054 WARN  [pool-3-thread-19] device check-in IMEI1=869402251234567 request_id 9ea920a0-1d29-4dbd-a791-cc34f12bcdaf",
        "用户手机号13912345678无法登录，身份证号11010519491231002X，邮箱zhang.san@example.com",
        "{\"event\":\"pay\",\"card\":\"6222021234567890128\",\"ip\":\"10.24.3.17\",\"mac\":\"3c:22:fb:1a:2b:3c\"}",
        "INFO order_id=2023120538515668 amount=12.50 ts=1700000000000 status=ok",
    ];
    let mut out = Vec::new();
    while out.len() < 8 << 20 {
        for line in lines {
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
    }
    out
}

fn blocks(data: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < data.len() {
        let mut end = (start + BLOCK).min(data.len());
        if end < data.len() {
            end = match memchr_rev(&data[start..end]) {
                Some(i) => start + i + 1,
                None => end,
            };
        }
        out.push(&data[start..end]);
        start = end;
    }
    out
}

fn memchr_rev(hay: &[u8]) -> Option<usize> {
    hay.iter().rposition(|&b| b == b'\n')
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let data = match args.first() {
        Some(path) => std::fs::read(path).expect("readable input file"),
        None => sample(),
    };
    let repeat: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let started = Instant::now();
    let engine = Engine::new(&Plan::builtin()).expect("the built-in plan compiles");
    println!(
        "Engine::new: {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let today = Date {
        year: 2026,
        month: 12,
        day: 5,
    };
    let parts = blocks(&data);
    let mut rates = Vec::new();
    for _ in 0..repeat {
        let started = Instant::now();
        let mut written = 0usize;
        for block in &parts {
            written += engine.mask_block(block, 5000, today).out.len();
        }
        let seconds = started.elapsed().as_secs_f64();
        assert!(written > 0);
        let rate = data.len() as f64 / seconds / 1e6;
        println!(
            "mask_block: {:.1} MB in {seconds:.3} s = {rate:.1} MB/s",
            data.len() as f64 / 1e6
        );
        rates.push(rate);
    }
    let started = Instant::now();
    let found: usize = parts
        .iter()
        .map(|block| engine.scan_block(block, 5000, today).len())
        .sum();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "scan_block (no masks): {:.1} MB/s ({found} lines with findings)",
        data.len() as f64 / seconds / 1e6
    );
    let n = engine.patterns.len();
    let (mut nanos, mut counts) = (vec![0u64; n + 1], vec![0usize; n + 1]);
    for block in &parts {
        engine.profile_block(block, &mut nanos, &mut counts);
    }
    let ms = |ns: u64| ns as f64 / 1e6;
    println!(
        "  profile (ms for the whole file): splitting lines {:.1} ms",
        ms(nanos[n])
    );
    for (index, pattern) in engine.patterns.iter().enumerate() {
        println!(
            "  pattern {:<28} {:>7.1} ms {:>7} candidates",
            format!(
                "{}/{}",
                engine.recognizers[pattern.recognizer].id, pattern.name
            ),
            ms(nanos[index]),
            counts[index]
        );
    }
    println!(
        "  all patterns: {:.1} ms = {:.1} MB/s",
        ms(nanos.iter().sum()),
        data.len() as f64 / (nanos.iter().sum::<u64>() as f64 / 1e9) / 1e6
    );
    rates.sort_by(f64::total_cmp);
    println!(
        "median {:.1} MB/s over {repeat} runs",
        rates[rates.len() / 2]
    );
}
