"""The store seen in natural keys, and back: the bridge between files and tables.

`read_natural` gives a kind's rows as users write them (organisation names, diarienummer,
programme codes instead of ids). The preview diffs uploads against it, exports write it, and
`to_rows` turns natural rows into table rows for the bulk writes.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena.ingest.formats import KINDS, Kind

# Which kind a scope column points at (country scopes point at no table).
SCOPE_KINDS = {"programme": "programmes", "project": "projects"}


def table_of(kind: Kind) -> sa.Table:
    return kind.model.__table__


def key_column(kind: Kind) -> str:
    """The single natural-key column of a kind other rows refer to (name, code, reference)."""
    (column,) = kind.key
    return column


def natural_select(kind: Kind) -> sa.Select:
    """SELECT of a kind's natural columns (plus `_id`), joining referenced tables for their keys."""
    table = table_of(kind)
    selected: list[sa.ColumnElement] = [table.c.id.label("_id")]
    joined: sa.FromClause = table
    for column in kind.stored_columns:
        if column.ref is not None:
            target_kind = KINDS[column.ref.kind]
            target = table_of(target_kind).alias(f"ref_{column.name}")
            joined = joined.outerjoin(target, table.c[column.ref.id_column] == target.c.id)
            selected.append(target.c[key_column(target_kind)].label(column.name))
        elif column.scope is not None:
            selected.append(
                sa.case((table.c.scope == column.scope, table.c.scope_ref)).label(column.name)
            )
        else:
            selected.append(table.c[column.name])
    return sa.select(*selected).select_from(joined).order_by(table.c.id)


def read_natural(conn: Connection, kind: Kind) -> list[dict]:
    """The kind's rows in natural form, as dicts (dates as dates, money as int)."""
    return [dict(row) for row in conn.execute(natural_select(kind)).mappings()]


def key_ids(conn: Connection, kind_name: str) -> dict[object, int]:
    """Natural key -> id for a kind that others refer to."""
    kind = KINDS[kind_name]
    table = table_of(kind)
    rows = conn.execute(sa.select(table.c[key_column(kind)], table.c.id)).all()
    return {key: row_id for key, row_id in rows}


def to_rows(
    kind: Kind, natural_rows: list[dict], lookups: dict[str, dict[object, int]]
) -> list[dict]:
    """Natural rows -> table rows: references to ids, scope columns to (scope, scope_ref).

    `lookups` maps each referenced kind to its key -> id table; every reference must resolve
    (the plan has checked that), so a miss is a bug and raises KeyError.
    """
    refs = [c for c in kind.stored_columns if c.ref is not None]
    scopes = kind.scope_columns
    plain = [c.name for c in kind.stored_columns if c.ref is None and c.scope is None]
    rows = []
    for natural in natural_rows:
        row = {name: natural[name] for name in plain if name in natural}
        for column in refs:
            if column.name in natural:
                value = natural[column.name]
                row[column.ref.id_column] = (
                    None if value is None else lookups[column.ref.kind][value]
                )
        for column in scopes:
            if natural.get(column.name) is not None:
                row["scope"], row["scope_ref"] = column.scope, natural[column.name]
        rows.append(row)
    return rows
