"""The app served on loopback for the browser suite and the load test: one way to start it.

`streamlit run app.py` headless on 127.0.0.1 and a free port, ready once `/_stcore/health`
answers 200, stopped with its whole process group (Streamlit may spawn children). Not for
production: `make run` and docs/scaling.md say how the app is served for people.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from arena.config import PROJECT_ROOT

START_SECONDS = 60


class ServerError(RuntimeError):
    """The server stopped or stayed unhealthy before it was ready; the message ends with the
    tail of its log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError as exc:
        return f"(no log: {exc})"


def _wait_for_health(port: int, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last_error = "no answer yet"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(
                f"streamlit exited with code {process.returncode} before it was ready; "
                f"log {log}:\n{_log_tail(log)}"
            )
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/_stcore/health", timeout=2
            ) as response:
                if response.status == 200:
                    return
                last_error = f"HTTP {response.status}"
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            # Connection refused until the port is open, then maybe 503 while it starts up.
            last_error = str(exc)
        time.sleep(0.2)
    raise ServerError(
        f"streamlit not healthy after {timeout:.0f} s ({last_error}); log {log}:\n{_log_tail(log)}"
    )


def _stop(process: subprocess.Popen) -> None:
    # Streamlit runs in its own process group (start_new_session): end it and what it spawned.
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


@contextmanager
def serve(
    env: Mapping[str, str],
    log: Path,
    *options: str,
    port: int | None = None,
    timeout: float = START_SECONDS,
) -> Iterator[int]:
    """`streamlit run app.py` with `env` and extra `options` (`--secrets.files=...`) on
    `port` (default: a free one), its output in `log`; yields the port once the server is
    healthy (ServerError otherwise) and stops it afterwards."""
    port = port or free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
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
            cwd=PROJECT_ROOT,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for_health(port, process, log, timeout)
        yield port
    finally:
        _stop(process)
