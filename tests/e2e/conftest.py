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
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
E2E_DIR = Path(__file__).resolve().parent
SERVER_TIMEOUT_S = 60
# Debian's Chromium: Playwright cannot download its own browsers on our machines, and need not.
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in a container, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Mark everything under tests/e2e as `e2e`, so `-m "not e2e"` gives a quick run without a
    # browser. This hook sees every collected item, hence the path check. (A `pytestmark` here
    # would not work: it only applies in test modules, not in conftest.py.)
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/ at the repo root (gitignored): screenshots and server logs."""
    path = REPO_ROOT / "test-output"
    path.mkdir(exist_ok=True)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError as exc:
        return f"(no log: {exc})"


def _wait_for_health(
    base_url: str, proc: subprocess.Popen, log_path: Path, timeout: float = SERVER_TIMEOUT_S
) -> None:
    """Wait until the server answers /_stcore/health with 200; fail with its log otherwise."""
    deadline = time.monotonic() + timeout
    last_error = "no answer yet"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"streamlit exited with code {proc.returncode} before it was ready; "
                f"log {log_path}:\n{_log_tail(log_path)}"
            )
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
                last_error = f"HTTP {response.status}"
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            # Connection refused until the port is open, then maybe 503 while it starts up.
            last_error = str(exc)
        time.sleep(0.2)
    pytest.fail(
        f"streamlit not healthy after {timeout:.0f} s ({last_error}); "
        f"log {log_path}:\n{_log_tail(log_path)}"
    )


def _stop(proc: subprocess.Popen) -> None:
    # Streamlit runs in its own process group (start_new_session): end it and anything it spawned.
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory, output_dir: Path) -> Iterator[str]:
    """Base URL of `streamlit run app.py` on a free port, with a demo store of its own."""
    store_dir = tmp_path_factory.mktemp("e2e-store")
    env = {
        **os.environ,
        "ARENA_DATABASE_URL": f"sqlite:///{store_dir / 'arena.db'}",
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

    with serve_app(env, output_dir / "streamlit-{worker}.log") as base_url:
        yield base_url


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
    port = port or free_port()
    base_url = f"http://{host}:{port}"
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    log_path = Path(str(log_pattern).format(worker=worker))
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless=true",
                "--server.address=127.0.0.1",
                f"--server.port={port}",
                "--browser.gatherUsageStats=false",
                "--server.fileWatcherType=none",
                *options,
            ],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for_health(base_url, proc, log_path)
        yield base_url
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def start_app() -> SimpleNamespace:
    """For a test that needs a server of its own (another store, secrets): `serve` (serve_app)
    and `free_port`, to know the port before the server starts (a redirect URI names it)."""
    return SimpleNamespace(serve=serve_app, free_port=free_port)


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
        page.goto(f"{app_server}/{path.lstrip('/')}{query}")
        page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
        # The frontend marks the app with its state: wait for the websocket to connect and for a
        # script run to *finish*. Waiting only for the running indicator to be hidden can pass
        # before the run has even started.
        page.wait_for_selector(
            '[data-testid="stApp"][data-test-connection-state="CONNECTED"]',
            state="attached",
            timeout=30_000,
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

    return open_
