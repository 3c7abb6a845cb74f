"""Write a plan in one transaction with Core bulk statements, and undo it later.

Every touched row is recorded so an undo can restore exactly the previous state, and
refuses when a later import changed the same rows since. One `ImportChange` per row, as the
project page reads them too:

    row_key  JSON list of the natural key, e.g. ["2018-04510"]
    before   JSON object of the row's natural columns as they were (dates as ISO text); null
             when the import created it; a deleted row also carries its id in "_id"
    after    the same for the row as the import left it; null when it deleted it

Why not `INSERT ... ON CONFLICT DO UPDATE`: the plan was made inside the same write
transaction, under the lock every writer takes (`store.transaction`), so it already knows
which rows exist and which fields change. Inserting the new rows and updating only the
changed fields by id is one code path on SQLite and PostgreSQL, writes less than an upsert
that rewrites every column, and cannot meet a conflict the plan did not see.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from json.encoder import encode_basestring  # type: ignore[attr-defined]

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena import models
from arena.ingest.formats import KINDS, Kind
from arena.ingest.natural import (
    key_ids,
    key_index,
    natural_frame,
    objects_frame,
    table_columns,
    table_of,
)
from arena.ingest.plan import KindPlan, Plan, key_text


class UndoError(Exception):
    """An import cannot be undone; the message says why, in Swedish and English."""

    def __init__(self, message_sv: str, message_en: str):
        super().__init__(message_en)
        self.message_sv = message_sv
        self.message_en = message_en


def _each_distinct(function: Callable[[object], object], values: list) -> list:
    """`function` of every value but None, computed once per distinct value: the dates of a
    large file repeat, and converting each one costs more than looking it up.
    """
    # Keyed by type too: 0 and 0.0 (or True and 1) are equal as dict keys but not as JSON.
    distinct = {(type(value), value) for value in values if value is not None}
    done = {key: function(key[1]) for key in distinct}
    return [None if value is None else done[type(value), value] for value in values]


def _date_columns(kind: Kind) -> set[str]:
    table = table_of(kind)
    return {
        column.name
        for column in kind.stored_columns
        if column.name in table.c and isinstance(table.c[column.name].type, sa.Date)
    }


def _json_value(value: object) -> str:
    """A value as `json.dumps` writes it with ensure_ascii off (None is handled by callers)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if type(value) is int:  # not bool, whose JSON is true/false
        return int.__repr__(value)
    return json.dumps(value)


def _json_values(values: list) -> list[str]:
    """Each value as JSON text, each distinct value encoded once; whole columns of text or of
    whole numbers (the usual ones) are encoded in one pass.
    """
    array = np.empty(len(values), dtype=object)
    array[:] = values
    shape = pd.api.types.infer_dtype(array, skipna=False)
    if shape == "string":
        return list(map(encode_basestring, values))
    if shape == "integer":
        return list(map(str, values))
    return ["null" if text is None else text for text in _each_distinct(_json_value, values)]


def _json_rows(
    kind: Kind, frame: pd.DataFrame, names: list[str], *, keys: bool = False
) -> list[str]:
    """Each row of the frame's `names` columns as JSON (dates as ISO text): an object, or with
    `keys` a list of the values. The text is what `json.dumps` gives (ensure_ascii off), put
    together column by column: a record per row of a large upload must be written fast.
    """
    dates = _date_columns(kind)
    columns = []
    for name in names:
        values = frame[name].tolist()
        columns.append(
            _json_values(_each_distinct(date.isoformat, values) if name in dates else values)
        )
    if keys:
        template = "[" + ", ".join(["%s"] * len(names)) + "]"
    else:
        fields = (encode_basestring(name).replace("%", "%%") + ": %s" for name in names)
        template = "{" + ", ".join(fields) + "}"
    return [template % row for row in zip(*columns, strict=True)]


def _from_json_rows(kind: Kind, documents: list[str]) -> pd.DataFrame:
    """Recorded rows back as a natural frame, dates as dates again."""
    rows = [json.loads(document) for document in documents]
    names = list(rows[0])
    data = {name: [row[name] for row in rows] for name in names}
    for name in _date_columns(kind) & set(names):
        data[name] = _each_distinct(date.fromisoformat, data[name])
    return objects_frame(data)


def _executemany(conn: Connection, statement: sa.Executable, columns: dict[str, list]) -> None:
    """Run `statement` once per row of `columns` (parameter name -> values) in one executemany.

    Parameters are converted column by column with the types' own processors and handed to
    the driver as they are: Core's per-row dictionaries cost more than the database's work
    on a large upload. One path for SQLite (positional parameters) and PostgreSQL (named).
    """
    if not columns or not len(next(iter(columns.values()))):
        return
    compiled = statement.compile(
        dialect=conn.dialect, column_keys=list(columns), for_executemany=True
    )
    converted = {}
    for name, values in columns.items():
        bind_type = compiled.binds[name].type.dialect_impl(conn.dialect)
        process = bind_type.bind_processor(conn.dialect)
        converted[name] = values if process is None else _each_distinct(process, values)
    if compiled.positional:
        rows: list = list(zip(*(converted[name] for name in compiled.positiontup), strict=True))
    else:
        names = [compiled.bind_names[compiled.binds[name]] for name in converted]
        rows = [
            dict(zip(names, values, strict=True))
            for values in zip(*converted.values(), strict=True)
        ]
    conn.exec_driver_sql(str(compiled), rows)


def _touch(kind: Kind, columns: dict[str, list], now: datetime) -> None:
    # Projects carry their last update time: the "not updated in 12 months" check reads it.
    if kind.model is models.Project:
        columns["updated_at"] = [now] * len(next(iter(columns.values())))


def _insert(conn: Connection, kind: Kind, columns: dict[str, list], now: datetime) -> None:
    _touch(kind, columns, now)
    _executemany(conn, sa.insert(table_of(kind)), columns)


def _update_by_id(
    conn: Connection, kind: Kind, columns: dict[str, list], ids: list[int], now: datetime
) -> None:
    """UPDATE ... WHERE id = :_row_id, setting `columns` row by row."""
    _touch(kind, columns, now)
    table = table_of(kind)
    statement = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("_row_id"))
        .values({name: sa.bindparam(name) for name in columns})
    )
    _executemany(conn, statement, {**columns, "_row_id": ids})


def _delete_by_id(conn: Connection, kind: Kind, ids: list[int]) -> None:
    # One statement per row through executemany: an IN list of 50 000 ids would pass
    # SQLite's limit on bound parameters.
    table = table_of(kind)
    _executemany(
        conn, sa.delete(table).where(table.c.id == sa.bindparam("_row_id")), {"_row_id": ids}
    )


def _write_updates(
    conn: Connection,
    kind_plan: KindPlan,
    lookups: dict[str, dict[object, int]],
    now: datetime,
) -> None:
    """Update only the fields that change, one executemany per pattern of changed fields
    (usually one: a file that corrects amounts changes amounts).
    """
    flags = kind_plan.changed.to_numpy()
    # Each row's pattern as one number (bit i: column i changes), to group rows cheaply.
    patterns = flags.astype(np.int64) @ (1 << np.arange(flags.shape[1], dtype=np.int64))
    for pattern in np.unique(patterns):
        members = np.flatnonzero(patterns == pattern)
        names = [
            name
            for name, flag in zip(kind_plan.changed.columns, flags[members[0]], strict=True)
            if flag
        ]
        frame = kind_plan.updated_rows.iloc[members]
        columns = table_columns(kind_plan.kind, frame[names], lookups)
        _update_by_id(conn, kind_plan.kind, columns, frame["_id"].tolist(), now)


def apply_plan(conn: Connection, plan: Plan, *, import_id: int) -> None:
    """Write `plan` on `conn` (inside the caller's transaction) and record every change."""
    now = datetime.now(UTC)
    lookups = dict(plan.ids)
    changes: dict[str, list] = {}
    for kind_plan in plan.kinds:
        kind = kind_plan.kind
        if len(kind_plan.new_rows):
            _insert(conn, kind, table_columns(kind, kind_plan.new_rows, lookups), now)
            if kind.name in lookups:  # later kinds of this upload refer to the new rows
                lookups[kind.name] = key_ids(conn, kind.name)
        if len(kind_plan.updated_rows):
            _write_updates(conn, kind_plan, lookups, now)
        for name, values in _change_records(kind_plan, import_id).items():
            changes.setdefault(name, []).extend(values)
    for kind_plan in reversed(plan.kinds):  # children before parents
        if len(kind_plan.deleted_rows):
            _delete_by_id(conn, kind_plan.kind, kind_plan.deleted_rows["_id"].tolist())
    _executemany(conn, sa.insert(models.ImportChange.__table__), changes)


def _change_records(kind_plan: KindPlan, import_id: int) -> dict[str, list]:
    """The history of one kind's changes, a record per created, updated or deleted row."""
    kind = kind_plan.kind
    stored = [column.name for column in kind.stored_columns]
    records: dict[str, list] = {"row_key": [], "before": [], "after": []}
    for frame, before, after, before_names in (
        (kind_plan.new_rows, None, kind_plan.new_rows, stored),
        (kind_plan.updated_rows, kind_plan.before_rows, kind_plan.updated_rows, stored),
        (kind_plan.deleted_rows, kind_plan.deleted_rows, None, [*stored, "_id"]),
    ):
        if not len(frame):
            continue
        nothing = [None] * len(frame)
        records["row_key"] += _json_rows(kind, frame, list(kind.key), keys=True)
        records["before"] += nothing if before is None else _json_rows(kind, before, before_names)
        records["after"] += nothing if after is None else _json_rows(kind, after, stored)
    count = len(records["row_key"])
    return {"import_id": [import_id] * count, "table_name": [kind.name] * count, **records}


def _differs(kind: Kind, current: pd.DataFrame, recorded: pd.DataFrame) -> np.ndarray:
    """Per recorded row: True when the store no longer holds it exactly as recorded."""
    position = key_index(current, kind).get_indexer(key_index(recorded, kind))
    differs = position < 0
    found = np.flatnonzero(~differs)
    now = current.iloc[position[found]]
    for column in kind.stored_columns:
        differs[found] |= now[column.name].to_numpy() != recorded[column.name].to_numpy()[found]
    return differs


def undo_import(conn: Connection, import_id: int) -> dict[str, int]:
    """Restore every row `import_id` touched to its state before; returns counts per action."""
    run_table = models.ImportRun.__table__
    run = conn.execute(sa.select(run_table).where(run_table.c.id == import_id)).mappings().first()
    if run is None:
        raise UndoError(f"Importen {import_id} finns inte.", f"Import {import_id} does not exist.")
    if run["outcome"] != "committed":
        raise UndoError(
            f"Importen {import_id} kan inte ångras (status: {run['outcome']}).",
            f"Import {import_id} cannot be undone (status: {run['outcome']}).",
        )
    change = models.ImportChange.__table__
    records = conn.execute(
        sa.select(change.c.table_name, change.c.before, change.c.after)
        .where(change.c.import_id == import_id)
        .order_by(change.c.id)
    ).all()
    # Per kind and action (created, updated, deleted): the records of those rows.
    recorded: dict[str, dict[str, list[sa.Row]]] = {}
    for record in records:
        action = (
            "created" if record.before is None else "deleted" if record.after is None else "updated"
        )
        groups = recorded.setdefault(record.table_name, {})
        groups.setdefault(action, []).append(record)
    order = [name for name in KINDS if name in recorded]
    snapshots: dict[str, dict[str, tuple[pd.DataFrame | None, pd.DataFrame | None]]] = {}
    current: dict[str, pd.DataFrame] = {}
    # First check that nothing changed since: undoing over a later edit would lose it.
    for name in order:
        kind = KINDS[name]
        current[name] = natural_frame(conn, kind)
        snapshots[name] = {}
        for action, group in recorded[name].items():
            before = (
                _from_json_rows(kind, [r.before for r in group]) if action != "created" else None
            )
            after = _from_json_rows(kind, [r.after for r in group]) if action != "deleted" else None
            snapshots[name][action] = (before, after)
            if after is not None:
                changed = _differs(kind, current[name], after)
            else:  # a deleted row must still be gone
                changed = key_index(before, kind).isin(key_index(current[name], kind))
            if changed.any():
                key = key_text(
                    kind, (after if after is not None else before).iloc[int(np.argmax(changed))]
                )
                raise UndoError(
                    f"{kind.label_sv}: raden {key} har ändrats efter import {import_id}; "
                    "ångra de senare importerna först.",
                    f"{kind.label_en}: the row {key} changed after import {import_id}; "
                    "undo the later imports first.",
                )
    # Rows the import created go, children first; rows it changed or deleted come back.
    counts = {"deleted": 0, "restored": 0}
    for name in reversed(order):
        kind = KINDS[name]
        if "created" in snapshots[name]:
            created = snapshots[name]["created"][1]
            position = key_index(current[name], kind).get_indexer(key_index(created, kind))
            _delete_by_id(conn, kind, current[name]["_id"].iloc[position].tolist())
            counts["deleted"] += len(created)
    now = datetime.now(UTC)
    for name in order:
        kind = KINDS[name]
        stored = [c.name for c in kind.stored_columns]
        lookups = {
            ref: key_ids(conn, ref) for ref in {c.ref.kind for c in kind.stored_columns if c.ref}
        }
        if "updated" in snapshots[name]:
            before = snapshots[name]["updated"][0]
            position = key_index(current[name], kind).get_indexer(key_index(before, kind))
            ids = current[name]["_id"].iloc[position].tolist()
            _update_by_id(conn, kind, table_columns(kind, before[stored], lookups), ids, now)
            counts["restored"] += len(before)
        if "deleted" in snapshots[name]:
            before = snapshots[name]["deleted"][0]
            # A deleted row comes back under its own id, unless a later row took it.
            free = ~before["_id"].isin(current[name]["_id"]).to_numpy()
            for keeps_id, rows in ((True, before[free]), (False, before[~free])):
                if len(rows):
                    columns = table_columns(kind, rows[stored], lookups)
                    if keeps_id:
                        columns["id"] = rows["_id"].tolist()
                    _insert(conn, kind, columns, now)
            counts["restored"] += len(before)
    conn.execute(sa.update(run_table).where(run_table.c.id == import_id).values(outcome="undone"))
    return counts
