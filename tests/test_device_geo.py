"""IMSI, DEVICE_ID and GEO_COORDINATES (issue 18): a fixed table of positives and negatives
per entity on both engines, the 15-digit collisions decided by context, display masks,
generalization and its level rule, and the promises of the example policies on sample lines.

Every value here is synthetic.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pimask
from pimask import checksums
from pimask.engine import Engine
from pimask.errors import ConfigError
from pimask.keys import load_keys
from pimask.masking import display_mask
from pimask.operators.configs import GeneralizeConfig
from pimask.operators.generalize import make_generalizer
from pimask.policy import BUILTIN_POLICIES, CompiledPolicy, load_policy, parse_policy
from pimask.verify import verify_lines

from .strategies import VALUES, to_fullwidth

POLICIES = Path(__file__).resolve().parents[1] / "docs" / "policies"
KEYS = load_keys({"PIMASK_KEY": "device-geo-test-key-0123456789"})
NEW_ENTITIES = ("IMSI", "DEVICE_ID", "GEO_COORDINATES")

# A Luhn-valid 15-digit number with the IMSI prefix 46000: an IMEI by its key, never an IMSI.
_IMEI_46 = "46000123456789" + checksums.luhn_check_digit("46000123456789")

# (text, entity, values that must be found as that entity); an empty tuple: none of it.
TABLE: list[tuple[str, str, tuple[str, ...]]] = [
    # --- IMSI: only with its key or word, and a valid MCC/MNC
    ("imsi=460001234567890", "IMSI", ("460001234567890",)),
    ('{"IMSI": "460031234567890"}', "IMSI", ("460031234567890",)),
    ("SIM卡IMSI 460111234567890 已激活", "IMSI", ("460111234567890",)),
    ("用户识别码：460201234567890", "IMSI", ("460201234567890",)),
    ("imsi1=460071234567890,460091234567890", "IMSI", ("460071234567890", "460091234567890")),
    ("460001234567890", "IMSI", ()),
    ("order_id=460001234567890", "IMSI", ()),
    ("imsi=460101234567890", "IMSI", ()),  # MNC 10: not assigned
    ("imsi=310260123456789", "IMSI", ()),  # MCC 310: not mainland China
    ("imsi=4600012345678901", "IMSI", ()),  # 16 digits
    ("imsi=x trace_id=460001234567890", "IMSI", ()),
    # --- DEVICE_ID: each kind only with its key or word
    ("android_id=9774d56d682e549c", "DEVICE_ID", ("9774d56d682e549c",)),
    ('"ANDROID_ID":"5A3F9C0B7D1E2A48"', "DEVICE_ID", ("5A3F9C0B7D1E2A48",)),
    (
        "oaid=7d3e1c2a-5b4f-4e6d-8a9b-0c1d2e3f4a5b",
        "DEVICE_ID",
        ("7d3e1c2a-5b4f-4e6d-8a9b-0c1d2e3f4a5b",),
    ),
    ("OAID: " + "ab12" * 16, "DEVICE_ID", ("ab12" * 16,)),
    (
        "idfa=6D92078A-8246-4BA4-AE5B-76104861E7DC",
        "DEVICE_ID",
        ("6D92078A-8246-4BA4-AE5B-76104861E7DC",),
    ),
    (
        '"idfv":"e1a5c3b2-9d4f-4c1e-8b7a-2f3e4d5c6b7a"',
        "DEVICE_ID",
        ("e1a5c3b2-9d4f-4c1e-8b7a-2f3e4d5c6b7a",),
    ),
    ("serial=R58M12ABCDE", "DEVICE_ID", ("R58M12ABCDE",)),
    ('"deviceSn":"F2LXK0ABHG7F"', "DEVICE_ID", ("F2LXK0ABHG7F",)),
    ("设备序列号：ZY2234ABCD", "DEVICE_ID", ("ZY2234ABCD",)),
    ("request_id=7d3e1c2a-5b4f-4e6d-8a9b-0c1d2e3f4a5b", "DEVICE_ID", ()),
    ("7d3e1c2a-5b4f-4e6d-8a9b-0c1d2e3f4a5b", "DEVICE_ID", ()),
    ("span_id=9774d56d682e549c", "DEVICE_ID", ()),
    ("oaid=00000000-0000-0000-0000-000000000000", "DEVICE_ID", ()),  # opted out
    ("idfa=00000000-0000-0000-0000-000000000000", "DEVICE_ID", ()),
    ("order_sn=2023112201234567", "DEVICE_ID", ()),
    ("sn=unknown", "DEVICE_ID", ()),
    ("Mozilla/5.0 (Linux; Android 13; SM-S9180) Chrome/119.0.6045.163", "DEVICE_ID", ()),
    ("trace_id=4bf92f3577b34da6a3ce929d0e0e4736 oaid=", "DEVICE_ID", ()),
    # --- GEO_COORDINATES: pairs after a key or word, single numbers only as a lat/lng value
    ("location=39.904211,116.407394", "GEO_COORDINATES", ("39.904211,116.407394",)),
    ("坐标(116.4074, 39.9042)", "GEO_COORDINATES", ("116.4074, 39.9042",)),
    ("定位 -33.868820,151.209296", "GEO_COORDINATES", ("-33.868820,151.209296",)),
    ('{"lat": 39.904211, "lng": 116.407394}', "GEO_COORDINATES", ("39.904211", "116.407394")),
    ("latitude=-33.8688&longitude=151.2093", "GEO_COORDINATES", ("-33.8688", "151.2093")),
    ("temp=36.5827", "GEO_COORDINATES", ()),
    ("price=12.3456,78.9012", "GEO_COORDINATES", ()),
    ("39.904211,116.407394", "GEO_COORDINATES", ()),
    ("location=39.904,116.407", "GEO_COORDINATES", ()),  # 3 decimals
    ("location=91.1234,91.1234", "GEO_COORDINATES", ()),  # no latitude in range
    ("location=0.000000,0.000000", "GEO_COORDINATES", ()),  # no fix
    ("lat=181.0000", "GEO_COORDINATES", ()),
    ("version 1.2.3456 latency=0.1234", "GEO_COORDINATES", ()),
    ("ts=1700000000.123456 location=x", "GEO_COORDINATES", ()),
    ("latitude 39.9042", "GEO_COORDINATES", ()),  # a word, not a key: one number is not enough
]


@pytest.fixture(scope="module", params=["native", "reference"])
def engine(request) -> Engine:
    return Engine(backend=request.param)


@pytest.mark.parametrize(("text", "entity", "values"), TABLE)
def test_table(engine: Engine, text: str, entity: str, values: tuple[str, ...]) -> None:
    found = [text[f.start : f.end] for f in engine.scan(text) if f.entity == entity]
    assert found == list(values)


def test_every_new_entity_has_positives_and_negatives_in_the_table() -> None:
    for entity in NEW_ENTITIES:
        rows = [values for _, e, values in TABLE if e == entity]
        assert sum(1 for v in rows if v) >= 5 and sum(1 for v in rows if not v) >= 5, entity


# --------------------------------------------------------------------- 15-digit collisions


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("imsi=460001234567890", "IMSI"),
        (f"IMEI:{_IMEI_46}", "IMEI"),
        ("imsi=" + _IMEI_46, "IMSI"),
        # 15-digit legacy resident ID of Hainan (province 46), born 1985-03-12
        ("身份证460200850312123", "CN_RESIDENT_ID"),
        ("身份证460200850312123 SIM卡正常", "CN_RESIDENT_ID"),
    ],
)
def test_context_decides_between_imsi_imei_and_legacy_id(
    engine: Engine, text: str, entity: str
) -> None:
    findings = engine.scan(text)
    assert [f.entity for f in findings] == [entity]


def test_imsi_is_a_negative_word_for_mobile_and_imei(engine: Engine) -> None:
    assert engine.scan("imsi=13912345678") == []
    assert [f.entity for f in engine.scan("imsi=490154203237518")] == []


def test_explanations_say_which_kind_of_device_id() -> None:
    kinds = {
        "android_id=9774d56d682e549c": ("device_android_id", "android_id"),
        "oaid=7d3e1c2a-5b4f-4e6d-8a9b-0c1d2e3f4a5b": ("device_oaid", "oaid"),
        "idfa=6D92078A-8246-4BA4-AE5B-76104861E7DC": ("device_idfa", "idfa_idfv"),
        "sn=R58M12ABCDE": ("device_serial", "serial"),
    }
    for text, (recognizer, pattern) in kinds.items():
        (finding,) = pimask.scan(text)
        assert (finding.explanation.recognizer, finding.explanation.pattern) == (
            recognizer,
            pattern,
        )


# --------------------------------------------------------------------------- operators


@pytest.mark.parametrize(
    ("entity", "value", "masked"),
    [
        ("IMSI", "460001234567890", "46000**********"),
        ("DEVICE_ID", "9774d56d682e549c", "9774************"),
        (
            "DEVICE_ID",
            "7d3e1c2a-5b4f-4e6d-8a9b-0c1d2e3f4a5b",
            "7d3e****-****-****-****-************",
        ),
        ("GEO_COORDINATES", "39.904211,116.407394", "39.90****,116.40****"),
        ("GEO_COORDINATES", "-33.8688", "-33.86**"),
        ("GEO_COORDINATES", "３９．９０４２", "３９．９０**"),
    ],
)
def test_display_masks(entity: str, value: str, masked: str) -> None:
    assert display_mask(entity, value) == masked
    assert pimask._core.display_mask(entity, value) == masked


def test_geo_generalize_rounds_to_the_grid_and_keeps_the_order() -> None:
    at = {
        g: make_generalizer("GEO_COORDINATES", GeneralizeConfig(geo_grid=g))
        for g in (0.01, 0.1, 1.0)
    }
    assert at[0.1]("39.904211,116.407394") == "<GEO_COORDINATES:39.9,116.4>"
    assert at[0.1]("116.407394, 39.904211") == "<GEO_COORDINATES:116.4,39.9>"
    assert at[0.01]("-33.868820") == "<GEO_COORDINATES:-33.87>"
    assert at[1.0]("39.904211,116.407394") == "<GEO_COORDINATES:40.0,116.0>"
    imsi = make_generalizer("IMSI", GeneralizeConfig())
    assert imsi("460011234567890") == "<IMSI:中国联通>"
    assert make_generalizer("DEVICE_ID", GeneralizeConfig())("9774d56d682e549c") == "<DEVICE_ID>"


def _policy(level: str, grid: float) -> str:
    return (
        f"version: 1\nname: geo\nlevel: {level}\n"
        f"operators:\n  GEO_COORDINATES: {{type: generalize, geo_grid: {grid}}}\n"
    )


def test_anonymize_accepts_only_a_grid_of_a_tenth_of_a_degree_or_coarser() -> None:
    for grid in (0.1, 0.5, 1.0):
        parse_policy(_policy("anonymize", grid), "geo.yaml")
    with pytest.raises(ConfigError, match="geo_grid"):
        parse_policy(_policy("anonymize", 0.01), "geo.yaml")
    parse_policy(_policy("deidentify", 0.01), "geo.yaml")  # finer grids are fine there


# ----------------------------------------------------------------------------- policies

DEVICE_SAMPLE = [
    "10:05:00 INFO attach imsi=460001234567890 android_id=9774d56d682e549c",
    '10:05:01 INFO {"oaid":"7d3e1c2a-5b4f-4e6d-8a9b-0c1d2e3f4a5b","sn":"R58M12ABCDE"}',
    "10:05:02 INFO ios idfa=6D92078A-8246-4BA4-AE5B-76104861E7DC location=39.904211,116.407394",
    '10:05:03 INFO {"lat":31.230416,"lng":121.473701,"imsi":"460011234567891"}',
    "10:05:04 INFO 用户定位经纬度(116.407394, 39.904211)，SIM卡IMSI：460001234567890",
]
DEVICE_VALUES = [
    "460001234567890", "9774d56d682e549c", "7d3e1c2a-5b4f-4e6d-8a9b-0c1d2e3f4a5b",
    "R58M12ABCDE", "6D92078A-8246-4BA4-AE5B-76104861E7DC", "39.904211", "116.407394",
    "31.230416", "121.473701", "460011234567891",
]  # fmt: skip


def _run(policy, lines: list[str]) -> list[str]:
    compiled = CompiledPolicy(policy, Engine(), KEYS)
    return [compiled.apply(line).text for line in lines]


def test_sample_holds_every_kind() -> None:
    found = [{f.entity for f in pimask.scan(line)} for line in DEVICE_SAMPLE]
    assert set().union(*found) == set(NEW_ENTITIES)
    assert sum(len(pimask.scan(line)) for line in DEVICE_SAMPLE) == 11


def test_huazhi_pseudonymizes_imsi_and_device_ids_and_generalizes_locations() -> None:
    policy = load_policy(POLICIES / "huazhi-display.yaml")
    out = _run(policy, DEVICE_SAMPLE)
    joined = "\n".join(out)
    for value in DEVICE_VALUES:
        assert value not in joined
    assert verify_lines(out, policy, Engine()).ok
    imsi = re.findall(r"<IMSI:k1:[0-9a-f]{12}>", joined)
    assert len(imsi) == 3 and imsi[0] == imsi[2]  # 信息关联计算: one SIM links across records
    assert len(re.findall(r"<DEVICE_ID:k1:[0-9a-f]{12}>", joined)) == 4
    assert "location=<GEO_COORDINATES:39.9,116.4>" in out[2]
    assert '"lat":<GEO_COORDINATES:31.2>,"lng":<GEO_COORDINATES:121.5>' in out[3]
    assert "经纬度(<GEO_COORDINATES:116.4,39.9>)" in out[4]


def test_lingjing_covers_device_ids_and_locations_anonymously() -> None:
    policy = load_policy(POLICIES / "lingjing-analytics.yaml")
    out = _run(policy, DEVICE_SAMPLE)
    joined = "\n".join(out)
    for value in DEVICE_VALUES:
        assert value not in joined
    report = verify_lines(out, policy, Engine())
    assert report.ok and report.linking == [], report.to_dict()
    assert joined.count("<DEVICE_ID>") == 4
    assert re.findall(r"<IMSI:([^>]+)>", joined) == ["中国移动", "中国联通", "中国移动"]
    assert "<GEO_COORDINATES:39.9,116.4>" in out[2]


@pytest.mark.parametrize("name", BUILTIN_POLICIES)
def test_builtin_policies_cover_the_new_entities(name: str) -> None:
    policy = load_policy(name)
    compiled = CompiledPolicy(policy, Engine(), KEYS)
    assert set(NEW_ENTITIES) <= compiled.covered
    results = [compiled.apply(line) for line in DEVICE_SAMPLE]
    out = [r.text for r in results if not r.dropped]
    if name == "delete":
        assert out == []
        return
    joined = "\n".join(out)
    if name == "display":
        assert "imsi=46000**********" in out[0] and "android_id=9774************" in out[0]
        assert "location=39.90****,116.40****" in out[2]
    else:
        for value in DEVICE_VALUES:
            assert value not in joined
    assert verify_lines(out, policy, Engine(), check_linking=False).ok


# ----------------------------------------------------------------- native == reference

_KEYS = ["imsi=", "IMSI：", "SIM卡", "android_id=", '"oaid":"', "OAID ", "idfa=", "idfv:",
         "sn=", "serial ", "设备标识", "设备序列号", "location=", "经纬度", "坐标(", '"lat":',
         "lng=", "纬度：", "trace_id=", "request_id=", "IMEI:", "身份证", "temp="]  # fmt: skip
_NOISE = st.text(alphabet=st.sampled_from(list("ab ,;:=-_.01中文，。（）")), max_size=10)
_NEW_VALUES = st.one_of(
    VALUES["IMSI"],
    VALUES["DEVICE_ID"],
    VALUES["GEO_COORDINATES"],
    st.from_regex(r"-?[0-9]{1,3}\.[0-9]{4,6}", fullmatch=True),
    VALUES["IMEI"],
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_NOISE, st.sampled_from(_KEYS), _NEW_VALUES, st.booleans()), max_size=4))
def test_native_matches_reference_on_new_entities(parts) -> None:
    text = "".join(n + k + (to_fullwidth(v) if wide else v) for n, k, v, wide in parts)
    native, reference = Engine(backend="native"), Engine(backend="reference")
    describe = lambda e: [(f.entity, f.start, f.end, f.score, f.explanation) for f in e.scan(text)]  # noqa: E731
    assert describe(native) == describe(reference), text
    assert native.mask(text) == reference.mask(text), text
