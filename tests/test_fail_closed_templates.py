"""Tag and generalize templates are validated when the policy is loaded (issue 15): a
template that could exhaust memory or write megabytes per finding never reaches ``mask``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pimask.cli import main

POLICY = (
    "version: 1\nname: t\nlevel: anonymize\noperators:\n  CN_MOBILE: {type: %s, template: '%s'}\n"
)


@pytest.mark.parametrize(
    ("operator", "template", "reason"),
    [
        ("tag", "{label:>99999999999}", "format spec"),
        ("tag", "{label!r:>99999999}", "conversions (!r)"),
        ("tag", "{label:>65}", "at most 64"),
        ("tag", "{label:.99}", "at most 64"),
        ("tag", "{entity.__class__}", "unknown placeholder"),
        ("tag", "{label:{entity}}", "format spec"),
        ("tag", "{label:>64}" * 5, "more than 256 characters"),
        ("generalize", "{label:>99999999999}", "format spec"),
    ],
)
def test_policy_check_refuses_unbounded_templates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], operator: str, template: str, reason: str
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(POLICY % (operator, template), encoding="utf-8")
    assert main(["policy", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:5: operators.CN_MOBILE.template:" in err
    assert reason in err
    source = tmp_path / "a.log"
    source.write_text("13812345678\n", encoding="utf-8")
    assert main(["mask", "--policy", str(path), str(source), "-o", str(tmp_path / "o")]) == 2


@pytest.mark.parametrize("template", ["[{label}]", "<{entity}>", "{label:>10}", "<{entity:.4}>"])
def test_ordinary_templates_still_load(tmp_path: Path, template: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(POLICY % ("tag", template), encoding="utf-8")
    assert main(["policy", "check", str(path)]) == 0
