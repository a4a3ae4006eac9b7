//! The `pimask._core` extension module: a thin PyO3 binding of `pimask-core`.
//!
//! Every call takes bytes or str, releases the GIL for the whole work, and returns plain
//! tuples; the Python package builds its own objects from them. No panic crosses into Python:
//! the core does not panic on any input, and errors become `ValueError`.

use std::sync::Arc;

use pimask_core::context::HitSource;
use pimask_core::engine::{encode_into, original_text, Engine, Finding};
use pimask_core::masks::display_mask;
use pimask_core::plan::Plan;
use pimask_core::syntax_check::regex_problem;
use pimask_core::validators::{Date, ValidatorKind, Validators};
use pimask_core::view::View;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

type Hit = Option<(String, bool, &'static str)>;
/// `(pattern index, start, end, score in basis points, verdict, reason, context hit)`.
type FindingTuple = (usize, usize, usize, i32, &'static str, &'static str, Hit);

fn finding_tuple(f: &Finding) -> FindingTuple {
    let hit = f.hit.as_ref().map(|h| {
        let source = match h.source {
            HitSource::Key => "key",
            HitSource::Window => "window",
        };
        (h.word.clone(), h.positive, source)
    });
    (
        f.pattern,
        f.start,
        f.end,
        f.score_bp,
        f.status.as_str(),
        f.reason,
        hit,
    )
}

fn date((year, month, day): (i32, u32, u32)) -> Date {
    Date { year, month, day }
}

/// A compiled plan. Immutable and shared: calls from many threads run in parallel.
#[pyclass(frozen, module = "pimask._core")]
struct NativeEngine {
    engine: Arc<Engine>,
    plan: String,
}

#[pymethods]
impl NativeEngine {
    #[new]
    fn new(plan: String) -> PyResult<Self> {
        let parsed = Plan::from_json(&plan).map_err(PyValueError::new_err)?;
        let engine = Engine::new(&parsed).map_err(|e| PyValueError::new_err(e.0))?;
        Ok(NativeEngine {
            engine: Arc::new(engine),
            plan,
        })
    }

    /// Rebuilt from the plan when pickled (worker processes, Spark executors).
    fn __reduce__(slf: &Bound<'_, Self>) -> PyResult<(Py<PyAny>, (String,))> {
        let cls = slf.get_type().into_any().unbind();
        Ok((cls, (slf.get().plan.clone(),)))
    }

    /// Findings of `text` scanned as one piece (newlines included, like the reference).
    fn scan_text(
        &self,
        py: Python<'_>,
        text: &[u8],
        min_score_bp: i32,
        today: (i32, u32, u32),
    ) -> Vec<FindingTuple> {
        let engine = &self.engine;
        py.detach(|| {
            let (_view, findings) = scan_one(engine, text, min_score_bp, date(today));
            findings.iter().map(finding_tuple).collect()
        })
    }

    /// Findings of many independent texts (CSV fields, JSON values) in one call: each is
    /// scanned as `scan_text` would scan it alone. Single-line texts are joined into one
    /// block and take the block path together (one search pass per pattern for all of
    /// them); texts with a newline are scanned whole, one by one.
    fn scan_many(
        &self,
        py: Python<'_>,
        items: Vec<Vec<u8>>,
        min_score_bp: i32,
        today: (i32, u32, u32),
    ) -> Vec<Vec<FindingTuple>> {
        let engine = &self.engine;
        py.detach(|| {
            let today = date(today);
            let mut out: Vec<Vec<FindingTuple>> = vec![Vec::new(); items.len()];
            let mut block = Vec::new();
            let mut lines: Vec<usize> = Vec::new(); // block line -> item
            for (index, item) in items.iter().enumerate() {
                if memchr_newline(item) {
                    let (_view, findings) = scan_one(engine, item, min_score_bp, today);
                    out[index] = findings.iter().map(finding_tuple).collect();
                } else {
                    block.extend_from_slice(item);
                    block.push(b'\n');
                    lines.push(index);
                }
            }
            for (line, _view, findings) in engine.block_findings(&block, min_score_bp, today) {
                out[lines[line]] = findings.iter().map(finding_tuple).collect();
            }
            out
        })
    }

    /// `text` display-masked (None when nothing was found) and its findings: what
    /// `pimask.mask(text)` does, in one call.
    fn mask_text<'py>(
        &self,
        py: Python<'py>,
        text: &[u8],
        min_score_bp: i32,
        today: (i32, u32, u32),
    ) -> (Option<Bound<'py, PyBytes>>, Vec<FindingTuple>) {
        let engine = &self.engine;
        let (out, tuples) = py.detach(|| {
            let (view, findings) = scan_one(engine, text, min_score_bp, date(today));
            if findings.is_empty() {
                return (None, Vec::new());
            }
            let mut out = Vec::with_capacity(text.len() + 16);
            let mut at = 0usize;
            for finding in findings.iter().filter(|f| engine.displays(f.entity())) {
                let (lo, hi) = (
                    view.orig_at[finding.start] as usize,
                    view.orig_at[finding.end] as usize,
                );
                out.extend_from_slice(&text[at..lo]);
                let value = original_text(&text[lo..hi]);
                encode_into(&display_mask(finding.entity(), &value), &mut out);
                at = hi;
            }
            out.extend_from_slice(&text[at..]);
            (Some(out), findings.iter().map(finding_tuple).collect())
        });
        (out.map(|bytes| PyBytes::new(py, &bytes)), tuples)
    }

    /// Findings per line of `block`: `(line index, start byte, end byte, findings)`.
    #[allow(clippy::type_complexity)]
    fn scan_block(
        &self,
        py: Python<'_>,
        block: &[u8],
        min_score_bp: i32,
        today: (i32, u32, u32),
    ) -> Vec<(usize, usize, usize, Vec<FindingTuple>)> {
        let engine = &self.engine;
        py.detach(|| {
            engine
                .scan_block(block, min_score_bp, date(today))
                .into_iter()
                .map(|l| {
                    (
                        l.line,
                        l.start,
                        l.end,
                        l.findings.iter().map(finding_tuple).collect(),
                    )
                })
                .collect()
        })
    }

    /// Every line display-masked: `(output, lines, [(entity, count)])`.
    fn mask_block<'py>(
        &self,
        py: Python<'py>,
        block: &[u8],
        min_score_bp: i32,
        today: (i32, u32, u32),
    ) -> (Bound<'py, PyBytes>, usize, Vec<(String, usize)>) {
        let engine = &self.engine;
        let done = py.detach(|| engine.mask_block(block, min_score_bp, date(today)));
        (PyBytes::new(py, &done.out), done.lines, done.actions)
    }

    /// Candidates of pattern `index` in `text` (character spans; for the tests).
    fn candidates(&self, index: usize, text: &[u8]) -> PyResult<Vec<(usize, usize)>> {
        if index >= self.engine.patterns.len() {
            return Err(PyValueError::new_err("no such pattern"));
        }
        Ok(self.engine.candidates(index, &View::new(text)))
    }

    /// Context score of `text[start:end]` for recognizer `index`: `(adjust, hit)` (tests).
    fn context_score(
        &self,
        index: usize,
        text: &[u8],
        start: usize,
        end: usize,
    ) -> PyResult<(i32, Hit)> {
        let recognizer = self
            .engine
            .recognizers
            .get(index)
            .ok_or_else(|| PyValueError::new_err("no such recognizer"))?;
        let view = View::new(text);
        if start > end || end > view.len() {
            return Err(PyValueError::new_err("span out of range"));
        }
        let result = recognizer.scorer.score(&view.chars, start, end);
        let hit = result.hit.map(|h| {
            let source = if h.source == HitSource::Key {
                "key"
            } else {
                "window"
            };
            (h.word, h.positive, source)
        });
        Ok((result.adjust_bp, hit))
    }

    /// The validator `name` on `value` with the plan's tables: `(status, reason, adjust)`.
    fn validate(
        &self,
        name: &str,
        value: &str,
        today: (i32, u32, u32),
    ) -> PyResult<(&'static str, &'static str, i32)> {
        let kind = ValidatorKind::parse(name)
            .ok_or_else(|| PyValueError::new_err(format!("unknown validator {name:?}")))?;
        let plan = Plan::from_json(&self.plan).map_err(PyValueError::new_err)?;
        let verdict = Validators::new(&plan.tables).run(kind, value, date(today));
        Ok((verdict.status.as_str(), verdict.reason, verdict.adjust_bp))
    }
}

/// Findings of `text` as one piece: a single line takes the block path (no view is built
/// unless a pattern matches), text with newlines is scanned whole like the reference does.
fn scan_one(engine: &Engine, text: &[u8], min_score_bp: i32, today: Date) -> (View, Vec<Finding>) {
    if memchr_newline(text) {
        let view = View::new(text);
        let findings = engine.scan_view(&view, min_score_bp, today);
        return (view, findings);
    }
    match engine.block_findings(text, min_score_bp, today).pop() {
        Some((_line, view, findings)) => (view, findings),
        None => (View::new(b""), Vec::new()),
    }
}

fn memchr_newline(text: &[u8]) -> bool {
    text.contains(&b'\n')
}

/// The default display mask of `entity` for `value` (the original text of a span).
#[pyfunction(name = "display_mask")]
fn display_mask_py(entity: &str, value: &str) -> String {
    display_mask(entity, value)
}

/// None when `pattern` is in the subset both engines run alike (linear time, same
/// meaning) and compiles natively, else the reason.
#[pyfunction]
#[pyo3(signature = (pattern, ignore_case=false))]
fn regex_error(pattern: &str, ignore_case: bool) -> Option<String> {
    // why: parsing to the engine's HIR finds every error a compile would, without building
    // automata (engines compile each pattern once, when they are built)
    regex_problem(pattern).or_else(|| {
        regex_syntax::ParserBuilder::new()
            .case_insensitive(ignore_case)
            .build()
            .parse(pattern)
            .err()
            .map(|e| {
                let why = match &e {
                    regex_syntax::Error::Parse(e) => e.kind().to_string(),
                    regex_syntax::Error::Translate(e) => e.kind().to_string(),
                    other => other.to_string(),
                };
                format!("does not compile: {why}")
            })
    })
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeEngine>()?;
    m.add_function(wrap_pyfunction!(display_mask_py, m)?)?;
    m.add_function(wrap_pyfunction!(regex_error, m)?)?;
    m.add("PLAN_VERSION", pimask_core::plan::PLAN_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
