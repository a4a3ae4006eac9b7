//! Overlap resolution (`pimask.scanner.resolve_overlaps`): one sort, then one sweep.

/// What overlap resolution needs of a finding.
pub trait Ranked {
    fn start(&self) -> usize;
    fn end(&self) -> usize;
    fn score_bp(&self) -> i32;
    fn priority(&self) -> i64;
    fn entity(&self) -> &str;
}

/// Keep a deterministic set of non-overlapping findings, sorted by (start, end).
///
/// Longest span first, then higher score, then recognizer priority (lower wins), then
/// position, then entity name — the order of the Python reference.
pub fn resolve_overlaps<T: Ranked>(mut findings: Vec<T>) -> Vec<T> {
    if findings.len() <= 1 {
        return findings;
    }
    findings.sort_by(|a, b| {
        (b.end() - b.start())
            .cmp(&(a.end() - a.start()))
            .then(b.score_bp().cmp(&a.score_bp()))
            .then(a.priority().cmp(&b.priority()))
            .then(a.start().cmp(&b.start()))
            .then(a.entity().cmp(b.entity()))
    });
    let mut taken: Vec<(usize, usize)> = Vec::with_capacity(findings.len());
    let mut kept: Vec<T> = Vec::with_capacity(findings.len());
    for finding in findings {
        let (s, e) = (finding.start(), finding.end());
        if taken.iter().any(|&(ts, te)| s < te && ts < e) {
            continue;
        }
        taken.push((s, e));
        kept.push(finding);
    }
    kept.sort_by(|a, b| a.start().cmp(&b.start()).then(a.end().cmp(&b.end())));
    kept
}
