"""The store seen in natural keys, and back: the bridge between files and tables.

`read_natural` gives a kind's rows as users write them (organisation names, diarienummer,
programme codes instead of ids). The preview diffs uploads against it, exports write it, and
`table_columns` turns natural columns into table columns for the bulk writes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena.ingest.kinds import KINDS, Kind

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


def natural_frame(conn: Connection, kind: Kind) -> pd.DataFrame:
    """The kind's rows in natural form as a frame: `_id` plus its columns, object dtype and
    None for NULL, so cells compare exactly with parsed uploads (no NaN, no numpy scalars).
    """
    result = conn.execute(natural_select(kind))
    names = list(result.keys())
    rows = result.all()
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    return objects_frame(dict(zip(names, columns, strict=True)))


def _objects(values: Sequence[object]) -> np.ndarray:
    if isinstance(values, np.ndarray) and values.dtype == object:
        return values
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def key_index(frame: pd.DataFrame, kind: Kind) -> pd.Index:
    """The frame's natural keys as an index (tuples for a key of several columns); a key
    column the frame lacks is empty (a spend file without a programme column).
    """
    columns = [
        frame[name].tolist() if name in frame.columns else [None] * len(frame) for name in kind.key
    ]
    if len(columns) == 1:
        return pd.Index(_objects(columns[0]), dtype=object)
    return pd.Index(list(zip(*columns, strict=True)), dtype=object, tupleize_cols=False)


def objects_frame(
    columns: dict[str, Sequence[object]], index: pd.Index | None = None
) -> pd.DataFrame:
    """A frame that keeps Python objects as they are (pandas would turn text into its own
    string type, whose missing value is NaN, not None).
    """
    return pd.DataFrame(
        {name: _objects(values) for name, values in columns.items()},
        index=index,
        columns=list(columns),
        dtype=object,
    )


def driver_rows(conn: Connection, statement: sa.Select) -> list[tuple]:
    """The rows of `statement` as the database driver gives them (its values bound into the
    SQL), for columns of text and integers that need no converting: Core's row objects cost
    more than the query for a kind of 100 000 rows. Errors come as Core's (DBAPIError).
    """
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
    result = conn.exec_driver_sql(str(compiled))
    dbapi_error = conn.dialect.loaded_dbapi.Error
    try:
        return result.cursor.fetchall()
    except dbapi_error as exc:
        raise sa.exc.DBAPIError.instance(str(compiled), None, exc, dbapi_error) from exc
    finally:
        result.close()


def key_ids(conn: Connection, kind_name: str) -> dict[object, int]:
    """Natural key -> id for a kind that others refer to."""
    kind = KINDS[kind_name]
    table = table_of(kind)
    return dict(driver_rows(conn, sa.select(table.c[key_column(kind)], table.c.id)))


def table_columns(
    kind: Kind, frame: pd.DataFrame, lookups: dict[str, dict[object, int]]
) -> dict[str, list[object]]:
    """Natural columns (the frame's) -> table columns: references to ids, scope columns to
    (scope, scope_ref); other columns as they are, under the same names.

    `lookups` maps each referenced kind to its key -> id table; every reference must resolve
    (the plan has checked that), so a miss is a bug and raises KeyError.
    """
    columns: dict[str, list[object]] = {}
    scoped = [c for c in kind.scope_columns if c.name in frame.columns]
    for name in frame.columns:
        values = frame[name].tolist()
        column = next((c for c in kind.columns if c.name == name), None)
        if column is not None and column.ref is not None:
            lookup = lookups[column.ref.kind]
            columns[column.ref.id_column] = [None if x is None else lookup[x] for x in values]
        elif column is None or column.scope is None:
            columns[name] = values
    if scoped:
        scopes: list[object] = [None] * len(frame)
        refs: list[object] = [None] * len(frame)
        for column in scoped:
            for index, value in enumerate(frame[column.name].tolist()):
                if value is not None:
                    scopes[index], refs[index] = column.scope, value
        columns["scope"], columns["scope_ref"] = scopes, refs
    return columns
