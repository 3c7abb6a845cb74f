"""`python -m arena ...`: everything a script or an admin needs, with readable errors.

Exit codes: 0 done; 1 the data was rejected, or an import or undo refused (not allowed,
blocked by later imports, not confirmed at its question); 2 bad usage (a question with no
terminal to answer it, `undo` or `--replace` without `--yes`), a role change that cannot be
made (the store's last admin, a role not held, an unknown funder), or an unreachable /
unusable database (read-only, full); 130 interrupted (Ctrl-C), saying what stays committed;
141 the reader of the output went away (`| head`). The CLI speaks the language of
`config.cli_language` (Swedish in a Swedish locale or with ARENA_LANGUAGE=sv, else English),
through the catalogue like the pages: problems and undo refusals are `i18n.Message`s rendered
here.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from arena import auth, config
from arena.i18n import format_number, shortened, t

if TYPE_CHECKING:
    import pandas as pd

    from arena.ingest import ImportResult
    from arena.ingest.report import Problem
from arena.store import (
    StoreError,
    Upgrade,
    check_connection,
    close_engines,
    create_folder,
    get_engine,
    migrate,
    require_file,
    require_lasting,
    require_schema,
    safe_url,
    table_counts,
)

LANGUAGE = config.cli_language()
# What this command has committed so far, each as the interrupted message names it (None: a
# step whose commit is not known), so that Ctrl-C says what stays: `main` clears it.
_COMMITTED: list[str | None] = []


def _say(key: str, **values: object) -> str:
    """The catalogue text `key` in the CLI's language."""
    return t(key, LANGUAGE, **values)


def _engine(*, schema: bool = True, create: bool = False):
    """The store: existing (unless `create`, for init), reachable and (unless `schema` is
    false, for init and info) migrated."""
    engine = get_engine(config.database_url())
    require_lasting(engine)
    if create:
        create_folder(engine)
    else:
        require_file(engine)  # before connecting, which would create an empty file
    check_connection(engine)
    if schema:
        require_schema(engine)
    return engine


# The files SQLite keeps a store in: its own, and beside it its write-ahead log, its shared
# memory index and its rollback journal.
_STORE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _store_files(engine) -> list[str]:
    """The files a SQLite store lives in (as SQLite names them and resolved), [] for any
    other store: asked of SQLite itself, so a store named by a URI is found too."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA database_list").all()
    names = [row[2] for row in rows if row[1] == "main" and row[2]]
    bases = {base for name in names for base in (name, os.path.realpath(name))}
    return sorted({base + suffix for base in bases for suffix in _STORE_COMPANIONS})


def _is_the_store(engine, path: Path) -> bool:
    """Whether writing `path` would write one of the store's own files (`_store_files`),
    named as it is, through a link, or as another name of the same file."""
    return any(_same_file(path, Path(name)) for name in _store_files(engine))


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (either may not exist: then they do not)."""
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _refused_output(engine, path: Path) -> bool:
    """Say so and refuse (True) when the output file `path` is the store's own: opening it
    for writing would empty the store (or its log) before a byte of the output is written."""
    if not _is_the_store(engine, path):
        return False
    print(_say("cli.output_is_store", path=path), file=sys.stderr)
    return True


def _interrupted(exc: BaseException) -> bool:
    """Whether `exc` is Ctrl-C, or a failure that Ctrl-C caused: interrupted in a statement,
    SQLAlchemy cannot roll back the connection it gave up, and says "Can't reconnect until
    invalid transaction is rolled back" in the interruption's place."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


@contextlib.contextmanager
def _committing(committed: Callable[[], str | None]) -> Iterator[None]:
    """A step that commits one transaction. When Ctrl-C stops it, the store says whether the
    commit happened (`committed`: what it did, or None): it may come after the commit, while
    statistics are refreshed. Noted in `_COMMITTED` for the interrupted message."""
    try:
        yield
    except BaseException as exc:
        if not _interrupted(exc):
            raise
        _COMMITTED.append(None)  # not known, unless the store answers
        with contextlib.suppress(Exception):
            done = committed()
            _COMMITTED.pop()
            if done is not None:
                _COMMITTED.append(done)
        raise


def _interrupted_message() -> str:
    """What Ctrl-C leaves: every step commits in one transaction, so nothing but the steps
    committed before it (`_COMMITTED`)."""
    if None in _COMMITTED:
        return _say("cli.interrupted.unknown")
    if _COMMITTED:
        return _say("cli.interrupted.after", done="; ".join(_COMMITTED))
    return _say("cli.interrupted")


def cmd_init(args: argparse.Namespace) -> int:
    from arena.ingest import load_demo, store_is_empty
    from arena.store import current_revision

    engine = _engine(schema=False, create=True)
    before = current_revision(engine)

    def migrated() -> str | None:
        revision = current_revision(engine)
        return None if revision == before else _say("cli.interrupted.schema", revision=revision)

    with _committing(migrated):  # one transaction: the schema is upgraded whole or not at all
        upgrade = migrate(engine)
    if (done := migrated()) is not None:
        _COMMITTED.append(done)
    _say_upgrade(upgrade, safe_url(str(engine.url)))
    if args.demo:
        empty = store_is_empty(engine)

        def loaded() -> str | None:  # loaded only into an empty store, which it fills
            return _say("cli.interrupted.demo") if empty and not store_is_empty(engine) else None

        with _committing(loaded):
            result = load_demo(engine, identity=auth.cli_identity())
        if result is not None and result.outcome == "committed":
            _COMMITTED.append(_say("cli.interrupted.demo"))
        if result is None:
            print(_say("cli.demo.skipped"))
        elif result.outcome != "committed":
            _print_problems(result.problems)
            print(_say("cli.demo.failed", outcome=result.outcome), file=sys.stderr)
            return 1
        else:
            seconds = format_number(result.seconds, LANGUAGE, decimals=1)
            print(
                _say(
                    "cli.demo.loaded",
                    seconds=seconds,
                    count=result.counts["new"],
                    import_id=result.import_id,
                )
            )
    return 0


def _say_upgrade(upgrade: Upgrade, url: str) -> None:
    """What `init` did to the store: created it, upgraded it (each migration applied, on a
    line of its own, by what it does) or nothing, its revision already the latest."""
    if not upgrade.applied:
        print(_say("cli.store.unchanged", revision=upgrade.after, url=url))
        return
    if upgrade.before is None:
        print(_say("cli.store.created", revision=upgrade.after, url=url))
        return
    count = len(upgrade.applied)
    print(
        _say("cli.store.upgraded", before=upgrade.before, after=upgrade.after, count=count, url=url)
    )
    for revision in upgrade.applied:
        print(_say("cli.store.migration", revision=revision, purpose=_say(f"migration.{revision}")))


def cmd_info(_args: argparse.Namespace) -> int:
    from arena.store import SCHEMA_REVISION, current_revision, schema_problem

    engine = _engine(schema=False)
    print(_say("cli.database", url=safe_url(str(engine.url))))
    revision = current_revision(engine)
    if revision is None:
        said = _say("cli.revision.none")
    elif (problem := schema_problem(engine)) in ("behind", "ahead"):
        said = _say(f"cli.revision.{problem}", revision=revision, expected=SCHEMA_REVISION)
    else:
        said = revision
    print(_say("cli.revision", revision=said))
    counts = table_counts(engine)
    if counts:
        width = max(len(name) for name in counts)
        for name, count in counts.items():
            print(f"  {name:<{width}}  {count:>9,}".replace(",", " "))
    return 0


def _print_problems(problems, limit: int = 20) -> None:
    from arena.ingest.report import sources

    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    several = bool(sources(problems))  # a workbook's sheets: row 2 of which one
    for problem in (errors + warnings)[:limit]:
        where = (
            _say("cli.where.row", row=problem.row)
            if problem.row is not None
            else _say("cli.where.file")
        )
        if several and problem.source:
            where = _say("cli.where.source", source=problem.source, where=where)
        if problem.column:
            where = _say("cli.where.column", where=where, column=repr(problem.column))
        text = problem.text(LANGUAGE, command_line=True)  # a choice as its option takes it
        line = _say(
            "cli.problem",
            severity=_say(f"cli.severity.{problem.severity}"),
            where=where,
            error=problem.error,
            text=text,
        )
        print(line, file=sys.stderr)
    if len(problems) > limit:
        print(_say("cli.problems.more", count=len(problems) - limit), file=sys.stderr)


def _progress(name: str):
    """A progress callback that prints each import phase on stderr (a person is watching)."""

    def report(phase: str, rows: int) -> None:
        print(_say(f"data.phase.{phase}", file=name, count=rows), file=sys.stderr, flush=True)

    return report


def _print_new_organisations(new: list, limit: int = 20, *, heading: str = "cli.neworg") -> None:
    """Organisations the file only names, so the import adds them: listed with the closest names
    the store already has and the other new names of the file each is close to, so a typo is
    caught before (dry run) or right after the commit. With `heading` "cli.listorg", an
    organisations list's own new rows that have such names, under their own heading."""
    from arena import dataops

    if not new:
        return
    print(_say(heading, count=len(new)))
    for organisation in new[:limit]:
        near = "; ".join(organisation.similar)
        lines = dataops.named_on(organisation, LANGUAGE, shown=5)
        key = "cli.neworg.similar" if near else "cli.neworg.item"
        line = _say(key, name=organisation.name, lines=lines, near=near, count=organisation.rows)
        if organisation.similar_new:
            new_near = "; ".join(organisation.similar_new)
            line += _say(
                "cli.neworg.similar_new", new=new_near, count=len(organisation.similar_new)
            )
        print(line)
    if len(new) > limit:
        print(_say("cli.neworg.more", count=len(new) - limit))


def _print_changes(plan, limit: int = 50) -> None:
    """Each field a dry run would change, kind by kind, as the page's preview lists them (the
    row's line and key, the column, before and after): the first `limit` of a kind and how
    many more. Why: the dry run said only how many rows it would update, not what in them."""
    from arena import dataops
    from arena.ingest.report import kind_name

    for kind_plan in plan.kinds:
        changes = kind_plan.changes
        if not changes:
            continue
        print(
            _say("cli.changes", kind=kind_name(kind_plan.kind.name, lower=True), count=len(changes))
        )
        _print_table(dataops.changes_table(kind_plan, LANGUAGE, limit))
        if len(changes) > limit:
            print(_say("cli.changes.more", count=len(changes) - limit))


def _refused(paths: list[Path]) -> int | None:
    """The exit code if one of the files cannot be imported at all (missing, too big), having
    said which: every file is looked at before any is imported, so a typo never leaves half a
    batch imported."""
    from arena.ingest.read import ReadError, check_size

    for path in paths:
        if path.is_dir():  # `import DIR` for `import DIR/*`: say how to name its files
            print(_say("cli.a_folder", path=path), file=sys.stderr)
            return 2
        if not path.is_file():
            print(_say("cli.no_file", path=path), file=sys.stderr)
            return 2
        try:
            check_size(path.stat().st_size)  # before its bytes are in memory
        except ReadError as exc:
            print(f"{path.name}: {exc.problem.text(LANGUAGE)}", file=sys.stderr)
            return 1
    return None


def _column_hint(meant: list[tuple[str, str]], headers: list[str], missing: list[Problem]) -> str:
    """How to read a file refused for lacking a column as it is: the `--column` options of
    the headers that may be the columns it lacks (`ImportResult.meant`), or, when none may,
    the columns it lacks and the headers nothing reads, unpaired."""
    from arena.ingest.report import listing, quoted

    if meant:
        # A header typed over two lines in a cell ("Summa\n(tkr)") as it can be typed: the
        # option matches it with its whitespace folded (`ingest._renamed`).
        options = " ".join(
            f'--column "{" ".join(header.split())}={column}"' for header, column in meant
        )
        return _say("cli.import.column_hint", options=options)
    return _say(
        "cli.import.columns_unpaired",
        missing=listing([quoted(problem.column) for problem in missing]),
        headers=listing([quoted(header) for header in headers]),
    )


def _upload(path: Path, args: argparse.Namespace):
    """The file at `path` as the import reads it, with the command's choices."""
    from arena.ingest import Upload

    return Upload(
        path.name,
        path.read_bytes(),
        kind=args.kind,
        sheet=args.sheet,
        columns=tuple(args.column or ()),
    )


_YES = ("y", "yes", "j", "ja")


def _replace_refused(engine, args: argparse.Namespace, paths: list[Path]) -> int | None:
    """The exit code when `--replace` may not go on, having said why; None when it may.

    Each file of a batch is committed on its own: two files of one kind with `--replace`
    each deleted the other's rows, so they are refused, as the Data page refuses them. A
    replace that deletes rows says how many of which kind and asks first (`--yes`: not),
    as an undo does; a dry run deletes nothing and asks nothing. Every file is previewed
    before any is imported: what a file holds is known only once it is read.
    """
    from arena.dataops import ReportCsv, kind_labels
    from arena.ingest import import_files
    from arena.ingest.report import kind_name, listing, quoted

    asks = not (args.dry_run or args.yes)
    if len(paths) < 2 and not asks:
        return None
    holders: dict[str, list[str]] = {}
    deletes: list[tuple[str, dict[str, int]]] = []
    for path in paths:
        result = import_files(
            engine,
            [_upload(path, args)],
            identity=auth.cli_identity(),
            dry_run=True,
            replace=True,
        )
        if asks and result.outcome != "dry-run":
            # Refused (rows that cannot be deleted, payments naming them): said as the
            # import says it, and nothing asked. Its plan listed 34 grants to delete and asked
            # y/N although 33 could not be.
            code = _said(result, path)
            if args.report:
                with open(args.report, "w", encoding="utf-8", newline="") as handle:
                    ReportCsv(handle, LANGUAGE, files=False).add(result.problems, path.name)
            if len(paths) > 1:
                print(_say("cli.import.nothing"), file=sys.stderr)
            return code
        for name in dict.fromkeys(result.kinds):
            holders.setdefault(name, []).append(path.name)
        kinds = result.plan.kinds if result.plan else []
        counts = {p.kind.name: p.counts()["deleted"] for p in kinds if p.counts()["deleted"]}
        if counts:
            deletes.append((path.name, counts))
    if twice := {name: files for name, files in holders.items() if len(files) > 1}:
        for name, files in twice.items():
            named = listing([quoted(file) for file in files])
            text = _say("cli.import.replace_twice", kind=kind_name(name, lower=True), files=named)
            print(text, file=sys.stderr)
        return 2
    if not asks or not deletes:
        return None
    print(_say("cli.import.replace_deletes"))
    labels = kind_labels(LANGUAGE)
    for file, counts in deletes:
        rows = ", ".join(
            f"{labels[name]} {format_number(count, LANGUAGE)}" for name, count in counts.items()
        )
        print(f"  {file}: {rows}")
    if not sys.stdin.isatty():
        print(_say("cli.import.no_terminal"), file=sys.stderr)
        return 2
    try:
        answer = input(_say("cli.confirm.replace")).strip().lower()
    except EOFError:
        answer = ""
    if answer not in _YES:
        print(_say("cli.import.nothing"))
        return 1
    return None


def _newest_import(engine) -> int:
    """The number of the newest import recorded, 0 for none."""
    from arena.models import ImportRun

    run = ImportRun.__table__
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.coalesce(sa.func.max(run.c.id), 0))).scalar_one()


def _committed_import(engine, path: Path, data: bytes, after: int) -> str | None:
    """How the interrupted message names the import of `data` this command committed after
    import `after`, or None when there is none (asked after Ctrl-C)."""
    import hashlib

    from arena.models import ImportRun

    run = ImportRun.__table__
    with engine.connect() as conn:
        import_id = conn.execute(
            sa.select(sa.func.min(run.c.id)).where(
                run.c.id > after,
                run.c.sha256 == hashlib.sha256(data).hexdigest(),
                run.c.outcome == "committed",
                run.c.user == auth.cli_identity().subject,
            )
        ).scalar()
    if import_id is None:
        return None
    return _say("cli.interrupted.import", file=path.name, import_id=import_id)


def _said(result: ImportResult, path: Path) -> int:
    """Say how the import of `path` went (its problems, then its outcome) and give its exit
    code: 0 done, 1 rejected (or busy, or outdated), 2 a store that could not be used."""
    from arena.ingest.report import unread_and_missing

    if (problem := result.store_problem) is not None:
        print(_say("cli.error", reason=problem.text(LANGUAGE)), file=sys.stderr)
        return 2
    _print_problems(result.problems)
    if result.plan and result.outcome in ("dry-run", "committed"):
        _print_new_organisations(result.plan.new_organisations)
        listed = [o for o in result.plan.listed_organisations if o.similar or o.similar_new]
        _print_new_organisations(listed, heading="cli.listorg")
    if result.plan and result.outcome == "dry-run":
        _print_changes(result.plan)
    failed = result.outcome in ("rejected", "busy", "outdated")
    print(f"{path.name}: {result.summary(LANGUAGE)}", file=sys.stderr if failed else None)
    headers, missing = unread_and_missing(result.problems)
    if headers:  # the way to read the file as it is: say which header is which
        print(_column_hint(result.meant, headers, missing), file=sys.stderr)
    return 1 if failed else 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import the files in the order given, each committed whole on its own, so a later file
    may name the rows of an earlier one; stop at the first file rejected (a dry run commits
    nothing, so it checks every file against the store as it is)."""
    from arena.dataops import ReportCsv
    from arena.ingest import import_files
    from arena.store import version as store_version

    engine = _engine()
    paths = [Path(name) for name in args.files]
    if (refused := _refused(paths)) is not None:
        return refused
    # Before the report is opened, which empties the file it names.
    if args.report and _refused_output(engine, Path(args.report)):
        return 2
    if args.report and any(_same_file(Path(args.report), path) for path in paths):
        print(_say("cli.report_is_input", path=args.report), file=sys.stderr)
        return 2
    # The store a replace's question shows, checked by each import once it holds the store:
    # what another session committed while the person read the question was never shown.
    seen = store_version(engine) if args.replace and not args.dry_run else None
    if args.replace and (refused := _replace_refused(engine, args, paths)) is not None:
        return refused
    several = len(paths) > 1
    if several and args.dry_run:
        print(_say("cli.import.dry_run_several"))
    with contextlib.ExitStack() as stack:
        # The report is written only when asked for, a problem at a time as each file is
        # checked: built as one table for every file, a file refused on each of its 800 000
        # rows took the command 1 GB beyond the import's own peak.
        report = None
        if args.report:
            handle = stack.enter_context(open(args.report, "w", encoding="utf-8", newline=""))
            report = ReportCsv(handle, LANGUAGE, files=several)
        worst = 0
        for done, path in enumerate(paths, start=1):
            # Read when its turn comes: a batch of big files is never all in memory.
            upload = _upload(path, args)
            newest = None if args.dry_run else _newest_import(engine)

            def committed(path=path, upload=upload, newest=newest) -> str | None:
                if newest is None:  # a dry run commits nothing
                    return None
                return _committed_import(engine, path, upload.data, newest)

            with _committing(committed):
                result = import_files(
                    engine,
                    [upload],
                    identity=auth.cli_identity(),
                    dry_run=args.dry_run,
                    replace=args.replace,
                    progress=_progress(path.name) if sys.stderr.isatty() else None,
                    expected_version=seen,
                )
            if seen is not None and result.outcome == "committed":
                seen = store_version(engine)  # its own import moved it: the next file's check
            if result.outcome == "committed":
                _COMMITTED.append(
                    _say("cli.interrupted.import", file=path.name, import_id=result.import_id)
                )
            if report is not None:
                report.add(result.problems, path.name)
            code = _said(result, path)
            worst = max(worst, code)
            if code == 2 or (code and not args.dry_run):
                if done < len(paths):
                    print(
                        _say("cli.import.stopped", file=path.name, count=len(paths) - done),
                        file=sys.stderr,
                    )
                break
    return worst


# Names that say what a file holds, and which export writes each (.txt, .tsv: CSV text too).
# The FILE of `export` that means standard output, as for most Unix tools.
STDOUT = "-"
_EXPORT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xls", ".json"})
# The formats `--delimiter ;` cannot be written in, and the refusal that says why: a
# 360Giving file is comma-separated by the standard, a workbook has no separator.
_NO_SEMICOLON = {"360giving": "cli.export.delimiter_360giving", "xlsx": "cli.export.delimiter_xlsx"}


def cmd_export(args: argparse.Namespace) -> int:
    from arena import dataops

    path = Path(args.file)
    suffix = path.suffix.lower()
    # Without --format the file's name says it; a format its name contradicts (CSV text in a
    # file named .xlsx, which Excel then refuses) is a mistake to say, not to write.
    chosen = args.format or ("xlsx" if suffix == ".xlsx" else "csv")
    written = ".xlsx" if chosen == "xlsx" else ".csv"
    if suffix in _EXPORT_SUFFIXES and suffix != written:
        print(_say("cli.export.suffix", file=path.name, suffix=written), file=sys.stderr)
        return 2
    if chosen == "360giving" and args.kind != "grants":
        print(_say("cli.export.360giving"), file=sys.stderr)
        return 2
    if args.delimiter == ";" and chosen in _NO_SEMICOLON:
        # Written with commas all the same: the `;` asked for was dropped without a word.
        print(_say(_NO_SEMICOLON[chosen]), file=sys.stderr)
        return 2
    choice = "csv_semicolon" if chosen == "csv" and args.delimiter == ";" else chosen
    to_stdout = args.file == STDOUT
    if to_stdout and chosen == "xlsx" and sys.stdout.isatty():
        # A workbook's bytes would garble the terminal; piped or redirected they are whole.
        print(_say("cli.export.terminal"), file=sys.stderr)
        return 2
    engine = _engine()
    if not to_stdout and _refused_output(engine, path):
        return 2
    data = dataops.export(engine, args.kind, choice)
    if to_stdout:
        # The bytes as a file would hold them (a workbook, a CSV's byte order mark), and
        # nothing else: "Wrote ..." would end up inside the output.
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return 0
    path.write_bytes(data)
    print(_say("cli.export.wrote", path=path, count=len(data)))
    return 0


def cmd_history(_args: argparse.Namespace) -> int:
    from arena import dataops
    from arena.queries.history import import_history

    frame = import_history(_engine())
    if frame.empty:
        print(_say("data.history.none"))
        return 0
    _print_table(dataops.history_table(frame, LANGUAGE))
    return 0


# A cell longer than this is cut on the terminal (the kinds of a demo import, an audit
# record's details); `export` and `audit --csv` write them whole.
CELL_WIDTH = 60
_NUMBER = re.compile(r"[-+\u2212]?[0-9][0-9 \u00a0,.]*")


def _print_table(frame: pd.DataFrame) -> None:
    """A table for a person at a terminal: columns left-aligned and numbers right-aligned, a
    missing cell empty, a long one cut with "…"."""

    import pandas as pd

    def cell(value: object) -> str:
        text = "" if pd.isna(value) else str(value)
        return shortened(" ".join(text.split()), CELL_WIDTH)

    columns = {str(name): [cell(value) for value in frame[name]] for name in frame.columns}
    numeric = {
        name: all(not text or _NUMBER.fullmatch(text) for text in texts)
        for name, texts in columns.items()
    }
    widths = {name: max(len(name), *map(len, texts)) for name, texts in columns.items()}

    def line(texts: dict[str, str]) -> str:
        return "  ".join(
            text.rjust(widths[name]) if numeric[name] else text.ljust(widths[name])
            for name, text in texts.items()
        ).rstrip()

    print(line({name: name for name in columns}))
    for row in range(len(frame)):
        print(line({name: texts[row] for name, texts in columns.items()}))


def _confirmed(import_id: int, *, large: bool) -> bool:
    """Ask on the terminal: y/N, or for an undo of most of the store the import's number."""
    prompt = _say("cli.confirm.large" if large else "cli.confirm", id=import_id)
    try:
        answer = input(prompt).strip().lower()
    except EOFError:
        return False
    return answer.lstrip("#") == str(import_id) if large else answer in _YES


def _fits(engine, import_id: int) -> bool:
    """Whether `import_id` fits the store's import numbers (PostgreSQL's 32-bit integer,
    SQLite's 64-bit): asked about a number that does not, the store fails instead of
    finding no such import."""
    bits = 31 if engine.dialect.name == "postgresql" else 63
    return -(2**bits) <= import_id < 2**bits


def _undone(engine, import_id: int) -> str | None:
    """How the interrupted message names the undo of `import_id`, if it was committed."""
    from arena.models import ImportRun

    run = ImportRun.__table__
    with engine.connect() as conn:
        outcome = conn.execute(sa.select(run.c.outcome).where(run.c.id == import_id)).scalar()
    return _say("cli.interrupted.undo", id=import_id) if outcome == "undone" else None


def cmd_undo(args: argparse.Namespace) -> int:
    from arena import dataops
    from arena.ingest import UndoError, outside_message, undo_preview

    engine = _engine()
    if not _fits(engine, args.import_id):
        print(_say("undo.no_such_import", id=args.import_id), file=sys.stderr)
        return 1
    try:
        preview = undo_preview(engine, args.import_id)
    except UndoError as exc:
        print(exc.message.render(LANGUAGE), file=sys.stderr)
        return 1
    # The page's question of what would change, put before anything is asked or refused:
    # told there is no terminal to confirm on, the person knows what `--yes` would do. With
    # `--yes` nothing is asked: what is done is said once it is sure to be tried, below.
    if not args.yes:
        print(dataops.effect_text(preview.effect, LANGUAGE))
    if preview.outside:
        refused = outside_message(args.import_id, preview.outside, on_command_line=True)
        print(refused.render(LANGUAGE), file=sys.stderr)
        return 1
    if preview.blocked:
        print(_say("cli.undo.blockers"))
        for blocker in preview.blockers:
            print(f"  {dataops.import_name(blocker)}: {blocker.describe().render(LANGUAGE)}")
        if not args.cascade:
            print(_say("cli.undo.blocked", id=args.import_id), file=sys.stderr)
            return 1
        print(_say("cli.undo.cascade"))
        for effect in preview.cascade:
            print(f"  {dataops.effect_text(effect, LANGUAGE, asked=not args.yes)}")
    if args.yes:
        print(dataops.effect_text(preview.effect, LANGUAGE, asked=False))
    if warning := dataops.undo_warning(preview, LANGUAGE, cascade=args.cascade):
        print(warning)
    if not args.yes:
        if not sys.stdin.isatty():
            print(_say("cli.undo.no_terminal", id=args.import_id), file=sys.stderr)
            return 2
        if not _confirmed(args.import_id, large=preview.is_large(cascade=args.cascade)):
            print(_say("cli.undo.nothing"))
            return 1
    # The imports undone are those shown: another that came to hang on this one while the
    # question waited was never shown, so nothing is undone (checked in the undo's transaction).
    shown = [effect.import_id for effect in preview.cascade] if args.cascade else None
    with _committing(lambda: _undone(engine, args.import_id)):
        outcome = dataops.undo(
            engine,
            args.import_id,
            LANGUAGE,
            identity=auth.cli_identity(),
            cascade=args.cascade,
            expected=shown,
        )
    if outcome.ok:
        _COMMITTED.append(_say("cli.interrupted.undo", id=args.import_id))
    if outcome.store_failed:  # said and ended as a store that fails an import is
        print(_say("cli.error", reason=outcome.message), file=sys.stderr)
        return 2
    print(outcome.message, file=None if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 1


def cmd_users(args: argparse.Namespace) -> int:
    engine, identity = _engine(), auth.cli_identity()
    if args.users_command == "add":
        added = auth.add_role(
            engine,
            identity=identity,
            email=args.email,
            role=auth.Role(args.role),
            funders=args.funder or [],
            name=args.name,
        )
        print(added.message.render(LANGUAGE))
    elif args.users_command == "remove":
        # `--funder` alone means the funder role bound to it, never the whole account.
        role = args.role or (auth.Role.FUNDER.value if args.funder else None)
        if role:
            removed = auth.remove_role(
                engine,
                identity=identity,
                email=args.email,
                role=auth.Role(role),
                funder=args.funder,
            )
            print(_say("users.role_removed", email=args.email.strip().lower(), count=removed))
        else:
            auth.remove_user(engine, identity=identity, email=args.email)
            print(_say("users.removed", email=args.email.strip().lower()))
    else:
        from arena.tables.users import role_text

        listed = auth.users(engine, identity=identity)
        if not listed:
            print(_say("users.none"))
        for user in listed:
            # In words, as `audit` and the Administration page say them ("finansiär: Vinnova").
            roles = ", ".join(role_text(role, funder, LANGUAGE) for role, funder in user.roles)
            name = f" ({user.name})" if user.name else ""
            print(f"{user.email}{name}: {roles or _say('users.no_roles')}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    if args.since and args.until and args.since > args.until:
        # No day is both: "No events." was answered, as if the log held none.
        print(_say("cli.audit.reversed", since=args.since, until=args.until), file=sys.stderr)
        return 2
    filters = {
        "actions": [auth.AuditAction(action) for action in args.action or []],
        "actor": args.actor,
        "since": args.since,
        "until": args.until,
    }
    engine = _engine()
    if args.csv and _refused_output(engine, Path(args.csv)):
        return 2
    frame = auth.audit_log(engine, identity=auth.cli_identity(), **filters)
    if args.csv:
        path = Path(args.csv)
        path.write_bytes(auth.audit_csv(engine, identity=auth.cli_identity(), **filters))
        print(_say("audit.wrote", count=len(frame), path=path))
    elif frame.empty:
        print(_say("audit.none"))
    else:
        from arena.tables.users import audit_table

        _print_table(audit_table(frame, LANGUAGE))
    return 0


def _renaming(text: str) -> tuple[str, str]:
    """An argparse type: "Summa=Belopp", a file's header and the header it means."""
    written, equals, meant = text.partition("=")
    if not (equals and written.strip() and meant.strip()):
        raise argparse.ArgumentTypeError(_say("cli.bad_column", value=text))
    return written.strip(), meant.strip()


def _day(text: str) -> date:
    """An argparse type: an ISO date (2026-12-01), or a usage error that says so."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_say("cli.bad_date", value=text)) from exc


def cmd_generate(args: argparse.Namespace) -> int:
    """Write the import files of a big test store (`arena.generate`); touches no store."""
    from arena.generate import generate

    if args.projects < 1:
        print(_say("cli.generate.too_few"), file=sys.stderr)
        return 2
    out = Path(args.out)
    if out.is_dir() and any(out.glob("*.csv")):
        print(_say("cli.generate.not_empty", folder=out), file=sys.stderr)
        return 2

    def report(name: str, rows: int) -> None:
        print(_say("cli.generate.file", file=name, count=rows), file=sys.stderr, flush=True)

    started = time.perf_counter()
    files = generate(out, projects=args.projects, seed=args.seed, progress=report)
    size = sum(file.path.stat().st_size for file in files) / 1e6
    # The shell lists the files in name order: the files of a kind come after the kinds they
    # name, and `import` commits each on its own in the order given.
    command = f"python -m arena import {out}/*.csv"
    print(
        _say(
            "cli.generate.done",
            count=len(files),
            size=format_number(size, LANGUAGE, decimals=1),
            folder=out,
            seconds=format_number(time.perf_counter() - started, LANGUAGE, decimals=1),
            command=command,
        )
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    from arena.ingest.kinds import KINDS
    from arena.ingest.layouts import UPLOAD_KINDS

    parser = argparse.ArgumentParser(
        prog="python -m arena",
        description=_say(
            "cli.help.description",
            url=config.DEFAULT_DATABASE_URL.replace(str(config.PROJECT_ROOT), "."),
        ),
    )
    parser.add_argument("--debug", action="store_true", help=_say("cli.help.debug"))
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help=_say("cli.help.init"))
    init.add_argument("--demo", action="store_true", help=_say("cli.help.init.demo"))
    init.set_defaults(func=cmd_init)

    info = commands.add_parser("info", help=_say("cli.help.info"))
    info.set_defaults(func=cmd_info)

    importer = commands.add_parser("import", help=_say("cli.help.import"))
    importer.add_argument("files", nargs="+", metavar="FILE", help=_say("cli.help.import.files"))
    importer.add_argument(
        "--kind",
        choices=sorted(UPLOAD_KINDS),
        help=_say("cli.help.import.kind"),
    )
    importer.add_argument("--sheet", help=_say("cli.help.import.sheet"))
    importer.add_argument(
        "--column",
        action="append",
        type=_renaming,
        metavar="HEADER=MEANT",
        help=_say("cli.help.import.column"),
    )
    importer.add_argument("--dry-run", action="store_true", help=_say("cli.help.import.dry_run"))
    importer.add_argument(
        "--replace",
        action="store_true",
        help=_say("cli.help.import.replace"),
    )
    importer.add_argument("--report", help=_say("cli.help.import.report"))
    importer.add_argument("--yes", action="store_true", help=_say("cli.help.import.yes"))
    importer.set_defaults(func=cmd_import)

    exporter = commands.add_parser("export", help=_say("cli.help.export"))
    exporter.add_argument("kind", choices=sorted(KINDS))
    exporter.add_argument("file", help=_say("cli.help.export.file"))
    exporter.add_argument(
        "--format", choices=["csv", "xlsx", "360giving"], help=_say("cli.help.export.format")
    )
    exporter.add_argument(
        "--delimiter", choices=[",", ";"], default=",", help=_say("cli.help.export.delimiter")
    )
    exporter.set_defaults(func=cmd_export)

    history = commands.add_parser("history", help=_say("cli.help.history"))
    history.set_defaults(func=cmd_history)

    undo = commands.add_parser("undo", help=_say("cli.help.undo"))
    undo.add_argument("import_id", type=int)
    undo.add_argument("--yes", action="store_true", help=_say("cli.help.undo.yes"))
    undo.add_argument(
        "--cascade",
        action="store_true",
        help=_say("cli.help.undo.cascade"),
    )
    undo.set_defaults(func=cmd_undo)

    roles = [role.value for role in auth.Role]
    users = commands.add_parser("users", help=_say("cli.help.users"))
    users_commands = users.add_subparsers(dest="users_command", required=True)
    add = users_commands.add_parser("add", help=_say("cli.help.users.add"))
    add.add_argument("email")
    add.add_argument("--role", choices=roles, required=True)
    add.add_argument(
        "--funder",
        action="append",
        metavar="NAME",
        help=_say("cli.help.users.add.funder"),
    )
    add.add_argument("--name", help=_say("cli.help.users.add.name"))
    users_commands.add_parser("list", help=_say("cli.help.users.list"))
    remove = users_commands.add_parser("remove", help=_say("cli.help.users.remove"))
    remove.add_argument("email")
    remove.add_argument("--role", choices=roles, help=_say("cli.help.users.remove.role"))
    remove.add_argument("--funder", metavar="NAME", help=_say("cli.help.users.remove.funder"))
    users.set_defaults(func=cmd_users)

    generator = commands.add_parser("generate", help=_say("cli.help.generate"))
    generator.add_argument(
        "--projects", type=int, required=True, help=_say("cli.help.generate.projects")
    )
    generator.add_argument("--seed", type=int, default=1, help=_say("cli.help.generate.seed"))
    generator.add_argument("--out", required=True, help=_say("cli.help.generate.out"))
    generator.set_defaults(func=cmd_generate)

    audit = commands.add_parser("audit", help=_say("cli.help.audit"))
    audit.add_argument("--action", action="append", choices=[a.value for a in auth.AuditAction])
    audit.add_argument("--actor", help=_say("cli.help.audit.actor"))
    audit.add_argument("--since", type=_day, help=_say("cli.help.audit.since"))
    audit.add_argument("--until", type=_day, help=_say("cli.help.audit.until"))
    audit.add_argument("--csv", metavar="FILE", help=_say("cli.help.audit.csv"))
    audit.set_defaults(func=cmd_audit)
    return parser


def _run(args: argparse.Namespace) -> int:
    """The command, with a failure that Ctrl-C caused raised as the interruption it is."""
    try:
        return args.func(args)
    except Exception as exc:
        if _interrupted(exc):
            raise KeyboardInterrupt from exc
        raise


def main(argv: list[str] | None = None, *, exiting: bool = False) -> int:
    """Run one command; every failure ends as one sentence on stderr and an exit code (a
    reader that stopped reading, as `| head` does, as an exit code alone).

    With `exiting` (`python -m arena`: the process ends with the command) Ctrl-C stays
    ignored once the command is done: after its connections are closed nothing is left to
    stop, and one then ended the process with a traceback and 130, nothing said of the import
    it had committed."""
    code = 2
    try:
        code = _command(argv)
    except KeyboardInterrupt:  # Ctrl-C while a failure was being said: said as any other
        print(_interrupted_message(), file=sys.stderr)
        code = 130
    finally:
        code = _close(code, exiting=exiting)
    return code


def _close(code: int, *, exiting: bool) -> int:
    """Close the store's connections with Ctrl-C held off, and give the command's exit code:
    its work is done and said. A Ctrl-C that came just before the hold says what stays
    committed (130), unless the command already did; without `exiting` the hold ends here."""
    held = _hold_interrupts()
    try:
        close_engines()
    except KeyboardInterrupt:
        if code != 130:
            print(_interrupted_message(), file=sys.stderr)
        code = 130
    finally:
        if held is not None and not exiting:
            signal.signal(signal.SIGINT, held)
    return code


def _hold_interrupts() -> Callable | int | None:
    """Ignore Ctrl-C from now on; the handler it had, to restore (None: not ours to change,
    outside the main thread or set outside Python)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    held = signal.getsignal(signal.SIGINT)
    if held is None:
        return None
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    return held


def _command(argv: list[str] | None) -> int:
    """`main`'s command, every failure said; connections are closed by `main`."""
    _COMMITTED.clear()
    args: argparse.Namespace | None = None
    try:
        # Inside: Ctrl-C while the parser is built (its help texts) is said as any other.
        args = build_parser().parse_args(argv)
        code = _run(args)
        sys.stdout.flush()  # here, not at exit: a closed pipe is then met by the handler below
        return code
    except KeyboardInterrupt:
        # Ctrl-C: each import, undo and migration commits in one transaction, so what was
        # committed before it stays and nothing else changed. Never a traceback, nor the
        # store's complaint about the transaction the interruption left (it has rolled back).
        print(_interrupted_message(), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped reading (`| head`): end quietly, as Unix tools do. With 141, the
        # status a shell gives a tool that SIGPIPE ended (128 + 13), as `seq 9999 | head -1`
        # leaves `seq`: not 0, since what was asked for was not all written. Standard output
        # goes to nowhere, so that Python's own flush at exit cannot fail on it again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except auth.UserError as exc:  # a role change asked wrongly: nothing was written
        print(_say("cli.error", reason=exc.message.render(LANGUAGE)), file=sys.stderr)
    except auth.AccessDenied as exc:
        print(exc.message.render(LANGUAGE), file=sys.stderr)
        return 1
    except StoreError as exc:
        print(_say("cli.error", reason=exc.message.render(LANGUAGE)), file=sys.stderr)
    except OSError as exc:  # a file that cannot be read or written
        where = exc.filename or _say("cli.where.file")
        print(_say("cli.error.file", reason=exc.strerror or exc, file=where), file=sys.stderr)
    except SQLAlchemyError as exc:  # a store that fails mid-command (read-only, disk full)
        # Said as a failed import or undo says it: each command writes in one transaction.
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        failed = _say("import.store_failed", detail=detail)
        print(_say("cli.error", reason=failed), file=sys.stderr)
    except Exception:  # the last resort: a sentence for the person, details only on request
        if args is not None and args.debug:
            traceback.print_exc()
        print(_say("cli.error.unexpected"), file=sys.stderr)
    return 2
