"""pimask on real logs nobody here wrote (LogHub samples): false alarms and IPv4 recall.

Measurement only — never a test dependency. Point it at a folder with one sub-folder per
dataset (``Android/Android_2k.log`` …), e.g. the LogHub samples in ``../shared/data/loghub``:

    python benchmarks/loghub.py /work/shared/data/loghub

Two questions:

1. **False alarms.** These logs hold no Chinese personal data, yet are full of numbers that
   look like it (pids, block ids, epoch timestamps, counters, hex ids). Every
   CN_RESIDENT_ID, CN_MOBILE, BANK_CARD or IMEI finding at the default threshold is a false
   positive; the target is zero. So is every IMSI, DEVICE_ID, GEO_COORDINATES, CN_LANDLINE,
   CN_SERVICE_NUMBER, QQ_NUMBER or WECHAT_ID finding:
   the samples hold none, and their look-alikes (15-digit runs, hex ids, decimal numbers)
   are everywhere. The same holds for CN_PASSPORT, CN_TRAVEL_PERMIT, CN_LICENSE_PLATE and
   CN_USCC (letter + 8 digits codes, 18-character ids). Such findings are listed by
   dataset, line, pattern, score and context words — never by value.
2. **IPv4 recall**, against ground truth derived independently of the engine: every
   dotted quad matched by a strict regex — four 1-3 digit groups, not touching an ASCII
   letter, digit, underscore or a further ``.digit`` on either side — that the stdlib
   ``ipaddress.IPv4Address`` accepts (0-255, no leading zeros). A ground-truth address is
   *found* when an IP_ADDRESS finding has exactly its span (``covered`` counts findings
   that contain it, e.g. ``::ffff:1.2.3.4``). Recall = found / ground truth. IPv4
   findings outside the ground truth are reported too (``extra``), as are addresses written
   inside host names (``host-10-1-2-3``), which are not dotted quads and not counted.

The ground truth deliberately does not reuse pimask's patterns, boundaries or context
words; it is what a careful person would grep for.
"""

from __future__ import annotations

import argparse
import ipaddress
import platform
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pimask

CHINESE_PII = (
    "CN_RESIDENT_ID",
    "CN_MOBILE",
    "BANK_CARD",
    "IMEI",
    "IMSI",
    "DEVICE_ID",
    "GEO_COORDINATES",
    # issue 19 part C: documents, plates and (not personal, but absent too) credit codes
    "CN_PASSPORT",
    "CN_TRAVEL_PERMIT",
    "CN_LICENSE_PLATE",
    "CN_USCC",

    # issue 19 part D: contact accounts (a service number is an organisation's, but the
    # samples hold none either: every finding is a false alarm)
    "CN_LANDLINE",
    "CN_SERVICE_NUMBER",
    "QQ_NUMBER",
    "WECHAT_ID",
)

_STRICT_IPV4 = re.compile(
    r"(?<![A-Za-z0-9_.])([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})(?![A-Za-z0-9_]|\.[0-9])"
)
_HOSTNAME_IPV4 = re.compile(r"[A-Za-z]+-([0-9]{1,3}-[0-9]{1,3}-[0-9]{1,3}-[0-9]{1,3})(?![0-9])")


def ipv4_ground_truth(line: str) -> list[tuple[int, int]]:
    """Spans of the dotted-quad IPv4 addresses in ``line`` (independent of pimask)."""
    spans = []
    for match in _STRICT_IPV4.finditer(line):
        try:
            ipaddress.IPv4Address(match.group(1))
        except ValueError:
            continue
        spans.append(match.span(1))
    return spans


@dataclass
class DatasetReport:
    name: str
    lines: int = 0
    bytes: int = 0
    seconds: float = 0.0
    counts: Counter[str] = field(default_factory=Counter)
    ipv4_truth: int = 0
    ipv4_exact: int = 0
    ipv4_covered: int = 0
    ipv4_extra: int = 0
    hostname_ipv4: int = 0
    false_alarms: list[str] = field(default_factory=list)
    misses: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.ipv4_exact / self.ipv4_truth if self.ipv4_truth else 1.0


def _shape(text: str) -> str:
    """A value-free description of a missed address's surroundings (digits -> 9)."""
    return re.sub(r"[0-9]", "9", re.sub(r"[A-Za-z]", "a", text))


def measure(path: Path, engine: pimask.Engine) -> DatasetReport:
    report = DatasetReport(path.name)
    files = sorted(p for p in path.rglob("*") if p.is_file())
    started = time.perf_counter()
    for file in files:
        raw = file.read_bytes()
        report.bytes += len(raw)
        text = raw.decode("utf-8", errors="surrogateescape")
        for number, line in enumerate(text.splitlines(), 1):
            report.lines += 1
            findings = engine.scan(line)
            ip_spans = {(f.start, f.end) for f in findings if f.entity == "IP_ADDRESS"}
            truth = ipv4_ground_truth(line)
            report.ipv4_truth += len(truth)
            truth_set = set(truth)
            for start, end in truth:
                if (start, end) in ip_spans:
                    report.ipv4_exact += 1
                elif any(s <= start and end <= e for s, e in ip_spans):
                    report.ipv4_covered += 1
                else:
                    context = line[max(0, start - 12) : start] + "<IP>" + line[end : end + 8]
                    report.misses[_shape(context)] += 1
            report.hostname_ipv4 += len(_HOSTNAME_IPV4.findall(line))
            for finding in findings:
                report.counts[finding.entity] += 1
                span = (finding.start, finding.end)
                if (
                    finding.entity == "IP_ADDRESS"
                    and span not in truth_set
                    and "." in line[finding.start : finding.end]
                ):
                    report.ipv4_extra += 1
                if finding.entity in CHINESE_PII:
                    ex = finding.explanation
                    words = ",".join(hit.word for hit in ex.context) or "-"
                    report.false_alarms.append(
                        f"{file.name}:{number} {finding.entity} pattern={ex.pattern} "
                        f"score={finding.score} context={words}"
                    )
    report.seconds = time.perf_counter() - started
    return report


def format_counts(reports: list[DatasetReport], entities: tuple[str, ...]) -> str:
    head = "| dataset | lines | " + " | ".join(entities) + " |"
    rows = [head, "|---|---:|" + "---:|" * len(entities)]
    for r in reports:
        cells = " | ".join(str(r.counts[e]) for e in entities)
        rows.append(f"| {r.name} | {r.lines} | {cells} |")
    total = " | ".join(str(sum(r.counts[e] for r in reports)) for e in entities)
    rows.append(f"| **all** | {sum(r.lines for r in reports)} | {total} |")
    return "\n".join(rows)


def format_ipv4(reports: list[DatasetReport]) -> str:
    rows = [
        "| dataset | IPv4 ground truth | found (exact span) | covered | recall | extra IPv4 "
        "findings | IPs in host names (not counted) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in reports:
        rows.append(
            f"| {r.name} | {r.ipv4_truth} | {r.ipv4_exact} | {r.ipv4_covered} | "
            f"{r.recall:.4f} | {r.ipv4_extra} | {r.hostname_ipv4} |"
        )
    truth = sum(r.ipv4_truth for r in reports)
    exact = sum(r.ipv4_exact for r in reports)
    rows.append(
        f"| **all** | {truth} | {exact} | {sum(r.ipv4_covered for r in reports)} | "
        f"{exact / truth if truth else 1.0:.4f} | {sum(r.ipv4_extra for r in reports)} | "
        f"{sum(r.hostname_ipv4 for r in reports)} |"
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder with one sub-folder per dataset")
    parser.add_argument(
        "--min-score", type=float, default=None, help="threshold (default: the engine's)"
    )
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"{args.root}: not a folder", file=sys.stderr)
        return 2
    datasets = sorted(p for p in args.root.iterdir() if p.is_dir())
    if not datasets:
        print(f"{args.root}: no dataset sub-folders", file=sys.stderr)
        return 2
    engine = pimask.Engine() if args.min_score is None else pimask.Engine(min_score=args.min_score)
    reports = [measure(path, engine) for path in datasets]
    print(f"logs: {args.root} ({len(reports)} datasets)")
    print(f"engine: backend={engine.backend} min_score={engine.min_score}; "
          f"python {platform.python_version()} on {platform.machine()}")  # fmt: skip
    print()
    print("Findings per entity:")
    print()
    print(format_counts(reports, engine.entities))
    print()
    print("IPv4 recall:")
    print()
    print(format_ipv4(reports))
    alarms = [line for r in reports for line in r.false_alarms]
    print()
    print(f"Chinese-PII findings (target 0): {len(alarms)}")
    for line in alarms:
        print("  " + line)
    misses = Counter()
    for r in reports:
        misses.update(r.misses)
    if misses:
        print()
        print("IPv4 misses by surrounding shape (letters -> a, digits -> 9):")
        for shape, count in misses.most_common(20):
            print(f"  {count:5d}  {shape!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
