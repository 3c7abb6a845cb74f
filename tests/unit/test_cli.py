"""`python -m arena`: init is idempotent, info shows counts, every failure (a bad URL, a store
never migrated, read-only or full, a missing file, a bug) is one sentence and exit 2, and the
exports keep the column names and codes scripts depend on.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from arena import config
from arena.auth import cli_identity
from arena.cli import main
from arena.ingest.kinds import KINDS
from arena.store import get_engine
from tests.unit.test_store import previous_revision


@pytest.fixture
def use_db(monkeypatch, db_url):
    monkeypatch.setenv("ARENA_DATABASE_URL", db_url)
    return db_url


def test_init_migrates_and_loads_the_demo_once(use_db, capsys):
    assert main(["init", "--demo"]) == 0
    first = capsys.readouterr().out
    assert "Demo data loaded" in first
    assert main(["init", "--demo"]) == 0
    second = capsys.readouterr().out
    assert "already holds data" in second
    assert main(["info"]) == 0
    info = capsys.readouterr().out
    assert "project" in info and "47" in info
    # Loaded once: one import in the history, nothing doubled.
    assert main(["history"]) == 0
    history = capsys.readouterr().out.splitlines()
    header = "Import When Who File Kind of data Outcome New Updated Deleted"
    assert history[0].split() == header.split()
    assert len(history) == 2 and "Demodata (data/demo)" in history[1]
    # The kinds it changed, each with its count, cut at 60.
    assert "Committed" in history[1] and "Organisations: 62 new; Programmes: 4 new; " in history[1]
    assert "…" in history[1]


def test_info_masks_the_password(monkeypatch, capsys):
    monkeypatch.setenv("ARENA_DATABASE_URL", "postgresql+psycopg://arena:hemligt@127.0.0.1:1/arena")
    assert main(["info"]) == 2
    err = capsys.readouterr().err
    assert "hemligt" not in err
    assert "Cannot reach the database" in err and "***" in err


@pytest.mark.parametrize("url", ["not a url", "mysqlx://nowhere/db"])
def test_a_bad_url_is_a_clear_error(monkeypatch, capsys, url):
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    assert main(["init"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "Traceback" not in err


def test_the_module_entry_point_runs(use_db):
    environment = {**os.environ, "ARENA_DATABASE_URL": use_db}
    done = subprocess.run(
        [sys.executable, "-m", "arena", "init"],
        cwd=config.PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Store created at revision ")


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({}, "en"),  # nothing says: a script reads English
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),  # gettext's order
        ({"LANGUAGE": "sv:en", "LC_ALL": "C"}, "sv"),
        ({"ARENA_LANGUAGE": "sv", "LANG": "en_US.UTF-8"}, "sv"),
        ({"ARENA_LANGUAGE": "EN", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"ARENA_LANGUAGE": "fi", "LANG": "sv_FI.UTF-8"}, "sv"),  # no Finnish: the locale
    ],
)
def test_the_command_line_speaks_the_readers_language(monkeypatch, environment, language):
    for name in ("ARENA_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert config.cli_language() == language


def test_a_swedish_locale_gets_its_problems_and_help_in_swedish(use_db, tmp_path):
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("ARENA_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    environment.update(ARENA_DATABASE_URL=use_db, LANG="sv_SE.UTF-8")
    assert main(["init"]) == 0
    bad = tmp_path / "projekt.csv"
    bad.write_text("Diarienummer;Titel;Status\n2020-00001;Ett projekt;kanske\n", "utf-8")

    def run(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "arena", *arguments],
            cwd=config.PROJECT_ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )

    done = run("import", str(bad))
    assert done.returncode == 1
    assert "  fel: rad 2, kolumn 'Status': [constraint-error] " in done.stderr
    assert "projekt.csv: Filen avvisades med 1 fel och inget har ändrats." in done.stderr
    assert "läs in CSV-, Excel-" in run("--help").stdout


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout to export to")
@pytest.mark.parametrize("command", [["export", "projects", "/dev/stdout"], ["history"]])
def test_a_reader_that_stops_reading_ends_the_command_quietly(use_db, capsys, command):
    # `python -m arena history | head -1`: the pipe closes before all is written (here before
    # a word is). No "Error: Broken pipe", no traceback: the status a shell gives `seq` then.
    assert main(["init", "--demo"]) == 0
    capsys.readouterr()
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "arena", *command],
            cwd=config.PROJECT_ROOT,
            env={**os.environ, "ARENA_DATABASE_URL": use_db},
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (141, "")


def test_export_writes_each_format(use_db, tmp_path, capsys):
    assert main(["init", "--demo"]) == 0
    for fmt, name in (("csv", "projects.csv"), ("xlsx", "projects.xlsx")):
        assert main(["export", "projects", str(tmp_path / name), "--format", fmt]) == 0
        assert (tmp_path / name).stat().st_size > 0
    assert main(["export", "grants", str(tmp_path / "g.csv"), "--format", "360giving"]) == 0
    text = (tmp_path / "g.csv").read_text(encoding="utf-8")
    assert text.startswith("Identifier,Title") and "150000" in text
    assert main(["export", "projects", str(tmp_path / "x.csv"), "--format", "360giving"]) == 2
    capsys.readouterr()


def test_export_writes_what_the_files_name_says(use_db, tmp_path, capsys):
    assert main(["init", "--demo"]) == 0
    csv_text = "\ufeffreference,".encode()  # with a BOM: how Excel knows a CSV is UTF-8
    for name, starts in (("p.xlsx", b"PK\x03\x04"), ("p.csv", csv_text), ("p", csv_text)):
        assert main(["export", "projects", str(tmp_path / name)]) == 0
        assert (tmp_path / name).read_bytes().startswith(starts)
    capsys.readouterr()
    # A format the name contradicts is said, and nothing is written.
    for name, fmt in (("q.xlsx", "csv"), ("q.csv", "xlsx"), ("q.json", "360giving")):
        assert main(["export", "grants", str(tmp_path / name), "--format", fmt]) == 2
        assert not (tmp_path / name).exists()
        assert f"{name}: its name says otherwise" in capsys.readouterr().err


def test_export_refuses_a_semicolon_its_format_cannot_be_written_with(
    use_db, tmp_path, monkeypatch, capsys
):
    # Before, the `;` was dropped without a word: commas written, exit 0.
    assert main(["init", "--demo"]) == 0
    capsys.readouterr()
    for name, fmt, said in (
        ("g.csv", "360giving", "A 360Giving file is comma-separated by the standard"),
        ("g.xlsx", "xlsx", "An Excel workbook has no separator"),
    ):
        args = ["export", "grants", str(tmp_path / name), "--format", fmt, "--delimiter", ";"]
        assert main(args) == 2
        assert not (tmp_path / name).exists()
        assert said in capsys.readouterr().err
    # In the CLI's language; a comma, what these formats are written with, is no contradiction.
    monkeypatch.setattr("arena.cli.LANGUAGE", "sv")
    args = ["export", "grants", str(tmp_path / "g.csv"), "--format", "360giving"]
    assert main([*args, "--delimiter", ";"]) == 2
    assert "En 360Giving-fil är kommaavgränsad enligt standarden" in capsys.readouterr().err
    assert main([*args, "--delimiter", ","]) == 0
    assert (tmp_path / "g.csv").read_text(encoding="utf-8").startswith("Identifier,Title")


def test_export_to_a_dash_writes_standard_output(use_db, tmp_path, monkeypatch, capsysbinary):
    assert main(["init", "--demo"]) == 0
    monkeypatch.chdir(tmp_path)
    capsysbinary.readouterr()
    assert main(["export", "projects", "-", "--delimiter", ";"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith("\ufeffreference;".encode())  # the CSV alone, no "Wrote ..."
    assert b"Wrote" not in out
    # A workbook goes whole into a pipe or a file, byte for byte as a file holds it.
    assert main(["export", "projects", "-", "--format", "xlsx"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"PK\x03\x04")
    # ... but is refused to a terminal, which it would garble.
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["export", "projects", "-", "--format", "xlsx"]) == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert b"is not written to the terminal" in captured.err
    assert not (tmp_path / "-").exists()


# --- Every failure is one sentence and exit 2, never a traceback (issue 7) ---------------------

PROJECTS = "Diarienummer;Titel;Status\n2020-00001;Ett projekt;planerad\n"
# Enough to need new pages in any store: a full disk shows on it.
MANY_PROJECTS = "Diarienummer;Titel;Status\n" + "".join(
    f"2020-{number:05d};{'Ett långt projektnamn ' * 10}{number};planerad\n"
    for number in range(3000)
)


@pytest.fixture
def sqlite_url(monkeypatch, tmp_path):
    """A SQLite store of this test's own (the cases below need SQLite's own ways to fail)."""
    url = f"sqlite:///{tmp_path / 'arena.db'}"
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    yield url
    get_engine(url).dispose()


def _csv(tmp_path, text: str = PROJECTS) -> str:
    path = tmp_path / "projekt.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    return lines[0]


@pytest.mark.parametrize("command", [["import", "projekt.csv"], ["export", "projects", "x.csv"]])
def test_a_store_never_migrated_says_run_init(use_db, tmp_path, capsys, command):
    command = [str(tmp_path / part) if "." in part else part for part in command]
    _csv(tmp_path)
    if use_db.startswith("sqlite"):  # an existing file without tables; none is another case
        Path(use_db.removeprefix("sqlite:///")).touch()
    assert main(command) == 2
    sentence = _one_sentence(capsys.readouterr().err)
    assert sentence.endswith("has no tables; run `python -m arena init`.")


@pytest.mark.parametrize(
    "command",
    [
        ["info"],
        ["import", "projekt.csv"],
        ["import", "--dry-run", "projekt.csv"],
        ["export", "projects", "x.csv"],
        ["history"],
        ["undo", "1", "--yes"],
        ["users", "list"],
        ["users", "add", "a@b.se", "--role", "viewer"],
        ["audit"],
    ],
)
def test_a_missing_sqlite_store_is_named_and_not_created(monkeypatch, tmp_path, capsys, command):
    # SQLite creates a missing file on connect: a mistyped URL must not leave an empty store.
    path = tmp_path / "typo" / "arena.db"
    url = f"sqlite:///{path}"
    monkeypatch.setenv("ARENA_DATABASE_URL", url)
    command = [str(tmp_path / part) if part.endswith(".csv") else part for part in command]
    _csv(tmp_path)
    try:
        assert main(command) == 2
    finally:
        get_engine(url).dispose()
    sentence = _one_sentence(capsys.readouterr().err)
    assert sentence == (
        f"Error: There is no store at {url}; run `python -m arena init` to create it."
    )
    assert not path.parent.exists()  # nor its folder
    assert main(["init"]) == 0 and path.exists()  # init is the one command that creates it
    get_engine(url).dispose()


@pytest.mark.parametrize("command", [["init", "--demo"], ["info"], ["import", "projekt.csv"]])
def test_a_store_in_memory_is_refused_by_every_command(monkeypatch, tmp_path, capsys, command):
    # `sqlite:///` with its path left out: init said "Store ready", import "Committed".
    monkeypatch.setenv("ARENA_DATABASE_URL", "sqlite:///")
    command = [str(tmp_path / part) if part.endswith(".csv") else part for part in command]
    _csv(tmp_path)
    assert main(command) == 2
    assert _one_sentence(capsys.readouterr().err) == (
        "Error: sqlite:/// is a SQLite store in memory: nothing written there outlasts the "
        "command. Name a file, e.g. sqlite:///data/arena.db."
    )


def test_a_read_only_store_is_one_sentence(sqlite_url, monkeypatch, tmp_path, capsys):
    assert main(["init"]) == 0
    # Import 1, to undo below.
    assert main(["import", _csv(tmp_path, PROJECTS.replace("00001", "00002"))]) == 0
    path = sqlite_url.removeprefix("sqlite:///")
    # Root may write any file, so open it read-only the way SQLite offers.
    monkeypatch.setenv("ARENA_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["import", _csv(tmp_path)]) == 2
    sentence = _one_sentence(capsys.readouterr().err)
    assert "readonly database" in sentence and "nothing was changed" in sentence
    assert not (tmp_path / "file:").exists()  # a URI is no path to make folders for
    # An undo there is said as the import's failure is: the store, and that nothing changed.
    assert main(["undo", "1", "--yes"]) == 2
    sentence = capsys.readouterr().err.splitlines()[-1]
    assert sentence.startswith("Error: The store could not be used (")
    assert "readonly database" in sentence and "nothing was changed" in sentence
    # A role given there is said in those words too, not "the store could not be used: ...".
    assert main(["users", "add", "a@b.se", "--role", "viewer"]) == 2
    assert capsys.readouterr().err == (
        "Error: The store could not be used (attempt to write a readonly database); nothing "
        "was changed.\n"
    )


def test_a_command_leaves_its_store_whole_in_one_file(sqlite_url, tmp_path):
    # SQLite keeps committed pages in the `-wal` file until the last connection closes: a
    # command that ended with its pool open left them there, and a copy of arena.db alone
    # (a backup as files are backed up) held a store without tables.
    store = Path(sqlite_url.removeprefix("sqlite:///"))
    assert main(["init"]) == 0
    assert main(["import", _csv(tmp_path)]) == 0
    assert not Path(f"{store}-wal").exists()
    copy = tmp_path / "copy.db"
    copy.write_bytes(store.read_bytes())
    with sa.create_engine(f"sqlite:///{copy}").connect() as conn:
        titles = conn.exec_driver_sql("SELECT title FROM project").scalars().all()
    assert titles == ["Ett projekt"]


def _full(url: str) -> None:
    """Make the store full: no connection may grow the file past its size now."""
    engine = get_engine(url)
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()

    def cap(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(engine, "connect", cap)
    engine.dispose()


def test_a_full_disk_is_one_sentence_in_the_cli(sqlite_url, tmp_path, capsys):
    assert main(["init"]) == 0
    _full(sqlite_url)
    capsys.readouterr()
    assert main(["import", _csv(tmp_path, MANY_PROJECTS)]) == 2
    sentence = _one_sentence(capsys.readouterr().err)
    assert "database or disk is full" in sentence and "nothing was changed" in sentence


def test_a_full_disk_comes_back_to_the_page_as_a_problem(sqlite_url):
    from arena.ingest import Upload, import_files

    assert main(["init"]) == 0
    _full(sqlite_url)
    result = import_files(
        get_engine(sqlite_url),
        [Upload("projekt.csv", MANY_PROJECTS.encode())],
        identity=cli_identity(),
    )
    assert (result.outcome, result.store_failed) == ("rejected", True)
    (problem,) = result.problems
    assert problem.error == "general-error"
    assert "database or disk is full" in problem.text("en")
    assert "inget har ändrats" in problem.text("sv")


def test_a_missing_or_unreadable_input_file_is_one_sentence(engine, tmp_path, capsys):
    assert main(["import", str(tmp_path / "saknas.csv")]) == 2
    assert "No such file" in capsys.readouterr().err
    assert main(["import", str(tmp_path)]) == 2  # a folder is no file: how to name its files
    assert capsys.readouterr().err.strip() == (
        f"{tmp_path} is a folder, not a file: name its files, e.g. {tmp_path}/*.csv (in the "
        "order they are to be imported)."
    )
    assert main(["export", "projects", str(tmp_path / "saknas" / "x.csv")]) == 2
    assert "No such file or directory" in _one_sentence(capsys.readouterr().err)


def test_an_input_over_the_upload_limit_is_refused_before_it_is_read(
    engine, tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(config, "UPLOAD_LIMIT_BYTES", 10)
    assert main(["import", _csv(tmp_path)]) == 1
    assert "at most 50 MB is read" in capsys.readouterr().err


def test_an_unexpected_failure_is_one_sentence_and_the_details_only_with_debug(
    use_db, monkeypatch, capsys
):
    def broken(_args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("arena.cli.cmd_history", broken)
    assert main(["history"]) == 2
    assert "--debug" in _one_sentence(capsys.readouterr().err)
    assert main(["--debug", "history"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "ZeroDivisionError: a bug" in err


# --- The export is a machine interface: its columns and codes stay as they are ----------------

EXPORT_COLUMNS = {
    "activities": "reference,effort,title,programme_code,start_date,end_date,participants,reach,"
    "cost_sek,description,source",
    "budgets": "programme_code,year,amount_sek,source",
    "buyer_group_members": "buyer_group,organisation",
    "buyer_groups": "name,sector,programme_code,description,source",
    "disbursements": "grant_reference,paid_on,amount_sek,source",
    "expenditures": "programme_code,project_reference,spent_on,category,amount_sek,description,"
    "source",
    "grants": "reference,project_reference,funder,amount_sek,decision_date,start_date,end_date,"
    "source",
    "indicator_values": "indicator_code,programme_code,project_reference,country_code,year,value,"
    "coverage,note,source",
    "indicators": "code,name_sv,name_en,unit,definition,baseline_value,baseline_year,target_value,"
    "target_year,source",
    "milestones": "programme_code,project_reference,title,kind,due_date,delivered_date,source",
    "organisations": "name,org_number,kind,county,country,source",
    "participants": "project_reference,organisation,role",
    "programmes": "code,name,name_en,owner,funder,start_date,end_date,report_due,themes,"
    "description,source",
    "projects": "reference,title,title_en,description,expected_effects,status,stage,coordinator,"
    "programme_code,sector,procurement_type,start_date,end_date,sdg_goals,themes,source",
}
# Columns whose cells are codes, never a label in some language.
EXPORT_CODES = {
    "projects": {
        "status": {"desired", "planned", "ongoing", "completed", "cancelled"},
        "stage": {"pre_study", "market_dialogue", "procurement", "contract", "contract_management"},
    },
    "organisations": {
        "kind": {
            "national_authority",
            "region",
            "municipality",
            "company",
            "research_organisation",
            "association",
            "international_body",
        }
    },
    "participants": {"role": {"coordinator", "buyer", "supplier", "research_partner", "partner"}},
    "milestones": {"kind": {"report", "milestone"}},
    "programmes": {"kind": {"government_assignment", "funding_programme", "network_project"}},
    "buyer_groups": {"kind": {"buyer_group", "buyer_network", "international_network"}},
    "indicators": {
        "direction": {"increase", "decrease"},
        "frequency": {"monthly", "quarterly", "yearly", "once", "irregular"},
    },
    "activities": {
        "effort": {
            "knowledge_sharing",
            "pioneer_relay",
            "buyer_network",
            "sectoral_arena",
            "expert_support",
            "experience_exchange",
            "financing",
        }
    },
}


def test_cli_exports_keep_their_column_names_and_codes(use_db, tmp_path, capsys):
    assert main(["init", "--demo"]) == 0
    assert sorted(EXPORT_COLUMNS) == sorted(KINDS)
    for kind, columns in EXPORT_COLUMNS.items():
        path = tmp_path / f"{kind}.csv"
        assert main(["export", kind, str(path)]) == 0
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        expected = columns.split(",")
        # Scripts read columns by name: today's stay, in this order (new ones may be added).
        header = [name for name in rows[0] if name in expected]
        assert header == expected, kind
        for column, codes in EXPORT_CODES.get(kind, {}).items():
            found = {row[column] for row in rows if row[column]}
            assert found and found <= codes, (kind, column, found - codes)
    capsys.readouterr()


def test_init_says_what_it_did_to_the_store(db_url, monkeypatch, capsys):
    """`init` (and so `make run`) said "Store ready" whatever it did: a store it created, one
    it upgraded from an older release (which migrations, and what each did to the data) and
    one it left alone are told apart, and a second run says it changed nothing."""
    from arena import cli
    from arena.ingest import load_demo
    from arena.store import SCHEMA_REVISION, downgrade, safe_url, table_counts

    url = safe_url(db_url)
    assert main(["init"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Store created at revision {SCHEMA_REVISION}: {url}"
    ]
    engine = get_engine(db_url)
    load_demo(engine, identity=cli_identity())
    downgrade(engine, "a3c0ffee0013")  # a store of an older release, with its data
    before = table_counts(engine)
    assert main(["init"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Store upgraded from revision a3c0ffee0013 to {SCHEMA_REVISION} (3 migrations): {url}",
        "  b4c0ffee0014: the audit log can record a renamed account",
        "  c5c0ffee0015: organisation numbers of Norway, Denmark and Finland allowed; stored "
        "numbers unchanged",
        "  d6c0ffee0016: preliminary marks of indicator values re-read from their notes",
    ]
    assert table_counts(engine) == before
    assert main(["init"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Store already at the latest revision {SCHEMA_REVISION}; nothing changed: {url}"
    ]
    downgrade(engine, "c5c0ffee0015")
    monkeypatch.setattr(cli, "LANGUAGE", "sv")
    assert main(["init"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Databasen uppgraderades från schemaversion c5c0ffee0015 till {SCHEMA_REVISION} "
        f"(1 migrering): {url}",
        "  d6c0ffee0016: indikatorvärdenas preliminärmarkering läst om ur deras anteckningar",
    ]


def test_every_migration_says_what_it_does_in_the_catalogue():
    """`init` lists each migration it applies by its sentence: a new migration without one
    (or a sentence left after its migration) fails here."""
    from arena.i18n import TEXTS
    from arena.store import known_revisions

    said = {key.removeprefix("migration.") for key in TEXTS if key.startswith("migration.")}
    assert said == known_revisions()


# What makes the last migration fail halfway, after c5c0ffee0015 and its own first change: on
# SQLite the copy of `indicator_value` it builds to add its column, left by hand (batch mode
# names it so); on PostgreSQL, which adds the column in place, a trigger refusing its update of
# the values' marks.
_BLOCKERS = {
    "sqlite": ["CREATE TABLE _alembic_tmp_indicator_value (id INTEGER)"],
    "postgresql": [
        "CREATE FUNCTION refuse_update() RETURNS trigger AS $$ BEGIN "
        "RAISE EXCEPTION 'indicator values are locked'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_update BEFORE UPDATE ON indicator_value "
        "FOR EACH ROW EXECUTE FUNCTION refuse_update()",
    ],
}
_BLOCKED = {
    "sqlite": "table _alembic_tmp_indicator_value already exists",
    "postgresql": "indicator values are locked",
}


def test_a_failed_upgrade_names_its_migration_and_changes_nothing(db_url, backend, capsys):
    """A migration that fails is named with the store's reason, in one sentence with no
    traceback, and the store is as it was: every migration of the upgrade runs in one
    transaction, on SQLite (schema changes included) as on PostgreSQL."""
    from arena.ingest import load_demo
    from arena.store import current_revision, downgrade, table_counts

    engine = get_engine(db_url)
    assert main(["init"]) == 0
    load_demo(engine, identity=cli_identity())
    downgrade(engine, "b4c0ffee0014")  # c5c0ffee0015 applies, then d6c0ffee0016 fails
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE indicator_value SET note = 'Prel.'"))
        for statement in _BLOCKERS[backend]:
            conn.exec_driver_sql(statement)
    before = table_counts(engine)
    capsys.readouterr()
    assert main(["init"]) == 2
    sentence = _one_sentence(capsys.readouterr().err)
    assert sentence.startswith(
        "Error: The store's upgrade failed in migration d6c0ffee0016 (preliminary marks of "
        "indicator values re-read from their notes): "
    )
    assert _BLOCKED[backend] in sentence
    assert sentence.endswith("Nothing was changed: the store is still at revision b4c0ffee0014.")
    assert current_revision(engine) == "b4c0ffee0014"
    assert table_counts(engine) == before
    columns = {column["name"] for column in sa.inspect(engine).get_columns("indicator_value")}
    assert "preliminary" not in columns  # the column it added went with it
    # c5c0ffee0015's check went too: a Norwegian number is refused as before it.
    with engine.connect() as conn, pytest.raises(sa.exc.IntegrityError):
        conn.exec_driver_sql(
            "INSERT INTO organisation (name, kind, org_number, country) "
            "VALUES ('Oslo kommune', 'municipality', 'NO974760673', 'NO')"
        )


def test_a_store_behind_or_ahead_of_the_code_says_what_to_do(db_url, tmp_path, capsys):
    from arena.store import migrate

    engine = get_engine(db_url)
    migrate(engine, previous_revision())
    _csv(tmp_path)
    assert main(["import", str(tmp_path / "projekt.csv")]) == 2
    sentence = _one_sentence(capsys.readouterr().err)
    assert sentence.endswith(
        "has an older schema than this version of Arena Monitor; run `python -m arena init` "
        "to upgrade it (its data is kept)."
    )
    assert main(["init"]) == 0  # the upgrade
    capsys.readouterr()
    assert main(["import", str(tmp_path / "projekt.csv")]) == 0
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'ffff00000099'"))
    newer = "was upgraded by a newer version of Arena Monitor; use that version with it."
    assert main(["export", "projects", str(tmp_path / "x.csv")]) == 2
    assert _one_sentence(capsys.readouterr().err).endswith(newer)
    # `init` (and so `make run`) says the same, not that it failed unexpectedly, and leaves
    # the store as the newer version left it.
    assert main(["init", "--demo"]) == 2
    assert _one_sentence(capsys.readouterr().err).endswith(newer)
    with engine.connect() as conn:
        revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert revision == "ffff00000099"


def test_info_says_whether_the_schema_is_this_versions(db_url, capsys):
    from arena.store import SCHEMA_REVISION, migrate

    engine = get_engine(db_url)
    previous = previous_revision()
    migrate(engine, previous)
    assert main(["info"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        f"Schema revision: {previous}, older than this version's "
        f"{SCHEMA_REVISION} (upgrade: python -m arena init; the data is kept)"
    )
    migrate(engine)
    assert main(["info"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == f"Schema revision: {SCHEMA_REVISION}"
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'ffff00000099'"))
    assert main(["info"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "Schema revision: ffff00000099, from a newer version of Arena Monitor than this one "
        f"({SCHEMA_REVISION})"
    )


def test_import_reads_a_header_as_the_column_it_is_said_to_be(engine, tmp_path, capsys):
    """`--column "Summa (tkr)=Belopp"`: a list's own name for a column, read as the column
    without editing the file; its unit stays, and a choice without "=" is a usage error."""
    from tests.fixtures.ingest import natural, with_organisations

    with_organisations(engine)
    projects = tmp_path / "projekt.csv"
    projects.write_text(
        "Diarienummer;Titel;Status\n2020-00001;Smart belysning;pågående\n", encoding="utf-8"
    )
    grants = tmp_path / "bidrag.csv"
    grants.write_text(
        "Bidragsref.;Diarienr;Finansiär;Summa (tkr)\nG-1;2020-00001;Vinnova;150\n",
        encoding="utf-8",
    )
    assert main(["import", str(projects)]) == 0
    assert main(["import", str(grants)]) == 1  # refused: no "Belopp"
    assert 'e.g. --column "Summa (tkr)=Belopp".' in capsys.readouterr().err
    renamed = ["--column", "summa (tkr)=Belopp", "--column", "Diarienr=Diarienummer"]
    assert main(["import", str(grants), *renamed]) == 0
    assert [(g["reference"], g["amount_sek"]) for g in natural(engine, "grants")] == [
        ("G-1", 150_000)
    ]
    with pytest.raises(SystemExit) as usage:
        main(["import", str(grants), "--column", "Summa"])
    assert usage.value.code == 2
    assert "does not say which header is meant" in capsys.readouterr().err
    # A header typed over two lines in its cell is offered as it can be typed, on one.
    grants.write_text(
        'Bidragsref.;Diarienr;Finansiär;"Summa\n(tkr)"\nG-2;2020-00001;Vinnova;150\n',
        encoding="utf-8",
    )
    assert main(["import", str(grants)]) == 1
    assert 'e.g. --column "Summa (tkr)=Belopp".' in capsys.readouterr().err


def test_import_refuses_a_column_said_for_a_header_the_file_lacks(engine, tmp_path, capsys):
    from tests.fixtures.ingest import dump, with_organisations

    with_organisations(engine)
    sheet = tmp_path / "lista.csv"
    sheet.write_text(
        "Diarienummer;Titel;Koordinator;Status;Summa;Finansiär\n"
        "2027-00002;Snösmältning Kiruna;Kiruna Snö AB;Pågående;2,5 MSEK;Vinnova\n",
        encoding="utf-8",
    )
    before = dump(engine)
    assert main(["import", str(sheet), "--column", "Finnsinte=Belopp"]) == 1
    err = capsys.readouterr().err
    assert (
        "error: file, column 'Finnsinte': [format-error] lista.csv: there is no header "
        "“Finnsinte” to read as “Belopp”. The headers are “Diarienummer”, “Titel”,"
    ) in err
    assert "lista.csv: The file was rejected with 1 error and nothing was changed." in err
    assert dump(engine) == before


# Ctrl-C before the command runs: `python -m arena` loading its modules (pandas, SQLAlchemy:
# the first 1-2.5 s), then `main` building its parser. The interruption is made where it must
# be met, not sent at a moment, so that the test never depends on timing.
_INTERRUPTED_IMPORT = """
import runpy, sys
target = sys.argv[1]

class Interrupting:
    def find_spec(self, name, path=None, target_module=None):
        if name == target:
            sys.meta_path.remove(self)  # once: as one Ctrl-C is
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, Interrupting())
sys.argv = ["arena", "--help"]
runpy.run_module("arena", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("module", ["sqlalchemy", "pandas", "arena.i18n"])
def test_ctrl_c_while_the_command_loads_is_one_line(module):
    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_IMPORT, module],
        cwd=config.PROJECT_ROOT,
        env={**os.environ, "ARENA_LANGUAGE": "en"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr, done.stdout) == (
        130,
        "Interrupted: nothing was changed.\n",
        "",
    )


def test_ctrl_c_while_the_parser_is_built_is_one_line(monkeypatch, capsys):
    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr("arena.cli.build_parser", interrupted)
    try:
        code = main(["history"])
    except KeyboardInterrupt:  # escaped, it would stop pytest
        pytest.fail("Ctrl-C escaped main(): a traceback on the terminal")
    assert code == 130
    assert capsys.readouterr().err == "Interrupted: nothing was changed.\n"


def test_the_swedish_cli_says_the_stores_refusals_in_swedish(monkeypatch, tmp_path, capsys):
    # With ARENA_LANGUAGE=sv the store's refusals were English: "There is no store at ...".
    from arena import cli

    monkeypatch.setattr(cli, "LANGUAGE", "sv")
    missing = f"sqlite:///{tmp_path / 'saknas' / 'arena.db'}"
    monkeypatch.setenv("ARENA_DATABASE_URL", missing)
    assert main(["info"]) == 2
    assert capsys.readouterr().err == (
        f"Fel: Det finns ingen databas på {missing}; kör `python -m arena init` för att skapa "
        "den.\n"
    )
    monkeypatch.setenv("ARENA_DATABASE_URL", "postgresql+psycopg://arena:hemligt@127.0.0.1:1/arena")
    assert main(["info"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fel: Kan inte nå databasen postgresql+psycopg://arena:***@127.0.0.1:1")
    assert "hemligt" not in err
    monkeypatch.setenv("ARENA_DATABASE_URL", "sqlite:///")
    assert main(["info"]) == 2
    assert capsys.readouterr().err.startswith("Fel: sqlite:/// är en SQLite-databas i minnet")
    monkeypatch.setenv("ARENA_DATABASE_URL", "not a url")
    assert main(["info"]) == 2
    assert capsys.readouterr().err.startswith("Fel: Ogiltig databas-URL 'not a url': ")
