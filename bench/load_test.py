"""Concurrent sessions reading pages while imports commit: latencies, errors, read consistency.

    nice .venv/bin/python bench/load_test.py [--url URL] [--sessions 20] [--seconds 60]
        [--imports 3] [--rows 50] [--pages overview,portfolio,grants,project]

Starts `streamlit run app.py` (headless, loopback, a free port) on the store at `--url`, by
default a fresh demo SQLite store made with `python -m arena init --demo`. Then `--sessions`
clients speak Streamlit's own websocket protocol to it (`/_stcore/stream`, protobuf `BackMsg`
/ `ForwardMsg`, as the browser does): each asks for page after page (`rerun_script` with the
page's name and query string), reads the messages until the run finishes and keeps what a
person reads on the page: its metrics (label, value, delta), its exceptions and error alerts.
Meanwhile `python -m arena import` commits `--imports` flat project sheets, each adding
`--rows` projects with their coordinators and grants (several numbers on several pages move
at once, from different queries), spread over the run. While each import runs, the server's
caches are emptied every 0.2 s (Streamlit's `clear_cache` message), so pages compute their
queries right when the import commits.

Read consistency (issue 11: a reader during an import sees the store before or after it, never
half): while no import runs, a probe session records each page's metrics: the stable states,
one per import plus the first. Every run of every session must show one of its page's stable
states. The Portfolio's project count is checked besides against the database's own count
after each import. Prints runs, errors and p50 / p95 / max seconds per page, the import
durations and any inconsistent run; the exit status is 1 when any run failed or mixed states.

A benchmark, not a test (tests/e2e/test_load.py runs its machinery small, on the demo).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arena import devserver  # noqa: E402  (after the path: bench/ runs as a script)
from arena.i18n import LANGUAGES, t  # noqa: E402

DEFAULT_PAGES = ("overview", "portfolio", "grants", "project")
SERVER_START_SECONDS = 90
# A page run that takes longer than this counts as an error (a cold page at 100k: seconds).
RUN_TIMEOUT_SECONDS = 300
# While an import runs, the server's caches are emptied this often, and for this long after it.
CLEAR_CACHE_EVERY_SECONDS = 0.2
COLD_AFTER_IMPORT_SECONDS = 1.0
# What a failed section or page says instead of its content, in every language.
_FAILURE_TEXTS = {t(key, lang) for key in ("section.failed", "page.failed") for lang in LANGUAGES}

Metric = tuple[str, str, str]


def default_page() -> str:
    """The stem of app.py's default page: st.navigation serves it at "" and not under its stem."""
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    return re.search(r'_page\("(\w+)"[^)]*default=True', source).group(1)


@dataclass
class PageRun:
    """One page run as a session saw it."""

    session: int
    page: str
    seconds: float
    metrics: tuple[Metric, ...] = ()
    errors: list[str] = field(default_factory=list)
    runs: int = 0  # script runs the server needed (more than 1: it reran, e.g. a store change)


@dataclass
class Report:
    """Everything the load test observed."""

    runs: list[PageRun]
    imports: list[tuple[int, float]]  # (rows added, seconds) per import
    states: dict[str, list[tuple[Metric, ...]]]  # each page's stable states, oldest first
    project_counts: list[int]  # the store's projects before and after each import
    inconsistent: list[PageRun]
    seconds: float  # from the first reader's start to the last one's end

    @property
    def errors(self) -> list[PageRun]:
        return [run for run in self.runs if run.errors]

    def table(self) -> str:
        lines = [
            "| page | runs | errors | reruns | p50 s | p95 s | max s |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for page in dict.fromkeys(run.page for run in self.runs):
            runs = [run for run in self.runs if run.page == page]
            seconds = sorted(run.seconds for run in runs)
            p95 = (
                statistics.quantiles(seconds, n=20, method="inclusive")[18]
                if len(seconds) > 1
                else seconds[0]
            )
            lines.append(
                f"| {page} | {len(runs)} | {sum(1 for run in runs if run.errors)} "
                f"| {sum(1 for run in runs if run.runs > 1)} | {statistics.median(seconds):.2f} "
                f"| {p95:.2f} | {seconds[-1]:.2f} |"
            )
        return "\n".join(lines)

    def summary(self) -> str:
        imports = ", ".join(f"{rows} projects in {secs:.1f} s" for rows, secs in self.imports)
        seen = {
            page: len({run.metrics for run in self.runs if run.page == page})
            for page in self.states
        }
        return "\n".join(
            [
                self.table(),
                "",
                f"runs {len(self.runs)} in {self.seconds:.0f} s "
                f"({len(self.runs) / self.seconds:.1f} page runs/s), with errors "
                f"{len(self.errors)}, inconsistent {len(self.inconsistent)}",
                f"imports: {imports or 'none'}",
                f"projects in the store: {' -> '.join(map(str, self.project_counts))}",
                "distinct states seen per page (stable states): "
                + ", ".join(f"{page} {seen[page]} ({len(s)})" for page, s in self.states.items()),
                *(f"  error: {run.page} s{run.session}: {run.errors}" for run in self.errors[:10]),
                *(
                    f"  inconsistent: {run.page} s{run.session}: {run.metrics}"
                    for run in self.inconsistent[:10]
                ),
            ]
        )


# --- the server ---------------------------------------------------------------------------


def _environment(url: str) -> dict[str, str]:
    return {**os.environ, "ARENA_DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}


def demo_store(directory: Path) -> str:
    """A fresh SQLite store with the demo data in `directory`, made through the CLI."""
    url = f"sqlite:///{directory / 'arena.db'}"
    subprocess.run(
        [sys.executable, "-m", "arena", "init", "--demo"],
        cwd=ROOT,
        env=_environment(url),
        check=True,
        capture_output=True,
    )
    return url


@contextmanager
def serve(url: str, log: Path) -> Iterator[int]:
    """`streamlit run app.py` on the store at `url`, on a free loopback port (yielded) once
    /_stcore/health answers; stopped (its process group) afterwards."""
    with devserver.serve(_environment(url), log, timeout=SERVER_START_SECONDS) as port:
        yield port


# --- one session: Streamlit's websocket protocol --------------------------------------------


class Session:
    """One browser tab's worth of Streamlit session, over the websocket the frontend uses."""

    def __init__(self, number: int, port: int) -> None:
        self.number = number
        self.port = port
        self.socket: websockets.ClientConnection | None = None
        self.default = default_page()

    async def __aenter__(self) -> Session:
        # The first subprotocol entry selects "streamlit" (the others carry an XSRF token and a
        # session to resume: none here, as for a first visit).
        self.socket = await websockets.connect(
            f"ws://127.0.0.1:{self.port}/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
        )
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.socket.close()

    async def open(self, page: str, query: str = "") -> PageRun:
        """Open `page` (its url_path) with `query` and wait until its script run finished."""
        message = BackMsg()
        # The frontend names the page by its URL path, as here; the default page's is empty.
        message.rerun_script.page_name = "" if page == self.default else page
        message.rerun_script.query_string = query
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        run = PageRun(self.number, page, 0.0)
        metrics: list[Metric] = []
        async with asyncio.timeout(RUN_TIMEOUT_SECONDS):
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await self.socket.recv())
                kind = forward.WhichOneof("type")
                if kind == "new_session":  # a script run starts: what came before is gone
                    run.runs += 1
                    metrics, run.errors = [], []
                elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                    _read_element(forward.delta.new_element, metrics, run.errors)
                elif kind == "page_not_found":
                    run.errors.append(f"page not found: {page}")
                elif kind == "script_finished":
                    status = forward.script_finished
                    if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        run.errors.append("compile error")
                    if status != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        break
        run.seconds = time.perf_counter() - started
        run.metrics = tuple(metrics)
        return run


def _read_element(element, metrics: list[Metric], errors: list[str]) -> None:
    kind = element.WhichOneof("type")
    if kind == "metric":
        metrics.append((element.metric.label, element.metric.body, element.metric.delta))
    elif kind == "exception":
        errors.append(f"exception: {element.exception.type}: {element.exception.message}")
    elif kind == "alert" and (
        element.alert.format == element.alert.ERROR or element.alert.body in _FAILURE_TEXTS
    ):
        errors.append(f"alert: {element.alert.body}")


# --- the load ---------------------------------------------------------------------------------


def import_sheet(number: int, rows: int) -> str:
    """A flat project sheet (English headers) of `rows` new projects, each with a coordinator of
    its own and a grant: one import moves the project counts, the money and the grants."""
    lines = [
        "Reference,Title,Coordinator,County,Status,Start date,End date,Amount granted,Funder,"
        "Decision date"
    ]
    for row in range(rows):
        reference = f"LOAD-{number:02d}-{row:05d}"
        lines.append(
            f"{reference},Load test project {number}.{row},Load test coordinator {number}.{row},"
            f"Stockholm County,Ongoing,2026-01-01,2027-12-31,{100_000 + row},Vinnova,2025-12-01"
        )
    return "\n".join(lines) + "\n"


def project_count(url: str) -> int:
    """The store's own count of projects (what the Portfolio must show, unfiltered)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM project")).scalar_one()
    finally:
        engine.dispose()


def a_project(url: str) -> str:
    """A project reference for the Project page (the first in reference order)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                sa.text("SELECT reference FROM project ORDER BY reference LIMIT 1")
            ).scalar_one()
    finally:
        engine.dispose()


async def _import(url: str, path: Path) -> float:
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "arena",
        "import",
        str(path),
        cwd=ROOT,
        env=_environment(url),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"import of {path.name} failed: {output.decode(errors='replace')}")
    return time.perf_counter() - started


async def _probe(port: int, pages: dict[str, str], states: dict[str, list]) -> None:
    async with Session(-1, port) as probe:
        for page, query in pages.items():
            run = await probe.open(page, query)
            if run.errors:
                raise RuntimeError(f"probe of {page} failed: {run.errors}")
            states[page].append(run.metrics)


async def _keep_cold(port: int, stop: asyncio.Event) -> None:
    """While an import runs: empty the server's caches again and again (Streamlit's own
    `clear_cache` message, the "Clear caches" of its menu), so the pages being read compute
    their queries while the import commits, the case read consistency is about. With warm
    caches a commit almost never lands inside a query, and a mixed page would go unseen."""
    message = BackMsg()
    message.clear_cache = True
    async with Session(-2, port) as buster:
        while not stop.is_set():
            await buster.socket.send(message.SerializeToString())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), CLEAR_CACHE_EVERY_SECONDS)


async def _reader(
    number: int, port: int, pages: dict[str, str], deadline: float, imported: asyncio.Event
) -> list:
    runs = []
    order = list(pages)
    async with Session(number, port) as session:
        step = number  # sessions start on different pages
        # Until the time is up and every import is in (under load they may take longer).
        while time.monotonic() < deadline or not imported.is_set():
            page = order[step % len(order)]
            runs.append(await session.open(page, pages[page]))
            step += 1
    return runs


async def load(
    url: str, port: int, *, sessions: int, seconds: float, imports: int, rows: int, pages: list
) -> Report:
    """Run the readers and the imports against the server on `port`; the observations."""
    queries = {page: f"ref={a_project(url)}" if page == "project" else "" for page in pages}
    states: dict[str, list] = {page: [] for page in queries}
    counts = [project_count(url)]
    await _probe(port, queries, states)
    started = time.monotonic()
    imported = asyncio.Event()
    readers = [
        asyncio.create_task(_reader(number, port, queries, started + seconds, imported))
        for number in range(sessions)
    ]
    durations = []
    with tempfile.TemporaryDirectory() as directory:
        for number in range(1, imports + 1):
            # Spread over the run, so each import commits while pages are being read.
            await asyncio.sleep(
                max(0.0, started + seconds * number / (imports + 1) - time.monotonic())
            )
            path = Path(directory) / f"load_{number:02d}.csv"
            path.write_text(import_sheet(number, rows), encoding="utf-8")
            stop = asyncio.Event()
            busting = asyncio.create_task(_keep_cold(port, stop))
            durations.append((rows, await _import(url, path)))
            await asyncio.sleep(COLD_AFTER_IMPORT_SECONDS)
            stop.set()
            await busting
            counts.append(project_count(url))
            await _probe(port, queries, states)
    imported.set()
    runs = [run for result in await asyncio.gather(*readers) for run in result]
    # Each page reads one stable state; the Portfolio's count is one of the store's counts.
    count_label = {t("portfolio.count", lang) for lang in LANGUAGES}
    inconsistent = [
        run
        for run in runs
        if not run.errors
        and (
            run.metrics not in states[run.page]
            or any(
                label in count_label
                and int(value.replace("\xa0", "").replace(" ", "")) not in counts
                for label, value, _delta in run.metrics
            )
        )
    ]
    return Report(runs, durations, states, counts, inconsistent, time.monotonic() - started)


def run_load_test(
    url: str | None = None,
    *,
    sessions: int = 20,
    seconds: float = 60,
    imports: int = 3,
    rows: int = 50,
    pages: list[str] | None = None,
    log: Path | None = None,
) -> Report:
    """The whole load test: a demo store unless `url`, the server, the load; the report."""
    with tempfile.TemporaryDirectory() as directory:
        url = url or demo_store(Path(directory))
        with serve(url, log or Path(directory) / "streamlit.log") as port:
            return asyncio.run(
                load(
                    url,
                    port,
                    sessions=sessions,
                    seconds=seconds,
                    imports=imports,
                    rows=rows,
                    pages=pages or list(DEFAULT_PAGES),
                )
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="the store (default: a fresh demo SQLite store)")
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions")
    parser.add_argument("--seconds", type=float, default=60, help="how long the sessions read")
    parser.add_argument("--imports", type=int, default=3, help="imports during the run")
    parser.add_argument("--rows", type=int, default=50, help="projects each import adds")
    parser.add_argument("--pages", default=",".join(DEFAULT_PAGES), help="page url paths")
    parser.add_argument("--log", type=Path, help="where the server's log goes")
    options = parser.parse_args()
    report = run_load_test(
        options.url,
        sessions=options.sessions,
        seconds=options.seconds,
        imports=options.imports,
        rows=options.rows,
        pages=options.pages.split(","),
        log=options.log,
    )
    print(report.summary())
    return 1 if report.errors or report.inconsistent else 0


if __name__ == "__main__":
    sys.exit(main())
