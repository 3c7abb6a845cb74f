"""`python -m arena ...`: everything a script or an admin needs, with readable errors.

Exit codes: 0 done, 1 the data was rejected or the action refused, 2 bad usage or an
unreachable / unusable database.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from arena import config
from arena.store import (
    StoreError,
    check_connection,
    get_engine,
    migrate,
    require_schema,
    safe_url,
    table_counts,
)


def _engine(*, schema: bool = True):
    """The store, reachable and (unless `schema` is false, for init and info) migrated."""
    engine = get_engine(config.database_url())
    check_connection(engine)
    if schema:
        require_schema(engine)
    return engine


def cmd_init(args: argparse.Namespace) -> int:
    from arena.ingest import load_demo

    engine = _engine(schema=False)
    migrate(engine)
    print(f"Store ready: {safe_url(str(engine.url))}")
    if args.demo:
        result = load_demo(engine)
        if result is None:
            print("Demo data not loaded: the store already holds data (it is left as it is).")
        elif result.outcome != "committed":
            _print_problems(result.problems)
            print(f"Demo data could not be loaded ({result.outcome}).", file=sys.stderr)
            return 1
        else:
            counts = result.counts
            print(
                f"Demo data loaded in {result.seconds:.1f} s: {counts['new']} rows "
                f"(import {result.import_id})."
            )
    return 0


def cmd_info(_args: argparse.Namespace) -> int:
    from arena.store import current_revision

    engine = _engine(schema=False)
    print(f"Database: {safe_url(str(engine.url))}")
    revision = current_revision(engine)
    print(f"Schema revision: {revision or 'none (run: python -m arena init)'}")
    counts = table_counts(engine)
    if counts:
        width = max(len(name) for name in counts)
        for name, count in counts.items():
            print(f"  {name:<{width}}  {count:>9,}".replace(",", " "))
    return 0


def _print_problems(problems, limit: int = 20) -> None:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    for problem in (errors + warnings)[:limit]:
        where = f"row {problem.row}" if problem.row is not None else "file"
        column = f", column {problem.column!r}" if problem.column else ""
        print(
            f"  {problem.severity}: {where}{column}: [{problem.error}] {problem.message_en}",
            file=sys.stderr,
        )
    if len(problems) > limit:
        print(
            f"  ... and {len(problems) - limit} more (use --report FILE for all).", file=sys.stderr
        )


def _progress(name: str):
    """A progress callback that prints each import phase on stderr (a person is watching)."""
    from arena.i18n import format_number, t

    def report(phase: str, rows: int) -> None:
        text = t(f"data.phase.{phase}", "en", file=name, rows=format_number(rows, "en"))
        print(text, file=sys.stderr, flush=True)

    return report


def _print_new_organisations(new: list, limit: int = 20) -> None:
    """Organisations the file only names, so the import adds them: listed with the closest names
    the store already has, so a typo is caught before (dry run) or right after the commit."""
    if not new:
        return
    print(f"New organisations ({len(new)}), added because the file names them:")
    for organisation in new[:limit]:
        near = f" (similar: {'; '.join(organisation.similar)})" if organisation.similar else ""
        lines = ", ".join(map(str, organisation.lines[:5]))
        print(f"  {organisation.name}: rows {lines}{near}")
    if len(new) > limit:
        print(f"  ... and {len(new) - limit} more (the Data page lists them all).")


def cmd_import(args: argparse.Namespace) -> int:
    from arena.ingest import Upload, import_files
    from arena.ingest.read import ReadError, check_size
    from arena.ingest.report import STORE_ERROR, problems_frame

    engine = _engine()
    path = Path(args.file)
    if not path.is_file():
        print(f"No such file: {path}", file=sys.stderr)
        return 2
    try:
        check_size(path.stat().st_size)  # before its bytes are in memory
    except ReadError as exc:
        print(f"{path.name}: {exc.problem.message_en}", file=sys.stderr)
        return 1
    upload = Upload(path.name, path.read_bytes(), kind=args.kind, sheet=args.sheet)
    result = import_files(
        engine,
        [upload],
        dry_run=args.dry_run,
        replace=args.replace,
        user=args.user,
        progress=_progress(path.name) if sys.stderr.isatty() else None,
    )
    if result.store_failed:
        problem = next(p for p in result.problems if p.error == STORE_ERROR)
        print(f"Error: {problem.message_en}", file=sys.stderr)
        return 2
    if args.report:
        problems_frame(result.problems, "en").drop(columns=["severity", "table"]).to_csv(
            args.report, index=False
        )
    if result.problems:
        _print_problems(result.problems)
    if result.plan and result.outcome in ("dry-run", "committed"):
        _print_new_organisations(result.plan.new_organisations)
    failed = result.outcome in ("rejected", "busy")
    print(f"{path.name}: {result.summary('en')}", file=sys.stderr if failed else None)
    return 1 if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from arena import dataops

    if args.format == "360giving" and args.kind != "grants":
        print("The 360Giving format holds grants only: use KIND grants.", file=sys.stderr)
        return 2
    choice = "csv_semicolon" if args.format == "csv" and args.delimiter == ";" else args.format
    data, _name, _mime = dataops.export(_engine(), args.kind, choice)
    path = Path(args.file)
    path.write_bytes(data)
    print(f"Wrote {path} ({len(data):,} bytes).".replace(",", " "))
    return 0


def cmd_history(_args: argparse.Namespace) -> int:
    from arena.queries.history import import_history

    frame = import_history(_engine())
    if frame.empty:
        print("No imports yet.")
        return 0
    # An import without a user (or counts) shows an empty cell, not pandas' NaN.
    print(frame.astype(object).where(frame.notna(), "").to_string(index=False))
    return 0


def _confirmed(import_id: int, *, large: bool) -> bool:
    """Ask on the terminal: y/N, or for an undo of most of the store the import's number."""
    prompt = (
        f"Type the import's number ({import_id}) to undo it: "
        if large
        else f"Undo import {import_id}? [y/N] "
    )
    try:
        answer = input(prompt).strip().lower()
    except EOFError:
        return False
    return answer.lstrip("#") == str(import_id) if large else answer in ("y", "yes", "j", "ja")


def cmd_undo(args: argparse.Namespace) -> int:
    from arena import dataops
    from arena.ingest import UndoError, undo_preview

    engine = _engine()
    try:
        preview = undo_preview(engine, args.import_id)
    except UndoError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(dataops.effect_text(preview.effect, "en"))
    if preview.outside:
        print(
            f"Import {args.import_id} cannot be undone: rows changed outside the imports since "
            f"({', '.join(preview.outside[:5])}).",
            file=sys.stderr,
        )
        return 1
    if preview.blocked:
        print("Later imports build on its rows:")
        for blocker in preview.blockers:
            print(f"  {dataops.import_name(blocker)}: {blocker.describe('en')}")
        if not args.cascade:
            print(
                f"Import {args.import_id} was not undone: undo those imports first, or run "
                "again with --cascade to undo them too (newest first).",
                file=sys.stderr,
            )
            return 1
        print("With --cascade these are undone first:")
        for effect in preview.cascade:
            print(f"  {dataops.effect_text(effect, 'en')}")
    if warning := dataops.undo_warning(preview, "en", cascade=args.cascade):
        print(warning)
    if not args.yes:
        if not sys.stdin.isatty():
            print(
                f"Import {args.import_id} was not undone: there is no terminal to confirm on; "
                "run again with --yes to undo without asking.",
                file=sys.stderr,
            )
            return 2
        if not _confirmed(args.import_id, large=preview.is_large(cascade=args.cascade)):
            print("Nothing was undone.")
            return 1
    outcome = dataops.undo(engine, args.import_id, "en", cascade=args.cascade)
    print(outcome.message, file=None if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 1


def build_parser() -> argparse.ArgumentParser:
    from arena.ingest.formats import KINDS, UPLOAD_KINDS

    parser = argparse.ArgumentParser(
        prog="python -m arena",
        description="Arena Monitor administration. The store is ARENA_DATABASE_URL "
        f"(default {config.DEFAULT_DATABASE_URL.replace(str(config.PROJECT_ROOT), '.')}).",
    )
    parser.add_argument(
        "--debug", action="store_true", help="log the details of an unexpected failure on stderr"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help="create or upgrade the store (migrations to head)")
    init.add_argument(
        "--demo", action="store_true", help="load the demo data if the store is empty"
    )
    init.set_defaults(func=cmd_init)

    info = commands.add_parser("info", help="database URL (no password) and rows per table")
    info.set_defaults(func=cmd_info)

    importer = commands.add_parser("import", help="import a CSV, Excel or JSON file")
    importer.add_argument("file")
    importer.add_argument(
        "--kind",
        choices=sorted(UPLOAD_KINDS),
        help="what the file holds (default: detected from the headers)",
    )
    importer.add_argument(
        "--sheet", help="Excel sheet name (default: the active sheet, or the first visible one)"
    )
    importer.add_argument("--dry-run", action="store_true", help="show what would change")
    importer.add_argument(
        "--replace",
        action="store_true",
        help="also delete rows of this kind that the file does not contain",
    )
    importer.add_argument("--report", help="write every problem to this CSV file")
    importer.add_argument("--user", help="who imports (recorded in the history)")
    importer.set_defaults(func=cmd_import)

    exporter = commands.add_parser("export", help="export a kind of data to a file")
    exporter.add_argument("kind", choices=sorted(KINDS))
    exporter.add_argument("file")
    exporter.add_argument("--format", choices=["csv", "xlsx", "360giving"], default="csv")
    exporter.add_argument(
        "--delimiter", choices=[",", ";"], default=",", help="CSV separator (; for Swedish Excel)"
    )
    exporter.set_defaults(func=cmd_export)

    history = commands.add_parser("history", help="list the imports")
    history.set_defaults(func=cmd_history)

    undo = commands.add_parser(
        "undo", help="undo an import: shows what it removes and restores, then asks"
    )
    undo.add_argument("import_id", type=int)
    undo.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    undo.add_argument(
        "--cascade",
        action="store_true",
        help="also undo the later imports that build on its rows (newest first)",
    )
    undo.set_defaults(func=cmd_undo)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure ends as one sentence on stderr and an exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except StoreError as exc:
        print(f"Error: {exc}", file=sys.stderr)
    except OSError as exc:  # a file that cannot be read or written
        print(f"Error: {exc.strerror or exc} ({exc.filename or 'file'}).", file=sys.stderr)
    except SQLAlchemyError as exc:  # a store that fails mid-command (read-only, disk full)
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        print(f"Error: the store could not be used: {reason}.", file=sys.stderr)
    except Exception:  # the last resort: a sentence for the person, details only on request
        if args.debug:
            traceback.print_exc()
        print(
            "Error: the command failed unexpectedly; nothing more is known here. "
            "Run it again with --debug for the details.",
            file=sys.stderr,
        )
    return 2
