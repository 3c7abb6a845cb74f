"""Map a raw table onto a kind, parse every cell, and report every problem (not just the first).

The result is the kind's *natural* table: canonical column names, Python values (str, int,
float, date, None), references as natural keys, indexed by the line the user sees in the
file. A row with an error stays in it, its bad cells empty, so the plan's checks (references,
keys) still report what else is wrong with it; the plan then leaves the row out.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice

import numpy as np
import pandas as pd

from arena.i18n import msg, sek
from arena.ingest import values as v
from arena.ingest.kinds import (
    COUNTRY,
    KINDS,
    NUMBER,
    OPEN_END_DATE,
    ORG_NUMBER,
    PERIOD_HEADERS,
    Column,
    Kind,
    in_header_unit,
    in_per_cent,
)
from arena.ingest.layouts import Layout, Matching, detect_layout, guess_country
from arena.ingest.natural import key_columns
from arena.ingest.read import Cells, RawTable
from arena.ingest.report import (
    ROW_ERRORS,
    Problem,
    blank_header,
    extra_label,
    key_label,
    kind_name,
    listing,
    period_figure,
    quoted,
    translation_unsaid,
)
from arena.ingest.wide import marks_as_notes


class UnknownKindError(ValueError):
    """The headers match no known kind."""


@dataclass
class ParsedTable:
    """A kind's rows ready to plan: natural values plus the file line of each row."""

    kind: Kind
    frame: pd.DataFrame  # canonical columns present in the file, object dtype; index = file line
    columns: list[str]  # the canonical columns the file provides (the ones an update may change)
    problems: list[Problem] = field(default_factory=list)
    source_name: str = ""
    origin: str = ""  # the file (or sheet) its rows are from: a layout's parts share one
    create_only: bool = False  # rows only add what the store lacks (see layouts.Part)
    guessed: frozenset[str] = frozenset()  # columns that fill new rows only (layouts.Part)
    matching: Matching | None = None  # how rows the store lacks are matched (layouts.Part)
    if_stored: dict[str, tuple[str, str]] = field(default_factory=dict)  # see layouts.Part
    labels: dict[str, str] = field(default_factory=dict)  # column -> its header in the file
    # Number column -> the keys of the rows whose cell in it carried a per cent sign ("0,14 %"):
    # a value the file says is in per cent, however small (`per_cent.small_per_cent_values`).
    per_cent: dict[str, frozenset[tuple]] = field(default_factory=dict)
    # Headers nothing reads that may be columns the file lacks: (the file's header, the
    # column's template header), each once (`_meant_columns`).
    meant: tuple[tuple[str, str], ...] = ()
    marks_only: frozenset[str] = frozenset()  # see `read.RawTable.marks_only`
    # A table of years as columns (`read.RawTable.cell_labels`): column -> year -> the header
    # of that year's column in the file, which a row of that year is under.
    by_year: dict[str, dict[object, str]] = field(default_factory=dict)
    # A column of a record per cell (`read.RawTable.cell_labels`, not of years): column -> the
    # row's key -> the header of its cell's column (a grant column per funder's).
    under_each: dict[str, dict[tuple, str]] = field(default_factory=dict)
    # Column with a default -> the keys of the rows that left its cell blank, so hold the
    # default: a blank cell is unknown, and a stored row keeps its value (`plan._kept_blanks`).
    defaulted: dict[str, frozenset[tuple]] = field(default_factory=dict)
    # The keys of the organisations among `defaulted["country"]` whose blank Land holds the
    # country their name's form says ("Oslo kommune": Norge), not the default: a blank all
    # the same, so a stored one keeps its own (`plan._kept_blanks`).
    named_countries: frozenset[tuple] = frozenset()
    # The keys of the organisations a create-only table names beside a Land column of the
    # file's (`layouts.Part.land_beside`): a blank cell of it is the one to fill in.
    land_beside: frozenset[tuple] = frozenset()
    # The keys of new organisations the upload names only where no Land can be given beside
    # them (a funder, an owner): a refusal asks for an organisations list (`plan`).
    landless: frozenset[tuple] = frozenset()
    # Date column -> the keys of the rows whose cell states it has none: a period's open
    # end (`2019-01 –`), which clears a stored end date where a blank cell keeps it.
    stated_none: dict[str, frozenset[tuple]] = field(default_factory=dict)
    blank_funders: dict[int, str] = field(default_factory=dict)  # see layouts.Part
    beside_values: bool = False  # see layouts.Part

    def label(self, name: str) -> str:
        """How the file names column `name` (its Swedish template header if it has none)."""
        return self.labels.get(name) or self.kind.column(name).sv

    def label_on(self, name: str, row: pd.Series) -> str:
        """How the file names column `name` on `row` (one of the frame's): in a table of
        years as columns, the header of the row's year ("2020", not "Belopp")."""
        return self.by_year.get(name, {}).get(row.get("year")) or self.label(name)

    def label_of(self, name: str, key: tuple) -> str:
        """How the file names column `name` on the row of key `key`: the header of its cell's
        column where the file has one per record (`Bidrag från Formas (kr)`)."""
        return self.under_each.get(name, {}).get(key) or self.label(name)

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)

    @property
    def refused_whole(self) -> bool:
        """Whether an error rejects the whole table, not a row: a column it must have is
        missing or twice. Its rows cannot be compared with the store (their key may be
        gone)."""
        return any(p.severity == "error" and p.error not in ROW_ERRORS for p in self.problems)


def _lookup(kind: Kind) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in kind.columns:
        for header in column.headers:
            table.setdefault(v.normalise_label(header), column)
    return table


# A header cut short and marked so ("Utbetalningsdat.", "Beskr.") is read as the one column
# whose header or alias it begins, when it has letters enough to mean something and begins no
# other column's; a warning says so, so the person sees how it was read. Only when marked: a
# whole word also begins headers ("Region" begins "Region/län", "Rapport" "Rapportdatum"), and
# a column read as one it is not would refuse rows a file gave for something else.
_SHORTEST_ABBREVIATION = 5


def _abbreviated(lookup: dict[str, Column], key: str) -> Column | None:
    """The one column of `lookup` that a header of normalised `key` abbreviates, if any."""
    if len(key) < _SHORTEST_ABBREVIATION:
        return None
    found = {column.name: column for label, column in lookup.items() if label.startswith(key)}
    return next(iter(found.values())) if len(found) == 1 else None


def _matched(lookup: dict[str, Column], text: str) -> tuple[Column | None, bool]:
    """The column a header `text` feeds, and whether it was found by its abbreviation."""
    column = lookup.get(v.normalise_label(text))
    if column is not None and column.type.name == "share" and "%" in text:
        # "Täckning (%)": a share in per cent, as the app's downloads head it (38 is 38 %).
        return in_per_cent(column), False
    if column is None and (unit := v.header_unit(text)) is not None:
        column = lookup.get(v.normalise_label(unit.label))
        if column is not None:
            # Only money has a unit to read: "Start (tkr)" stays unknown, and reported.
            return (in_header_unit(column, unit) if column.type.name == "money" else None), False
    if column is None and text.strip().endswith("."):
        column = _abbreviated(lookup, v.normalise_label(text))
        return column, column is not None
    return column, False


def _translated(lookup: dict[str, Column], text: str) -> Column | None:
    """The column a header noted a translation into no language it names ("Namn
    (översättning)") is a translation of, if the kind has it (`values.translation_unsaid`)."""
    if not v.translation_unsaid(text) or (bare := v.without_note(text)) is None:
        return None
    return _matched(lookup, bare)[0]


def match_headers(kind: Kind, header: list[str]) -> dict[int, Column]:
    """Which file column (by position) feeds which kind column. A money column's header may
    name its unit ("Belopp (tkr)"): the column then reads a bare number in it. A header cut
    short with a full stop is read as the one column it abbreviates (`_abbreviated`)."""
    lookup = _lookup(kind)
    found = v.headers_matched(
        list(map(str, header)), lambda text: _matched(lookup, text)[0], _column_name
    )
    matched = {position: column for position, column in enumerate(found) if column is not None}
    return {**matched, **beside_key(kind, header, matched)}


def reads_header(kind: Kind, text: str) -> bool:
    """Whether `kind` reads a column headed `text` ("Belopp (tkr)" a grant's amount)."""
    return _matched(_lookup(kind), text)[0] is not None


def beside_key(kind: Kind, header: list[str], matched: dict[int, Column]) -> dict[int, Column]:
    """The columns read by a header only beside the kind's key (`Column.beside_key`): the
    first header nothing else reads that is one of them, where the file has the kind's key
    and not the column ("Projekt;Diarienummer;…": "Projekt" is the title)."""
    names = {column.name for column in matched.values()}
    if not set(kind.key) <= names:
        return {}
    found = {}
    for column in kind.columns:
        if not column.beside_key or column.name in names:
            continue
        wanted = {v.normalise_label(text) for text in column.beside_key}
        at = next(
            (
                position
                for position, text in enumerate(header)
                if position not in matched
                and position not in found
                and v.normalise_label(str(text)) in wanted
            ),
            None,
        )
        if at is not None:
            found[at] = column
    return found


def _column_name(column: Column) -> str:
    return column.name


def _detect_table_kind(header: list[str]) -> Kind:
    """The kind whose required columns are all present and that matches most headers; else
    the kind that clearly matches most headers (two or more, no tie), so a file that lacks a
    required column is told which one rather than that it is unknown. A kind that lacks a
    column but reads more of the headers than any complete kind is that kind too: "Namn;Län"
    is a list of organisations without their type, not buyer groups (known by a name alone)
    whose county would be dropped.
    """
    complete, partial = _fits(header)
    clearly = partial[0][0] >= 2 and partial[0][:2] > partial[1][:2]
    if complete:
        best = max(complete, key=lambda fit: fit[:2])
        # Only over a kind known from its key alone: "Namn;Nätverkstyp;Län" is buyer groups.
        alone = best[0] <= len(best[2].key)
        return partial[0][2] if clearly and alone and partial[0][0] > best[0] else best[2]
    if clearly:
        return partial[0][2]
    raise UnknownKindError(", ".join(str(text) for text in header))


def _fits(
    header: list[str],
) -> tuple[list[tuple[int, int, Kind]], list[tuple[int, bool, Kind]]]:
    """How each kind fits `header`: the kinds whose required columns are all present (how
    many columns they match, less how many they have), and every kind (how many columns it
    matches, whether its whole key among them), best first."""
    complete: list[tuple[int, int, Kind]] = []
    partial: list[tuple[int, bool, Kind]] = []
    for kind in KINDS.values():
        matched = {
            column.name
            for position, column in match_headers(kind, header).items()
            if v.normalise_label(str(header[position])) not in PERIOD_HEADERS
        }
        required = {column.name for column in kind.columns if column.required}
        # More matched columns wins; on a tie the kind with fewer columns is the closer fit.
        if required <= matched:
            complete.append((len(matched), -len(kind.columns), kind))
        partial.append((len(matched), set(kind.key) <= matched, kind))
    # More matched columns, then the one whose whole key the headers name: "Diarienummer;
    # Titel" is projects (known by the diarienummer), not milestones (known by a due date too).
    partial.sort(key=lambda fit: fit[:2], reverse=True)
    return complete, partial


def tied_kinds(header: list[str]) -> list[Kind]:
    """The kinds that `header` fits alike, when no kind fits it whole and two or more read
    two of its columns or more, their keys among them: "Kod;Namn (engelska)" is the English
    names of programmes or of indicators, which only the person can say."""
    complete, partial = _fits(header)
    best = partial[0][:2]
    if complete or best[0] < 2 or not best[1]:
        return []
    tied = [kind for *fit, kind in partial if tuple(fit) == best]
    return tied if len(tied) > 1 else []


def detect_kind(header: list[str]) -> Kind | Layout:
    """What a file with these headers holds: a layout (Vinnova JSON, 360Giving, a flat project
    sheet) when the headers fit it, else the best-fitting kind; UnknownKindError if none fits.
    """
    return detect_layout(header) or _detect_table_kind(header)


def _header_problems(
    kind: Kind, raw: RawTable, mapping: dict[int, Column], read_apart: frozenset[int] = frozenset()
) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    line = raw.header_line or None
    lookup = _lookup(kind)
    for index, text in enumerate(raw.header):
        label = str(text).strip()
        if not label:
            if not raw.is_empty_column(index):  # a column of nothing loses nothing unread
                problems.append(blank_header(index, line))
        elif index in read_apart:
            continue  # another part's (a participants list's Land, its organisations')
        elif index not in mapping and (translated := _translated(lookup, label)) is not None:
            problems.append(translation_unsaid(label, translated.sv, line))
        elif index not in mapping:
            unread = period_figure(label, line)
            problems.append(unread or extra_label(label, kind_name(kind.name, lower=True), line))
        else:
            name = mapping[index].name
            if mapping[index].type.name == "money" and (note := unit_note(raw, index)):
                problems.append(note)
            if _matched(lookup, label)[1]:
                problems.append(
                    Problem(
                        "format-error",
                        msg(
                            "problem.abbreviated_label",
                            label=label,
                            column=mapping[index].sv,
                            name=name,
                        ),
                        row=line,
                        column=label,
                        severity="warning",
                    )
                )
            if name in seen:
                first = raw.header[seen[name]]
                problems.append(
                    Problem(
                        "duplicate-label",
                        msg("problem.duplicate_label", label=label, first=first),
                        row=line,
                        column=label,
                    )
                )
            seen[name] = index
    problems += [
        Problem(
            "missing-label",
            msg("problem.missing_label", label=column.sv),
            row=line,
            column=column.sv,
        )
        for column in _lacking(kind, mapping)
    ]
    present = _present(mapping)
    scopes = kind.scope_columns
    if scopes and not any(column.name in present for column in scopes):
        names = listing([quoted(column.sv) for column in scopes], "list.slash")
        problems.append(
            Problem("missing-label", msg("problem.missing_scope", names=names), row=line)
        )
    return problems


def _present(mapping: dict[int, Column]) -> set[str]:
    """The columns the file's headers feed (a period feeds its dates)."""
    present = {column.name for column in mapping.values()}
    return present | {target for column in mapping.values() for target in column.fills}


def _lacking(kind: Kind, mapping: dict[int, Column]) -> list[Column]:
    """The columns every file of `kind` must have that none of its headers feeds. A column
    the kind can guess is missing only from the rows a file adds (`Column.guess`)."""
    present = _present(mapping)
    return [
        column
        for column in kind.columns
        if column.required and column.guess is None and column.name not in present
    ]


# A header nothing reads is offered as a column the file lacks (`_meant_columns`) when most of
# its distinct values (of the first _VALUES_TRIED) read as the column's, or its name is like
# one of the column's names (a SequenceMatcher ratio of _LIKE_NAME, or one holds the other).
_READ_SHARE = 0.9
_VALUES_TRIED = 200
_LIKE_NAME = 0.8
# Any cell reads as text, a list or a reference: the values of such a column say nothing.
_ANY_TEXT = frozenset({"text", "list", "reference"})


def _meant_columns(
    raw: RawTable, mapping: dict[int, Column], lacking: list[Column]
) -> tuple[tuple[str, str], ...]:
    """The headers of `raw` nothing reads (`mapping`) that may be columns it lacks, as (the
    file's header, the column's template header): a pair where the header is the one likeliest
    for the column and the column the one likeliest for the header (`_evidence`), the surest
    first; each header and column once, and none where two are alike (which is meant is then
    the person's to say).

    Why: the command line paired the first unread header with the first missing column, and
    offered a "Kommentar" as the title.
    """
    unread = [
        p
        for p in range(len(raw.header))
        if p not in mapping and raw.label(p).strip() and not period_figure(raw.label(p), None)
    ]
    evidence = {
        (position, column.name): found
        for position in unread
        for column in lacking
        if (found := _evidence(raw, position, column))
    }
    pairs: list[tuple[str, str]] = []
    taken: set[int] = set()
    done: set[str] = set()
    for level in (2, 1):
        for column in lacking:
            if column.name in done:
                continue
            headers = [
                position
                for position in unread
                if position not in taken and evidence.get((position, column.name), 0) >= level
            ]
            if len(headers) != 1:
                continue
            (position,) = headers
            if any(
                evidence.get((position, other.name), 0) >= level
                for other in lacking
                if other.name not in done and other.name != column.name
            ):
                continue
            taken.add(position)
            done.add(column.name)
            pairs.append((raw.label(position), column.sv))
    return tuple(pairs)


def _evidence(raw: RawTable, position: int, column: Column) -> int:
    """How plausibly header `position` of `raw` is `column`: 2 when its values read as the
    column's and its name is like one of the column's, 1 when one of the two holds, 0 when
    neither does or its values do not read as the column's. A text column's values (or a
    header's of no values) say nothing: its name alone counts."""
    if column.type.name == "money" and "%" in raw.label(position):
        # A share ("Paid of granted (%)": 88, 100) is no amount, though its numbers read as
        # kronor: a year-filtered Grants download was offered it as the grants' amounts.
        return 0
    named = _like_name(raw.label(position), column)
    share = None if column.type.name in _ANY_TEXT else _read_share(raw.cells(position), column)
    if share is None:
        return int(named)
    return 1 + named if share >= _READ_SHARE else 0


def _like_name(header: str, column: Column) -> bool:
    """Whether `header` (its unit aside: "Summa (tkr)") is like one of `column`'s names: one
    holds the other (of four letters at least), or their SequenceMatcher ratio is _LIKE_NAME."""
    unit = v.header_unit(header)
    key = v.normalise_label(unit.label if unit is not None else header)
    for name in map(v.normalise_label, column.headers):
        if not key or not name:
            continue
        if min(len(key), len(name)) >= 4 and (key in name or name in key):
            return True
        if difflib.SequenceMatcher(None, key, name).ratio() >= _LIKE_NAME:
            return True
    return False


def _read_share(cells: Cells, column: Column) -> float | None:
    """The share of the distinct filled cells (the first _VALUES_TRIED) that `column` reads;
    None for a column of nothing."""
    filled = (
        cell for cell, missing in zip(cells.uniques, cells.missing, strict=True) if not missing
    )
    tried = list(islice(filled, _VALUES_TRIED))
    if not tried:
        return None
    read = 0
    for cell in tried:
        try:
            column.parse(cell)
        except v.ValueProblem:
            continue
        read += 1
    return read / len(tried)


def unit_note(raw: RawTable, position: int) -> Problem | None:
    """A warning that money column `position` reads bare numbers in thousands or millions,
    as its header says, so the person sees it in the preview; None for kronor, and for a
    unit the header does not name: the row of units under the headers gave it, which that
    row's own warning says (`units._units_row`, `import.units_row`), or the title above,
    which its warning says (`import.title_unit`). Said once: the row's warning and a second
    one of the same column said the same thing twice."""
    unit = v.header_unit(str(raw.header[position]))
    if unit is None or (kronor := unit.kronor) is None or kronor == 1:
        return None
    # Years as columns (`wide.years_as_rows`): the file's own headers its cells were under,
    # "2027 (tkr)", "2028 (tkr)", not the template's column ("Belopp (tkr)") it does not have.
    under = raw.file_labels(position)
    if v.header_unit(under[0]) is None:
        return None
    labels = listing([quoted(label) for label in under])
    return Problem(
        "format-error",
        # Öre: "1 öre = 0 kronor" would say nothing; said as what it is.
        msg("problem.header_unit_ore", labels=labels, unit=unit.written, count=len(under))
        if kronor < 1
        else msg(
            "problem.header_unit",
            labels=labels,
            unit=unit.written,
            rate=msg("problem.unit_rate", unit=unit.written, count=kronor),
            count=len(under),
        ),
        row=raw.header_line or None,
        column=under[0],
        severity="warning",
    )


def _parse_cells(
    parse: Callable[[object], object], cells: Cells, *, lists: bool = False
) -> tuple[np.ndarray, dict[int, v.ValueProblem]]:
    """Each distinct cell parsed once: values per unique (None where missing), and problems.
    A JSON array is read only by a column that holds a list (`lists`, its parser reads it);
    elsewhere it, and a JSON object anywhere, is a type-error (`values.not_one_value`).

    The result is kept with the cells: a layout's parts that read the same column of the file
    (a sheet's diarienummer is the project's and its grant's) parse it once. Read-only.
    """
    if parse not in cells.parsed:
        cells.parsed[parse] = _parse_distinct(parse, cells, lists)
    return cells.parsed[parse]  # type: ignore[return-value]


def _parse_distinct(
    parse: Callable[[object], object], cells: Cells, lists: bool
) -> tuple[np.ndarray, dict[int, v.ValueProblem]]:
    parsed = np.empty(len(cells.uniques), dtype=object)
    errors: dict[int, v.ValueProblem] = {}
    if parse is v.parse_text and cells.text:
        # parse_text in one pass for the commonest column: on text it cannot fail once the
        # empty cells are set aside.
        # The empty cells are left out of the cleaning: a blank of spaces would send the
        # whole column to the cleaning one text at a time.
        present = np.flatnonzero(~cells.missing).tolist()
        parsed[present] = v.clean_texts(list(map(cells.uniques.__getitem__, present)))
        return parsed, errors
    for code, (cell, missing) in enumerate(zip(cells.uniques, cells.missing, strict=True)):
        if missing:
            continue
        if isinstance(cell, dict) or (isinstance(cell, list) and not lists):
            errors[code] = v.not_one_value(cell)
            continue
        try:
            value = parse(cell)
        except v.ValueProblem as exc:
            errors[code] = exc
            continue
        # A code as plain text: what the store gives back, and what the database driver
        # binds without adapting an enum per row.
        parsed[code] = value.value if isinstance(value, StrEnum) else value
    return parsed, errors


def _is_none(values: np.ndarray) -> np.ndarray:
    return np.equal(values, None)


def _comma_read_as_decimal(
    raw: RawTable, position: int, kept: np.ndarray, lines: np.ndarray
) -> list[Problem]:
    """A warning that number column `position`'s "1,234" was read with a decimal comma,
    nothing in the column saying otherwise (`values.comma_reading`): the first such row, and
    how to write 1 234."""
    cells = raw.cells(position)
    flagged = np.fromiter(map(v.one_group, cells.uniques), dtype=bool, count=len(cells.uniques))
    return _column_warning(
        raw,
        (position, kept, lines),
        flagged,
        "problem.comma_decimal",
        lambda code, cell: {"whole": cell.replace(",", " ")},
    )


def _column_warning(
    raw: RawTable,
    rows: tuple[int, np.ndarray, np.ndarray],
    flagged: np.ndarray,
    key: str,
    values: Callable[[int, str], dict[str, object]],
) -> list[Problem]:
    """One warning for the rows of a column whose distinct cell is `flagged`, not one per
    row: message `key` at the first of them, with the column's `label`, that row's `line` and
    cell (`value`, as the file wrote it), how many rows (`count`), and the `values` of the
    first's distinct cell (its code and text). `rows` is the column's position, the rows kept
    and their lines."""
    position, kept, lines = rows
    codes = raw.cells(position).codes[kept]
    found = np.flatnonzero(flagged[codes])
    if not len(found):
        return []
    code, line = int(codes[found[0]]), int(lines[found[0]])
    cell = v.shown_cell(raw.cells(position).uniques[code]).strip()
    label = raw.cell_label(position, int(kept[found[0]]))
    said = msg(key, label=label, line=line, value=cell, count=len(found), **values(code, cell))
    return [Problem("format-error", said, row=line, column=label, value=cell, severity="warning")]


def _projects_goals(
    raw: RawTable,
    rows: tuple[int, np.ndarray, np.ndarray],
    values: np.ndarray,
    errors: dict[int, v.ValueProblem],
) -> tuple[np.ndarray, dict[int, v.ValueProblem], list[Problem]]:
    """A programme's goals column's `values` and `errors` with each cell that names its
    projects' goals, as the list of programmes' downloads once wrote them for a programme
    without goals of its own ("2; 3 (its projects' goals)", `values.names_projects_goals`),
    read as blank: the programme has no goals of its own there, and what it has stored is
    kept. One warning says so. `rows` is the column's position, the rows kept and their
    lines."""
    position, kept, _ = rows
    cells = raw.cells(position)
    theirs = np.fromiter(map(v.names_projects_goals, cells.uniques), bool, len(cells.uniques))
    if not theirs.any():
        return values, errors, []
    said = _column_warning(raw, rows, theirs, "import.goals_of_projects", lambda *_: {})
    values = np.where(theirs[cells.codes[kept]], None, values)
    return values, {code: exc for code, exc in errors.items() if not theirs[code]}, said


def _fractions_in_per_cent(
    raw: RawTable, position: int, kept: np.ndarray, lines: np.ndarray, parsed: np.ndarray
) -> list[Problem]:
    """A warning that share column `position`, headed in per cent ("Täckning (%)": a bare
    38 is 38 %, `kinds.in_per_cent`), holds no value over 1 % written without its sign, and
    some between 0 and 1 %: "0,38" read as 0,38 % where a fraction, 38 %, may be meant.

    Why: a coverage kept as fractions under a per-cent header was stored a hundred times too
    small without a word; a column that also holds 38 or 45 says it is in per cent."""
    cells = raw.cells(position)
    bare = [
        share if share is not None and not v.written_in_per_cent(cell) else None
        for cell, share in zip(cells.uniques, parsed.tolist(), strict=True)
    ]
    if any(share is not None and share > 0.01 for share in bare):
        return []
    flagged = np.array([share is not None and share > 0 for share in bare], dtype=bool)
    return _column_warning(
        raw, (position, kept, lines), flagged, "problem.share_fractions", lambda *_: {}
    )


def _ore_rounded(
    raw: RawTable, position: int, kept: np.ndarray, lines: np.ndarray, parsed: np.ndarray
) -> list[Problem]:
    """A warning that money column `position` had amounts with öre, rounded half up to whole
    kronor as every amount is stored (`values.parse_money`): how many, the first row, and
    what its amount became ("1 234,56" -> 1 235 kr). One per column, not one per row.

    Why: "1 234,56" was stored as 1 235 without a word. Each distinct cell is looked at once,
    most at a glance (`values.has_ore`), so a large import costs little more."""
    cells = raw.cells(position)
    header = v.header_unit(str(raw.header[position]))
    unit = header.unit if header is not None and header.kronor not in (None, 1) else None
    flagged = np.array(
        [
            amount is not None and v.has_ore(cell, unit)
            for cell, amount in zip(cells.uniques, parsed.tolist(), strict=True)
        ],
        dtype=bool,
    )
    return _column_warning(
        raw,
        (position, kept, lines),
        flagged,
        "problem.ore_rounded",
        lambda code, cell: {"amount": sek(int(parsed[code]))},
    )


# A single grant, payment, budget year or spend line of 1 000 MSEK or more is beyond any
# programme of the arena (its largest budgets are a few hundred MSEK a year): read through a
# scale (tkr, MSEK), such an amount is likelier kronor typed into a column in thousands.
IMPLAUSIBLE_SEK = 1_000_000_000
# The rows a warning names at most; its count says how many there are in all.
_ROWS_NAMED = 10


def _implausibly_large(
    raw: RawTable, position: int, kept: np.ndarray, lines: np.ndarray, parsed: np.ndarray
) -> list[Problem]:
    """A warning that money column `position` has amounts of `IMPLAUSIBLE_SEK` or more
    (credits too) read in thousands or millions: those its header names, or each row's own
    (`1 500 tkr` in the cell, or its `Enhet` column's unit, `units._read_unit_column`). The
    rows, the first's amount; one per column, never refusing: the person decides.

    Why: 2 500 000 typed in kronor under "Belopp (tkr)", or beside "tkr" in an `Enhet`
    column that most rows fill rightly, was stored as a grant of 2 500 000 000 kr without a
    word, while 800 kr in kronor is warned of (`small_amounts`)."""
    header = v.header_unit(str(raw.header[position]))
    by_header = header is not None and (header.kronor or 1) > 1
    uniques = raw.cells(position).uniques
    # The unit of each distinct cell of that size (a file has few): the header's, or its own.
    units = {
        index: header.written if by_header else v.scaling_unit(uniques[index])
        for index, amount in enumerate(parsed.tolist())
        if amount is not None and abs(amount) >= IMPLAUSIBLE_SEK
    }
    large = np.zeros(len(parsed), dtype=bool)
    large[[index for index, unit in units.items() if unit is not None]] = True
    codes = raw.cells(position).codes[kept]
    found = np.flatnonzero(large[codes])
    if not len(found):
        return []
    first = int(found[0])
    # A row once, though a list with a column per year gives it an amount per year.
    rows = list(dict.fromkeys(lines[found].tolist()))
    named = [str(line) for line in rows[:_ROWS_NAMED]]
    label = raw.cell_label(position, int(kept[first]))
    said = msg(
        "problem.large_scaled_amounts" if by_header else "problem.large_unit_amounts",
        label=label,
        unit=units[codes[first]],
        count=len(found),
        lines=listing(named)
        if len(rows) <= _ROWS_NAMED
        else msg("list.more", items=listing(named)),
        amount=sek(int(parsed[codes[first]])),
    )
    return [
        Problem("constraint-error", said, row=int(lines[first]), column=label, severity="warning")
    ]


# The columns that hold free text (a source, a description, a note), not a reference or a
# number: digits alone under one after an amount are the amount's decimals a comma split off.
_FREE_TEXT = frozenset({"source", "description", "note", "expected_effects", "definition"})


def parse_table(
    raw: RawTable,
    kind: Kind | str | None = None,
    *,
    create_only: bool = False,
    guessed: frozenset[str] = frozenset(),
    matching: Matching | None = None,
    if_stored: dict[str, tuple[str, str]] | None = None,
    read_apart: frozenset[int] = frozenset(),
    guessed_countries: frozenset[str] = frozenset(),
    land_beside: frozenset[str] = frozenset(),
    blank_funders: dict[int, str] | None = None,
    beside_values: bool = False,
) -> ParsedTable:
    """Map, parse and validate `raw` as `kind` (detected from the headers when None).

    Work is column by column and each distinct cell is parsed once, so a large file costs
    about as many parser calls as it has different values. A required column the file lacks
    that the kind can guess (a project's status from its dates, `Column.guess`) is guessed:
    its rows the store holds keep their own value (`guessed`). The columns at `read_apart`
    another part of the table reads (`Part.read_apart`): none is said to be unread.
    `beside_values`: an indicators part read beside a list's values (`Part.beside_values`).
    """
    if kind is None:
        kind = _detect_table_kind(raw.header)
    elif isinstance(kind, str):
        kind = KINDS[kind]
    raw = marks_as_notes(raw, kind)
    mapping = match_headers(kind, raw.header)
    problems = list(raw.problems) + _header_problems(kind, raw, mapping, read_apart)
    lacking = _lacking(kind, mapping)
    meant = _meant_columns(raw, mapping, lacking) if lacking else ()
    naming = [
        position
        for position, column in mapping.items()
        if column.name in kind.key or column.type.name in ("date", "period")
    ]
    # Amount columns a text column follows: "2,5" split by a comma file's comma fills both.
    before_text = [
        position
        for position, column in mapping.items()
        if column.type.name == "money"
        and (after := mapping.get(position + 1)) is not None
        and after.type.name == "text"
    ]
    # Columns of free text, where a cell of one to three digits is no value of its own.
    free_text = [position for position, column in mapping.items() if column.name in _FREE_TEXT]
    keep, shape_problems = raw.shape_problems(naming, before_text, free_text)
    problems += shape_problems
    kept = np.flatnonzero(keep)
    lines = raw.lines()[kept]
    error_lines = [p.row for p in problems if p.severity == "error" and p.row is not None]
    bad = np.isin(lines, error_lines)

    data: dict[str, np.ndarray] = {}
    labels: dict[str, str] = {}  # column -> its header in the file (a period's for its dates)
    signed: dict[str, np.ndarray] = {}  # number column -> which rows carried a per cent sign
    stated: dict[str, np.ndarray] = {}  # date column -> which rows' cells state no date
    read: set[str] = set()
    for position, column in mapping.items():
        if column.name in read:
            continue  # a duplicate-label column: reported above, not read
        read.add(column.name)
        labels[column.name] = raw.label(position)
        for target in column.fills:
            labels.setdefault(target, raw.label(position))
        cells = raw.cells(position)
        parse = column.parse
        if column.type is NUMBER and (reading := v.comma_reading(cells.uniques)) != "decimal":
            if reading == "groups":  # "1,234" beside "1,234,567" is 1 234
                parse = v.with_comma_groups(parse)
            else:
                problems += _comma_read_as_decimal(raw, position, kept, lines)
        parsed, errors = _parse_cells(parse, cells, lists=column.type.name == "list")
        codes = cells.codes[kept]
        values = parsed[codes]
        if kind.name == "programmes" and column.name == "sdg_goals":
            values, errors, said = _projects_goals(raw, (position, kept, lines), values, errors)
            problems += said
        if column.type.name == "money":
            problems += _ore_rounded(raw, position, kept, lines, parsed)
            problems += _implausibly_large(raw, position, kept, lines, parsed)
        if column.type.parse is v.parse_share_in_per_cent:
            problems += _fractions_in_per_cent(raw, position, kept, lines, parsed)
        if column.type is NUMBER:
            marked = np.fromiter(map(v.written_in_per_cent, cells.uniques), dtype=bool)
            signed[column.name] = marked[codes]
        read_in: dict[int, v.ValueProblem | None] = {}  # row -> its problem read in its country
        if column.type is ORG_NUMBER and errors:
            values, read_in = _read_in_country(raw, mapping, kept, cells, codes, values, errors)
        if errors:
            failed = np.isin(codes, list(errors))
            failed[[row for row, exc in read_in.items() if exc is None]] = False
            for row in np.flatnonzero(failed):
                exc, cell = read_in.get(row) or errors[codes[row]], cells.uniques[codes[row]]
                problems.append(
                    Problem(
                        exc.code,
                        exc.message,
                        row=int(lines[row]),
                        column=raw.cell_label(position, int(kept[row])),
                        value=v.shown_cell(cell),
                    )
                )
            bad |= failed
        if column.type is OPEN_END_DATE:
            # An end that states there is none ("pågår") clears a stored end, as a period's
            # open end does; a blank cell keeps it.
            said = ~cells.row_missing[kept] & _is_none(values) & ~np.isin(codes, list(errors))
            if said.any():
                stated[column.name] = stated.get(column.name, np.zeros(len(values), bool)) | said
        if column.fills:
            filled = ~cells.row_missing[kept] & ~_is_none(values)
            for index, target in enumerate(column.fills):
                from_period = np.empty(len(values), dtype=object)
                from_period[:] = [None if value is None else value[index] for value in values]
                # A period written with an open end (`2019-01 –`) states there is no end.
                if (said := filled & _is_none(from_period)).any():
                    stated[target] = stated.get(target, np.zeros(len(values), bool)) | said
                # An explicit start/end column wins where it has a value.
                own = data.get(target)
                data[target] = (
                    from_period if own is None else np.where(_is_none(own), from_period, own)
                )
        elif column.name in data:  # filled earlier by a period column
            data[column.name] = np.where(_is_none(values), data[column.name], values)
        else:
            data[column.name] = values
    if "org_number" in data and any(c.name == "country" for c in kind.columns):
        refused = _numbers_against_countries(data, labels, lines, bad)
        problems += refused
        bad |= np.isin(lines, [problem.row for problem in refused])
        guessed = _country_of_numbers(data, guessed)
    # Filled for new organisations only: a stored one keeps its own, as the column's (`guessed`)
    # where the file lacks it, as a blank cell's (`defaulted`, `plan._kept_blanks`) where not.
    if kind.name == "organisations" and "name" in data:
        lacking = "country" not in data
        if named := _country_of_names(data):
            guessed_countries |= named
            guessed |= {"country"} if lacking else frozenset()
    blank: dict[str, np.ndarray] = {}  # column with a default -> its blank cells
    for name, values in data.items():
        default = kind.column(name).default
        if default is not None:  # an empty cell in a column with a default
            empty = _is_none(values)
            if name not in kind.key and empty.any():
                blank[name] = empty
            data[name] = np.where(empty, default, values)
    for name in kind.key:
        default = kind.column(name).default
        if name not in data and default is not None:
            # A key column the file lacks (a ledger without payment references): its rows
            # are known by the default, as the store keeps them.
            data[name] = np.full(len(lines), default, dtype=object)

    frame = pd.DataFrame(data, index=pd.Index(lines, name="line"), dtype=object)
    by_year = {
        mapping[position].name: dict(zip(data["year"], [under[i] for i in kept], strict=True))
        for position, under in raw.cell_labels.items()
        if position in mapping and "year" in data
    }
    # A column of a record per cell (a grant column per funder): the header of each row's cell.
    keys = list(zip(*key_columns(frame, kind.key), strict=True)) if raw.cell_labels else []
    under_each = {
        mapping[position].name: dict(zip(keys, [under[i] for i in kept], strict=True))
        for position, under in raw.cell_labels.items()
        if position in mapping and "year" not in data
    }
    by_guess = set()  # columns the file lacks, guessed: a new row without one is `_unguessed`
    for column in kind.columns:
        if column.guess is not None and column.name not in frame.columns:
            frame[column.name] = column.guess(frame)
            guessed |= {column.name}
            by_guess.add(column.name)
        elif column.guess is not None and not create_only:
            # A blank cell is "not given here", read as the missing column is: the plan
            # guesses it for a row it adds and a stored row keeps its own (`plan._unguessed`).
            by_guess.add(column.name)
    per_cent = {
        name: frozenset(zip(*key_columns(frame[marked], kind.key), strict=True))
        for name, marked in signed.items()
    }
    defaulted = {
        name: frozenset(zip(*key_columns(frame[empty], kind.key), strict=True))
        for name, empty in blank.items()
    }
    # Blank in the file, the name's form says it (`Part`, `_country_of_names`).
    named_countries = frozenset((name,) for name in guessed_countries)
    if named_countries:
        defaulted["country"] = defaulted.get("country", frozenset()) | named_countries
    stated_none = {
        name: frozenset(zip(*key_columns(frame[said], kind.key), strict=True))
        for name, said in stated.items()
    }
    frame, bad, repeated = _repeats_joined(kind, frame, bad, labels, by_year)
    problems += repeated
    # The scope cells as the file writes them, by line: a "–" read as a blank is named so.
    written = {
        column.name: dict(zip(raw.lines().tolist(), map(str, raw.columns[p]), strict=True))
        for p, column in mapping.items()
        if column.scope
    }
    problems += _row_rules(kind, frame, bad, labels, by_year, by_guess, written)
    problems.sort(key=lambda problem: problem.row or 0)
    return ParsedTable(
        kind=kind,
        frame=frame,
        columns=list(frame.columns),
        problems=problems,
        source_name=raw.name,
        origin=raw.origin or raw.name,
        create_only=create_only,
        guessed=guessed,
        matching=matching,
        if_stored=if_stored or {},
        labels=labels,
        per_cent=per_cent,
        meant=meant,
        marks_only=raw.marks_only,
        by_year=by_year,
        under_each=under_each,
        defaulted=defaulted,
        named_countries=named_countries,
        land_beside=frozenset((name,) for name in land_beside),
        stated_none=stated_none,
        blank_funders=blank_funders or {},
        beside_values=beside_values,
    )


def _read_in_country(
    raw: RawTable,
    mapping: dict[int, Column],
    kept: np.ndarray,
    cells: Cells,
    codes: np.ndarray,
    values: np.ndarray,
    errors: dict[int, v.ValueProblem],
) -> tuple[np.ndarray, dict[int, v.ValueProblem | None]]:
    """`values` (an organisation number per kept row) with the numbers written without their
    country's prefix ("974 760 673") read as the numbers of the row's country where it is
    Norway, Denmark or Finland (`values.parse_org_number`), and per such row its problem read
    so (None: read). The row's country is its country cell, else the one its name's form says
    ("Oslo kommune", `guess_country`); a Swedish row's is refused asking for the prefix.

    Why: a Norwegian partner's "974 760 673" in a participants list refused the whole list."""
    unprefixed = [
        code for code, exc in errors.items() if exc.message.key == "value.org_number_unprefixed"
    ]
    rows = np.flatnonzero(np.isin(codes, unprefixed))
    if not len(rows):
        return values, {}
    countries = np.full(len(kept), None, dtype=object)
    named = next((p for p, c in mapping.items() if c.name == "name"), None)
    if named is not None:
        names = raw.cells(named)
        guesses = np.array([guess_country(str(name)) or None for name in names.uniques], object)
        countries = guesses[names.codes[kept]]
    given = next((p for p, c in mapping.items() if c.type is COUNTRY), None)
    if given is not None:
        said = raw.cells(given)
        parsed, _errors = _parse_cells(COUNTRY.parse, said)
        written = parsed[said.codes[kept]]
        countries = np.where(_is_none(written), countries, written)
    values, read_in = values.copy(), {}
    for row in rows.tolist():
        if v.numbers_of(str(countries[row])) not in v.ABROAD:
            continue
        try:
            values[row] = v.parse_org_number(cells.uniques[codes[row]], countries[row])
            read_in[row] = None
        except v.ValueProblem as exc:
            read_in[row] = exc
    return values, read_in


def _numbers_against_countries(
    data: dict[str, np.ndarray], labels: dict[str, str], lines: np.ndarray, bad: np.ndarray
) -> list[Problem]:
    """The refusal of each row whose organisation number is another country's than the row's
    country says (`Land: Norge` beside `556016-0680`, a Swedish number; `Land: Sverige`
    beside `NO 974 760 673 MVA`).

    Why: the number and the country were stored as given, one of them wrong."""
    if "country" not in data:
        return []
    problems = []
    for row, (number, country) in enumerate(zip(data["org_number"], data["country"], strict=True)):
        if bad[row] or _blank(number) or _blank(country):
            continue
        if (own := v.org_number_country(str(number))) == v.numbers_of(str(country)):
            continue
        said = msg(
            "import.org_number_country",
            number=number,
            number_column=labels["org_number"],
            country=v.country_message(own),
            country_column=labels["country"],
            land=v.country_message(str(country)),
        )
        problems.append(
            Problem("constraint-error", said, row=int(lines[row]), column=labels["country"])
        )
    return problems


def _country_of_numbers(data: dict[str, np.ndarray], guessed: frozenset[str]) -> frozenset[str]:
    """The country of each organisation in `data` that has a number abroad ("NO974760673")
    and no country cell: the number's. Where the file has no country column, only new
    organisations take it (`guessed`): a stored one keeps the country the store holds.

    Why: a Norwegian partner listed with its number alone was stored in Sweden, the default."""
    numbers = data["org_number"]
    abroad = np.empty(len(numbers), dtype=object)
    abroad[:] = [
        None if number is None or v.org_number_country(number) == "SE" else number[:2]
        for number in numbers
    ]
    if _is_none(abroad).all():
        return guessed
    if "country" in data:
        data["country"] = np.where(_is_none(data["country"]), abroad, data["country"])
        return guessed
    data["country"] = abroad
    return guessed | {"country"}


def _country_of_names(data: dict[str, np.ndarray]) -> frozenset[str]:
    """The country of each organisation of a list (`data`) that gives it no Land, no column
    or a blank cell, whose name's form says one ("Oslo kommune", "Helsedirektoratet":
    `guess_country`; a Swedish county given beside says none), written in as the file's own;
    the names so read. A blank cell is read as the missing column is, row by row.

    Why: a list without Land stored "Oslo kommune" and "Helsedirektoratet" in Sverige, the
    default, while a projects list naming them as coordinators stored them in Norway; and a
    list with Land did so still where it left the cell blank (`Oslo kommune;Kommun;`)."""
    names, counties = data["name"], data.get("county")
    given = data.get("country")
    found = np.empty(len(names), dtype=object)
    found[:] = [
        None
        if _blank(name) or (given is not None and not _blank(given[row]))
        else guess_country(str(name), None if counties is None else counties[row]) or None
        for row, name in enumerate(names)
    ]
    said = ~_is_none(found)
    if not said.any():
        return frozenset()
    data["country"] = found if given is None else np.where(said, found, given)
    return frozenset(str(name) for name in names[said])


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _same(one: object, other: object) -> bool:
    try:
        return bool(one == other)
    except (TypeError, ValueError):  # values that do not compare as one truth: not the same
        return False


def _holds(row: dict, other: dict) -> bool:
    """Whether `row` says everything `other` says: each cell `other` fills, `row` fills the
    same."""
    return all(_blank(value) or _same(row[name], value) for name, value in other.items())


def _repeats_joined(
    kind: Kind,
    frame: pd.DataFrame,
    bad: np.ndarray,
    labels: dict[str, str],
    by_year: dict[str, dict[object, str]],
) -> tuple[pd.DataFrame, np.ndarray, list[Problem]]:
    """`frame` and `bad` with the rows that repeat another's key and agree with it in every
    column the import reads left out, and one warning naming them.

    Rows agree when one of them (the one kept) fills every cell any of the others fills, and
    fills it the same: a cell one row leaves empty takes the other's value. Two rows empty in
    different columns, or different anywhere, are left for `duplicate_key_problems`.

    Why: the app's own downloads list a fact once per thing it is shown with, an indicator
    once per country it is measured in (Norway's row without baseline and target), a project
    once per role an organisation has in it; imported back they were refused as "Row 6
    already has the same Kod".

    Not where the file lacks a column of the key (a ledger without payment references) or
    gives its years as columns (a budget a row per cost category): there two equal rows may
    be two amounts the file has no column to tell apart, and one of them would be lost."""
    key = [name for name in kind.key if name in frame.columns]
    if not key or len(frame) < 2 or by_year or any(name not in labels for name in key):
        return frame, bad, []
    whole = ~bad & ~frame[key].isna().any(axis=1).to_numpy()
    repeated = np.zeros(len(frame), dtype=bool)
    repeated[whole] = frame[whole].duplicated(key, keep=False).to_numpy()
    if not repeated.any():
        return frame, bad, []
    lines = frame.index.to_numpy()
    positions: dict[tuple, list[int]] = {}
    for position, row in zip(
        np.flatnonzero(repeated), frame[key][repeated].itertuples(index=False), strict=True
    ):
        positions.setdefault(tuple(row), []).append(int(position))
    left_out: list[int] = []
    joined: list[tuple[list[int], tuple]] = []  # the lines of each set, its key
    for values, group in positions.items():
        rows = [frame.iloc[position].to_dict() for position in group]
        kept = next((row for row in rows if all(_holds(row, other) for other in rows)), None)
        if kept is None:
            continue
        kept_at = group[rows.index(kept)]
        left_out += [position for position in group if position != kept_at]
        joined.append(([int(lines[position]) for position in group], values))
    if not joined:
        return frame, bad, []
    keep = np.ones(len(frame), dtype=bool)
    keep[left_out] = False
    named = [
        msg(
            "problem.same_row_set",
            lines=listing([str(line) for line in group]),
            keys=key_label(values),
        )
        for group, values in joined[:_ROWS_NAMED]
    ]
    said = msg(
        "problem.same_row_repeated",
        columns=listing([quoted(labels.get(name, kind.column(name).sv)) for name in key]),
        rows=listing(named, "list.semicolon")
        if len(joined) <= _ROWS_NAMED
        else msg("list.more", items=listing(named, "list.semicolon")),
    )
    first = min(line for group, _ in joined for line in group)
    warning = Problem("unique-error", said, row=first, severity="warning")
    return frame[keep], bad[keep], [warning]


def _scope_blank(kind: Kind, name: str, label: str, cell: str, line: int) -> Problem:
    """The refusal of the row at `line` whose one scope column in the file, `name` (headed
    `label`), is blank (`cell` as written: "–", "n/a" or nothing): the row says nothing of
    what its value is for, which another scope column of the kind could say.

    Why: "Fill in exactly one of “Program”." for the Results page's own download, whose
    "–" stands for the projects of no programme."""
    others = listing(
        [quoted(column.sv) for column in kind.scope_columns if column.name != name], "list.slash"
    )
    needed = msg("problem.scope_needed", others=others)
    text = cell.strip()
    said = (
        msg("problem.scope_dash", label=label, value=text, needed=needed)
        if text
        else msg("problem.scope_blank", label=label, needed=needed)
    )
    return Problem("constraint-error", said, row=line, column=label, value=text or None)


def _row_rules(
    kind: Kind,
    frame: pd.DataFrame,
    bad: np.ndarray,
    labels: dict[str, str],
    by_year: dict[str, dict[object, str]],
    by_guess: set[str] = frozenset(),
    written: dict[str, dict[int, str]] | None = None,
) -> list[Problem]:
    """Required cells, exactly one scope, ordered periods, unique keys inside the file. A
    required column the kind guesses (`by_guess`), lacking or left blank, is the plan's to
    refuse, in the rows it adds only (`plan._unguessed`): a stored row keeps its own.
    `written`: the scope cells as the file writes them, by column and line (`_scope_blank`)."""

    def label(name: str) -> str:
        return labels.get(name, kind.column(name).sv)

    problems: list[Problem] = []
    lines = frame.index.to_numpy()
    unfilled = np.zeros(len(lines), dtype=bool)  # rows refused for a required cell left empty
    for column in kind.columns:
        if column.required and column.name in frame.columns and column.name not in by_guess:
            empty = _is_none(frame[column.name].to_numpy())
            unfilled |= empty
            # A cell already reported as a bad value is not reported again as missing.
            for line in lines[empty & ~bad]:
                problems.append(
                    Problem(
                        "constraint-error",
                        msg("problem.required", label=label(column.name)),
                        row=int(line),
                        column=label(column.name),
                    )
                )
    scope_names = [c.name for c in kind.scope_columns if c.name in frame.columns]
    if len(scope_names) > 1:
        filled = sum(~_is_none(frame[name].to_numpy()) for name in scope_names)
        names = listing([quoted(label(name)) for name in scope_names], "list.slash")
        for line in lines[(filled != 1) & ~bad]:
            problems.append(
                Problem("constraint-error", msg("problem.one_scope", names=names), row=int(line))
            )
    elif scope_names:  # "exactly one of “Program”" said nothing of what was wrong
        (name,) = scope_names
        cells = (written or {}).get(name, {})
        for line in lines[_is_none(frame[name].to_numpy()) & ~bad]:
            written_cell = cells.get(int(line), "")
            problems.append(_scope_blank(kind, name, label(name), written_cell, int(line)))
    for start, end in kind.periods:
        if start in frame.columns and end in frame.columns:
            starts, ends = frame[start].to_numpy(), frame[end].to_numpy()
            for row in ending_before_start(starts, ends):
                problems.append(
                    Problem(
                        "constraint-error",
                        msg("problem.end_before_start", end=ends[row], start=starts[row]),
                        row=int(lines[row]),
                        column=label(end),
                        value=str(ends[row]),
                    )
                )
    # Rows whose key is not all there are not the same row: each is refused for its gap.
    problems += duplicate_key_problems(kind, frame, labels, bad=bad | unfilled, by_year=by_year)
    return problems


def ending_before_start(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Positions where both dates are given and the end is before the start."""
    both = np.flatnonzero(~pd.isna(starts) & ~pd.isna(ends))
    return both[ends[both] < starts[both]]


def duplicate_key_problems(
    kind: Kind,
    frame: pd.DataFrame,
    labels: dict[str, str],
    *,
    bad: np.ndarray | None = None,
    by_year: dict[str, dict[object, str]] | None = None,
) -> list[Problem]:
    """A unique-error for each row of `frame` (indexed by file line) whose key an earlier row
    has already: one row per key in a file.

    In a table of years as columns (`by_year`: column -> year -> its header) the year is no
    column of the file: the rows are named by the file's own headers, the year's column among
    them, and told to be summed per year. "The same “Program”, “År”" sent a reader looking
    for a column “År” the file does not have, and "join the rows" said nothing of a budget
    kept a row per cost category.

    A row with an error (`bad`) and an empty key cell is left out: the cell may be empty
    because it could not be read, and two rows whose dates were both unreadable are not the
    same row (a ledger with a refused date format got a second, false error on every line).
    """

    def label(name: str) -> str:
        return labels.get(name, kind.column(name).sv)

    problems: list[Problem] = []
    key = [name for name in kind.key if name in frame.columns]
    if key and bad is not None and bad.any():
        unread = bad & frame[key].isna().any(axis=1).to_numpy()
        frame = frame[~unread]
    lines = frame.index.to_numpy()
    if key and len(frame):
        # A key column the file lacks holds its default on every row: not named as the same,
        # but as the column that would tell the rows apart (a payment's reference).
        wide = "year" in key and next(iter((by_year or {}).values()), None)
        named = listing(
            [
                quoted(label(name))
                for name in key
                if name in labels and not (wide and name == "year")
            ]
        )
        apart = [quoted(label(name)) for name in key if name not in labels]
        keys = frame[key]
        clashing = keys.duplicated(keep=False).to_numpy()
        first_line: dict[tuple, int] = {}
        for line, row in zip(lines[clashing], keys[clashing].itertuples(index=False), strict=True):
            first = first_line.setdefault(tuple(row), int(line))
            if first == line:
                continue
            key_text = ", ".join(str(value) for value in row if value not in (None, ""))
            column = wide[row[key.index("year")]] if wide else None  # the year's header
            if column is not None:
                said = msg(
                    "problem.duplicate_key_per_year",
                    line=first,
                    columns=named,
                    keys=key_text,
                    year=quoted(column),
                )
            else:
                said = msg(
                    "problem.duplicate_key_apart" if apart else "problem.duplicate_key",
                    keys=key_text,
                    line=first,
                    columns=named,
                    apart=listing(apart, "list.slash"),
                )
            problems.append(
                Problem(
                    "unique-error",
                    said,
                    row=int(line),
                    column=column,
                    value=key_text,
                )
            )
    return problems
