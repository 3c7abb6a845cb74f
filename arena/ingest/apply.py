"""Write a plan in one transaction with Core bulk statements, and undo it later.

Every touched row is recorded (natural key, row before, row after) so an undo can restore
exactly the previous state, and refuses when a later import changed the same rows since.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena import models
from arena.ingest.formats import KINDS, Kind
from arena.ingest.natural import key_ids, read_natural, table_of, to_rows
from arena.ingest.plan import KindPlan, Plan


class UndoError(Exception):
    """An import cannot be undone; the message says why, in Swedish and English."""

    def __init__(self, message_sv: str, message_en: str):
        super().__init__(message_en)
        self.message_sv = message_sv
        self.message_en = message_en


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")


def _dump(kind: Kind, row: dict | None) -> str | None:
    if row is None:
        return None
    return json.dumps(
        {c.name: row.get(c.name) for c in kind.stored_columns},
        default=_json_default,
        ensure_ascii=False,
    )


def _load(kind: Kind, text: str | None) -> dict | None:
    """A recorded natural row with its dates turned back into dates."""
    if text is None:
        return None
    row = json.loads(text)
    table = table_of(kind)
    for name, value in row.items():
        if value is not None and name in table.c and isinstance(table.c[name].type, sa.Date):
            row[name] = date.fromisoformat(value)
    return row


def _lookups(conn: Connection, kind: Kind) -> dict[str, dict[object, int]]:
    return {c.ref.kind: key_ids(conn, c.ref.kind) for c in kind.stored_columns if c.ref}


def _strip(row: dict) -> dict:
    return {name: value for name, value in row.items() if not name.startswith("_")}


def _touch(kind: Kind, rows: list[dict], now: datetime) -> None:
    # Projects carry their last update time: the "not updated in 12 months" check reads it.
    if kind.model is models.Project:
        for row in rows:
            row["updated_at"] = now


def apply_plan(conn: Connection, plan: Plan, *, import_id: int) -> None:
    """Write `plan` on `conn` (inside the caller's transaction) and record every change."""
    now = datetime.now(UTC)
    changes: list[dict] = []
    for kind_plan in plan.kinds:
        kind, table = kind_plan.kind, table_of(kind_plan.kind)
        # Lookups are read per kind, after the kinds before it were written.
        lookups = _lookups(conn, kind)
        if kind_plan.new:
            rows = to_rows(kind, [_strip(row) for row in kind_plan.new], lookups)
            _touch(kind, rows, now)
            conn.execute(sa.insert(table), rows)
        if kind_plan.updated:
            rows = to_rows(kind, [_strip(row) for row in kind_plan.updated], lookups)
            for row, after in zip(rows, kind_plan.updated, strict=True):
                row["_row_id"] = after["_id"]
            _touch(kind, rows, now)
            statement = (
                sa.update(table)
                .where(table.c.id == sa.bindparam("_row_id"))
                .values({name: sa.bindparam(name) for name in rows[0] if name != "_row_id"})
            )
            conn.execute(statement, rows)
        changes += _change_records(kind_plan, import_id)
    for kind_plan in reversed(plan.kinds):  # children before parents
        if kind_plan.deleted:
            table = table_of(kind_plan.kind)
            ids = [row["_id"] for row in kind_plan.deleted]
            conn.execute(sa.delete(table).where(table.c.id.in_(ids)))
    if changes:
        conn.execute(sa.insert(models.ImportChange.__table__), changes)


def _change_records(kind_plan: KindPlan, import_id: int) -> list[dict]:
    kind = kind_plan.kind
    key = kind.key

    def record(before: dict | None, after: dict | None) -> dict:
        source = after if after is not None else before
        return {
            "import_id": import_id,
            "table_name": kind.name,
            "row_key": json.dumps(
                [source.get(name) for name in key], default=_json_default, ensure_ascii=False
            ),
            "before": _dump(kind, before),
            "after": _dump(kind, after),
        }

    return (
        [record(None, row) for row in kind_plan.new]
        + [record(row["_before"], row) for row in kind_plan.updated]
        + [record(row, None) for row in kind_plan.deleted]
    )


def _typed_key(kind: Kind, key_values: list) -> tuple:
    """A natural key read back from JSON, with dates as dates again."""
    table = table_of(kind)
    return tuple(
        date.fromisoformat(value)
        if value is not None and name in table.c and isinstance(table.c[name].type, sa.Date)
        else value
        for name, value in zip(kind.key, key_values, strict=True)
    )


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
    change_table = models.ImportChange.__table__
    records = (
        conn.execute(
            sa.select(change_table)
            .where(change_table.c.import_id == import_id)
            .order_by(change_table.c.id)
        )
        .mappings()
        .all()
    )
    by_kind: dict[str, list] = {}
    for record in records:
        by_kind.setdefault(record["table_name"], []).append(record)

    counts = {"deleted": 0, "restored": 0}
    order = [name for name in KINDS if name in by_kind]
    current: dict[str, dict[tuple, dict]] = {}
    # First check that nothing changed since: undoing over a later edit would lose it.
    for name in order:
        kind = KINDS[name]
        current[name] = {tuple(row[k] for k in kind.key): row for row in read_natural(conn, kind)}
        for record in by_kind[name]:
            row = current[name].get(_typed_key(kind, json.loads(record["row_key"])))
            now = {c.name: row[c.name] for c in kind.stored_columns} if row else None
            if now != _load(kind, record["after"]):
                raise UndoError(
                    f"{kind.label_sv}: raden {record['row_key']} har ändrats efter import "
                    f"{import_id}; ångra de senare importerna först.",
                    f"{kind.label_en}: the row {record['row_key']} changed after import "
                    f"{import_id}; undo the later imports first.",
                )
    # Rows the import created go, children first; rows it changed or deleted come back.
    for name in reversed(order):
        kind, table = KINDS[name], table_of(KINDS[name])
        ids = [
            current[name][_typed_key(kind, json.loads(record["row_key"]))]["_id"]
            for record in by_kind[name]
            if record["before"] is None
        ]
        if ids:
            conn.execute(sa.delete(table).where(table.c.id.in_(ids)))
        counts["deleted"] += len(ids)
    now = datetime.now(UTC)
    for name in order:
        kind, table = KINDS[name], table_of(KINDS[name])
        lookups = _lookups(conn, kind)
        for record in by_kind[name]:
            if record["before"] is None:
                continue
            (row,) = to_rows(kind, [_load(kind, record["before"])], lookups)
            _touch(kind, [row], now)
            if record["after"] is None:  # deleted by a replace: insert it again
                conn.execute(sa.insert(table).values(row))
            else:
                row_id = current[name][_typed_key(kind, json.loads(record["row_key"]))]["_id"]
                conn.execute(sa.update(table).where(table.c.id == row_id).values(row))
            counts["restored"] += 1
    conn.execute(sa.update(run_table).where(run_table.c.id == import_id).values(outcome="undone"))
    return counts
