"""Run the real app (app.py with its navigation and sidebar) in AppTest against a test store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import streamlit
from streamlit import config as streamlit_config
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.state.safe_session_state import SafeSessionState
from streamlit.testing.v1 import AppTest

from arena import config, ui
from tests.pages.test_roles import AUTH


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def open_page(monkeypatch) -> Callable[..., AppTest]:
    """open_page(engine, page=None, **query) -> the app after its first run, no exception."""

    def run(engine, page: str | None = None, **query: str | list[str]) -> AppTest:
        monkeypatch.setenv("ARENA_DATABASE_URL", _url(engine))
        # Users never see tracebacks (.streamlit/config.toml); a failing test must.
        streamlit_config.set_option("client.showErrorDetails", "full")
        app = AppTest.from_file(str(config.PROJECT_ROOT / "app.py"), default_timeout=60)
        for key, value in query.items():
            app.query_params[key] = value
        app.run()
        if page is not None:
            app.switch_page(f"pages/{page}.py").run()
        assert not app.exception, app.exception
        return app

    return run


@pytest.fixture
def open_link(monkeypatch) -> Callable[..., AppTest]:
    """open_link(engine, page="overview", *, email=None, **query) -> the app after the first
    run of a session opening `page` with the link's `query`, signed in as `email` if given.

    As a served app runs it: app.py with its sidebar around every page. AppTest runs the
    `pages/` folder's scripts the old way, each page alone, as a fresh server's first session
    would before `ui.ensure_shell` turns that off; here it is off from the start. (`open_page`
    switches after app.py's first run: the page then runs alone, and its sidebar is empty, so
    a check that the sidebar says nothing passes whatever the page would say.)
    """
    made = PagesManager.__init__

    def served(self, *args, **kwargs) -> None:
        made(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", served)

    def run(engine, page: str = "overview", *, email: str | None = None, **query) -> AppTest:
        monkeypatch.setenv("ARENA_DATABASE_URL", _url(engine))
        streamlit_config.set_option("client.showErrorDetails", "full")
        app = AppTest.from_file(str(config.PROJECT_ROOT / "app.py"), default_timeout=60)
        if email is not None:
            app.secrets["auth"] = AUTH
            app.user = {"is_logged_in": True, "email": email, "name": email.split("@")[0]}
        for key, value in query.items():
            app.query_params[key] = value
        app.switch_page(f"pages/{page}.py").run()
        assert not app.exception, app.exception
        return app

    return run


@pytest.fixture
def handed(monkeypatch) -> dict[str, object]:
    """The files the page's download buttons would build, by key: built on click (a
    callable), which AppTest cannot do, so the test keeps the callable and calls it."""
    return _download_buttons(monkeypatch, "data")


def _download_buttons(monkeypatch, argument: str) -> dict[str, Any]:
    """What each download button of the page is given as `argument`, by the button's key."""
    kept: dict[str, Any] = {}
    button = streamlit.download_button

    def keep(label, *args, **kwargs):
        kept[kwargs.get("key")] = kwargs.get(argument)
        return button(label, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", keep)
    return kept


@pytest.fixture
def file_names(monkeypatch) -> dict[str, str]:
    """The file name each download button of the page offers, by the button's key."""
    return _download_buttons(monkeypatch, "file_name")


@pytest.fixture
def second_click(monkeypatch) -> Callable[[Any, str], list[bool]]:
    """`second_click(owner, name)`: once `owner.name` (an import, an undo, a role added) has
    changed the store, the run is stopped at its next read or write of the session state and
    run again, as a double click's waiting second click does in a server: Streamlit's yield
    points are every element and every session-state access. (A `st.rerun` of the page's own
    comes first: then nothing is stopped.) Returns the list that records each stop.
    """
    stops: list[bool] = []
    armed: list[bool] = []
    rerun = streamlit.rerun

    def page_rerun(*args: Any, **kwargs: Any) -> None:
        armed.clear()
        rerun(*args, **kwargs)

    def stopped_at(accessed: Callable[..., Any]) -> Callable[..., Any]:
        def access(self, *args: Any, **kwargs: Any) -> Any:
            if armed:
                armed.clear()
                stops.append(True)
                # The next run starts by reading the store version (app.py's start of run,
                # which AppTest's page runs skip): read here, as that run would.
                ui.start_run()
                rerun()
            return accessed(self, *args, **kwargs)

        return access

    monkeypatch.setattr(streamlit, "rerun", page_rerun)
    for method in ("__getitem__", "__setitem__", "__delitem__", "register_widget"):
        monkeypatch.setattr(SafeSessionState, method, stopped_at(getattr(SafeSessionState, method)))

    def arm(owner: Any, name: str) -> list[bool]:
        action = getattr(owner, name)

        def acted(*args: Any, **kwargs: Any) -> Any:
            result = action(*args, **kwargs)
            armed.append(True)
            return result

        monkeypatch.setattr(owner, name, acted)
        return stops

    return arm
