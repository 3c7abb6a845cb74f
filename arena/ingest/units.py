"""Units a list writes beside its amounts rather than in their header: a row of units under
the headers (`tkr` under "Belopp", `ÅÅÅÅ-MM-DD` under a date), as hand-kept sheets have, and
a column of each row's unit (`Enhet`: tkr, MSEK) or currency (`Valuta`: SEK, EUR).

Why: the row of units was refused as a record whose date "ÅÅÅÅ-MM-DD" is no date, and a
column of units or currencies was "not read", so 1 500 beside `tkr` was stored as 1 500 kr
and 250 000 beside `EUR` as 250 000 kr, each with a warning that said nothing of it.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np

from arena.i18n import msg
from arena.ingest import values as v
from arena.ingest.kinds import KINDS, Kind
from arena.ingest.read import RawTable
from arena.ingest.report import Problem, listing, quoted, unit_contradicted
from arena.ingest.validate import match_headers

# A date's format as a units row writes it: "ÅÅÅÅ-MM-DD", "YYYY-MM", "DD/MM/YYYY".
_DATE_PART = r"(?:[åy]{2,4}|m{1,2}|d{1,2})"
_DATE_FORMAT = re.compile(rf"{_DATE_PART}(?:[-/. ]?{_DATE_PART}){{1,2}}", re.IGNORECASE)
# The headers (normalised) of a column of each row's currency (its unit's: `names_units`).
_CURRENCY_HEADERS = frozenset({"valuta", "currency", "valutakod"})


def read_units(name: str, raw: RawTable) -> RawTable:
    """`raw` read as kind `name` with a row of units under its headers (`_units_row`) and
    columns of units or currencies (`_unit_columns`) read; a layout's table (a 360Giving
    file reads its own Currency) as it is, and one of years as columns with its `Enhet`
    column only (its units row is read with the years, `wide`): `Program;Enhet;2024;2025`
    over `BG-2017;tkr;1 500;2 000` was stored in kronor, its tkr "not read"."""
    kind = KINDS.get(name)
    if kind is None:
        return raw
    if raw.cell_labels:
        return _unit_columns(kind, raw)
    return _unit_columns(kind, _units_row(kind, raw))


def _money(kind: Kind, raw: RawTable) -> list[int]:
    """The positions of `raw`'s columns that `kind` reads as amounts in kronor."""
    return [
        p for p, column in match_headers(kind, raw.header).items() if column.type.name == "money"
    ]


def _units_row(kind: Kind, raw: RawTable) -> RawTable:
    """`raw` without its first row when that row holds units only: a money unit under a
    money column, which reads the column in it as its header's "(tkr)" would, or a date's
    format; a warning says the row was read as units. Else `raw` as it is."""
    if not raw.height or not raw.columns or any(str(cell).strip() for cell in raw.extra.get(0, [])):
        return raw
    first = {
        p: str(column[0]).strip() for p, column in enumerate(raw.columns) if str(column[0]).strip()
    }
    money = set(_money(kind, raw))
    units = {p: unit for p, cell in first.items() if p in money and (unit := v.row_unit(cell))}
    dates = {p for p, cell in first.items() if _DATE_FORMAT.fullmatch(cell)}
    # The row's own label, "Enhet" under the first column, is no cell of a record.
    labels = {p for p, cell in first.items() if p not in units and v.names_units(cell)}
    if (not units and not dates) or set(units) | dates | labels != set(first):
        return raw
    header = list(raw.header)
    refused = []
    for position, unit in units.items():
        text = str(header[position])
        own = v.header_unit(text)  # one the header names too must be the same
        refused += unit_contradicted(raw.label(position), own, unit, raw.line_of(0))
        if v.money_unit(unit) != 1 and own is None:
            header[position] = f"{v.without_note(text) or text} ({unit})"
    note = Problem(
        "format-error",
        msg(
            "import.units_row",
            line=raw.line_of(0),
            units=listing(
                [
                    msg("import.unit_under", unit=quoted(cell), label=quoted(raw.label(p)))
                    for p, cell in sorted(first.items())
                ]
            ),
        ),
        row=raw.line_of(0),
        severity="warning",
    )
    read = raw.below_first_row(header, note, shown=raw.shown or list(raw.header))
    read.problems.extend(refused)
    return read


def _unit_columns(kind: Kind, raw: RawTable) -> RawTable:
    """`raw` with each column the kind does not read headed as a currency (`Valuta`) or a
    money unit (`Enhet`) read beside the amounts, then left out (`_without_column`): a row
    in another currency than kronor is refused; a row's unit is its amount's, as "1 500
    tkr" written in the cell is, said in a warning. An `Enhet` column of anything but money
    units (a department) is none, and stays unread; so is one beside no amount, or beside
    two of one column (refused as a duplicate): every kind has one money column."""
    money = _money(kind, raw)
    if len(money) != 1:
        return raw
    mapping = match_headers(kind, raw.header)
    for position in reversed(range(len(raw.header))):
        key = v.normalise_label(str(raw.header[position]))
        if position in mapping or not (key in _CURRENCY_HEADERS or v.names_units(key)):
            continue
        cells = [str(cell).strip() for cell in raw.columns[position]]
        if key in _CURRENCY_HEADERS:
            raw = _without_column(raw, position, _currency_problems(raw, position, cells))
        elif all(not cell or v.money_unit(cell) is not None for cell in cells):
            raw = _read_unit_column(raw, position, money[0], cells)
    return raw


def _currency_problems(raw: RawTable, position: int, cells: list[str]) -> list[Problem]:
    """An error for each row whose currency (`cells`) is another than kronor: its amounts
    would be stored as that many kronor."""
    label = raw.label(position)
    return [
        Problem(
            v.CONSTRAINT_ERROR,
            msg("import.currency_column", value=cell, label=label),
            row=raw.line_of(index),
            column=label,
            value=cell,
        )
        for index, cell in enumerate(cells)
        if cell and not v.is_kronor(cell)
    ]


def _read_unit_column(raw: RawTable, position: int, amounts: int, cells: list[str]) -> RawTable:
    """`raw` with the unit of each row (`cells`, column `position`) after the bare number in
    its money column `amounts`, and that column left out."""
    read = [
        cell if not unit else v.with_unit(cell, unit)
        for cell, unit in zip(raw.columns[amounts], cells, strict=True)
    ]
    label = raw.label(position)
    note = Problem(
        "format-error",
        msg("import.unit_column", label=label, column=quoted(raw.label(amounts))),
        row=raw.header_line or None,
        column=label,
        severity="warning",
    )
    columns = [read if p == amounts else cells for p, cells in enumerate(raw.columns)]
    return _without_column(dataclasses.replace(raw, columns=columns, _cells={}), position, [note])


def _without_column(raw: RawTable, position: int, problems: list[Problem]) -> RawTable:
    """`raw` without column `position` (read, so never said to be unread), and `problems`."""
    lengths = raw.lengths
    if lengths is not None:
        lengths = np.where(lengths > position, lengths - 1, lengths)

    def others(items: list) -> list:
        return items[:position] + items[position + 1 :]

    return dataclasses.replace(
        raw,
        header=others(list(raw.header)),
        columns=others(list(raw.columns)),
        shown=None if raw.shown is None else others(list(raw.shown)),
        lengths=lengths,
        problems=[*raw.problems, *problems],
        # The file's own header of each cell (years as columns) stays with its column.
        cell_labels={
            p - (p > position): labels for p, labels in raw.cell_labels.items() if p != position
        },
        _cells={},
    )
