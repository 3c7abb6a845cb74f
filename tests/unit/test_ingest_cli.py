"""`python -m arena import FILE`: exit 0 when committed or a clean dry run, 1 when rejected, a
readable summary, and `--report` writes every problem as
`row, column, value, severity, error, message`.
"""

from __future__ import annotations

import csv
import io
import re
import sys

import pytest

from arena import cli
from arena.auth import cli_identity
from arena.cli import main
from arena.ingest import Upload, import_files
from arena.ingest.layouts import UPLOAD_KINDS
from arena.queries import history
from tests.fixtures.ingest import FIXTURES, dump, natural, with_organisations


def _write(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


PROJECTS = (
    "Diarienummer;Titel;Status;Koordinator;Startdatum\n"
    "2020-00001;Smart belysning;planerad;Göteborgs kommun;2020-01-01\n"
    "2020-00002;Fossilfria maskiner;pågår;;2020-03-01\n"
)


def test_a_committed_import_exits_0_and_says_what_it_did(engine, tmp_path, capsys):
    with_organisations(engine)
    path = _write(tmp_path, "projekt.csv", PROJECTS)
    assert main(["import", path]) == 0
    out = capsys.readouterr().out
    assert "projekt.csv: Committed as import 2: 2 new." in out
    # Recorded as the command line's identity, not a name typed on it.
    assert history.import_history(engine)["user"].iloc[0] == cli_identity().subject
    assert "Committed as import 2" in out
    assert [p["reference"] for p in natural(engine, "projects")] == ["2020-00001", "2020-00002"]
    # The same file again: nothing to do, and the earlier import is named.
    assert main(["import", path]) == 0
    out = capsys.readouterr().out
    assert "2 unchanged" in out and "imported before (import 2)" in out
    assert "Nothing changed" in out


def test_a_dry_run_exits_0_and_writes_nothing(engine, tmp_path, capsys):
    with_organisations(engine)
    before = dump(engine)
    assert main(["import", _write(tmp_path, "projekt.csv", PROJECTS), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "projekt.csv: Preview: 2 new; nothing has been saved yet." in out
    assert dump(engine) == before


def test_a_rejected_import_exits_1_and_reports_every_problem(engine, tmp_path, capsys):
    with_organisations(engine)
    before = dump(engine)
    bad = PROJECTS.replace("2020-01-01", "2020-02-30").replace("pågår", "kanske")
    report = tmp_path / "rapport.csv"
    assert main(["import", _write(tmp_path, "projekt.csv", bad), "--report", str(report)]) == 1
    err = capsys.readouterr().err
    assert "error: row 2, column 'Startdatum': [type-error]" in err
    assert "error: row 3, column 'Status': [constraint-error]" in err
    assert "rejected with 2 errors and nothing was changed" in err
    assert dump(engine) == before
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Line", "Column", "Value", "Stops the import", "Error", "Message"]
    assert [row[:5] for row in rows[1:]] == [
        ["2", "Startdatum", "2020-02-30", "yes, an error", "type-error"],
        ["3", "Status", "kanske", "yes, an error", "constraint-error"],
    ]
    assert "not a real date" in rows[1][5]


def test_the_report_opens_in_swedish_excel_as_the_data_pages_does(
    engine, tmp_path, capsys, monkeypatch
):
    # The report was UTF-8 without a BOM (Excel read "Ã¤"), with "," in Swedish (one column
    # in Swedish Excel) and a cell's "=SUM(F4:F7)" written as a formula Excel would run.
    from arena import dataops

    monkeypatch.setattr(cli, "LANGUAGE", "sv")
    with_organisations(engine)
    bad = PROJECTS.replace("2020-01-01", "=SUM(F4:F7)")
    report = tmp_path / "rapport.csv"
    assert main(["import", _write(tmp_path, "projekt.csv", bad), "--report", str(report)]) == 1
    capsys.readouterr()
    written = report.read_bytes()
    assert written.startswith("\ufeffRad;Kolumn;Värde;Stoppar importen;".encode())
    rows = list(csv.reader(io.StringIO(written.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][:5] == ["2", "Startdatum", "'=SUM(F4:F7)", "ja, fel", "type-error"]
    # The same bytes the Data page downloads for the same problems.
    result = import_files(
        engine, [Upload("projekt.csv", bad.encode())], identity=cli_identity(), dry_run=True
    )
    assert dataops.report_csv(result.problems, "sv") == written


def test_the_report_tells_the_errors_from_the_warnings(engine, tmp_path, capsys):
    # Rejected for 2 errors, with a header nothing reads besides: 3 rows, one a warning that
    # did not reject the file.
    with_organisations(engine)
    bad = (
        "Diarienummer;Titel;Status;Startdatum;Anteckning\n"
        "2020-00001;Smart belysning;planerad;2020-02-30;ring Eva\n"
        "2020-00002;Fossilfria maskiner;kanske;2020-03-01;\n"
    )
    report = tmp_path / "rapport.csv"
    path = _write(tmp_path, "projekt.csv", bad)
    assert main(["import", path, "--report", str(report)]) == 1
    assert "rejected with 2 errors" in capsys.readouterr().err
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["Line"], row["Error"], row["Stops the import"]) for row in rows] == [
        ("1", "extra-label", "no, a warning"),
        ("2", "type-error", "yes, an error"),
        ("3", "constraint-error", "yes, an error"),
    ]


def test_a_layout_is_detected_without_kind(engine, capsys):
    assert main(["import", str(FIXTURES / "vinnova.json")]) == 0
    assert "Committed as import 1" in capsys.readouterr().out
    assert natural(engine, "projects")[0]["reference"] == "2018-04510"


def test_replace_and_kind_options(engine, tmp_path, capsys):
    with_organisations(engine)
    path = _write(tmp_path, "orgs.txt", "Namn;Typ\nVinnova;myndighet\nGöteborgs kommun;kommun\n")
    # Without a terminal to ask at, a replace that deletes needs --yes (test_cli_safety.py).
    assert main(["import", path, "--kind", "organisations", "--replace", "--yes"]) == 0
    assert "1 deleted" in capsys.readouterr().out
    assert [o["name"] for o in natural(engine, "organisations")] == ["Vinnova", "Göteborgs kommun"]


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    "data", ["Kod;Namn (engelska)\nBG-2017;Support\n", "Foo;Bar\n1;2\n"], ids=["tied", "unknown"]
)
def test_a_file_asking_for_its_kind_lists_what_kind_takes(
    engine, tmp_path, capsys, monkeypatch, language, data
):
    # The page lists the kinds by the names its box shows; the command line by the codes
    # its option takes, in either language.
    monkeypatch.setattr(cli, "LANGUAGE", language)
    assert main(["import", _write(tmp_path, "names.csv", data), "--dry-run"]) == 1
    said = capsys.readouterr().err
    (listed,) = re.findall(r"\(\w+ --kind: ([^)]*)\)", said)
    codes = listed.split(", ")
    assert sorted(codes) == sorted(UPLOAD_KINDS)
    for code in codes:
        assert cli.build_parser().parse_args(["import", "names.csv", "--kind", code]).kind == code
    assert "Organisationer" not in said and "Organisations" not in said


# --- progress and undo --------------------------------------------------------------------------


class _Terminal(io.StringIO):
    """Standard input as a person at a terminal types it."""

    def isatty(self) -> bool:
        return True


def test_import_reports_its_phases_through_the_callback_and_on_a_terminal(
    engine, tmp_path, capsys, monkeypatch
):
    with_organisations(engine)
    heard: list[tuple[str, int]] = []
    path = _write(tmp_path, "projekt.csv", PROJECTS)
    result = import_files(
        engine,
        [Upload("projekt.csv", PROJECTS.encode())],
        progress=lambda *a: heard.append(a),
        identity=cli_identity(),
    )
    assert result.outcome == "committed"
    assert heard == [("read", 0), ("validate", 2), ("plan", 2), ("write", 2)]
    # Not a terminal (a script, a pipe): the phases stay out of the way.
    assert main(["import", path, "--dry-run"]) == 0
    assert "Checking" not in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["import", path, "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert "Reading projekt.csv …\nChecking 2 rows …\nComparing 2 rows with the store …" in err


def _two_imports(engine, tmp_path) -> None:
    with_organisations(engine)
    assert main(["import", _write(tmp_path, "projekt.csv", PROJECTS)]) == 0
    participants = "Diarienummer;Organisation;Roll\n2020-00001;Vinnova;beställare\n"
    assert main(["import", _write(tmp_path, "deltagare.csv", participants)]) == 0


def test_undo_asks_and_does_nothing_unless_the_answer_is_yes(engine, tmp_path, capsys, monkeypatch):
    _two_imports(engine, tmp_path)
    capsys.readouterr()
    before = dump(engine)
    monkeypatch.setattr(sys, "stdin", _Terminal("n\n"))
    assert main(["undo", "3"]) == 1
    out = capsys.readouterr().out
    assert "Undo #3 · deltagare.csv" in out and "? Removes: Project participants 1." in out
    assert "Undo import 3? [y/N]" in out and "Nothing was undone." in out
    assert dump(engine) == before
    monkeypatch.setattr(sys, "stdin", _Terminal("y\n"))
    assert main(["undo", "3"]) == 0
    assert "Import 3 undone: 1 row removed, 0 restored." in capsys.readouterr().out
    assert natural(engine, "participants") == []


def test_undo_without_a_terminal_refuses_unless_yes(engine, tmp_path, capsys, monkeypatch):
    _two_imports(engine, tmp_path)
    capsys.readouterr()
    before = dump(engine)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a pipe, not a person
    assert main(["undo", "3"]) == 2
    assert "no terminal to confirm on; run again with --yes" in capsys.readouterr().err
    assert dump(engine) == before
    assert main(["undo", "3", "--yes"]) == 0
    assert natural(engine, "participants") == []


def test_undo_without_a_terminal_says_what_it_would_do_and_asks_nothing(
    engine, tmp_path, capsys, monkeypatch
):
    # `echo y | python -m arena undo 3`: no prompt is put that cannot be answered, but what
    # `--yes` would undo is said before the refusal, as the page's question says it.
    _two_imports(engine, tmp_path)
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
    assert main(["undo", "3"]) == 2
    captured = capsys.readouterr()
    (said,) = captured.out.splitlines()
    assert said.startswith("Undo #3 · deltagare.csv · ")
    assert said.endswith("? Removes: Project participants 1. Restores: no rows.")
    assert "[y/N]" not in captured.out + captured.err
    assert "Import 3 was not undone: there is no terminal to confirm on" in captured.err


def test_undo_asks_in_swedish_as_the_page_does(engine, tmp_path, capsys, monkeypatch):
    # "Att ångra #3 · … tar bort: Projektdeltagare 1; det återställer: inga rader." was the
    # command line's own, ungrammatical sentence.
    _two_imports(engine, tmp_path)
    capsys.readouterr()
    monkeypatch.setattr("arena.cli.LANGUAGE", "sv")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["undo", "3"]) == 2
    (said,) = capsys.readouterr().out.splitlines()
    assert said.startswith("Ångra #3 · deltagare.csv · ")
    assert said.endswith("? Tar bort: Projektdeltagare 1. Återställer: inga rader.")


def test_undo_with_yes_says_what_it_does_and_asks_nothing(engine, tmp_path, capsys, monkeypatch):
    # `undo 3 --yes` put the question "Undo #3 · …? Removes: …" though nothing was asked.
    _two_imports(engine, tmp_path)
    capsys.readouterr()
    assert main(["undo", "3", "--yes"]) == 0
    out = capsys.readouterr().out
    said, done = out.splitlines()
    assert said.startswith("Undoing #3 · deltagare.csv · ")
    assert said.endswith(": removes Project participants 1; restores no rows.")
    assert done == "Import 3 undone: 1 row removed, 0 restored."
    assert "?" not in out
    # In Swedish, the imports a cascade undoes first said so too.
    assert main(["import", _write(tmp_path, "deltagare.csv", PARTICIPANTS)]) == 0
    monkeypatch.setattr("arena.cli.LANGUAGE", "sv")
    capsys.readouterr()
    assert main(["undo", "2", "--yes", "--cascade"]) == 0
    out = capsys.readouterr().out
    cascaded = out.splitlines()[out.splitlines().index("Med --cascade ångras dessa först:") + 1]
    assert cascaded.startswith("  Ångrar #4 · deltagare.csv · ")
    assert cascaded.endswith(": tar bort Projektdeltagare 1; återställer inga rader.")
    assert "\nÅngrar #2 · projekt.csv · " in out
    assert ": tar bort Projekt 2; återställer inga rader.\n" in out
    assert "?" not in out


def test_a_second_undo_says_when_and_by_whom_the_first_was(engine, tmp_path, capsys, monkeypatch):
    # "Import 3 cannot be undone (status: Undone)." said neither that it was undone already
    # nor when, nor by whom, as the history and the audit log do.
    _two_imports(engine, tmp_path)
    assert main(["undo", "3", "--yes"]) == 0
    capsys.readouterr()
    assert main(["undo", "3", "--yes"]) == 1
    err = capsys.readouterr().err
    who = cli_identity().subject
    assert re.fullmatch(
        rf"Import 3 has already been undone: by {re.escape(who)} on "
        r"\d{4}-\d\d-\d\d \d\d:\d\d\.\n",
        err,
    ), err
    monkeypatch.setattr("arena.cli.LANGUAGE", "sv")
    assert main(["undo", "3", "--yes"]) == 1
    assert f"Importen 3 är redan ångrad: {cli_identity().subject} ångrade den " in (
        capsys.readouterr().err
    )


def test_undo_names_the_imports_that_block_it_and_cascades_only_when_asked(
    engine, tmp_path, capsys
):
    _two_imports(engine, tmp_path)
    capsys.readouterr()
    before = dump(engine)
    assert main(["undo", "2", "--yes"]) == 1
    captured = capsys.readouterr()
    assert "#3 · deltagare.csv" in captured.out
    assert "Project participants (1): 2020-00001 · Vinnova · buyer" in captured.out
    assert "run again with --cascade" in captured.err
    assert dump(engine) == before
    assert main(["undo", "2", "--yes", "--cascade"]) == 0
    assert "Import 2 and 1 later import undone: 3 rows removed, 0 restored." in (
        capsys.readouterr().out
    )
    assert natural(engine, "projects") == natural(engine, "participants") == []


# --- several files in one command ---------------------------------------------------------------

PARTICIPANTS = "Diarienummer;Organisation;Roll\n2020-00001;Vinnova;beställare\n"


def test_several_files_commit_one_by_one_so_a_later_one_refers_to_an_earlier(
    engine, tmp_path, capsys
):
    with_organisations(engine)
    files = [
        _write(tmp_path, "projekt.csv", PROJECTS),
        _write(tmp_path, "deltagare.csv", PARTICIPANTS),  # names a project of the first file
    ]
    assert main(["import", *files]) == 0
    out = capsys.readouterr().out
    assert "projekt.csv: Committed as import 2: 2 new." in out
    assert "deltagare.csv: Committed as import 3: 1 new." in out
    imports = history.import_history(engine).set_index("id")
    assert imports.loc[[2, 3], "file_name"].tolist() == ["projekt.csv", "deltagare.csv"]
    assert len(natural(engine, "participants")) == 1


def test_a_rejected_file_stops_the_rest_and_the_earlier_stay_committed(engine, tmp_path, capsys):
    with_organisations(engine)
    files = [
        _write(tmp_path, "projekt.csv", PROJECTS),
        _write(tmp_path, "fel.csv", PROJECTS.replace("2020-01-01", "2020-02-30")),
        _write(tmp_path, "deltagare.csv", PARTICIPANTS),
    ]
    report = tmp_path / "rapport.csv"
    assert main(["import", *files, "--report", str(report)]) == 1
    captured = capsys.readouterr()
    assert "projekt.csv: Committed as import 2" in captured.out
    assert "fel.csv: The file was rejected with 1 error" in captured.err
    assert "Stopped at fel.csv: the file after it was not imported." in captured.err
    assert "deltagare.csv" not in captured.out + captured.err
    assert [p["reference"] for p in natural(engine, "projects")] == ["2020-00001", "2020-00002"]
    assert natural(engine, "participants") == []
    # One report for the batch: each problem names its file.
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["File", "Line", "Column", "Value", "Stops the import", "Error", "Message"]
    assert [row[:6] for row in rows[1:]] == [
        ["fel.csv", "2", "Startdatum", "2020-02-30", "yes, an error", "type-error"]
    ]


def test_a_dry_run_of_several_files_checks_each_against_the_store_as_it_is(
    engine, tmp_path, capsys
):
    with_organisations(engine)
    before = dump(engine)
    files = [
        _write(tmp_path, "deltagare.csv", PARTICIPANTS),  # its project is in the next file
        _write(tmp_path, "projekt.csv", PROJECTS),
    ]
    assert main(["import", *files, "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("A dry run commits nothing, so each file is checked")
    assert "deltagare.csv: The file was rejected" in captured.err
    # Nothing to protect in a dry run: the file after the rejected one is checked too.
    assert "projekt.csv: Preview: 2 new; nothing has been saved yet." in captured.out
    assert "Stopped at" not in captured.err
    assert dump(engine) == before


def test_a_missing_file_in_a_batch_imports_none(engine, tmp_path, capsys):
    with_organisations(engine)
    before = dump(engine)
    files = [_write(tmp_path, "projekt.csv", PROJECTS), str(tmp_path / "saknas.csv")]
    assert main(["import", *files]) == 2
    assert "No such file" in capsys.readouterr().err
    assert dump(engine) == before


def test_a_generated_folder_imports_in_one_command(engine, tmp_path, capsys):
    folder = tmp_path / "big"
    assert main(["generate", "--projects", "20", "--out", str(folder)]) == 0
    command = f"python -m arena import {folder}/*.csv"
    assert command in capsys.readouterr().out  # the command it says to run is this one
    files = sorted(str(path) for path in folder.glob("*.csv"))  # what the shell's glob gives
    assert main(["import", *files]) == 0
    out = capsys.readouterr().out
    imports = history.import_history(engine)
    assert len(imports) == len(files) and set(imports["outcome"]) == {"committed"}
    assert out.count("Committed as import") == len(files)
    assert len(natural(engine, "projects")) == 20


def test_a_sheet_named_for_a_csv_is_said_to_be_unused(engine, tmp_path, capsys):
    # `--sheet` reads one sheet of a workbook; on a CSV it was passed over without a word.
    # A JSON file was told "A CSV or text file has no sheets": said of any file now.
    with_organisations(engine)
    path = _write(tmp_path, "projekt.csv", PROJECTS)
    assert main(["import", path, "--sheet", "Projekt", "--dry-run"]) == 0
    said = capsys.readouterr()
    unused = "This file has no sheets: the sheet “{}” named is not used; the whole file is read."
    assert unused.format("Projekt") in said.out + said.err
    assert "Preview: 2 new" in said.out
    path = _write(tmp_path, "o.json", '[{"Namn": "Json AB", "Typ": "company"}]')
    assert main(["import", path, "--sheet", "X", "--dry-run"]) == 0
    said = capsys.readouterr()
    assert unused.format("X") in said.out + said.err


def test_a_dry_run_lists_each_changed_field_as_the_page_does(engine, tmp_path, capsys):
    # The dry run said "55 updated" and nothing of what in them: the page lists each field.
    with_organisations(engine)
    rows = [f"2020-{n:05d};Projekt {n};planerad\n" for n in range(1, 56)]
    assert (
        main(["import", _write(tmp_path, "p.csv", "Diarienummer;Titel;Status\n" + "".join(rows))])
        == 0
    )
    renamed = [row.replace("Projekt", "Nytt projekt") for row in rows]
    path = _write(tmp_path, "p2.csv", "Diarienummer;Titel;Status\n" + "".join(renamed))
    capsys.readouterr()
    before = dump(engine)
    assert main(["import", path, "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    # Each project's title and its source (the file's name).
    assert out[0] == "Changed fields in projects (110):"
    assert out[1].split() == ["Line", "Key", "Column", "Before", "After"]
    assert out[2].split() == ["2", "2020-00001", "Title", "Projekt", "1", "Nytt", "projekt", "1"]
    assert out[3].split() == ["2", "2020-00001", "Source", "p.csv", "p2.csv"]
    assert len(out) == 1 + 1 + 50 + 1 + 1
    assert out[-2:] == [
        "  ... and 60 more changes.",
        "p2.csv: Preview: 55 updated; nothing has been saved yet.",
    ]
    assert dump(engine) == before
