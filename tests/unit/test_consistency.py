"""Read consistency (issue 11): a page run during an import shows the store before or after it.

The scripts commit a real import (the flat fixture: organisations, projects and grants in one
transaction) between two `ui.query` calls of one run, or between two statements of one query,
and check that the page shows only one store and that nothing computed on the new store was
cached under the old version. On SQLite and PostgreSQL (the `engine` fixture).
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from arena import ui
from tests.fixtures.ingest import upload


def _url(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def projects(engine: sa.Engine) -> int:
    """A test query: the number of projects."""
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM project")).scalar_one()


def grants(engine: sa.Engine) -> int:
    """A test query: the number of grants."""
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM grant_award")).scalar_one()


def _import_once(engine_url: str) -> None:
    """Commit the flat fixture the first time a test session asks (the run that sees it)."""
    import streamlit as st

    from arena import store

    if not st.session_state.get("imported"):
        st.session_state["imported"] = True
        upload(store.get_engine(engine_url), "flat_english.csv")


def _two_queries(url: str) -> None:
    # An AppTest script: two queries, an import committing between them on the first run.
    import streamlit as st

    from arena import ui
    from tests.unit import test_consistency as here

    st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    ui.start_run()
    first = ui.query(here.projects)
    here._import_once(url)
    second = ui.query(here.grants)
    st.metric("projects", first)
    st.metric("grants", second)
    st.metric("version", str(ui.run_store_version()))


def _between_statements(engine: sa.Engine) -> tuple[int, int]:
    """A query whose own two statements straddle an import (on the first call only)."""
    before = projects(engine)
    _import_once(_url(engine))
    return before, grants(engine)


def _one_query(url: str) -> None:
    import streamlit as st

    from arena import ui
    from tests.unit import test_consistency as here

    st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    ui.start_run()
    before, after = ui.query(here._between_statements)
    st.metric("projects", before)
    st.metric("grants", after)


@pytest.fixture
def app(engine, monkeypatch):
    monkeypatch.setenv("ARENA_DATABASE_URL", _url(engine))
    ui._cached_query.clear()

    def make(script) -> AppTest:
        at = AppTest.from_function(script, args=(_url(engine),), default_timeout=30)
        at.run()
        assert not at.exception, at.exception
        return at

    yield make
    ui._cached_query.clear()


def _after_import(engine) -> tuple[int, int]:
    return projects(engine), grants(engine)


def test_commit_between_two_queries_reruns_on_the_new_store(app, engine) -> None:
    old_version = ui._version_of(engine)
    at = app(_two_queries)
    shown = (int(at.metric[0].value), int(at.metric[1].value))
    assert shown == _after_import(engine) != (0, 0)  # both new: never old projects, new grants
    assert at.session_state["runs"] == 2  # the mixed first run was thrown away
    assert at.metric[2].value == str(ui._version_of(engine)) != str(old_version)
    # Nothing computed on the new store was cached under the old version: asking the cache at
    # the old version recomputes, notices the store moved, and refuses again.
    with pytest.raises(ui._StoreMovedError):
        ui._cached_query(grants, f"{__name__}.grants", _url(engine), old_version, (), ())


def test_commit_inside_one_query_is_neither_shown_nor_cached(app, engine) -> None:
    old_version = ui._version_of(engine)
    at = app(_one_query)
    assert (int(at.metric[0].value), int(at.metric[1].value)) == _after_import(engine)
    assert at.session_state["runs"] == 2
    with pytest.raises(ui._StoreMovedError):
        ui._cached_query(
            _between_statements,
            f"{__name__}._between_statements",
            _url(engine),
            old_version,
            (),
            (),
        )


def test_a_quiet_store_costs_one_version_read_per_miss_and_none_per_hit(
    app, engine, monkeypatch
) -> None:
    reads = []
    real = ui._version_of
    monkeypatch.setattr(ui, "_version_of", lambda e: reads.append(1) or real(e))
    url = _url(engine)
    version = real(engine)
    name = f"{__name__}.projects"
    assert ui._cached_query(projects, name, url, version, (), ()) == 0
    assert len(reads) == 1  # the miss: one read after the query
    assert ui._cached_query(projects, name, url, version, (), ()) == 0
    assert len(reads) == 1  # the hit: none


def test_store_version_moves_with_imports_and_undos(engine, monkeypatch) -> None:
    from arena.auth import cli_identity
    from arena.ingest import undo

    monkeypatch.setenv("ARENA_DATABASE_URL", _url(engine))
    assert ui.store_version() == (0, 0)
    first = upload(engine, "flat_english.csv").import_id
    assert ui.store_version() == (first, 0)
    undo(engine, first, identity=cli_identity())
    assert ui.store_version() == (first, 1)
