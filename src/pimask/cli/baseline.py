"""``pimask baseline create|update|audit``: accept reviewed findings without leaking them.

The baseline (``.pimask-baseline.json``) holds keyed fingerprints only; its secret key comes
from ``$PIMASK_BASELINE_KEY``, ``$PIMASK_BASELINE_KEY_FILE`` or a git-ignored
``.pimask-baseline.key`` that ``create`` generates. See docs/pre-commit.md.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from pimask.errors import ConfigError


def register(subparsers: argparse._SubParsersAction) -> None:
    from pimask.cli.check import add_check_options

    parser = subparsers.add_parser(
        "baseline", help="accept reviewed findings: create, update or audit the baseline"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    create = actions.add_parser(
        "create", help="accept every current finding in FILE… (generates the secret key)"
    )
    create.add_argument("files", nargs="+", metavar="PATH", help="files or directories")
    create.add_argument("--force", action="store_true", help="overwrite an existing baseline")
    update = actions.add_parser(
        "update",
        help="re-check FILE…: accept their current findings, forget ones no longer there",
    )
    update.add_argument("files", nargs="+", metavar="PATH", help="files or directories")
    audit = actions.add_parser(
        "audit", help="list accepted findings; with FILE… also whether each is still there"
    )
    audit.add_argument("files", nargs="*", metavar="PATH", help="files or directories")
    audit.add_argument(
        "--show-values",
        action="store_true",
        help="print the value of each accepted finding found in FILE… (personal data!)",
    )
    audit.add_argument(
        "--fail-on-stale",
        action="store_true",
        help="exit 1 when an accepted finding is no longer in the files checked",
    )
    for sub, handler in ((create, run_create), (update, run_update), (audit, run_audit)):
        add_check_options(sub)
        sub.set_defaults(handler=handler)


def _path(args: argparse.Namespace) -> Path:
    from pimask.baseline import BASELINE_FILE

    return Path(args.baseline or BASELINE_FILE)


def _targets(args: argparse.Namespace) -> list:
    """``FILE…`` with directories walked as ``pimask check`` walks them
    (:class:`pimask.walk.Target`: named files explicit, walked ones not)."""
    from pimask.walk import expand

    return list(expand(args.files))


def _check(name: str, options, *, explicit: bool = True) -> object:
    """One file's report; a file that cannot be read stops the command (exit 2), as does a
    named file that cannot be examined (binary, compressed beyond reach).

    Files met in a walk that cannot be examined (binary) hold nothing to accept."""
    from pimask.datasets.checker import check_file

    report = check_file(name, options, explicit=explicit)
    if report.error:
        raise ConfigError(report.error)
    if report.skipped and explicit:
        raise ConfigError(f"{name}: cannot be checked: {report.skipped}")
    return report


def _current_hits(args: argparse.Namespace, targets: list) -> list:
    """Every finding the policy forbids in ``targets``, pragma-allowed ones excluded."""
    from pimask.cli.check import build_options

    options = build_options(args, fix=False)
    hits = []
    for target in targets:
        report = _check(target.path, options, explicit=target.explicit)
        hits.extend(hit for hit in report.hits if hit.status == "forbidden")
    return hits


def run_create(args: argparse.Namespace) -> int:
    from pimask.baseline import Baseline, load_key

    path = _path(args)
    if path.exists() and not args.force:
        raise ConfigError(f"{path}: baseline exists; use 'pimask baseline update' or --force")
    key, created = load_key(path.resolve().parent, create=True)
    if created:
        print(
            f"pimask: generated the baseline secret in {key.source} (git-ignored; share it "
            "with your team and CI as $PIMASK_BASELINE_KEY, never commit it)"
        )
    baseline = Baseline(path, key)
    targets = _targets(args)
    files = [target.path for target in targets]
    hits = _current_hits(args, targets)
    baseline.entries = {baseline.entry_for(hit) for hit in hits}
    baseline.save()
    print(f"pimask: {path}: accepted {len(baseline.entries)} finding(s) in {len(files)} file(s)")
    return 0


def run_update(args: argparse.Namespace) -> int:
    from pimask.baseline import Baseline, load_key

    path = _path(args)
    if not path.exists():
        raise ConfigError(f"{path}: no baseline yet; run 'pimask baseline create' first")
    key, _ = load_key(path.resolve().parent)
    baseline = Baseline.load(path, key)
    targets = _targets(args)
    rescanned = {baseline.file_key(target.path) for target in targets}
    current = {baseline.entry_for(hit) for hit in _current_hits(args, targets)}
    before = baseline.entries
    kept_elsewhere = {entry for entry in before if entry.file not in rescanned}
    after = kept_elsewhere | current
    added = len(after - before)
    removed = len(before - after)
    baseline.entries = after
    baseline.save()
    print(f"pimask: {path}: {len(after)} accepted finding(s): {added} added, {removed} removed")
    return 0


def run_audit(args: argparse.Namespace) -> int:
    from pimask.baseline import Baseline, load_key

    path = _path(args)
    key, _ = load_key(path.resolve().parent)
    baseline = Baseline.load(path, key)
    out = sys.stdout
    present: dict = {}
    targets = _targets(args)
    files = [target.path for target in targets]
    if files:
        from pimask.cli.check import build_options
        from pimask.cli.common import NameRedactor

        options = build_options(args, fix=False, accepted=None)
        redactor = NameRedactor(options.engine)
        for target in targets:
            report = _check(target.path, options, explicit=target.explicit)
            for hit in report.hits:
                # why: the entry (fingerprint) comes from the hit as found; only what is
                # printed is redacted, so --show-values never changes which entry matches
                shown = hit if args.show_values else redactor.hit(hit)
                present.setdefault(baseline.entry_for(hit), []).append(shown)
    checked = {baseline.file_key(name) for name in files}
    stale = 0
    by_file: Counter[str] = Counter(entry.file for entry in baseline.entries)
    for entry in sorted(baseline.entries):
        status = ""
        if entry.file in checked:
            hits = present.get(entry)
            if hits:
                where = ", ".join(hit.where for hit in hits[:3])
                more = f" (+{len(hits) - 3} more)" if len(hits) > 3 else ""
                status = f" present at {where}{more}"
                if args.show_values:
                    status += f" value={hits[0].value!r}"
            else:
                status = " STALE (no longer found)"
                stale += 1
        out.write(f"{entry.file}: {entry.field or '-'}: {entry.entity}{status}\n")
    out.write(
        f"pimask: {path}: {len(baseline.entries)} accepted finding(s) in {len(by_file)} "
        f"file(s), key from {key.source}"
    )
    out.write(f", {stale} stale\n" if files else "\n")
    return 1 if stale and args.fail_on_stale else 0
