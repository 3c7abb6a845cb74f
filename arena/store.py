"""The store: one engine per URL, SQLite tuned for a dashboard, migrations to head.

SQLite gets WAL (readers never block the importer), foreign keys on (SQLite defaults them off)
and `BEGIN IMMEDIATE` for write transactions so two imports serialise instead of failing halfway.
PostgreSQL is reached through psycopg 3 (`postgresql+psycopg://`), each connection with room to
group and sort a whole table in memory (`config.pg_work_mem`).
"""

from __future__ import annotations

import atexit
import functools
import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from arena import config
from arena.i18n import Message, msg

LOG = logging.getLogger("arena")


class StoreError(Exception):
    """The store cannot be reached or used; `message` is meant for a person, in the reader's
    language (`str` is its English, for the log)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


def safe_url(url: str) -> str:
    """The URL with any password masked, for messages and `arena info`."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Turn off the driver's own transaction handling so our BEGIN IMMEDIATE is the one used.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
    # SQLite's own lower() folds ASCII letters only: a search for "Östersund" (lowered to
    # "östersund") found no "Östersunds kommun", and "SKOLKÖK" no "skolkök". Every search
    # compares lower() of both sides, so lower() folds every letter, as PostgreSQL's does.
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)


def _lower(value: object) -> object:
    """lower() for SQLite: text with every letter folded (str.lower); NULL stays NULL and a
    number or blob is returned as it is (none of them is searched as text)."""
    return value.lower() if isinstance(value, str) else value


def _sqlite_begin(conn: Connection) -> None:
    # Writers take the write lock up front (BEGIN IMMEDIATE) so a second import waits for the
    # first instead of failing halfway; readers stay deferred and never block each other in WAL.
    mode = "IMMEDIATE" if conn.get_execution_options().get("arena_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _postgres_session(dbapi_connection, _record, *, work_mem: str) -> None:
    # Outside a transaction (autocommit), as SQLAlchemy's recipe for session settings does: a
    # SET inside one is undone when the pool rolls it back on the connection's first return.
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SELECT set_config('work_mem', %s, false)", (work_mem,))
    dbapi_connection.autocommit = autocommit


def get_engine(url: str | None = None) -> Engine:
    """The engine for `url` (default: `ARENA_DATABASE_URL` or the embedded SQLite file).

    One engine (and connection pool) per URL and process. The URL is resolved before the
    cache lookup, so a changed `ARENA_DATABASE_URL` is honoured on the next call.
    """
    return _engine_for(url or config.database_url())


@functools.cache
def _engine_for(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(msg("store.error.invalid_url", url=repr(url), reason=str(exc))) from exc
    if parsed.drivername in ("postgres", "postgresql"):
        # "postgres://" is how libpq, hosting platforms and their environment variables write
        # a PostgreSQL URL, which SQLAlchemy does not read; either means psycopg 3, our driver.
        parsed = parsed.set(drivername="postgresql+psycopg")
        url = parsed.render_as_string(hide_password=False)
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = sa.create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = sa.create_engine(url, pool_pre_ping=True)
            if parsed.get_backend_name() == "postgresql" and (work_mem := config.pg_work_mem()):
                event.listen(
                    engine, "connect", functools.partial(_postgres_session, work_mem=work_mem)
                )
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(
            msg("store.error.unsupported_url", url=safe_url(url), reason=str(exc))
        ) from exc
    except ValueError as exc:  # the work_mem setting (`config.pg_work_mem`)
        raise StoreError(
            msg(
                "store.error.work_mem",
                variable=config.PG_WORK_MEM_VAR,
                value=repr(os.environ.get(config.PG_WORK_MEM_VAR, "")),
            )
        ) from exc
    _OPEN_ENGINES.append(engine)
    return engine


# Every engine `_engine_for` made, for `close_engines`, which also runs as the process
# exits (the app's server stopped by Ctrl-C or SIGTERM).
_OPEN_ENGINES: list[Engine] = []


def close_engines() -> None:
    """Close the pooled connections of every engine this process made, as a command ends.

    Why: SQLite moves a WAL store's committed pages from its `-wal` file into the store's
    file when the last connection closes. A command that ended with its pool open left
    them in the `-wal` file: a copy of `arena.db` alone, the way files are backed up, held
    an empty store. The engines stay usable; the next statement opens a new connection.
    """
    for engine in _OPEN_ENGINES:
        engine.dispose()


atexit.register(close_engines)


def _sqlite_file(url: sa.URL) -> Path | None:
    """The file of a SQLite store named by its path; None for any other store, an in-memory
    one, or a URI (`sqlite:///file:...?uri=true`, read-only stores in tests and backups),
    which names its file its own way: taken for a path, it made a folder called "file:"."""
    if url.get_backend_name() != "sqlite" or _in_memory(url):
        return None
    if url.query.get("uri") or url.database.startswith("file:"):
        return None
    return Path(url.database)


def _in_memory(url: sa.URL) -> bool:
    """A SQLite store in memory (`sqlite://`, `sqlite:///`, `sqlite:///:memory:`): each
    connection has its own, and it is gone when that connection closes."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def _file_missing(engine: Engine) -> bool:
    """A SQLite store named by a path whose file does not exist (checked without connecting)."""
    path = _sqlite_file(engine.url)
    return path is not None and not path.exists()


def create_folder(engine: Engine) -> None:
    """Make the folder of a SQLite store's file, for what creates a store (`init`, `migrate`)
    and nothing else: the app and the other commands find a missing store missing."""
    if (path := _sqlite_file(engine.url)) is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


def failure(exc: DBAPIError) -> str:
    """Why the store failed a statement, as its driver said it in one line ("attempt to write
    a readonly database"): what a person is told, never the statement or a traceback."""
    return str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)


def check_connection(engine: Engine) -> None:
    """Raise StoreError with a readable message when the database cannot be reached."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except OperationalError as exc:
        raise StoreError(
            msg("store.error.unreachable", url=safe_url(str(engine.url)), reason=failure(exc))
        ) from exc


# Any constant works; it names the one lock all writers of this store share on PostgreSQL.
_WRITE_LOCK_KEY = 4_711_2017


# The import runs as the store version reads them (a table clause: no model needed here).
_RUNS = sa.table("import_run", sa.column("id"), sa.column("outcome"))


def version_of(conn: Connection) -> tuple[int, int]:
    """The store's version: (newest import run, undone runs). Every import inserts its run
    and every undo marks one undone, in the transaction that writes their rows, so the version
    moves exactly when the data does: the pages key their caches on it (`ui.store_version`),
    a commit checks it against its preview's (`ingest.import_files`).

    Cheap: one step down the primary key and a count over the index on the outcome. Two
    scalar subqueries, not one aggregate with a FILTER: together in one aggregate both scan
    the table.
    """
    statement = sa.select(
        sa.select(sa.func.coalesce(sa.func.max(_RUNS.c.id), 0)).scalar_subquery(),
        sa.select(sa.func.count()).where(_RUNS.c.outcome == "undone").scalar_subquery(),
    )
    latest, undone = conn.execute(statement).one()
    return int(latest), int(undone)


def version(engine: Engine) -> tuple[int, int]:
    """`version_of` on a connection of its own: the store's version as a reader sees it now."""
    with engine.connect() as conn:
        return version_of(conn)


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction: all or nothing, and writers take turns.

    SQLite: BEGIN IMMEDIATE (busy_timeout makes the next writer wait up to 30 s).
    PostgreSQL: a transaction-scoped advisory lock, so two imports never interleave.
    """
    with engine.connect().execution_options(arena_write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK_KEY})
        with _write_cache(conn):
            yield conn


# SQLite's page cache while a write transaction runs, in KiB (its default is 2 000): the rows of
# a large upload go into indexes all over a big table (a million spend lines, two million
# history records), and with the default cache each insert reads again pages it wrote a moment
# before. For the whole transaction, the summaries' upkeep and an undo included: with the
# default cache the places of 100 000 new participants took 0.62 s instead of 0.35 s.
_WRITE_CACHE_KIB = 131_072


@contextmanager
def _write_cache(conn: Connection) -> Iterator[None]:
    """A page cache large enough for a large write on SQLite, as it was after (before the
    commit): the connection goes back to the pool, and a reader needs no more than the
    default. SQLite allocates the cache as pages are read, so a small write costs nothing."""
    if conn.dialect.name != "sqlite":
        yield
        return
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{_WRITE_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")


# PostgreSQL's autovacuum refreshes a table's planner statistics once more than 50 rows plus a
# tenth of the table changed (autovacuum_analyze_threshold / _scale_factor), up to a minute
# (autovacuum_naptime) after the commit. Until then the planner plans for the table as it was.
_ANALYSE_ROWS, _ANALYSE_SHARE = 50, 0.1


def analyse_temporary(conn: Connection, name: str) -> None:
    """Count the rows of the temporary table `name`, just filled, for the planner.

    A new table has no statistics, and both databases guess wrong from that. PostgreSQL
    guessed 200 distinct values per column and hashed the million spend lines to look up
    100 000 new ones (1.2 s; counted, it probes the index, 0.4 s). SQLite took ten keys for
    many and read all 300 000 payments or 100 000 grants to find theirs (0.1-0.5 s; counted,
    a millisecond). An empty table gets no statistics either: a caller with nothing in it
    has nothing to look up.
    """
    conn.exec_driver_sql(
        f"ANALYZE temp.{name}" if conn.dialect.name == "sqlite" else f"ANALYZE {name}"
    )


def refresh_statistics(engine: Engine, changed: Mapping[str, int]) -> list[str]:
    """On PostgreSQL, ANALYZE now each table of `changed` (table name: rows written) that
    autovacuum would analyse after this write; the names of the tables analysed.

    Why: right after an import of 200 000 milestones into a store of 100 000 projects, the
    Overview's attention list was planned for the milestone table before the import: 28 s
    instead of 0.6 s, until autovacuum caught up (issue 11). SQLite plans without statistics
    unless a store has run ANALYZE (ours never does): nothing to refresh.

    Best effort, after the commit: the data is written whatever happens here; a failure only
    leaves the refresh to autovacuum, and is logged.
    """
    if engine.dialect.name != "postgresql" or not changed:
        return []
    try:
        with engine.connect() as conn:
            # reltuples: the rows at the last ANALYZE (-1: never analysed, since PostgreSQL 14).
            sizes = dict(
                conn.execute(
                    sa.text(
                        "SELECT relname, reltuples FROM pg_class WHERE relkind = 'r'"
                        " AND relnamespace = current_schema()::regnamespace"
                        " AND relname = ANY(:names)"
                    ),
                    {"names": sorted(changed)},
                ).all()
            )
            due = [
                name
                for name, rows in sorted(changed.items())
                if name in sizes and rows > _ANALYSE_ROWS + _ANALYSE_SHARE * max(sizes[name], 0)
            ]
            quote = conn.dialect.identifier_preparer.quote
            for name in due:
                conn.exec_driver_sql(f"ANALYZE {quote(name)}")
            conn.commit()
    except DBAPIError:
        LOG.warning(
            "refreshing the planner statistics of %s failed", sorted(changed), exc_info=True
        )
        return []
    return due


def alembic_config():
    """Alembic's configuration for our migrations (no alembic.ini needed at run time)."""
    from alembic.config import Config

    alembic_cfg = Config()
    alembic_cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return alembic_cfg


@dataclass(frozen=True)
class Upgrade:
    """What `migrate` did: the revision the store was at (None: a store it created) and is at
    now, and the migrations it applied, oldest first (none: it was at the revision already)."""

    before: str | None
    after: str | None
    applied: tuple[str, ...]


def migration_plan(before: str | None, revision: str = "head") -> tuple[str, ...]:
    """The migrations that take a store at `before` (None: empty) to `revision`, oldest
    first: our history is one line, each migration revising the one before."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    line = [step.revision for step in script.walk_revisions(base="base", head=revision)]
    line.reverse()  # walked from the head down
    return tuple(line[line.index(before) + 1 :] if before in line else line)


def migrate(engine: Engine, revision: str = "head") -> Upgrade:
    """Bring the schema up to `revision` with Alembic (creates it on an empty store, and a
    SQLite store's file with its folder: the one place a store is made), in one transaction;
    what it did (`Upgrade`), for `init` to say. StoreError for a store a newer version
    upgraded: Alembic does not know its revision and would fail with no word on what to do,
    while every other command says to use that version. StoreError too when a migration
    fails, naming it and the revision the store is at after the rollback: every migration
    runs in the one transaction, on SQLite (whose schema changes are transactional, as the
    migrations' own writes are) as on PostgreSQL, so that is the revision it was at."""
    from alembic import command

    create_folder(engine)
    check_connection(engine)
    if schema_problem(engine) == "ahead":
        raise _newer_version(engine)
    before = current_revision(engine)
    plan = migration_plan(before, revision)
    applied: list[str] = []
    alembic_cfg = alembic_config()
    alembic_cfg.attributes["on_version_apply"] = lambda *, step, **_: applied.append(
        step.up_revision_id
    )
    try:
        # A writer's transaction (`transaction`): an import under way is waited for, as a
        # second import waits, where a deferred one failed at once, "database is locked".
        with transaction(engine) as conn:
            alembic_cfg.attributes["connection"] = conn
            command.upgrade(alembic_cfg, revision)
    except Exception as exc:
        failed = plan[len(applied)] if len(applied) < len(plan) else (plan or (revision,))[-1]
        raise _migration_failed(engine, before, failed, exc) from exc
    return Upgrade(before, current_revision(engine), tuple(applied))


def _migration_failed(
    engine: Engine, before: str | None, failed: str, exc: Exception
) -> StoreError:
    """The refusal of an upgrade whose migration `failed` raised `exc`: which migration, why
    (the store's one line, never a traceback) and what the store holds now, asked of the
    store after the rollback rather than assumed."""
    reason = failure(exc) if isinstance(exc, DBAPIError) else str(exc).strip()
    reason = (reason.splitlines() or [type(exc).__name__])[0]
    try:
        now = current_revision(engine)
    except DBAPIError:
        now = ""  # not known: the store cannot be read
    if now == before is None:
        state = msg("store.migration.unchanged_empty")
    elif now == before:
        state = msg("store.migration.unchanged", revision=before)
    elif now:
        state = msg("store.migration.changed", revision=now)
    else:
        state = msg("store.migration.unknown")
    return StoreError(
        msg(
            "store.error.migration",
            revision=failed,
            purpose=msg(f"migration.{failed}"),
            reason=reason,
            state=state,
        )
    )


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to `revision` ("base" = empty); for admins and migration tests."""
    from alembic import command

    alembic_cfg = alembic_config()
    with transaction(engine) as conn:
        alembic_cfg.attributes["connection"] = conn
        command.downgrade(alembic_cfg, revision)


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the store is at, or None for an empty store: read from Alembic's
    table directly, as the app does on its first run (importing Alembic costs a cold start)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


# The schema revision this code's models match, and where the migrations live. Kept here as a
# constant, not asked of Alembic: the app checks the store's revision on its first run, and
# importing Alembic and reading every migration would add to each cold start. The test
# `test_schema_revision_is_alembics_head` fails when a new migration leaves it behind.
SCHEMA_REVISION = "d6c0ffee0016"
MIGRATIONS = Path(__file__).parent / "migrations" / "versions"


def known_revisions() -> frozenset[str]:
    """Every revision of our migrations, from their file names (`YYYYMMDD_<revision>_<what>.py`,
    which the test of SCHEMA_REVISION checks): a store at one of these that is not the head is
    behind this code, a store at any other was upgraded by a newer version of it."""
    return frozenset(path.stem.split("_")[1] for path in MIGRATIONS.glob("*_*_*.py"))


def schema_problem(engine: Engine) -> str | None:
    """What keeps this code from working on the store, read without changing it: "memory" (a
    SQLite store in memory, gone with each connection), "missing" (a SQLite file that does
    not exist, not created by the check), "empty" (never migrated),
    "behind" (migrated to an older revision: `init` upgrades it, its data kept) or "ahead"
    (a newer version of Arena Monitor migrated it); None when the store is ready.

    StoreError when the database cannot be reached at all.
    """
    if _in_memory(engine.url):
        return "memory"
    if _file_missing(engine):
        return "missing"  # asked before connecting, which would create the file
    check_connection(engine)
    if (revision := current_revision(engine)) is None:
        return "empty"
    if revision == SCHEMA_REVISION:
        return None
    return "behind" if revision in known_revisions() else "ahead"


def require_file(engine: Engine) -> None:
    """Raise StoreError when a SQLite store's file does not exist, without creating it.

    SQLite creates a missing file on connect: a mistyped `ARENA_DATABASE_URL` given to
    `import` or `export` would leave an empty store behind, and the next `make run` or
    `init` would not say where the data went. Only `init` creates a store.
    """
    if _file_missing(engine):
        raise StoreError(msg("store.error.missing", url=safe_url(str(engine.url))))


def require_lasting(engine: Engine) -> None:
    """Raise StoreError for a SQLite store in memory: `ARENA_DATABASE_URL=sqlite://` (or a
    path left out) would have `init` say "Store ready" and `import` say "Committed" about a
    store that is gone when the command ends."""
    if _in_memory(engine.url):
        raise StoreError(msg("store.error.memory", url=safe_url(str(engine.url))))


def require_schema(engine: Engine) -> None:
    """Raise StoreError unless the store is at this code's revision: a store never migrated,
    or one migrated to an older or a newer revision, is worked on by `init` only (or by the
    newer version), never read or written with models it does not match."""
    url = safe_url(str(engine.url))
    problem = schema_problem(engine)
    if problem == "empty":
        raise StoreError(msg("store.error.empty", url=url))
    if problem == "behind":
        raise StoreError(msg("store.error.behind", url=url))
    if problem == "ahead":
        raise _newer_version(engine)


def _newer_version(engine: Engine) -> StoreError:
    """The refusal to work on a store a newer version of Arena Monitor upgraded: for `init`
    (`migrate`) as for every other command (`require_schema`)."""
    return StoreError(msg("store.error.ahead", url=safe_url(str(engine.url))))


def table_counts(engine: Engine) -> dict[str, int]:
    """Row count of every domain table, in model order (empty dict for an unmigrated store)."""
    from arena.models import SQLModel

    existing = set(sa.inspect(engine).get_table_names())
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            if table.name in existing:
                counts[table.name] = conn.execute(
                    sa.select(sa.func.count()).select_from(table)
                ).scalar_one()
    return counts
