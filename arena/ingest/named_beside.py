"""What the store says about the indicators a list of values names beside its codes (the
Project page's download, `layouts.indicator_names`): their names are those of the codes beside
them, and their units are not the list's to change.

Why: with only the code of a row changed (PROJECT_SUPPLIERS_DIALOGUE to the stored
PROJECT_CO2_REDUCTION), the row's names and unit were read as that indicator's: the import
renamed PROJECT_CO2_REDUCTION after the suppliers indicator and changed its unit from
"ton CO2e" to "antal", relabelling every other project's values. With a mistyped code a second
indicator of the stored one's names was added.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
from sqlalchemy.engine import Connection

from arena.i18n import TEXTS, Message, msg
from arena.ingest.kinds import KINDS
from arena.ingest.names import fold_name
from arena.ingest.natural import natural_frame
from arena.ingest.report import Problem
from arena.ingest.validate import ParsedTable

_NAMES = ("name_sv", "name_en")


def named_beside_problems(conn: Connection, table: ParsedTable) -> list[Problem]:
    """The refusals of `table`'s rows (indicators read beside a list's values): a name that is
    another stored indicator's than the one its code names (or, for a new code, a stored
    indicator's: the code meant is likely that one), and a unit other than the stored one of
    the indicator its code names, which every project's values of it are in."""
    stored = natural_frame(conn, KINDS["indicators"]).set_index("code")
    owners: dict[str, set[str]] = defaultdict(set)
    for code, row in stored.iterrows():
        for name in _NAMES:
            if row[name] is not None:
                owners[fold_name(row[name])].add(str(code))
    problems = []
    for line, row in table.frame.iterrows():
        if pd.isna(row["code"]):  # a blank code is refused as such
            continue
        code = str(row["code"])
        for name in _NAMES:
            if name in table.frame.columns and not pd.isna(row[name]):
                problems += _named_otherwise(table, (line, code, name, row[name]), owners, stored)
        if "unit" in table.frame.columns and code in stored.index:
            problems += _unit_changed(table, (line, code, row["unit"]), stored.at[code, "unit"])
    return problems


def _named_otherwise(
    table: ParsedTable,
    cell: tuple[object, str, str, object],
    owners: dict[str, set[str]],
    stored: pd.DataFrame,
) -> list[Problem]:
    """The refusal of the name `cell` (line, code, column, name) where it is another stored
    indicator's name and not the code's own; [] otherwise."""
    line, code, column, value = cell
    holders = owners.get(fold_name(value), set())
    if not holders or code in holders:
        return []
    other = min(holders)
    key = (
        "problem.indicator_named_otherwise"
        if code in stored.index
        else "problem.new_indicator_named"
    )
    said = msg(
        key,
        code=code,
        code_label=table.label("code"),
        label=table.label(column),
        value=value,
        other=other,
    )
    return [_problem(table, line, column, value, said)]


def _unit_changed(
    table: ParsedTable, cell: tuple[object, str, object], unit: object
) -> list[Problem]:
    """The refusal of the unit `cell` (line, code, unit) where it is not the stored `unit` of
    the indicator its code names; [] where it is or is blank."""
    line, code, value = cell
    if pd.isna(value) or value == unit:
        return []
    said = msg(
        "problem.indicator_unit_beside_values",
        code=code,
        label=table.label("unit"),
        value=_unit(value),
        stored=_unit(unit),
    )
    return [_problem(table, line, "unit", value, said)]


def _unit(unit: object) -> Message | str:
    """A unit inside a sentence as the pages show it: "number" for "antal" in English."""
    key = f"results.unit.{unit}"
    return msg(key) if key in TEXTS else str(unit)


def _problem(
    table: ParsedTable, line: object, column: str, value: object, said: Message
) -> Problem:
    """The refusal `said` of the cell at `line` and `column` of `table`, holding `value`."""
    return Problem(
        "constraint-error",
        said,
        row=int(line),
        column=table.label(column),
        value=str(value),
        table=table.kind.name,
    )
