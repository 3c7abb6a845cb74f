"""Write a plan in one transaction with Core bulk statements, and undo it later.

Every touched row is recorded so an undo can restore exactly the previous state, and
refuses when a later import changed the same rows since. One `ImportChange` per row, as the
project page reads them too:

    row_key  JSON list of the natural key, e.g. ["2018-04510"]
    before   JSON object of the row's natural columns as they were (dates as ISO text); null
             when the import created it; a deleted row also carries its id in "_id"
    after    the same for the row as the import left it; null when it deleted it
    project_before, project_after
             the reference of the project the row belonged to before and after (see
             `_projects_of`): the project page finds a project's imports by these, indexed

Why not `INSERT ... ON CONFLICT DO UPDATE`: the plan was made inside the same write
transaction, under the lock every writer takes (`store.transaction`), so it already knows
which rows exist and which fields change. Inserting the new rows and updating only the
changed fields by id is one code path on SQLite and PostgreSQL, writes less than an upsert
that rewrites every column, and cannot meet a conflict the plan did not see.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from json.encoder import encode_basestring  # type: ignore[attr-defined]

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena import clock, models
from arena.auth import (
    AuditAction,
    Identity,
    Right,
    funder_roles,
    how_to_remove_funder_roles,
    label,
    record,
)
from arena.i18n import Message, code_label, msg
from arena.ingest.kinds import KINDS, Kind
from arena.ingest.later import LaterRecords
from arena.ingest.natural import (
    SCOPE_KINDS,
    WHOLE_KIND_SHARE,
    driver_rows,
    each_distinct,
    exact_rows,
    executemany,
    key_column,
    key_index,
    key_positions,
    matching_rows,
    named_key_ids,
    objects_frame,
    rows_table,
    stored_rows,
    table_columns,
    table_of,
)
from arena.ingest.plan import KindPlan, Plan
from arena.ingest.report import key_label, kind_name, listing


class UndoError(Exception):
    """An import cannot be undone; `message` says why, written in the reader's language."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        # Logs and tracebacks read the code's language; people read `message` in their own.
        return self.message.render("en")


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


def _json_values(values: list, *, dates: bool = False) -> list[str]:
    """Each value as JSON text ("null" for None; with `dates`, dates as quoted ISO text), the
    text `json.dumps` writes. Encoding or branching row by row in Python costs several times
    more than one pass of a built-in, so a column of one type is written by built-ins: a column
    that repeats its values (sources, categories, years) has each distinct value encoded once
    and looked up; a column of mostly distinct values (titles, references, amounts, measured
    values) is encoded value by value, where a lookup table would cost more than it saves.
    """
    types = set(map(type, values))
    nulls = type(None) in types
    types.discard(type(None))
    encode = _json_date if dates else _ENCODERS.get(next(iter(types), str))
    if encode is float.__repr__:
        # What json.dumps writes for a finite float; never through a lookup table, as 0.0 and
        # -0.0 are one key to a dict but not one text.
        if len(types) == 1 and not nulls and all(map(math.isfinite, values)):
            return list(map(encode, values))
    elif len(types) <= 1 and encode is not None:
        distinct = set(values)
        if not nulls and len(distinct) * 2 > len(values):
            return list(map(encode, values))
        distinct.discard(None)
        done = dict(zip(distinct, map(encode, distinct), strict=True))
        done[None] = "null"
        return list(map(done.__getitem__, values))
    # Value by value: 1 and 1.0 (or True and 1) are one key to a dict but not one text.
    return ["null" if value is None else _json_value(value) for value in values]


# Types with a built-in that writes their values' JSON text (a float's when it is finite).
_ENCODERS: dict[type, Callable[[object], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: float.__repr__,
}


def _json_date(value: date) -> str:
    return f'"{date.isoformat(value)}"'


def _json_rows(
    kind: Kind, frame: pd.DataFrame, names: list[str], *, keys: bool = False
) -> list[str]:
    """Each row of the frame's `names` columns as JSON (dates as ISO text): an object, or with
    `keys` a list of the values. The text is what `json.dumps` gives (ensure_ascii off), put
    together column by column: a record per row of a large upload must be written fast.
    """
    dates = _date_columns(kind)
    columns = []
    # The text between the columns that vary from row to row; a column no row fills (most
    # optional ones) is written into it once as null.
    pieces = ["[" if keys else "{"]
    for position, name in enumerate(names):
        pieces[-1] += ", " if position else ""
        if not keys:
            pieces[-1] += encode_basestring(name) + ": "
        values = frame[name].tolist()
        if values.count(None) == len(values):
            pieces[-1] += "null"
            continue
        columns.append(_json_values(values, dates=name in dates))
        pieces.append("")
    pieces[-1] += "]" if keys else "}"
    if not columns:
        return [pieces[0]] * len(frame)
    # Each row's pieces and values joined by one call of a built-in: formatting row by row
    # in Python would cost several times more.
    parts: list[list[str]] = []
    for piece, column in zip(pieces[:-1], columns, strict=True):
        parts += [[piece] * len(frame), column]
    parts.append([pieces[-1]] * len(frame))
    return list(map("".join, zip(*parts, strict=True)))


# Change records built and written, or read back, this many rows at a time: the records of
# 800 000 new payments held 280 MB at once, as JSON text, before they were written.
_HISTORY_ROWS = 100_000
# The rows that refer to an import's created rows are read for this many created keys at a
# time: the million spend lines of 100 000 created projects, read at once as key frames, their
# JSON keys and their later imports, took the undo preview of the projects' import from 500 to
# 950 MB (a cascade, with the write transaction's page cache, to 1 063 MB).
_REFERRED_KEYS = 20_000


def _parse_into(data: dict[str, list], documents: Sequence[str]) -> None:
    """Recorded rows (JSON objects) appended to `data`'s columns (filled on first use)."""
    # One parse of one JSON array: a call of json.loads per row costs several times more.
    rows = json.loads("[" + ",".join(documents) + "]")
    if rows and not data:
        data.update((name, []) for name in rows[0])
    for name, values in data.items():
        # Equal values as one object: the parse makes a new text of each occurrence, and a
        # column repeats (a source, a funder, a reference of 800 000 payments: 150 MB).
        values += each_distinct(_same, [row[name] for row in rows])


def _same(value: object) -> object:
    return value


def _recorded_frame(kind: Kind, data: dict[str, list]) -> pd.DataFrame:
    """Recorded rows' columns (`_parse_into`) as a natural frame, dates as dates again.

    A column the records lack is one a migration added after they were written: every row
    held none then (a new column is empty), so it is recorded as empty, or as the default the
    migration gave the rows it found (`_added_value`). Without it, an undo of an import made
    before the migration failed on the missing column; recorded as empty where the migration
    wrote a default (every indicator `increase`s, every buyer group is a `buyer_group`), the
    undo took each such row for one changed outside the imports and refused.
    """
    rows = len(next(iter(data.values()))) if data else 0
    for column in kind.stored_columns:
        if column.name not in data:
            data[column.name] = [_added_value(kind, column.name)] * rows
    for name in _date_columns(kind) & set(data):
        data[name] = each_distinct(date.fromisoformat, data[name])
    return objects_frame(data)


def _added_value(kind: Kind, name: str) -> object:
    """What a migration that added the column `name` of `kind`'s table stored in the rows it
    found: the column's server default (as the models declare it, as the migrations wrote it),
    else nothing."""
    column = kind.model.__table__.c.get(name)
    default = column.server_default if column is not None else None
    if default is None or not isinstance(default.arg, str):
        return None
    return int(default.arg) if isinstance(column.type, sa.Integer) else default.arg


def _touch(kind: Kind, columns: dict[str, list], now: datetime) -> None:
    # Projects carry their last update time: the "not updated in 12 months" check reads it.
    if kind.model is models.Project:
        columns["updated_at"] = [now] * len(next(iter(columns.values())))


def _insert_rows(conn: Connection, table: sa.Table, columns: dict[str, list]) -> None:
    """INSERT the rows of `columns`, leaving out a column no row fills when the table gives it
    NULL all the same (no default): binding a NULL per row and column costs a large upload
    more than the database's work on it.
    """
    filled = {
        name: values
        for name, values in columns.items()
        if values.count(None) < len(values)
        or table.c[name].default is not None
        or table.c[name].server_default is not None
    }
    executemany(conn, sa.insert(table), filled)


def _insert(conn: Connection, kind: Kind, columns: dict[str, list], now: datetime) -> None:
    _touch(kind, columns, now)
    _insert_rows(conn, table_of(kind), columns)


def _update_by_id(
    conn: Connection, kind: Kind, columns: dict[str, list], ids: list[int], now: datetime
) -> None:
    """Set `columns` of the rows `ids`, row by row, in one UPDATE ... FROM a table of them."""
    _touch(kind, columns, now)
    table = table_of(kind)
    with rows_table(conn, table, {"id": ids, **columns}) as rows:
        conn.execute(
            sa.update(table)
            .where(table.c.id == rows.c.id)
            .values({name: rows.c[name] for name in columns})
        )


def _delete_by_id(conn: Connection, kind: Kind, ids: list[int]) -> None:
    table = table_of(kind)
    with rows_table(conn, table, {"id": ids}) as rows:
        conn.execute(sa.delete(table).where(table.c.id.in_(sa.select(rows.c.id))))


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
    now = clock.utc_now()
    lookups = dict(plan.ids)
    for kind_plan in plan.kinds:
        kind = kind_plan.kind
        if len(kind_plan.new_rows):
            _insert(conn, kind, table_columns(kind, kind_plan.new_rows, lookups), now)
            if kind.name in lookups:  # later kinds of this upload refer to the new rows
                created = kind_plan.new_rows[key_column(kind)]
                lookups[kind.name] = {
                    **lookups[kind.name],
                    **named_key_ids(conn, kind.name, created),
                }
        if len(kind_plan.updated_rows):
            _write_updates(conn, kind_plan, lookups, now)
        for records in _change_records(conn, kind_plan, import_id):
            _insert_rows(conn, models.ImportChange.__table__, records)
    for kind_plan in reversed(plan.kinds):  # children before parents
        if len(kind_plan.deleted_rows):
            _delete_by_id(conn, kind_plan.kind, kind_plan.deleted_rows["_id"].tolist())


def _projects_of(
    conn: Connection, kind: Kind, frame: pd.DataFrame, grants: dict[object, str | None]
) -> list[str | None]:
    """The reference of the project each row of `frame` belongs to: a project's own; the
    project a participant, grant or project-scoped row names; a disbursement's through its
    grant (`grants`, filled as needed); None for rows of no project.
    """
    if kind.model is models.Project:
        return frame[key_column(kind)].tolist()
    for column in kind.stored_columns:
        if column.scope == "project" or (column.ref is not None and column.ref.kind == "projects"):
            return frame[column.name].tolist()
        if column.ref is not None and column.ref.kind == "grants":
            references = frame[column.name].tolist()
            _grant_projects(conn, [r for r in references if r not in grants], grants)
            return [grants.get(reference) for reference in references]
    return [None] * len(frame)


def _grant_projects(
    conn: Connection, references: list[object], grants: dict[object, str | None]
) -> None:
    """Add to `grants` the project reference of each grant in `references` (None for one not
    stored), read when needed: the grants are written, and not yet deleted, by then. The
    whole kind when the upload names most of it, else only those named: a dozen payments
    into a store of 100 000 grants read them all.
    """
    wanted = [reference for reference in dict.fromkeys(references) if pd.notna(reference)]
    grants.update(dict.fromkeys(references))
    if not wanted:
        return
    grant, project = table_of(KINDS["grants"]), table_of(KINDS["projects"])
    statement = sa.select(grant.c.reference, project.c.reference).join(
        project, project.c.id == grant.c.project_id
    )
    largest = conn.execute(sa.select(sa.func.max(grant.c.id))).scalar()
    if largest is None or largest <= WHOLE_KIND_SHARE * len(wanted):
        grants.update(driver_rows(conn, statement))
        return
    with rows_table(conn, grant, {"reference": wanted}) as named:
        grants.update(
            driver_rows(conn, statement.join(named, named.c.reference == grant.c.reference))
        )


def _change_records(
    conn: Connection, kind_plan: KindPlan, import_id: int
) -> Iterator[dict[str, list]]:
    """The history of one kind's changes, a record per created, updated or deleted row: the
    records of each action as sets of columns of at most `_HISTORY_ROWS` rows (a created row
    has no "before", a deleted one no "after"), in that order.
    """
    kind = kind_plan.kind
    stored = [column.name for column in kind.stored_columns]
    grants: dict[object, str | None] = {}
    for whole, whole_before, whole_after, before_names in (
        (kind_plan.new_rows, None, kind_plan.new_rows, stored),
        (kind_plan.updated_rows, kind_plan.before_rows, kind_plan.updated_rows, stored),
        (kind_plan.deleted_rows, kind_plan.deleted_rows, None, [*stored, "_id"]),
    ):
        for start in range(0, len(whole), _HISTORY_ROWS):
            # `before` and `after` hold the same rows in the same order as `frame`.
            rows = slice(start, start + _HISTORY_ROWS)
            frame = whole.iloc[rows]
            before = None if whole_before is None else whole_before.iloc[rows]
            after = None if whole_after is None else whole_after.iloc[rows]
            nothing = [None] * len(frame)
            yield {
                "import_id": [import_id] * len(frame),
                "table_name": [kind.name] * len(frame),
                # A changed row is recorded by the key the import found it under: where the
                # change filled in a key column (a payment's reference), the imports before
                # it recorded that key, and an undo of one of them must see this one.
                "row_key": _json_rows(
                    kind, frame if before is None else before, list(kind.key), keys=True
                ),
                "before": nothing if before is None else _json_rows(kind, before, before_names),
                "after": nothing if after is None else _json_rows(kind, after, stored),
                "project_before": (
                    nothing if before is None else _projects_of(conn, kind, before, grants)
                ),
                "project_after": (
                    nothing if after is None else _projects_of(conn, kind, after, grants)
                ),
            }


# --- undo -----------------------------------------------------------------------------------
#
# An undo puts back exactly what one import did: the rows it created go, the rows it changed or
# deleted come back as they were. It never takes what another import added. A later import
# that is still committed "hangs" on this one when it touched the same rows, or when rows it
# created or changed refer to rows this one created (the disbursements of its grant, the
# participants of its project: ON DELETE CASCADE would take them silently). Such an undo is
# refused and names those imports; with `cascade` they are undone first, newest first, in the
# same transaction, each recorded as undone.


# An undo that removes more than this share of all rows empties most pages: it says so plainly
# and asks for the import's number typed out, not a click.
LARGE_UNDO_SHARE = 0.5
EXAMPLES = 3  # rows named per kind when an undo is blocked


class UndoBlockedError(UndoError):
    """Later imports hang on the rows of the import to undo; `blockers` names them."""

    def __init__(self, message: Message, blockers: list[Blocker]):
        super().__init__(message)
        self.blockers = blockers


@dataclass(frozen=True)
class ImportEffect:
    """What undoing one import does: rows it removes and rows it restores, per kind."""

    import_id: int
    file_name: str
    started_at: datetime
    user: str | None
    remove: dict[str, int]
    restore: dict[str, int]

    @property
    def removed(self) -> int:
        return sum(self.remove.values())

    @property
    def restored(self) -> int:
        return sum(self.restore.values())


@dataclass(frozen=True)
class Blocker:
    """A later, still committed import whose rows hang on the import to undo."""

    import_id: int
    file_name: str
    started_at: datetime
    user: str | None
    rows: dict[str, int]  # kind -> how many of its rows hang
    examples: dict[str, list[str]]  # kind -> the first of those rows' keys, as users read them

    def describe(self) -> Message:
        """What hangs, per kind: "Projektdeltagare (2): 2018-04510 · Vinnova · coordinator, …"."""
        parts = []
        for name, count in self.rows.items():
            # The examples are row keys as the file has them: the same in every language.
            shown = ", ".join(self.examples[name]) + (
                ", …" if count > len(self.examples[name]) else ""
            )
            parts.append(msg("undo.hanging", kind=kind_name(name), count=count, examples=shown))
        return listing(parts, "list.semicolon")


# What `UndoPreview.outside` holds for a person whose funder role names an organisation the
# undo would remove: said apart from the rows changed outside the imports (`outside_message`).
_FUNDER_ROLE = "undo.funder_of_user"


@dataclass(frozen=True)
class UndoPreview:
    """What undoing an import would do, read without writing anything."""

    effect: ImportEffect
    blockers: list[Blocker]  # later imports that hang directly on its rows
    cascade: list[ImportEffect]  # every import a cascade undoes first (transitively), newest first
    # rows changed or added outside any import since, and people's funder roles that name an
    # organisation it created (`_FUNDER_ROLE`): no undo is possible (a cascaded import's
    # created rows are checked by the undo itself, `_cascade`)
    outside: list[Message]
    store_rows: int  # rows of every kind in the store now

    @property
    def blocked(self) -> bool:
        return bool(self.blockers)

    def removed(self, *, cascade: bool = False) -> int:
        """Rows the undo removes (with `cascade`, those of the later imports too)."""
        return self.effect.removed + (
            sum(effect.removed for effect in self.cascade) if cascade else 0
        )

    def share(self, *, cascade: bool = False) -> float:
        """The share of all rows in the store the undo removes, 0..1."""
        return self.removed(cascade=cascade) / self.store_rows if self.store_rows else 0.0

    def is_large(self, *, cascade: bool = False) -> bool:
        """True when the undo would remove most of the store: it needs a typed confirmation."""
        return self.share(cascade=cascade) > LARGE_UNDO_SHARE


@dataclass
class _Created:
    """The rows of one kind an import created, checked against the store as they are read.

    Why not the rows themselves: an undo of 800 000 new payments held them as a frame and
    the store's rows of the same keys as another (600 MB); a slice of records at a time, only
    what the analysis and the undo need stays.
    """

    count: int = 0
    ids: list[int] = field(default_factory=list)  # stored ids of those still as it left them
    changed: list[str] = field(default_factory=list)  # row keys of those that are not
    keys: list[object] = field(default_factory=list)  # their keys, for a kind others refer to

    def add(self, conn: Connection, kind: Kind, rows: pd.DataFrame) -> None:
        """Count `rows` (recorded, as the import left them) and check them with the store."""
        current = _current(conn, kind, rows, exact=True)
        position = key_positions(current, rows, kind)
        changed = _differs(kind, current, rows, position)
        self.count += len(rows)
        self.ids += current["_id"].to_numpy()[position[~changed]].tolist()
        self.changed += _json_rows(kind, rows[changed], list(kind.key), keys=True)
        if len(kind.key) == 1:
            self.keys += rows[key_column(kind)].tolist()

    def note(self, row_keys: Sequence[str]) -> None:
        """Keep the keys of rows of a kind with a single key, unchecked and counted apart
        (see `_recorded`'s `check`): the one text value of each recorded JSON list."""
        self.keys += [key for (key,) in json.loads("[" + ",".join(row_keys) + "]")]


@dataclass
class _Recorded:
    """One import's recorded changes read back: per kind, the rows as it left or found them."""

    run: sa.RowMapping
    created: dict[str, _Created] = field(default_factory=dict)
    updated: dict[str, tuple[pd.DataFrame, pd.DataFrame]] = field(default_factory=dict)
    deleted: dict[str, pd.DataFrame] = field(default_factory=dict)  # as they were, with `_id`
    touched: dict[str, set[str]] = field(default_factory=dict)  # kind -> recorded row keys
    # (kind, "updated" | "deleted") -> the store's rows of those keys, read once
    current: dict[tuple[str, str], pd.DataFrame] = field(default_factory=dict)
    # Read unchecked (`_recorded`'s `check`): `touched` holds only the kinds whose rows may
    # refer to rows it created, and the later imports that hang on it are known by key hashes.
    outline: bool = False

    def effect(self) -> ImportEffect:
        run = self.run
        restore = {name: len(before) for name, (before, _after) in self.updated.items()}
        for name, rows in self.deleted.items():
            restore[name] = restore.get(name, 0) + len(rows)
        return ImportEffect(
            import_id=run["id"],
            file_name=run["file_name"],
            started_at=run["started_at"],
            user=run["user"],
            remove={name: created.count for name, created in self.created.items()},
            restore=restore,
        )


def _committed_run(conn: Connection, import_id: int) -> sa.RowMapping:
    run_table = models.ImportRun.__table__
    run = conn.execute(sa.select(run_table).where(run_table.c.id == import_id)).mappings().first()
    if run is None:
        raise UndoError(msg("undo.no_such_import", id=import_id))
    if run["outcome"] == "undone" and (undo := _undo_event(conn, import_id)) is not None:
        raise UndoError(
            msg(
                "undo.already_undone",
                id=import_id,
                when=clock.format_timestamp(undo["at"]),
                user=label(undo["actor_subject"], undo["actor_name"]),
            )
        )
    if run["outcome"] != "committed":
        raise UndoError(msg("undo.not_committed", id=import_id, outcome=code_label(run["outcome"])))
    return run


def _undo_event(conn: Connection, import_id: int) -> sa.RowMapping | None:
    """The audit event of the undo of `import_id` (the latest, were there several): when and
    by whom, which a second undo says rather than only its status "Undone"."""
    audit = models.AuditEvent.__table__
    return (
        conn.execute(
            sa.select(audit.c.at, audit.c.actor_subject, audit.c.actor_name)
            .where(audit.c.import_id == import_id, audit.c.action == AuditAction.UNDO.value)
            .order_by(audit.c.at.desc(), audit.c.id.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )


def _recorded(conn: Connection, run: sa.RowMapping, *, check: bool = True) -> _Recorded:
    """`run`'s recorded changes read back. Without `check`, an outline: its created rows are
    counted by the database, and only those of kinds others refer to are read, for their
    keys; neither parsed nor compared with the store. Enough to know which later imports
    hang on it (`_analyse`), not to undo it.

    Why: the cascade of the projects' import of a 100 000-project store is 21 imports and two
    million created rows; checking each with the store took 18 of the preview's 55 s and was
    done again, row by row, by the undo that each cascaded import gets anyway. Reading back
    and hashing their keys as well, the preview took 36 s on SQLite and 38 s on PostgreSQL;
    as an outline, 25 s on both.
    """
    change = models.ImportChange.__table__
    mine = change.c.import_id == int(run["id"])
    recorded = _Recorded(run, outline=not check)
    if not check:
        made = change.c.before.is_(None)
        counts = conn.execute(
            sa.select(change.c.table_name, sa.func.count())
            .where(mine, made)
            .group_by(change.c.table_name)
        ).all()
        keyed = set()
        for name, count in counts:
            recorded.created[name] = _Created(count=count)
            if len(KINDS[name].key) == 1 and (referrers := _referrers(KINDS[name])):
                keyed |= {name, *(other.name for other, _column in referrers)}
        # The rows it updated or deleted in full; of the kinds above, every record's key.
        mine = sa.and_(mine, sa.or_(~made, change.c.table_name.in_(sorted(keyed))))
    # Read and parsed `_HISTORY_ROWS` records at a time: all 800 000 of an import held as
    # text, and then as a dict per row, took an undo to 1.25 GB. Each slice is a statement
    # of its own, read to its end, between two of the import's record ids: the created rows
    # are checked with the store as each slice is read, through temporary tables, which
    # SQLite cannot drop while another statement is open.
    ids = np.array(
        [row[0] for row in driver_rows(conn, sa.select(change.c.id).where(mine))], np.int64
    )
    ids.sort()
    # (kind, action) -> the recorded rows' columns before and after
    parsed: dict[tuple[str, str], tuple[dict[str, list], dict[str, list]]] = {}
    # Unchecked, a created row's image is not even read ("" for it): most of the text.
    after_column = (
        change.c.after
        if check
        else sa.case((change.c.before.is_(None), sa.literal("")), else_=change.c.after)
    )
    for first in range(0, len(ids), _HISTORY_ROWS):
        within = ids[first : first + _HISTORY_ROWS]
        records = driver_rows(
            conn,
            sa.select(change.c.table_name, change.c.row_key, change.c.before, after_column)
            .where(mine, change.c.id.between(int(within[0]), int(within[-1])))
            .order_by(change.c.id),
        )
        groups: dict[tuple[str, str], list[tuple]] = {}
        for name, row_key, before, after in records:
            action = "created" if before is None else "deleted" if after is None else "updated"
            groups.setdefault((name, action), []).append((row_key, before, after))
            recorded.touched.setdefault(name, set()).add(row_key)
        for (name, action), group in groups.items():
            row_keys, befores, afters = zip(*group, strict=True)
            if action == "created":  # checked now, slice by slice; the rows are not kept
                created = recorded.created.setdefault(name, _Created())
                if not check:
                    if len(KINDS[name].key) == 1:
                        created.note(row_keys)
                    continue
                rows: dict[str, list] = {}
                _parse_into(rows, afters)
                created.add(conn, KINDS[name], _recorded_frame(KINDS[name], rows))
                continue
            into_before, into_after = parsed.setdefault((name, action), ({}, {}))
            _parse_into(into_before, befores)
            if action == "updated":
                _parse_into(into_after, afters)
    for (name, action), (befores, afters) in parsed.items():
        kind = KINDS[name]
        if action == "deleted":
            recorded.deleted[name] = _recorded_frame(kind, befores)
        else:
            recorded.updated[name] = (
                _recorded_frame(kind, befores),
                _recorded_frame(kind, afters),
            )
    return recorded


def _key_label(row_key: str) -> str:
    """A recorded row key (JSON list) as users read it: "2018-04510 · Vinnova · coordinator"."""
    return key_label(json.loads(row_key))


def _differs(
    kind: Kind, current: pd.DataFrame, recorded: pd.DataFrame, position: np.ndarray
) -> np.ndarray:
    """Per recorded row: True when the store no longer holds it exactly as recorded
    (`position`: where `current` holds each recorded row's key, `key_positions`)."""
    differs = position < 0
    found = np.flatnonzero(~differs)
    now = current.iloc[position[found]]
    for column in kind.stored_columns:
        differs[found] |= now[column.name].to_numpy() != recorded[column.name].to_numpy()[found]
    return differs


def _referrers(kind: Kind) -> list[tuple[Kind, str]]:
    """(kind, column) pairs whose column holds the natural key of a `kind` row."""
    found = []
    for other in KINDS.values():
        for column in other.stored_columns:
            target = column.ref.kind if column.ref else SCOPE_KINDS.get(column.scope or "")
            if target == kind.name:
                found.append((other, column.name))
    return found


def _current(
    conn: Connection, kind: Kind, rows: pd.DataFrame, *, exact: bool = False
) -> pd.DataFrame:
    """The store's rows of `kind` now whose natural key is one of `rows`' (as `natural_frame`
    gives them; with `exact`, `exact_rows`): an undo of 100 000 spend lines reads those
    lines, not the million the store holds.
    """
    lookups = {
        column.ref.kind: named_key_ids(conn, column.ref.kind, rows[column.name].tolist())
        for column in map(kind.column, kind.key)
        if column.ref is not None
    }
    return (exact_rows if exact else stored_rows)(conn, kind, rows, lookups)


def _now(conn: Connection, recorded: _Recorded, name: str, action: str) -> pd.DataFrame:
    """The store's rows now with the keys of the rows of kind `name` that `recorded`'s import
    updated or deleted (`action`), read once for the analysis and the undo (created rows are
    checked as they are read, `_Created`).
    """
    if (name, action) not in recorded.current:
        rows = recorded.updated[name][1] if action == "updated" else recorded.deleted[name]
        recorded.current[name, action] = _current(conn, KINDS[name], rows)
    return recorded.current[name, action]


def _referring(conn: Connection, other: Kind, column: str, created: list[object]) -> pd.DataFrame:
    """The keys of the rows of `other` (in natural form) whose `column` names one of the
    `created` keys, read through a temporary table of the referenced ids (or scope references)
    joined with `other`'s table: never the whole kind, and only its key columns (the undo of
    100 000 grants is asked about a million spend lines).
    """
    spec = other.column(column)
    if spec.ref is not None:
        known = named_key_ids(conn, spec.ref.kind, created)  # may hold more than those
        wanted = {spec.ref.id_column: [known[key] for key in created if key in known]}
    else:
        wanted = {"scope": [spec.scope] * len(created), "scope_ref": created}
    return matching_rows(conn, other, wanted, only=other.key)


def _analyse(
    conn: Connection,
    recorded: _Recorded,
    later: LaterRecords,
) -> tuple[dict[int, dict[str, list[str]]], list[str]]:
    """Which later imports hang on `recorded`'s rows (import -> kind -> row keys), and which
    rows changed since outside any import (kind label: key). Reads, never writes: the rows
    the import recorded and the rows that refer to those it created, not whole kinds.
    """
    import_id = recorded.run["id"]
    hanging: dict[int, dict[str, list[str]]] = {}  # import -> kind -> recorded row keys
    outside: list[Message] = []

    def attribute(name: str, row_keys: list[str], *, always: bool, gone: bool = False) -> None:
        """Charge rows to the later imports that recorded them; with `always` a row nobody
        recorded was changed outside the imports (with `gone`, is no longer stored)."""
        recorded_later = later.owners(name, row_keys)
        # Without `always` only the keys a later import recorded matter: those, in key order.
        for row_key in row_keys if always else sorted(recorded_later):
            owners = [i for i in recorded_later.get(row_key, ()) if i > import_id]
            for owner in owners:
                hanging.setdefault(owner, {}).setdefault(name, []).append(row_key)
            if always and not owners:
                row = msg("undo.row", kind=kind_name(name), row=_key_label(row_key))
                outside.append(msg("undo.row_gone", row=row) if gone else row)

    # Rows this import touched that later imports touched too.
    if recorded.outline:  # a cascade asks only which imports: those, without their rows
        for owner in later.followers(import_id):
            hanging.setdefault(owner, {})
    else:
        for name, row_keys in recorded.touched.items():
            attribute(name, list(row_keys), always=False)
    # Rows that are no longer as this import left them (or, deleted, are back).
    for name, created in recorded.created.items():
        attribute(name, created.changed, always=True)
    for name, (_before, after) in recorded.updated.items():
        kind = KINDS[name]
        now = _now(conn, recorded, name, "updated")
        changed = _differs(kind, now, after, key_positions(now, after, kind))
        attribute(name, _json_rows(kind, after[changed], list(kind.key), keys=True), always=True)
    for name, rows in recorded.deleted.items():
        kind = KINDS[name]
        back = key_index(rows, kind).isin(key_index(_now(conn, recorded, name, "deleted"), kind))
        attribute(name, _json_rows(kind, rows[back], list(kind.key), keys=True), always=True)
    # Rows the undo brings back (deleted ones, changed ones as they were) that name rows gone
    # since: the import that deleted those must be undone first. Unseen, the undo of a file
    # that replaced a grant's payments, after a file that replaced the grants without that
    # grant, failed on the payments' missing grant.
    restored = [
        *recorded.deleted.items(),
        *((name, before) for name, (before, _after) in recorded.updated.items()),
    ]
    for name, rows in restored:
        for column in KINDS[name].stored_columns:
            target = column.ref.kind if column.ref else SCOPE_KINDS.get(column.scope or "")
            if target is None:
                continue
            named = [key for key in dict.fromkeys(rows[column.name].tolist()) if key is not None]
            stored = named_key_ids(conn, target, named) if named else {}
            if target in recorded.deleted:  # rows this import deleted come back with it
                stored |= dict.fromkeys(recorded.deleted[target][key_column(KINDS[target])], 0)
            gone = [json.dumps([key], ensure_ascii=False) for key in named if key not in stored]
            attribute(target, gone, always=True, gone=True)
    # People whose funder role names an organisation this import created: the store keeps it.
    if made_organisations := recorded.created.get("organisations"):
        for name, email in funder_roles(conn, made_organisations.ids):
            outside.append(msg(_FUNDER_ROLE, organisation=name, user=email))
    # Rows of other imports (or of nobody) that refer to rows this import created.
    for name, made in recorded.created.items():
        kind = KINDS[name]
        if len(kind.key) != 1:
            continue  # nothing refers to a kind with a compound key
        created = list(dict.fromkeys(made.keys))
        for other, column in _referrers(kind):
            own = recorded.touched.get(other.name, set())
            for first in range(0, len(created), _REFERRED_KEYS):
                part = created[first : first + _REFERRED_KEYS]
                referring = _referring(conn, other, column, part)
                row_keys = _json_rows(other, referring, list(other.key), keys=True)
                attribute(other.name, [key for key in row_keys if key not in own], always=True)
    return (
        {
            owner: {name: list(dict.fromkeys(keys)) for name, keys in kinds.items()}
            for owner, kinds in sorted(hanging.items())
        },
        list(dict.fromkeys(outside)),
    )


def _blockers(conn: Connection, hanging: dict[int, dict[str, list[str]]]) -> list[Blocker]:
    run = models.ImportRun.__table__
    runs = {
        row.id: row
        for row in conn.execute(
            sa.select(run.c.id, run.c.file_name, run.c.started_at, run.c.user).where(
                run.c.id.in_(list(hanging))
            )
        )
    }
    return [
        Blocker(
            owner,
            runs[owner].file_name,
            runs[owner].started_at,
            runs[owner].user,
            rows={name: len(keys) for name, keys in rows.items()},
            examples={
                name: [_key_label(key) for key in keys[:EXAMPLES]] for name, keys in rows.items()
            },
        )
        for owner, rows in hanging.items()
    ]


def _store_rows(conn: Connection) -> int:
    return sum(
        conn.execute(sa.select(sa.func.count()).select_from(table_of(kind))).scalar_one()
        for kind in KINDS.values()
    )


def undo_preview(conn: Connection, import_id: int) -> UndoPreview:
    """What undoing `import_id` would remove and restore, which later imports block it (and
    what a cascade would undo with it), and how much of the store it removes. Writes nothing;
    raises UndoError when the import does not exist or is not committed.
    """
    run = _committed_run(conn, import_id)
    later = LaterRecords(conn, import_id + 1)
    recorded = _recorded(conn, run)
    hanging, outside = _analyse(conn, recorded, later)
    cascade, elsewhere = _cascade(conn, hanging, later)
    return UndoPreview(
        effect=recorded.effect(),
        blockers=_blockers(conn, hanging),
        cascade=cascade,
        outside=list(dict.fromkeys(outside + elsewhere)),
        store_rows=_store_rows(conn),
    )


def _cascade(
    conn: Connection, hanging: dict[int, dict[str, list[str]]], later: LaterRecords
) -> tuple[list[ImportEffect], list[Message]]:
    """Every import a cascade undoes before the one `hanging` hangs on (transitively), newest
    first, and the rows those imports updated or deleted that changed outside the imports
    since. Their created rows are not checked here (`_recorded`'s `check`): the undo of each
    checks them as it runs and refuses, naming them, before anything is written.
    """
    cascade: dict[int, ImportEffect] = {}
    outside: list[Message] = []
    pending = list(hanging)
    while pending:
        other = _recorded(conn, _committed_run(conn, pending.pop()), check=False)
        cascade[other.run["id"]] = other.effect()
        more, elsewhere = _analyse(conn, other, later)
        outside += elsewhere
        pending += [owner for owner in more if owner not in cascade and owner not in pending]
    return [cascade[owner] for owner in sorted(cascade, reverse=True)], outside


def _cascade_of(conn: Connection, import_id: int) -> list[int]:
    """The imports a cascade undoes before `import_id`, newest first, known by their records'
    keys: each is checked in full as the undo reaches it (`_undo_one`). A function of its own
    so that what it reads (the later records' hashes, two million hanging keys at 100 000
    projects) is let go before the undo begins.
    """
    # Its own records too: read as an outline, its followers are known by their hashes.
    later = LaterRecords(conn, import_id)
    recorded = _recorded(conn, _committed_run(conn, import_id), check=False)
    hanging, _outside = _analyse(conn, recorded, later)
    return [effect.import_id for effect in _cascade(conn, hanging, later)[0]]


def _blocked_error(import_id: int, blockers: list[Blocker]) -> UndoBlockedError:
    imports = [
        msg("undo.blocker", id=b.import_id, file=b.file_name, what=b.describe()) for b in blockers
    ]
    return UndoBlockedError(
        msg("undo.blocked", id=import_id, imports=listing(imports, "list.semicolon")), blockers
    )


def outside_message(
    import_id: int, rows: list[Message], *, on_command_line: bool = False
) -> Message:
    """Why `import_id` cannot be undone when `rows` changed outside the imports since: the
    first five of them named, so the person can find and fix them. The funder roles among
    them (`_FUNDER_ROLE`) changed no row: they are said apart, with where to remove
    them (`on_command_line`: by the command, else on the Administration page)."""
    roles = [row for row in rows if row.key == _FUNDER_ROLE]
    changed = [row for row in rows if row.key != _FUNDER_ROLE]
    said = []
    if changed:
        shown = listing(changed[:5])
        if changed[5:]:
            shown = msg("list.more", items=shown)
        said.append(msg("undo.outside", id=import_id, rows=shown))
    if roles:
        remove = how_to_remove_funder_roles(on_command_line=on_command_line)
        roles_said = listing(roles, "list.semicolon")
        said.append(msg("undo.funder_roles", id=import_id, roles=roles_said, remove=remove))
    return listing(said, "undo.refusals")


def _taken_ids(conn: Connection, kind: Kind, ids: list[int]) -> list[int]:
    """Which of `ids` rows of `kind` hold now."""
    return matching_rows(conn, kind, {"id": ids}, only=())["_id"].tolist()


def _referred_ids(conn: Connection, kind: Kind, rows: pd.DataFrame) -> dict[str, dict]:
    """Natural key -> id of the rows `rows` of `kind` refer to, per kind referred to: those
    named (and the whole kind where it is small). Read for the rows an undo writes back, when
    their turn comes, so a parent restored before them is found: ten corrected payments of a
    store of 100 000 grants looked up ten grants, not all (0.19 of an undo's 0.36 s)."""
    named: dict[str, list[object]] = {}
    for column in kind.stored_columns:
        if column.ref is not None:
            named.setdefault(column.ref.kind, []).extend(rows[column.name].tolist())
    return {ref: named_key_ids(conn, ref, keys) for ref, keys in named.items()}


def _undo_one(conn: Connection, import_id: int, *, on_command_line: bool) -> ImportEffect:
    """Undo one import that nothing hangs on; refuse (UndoError) otherwise, in words for the
    command line's reader or a page's (`outside_message`)."""
    recorded = _recorded(conn, _committed_run(conn, import_id))
    hanging, outside = _analyse(conn, recorded, LaterRecords(conn, import_id + 1))
    if outside:
        raise UndoError(outside_message(import_id, outside, on_command_line=on_command_line))
    if hanging:
        raise _blocked_error(import_id, _blockers(conn, hanging))
    order = list(KINDS)
    now = clock.utc_now()

    def ids(name: str, action: str, rows: pd.DataFrame) -> list[int]:
        # Read before anything is written: restoring deleted rows changes no other row's id.
        kind, current = KINDS[name], _now(conn, recorded, name, action)
        position = key_positions(current, rows, kind)
        return current["_id"].iloc[position].tolist()

    # Deleted rows come back first, parents first: restored updates may refer to them.
    for name in (name for name in order if name in recorded.deleted):
        kind, before = KINDS[name], recorded.deleted[name]
        stored = [c.name for c in kind.stored_columns]
        lookups = _referred_ids(conn, kind, before)
        # A deleted row comes back under its own id, unless a later row took it.
        free = ~before["_id"].isin(_taken_ids(conn, kind, before["_id"].tolist())).to_numpy()
        for keeps_id, rows in ((True, before[free]), (False, before[~free])):
            if len(rows):
                columns = table_columns(kind, rows[stored], lookups)
                if keeps_id:
                    columns["id"] = rows["_id"].tolist()
                _insert(conn, kind, columns, now)
    # Changed rows get their earlier values, so none refers to a created row any more ...
    for name in (name for name in order if name in recorded.updated):
        kind, (before, after) = KINDS[name], recorded.updated[name]
        stored = [c.name for c in kind.stored_columns]
        lookups = _referred_ids(conn, kind, before)
        _update_by_id(
            conn,
            kind,
            table_columns(kind, before[stored], lookups),
            # Found as the import left them: an update may have filled in a key column (a
            # payment's reference), so the key before it may no longer be stored.
            ids(name, "updated", after),
            now,
        )
    # ... and the created rows go, children first.
    for name in (name for name in reversed(order) if name in recorded.created):
        _delete_by_id(conn, KINDS[name], recorded.created[name].ids)
    run_table = models.ImportRun.__table__
    conn.execute(sa.update(run_table).where(run_table.c.id == import_id).values(outcome="undone"))
    return recorded.effect()


def undo_import(
    conn: Connection,
    import_id: int,
    *,
    identity: Identity,
    cascade: bool = False,
    expected: Sequence[int] | None = None,
    written: dict[str, int] | None = None,
) -> dict[str, int]:
    """Undo `import_id` on `conn` (inside the caller's transaction): remove the rows it created,
    restore those it changed or deleted. When later imports hang on its rows it raises
    UndoBlockedError naming them; with `cascade` it undoes them first, newest first; with
    `expected` (the cascade a person was shown) only if they are those, else UndoError: an
    import that came to hang on it while the question waited was never shown.

    `identity` may undo its own imports with UNDO_OWN; when any import undone (the cascade's
    too) was committed by someone else it needs UNDO_ANY (AccessDenied, nothing written).
    Each import undone gets its audit event in the same transaction.

    Returns counts: rows "deleted", rows "restored", and "imports" undone; `written`, when
    given, gains the rows removed or restored per table (for `store.refresh_statistics`).
    """
    identity.require(Right.UNDO_OWN)
    first = _cascade_of(conn, import_id) if cascade else []
    if expected is not None and list(first) != list(expected):
        now = ", ".join(f"#{number}" for number in first) or "–"
        raise UndoError(msg("undo.cascade_changed", id=import_id, imports=now))
    run_table = models.ImportRun.__table__
    # Read to the end: a statement left open would keep SQLite from dropping the temporary
    # tables the undo writes through.
    committers = (
        conn.execute(sa.select(run_table.c.user).where(run_table.c.id.in_([*first, import_id])))
        .scalars()
        .all()
    )
    if any(committer != identity.subject for committer in committers):
        identity.require(Right.UNDO_ANY)
    counts = {"deleted": 0, "restored": 0, "imports": 0}
    for each in [*first, import_id]:
        try:
            effect = _undo_one(conn, each, on_command_line=identity.mode == "cli")
        except UndoError as refused:
            if each == import_id:
                raise
            # Named by the import the person chose too: the one the cascade stopped at is a
            # number they did not pick.
            raise UndoError(
                msg("undo.cascade_refused", id=import_id, reason=refused.message)
            ) from refused
        record(
            conn,
            identity,
            AuditAction.UNDO,
            import_id=each,
            detail={
                "file": effect.file_name,
                "removed": effect.remove,
                "restored": effect.restore,
                "cascade_of": import_id if each != import_id else None,
            },
        )
        if written is not None:
            for name, rows in [*effect.remove.items(), *effect.restore.items()]:
                table = table_of(KINDS[name]).name
                written[table] = written.get(table, 0) + rows
        counts["deleted"] += effect.removed
        counts["restored"] += effect.restored
        counts["imports"] += 1
    return counts
