"""Run the real app (app.py with its navigation and sidebar) in AppTest against a test store."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from arena import config


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def open_page(monkeypatch) -> Callable[..., AppTest]:
    """open_page(engine, page=None, **query) -> the app after its first run, no exception."""

    def run(engine, page: str | None = None, **query: str | list[str]) -> AppTest:
        monkeypatch.setenv("ARENA_DATABASE_URL", _url(engine))
        app = AppTest.from_file(str(config.PROJECT_ROOT / "app.py"), default_timeout=60)
        for key, value in query.items():
            app.query_params[key] = value
        app.run()
        if page is not None:
            app.switch_page(f"pages/{page}.py").run()
        assert not app.exception, app.exception
        return app

    return run
