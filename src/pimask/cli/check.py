"""``pimask check``: the pre-commit and CI entry point for datasets, logs and text.

Exit codes: 0 clean, 1 forbidden findings remain, 2 usage/config error or a file that could
not be read (undecodable, malformed, larger than ``--max-bytes``). Output names the file,
where (line, or row and column name, or key path) and the entity; values only with
``--show-values``. ``--fix`` rewrites files in place with the policy (see
docs/pre-commit.md); files are never modified without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from pimask.cli.common import (
    NameRedactor,
    add_engine_options,
    engine_from_args,
    load_policy,
    redact_message,
)
from pimask.errors import ConfigError

# why: literal copies so `pimask --help` does not import the engine (a test keeps them equal)
FORMATS = ("text", "csv", "tsv", "json", "jsonl", "parquet")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


DEFAULT_MAX_FINDINGS = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check files and trees (text, CSV/TSV, JSON/JSONL, Parquet) for personal data",
        description=(
            "Exit 1 when a file holds personal information the policy forbids, 0 when clean, "
            "2 on usage errors or files that cannot be checked. Directories are walked like "
            "ripgrep does: every file, tracked or not, minus what .gitignore, .pimaskignore "
            "and --exclude exclude; binary, compressed or unsupported files met in a walk "
            "are skipped with a note, while named ones are read (compressed text "
            "decompressed) or fail. '-' reads standard input. Values are never printed unless "
            "--show-values is given. Findings accepted by the baseline or an inline "
            "'pimask: allow' pragma do not count. More: 'pimask help check'."
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="PATH",
        help="files, directories (walked) or - for standard input",
    )
    parser.add_argument(
        "--staged",
        action="store_true",
        help="check the files staged in git (added, copied, modified, renamed), for a plain "
        "git pre-commit hook; their working-tree contents are read",
    )
    parser.add_argument(
        "--exclude",
        metavar="GLOB",
        action="append",
        default=[],
        help="skip files matching this gitignore-style pattern in walked directories and "
        "--staged (repeatable); files named explicitly are always checked",
    )
    add_check_options(parser)
    parser.add_argument(
        "--fix",
        action="store_true",
        help="rewrite files in place with the policy (atomic; format, quoting, encoding and "
        "line endings kept); exit 1 if anything forbidden remains",
    )
    add_report_options(parser, ("text", "json", "sarif"))
    parser.set_defaults(handler=run)


def add_report_options(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    """Report options shared by ``check`` and ``scan``."""
    report = parser.add_argument_group("report")
    report.add_argument(
        "--format",
        choices=formats,
        default="text",
        help="report format (default: text)",
    )
    report.add_argument(
        "--max-findings",
        type=int,
        metavar="N",
        default=DEFAULT_MAX_FINDINGS,
        help=f"list at most N findings per file, then counts per entity and column "
        f"(default {DEFAULT_MAX_FINDINGS}; 0: all)",
    )
    report.add_argument(
        "--summary",
        action="store_true",
        help="no individual findings: counts per file, entity and column only",
    )
    report.add_argument(
        "--show-values",
        action="store_true",
        help="include the matched values in the report (they are personal information!)",
    )
    report.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (shown only when stderr is a terminal)",
    )


def kept_findings(args: argparse.Namespace) -> int | None:
    """How many findings per file a report keeps: None for all."""
    if args.max_findings < 0:
        raise ConfigError("--max-findings must be 0 (all) or positive")
    if args.summary:
        return 0
    return args.max_findings or None


def add_check_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by ``check`` and ``baseline``: policy, reading, baseline location."""
    parser.add_argument(
        "--policy",
        metavar="P",
        default=None,
        help="policy whose entities are forbidden: display, deidentify, anonymize, delete or "
        "a YAML file (default: every entity is forbidden; --fix uses display masking)",
    )
    reading = parser.add_argument_group("reading files")
    reading.add_argument(
        "--encoding",
        metavar="ENC",
        default=None,
        help="text encoding, e.g. utf-8, gb18030, gbk (default: detect UTF-8, UTF-8 with "
        "BOM, GB18030)",
    )
    reading.add_argument(
        "--as",
        dest="as_format",
        choices=FORMATS,
        default=None,
        help="read every file as this format (default: from the extension; others are text)",
    )
    reading.add_argument(
        "--delimiter",
        metavar="C",
        default=None,
        help="CSV delimiter, one character; '\\t' or 'tab' for tab (default: sniffed)",
    )
    reading.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        default=None,
        help="refuse files larger than N bytes (exit 2; 0: no limit). Default: no limit for "
        "text, CSV, JSON Lines and Parquet, which are read piece by piece; "
        f"{DEFAULT_MAX_BYTES} for files read whole (a single JSON document, --fix)",
    )
    base = parser.add_argument_group("baseline")
    base.add_argument(
        "--baseline",
        metavar="FILE",
        default=None,
        help="baseline of accepted findings (default: .pimask-baseline.json if it exists)",
    )
    base.add_argument(
        "--no-baseline", action="store_true", help="ignore the baseline, report everything"
    )
    add_engine_options(parser)


def build_options(args: argparse.Namespace, *, fix: bool, accepted: Any = None):
    """CheckOptions from the command line: engine, policy coverage, reading options."""
    from pimask.datasets.core import CheckOptions

    if args.max_bytes is not None and args.max_bytes < 0:
        raise ConfigError("--max-bytes must be 0 (no limit) or positive")
    engine = engine_from_args(args)
    policy = load_policy(args.policy)
    options = CheckOptions(
        engine=engine,
        policy=policy,
        encoding=args.encoding,
        as_format=args.as_format,
        delimiter={"\\t": "\t", "tab": "\t"}.get(args.delimiter, args.delimiter),
        max_bytes=DEFAULT_MAX_BYTES if args.max_bytes is None else args.max_bytes,
        max_stream_bytes=args.max_bytes or 0,
        accepted=accepted,
        fix=fix,
    )
    if policy is not None:
        _bind_policy(options, policy, fix=fix)
    else:
        from pimask.policy.model import ORGANISATION_ENTITIES

        # why: without a policy, check forbids what masking without a policy masks: an
        # organisation's id (CN_USCC) is found, and forbidden only when --entities names it
        named = set(engine.selected_entities or ())
        options.covered = frozenset(
            entity
            for entity in engine.entities
            if entity not in ORGANISATION_ENTITIES or entity in named
        )
    return options


def _bind_policy(options: Any, policy: Any, *, fix: bool) -> None:
    """Forbidden = covered by the policy and not on its allowlist, at its minimum score.

    Checking needs no secret key even for a keyed policy (only --fix writes tokens), so
    without --fix the policy is bound scan-only, as ``pimask verify`` does: no operators,
    no key, and the policy's own tokens are recognised by shape whatever their key id.
    """
    if fix or not getattr(policy, "needs_key", False):
        compiled = options.engine.compiled_policy(policy)
    else:
        from pimask.policy import CompiledPolicy

        compiled = CompiledPolicy(policy, options.engine, build_operators=False)
    options.engine = compiled.engine  # a policy may add or disable recognizers
    options.covered = compiled.covered
    options.min_score = compiled.min_score
    options.allowlisted = compiled.allowed
    options.own_token = compiled.own_output


def baseline_path(args: argparse.Namespace) -> Path | None:
    from pimask.baseline import BASELINE_FILE

    if getattr(args, "no_baseline", False):
        return None
    if args.baseline is not None:
        path = Path(args.baseline)
        if not path.exists():
            raise ConfigError(f"{path}: baseline file not found")
        return path
    default = Path(BASELINE_FILE)
    return default if default.exists() else None


def targets_from(args: argparse.Namespace) -> list:
    """The files ``args`` name: explicit files and ``-``, walked directories, ``--staged``."""
    from pimask.walk import expand, staged

    targets = list(expand(args.files, exclude=args.exclude))
    if getattr(args, "staged", False):
        targets.extend(staged(args.exclude))
    return targets


class BaselineState:
    """The baseline as this run can use it: with its key, locked (no key here), or none."""

    def __init__(self, args: argparse.Namespace) -> None:
        from pimask.baseline import Baseline, LockedBaseline, MissingKeyError, load_key

        self.baseline: Any = None
        self.locked: Any = None
        self.fingerprints: Any = None  # a Baseline (maybe empty) whose key fingerprints hits
        path = baseline_path(args)
        if path is not None:
            try:
                key, _ = load_key(path.resolve().parent)
            except MissingKeyError:
                # why: a teammate without the key can still commit files without findings;
                # findings in files the baseline covers fail with advice (see advise())
                self.locked = LockedBaseline.read(path)
                return
            self.baseline = Baseline.load(path, key)
            self.fingerprints = self.baseline
            return
        try:
            key, _ = load_key(Path.cwd())
        except ConfigError:
            return
        from pimask.baseline import BASELINE_FILE

        self.fingerprints = Baseline(Path(BASELINE_FILE), key)

    @property
    def accepts(self) -> Any:
        return None if self.baseline is None else self.baseline.accepts


def run(args: argparse.Namespace) -> int:
    from pimask.datasets.checker import check_file
    from pimask.progress import byte_bar

    kept = kept_findings(args)
    targets = targets_from(args)
    if not targets:
        if args.staged:
            return 0
        args._parser.error("give files or directories to check (or --staged)")
    state = BaselineState(args)
    options = build_options(args, fix=args.fix, accepted=state.accepts)
    options.max_hits = kept
    bar = byte_bar(_total_size(targets), enabled=not args.no_progress)
    options.progress = bar.update
    reports = []
    guard = None
    if args.fix:
        from pimask.stream import SignalGuard

        # why: SIGTERM as an exception, so the temporary file of a fix is removed
        guard = SignalGuard()
        guard.install()
    try:
        for target in targets:
            report = check_file(target.path, options, explicit=target.explicit)
            if report.skipped and target.explicit:
                report.error = f"{report.file}: cannot be checked: {report.skipped}"
                report.skipped = None
            _finish(report, state)
            reports.append(report)
    finally:
        bar.close()
        if guard is not None:
            guard.restore()
    if not args.show_values:
        # why: SARIF keeps the real artifact path (code scanning annotates that file); its
        # messages and notifications still show file names redacted (see to_sarif)
        redact(reports, options.engine, path=args.format != "sarif")
    write_report(reports, args, sys.stdout)
    if any(report.error for report in reports):
        return 2
    if any(report.forbidden_total for report in reports):
        return 1
    return 0


def redact(reports: list, engine: Any, *, path: bool = True) -> None:
    """Names that are personal data shown as ``<ENTITY>``: file names (with ``path``),
    field names in hits and counts, notes and errors."""
    redactor = NameRedactor(engine)
    for report in reports:
        redactor.report(report, path=path)
        counts: Counter[tuple[str, str]] = Counter()
        for (name, entity), count in report.field_counts.items():
            counts[(redactor.name(name), entity)] += count
        report.field_counts = counts


def _total_size(targets: list) -> int:
    import contextlib
    import os

    total = 0
    for target in targets:
        with contextlib.suppress(OSError):
            total += os.path.getsize(target.path) if target.path != "-" else 0
    return total


def _finish(report: Any, state: BaselineState) -> None:
    """Fingerprints (keyed, when the key is here), stale entries, unverifiable findings."""
    from dataclasses import replace

    if state.fingerprints is not None:
        report.hits = [
            replace(hit, fingerprint=state.fingerprints.fingerprint(hit)) for hit in report.hits
        ]
    if report.error or report.skipped:
        return
    if state.baseline is not None:
        stale = state.baseline.stale_for(report.file)
        if stale:
            report.stale = stale
    if state.locked is not None and report.forbidden_total:
        report.baseline_unverified = state.locked.might_cover(report.file)


def shown_names(show_values: bool) -> Callable[[str], str]:
    """How file names appear in messages: as they are with ``--show-values``, else with
    any value in them as ``<ENTITY>`` (a file called ``13812345678.csv``).

    why: text and JSON reports carry redacted file names already; SARIF keeps the real
    artifact path, so its messages and the advice printed beside it redact it here.
    """
    if show_values:
        return lambda name: name
    return redact_message


def write_report(reports: list, args: argparse.Namespace, out: TextIO) -> None:
    """The report in ``args.format``; advice that is not data goes to stderr for JSON."""
    if args.format == "json":
        out.write(json.dumps(to_json(reports, args.show_values), ensure_ascii=False, indent=2))
        out.write("\n")
        advise(reports, args, sys.stderr)
    elif args.format == "sarif":
        out.write(json.dumps(to_sarif(reports, args.show_values), ensure_ascii=False, indent=2))
        out.write("\n")
        advise(reports, args, sys.stderr)
    elif args.format == "jsonl":
        for report in reports:
            if report.error:
                print(f"pimask: error: {report.error}", file=sys.stderr)
            for hit in report.hits:
                out.write(json.dumps(hit.to_dict(show_values=args.show_values), ensure_ascii=False))
                out.write("\n")
    else:
        write_text(reports, args, out)
        advise(reports, args, out)
    out.flush()


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def write_text(reports: list, args: argparse.Namespace, out: TextIO) -> None:
    explain = getattr(args, "explain", False)
    for report in reports:
        if report.error:
            print(f"pimask: error: {report.error}", file=sys.stderr)
        if report.fixed or report.dropped:
            done = []
            if report.fixed:
                done.append(f"fixed {_plural(report.fixed, 'value')}")
            if report.dropped:
                done.append(f"removed {_plural(report.dropped, 'record')}")
            out.write(f"{report.file}: {', '.join(done)}\n")
        if report.skipped:
            out.write(f"{report.file}: skipped: {report.skipped}\n")
        for note in report.notes:
            out.write(f"{report.file}: note: {note}\n")
        shown = 0
        for hit in report.hits:
            if hit.status != "forbidden":
                continue
            shown += 1
            out.write(_hit_line(report.file, hit, args.show_values, explain) + "\n")
        total = report.forbidden_total
        if not total:
            continue
        if shown < total:
            rest = total - shown
            more = " more" if shown else ""
            out.write(
                f"{report.file}: {rest}{more} forbidden finding{'s' if rest != 1 else ''} "
                "not listed (--max-findings 0 lists them all)\n"
            )
        if report.format in ("csv", "tsv", "parquet", "json", "jsonl"):
            label = "column" if report.format in ("csv", "tsv", "parquet") else "key"
            for (field, entity), count in sorted(report.column_summary().items()):
                out.write(f"{report.file}: {label} {field}: {count} {entity}\n")
        elif shown < total:
            counts = ", ".join(
                f"{count} {entity}" for entity, count in sorted(report.entity_counts.items())
            )
            out.write(f"{report.file}: {counts}\n")


def _hit_line(file: str, hit: Any, show_values: bool, explain: bool = False) -> str:
    separator = ":" if hit.where[0].isdigit() else ": "
    line = f"{file}{separator}{hit.where}: {hit.entity} (score {hit.score:.2f})"
    if show_values:
        line += f" value={hit.value!r}"
    return line


def advise(reports: list, args: argparse.Namespace, out: TextIO) -> None:
    """The closing summary: counts, skipped files, stale baseline entries, what to do."""
    from pimask.baseline import KEY_HELP

    forbidden = sum(report.forbidden_total for report in reports)
    failing = sum(1 for report in reports if report.forbidden_total)
    baseline = sum(report.counts["baseline"] for report in reports)
    pragma = sum(report.counts["pragma"] for report in reports)
    skipped = sum(1 for report in reports if report.skipped)
    accepted = []
    if baseline:
        accepted.append(f"{baseline} accepted by the baseline")
    if pragma:
        accepted.append(f"{pragma} by 'pimask: allow'")
    suffix = f" ({', '.join(accepted)})" if accepted else ""
    names = shown_names(getattr(args, "show_values", False))
    for report in reports:
        stale = report.stale
        if stale:
            entries = _plural(stale, "baseline entry", "baseline entries")
            shown = names(report.file)
            out.write(
                f"pimask: hint: {shown}: {entries} "
                f"no longer {'matches' if stale == 1 else 'match'} anything; "
                f"'pimask baseline update {shown}' forgets "
                f"{'it' if stale == 1 else 'them'}\n"
            )
    if skipped:
        out.write(
            f"pimask: {_plural(skipped, 'file')} skipped (binary or unsupported; listed above)\n"
        )
    if forbidden:
        out.write(
            f"pimask: {_plural(forbidden, 'forbidden finding')} in "
            f"{_plural(failing, 'file')}{suffix}\n"
        )
        if getattr(args, "fix", None) is False:
            out.write(
                "pimask: fix with 'pimask check --fix FILE…' or, after review, accept with "
                "'pimask baseline update FILE…'\n"
            )
    unverified = [report for report in reports if report.baseline_unverified]
    if unverified:
        count = sum(report.forbidden_total for report in unverified)
        out.write(
            f"pimask: {_plural(count, 'finding')} in {_plural(len(unverified), 'file')} that the "
            "baseline has entries for could not be compared with it: this machine does not "
            "have the baseline's secret key.\n"
            f"pimask: to decide here, get the key: {KEY_HELP}.\n"
            "pimask: without it, CI (which holds the key as a secret) decides; pre-commit "
            "users can skip only this hook for such a commit with SKIP=pimask-check, and CI "
            "still checks it.\n"
        )


def _file_dict(report: Any) -> dict[str, Any]:
    return {
        "file": report.file,
        "format": report.format,
        "encoding": report.encoding,
        "error": report.error,
        "skipped": report.skipped,
        "fixed": report.fixed,
        "dropped": report.dropped,
        "notes": report.notes,
        "forbidden": report.forbidden_total,
        "accepted": report.accepted,
        "listed": len(report.hits),
        "not_listed": report.omitted,
        "baseline_unverified": report.baseline_unverified,
        "stale_baseline_entries": report.stale,
        "entities": dict(sorted(report.entity_counts.items())),
        "fields": [
            {"field": field, "entity": entity, "count": count}
            for (field, entity), count in sorted(report.column_summary().items())
        ],
    }


def to_json(reports: list, show_values: bool) -> dict[str, Any]:
    from pimask import __version__

    statuses: Counter[str] = Counter()
    for report in reports:
        statuses.update(report.counts)
    return {
        "tool": "pimask",
        "version": __version__,
        "summary": {
            "forbidden": statuses["forbidden"],
            "baseline": statuses["baseline"],
            "pragma": statuses["pragma"],
            "errors": sum(1 for r in reports if r.error),
            "skipped": sum(1 for r in reports if r.skipped),
            "files": len(reports),
            "not_listed": sum(r.omitted for r in reports),
        },
        "files": [_file_dict(report) for report in reports],
        "findings": [hit.to_dict(show_values=show_values) for r in reports for hit in r.hits],
    }


def to_sarif(reports: list, show_values: bool) -> dict[str, Any]:
    """SARIF 2.1.0, for code scanning dashboards; accepted findings carry a suppression."""
    from pimask import __version__

    hits = [hit for report in reports for hit in report.hits]
    rules = sorted({hit.entity for hit in hits})
    results = []
    for hit in hits:
        region: dict[str, Any] = {}
        if hit.line:
            region["startLine"] = hit.line
        if hit.column:
            region["startColumn"] = hit.column
            region["endColumn"] = hit.column + hit.length
        location: dict[str, Any] = {"artifactLocation": {"uri": Path(hit.file).as_posix()}}
        if region:
            location["region"] = region
        where = hit.where
        if hit.field is None and hit.column is not None:
            where = f"line {hit.line}, column {hit.column}"
        message = f"{hit.entity} at {where}"
        if show_values:
            message += f": {hit.value}"
        result: dict[str, Any] = {
            "ruleId": hit.entity,
            "ruleIndex": rules.index(hit.entity),
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": location}],
            "properties": {"score": round(hit.score, 3), "row": hit.row, "field": hit.field},
        }
        if hit.fingerprint is not None:
            # why: only the keyed fingerprint identifies a finding across runs; a value or an
            # unkeyed hash of one would be enumerable (10^11 mobiles), so without the key the
            # dashboard matches results by location only
            result["partialFingerprints"] = {"pimaskKeyedFingerprint/v1": hit.fingerprint}
        if hit.status != "forbidden":
            result["suppressions"] = [
                {"kind": "inSource" if hit.status == "pragma" else "external"}
            ]
        results.append(result)
    names = shown_names(show_values)
    notifications = [
        {"level": "error", "message": {"text": names(report.error)}}
        for report in reports
        if report.error
    ]
    for report in reports:
        if report.skipped:
            text = f"{names(report.file)}: skipped: {report.skipped}"
            notifications.append({"level": "note", "message": {"text": text}})
        if report.omitted:
            text = (
                f"{names(report.file)}: {report.omitted} more findings not listed "
                f"({report.forbidden_total} forbidden in all; --max-findings 0 lists them all)"
            )
            notifications.append({"level": "warning", "message": {"text": text}})
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pimask",
                        "version": __version__,
                        "rules": [
                            {"id": entity, "shortDescription": {"text": f"{entity} found"}}
                            for entity in rules
                        ],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not any(r.error for r in reports),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }
