"""``pimask check`` on a big, dense CSV export: time, MB/s, peak RSS and report size.

Writes a seeded CSV of ``--size`` bytes (the shape of a customer export: name, mobile,
resident ID, email, bank card, city, IP, note; nearly every row personal) and runs the
installed ``pimask check`` on it as a subprocess, measuring its peak RSS with
``resource.getrusage(RUSAGE_CHILDREN)`` and the bytes of its default report.

Targets of issue 17 (not timed tests): peak RSS < 200 MB whatever the size, report
<= 1 MB by default. Throughput is what it is until the native core lands.

    python benchmarks/check_export.py --size 50MB
    python benchmarks/check_export.py --smoke          # 300 KB, seconds
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # benchmarks/corpus.py: validated synthetic values

CITIES = ("北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安")
SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明"


def parse_size(text: str) -> int:
    units = {"KB": 1000, "MB": 1000**2, "GB": 1000**3}
    for unit, factor in units.items():
        if text.upper().endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def write_export(path: Path, size: int, seed: int = 17) -> int:
    """A dense CSV of about ``size`` bytes; returns the number of rows."""
    rng = random.Random(seed)
    header = "编号,姓名,手机号,身份证号,邮箱,银行卡号,城市,登录IP,备注\n"
    rows = 0
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        written += len(header.encode())
        while written < size:
            block = []
            for _ in range(1000):
                rows += 1
                name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
                mail, _ = corpus.email(rng)
                note = rng.choice(("", "VIP", "已回访", f"订单号{corpus.order_id(rng)}"))
                block.append(
                    f"{rows},{name},{corpus.mobile(rng)},{corpus.resident_id(rng)},{mail},"
                    f"{corpus.bank_card(rng)},{rng.choice(CITIES)},{corpus.ipv4(rng)},{note}\n"
                )
            text = "".join(block)
            handle.write(text)
            written += len(text.encode())
    return rows


def measure(path: Path, extra: list[str]) -> dict:
    command = [sys.executable, "-m", "pimask", "check", "--no-progress", *extra, str(path)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    size = path.stat().st_size
    return {
        "command": "pimask check --no-progress " + " ".join([*extra, path.name]),
        "exit": result.returncode,
        "bytes": size,
        "seconds": round(seconds, 1),
        "mb_per_s": round(size / 1e6 / seconds, 2),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "report_bytes": len(result.stdout),
        "report_lines": result.stdout.count(b"\n"),
        "machine": f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="50MB")
    parser.add_argument("--out", default="check-export.csv", help="where the CSV goes")
    parser.add_argument("--smoke", action="store_true", help="300 KB, seconds")
    args = parser.parse_args()
    size = parse_size("300KB" if args.smoke else args.size)
    path = Path(args.out)
    rows = write_export(path, size)
    report = measure(path, [])
    report["rows"] = rows
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if report["exit"] == 1 else 1  # a dense export must fail the check


if __name__ == "__main__":
    sys.exit(main())
