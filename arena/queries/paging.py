"""One page of a long table, cut by the database: searched, sorted, counted and sliced in SQL.

A page shows what a person reads (25 to 100 rows) out of a table that may hold a hundred
thousand; the database counts the matching rows (COUNT) and hands over only the page's
(ORDER BY ... LIMIT/OFFSET). Sorting is by a whitelist of the table's column names (anything
else sorts by the default), always tie-broken by the table's natural key so a page boundary is
stable; missing values sort last in both directions and on both dialects. The search is a
case-insensitive substring over the table's visible text columns, in which `%`, `_` and the
escape character are themselves (a search for "50%" does not find "500").

Not a view's query itself (no filters here): each paged query (`portfolio.project_page`,
`funding.funder_grants`, `funding.funder_reports`, `programmes.programme_rows`,
`organisations.organisation_rows`) builds its SELECT with the filters and the funder scope,
then calls `read_page`. The choosers of one record among a hundred thousand (a project, an
organisation) answer a search with at most `SEARCH_LIMIT` matches, in `match_order`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena.filters import _LIKE_ESCAPE, _literal_like
from arena.queries._sql import _as_frame

PAGE_SIZES = (25, 50, 100)
# The most matches a chooser's search answers: a person types more to narrow it.
SEARCH_LIMIT = 20


@dataclass(frozen=True)
class Page:
    """The rows of one page and how many rows match in all (for "rows 1–50 of 100 046")."""

    rows: pd.DataFrame
    total: int


@dataclass(frozen=True)
class Layout:
    """How a table pages: the columns a person may sort by (the first is the default), those
    the search looks in, and the natural key that breaks ties."""

    sortable: tuple[str, ...]
    searched: tuple[str, ...]
    key: tuple[str, ...]


def read_page(
    engine: Engine,
    statement: sa.Select,
    layout: Layout,
    *,
    search: str = "",
    sort: str = "",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 50,
    counted: sa.Select | None = None,
) -> Page:
    """The rows of `statement` matching `search`, ordered by `sort`, from `offset` on (at most
    `limit`; None: all, for a download), and how many match in all.

    `counted` is a cheaper SELECT of the same rows with the searched columns, for the count
    (a table whose money the database adds up per row need not add it up to count).
    """
    table = statement.order_by(None).subquery("paged")
    keys = table if counted is None else counted.order_by(None).subquery("counted")
    counted_rows = sa.select(sa.func.count()).select_from(keys).where(*_found(keys, layout, search))
    conditions = _found(table, layout, search)
    column = sort if sort in layout.sortable else layout.sortable[0]
    first = table.c[column].desc() if descending else table.c[column].asc()
    ties = [table.c[name] for name in layout.key if name != column]
    rows = (
        sa.select(table)
        .where(*conditions)
        .order_by(sa.nulls_last(first), *ties)
        .offset(max(offset, 0))
        .limit(limit)
    )
    with engine.connect() as conn:
        total = int(conn.execute(counted_rows).scalar_one())
        frame = _as_frame(conn.execute(rows))
    return Page(rows=frame, total=total)


def _found(table: sa.Subquery, layout: Layout, search: str) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions keeping the rows of `table` whose searched columns hold `search`."""
    if not (text := search.strip().lower()):
        return []
    pattern = f"%{_literal_like(text)}%"
    return [
        sa.or_(
            *(
                sa.func.lower(sa.func.coalesce(table.c[name], "")).like(
                    pattern, escape=_LIKE_ESCAPE
                )
                for name in layout.searched
            )
        )
    ]


def match_order(column: sa.ColumnElement[str], text: str) -> sa.ColumnElement[int]:
    """ORDER BY key of a chooser's matches for `text` (stripped, not empty): 0 for `column`
    equal to it, 1 for starting with it, 2 for merely holding it, case ignored."""
    return sa.case(
        (sa.func.lower(column) == text.lower(), 0),
        (column.istartswith(text, autoescape=True), 1),
        else_=2,
    )
