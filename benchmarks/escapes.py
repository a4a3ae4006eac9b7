"""The labeled corpus written escaped: recall on URL-encoded and ``\\uXXXX`` spellings, leaks.

Each line of the labeled corpus (``corpus.py --labeled``) is rewritten in one of four
spellings, labels moved with it:

* ``url-line``: the whole line percent-encoded as ``urllib.parse.quote(..., safe="")``
  writes it (a log line copied out of a query string: 汉字 context words, spaces and ``=``
  escaped too);
* ``url-values``: only the labeled values percent-encoded (``tel=%2B86…``, ``%40``);
* ``json-line``: the line as the body of a JSON string written with ``ensure_ascii``
  (context words become ``\\u624b…``, quotes and backslashes escaped);
* ``json-values``: every character of each labeled value as a ``\\uXXXX`` escape.

A value is **left readable** when, in the masked output with its escapes decoded,
separators and invisible characters removed, its digits (or the e-mail local part) still
appear contiguous — the definition of issue 16.

    python benchmarks/escapes.py --lines 5000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from urllib.parse import quote

import pimask
from pimask.normalize import clean

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality

Spelling = Callable[[str], str]


def _url(text: str) -> str:
    return quote(text, safe="")


def _json_body(text: str) -> str:
    return json.dumps(text, ensure_ascii=True)[1:-1]


def _u_all(text: str) -> str:
    return "".join(_json_body(ch) if ord(ch) > 0xFFFF else f"\\u{ord(ch):04x}" for ch in text)


def _same(text: str) -> str:
    return text


# spelling -> (outside the labeled values, the labeled values)
SPELLINGS: dict[str, tuple[Spelling, Spelling]] = {
    "url-line": (_url, _url),
    "url-values": (_same, _url),
    "json-line": (_json_body, _json_body),
    "json-values": (_same, _u_all),
}


def respelled(record: dict, outside: Spelling, inside: Spelling) -> dict:
    """``record`` with its text rewritten piece by piece and its spans moved along."""
    text: str = record["text"]
    cuts = sorted(
        {0, len(text)}
        | {p for s, e, *_ in record["spans"] for p in (s, e)}
        | {p for s, e, _ in record["negatives"] for p in (s, e)}
    )
    labeled = {(s, e) for s, e, *_ in record["spans"]}
    moved: dict[int, int] = {}
    out: list[str] = []
    size = 0
    for start, end in pairwise(cuts):
        moved[start] = size
        piece = text[start:end]
        inside_value = any(s <= start and end <= e for s, e in labeled)
        piece = inside(piece) if inside_value else outside(piece)
        out.append(piece)
        size += len(piece)
    moved[len(text)] = size
    return {
        "id": record["id"],
        "kind": record["kind"],
        "text": "".join(out),
        "spans": [[moved[s], moved[e], ent, form] for s, e, ent, form in record["spans"]],
        "negatives": [[moved[s], moved[e], kind] for s, e, kind in record["negatives"]],
        "values": [text[s:e] for s, e, *_ in record["spans"]],
    }


_LAYOUT = re.compile(r"[\s\-+.()/:]")


def left_readable(value: str, masked: str) -> bool:
    """Issue 16's definition: the value's digits or local part contiguous in the output."""
    flat = _LAYOUT.sub("", clean(masked))
    if "@" in value:
        local = _LAYOUT.sub("", clean(value.split("@")[0]))
        # why: the first character is what the display mask keeps
        return len(local) > 1 and local[1:] + "@" in flat
    digits = re.sub(r"[^0-9Xx]", "", clean(value))
    return len(digits) >= 7 and digits in flat


def run(records: Iterable[dict], engine: pimask.Engine, spelling: str) -> tuple[object, Counter]:
    outside, inside = SPELLINGS[spelling]
    rewritten = [respelled(record, outside, inside) for record in records]
    report = quality.evaluate(rewritten, engine)
    leaks: Counter = Counter()
    for record in rewritten:
        masked = engine.mask(record["text"])
        for value, (_s, _e, entity, _form) in zip(record["values"], record["spans"], strict=True):
            if entity != "IP_ADDRESS" and left_readable(value, masked):
                leaks[entity] += 1
    return report, leaks


def _records(lines: int, seed: int) -> Iterator[dict]:
    return quality.load_corpus_module().generate_labeled(lines, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    engine = pimask.Engine()
    records = list(_records(args.lines, args.seed))
    print(f"corpus: corpus.py --labeled --lines {args.lines} --seed {args.seed}; "
          f"engine: backend={engine.backend}")  # fmt: skip
    entities = sorted({s[2] for r in records for s in r["spans"]})
    print()
    print("| spelling | " + " | ".join(f"{e} F1" for e in entities) + " | left readable |")
    print("|---|" + "---:|" * (len(entities) + 1))
    for spelling in ("plain", *SPELLINGS):
        if spelling == "plain":
            report = quality.evaluate(records, engine)
            leaks: Counter = Counter()
            for record in records:
                masked = engine.mask(record["text"])
                for s, e, entity, _ in record["spans"]:
                    if entity != "IP_ADDRESS" and left_readable(record["text"][s:e], masked):
                        leaks[entity] += 1
        else:
            report, leaks = run(records, engine, spelling)
        cells = [f"{report.entities[e].f1:.4f}" for e in entities]
        leak_text = ", ".join(f"{e} {n}" for e, n in sorted(leaks.items())) or "0"
        print(f"| {spelling} | " + " | ".join(cells) + f" | {leak_text} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
