"""Bytes to tables: encodings, CSV dialects, Excel workbooks and JSON.

The encoding is decided once for the whole file (BOM, else strict UTF-8, else Windows-1252) so
text is never stored half-garbled; text that decodes but looks double-encoded ("Ã¤") is refused.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import posixpath
import re
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from itertools import chain
from operator import methodcaller
from xml.etree import ElementTree

import numpy as np
import pandas as pd

from arena import config
from arena.i18n import msg, shortened
from arena.ingest import values as v
from arena.ingest.report import Problem, listing, quoted


class ReadError(Exception):
    """The file cannot be read at all; carries the problem for the report."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem

    def __str__(self) -> str:
        # Logs and tracebacks read the code's language; people read the problem in their own.
        return self.problem.text("en")


@dataclass(frozen=True, eq=False)
class Cells:
    """One column's cells, each distinct value once: files repeat names, dates, statuses a lot.

    `uniques[codes[i]]` is row i's cell; `missing[k]` says whether unique k is an empty cell.
    A Cells is a column itself (a sequence of its cells), so a layout's part takes a column of
    the file as it is (`take`), and what is parsed of it is parsed once however many parts
    read it (`parsed`, shared by every Cells taken from this one).
    """

    codes: np.ndarray
    uniques: list[object]
    missing: np.ndarray
    text: bool  # every cell is a str (CSV always; JSON and Excel may type them)
    # The distinct cells parsed, per parser (see validate.parse_table).
    parsed: dict[object, object] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, column: Sequence[object]) -> Cells:
        """A column's cells (the column itself when it is one already)."""
        return column if isinstance(column, Cells) else cls(*_distinct(column))

    @property
    def row_missing(self) -> np.ndarray:
        return self.missing[self.codes]

    def take(self, rows: Sequence[int] | np.ndarray) -> Cells:
        """The cells of rows `rows` (positions), sharing the distinct cells and their parses."""
        codes = self.codes[np.asarray(rows, dtype=np.intp)]
        return Cells(codes, self.uniques, self.missing, self.text, self.parsed)

    def tolist(self) -> list[object]:
        """The cells, row by row."""
        return list(map(self.uniques.__getitem__, self.codes.tolist()))

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, row: int) -> object:
        return self.uniques[self.codes[row]]

    def __iter__(self) -> Iterator[object]:
        return iter(self.tolist())


def _typed_codes(array: np.ndarray) -> tuple[np.ndarray, list[object]] | None:
    """pandas' factorize of typed cells when it keeps them apart by type as well (1, 1.0 and
    True are equal to Python, not the same cell), and no cell is NaN, None or unhashable;
    else None, and the cells are looked at one by one.
    """
    try:
        codes, uniques = pd.factorize(array)
    except TypeError:  # a JSON list or object in a cell
        return None
    if len(codes) and codes.min() < 0:
        return None
    types = np.fromiter(map(type, array), dtype=object, count=len(array))
    first = np.empty(len(uniques), dtype=object)
    first[codes[::-1]] = types[::-1]  # the type of each unique's first cell
    if not (types == first[codes]).all():
        return None
    return codes, list(uniques)


def _distinct(cells: Sequence[object]) -> tuple[np.ndarray, list[object], np.ndarray, bool]:
    """Codes and distinct values of a column, and which distinct values are missing, each
    text without the characters that show nothing (`_visible`).

    Typed cells (JSON, Excel) stay apart by type: 1, 1.0 and True are different cells.
    """
    codes, uniques, missing, text = _distinct_cells(cells)
    # A text column is searched in one pass, its texts joined: 100 000 titles.
    if (
        v.has_invisible("\x00".join(uniques))  # type: ignore[arg-type]
        if text
        else any(isinstance(cell, str) and v.has_invisible(cell) for cell in uniques)
    ):
        return _visible(codes, uniques, text)
    return codes, uniques, missing, text


def _visible(
    codes: np.ndarray, uniques: list[object], text: bool
) -> tuple[np.ndarray, list[object], np.ndarray, bool]:
    """The distinct cells with the characters that show nothing taken out of their texts
    (`values.without_invisible`), those then alike one cell: every reader of the column,
    a number's, a date's, a name's or a key's, reads "\u200b100 000" as "100 000" and
    "\u200bNy Org AB" as "Ny Org AB". Pasted from the web, Teams or SharePoint, an amount was
    "not an amount", and one name two organisations or a false duplicate row."""
    index: dict[tuple[type, object], int] = {}
    kept: list[object] = []
    remap = np.empty(len(uniques), dtype=np.intp)
    for position, cell in enumerate(uniques):
        if isinstance(cell, str):
            cell = v.without_invisible(cell)
        try:
            key: tuple[type, object] = (type(cell), cell)
            hash(key)
        except TypeError:  # a JSON list or object in a cell: its own
            key = (type(cell), position)
        remap[position] = index.setdefault(key, len(kept))
        if remap[position] == len(kept):
            kept.append(cell)
    missing = np.fromiter(map(v.is_missing, kept), dtype=bool, count=len(kept))
    return remap[codes], kept, missing, text


def _distinct_cells(
    cells: Sequence[object],
) -> tuple[np.ndarray, list[object], np.ndarray, bool]:
    if isinstance(cells, np.ndarray) and cells.dtype == object:
        array = cells
    else:
        array = np.empty(len(cells), dtype=object)
        array[:] = cells
    if pd.api.types.infer_dtype(array, skipna=False) == "string":
        codes, uniques = pd.factorize(array)
        # values.is_missing for text, in passes of built-in functions: it runs once per
        # distinct cell of every column.
        folded = map(str.casefold, map(str.strip, uniques))
        missing = np.fromiter(
            map(v.MISSING_WORDS.__contains__, folded), dtype=bool, count=len(uniques)
        )
        return codes, list(uniques), missing, True
    fast = _typed_codes(array)
    if fast is not None:
        codes, typed = fast
        missing = np.fromiter(map(v.is_missing, typed), dtype=bool, count=len(typed))
        return codes, typed, missing, False
    index: dict[object, int] = {}
    typed = []
    codes = np.empty(len(cells), dtype=np.intp)
    for position, cell in enumerate(cells):
        try:
            key: object = (type(cell), cell)
            hash(key)
        except TypeError:  # a JSON list or object in a cell
            key = (type(cell), repr(cell))
        code = index.setdefault(key, len(typed))
        if code == len(typed):
            typed.append(cell)
        codes[position] = code
    missing = np.fromiter(map(v.is_missing, typed), dtype=bool, count=len(typed))
    return codes, typed, missing, False


@dataclass
class RawTable:
    """A table as found in the file: header cells and a column of cells per header cell,
    located by the line the user sees. Kept by column: that is how it is parsed.
    """

    name: str
    header: list[str]
    columns: list[Sequence[object]]  # one per header cell; short rows padded with ""
    # Cells each row had, when not all had one per header cell (ragged rows); None: all did.
    lengths: np.ndarray | None = None
    extra: dict[int, list[object]] = field(default_factory=dict)  # cells past the header, by row
    # File line (CSV) or sheet row (Excel) of the header; data row i is at first_row + i.
    header_line: int = 1
    row_lines: list[int] | None = None  # when rows are not consecutive (CSV with embedded breaks)
    problems: list[Problem] = field(default_factory=list)
    # What the user sees as each header, when `header` holds canonical names (a layout's parts).
    shown: list[str] | None = None
    # The table its rows are from, when a layout split one sheet into parts; "": this one.
    origin: str = ""
    # Columns (by the kind's names) the reader added that only mark rows, not state values:
    # the note a preliminary year's values get (`wide.unpivoted`).
    marks_only: frozenset[str] = frozenset()
    # The rows above the header the reader passed over (a title, group titles), each as its
    # text: a money unit they name is that of the amounts under them (`ingest._title_unit`).
    titles: list[str] = field(default_factory=list)
    # Where the table's rows are not the file's (`wide.unpivoted`: a row per year's value),
    # the header each row's cell of a column (by position) is under in the file: a problem
    # of the value read as "Belopp" names the file's own column, "2020".
    cell_labels: dict[int, list[str]] = field(default_factory=dict)
    # The separator of the CSV the table is from ("," ";" tab "|"); "": no CSV.
    delimiter: str = ""
    # The CSV's text when it quotes cells ("" otherwise): which cells were quoted is read
    # from it when asked (`quoted_cells`), a quoted "50000" being no amount the comma split.
    source: str = field(default="", repr=False)
    _cells: dict[int, Cells] = field(default_factory=dict, repr=False)
    _quoted: list[frozenset[int]] | None = field(default=None, repr=False)

    @classmethod
    def from_rows(
        cls, name: str, header: list[str], rows: list[list[object]], **options
    ) -> RawTable:
        """A table from rows of cells, ragged or not."""
        width = len(header)
        lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        if (lengths == width).all():
            columns: list[Sequence[object]] = list(zip(*rows, strict=True)) or [()] * width
            return cls(name, header, columns, **options)
        columns = [
            [row[position] if position < len(row) else "" for row in rows]
            for position in range(width)
        ]
        extra = {int(i): list(rows[i][width:]) for i in np.flatnonzero(lengths > width)}
        return cls(name, header, columns, lengths=lengths, extra=extra, **options)

    @property
    def rows(self) -> list[list[object]]:
        """The cells row by row, each row as long as it was in the file."""
        # A table read under a blank header line has no columns, only its rows' own cells.
        rows = [list(cells) for cells in zip(*self.columns, strict=True)] or [
            [] for _ in range(self.height)
        ]
        if self.lengths is not None:
            for index, length in enumerate(self.lengths.tolist()):
                rows[index] = rows[index][:length] + self.extra.get(index, [])
        return rows

    @property
    def height(self) -> int:
        """The number of rows."""
        if self.columns:
            return len(self.columns[0])
        return 0 if self.lengths is None else len(self.lengths)

    def line_of(self, index: int) -> int:
        if self.row_lines is not None:
            return self.row_lines[index]
        return self.header_line + 1 + index

    def lines(self) -> np.ndarray:
        """The file line of every row."""
        if self.row_lines is not None:
            return np.asarray(self.row_lines, dtype=np.int64)
        return np.arange(self.height, dtype=np.int64) + self.header_line + 1

    def header_below(self) -> RawTable | None:
        """The table with its first row as the header, when what was read as the header is a
        row of group titles above the real one ("Projekt" over three columns, "Ekonomi" over
        two, as merged cells); None without a row to take."""
        if not self.height:
            return None
        first, *rows = self.rows
        above = " ".join(" ".join(str(cell).split()) for cell in self.header if str(cell).strip())
        return RawTable.from_rows(
            self.name,
            [header_text(cell) for cell in first],
            rows,
            header_line=self.line_of(0),
            row_lines=None if self.row_lines is None else self.row_lines[1:],
            problems=list(self.problems),
            titles=[*self.titles, above] if above else list(self.titles),
            delimiter=self.delimiter,
            source=self.source,
        ).with_sub_headers()

    def with_sub_headers(self, spans: Sequence[tuple[int, int]] = ()) -> RawTable:
        """The table with its header over two rows read as one (`_with_sub_headers`), else
        with a period's header over two columns of dates read as their start and end
        (`_with_period_split`; `spans` the first and last column of each of the header's
        merged cells, a workbook's)."""
        table = self._with_sub_headers()
        return self._with_period_split(spans) if table is self else table

    def _with_period_split(self, spans: Sequence[tuple[int, int]] = ()) -> RawTable:
        """The table with a period's header (`Period`, `Projektperiod`) over two columns,
        merged or followed by a blank header, the cells under both what a start and an end
        column read (`_start_and_end`: dates, a month, an open end `pågår`), read as the
        start and the end, the odd cells then read or refused by those columns' rules:
        headed `Period från` and `Period till` (or the start and end headers a kind reads),
        with a warning saying so. Else the table as it is.

        Merged over both (`spans`), the end column is the period's even when every end is
        blank: the projects have no end date.

        Why: the period's column was read as periods, each start date refused as no period,
        and the end dates as a column without a header; merged over two columns with every
        end blank, each start was refused as no period."""
        width = len(self.header)
        merged = {left for left, right in spans if right > left}
        for position in range(width - 1):
            text = " ".join(header_text(self.header[position]).split())
            if (
                v.normalise_label(text) not in _period_headers()
                or str(self.header[position + 1]).strip()
                or (self.is_empty_column(position + 1) and position not in merged)
                or not _start_and_end(self.cells(position), self.cells(position + 1))
            ):
                continue
            start, end = "Startdatum", "Slutdatum"
            for first, last in (("från", "till"), ("start", "slut")):
                if known_header(f"{text} {first}") and known_header(f"{text} {last}"):
                    start, end = f"{text} {first}", f"{text} {last}"
                    break
            header = list(self.header)
            header[position : position + 2] = [start, end]
            note = Problem(
                "format-error",
                msg("read.period_split", header=text, start=start, end=end),
                row=self.header_line or None,
                column=text,
                severity="warning",
            )
            notes = self._under_period(position + 2, text, start, end) or [note]
            return replace(self, header=header, problems=[*self.problems, *notes], _cells={})
        return self

    def _under_period(self, position: int, text: str, start: str, end: str) -> list[Problem]:
        """A warning naming the period's header `text` when it heads more columns than its
        start and end, those from `position` on without a header of their own and not
        empty: they are not read (the warning of a column without a header names them too),
        said in place of the warning of a period over two columns.

        Why: a third column under `Period` merged over three was named only as a column
        without a header, with no word that it lies under the period."""
        more = []
        while (
            position + len(more) < len(self.header)
            and not str(self.header[position + len(more)]).strip()
            and not self.is_empty_column(position + len(more))
        ):
            more.append(position + len(more) + 1)  # as the user counts columns
        if not more:
            return []
        return [
            Problem(
                "format-error",
                msg(
                    "read.period_wider",
                    header=text,
                    count=len(more) + 2,
                    start=start,
                    end=end,
                    columns=listing([str(number) for number in more]),
                ),
                row=self.header_line or None,
                column=text,
                severity="warning",
            )
        ]

    def _with_sub_headers(self) -> RawTable:
        """The table with its header spread over two rows read as one, when it is: a group
        header over several columns ("Tid" merged over two, or written in the first and the
        next ones left blank) with their own headers on the row under it ("Start", "Slut"),
        the other headers on the top row only (merged down, or nothing under them). Each
        column is then read by its header on the lower row where it has one, else by the one
        on top, and the data starts a row lower; else the table as it is.

        Why: the row of sub-headers was skipped as blank, the dates under it were read as
        nothing (or "Tid" as an unknown column, "Period" as a period and "Start" its first
        value), and a project of 2020 got the status of one without dates.

        Taken as headers only when every filled cell of the row is text a header could be
        (`_could_be_header`: no number, no date), or every one a year (`2024 | 2025` under
        `Budget` merged over both: a budget list was refused as one without its year, the
        row of years as a budget without its programme), two or more, each under a group
        header,
        and a header on top stands alone with nothing under it: a first record is neither,
        and a row of headers under group titles over every column is read under them
        (`ingest._header_lower_down`), the group titles passed over.
        """
        width = len(self.header)
        if not self.height or not width:
            return self
        if any(_filled(cell) for cell in self.extra.get(0, [])):
            return self
        top = [" ".join(header_text(cell).split()) for cell in self.header]
        below = {
            position: cell
            for position in range(width)
            if str(cell := self.columns[position][0]).strip()
        }
        groups = _groups(top)
        # A header repeated on the row under it, outside any group ("Program" over "Program"),
        # is the same column's: the row is no record for it.
        repeated = {
            position
            for position, cell in below.items()
            if position not in groups
            and top[position]
            and " ".join(header_text(cell).split()).casefold() == top[position].casefold()
        }
        below = {position: cell for position, cell in below.items() if position not in repeated}
        years = all(map(_is_year_header, below.values()))
        if (
            len(below) < 2
            or not (years or all(map(_could_be_header, below.values())))
            or not set(below) <= set(groups)
            or all(top[position] for position in below)  # none under a group's blank cells
            or not any(top[position] and position not in below for position in range(width))
            or not (years or any(map(known_header, below.values())))
        ):
            return self
        header = [
            _under_group(below[position], top[groups[position]], years)
            if position in below
            else self.header[position]
            for position in range(width)
        ]
        named = sorted({groups[position] for position in below})
        note = Problem(
            "format-error",
            msg(
                "read.two_header_rows",
                first=self.header_line,
                second=self.line_of(0),
                columns=listing([quoted(header[position]) for position in sorted(below)]),
                groups=listing([quoted(top[position]) for position in named]),
            ),
            row=self.header_line or None,
            severity="warning",
        )
        table = self.below_first_row(header, note)
        if years:
            table.problems.extend(
                _units_contradicted(top[groups[position]], header[position], self.header_line)
                for position in sorted(below)
                if _units_contradict(top[groups[position]], header[position])
            )
        return table

    def below_first_row(
        self, header: list[str], note: Problem, shown: list[str] | None = None
    ) -> RawTable:
        """The table without its first row, which is no record (a row of sub-headers, of
        units), headed `header` (shown as `shown`), and `note` saying how the row was read."""
        return RawTable(
            self.name,
            header,
            [column[1:] for column in self.columns],
            lengths=None if self.lengths is None else self.lengths[1:],
            extra={index - 1: cells for index, cells in self.extra.items() if index},
            header_line=self.header_line,
            row_lines=[self.line_of(index) for index in range(1, self.height)],
            problems=[*self.problems, note],
            shown=shown,
            titles=list(self.titles),
            delimiter=self.delimiter,
            source=self.source,
        )

    def quoted_cells(self, index: int) -> frozenset[int]:
        """The positions of the cells of row `index` the CSV put in quotes (none for a file
        that quotes no cell). The file is gone over once, when first asked."""
        if not self.source:
            return frozenset()
        if self._quoted is None:
            self._quoted = _quoted_cells(self.source, self.delimiter)
        record = self.line_of(index) - 1  # the header is row 1, the file's first record
        return self._quoted[record] if 0 <= record < len(self._quoted) else frozenset()

    def label(self, position: int) -> str:
        """The header of column `position` as the user wrote it."""
        return str((self.shown or self.header)[position])

    def file_labels(self, position: int) -> list[str]:
        """The file's own headers of column `position`: those its cells were under where the
        rows are not the file's (years as columns: "2027", "2028" for the "Belopp" read from
        them), else its one header (`label`). A message names these: the file has no
        "Belopp"."""
        return list(dict.fromkeys(self.cell_labels.get(position, ()))) or [self.label(position)]

    def title_unit(self) -> tuple[str, v.HeaderUnit] | None:
        """The first title above the table (`titles`) that names a money unit, and that
        unit: the unit of the amounts under it (`ingest._title_unit`); None for none."""
        return next(
            ((title, unit) for title in self.titles if (unit := v.title_unit(title)) is not None),
            None,
        )

    def cell_label(self, position: int, index: int) -> str:
        """The header the cell of row `index` in column `position` is under in the file
        (`cell_labels`), else the column's (`label`)."""
        own = self.cell_labels.get(position)
        return self.label(position) if own is None else own[index]

    def is_empty_column(self, position: int) -> bool:
        """Whether no row fills column `position`: Excel pads every row of a CSV it saves to
        the sheet's width, so a column once used leaves one without a header or a value."""
        return bool(self.cells(position).row_missing.all())

    def cells(self, position: int) -> Cells:
        """Column `position`, each distinct cell once (computed once)."""
        if position not in self._cells:
            self._cells[position] = Cells.of(self.columns[position])
        return self._cells[position]

    def shape_problems(
        self,
        naming: Collection[int] = (),
        amounts_before_text: Collection[int] = (),
        free_text: Collection[int] = (),
    ) -> tuple[np.ndarray, list[Problem]]:
        """Which rows hold data and ragged-row errors. Blank rows, sums and notes under the list
        and subtotals within it are skipped with a warning; `naming` are the positions of the
        columns that name or date a row (its key, its dates), which a subtotal leaves empty
        (`_subtotal_rows`); `amounts_before_text` those of the amount columns a text column
        follows, into which a comma may split an amount's decimals (`_split_into_text`), and
        `free_text` those of the columns of free text (Källa, Beskrivning), which hold such
        digits only so."""
        width = len(self.header)
        keep = np.zeros(self.height, dtype=bool)
        for position in range(width):
            keep |= ~self.cells(position).row_missing
        problems: list[Problem] = []
        blank = np.flatnonzero(~keep)
        for key, rows, paged in (
            ("read.repeated_header", self._repeated_headers(), False),
            ("read.page_rows", self._page_rows(), True),
        ):
            rows = np.flatnonzero(rows & keep)
            if len(rows):
                keep[rows] = False
                lines = [self.line_of(index) for index in rows.tolist()]
                # A page's row is quoted as written ("Sida 1 av 2"), the first of them.
                said = {"text": shortened(self._page_text(int(rows[0])))} if paged else {}
                problems.append(
                    Problem(
                        "row-error",
                        msg(key, count=len(lines), rows=_spans(lines), **said),
                        row=lines[0],
                        severity="warning",
                    )
                )
        below = self._table_below(keep, blank)
        if below is not None:
            lines = [self.line_of(index) for index in range(below, self.height)]
            heading = " | ".join(self._filled_cells(below))
            keep[below:] = False
            blank = blank[blank < below]
            problems.append(
                Problem(
                    "row-error",
                    msg("read.table_below", count=len(lines), rows=_spans(lines)),
                    row=lines[0],
                    value=shortened(heading),
                    severity="warning",
                )
            )
        trailing = self._trailing_rows(keep, naming)
        keep[[index for index, _key, _text in trailing]] = False
        passed = trailing + self._subtotal_rows(keep, naming)  # rows that hold no record
        for index, key, text in passed:
            keep[index] = False
            problems.append(
                Problem(
                    "row-error",
                    msg(key, text=shortened(text)),
                    row=self.line_of(index),
                    value=text,
                    severity="warning",
                )
            )
        skipped = {index for index, _key, _text in passed}
        skipped |= set(range(self.height if below is None else below, self.height))
        problems += (split := self._split_amounts(keep))
        problems += self._split_into_text(
            keep, amounts_before_text, {p.row for p in split}, free_text
        )
        ragged = [] if self.lengths is None else np.flatnonzero(self.lengths != width)
        outside: set[int] = set()  # rows with text only past the header's columns
        for index in ragged:
            if int(index) in skipped:
                continue
            length, line = int(self.lengths[index]), self.line_of(int(index))
            extra = [cell for cell in self.extra.get(int(index), []) if not v.is_missing(cell)]
            if extra and not keep[index]:
                # A note beside the list ("Anteckning: kontrollera AB-2" a few columns to the
                # right of an empty row) is no record: a record has a cell in the list's own
                # columns. It was refused as a row of too many cells, and warned of as blank.
                outside.add(int(index))
                problems.append(
                    Problem(
                        "row-error",
                        msg("read.outside_row", text=shortened(str(extra[0]))),
                        row=line,
                        value=str(extra[0]),
                        severity="warning",
                    )
                )
            elif length < width and keep[index]:
                problems.append(
                    Problem(
                        "missing-cell",
                        msg("read.missing_cell", count=length, width=width),
                        row=line,
                    )
                )
            elif extra:
                problems.append(
                    Problem(
                        "extra-cell",
                        msg("read.extra_cell", count=length, width=width),
                        row=line,
                        value=str(extra[0]),
                    )
                )
        for index in blank[~np.isin(blank, list(outside))]:
            problems.append(
                Problem(
                    "blank-row",
                    msg("read.blank_row"),
                    row=self.line_of(int(index)),
                    severity="warning",
                )
            )
        problems.sort(key=lambda problem: problem.row or 0)
        return keep, problems

    def _table_below(self, keep: np.ndarray, blank: np.ndarray) -> int | None:
        """The first row of another table stacked under the list, a blank row between: a
        row that reads as a header row (`_reads_as_header`), else None. It and every row
        after it are no records of the list.

        Why: a summary under the list (`Sektor | Antal`) or a second list with its own
        header row was read as records of the list, and refused or, worse, stored. Only a
        header row: records after a blank row in the middle of the list are read."""
        if not len(blank) or not keep.any():
            return None
        shapes: dict[int, _ColumnShape] = {}  # each column's, made when first asked
        first = int(np.argmax(keep))  # the list's first record
        for index in (blank + 1).tolist():
            if (
                first < index < self.height
                and keep[index]
                and self._reads_as_header(index, keep, shapes)
            ):
                return index
        return None

    def _reads_as_header(
        self, index: int, keep: np.ndarray, shapes: dict[int, _ColumnShape]
    ) -> bool:
        """Whether row `index`, under a blank row, heads a table of its own: two cells or
        more, each text a header could be (`_could_be_header`: no number, no date) and none a
        value its column holds above, its first cell no reference like the list's
        (`_ColumnShape.like_above`: `QA-3` under `QA-1`), and either two of them headers a
        kind reads (`Diarienummer | Titel`), or, unless the row after it has the list's shape
        (`_like_list`), text in columns where the list has numbers or dates (two such, or
        one beside a known header) with header evidence (a known header, or a row under it
        not of the list's shape), or one known header over rows that hold numbers or dates
        where the list has text (`Sektor | Antal` over `Transport | 2`).

        Why the evidence: a record under a blank row with text where the list has amounts
        and dates (`QA-3 | Tredje projektet | Beta AB | ca 2 MSEK | hösten 2021`) was taken
        for a header row, it and every record after it dropped while the import committed.

        Each column's shape is worked out once (`_ColumnShape`): a list of many blank rows
        between its records costs a look-up per row."""
        if any(_filled(cell) for cell in self.extra.get(index, [])):
            return False
        filled = [
            position
            for position, cells in enumerate(map(self.cells, range(len(self.header))))
            if not cells.missing[cells.codes[index]]
        ]
        if len(filled) < 2:
            return False

        def shape(position: int) -> _ColumnShape:
            if position not in shapes:
                shapes[position] = _ColumnShape.of(self.cells(position), keep)
            return shapes[position]

        if any(shape(position).seen_before(index) for position in filled):
            return False  # a value of the list's: "Koordinator" as a participant's role
        texts = [self.columns[position][index] for position in filled]
        if not all(map(_could_be_header, texts)):
            return False
        if filled[0] == 0 and shape(0).like_above(index):
            return False  # a record keyed as the list's are: "QA-3" under "QA-1"
        known = sum(map(known_header, texts))
        if known >= 2:
            return True
        after = next((row for row in range(index + 1, self.height) if keep[row]), None)
        if after is not None and self._like_list(after, index, shape):
            return False  # the records go on under it: "QA-4" with its dates and amount
        in_numbers = sum(shape(position).holds(0, index) == "values" for position in filled)
        if in_numbers >= 2 or (known and in_numbers):
            return bool(known) or after is not None
        return bool(known) and any(
            shape(p).holds(0, index) == "text"
            and shape(p).holds(index + 1, self.height) == "values"
            for p in range(len(self.header))
        )

    def _like_list(self, index: int, above: int, shape) -> bool:
        """Whether row `index` has the shape of the list's records above row `above`: its
        first cell a reference like theirs, or numbers or dates in two columns or more
        where they hold them and text in none of those."""
        if not self.cells(0).row_missing[index] and shape(0).like_above(above, index):
            return True
        values = 0
        for position in range(len(self.header)):
            cells = self.cells(position)
            if cells.row_missing[index] or shape(position).holds(0, above) != "values":
                continue
            if not _number_or_date(self.columns[position][index]):
                return False
            values += 1
        return values >= 2

    def _repeated_headers(self) -> np.ndarray:
        """Which rows repeat the header: each headed column's cell its header (case and
        spaces aside), as a report printed over pages repeats it on each (two headers or more:
        a list of one column may hold its header's word as a value).

        Why: each such row was read as a record, refused for its dates and amounts
        ("“Utbetalningsdatum” is not a date")."""
        rows = np.zeros(self.height, dtype=bool)
        headed = [
            (position, " ".join(header_text(text).split()).casefold())
            for position, text in enumerate(self.header)
            if str(text).strip()
        ]
        if len(headed) < 2 or not self.height:
            return rows
        rows[:] = True
        # The column of fewest distinct cells first: most files repeat no header, and that
        # one says so after reading a few cells, not 100 000 titles.
        headed.sort(key=lambda found: len(self.cells(found[0]).uniques))
        for position, text in headed:
            cells = self.cells(position)
            same = np.fromiter(
                (" ".join(header_text(cell).split()).casefold() == text for cell in cells.uniques),
                dtype=bool,
                count=len(cells.uniques),
            )
            rows &= same[cells.codes]
            if not rows.any():
                break
        return rows

    def _page_rows(self) -> np.ndarray:
        """Which rows are a page's footer or header a report writes between its pages: a cell
        `Sida 1 av 2` or `Page 1 of 2`, the pages' total said (`_PAGE`), alone or beside the
        date the report was printed (`2024-05-01`, `Utskriven 2024-05-01`: `_is_print_date`):
        `Sida 2` or `P.1` alone is a record's name, and was dropped as a footer.

        Why the date: a footer with the print date beside it was read as a record and
        refused. Only a date of a day beside it, the row's one other cell or two: a record
        has its name or reference beside its dates."""
        filled = np.zeros(self.height, dtype=np.intp)
        for position in range(len(self.header)):
            filled += ~self.cells(position).row_missing
        for index, cells in self.extra.items():
            filled[index] += sum(map(_filled, cells))
        paged = np.zeros(self.height, dtype=bool)
        for position in range(len(self.header)):
            cells = self.cells(position)
            paged |= _page_cells(cells)[cells.codes]
        for index, cells in self.extra.items():
            paged[index] |= any(_PAGE.fullmatch(header_text(cell).strip()) for cell in cells)
        candidates = np.flatnonzero(paged & (filled <= _PAGE_CELLS))
        paged[:] = False
        # Only the rows of a few cells with a page's are read: most files have none.
        for index in candidates.tolist():
            cells = self._row_cells(index)
            pages = [cell for cell in cells if _PAGE.fullmatch(header_text(cell).strip())]
            paged[index] = len(pages) == 1 and all(
                _is_print_date(cell) for cell in cells if cell is not pages[0]
            )
        return paged

    def _page_text(self, index: int) -> str:
        """The page's cell of a footer's row `index` (`_page_rows`), as written."""
        cells = [header_text(cell).strip() for cell in self._row_cells(index)]
        return next((cell for cell in cells if _PAGE.fullmatch(cell)), cells[0])

    def _row_cells(self, index: int) -> list[object]:
        """The filled cells of row `index` as read, those past the header's width too."""
        return [
            cell
            for position in range(len(self.header))
            if _filled(cell := self.columns[position][index])
        ] + [cell for cell in self.extra.get(index, []) if _filled(cell)]

    def _split_amounts(self, keep: np.ndarray) -> list[Problem]:
        """An error for each kept row of a comma-separated file that fills a column without a
        header (one value more than its headers) where a number's cell is followed by one
        beginning with a digit that, joined to it by the comma, is the number with its
        decimals (or its unit): an amount the comma split ("2,5 MSEK" read as "2" and
        "5 MSEK"), which reading the first cell alone would store too small, the cells after
        it one column off ("2,5,Vinnova": Källa "5").

        Why: such a column was passed over as one without a header, with only a warning, and
        2,5 MSEK stored as 2 kr, or 2 kr with "5" its source. A column without a header beside
        text or a note ("3 st", "12 projekt", no decimals), or holding nothing, is passed over
        as before.
        """
        if self.delimiter != ",":
            return []
        unheaded = [
            position
            for position in range(1, len(self.header))
            if not str(self.header[position]).strip() and not self.is_empty_column(position)
        ]
        if not unheaded:
            return []
        filled = np.zeros(self.height, dtype=bool)
        for position in unheaded:
            filled |= ~self.cells(position).row_missing
        problems = []
        for index in np.flatnonzero(keep & filled).tolist():
            last = max(p for p in unheaded if not self.cells(p).row_missing[index])
            for position in range(last):
                amount = self.columns[position][index]
                rest = self.columns[position + 1][index]
                # The rest as decimals, öre or a group of three ("5", "50", "5 MSEK", "500"):
                # "2030" beside "2000000" are a year and an amount, each whole.
                if not (_SPLIT_REST.fullmatch(str(rest)) and _is_number(amount)):
                    continue
                if not _is_number(f"{str(amount).strip()},{str(rest).strip()}"):
                    continue  # "1000" beside "3 st": no decimals
                if {position, position + 1} & self.quoted_cells(index):
                    continue  # "50000","18": quoted, the comma split nothing
                key = "read.comma_split_amount"
                if str(self.header[position + 1]).strip():
                    key = "read.comma_split_amount_headed"
                problems.append(
                    Problem(
                        "format-error",
                        msg(
                            key,
                            column=self.label(position),
                            amount=str(amount).strip(),
                            rest=str(rest).strip(),
                            position=position + 2,
                            next=self.label(position + 1),
                        ),
                        row=self.line_of(index),
                        column=self.label(position),
                        value=f"{str(amount).strip()},{str(rest).strip()}",
                    )
                )
                break
        return problems

    def _split_into_text(
        self,
        keep: np.ndarray,
        amounts: Collection[int],
        refused: set[int | None],
        free_text: Collection[int] = (),
    ) -> list[Problem]:
        """An error for each kept row of a comma-separated file where an amount column
        (`amounts`: a text column follows it) holds a whole number and the text column after
        it only one to three digits (`_DECIMALS`): an amount the comma split with no spare
        column to show it, "2,5" read as Belopp "2" and Källa "5". Only where the column
        after is free text (`free_text`: Källa, Beskrivning, Anmärkning) or otherwise holds
        words (`_words_beside`), and neither cell was quoted. Rows `refused` already
        (`_split_amounts`) are not named twice.

        Why: such a row was stored as 2 MSEK with "5" its source, without a word: the split
        was caught only where a column without a header or a unit showed it. Why words: a
        column of voucher numbers, counts or codes (`100000,17` under Belopp and
        Utbetalningsreferens) had every row refused, quoted or not."""
        if self.delimiter != ",":
            return []
        problems = []
        width = len(self.header)
        for position in sorted(p for p in amounts if p + 1 < width):
            digits = self.cells(position + 1)
            decimals = np.fromiter(
                (not missing and _DECIMALS.fullmatch(str(cell)) is not None
                 for cell, missing in zip(digits.uniques, digits.missing, strict=True)),
                dtype=bool,
                count=len(digits.uniques),
            )  # fmt: skip
            rows = np.flatnonzero(keep & decimals[digits.codes])
            if not len(rows) or (
                position + 1 not in free_text and not self._words_beside(position + 1, keep, rows)
            ):
                continue
            for index in rows.tolist():
                amount = str(self.columns[position][index]).strip()
                rest = str(self.columns[position + 1][index]).strip()
                line = self.line_of(index)
                if line in refused or _WHOLE.fullmatch(amount) is None:
                    continue
                if {position, position + 1} & self.quoted_cells(index):
                    continue  # "50000","18": quoted, the comma split nothing
                problems.append(
                    Problem(
                        "format-error",
                        msg(
                            "read.comma_split_text",
                            column=self.label(position),
                            amount=amount,
                            rest=rest,
                            next=self.label(position + 1),
                        ),
                        row=line,
                        column=self.label(position),
                        value=f"{amount},{rest}",
                    )
                )
        return problems

    def _words_beside(self, position: int, keep: np.ndarray, digits: np.ndarray) -> bool:
        """Whether column `position` holds words (text, no number or date) in its kept rows
        other than `digits` (its rows of one to three digits), and in at least as many rows
        as those: `Vinnova` under Finansiär, where a column of voucher numbers, counts,
        quarters or county codes holds digits in most rows."""
        cells = self.cells(position)
        filled = keep & ~cells.row_missing
        filled[digits] = False
        codes = np.unique(cells.codes[filled])
        worded = np.zeros(len(cells.uniques), dtype=bool)
        for code in codes.tolist():
            worded[code] = not _number_or_date(cells.uniques[code])
        words = int(np.count_nonzero(worded[cells.codes] & filled))
        return words > 0 and words >= len(digits)

    def _trailing_rows(
        self, keep: np.ndarray, naming: Collection[int] = ()
    ) -> list[tuple[int, str, str]]:
        """The rows under the list that hold no record, each with the catalogue key of why and
        its text: a sum or a note (`_trailing_kind`). A spreadsheet kept by hand often has
        them; they are skipped with a warning rather than rejected as records missing their
        key. Only rows that no record follows: such a word higher up is data, and any problem
        with it is reported as such, unless the row is a subtotal (`_subtotal_rows`).
        """
        named = [position for position in naming if position < len(self.header)]
        found = []
        block = self._note_block(keep)
        for index in np.flatnonzero(keep)[::-1].tolist():
            if index in block:
                found.append((index, "read.note_row", block[index]))
                continue
            kind = self._trailing_kind(index, keep, named)
            if kind is None and (note := self._plain_note(index, keep, named)) is not None:
                kind = "read.note_row", note
            if kind is None:
                break
            found.append((index, *kind))
        return found[::-1]

    def _note_block(self, keep: np.ndarray) -> dict[int, str]:
        """The rows of a block of notes that ends the file under a blank row, each with its
        text: every row of it with its first cell filled and at most the second beside it
        (a filter and its value, `Program | X`, read as `Program: X`), the first row the
        heading alone that a report's export writes over the filters it applied (`Applied
        filters:` / `Year is 2024`, `Filter som används:` / `År är 2024`, `Filter:` /
        `År | 2024`: `_FILTER_HEADING`). Else none.

        Why: each line of the block was read as a record and refused for its dates and
        amounts (a block of two-cell lines as well). Only under such a heading: names alone
        under a blank row (a list of buyer groups' names), or under a heading of their own
        (`Utan nummer:`, `Hälsa:`), are records, and were dropped as notes."""
        if not len(self.header):
            return {}
        first = self.cells(0)
        block: dict[int, str] = {}
        index = self.height - 1
        while index >= 0 and keep[index]:
            filled = self._filled_cells(index)
            if first.row_missing[index] or len(filled) > 2:
                return {}
            if len(filled) == 2 and (
                len(self.header) < 2 or self.cells(1).row_missing[index]  # not beside it
            ):
                return {}
            name, *value = filled
            block[index] = f"{name.rstrip(':').rstrip()}: {value[0]}" if value else name
            index -= 1
        heading = block.get(index + 1, "")
        if (
            not _FILTER_HEADING.fullmatch(heading)
            or len(self._filled_cells(index + 1)) != 1
            or index < 0
            or not keep[:index].any()
        ):
            return {}
        return block

    def _plain_note(self, index: int, keep: np.ndarray, named: list[int]) -> str | None:
        """The text of row `index` when it is a note in words of its own ("Uppgifterna är
        hämtade ur … 2024-05-02.", "Sammanställt av …"): one cell holding a sentence (three
        words or more, ending in a full stop or "…") under a blank row that ends the list,
        with only sums and notes between. Else None.

        Why: such a note was read as a record, a buyer group named by the sentence, or a
        project refused for its title. Only a sentence, and only past a blank row: a record
        with its name alone filled ("Beställargrupp Norrland", or one of a list of names
        past a blank row in its middle) is a record, and was dropped as a note.
        """
        filled = self._filled_cells(index)
        if len(filled) != 1 or not _SENTENCE.fullmatch(filled[0]):
            return None
        above = index - 1
        while above >= 0 and keep[above] and self._trailing_kind(above, keep, named) is not None:
            above -= 1
        if above >= 0 and not keep[above] and keep[:above].any():
            return filled[0]  # a blank row between the records and the note
        return None

    def _filled_cells(self, index: int) -> list[str]:
        """The filled cells of row `index` as text, those past the header's width too."""
        filled = [
            header_text(cells.uniques[code]).strip()  # Excel's 3884567.0 as 3884567
            for cells in map(self.cells, range(len(self.header)))
            if not cells.missing[code := cells.codes[index]]
        ]
        # Cells past the header's width count too (kept in `extra`).
        return filled + [
            str(cell).strip() for cell in self.extra.get(index, []) if not v.is_missing(cell)
        ]

    def _trailing_kind(
        self, index: int, keep: np.ndarray, named: list[int]
    ) -> tuple[str, str] | None:
        """Why row `index`, were it under the list, would hold no record (the catalogue key
        and the text named), else None. A sum: a sum word as its first filled cell ("Summa",
        "Totalt:"); a sum's label ("Summa bidrag", "Antal projekt: 2", "Σ") among its first
        filled cells, the others numbers (a count in the key's column: "2", "Summa", the sum);
        or numbers alone where the columns that name a row, `named`, are empty or hold the
        count of the records above (Excel's sum and count under the columns). A note: a row
        of one cell that starts like one ("Källa: …", "* Preliminära uppgifter"), or a word
        and a cell ("Källa:", "SCB").
        """
        filled = self._filled_cells(index)
        numbers = [_is_number(cell) for cell in filled]
        if _TOTAL_WORD.fullmatch(filled[0]):
            return "read.total_row", filled[0]
        labels = [
            position
            for position, cell in enumerate(filled[:_TOTAL_LABEL_CELLS])
            if not numbers[position] and _TOTAL_LABEL.fullmatch(cell)
        ]
        if labels:
            label = filled[labels[0]]
            others = numbers[: labels[0]] + numbers[labels[0] + 1 :]
            # A number beside the label, or in it: "Summa AB" alone is a name; a reference
            # beside it, "12345", a record's ("Summa av allt" is a title).
            if (
                all(others)
                and any(others)
                and all(self._names_nothing(index, p, keep, label) for p in named)
            ):
                return "read.total_row", label
        if named and all(numbers) and all(self._names_nothing(index, p, keep) for p in named):
            return "read.total_row", filled[0]
        if (len(filled) == 1 and _NOTE_START.match(filled[0])) or (
            len(filled) == 2 and _NOTE_WORD.fullmatch(filled[0])  # "Källa:" | "SCB"
        ):
            return "read.note_row", filled[0]
        return None

    def _names_nothing(
        self, index: int, position: int, keep: np.ndarray, label: str | None = None
    ) -> bool:
        """Whether naming column `position` of row `index` is empty, holds the sum's `label`,
        or holds the count of the records above it (1 under one project): a count, where a
        reference would be a record's."""
        cells = self.cells(position)
        code = cells.codes[index]
        if cells.missing[code] or header_text(cells.uniques[code]).strip() == label:
            return True
        try:
            count = v.parse_int(cells.uniques[code])
        except v.ValueProblem:
            return False
        return count == int(np.count_nonzero(keep[:index]))

    def _subtotal_rows(
        self, keep: np.ndarray, naming: Collection[int]
    ) -> list[tuple[int, str, str]]:
        """The kept rows within the list that sum up a group of it ("Summa Kalmar län" and the
        county's amounts, after its projects), each with the catalogue key of why and its
        label: a row whose first filled cell that is not a number starts with a sum word
        (`_SUBTOTAL`), whose other filled cells are numbers, and whose naming cells (`naming`)
        are empty but for that label.

        Why: a list kept by hand sums each group where it ends, and each such row was refused
        as a record missing its key. A row with anything more (a title, a date, a reference,
        a cell past the header) stays a record, and an empty key on it is reported as before.
        Only the rows whose naming cells leave room for a label are looked at, and their cells
        once per distinct cell: a list of 100 000 projects has no row to look at.
        """
        named = [position for position in naming if position < len(self.header)]
        if not named or not keep.any():
            return []
        filled = [~self.cells(position).row_missing for position in named]
        rows = keep & (np.sum(filled, axis=0) <= 1)
        for position, full in zip(named, filled, strict=True):
            if (held := rows & full).any():  # a naming cell filled: it must be the label
                cells = self.cells(position)
                rows[held] = _subtotal_labels(cells)[cells.codes[held]]
        rows[[index for index, cells in self.extra.items() if any(map(_filled, cells))]] = False
        candidates = np.flatnonzero(rows)
        if not len(candidates):
            return []
        label_at = np.full(len(candidates), -1)  # the column of the first cell not a number
        label = np.zeros(len(candidates), dtype=bool)  # that cell is a sum word's
        more = np.zeros(len(candidates), dtype=bool)  # a second cell that is not a number
        for position in range(len(self.header)):
            cells = self.cells(position)
            codes = cells.codes[candidates]
            worded = ~cells.missing[codes] & ~_numbers_among(cells, codes)[codes]
            more |= worded & (label_at >= 0)
            first = worded & (label_at < 0)
            label_at[first] = position
            if first.any():
                label[first] = _subtotal_labels(cells)[codes[first]]
        found = np.flatnonzero(label & ~more)
        return [
            (index, "read.subtotal_row", str(self.columns[column][index]).strip())
            for index, column in zip(
                candidates[found].tolist(), label_at[found].tolist(), strict=True
            )
        ]


@dataclass
class _ColumnShape:
    """A column's kept rows as `RawTable._reads_as_header` asks about them: where each
    distinct cell is first, and how many of the rows up to each hold a number or a date
    ("values") and how many text, so that any span of rows is told at once. Whether a cell
    is a value is worked out only when first asked (`holds`)."""

    cells: Cells
    keep: np.ndarray
    first: np.ndarray  # by distinct cell: the first kept row holding it (the height: none)
    _counts: tuple[np.ndarray, np.ndarray] | None = None
    _shapes: dict[str, int] | None = None  # by reference shape: the first kept row with it

    @classmethod
    def of(cls, cells: Cells, keep: np.ndarray) -> _ColumnShape:
        rows = np.flatnonzero(keep)
        first = np.full(len(cells.uniques), len(keep), dtype=np.intp)
        codes, at = np.unique(cells.codes[rows], return_index=True)
        first[codes] = rows[at]
        return cls(cells, keep, first)

    def seen_before(self, index: int) -> bool:
        """Whether the cell of row `index` is on a kept row above it."""
        return bool(self.first[self.cells.codes[index]] < index)

    def like_above(self, index: int, row: int | None = None) -> bool:
        """Whether the cell of row `row` (else `index`) is a reference of the shape of one
        on a kept row above `index` (`_reference_shape`: `QA-3` as `QA-1`, `2021-00123` as
        `2020-00456`). The shapes are worked out once, when first asked."""
        cell = self.cells.uniques[self.cells.codes[index if row is None else row]]
        mine = _reference_shape(cell)
        if mine is None:
            return False
        if self._shapes is None:
            self._shapes = {}
            for code in np.flatnonzero(self.first < len(self.keep)).tolist():
                if not self.cells.missing[code]:
                    found = _reference_shape(self.cells.uniques[code])
                    if found is not None:
                        self._shapes.setdefault(found, int(self.first[code]))
                        self._shapes[found] = min(self._shapes[found], int(self.first[code]))
        return self._shapes.get(mine, len(self.keep)) < index

    def holds(self, start: int, stop: int) -> str:
        """What the kept rows `start` to `stop` (not included) hold: "values" (numbers or
        dates only), "text" (no number and no date) or "" (both, or nothing)."""
        if self._counts is None:
            cells = self.cells
            is_value = np.zeros(len(cells.uniques), dtype=bool)
            for code in np.flatnonzero(self.first < len(self.keep)).tolist():
                is_value[code] = not cells.missing[code] and _number_or_date(cells.uniques[code])
            filled = self.keep & ~cells.row_missing
            value_rows = filled & is_value[cells.codes]
            zero = np.zeros(1, dtype=np.intp)
            self._counts = (
                np.concatenate([zero, np.cumsum(value_rows)]),
                np.concatenate([zero, np.cumsum(filled & ~value_rows)]),
            )
        values_at, texts_at = self._counts
        values = values_at[stop] - values_at[start]
        texts = texts_at[stop] - texts_at[start]
        return "values" if values and not texts else "text" if texts and not values else ""


def _reference_shape(cell: object) -> str | None:
    """A reference's shape, its letters and digits each as one ("QA-1" as "A-9", "2021-00123"
    as "9-9"); None for a cell without a digit (a header, a name) or that is no text."""
    text = str(cell).strip()
    if isinstance(cell, date) or not text or not any(c.isdigit() for c in text):
        return None
    return _DIGITS.sub("9", _LETTERS.sub("A", text))


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"[0-9]+")


def _groups(header: list[str]) -> dict[int, int]:
    """The position of each column under a group header, by the position of the group's:
    a header followed by blank ones ("Tid" over two columns, merged or not; Excel keeps a
    merged cell's text in its first cell) heads those columns and its own."""
    groups: dict[int, int] = {}
    for position, text in enumerate(header):
        if text:
            last = position
        elif position and (header[position - 1] or position - 1 in groups):
            groups[last] = groups[position] = last
    return groups


# The longest text read as a header on a second header row: a header names a column in a few
# words; a longer cell is a record's (a title, a sentence).
_SUB_HEADER_LENGTH = 60


@functools.cache
def _headers_known() -> frozenset[str]:
    """Every header and alias of every kind's columns, as headers are compared."""
    from arena.ingest.kinds import KINDS  # the kinds read files: imported when first asked

    return frozenset(
        v.normalise_label(header)
        for kind in KINDS.values()
        for column in kind.columns
        for header in column.headers
    )


@functools.cache
def _period_headers() -> frozenset[str]:
    """Every header and alias of the kinds' period columns (`Period`, `Projektperiod`)."""
    from arena.ingest.kinds import KINDS  # the kinds read files: imported when first asked

    return frozenset(
        v.normalise_label(header)
        for kind in KINDS.values()
        for column in kind.columns
        if column.type.name == "period"
        for header in column.headers
    )


def _start_and_end(starts: Cells, ends: Cells) -> bool:
    """Whether two columns under a period's header hold what a start and an end column
    read, and a date of a day among them: each start a date of a day (`2024-01-01`, one
    the workbook typed) or a month (`2021-03`), each end one too, or an open end (`pågår`,
    `tills vidare`), or blank.

    Why: a period over two columns with one month (`2021-03 | 2022-01-31`) or one project
    that runs on (`2021-01-01 | pågår`) was read as one column of periods, every start
    refused as no period and the ends as a column without a header."""
    found = False
    for cells, open_ended in ((starts, False), (ends, True)):
        for cell, missing in zip(cells.uniques, cells.missing, strict=True):
            if missing:
                continue
            text = " ".join(str(cell).split()).casefold()
            if isinstance(cell, date) or _DAY_DATE.fullmatch(text):
                found = True
            elif not (_MONTH_DATE.fullmatch(text) or (open_ended and text in _OPEN_ENDS)):
                return False
    return found


# A month as a start or an end reads it ("2021-03"); "2019-21", two years, is no month.
_MONTH_DATE = re.compile(r"\d{4}-(?:0?[1-9]|1[0-2])")
# An end that says the project runs on, as a cell of its own.
_OPEN_ENDS = frozenset(
    {"pågår", "pågående", "löpande", "tills vidare", "tillsvidare", "ongoing", "open", "–", "-"}
)


def _under_group(cell: object, group: str, years: bool) -> str:
    """The header of a column headed `cell` on the row under the group header `group`: a
    year takes the group's unit (`2027 (tkr)` under `Budget (tkr)`, as a flat `2027 (tkr)`
    is read), any other sub-header stands as written.

    Why: the years replaced the group header and its unit was thrown away, 1 000 under
    `Budget (tkr)` stored as 1 000 kr."""
    text = " ".join(header_text(cell).split())
    if v.header_unit(text) is not None:  # a year with its own unit (`2027 (tkr)`) keeps it
        return text
    unit = v.header_unit(group) if years else None
    return f"{text} ({unit.written})" if unit is not None else text


def _units_contradict(group: str, header: str) -> bool:
    """Whether a group header's unit (`Budget (tkr)`) and that of a year under it (`2027
    (kr)`) differ, each named: which one holds changes every amount by a factor of 1 000 or
    more."""
    over, own = v.header_unit(group), v.header_unit(header)
    if over is None or own is None:
        return False
    return _unit_key(over) != _unit_key(own)


def _unit_key(unit: v.HeaderUnit) -> object:
    """A unit as units compare: kronor in one of it (`tkr`, `tusen kr` alike), else the
    currency as written."""
    kronor = unit.kronor
    return kronor if kronor is not None else v.normalise_label(unit.unit)


def _units_contradicted(group: str, header: str, line: int) -> Problem:
    """The refusal of a year's header naming another unit (`2027 (kr)`) than the group header
    over it (`Budget (tkr)`), at the header's `line`.

    Why: a year's own unit under a group's was read without a word on which one holds."""
    over, own = v.header_unit(group), v.header_unit(header)
    assert over is not None and own is not None  # as `_units_contradict` found them
    text = msg(
        "read.group_unit_contradicts",
        group=group,
        group_unit=over.written,
        column=header,
        unit=own.written,
    )
    return Problem("format-error", text, row=line or None, column=header)


def _is_year_header(cell: object) -> bool:
    """Whether a cell is a year as a column's header on a row under a group header
    (`2024 | 2025` under `Budget` merged over both), typed or written, alone or with its
    own unit (`2027 (tkr)`, as a flat header of a year is read), marked preliminary or not
    (`2026 (prel.)`, `2026*`, by the mark a flat header's year is read with,
    `values.YEAR_MARK`), or said final (`2026 (slutlig)`), or with the mark before it (`Prel.
    2026`, `(Preliminärt) 2026`, by a flat header's `wide._PRELIMINARY_BEFORE`; `Ej prel. 2026`
    is no mark).

    Why the mark: `2026 (prel.)` under `Budget (tkr)` left the row of years unread and the
    budget refused as one without its År, its columns without headers; `Prel. 2026` so too,
    where a one-row header `Prel. 2026 (tkr)` was read."""
    from arena.ingest import wide  # it reads the tables this module reads

    if isinstance(cell, bool | date):
        return False
    text = " ".join(header_text(cell).split())
    if (unit := v.header_unit(text)) is not None:
        text = unit.label
    year = _YEAR_HEADER.search(text)
    if year is None:
        return False
    if year.start():  # only a preliminary mark before it, not denied
        before = text[: year.start()]
        ahead = wide._PRELIMINARY_BEFORE.search(before)
        if ahead is None or ahead.start() or not v.is_preliminary(before):
            return False
    mark = v.YEAR_MARK.match(text, year.end())
    return (mark.end() if mark is not None else year.end()) == len(text)


_YEAR_HEADER = re.compile(r"(?:19|20)[0-9]{2}(?![0-9])")


def known_header(cell: object) -> bool:
    """Whether a cell is a header some kind reads ("Start", "Slut"): a row of sub-headers
    names at least one, where a first record's text ("Beställargrupp transport") names
    none and was read as headers, the record lost; a guide sheet's column of column names
    is of them (`sheets.is_guide`)."""
    return v.normalise_label(str(cell)) in _headers_known()


def _could_be_header(cell: object) -> bool:
    """Whether a cell could be a column's header: a short text that reads as no number and no
    date (a record's amounts and dates do)."""
    if not isinstance(cell, str):  # a number or a date the workbook typed
        return False
    text = cell.strip()
    if not text or len(text) > _SUB_HEADER_LENGTH or v.is_missing(text) or _is_number(text):
        return False
    try:
        v.parse_date(text)
    except v.ValueProblem:
        return True
    return False


def _numbers_among(cells: Cells, codes: np.ndarray) -> np.ndarray:
    """Which distinct cells among `codes` read as numbers (`_is_number`; False for the others)."""
    result = np.zeros(len(cells.uniques), dtype=bool)
    for code in np.unique(codes).tolist():
        result[code] = not cells.missing[code] and _is_number(cells.uniques[code])
    return result


def _page_cells(cells: Cells) -> np.ndarray:
    """Which distinct cells of `cells` are a page's (`_PAGE`, "Sida 1 av 2"), found by one
    search of their text joined (`_PAGE_LINE`): a column of 100 000 references has none, and
    was matched one by one."""
    texts = (
        cells.uniques if cells.text else [c if isinstance(c, str) else "" for c in cells.uniques]
    )
    joined = "\n" + "\n".join(texts) + "\n"
    pages = np.zeros(len(texts), dtype=bool)
    hits = np.array([found.start() for found in _PAGE_LINE.finditer(joined)], dtype=np.intp)
    if len(hits):
        lengths = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts))
        starts = np.cumsum(lengths + 1) - lengths - 1  # the line break before each text
        codes = np.searchsorted(starts, hits, side="right") - 1
        for code in np.unique(codes).tolist():
            pages[code] = (
                not cells.missing[code] and _PAGE.fullmatch(texts[code].strip()) is not None
            )
    return pages


def _subtotal_labels(cells: Cells) -> np.ndarray:
    """Which distinct cells of `cells` are a subtotal's label (`_is_subtotal_label`), kept with
    their parses (`Cells.parsed`: a layout's parts read the column again).

    Why not one by one: matched so, a column of 100 000 distinct references took a third of
    its parse; one search of their text joined finds the few that begin like a sum word.
    """
    if _subtotal_labels not in cells.parsed:
        texts = cells.uniques
        if not cells.text:
            texts = [cell if isinstance(cell, str) else "" for cell in texts]
        joined = "\n" + "\n".join(texts) + "\n"
        hits = np.array([found.start() for found in _SUM_START.finditer(joined)], dtype=np.intp)
        ends = np.array([found.end() - 1 for found in _SUM_END.finditer(joined)], dtype=np.intp)
        labels = np.zeros(len(texts), dtype=bool)
        if len(hits) or len(ends):
            # The line break before each text: a hit there begins that text (one after a line
            # break within a text begins none); the one after it: a hit there ends it.
            lengths = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts))
            starts = np.cumsum(lengths + 1) - lengths - 1
            after = starts + lengths + 1
            begun = np.searchsorted(starts, hits).clip(max=len(texts) - 1)
            ended = np.searchsorted(after, ends).clip(max=len(texts) - 1)
            found = [begun[starts[begun] == hits], ended[after[ended] == ends]]
            for code in np.unique(np.concatenate(found)).tolist():
                labels[code] = not cells.missing[code] and _is_subtotal_label(texts[code])
        cells.parsed[_subtotal_labels] = labels
    return cells.parsed[_subtotal_labels]  # type: ignore[return-value]


# A page's footer or header in a report, with the pages' total: "Sida 1 av 2", "Page 1 of 2",
# "Sida 1 (2)", "Sida 1 / 2". Without the total ("Sida 2", "P.1", "s. 3") a cell is a name.
_PAGE = re.compile(r"(?:sidan?|page)\s*\d+\s*(?:(?:av|of|/)\s*\d+|\(\s*\d+\s*\))", re.I)
# A line that may be a page's, in a search of many texts joined (`_page_cells`).
_PAGE_LINE = re.compile(r"\n[^\S\n]*(?:sidan?|page)\s*\d", re.IGNORECASE)
# The most cells a page's footer fills: the page, and the date it was printed or two.
_PAGE_CELLS = 3
# The word a report's footer may write before the date it was printed ("Utskriven 2024-05-01",
# "Printed: 1.5.2024").
_PRINTED = re.compile(
    r"(?:utskriven|utskrivet|utskriftsdatum|utskrift|datum|printed(?:\s+on)?|print\s+date|date)"
    r"\s*:?\s*",
    re.IGNORECASE,
)
# A date of a day as a footer writes it: digits and separators, a time after it or not
# (a year alone, "2024", is a record's, as is a month's name).
_DAY_DATE = re.compile(
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:[ T]\d{1,2}[:.]\d{2}(?::\d{2})?)?"
)


def _is_print_date(cell: object) -> bool:
    """Whether a cell is the date a report was printed, beside its page footer: a date or
    a date and time the workbook typed, or a day's date written (`2024-05-01`,
    `1.5.2024 14:02`), the word `Utskriven` or `Printed` before it or not."""
    if isinstance(cell, date):
        return True
    if not isinstance(cell, str):
        return False
    text = cell.strip()
    if (printed := _PRINTED.match(text)) is not None:
        text = text[printed.end() :]
    return _DAY_DATE.fullmatch(text) is not None


# The heading a report's export writes over the filters it applied, in a block of notes that
# ends the file (`RawTable._note_block`): Power BI's and others', in Swedish or English.
_FILTER_HEADING = re.compile(
    r"(?:applied\s+filters|filters\s+applied|filter\s+som\s+används|använda\s+filter|filters?)"
    r"\s*[:]",
    re.IGNORECASE,
)
# The rest of an amount a comma split: its decimals or a group of three digits, a unit
# after them ("5 MSEK", "50", "500").
_SPLIT_REST = re.compile(r"\s*[0-9]{1,3}(?:\s*[^\W\d_]+\.?)?\s*")


# What a decimal part the comma split off an amount looks like, in a text column: 1-3 digits.
_DECIMALS = re.compile(r"\s*[0-9]{1,3}\s*")
# An amount without decimals, as a comma leaves the part before them: digits, maybe grouped by
# spaces, a sign or a unit before or after ("2", "1 234", "-5", "2 MSEK" is no amount's part).
_WHOLE = re.compile(r"-?[0-9]{1,3}(?:[ \u00a0]?[0-9]{3})*|-?[0-9]+")


def _number_or_date(cell: object) -> bool:
    """Whether a cell is a number or a date, as a record's amounts and dates are."""
    if isinstance(cell, date) or _is_number(cell):
        return True
    try:
        v.parse_date(cell)
    except v.ValueProblem:
        return False
    return True


def _filled(cell: object) -> bool:
    return not v.is_missing(cell)


def _is_number(cell: object) -> bool:
    """Whether a cell reads as an amount or a number ("300 000 kr", "(12 500)", "45 %", 1.5):
    what a sum row holds beside its label."""
    try:
        v.parse_money(cell, allow_negative=True)
    except v.ValueProblem:
        try:
            v.parse_points(cell)
        except v.ValueProblem:
            return False
    return True


def _is_subtotal_label(cell: object) -> bool:
    """Whether a cell begins with a sum word ("Summa Kalmar län") or ends with one after a
    group's name ("Kalmar län Summa")."""
    if not isinstance(cell, str):
        return False
    text = cell.strip()
    return _SUBTOTAL.match(text) is not None or _SUBTOTAL_AFTER.fullmatch(text) is not None


# A line break before a text that may begin with a sum word of `_SUBTOTAL` (each begins
# "sum", "tot", "del" or "sub"), in a search of many texts joined (`_subtotal_labels`); the
# letters are matched both ways, as lowering the text first would take longer than the search.
_SUM_START = re.compile(r"\n[^\S\n]*(?:[Ss][Uu][Mm]|[Tt][Oo][Tt]|[Dd][Ee][Ll]|[Ss][Uu][Bb])")
# The start of the label of a row that sums up a group within the list: a sum word alone or
# before a space or a colon ("Summa Kalmar län", "Delsumma:", "Totalt"), in Swedish or English.
_SUBTOTAL = re.compile(
    r"(?:summa|totalt|total|delsumma|subtotal|sum|totalsumma)(?:\s|:|$)", re.IGNORECASE
)
# The same after the group's name, as Excel's Data > Subtotal writes it ("Kalmar län Summa",
# "Kalmar Total"), and its search among many texts joined (`_subtotal_labels`).
_SUBTOTAL_AFTER = re.compile(r"\S.*\s(?:summa|totalt|total)", re.IGNORECASE | re.DOTALL)
_SUM_END = re.compile(r"[^\S\n](?:[Ss][Uu][Mm][Mm][Aa]|[Tt][Oo][Tt][Aa][Ll][Tt]?)[^\S\n]*\n")
# The first cell of a row that sums up the list above it, in Swedish or English.
_TOTAL_WORD = re.compile(
    r"(?:summa|s:a|totalt?|totalsumma|summa totalt|sum|grand total|totals?|Σ)\s*:?",
    re.IGNORECASE,
)
# A label of a row that sums up the list, among its first few cells beside a count in the
# key's column: a sum word alone or before more words ("Summa bidrag", "Antal projekt: 2").
_TOTAL_LABEL = re.compile(
    r"(?:summa|s:a|totalt?|totals|totalsumma|sum|grand\s+total|antal|Σ)(?:[\s:].*)?",
    re.IGNORECASE | re.DOTALL,
)
_TOTAL_LABEL_CELLS = 3
# The start of a note under a list: its source, a remark, when it was taken out.
_NOTE_WORDS = (
    r"(?:källa|källor|not|noter|fotnot|anm|anmärkning|anmärkningar|obs|kommentar|kommentarer"
    r"|uppdaterad|senast uppdaterad|uttag|uttaget|source|sources|note|notes)"
)
# A note in words of its own: a sentence of several words ending in a full stop or "…".
_SENTENCE = re.compile(r"\S+(?:\s+\S+){2,}[.…]", re.DOTALL)
# A note's first word is followed by a colon or a full stop ("Källa: SCB", "Obs. …"), or
# says when it was taken ("Uppdaterad 2024-05-02", "Uppdaterad av handläggaren"): "Source
# One Nordic" or "Kommentar Media AB" alone in a row is a name, the last record's.
_NOTE_START = re.compile(
    rf"\*|{_NOTE_WORDS}\s*[:.]|(?:senast\suppdaterad|uppdaterad|uttag|uttaget)\b"
    # What only a note about the list begins with: who made it, where it comes from, what
    # its amounts are.
    r"|(?:sammanställ(?:t|d|da)\sav|framtag(?:en|et|na)\sav|hämta(?:t|d|de)\s(?:från|ur)"
    r"|uppgifterna\s(?:är|kommer|avser)|alla\sbelopp|compiled\sby|all\samounts"
    r"|data\s(?:from|source))\b",
    re.IGNORECASE,
)
_NOTE_WORD = re.compile(rf"{_NOTE_WORDS}\.?\s*:?", re.IGNORECASE)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# UTF-8 bytes of å ä ö Å Ä Ö é read as Windows-1252/Latin-1: the mark of double encoding.
_MOJIBAKE = re.compile("Ã[¥¤¶…„–©]")
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Older Excel for Mac saves CSV in Mac OS Roman: å ä ö Å are 0x8C 0x8A 0x9A 0x81 there, which
# Windows-1252 reads as Œ Š š and none (Ö and Ä are its … and €). Read as Windows-1252, "Örebro
# läns" was stored as "…rebro lŠns" without a word. A file holding those bytes and not one of
# Windows-1252's own å ä ö Å Ä Ö is Mac OS Roman.
_MAC_ROMAN_LETTERS = (0x8C, 0x8A, 0x9A, 0x81)
_CP1252_LETTERS = (0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6)
MAC_ROMAN = "mac-roman"


def _is_mac_roman(data: bytes) -> bool:
    """Whether a file that is not UTF-8 is Mac OS Roman rather than Windows-1252: two of its
    letters or more, and none of Windows-1252's (a name or two with Š is no Swedish text)."""
    mac = sum(data.count(bytes((byte,))) for byte in _MAC_ROMAN_LETTERS)
    return mac >= 2 and not any(bytes((byte,)) in data for byte in _CP1252_LETTERS)


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name of a whole file; raises ReadError when it cannot be decided."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise _encoding_error(encoding, exc) from exc
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        undefined = sorted(byte for byte in _CP1252_UNDEFINED if bytes((byte,)) in data)
        if _is_mac_roman(data):
            text, encoding = data.decode("mac_roman"), MAC_ROMAN
        elif undefined:
            raise ReadError(
                Problem(
                    "encoding-error",
                    msg("read.not_utf8_or_cp1252", byte=f"0x{undefined[0]:02X}"),
                )
            ) from None
        else:
            text, encoding = data.decode("cp1252"), "windows-1252"
    _refuse_nul(text, "\x00")
    if match := _MOJIBAKE.search(text):
        line = text.count("\n", 0, match.start()) + 1
        raise ReadError(
            Problem(
                "encoding-error",
                msg("read.double_encoded", text=match.group(), line=line),
                row=line,
            )
        )
    return text, encoding


def _refuse_nul(text: str, written: str) -> None:
    """Refuse a text holding a NUL character (0x00, `written` as the file writes it), naming
    its line: no cell means one (a damaged file has them, and a UTF-16 file without its byte
    order mark reads as UTF-8 with one after every letter), SQLite would keep it unseen in
    the store and PostgreSQL refuses to, at the commit, naming no row.
    """
    position = text.find(written)
    if position >= 0:
        line = text.count("\n", 0, position) + 1
        raise ReadError(Problem("encoding-error", msg("read.nul", line=line)))


def _encoding_error(encoding: str, exc: UnicodeDecodeError) -> ReadError:
    return ReadError(
        Problem(
            "encoding-error",
            msg("read.invalid_characters", encoding=encoding, byte=exc.start),
        )
    )


# "|" as some finance and case-management systems export.
_DELIMITERS = (";", ",", "\t", "|")


def _sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the most of the first lines into one same number of fields,
    two or more, the larger number on a tie (`;` when none splits any line). Counted over
    all of them, not from the first: a title above the header ("Projektlista, version 3")
    split at its comma and made every line below one field."""
    best, best_score = ";", (0, 0)
    for delimiter in _DELIMITERS:
        widths = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter))
        score = max(((lines, width) for width, lines in widths.items() if width > 1), default=None)
        if score is not None and score > best_score:
            best, best_score = delimiter, score
    return best


def _first_lines(text: str, count: int) -> list[str]:
    """`text.splitlines()[:count]` without splitting the whole of a large file: cut after the
    count-th line feed (a line ends there whatever else splitlines also ends lines at)."""
    end = -1
    for _line in range(count):
        end = text.find("\n", end + 1)
        if end < 0:
            return text.splitlines()[:count]
    return text[: end + 1].splitlines()[:count]


def read_csv(text: str, name: str) -> RawTable:
    """A CSV table: `sep=` line honoured, otherwise `;` `,` tab or `|` sniffed from the first
    lines; a header over two lines read as one (`RawTable.with_sub_headers`)."""
    return _csv_table(text, name).with_sub_headers()


def _csv_table(text: str, name: str) -> RawTable:
    """A CSV table as its lines are, its first line the header (`read_csv`)."""
    # csv refuses a field over 128 KB by default; any field of a file within the upload limit
    # is read (the limit is process-wide, and every caller wants the same).
    csv.field_size_limit(config.UPLOAD_LIMIT_BYTES)
    # Rows are named as a spreadsheet shows them, the header on row 1; `skipped` is the file's
    # lines above the header, which only a file line (a quote never closed, as a text editor
    # shows it) counts.
    header_line, skipped = 1, 0
    first_newline = text.find("\n")
    first = text[: first_newline if first_newline >= 0 else len(text)].strip()
    delimiter = None
    if first.lower().startswith("sep=") and len(first) == 5:
        # Excel's hint, which it reads and hides: the header is on its row 1. Counted as
        # row 1, it named every problem a row lower than the one the user sees.
        delimiter = first[4]
        text = text[first_newline + 1 :] if first_newline >= 0 else ""
        skipped = 1
    if delimiter is None:
        delimiter = _sniff_delimiter(_first_lines(text, 20))
    if '"' not in text and (table := _read_plain_csv(text, name, delimiter, header_line)):
        return table
    if '"' in text and (table := _read_quoted_csv(text, name, delimiter, header_line)):
        table.source = text
        return table
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise ReadError(Problem("format-error", msg("read.empty_file")))
        header_end = reader.line_num
        rows: list[list[object]] = list(reader)
    except csv.Error as exc:
        line = reader.line_num + skipped
        raise ReadError(
            Problem("format-error", msg("read.csv_unreadable", line=line), row=line)
        ) from exc
    if header_end == 1 and reader.line_num == 1 + len(rows):
        # One line per record, the common case: row i is on line header_line + 1 + i.
        _check_quotes_closed(text, delimiter, header, rows, skipped + 1 + len(rows))
        return RawTable.from_rows(
            name, header, rows, header_line=header_line, delimiter=delimiter, source=text
        )
    # Some record has quoted line breaks. A spreadsheet shows each record on a row of its
    # own, the breaks inside its cell, so a record's row is still the header's + 1 + its
    # index (a problem named "row 5" for what Excel and Google Sheets show on row 3 was not
    # found). Only a quote never closed is named by the file line it opens on, where it is
    # in a text editor: read again noting the line where each record starts. csv counts
    # lines from the first line it saw, so shift past a `sep=` line.
    if '"' in text:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        next(reader)
        start = skipped + 1
        for _row in reader:
            start = skipped + 1 + header_end
            header_end = reader.line_num
        _check_quotes_closed(text, delimiter, header, rows, start)
    source = text if '"' in text else ""
    return RawTable.from_rows(
        name, header, rows, header_line=header_line, delimiter=delimiter, source=source
    )


def _quoted_cells(text: str, delimiter: str) -> list[frozenset[int]]:
    """The positions of the quoted cells of each record of a CSV's `text`, the header first
    (a record over several lines, a quoted line break in it, is one)."""
    cell = re.compile(
        rf'[ \t]*"(?:[^"]|"")*"[^{re.escape(delimiter)}\r\n]*|[^{re.escape(delimiter)}\r\n]*'
    )
    records: list[frozenset[int]] = []
    quoted: set[int] = set()
    at, position, end = 0, 0, len(text)
    while True:
        found = cell.match(text, at)
        if found[0].lstrip(" \t").startswith('"'):
            quoted.add(position)
        at = found.end()
        if at < end and text[at] == delimiter:
            at, position = at + 1, position + 1
            continue
        records.append(frozenset(quoted))
        quoted, position = set(), 0
        if at >= end:
            return records
        at += 2 if text.startswith("\r\n", at) else 1


def _check_quotes_closed(
    text: str, delimiter: str, header: list[str], rows: list[list[object]], line: int
) -> None:
    """ReadError when the file ends inside a quoted cell: a quote opened and never closed
    took the rest of the file into one cell of the last record (at `line`), which then read
    as a row too short, and every row after it as missing. Only a strict reading tells: the
    lenient one the file is read with takes the end of the file as the cell's end."""
    if not rows or '"' not in text:
        return
    strict = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for _row in strict:
            pass
    except csv.Error as exc:
        # CPython's words for exactly this (an error other than it, such as text after a
        # closing quote, which the lenient reading keeps, says nothing of the end).
        if "unexpected end of data" not in str(exc):
            return
        position = len(rows[-1]) - 1
        column = header[position] if position < len(header) else None
        raise ReadError(
            Problem(
                "format-error",
                msg("read.csv_unclosed_quote", line=line),
                row=line,
                column=column,
            )
        ) from exc


def _pandas_cells(text: str, delimiter: str, *, quoted: bool) -> pd.DataFrame | None:
    """Every cell of a CSV as text, by pandas' C tokenizer (several times faster than `csv`):
    quotes honoured (doubled inside a cell) when `quoted`, taken as ordinary characters
    otherwise. None when pandas cannot tokenize it (a row longer than the first, no data).
    """
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=object,
            na_filter=False,
            skip_blank_lines=False,
            quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE,
            doublequote=True,
            engine="c",
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError):
        return None


def _frame_table(
    name: str,
    frame: pd.DataFrame,
    header_line: int,
    delimiter: str,
    lengths: np.ndarray | None = None,
) -> RawTable:
    """The RawTable of a frame whose first row is the header."""
    return RawTable(
        name,
        frame.iloc[0].tolist(),
        [frame[position].to_numpy()[1:] for position in range(frame.shape[1])],
        lengths=lengths,
        header_line=header_line,
        delimiter=delimiter,
    )


def _read_plain_csv(text: str, name: str, delimiter: str, header_line: int) -> RawTable | None:
    """A CSV without quotes read by pandas' C tokenizer.

    Without a quote character every line is one record and every delimiter splits two cells,
    so counting delimiters gives each row's cell count (pandas pads short rows silently).
    None when that does not hold after all (a lone CR as line end, a row longer than the
    header): then the `csv` module reads the file.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) < 2:
        return None
    frame = _pandas_cells(text, delimiter, quoted=False)
    if frame is None or len(frame) != len(lines):
        return None
    lengths = 1 + np.fromiter(
        map(methodcaller("count", delimiter), lines[1:]), dtype=np.intp, count=len(lines) - 1
    )
    for index in np.flatnonzero(lengths == 1):  # one cell, or a blank line with none
        if not lines[index + 1].strip("\r"):
            lengths[index] = 0
    # A row longer than the header made pandas fail above, so every row fits the header.
    width = frame.shape[1]
    return _frame_table(
        name, frame, header_line, delimiter, lengths=None if (lengths == width).all() else lengths
    )


def _read_quoted_csv(text: str, name: str, delimiter: str, header_line: int) -> RawTable | None:
    """A CSV with quoted cells read by pandas' C tokenizer when it is the common kind: every
    record on one line and as many cells as the header (a project file quotes "3; 9" in its
    goals column). None otherwise (a quoted line break, a short or long row): then the `csv`
    module reads it, and says where what is wrong is. The two read such files alike (quotes,
    doubled quotes, quotes inside a cell, CRLF).
    """
    lines = text.count("\n") + (not text.endswith("\n"))
    frame = _pandas_cells(text, delimiter, quoted=True)
    # A record over several lines, or a line that is no record of the header's width (a lone
    # CR ends lines for pandas, or a short row left a NaN), is for the careful reader.
    if frame is None or len(frame) != lines or len(frame) < 2 or frame.isna().to_numpy().any():
        return None
    return _frame_table(name, frame, header_line, delimiter)


# --- Excel workbooks, checked before they are opened ---------------------------------------
# A workbook is a zip of XML: a few KB on disk can claim gigabytes unpacked, or place one cell
# at XFD1048576 so that a reader builds a grid of 17 billion cells (calamine aborts the process,
# openpyxl took 2.2 GB). So the zip's sizes and the sheet's real extent are checked first, in
# memory bounded by one chunk, and calamine only ever sees a workbook that fits.

# Unpacked XML is about ten times its zip; eight uploads' worth is more than any real sheet.
XLSX_MAX_UNPACKED_BYTES = 8 * config.UPLOAD_LIMIT_BYTES
# Spreadsheet XML deflates 5-30 times; zip bombs a thousand. Small parts may exceed it freely.
XLSX_MAX_RATIO = 100
_RATIO_FROM_BYTES = 1024 * 1024
# Cells of the grid read (rows x columns from A1): 250 000 rows of 20 columns. Each costs
# about 100 bytes in calamine and Python together, so the grid stays near 500 MB at most.
XLSX_MAX_CELLS = 5_000_000
_CHUNK = 4 * 1024 * 1024

_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_DIMENSION = re.compile(
    rb"<(?:[\w.-]+:)?dimension\s+ref=[\"'](?:[A-Z]+[0-9]+:)?([A-Z]{1,3})([0-9]{1,7})"
)
# Any cell or row tag, prefixed or not, with any attributes, for the careful reading.
_TAG = re.compile(rb"<(?:[\w.-]+:)?(c|row)(?=[\s/>])([^>]*)>")
_R_ATTRIBUTE = re.compile(rb"""\sr\s*=\s*["']([A-Z]*)([0-9]+)["']""")
# A row or column a sheet hides (`<row r="7" hidden="1">`, `<col min="3" max="4" hidden="1"/>`):
# Excel saves rows its filter leaves out so too.
_HIDING_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|col)(\s[^>]*)>")
_HIDDEN = re.compile(rb"""\shidden\s*=\s*["'](?:1|true)["']""")
_COLUMN_SPAN = re.compile(rb"""\s(min|max)\s*=\s*["']([0-9]{1,7})["']""")
# The columns a sheet can have (Excel's XFD): a crafted span is cut there.
MAX_COLUMNS = 16_384


@dataclass
class HiddenCells:
    """The rows and columns a workbook's sheet hides, from 0 (sheet row 1 is row 0): a row
    a filter leaves out, a column of old figures. They are read like the rest, which the
    person who hid them may not expect (`sheet_table` says so)."""

    rows: set[int] = field(default_factory=set)
    columns: set[int] = field(default_factory=set)

    def hide_columns(self, first: int, last: int) -> None:
        """Columns `first` to `last` (from 0) hidden, within the columns a sheet can have."""
        self.columns.update(range(max(first, 0), min(last + 1, MAX_COLUMNS)))


def _note_hidden(piece: bytes, hidden: HiddenCells) -> None:
    """Note in `hidden` the hidden rows and columns tagged in `piece` (looked at only when
    it says "hidden" at all)."""
    if b"hidden" not in piece:
        return
    for match in _HIDING_TAG.finditer(piece):
        if not _HIDDEN.search(match[2]):
            continue
        if match[1] == b"row":
            if place := _R_ATTRIBUTE.search(match[2]):
                hidden.rows.add(int(place[2]) - 1)
        else:
            span = dict(_COLUMN_SPAN.findall(match[2]))
            if b"min" in span:
                first = int(span[b"min"])
                hidden.hide_columns(first - 1, int(span.get(b"max", first)) - 1)


# A cell element (not a self-closing empty one), its attributes and its content; in it a
# formula and the value saved with it. Excel, LibreOffice and Google Sheets save each
# formula's result beside it; a file written by a program may hold the formula alone
# (`<f>D2*2</f><v />`), which is then read as an empty cell.
_CELL = re.compile(rb"<(?:[\w.-]+:)?c(?=[\s>])([^>]*)(?<!/)>(.*?)</(?:[\w.-]+:)?c>", re.DOTALL)
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f(?=[\s/>])[^>]*?(?:/>|>(.*?)</(?:[\w.-]+:)?f>)", re.DOTALL)
_SAVED_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>[^<]")
# What is carried from one piece to the next while looking for a cell's end: a sheet whose
# cells are longer than that is not looked at further (the warning is a courtesy).
_CARRY_LIMIT = 1 << 20


# A formula cell without a saved result: its reference ("D3"), its sheet row, its formula.
_Unsaved = tuple[str, int | None, str]


def _watch_formulas(pieces: Iterator[bytes], unsaved: list[_Unsaved]) -> Iterator[bytes]:
    """`pieces` as they are, noting in `unsaved` each formula cell without a saved result.
    Looked at only in pieces that hold a formula."""
    carry = b""
    for piece in pieces:
        yield piece
        text = carry + piece
        carry = b""
        if b"<f" not in text and b":f" not in text:
            continue
        end = 0
        for cell in _CELL.finditer(text):
            end = cell.end()
            formula = _FORMULA.search(cell[2])
            if formula is None or _SAVED_VALUE.search(cell[2]):
                continue
            place = _R_ATTRIBUTE.search(cell[1])
            reference = (place[1] + place[2]).decode() if place else ""
            row = int(place[2]) if place else None
            unsaved.append((reference, row, (formula[1] or b"").decode("utf-8", "replace")))
        if len(text) - end <= _CARRY_LIMIT:
            carry = text[end:]


def workbook_error(error: str, key: str, **values: object) -> ReadError:
    """A workbook that cannot be read: catalogue text `key` with `values`."""
    return ReadError(Problem(error, msg(key, **values)))


def _column_number(letters: bytes) -> int:
    """1 for A, 27 for AA, 16384 for XFD."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _check_sizes(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook whose parts would unpack to too much (source-error)."""
    total = sum(info.file_size for info in archive.infolist())
    if total > XLSX_MAX_UNPACKED_BYTES:
        raise workbook_error(
            "source-error",
            "read.xlsx_too_large",
            size=total // config.MEGABYTE,
            limit=XLSX_MAX_UNPACKED_BYTES // config.MEGABYTE,
        )
    for info in archive.infolist():
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FROM_BYTES and ratio > XLSX_MAX_RATIO:
            raise workbook_error(
                "source-error", "read.xlsx_ratio", part=info.filename, ratio=f"{ratio:.0f}"
            )


def inflate(data: bytes, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's bytes in chunks, never more than its declared size.

    zipfile stops at the declared size, but calamine would inflate whatever the stream holds:
    a part that inflates past its declared size is refused here, before calamine sees it.
    """
    name_length, extra_length = struct.unpack_from("<26xHH", data, info.header_offset)
    start = info.header_offset + 30 + name_length + extra_length
    raw = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise _broken(info)
        for position in range(0, len(raw), _CHUNK):
            yield bytes(raw[position : position + _CHUNK])
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise _broken(info)
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    left = info.file_size
    try:
        for position in range(0, len(raw), _CHUNK):
            pending = bytes(raw[position : position + _CHUNK])
            while pending:
                piece = inflater.decompress(pending, _CHUNK)
                pending = inflater.unconsumed_tail
                left -= len(piece)
                if left < 0:
                    raise _broken(info)
                yield piece
    except zlib.error:
        raise _broken(info) from None
    if left or not inflater.eof:
        raise _broken(info)


def _broken(info: zipfile.ZipInfo) -> ReadError:
    return workbook_error("format-error", "read.xlsx_broken", part=info.filename)


# The workbook and its relationships: a few KB even with hundreds of sheets.
_MAX_INDEX_BYTES = 4 * 1024 * 1024


def small_xml(archive: zipfile.ZipFile, part: str) -> ElementTree.Element:
    """A small XML part parsed (KeyError if absent, ParseError if it is no plain small XML).

    OOXML never declares a DOCTYPE, so one is refused with its entities unexpanded.
    """
    if archive.getinfo(part).file_size > _MAX_INDEX_BYTES:
        raise ElementTree.ParseError(f"{part} is too large")
    content = archive.read(part)
    if b"<!DOCTYPE" in content:
        raise ElementTree.ParseError(f"{part} declares a DOCTYPE")
    return ElementTree.fromstring(content)


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id -> part name, from the `_rels` file of `part` ("" for the package)."""
    folder, _slash, base = part.rpartition("/")
    rels = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    try:
        root = small_xml(archive, rels)
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {}
    for relationship in root:
        target = relationship.get("Target", "")
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        targets[relationship.get("Id", "")] = posixpath.normpath(path)
    return targets


@dataclass(frozen=True)
class Sheet:
    """A workbook's sheet as its index lists it, before any of its cells is read."""

    name: str
    part: str  # the sheet's XML inside the zip
    visible: bool


def _workbook_part(archive: zipfile.ZipFile) -> str:
    """The workbook's own XML part, as the package names it."""
    package = _relationships(archive, "")
    return next((path for path in package.values() if path.endswith(".xml")), "xl/workbook.xml")


def _sheets(archive: zipfile.ZipFile) -> tuple[list[Sheet], int]:
    """The workbook's sheets in tab order and the index of the active tab."""
    workbook_part = _workbook_part(archive)
    try:
        root = small_xml(archive, workbook_part)
    except (KeyError, ElementTree.ParseError) as exc:
        # Another zip under a workbook's name, or one whose workbook part is broken: the
        # library's words ("There is no item named ...") would reach a Swedish reader.
        raise workbook_error("format-error", "read.xlsx_no_workbook") from exc
    parts = _relationships(archive, workbook_part)
    sheets, active = [], 0
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "workbookView" and element.get("activeTab", "").isdigit():
            active = int(element.get("activeTab", "0"))
        elif tag == "sheet":
            sheets.append(
                Sheet(
                    element.get("name", ""),
                    parts.get(element.get(_REL_NS, ""), ""),
                    element.get("state", "visible") == "visible",
                )
            )
    return sheets, active


def choose_sheet(sheets: list[Sheet], active: int, wanted: str | None) -> Sheet:
    """The named sheet, else the active one if visible, else the first visible one."""
    visible = [sheet for sheet in sheets if sheet.visible]
    if wanted is not None:
        for sheet in sheets:
            if sheet.name == wanted:
                return sheet
        raise workbook_error(
            "format-error",
            "read.xlsx_no_such_sheet",
            sheet=wanted,
            sheets=listing([quoted(sheet.name) for sheet in visible]),
        )
    if 0 <= active < len(sheets) and sheets[active].visible:
        return sheets[active]
    if not visible:
        raise workbook_error("format-error", "read.xlsx_no_visible_sheet")
    return visible[0]


def _sheet_data(
    chunks: Iterator[bytes], sheet: str, hidden: HiddenCells | None = None
) -> Iterator[bytes]:
    """The `<sheetData>` of a sheet's XML in pieces that end between tags; with `hidden`,
    its hidden rows and columns noted there as they pass.

    The head before it is read for the declared `<dimension>`, so a sheet that says it is too
    large is refused before a single row is scanned, and for its columns (`<cols>`).
    """
    tail, inside = b"", False
    for chunk in chunks:
        buffer = tail + chunk
        cut = buffer.rfind(b"<")
        cut = len(buffer) if cut <= 0 else cut
        piece, tail = buffer[:cut], buffer[cut:]
        if not inside:
            opening = piece.find(b"<sheetData")
            head = piece if opening < 0 else piece[:opening]
            if dimension := _DIMENSION.search(head):
                check_extent(sheet, int(dimension[2]), _column_number(dimension[1]))
            if hidden is not None:
                _note_hidden(head, hidden)
            if opening < 0:
                tail = piece[-200:] + tail  # a <dimension or <sheetData split by the cut
                continue
            inside, piece = True, piece[opening:]
        closing = piece.find(b"</sheetData")
        piece = piece if closing < 0 else piece[:closing]
        if hidden is not None:
            _note_hidden(piece, hidden)
        yield piece
        if closing >= 0:
            return
    if inside and tail:
        if hidden is not None:
            _note_hidden(tail, hidden)
        yield tail


def check_extent(sheet: str, rows: int, columns: int) -> None:
    """Refuse (source-error, naming the far corner) a sheet whose grid from A1 to row `rows`
    and column `columns` holds more cells than are read."""
    if rows * columns > XLSX_MAX_CELLS:
        letters = _column_letters(columns)
        raise ReadError(
            Problem(
                "source-error",
                msg(
                    "read.xlsx_extent",
                    sheet=sheet,
                    rows=rows,
                    letters=letters,
                    columns=columns,
                    count=XLSX_MAX_CELLS,
                ),
                row=rows,
                column=letters,
            )
        )


def _starting(array: np.ndarray, positions: np.ndarray, text: bytes) -> np.ndarray:
    """Which of `positions` in `array` start `text`."""
    found = np.ones(len(positions), dtype=bool)
    for offset, byte in enumerate(text):
        found &= array[positions + offset] == byte
    return found


def _numbers(array: np.ndarray, positions: np.ndarray) -> np.ndarray | None:
    """The whole numbers of up to 7 digits written at `positions` and closed by a quote;
    None if any is not.
    """
    value = np.zeros(len(positions), dtype=np.int64)
    length = np.zeros(len(positions), dtype=np.int64)
    for offset in range(7):
        byte = array[positions + offset]
        digit = (byte >= ord("0")) & (byte <= ord("9")) & (length == offset)
        value = np.where(digit, value * 10 + byte - ord("0"), value)
        length += digit
    if not ((length > 0) & (array[positions + length] == ord('"'))).all():
        return None
    return value


def _explicit_extent(pieces: Iterator[bytes]) -> tuple[int, int] | None:
    """Last row and column of cells and rows that all name their place first (`<row r="7">`,
    `<c r="B7"`), as Excel writes; None if any does not (then each tag must be walked).

    A cell's own reference places it, whatever its row says, so both are read. Done with
    numpy over the bytes: a Python step per cell would take longer than reading the sheet.
    """
    rows = columns = 0
    for piece in pieces:
        if b":c" in piece or b":row" in piece:  # a namespace prefix: walk it
            return None
        array = np.frombuffer(piece + bytes(32), dtype=np.uint8)
        tags = np.flatnonzero(array == ord("<"))
        cells = tags[array[tags + 1] == ord("c")]
        row_tags = tags[_starting(array, tags, b"<row")]
        if not (
            _starting(array, cells, b'<c r="').all()
            and _starting(array, row_tags, b'<row r="').all()
        ):
            return None
        letters = cells + len(b'<c r="')
        column = np.zeros(len(cells), dtype=np.int64)
        width = np.zeros(len(cells), dtype=np.int64)
        for offset in range(3):  # A to XFD
            byte = array[letters + offset]
            letter = (byte >= ord("A")) & (byte <= ord("Z")) & (width == offset)
            column = np.where(letter, column * 26 + byte - (ord("A") - 1), column)
            width += letter
        cell_rows = _numbers(array, letters + width)
        row_numbers = _numbers(array, row_tags + len(b'<row r="'))
        if cell_rows is None or row_numbers is None or not width.all():
            return None
        columns = max(columns, int(column.max(initial=0)))
        rows = max(rows, int(cell_rows.max(initial=0)), int(row_numbers.max(initial=0)))
    return rows, columns


def _walked_extent(pieces: Iterator[bytes]) -> tuple[int, int]:
    """Last row and column, walking every row and cell tag: one without `r` follows the last."""
    row = column = rows = columns = 0
    for piece in pieces:
        for match in _TAG.finditer(piece):
            place = _R_ATTRIBUTE.search(match[2])
            if match[1] == b"c":
                if place and place[1]:
                    column, row = _column_number(place[1]), int(place[2])
                else:
                    column += 1
                columns = max(columns, column)
            else:
                row, column = (int(place[2]) if place else row + 1), 0
            rows = max(rows, row)
    return rows, columns


# How `shown_as` says a date is shown as its month alone, "mar-27" for the 2027-03-01 kept,
# or as its year alone, "2027".
MONTH = "month"
YEAR = "year"
# Excel's built-in number formats that show a number as something else than it is kept, in
# .xlsx and .xls alike: in per cent ("0%", "0.00%") and a date as its month ("mmm-yy"). A
# workbook's own formats say theirs in their format code.
BUILT_IN_SHOWN = {9: v.PER_CENT, 10: v.PER_CENT, 17: MONTH}
# The pieces of a number format code that are not the number's digits: quoted text, an
# escaped character, a currency and its locale (`[$€-x-euro1]`, `[$-41D]`: none); and those
# that show nothing of their own: a colour or a condition in brackets, the width of a
# character left blank (`_)`, `_€`), a character repeated to fill the cell (`* `).
_FORMAT_PIECE = re.compile(
    r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|\[\$(?P<currency>[^\]-]*)[^\]]*\]|\[[^\]]*\]|[_*].',
    re.DOTALL,
)


def shown_as(code: str) -> str | None:
    """What a number format code shows its number as besides a number: `MONTH` for a date
    shown without its day, `YEAR` for one shown as its year (`_date_part_shown`), `values.PER_CENT`
    for a % sign outside quoted text and escapes (Excel keeps 4,6 % as 0.046), else the
    currency other than kronor it names ('#,##0 [$€-x-euro1]', '#,##0 "EUR"', '[$USD] 0':
    "€", "EUR", "USD"), else the kronor unit the kept number is in when the format shows it
    otherwise than in kronor (`_kronor_shown`); None for a number shown as it is kept, or in
    kronor ('# ##0 kr', '[$SEK] 0'). A % sign quoted or escaped (`"%" 0`) is text beside the
    number as kept."""
    written: list[str] = []  # quoted text and escaped characters
    currencies: list[str] = []  # `[$EUR]`, `[$zł-415]`: a currency, whatever its symbol

    def set_aside(piece: re.Match[str]) -> str:
        written.append(piece["quoted"] or piece["escaped"] or "")
        if piece["currency"] and not v.is_kronor(piece["currency"]):
            currencies.append(piece["currency"])
        return " "

    bare = _FORMAT_PIECE.sub(set_aside, code)
    if (part := _date_part_shown(code, bare)) is not None:
        return part
    if "%" in bare:
        return v.PER_CENT
    foreign = next(chain(currencies, filter(None, map(v.foreign_currency, (*written, bare)))), None)
    return foreign or _kronor_shown(code)


# Elapsed time, `[h]:mm` or `[mm]:ss`: a duration, no date.
_ELAPSED = re.compile(r"\[(?:h+|m+|s+)\]", re.IGNORECASE)


def _date_part_shown(code: str, bare: str) -> str | None:
    """`MONTH` when a format code (`bare`: without its text and brackets, `shown_as`) shows a
    date as its month without a day ("mmm-yy", "mmmm yyyy", "[$-41D]mmmm yyyy"), `YEAR` when
    as its year alone ("yyyy"), else None. Swedish Excel keeps "mar 2027" typed into a cell
    as 2027-03-01 shown "mar-27": read as the date kept, an end date was a month early (a
    year shown "2027", eleven months), where the same "mar-27" or "2027" in a CSV is the
    month's or year's last day. An m is a month where no hour or second is near it (`h:mm`,
    `mm:ss`: minutes), so a format with a day, an hour or a second, elapsed time or a digit
    placeholder is none."""
    letters = bare.split(";", 1)[0].lower()
    if any(char in letters for char in "dhs0#?@") or _ELAPSED.search(code):
        return None
    if "m" in letters:
        return MONTH
    return YEAR if "y" in letters else None


# The unit that makes a kept number kronor, by the kronor one kept unit is (`shown_unit`).
_KRONOR_KEPT_IN = {
    Decimal("0.01"): "öre",
    Decimal(1): "kr",
    Decimal(1_000): "tkr",
    Decimal(1_000_000): "MSEK",
}
# Excel's scaling commas: after the last digit placeholder, each divides the number shown by
# 1 000 (`#,##0,` shows 1 234 567 as "1 235", `0.0,,` as "1.2").
_SCALING_COMMAS = re.compile(r"[0#?](,+)[^0#?]*$")


def _kronor_shown(code: str) -> str | None:
    """The unit (`shown_unit`) `code`'s first section shows a number in: its quoted and
    escaped text, and the thousands its scaling commas divide the number by."""
    section = re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', code)[0]  # a ; outside quotes
    written = "".join(
        piece["quoted"] or piece["escaped"] or "" for piece in _FORMAT_PIECE.finditer(section)
    )
    scaling = _SCALING_COMMAS.search(_FORMAT_PIECE.sub(" ", section))
    return shown_unit(written, 1_000 ** len(scaling[1]) if scaling else 1)


def shown_unit(written: str, scale: int) -> str | None:
    """The unit a number is kept in when a sheet shows it divided by `scale`, `written` text
    beside it: a currency other than kronor that text names ("EUR", "€"), else the kronor
    unit ("kr", "tkr", "MSEK") when it is shown otherwise than in kronor as kept, else None.
    Excel's format codes (`_kronor_shown`) and OpenDocument's number styles (`ods`) alike.

    `# ##0 "tkr"` shows 1 234 as "1 234 tkr": read as kept, thousands were stored as kronor.
    `#,##0,` shows the 1 234 567 kronor kept as "1 235" under a header that says "(tkr)":
    read as kept under it, the amount was a thousand times too large. Said with its unit,
    "1234 tkr" and "1234567 kr", the cell is read as it means, whatever its header says. A
    format in kronor as kept (`# ##0 kr`, Excel's currency format) is None: set on figures
    in tkr, the header's unit ("Belopp (tkr)") says what they are."""
    if foreign := v.foreign_currency(written):
        return foreign
    unit = v.money_unit(written) if written.strip() else 1
    if unit is None:
        return None  # text that is no kronor unit: "st", "projekt"
    if unit == 1:  # no unit, or kronor: the number kept is kronor, scaled or not
        return None if scale == 1 else "kr"
    return _KRONOR_KEPT_IN.get(Decimal(unit) / scale)


def _shown_styles(archive: zipfile.ZipFile, workbook_part: str) -> dict[int, str]:
    """The cell styles (indexes into styles.xml's cellXfs) whose number format shows a number
    as something else than it is kept (`shown_as`), and what: Excel keeps 4,6 % as 0.046 and
    250 000 € as 250000, and says only through the cell's style how it is shown."""
    part = next(
        (
            path
            for path in _relationships(archive, workbook_part).values()
            if path.endswith("styles.xml")
        ),
        "xl/styles.xml",
    )
    try:
        root = small_xml(archive, part)
    except (KeyError, ElementTree.ParseError):
        return {}  # no styles, or none readable: every number as it is kept
    shown = {str(number): how for number, how in BUILT_IN_SHOWN.items()}
    styles: list[str] = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "numFmt":
            if (how := shown_as(element.get("formatCode", ""))) is not None:
                shown[element.get("numFmtId", "")] = how
        elif tag == "cellXfs":
            styles = [xf.get("numFmtId", "0") for xf in element if xf.tag.endswith("xf")]
    return {index: shown[number] for index, number in enumerate(styles) if number in shown}


# A cell's opening tag (its attributes); its reference and style are read from them.
_CELL_OPEN = re.compile(rb"<(?:[\w.-]+:)?c(\s[^>]*)>")
_S_ATTRIBUTE = re.compile(rb"""\ss\s*=\s*["']([0-9]+)["']""")
_T_ATTRIBUTE = re.compile(rb"""\st\s*=\s*["']([a-z]+)["']""")


def _shown_cells(pieces: Iterator[bytes], styles: dict[int, str]) -> dict[tuple[int, int], str]:
    """(row, column), from 0, of each number cell of a style of `styles` (`_shown_styles`),
    and how it is shown; only pieces naming one of those styles are looked into."""
    tokens = [f"s={quote}{style}{quote}".encode() for style in styles for quote in "\"'"]
    found: dict[tuple[int, int], str] = {}
    carry = b""
    for piece in pieces:
        text = carry + piece
        carry = text[-200:]  # a tag cut between two pieces is whole in the next look
        if not any(token in text for token in tokens):
            continue
        for cell in _CELL_OPEN.finditer(text):
            style, kind = _S_ATTRIBUTE.search(cell[1]), _T_ATTRIBUTE.search(cell[1])
            place = _R_ATTRIBUTE.search(cell[1])
            if style and int(style[1]) in styles and place and (kind is None or kind[1] == b"n"):
                found[(int(place[2]) - 1, _column_number(place[1]) - 1)] = styles[int(style[1])]
    return found


@dataclass(frozen=True)
class _Checked:
    """What reading a sheet needs to know beside its cells (`_checked_sheet`)."""

    name: str
    unsaved: list[_Unsaved]  # formula cells without a saved result
    # Number cells shown in per cent, another currency or as a month, (row, column) from 0: how
    # (`shown_as`).
    shown: dict[tuple[int, int], str]
    hidden: HiddenCells  # rows and columns the sheet hides
    # The Excel tables (ListObjects) the sheet defines, each as its range from 0:
    # (top, left, bottom, right), inclusive (`_sheet_tables`).
    tables: list[tuple[int, int, int, int]] = field(default_factory=list)


def opened_workbook(data: bytes) -> zipfile.ZipFile:
    """A workbook's zip (Excel's or OpenDocument's), once its parts are known to unpack
    within bounds (`_check_sizes`); ReadError if it cannot be opened or would not fit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        # The zip library's words ("File is not a zip file") would reach a Swedish reader.
        raise workbook_error("format-error", "read.workbook_damaged") from exc
    try:
        _check_sizes(archive)
    except ReadError:
        archive.close()
        raise
    return archive


def _checked_sheet(data: bytes, wanted: str | None) -> _Checked:
    """The sheet to read, once the workbook is known to fit (ReadError if not): its name,
    its formula cells without a saved result (`_watch_formulas`) and its number cells shown
    in per cent or another currency (`_shown_cells`)."""
    with opened_workbook(data) as archive:
        sheets, active = _sheets(archive)
        sheet = choose_sheet(sheets, active, wanted)
        try:
            info = archive.getinfo(sheet.part)
        except KeyError:
            raise workbook_error(
                "format-error", "read.xlsx_sheet_missing", sheet=sheet.name
            ) from None
        unsaved: list[_Unsaved] = []
        hidden = HiddenCells()
        pieces = _watch_formulas(_sheet_data(inflate(data, info), sheet.name, hidden), unsaved)
        extent = _explicit_extent(pieces)
        if extent is None:  # walked from the start (`hidden` is a set: noted once)
            unsaved.clear()
            pieces = _watch_formulas(_sheet_data(inflate(data, info), sheet.name, hidden), unsaved)
            extent = _walked_extent(pieces)
        check_extent(sheet.name, *extent)
        styles = _shown_styles(archive, _workbook_part(archive))
        shown = _shown_cells(inflate(data, info), styles) if styles else {}
        tables = _sheet_tables(archive, sheet.part)
    return _Checked(sheet.name, unsaved, shown, hidden, tables)


_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7}):\$?([A-Z]{1,3})\$?([0-9]{1,7})")


def _sheet_tables(archive: zipfile.ZipFile, part: str) -> list[tuple[int, int, int, int]]:
    """The ranges of the Excel tables (Insert > Table, kept in `xl/tables/*.xml`) the sheet
    at `part` defines, each (top, left, bottom, right) from 0; [] where it defines none or a
    part cannot be read (the sheet is then read by its cells alone)."""
    tables = []
    for target in _relationships(archive, part).values():
        if "/tables/" not in f"/{target}":
            continue
        try:
            ref = small_xml(archive, target).get("ref", "")
        except (KeyError, ElementTree.ParseError, ReadError):
            continue
        if found := _RANGE.fullmatch(ref.strip()):
            left, top, right, bottom = found.groups()
            tables.append(
                (
                    int(top) - 1,
                    _column_number(left.encode()) - 1,
                    int(bottom) - 1,
                    _column_number(right.encode()) - 1,
                )
            )
    return sorted(tables)


def _all_sheets(data: bytes, filename: str) -> list[Sheet]:
    """The sheets of an Excel workbook (.xlsx, .xls) or OpenDocument spreadsheet in tab order,
    hidden ones too; [] for any other file, or for a workbook that cannot be opened (reading
    it says why)."""
    if _is_ods(data, filename):
        from arena.ingest.ods import ods_sheets

        return ods_sheets(data)
    if data.startswith(OLD_OFFICE):
        from arena.ingest.xls import is_xls, xls_sheets

        if is_xls(data):
            return xls_sheets(data)
    if not _is_workbook(data, filename):
        return []
    try:
        with opened_workbook(data) as archive:
            sheets, _active = _sheets(archive)
    except ReadError:
        return []
    return sheets


def workbook_sheets(data: bytes, filename: str) -> list[str]:
    """The visible sheets of a workbook in tab order (`_all_sheets`): those read."""
    return [sheet.name for sheet in _all_sheets(data, filename) if sheet.visible]


def hidden_sheets(data: bytes, filename: str) -> list[str]:
    """The hidden sheets of a workbook in tab order: not read, and said so."""
    return [sheet.name for sheet in _all_sheets(data, filename) if not sheet.visible]


def header_text(cell: object) -> str:
    """A header cell as text: Excel keeps a year heading (2024) as the number 2024.0."""
    return str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell)


def _header_row(rows: list[list[object]]) -> int | None:
    """Excel sheets often start with a title and blank rows: the header is the first row with
    two or more cells filled (a title fills one), else the first row with anything.
    """
    first_filled = None
    for index, row in enumerate(rows):
        filled = sum(cell != "" for cell in row)
        if filled > 1:
            return index
        if filled and first_filled is None:
            first_filled = index
    return first_filled


def as_shown(rows: list[list[object]], cells: dict[tuple[int, int], str]) -> None:
    """Each number of `cells` as the sheet shows it (`shown_as`): "4,6 %" for the 0.046
    Excel keeps, "250000 €" for a 250000 shown in euro, "2027-03" for a date shown "mar-27".
    Read as kept, a per cent indicator's value was a hundred times too small, euro were
    stored as kronor and a month as its first day, all silently. A share column reads
    "4,6 %" as 0.046 all the same; a money column refuses either, as it refuses them typed in
    a CSV; a date column reads the month as it reads "mar-27" in a CSV (an end date: its
    last day)."""
    for (row, column), how in cells.items():
        if row < len(rows) and column < len(rows[row]):
            value = rows[row][column]
            if how in (MONTH, YEAR):
                if isinstance(value, date):
                    rows[row][column] = month_text(value) if how == MONTH else str(value.year)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                rows[row][column] = (
                    per_cent_text(value) if how == v.PER_CENT else amount_text(value, how)
                )


def month_text(value: date) -> str:
    """A date shown without its day as the month it shows, as the date parsers read a month:
    2027-03-01 -> "2027-03"."""
    return f"{value.year:04d}-{value.month:02d}"


def amount_text(value: float, currency: str) -> str:
    """An amount as a sheet shows it in `currency`, its decimals after a comma: 250000.0 in
    euro -> "250000 €", 12.5 -> "12,5 €"."""
    number = Decimal(repr(float(value))).normalize()
    return f"{number:f} {currency}".replace(".", ",")


def per_cent_text(value: float) -> str:
    """A fraction as a sheet shows it in per cent: 0.046 -> "4,6 %"."""
    points = (Decimal(repr(float(value))) * 100).normalize()
    return f"{points:f} %".replace(".", ",")


MergedRange = tuple[tuple[int, int], tuple[int, int]]  # (top row, left column), (bottom, right)


def _fill_merged(
    rows: list[list[object]], ranges: list[MergedRange], *, below: int
) -> list[MergedRange]:
    """Give each cell of a column's merged range under the header row (index `below`) the
    value Excel shows in it, which the file keeps in the range's first cell only: a list
    grouped by programme, one merged cell over its projects, means that programme on each of
    their rows (read as it is, the rows below the first had none, silently). Ranges over
    several columns are left as they are (a sum's label merged across). The ranges filled.
    """
    filled = []
    # Ranges of a sheet never overlap, so they cover at most every cell once; a crafted file's
    # overlapping ones stop there (the work stays bounded by the sheet's checked extent).
    budget = len(rows) * len(rows[0]) if rows else 0
    for (top, left), (bottom, right) in sorted(ranges):
        if top <= below or top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        if value == "":
            continue
        if left != right:
            # A unit merged across the amount columns in the row of units under the header
            # ("tkr" over 2031 and 2032) is each one's, as Excel shows it over them; so is
            # one two rows down under a header over two rows (`Budget` over `2027 | 2028`),
            # every column under it headed on the row between.
            if (
                top == bottom
                and (
                    top == below + 1
                    or (top == below + 2 and _under_sub_headers(rows[below + 1], left, right))
                )
                and v.row_unit(str(value)) is not None
            ):
                for column in range(left + 1, min(right, len(rows[top]) - 1) + 1):
                    rows[top][column] = value
            continue
        below_first = rows[top + 1 : bottom + 1]
        budget -= len(below_first)
        if budget < 0:
            break
        for row in below_first:
            row[left] = value
        filled.append(((top, left), (bottom, right)))
    return filled


# How many columns past the sheet's grid a header merged over them is followed.
_MERGED_REACH = 16


def _under_sub_headers(row: list[object], left: int, right: int) -> bool:
    """Whether every column from `left` to `right` has a cell on `row`, the second row of a
    header over two (`2027 | 2028` under `Budget`), so a unit merged over them on the row
    under it is the row of units of those columns.

    Why: "tkr" merged over both years under a header over two rows was kept in 2027 only,
    and the file refused as a row of units leaving 2028 blank."""
    return right < len(row) and all(_filled(row[column]) for column in range(left, right + 1))


def read_xlsx(data: bytes, name: str, sheet: str | None = None) -> RawTable:
    """The named sheet of a workbook, else its active sheet (or first visible one); cells keep
    Excel's types. Checked first (`_checked_sheet`), read with calamine (fast, in Rust).
    """
    from python_calamine import CalamineError, CalamineWorkbook

    checked = _checked_sheet(data, sheet)
    title, unsaved = checked.name, checked.unsaved
    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as workbook:
            worksheet = workbook.get_sheet_by_name(title)
            # From A1, so a row's index is its sheet row - 1 whatever lies above the data.
            all_rows = worksheet.to_python(skip_empty_area=False)
            merged = worksheet.merged_cell_ranges or []
    except (CalamineError, ValueError, OSError) as exc:
        # What calamine says ("Cannot detect file format") is in its English and no help:
        # what the reader can do is the same for every damage.
        raise workbook_error("format-error", "read.workbook_damaged") from exc
    as_shown(all_rows, checked.shown)
    return sheet_table(
        all_rows,
        merged,
        name=name,
        sheet=title,
        unsaved=unsaved,
        hidden=checked.hidden,
        tables=checked.tables,
    )


def sheet_table(
    all_rows: list[list[object]],
    merged: list[MergedRange],
    *,
    name: str,
    sheet: str,
    unsaved: Sequence[_Unsaved] = (),
    hidden: HiddenCells | None = None,
    tables: Sequence[tuple[int, int, int, int]] = (),
) -> RawTable:
    """A workbook sheet's table from its grid of cells from A1 (`all_rows`, as calamine
    gives it) and its merged ranges: the header found under any title, merged cells filled
    down their column, trailing empty rows dropped, each named in a warning, as are the rows
    and columns of the table the sheet hides (`hidden`); another table beside the list (one
    of the sheet's Excel tables, `tables`, or one past an empty column) is not read, and
    named in a warning (`_list_columns`)."""
    # Every number is a double, as Excel keeps it: the values module reads 2017.0 as 2017.
    start = _header_row(all_rows)
    if start is None:
        raise ReadError(Problem("format-error", msg("read.empty_sheet")))
    filled = _fill_merged(all_rows, merged, below=start)
    # A header merged over columns empty from it down (`Period` over a start and an end
    # column no row fills) heads them, though the sheet's grid ends before them: the rows
    # from the header down run on over them (a few; a crafted range over thousands is not).
    header_row = all_rows[start]
    spans = [(left, right) for (top, left), (bottom, right) in merged if top <= start <= bottom]
    reach = max(
        (right + 1 for left, right in spans if left < len(header_row) and header_row[left] != ""),
        default=0,
    )
    if len(header_row) < reach <= len(header_row) + _MERGED_REACH:
        all_rows = [
            [*row, *[""] * (reach - len(row))] if index >= start else row
            for index, row in enumerate(all_rows)
        ]
    (left, right), beside, joined = _list_columns(all_rows, start, tables, merged)
    if beside or left:
        all_rows = [
            [*([""] * min(left, len(row))), *row[left:right]] if index >= start else row
            for index, row in enumerate(all_rows)
        ]
    header = [header_text(cell) for cell in all_rows[start]]
    rows = all_rows[start + 1 :]
    # Trailing empty rows are Excel's formatting residue, not data.
    while rows and all(cell == "" for cell in rows[-1]):
        rows.pop()
    # The title rows above the header are not read, but a unit they name is (`titles`).
    titles = [
        " ".join(header_text(cell).strip() for cell in row if cell != "")
        for row in all_rows[:start]
    ]
    table = RawTable.from_rows(
        f"{name}:{sheet}",
        header,
        rows,
        header_line=start + 1,
        titles=[title for title in titles if title],
    ).with_sub_headers(spans)
    if hidden is not None:
        table.problems.extend(_hidden_problems(all_rows, start, len(rows), header, hidden))
    table.problems.extend(
        Problem("format-error", msg(key, cells=cells), row=start + 1, severity="warning")
        for key, ranges in (("read.another_table", beside), ("read.past_spacer", joined))
        for cells in ranges
    )
    if filled:  # said once, with the first range, so the person can check what it meant
        (top, left), (bottom, _right) = filled[0]
        letters = _column_letters(left + 1)
        table.problems.append(
            Problem(
                "format-error",
                msg(
                    "read.xlsx_merged",
                    count=len(filled),
                    cells=f"{letters}{top + 1}:{letters}{bottom + 1}",
                    value=shortened(str(all_rows[top][left])),
                ),
                row=top + 1,
                severity="warning",
            )
        )
    if unsaved:  # read as empty cells: said once, with the first of them (its cell named)
        reference, row, formula = unsaved[0]
        table.problems.append(
            Problem(
                "format-error",
                msg(
                    "read.xlsx_unsaved_formulas",
                    count=len(unsaved),
                    cell=reference,
                    formula=shortened(formula),
                ),
                row=row,
                value=f"={formula}",
                severity="warning",
            )
        )
    return table


def _list_columns(
    all_rows: list[list[object]],
    start: int,
    tables: Sequence[tuple[int, int, int, int]],
    merged: Sequence[MergedRange] = (),
) -> tuple[tuple[int, int], list[str], list[str]]:
    """The columns of the list whose header is row `start` of the sheet, as (first, past
    the last), from 0, the ranges of the other tables beside it ("N5:O7"), which are not
    read, and those of the blocks past a spacer column read as the list's ("G1:H4": a
    warning names them, as they may be a table of their own). Where the sheet defines Excel
    tables (`tables`), the list begins at the left edge of the one holding its first header
    and runs on over the columns typed right beside it up to the first empty column or the
    left edge of another table that shares a row with it; every such other table, or what
    lies past that empty column, is beside it. Else the list runs over the sheet's columns,
    and a block past a column empty from the header down (a header merged over it, as
    `merged` says, heads it) is another table when it ends on another row than the list,
    or holds a header no kind reads or one the list has already; else the empty column is
    a spacer and the block is the list's (one ending above the list's last row too: the
    newest rows not filled in yet).

    Why: a small table beside the list (`Sektor | Antal projekt`, after one empty column)
    was read as columns of the list: its cells became the projects' sectors, a longer one
    added rows refused for their key, a header it shares was a column twice. And cutting
    the list at its first empty column lost the columns a hand-kept sheet has past a
    spacer, past a header merged over two cells, or typed beside the list's Excel table
    narrower than it (status, dates and coordinator stored as nothing).
    """
    header = all_rows[start]
    width = max(map(len, all_rows[start:]), default=0)
    first = next((position for position, cell in enumerate(header) if cell != ""), 0)
    below = all_rows[start:]

    def empty(position: int) -> bool:
        return all(position >= len(row) or row[position] == "" for row in below)

    def last_row(columns: Sequence[int]) -> int:
        return max(
            (
                index
                for index, row in enumerate(below)
                if any(column < len(row) and row[column] != "" for column in columns)
            ),
            default=0,
        )

    def past(column: int) -> list[str]:
        """The range of what the sheet holds from `column` on, if anything: another table."""
        used = [position for position in range(column, width) if not empty(position)]
        return [_range_text(start, used[0], start + last_row(used), used[-1])] if used else []

    holding = [table for table in tables if table[0] == start and table[1] <= first <= table[3]]
    if holding:
        top, left, bottom, right = holding[0]
        beside = [
            table
            for table in tables
            if table != holding[0] and table[0] <= bottom and table[2] >= top
        ]
        edges = [table[1] for table in beside if table[1] > right]
        end = right + 1
        while end < min([width, *edges]) and not empty(end):
            end += 1
        # Past the list's table and what is typed beside it, after an empty column, is
        # another table whether or not Excel knows it as one.
        others = [_range_text(*table) for table in beside]
        return (left, end), others or past(end), []

    covered = {
        column
        for (top, left), (bottom, right) in merged
        if top <= start <= bottom and left < right
        for column in range(left + 1, right + 1)
    }

    def headed(position: int) -> bool:
        return (position < len(header) and header[position] != "") or position in covered

    joined: list[str] = []  # blocks past a spacer read as the list's
    for position in range(first + 1, width):
        if headed(position) or not empty(position):
            continue
        later = [column for column in range(position + 1, width) if headed(column)]
        if not later:
            break
        gap = next((column for column in range(later[0], width) if empty(column)), width)
        block = [column for column in range(later[0], gap) if not empty(column)]
        names = [
            " ".join(header_text(header[column]).split()).casefold()
            for column in range(first, position)
            if column < len(header) and header[column] != ""
        ]
        # Ending on the list's last row or above it: its newest rows not filled in yet.
        spacer = last_row(block) <= last_row(range(first, position)) and all(
            column in covered
            or (
                known_header(header[column])
                and " ".join(header_text(header[column]).split()).casefold() not in names
            )
            for column in block
            if column < len(header)
        )
        if spacer:
            joined.append(_range_text(start, block[0], start + last_row(block), block[-1]))
            continue
        return (0, position), past(later[0]), joined
    return (0, width), [], joined


def _range_text(top: int, left: int, bottom: int, right: int) -> str:
    """A range of cells from 0 as Excel writes it: "N5:O7"."""
    return f"{_column_letters(left + 1)}{top + 1}:{_column_letters(right + 1)}{bottom + 1}"


def _hidden_problems(
    all_rows: list[list[object]], start: int, count: int, header: list[str], hidden: HiddenCells
) -> list[Problem]:
    """Warnings for the table's rows with content (the `count` under the header row `start`)
    and its columns with a header that the sheet hides: read like the others, they may be
    rows a filter left out or old figures the person did not mean to send."""
    problems = []
    rows = sorted(
        row
        for row in hidden.rows
        if start < row <= start + count and any(cell != "" for cell in all_rows[row])
    )
    if rows:
        problems.append(
            Problem(
                "format-error",
                msg("read.hidden_rows", count=len(rows), rows=_spans([row + 1 for row in rows])),
                row=rows[0] + 1,
                severity="warning",
            )
        )
    # A column without a header is not read (and said so), hidden or not.
    columns = [c for c in sorted(hidden.columns) if c < len(header) and header[c]]
    if columns:
        named = [
            msg(
                "read.hidden_column",
                column=_column_letters(column + 1),
                name=quoted(header[column]),
            )
            for column in columns
        ]
        problems.append(
            Problem(
                "format-error",
                msg("read.hidden_columns", count=len(columns), columns=listing(named)),
                row=start + 1,
                severity="warning",
            )
        )
    return problems


# Runs of row numbers named in a message before the rest is left to "…".
_SPANS_SHOWN = 5


def _spans(numbers: list[int]) -> str:
    """Sorted row numbers as runs: "5, 9–12, 20", the first few, then "…"."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    shown = [f"{first}" if first == last else f"{first}–{last}" for first, last in spans]
    return ", ".join(shown[:_SPANS_SHOWN]) + (", …" if len(shown) > _SPANS_SHOWN else "")


# 360Giving's JSON (a package: {"grants": [...]}) names its fields in camel case and nests
# the organisations, dates and programme in lists; its CSV, which the 360Giving layout reads,
# titles them "Recipient Org:Identifier" and so on. A grant is flattened to those titles (of
# each list its first entry, as the standard's own flattening does for these columns).
_GIVING_FIELDS = {
    "id": "Identifier",
    "title": "Title",
    "description": "Description",
    "currency": "Currency",
    "amountAwarded": "Amount Awarded",
    "awardDate": "Award Date",
    "amountDisbursed": "Amount Disbursed",
}
_GIVING_NESTED = {
    "recipientOrganization": {"id": "Recipient Org:Identifier", "name": "Recipient Org:Name"},
    "fundingOrganization": {"id": "Funding Org:Identifier", "name": "Funding Org:Name"},
    "plannedDates": {"startDate": "Planned Dates:Start Date", "endDate": "Planned Dates:End Date"},
    "grantProgramme": {"title": "Grant Programme:Title"},
}


def _giving_row(grant: dict) -> dict:
    """One grant of a 360Giving JSON package under its CSV titles; a field of its own that is
    no list or object (a "Diarienummer" a publisher adds) is kept under its name."""
    row: dict = {}
    for name, value in grant.items():
        if name in _GIVING_FIELDS:
            row[_GIVING_FIELDS[name]] = value
        elif name in _GIVING_NESTED:
            first = value[0] if isinstance(value, list) and value else value
            if isinstance(first, dict):
                row |= {
                    title: first[key] for key, title in _GIVING_NESTED[name].items() if key in first
                }
        elif not isinstance(value, dict | list):
            row[name] = value
    return row


def _records_of(document: dict) -> list:
    """The records of a JSON object: the grants of a 360Giving package, flattened; the one
    list of objects it holds beside other values (an API's {"data": [...], "total": 2});
    else the object itself, as one record."""
    grants = document.get("grants")
    if isinstance(grants, list) and grants and all(isinstance(g, dict) for g in grants):
        return [_giving_row(grant) for grant in grants]
    lists = [
        value
        for value in document.values()
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value)
    ]
    return lists[0] if len(lists) == 1 else [document]


def _json_value(text: str, line: int = 0) -> object:
    """The JSON value `text` holds; a ReadError naming the line (`line` + its own) if none."""
    try:
        return json.loads(text)
    except RecursionError:
        # Python's parser recurses per level; thousands of nested [ or { exhaust the stack.
        raise ReadError(Problem("format-error", msg("read.json_too_deep"))) from None
    except json.JSONDecodeError as exc:
        where = line + exc.lineno
        raise ReadError(
            Problem(
                "format-error",
                msg("read.json_unreadable", line=where, reason=exc.msg),
                row=where,
            )
        ) from exc


def _json_lines(text: str) -> tuple[list[object], list[int]]:
    """The values of a JSON Lines file, one per line (databases and APIs export so), and the
    line of each: blank lines are passed over, and a record's problems name its line."""
    numbered = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    values = [_json_value(line, number - 1) for number, line in numbered]
    return values, [number for number, _line in numbered]


def read_json(text: str, name: str) -> RawTable:
    """A JSON list of flat objects (Vinnova open data), or a JSON Lines file of them: the
    union of keys is the header."""
    _refuse_nul(text, "\\u0000")
    lines: list[int] | None = None  # JSON Lines: each record's line
    records: object
    if _suffix(name) in _JSON_LINES_SUFFIXES:
        records, lines = _json_lines(text)
    else:
        try:
            records = _json_value(text)
        except ReadError:
            # More than one value: JSON Lines named .json, if its first line is a record.
            first = text.lstrip().split("\n", 1)[0]
            try:
                one_record = isinstance(json.loads(first), dict)
            except (json.JSONDecodeError, RecursionError):
                one_record = False
            if not one_record or first.strip() == text.strip():
                raise
            records, lines = _json_lines(text)
    if isinstance(records, dict):
        records = _records_of(records)
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ReadError(Problem("format-error", msg("read.json_not_a_list")))
    header = list(dict.fromkeys(key for record in records for key in record))
    rows = [
        ["" if record.get(key) is None else record.get(key) for key in header] for record in records
    ]
    # Row numbers for JSON are the record's position (1 = first object), its line for JSON Lines.
    return RawTable.from_rows(name, header, rows, header_line=0, row_lines=lines)


def check_size(size: int) -> None:
    """Refuse a file larger than the upload limit (source-error): reading it would take too
    long and too much memory, and the web page refuses it too.
    """
    if size > config.UPLOAD_LIMIT_BYTES:
        # Rounded up: a file a byte over the limit is "51 MB", never "50 MB; at most 50 MB".
        megabytes = -(-size // config.MEGABYTE)
        raise ReadError(
            Problem(
                "source-error",
                msg("read.too_large", size=megabytes, limit=config.UPLOAD_LIMIT_MB),
            )
        )


_WORKBOOK_SUFFIXES = frozenset({"xlsx", "xlsm"})
_JSON_LINES_SUFFIXES = frozenset({"jsonl", "ndjson"})


def _suffix(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


# How files that are no text begin: a zip archive (an Excel workbook, an OpenDocument
# spreadsheet, a Word document), an old Office file (.xls, .doc) and a PDF.
_ZIP, OLD_OFFICE, _PDF = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-"
# A workbook saved with a password is no zip but an old Office container holding the
# encrypted workbook as a stream of this name (MS-OFFCRYPTO), its name stored in UTF-16.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# An OpenDocument file names its type first, uncompressed, in its `mimetype` member.
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _is_workbook(data: bytes, filename: str) -> bool:
    """An Excel workbook by what it holds whatever its name: a workbook saved or renamed as
    .csv is read as the workbook it is, and a list saved as text under a workbook's name as
    the text it is (`read_file`). Every workbook is a zip."""
    if not data.startswith(_ZIP):
        return False
    if _suffix(filename) in _WORKBOOK_SUFFIXES:
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def _is_ods(data: bytes, filename: str) -> bool:
    """An OpenDocument spreadsheet: a zip named .ods, or one that says it is whatever its name."""
    return data.startswith(_ZIP) and (_suffix(filename) == "ods" or _ODS_MIMETYPE in data[:100])


def _refuse_binary(data: bytes) -> None:
    """Refuse, saying what it is, a file that is no table we read: read as text it would only
    be called "neither UTF-8 nor Windows-1252"."""
    if data.startswith(OLD_OFFICE) and _ENCRYPTED_PACKAGE in data:
        raise ReadError(Problem("format-error", msg("read.encrypted")))
    if data.startswith(OLD_OFFICE):  # an old Office file holding no workbook (`xls.is_xls`)
        raise ReadError(Problem("format-error", msg("read.old_office")))
    if data.startswith(_ZIP):
        raise ReadError(Problem("format-error", msg("read.archive")))
    if data.startswith(_PDF):
        raise ReadError(Problem("format-error", msg("read.pdf")))


def read_file(data: bytes, filename: str, *, sheet: str | None = None) -> RawTable:
    """Read an uploaded file (CSV/TXT/TSV, XLSX, XLS, ODS, JSON) within the limit: a workbook
    by what it holds whatever its name (every workbook is a zip or, an old one, an Office
    container), any other file as text, as JSON by its extension or its first character,
    else as CSV."""
    check_size(len(data))
    if _is_workbook(data, filename):
        return read_xlsx(data, filename, sheet)
    if _is_ods(data, filename):
        from arena.ingest.ods import read_ods  # it reads with this module's checks

        return read_ods(data, filename, sheet)
    if data.startswith(OLD_OFFICE):
        from arena.ingest.xls import is_xls, read_xls  # it reads with this module's checks

        if is_xls(data):
            return read_xls(data, filename, sheet)
    suffix = _suffix(filename)
    _refuse_binary(data)
    try:
        text, encoding = decode(data)
    except ReadError:
        if suffix in _WORKBOOK_SUFFIXES | {"ods", "xls"}:  # neither a workbook nor text: remains
            raise workbook_error("format-error", "read.workbook_damaged") from None
        raise
    if text.lstrip().startswith("<"):
        # A web page or XML under a list's name: systems that "export to Excel" often write
        # an HTML table named .xls, which Excel opens. Read as CSV it was a riddle of tags.
        raise ReadError(Problem("format-error", msg("read.markup")))
    if suffix == "json" or suffix in _JSON_LINES_SUFFIXES or text.lstrip().startswith(("[", "{")):
        table = read_json(text, filename)
    else:
        table = read_csv(text, filename)
    if encoding == MAC_ROMAN:  # said, so the person can check the letters in the preview
        table.problems.append(Problem("encoding-error", msg("read.mac_roman"), severity="warning"))
    if sheet is not None:
        # A sheet named for a text file was passed over without a word: the person may have
        # meant another file, a workbook with that sheet.
        note = msg("read.sheet_of_text", sheet=quoted(sheet))
        table.problems.append(Problem("format-error", note, severity="warning"))
    return table
