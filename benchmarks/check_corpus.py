"""Seeded dense CSV export for timing ``pimask check``: nearly every row holds personal values.

Why a separate generator: ``corpus.py`` writes logs, where one line in five holds a value;
``pimask check`` is run on exports and tables, where every row does, in fixed columns, and
the reader (CSV cells, column names as context) is part of the cost. This writes the shape
of such an export — an id, columns that are not personal (timestamps, status, amounts,
order numbers, city), then ``phone``, ``id_card``, ``email``, ``card``, ``ip``, ``imei``,
``mac`` and a free-text ``note`` mixing Chinese and English, sometimes with a value or a
look-alike (order id, epoch-ms timestamp) in it. No name column: names are not what the
pattern engine measures.

Every value is synthetic and checksum-valid (``benchmarks/corpus.py`` builds them: resident
IDs with a correct GB 11643 check character and a real birth date, cards and IMEIs with a
correct Luhn digit, mobiles in allocated segments); some cells are empty, as in real
exports. The same ``--seed`` always gives the same bytes.

    python benchmarks/check_corpus.py --size 50MB --seed 1 --out /tmp/bench/check50.csv
    pimask check /tmp/bench/check50.csv      # exits 1: the export holds personal values
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import BinaryIO

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # benchmarks/corpus.py: validated synthetic values

HEADER = "id,created_at,status,amount,order_no,city,phone,id_card,email,card,ip,imei,mac,note\n"
STATUSES = ("paid", "refunded", "pending", "closed", "已发货", "待审核")
CITIES = ("北京", "上海", "广州", "深圳", "杭州", "成都", "Wuhan", "Xi'an")
NOTES = (
    "",
    "",
    "VIP",
    "已回访",
    "customer asked for an invoice",
    "客户要求开具发票",
    "地址变更，见工单",
    "callback requested after 18:00",
)


def _note(rng: random.Random) -> str:
    """Free text, sometimes holding a value or a look-alike (quoted: it may hold commas)."""
    roll = rng.random()
    if roll < 0.15:
        text = f"备用手机 {corpus.mobile(rng)}，请联系"
    elif roll < 0.25:
        text = f"refund to card {corpus.bank_card(rng)}, ticket {corpus.order_id(rng)}"
    elif roll < 0.30:
        text = f"登录设备 IMEI:{corpus.imei(rng)} ts={corpus.epoch_ms(rng)}"
    elif roll < 0.35:
        mail, _form = corpus.email(rng)
        text = f"cc {mail}; trace {corpus.uuid4(rng)}"
    else:
        text = rng.choice(NOTES)
    return f'"{text}"' if "," in text or "，" in text else text


def _mac(rng: random.Random) -> str:
    raw = corpus.mac(rng)
    return ":".join(raw[i : i + 2] for i in range(0, 12, 2))


def _row(rng: random.Random, number: int) -> str:
    """One CSV row; about one cell in twelve is empty."""

    def maybe(value: str) -> str:
        return "" if rng.random() < 0.08 else value

    created = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:"
    created += f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    mail, _form = corpus.email(rng)
    cells = (
        str(number),
        created,
        rng.choice(STATUSES),
        f"{rng.randint(1, 99999)}.{rng.randint(0, 99):02d}",
        corpus.order_id(rng),
        rng.choice(CITIES),
        maybe(corpus.mobile(rng)),
        maybe(corpus.resident_id(rng)),
        maybe(mail),
        maybe(corpus.bank_card(rng)),
        maybe(corpus.ipv4(rng)),
        maybe(corpus.imei(rng)) if rng.random() < 0.5 else "",
        maybe(_mac(rng)) if rng.random() < 0.3 else "",
        _note(rng),
    )
    return ",".join(cells) + "\n"


def write_check_csv(out: BinaryIO, size: int, seed: int = 1) -> tuple[int, int]:
    """Write at least ``size`` bytes (whole rows, header first) to ``out``: (rows, bytes)."""
    rng = random.Random(seed)
    written = out.write(HEADER.encode("utf-8"))
    rows = 0
    while written < size:
        chunk = []
        for _ in range(1000):
            rows += 1
            chunk.append(_row(rng, rows))
        written += out.write("".join(chunk).encode("utf-8"))
    return rows, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=corpus.parse_size, default=corpus.parse_size("50MB"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="where the CSV goes")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with args.out.open("wb") as handle:
        rows, written = write_check_csv(handle, args.size, args.seed)
    elapsed = time.perf_counter() - started
    print(f"{args.out}: {rows:,} rows, {written / 1e6:.1f} MB in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
