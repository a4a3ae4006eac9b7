"""The Spark entry points fail closed too (issue 15): "mask every string column" refuses
columns it would pass through unexamined — an int64 of mobiles, binary, nested."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="pyspark not installed: pip install '.[spark]'")
pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install '.[spark]'")

from pimask.errors import ConfigError
from pimask.integrations.spark import mask_columns
from pimask.integrations.spark.__main__ import main as spark_main
from tests.test_spark import spark  # noqa: F401  (the module-scoped session)

MOBILE = 13812345678


def test_cli_refuses_an_int64_column_of_mobiles(spark, tmp_path: Path, capsys) -> None:  # noqa: F811
    source = tmp_path / "users.parquet"
    spark.createDataFrame(
        [(1, MOBILE, "手机 13912345678")], "id long, phone long, t string"
    ).write.parquet(str(source))
    target = tmp_path / "masked"
    assert spark_main(["--input", str(source), "--output", str(target)]) == 2
    err = capsys.readouterr().err
    assert "columns not examined: phone (bigint holding numbers of 11+ digits)" in err
    assert not target.exists()
    # naming the columns is the explicit way to leave the others as they are
    assert spark_main(["--input", str(source), "--output", str(target), "--columns", "t"]) == 0


def test_mask_columns_refuses_binary_and_nested_but_not_small_numbers(spark) -> None:  # noqa: F811
    frame = spark.createDataFrame(
        [(1, 2.5, ["a"], "x")], "id long, amount double, tags array<string>, t string"
    )
    with pytest.raises(ConfigError, match=r"tags \(array<string>\)"):
        mask_columns(frame)
    ok = spark.createDataFrame([(1, 2.5, "x")], "id long, amount double, t string")
    assert mask_columns(ok).collect()[0]["amount"] == 2.5
