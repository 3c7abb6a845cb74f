"""The load test's machinery, small: so `bench/load_test.py` cannot rot unnoticed.

It speaks Streamlit's websocket protocol by hand (protobuf BackMsg / ForwardMsg); a Streamlit
upgrade that changes the protocol or the page names would leave the benchmark measuring
nothing. Two sessions for a few seconds on the demo store, one import of three projects.
"""

from __future__ import annotations

import importlib.util
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "load_test.py"


def _load_test_module():
    spec = importlib.util.spec_from_file_location("load_test", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # Registered before it runs: its dataclasses look their module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_sessions_read_pages_while_an_import_commits(tmp_path: Path) -> None:
    load_test = _load_test_module()
    # In a thread of its own: the load test runs its own asyncio loop, and once a browser test
    # has started Playwright's sync API this thread already has one running.
    with ThreadPoolExecutor(max_workers=1) as pool:
        report = pool.submit(
            load_test.run_load_test,
            sessions=2,
            seconds=4,
            imports=1,
            rows=3,
            log=tmp_path / "streamlit.log",
        ).result()
    assert not report.errors, report.summary()
    assert not report.inconsistent, report.summary()
    # The import moved the store, and the probe saw the pages before and after it.
    assert report.project_counts[1] == report.project_counts[0] + 3
    # The probe read every page before and after it (the sessions may not reach every page in
    # a few seconds on a busy machine; what they read is checked against these states).
    assert {page: len(states) for page, states in report.states.items()} == {
        page: 2 for page in load_test.DEFAULT_PAGES
    }
    assert report.runs and {run.page for run in report.runs} <= set(load_test.DEFAULT_PAGES)
    # Every run read what a person reads: the Overview's metrics, not an empty page.
    assert all(run.metrics for run in report.runs if run.page == "overview")
