"""How fast is the import door? Prints figures; it is not a test.

    .venv/bin/python bench/import_bench.py [--rows N]

It writes a Swedish grants CSV of N rows the way Excel saves one (Windows-1252, `;`, money as
`1 234 567 kr`, öre with a decimal comma) into a store that already holds the funders, every
project the grants belong to and half of the grants (with other amounts), so half the file
creates rows and half updates them. Each contender then loads the same file into its own copy
of that store, in its own process (so peak RSS is its own):

  a  `arena.ingest.import_files`, end to end: decode, sniff, parse, validate, plan, write, history
  b  a hand-written floor: pandas' C parser + one SQLAlchemy Core upsert executemany, no checks
  c  `sqlite-utils insert --csv` (its wall time less its measured start-up)

and last, (a) again on the file with one bad row at row N/2 + 1, which must be rejected fast and
leave the store exactly as it was. Targets: a <= 1.3 x b, a < c, rejection <= 1.5 s, RSS <= 1 GB.

Then the same three on a flat project sheet of N rows (one row per project, as a programme
officer keeps it: `Diarienummer; Ärenderubrik; Koordinator; Län; Status; Startdatum; Slutdatum;
Bidrag från Vinnova; Beslutsdatum`, same encoding and money) whose 30 000 coordinators are 90 %
new to a store that holds the other 10 %: ours detects the layout and creates the organisations,
projects and grants; the floor reads the same file, parses money and dates and inserts the same
three tables with Core. Same targets.
Each figure is the best of `--repeat` runs: on a shared machine noise only ever adds time.

Last, every kind (`--part kinds` runs only this): `python -m arena generate --projects N` writes
a store of N projects (30 % as many organisations, 3.5 participants, 10 spend lines per
project ...), and each kind's first file (at most N rows: a kind's files hold up to
`arena.generate.PART_ROWS` rows each) is imported end to end, in its own process, into a store
that already holds every kind before it, as `python -m arena import` would. Printed per kind:
rows, seconds, rows/s and peak RSS beside the goal (>= 50 000 rows/s, <= 1 GB), and beside them
the database's own share: the rows the import added to the kind's table inserted into the same
store by one bare executemany of the sqlite3 module (no parsing, checks, history or summaries),
the most any import of those rows can do on this machine; then the same with the history every
import writes (a change record per row, which undo reads), and ours over that. Then spend into
the whole store (at N = 100 000 it holds 1 000 000 spend lines): the last spend file again (every
row unchanged), a file of as many new lines (its categories renamed), and the undo of that
new file's import (the undo timed, the import before it not). Last, what programme staff do
most: ten stored payments corrected (each 100 kr more) in the whole store, and the undo of that
correction, each beside a goal of 0.5 s. Beside the wall seconds each line
gives the import's CPU seconds: on a shared machine the wall clock counts other work too.

With `--postgres URL` (the URL of any database on a PostgreSQL server) the every-kind part runs
on that server instead: each store is a database of its own (`arena_bench_*`, copied from the
one before by CREATE DATABASE ... TEMPLATE, dropped at the end), and the floor inserts by one
COPY, as our import does on PostgreSQL.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FUNDERS = ["Vinnova", "Energimyndigheten", "Formas", "Tillväxtverket", "Region Skåne"]
SOURCES = ["Bidragsbeslut från Vinnova", "Årsredovisning 2019", "Utfall enligt ekonomisystemet"]
HEADER = "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum;Startdatum;Slutdatum;Källa"


def _reference(i: int) -> str:
    return f"{2015 + i // 90_000}-{10_000 + i % 90_000:05d}"


def _kronor(amount: int, ore: int) -> str:
    grouped = f"{amount:,}".replace(",", " ")
    return f"{grouped},{ore:02d} kr" if ore else f"{grouped} kr"


def _grant(i: int, rng: random.Random) -> tuple:
    start = date(2016, 1, 1) + timedelta(days=rng.randrange(3000))
    return (
        f"G-{i:06d}",
        _reference(i),
        FUNDERS[i % len(FUNDERS)],
        rng.randrange(50_000, 5_000_000),
        rng.choice((0, 0, 0, 50)),
        start - timedelta(days=rng.randrange(10, 90)),
        start,
        start + timedelta(days=rng.randrange(180, 1500)),
        SOURCES[i % len(SOURCES)],
    )


def make_grants(rows: int, *, bad_row: int | None = None) -> bytes:
    """The CSV; with `bad_row` (1-based data row) that row's amount is unreadable."""
    rng = random.Random(2018_04510)
    lines = [HEADER]
    for i in range(rows):
        ref, project, funder, amount, ore, decided, start, end, source = _grant(i, rng)
        money = "12,34,56 kr" if bad_row == i + 1 else _kronor(amount, ore)
        lines.append(f"{ref};{project};{funder};{money};{decided};{start};{end};{source}")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


SHEET_HEADER = (
    "Diarienummer;Ärenderubrik;Koordinator;Län;Status;Startdatum;Slutdatum;"
    "Bidrag från Vinnova;Beslutsdatum"
)
COORDINATORS = 30_000
KNOWN_SHARE = 10  # one coordinator in KNOWN_SHARE is already in the store
COUNTIES = [
    "Stockholms län",
    "Västra Götalands län",
    "Skåne län",
    "Östergötlands län",
    "Uppsala län",
]
STATUSES = {"Pågående": "ongoing", "Avslutad": "completed", "Planerad": "planned"}
WORDS = ["Nordisk", "Svensk", "Grön", "Smart", "Teknik", "Energi", "Bygg", "Vård", "Data", "Miljö"]


def _coordinator(i: int) -> str:
    return f"{WORDS[i % 10]} {WORDS[i // 10 % 10]} {i} AB"


def make_sheet(rows: int) -> bytes:
    """The flat project sheet: every project once, its coordinator one of COORDINATORS, an
    amount on 9 rows in 10."""
    rng = random.Random(2019_00001)
    statuses = list(STATUSES)
    lines = [SHEET_HEADER]
    for i in range(rows):
        start = date(2016, 1, 1) + timedelta(days=rng.randrange(3000))
        end = start + timedelta(days=rng.randrange(180, 1500))
        coordinator = rng.randrange(COORDINATORS)
        money, decided = "", ""
        if i % 10:
            money = _kronor(rng.randrange(50_000, 5_000_000), 0)
            decided = (start - timedelta(days=rng.randrange(10, 90))).isoformat()
        lines.append(
            f"{_reference(i)};Projekt {i} om {WORDS[i % 10].lower()};{_coordinator(coordinator)};"
            f"{COUNTIES[coordinator % 5]};{statuses[i % 3]};{start};{end};{money};{decided}"
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def preload_sheet(url: str, rows: int) -> None:
    """Vinnova and every KNOWN_SHARE-th coordinator; no projects or grants yet."""
    import sqlalchemy as sa

    from arena import models, store

    engine = store.get_engine(url)
    store.migrate(engine)
    names = ["Vinnova", *(_coordinator(i) for i in range(0, COORDINATORS, KNOWN_SHARE))]
    with store.transaction(engine) as conn:
        conn.execute(
            sa.insert(models.Organisation.__table__),
            [{"name": name, "kind": "company", "country": "SE"} for name in names],
        )
    engine.dispose()


def preload(url: str, rows: int) -> None:
    """Funders, all projects, and the first half of the grants with different amounts."""
    import sqlalchemy as sa

    from arena import models, store

    engine = store.get_engine(url)
    store.migrate(engine)
    rng = random.Random(2018_04510)
    grants = [_grant(i, rng) for i in range(rows)]
    with store.transaction(engine) as conn:
        conn.execute(
            sa.insert(models.Organisation.__table__),
            [{"name": name, "kind": "national_authority", "country": "SE"} for name in FUNDERS],
        )
        conn.execute(
            sa.insert(models.Project.__table__),
            [
                {"reference": _reference(i), "title": f"Projekt {i}", "status": "ongoing"}
                for i in range(rows)
            ],
        )
        funder_ids = dict(conn.execute(sa.text("SELECT name, id FROM organisation")).all())
        project_ids = dict(conn.execute(sa.text("SELECT reference, id FROM project")).all())
        conn.execute(
            sa.insert(models.Grant.__table__),
            [
                {
                    "reference": ref,
                    "project_id": project_ids[project],
                    "funder_id": funder_ids[funder],
                    "amount_sek": amount - 1_000,
                    "decision_date": decided,
                    "start_date": start,
                    "end_date": end,
                    "source": source,
                }
                for ref, project, funder, amount, _ore, decided, start, end, source in grants[
                    : rows // 2
                ]
            ],
        )
    engine.dispose()


def store_digest(url: str) -> str:
    """A hash of every grant row and of the import history: equal means unchanged."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in ("organisation", "project", "grant_award", "import_run", "import_change"):
            for row in conn.execute(sa.text(f"SELECT * FROM {table} ORDER BY id")):
                digest.update(repr(tuple(row)).encode())
    engine.dispose()
    return digest.hexdigest()


# --- the contenders, each run in its own process (`--run NAME`) -------------------------------


def run_ours(url: str, csv_path: Path) -> dict:
    from arena import store
    from arena.auth import cli_identity
    from arena.ingest import Upload, import_files

    engine = store.get_engine(url)
    data = csv_path.read_bytes()
    # The grants file is named as such; the sheet's layout is found from its headers.
    kind = "grants" if csv_path.name.startswith("bidrag") else None
    started, cpu = time.perf_counter(), time.process_time()
    result = import_files(engine, [Upload(csv_path.name, data, kind=kind)], identity=cli_identity())
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "outcome": result.outcome,
        "counts": result.counts,
        # Why an import did not commit, as a person would read it.
        "problems": [problem.message.render("en") for problem in result.problems[:3]],
    }


def run_undo(url: str, csv_path: Path) -> dict:
    """Ours (untimed), then the undo of that import, timed: its figures are the undo's."""
    from arena import store
    from arena.auth import cli_identity
    from arena.ingest import Upload, import_files, undo

    engine = store.get_engine(url)
    upload = Upload(csv_path.name, csv_path.read_bytes())
    imported = import_files(engine, [upload], identity=cli_identity())
    if imported.import_id is None:
        return {"seconds": 0.0, "cpu": 0.0, "outcome": imported.outcome, "counts": {}}
    started, cpu = time.perf_counter(), time.process_time()
    counts = undo(engine, imported.import_id, identity=cli_identity())
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "outcome": "undone",
        "counts": counts,
    }


def run_floor(url: str, csv_path: Path) -> dict:
    import pandas as pd
    import sqlalchemy as sa
    from sqlalchemy.dialects.sqlite import insert

    from arena import models

    engine = sa.create_engine(url)
    table = models.Grant.__table__
    started, cpu = time.perf_counter(), time.process_time()
    frame = pd.read_csv(csv_path, sep=";", encoding="cp1252", decimal=",", thousands=" ", dtype=str)
    frame.columns = [
        "reference",
        "project",
        "funder",
        "amount",
        "decision_date",
        "start_date",
        "end_date",
        "source",
    ]
    amount = (
        frame["amount"]
        .str.removesuffix(" kr")
        .str.replace(" ", "", regex=False)
        .str.replace(",", ".", regex=False)
    )
    frame["amount_sek"] = amount.astype(float).round().astype("int64")
    for name in ("decision_date", "start_date", "end_date"):
        frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d").dt.date
    with engine.begin() as conn:
        projects = dict(conn.execute(sa.text("SELECT reference, id FROM project")).all())
        funders = dict(conn.execute(sa.text("SELECT name, id FROM organisation")).all())
        frame["project_id"] = frame["project"].map(projects)
        frame["funder_id"] = frame["funder"].map(funders)
        rows = frame[
            [
                "reference",
                "project_id",
                "funder_id",
                "amount_sek",
                "decision_date",
                "start_date",
                "end_date",
                "source",
            ]
        ].to_dict("records")
        statement = insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=["reference"],
            set_={name: statement.excluded[name] for name in rows[0] if name != "reference"},
        )
        conn.execute(statement, rows)
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "outcome": "committed",
    }


def _upsert(conn, table, rows: list[dict], key: str) -> None:
    from sqlalchemy.dialects.sqlite import insert

    statement = insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[key],
        set_={name: statement.excluded[name] for name in rows[0] if name != key},
    )
    conn.execute(statement, rows)


def run_floor_sheet(url: str, csv_path: Path) -> dict:
    """The sheet by hand: pandas reads it, money, dates and statuses are parsed column-wise,
    then new coordinators, projects and grants go in with Core (upserts, as the grants floor),
    no checks and no history.
    """
    import pandas as pd
    import sqlalchemy as sa

    from arena import models

    engine = sa.create_engine(url)
    started, cpu = time.perf_counter(), time.process_time()
    frame = pd.read_csv(csv_path, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    frame.columns = [
        "reference",
        "title",
        "coordinator",
        "county",
        "status",
        "start_date",
        "end_date",
        "amount",
        "decision_date",
    ]
    granted = frame["amount"] != ""
    amount = frame["amount"].str.removesuffix(" kr").str.replace(" ", "", regex=False)
    frame["amount_sek"] = pd.to_numeric(amount.where(granted)).astype("Int64")
    frame["status"] = frame["status"].map(STATUSES)
    for name in ("start_date", "end_date", "decision_date"):
        dates = pd.to_datetime(frame[name], format="%Y-%m-%d", errors="coerce").dt.date
        frame[name] = dates.astype(object).where(frame[name] != "", None)
    with engine.begin() as conn:
        organisations = dict(conn.execute(sa.text("SELECT name, id FROM organisation")).all())
        coordinators = frame.drop_duplicates("coordinator")
        new = coordinators[~coordinators["coordinator"].isin(organisations)]
        conn.execute(
            sa.insert(models.Organisation.__table__),
            [
                {"name": name, "kind": "company", "country": "SE", "county": county}
                for name, county in zip(new["coordinator"], new["county"], strict=True)
            ],
        )
        organisations = dict(conn.execute(sa.text("SELECT name, id FROM organisation")).all())
        frame["coordinator_id"] = frame["coordinator"].map(organisations)
        columns = ["reference", "title", "status", "coordinator_id", "start_date", "end_date"]
        _upsert(conn, models.Project.__table__, frame[columns].to_dict("records"), "reference")
        projects = dict(conn.execute(sa.text("SELECT reference, id FROM project")).all())
        grants = frame[granted].copy()
        grants["project_id"] = grants["reference"].map(projects)
        grants["funder_id"] = organisations["Vinnova"]
        grants["amount_sek"] = grants["amount_sek"].astype("int64")
        columns = ["reference", "project_id", "funder_id", "amount_sek", "decision_date"]
        columns += ["start_date", "end_date"]
        _upsert(conn, models.Grant.__table__, grants[columns].to_dict("records"), "reference")
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "outcome": "committed",
    }


def run_sqlite_utils(url: str, csv_path: Path) -> dict:
    program = Path(sys.executable).parent / "sqlite-utils"
    database = url.removeprefix("sqlite:///")

    def timed(*arguments: str) -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([str(program), *arguments], check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return time.perf_counter() - started, cpu

    startup, startup_cpu = timed("--version")
    wall, cpu = timed(
        *("insert", database, "grants_csv", str(csv_path), "--csv"),
        *("--delimiter", ";", "--encoding", "cp1252"),
    )
    # The child's peak, not ours: this wrapper does next to nothing.
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "seconds": wall - startup,
        "cpu": cpu - startup_cpu,
        "wall": wall,
        "startup": startup,
        "rss_kb": rss,
    }


CONTENDERS = {
    "ours": run_ours,
    "undo": run_undo,
    "floor": run_floor,
    "floor-sheet": run_floor_sheet,
    "sqlite-utils": run_sqlite_utils,
}


def run_insert_only(url: str, written: str, table: str) -> dict:
    """The database's own share: the rows our import added to `table` (read, untimed, from
    `written`, the store it left) inserted into the store at `url` in one transaction with
    the store's indexes, constraints and foreign keys, and nothing else (no parsing, checks
    or summaries): on SQLite by one bare executemany of the sqlite3 module, on PostgreSQL by
    one COPY of psycopg. No import of those rows can be faster on this machine: beside ours,
    it says how much of the goal is ours to meet. Then, in a second transaction, the import's
    history the same way (its run and a change record per row, which undo and the Data page
    read): "history_seconds".
    """
    floor = _insert_only_postgres if url.startswith("postgresql") else _insert_only_sqlite
    cpu = time.process_time()
    seconds, rows = floor(url, written, table)
    return {
        "seconds": seconds[0],
        "history_seconds": seconds[1],
        "cpu": time.process_time() - cpu,
        "outcome": "committed",
        "rows": rows,
    }


# The history keeps its ids (a change names its run); the kind's table numbers its rows anew.
_HISTORY = ("import_run", "import_change")


def _insert_only_sqlite(url: str, written: str, table: str) -> tuple[list[float], int]:
    import sqlite3

    connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    connection.execute("PRAGMA foreign_keys=ON")
    # The page cache our import writes with (arena.store._WRITE_CACHE_KIB).
    connection.execute("PRAGMA cache_size=-131072")
    connection.execute("ATTACH DATABASE ? AS written", (written.removeprefix("sqlite:///"),))
    batches = []
    for name in (table, *_HISTORY):
        columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{name}")')]
        held = connection.execute(f'SELECT coalesce(max(id), 0) FROM main."{name}"').fetchone()[0]
        columns = columns if name != table else [column for column in columns if column != "id"]
        listed = ", ".join(f'"{column}"' for column in columns)
        rows = connection.execute(
            f'SELECT {listed} FROM written."{name}" WHERE id > ? ORDER BY id', (held,)
        ).fetchall()
        marks = ", ".join("?" * len(columns))
        batches.append((f'INSERT INTO main."{name}" ({listed}) VALUES ({marks})', rows))
    connection.execute("DETACH DATABASE written")
    seconds = []
    for transaction in (batches[:1], batches[1:]):
        begun = time.perf_counter()
        connection.execute("BEGIN")
        for statement, rows in transaction:
            connection.executemany(statement, rows)
        connection.execute("COMMIT")
        seconds.append(time.perf_counter() - begun)
    return seconds, len(batches[0][1])


def _insert_only_postgres(url: str, written: str, table: str) -> tuple[list[float], int]:
    import psycopg
    import sqlalchemy as sa

    def connect(address: str) -> psycopg.Connection:
        plain = sa.engine.make_url(address).set(drivername="postgresql")
        return psycopg.connect(plain.render_as_string(hide_password=False))

    batches = []
    with connect(url) as target, connect(written) as source:
        for name in (table, *_HISTORY):
            columns = [
                row[0]
                for row in target.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
                    " AND table_schema = current_schema() ORDER BY ordinal_position",
                    (name,),
                )
            ]
            held = target.execute(f'SELECT coalesce(max(id), 0) FROM "{name}"').fetchone()[0]
            columns = columns if name != table else [column for column in columns if column != "id"]
            listed = ", ".join(f'"{column}"' for column in columns)
            rows = source.execute(
                f'SELECT {listed} FROM "{name}" WHERE id > %s ORDER BY id', (held,)
            ).fetchall()
            batches.append((f'COPY "{name}" ({listed}) FROM STDIN', rows))
        target.commit()
        seconds = []
        for transaction in (batches[:1], batches[1:]):
            begun = time.perf_counter()
            with target.transaction():
                for statement, rows in transaction:
                    with target.cursor() as cursor, cursor.copy(statement) as copy:
                        for row in rows:
                            copy.write_row(row)
            seconds.append(time.perf_counter() - begun)
    return seconds, len(batches[0][1])


# How the floor inserts, per database.
_BARE = {"sqlite": "one bare executemany", "postgresql": "one bare COPY"}


def _child(name: str, url: str, csv_path: Path, table: str | None, written: str | None) -> dict:
    if name == "insert-only":
        figures = run_insert_only(url, written, table)
    else:
        figures = CONTENDERS[name](url, csv_path)
    figures.setdefault("rss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return figures


def _in_process(
    name: str, template: str, stores: Stores, csv_path: Path, repeat: int, *extra: str
) -> dict:
    """Run a contender `repeat` times, each on a fresh copy of the pre-loaded store `template`
    (a name in `stores`) in a new Python process, and keep its fastest run (a shared machine
    only ever adds time); the stores of the others are removed. `extra`: more arguments for
    the child.
    """
    runs = []
    for attempt in range(repeat):
        copy = f"{name}-{attempt}"
        stores.copy(template, copy)
        url = stores.url(copy)
        done = subprocess.run(
            [sys.executable, __file__, "--run", name, "--url", url, "--csv", str(csv_path), *extra],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        figures["store"] = copy
        runs.append(figures)
    best = min(runs, key=lambda figures: figures["seconds"])
    best["rss_kb"] = max(figures["rss_kb"] for figures in runs)
    best["url"] = stores.url(best["store"])
    for figures in runs:
        if figures is not best:
            stores.remove(figures["store"])
    return best


class Stores:
    """The bench's stores as SQLite files in a work folder, by name."""

    dialect = "sqlite"

    def __init__(self, folder: Path):
        self.folder = folder

    def url(self, name: str) -> str:
        return f"sqlite:///{self.folder / name}.db"

    def copy(self, source: str, target: str) -> None:
        """A copy of the store `source` as committed, WAL included, by SQLite's own backup:
        a child's process ends without a last checkpoint, so the newest imports may be in
        the -wal file only, which a copy of the file itself would lose."""
        import sqlite3

        self.remove(target)
        with (
            contextlib.closing(sqlite3.connect(self.folder / f"{source}.db")) as read,
            contextlib.closing(sqlite3.connect(self.folder / f"{target}.db")) as written,
        ):
            read.backup(written)

    def create(self, name: str) -> None:
        """An empty store `name` (a file SQLite creates on first use)."""
        self.remove(name)

    def remove(self, name: str) -> None:
        """Remove a store with its -wal and -shm files: a -wal left behind would be read into
        the next store copied to that name, as if it were that store's own."""
        path = self.folder / f"{name}.db"
        for companion in (
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
        ):
            companion.unlink(missing_ok=True)

    def close(self) -> None:
        """Nothing to do: the folder goes with the run."""


class PostgresStores(Stores):
    """The bench's stores as databases on a PostgreSQL server (`server`: the URL of a database
    there the bench may connect to, to create and drop its own `arena_bench_*` databases)."""

    PREFIX = "arena_bench_"
    dialect = "postgresql"

    def __init__(self, server: str):
        import sqlalchemy as sa

        self.server = sa.engine.make_url(server)
        self.admin = sa.create_engine(
            self.server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool
        )
        self.made: set[str] = set()

    def url(self, name: str) -> str:
        return self.server.set(database=self._name(name)).render_as_string(hide_password=False)

    def copy(self, source: str, target: str) -> None:
        """`target` as a copy of `source`, by the server's file copy: no one may be connected to
        `source` (every child has ended), and its checkpoint costs seconds, not the minutes of
        importing it again."""
        self.remove(target)
        self._run(
            f"CREATE DATABASE {self._name(target)} TEMPLATE {self._name(source)} STRATEGY FILE_COPY"
        )
        self.made.add(target)

    def create(self, name: str) -> None:
        self.remove(name)
        self._run(f"CREATE DATABASE {self._name(name)}")
        self.made.add(name)

    def remove(self, name: str) -> None:
        self._run(f"DROP DATABASE IF EXISTS {self._name(name)}")
        self.made.discard(name)

    def close(self) -> None:
        """Drop every database the bench made: they take a gigabyte each at 100 000 projects."""
        for name in sorted(self.made):
            self.remove(name)
        self.admin.dispose()

    def _name(self, name: str) -> str:
        return self.PREFIX + name.replace("-", "_")

    def _run(self, statement: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(statement)


def _compare(results: dict[str, dict], rows: int, floor: str) -> bool:
    """Print ours beside the floor and sqlite-utils; False when ours did not commit."""
    a, b, c = results["ours"], results[floor], results["sqlite-utils"]
    if a["outcome"] != "committed":
        print(f"our import did not commit: {a}")
        return False
    print(f"our counts: {a['counts']}")
    for label, name in (("a", "ours"), ("b", floor), ("c", "sqlite-utils")):
        figures = results[name]
        print(
            f"({label}) {name:<13} {figures['seconds']:7.2f} s  "
            f"{rows / figures['seconds']:>9,.0f} rows/s  "
            f"cpu {figures['cpu']:6.2f} s  "
            f"peak RSS {figures['rss_kb'] / 1024:6.0f} MB".replace(",", " ")
        )
    print(f"    sqlite-utils wall {c['wall']:.2f} s, of which start-up {c['startup']:.2f} s")
    # CPU time too: on a shared virtual machine, stolen time inflates wall time unevenly.
    ratio_b = f"{a['seconds'] / b['seconds']:.2f} (cpu {a['cpu'] / b['cpu']:.2f}"
    print(f"a/b = {ratio_b}; target <= 1.3)")
    print(f"a/c = {a['seconds'] / c['seconds']:.2f} (cpu {a['cpu'] / c['cpu']:.2f}; target < 1)")
    print(f"peak RSS of our import: {a['rss_kb'] / 1024:.0f} MB (target <= 1024)")
    return True


def generated(rows: int, folder: Path) -> list[dict]:
    """`arena.generate` of a store of `rows` projects, run in a child process (so this one's
    peak RSS, which every later child inherits on Linux, stays small): its files, in order."""
    from arena.generate import generate

    return [
        {"path": str(file.path), "kind": file.kind, "rows": file.rows}
        for file in generate(folder, projects=rows, seed=1)
    ]


def _child_json(*arguments: str) -> dict | list:
    done = subprocess.run(
        [sys.executable, __file__, *arguments], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def every_kind(rows: int, repeat: int, workdir: Path, stores: Stores) -> None:
    """Each kind's first generated file imported into a store (in `stores`) holding the kinds
    before it."""
    from arena import store
    from arena.ingest.kinds import KINDS

    started = time.perf_counter()
    files = _child_json("--generate-into", str(workdir / "generated"), "--rows", str(rows))
    print(
        f"\nevery kind: generated a store of {rows} projects in "
        f"{time.perf_counter() - started:.1f} s (untimed); each kind's first file, end to end, "
        f"beside the database's own share (the same new rows by {_BARE[stores.dialect]}):"
    )
    template = "kinds"
    stores.create(template)
    url = stores.url(template)
    engine = store.get_engine(url)
    store.migrate(engine)
    engine.dispose()  # the contenders get copies of it (`Stores.copy`)
    print(
        f"{'kind':<34} {'rows':>9} {'seconds':>8} {'cpu s':>6} {'rows/s':>9} {'peak RSS MB':>12}"
        f" {'insert rows/s':>12} {'+history rows/s':>14} {'ours/+hist':>10}  "
        f"goal: >= {GOAL_ROWS_PER_SECOND:,} rows/s, <= {GOAL_RSS_MB} MB".replace(",", " ")
    )
    for kind in dict.fromkeys(file["kind"] for file in files):
        parts = [file for file in files if file["kind"] == kind]
        table = KINDS[kind].model.__tablename__
        first = Path(parts[0]["path"])
        if not _kind_line(kind, template, stores, first, parts[0]["rows"], repeat, table=table):
            return
        for part in parts:  # the store the next kinds refer to (untimed, each in a child)
            _child_json("--run", "ours", "--url", url, "--csv", part["path"])
    spend = [file for file in files if file["kind"] == "expenditures"]
    if not spend:
        return
    held = sum(file["rows"] for file in spend)
    last = Path(spend[-1]["path"])
    fresh = workdir / "utfall_nya.csv"
    fresh.write_bytes(_renamed_categories(last.read_bytes()))
    spend_table = KINDS["expenditures"].model.__tablename__
    for label, path, outcome, table in (
        (f"spend again, store holds {held}", last, "unchanged", None),
        (f"new spend, store holds {held}", fresh, "committed", spend_table),
    ):
        line = _kind_line(
            label, template, stores, path, spend[-1]["rows"], repeat, outcome, table=table
        )
        if not line:
            return
    # The undo of that new spend (its import untimed; peak RSS is the import's and the undo's).
    if not _kind_line(
        f"undo of new spend, store holds {held}",
        template,
        stores,
        fresh,
        spend[-1]["rows"],
        repeat,
        "undone",
        contender="undo",
    ):
        return
    # What programme staff do most: correct a few rows of a big store, and undo that.
    payments = [file for file in files if file["kind"] == "disbursements"]
    few = workdir / "utbetalningar_rättade.csv"
    few.write_bytes(_raised_amounts(Path(payments[-1]["path"]).read_bytes(), SMALL_CHANGE))
    for label, contender, outcome in (
        ("ten payments corrected", "ours", "committed"),
        ("undo of those ten", "undo", "undone"),
    ):
        _kind_line(
            label,
            template,
            stores,
            few,
            SMALL_CHANGE,
            repeat,
            outcome,
            contender=contender,
            goal_seconds=GOAL_SMALL_SECONDS,
        )


GOAL_ROWS_PER_SECOND = 50_000
GOAL_RSS_MB = 1024


def _kind_line(
    label: str,
    template: str,
    stores: Stores,
    path: Path,
    rows: int,
    repeat: int,
    outcome: str = "committed",
    contender: str = "ours",
    table: str | None = None,
    goal_seconds: float | None = None,
) -> bool:
    """Import `path` into copies of `template` (with `contender` "undo": import, then undo it)
    and print its line; False if it did not end as `outcome` (then the line says why). With
    `table`, beside it the rows the import added to that table inserted by the database alone
    (`run_insert_only`), as fast as the machine allows. With `goal_seconds` the goal is that
    time, not GOAL_ROWS_PER_SECOND (a correction of a few rows)."""
    figures = _in_process(contender, template, stores, path, repeat)
    if figures["outcome"] != outcome:
        stores.remove(figures["store"])
        print(f"{label}: our import did not end {outcome}: {figures}")
        return False
    floor_text, history_text, ratio = "", "", ""
    if table is not None:
        floor = _in_process(
            "insert-only",
            template,
            stores,
            path,
            repeat,
            "--table",
            table,
            "--written",
            figures["url"],
        )
        stores.remove(floor["store"])
        floor_text = f"{floor['rows'] / floor['seconds']:,.0f}".replace(",", " ")
        with_history = floor["seconds"] + floor["history_seconds"]
        history_text = f"{floor['rows'] / with_history:,.0f}".replace(",", " ")
        ratio = f"{figures['seconds'] / with_history:.1f}"
    stores.remove(figures["store"])
    rate = rows / figures["seconds"]
    rss = figures["rss_kb"] / 1024
    fast = (
        rate >= GOAL_ROWS_PER_SECOND if goal_seconds is None else figures["seconds"] <= goal_seconds
    )
    met = "ok" if fast and rss <= GOAL_RSS_MB else "below goal"
    shown = f"{rate:,.0f}".replace(",", " ")
    print(
        f"{label:<34} {rows:>9} {figures['seconds']:>8.2f} {figures['cpu']:>6.2f} "
        f"{shown:>9} {rss:>12.0f} {floor_text:>12} {history_text:>14} {ratio:>10}  {met}",
        flush=True,
    )
    return True


# Rows of the correction every-kind ends with; its goal is a time, not a rate: what a person
# waits for after "commit".
SMALL_CHANGE = 10
GOAL_SMALL_SECONDS = 0.5


def _raised_amounts(data: bytes, rows: int) -> bytes:
    """The first `rows` payments of a generated payments file, each 100 kr more: a correction
    of rows the store holds (the payment's key, its grant and date, unchanged)."""
    lines = data.decode("utf-8-sig").splitlines()
    position = lines[0].split(";").index("Belopp")
    raised = [lines[0]]
    for line in lines[1 : rows + 1]:
        cells = line.split(";")
        cells[position] = str(int(cells[position].replace(" ", "")) + 100)
        raised.append(";".join(cells))
    return ("\n".join(raised) + "\n").encode()


def _renamed_categories(data: bytes) -> bytes:
    """A generated spend file whose every line is new to the store that holds it: the same
    lines with " (ny)" after each category (part of a spend line's key)."""
    lines = data.decode("utf-8-sig").splitlines()
    header = lines[0].split(";")
    position = header.index("Kategori")
    renamed = [lines[0]]
    for line in lines[1:]:
        cells = line.split(";")
        cells[position] += " (ny)"
        renamed.append(";".join(cells))
    return ("\n".join(renamed) + "\n").encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the file")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender (best kept)")
    parser.add_argument(
        "--part",
        choices=["all", "grants", "kinds"],
        default="all",
        help="grants: the grants file and the project sheet; kinds: every kind; all: both",
    )
    parser.add_argument(
        "--run", choices=[*sorted(CONTENDERS), "insert-only"], help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="with --part kinds: the stores are databases on this PostgreSQL server (the URL of "
        "a database there; the bench creates and drops its own arena_bench_* databases)",
    )
    parser.add_argument("--table", help=argparse.SUPPRESS)
    parser.add_argument("--written", help=argparse.SUPPRESS)
    parser.add_argument("--generate-into", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(_child(args.run, args.url, args.csv, args.table, args.written)))
        return 0
    if args.generate_into:
        print(json.dumps(generated(args.rows, args.generate_into)))
        return 0

    with tempfile.TemporaryDirectory(prefix="arena-bench-") as tmp:
        workdir = Path(tmp)
        if args.part == "kinds":
            stores = PostgresStores(args.postgres) if args.postgres else Stores(workdir)
            try:
                every_kind(args.rows, args.repeat, workdir, stores)
            finally:
                stores.close()
            return 0
        if args.postgres:
            parser.error("--postgres goes with --part kinds")
        csv_path = workdir / "bidrag.csv"
        bad_path = workdir / "bidrag_fel.csv"
        csv_path.write_bytes(make_grants(args.rows))
        bad_row = args.rows // 2 + 1
        bad_path.write_bytes(make_grants(args.rows, bad_row=bad_row))
        stores = Stores(workdir)
        template = "template"
        started = time.perf_counter()
        preload(stores.url(template), args.rows)
        print(
            f"{args.rows} rows, {csv_path.stat().st_size / 1e6:.1f} MB cp1252; store pre-loaded "
            f"with {args.rows} projects and {args.rows // 2} grants "
            f"in {time.perf_counter() - started:.1f} s (untimed)"
        )
        contenders = ("ours", "floor", "sqlite-utils")
        results = {
            name: _in_process(name, template, stores, csv_path, args.repeat) for name in contenders
        }
        if not _compare(results, args.rows, "floor"):
            return 1

        rejection = _in_process("ours", template, stores, bad_path, args.repeat)
        before = store_digest(stores.url(template))
        unchanged = store_digest(rejection["url"]) == before
        print(
            f"rejection of row {bad_row}: {rejection['seconds']:.2f} s "
            f"(cpu {rejection['cpu']:.2f} s; target <= 1.5), "
            f"outcome {rejection['outcome']}, store unchanged: {unchanged}, "
            f"peak RSS {rejection['rss_kb'] / 1024:.0f} MB"
        )

        sheet_path = workdir / "projektlista.csv"
        sheet_path.write_bytes(make_sheet(args.rows))
        sheet_template = "sheet"
        preload_sheet(stores.url(sheet_template), args.rows)
        print(
            f"\nflat project sheet: {args.rows} rows, {sheet_path.stat().st_size / 1e6:.1f} MB "
            f"cp1252; {COORDINATORS} coordinators, {COORDINATORS // KNOWN_SHARE} of them in the "
            "store"
        )
        results = {
            name: _in_process(name, sheet_template, stores, sheet_path, args.repeat)
            for name in ("ours", "floor-sheet", "sqlite-utils")
        }
        if not _compare(results, args.rows, "floor-sheet"):
            return 1
        if args.part == "all":
            every_kind(args.rows, args.repeat, workdir, stores)
        return 0 if unchanged and rejection["outcome"] == "rejected" else 1


if __name__ == "__main__":
    sys.exit(main())
