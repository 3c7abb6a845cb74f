"""The store fixtures do what tests/conftest.py promises, on both backends.

If one of these fails, every other store test is suspect: fix these first.
"""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from arena import config, store
from arena.models import SQLModel

DOMAIN_TABLES = {table.name for table in SQLModel.metadata.sorted_tables}


def test_engine_is_a_migrated_empty_store(engine: Engine, backend: str) -> None:
    assert engine.dialect.name == backend
    assert store.current_revision(engine) is not None
    counts = store.table_counts(engine)
    assert set(counts) == DOMAIN_TABLES
    assert all(n == 0 for n in counts.values()), counts


def test_engine_is_at_head(engine: Engine) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(config.PROJECT_ROOT / "arena" / "migrations"))
    assert store.current_revision(engine) == ScriptDirectory.from_config(cfg).get_current_head()


def test_db_url_is_empty_and_unmigrated(db_url: str, backend: str) -> None:
    eng = store.get_engine(db_url)
    assert eng.dialect.name == backend
    assert store.current_revision(eng) is None
    assert store.table_counts(eng) == {}
    assert sa.inspect(eng).get_table_names() == []


def test_db_url_migrates_from_empty_to_head(db_url: str) -> None:
    eng = store.get_engine(db_url)
    store.migrate(eng)
    assert set(store.table_counts(eng)) == DOMAIN_TABLES


# Parametrizing `backend` directly overrides the fixture: this is how a test runs on one backend.
@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_is_really_postgresql(engine: Engine) -> None:
    assert engine.dialect.name == "postgresql"
    with engine.connect() as conn:
        version = conn.exec_driver_sql("SELECT version()").scalar_one()
        database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    assert version.startswith("PostgreSQL")
    # A per-test copy, never the server's maintenance database or the session template.
    assert database.startswith("arena_t_")


# Two tests writing the same row: each passes only if it starts from an empty store, whatever the
# order (or worker) they run in.
@pytest.mark.parametrize("run", ["first", "second"])
def test_each_test_gets_an_independent_store(engine: Engine, run: str) -> None:
    organisation = SQLModel.metadata.tables["organisation"]
    with store.transaction(engine) as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(organisation)).scalar_one() == 0
        conn.execute(
            organisation.insert().values(
                name=f"Testkommun ({run})", kind="municipality", country="SE"
            )
        )
    assert store.table_counts(engine)["organisation"] == 1


def test_make_db_gives_separate_databases(make_db) -> None:
    first, second = make_db(migrated=True), make_db(migrated=True)
    assert first != second
    organisation = SQLModel.metadata.tables["organisation"]
    with store.transaction(store.get_engine(first)) as conn:
        conn.execute(organisation.insert().values(name="Bara här", kind="company", country="SE"))
    assert store.table_counts(store.get_engine(first))["organisation"] == 1
    assert store.table_counts(store.get_engine(second))["organisation"] == 0


def test_database_env_points_at_the_test_store(engine: Engine) -> None:
    assert os.environ["ARENA_DATABASE_URL"] == engine.url.render_as_string(hide_password=False)
    assert store.get_engine().url == engine.url


def test_no_test_reaches_the_real_database() -> None:
    # Even without a store fixture, the default engine is a scratch file, not data/arena.db.
    assert config.database_url() != config.DEFAULT_DATABASE_URL
    assert "data/arena.db" not in str(store.get_engine().url)


def test_demo_engine_has_demo_data(demo_engine: Engine) -> None:
    counts = store.table_counts(demo_engine)
    assert set(counts) == DOMAIN_TABLES
    assert counts["organisation"] > 0, counts
    assert make_url(os.environ["ARENA_DATABASE_URL"]) == demo_engine.url
