"""Field-driven PERSON and ADDRESS on a generated customer export (issue 20).

Writes a seeded CSV and a JSON Lines export whose columns and keys hold names, addresses,
product names, user handles, host and file names, under honest headers (姓名, receiver_name,
收货地址, Shipping Address) and misleading ones (a ``name`` column of products,
``username``, ``host``, ``file_name``, ``product_name``, ``remote_addr``), then runs the real
``pimask check --format json --max-findings 0`` on both and scores every cell: a finding of
PERSON (ADDRESS) in a cell whose value is a person (an address) is a true positive, in any
other cell a false positive; a person (address) cell without one is a false negative. A
finding that does not cover the whole value counts as a true positive and is counted again
under "partial". Every value is synthetic.

Targets of issue 20 (not timed tests): F1 >= 0.98 for PERSON and ADDRESS, and no finding in
the columns that hold non-persons under person-looking keys.

    python benchmarks/gen_export.py --rows 5000 --seed 7
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓"
    "曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖"
    "高金石方白万武常温康"  # in the "rare" tier of the surname list: strict under `name`
)
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "东方", "慕容", "令狐", "皇甫", "尉迟", "公孙"]
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国文斌"
    "辉玉萍红鹏飞宇浩然子轩欣怡梓涵晨阳佳琪思雨嘉俊博凯鑫"
)
JOINED = ["艾力·买买提", "阿依古丽·吐尔逊", "迪丽热巴·迪力木拉提", "穆罕默德·阿卜杜拉",
          "古丽娜扎·阿不都"]  # fmt: skip
FIRST = ["John", "Mary", "David", "Linda", "James", "Susan", "Robert", "Karen", "Michael",
         "Emily", "Daniel", "Olivia", "Wei", "Lei", "Ming",
         "Xiaoming", "Priya", "Hiroshi", "Oksana", "Mateo"]  # not in GIVEN_NAMES  # fmt: skip
LAST = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Moore", "Clark", "Lewis", "Walker",
        "Young", "Zhang", "Wang", "Chen", "Liu"]  # fmt: skip
AREAS = [
    ("北京市", ["海淀区", "朝阳区", "东城区", "丰台区"]),
    ("上海市", ["浦东新区", "徐汇区", "静安区"]),
    ("广东省深圳市", ["南山区", "福田区", "宝安区"]),
    ("浙江省杭州市", ["西湖区", "余杭区", "滨江区"]),
    ("四川省成都市", ["武侯区", "锦江区", "双流县"]),
    ("江苏省南京市", ["鼓楼区", "玄武区"]),
]
ROADS = ["中关村大街", "建国路", "世纪大道", "科技园路", "文三路", "人民南路", "中山东路", "长安街",
         "解放路", "花园巷", "幸福里弄"]  # fmt: skip
STREETS = ["Main Street", "Oak Avenue", "Baker St", "Park Road", "Elm Drive", "Lake Blvd"]
CITIES = ["Springfield", "Riverside", "Greenville", "Fairview"]
PRODUCTS = ["小米手环", "iPhone 15", "华为 Mate 60", "Apple Watch", "王者荣耀", "金龙鱼",
            "华为", "Galaxy Buds", "AirPods Pro", "戴森吹风机", "李宁运动鞋", "周大福项链",
            "张小泉剪刀", "王老吉", "农夫山泉", "Kindle Paperwhite", "MacBook Air",
            "小米 14"]  # fmt: skip
APPS = ["王者荣耀", "微信", "支付宝", "高德地图", "美团外卖", "Google Maps"]


def person(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.62:
        return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
    if kind < 0.72:
        return rng.choice(COMPOUND) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
    if kind < 0.8:
        return rng.choice(JOINED)
    return " ".join([rng.choice(FIRST), *([rng.choice(FIRST)] * (rng.random() < 0.1)),
                     rng.choice(LAST)])  # fmt: skip


def address(rng: random.Random) -> str:
    if rng.random() < 0.8:
        area, districts = rng.choice(AREAS)
        tail = f"{rng.choice(ROADS)}{rng.randint(1, 999)}号"
        if rng.random() < 0.5:
            tail += f"{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(101, 2808)}室"
        return area + rng.choice(districts) + tail
    street = f"{rng.randint(1, 999)} {rng.choice(STREETS)}"
    if rng.random() < 0.5:
        street = f"Apt {rng.randint(1, 40)}, {street}"
    return f"{street}, {rng.choice(CITIES)}"


def handle(rng: random.Random) -> str:
    return rng.choice(["zhangwei", "li_na", "wangfang", "chen.jie", "liu88", "momo", "dev"]) + str(
        rng.randint(1, 9999)
    )


def host(rng: random.Random) -> str:
    return f"{rng.choice(['web', 'db', 'cache', 'api'])}-{rng.randint(1, 99):02d}.prod.example.com"


def file_name(rng: random.Random) -> str:
    stem = rng.choice(["张伟", "合同", "report", "invoice", "李娜简历"])
    return f"{stem}_{rng.randint(1, 999)}.pdf"


def ip(rng: random.Random) -> str:
    return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}:8080"


# (header, truth, generator): truth is PERSON, ADDRESS or None (must stay unreported)
CSV_COLUMNS = [
    ("姓名", "PERSON", person),
    ("receiver_name", "PERSON", person),
    ("Customer Name", "PERSON", person),
    ("联系人", "PERSON", person),
    ("收货地址", "ADDRESS", address),
    ("Shipping Address", "ADDRESS", address),
    ("name", None, lambda rng: rng.choice(PRODUCTS)),
    ("product_name", None, lambda rng: rng.choice(PRODUCTS)),
    ("username", None, handle),
    ("user_name", None, handle),
    ("host", None, host),
    ("hostname", None, host),
    ("file_name", None, file_name),
    ("app_name", None, lambda rng: rng.choice(APPS)),
    ("remote_addr", None, ip),
]


def json_record(rng: random.Random, index: int) -> tuple[dict, dict[str, str | None]]:
    """One nested order and the truth per last key segment."""
    record = {
        "id": index,
        "receiver": {"name": person(rng), "address": address(rng)},
        "contact": person(rng),
        "items": [{"name": rng.choice(PRODUCTS), "sku_name": rng.choice(PRODUCTS)}],
        "server": {"host": host(rng), "file_name": file_name(rng), "ip_address": ip(rng)},
        "account": {"nick_name": handle(rng), "username": handle(rng)},
    }
    truth = {
        "receiver.name": "PERSON",
        "receiver.address": "ADDRESS",
        "contact": "PERSON",
        "items[0].name": None,
        "items[0].sku_name": None,
        "server.host": None,
        "server.file_name": None,
        "server.ip_address": None,
        "account.nick_name": None,
        "account.username": None,
    }
    return record, truth


def write(directory: Path, rows: int, seed: int) -> tuple[Path, Path, dict]:
    rng = random.Random(seed)
    import csv

    csv_path = directory / "export.csv"
    truth: dict = {"csv": {}, "json": {}}
    with csv_path.open("w", encoding="utf-8", newline="") as handle_:
        writer = csv.writer(handle_)
        writer.writerow([header for header, _t, _g in CSV_COLUMNS])
        for _row in range(rows):
            writer.writerow([generate(rng) for _h, _t, generate in CSV_COLUMNS])
    json_path = directory / "orders.jsonl"
    with json_path.open("w", encoding="utf-8") as handle_:
        for index in range(rows):
            record, cell_truth = json_record(rng, index)
            handle_.write(json.dumps(record, ensure_ascii=False) + "\n")
            truth["json"] = cell_truth
    truth["csv"] = {header: kind for header, kind, _g in CSV_COLUMNS}
    return csv_path, json_path, truth


def run_check(paths: list[Path]) -> dict:
    from pimask.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--no-progress", "--format", "json", "--show-values",
              "--max-findings", "0", *map(str, paths)])  # fmt: skip
    return json.loads(out.getvalue())


def _field_key(field: str) -> str:
    """A JSON report field (``$.receiver.name`` or similar) as the truth's path."""
    return field.removeprefix("$").removeprefix(".")


def score(report: dict, rows: int, truth: dict, values: dict) -> dict:
    """Cell-level TP/FP/FN per entity, and findings per non-person column."""
    found: dict[tuple[str, object, str], set[str]] = {}
    partial: Counter[str] = Counter()
    for hit in report["findings"]:
        kind = "csv" if hit["file"].endswith(".csv") else "json"
        where = hit["row"] if kind == "csv" else hit["line"]
        column = hit["field"] if kind == "csv" else _field_key(hit["field"])
        found.setdefault((kind, where, column), set()).add(hit["entity"])
        if hit["entity"] in ("PERSON", "ADDRESS") and values.get((kind, where, column)) not in (
            None,
            hit["value"],
        ):
            partial[hit["entity"]] += 1
    counts = {entity: Counter() for entity in ("PERSON", "ADDRESS")}
    wrong_columns: Counter[str] = Counter()
    missed_columns: Counter[str] = Counter()
    for kind, columns in truth.items():
        for where in range(1, rows + 1):
            for column, expected in columns.items():
                entities = found.get((kind, where, column), set())
                for entity, tally in counts.items():
                    if entity in entities:
                        tally["tp" if expected == entity else "fp"] += 1
                    elif expected == entity:
                        tally["fn"] += 1
                        missed_columns[f"{kind}:{column}"] += 1
                if expected is None and entities & {"PERSON", "ADDRESS"}:
                    wrong_columns[f"{kind}:{column}"] += 1
    result: dict = {}
    for entity, tally in counts.items():
        tp, fp, fn = tally["tp"], tally["fp"], tally["fn"]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[entity] = {"tp": tp, "fp": fp, "fn": fn, "partial": partial[entity],
                          "precision": round(precision, 4), "recall": round(recall, 4),
                          "f1": round(f1, 4)}  # fmt: skip
    result["findings_in_non_person_columns"] = dict(wrong_columns)
    result["missed_per_column"] = dict(missed_columns)
    return result


def cell_values(csv_path: Path, json_path: Path) -> dict:
    """(kind, row or line, column) -> the value, to tell whole-value findings from partial."""
    import csv

    values: dict = {}
    with csv_path.open(encoding="utf-8", newline="") as handle_:
        reader = csv.reader(handle_)
        headers = next(reader)
        for row, cells in enumerate(reader, start=1):
            for header, cell in zip(headers, cells, strict=True):
                values[("csv", row, header)] = cell
    with json_path.open(encoding="utf-8") as handle_:
        for line, text in enumerate(handle_, start=1):
            record = json.loads(text)
            values[("json", line, "receiver.name")] = record["receiver"]["name"]
            values[("json", line, "receiver.address")] = record["receiver"]["address"]
            values[("json", line, "contact")] = record["contact"]
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the exports here and keep them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        directory = args.keep or Path(temp)
        directory.mkdir(parents=True, exist_ok=True)
        csv_path, json_path, truth = write(directory, args.rows, args.seed)
        report = run_check([csv_path, json_path])
        result = score(report, args.rows, truth, cell_values(csv_path, json_path))
    result["command"] = f"python benchmarks/gen_export.py --rows {args.rows} --seed {args.seed}"
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
