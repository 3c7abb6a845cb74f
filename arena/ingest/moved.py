"""New rows of a list keyed by several columns that look like stored rows with one key cell
edited: added beside the stored row, which stays, and said.

A project's indicator values downloaded, one row's `Land` edited from Norge to Sverige and
imported back added Sweden's value and kept Norway's without a word: an import removes
nothing it is not given. Here a new row that differs from a stored row the file does not
hold in exactly one key column, and in nothing else the file gives, is named with the
column, the old and the new value. A list that only adds rows (this year's values, a
ledger's next payment of the same amount), the same file twice or a filtered download
imported back says nothing: its new rows are not a stored row with one key cell changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy.engine import Connection

from arena.i18n import Message, msg
from arena.ingest.kinds import Kind
from arena.ingest.natural import key_columns, matching_rows, named_key_ids, table_columns
from arena.ingest.report import Problem, kind_name, listing, quoted
from arena.ingest.validate import ParsedTable

if TYPE_CHECKING:  # the plan calls this module: imported at run time, a cycle
    from arena.ingest.plan import KindPlan

_NAMED = 5  # the rows a warning names; its count says how many there are in all


def moved_problems(
    conn: Connection, plans: list[KindPlan], uploaded: dict[str, ParsedTable]
) -> list[Problem]:
    """One warning per list of a kind keyed by several columns whose new rows look moved
    (`_moved_rows`): how many, the first few with the changed column by the file's header,
    the stored and the file's value, and how the stored row is removed (`import.moved`)."""
    problems = []
    for plan in plans:
        table = uploaded.get(plan.kind.name)
        if (
            table is None
            or table.create_only
            or table.matching is not None  # rows named in passing, not a list of its own
            or len(plan.kind.key) < 2
            or not len(plan.new_rows)
        ):
            continue
        listed = bool(len(plan.unchanged) or len(plan.updated_rows))
        if moved := _moved_rows(conn, table, plan.new_rows, listed=listed):
            problems.append(_warning(table, moved))
    return problems


# A moved row: its file line, the key column changed, the stored value and the file's.
Moved = tuple[int, str, object, object]


def _moved_rows(
    conn: Connection, table: ParsedTable, new: pd.DataFrame, *, listed: bool
) -> list[Moved]:
    """The rows of `new` (the plan's new rows, by file line) each of which differs in exactly
    one key column the file gives from a stored row of the kind the file does not hold, and
    equals it in every other column the file gives (value, note, …), in line order. A file
    giving no column but the key has nothing to tell a moved row from an added one by.

    A day (a payment's, a spend line's) is looked at only where the file is `listed`, holds
    stored rows beside its new ones (a download): a ledger of new payments alone adds the
    next instalment of the same amount on another day, which is no day edited.

    Only the stored rows that could match are read: per key column, those equal to a new
    row in the rest of the key and in the file's columns every new row fills, through a
    temporary table of those values (`natural.matching_rows`), never the whole kind."""
    kind = table.kind
    key = [name for name in kind.key if name not in kind.optional_key]
    given = [name for name in table.columns if name in new.columns and name not in table.guessed]
    if not set(given) - set(kind.key):
        # Nothing but the key to compare (a participant, a group's member): a row naming
        # another organisation is one added beside the stored, not one moved.
        return []
    in_file = set(zip(*key_columns(table.frame, key), strict=True))
    moved: dict[int, Moved] = {}
    days = {name for name in key if kind.column(name).type.dtype == "date"}
    for changed in (name for name in key if name in given and (listed or name not in days)):
        stored = _candidates(conn, kind, new, changed, given)
        if not len(stored):
            continue
        # The stored rows the file does not hold, by the rest of their key and the cells the
        # file gives but the changed one: a new row equal in those is one moved.
        others = [name for name in given if name != changed]
        held = pd.Series(list(zip(*key_columns(stored, key), strict=True))).isin(in_file)
        by_rest: dict[tuple, object] = {}
        for row in stored.loc[~held.to_numpy(), [*others, changed]].itertuples(index=False):
            by_rest.setdefault(tuple(row[:-1]), row[-1])
        for line, row in zip(
            new.index, new[[*others, changed]].itertuples(index=False), strict=True
        ):
            old = by_rest.get(tuple(row[:-1]), _NONE)
            if old is not _NONE and old != row[-1] and int(line) not in moved:
                moved[int(line)] = (int(line), changed, old, row[-1])
    return [moved[line] for line in sorted(moved)]


_NONE = object()  # no stored row of that rest of the key


def _candidates(
    conn: Connection, kind: Kind, new: pd.DataFrame, changed: str, given: list[str]
) -> pd.DataFrame:
    """The stored rows of `kind` (natural form, of the key and `given` columns) equal to a
    row of `new` in the key but `changed` and in the plain columns of `given` every new row
    fills (an amount, a value): compared in the database, so a month's spend lines read the
    few stored lines of the same amount, not every line of their projects. A cell some new
    row leaves blank (a note) is compared after. A key column `changed` of a row's scope (a
    country, a project) matches any scope: Norway's value moved to Sweden."""
    scoped = {column.name for column in kind.scope_columns}
    matched = [
        name
        for name in kind.key
        if name not in kind.optional_key
        and name != changed
        and not (changed in scoped and name in scoped)
    ]
    matched += [
        name
        for name in given
        if name not in kind.key
        and (column := kind.column(name)).ref is None
        and column.scope is None
        and not column.fills
        and new[name].notna().all()
    ]
    # A row naming what the store lacks (an organisation this upload adds) matches nothing.
    lookups: dict[str, dict[object, int]] = {}
    known = pd.Series(True, index=new.index)
    for column in (kind.column(name) for name in matched):
        if column.ref is not None:
            ids = named_key_ids(conn, column.ref.kind, new[column.name].dropna())
            lookups[column.ref.kind] = ids
            known &= new[column.name].map(lambda value, ids=ids: value is None or value in ids)
    columns = table_columns(kind, new.loc[known.to_numpy(), matched], lookups)
    complete = list(
        dict.fromkeys(row for row in zip(*columns.values(), strict=True) if None not in row)
    )
    if not complete:
        return pd.DataFrame()
    wanted = {name: [row[at] for row in complete] for at, name in enumerate(columns)}
    only = list(dict.fromkeys([*(n for n in kind.key if n not in kind.optional_key), *given]))
    return matching_rows(conn, kind, wanted, only=only)


def _warning(table: ParsedTable, moved: list[Moved]) -> Problem:
    """The warning of `moved`, a list's rows that look moved: the first by its column, the
    stored and the file's value, and with more than one, how many and the first few."""
    line, changed, old, new = moved[0]
    rows = listing(
        [msg("import.moved.row", **_said(table, *row)) for row in moved[:_NAMED]],
        "list.semicolon",
    )
    return Problem(
        "row-error",
        msg(
            "import.moved",
            count=len(moved),
            kind=kind_name(table.kind.name, lower=True),
            rows=rows if len(moved) <= _NAMED else msg("list.more", items=rows),
            **_said(table, line, changed, old, new),
        ),
        row=line,
        column=None if _synthesised(table, changed) else table.label(changed),
        table=table.kind.name,
        severity="warning",
    )


def _said(table: ParsedTable, line: int, changed: str, old: object, new: object) -> dict:
    """A moved row's parts in the reader's words: its line, the changed column by the file's
    header (a year of years as columns, which has none, by the catalogue's word for it:
    `wide` heads them "År" on any page), the stored and the file's value (a country by its
    name)."""
    from arena.ingest.plan import key_text  # the plan imports this module

    synthesised = _synthesised(table, changed)
    column: Message = quoted(msg("import.moved.year") if synthesised else table.label(changed))
    return {
        "row": line,
        "column": column,
        "old": key_text(table.kind, {changed: old}),
        "new": key_text(table.kind, {changed: new}),
    }


def _synthesised(table: ParsedTable, name: str) -> bool:
    """Whether column `name` has no header of the file's: the year of a table of years as
    columns (`wide`)."""
    return name == "year" and bool(table.by_year)
