"""Precision / recall / F1 per entity on the labeled corpus (exact spans), plus diagnostics.

A finding counts as a true positive only when its entity, start and end equal a label's
(strict: a mobile reported without its ``+86`` prefix is both a false positive and a
false negative). Findings of the right entity that overlap a label without matching it
are also counted in a separate ``partial`` column, so boundary bugs are visible as such;
findings that overlap a hard negative (order id, hash, version …) are counted per
negative kind; findings on a label of a different entity are "confusions".

    python benchmarks/quality.py --lines 20000 --seed 7          # generate and evaluate
    python benchmarks/quality.py --corpus corpus.jsonl           # evaluate a saved corpus
    python benchmarks/quality.py --device                        # IMSI, DEVICE_ID, GEO corpus
    python benchmarks/quality.py --adversarial --seed 16         # adversarial spellings
    python benchmarks/quality.py --set documents                 # benchmarks/gen_documents.py
    python benchmarks/quality.py --set accounts                  # benchmarks/gen_accounts.py
    PIMASK_BACKEND=reference python benchmarks/quality.py        # the reference engine

Values are synthetic, but error listings (``--errors N``) still show only entity, form
and offsets unless ``--show-values`` is given, like the rest of pimask.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pimask

_HERE = Path(__file__).resolve().parent


def _adversarial(per_category: int, seed: int) -> int:
    """``--adversarial``: the table of benchmarks/adversarial.py (fresh values per seed)."""
    spec = importlib.util.spec_from_file_location(
        "pimask_bench_adversarial", _HERE / "adversarial.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    engine = pimask.Engine()
    started = time.perf_counter()
    counts = module.evaluate(module.generate(per_category, seed), engine)
    print(f"adversarial: {per_category} cases per category, seed {seed}; "
          f"backend={engine.backend}; {time.perf_counter() - started:.1f} s")  # fmt: skip
    print()
    print(module.format_table(counts))
    return 0


def load_corpus_module():
    """Import benchmarks/corpus.py without making benchmarks/ a package."""
    spec = importlib.util.spec_from_file_location("pimask_bench_corpus", _HERE / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def load_generator(name: str):
    """Import benchmarks/gen_NAME.py, a corpus set whose ``generate(lines: int, seed: int)``
    yields records shaped like corpus.py's (id, kind, text, spans, negatives)."""
    path = _HERE / f"gen_{name}.py"
    if not path.is_file():
        raise SystemExit(f"no corpus set {name!r}: {path} not found")
    if str(_HERE) not in sys.path:
        sys.path.insert(0, str(_HERE))  # why: a generator may import corpus.py's helpers
    spec = importlib.util.spec_from_file_location(f"gen_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


@dataclass
class EntityCounts:
    gold: int = 0
    predicted: int = 0
    tp: int = 0
    partial: int = 0

    @property
    def fp(self) -> int:
        return self.predicted - self.tp

    @property
    def fn(self) -> int:
        return self.gold - self.tp

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ErrorCase:
    kind: str  # "fn", "fp", "partial", "negative", "confusion"
    record_id: int
    entity: str
    detail: str
    start: int
    end: int
    text: str


@dataclass
class Report:
    entities: dict[str, EntityCounts] = field(default_factory=lambda: defaultdict(EntityCounts))
    forms: dict[tuple[str, str], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    negative_hits: Counter[str] = field(default_factory=Counter)
    negative_totals: Counter[str] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[ErrorCase] = field(default_factory=list)
    lines: int = 0
    chars: int = 0
    seconds: float = 0.0

    @property
    def micro(self) -> EntityCounts:
        total = EntityCounts()
        for counts in self.entities.values():
            total.gold += counts.gold
            total.predicted += counts.predicted
            total.tp += counts.tp
            total.partial += counts.partial
        return total


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def evaluate(records: Iterable[dict], engine: pimask.Engine, *, keep_errors: int = 0) -> Report:
    """Scan every record's text and compare findings with its labels."""
    report = Report()
    started = time.perf_counter()
    for record in records:
        text: str = record["text"]
        report.lines += 1
        report.chars += len(text)
        gold = [(s, e, ent, form) for s, e, ent, form in record["spans"]]
        findings = engine.scan(text)
        exact = {(s, e, ent) for s, e, ent, _ in gold}
        found = {(f.start, f.end, f.entity) for f in findings}
        for s, e, ent, form in gold:
            counts = report.entities[ent]
            counts.gold += 1
            stats = report.forms[(ent, form)]
            stats[0] += 1
            if (s, e, ent) in found:
                stats[1] += 1
            elif len(report.errors) < keep_errors:
                report.errors.append(ErrorCase("fn", record["id"], ent, form, s, e, text))
        for finding in findings:
            key = (finding.start, finding.end, finding.entity)
            counts = report.entities[finding.entity]
            counts.predicted += 1
            if key in exact:
                counts.tp += 1
                continue
            same = [g for g in gold if _overlaps(finding.start, finding.end, g[0], g[1])]
            kind = "fp"
            if any(g[2] == finding.entity for g in same):
                counts.partial += 1
                kind = "partial"
            elif same:
                report.confusions[(same[0][2], finding.entity)] += 1
                kind = "confusion"
            for s, e, neg in record["negatives"]:
                if _overlaps(finding.start, finding.end, s, e):
                    report.negative_hits[neg] += 1
                    kind = "negative:" + neg
                    break
            if len(report.errors) < keep_errors:
                report.errors.append(
                    ErrorCase(
                        kind,
                        record["id"],
                        finding.entity,
                        f"{finding.explanation.pattern} score={finding.score}",
                        finding.start,
                        finding.end,
                        text,
                    )
                )
        for _s, _e, neg in record["negatives"]:
            report.negative_totals[neg] += 1
    report.seconds = time.perf_counter() - started
    return report


def format_table(report: Report, entities: Iterable[str]) -> str:
    rows = ["| entity | gold | found | TP | FP | FN | partial | precision | recall | F1 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    for entity in [*entities, "all (micro)"]:
        c = report.micro if entity == "all (micro)" else report.entities[entity]
        rows.append(
            f"| {entity} | {c.gold} | {c.predicted} | {c.tp} | {c.fp} | {c.fn} | {c.partial} "
            f"| {c.precision:.4f} | {c.recall:.4f} | {c.f1:.4f} |"
        )
    return "\n".join(rows)


def format_negatives(report: Report) -> str:
    rows = ["| hard negative | occurrences | findings on it |", "|---|---:|---:|"]
    for kind in sorted(report.negative_totals):
        rows.append(f"| {kind} | {report.negative_totals[kind]} | {report.negative_hits[kind]} |")
    return "\n".join(rows)


def format_forms(report: Report) -> str:
    rows = ["| entity | written form | gold | recall |", "|---|---|---:|---:|"]
    for (entity, form), (gold, hit) in sorted(report.forms.items()):
        rows.append(f"| {entity} | {form} | {gold} | {hit / gold:.4f} |")
    return "\n".join(rows)


def _read_jsonl(path: str) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                print(f"{path}:{number}: not a JSON object", file=sys.stderr)
                raise SystemExit(2) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="labeled JSONL from corpus.py --labeled")
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--heldout", action="store_true", help="same as --vocabulary heldout")
    parser.add_argument("--vocabulary", choices=("base", "heldout", "fresh"), default=None)
    parser.add_argument("--device", action="store_true",
                        help="IMSI / DEVICE_ID / GEO_COORDINATES and look-alikes")  # fmt: skip
    parser.add_argument("--adversarial", action="store_true",
                        help="adversarial spellings per category (benchmarks/adversarial.py): "
                        "values left readable beside P/R/F1")  # fmt: skip
    parser.add_argument("--per-category", type=int, default=200,
                        help="--adversarial: cases per category")  # fmt: skip
    parser.add_argument(
        "--set", metavar="NAME", help="corpus set benchmarks/gen_NAME.py (generate(lines, seed))"
    )
    parser.add_argument("--forms", action="store_true", help="also print recall per form")
    parser.add_argument("--errors", type=int, default=0, help="list up to N errors")
    parser.add_argument("--show-values", action="store_true", help="errors show the text")
    args = parser.parse_args(argv)

    if args.adversarial:
        return _adversarial(args.per_category, args.seed)
    if args.corpus:
        records: Iterable[dict] = _read_jsonl(args.corpus)
        source = args.corpus
    elif args.set:
        records = load_generator(args.set).generate(args.lines, args.seed)
        source = f"gen_{args.set}.py --lines {args.lines} --seed {args.seed}"
    elif args.device:
        records = load_corpus_module().generate_device_labeled(args.lines, args.seed)
        source = f"corpus.py --labeled --device --lines {args.lines} --seed {args.seed}"
    else:
        vocabulary = args.vocabulary or ("heldout" if args.heldout else "base")
        records = load_corpus_module().generate_labeled(
            args.lines, args.seed, vocabulary=vocabulary
        )
        source = (
            f"corpus.py --labeled --lines {args.lines} --seed {args.seed} --vocabulary {vocabulary}"
        )
    engine = pimask.Engine()
    report = evaluate(records, engine, keep_errors=args.errors)
    print(f"corpus: {source}; {report.lines} lines, {report.chars} chars")
    print(f"engine: backend={engine.backend} min_score={engine.min_score}; "
          f"python {platform.python_version()} on {platform.machine()}; "
          f"scan time {report.seconds:.1f} s")  # fmt: skip
    print()
    print(format_table(report, engine.entities))
    print()
    print(format_negatives(report))
    if report.confusions:
        print()
        print("confusions (labeled -> reported): " + ", ".join(
            f"{a}->{b}: {n}" for (a, b), n in report.confusions.most_common()
        ))  # fmt: skip
    if args.forms:
        print()
        print(format_forms(report))
    for case in report.errors:
        where = f"line {case.record_id} [{case.start}:{case.end}]"
        print(f"{case.kind:<22} {case.entity:<15} {case.detail:<28} {where}")
        if args.show_values:
            print(f"    {case.text[max(0, case.start - 40) : case.end + 20]!r}")
            print(f"    value={case.text[case.start : case.end]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
