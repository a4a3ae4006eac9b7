"""Ceilings of each stage of the block path, in one process, on the same bytes.

Why: ``throughput.py`` times whole commands; this says what each stage alone would allow,
so "what bounds it" is measured rather than argued. Stages, each timed on the whole input
in blocks of the size ``pimask mask`` uses (256 KiB of whole lines), rounds interleaved:

* ``decode-encode`` — split into lines, decode and encode every line (any Python filter);
* ``hyperscan-noop`` — the Hyperscan database over every block with a callback that does
  nothing: the scan plus one Python call per superset match;
* ``flag`` — the Hyperscan line flagger (that, plus filing ends per line, folding);
* ``apply-hyperscan`` / ``apply-python`` — ``Engine.apply_block``: everything.

Run: ``python benchmarks/stages.py /tmp/bench20.log --repeat 3`` (``--smoke`` for seconds).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BLOCK = 256 * 1024


def _blocks(data: bytes) -> list[bytes]:
    blocks: list[bytes] = []
    start = 0
    while start < len(data):
        stop = data.rfind(b"\n", start, start + BLOCK)
        stop = len(data) if stop < 0 or start + BLOCK >= len(data) else stop + 1
        blocks.append(data[start:stop])
        start = stop
    return blocks


def _stages(blocks: list[bytes]) -> dict[str, Callable[[], int]]:
    """Stage name -> a run over every block returning a count (so nothing is optimised away)."""
    from pimask import Engine
    from pimask.backends import hyperscan_available

    def decode_encode() -> int:
        total = 0
        for block in blocks:
            for line in block.split(b"\n"):
                text = line.decode("utf-8", "surrogateescape")
                total += len(text.encode("utf-8", "surrogateescape"))
        return total

    stages: dict[str, Callable[[], int]] = {"decode-encode": decode_encode}
    if hyperscan_available():
        engine = Engine(backend="hyperscan")
        finder = engine._scanner.finder  # why: this benchmark times the internals
        database, scratch = finder._database, finder._scratch()
        calls = [0]

        def noop(*_args: object) -> None:
            calls[0] += 1

        def hyperscan_noop() -> int:
            calls[0] = 0
            for block in blocks:
                database.scan(block, match_event_handler=noop, scratch=scratch)
            return calls[0]

        def flag() -> int:
            return sum(len(finder.flag_lines(block)) for block in blocks)

        def apply_hyperscan() -> int:
            return sum(len(engine.apply_block(block).out) for block in blocks)

        stages.update(
            {"hyperscan-noop": hyperscan_noop, "flag": flag, "apply-hyperscan": apply_hyperscan}
        )
    python_engine = Engine(backend="python")

    def apply_python() -> int:
        return sum(len(python_engine.apply_block(block).out) for block in blocks)

    stages["apply-python"] = apply_python
    return stages


def run(data: bytes, repeat: int) -> dict:
    blocks = _blocks(data)
    stages = _stages(blocks)
    for stage in stages.values():  # warm: databases, caches, lazy imports
        stage()
    seconds: dict[str, list[float]] = {name: [] for name in stages}
    counts: dict[str, int] = {}
    for _round in range(repeat):
        for name, stage in stages.items():
            started = time.perf_counter()
            counts[name] = stage()
            seconds[name].append(time.perf_counter() - started)
    mb = len(data) / 1e6
    rows = []
    for name, runs in seconds.items():
        rows.append(
            {
                "stage": name,
                "median_mbps": mb / statistics.median(runs),
                "min_mbps": mb / max(runs),
                "max_mbps": mb / min(runs),
                "count": counts[name],
                "seconds": runs,
            }
        )
    return {
        "input_bytes": len(data),
        "blocks": len(blocks),
        "repeat": repeat,
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "stages": rows,
    }


def table(result: dict) -> str:
    lines = ["| stage | MB/s median | min | max | count |", "|---|---:|---:|---:|---:|"]
    for row in result["stages"]:
        lines.append(
            f"| {row['stage']} | {row['median_mbps']:,.2f} | {row['min_mbps']:,.2f} | "
            f"{row['max_mbps']:,.2f} | {row['count']:,} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="input log (see corpus.py)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (default 3)")
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
        repeat = 1
    elif args.file is None:
        parser.error("give an input file, or --smoke")
    else:
        data = args.file.read_bytes()
        repeat = args.repeat
    result = run(data, repeat)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
