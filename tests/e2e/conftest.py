"""Browser harness: the real app under `streamlit run`, driven by Debian's Chromium via Playwright.

AppTest (tests/pages) runs page scripts without a browser; these tests catch what only a browser
shows: the frontend rendering charts, navigation, JavaScript errors. They are slow (a server start
per session, seconds per page), so keep them few and select them with `-m e2e` / `-m "not e2e"`.

The server gets its own SQLite store in a temporary folder with the demo data (`arena init
--demo`), never data/arena.db. Its log goes to test-output/, next to the screenshots.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from arena import devserver

REPO_ROOT = Path(__file__).resolve().parents[2]
E2E_DIR = Path(__file__).resolve().parent
SERVER_TIMEOUT_S = 60
# Playwright's `expect` retries for 5 s by default. A CI machine running two workers, a database
# server and Chromium has been seen taking longer than that for one script run of the app, so an
# assertion waits as long as the script-run waits below: it still fails if the state never comes.
expect.set_options(timeout=30_000)
# Debian's Chromium: Playwright cannot download its own browsers on our machines, and need not.
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in a container, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups off the items
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Mark everything under tests/e2e as `e2e`, so `-m "not e2e"` gives a quick run without a
    # browser. This hook sees every collected item, hence the path check. (A `pytestmark` here
    # would not work: it only applies in test modules, not in conftest.py.)
    # They are also one xdist group (`make test` runs `--dist loadgroup`): all on one worker,
    # so one app server and one Chromium run beside the other worker's tests, not two of each
    # on a machine of two cores, where every browser test then waited on the other's.
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/ at the repo root (gitignored): screenshots and server logs."""
    path = REPO_ROOT / "test-output"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a server on the session's demo store, which no test changes."""
    return demo_env(tmp_path_factory.mktemp("e2e-store"))


@pytest.fixture(scope="session")
def app_server(demo_store: dict[str, str], output_dir: Path) -> Iterator[str]:
    """Base URL of `streamlit run app.py` on a free port, on the session's demo store."""
    with serve_app(demo_store, output_dir / "streamlit-{worker}.log") as base_url:
        yield base_url


def demo_env(folder: Path) -> dict[str, str]:
    """The environment of a server on a new demo store in `folder` (`arena init --demo`)."""
    env = {
        **os.environ,
        "ARENA_DATABASE_URL": f"sqlite:///{folder / 'arena.db'}",
        "PYTHONUNBUFFERED": "1",
    }
    init = subprocess.run(
        [sys.executable, "-m", "arena", "init", "--demo"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if init.returncode != 0:
        pytest.fail(
            f"`python -m arena init --demo` failed with code {init.returncode}:\n"
            f"{init.stdout}\n{init.stderr}"
        )
    return env


@contextmanager
def serve_app(
    env: dict[str, str],
    log_pattern: Path,
    *options: str,
    host: str = "127.0.0.1",
    port: int | None = None,
) -> Iterator[str]:
    """`streamlit run app.py` on loopback, on `port` (default: a free one), with `env` and extra
    `options` (`--secrets.files=...`); yields its base URL on `host` once it is healthy, stops it
    after. `log_pattern` names the log, `{worker}` in it the pytest-xdist worker."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    log_path = Path(str(log_pattern).format(worker=worker))
    try:
        with devserver.serve(env, log_path, *options, port=port, timeout=SERVER_TIMEOUT_S) as bound:
            yield f"http://{host}:{bound}"
    except devserver.ServerError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def start_app() -> SimpleNamespace:
    """For a test that needs a server of its own (another store, secrets): `serve` (serve_app)
    and `free_port`, to know the port before the server starts (a redirect URI names it)."""
    return SimpleNamespace(serve=serve_app, free_port=devserver.free_port)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium (Playwright passes --headless itself)."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("Chromium not found: run scripts/system-deps.sh (or `make test`)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no cookies, no session state) and page per test, Swedish locale."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    # Actions and navigations wait as long as the assertions (see `expect.set_options` above).
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def open_app(app_server: str, page: Page) -> Callable[..., Page]:
    """`open_app(path="", query="")`: load a page of the app and wait until its script has run.

    `path` is a page's url_path ("" for the default page), `query` a query string such as
    "?year=2025". Returns the `page`.
    """

    def open_(path: str = "", query: str = "", settle_ms: int = 300) -> Page:
        return load(page, f"{app_server}/{path.lstrip('/')}{query}", settle_ms)

    return open_


def load(page: Page, address: str, settle_ms: int = 300) -> Page:
    """Open `address` in `page` and wait until the app's script has run there."""
    page.goto(address)
    page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    # The frontend marks the app with its state: wait for the websocket to connect and for a
    # script run to *finish*. Waiting only for the running indicator to be hidden can pass
    # before the run has even started.
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"]',
        state="attached",
        timeout=60_000,
    )
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]',
        state="attached",
        timeout=60_000,
    )
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="hidden", timeout=60_000)
    # The app's own shell (language switch in the sidebar) proves app.py ran: on a fresh
    # server the first page run may be a bare page script that reruns into the shell.
    page.wait_for_selector(
        '[data-testid="stSidebar"] [data-testid="stButtonGroup"]', timeout=60_000
    )
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]',
        state="attached",
        timeout=60_000,
    )
    # Charts and fonts render a little after the script run ends.
    page.wait_for_timeout(settle_ms)
    return page
