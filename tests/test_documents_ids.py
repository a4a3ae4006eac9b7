"""Issue 19 part C: passports, travel permits, 统一社会信用代码 and license plates — a fixed
table of positives and negatives per entity on both engines, the GB 32100 check character,
the display masks, and what policies do with an organisation's id (found, left alone by the
built-ins, masked when a policy names it).

Every value here is synthetic: the codes are built with the check character of the standard,
the documents and plates are made-up numbers.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pimask
from pimask import checksums, reference, validators
from pimask.masking import display_mask
from pimask.policy import BUILTIN_POLICIES, load_policy, parse_policy
from pimask.policy.model import ORGANISATION_ENTITIES

KEY_ENV = {"PIMASK_KEY": "documents-test-key-0123456789abcdef"}

# (text, entity, values that must be found as that entity); an empty tuple: none of it.
TABLE: list[tuple[str, str, tuple[str, ...]]] = [
    # --- CN_PASSPORT: E/G + 8 digits, E + letter + 7, D/S/P(E) + 7; only with its word
    ("护照号：E12345678", "CN_PASSPORT", ("E12345678",)),
    ("护照号码 G87654321 已登记", "CN_PASSPORT", ("G87654321",)),
    ('{"passportNo":"EB7654321"}', "CN_PASSPORT", ("EB7654321",)),
    ("passport number: E55501234 exp 2031", "CN_PASSPORT", ("E55501234",)),
    ("Passport=SE1234567", "CN_PASSPORT", ("SE1234567",)),
    ("出境 因私护照E20241130", "CN_PASSPORT", ("E20241130",)),
    ("E12345678", "CN_PASSPORT", ()),  # no word on the line
    ("build E12345678 failed with code G00000001", "CN_PASSPORT", ()),
    ("sku=E12345678 passport pending", "CN_PASSPORT", ()),
    ("passport 订单号E12345678", "CN_PASSPORT", ()),
    ("passport hash 0aE12345678b", "CN_PASSPORT", ()),
    ("passport E1234567890", "CN_PASSPORT", ()),
    ("护照 EI1234567", "CN_PASSPORT", ()),  # I is not used
    ("护照 F12345678", "CN_PASSPORT", ()),
    # --- CN_TRAVEL_PERMIT: 港澳通行证 C/W, 回乡证 H/M, 台胞证 8 digits; only with its word
    ("往来港澳通行证：C01234567", "CN_TRAVEL_PERMIT", ("C01234567",)),
    ("港澳通行证 CB1234567 签注有效", "CN_TRAVEL_PERMIT", ("CB1234567",)),
    ("旧版通行证W87654321", "CN_TRAVEL_PERMIT", ("W87654321",)),
    ("回乡证号 H0123456700", "CN_TRAVEL_PERMIT", ("H0123456700",)),
    ("回乡证：M87654321", "CN_TRAVEL_PERMIT", ("M87654321",)),
    ("台胞证号码：01234567", "CN_TRAVEL_PERMIT", ("01234567",)),
    ("台胞证 76543210 入境", "CN_TRAVEL_PERMIT", ("76543210",)),
    ("C01234567", "CN_TRAVEL_PERMIT", ()),
    ("shipment C01234567 H0123456700 delivered", "CN_TRAVEL_PERMIT", ()),
    ("通行证已上传 订单C01234567", "CN_TRAVEL_PERMIT", ()),
    ("台胞证 审核于 20240315", "CN_TRAVEL_PERMIT", ()),  # a date after the word
    ("台胞证已上传，金额 12345678", "CN_TRAVEL_PERMIT", ()),
    ("通行证 C012345678", "CN_TRAVEL_PERMIT", ()),  # too long
    ("12345678", "CN_TRAVEL_PERMIT", ()),
    # --- CN_USCC: GB 32100 check character and authority/type table
    ("统一社会信用代码：91350100M000100Y43", "CN_USCC", ("91350100M000100Y43",)),
    ("税号 91110108MA01C2D36P 开票", "CN_USCC", ("91110108MA01C2D36P",)),
    ('{"uscc":"52310000MA01C2D36D"}', "CN_USCC", ("52310000MA01C2D36D",)),
    ("supplier 911101085513850A9G onboarded", "CN_USCC", ("911101085513850A9G",)),
    ("信用代码 121000003001726990", "CN_USCC", ("121000003001726990",)),
    ("统一社会信用代码：91350100M000100Y42", "CN_USCC", ()),  # check character
    ("统一社会信用代码：95350100M000100Y43", "CN_USCC", ()),  # 9 has no type 5
    ("订单号121000003001726990", "CN_USCC", ()),
    ("id 121000003001726990", "CN_USCC", ()),  # all digits, no word
    ("trace 0191350100M000100Y43", "CN_USCC", ()),
    ("身份证号11010519491231002X", "CN_USCC", ()),
    # --- CN_LICENSE_PLATE: exact shape, no letter or digit touching it
    ("车牌号：京A12345", "CN_LICENSE_PLATE", ("京A12345",)),
    ("沪B·8C123 违停", "CN_LICENSE_PLATE", ("沪B·8C123",)),
    ("粤BD12345 充电中", "CN_LICENSE_PLATE", ("粤BD12345",)),
    ("苏A12345F 大型新能源", "CN_LICENSE_PLATE", ("苏A12345F",)),
    ("车辆 浙A-1234学 预约", "CN_LICENSE_PLATE", ("浙A-1234学",)),
    ("粤Z5678澳 通关", "CN_LICENSE_PLATE", ("粤Z5678澳",)),
    ("plate=使123456", "CN_LICENSE_PLATE", ("使123456",)),
    ("京A1234I", "CN_LICENSE_PLATE", ()),  # I is not a plate letter
    ("京AO1234", "CN_LICENSE_PLATE", ()),
    ("京ABCDE1", "CN_LICENSE_PLATE", ()),  # a serial holds at most two letters
    ("model X京A12345", "CN_LICENSE_PLATE", ()),
    ("京A123456", "CN_LICENSE_PLATE", ()),
    ("京A12345-01", "CN_LICENSE_PLATE", ()),
    ("京A1D2345", "CN_LICENSE_PLATE", ()),  # D in the wrong place for a new-energy plate
    ("港A12345", "CN_LICENSE_PLATE", ()),
    ("即使123456次也不会", "CN_LICENSE_PLATE", ()),
]


@pytest.fixture(scope="module", params=["native", "reference"])
def engine(request) -> pimask.Engine:
    return pimask.Engine(backend=request.param)


@pytest.mark.parametrize(("text", "entity", "values"), TABLE)
def test_table(engine: pimask.Engine, text: str, entity: str, values: tuple[str, ...]) -> None:
    found = [text[f.start : f.end] for f in engine.scan(text) if f.entity == entity]
    assert found == list(values)


def test_every_entity_has_positives_and_negatives() -> None:
    entities = {"CN_PASSPORT", "CN_TRAVEL_PERMIT", "CN_USCC", "CN_LICENSE_PLATE"}
    for entity in entities:
        rows = [values for _text, e, values in TABLE if e == entity]
        assert sum(1 for v in rows if v) >= 5, entity
        assert sum(1 for v in rows if not v) >= 5, entity


# --- GB 32100 -----------------------------------------------------------------------------

USCC_BODY = st.text(alphabet=checksums.USCC_ALPHABET, min_size=10, max_size=10)


@st.composite
def usccs(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(sorted(reference.USCC_TYPES)))
    region = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    first17 = kind + region + draw(USCC_BODY)[:9]
    return first17 + checksums.gb32100_check_char(first17)


@settings(max_examples=200)
@given(usccs(), st.sampled_from(checksums.USCC_ALPHABET))
def test_uscc_check_character(code: str, other: str) -> None:
    assert validators.cn_uscc(code).status == "valid"
    if other != code[-1]:
        assert validators.cn_uscc(code[:-1] + other).reason == "check_character"


def test_uscc_check_character_of_the_standard_example() -> None:
    # the example of GB 32100-2015's explanation, and one with the GB 11714 org code
    assert checksums.gb32100_check_char("91350100M000100Y4") == "3"
    assert validators.cn_uscc("91350100M000100Y43").score_adjust == 0
    assert checksums.gb11714_is_valid("M000100Y4")
    assert validators.cn_uscc("91440300MA5DC6QJ4H").score_adjust == -0.15  # MA…: no 11714


# --- masks --------------------------------------------------------------------------------

MASKS = [
    ("CN_PASSPORT", "E12345678", "E******78"),
    ("CN_PASSPORT", "EA1234567", "E******67"),
    ("CN_TRAVEL_PERMIT", "C01234567", "C******67"),
    ("CN_TRAVEL_PERMIT", "H0123456700", "H********00"),
    ("CN_TRAVEL_PERMIT", "01234567", "0*****67"),
    ("CN_USCC", "91350100M000100Y43", "91350100**********"),
    ("CN_LICENSE_PLATE", "京A12345", "京A****5"),
    ("CN_LICENSE_PLATE", "沪B·8C123", "沪B·****3"),
    ("CN_LICENSE_PLATE", "浙A-1234学", "浙A-****学"),
    ("CN_LICENSE_PLATE", "粤ＢＤ１２３４５", "粤Ｂ*****５"),
    ("CN_LICENSE_PLATE", "使123456", "使1****6"),
]


@pytest.mark.parametrize(("entity", "value", "masked"), MASKS)
def test_display_masks(entity: str, value: str, masked: str) -> None:
    assert display_mask(entity, value) == masked


@pytest.mark.parametrize(("entity", "value", "masked"), MASKS)
def test_display_masks_native(entity: str, value: str, masked: str) -> None:
    from pimask import _core

    assert _core.display_mask(entity, value) == masked


# --- policies -----------------------------------------------------------------------------

DOCUMENTS_LINE = "kyc 护照号E12345678 回乡证H0123456700 车牌京A12345 信用代码91350100M000100Y43"
PERSONAL = ("E12345678", "H0123456700", "京A12345")
USCC = "91350100M000100Y43"


@pytest.mark.parametrize("policy", [None, *BUILTIN_POLICIES])
def test_builtins_leave_an_organisation_id_alone(
    engine: pimask.Engine, policy: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in KEY_ENV.items():
        monkeypatch.setenv(name, value)
    assert USCC in [DOCUMENTS_LINE[f.start : f.end] for f in engine.scan(DOCUMENTS_LINE)]
    result = engine.apply(DOCUMENTS_LINE, policy)
    if policy == "delete":
        assert result.dropped  # for the passport, not for the code
        assert not engine.apply(f"供应商信用代码{USCC}", policy).dropped
        return
    assert USCC in result.text
    for value in PERSONAL:
        assert value not in result.text
    assert all(entity not in ORGANISATION_ENTITIES for entity, _action in result.actions)


def test_mask_block_leaves_an_organisation_id_alone(engine: pimask.Engine) -> None:
    blob = f"{DOCUMENTS_LINE}\n纳税人识别号 {USCC}\n".encode()
    out = engine.apply_block(blob).out
    assert out.decode().count(USCC) == 2
    assert "京A12345" not in out.decode()


@pytest.mark.parametrize(
    "policy_text",
    [
        "name: p\nlevel: anonymize\nentities: [CN_USCC]\n",
        "name: p\nlevel: anonymize\noperators:\n  default: {type: tag}\n  CN_USCC: {type: tag}\n",
        "name: p\nlevel: display\noperators:\n  CN_USCC: {type: mask, preset: pimask-display}\n",
    ],
)
def test_a_policy_that_names_the_code_masks_it(engine: pimask.Engine, policy_text: str) -> None:
    policy = parse_policy(policy_text, "p.yaml")
    assert policy.covers("CN_USCC")
    text = engine.apply(DOCUMENTS_LINE, policy).text
    assert USCC not in text
    assert "CN_USCC" in text or "91350100**********" in text


def test_covers_needs_the_name_for_organisation_entities() -> None:
    everything = parse_policy("name: p\nlevel: anonymize\n", "p.yaml")
    assert everything.covers("CN_PASSPORT") and not everything.covers("CN_USCC")
    for name in BUILTIN_POLICIES:
        assert not load_policy(name).covers("CN_USCC"), name
    listed = parse_policy("name: p\nlevel: anonymize\nentities: [CN_MOBILE]\n", "p.yaml")
    assert not listed.covers("CN_USCC")


def test_encrypt_keeps_the_document_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in KEY_ENV.items():
        monkeypatch.setenv(name, value)
    policy = parse_policy(
        "name: p\nlevel: deidentify\noperators:\n  default: {type: pseudonymize}\n"
        "  CN_PASSPORT: {type: encrypt, marker: false}\n"
        "  CN_TRAVEL_PERMIT: {type: encrypt, marker: false}\n",
        "p.yaml",
    )
    for backend in ("native", "reference"):
        text = (
            pimask.Engine(backend=backend).apply("护照号E12345678 回乡证H0123456700", policy).text
        )
        passport, permit = text.removeprefix("护照号").split(" 回乡证")
        assert passport[0] == "E" and passport[1:].isdigit() and passport != "E12345678"
        assert permit[0] == "H" and len(permit) == 11 and permit != "H0123456700"


def test_deidentify_pseudonymizes_one_plate_the_same_way(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in KEY_ENV.items():
        monkeypatch.setenv(name, value)
    engine = pimask.Engine()
    first = engine.apply("车牌京A·12345", "deidentify").text.removeprefix("车牌")
    second = engine.apply("车牌京A12345", "deidentify").text.removeprefix("车牌")
    assert first == second and first.startswith("<CN_LICENSE_PLATE:")


def test_generalize_keeps_a_plates_province_only() -> None:
    policy = parse_policy(
        "name: p\nlevel: anonymize\noperators:\n  default: {type: tag}\n"
        "  CN_LICENSE_PLATE: {type: generalize}\n  CN_PASSPORT: {type: generalize}\n",
        "p.yaml",
    )
    for backend in ("native", "reference"):
        text = pimask.Engine(backend=backend).apply("车牌粤B·D12345 护照号E12345678", policy).text
        assert text == "车牌<CN_LICENSE_PLATE:粤> 护照号<CN_PASSPORT>"


def test_policy_show_says_the_code_is_left_alone(capsys) -> None:
    from pimask.cli import main

    assert main(["policy", "show", "deidentify"]) == 0
    out = capsys.readouterr().out
    assert "CN_USCC: left as written" in out and "CN_PASSPORT: pseudonymize" in out


def test_check_without_a_policy_does_not_forbid_the_code(tmp_path, capsys) -> None:
    from pimask.cli import main

    code_only = tmp_path / "vendors.txt"
    code_only.write_text(f"统一社会信用代码：{USCC}\n", encoding="utf-8")
    passport = tmp_path / "kyc.txt"
    passport.write_text("护照号E12345678\n", encoding="utf-8")
    assert main(["check", "--no-baseline", str(code_only)]) == 0
    assert main(["check", "--no-baseline", "--entities", "CN_USCC", str(code_only)]) == 1
    assert main(["check", "--no-baseline", str(passport)]) == 1
    capsys.readouterr()


def test_cross_border_policy_pseudonymizes_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """环界云's cross-border promise (docs/policies/huanjie-crossborder.yaml): documents of a
    cross-border order leave as keyed pseudonyms; the business customer's code stays."""
    from pathlib import Path

    for name, value in KEY_ENV.items():
        monkeypatch.setenv(name, value)
    policy = Path(__file__).resolve().parents[1] / "docs" / "policies" / "huanjie-crossborder.yaml"
    line = f"跨境订单 护照号E12345678 回乡证H0123456700 车牌粤B12345 税号{USCC}"
    for backend in ("native", "reference"):
        text = pimask.Engine(backend=backend).apply(line, str(policy)).text
        for value in ("E12345678", "H0123456700", "粤B12345"):
            assert value not in text
        assert "<CN_PASSPORT:k1:" in text and "<CN_TRAVEL_PERMIT:k1:" in text
        assert USCC in text
