"""Detection quality on a small seeded labeled corpus, and the corpus generator itself.

The full measurement (20,000 lines, tables in docs/quality.md) is
``python benchmarks/quality.py``; this is the few-second version that keeps the numbers
from regressing: per-entity F1 ≥ 0.99 with exact spans, and no finding at all on a hard
negative (order ids, hashes, UUIDs, versions, wrong check digits …). It runs on every
scanner backend available here, since all must give the same findings.
"""

from __future__ import annotations

import importlib.util
import io
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pimask
from pimask import validators
from pimask.normalize import fold

_BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
_LINES = 2500
_SEED = 20241122


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"pimask_bench_{name}", _BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load("corpus")
quality = _load("quality")


def _backends() -> list[str]:
    try:
        from pimask.backends import available_backends
    except ImportError:  # an engine without pluggable backends: its default only
        return ["default"]
    return list(available_backends())


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return list(corpus.generate_labeled(_LINES, _SEED))


@pytest.fixture(scope="module", params=_backends())
def report(request, records) -> quality.Report:
    backend = None if request.param == "default" else request.param
    return quality.evaluate(records, pimask.Engine(backend=backend))


@pytest.mark.parametrize("entity", corpus.ENTITIES)
def test_f1_per_entity_is_at_least_0_99(report, entity: str) -> None:
    counts = report.entities[entity]
    assert counts.gold >= 100, "the corpus must hold enough of every entity to measure"
    assert counts.f1 >= 0.99, (
        f"{entity}: P={counts.precision:.4f} R={counts.recall:.4f} F1={counts.f1:.4f} "
        f"(fp={counts.fp}, fn={counts.fn}, partial={counts.partial})"
    )


def test_no_finding_on_any_hard_negative(report) -> None:
    assert sum(report.negative_totals.values()) >= 1000
    assert report.negative_hits == Counter()


def test_no_entity_is_reported_as_another(report) -> None:
    assert report.confusions == Counter()


# --- the generator: labels must be true, or the numbers above mean nothing -----------------

_VALIDATOR = {
    "CN_RESIDENT_ID": "cn_resident_id",
    "CN_MOBILE": "cn_mobile",
    "BANK_CARD": "bank_card",
    "IMEI": "imei",
    "MAC_ADDRESS": "mac_address",
    "EMAIL": "email",
    "IP_ADDRESS": "ip_address",
    # the landlines and 400/800 numbers that were CN_MOBILE hard negatives (issue 19 part D)
    "CN_LANDLINE": "cn_landline",
    "CN_SERVICE_NUMBER": "cn_service_number",
}


def test_every_label_is_a_valid_value_of_its_entity(records) -> None:
    for record in records:
        for start, end, entity, form in record["spans"]:
            value = fold(record["text"][start:end])
            verdict = validators.run(_VALIDATOR[entity], value)
            if form == corpus.STRONG_KEY_FORM:
                # a failed check right after a strong key: a positive that fails on purpose
                assert verdict.status == "invalid", (record["id"], entity, form)
                continue
            assert verdict.status != "invalid", (record["id"], entity, form, verdict.reason)
            if entity in ("CN_RESIDENT_ID", "BANK_CARD") or form.startswith("imei15"):
                assert verdict.status == "valid", (record["id"], entity, form)


def test_labels_do_not_overlap_and_lie_inside_the_text(records) -> None:
    for record in records:
        spans = sorted((s, e) for s, e, _, _ in record["spans"]) + sorted(
            (s, e) for s, e, _ in record["negatives"]
        )
        for start, end in spans:
            assert 0 <= start < end <= len(record["text"])
        ordered = sorted(spans)
        for (_, end), (start, _) in itertools.pairwise(ordered):
            assert end <= start, record["id"]


def test_wrong_check_digit_negatives_really_fail_their_check(records) -> None:
    checked = 0
    for record in records:
        # after a strong key they are positives of their own form (docs/entities.md)
        relabelled = [
            (start, end, {"CN_RESIDENT_ID": "bad_check_id", "BANK_CARD": "bad_luhn_card"}[entity])
            for start, end, entity, form in record["spans"]
            if form == corpus.STRONG_KEY_FORM
        ]
        for start, end, kind in [*record["negatives"], *relabelled]:
            value = fold(record["text"][start:end])
            if kind == "bad_check_id":
                assert validators.cn_resident_id(value).status == "invalid"
                checked += 1
            elif kind == "bad_luhn_card":
                assert validators.bank_card(value).status == "invalid"
                checked += 1
    assert checked > 50


def test_the_same_seed_gives_the_same_corpus() -> None:
    first = list(corpus.generate_labeled(200, 5))
    assert first == list(corpus.generate_labeled(200, 5))
    assert first != list(corpus.generate_labeled(200, 6))


def test_heldout_vocabulary_is_different_and_restored() -> None:
    plain = list(corpus.generate_labeled(300, 9))
    held = list(corpus.generate_labeled(300, 9, heldout=True))
    assert [r["text"] for r in plain] != [r["text"] for r in held]
    assert list(corpus.generate_labeled(300, 9)) == plain  # the switch does not leak


def test_every_form_of_the_issue_appears(records) -> None:
    forms = {form for r in records for _, _, _, form in r["spans"]}
    wanted = (
        "id18_spaced", "id15_legacy", "id18_fullwidth", "mobile_plus86", "mobile_0086",
        "mobile_paren86", "mobile_spaced", "mobile_hyphen", "mobile_fullwidth", "card_spaced",
        "card_hyphen", "imei_dashed", "imeisv16", "mac_cisco", "mac_hyphen", "mac_bare",
        "email_idn", "email_fullwidth_at", "ipv6_compressed", "ipv6_mapped_v4", "ipv4_port",
    )  # fmt: skip
    missing = [w for w in wanted if not any(f.startswith(w) for f in forms)]
    assert missing == []


def test_throughput_file_has_the_issue_5_mix() -> None:
    out = io.BytesIO()
    written = corpus.write_throughput(out, 400_000, seed=3, pool_size=4000)
    data = out.getvalue()
    assert written == len(data) >= 400_000
    assert data.endswith(b"\n")
    assert not re.search(rb"[\x01-\x03]", data), "clock markers must all be stamped"
    lines = data.decode("utf-8").splitlines()
    kinds = Counter()
    for line in lines:
        if line.startswith("{"):
            kinds["json"] += 1
            json.loads(line)  # JSON lines are real JSON
        elif " - - [" in line:
            kinds["nginx"] += 1
        elif re.match(r"[0-9-]{10} [0-9:]{8} [^\x00-\x7f]", line):
            kinds["zh"] += 1
        else:
            kinds["app"] += 1
    shares = {kind: count / len(lines) for kind, count in kinds.items()}
    assert shares["app"] == pytest.approx(0.38, abs=0.05)
    assert shares["nginx"] == pytest.approx(0.14, abs=0.03)
    assert shares["json"] == pytest.approx(0.30, abs=0.04)
    assert shares["zh"] == pytest.approx(0.18, abs=0.04)


def test_throughput_file_is_deterministic_per_seed() -> None:
    first, second, other = io.BytesIO(), io.BytesIO(), io.BytesIO()
    corpus.write_throughput(first, 50_000, seed=1, pool_size=500)
    corpus.write_throughput(second, 50_000, seed=1, pool_size=500)
    corpus.write_throughput(other, 50_000, seed=2, pool_size=500)
    assert first.getvalue() == second.getvalue() != other.getvalue()


def test_size_argument_parsing() -> None:
    assert corpus.parse_size("200MB") == 200_000_000
    assert corpus.parse_size("1GB") == 1_000_000_000
    assert corpus.parse_size("1.5kb") == 1500
    with pytest.raises(Exception, match="200XB"):
        corpus.parse_size("200XB")


# --- context rules as properties --------------------------------------------------------

_DIGIT_ENTITIES = ("CN_RESIDENT_ID", "CN_MOBILE", "BANK_CARD", "IMEI")


def _value(seed: int, entity: str, style: str = "kv") -> tuple[str, str]:
    import random

    return corpus._value_form(random.Random(seed), entity, style)


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**32), entity=st.sampled_from(corpus.ENTITIES), data=st.data())
def test_a_value_under_its_own_key_is_found_with_its_exact_span(seed, entity, data) -> None:
    value, form = _value(seed, entity)
    key = data.draw(st.sampled_from(corpus._KEYS[entity]["kv"]))
    number = data.draw(st.sampled_from(["", "1", "2"]))  # numbered keys name their stem
    text = f"ts=1700000000000 {key}{number}={value} trace_id=9f3c2a"
    found = [(f.start, f.end) for f in pimask.scan(text) if f.entity == entity]
    start = text.index(value)
    assert found == [(start, start + len(value))], (entity, form, key + number)


@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    entity=st.sampled_from(_DIGIT_ENTITIES),
    negative=st.sampled_from(["order_id", "orderNo", "trade_no", "trace_id", "订单号"]),
    neighbour=st.sampled_from(["phone", "imei", "card_no", "id_card"]),
)
def test_an_order_key_wins_over_the_next_fields_key(seed, entity, negative, neighbour) -> None:
    value, _ = _value(seed, entity)
    text = f"{negative}={value}&{neighbour}="
    assert [f for f in pimask.scan(text) if f.entity == entity] == []
