"""The wheel ships exactly the recognizer files, and they load from the installed wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # why: --no-isolation uses the hatchling from the test extra, so no network is needed.
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("pimask-*.whl")
    return built


def test_wheel_contains_exactly_the_recognizer_files(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = sorted(
            Path(name).name
            for name in archive.namelist()
            if name.startswith("pimask/recognizers/") and not name.endswith("/")
        )
    expected = sorted(p.name for p in (ROOT / "recognizers").iterdir() if p.is_file())
    assert shipped == expected
    assert len(shipped) >= 7


def test_recognizers_load_from_the_unpacked_wheel(wheel: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp_path)
    probe = (
        "import json, pimask, pimask.recognizers as r; "
        "print(json.dumps({'file': pimask.__file__, 'dir': str(r.builtin_directory()), "
        "'entities': list(pimask.Engine().entities), "
        "'masked': pimask.mask('手机号13912345678')}))"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r}); {probe}"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["file"].startswith(str(tmp_path))
    assert report["dir"] == str(tmp_path / "pimask" / "recognizers")
    assert "CN_RESIDENT_ID" in report["entities"]
    assert report["masked"] == "手机号139****5678"


def test_wheel_is_typed_licensed_and_ships_its_help(wheel: Path) -> None:
    """py.typed for type checkers, the licence file and fields, the help topics."""
    from pimask.cli.help import TOPICS

    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(metadata_name).decode("utf-8")
    assert "pimask/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    for file, _ in TOPICS.values():
        assert f"pimask/help/{file}" in names
    assert "License-Expression: Apache-2.0" in metadata
    assert "Classifier: Typing :: Typed" in metadata
    assert "Requires-Dist: tqdm" in metadata  # progress by default
    # the Spark extra pins pandas below 3 while PySpark does not support it
    spark_pandas = [
        line
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist: pandas") and "extra == 'spark'" in line
    ]
    assert len(spark_pandas) == 1 and "<3" in spark_pandas[0], spark_pandas
