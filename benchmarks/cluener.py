"""PERSON / ADDRESS precision and recall on CLUENER2020 dev, and what the detectors cost.

Measurement only: the test suite never reads CLUENER (it lives in ``../shared``, outside
the repository). CLUENER labels ``name`` → PERSON and ``address`` → ADDRESS; offsets in the
file are inclusive and are converted to pimask's half-open spans.

A finding counts as a true positive only when entity, start and end equal a label's
(strict); findings that overlap a label of their entity without matching it are counted in
``partial``. CLUENER's ``address`` covers every place mention (``台湾``, ``北京``), while
pimask's ADDRESS is a postal address (a road with a number, a building unit): recall is
also reported on the ``street_level`` labels (those containing 路 / 街 / 号 / 栋 / 室 …).

Overlap scores count a finding right when it overlaps a label of its entity, and a label
found when a finding of its entity overlaps it; street-level ADDRESS is scored on the
street-level labels (recall) and on all ADDRESS findings (precision: a finding inside any
labelled place is not a false alarm).

Cost: MB/s (UTF-8 input) of ``Engine.scan`` over all dev texts with the detectors on and
off, medians of ``--repeat`` interleaved runs in one process, and CPU seconds per MB
(``time.process_time``: every thread of the process), the segmenter's load reported
apart; the same on ``--log-mb`` of benchmarks/corpus.py's log mix. ``--backend`` picks the
segmenter (lac, jieba, rjieba; repeatable, or ``all``); default ``$PIMASK_ZH_NER`` or lac.

    python benchmarks/cluener.py --backend all         # ../shared/data/cluener/dev.json
    python benchmarks/cluener.py --sweep --errors 20   # thresholds, and the first misses
    python benchmarks/cluener.py --smoke               # seconds-long, built-in sample (CI)
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import platform
import re
import statistics
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pimask
from pimask import ner
from pimask.engine import DEFAULT_MIN_SCORE
from pimask.ner import tokenizer

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "cluener" / "dev.json"
LABELS = {"name": "PERSON", "address": "ADDRESS"}
_STREET_LEVEL = re.compile(r"[0-9路街巷弄号栋幢座单元室楼]")

# Format-compatible sample for --smoke (synthetic sentences, no real person).
SMOKE_SAMPLE = [
    {
        "text": "客户王小明反映，寄到上海市浦东新区碧波路690号的快递丢了。",
        "label": {
            "name": {"王小明": [[2, 4]]},
            "address": {"上海市浦东新区碧波路690号": [[10, 23]]},
        },
    },
    {
        "text": "彭小军认为，国内银行现在走的是台湾的发卡模式，",
        "label": {"name": {"彭小军": [[0, 2]]}},
    },
    {"text": "温格的球队终于又踢了一场经典的比赛，", "label": {}},
]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    tp: int = 0
    partial: int = 0
    covered: int = 0  # labels overlapped by a finding of their entity

    @property
    def overlap_recall(self) -> float:
        return self.covered / self.gold if self.gold else 0.0

    @property
    def overlap_f1(self) -> float:
        p, r = self.overlap_precision, self.overlap_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def overlap_precision(self) -> float:
        """Share of findings that at least overlap a label of their entity."""
        return (self.tp + self.partial) / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "partial": self.partial,
            "precision": round(self.precision, 4),
            "overlap_precision": round(self.overlap_precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "covered": self.covered,
            "overlap_recall": round(self.overlap_recall, 4),
            "overlap_f1": round(self.overlap_f1, 4),
        }


def read_documents(path: Path) -> list[dict]:
    """CLUENER's file: JSON objects one after another (pretty-printed, not one per line)."""
    decoder = json.JSONDecoder()
    text = path.read_text(encoding="utf-8")
    documents, position = [], 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return documents
        document, position = decoder.raw_decode(text, position)
        documents.append(document)


def gold_spans(document: dict) -> set[tuple[str, int, int]]:
    spans = set()
    for label, entity in LABELS.items():
        for spans_of_surface in document.get("label", {}).get(label, {}).values():
            for start, end_inclusive in spans_of_surface:
                spans.add((entity, start, end_inclusive + 1))
    return spans


def evaluate(
    engine: pimask.Engine, documents: Iterable[dict], min_score: float
) -> tuple[dict[str, Counts], Counts, list[tuple[str, str, int, int, str]]]:
    """Per-entity counts, street-level ADDRESS counts, and the errors (kind, entity, span)."""
    counts = {entity: Counts() for entity in LABELS.values()}
    street = Counts()
    errors: list[tuple[str, str, int, int, str]] = []
    for document in documents:
        text = document["text"]
        gold = gold_spans(document)
        predicted = {
            (f.entity, f.start, f.end)
            for f in engine.scan(text, min_score=min_score)
            if f.entity in counts
        }
        for entity, start, end in gold:
            counts[entity].gold += 1
            covered = any(e == entity and s < end and start < t for e, s, t in predicted)
            counts[entity].covered += covered
            if entity == "ADDRESS" and _STREET_LEVEL.search(text[start:end]):
                street.gold += 1
                street.tp += (entity, start, end) in predicted
                street.covered += covered
            if (entity, start, end) not in predicted:
                errors.append(("miss", entity, start, end, text))
        for entity, start, end in predicted:
            counts[entity].predicted += 1
            street.predicted += entity == "ADDRESS"
            if (entity, start, end) in gold:
                counts[entity].tp += 1
            else:
                overlaps = any(e == entity and s < end and start < t for e, s, t in gold)
                counts[entity].partial += overlaps
                street.partial += overlaps and entity == "ADDRESS"
                errors.append(("false", entity, start, end, text))
    return counts, street, errors


def throughput(engines: list[pimask.Engine], texts: list[str], repeat: int) -> list[float]:
    """Median MB/s (UTF-8 bytes of input) of each engine scanning every text once."""
    return [speed for speed, _cpu in cost(engines, texts, repeat)]


def cost(engines: list[pimask.Engine], texts: list[str], repeat: int) -> list[tuple[float, float]]:
    """``(median MB/s, median CPU seconds per MB)`` of each engine scanning every text once.

    Runs are interleaved (A B A B …) so that load from other processes hits both alike;
    CPU time is less sensitive to that load than wall time.
    """
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    timings: list[list[tuple[float, float]]] = [[] for _ in engines]
    for _ in range(repeat):
        for engine, times in zip(engines, timings, strict=True):
            started, cpu = time.perf_counter(), time.process_time()
            for text in texts:
                engine.scan(text)
            times.append((time.perf_counter() - started, time.process_time() - cpu))
    return [
        (
            size / statistics.median(wall for wall, _ in times),
            statistics.median(cpu for _, cpu in times) / size,
        )
        for times in timings
    ]


def log_mix_lines(size_bytes: int, seed: int = 1) -> list[str]:
    """``size_bytes`` of benchmarks/corpus.py's throughput mix (18% Chinese ticket lines)."""
    path = Path(__file__).resolve().parent / "corpus.py"
    spec = importlib.util.spec_from_file_location("pimask_bench_corpus", path)
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, corpus)
    spec.loader.exec_module(corpus)
    buffer = io.BytesIO()
    corpus.write_throughput(buffer, size_bytes, seed, pool_size=5_000)
    return buffer.getvalue().decode("utf-8", "surrogateescape").splitlines()


def _errors(errors: list, limit: int, show_values: bool) -> Iterator[str]:
    for kind, entity, start, end, text in errors[:limit]:
        value = text[start:end] if show_values else f"[{end - start} chars]"
        yield f"  {kind:5} {entity:7} {start:3}-{end:<3} {value}"


def measure(backend: str, documents: list[dict], args: argparse.Namespace) -> dict:
    """Quality and cost of the detectors on ``backend`` (one report section)."""
    started = time.perf_counter()
    tokenizer.load_backend(backend)
    load_seconds = time.perf_counter() - started

    ner_engine = pimask.Engine(enable=["zh_person", "zh_address"], ner_backend=backend)
    counts, street, errors = evaluate(ner_engine, documents, args.min_score)
    texts = [document["text"] for document in documents]
    repeat = 1 if args.smoke else args.repeat
    patterns_engine = pimask.Engine()
    (with_ner, ner_cpu), (patterns_only, patterns_cpu) = cost(
        [ner_engine, patterns_engine], texts, repeat
    )
    report: dict = {
        "backend": backend,
        "entities": {entity: c.as_dict() for entity, c in counts.items()},
        "address_street_level": street.as_dict(),
        "address_street_level_recall": round(street.recall, 4),
        "address_street_level_gold": street.gold,
        "speed_mb_s": {
            "patterns_only": round(patterns_only, 3),
            "with_zh_person_address": round(with_ner, 3),
            "ratio": round(patterns_only / with_ner, 1) if with_ner else None,
        },
        "cpu_s_per_mb": {
            "patterns_only": round(patterns_cpu, 2),
            "with_zh_person_address": round(ner_cpu, 2),
        },
        "load_seconds": round(load_seconds, 2),
        "_errors": errors,
    }
    if args.log_mb > 0 and not args.smoke:
        lines = log_mix_lines(int(args.log_mb * 1e6))
        cjk = sum(1 for line in lines if ner.has_cjk(line)) / max(1, len(lines))
        (mix_ner, mix_ner_cpu), (mix_patterns, mix_patterns_cpu) = cost(
            [ner_engine, patterns_engine], lines, repeat
        )
        report["log_mix_mb_s"] = {
            "megabytes": args.log_mb,
            "lines_with_cjk": round(cjk, 3),
            "patterns_only": round(mix_patterns, 3),
            "with_zh_person_address": round(mix_ner, 3),
            "ratio": round(mix_patterns / mix_ner, 1) if mix_ner else None,
            "cpu_s_per_mb_patterns_only": round(mix_patterns_cpu, 2),
            "cpu_s_per_mb_with_zh_person_address": round(mix_ner_cpu, 2),
        }
    if args.sweep:
        report["sweep"] = {
            str(threshold): {
                entity: c.as_dict()
                for entity, c in evaluate(ner_engine, documents, threshold)[0].items()
            }
            for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
        }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    parser.add_argument(
        "--backend",
        action="append",
        choices=(*tokenizer.BACKENDS, "all"),
        help="segmenter(s) to measure (repeatable; all: every one; default $PIMASK_ZH_NER or lac)",
    )
    parser.add_argument("--sweep", action="store_true", help="P/R at several thresholds")
    parser.add_argument("--repeat", type=int, default=3, help="throughput runs (median)")
    parser.add_argument("--errors", type=int, default=0, help="list the first N errors")
    parser.add_argument("--show-values", action="store_true", help="print error values")
    parser.add_argument("--smoke", action="store_true", help="built-in 3-sentence sample")
    parser.add_argument("--json", action="store_true", help="one JSON report on stdout")
    parser.add_argument(
        "--log-mb", type=float, default=1.0, help="also time this many MB of the log mix (0: skip)"
    )
    args = parser.parse_args(argv)

    chosen = args.backend or [tokenizer.resolve_backend()]
    backends = list(tokenizer.BACKENDS) if "all" in chosen else list(dict.fromkeys(chosen))
    documents = SMOKE_SAMPLE if args.smoke else read_documents(args.data)
    sections = [measure(backend, documents, args) for backend in backends]
    errors = [section.pop("_errors") for section in sections]
    report: dict = {
        "data": "smoke sample" if args.smoke else str(args.data),
        "documents": len(documents),
        "min_score": args.min_score,
        **sections[0],
        "backends": {section["backend"]: section for section in sections},
        "machine": f"{platform.machine()} {platform.python_implementation()} "
        f"{platform.python_version()}",
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"{report['data']}: {len(documents)} texts, min_score {args.min_score}")
    for section, section_errors in zip(sections, errors, strict=True):
        _print_section(section)
        if args.errors:
            print(f"first {args.errors} errors:")
            for line in _errors(section_errors, args.errors, args.show_values):
                print(line)
    return 0


def _print_section(report: dict) -> None:
    print(f"\n== backend {report['backend']} (load {report['load_seconds']:.2f} s)")
    header = (
        f"{'entity':8} {'gold':>5} {'pred':>5} {'tp':>5} {'part':>5} {'P':>6} {'R':>6} {'F1':>6}"
    )
    print(header + f" {'P(ovl)':>7} {'R(ovl)':>7} {'F1(ovl)':>7}")
    rows = [*report["entities"].items(), ("ADDR-st", report["address_street_level"])]
    for entity, c in rows:
        print(
            f"{entity:8} {c['gold']:5} {c['predicted']:5} {c['tp']:5} {c['partial']:5} "
            f"{c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} "
            f"{c['overlap_precision']:7.3f} {c['overlap_recall']:7.3f} {c['overlap_f1']:7.3f}"
        )
    speed, cpu = report["speed_mb_s"], report["cpu_s_per_mb"]
    print(
        f"speed: patterns only {speed['patterns_only']} MB/s ({cpu['patterns_only']} CPU s/MB), "
        f"with zh_person+zh_address {speed['with_zh_person_address']} MB/s "
        f"({cpu['with_zh_person_address']} CPU s/MB, x{speed['ratio']} slower)"
    )
    mix = report.get("log_mix_mb_s")
    if mix:
        print(
            f"log mix ({mix['megabytes']} MB, {mix['lines_with_cjk']:.0%} lines with CJK): "
            f"patterns only {mix['patterns_only']} MB/s, with zh_person+zh_address "
            f"{mix['with_zh_person_address']} MB/s (x{mix['ratio']} slower; "
            f"{mix['cpu_s_per_mb_with_zh_person_address']} CPU s/MB)"
        )
    for threshold, row in report.get("sweep", {}).items():
        cells = "  ".join(
            f"{entity} P={c['precision']:.3f} R={c['recall']:.3f}" for entity, c in row.items()
        )
        print(f"  min_score {threshold}: {cells}")


if __name__ == "__main__":
    raise SystemExit(main())
