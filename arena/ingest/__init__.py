"""THE door into the store: read -> split -> parse and validate -> plan -> apply.

The demo data, the Data page and `python -m arena import` all come through `import_files`,
so a file behaves the same wherever it is uploaded. A file is one kind (our templates, in
Swedish or English) or a layout that splits into several (Vinnova open data, 360Giving),
planned together so references resolve within the upload. An import commits whole or
changes nothing; a rejected, unchanged or busy upload leaves the store byte for byte as it was.
"""

from __future__ import annotations

import dataclasses
import difflib
import gc
import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from arena import clock, config, models, summaries
from arena.auth import AuditAction, Identity, Right, record
from arena.i18n import Message, msg, t
from arena.ingest import apply as _apply
from arena.ingest import values as v
from arena.ingest.apply import (
    Blocker,
    ImportEffect,
    UndoBlockedError,
    UndoError,
    UndoPreview,
    apply_plan,
    outside_message,
    undo_import,
)
from arena.ingest.figures import figures_refused
from arena.ingest.kinds import KINDS, Kind
from arena.ingest.layouts import LAYOUTS, UPLOAD_KINDS, kind_choices, members, split
from arena.ingest.natural import table_of
from arena.ingest.plan import Plan, StoredFolds, keys_stored, plan_upload
from arena.ingest.read import RawTable, ReadError, hidden_sheets, read_file, workbook_sheets
from arena.ingest.report import (
    STORE_ERROR,
    Problem,
    distinct_problems,
    kind_name,
    listing,
    located,
    quoted,
)
from arena.ingest.sheets import is_guide, is_summary
from arena.ingest.stored_kind import StoredKeys, stored_kind
from arena.ingest.units import read_units
from arena.ingest.validate import (
    ParsedTable,
    UnknownKindError,
    detect_kind,
    match_headers,
    parse_table,
    reads_header,
    tied_kinds,
)
from arena.ingest.wide import unpivoted
from arena.store import refresh_statistics, transaction, version_of

__all__ = [
    "PHASES",
    "Blocker",
    "ImportEffect",
    "ImportResult",
    "Progress",
    "UndoBlockedError",
    "UndoError",
    "UndoPreview",
    "UndoStoreError",
    "Upload",
    "import_files",
    "load_demo",
    "outside_message",
    "undo",
    "undo_preview",
]

# The phases of an import, in order; a progress callback hears each as it begins.
PHASES = ("read", "validate", "plan", "write")
# progress(phase, rows): the phase that begins and the rows it works on (0 while unknown).
Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Upload:
    """A file as received: its name and bytes, and optionally the kind and sheet to read and
    the headers to read as others (`columns`: the file's header, the header meant)."""

    name: str
    data: bytes
    kind: str | None = None
    sheet: str | None = None
    # Why: a list names a column in words no alias knows ("Summa" for "Belopp"); its person
    # says what it is (the Data page's chooser, `import --column`) and the file stays as kept.
    columns: tuple[tuple[str, str], ...] = ()


@dataclass
class ImportResult:
    """What an import did, or would do (dry run), and everything wrong with it."""

    # committed | rejected | unchanged | dry-run | busy (another writer held the store too
    # long; nothing was written) | outdated (the store moved since the preview the commit
    # expected: nothing was written)
    outcome: str
    plan: Plan | None
    problems: list[Problem]
    sha256: str
    import_id: int | None = None
    previous_import_id: int | None = None  # an earlier commit of the very same bytes
    seconds: float = 0.0
    kinds: list[str] = field(default_factory=list)
    # Headers nothing reads that may be columns the file lacks: (the file's header, the
    # column's template header), what `Upload.columns` would say (`validate._meant_columns`).
    meant: list[tuple[str, str]] = field(default_factory=list)
    # The uploaded files' names: of several, the page's problems name each one's file.
    files: list[str] = field(default_factory=list)

    @property
    def store_problem(self) -> Problem | None:
        """Why the store, not the file, stopped the import (read-only, disk full, no
        tables), or None."""
        return next((problem for problem in self.problems if problem.error == STORE_ERROR), None)

    @property
    def store_failed(self) -> bool:
        """The store, not the file, stopped the import (read-only, disk full, no tables)."""
        return self.store_problem is not None

    @property
    def counts(self) -> dict[str, int]:
        return self.plan.counts() if self.plan else {}

    def summary(self, language: str = "sv") -> str:
        """One sentence for a person: the outcome, the counts, and the earlier same file."""
        if (store := self.store_problem) is not None:
            # Rejected, but not for anything in the file: "fix it and upload again" sent the
            # person looking for an error in a file the store could not take.
            return t("import.outcome.store_failed", language, reason=store.text(language))
        counts = ", ".join(
            t(f"import.count.{name}", language, count=count)
            for name, count in self.counts.items()
            if count
        ) or t("import.count.none", language)
        errors = sum(problem.severity == "error" for problem in self.problems)
        # A file of headers (and blank rows) only changes nothing, but not because the store
        # holds its data: say that it holds none.
        empty = self.outcome in ("dry-run", "unchanged") and not any(self.counts.values())
        text = t(
            "import.outcome.empty" if empty else f"import.outcome.{self.outcome}",
            language,
            import_id=self.import_id,
            counts=counts,
            count=errors,
        )
        if self.previous_import_id is not None:
            text += " " + t("import.same_file", language, import_id=self.previous_import_id)
        return text


def _sha256(uploads: list[Upload]) -> str:
    digest = hashlib.sha256()
    for upload in uploads:
        digest.update(upload.data)
    return digest.hexdigest()


def _parse(
    upload: Upload, on_read: Callable[[int], None], seen: dict[str, str], stored: StoredKeys
) -> tuple[list[ParsedTable], list[Problem]]:
    """The upload's tables, one per kind (a layout's file gives several), or why none;
    `on_read` hears the number of rows read, before they are validated. The headers looked at
    are added to `seen` (`_heard`). A list whose kind the person did not choose is read as
    the kind the store holds its keys of, where its headers fit two (`stored_kind`, asking
    `stored` for the keys).
    """
    try:
        raw = _renamed(read_file(upload.data, upload.name, sheet=upload.sheet), upload.columns)
    except ReadError as exc:
        return [], [exc.problem]
    on_read(raw.height)
    _heard(raw, seen)
    first = raw.name.removeprefix(f"{upload.name}:")
    if (found := _detected(raw, first)) is not None:
        _heard(found[1], seen)  # a header read a few rows lower
    # A page's figures, not a list, whatever kind it comes nearest or the person chose.
    if (figures := figures_refused(upload.name, found[1] if found else raw)) is not None:
        return [], [figures]
    if upload.kind is not None:  # named by the person: this table, read as that kind
        if upload.kind not in UPLOAD_KINDS:
            # The kinds by their names on a page, as the codes `--kind` takes on the CLI.
            note = msg(
                "import.unknown_kind", file=upload.name, name=upload.kind, known=kind_choices()
            )
            return [], [Problem("format-error", note)]
        _name, raw, notes = found or (upload.kind, raw, [])
        notes = _of_sheet(notes, raw)
        if upload.sheet is None and (unread := _other_sheets(upload, raw.name, _ignore, {})):
            # Read as one kind, the first sheet only: a workbook's other lists (its grants
            # beside its projects) were left out without a word.
            notes = [*notes, _unread_sheets_note("import.sheets_unread", upload, list(unread))]
        if unknown := _no_such_columns(upload, {upload.kind: [raw]}):
            return [], unknown
        return _tables(upload.kind, raw, upload.columns), notes
    # A workbook's other sheets with data are read with it, unless the person named one.
    summaries = {first} if found is not None and is_summary(raw, found[1]) else set()
    others = (
        {}
        if upload.sheet is not None
        else _other_sheets(upload, raw.name, on_read, seen, summaries)
    )
    read = {first: found, **others} if found is not None else others
    # A summary beside lists sums them up: not read, unless it is all the workbook holds.
    summed = [sheet for sheet in read if sheet in summaries]
    if len(summed) == len(read):
        summed = []  # nothing else to read: the summary is the workbook's data
    read = {sheet: table for sheet, table in read.items() if sheet not in summed}
    if not read and (tied := tied_kinds(raw.header)):
        kinds = listing([kind_name(kind.name, lower=True) for kind in tied], "list.or")
        note = msg("import.kinds_tied", file=upload.name, kinds=kinds, known=kind_choices())
        return [], [Problem("format-error", note, row=raw.header_line or None)]
    if not read:
        note = msg("import.unknown_headers", file=upload.name, known=kind_choices())
        return [], [Problem("format-error", note, row=raw.header_line or None)]
    sheets_of: dict[str, list[str]] = {}
    for sheet, (name, _raw, _notes) in read.items():
        sheets_of.setdefault(name, []).append(sheet)
    if twice := {name: sheets for name, sheets in sheets_of.items() if len(sheets) > 1}:
        return [], [
            Problem(
                "format-error",
                msg(
                    "import.several_sheets",
                    file=upload.name,
                    kind=_holding(name),
                    sheets=listing([quoted(sheet) for sheet in sheets]),
                ),
            )
            for name, sheets in twice.items()
        ]
    # Each sheet's notes (its header read a row lower, its years as columns) name the sheet:
    # of a workbook read sheet by sheet, the report said "row 2" of no sheet in particular,
    # and of several files, "row 5" of no file.
    notes = [
        note
        for sheet, (_name, sheet_raw, sheet_notes) in read.items()
        for note in (
            [
                dataclasses.replace(note, source=note.source or f"{upload.name}:{sheet}")
                for note in sheet_notes
            ]
            if len(read) > 1
            else _of_sheet(sheet_notes, sheet_raw)
        )
    ]
    if summed:  # said with what was read instead, and how to read it after all
        read_as = _read_as(read)
        notes.insert(0, _unread_sheets_note("import.summary_sheets", upload, summed, read=read_as))
    elif others:  # said, so the person sees which sheets were read, and as what
        notes.insert(0, _sheets_note(upload.name, read, passed=None if found else first))
    if upload.sheet is None and (hidden := hidden_sheets(upload.data, upload.name)):
        # Not read, as hidden rows are: said, as they are, with the way to read one.
        notes.append(_unread_sheets_note("import.hidden_sheets", upload, hidden))
    read_as: dict[str, list[RawTable]] = {}
    for name, raw, _notes in read.values():
        read_as.setdefault(name, []).append(raw)
    if unknown := _no_such_columns(upload, read_as):
        return [], unknown
    tables: list[ParsedTable] = []
    for name, raw, _notes in read.values():
        read_tables = _tables(name, raw, upload.columns)
        found = (
            stored_kind(raw.name, raw.header, read_tables[0], stored)
            if name in KINDS and len(read_tables) == 1
            else None
        )
        if found is not None and found.read_as is None:
            return [], [found.note]
        if found is not None:
            read_tables = _tables(found.read_as, raw, upload.columns)
            notes.append(found.note)
        tables += read_tables
    return tables, notes


def _no_such_columns(upload: Upload, read_as: dict[str, list[RawTable]]) -> list[Problem]:
    """An error for each header `upload.columns` names as a column that the kind or layout
    its table is read as (`read_as`: name -> tables) has not, naming the columns it may be.
    Why: `--column Projekt=Nonsense` (or `=Tittel`) was dropped without a word, and the
    file refused only for lacking `Titel`."""
    problems = []
    for name, tables in read_as.items():
        headers = {
            " ".join(raw.label(position).split()).casefold()
            for raw in tables
            for position in range(len(raw.header))
        }
        for written, meant in upload.columns:
            if " ".join(written.split()).casefold() not in headers or _reads(name, meant):
                continue
            columns = _columns_of(name)
            like = _columns_like(name, meant)
            problems.append(
                Problem(
                    "format-error",
                    msg(
                        "import.no_such_column.like" if like else "import.no_such_column",
                        file=upload.name,
                        header=quoted(written),
                        meant=quoted(meant),
                        kind=_holding(name),
                        columns=listing([quoted(column) for column in like or columns]),
                    ),
                    column=written,
                )
            )
    return problems


def _reads(name: str, header: str) -> bool:
    """Whether kind or layout `name` reads a column headed `header`."""
    if (layout := LAYOUTS.get(name)) is not None:
        known = {layout.key(label) for label in (*layout.required, *layout.optional)}
        return layout.key(header) in known
    if name in members.KINDS_NAMING and members.reads(name, header):
        return True
    return reads_header(KINDS[name], header)


def _columns_of(name: str) -> dict[str, tuple[str, ...]]:
    """The columns of kind or layout `name` by their template header, with every header
    each goes by."""
    if (layout := LAYOUTS.get(name)) is not None:
        return {
            label: (label, *layout.aliases.get(label, ()))
            for label in (*layout.required, *layout.optional)
        }
    return {column.sv: column.headers for column in KINDS[name].columns}


def _columns_like(name: str, meant: str) -> list[str]:
    """The columns of `name` whose header or another name is like `meant` ("Tittel":
    "Titel"), by their template header."""
    columns = _columns_of(name)
    by_header = {
        v.normalise_label(header): label for label, headers in columns.items() for header in headers
    }
    close = difflib.get_close_matches(v.normalise_label(meant), by_header, n=5, cutoff=0.75)
    return list(dict.fromkeys(by_header[header] for header in close))


def _of_sheet(notes: list[Problem], raw: RawTable) -> list[Problem]:
    """`notes` naming the file or sheet `raw` is read from, as its rows' problems do
    (`ParsedTable.origin`), where they name none."""
    origin = raw.origin or raw.name
    return [note if note.source else dataclasses.replace(note, source=origin) for note in notes]


def _ignore(_rows: int) -> None:
    """Hears nothing: sheets looked at but not read are no progress."""


def _unread_sheets_note(key: str, upload: Upload, sheets: list[str], **values: object) -> Problem:
    """A warning (catalogue `key`, with `values` besides) naming the sheets of `upload` that
    were not read: hidden ones, summaries, or those with data a read of one kind
    (`upload.kind`) left out."""
    return Problem(
        "format-error",
        msg(
            key,
            file=upload.name,
            sheets=listing([quoted(sheet) for sheet in sheets]),
            count=len(sheets),
            kind=_holding(upload.kind) if upload.kind else "",
            **values,
        ),
        severity="warning",
    )


def _holding(name: str) -> Message:
    """What a table of kind or layout `name` holds, as a sentence names it."""
    return LAYOUTS[name].named if name in LAYOUTS else kind_name(name, lower=True)


def _tables(name: str, raw: RawTable, columns: tuple[tuple[str, str], ...]) -> list[ParsedTable]:
    """`raw` read as kind (or layout) `name`: one table per kind it holds. The headers are
    renamed again: one found a few rows lower, under a title, was not read as the file's."""
    return [
        parse_table(
            part.raw,
            part.kind,
            create_only=part.create_only,
            guessed=part.guessed,
            matching=part.matching,
            if_stored=part.if_stored,
            read_apart=part.read_apart,
            guessed_countries=part.guessed_countries,
            land_beside=part.land_beside,
            blank_funders=part.blank_funders,
            beside_values=part.beside_values,
        )
        for part in split(_title_unit(name, read_units(name, _renamed(raw, columns))), name)
    ]


def _title_unit(name: str, raw: RawTable) -> RawTable:
    """`raw` with the money unit a title above it names ("Budget per år, tkr", "Alla belopp
    i MSEK") added to each money column of kind or layout `name` whose header names none
    ("Belopp" reads "Belopp (tkr)"), and a warning naming the title and the columns; a
    header's own unit wins.

    Why: a list that says its unit once, in its title, had its thousands stored as kronor,
    a thousand times too little, without a word.
    """
    found = raw.title_unit()
    if found is None:
        return raw
    title, unit = found
    if unit.kronor == 1:
        return raw  # kronor: the amounts are read so anyway
    positions = _money_without_unit(name, raw)
    if not positions:
        return raw
    header = list(raw.header)
    for position in positions:
        # A note in brackets after the header ("Belopp (exkl. moms)") goes: the unit after
        # it made a header no column is ("Belopp (exkl. moms) (tkr)"), and the amounts
        # were left out.
        text = str(raw.header[position])
        header[position] = f"{v.without_note(text) or text} ({unit.written})"
    # The file's headers, not the kind's: years as columns have no "Belopp" in the file.
    labels = [label for position in positions for label in raw.file_labels(position)]
    note = Problem(
        "format-error",
        msg(
            "import.title_unit",
            title=quoted(title),
            unit=unit.written,
            columns=listing([quoted(label) for label in labels]),
            count=len(labels),
        ),
        row=raw.header_line or None,
        severity="warning",
    )
    return dataclasses.replace(
        raw,
        header=header,
        shown=raw.shown or list(raw.header),
        problems=[*raw.problems, note],
    )


def _money_without_unit(name: str, raw: RawTable) -> list[int]:
    """The positions of `raw`'s columns that kind or layout `name` reads as money (amounts
    in kronor) and whose header names no unit of its own."""
    positions: set[int] = set()
    for part in split(raw, name):
        mapping = match_headers(KINDS[part.kind], part.raw.header)
        money = [p for p, column in mapping.items() if column.type.name == "money"]
        if part.raw is raw:
            positions.update(money)
        else:  # a layout's part: its columns by the file's headers
            labels = {part.raw.label(p) for p in money}
            positions.update(p for p, text in enumerate(raw.header) if str(text) in labels)
    return sorted(p for p in positions if v.header_unit(str(raw.header[p])) is None)


def _renamed(raw: RawTable, columns: tuple[tuple[str, str], ...]) -> RawTable:
    """`raw` with each header named in `columns` read as the header meant, its unit kept
    ("Summa (tkr)" meant as "Belopp" reads "Belopp (tkr)"); problems still quote the file's."""
    meant = {" ".join(written.split()).casefold(): header for written, header in columns}
    header = list(raw.header)
    for position, cell in enumerate(raw.header):
        text = " ".join(str(cell).split())
        if (target := meant.get(text.casefold())) is None:
            continue
        unit = v.header_unit(text)
        header[position] = (
            target if unit is None or v.header_unit(target) else (f"{target} ({unit.written})")
        )
    if header == raw.header:
        return raw
    return dataclasses.replace(raw, header=header, shown=raw.shown or list(raw.header))


def _heard(raw: RawTable, seen: dict[str, str]) -> None:
    """Add the headers of `raw`, as the file writes them, to `seen`, by their text folded as
    `_renamed` compares it: the headers `Upload.columns` may name."""
    for position in range(len(raw.header)):
        if text := " ".join(raw.label(position).split()):
            seen.setdefault(text.casefold(), text)


def _not_found(uploads: list[Upload], seen: dict[str, str]) -> list[Problem]:
    """An error for each header `Upload.columns` names that no file has (`seen`, their
    headers, listed with it). Why: a mistyped `--column` renamed nothing, and the column it
    meant was then missing, or its rows not imported, without a word. None when no file could
    be read: its own problem says why."""
    if not seen:
        return []
    meant = dict(renaming for upload in uploads for renaming in upload.columns)
    files = ", ".join(upload.name for upload in uploads)
    headers = listing([quoted(header) for header in seen.values()])
    return [
        Problem(
            "format-error",
            msg(
                "import.no_such_header",
                file=files,
                header=quoted(written),
                meant=quoted(header),
                headers=headers,
            ),
            column=written,
        )
        for written, header in meant.items()
        if " ".join(written.split()).casefold() not in seen
    ]


def _detected(raw: RawTable, sheet: str) -> tuple[str, RawTable, list[Problem]] | None:
    """What `raw` (the sheet `sheet`, or the file) holds by its headers, read under a title or
    group titles, or with its years as columns, if need be (with a warning saying so); None
    when no kind or layout fits, or when it is a guide to a list's columns, not a list."""
    if is_guide(raw, sheet):
        return None
    # Years as columns first: "Indikator;Land;2016;2017" fits indicator values as it is,
    # short of its year and value.
    if (table := unpivoted(raw, _fits_whole)) is not None:
        return detect_kind(table.header).name, table, []
    try:
        return detect_kind(raw.header).name, raw, []
    except UnknownKindError:
        pass
    if (lowered := _header_lower_down(raw)) is not None:
        name, table, note = lowered
        return name, table, [note]
    return None


def _fits_whole(header: list[str]) -> int:
    """How many of `header`'s columns (years as columns turned into rows) a kind reads when it
    reads it whole, 0 when none does: all its required columns, the year and the value (its
    last two) among them; budgets read an amount, indicator values a value."""
    try:
        kind = detect_kind(header)
    except UnknownKindError:
        return 0
    if not isinstance(kind, Kind):
        return 0
    mapping = match_headers(kind, header)
    present = {column.name for column in mapping.values()}
    required = {column.name for column in kind.columns if column.required}
    whole = required <= present and {len(header) - 2, len(header) - 1} <= set(mapping)
    return len(mapping) if whole else 0


def _sheets_note(
    file: str, read: dict[str, tuple[str, RawTable, list[Problem]]], *, passed: str | None
) -> Problem:
    """A warning naming the sheets of a workbook that were read and as what, and the first
    one when it was passed over (a cover sheet)."""
    sheets = _read_as(read)
    if passed is None:
        note = msg("import.sheets_read", file=file, sheets=sheets)
    else:
        first = quoted(passed)
        note = msg(
            "import.sheets_read_past", file=file, sheets=sheets, first=first, count=len(read)
        )
    return Problem("format-error", note, severity="warning")


def _read_as(read: dict[str, tuple[str, RawTable, list[Problem]]]) -> Message:
    """The sheets `read`, each with what it was read as: “Projekt” (projects), ..."""
    return listing(
        [
            msg("import.sheet_as", sheet=quoted(sheet), kind=_holding(name))
            for sheet, (name, _raw, _notes) in read.items()
        ]
    )


# Rows of group titles looked under for the real header ("Projekt" over three columns and
# "Ekonomi" over two, as merged cells, above "Diarienummer", "Titel" ...), or a file's title;
# blank lines between them are passed over besides, up to BLANK_ROWS_PASSED.
HEADER_ROWS_TRIED = 2
BLANK_ROWS_PASSED = 3


def _header_lower_down(raw: RawTable) -> tuple[str, RawTable, Problem] | None:
    """The kind and the table read with its header a few rows lower, when the row read as
    the header is a title or holds group titles over the real one (blank lines between are
    passed over: a CSV keeps a sheet's blank rows); with a warning naming what is skipped."""
    lowered: RawTable | None = raw
    titles: list[str] = []
    title_rows = blank_rows = 0
    while True:  # each turn reads one row lower, and the rows passed over are counted
        above = [" ".join(cell.split()) for cell in lowered.header if cell.strip()]
        title_rows += bool(above)
        blank_rows += not above
        if title_rows > HEADER_ROWS_TRIED or blank_rows > BLANK_ROWS_PASSED:
            return None
        titles += above
        lowered = lowered.header_below()
        if lowered is None:
            return None
        # Years as columns under a title too ("Budget per år" above "Program;2021;2022").
        table = unpivoted(lowered, _fits_whole) or lowered
        try:
            name = detect_kind(table.header).name
        except UnknownKindError:
            continue
        named = listing([quoted(title) for title in titles])
        count = lowered.header_line - raw.header_line
        note = msg("import.header_below", line=lowered.header_line, titles=named, count=count)
        return name, table, Problem("format-error", note, severity="warning")


# Sheets of a workbook looked at for data: a workbook of a hundred sheets is not read a
# hundred times.
SHEETS_TRIED = 10


def _other_sheets(
    upload: Upload,
    read_first: str,
    on_read: Callable[[int], None],
    seen: dict[str, str],
    summaries: set[str] | None = None,
) -> dict[str, tuple[str, RawTable, list[Problem]]]:
    """The workbook's other visible sheets whose headers a kind or layout fits, in tab order
    (of the first SHEETS_TRIED; {} for a CSV or JSON file), each with what it holds; the
    headers looked at are added to `seen` (`_heard`), and those of them that sum amounts up
    (`sheets.is_summary`) to `summaries`.

    Why: a programme's workbook keeps one list per sheet (projects, grants, payments), or a
    cover sheet before its list. Only the first sheet was read, and the others' rows were
    left out without a word. A sheet without known headers (notes, a cover) is passed over.
    """
    found = {}
    for sheet in workbook_sheets(upload.data, upload.name)[:SHEETS_TRIED]:
        if f"{upload.name}:{sheet}" == read_first:
            continue  # read already: a workbook of one list is read once
        try:
            raw = _renamed(read_file(upload.data, upload.name, sheet=sheet), upload.columns)
        except ReadError:
            continue
        _heard(raw, seen)
        if (detected := _detected(raw, sheet)) is not None:
            on_read(raw.height)
            _heard(detected[1], seen)
            found[sheet] = detected
            if summaries is not None and is_summary(raw, detected[1]):
                summaries.add(sheet)
    return found


def _previous_import(conn: sa.Connection, sha256: str) -> int | None:
    run = models.ImportRun.__table__
    return conn.execute(
        sa.select(run.c.id)
        .where(run.c.sha256 == sha256, run.c.outcome == "committed")
        .order_by(run.c.id.desc())
    ).scalar()


def _record_run(
    conn: sa.Connection,
    uploads: list[Upload],
    plan: Plan,
    sha256: str,
    user: str,
    label: str | None,
) -> int:
    """The run of an import, recorded before its changes: the kinds it changes, not those
    its files hold, and its counts with each kind's (`Plan.changed_kinds`), which its
    history shows."""
    run = models.ImportRun.__table__
    changed = plan.changed_kinds()
    statement = (
        sa.insert(run)
        .values(
            file_name=label or ", ".join(upload.name for upload in uploads),
            sha256=sha256,
            kind=", ".join(changed),
            user=user,
            started_at=clock.utc_now(),
            outcome="committed",
            counts=json.dumps({**plan.counts(), "kinds": changed}),
        )
        .returning(run.c.id)
    )
    return conn.execute(statement).scalar_one()


def _constraint_problem(exc: IntegrityError) -> Problem:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return Problem("constraint-error", msg("import.refused", detail=detail))


def _store_problem(exc: DBAPIError) -> Problem:
    """The store could not be used (a read-only file, a full disk, a store never migrated):
    a sentence for the report, never a traceback. The transaction has rolled back.
    """
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return Problem(STORE_ERROR, msg("import.store_failed", detail=detail))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while an import runs, as it was after.

    A large upload makes millions of objects (cells, rows, records) that live until it ends
    and form no cycles; the collector would walk them again and again, a twentieth of the
    import's time. Nothing is lost: whatever cycles there are go at the next collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_collector_paused()
def import_files(
    engine: Engine,
    uploads: list[Upload],
    *,
    identity: Identity,
    dry_run: bool = False,
    replace: bool = False,
    label: str | None = None,
    progress: Progress | None = None,
    expected_version: tuple[int, int] | None = None,
) -> ImportResult:
    """Import `uploads` as one unit: all of it commits, or nothing does.

    With `dry_run` the plan is computed and returned but nothing is written. `replace`
    deletes the rows of the uploaded kinds that the files do not contain. `progress` hears
    each phase (`PHASES`) as it begins, with its rows: a large file takes a while.

    `identity` needs IMPORT (a preview too: it reads the whole store), and REPLACE for
    `replace`; otherwise AccessDenied before anything is read. A commit is recorded as made
    by `identity.subject`, with its audit event in the same transaction.

    `expected_version`: the store version (`store.version_of`) of the preview the person saw.
    Checked inside the write transaction, after the writers' lock: when another import or
    undo has moved the store since, nothing is written and the outcome is "outdated". A
    check before the transaction left a gap, the seconds a large file takes to read, in
    which another session's change was undone field by field, or deleted by a replace.
    """
    identity.require(Right.IMPORT)
    if replace:
        identity.require(Right.REPLACE)
    started = time.perf_counter()
    notify: Progress = progress or (lambda _phase, _rows: None)
    sha256 = _sha256(uploads)
    tables: list[ParsedTable] = []
    problems: list[Problem] = []
    rows_read = 0

    def on_read(count: int) -> None:
        nonlocal rows_read
        rows_read += count
        notify("validate", rows_read)

    # The stored keys' folds, read as the files are and reused by the plan (`StoredFolds`).
    folds = StoredFolds()

    def stored(kind: str, keys: set[object]) -> dict[object, object]:
        try:
            with engine.connect() as conn:
                return keys_stored(conn, kind, keys, folds)
        except DBAPIError:
            # Read as its headers say: the plan reads the store next and reports the failure.
            return {}

    notify("read", 0)
    seen: dict[str, str] = {}
    for upload in uploads:
        parsed, read_problems = _parse(upload, on_read, seen, stored)
        tables += parsed
        if len(uploads) > 1:  # of several files, each problem names its own
            read_problems = [
                problem if problem.source else dataclasses.replace(problem, source=upload.name)
                for problem in read_problems
            ]
        problems += read_problems
    problems += _not_found(uploads, seen)
    seen_kinds = [t.kind.name for t in tables]
    duplicates = {name for name in seen_kinds if seen_kinds.count(name) > 1}
    for name in sorted(duplicates):
        # Named, as the person chose them together: "several files" sent them looking.
        named = [table.origin for table in tables if table.kind.name == name]
        files = listing([quoted(origin) for origin in dict.fromkeys(named)])
        problems.append(
            Problem(
                "format-error",
                msg("import.kind_twice", kind=kind_name(name, lower=True), files=files),
            )
        )

    def result(outcome: str, plan: Plan | None, **extra: object) -> ImportResult:
        return ImportResult(
            outcome=outcome,
            plan=plan,
            problems=distinct_problems(problems + (plan.problems if plan else [])),
            sha256=sha256,
            seconds=time.perf_counter() - started,
            kinds=seen_kinds,
            meant=[pair for table in tables for pair in table.meant],
            files=[upload.name for upload in uploads],
            **extra,
        )

    if any(p.severity == "error" for p in problems) or not tables:
        return result("rejected", None)
    if any(table.refused_whole for table in tables):
        # Nothing is compared with the store: a table without its key cannot be, and a row
        # of another that points at its rows would be refused for a reason not its own.
        for table in tables:
            problems += located(table.problems, table=table.kind.name, source=table.origin)
        return result("rejected", None)

    # The command line's reader is told its commands, a page's reader the pages.
    on_command_line = identity.mode == "cli"
    if dry_run or any(table.has_errors for table in tables):
        # Read-only: a preview, or a file already known to be rejected, takes no write lock.
        notify("plan", rows_read)
        try:
            with engine.connect() as conn:
                plan = plan_upload(
                    conn,
                    tables,
                    replace=replace,
                    diff=dry_run,
                    on_command_line=on_command_line,
                    folds=folds,
                )
                previous = _previous_import(conn, sha256)
        except DBAPIError as exc:
            problems.append(_store_problem(exc))
            return result("rejected", None)
        outcome = "rejected" if plan.has_errors else "dry-run"
        return result(outcome, plan, previous_import_id=previous)

    # Plan again inside the write transaction: the store may have changed since a preview.
    plan = None
    notify("plan", rows_read)
    try:
        with transaction(engine) as conn, summaries.maintained(conn, kinds=seen_kinds):
            if expected_version is not None and version_of(conn) != tuple(expected_version):
                return result("outdated", None)
            plan = plan_upload(
                conn, tables, replace=replace, on_command_line=on_command_line, folds=folds
            )
            previous = _previous_import(conn, sha256)
            if plan.has_errors:
                return result("rejected", plan, previous_import_id=previous)
            if not plan.changes_anything:
                return result("unchanged", plan, previous_import_id=previous)
            counts = plan.counts()
            notify("write", counts["new"] + counts["updated"] + counts["deleted"])
            import_id = _record_run(conn, uploads, plan, sha256, identity.subject, label)
            apply_plan(conn, plan, import_id=import_id)
            record(
                conn,
                identity,
                AuditAction.REPLACE if replace else AuditAction.IMPORT,
                import_id=import_id,
                detail={
                    "file": label or ", ".join(upload.name for upload in uploads),
                    "kinds": list(plan.changed_kinds()),
                    "counts": {**counts, "kinds": plan.changed_kinds()},
                    "sha256": sha256,
                },
            )
            run = models.ImportRun.__table__
            conn.execute(
                sa.update(run).where(run.c.id == import_id).values(finished_at=clock.utc_now())
            )
    except IntegrityError as exc:
        # The plan checks what it can; a database constraint it did not foresee must still
        # not leave half an import behind: leaving the block has rolled everything back.
        problems.append(_constraint_problem(exc))
        return result("rejected", plan)
    except DBAPIError as exc:
        if isinstance(exc, OperationalError) and _is_busy(exc):
            return result("busy", None)
        problems.append(_store_problem(exc))
        return result("rejected", plan)
    refresh_statistics(engine, _written_tables(plan))
    return result("committed", plan, import_id=import_id, previous_import_id=previous)


def _written_tables(plan: Plan) -> dict[str, int]:
    """The rows a committed `plan` wrote per table: its kinds' own, the change history (a
    record per row) and the summaries they keep."""
    written = {
        table_of(kind_plan.kind).name: sum(
            kind_plan.counts()[name] for name in ("new", "updated", "deleted")
        )
        for kind_plan in plan.kinds
    }
    written[models.ImportChange.__tablename__] = sum(written.values())
    return _with_summaries(written)


def _with_summaries(written: dict[str, int]) -> dict[str, int]:
    """`written` (rows per table) with the summaries those tables keep: each summary rewrote
    at most as many rows as its kinds' tables had written."""
    tables = {table_of(kind).name: name for name, kind in KINDS.items()}
    kinds = {tables[table] for table in written if table in tables}
    total = sum(rows for table, rows in written.items() if table in tables)
    return {
        **written,
        **{
            summary.table.name: total
            for summary in summaries.SUMMARIES
            if summary.kinds.intersection(kinds)
        },
    }


def _is_busy(exc: OperationalError) -> bool:
    """Another writer held the store longer than we wait: SQLite's busy timeout ran out, or
    PostgreSQL's lock_timeout (SQLSTATE 55P03) did. Nothing was written; try again.
    """
    return getattr(exc.orig, "sqlstate", None) == "55P03" or "database is locked" in str(exc.orig)


class UndoStoreError(UndoError):
    """The store, not the import, stopped an undo (read-only, disk full): nothing changed."""


def undo(
    engine: Engine,
    import_id: int,
    *,
    identity: Identity,
    cascade: bool = False,
    expected: Sequence[int] | None = None,
) -> dict[str, int]:
    """Undo a committed import in one transaction, and with `cascade` the later imports that
    hang on it first (with `expected`, only if they are those: see `apply.undo_import`);
    raises UndoError (UndoBlockedError naming those imports, UndoStoreError when the store
    could not be written) with the reason, AccessDenied when `identity` may not (another's
    import needs UNDO_ANY).
    Returns the rows "deleted" and "restored" and the "imports" undone.
    """
    written: dict[str, int] = {}
    try:
        with transaction(engine) as conn, summaries.maintained(conn):
            counts = undo_import(
                conn,
                import_id,
                identity=identity,
                cascade=cascade,
                expected=expected,
                written=written,
            )
    except IntegrityError as exc:
        # A row to restore refers to one a later change removed: nothing was written.
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise UndoError(msg("undo.refused", id=import_id, detail=detail)) from exc
    except DBAPIError as exc:
        if isinstance(exc, OperationalError) and _is_busy(exc):
            raise UndoError(msg("undo.busy")) from exc
        raise UndoStoreError(_store_problem(exc).message) from exc
    refresh_statistics(engine, _with_summaries(written))
    return counts


def undo_preview(engine: Engine, import_id: int) -> UndoPreview:
    """What undoing `import_id` would remove and restore and what blocks it; writes nothing
    (raises UndoError when the import does not exist or is not committed).
    """
    with engine.connect() as conn:
        return _apply.undo_preview(conn, import_id)


def demo_uploads(directory: Path = config.DEMO_DIR) -> list[Upload]:
    """The demo data set: one CSV per kind, named `NN_<what>.csv`, in load order."""
    return [Upload(path.name, path.read_bytes()) for path in sorted(directory.glob("*.csv"))]


def store_is_empty(engine: Engine) -> bool:
    """True when the store holds no domain data (import history aside)."""
    with engine.connect() as conn:
        for kind in KINDS.values():
            table = kind.model.__table__
            if conn.execute(sa.select(table.c.id).limit(1)).first() is not None:
                return False
    return True


def load_demo(engine: Engine, *, identity: Identity) -> ImportResult | None:
    """Load the demo data through the import pipeline, only into an empty store, as an import
    by `identity` (who needs IMPORT, like any import)."""
    identity.require(Right.IMPORT)
    if not store_is_empty(engine):
        return None
    return import_files(engine, demo_uploads(), identity=identity, label="Demodata (data/demo)")
