"""Store fixtures shared by every test: a fresh database per test, on SQLite and on PostgreSQL.

Every store test runs twice, once per backend, because the app supports both and they differ in
ways that matter (types, constraints, transactions). PostgreSQL needs a server: `make test` starts
a throwaway one through `scripts/with-postgres.sh`, which sets `ARENA_TEST_POSTGRES_URL`. A bare
`pytest` without it skips the PostgreSQL half (and says so); `ARENA_REQUIRE_POSTGRES=1` (set by
`make test`, so CI) turns that skip into an error, so a broken server setup can never pass
quietly as "all green on SQLite".

Fixtures:

- `db_url`: URL of a new, empty, unmigrated database (for tests of migrations and `arena init`).
- `engine`: an engine on a new database already migrated to head (most store tests).
- `demo_engine`: one store per session with the demo data loaded; read-only for tests.
- `make_db`: the factory behind the first two, for a test that needs more than one database.
- `backend`: "sqlite" or "postgresql"; `@pytest.mark.parametrize("backend", ["postgresql"])` on a
  test overrides it, to run that test on one backend only.

Migrating a database takes far longer than copying one, so the schema is migrated once per
session into a template (a file on SQLite, a `TEMPLATE` database on PostgreSQL) and each test
gets a copy.
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import settings
from sqlalchemy.engine import Engine, make_url

# The command line speaks the reader's locale (`config.cli_language`); its tests read English
# on any machine, a Swedish developer's too, and in the commands they start (tests of the
# Swedish command line set their own environment).
os.environ["ARENA_LANGUAGE"] = "en"

from arena import store
from arena.auth import cli_identity

# No property test has a deadline: hypothesis fails an example that takes over 200 ms, which on
# a loaded machine (two workers, a database server, Chromium) is a timing test, and speed is
# measured by bench/, not asserted by tests. CI also runs every property test on the same
# examples (derandomized), so a red CI always means a change broke something, never that a new
# random example happened to turn up that day; run locally without CI=true to explore fresh
# examples.
settings.register_profile("arena", deadline=None)
settings.register_profile("ci", parent=settings.get_profile("arena"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "arena")

POSTGRES_URL_VAR = "ARENA_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_VAR = "ARENA_REQUIRE_POSTGRES"
BACKENDS = ["sqlite", "postgresql"]


def _postgres_server_url() -> str | None:
    return os.environ.get(POSTGRES_URL_VAR) or None


def _postgres_required() -> bool:
    return os.environ.get(REQUIRE_POSTGRES_VAR, "") not in ("", "0")


def pytest_configure(config: pytest.Config) -> None:
    # Fail before collecting anything: a required backend that is missing is a setup error, not a
    # test failure, and it should say how to get it.
    if _postgres_required() and not _postgres_server_url():
        raise pytest.UsageError(
            f"{REQUIRE_POSTGRES_VAR}=1 but {POSTGRES_URL_VAR} is not set: no PostgreSQL server to "
            "test against. Run the tests with `make test`, or wrap pytest in "
            "`scripts/with-postgres.sh` (e.g. `scripts/with-postgres.sh .venv/bin/pytest`)."
        )


def _url_string(url: sa.URL) -> str:
    # `str(url)` masks the password; the real URL is needed to connect.
    return url.render_as_string(hide_password=False)


def _unique_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex}"


def _dispose(url: str) -> None:
    # `store.get_engine` caches one engine per URL: close its pooled connections so SQLite files can
    # be copied/removed and PostgreSQL databases dropped or used as templates.
    store.get_engine(url).dispose()


class _PostgresServer:
    """Creates and drops databases on the test server through one AUTOCOMMIT connection.

    CREATE/DROP DATABASE cannot run inside a transaction, hence AUTOCOMMIT.
    """

    def __init__(self, server_url: str) -> None:
        self.server_url = make_url(server_url)
        self.admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
        self.copy_strategy = ""

    def connect(self) -> None:
        """Check the server answers (StoreError if not) and learn its version."""
        store.check_connection(self.admin)
        with self.admin.connect() as conn:
            version = int(conn.exec_driver_sql("SHOW server_version_num").scalar_one())
        # PostgreSQL 15 made CREATE DATABASE copy through the WAL by default; for our small
        # databases on a server without fsync a plain file copy is faster (measured per test on
        # PostgreSQL 15: ~60-80 ms against ~120-150 ms; migrating each from scratch: ~180-220 ms).
        # Older servers always copy files and do not know the option.
        if version >= 150000:
            self.copy_strategy = " STRATEGY FILE_COPY"

    def url(self, name: str) -> str:
        return _url_string(self.server_url.set(database=name))

    def create(self, name: str, template: str | None = None) -> str:
        # Names are generated here (prefix + hex), never user input: safe to put in the SQL.
        sql = f'CREATE DATABASE "{name}"'
        if template:
            sql += f' TEMPLATE "{template}"'
        sql += self.copy_strategy
        with self.admin.connect() as conn:
            conn.exec_driver_sql(sql)
        return self.url(name)

    def drop(self, name: str) -> None:
        _dispose(self.url(name))
        # FORCE ends any connection a test leaked, so a sloppy test cannot break the teardown.
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self.admin.dispose()


@pytest.fixture(scope="session")
def _postgres_server() -> Iterator[_PostgresServer]:
    server_url = _postgres_server_url()
    if server_url is None:
        # Only reached without ARENA_REQUIRE_POSTGRES (pytest_configure stops the run otherwise).
        pytest.skip(
            f"PostgreSQL backend: {POSTGRES_URL_VAR} is not set; run `make test` or "
            "`scripts/with-postgres.sh pytest` to test on PostgreSQL too"
        )
    server = _PostgresServer(server_url)
    try:
        server.connect()
    except store.StoreError as exc:
        pytest.fail(f"{POSTGRES_URL_VAR} is set but the server cannot be used: {exc}")
    yield server
    server.close()


@pytest.fixture(scope="session")
def _postgres_template(_postgres_server: _PostgresServer) -> Iterator[str]:
    """A database migrated to head once per session; test databases are copied from it."""
    name = _unique_name("arena_template")
    url = _postgres_server.create(name)
    store.migrate(store.get_engine(url))
    # CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template.
    _dispose(url)
    yield name
    _postgres_server.drop(name)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once per session; test databases are copies of it."""
    path = tmp_path_factory.mktemp("sqlite-template") / "arena.db"
    url = f"sqlite:///{path}"
    store.migrate(store.get_engine(url))
    # Closing the last connection checkpoints the WAL into the main file and deletes it, so the
    # file alone is the whole database.
    _dispose(url)
    leftovers = [p.name for p in path.parent.iterdir() if p != path]
    assert not leftovers, f"SQLite template left files behind after dispose: {leftovers}"
    return path


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The backend under test: every test using a store fixture runs once per backend."""
    return request.param


MakeDb = Callable[..., str]


@pytest.fixture
def make_db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[MakeDb]:
    """Factory: `make_db(migrated=False) -> url` of a new database on this test's backend.

    Every database made is removed at teardown (PostgreSQL: dropped; SQLite: lives in tmp_path).
    """
    made_pg: list[str] = []
    made_sqlite: list[str] = []
    server = request.getfixturevalue("_postgres_server") if backend == "postgresql" else None

    def make(migrated: bool = False) -> str:
        if server is not None:
            template = request.getfixturevalue("_postgres_template") if migrated else None
            name = _unique_name("arena_t")
            made_pg.append(name)
            return server.create(name, template=template)
        path = tmp_path / f"arena-{len(made_sqlite)}.db" if made_sqlite else tmp_path / "arena.db"
        url = f"sqlite:///{path}"
        made_sqlite.append(url)
        if migrated:
            shutil.copy(request.getfixturevalue("_sqlite_template"), path)
        return url

    yield make

    for url in made_sqlite:
        _dispose(url)
    if server is not None:
        for name in made_pg:
            server.drop(name)


@pytest.fixture
def db_url(make_db: MakeDb, monkeypatch: pytest.MonkeyPatch) -> str:
    """URL of a new, EMPTY, UNMIGRATED database; also this test's ARENA_DATABASE_URL."""
    url = make_db(migrated=False)
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    return url


@pytest.fixture
def engine(make_db: MakeDb, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """An engine on a new database migrated to head; also this test's ARENA_DATABASE_URL.

    A separate database from `db_url`'s, should a test ask for both.
    """
    url = make_db(migrated=True)
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    eng = store.get_engine(url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session", params=BACKENDS, ids=BACKENDS)
def demo_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A store with the demo data, built once per session and backend. READ-ONLY: tests share it.

    Tests using it also get it as ARENA_DATABASE_URL (see `_isolated_database_env`).
    """
    from arena.ingest import load_demo  # imported here: only tests that use demo data need it

    server: _PostgresServer | None = None
    if request.param == "postgresql":
        server = request.getfixturevalue("_postgres_server")
        name = _unique_name("arena_demo")
        url = server.create(name, template=request.getfixturevalue("_postgres_template"))
    else:
        path = tmp_path_factory.mktemp("demo") / "arena.db"
        shutil.copy(request.getfixturevalue("_sqlite_template"), path)
        url = f"sqlite:///{path}"
    eng = store.get_engine(url)
    load_demo(eng, identity=cli_identity())
    yield eng
    eng.dispose()
    if server is not None:
        server.drop(name)


@pytest.fixture(scope="session", autouse=True)
def _scripts_compiled_once() -> Iterator[None]:
    """One script cache per test process, as `streamlit run` has one per server: AppTest makes
    a new one on every run, compiling app.py and the page again each time (hundredths of a
    second per run, over the thousands of page runs of the suite). Scripts do not change while
    the tests run; AppTest names a script written from a string by the hash of its text."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_test, "ScriptCache", lambda: shared)
        patch.setattr(local_script_runner, "ScriptCache", lambda: shared)
        yield


@pytest.fixture(autouse=True)
def _isolated_database_env(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Point ARENA_DATABASE_URL away from data/arena.db for every test, store fixture or not.

    Code under test that calls `store.get_engine()` without a URL (the app, the CLI) falls back to
    ARENA_DATABASE_URL and then to the real data/arena.db. Setting it for EVERY test means a test
    that forgets a store fixture gets an empty scratch file in its tmp_path, never the user's
    data. `db_url` and `engine` then set it to their own database; a test using the shared
    `demo_engine` gets that one here.
    """
    url = f"sqlite:///{tmp_path / 'scratch.db'}"
    if "demo_engine" in request.fixturenames:
        url = _url_string(request.getfixturevalue("demo_engine").url)
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    # st.cache_resource/st.cache_data outlive an AppTest run within the process and would hand
    # the next test the previous test's numbers. Only cleared when Streamlit is already imported,
    # so pure store tests do not pay for importing it.
    if "streamlit" in sys.modules:
        import streamlit as st

        st.cache_resource.clear()
        st.cache_data.clear()


@pytest.fixture(autouse=True)
def _served_on_loopback() -> Iterator[None]:
    """The app in AppTest runs as `make run` serves it, on 127.0.0.1: local mode with every right
    (issue 10; unset, the address means every interface and local mode is read-only). A test of
    another address sets `server.address` itself; it is put back after every test."""
    if "streamlit" not in sys.modules:
        yield
        return
    from streamlit import config as streamlit_config

    previous = streamlit_config.get_option("server.address")
    streamlit_config.set_option("server.address", "127.0.0.1")
    yield
    streamlit_config.set_option("server.address", previous)
