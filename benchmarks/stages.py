"""Ceilings of each stage of the native block path, in one process, on the same bytes.

Why: ``throughput.py`` times whole commands (start-up, reading, writing, workers); this says
what each stage alone would allow, so "what bounds it" is measured rather than argued, and
it separates the Rust core from the Python around it. Rounds are interleaved (every round
runs every stage once), each stage is warmed on two blocks first, and MB/s is input bytes
over the stage's time. Blocks are 256 KiB of whole lines, as ``pimask mask`` cuts them.

* ``decode-encode`` — split into lines, decode and encode every line: the floor of any
  Python filter that looks at lines as ``str``;
* ``core-mask-block`` — ``Engine()._scanner.core.mask_block(block, threshold_bp, today)``
  called directly: the core finds, validates, scores, resolves and display-masks the block
  with the GIL released; no Python per line;
* ``core-scan-block`` — ``core.scan_block``: findings only, as tuples (what policies use);
  its count is findings, ``core-mask-block``'s the values it masked (the same number);
* ``apply-block`` / ``apply-block-deidentify`` — ``Engine.apply_block(block[, policy])``
  end to end: the default policy is ``mask_block`` plus a Counter; ``deidentify`` scans,
  then decodes each line holding a finding and runs the keyed operators in Python
  (``PIMASK_KEY`` is set to a synthetic key for this process when unset);
* ``reference-apply-block`` — the same on the pure-Python reference engine, on the first
  ``--slice-bytes`` only (it is slow); its output is compared with the native engine's;
* ``mask-per-line`` / ``mask-per-line-deidentify`` — ``pimask.mask(line[, "deidentify"])``
  once per line (already a ``str``): the logging-filter path, one core call per line.

Run: ``python benchmarks/stages.py /tmp/bench/c100.log --repeat 3`` (``--smoke``: seconds).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BLOCK = 256 * 1024
ENCODING, ERRORS = "utf-8", "surrogateescape"


@dataclass
class Stage:
    """A stage: a function over items returning a count (so nothing is optimised away)."""

    name: str
    run: Callable[[Sequence[Any]], int]
    items: Sequence[Any]
    bytes: int
    lines: int
    input: str = "file"


def _blocks(data: bytes) -> list[bytes]:
    blocks: list[bytes] = []
    start = 0
    while start < len(data):
        stop = data.rfind(b"\n", start, start + BLOCK)
        stop = len(data) if stop < 0 or start + BLOCK >= len(data) else stop + 1
        blocks.append(data[start:stop])
        start = stop
    return blocks


def _line_count(data: bytes) -> int:
    return data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)


def _whole_lines(data: bytes, limit: int) -> bytes:
    if len(data) <= limit:
        return data
    cut = data.rfind(b"\n", 0, limit)
    return data[: cut + 1] if cut >= 0 else data[:limit]


def build_stages(data: bytes, slice_bytes: int) -> tuple[list[Stage], dict[str, object]]:
    """The stages over ``data``, and checks made while building them (not timed)."""
    import pimask
    from pimask import Engine
    from pimask.backends.native import today

    # why: the keyed policy needs a key; a synthetic one, never printed
    os.environ.setdefault("PIMASK_KEY", "k1:" + secrets.token_urlsafe(24))
    blocks = _blocks(data)
    size, lines = len(data), _line_count(data)
    engine = Engine()
    scanner = engine._scanner  # why: this benchmark times the internals
    core = scanner.core
    threshold = scanner.threshold(None)
    date = today()
    texts = [line.decode(ENCODING, ERRORS) for line in data.split(b"\n")]
    if data.endswith(b"\n"):
        texts.pop()

    def decode_encode(items: Sequence[bytes]) -> int:
        total = 0
        for block in items:
            for line in block.split(b"\n"):
                total += len(line.decode(ENCODING, ERRORS).encode(ENCODING, ERRORS))
        return total

    def core_mask(items: Sequence[bytes]) -> int:
        total = 0
        for block in items:
            _out, _lines, counts = core.mask_block(block, threshold, date)
            total += sum(count for _entity, count in counts)
        return total

    def core_scan(items: Sequence[bytes]) -> int:
        # one (line, start, end, findings) tuple per line that holds findings
        total = 0
        for block in items:
            total += sum(len(found) for *_where, found in core.scan_block(block, threshold, date))
        return total

    def apply(items: Sequence[bytes]) -> int:
        return sum(len(engine.apply_block(block).out) for block in items)

    def apply_deidentify(items: Sequence[bytes]) -> int:
        return sum(len(engine.apply_block(block, "deidentify").out) for block in items)

    reference = Engine(backend="reference")
    piece = _whole_lines(data, slice_bytes)
    piece_blocks = _blocks(piece)

    def reference_apply(items: Sequence[bytes]) -> int:
        return sum(len(reference.apply_block(block).out) for block in items)

    def per_line(items: Sequence[str]) -> int:
        mask = pimask.mask
        return sum(len(mask(text)) for text in items)

    def per_line_deidentify(items: Sequence[str]) -> int:
        mask = pimask.mask
        return sum(len(mask(text, "deidentify")) for text in items)

    stages = [
        Stage("decode-encode", decode_encode, blocks, size, lines),
        Stage("core-mask-block", core_mask, blocks, size, lines),
        Stage("core-scan-block", core_scan, blocks, size, lines),
        Stage("apply-block", apply, blocks, size, lines),
        Stage("apply-block-deidentify", apply_deidentify, blocks, size, lines),
        Stage("reference-apply-block", reference_apply, piece_blocks, len(piece), 0, "slice"),
        Stage("mask-per-line", per_line, texts, size, lines),
        Stage("mask-per-line-deidentify", per_line_deidentify, texts, size, lines),
    ]
    stages[5].lines = _line_count(piece)
    native_piece = b"".join(engine.apply_block(block).out for block in piece_blocks)
    reference_piece = b"".join(reference.apply_block(block).out for block in piece_blocks)
    checks = {"reference_matches_native_on_slice": native_piece == reference_piece}
    return stages, checks


def _commit() -> str | None:
    """The checkout's commit, or None outside git (then pass ``--commit``)."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    argv = ["git", "-C", str(root), "rev-parse", "--short", "HEAD"]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    return done.stdout.strip() or None if done.returncode == 0 else None


def run(data: bytes, repeat: int, slice_bytes: int, commit: str | None = None) -> dict[str, object]:
    stages, checks = build_stages(data, slice_bytes)
    for stage in stages:  # warm: compiled policies, caches, lazy imports
        stage.run(stage.items[:2])
    seconds: dict[str, list[float]] = {stage.name: [] for stage in stages}
    counts: dict[str, int] = {}
    for _round in range(repeat):
        for stage in stages:
            started = time.perf_counter()
            counts[stage.name] = stage.run(stage.items)
            seconds[stage.name].append(time.perf_counter() - started)
    rows = []
    for stage in stages:
        runs = seconds[stage.name]
        mb = stage.bytes / 1e6
        rows.append(
            {
                "stage": stage.name,
                "input": stage.input,
                "bytes": stage.bytes,
                "lines": stage.lines,
                "median_mbps": mb / statistics.median(runs),
                "min_mbps": mb / max(runs),
                "max_mbps": mb / min(runs),
                "us_per_line": statistics.median(runs) / max(stage.lines, 1) * 1e6,
                "count": counts[stage.name],
                "seconds": runs,
            }
        )
    return {
        "input_bytes": len(data),
        "blocks": len(_blocks(data)),
        "repeat": repeat,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "commit": commit or _commit(),
        },
        "checks": checks,
        "stages": rows,
    }


def table(result: dict[str, Any]) -> str:
    lines = [
        "| stage | input MB | MB/s median | min | max | µs/line | count |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in result["stages"]:
        where = f"{row['bytes'] / 1e6:,.1f}" + (" (slice)" if row["input"] == "slice" else "")
        lines.append(
            f"| {row['stage']} | {where} | {row['median_mbps']:,.2f} | {row['min_mbps']:,.2f} "
            f"| {row['max_mbps']:,.2f} | {row['us_per_line']:,.2f} | {row['count']:,} |"
        )
    return "\n".join(lines)


def _size(text: str) -> int:
    units = {"KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000}
    for unit, factor in units.items():
        if text.upper().endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="input log (see corpus.py)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument(
        "--slice-bytes", type=_size, default=_size("2MB"), help="the reference engine's share"
    )
    parser.add_argument("--commit", help="record this as the measured commit (default: git)")
    parser.add_argument("--json", type=Path, help="write the runs here")
    parser.add_argument("--smoke", action="store_true", help="tiny generated input, 1 round")
    args = parser.parse_args(argv)
    if args.smoke:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import io

        import corpus  # type: ignore[import-not-found]

        buffer = io.BytesIO()
        corpus.write_throughput(buffer, 200_000, seed=1, pool_size=500)
        data = buffer.getvalue()
        repeat, slice_bytes = 1, min(args.slice_bytes, 50_000)
    elif args.file is None:
        parser.error("give an input file, or --smoke")
    else:
        data = args.file.read_bytes()
        repeat, slice_bytes = args.repeat, args.slice_bytes
    result = run(data, repeat, slice_bytes, args.commit)
    print(f"input {len(data) / 1e6:.1f} MB, {repeat} interleaved rounds; {result['checks']}")
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
