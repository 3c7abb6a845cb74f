"""The page bench's floors run on any store, as `bench/pages_bench.py --url` promises: an empty
store (two floor charts were the same empty figure, which Streamlit refuses, and the
Organisation floor asked for the organisation named by a whole row) and the demo store. A
floor that fails leaves its page without the figure it is measured against."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import pages_bench  # noqa: E402  (bench/ is no package: found by the path above)

PAGES = pages_bench.navigation_pages()


def _run_floor(page: str, folder: Path) -> AppTest:
    script = folder / f"floor_{page}.py"
    script.write_text(pages_bench.FLOOR_SCRIPT.format(bench=str(ROOT / "bench"), page=page))
    app = AppTest.from_file(str(script), default_timeout=60)
    app.run()
    return app


def test_every_page_has_a_floor() -> None:
    assert PAGES and set(PAGES) <= set(pages_bench.FLOORS)


@pytest.mark.parametrize("page", PAGES)
def test_floor_runs_on_an_empty_store(engine: Engine, page: str, tmp_path: Path) -> None:
    app = _run_floor(page, tmp_path)
    assert not app.exception, app.exception[0].value if app.exception else None
    assert app.title[0].value == page


@pytest.mark.parametrize("page", PAGES)
def test_floor_runs_twice_on_the_demo_store(demo_engine: Engine, page: str, tmp_path: Path) -> None:
    app = _run_floor(page, tmp_path)
    app.run()  # a rerun numbers its charts afresh, as the bench's warm runs do
    assert not app.exception, app.exception[0].value if app.exception else None
    assert app.title[0].value == page
