"""Run the real app (app.py with its navigation and sidebar) in AppTest against a test store."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from arena import config


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
