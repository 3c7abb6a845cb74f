"""What each page sends to a browser and how long Chromium takes to show it, on any store.

    nice .venv/bin/python bench/browser_bench.py --url URL [--pages overview,portfolio,...]
        [--out test-output/browser-bench]

Issue 11 asks that the browser get only what a person can read: at 100 000 projects the
Portfolio once sent a timeline of 100 046 bars (12 MB), which Chromium drew after 420 s. This
bench opens every page of app.py's navigation (the Project page on a project, Programmes on a
programme, Organisation on the funder of the most grants, as `pages_bench.variants` chooses)
in Debian's Chromium against `streamlit run app.py` on the store at `--url`, and beside it, in
the same run, the same pages on a fresh demo store (`python -m arena init --demo`): its FLOOR,
what a page sends when the store is about a thousand times smaller. Per page:

  first s     from navigation until the page's script run has ended and every chart is drawn,
              in a new browser session (a person opening it; the server's cached results of
              the page's queries are cold, those of the shared sidebar warm after the first)
  again s     the same in another new session (a second person: the server's cache warm)
  sent KiB    what the server sent over the page's websocket on the first opening
  elements    the page's DOM elements once drawn (what the browser holds)
  errors      JavaScript errors, exceptions and dialogs ("Page not found") on the page

The server is started, and one page opened untimed, before the measurements: its start
(importing the app) is a server's, not a page's. A screenshot of each page on the store goes
to `--out` (gitignored test-output/ by default): look at them. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pages_bench import navigation_pages, variants  # noqa: E402  (bench/ is this script's path)

from arena import devserver  # noqa: E402  (after the path: bench/ runs as a script)

# A cold page at 100 000 projects takes seconds; a page still running after this has failed.
PAGE_SECONDS = 300
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
# What a page holds once its script run has ended (the app's own shell is in the sidebar).
DONE = [
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"]',
    '[data-testid="stApp"][data-test-script-state="notRunning"]',
    '[data-testid="stSidebar"] [data-testid="stButtonGroup"]',
]


@dataclass
class Opening:
    """One page opened in a fresh browser session."""

    seconds: float
    sent_bytes: int
    elements: int
    errors: list[str] = field(default_factory=list)


@contextmanager
def served(url: str, log: Path) -> Iterator[str]:
    """`streamlit run app.py` on the store at `url`; yields its base URL."""
    env = {**os.environ, "ARENA_DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    with devserver.serve(env, log, timeout=120) as port:
        yield f"http://127.0.0.1:{port}"


def open_page(browser: Browser, address: str, screenshot: Path | None = None) -> Opening:
    """Open `address` in a new browser context and wait until the run has ended and every
    chart has drawn; what it took, what came over the websocket, what the page holds."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    context.set_default_timeout(PAGE_SECONDS * 1000)
    page = context.new_page()
    received = [0]
    errors: list[str] = []

    def on_socket(socket) -> None:
        socket.on(
            "framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload))
        )

    page.on("websocket", on_socket)
    page.on("pageerror", lambda error: errors.append(str(error)[:200]))
    try:
        started = time.perf_counter()
        page.goto(address)
        seconds = _wait_until_drawn(page) - started
        # An exception shown, or a dialog the app did not open ("Page not found").
        shown = page.locator('[data-testid="stException"], [role="dialog"]').all_inner_texts()
        errors += [text[:200] for text in shown]
        elements = page.evaluate("() => document.getElementsByTagName('*').length")
        if screenshot is not None:
            _screenshot(page, screenshot)
        return Opening(seconds, received[0], elements, errors)
    finally:
        context.close()


def _wait_until_drawn(page: Page) -> float:
    """Wait until the page is drawn and still (its run ended, every chart drawn, no element
    added or removed for `STILL_SECONDS`); the moment it became so (perf_counter)."""
    for selector in DONE:
        page.wait_for_selector(selector, state="attached")
    charts = '[data-testid="stPlotlyChart"]:not(:has(.js-plotly-plot))'
    deadline = time.perf_counter() + PAGE_SECONDS
    last, since = None, time.perf_counter()
    while time.perf_counter() < deadline:
        # A rerun may follow the first run (the app adopting the URL's filters), and charts
        # draw after the run: the page counts as drawn once nothing changes any more.
        state = page.evaluate(STATE_SCRIPT, [DONE[1], charts])
        if state != last or not state[0] or state[2] or state[3]:
            last, since = state, time.perf_counter()
        elif time.perf_counter() - since >= STILL_SECONDS:
            return since
        page.wait_for_timeout(100)
    raise TimeoutError(f"{page.url} still changing after {PAGE_SECONDS} s")


# The page's state as one list: [run ended, elements, charts not yet drawn, status widget shown].
STATE_SCRIPT = """([ended, undrawn]) => [
    document.querySelector(ended) !== null,
    document.getElementsByTagName('*').length,
    document.querySelectorAll(undrawn).length,
    document.querySelector('[data-testid="stStatusWidget"]') !== null,
]"""
# How long a page must stay unchanged to count as drawn (its drawing time does not include it).
STILL_SECONDS = 1.0


def _screenshot(page: Page, path: Path) -> None:
    """The whole page: Streamlit scrolls inside its main block, so the window grows to fit."""
    height = page.evaluate(
        "() => Math.max(...Array.from(document.querySelectorAll('section, div'),"
        " (element) => element.scrollHeight))"
    )
    page.set_viewport_size({"width": 1400, "height": min(max(height, 1000), 12_000)})
    page.wait_for_timeout(500)
    page.screenshot(path=path)


def measure_store(
    browser: Browser, url: str, pages: list[str], log: Path, shots: Path | None
) -> dict[str, tuple[Opening, Opening]]:
    """label -> (first, again) for every page variant of the store at `url`."""
    from urllib.parse import urlencode

    found: dict[str, tuple[Opening, Opening]] = {}
    pages_default = re.findall(
        r'_page\("(\w+)"[^)]*default=True', (ROOT / "app.py").read_text(encoding="utf-8")
    )[0]
    with served(url, log) as base:
        open_page(browser, f"{base}/data")  # the server's own start, untimed
        for label, page, query in variants(url, pages):
            # The default page is served at the root (/overview redirects there: a run more).
            path = "" if page == pages_default else page
            address = f"{base}/{path}" + (f"?{urlencode(query)}" if query else "")
            name = label.replace(", ", "-").replace(" + ", "-").replace(" ", "-")
            shot = shots / f"{name}.png" if shots else None
            found[label] = (open_page(browser, address, shot), open_page(browser, address))
    return found


def _demo_store(folder: Path) -> str:
    url = f"sqlite:///{folder / 'demo.db'}"
    subprocess.run(
        [sys.executable, "-m", "arena", "init", "--demo"],
        cwd=ROOT,
        env={**os.environ, "ARENA_DATABASE_URL": url},
        check=True,
        capture_output=True,
    )
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the store to measure")
    parser.add_argument("--pages", help="comma-separated page stems (default: every page)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "test-output" / "browser-bench", help="screenshots"
    )
    args = parser.parse_args(argv)
    pages = args.pages.split(",") if args.pages else navigation_pages()
    args.out.mkdir(parents=True, exist_ok=True)
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with (
        tempfile.TemporaryDirectory(prefix="arena-browser-bench-") as folder,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        store = measure_store(browser, args.url, pages, args.out / "server.log", args.out)
        demo = measure_store(
            browser, _demo_store(Path(folder)), pages, args.out / "server-demo.log", None
        )
        browser.close()
    print(
        "| page | first s | again s | sent KiB | elements | demo first s | demo sent KiB "
        "| demo elements | sent / demo | errors |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, (first, again) in store.items():
        floor = demo.get(label, (None, None))[0]
        errors = len(first.errors) + len(again.errors)
        floor_text = (
            f"{floor.seconds:.2f} | {floor.sent_bytes / 1024:.0f} | {floor.elements} "
            f"| {first.sent_bytes / max(floor.sent_bytes, 1):.1f}"
            if floor
            else "– | – | – | –"
        )
        print(
            f"| {label} | {first.seconds:.2f} | {again.seconds:.2f} "
            f"| {first.sent_bytes / 1024:.0f} | {first.elements} | {floor_text} | {errors} |"
        )
        for error in first.errors + again.errors:
            print(f"    {label}: {error}")
    print(f"screenshots of the store's pages: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
