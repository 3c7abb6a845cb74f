"""Rows an earlier import of a list added that a new upload of the list leaves out: kept, and
said.

An import adds and updates; it removes nothing it is not given. A corrected list uploaded
again without one of its rows said "2 updated, 4 unchanged" and nothing of the row it no
longer has, which stayed in the store. Here the preview names such rows, and says how one
is removed, without removing anything.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena import models
from arena.i18n import msg
from arena.ingest.natural import driver_batches, key_column, named_key_ids
from arena.ingest.report import Problem, key_label, kind_name
from arena.ingest.validate import ParsedTable

if TYPE_CHECKING:  # the plan calls this module: imported at run time, a cycle
    from arena.ingest.plan import KindPlan

_BATCH_ROWS = 100_000
_NAMED = 5  # the rows a warning names; its count says how many there are in all


def left_out_problems(
    conn: Connection, plans: list[KindPlan], uploaded: dict[str, ParsedTable]
) -> list[Problem]:
    """A warning per earlier committed import of the list: one that added rows of a kind this
    upload gives (its own rows, not organisations only named in passing), at least half of
    which the upload has again, and some of which it lacks while the store still holds them:
    how many, the first few, and how such a row is removed (`import.left_out`). An import
    the upload repeats less of is another list (a whole store's load, a correction of one
    row of it), whose other rows the upload is not about."""
    problems = []
    for plan in plans:
        table = uploaded.get(plan.kind.name)
        if table is None or table.create_only or len(plan.kind.key) != 1:
            continue
        given = set(table.frame[key_column(plan.kind)].dropna())
        if given:
            problems += _left_out(conn, plan.kind.name, given)
    return problems


def _left_out(conn: Connection, kind: str, given: set[object]) -> list[Problem]:
    change, run = models.ImportChange.__table__, models.ImportRun.__table__
    statement = (
        sa.select(change.c.import_id, change.c.row_key)
        .where(change.c.table_name == kind, change.c.before.is_(None))
        .where(change.c.import_id.in_(sa.select(run.c.id).where(run.c.outcome == "committed")))
    )
    added: dict[int, list[object]] = {}  # import -> the keys it added the upload lacks
    shared: dict[int, int] = {}  # import -> how many of the keys it added the upload gives
    for rows in driver_batches(conn, statement, _BATCH_ROWS):
        for import_id, row_key in rows:
            (key,) = json.loads(row_key)
            if key in given:
                shared[import_id] = shared.get(import_id, 0) + 1
            else:
                added.setdefault(import_id, []).append(key)
    problems = []
    # At least half given again: the rows given at least as many as those left out.
    lists = [i for i in sorted(shared) if i in added and shared[i] >= len(added[i])]
    for import_id in lists:
        stored = named_key_ids(conn, kind, added[import_id])
        kept = [key for key in added[import_id] if key in stored]
        if not kept:
            continue
        file_name = conn.execute(
            sa.select(run.c.file_name).where(run.c.id == import_id)
        ).scalar_one()
        problems.append(
            Problem(
                "row-error",
                msg(
                    "import.left_out",
                    count=len(kept),
                    kind=kind_name(kind, lower=True),
                    import_id=import_id,
                    file=file_name,
                    rows=", ".join(key_label([key]) for key in kept[:_NAMED]),
                ),
                value=str(kept[0]),
                table=kind,
                severity="warning",
            )
        )
    return problems
