"""A store that is not set up: one page says what the administrator does, nothing is created."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from arena import config, ui
from arena.store import get_engine, migrate, safe_url
from tests.unit.test_store import previous_revision


def _run(monkeypatch, url: str, language: str | None = None) -> AppTest:
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    streamlit_config.set_option("client.showErrorDetails", "full")
    app = AppTest.from_file(str(config.PROJECT_ROOT / "app.py"), default_timeout=60)
    if language:
        app.query_params["lang"] = language
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_missing_sqlite_store_is_named_and_not_created(monkeypatch, tmp_path):
    path = tmp_path / "typo" / "arena.db"
    url = f"sqlite:///{path}"
    try:
        app = _run(monkeypatch, url)
        assert [title.value for title in app.title] == ["Databasen är inte redo"]
        (error,) = app.error
        assert error.value.startswith(f"Det finns ingen databas på {ui.plain(url)}. ")
        assert "`python -m arena init`" in error.value
        assert not path.parent.exists()  # neither the file nor its folder
        app.run()  # the second look creates nothing either
        assert not path.parent.exists() and len(app.error) == 1
    finally:
        get_engine(url).dispose()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:"])
def test_a_store_in_memory_is_named_as_one_that_keeps_nothing(monkeypatch, url):
    # `ARENA_DATABASE_URL=sqlite:///` (a path left out): each connection had a store of its
    # own, and the page said "no tables yet, run init", which could never help.
    app = _run(monkeypatch, url, language="en")
    (error,) = app.error
    assert "is a SQLite store in memory: nothing saved there is kept." in error.value


@pytest.mark.parametrize("state", ["empty", "behind", "ahead"])
def test_a_store_not_at_this_codes_schema_says_what_to_do(db_url, monkeypatch, state):
    if db_url.startswith("sqlite"):  # an existing file without tables; none is "missing"
        Path(db_url.removeprefix("sqlite:///")).touch()
    engine = get_engine(db_url)
    if state != "empty":
        migrate(engine, previous_revision())
    if state == "ahead":
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = 'ffff00000099'"))
    app = _run(monkeypatch, db_url, language="en")
    assert [title.value for title in app.title] == ["The store is not ready"]
    (error,) = app.error
    expected = {
        "empty": "has no tables yet. The administrator creates them with `python -m arena init`.",
        "behind": "has an older structure than this version of Arena Monitor. The administrator "
        "upgrades it with `python -m arena init`; no data is lost.",
        "ahead": "was upgraded by a newer version of Arena Monitor. The administrator runs that "
        "version with this store.",
    }[state]
    assert error.value.endswith(expected)
    assert error.value.startswith(f"The store {ui.plain(safe_url(db_url))} ")  # no password
    assert not app.metric and not app.dataframe  # no page drawn, no data read
    if state != "ahead":
        migrate(engine)  # what `python -m arena init` does; the next run opens the Overview
        app.run()
        assert not app.exception and not app.error
        assert [title.value for title in app.title] == ["Overview"]
