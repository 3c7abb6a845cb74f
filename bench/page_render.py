"""Page render times with AppTest on the demo data: cold (empty cache) and warm (cached).

A page other than Översikt is timed on its own run after the shell's first run, so its cold
figure is its own queries, not the default page's.

Prints one line per page. A benchmark, not a test: run `.venv/bin/python bench/page_render.py`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ("overview", "portfolio", "project", "grants", "data")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="warm runs per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ARENA_DATABASE_URL"] = f"sqlite:///{folder}/arena.db"
        import streamlit as st
        from streamlit.testing.v1 import AppTest

        from arena.auth import cli_identity
        from arena.ingest import load_demo
        from arena.store import get_engine, migrate

        engine = get_engine()
        migrate(engine)
        started = time.perf_counter()
        load_demo(engine, identity=cli_identity())
        print(f"demo load: {time.perf_counter() - started:.2f} s")
        print(f"{'page':<10} {'cold s':>8} {'warm median s':>14} {'warm max s':>11}")
        for page in PAGES:
            timings = []
            st.cache_data.clear()  # the first run of each page starts from an empty cache
            for _ in range(args.runs + 1):
                app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
                if page == "project":
                    app.query_params["ref"] = "2018-04510"
                started = time.perf_counter()
                app.run()  # the shell and the default page (Översikt)
                if page != "overview":
                    started = time.perf_counter()
                    app.switch_page(f"pages/{page}.py").run()
                timings.append(time.perf_counter() - started)
                if app.exception:
                    raise SystemExit(f"{page}: {app.exception}")
            cold, warm = timings[0], timings[1:]
            print(f"{page:<10} {cold:>8.2f} {statistics.median(warm):>14.2f} {max(warm):>11.2f}")


if __name__ == "__main__":
    main()
