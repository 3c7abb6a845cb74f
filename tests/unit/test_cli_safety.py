"""`python -m arena` never does more than it said or was asked: a cascade undoes only the
imports it showed, no output file is written over the store, `--replace` never lets two
files of one kind delete each other's rows and asks before it deletes, Ctrl-C is one line
that says what stays, and an import number too big for the store is one that does not exist.

SQLite only: the store's own files, and the way an interruption meets a SQLite connection.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from arena import config
from arena.auth import cli_identity
from arena.cli import main
from arena.ingest import Upload, import_files
from arena.queries import history
from tests.fixtures.ingest import dump, natural, saved_workbook, upload, with_organisations

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

PROJECTS = (
    "Diarienummer;Titel;Status\n2020-00001;Smart belysning;planerad\n"
    "2020-00002;Fossilfria maskiner;pågår\n"
)
PARTICIPANTS = "Diarienummer;Organisation;Roll\n2020-00001;Vinnova;beställare\n"
ORGANISATIONS = "Namn;Typ\nVinnova;myndighet\nGöteborgs kommun;kommun\n"


def _write(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


class _Terminal(io.StringIO):
    """Standard input as a person at a terminal types it."""

    def isatty(self) -> bool:
        return True


def _run(command: list[str]) -> int:
    """`main`, where a Ctrl-C that escapes it fails the test (it would stop pytest)."""
    try:
        return main(command)
    except KeyboardInterrupt:
        pytest.fail("Ctrl-C escaped main(): a traceback on the terminal")


def _two_imports(engine, tmp_path) -> None:
    """Import 2 (projects) and import 3 (a participant of one of them, hanging on 2)."""
    with_organisations(engine)
    assert main(["import", _write(tmp_path, "projekt.csv", PROJECTS)]) == 0
    assert main(["import", _write(tmp_path, "deltagare.csv", PARTICIPANTS)]) == 0


# --- 1. a cascade undoes the imports it showed, none other ------------------------------------


def test_a_cascade_refuses_when_an_import_came_to_hang_on_it_while_it_asked(
    engine, tmp_path, capsys, monkeypatch
):
    _two_imports(engine, tmp_path)
    capsys.readouterr()

    class Racing(_Terminal):
        """Another import that hangs on import 2 commits while the question waits."""

        def readline(self, *args) -> str:
            late = "Diarienummer;Organisation;Roll\n2020-00002;Vinnova;beställare\n"
            result = import_files(
                engine, [Upload("sen.csv", late.encode())], identity=cli_identity()
            )
            assert (result.outcome, result.import_id) == ("committed", 4)
            return super().readline(*args)

    monkeypatch.setattr(sys, "stdin", Racing("y\n"))
    assert main(["undo", "2", "--cascade"]) == 1
    captured = capsys.readouterr()
    assert "#3 · deltagare.csv" in captured.out and "#4" not in captured.out  # what was shown
    assert captured.err.strip() == (
        "Import 2 was not undone: the store changed since the imports undone with it were "
        "shown (now: #4, #3). Nothing was changed; try again."
    )
    imports = history.import_history(engine).set_index("id")
    assert set(imports.loc[[2, 3, 4], "outcome"]) == {"committed"}
    assert len(natural(engine, "participants")) == 2
    # Run again, it shows both and does what it showed (most of the store: its number typed).
    monkeypatch.setattr(sys, "stdin", _Terminal("2\n"))
    assert main(["undo", "2", "--cascade"]) == 0
    out = capsys.readouterr().out
    assert "#4 · sen.csv" in out and "Import 2 and 2 later imports undone" in out
    assert natural(engine, "projects") == natural(engine, "participants") == []


def test_a_cascade_refuses_when_it_would_undo_an_import_not_shown_though_none_was(
    engine, tmp_path, capsys, monkeypatch
):
    # `--cascade` on an import nothing hung on when it was shown: one that came to must not
    # be undone with it unseen.
    with_organisations(engine)
    assert main(["import", _write(tmp_path, "projekt.csv", PROJECTS)]) == 0
    capsys.readouterr()

    class Racing(_Terminal):
        def readline(self, *args) -> str:
            load = [Upload("deltagare.csv", PARTICIPANTS.encode())]
            assert import_files(engine, load, identity=cli_identity()).outcome == "committed"
            return super().readline(*args)

    monkeypatch.setattr(sys, "stdin", Racing("y\n"))
    assert main(["undo", "2", "--cascade"]) == 1
    assert "(now: #3). Nothing was changed" in capsys.readouterr().err
    assert len(natural(engine, "projects")) == 2 and len(natural(engine, "participants")) == 1


# --- 2. no output file is written over the store ----------------------------------------------


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
@pytest.mark.parametrize(
    "command",
    [
        ["export", "projects", "OUT"],
        ["export", "projects", "OUT", "--format", "xlsx"],
        ["audit", "--csv", "OUT"],
        ["import", "IN", "--report", "OUT"],
        ["import", "IN", "--dry-run", "--report", "OUT"],
    ],
    ids=["export", "export-xlsx", "audit", "import-report", "dry-run-report"],
)
def test_an_output_file_that_is_the_store_is_refused(engine, tmp_path, capsys, command, suffix):
    with_organisations(engine)
    store = Path(engine.url.database)
    target = Path(f"{store}{suffix}")
    engine.dispose()  # its -wal and -shm files go with the last connection
    before = store.read_bytes()
    existed = target.exists()
    source = _write(tmp_path, "projekt.csv", PROJECTS)
    command = [
        str(target) if part == "OUT" else source if part == "IN" else part for part in command
    ]
    if suffix == "-shm":
        # Written over while SQLite has it mapped, the -shm file ends the process (SIGBUS):
        # in a process of its own, so that a regression fails this test, not the whole run.
        done = subprocess.run(
            [sys.executable, "-m", "arena", *command],
            cwd=config.PROJECT_ROOT,
            env={**os.environ, "ARENA_DATABASE_URL": str(engine.url)},
            capture_output=True,
            text=True,
            check=False,
        )
        code, err = done.returncode, done.stderr
    else:
        code, err = _run(command), capsys.readouterr().err
    assert code == 2
    assert err == (
        f"{target} is the store's own file: writing there would destroy the store; name "
        "another file.\n"
    )
    assert store.read_bytes() == before
    assert target.exists() == existed
    assert [o["name"] for o in natural(engine, "organisations")]  # the store still reads


def test_a_report_over_the_file_imported_is_refused(engine, tmp_path, capsys):
    # Opening the report empties the file it names: the file to import was gone unread.
    with_organisations(engine)
    path = _write(tmp_path, "projekt.csv", PROJECTS)
    assert main(["import", path, "--report", path]) == 2
    assert "is a file to import" in capsys.readouterr().err
    assert Path(path).read_text(encoding="utf-8") == PROJECTS
    assert natural(engine, "projects") == []


def test_the_store_is_known_by_any_name(engine, tmp_path, capsys, monkeypatch):
    with_organisations(engine)
    store = Path(engine.url.database)
    engine.dispose()
    before = store.read_bytes()
    link = tmp_path / "link.db"
    link.symlink_to(store)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    for name in (str(link), f"../{store.name}", f"../{store.name}-wal"):
        assert _run(["export", "organisations", name]) == 2
        assert "is the store's own file" in capsys.readouterr().err
    assert store.read_bytes() == before
    # Another file is written as before.
    assert _run(["export", "organisations", str(tmp_path / "orgs.csv")]) == 0
    assert (tmp_path / "orgs.csv").read_text(encoding="utf-8-sig").startswith("name,")


def test_a_store_named_by_a_uri_is_known_too(engine, tmp_path, capsys, monkeypatch):
    with_organisations(engine)
    store = Path(engine.url.database)
    engine.dispose()
    before = store.read_bytes()
    monkeypatch.setenv("ARENA_DATABASE_URL", f"sqlite:///file:{store}?uri=true")
    assert _run(["export", "organisations", str(store)]) == 2
    assert "is the store's own file" in capsys.readouterr().err
    assert store.read_bytes() == before


# --- 3. --replace: one file per kind, and asked before it deletes -----------------------------


def test_replace_refuses_two_files_of_one_kind_before_writing(engine, tmp_path, capsys):
    with_organisations(engine)
    before = dump(engine)
    files = [
        _write(tmp_path, "a.csv", "Namn;Typ\nVinnova;myndighet\n"),
        _write(tmp_path, "b.csv", "Namn;Typ\nGöteborgs kommun;kommun\n"),
    ]
    for extra in (["--yes"], ["--dry-run"]):
        assert _run(["import", *files, "--replace", *extra]) == 2
        captured = capsys.readouterr()
        assert captured.err.strip() == (
            "Nothing was imported: more than one file holds organisations (“a.csv”, "
            "“b.csv”), and with --replace each would delete the others' rows; import them as "
            "one file, or without --replace."
        )
        assert "Committed" not in captured.out and "Preview" not in captured.out
        assert dump(engine) == before
    # Without --replace the two files add to each other, as before.
    assert _run(["import", *files]) == 0


def test_replace_refuses_a_sheet_of_the_kind_of_another_file(engine, tmp_path, capsys):
    with_organisations(engine)
    before = dump(engine)
    _workbook, data = saved_workbook(
        ("Organisationer", [["Namn", "Typ"], ["Vinnova", "myndighet"]])
    )
    book = tmp_path / "bok.xlsx"
    book.write_bytes(data)
    other = _write(tmp_path, "b.csv", "Namn;Typ\nGöteborgs kommun;kommun\n")
    assert _run(["import", str(book), other, "--replace", "--yes"]) == 2
    assert "(“bok.xlsx”, “b.csv”)" in capsys.readouterr().err
    assert dump(engine) == before


def test_replace_says_what_it_deletes_and_asks(engine, tmp_path, capsys, monkeypatch):
    with_organisations(engine)
    before = dump(engine)
    path = _write(tmp_path, "orgs.txt", ORGANISATIONS)
    command = ["import", path, "--kind", "organisations", "--replace"]
    monkeypatch.setattr(sys, "stdin", _Terminal("n\n"))
    assert _run(command) == 1
    out = capsys.readouterr().out
    assert "With --replace these rows, which the files do not hold, are deleted:\n" in out
    assert "  orgs.txt: Organisations 1\n" in out
    assert "Delete them and import? [y/N] Nothing was imported." in out
    assert dump(engine) == before
    # Without a terminal: said, not asked, and refused unless --yes.
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
    assert _run(command) == 2
    captured = capsys.readouterr()
    assert "orgs.txt: Organisations 1" in captured.out and "?" not in captured.out
    assert "there is no terminal to confirm on; run again with --yes" in captured.err
    assert dump(engine) == before
    monkeypatch.setattr(sys, "stdin", _Terminal("y\n"))
    assert _run(command) == 0
    assert "1 deleted" in capsys.readouterr().out
    assert [o["name"] for o in natural(engine, "organisations")] == ["Vinnova", "Göteborgs kommun"]


def test_a_replace_its_preview_refuses_is_said_as_refused_not_asked(
    engine, tmp_path, capsys, monkeypatch
):
    # A grants file without a grant that payments name: the preview listed the grant to
    # delete and asked y/N, although the import refuses to delete it.
    with_organisations(engine)
    assert main(["import", _write(tmp_path, "projekt.csv", PROJECTS)]) == 0
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
    both = grants + "G-1;2020-00001;Vinnova;500 000\nG-2;2020-00002;Vinnova;300 000\n"
    assert main(["import", _write(tmp_path, "bidrag.csv", both)]) == 0
    payment = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-06-01;100 000\n"
    assert main(["import", _write(tmp_path, "utbetalningar.csv", payment)]) == 0
    capsys.readouterr()
    before = dump(engine)
    only = _write(tmp_path, "g2.csv", grants + "G-2;2020-00002;Vinnova;300 000\n")
    asked = []
    monkeypatch.setattr(sys, "stdin", _Terminal("y\n"))
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "y")
    assert _run(["import", only, "--replace"]) == 1
    captured = capsys.readouterr()
    assert asked == [] and "deleted:" not in captured.out
    assert "g2.csv: " in captured.err and "G-1" in captured.err
    assert dump(engine) == before


def test_a_replace_imports_nothing_when_the_store_moved_while_it_asked(
    engine, tmp_path, capsys, monkeypatch
):
    # The question lists what the replace deletes; another session's import while the person
    # reads it was never shown: with "y", the replace would delete its rows too.
    with_organisations(engine)
    path = _write(tmp_path, "orgs.txt", ORGANISATIONS)
    command = ["import", path, "--kind", "organisations", "--replace"]
    elsewhere = "Namn;Typ\nRegion Skåne;region\n"

    def answer_after_another(_prompt: str) -> str:
        assert upload(engine, "andra.csv", elsewhere).outcome == "committed"
        return "y"

    monkeypatch.setattr(sys, "stdin", _Terminal(""))
    monkeypatch.setattr("builtins.input", answer_after_another)
    assert _run(command) == 1
    assert "the store changed (another import or undo) after the preview" in capsys.readouterr().err
    assert "Region Skåne" in {o["name"] for o in natural(engine, "organisations")}


def test_replace_with_yes_or_deleting_nothing_asks_nothing(engine, tmp_path, capsys, monkeypatch):
    with_organisations(engine)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    path = _write(tmp_path, "orgs.txt", ORGANISATIONS)
    assert _run(["import", path, "--kind", "organisations", "--replace", "--yes"]) == 0
    assert "1 deleted" in capsys.readouterr().out
    assert _run(["import", path, "--kind", "organisations", "--replace"]) == 0  # none to delete
    assert "?" not in capsys.readouterr().out


# --- 4. Ctrl-C: one line, what stays, exit 130 ------------------------------------------------


def _interrupt(*_args, **_kwargs):
    raise KeyboardInterrupt


def test_ctrl_c_in_an_import_is_one_line_and_changes_nothing(engine, tmp_path, capsys, monkeypatch):
    with_organisations(engine)
    before = dump(engine)
    monkeypatch.setattr("arena.ingest.apply_plan", _interrupt)
    assert _run(["import", _write(tmp_path, "projekt.csv", PROJECTS)]) == 130
    assert capsys.readouterr().err == "Interrupted: nothing was changed.\n"
    assert dump(engine) == before


def test_ctrl_c_in_a_statement_is_no_store_error(engine, tmp_path, capsys):
    # Interrupted in the driver, SQLAlchemy gives the connection up and its rollback then
    # failed: "the store could not be used: Can't reconnect until invalid transaction ...".
    with_organisations(engine)
    before = dump(engine)

    def statement(_conn, _cursor, sql, *_rest) -> None:
        if sql.startswith("INSERT INTO import_run"):
            raise KeyboardInterrupt

    event.listen(engine, "before_cursor_execute", statement)
    try:
        assert _run(["import", _write(tmp_path, "projekt.csv", PROJECTS)]) == 130
    finally:
        event.remove(engine, "before_cursor_execute", statement)
    assert capsys.readouterr().err == "Interrupted: nothing was changed.\n"
    assert dump(engine) == before


def test_ctrl_c_in_a_batch_names_the_files_committed_before(engine, tmp_path, capsys, monkeypatch):
    with_organisations(engine)
    files = [
        _write(tmp_path, "projekt.csv", PROJECTS),
        _write(tmp_path, "deltagare.csv", PARTICIPANTS),
    ]
    import arena.ingest

    real = arena.ingest.apply_plan

    def second_interrupted(conn, plan, *, import_id):
        if import_id == 3:
            raise KeyboardInterrupt
        real(conn, plan, import_id=import_id)

    monkeypatch.setattr("arena.ingest.apply_plan", second_interrupted)
    assert _run(["import", *files]) == 130
    assert capsys.readouterr().err == (
        "Interrupted: what was committed before the interruption stays (projekt.csv as "
        "import 2); nothing else was changed.\n"
    )
    assert len(natural(engine, "projects")) == 2 and natural(engine, "participants") == []


def test_ctrl_c_after_the_commit_says_it_was_committed(engine, tmp_path, capsys, monkeypatch):
    # The statistics are refreshed after the commit: stopped there, the import stays.
    with_organisations(engine)
    monkeypatch.setattr("arena.ingest.refresh_statistics", _interrupt)
    assert _run(["import", _write(tmp_path, "projekt.csv", PROJECTS)]) == 130
    assert "stays (projekt.csv as import 2)" in capsys.readouterr().err
    assert len(natural(engine, "projects")) == 2


def test_ctrl_c_in_an_undo_or_init_is_one_line(engine, db_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ARENA_DATABASE_URL", str(engine.url))
    _two_imports(engine, tmp_path)
    capsys.readouterr()
    before = dump(engine)
    monkeypatch.setattr("arena.ingest.undo_import", _interrupt)
    assert _run(["undo", "3", "--yes"]) == 130
    assert capsys.readouterr().err == "Interrupted: nothing was changed.\n"
    assert dump(engine) == before
    monkeypatch.setattr("arena.cli.migrate", _interrupt)
    monkeypatch.setenv("ARENA_DATABASE_URL", db_url)
    assert _run(["init"]) == 130
    assert capsys.readouterr().err == "Interrupted: nothing was changed.\n"


def test_ctrl_c_as_the_connections_close_says_the_import_stays(
    engine, tmp_path, capsys, monkeypatch
):
    # Closing the connections came after the command's own handling of Ctrl-C: one there
    # escaped main() as a traceback, nothing said of the import it had committed.
    with_organisations(engine)
    held = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr("arena.cli.close_engines", _interrupt)
    assert _run(["import", _write(tmp_path, "projekt.csv", PROJECTS)]) == 130
    assert "stays (projekt.csv as import 2)" in capsys.readouterr().err
    assert len(natural(engine, "projects")) == 2
    assert signal.getsignal(signal.SIGINT) is held  # in-process, Ctrl-C works again after


# Ctrl-C sent to `python -m arena` as it closes its connections, and after main() returned.
_SIGINT_AT = {
    "close": "real = arena.cli.close_engines\n"
    "def close():\n    os.kill(os.getpid(), signal.SIGINT)\n    real()\n"
    "arena.cli.close_engines = close\n",
    "exit": "real = sys.exit\n"
    "def exit(code):\n    os.kill(os.getpid(), signal.SIGINT)\n    real(code)\n"
    "sys.exit = exit\n",
}


@pytest.mark.parametrize("point", sorted(_SIGINT_AT))
def test_ctrl_c_once_the_import_is_done_is_no_traceback(engine, tmp_path, point):
    with_organisations(engine)
    engine.dispose()
    script = (
        "import os, runpy, signal, sys\nimport arena.cli\n"
        + _SIGINT_AT[point]
        + "runpy.run_module('arena', run_name='__main__', alter_sys=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "import", _write(tmp_path, "projekt.csv", PROJECTS)],
        cwd=config.PROJECT_ROOT,
        env={**os.environ, "ARENA_DATABASE_URL": str(engine.url), "ARENA_LANGUAGE": "en"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "import 2" in done.stdout.lower()
    assert len(natural(engine, "projects")) == 2


# --- 5. an import number too big for the store does not exist ---------------------------------


@pytest.mark.parametrize("number", ["99999999999999999999999", "-99999999999999999999999", "999"])
def test_an_import_number_too_big_does_not_exist(engine, capsys, number):
    assert _run(["undo", number, "--yes"]) == 1
    assert capsys.readouterr().err == f"Import {number} does not exist.\n"
