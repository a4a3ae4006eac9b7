"""What each recognizer adds to the block path: CPU of ``Engine.apply_block`` per variant.

Why: a recognizer's cost is not its own regex alone (its keys join the shared key automaton,
an ungated shape adds an alphabet to every block's one-pass runs, each ``requires_any`` list
is one more pass), so it is measured as the whole block path with and without it. Variants:
``all`` (the built-ins), ``none`` (the ``--ids`` switched off) and ``+ID`` (``none`` plus that
one recognizer). One process, the same engines for every round, rounds interleaved (every
round runs every variant in turn), the input cut into blocks of ``--block`` bytes at line
ends as ``pimask mask`` reads it; process CPU time, median and minimum of the rounds.
Timings on a shared machine are noisy: compare variants of the same run only.

    python benchmarks/corpus.py --size 8MB --seed 2 --out /tmp/bench/c8.log
    python benchmarks/recognizer_cost.py /tmp/bench/c8.log --repeat 9 \\
        --ids cn_passport,cn_travel_permit,cn_uscc,cn_license_plate,cn_landline
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from pimask import Engine


def blocks(data: bytes, size: int) -> list[bytes]:
    """``data`` cut at the first line end after every ``size`` bytes."""
    out = []
    start = 0
    while start < len(data):
        newline = data.find(b"\n", start + size)
        stop = len(data) if newline < 0 else newline + 1
        out.append(data[start:stop])
        start = stop
    return out


def variants(ids: list[str]) -> dict[str, list[str]]:
    """Variant name -> the recognizer ids it switches off."""
    out = {"all": [], "none": list(ids)}
    for keep in ids:
        out[f"+{keep}"] = [other for other in ids if other != keep]
    return out


def measure(chunks: list[bytes], disabled: dict[str, list[str]], repeat: int) -> dict:
    engines = {name: Engine(disabled=off) for name, off in disabled.items()}
    times: dict[str, list[float]] = {name: [] for name in engines}
    for _ in range(repeat):
        for name, engine in engines.items():
            started = time.process_time()
            for chunk in chunks:
                engine.apply_block(chunk)
            times[name].append(time.process_time() - started)
    return {name: (statistics.median(v), min(v)) for name, v in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--ids", required=True, help="comma-separated recognizer ids")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--block", type=int, default=256 * 1024, help="bytes per block")
    args = parser.parse_args(argv)
    chunks = blocks(args.file.read_bytes(), args.block)
    results = measure(chunks, variants(args.ids.split(",")), args.repeat)
    floor = results["none"][0]
    print("| variant | median CPU s | min CPU s | vs none |")
    print("|---|---|---|---|")
    for name, (median, low) in results.items():
        print(f"| {name} | {median:.3f} | {low:.3f} | {median - floor:+.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
