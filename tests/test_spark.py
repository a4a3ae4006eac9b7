"""pimask on a real local Spark session: same bytes as the library and CLI, keys kept out.

One session for the whole module (a JVM takes seconds to start): ``local[2]``, UI off,
2 shuffle partitions and small Arrow batches so every job crosses several batches and
partitions. Skipped, with the reason, only where pyspark or Java is missing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pimask
from pimask.errors import ConfigError
from tests.strategies import NOISE, VALUES

pytestmark = pytest.mark.filterwarnings(
    # why: pyspark warns on pandas >= 3 even though mapInArrow never touches pandas.
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)

pyspark = pytest.importorskip("pyspark", reason="pyspark not installed: pip install '.[spark]'")
pa = pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install '.[spark]'")

from pyspark.sql import DataFrame, SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql import types as T  # noqa: E402

from pimask.integrations.spark import _executor, mask_columns, scan_columns  # noqa: E402
from pimask.integrations.spark.__main__ import main as spark_main  # noqa: E402

KEY = "spark-test-key-7d1c0a9e5b3f2e8d"  # synthetic, only for these tests
FILE_KEY = "file-key-for-spark-tests-91ab44c0"
CLI = "import sys; from pimask.cli import main; sys.exit(main(sys.argv[1:]))"

TEXTS = [
    "手机号13912345678无法登录",
    "用户 zhang.san@example.com 从 10.24.3.17 登录",
    "身份证号：11010519491231002X，银行卡 6222021234567890128",
    "IMEI 490154203237518 MAC 3C:22:FB:1A:2B:3C",
    "订单号 202311221234567890123 trace_id=4111111111111111",  # look-alikes
    "联系电话 ＋８６ １５８１２３４５６７８",  # full-width
    "",
    "no personal data here 🙂",
    "card=4111111111111111 phone=15812345678 id=440308199901011234",
    "多行\n手机 13912345678\r\n邮箱 zhang.san@example.com",
]


def _java_missing() -> str | None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return None
    return None if shutil.which("java") else "Java is not installed (Spark needs Java 17)"


EXECUTOR_KEY_FILE = "pimask-spark-test.key"


@pytest.fixture(scope="module")
def spark(tmp_path_factory) -> SparkSession:
    reason = _java_missing()
    if reason:
        pytest.skip(reason)
    # why: Python workers must run this interpreter (the one with pimask installed).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    # The cluster recipe for executor-side keys: ship the key file (--files) and name it
    # in the executors' environment. Driver-side tests never read it.
    key_file = tmp_path_factory.mktemp("keys") / EXECUTOR_KEY_FILE
    key_file.write_text(f"k7 {FILE_KEY}\n")
    # Everything the driver JVM logs (INFO and up) goes to a file the key test reads, and
    # the event log (plans, configuration, jobs) to a directory: nothing to the console.
    logs = tmp_path_factory.mktemp("spark-logs")
    log4j = logs / "log4j2.properties"
    log4j.write_text(
        "rootLogger.level = info\n"
        "rootLogger.appenderRef.file.ref = file\n"
        "appender.file.type = File\n"
        "appender.file.name = file\n"
        f"appender.file.fileName = {logs / 'driver.log'}\n"
        "appender.file.layout.type = PatternLayout\n"
        "appender.file.layout.pattern = %d %p %c{1}: %m%n\n"
    )
    (logs / "events").mkdir()
    java_options = (
        # why: a short-lived test JVM starts faster without the optimizing JIT.
        f"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j2.configurationFile=file:{log4j}"
    )
    session = (
        SparkSession.builder.master("local[2]")
        .appName("pimask-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "4")
        .config("spark.driver.extraJavaOptions", java_options)
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.eventLog.enabled", "true")
        .config("spark.eventLog.dir", f"file:{logs / 'events'}")
        .config("spark.eventLog.compress", "false")  # plain JSON for the key test to read
        .config("spark.files", str(key_file))
        .config("spark.executorEnv.PIMASK_KEY_FILE", EXECUTOR_KEY_FILE)
        .getOrCreate()
    )
    session.pimask_key_file = key_file  # type: ignore[attr-defined]
    session.pimask_logs = logs  # type: ignore[attr-defined]
    yield session
    session.stop()


def _frame(spark: SparkSession, rows: list[tuple], schema: str, slices: int = 3) -> DataFrame:
    """A DataFrame with deterministic partitioning (no shuffle): ``slices`` partitions."""
    return spark.createDataFrame(spark.sparkContext.parallelize(rows, slices), schema)


def _texts_frame(spark: SparkSession, texts: list[str | None], slices: int = 3) -> DataFrame:
    rows = [(i, text, i * 10) for i, text in enumerate(texts)]
    return _frame(spark, rows, "id long, text string, n int", slices)


def _by_id(df: DataFrame) -> list:
    return sorted(df.collect(), key=lambda row: row["id"])


# --- display masking: same as the library, row by row --------------------------------------


def test_masked_column_equals_library_row_by_row(spark):
    texts = TEXTS * 3
    out = _by_id(mask_columns(_texts_frame(spark, texts), "text"))
    assert [row["text"] for row in out] == [pimask.mask(text) for text in texts]
    assert [row["n"] for row in out] == [i * 10 for i in range(len(texts))]
    assert any(row["text"] != text for row, text in zip(out, texts, strict=True))


@st.composite
def _texts(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        parts.append(draw(NOISE))
        parts.append(draw(st.one_of(*VALUES.values())))
    parts.append(draw(NOISE))
    return "".join(parts)


@settings(max_examples=6, deadline=None)
@given(texts=st.lists(st.one_of(st.none(), _texts()), min_size=1, max_size=12))
def test_property_mask_columns_is_the_library_per_value(spark, texts):
    out = _by_id(mask_columns(_texts_frame(spark, texts, slices=2), ["text"]))
    expected = [None if text is None else pimask.mask(text) for text in texts]
    assert [row["text"] for row in out] == expected


def test_nulls_and_other_columns_pass_through_untouched(spark):
    schema = T.StructType(
        [
            T.StructField("id", T.LongType()),
            T.StructField("text", T.StringType()),
            T.StructField("other", T.StringType()),
            T.StructField("amount", T.DoubleType()),
            T.StructField("at", T.TimestampType()),
            T.StructField("blob", T.BinaryType()),
            T.StructField("tags", T.ArrayType(T.StringType())),
        ]
    )
    at = dt.datetime(2024, 5, 1, 12, 30)
    rows = [
        (1, None, "13912345678", 1.5, at, b"13912345678", ["13912345678"]),
        (2, "手机 13912345678", None, None, None, None, None),
        (3, "", "zhang.san@example.com", -0.0, at, b"", []),
    ]
    df = spark.createDataFrame(rows, schema)
    out = mask_columns(df, "text")
    assert out.schema == df.schema
    got = sorted(out.collect(), key=lambda row: row["id"])
    assert got[0]["text"] is None
    assert got[1]["text"] == pimask.mask("手机 13912345678")
    assert got[2]["text"] == ""
    for before, after in zip(rows, got, strict=True):
        assert tuple(after)[2:] == before[2:]  # unselected string + non-string columns


def test_all_string_columns_by_default(spark):
    df = _frame(spark, [(1, "手机 13912345678", "10.24.3.17")], "id long, a string, b string")
    row = mask_columns(df).collect()[0]
    expected = (1, pimask.mask("手机 13912345678"), pimask.mask("10.24.3.17"))
    assert (row["id"], row["a"], row["b"]) == expected


def test_invalid_utf8_passes_through_byte_for_byte(spark):
    raw = b"\xff\xfe phone 13912345678 \xc3"
    df = spark.createDataFrame([(1, raw.hex())], "id long, h string").select(
        "id", F.unhex("h").cast("string").alias("text")
    )
    out = mask_columns(df, "text").select(F.hex("text").alias("h")).collect()[0]["h"]
    expected = pimask.mask(raw.decode("utf-8", "surrogateescape")).encode(
        "utf-8", "surrogateescape"
    )
    assert bytes.fromhex(out) == expected
    assert b"\xff\xfe" in expected and b"13912345678" not in expected


def test_large_arrow_string_types(spark):
    """With ``useLargeVarTypes`` Spark sends large_string (64-bit offsets): same result."""

    def arrow_type(batches):
        for batch in batches:
            yield pa.RecordBatch.from_pydict({"t": [str(batch.schema.field("text").type)]})

    spark.conf.set("spark.sql.execution.arrow.useLargeVarTypes", "true")
    try:
        df = _texts_frame(spark, TEXTS)
        assert {row["t"] for row in df.mapInArrow(arrow_type, "t string").collect()} == {
            "large_string"
        }
        out = _by_id(mask_columns(df, "text"))
    finally:
        spark.conf.unset("spark.sql.execution.arrow.useLargeVarTypes")
    assert [row["text"] for row in out] == [pimask.mask(text) for text in TEXTS]


def test_bad_columns_are_config_errors_naming_the_column(spark):
    df = _texts_frame(spark, ["x"])
    with pytest.raises(ConfigError, match="'n' is int"):
        mask_columns(df, ["text", "n"])
    with pytest.raises(ConfigError, match="no column 'nope'"):
        mask_columns(df, "nope")
    with pytest.raises(ConfigError, match="on_drop"):
        mask_columns(df, "text", on_drop="explode")
    with pytest.raises(ConfigError, match="engine_options"):
        mask_columns(df, "text", engine_options={"min_scor": 0.3})
    with pytest.raises(ConfigError, match="keys must be"):
        mask_columns(df, "text", "deidentify", keys={"PIMASK_KEY": KEY})


def test_engine_options_reach_the_executors(spark):
    texts = ["手机 13912345678 邮箱 zhang.san@example.com"]
    out = mask_columns(_texts_frame(spark, texts), "text", engine_options={"entities": ["EMAIL"]})
    expected = pimask.Engine(entities=["EMAIL"]).mask(texts[0])
    assert out.collect()[0]["text"] == expected
    assert "13912345678" in expected


@pytest.mark.parametrize("policy", [None, "anonymize"], ids=["display", "anonymize"])
def test_column_context_equals_check_fix_per_cell(spark, policy):
    from pimask.datasets.core import fix_value

    rows = [(1, "3c22fb1a2b3c", "11010519491231002X", "490154203237518")] * 3
    df = _frame(spark, rows, "id long, mac string, order_id string, imei string")
    out = mask_columns(df, policy=policy, column_context=True).collect()
    engine = pimask.Engine()
    expected = [
        fix_value(engine, policy, value, name)
        for name, value in zip(("mac", "order_id", "imei"), rows[0][1:], strict=True)
    ]
    assert all(list(row)[1:] == expected for row in out)
    assert expected[0] != rows[0][1] and expected[1] == rows[0][2]  # context did matter
    plain = mask_columns(df, policy=policy).collect()[0]
    assert list(plain)[1:] == [engine.apply(v, policy).text for v in rows[0][1:]]
    summary = scan_columns(df, column_context=True).collect()
    assert {(row["column"], row["entity"], row["count"]) for row in summary} == {
        ("mac", "MAC_ADDRESS", 3),
        ("imei", "IMEI", 3),
    }


def test_engine_is_built_once_per_worker_not_per_partition(spark):
    """Under real Spark (8 partitions, 2 reused workers), each worker compiles once."""
    texts = TEXTS * 4
    df = _texts_frame(spark, texts, slices=8)
    job = _executor.Job(token="once-per-worker", engine_options={}, columns=("text",))

    def probe(batches):
        rows = sum(batch.num_rows for batch in _executor.mask_batches(job, batches))
        yield pa.RecordBatch.from_pydict(
            {
                "pid": [os.getpid()],
                "builds": [_executor.BUILDS[job.token]],
                "rows": [rows],
            }
        )

    report = df.mapInArrow(probe, "pid long, builds long, rows long").collect()
    assert len(report) == 8
    assert sum(row["rows"] for row in report) == len(texts)
    assert all(row["builds"] == 1 for row in report)
    per_pid = Counter(row["pid"] for row in report)
    assert len(per_pid) < 8  # workers were reused across partitions


def test_worker_cache_builds_once_for_many_batches():
    job = _executor.Job(token="in-process", engine_options={}, columns=("text",))
    batch = pa.RecordBatch.from_pydict({"text": ["手机 13912345678", None]})
    for _ in range(3):
        (out,) = _executor.mask_batches(job, [batch])
        assert out.column(0).to_pylist() == [pimask.mask("手机 13912345678"), None]
    assert _executor.BUILDS[job.token] == 1


# --- Parquet ---------------------------------------------------------------------------------


def test_parquet_round_trip_keeps_the_schema(spark, tmp_path):
    schema = T.StructType(
        [
            T.StructField("id", T.LongType(), False),
            T.StructField("text", T.StringType(), True),
            T.StructField("score", T.DecimalType(10, 2), True),
            T.StructField("day", T.DateType(), True),
        ]
    )
    rows = [(i, text, None, dt.date(2024, 1, 1 + i % 28)) for i, text in enumerate(TEXTS)]
    source = tmp_path / "in.parquet"
    spark.createDataFrame(rows, schema).write.parquet(str(source))
    before = spark.read.parquet(str(source))
    mask_columns(before, "text").write.parquet(str(tmp_path / "out.parquet"))
    after = spark.read.parquet(str(tmp_path / "out.parquet"))
    assert after.schema == before.schema
    got = _by_id(after)
    assert [row["text"] for row in got] == [pimask.mask(text) for text in TEXTS]
    assert [row["day"] for row in got] == [row[3] for row in rows]


# --- policies and keys -----------------------------------------------------------------------


def _library(texts: list[str], policy: str) -> list[str]:
    engine = pimask.Engine()  # fresh: compiles the policy with the current environment
    return [engine.apply(text, policy=policy).text for text in texts]


def test_pseudonyms_equal_the_library_and_agree_across_partitions(spark, monkeypatch):
    monkeypatch.setenv("PIMASK_KEY", KEY)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    texts = ["手机 13912345678", "邮箱 zhang.san@example.com", "联系电话 13912345678"] * 6
    out = _by_id(mask_columns(_texts_frame(spark, texts, slices=5), "text", "deidentify"))
    got = [row["text"] for row in out]
    assert got == _library(texts, "deidentify")
    tokens = {text.split()[1] for text in got if text.startswith(("手机", "联系电话"))}
    assert len(tokens) == 1  # one phone, one pseudonym, in every partition
    assert "13912345678" not in "".join(got)


def test_pseudonyms_are_byte_identical_to_the_cli(spark, monkeypatch, tmp_path):
    monkeypatch.setenv("PIMASK_KEY", KEY)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    texts = [text for text in TEXTS if "\n" not in text and "\r" not in text and text]
    out = _by_id(mask_columns(_texts_frame(spark, texts), "text", policy="deidentify"))
    source = tmp_path / "lines.txt"
    source.write_bytes("".join(text + "\n" for text in texts).encode())
    cli = subprocess.run(
        [sys.executable, "-c", CLI, "mask", "--policy", "deidentify", str(source)],
        capture_output=True,
        check=True,
        env={**os.environ, "PIMASK_KEY": KEY},
    )
    expected = cli.stdout.decode().split("\n")[:-1]
    assert [row["text"] for row in out] == expected


def _logged(spark: SparkSession, marker: str) -> str:
    """The driver log and event log text, once ``marker`` has reached the event log."""
    logs = spark.pimask_logs
    deadline = time.monotonic() + 30
    while True:
        files = [p for p in (logs / "events").rglob("*") if p.is_file()]  # rolling logs: dirs
        events = "".join(p.read_text("utf-8", "replace") for p in files)
        if marker in events or time.monotonic() > deadline:
            return events + (logs / "driver.log").read_text("utf-8", "replace")
        time.sleep(0.2)


def test_key_never_in_plan_pickle_or_logs(spark, monkeypatch, capsys):
    monkeypatch.setenv("PIMASK_KEY", KEY)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    from pyspark import cloudpickle

    df = _texts_frame(spark, ["手机 13912345678"] * 4)
    shipped = []
    original = type(df).mapInArrow

    def recording(self, func, schema, *args, **kwargs):
        shipped.append(func)
        return original(self, func, schema, *args, **kwargs)

    monkeypatch.setattr(type(df), "mapInArrow", recording)
    masked = mask_columns(df, "text", policy="deidentify").withColumnRenamed("n", "n_keytest")
    masked.explain(mode="extended")
    rows = masked.collect()
    assert rows[0]["text"] == _library(["手机 13912345678"], "deidentify")[0]
    explained = capsys.readouterr().out
    assert "MapInArrow pimask_mask_columns" in explained  # explain did print the plan
    logged = _logged(spark, "n_keytest")
    assert "n_keytest" in logged and "pimask_mask_columns" in logged  # the plan was logged
    assert "MapInBatchEvaluator" in logged or "DAGScheduler" in logged  # INFO log written
    pickled = cloudpickle.dumps(shipped[0])
    for text in (explained, logged, repr(shipped[0].__closure__)):
        assert KEY not in text and KEY.encode().hex() not in text
    assert KEY.encode() not in pickled and KEY.encode().hex().encode() not in pickled


def test_keys_from_the_executor_environment_and_shipped_file(spark, monkeypatch):
    """Cluster style: --files pimask.key + spark.executorEnv.PIMASK_KEY_FILE=pimask.key."""
    monkeypatch.setenv("PIMASK_KEY", KEY)  # the driver's key differs: executors must not use it
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    texts = ["手机 13912345678", "身份证 11010519491231002X"]
    out = _by_id(mask_columns(_texts_frame(spark, texts), "text", "deidentify", keys="executor"))
    monkeypatch.delenv("PIMASK_KEY")
    monkeypatch.setenv("PIMASK_KEY_FILE", str(spark.pimask_key_file))
    assert [row["text"] for row in out] == _library(texts, "deidentify")
    assert ":k7:" in out[0]["text"]


def test_keyring_object_is_broadcast(spark, monkeypatch):
    from pimask.keys import Key, KeyRing

    monkeypatch.delenv("PIMASK_KEY", raising=False)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    key = Key("k3", FILE_KEY.encode())
    ring = KeyRing(key, {"k3": key})
    out = mask_columns(_texts_frame(spark, ["手机 13912345678"]), "text", "deidentify", keys=ring)
    monkeypatch.setenv("PIMASK_KEY", FILE_KEY)
    monkeypatch.setenv("PIMASK_KEY_ID", "k3")
    assert out.collect()[0]["text"] == _library(["手机 13912345678"], "deidentify")[0]


def test_missing_key_fails_on_the_driver_before_any_task(spark, monkeypatch):
    monkeypatch.delenv("PIMASK_KEY", raising=False)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    with pytest.raises(ConfigError, match="PIMASK_KEY"):
        mask_columns(_texts_frame(spark, ["x"]), "text", "deidentify")


def test_anonymize_and_delete_policies(spark):
    texts = ["手机 13912345678", "nothing here", None, "ip 10.24.3.17"]
    df = _texts_frame(spark, texts)
    anonymized = [row["text"] for row in _by_id(mask_columns(df, "text", "anonymize"))]
    engine = pimask.Engine()
    assert anonymized == [None if t is None else engine.apply(t, "anonymize").text for t in texts]
    dropped = [row["text"] for row in _by_id(mask_columns(df, "text", "delete"))]
    assert dropped == [None, "nothing here", None, None]
    kept = _by_id(mask_columns(df, "text", "delete", on_drop="row"))
    assert [row["id"] for row in kept] == [1, 2]


# --- scan_columns ----------------------------------------------------------------------------


def _expected_summary(columns: dict[str, list[str | None]]) -> dict:
    engine = pimask.Engine()
    summary: dict[tuple[str, str], list] = {}
    for column, values in columns.items():
        for row, value in enumerate(values):
            if value is None:
                continue
            found = Counter(f.entity for f in engine.scan(value))
            for entity, count in found.items():
                entry = summary.setdefault((column, entity), [0, 0, []])
                entry[0] += count
                entry[1] += 1
                entry[2].append(row)
    return summary


def test_scan_columns_counts_and_row_ids_never_values(spark):
    texts = TEXTS * 2
    others = [None if i % 3 else "邮箱 zhang.san@example.com" for i in range(len(texts))]
    rows = [(i, text, other) for i, (text, other) in enumerate(zip(texts, others, strict=True))]
    df = _frame(spark, rows, "id long, text string, other string")
    result = scan_columns(df, ["text", "other"], id_column="id", examples=3).collect()
    expected = _expected_summary({"text": texts, "other": others})
    got = {(row["column"], row["entity"]): row for row in result}
    assert set(got) == set(expected)
    for key, (count, rows_with, ids) in expected.items():
        assert got[key]["count"] == count
        assert got[key]["rows"] == rows_with
        assert got[key]["example_row_ids"] == sorted(ids)[:3]
    assert [(row["column"], row["entity"]) for row in result] == sorted(got)
    dumped = json.dumps([row.asDict() for row in result], ensure_ascii=False)
    for value in ("13912345678", "zhang.san", "11010519491231002X", "10.24.3.17"):
        assert value not in dumped


def test_scan_positional_ids_match_monotonically_increasing_id(spark):
    texts = ["a", "手机 13912345678", "b", "c", "手机 15812345678", "d", "手机 13912345678"]
    df = _texts_frame(spark, texts, slices=3)
    ids = [
        row["mid"]
        for row in df.withColumn("mid", F.monotonically_increasing_id()).collect()
        if "手机" in row["text"]
    ]
    (row,) = scan_columns(df, "text", examples=10).collect()
    assert (row["entity"], row["count"], row["rows"]) == ("CN_MOBILE", 3, 3)
    assert row["example_row_ids"] == sorted(ids)
    assert max(ids) >= 1 << 33  # the rows really were spread over partitions


# --- batch entry point -----------------------------------------------------------------------


def test_cli_parquet_in_parquet_out(spark, tmp_path):
    rows = [(i, text, float(i)) for i, text in enumerate(TEXTS)]
    source = tmp_path / "events.parquet"
    spark.createDataFrame(rows, "id long, text string, x double").write.parquet(str(source))
    target = tmp_path / "masked"
    code = spark_main(["--input", str(source), "--output", str(target), "--columns", "text"])
    assert code == 0
    out = spark.read.parquet(str(target))
    assert out.schema == spark.read.parquet(str(source)).schema
    assert [row["text"] for row in _by_id(out)] == [pimask.mask(text) for text in TEXTS]


def test_cli_csv_and_json_keep_their_format(spark, tmp_path):
    csv_in = tmp_path / "t.csv"
    csv_in.write_text('id,text\n1,"手机 13912345678, ""quoted"""\n2,plain\n', encoding="utf-8")
    assert spark_main(["--input", str(csv_in), "--output", str(tmp_path / "c")]) == 0
    got = spark.read.option("header", "true").option("escape", '"').csv(str(tmp_path / "c"))
    values = {row["id"]: row["text"] for row in got.collect()}
    assert values == {"1": pimask.mask('手机 13912345678, "quoted"'), "2": "plain"}

    json_in = tmp_path / "t.jsonl"
    json_in.write_text(
        json.dumps({"id": 1, "msg": "邮箱 zhang.san@example.com", "n": 5}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    assert spark_main(["--input", str(json_in), "--output", str(tmp_path / "j")]) == 0
    (part,) = [p for p in (tmp_path / "j").glob("part-*")]
    record = json.loads(part.read_text(encoding="utf-8"))
    assert record == {"id": 1, "msg": pimask.mask("邮箱 zhang.san@example.com"), "n": 5}


def test_cli_scan_prints_a_summary_without_values(spark, tmp_path, capsys):
    source = tmp_path / "s.jsonl"
    source.write_text('{"id": 7, "msg": "手机 13912345678"}\n', encoding="utf-8")
    assert spark_main(["--input", str(source), "--scan", "--id-column", "id"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == {
        "column": "msg",
        "entity": "CN_MOBILE",
        "count": 1,
        "rows": 1,
        "example_row_ids": [7],
    }


def test_cli_usage_and_input_errors_exit_2(spark, tmp_path, capsys):
    assert spark_main(["--input", str(tmp_path / "x.unknown"), "--output", "o"]) == 2
    assert "--format" in capsys.readouterr().err
    assert spark_main(["--input", str(tmp_path / "missing.parquet"), "--output", "o"]) == 2
    assert "missing.parquet" in capsys.readouterr().err
    source = tmp_path / "t.csv"
    source.write_text("id,text\n1,a\n", encoding="utf-8")
    assert spark_main(["--input", str(source)]) == 2
    assert "--output is required" in capsys.readouterr().err
    assert (
        spark_main(["--input", str(source), "--output", str(tmp_path / "o2"), "--columns", "nope"])
        == 2
    )
    assert "no column 'nope'" in capsys.readouterr().err
    target = tmp_path / "exists"
    target.mkdir()
    assert spark_main(["--input", str(source), "--output", str(target)]) == 2
    assert "exists" in capsys.readouterr().err


def test_importing_pimask_does_not_import_pyspark():
    code = "import sys, pimask, pimask.integrations.spark; print('pyspark' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- benchmark smoke run ---------------------------------------------------------------------


def test_throughput_benchmark_smoke(spark, tmp_path):
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "spark_throughput.py"
    spec = importlib.util.spec_from_file_location("spark_throughput", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    source = tmp_path / "input.log"
    with source.open("wb") as handle:
        written = bench.write_throughput(handle, 30_000, seed=1)
    run = bench.measure(spark, source, 2, repeat=1, policies=("display",))
    assert run["rows"] == source.read_bytes().count(b"\n")
    assert run["bytes"] == written - run["rows"]  # UTF-8 bytes without the newlines
    assert set(run["cases"]) == {"arrow floor", "display"}
    assert all(case["rows_per_s"] > 0 for case in run["cases"].values())
    report = {"machine": "test", "rows": run["rows"], "bytes": run["bytes"], "spark": [run]}
    report["library"] = bench.measure_library(source, repeat=1)
    assert "| local[2] | display |" in bench.render(report)


def test_cli_engine_options_include_every_detection_flag():
    from pimask.integrations.spark.__main__ import _engine_options, build_parser

    args = build_parser().parse_args(
        [
            "--input",
            "x.parquet",
            "--min-score",
            "0.7",
            "--entities",
            "CN_MOBILE, EMAIL",
            "--disable",
            "r1",
            "--enable",
            "zh_person",
            "--recognizers",
            "mine.yaml",
        ]
    )
    assert _engine_options(args) == {
        "min_score": 0.7,
        "entities": ["CN_MOBILE", "EMAIL"],
        "disabled": ["r1"],
        "enable": ["zh_person"],
        "recognizer_files": ["mine.yaml"],
    }


def test_python_dash_m_entry_point_runs_its_own_local_session(spark, tmp_path):
    """The documented command, in a fresh process: no PYSPARK_PYTHON, a local master."""
    source = tmp_path / "in.parquet"
    spark.createDataFrame([(1, "手机 13912345678")], "id long, text string").write.parquet(
        str(source)
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYSPARK", "PIMASK"))}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pimask.integrations.spark",
            "--input",
            str(source),
            "--output",
            str(tmp_path / "out"),
            "--policy",
            "anonymize",
            "--master",
            "local[1]",
        ],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    (row,) = spark.read.parquet(str(tmp_path / "out")).collect()
    assert (row["id"], row["text"]) == (
        1,
        pimask.Engine().apply("手机 13912345678", "anonymize").text,
    )


# --- fail closed (issue 15) -----------------------------------------------------------------

FAIL_CLOSED_MOBILE = 13812345678


def test_cli_refuses_an_int64_column_of_mobiles(spark, tmp_path: Path, capsys) -> None:
    """Issue 15: 'mask every string column' wrote an int64 of mobiles in clear."""
    source = tmp_path / "users.parquet"
    spark.createDataFrame(
        [(1, FAIL_CLOSED_MOBILE, "手机 13912345678")], "id long, phone long, t string"
    ).write.parquet(str(source))
    target = tmp_path / "masked"
    assert spark_main(["--input", str(source), "--output", str(target)]) == 2
    err = capsys.readouterr().err
    assert "columns not examined: phone (bigint holding numbers of 11+ digits)" in err
    assert not target.exists()
    # naming the columns is the explicit way to leave the others as they are
    assert spark_main(["--input", str(source), "--output", str(target), "--columns", "t"]) == 0


def test_mask_columns_refuses_binary_and_nested_but_not_small_numbers(spark) -> None:
    frame = spark.createDataFrame(
        [(1, 2.5, ["a"], "x")], "id long, amount double, tags array<string>, t string"
    )
    with pytest.raises(ConfigError, match=r"tags \(array<string>\)"):
        mask_columns(frame)
    ok = spark.createDataFrame([(1, 2.5, "x")], "id long, amount double, t string")
    assert mask_columns(ok).collect()[0]["amount"] == 2.5
