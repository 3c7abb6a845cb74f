"""The store seen in natural keys, and back: the bridge between files and tables.

`read_natural` gives a kind's rows as users write them (organisation names, diarienummer,
programme codes instead of ids). The preview diffs uploads against it, exports write it, and
`table_columns` turns natural columns into table columns for the bulk writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from operator import itemgetter

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena.ingest.kinds import KINDS, Column, Kind
from arena.store import analyse_temporary

# Which kind a scope column points at (country scopes point at no table).
SCOPE_KINDS = {"programme": "programmes", "project": "projects"}


def table_of(kind: Kind) -> sa.Table:
    return kind.model.__table__


def key_column(kind: Kind) -> str:
    """The single natural-key column of a kind other rows refer to (name, code, reference)."""
    (column,) = kind.key
    return column


def natural_select(
    kind: Kind, *, keys: sa.Table | None = None, only: Sequence[str] | None = None
) -> sa.Select:
    """SELECT of a kind's natural columns (plus `_id`), joining referenced tables for their keys;
    with `keys` (a table of some of the kind's key columns, see `stored_rows`) only the rows
    whose key is in it, in no particular order; with `only`, only those natural columns.
    """
    table = table_of(kind)
    selected: list[sa.ColumnElement] = [table.c.id.label("_id")]
    joined: sa.FromClause = table
    if keys is not None:
        joined = table.join(keys, sa.and_(*(table.c[c.name] == c for c in keys.c)))
    for column in _natural_columns(kind, only):
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
    statement = sa.select(*selected).select_from(joined)
    # In id order; a read by keys is sorted after the database's work (`_frame_of`): asked
    # to sort by id, SQLite scans the whole table in id order rather than look each key up
    # (a million payments read to find the 100 000 of a file).
    return statement if keys is not None else statement.order_by(table.c.id)


def _natural_columns(kind: Kind, only: Sequence[str] | None) -> list[Column]:
    if only is None:
        return list(kind.stored_columns)
    return [kind.column(name) for name in only]


def read_natural(conn: Connection, kind: Kind) -> list[dict]:
    """The kind's rows in natural form, as dicts (dates as dates, money as int)."""
    return [dict(row) for row in conn.execute(natural_select(kind)).mappings()]


def natural_frame(conn: Connection, kind: Kind) -> pd.DataFrame:
    """The kind's rows in natural form as a frame: `_id` plus its columns, object dtype and
    None for NULL, so cells compare exactly with parsed uploads (no NaN, no numpy scalars).
    """
    return _frame_of(conn, kind, natural_select(kind))


def _frame_of(
    conn: Connection, kind: Kind, statement: sa.Select, only: Sequence[str] | None = None
) -> pd.DataFrame:
    """The rows of a `natural_select` of `kind` (of its columns `only`, if given) as a natural
    frame, read through the driver: Core's row objects and their per-value date processing
    took 0.45 of the 0.65 s a frame of 100 000 payments cost (an undo, a file of changes).
    SQLite gives dates as ISO text, made dates once per distinct day; PostgreSQL gives them
    as dates."""
    natural = _natural_columns(kind, only)
    names = ["_id", *(column.name for column in natural)]
    rows = driver_rows(conn, statement)
    rows.sort(key=itemgetter(0))  # in id order, as `natural_select` leaves a read by keys
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    del rows  # the row tuples, once the columns hold their values: 80 MB at 800 000 rows
    data: dict[str, Sequence[object]] = dict(zip(names, columns, strict=True))
    for column in natural:
        if column.type.dtype == "date":
            data[column.name] = each_distinct(as_date, list(data[column.name]))
    return objects_frame(data)


def as_date(value: object) -> date:
    """A date as a driver hands it over (SQLite: ISO text) as a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


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
    columns = key_columns(frame, kind.key)
    if len(columns) == 1:
        return pd.Index(_objects(columns[0]), dtype=object)
    return pd.Index(list(zip(*columns, strict=True)), dtype=object, tupleize_cols=False)


def key_positions(stored: pd.DataFrame, frame: pd.DataFrame, kind: Kind) -> np.ndarray:
    """Per row of `frame`, the position of the row of `stored` with the same natural key, or
    -1 where `stored` has none."""
    return key_index(stored, kind).get_indexer(key_index(frame, kind))


def key_columns(frame: pd.DataFrame, names: Sequence[str]) -> list[list[object]]:
    """The values of key columns `names` in `frame`, as lists; a column it lacks is empty."""
    return [
        frame[name].tolist() if name in frame.columns else [None] * len(frame) for name in names
    ]


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


@contextmanager
def _driver_cursor(conn: Connection, statement: sa.Select) -> Iterator[object]:
    """The DBAPI cursor of `statement` (its values bound into the SQL), closed after; a
    driver error while reading comes as Core's (DBAPIError)."""
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
    result = conn.exec_driver_sql(str(compiled))
    dbapi_error = conn.dialect.loaded_dbapi.Error
    try:
        yield result.cursor
    except dbapi_error as exc:
        raise sa.exc.DBAPIError.instance(str(compiled), None, exc, dbapi_error) from exc
    finally:
        result.close()


def driver_rows(conn: Connection, statement: sa.Select) -> list[tuple]:
    """The rows of `statement` as the database driver gives them (its values bound into the
    SQL), for columns of text and integers that need no converting: Core's row objects cost
    more than the query for a kind of 100 000 rows. Errors come as Core's (DBAPIError).
    """
    with _driver_cursor(conn, statement) as cursor:
        return cursor.fetchall()


def driver_batches(conn: Connection, statement: sa.Select, size: int) -> Iterator[list[tuple]]:
    """`driver_rows` `size` rows at a time, for a read too large to hold as Python rows at once
    (the 800 000 change records an undo reads back)."""
    with _driver_cursor(conn, statement) as cursor:
        while rows := cursor.fetchmany(size):
            yield rows


def key_ids(conn: Connection, kind_name: str) -> dict[object, int]:
    """Natural key -> id for a kind that others refer to."""
    kind = KINDS[kind_name]
    table = table_of(kind)
    return dict(driver_rows(conn, sa.select(table.c[key_column(kind)], table.c.id)))


def table_columns(
    kind: Kind, frame: pd.DataFrame, lookups: dict[str, dict[object, int]]
) -> dict[str, list[object]]:
    """Natural columns (the frame's) -> table columns: references to ids, scope columns to
    (scope, scope_ref); other columns as they are, under the same names; a column the table
    derives from one of them (`Kind.derived`: an indicator value's `preliminary`) beside it.

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
            if None in values:
                columns[column.ref.id_column] = [None if x is None else lookup[x] for x in values]
            else:  # a required reference: looked up in one pass of a built-in
                columns[column.ref.id_column] = list(map(lookup.__getitem__, values))
        elif column is None or column.scope is None:
            columns[name] = values
    if scoped:
        # Each row's one scope: the last scope column with a value (the plan allows one).
        scopes = np.full(len(frame), None, dtype=object)
        refs = np.full(len(frame), None, dtype=object)
        for column in scoped:
            values = frame[column.name].to_numpy()
            filled = ~np.equal(values, None)
            scopes[filled] = column.scope
            refs[filled] = values[filled]
        columns["scope"], columns["scope_ref"] = scopes.tolist(), refs.tolist()
    for target, source, rule in kind.derived:
        if source in columns:  # written with what it is read from, never apart
            columns[target] = [rule(value) for value in columns[source]]
    return columns


_EXECUTEMANY_ROWS = 50_000


def executemany(conn: Connection, statement: sa.Executable, columns: dict[str, list]) -> None:
    """Run `statement` once per row of `columns` (parameter name -> values) in one executemany.

    Parameters are converted column by column with the types' own processors and handed to
    the driver as they are: Core's per-row dictionaries cost more than the database's work
    on a large upload. One path for SQLite (positional parameters) and PostgreSQL (named),
    except that an INSERT on PostgreSQL goes through COPY: its driver sends an executemany
    row by row, and 100 000 rows took a minute where COPY takes a second.
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
        converted[name] = values if process is None else each_distinct(process, values)
    if conn.dialect.name == "postgresql" and isinstance(statement, sa.Insert):
        _copy(conn, statement.table, converted)
        return
    if compiled.positional:
        ordered = [converted[name] for name in compiled.positiontup]
    else:
        names = [compiled.bind_names[compiled.binds[name]] for name in converted]
        ordered = list(converted.values())
    # The driver's rows a slice at a time: a row tuple each for 800 000 payments held 80 MB
    # more at the import's peak, for no gain in speed.
    for start in range(0, len(ordered[0]), _EXECUTEMANY_ROWS):
        chunk = zip(*(values[start : start + _EXECUTEMANY_ROWS] for values in ordered), strict=True)
        rows: list = (
            list(chunk)
            if compiled.positional
            else [dict(zip(names, values, strict=True)) for values in chunk]
        )
        conn.exec_driver_sql(str(compiled), rows)


def _copy(conn: Connection, table: sa.TableClause, columns: dict[str, list]) -> None:
    """COPY the rows of `columns` (column name -> values, as the driver takes them) into
    `table` on PostgreSQL, inside the connection's transaction. Errors come as Core's
    (an IntegrityError for a broken constraint), as from an INSERT.
    """
    quote = conn.dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in columns)
    statement = f"COPY {quote(table.name)} ({names}) FROM STDIN"
    dbapi_error = conn.dialect.loaded_dbapi.Error
    try:
        with (
            conn.connection.driver_connection.cursor() as cursor,
            cursor.copy(statement) as copy,
        ):
            for row in zip(*columns.values(), strict=True):
                copy.write_row(row)
    except dbapi_error as exc:
        raise sa.exc.DBAPIError.instance(statement, None, exc, dbapi_error) from exc


def each_distinct(function: Callable[[object], object], values: list) -> list:
    """`function` of every value but None, computed once per distinct value: the dates of a
    large file repeat, and converting each one costs more than looking it up.
    """
    types = set(map(type, values)) - {type(None)}
    if len(types) == 1:  # the usual column, of one type: looked up in passes of built-ins
        done = {value: function(value) for value in set(values) if value is not None}
        return list(map({**done, None: None}.__getitem__, values))
    # Keyed by type too: 0 and 0.0 (or True and 1) are equal as dict keys but not as JSON.
    distinct = {(type(value), value) for value in values if value is not None}
    done = {key: function(key[1]) for key in distinct}
    return [None if value is None else done[type(value), value] for value in values]


def _table_keys(
    kind: Kind,
    frame: pd.DataFrame,
    lookups: dict[str, dict[object, int]],
    *,
    optional: bool = False,
) -> dict[str, list[object]]:
    """The frame's natural keys as the table's key columns (ids for references, scope and
    scope_ref for scope columns; optional key columns left out unless `optional`), only for
    rows whose every such column has a stored value: a reference to a row the store lacks
    (an organisation this upload creates) matches nothing, nor does an empty key cell.
    """
    columns: dict[str, list[object]] = {}
    scopes: list[object] = [None] * len(frame)
    refs: list[object] = [None] * len(frame)
    # Without its optional key columns: the rows a file names by the rest of the key are read
    # too (a payment stored with a reference, named by a ledger without one).
    for name in (name for name in kind.key if optional or name not in kind.optional_key):
        column = kind.column(name)
        values = frame[name].tolist() if name in frame.columns else [None] * len(frame)
        if column.ref is not None:
            lookup = lookups.get(column.ref.kind, {})
            columns[column.ref.id_column] = [None if x is None else lookup.get(x) for x in values]
        elif column.scope is not None:
            for index, value in enumerate(values):
                if value is not None:
                    scopes[index], refs[index] = column.scope, value
            columns["scope"], columns["scope_ref"] = scopes, refs
        else:
            columns[name] = values
    complete = list(
        dict.fromkeys(row for row in zip(*columns.values(), strict=True) if None not in row)
    )
    return {name: [row[position] for row in complete] for position, name in enumerate(columns)}


def stored_rows(
    conn: Connection, kind: Kind, frame: pd.DataFrame, lookups: dict[str, dict[object, int]]
) -> pd.DataFrame:
    """The store's rows of `kind` whose natural key is one of `frame`'s, in natural form as
    `natural_frame` gives them: what a plan compares an upload with.

    The keys go to the database in a temporary table that the kind's table is joined with on
    its unique key, so a file of 100 000 spend lines reads the store's rows for those lines,
    not the million rows the store may hold. `lookups` gives the ids of referenced kinds.
    A kind with no more rows than the file (none, on a first import) is read whole: that
    costs no more memory than the file, and less time than sending its keys.
    """
    table = table_of(kind)
    largest = conn.execute(sa.select(sa.func.max(table.c.id))).scalar()
    if largest is None or largest <= len(frame):  # ids count the rows, or more
        return natural_frame(conn, kind)
    return matching_rows(conn, kind, _table_keys(kind, frame, lookups))


def exact_rows(
    conn: Connection, kind: Kind, frame: pd.DataFrame, lookups: dict[str, dict[object, int]]
) -> pd.DataFrame:
    """The store's rows whose whole key, optional columns included, is one of `frame`'s (for
    rows with an empty optional key cell, as `stored_rows` finds them): what an undo checks a
    slice of created rows with. By the rest of the key alone, each slice of 100 000 payments
    of a file with three references per grant and day read 300 000 rows.
    """
    if not kind.optional_key:
        return stored_rows(conn, kind, frame, lookups)
    whole = frame[list(kind.optional_key)].notna().all(axis=1).to_numpy()
    found = matching_rows(conn, kind, _table_keys(kind, frame[whole], lookups, optional=True))
    if whole.all():  # the common case: a stored optional key holds "" for none
        return found
    by_rest = stored_rows(conn, kind, frame[~whole], lookups)
    both = pd.concat([found, by_rest], ignore_index=True).drop_duplicates("_id")
    return objects_frame(both.to_dict("list"))


def matching_rows(
    conn: Connection,
    kind: Kind,
    columns: dict[str, list[object]],
    *,
    only: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The rows of `kind` in natural form (as `natural_frame`; with `only`, of those natural
    columns and `_id`) whose table columns `columns` (name -> values, one set of values per
    wanted row) hold one of the given sets: the keys go in a temporary table joined with the
    kind's table through its indexes.
    """
    with rows_table(conn, table_of(kind), columns) as keys:
        return _frame_of(conn, kind, natural_select(kind, keys=keys, only=only), only)


def named_key_ids(conn: Connection, kind_name: str, keys: Iterable[object]) -> dict[object, int]:
    """Natural key -> id of the rows of a kind that others refer to, at least those whose key
    is in `keys` (the ones an upload names): the whole kind when it has not many more rows
    than that (sending a key costs about what reading a row does), else only those.
    """
    kind = KINDS[kind_name]
    table = table_of(kind)
    name = key_column(kind)
    wanted = {name: [key for key in dict.fromkeys(keys) if key is not None]}
    largest = conn.execute(sa.select(sa.func.max(table.c.id))).scalar()
    if largest is None or largest <= WHOLE_KIND_SHARE * len(wanted[name]):
        return key_ids(conn, kind_name)
    with rows_table(conn, table, wanted) as named:
        statement = sa.select(table.c[name], table.c.id).join(named, named.c[name] == table.c[name])
        return dict(driver_rows(conn, statement))


# A kind with up to this many times more rows than an upload names is read whole.
WHOLE_KIND_SHARE = 4


@contextmanager
def rows_table(
    conn: Connection, table: sa.Table, rows: dict[str, list[object]]
) -> Iterator[sa.Table]:
    """A temporary table of `rows` (columns of `table`, with their types) for the length of
    the block: a join with it reads or writes the rows of those keys or ids through the
    table's indexes in one statement, where an IN list of 100 000 keys would pass the
    database's limit on bound parameters and a statement per row costs PostgreSQL a round
    trip each.
    """
    temporary = sa.Table(
        "arena_rows",
        sa.MetaData(),
        *(sa.Column(name, table.c[name].type) for name in rows),
        prefixes=["TEMPORARY"],
    )
    temporary.create(conn)
    executemany(conn, sa.insert(temporary), rows)
    analyse_temporary(conn, "arena_rows")
    yield temporary
    # Not after an error: the transaction rolls back, and takes the table with it (a statement
    # in a failed transaction would replace PostgreSQL's error with its own).
    temporary.drop(conn)
