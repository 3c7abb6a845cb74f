"""`python -m arena import FILE`: exit 0 when committed or a clean dry run, 1 when rejected, a
readable summary, and `--report` writes every problem as `row, column, value, error, message`.
"""

from __future__ import annotations

import csv

from arena.cli import main
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
    assert main(["import", path, "--user", "anna"]) == 0
    out = capsys.readouterr().out
    assert "projekt.csv: Committed as import 2: 2 new." in out
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
    bad = PROJECTS.replace("2020-01-01", "2020-02-30").replace(";;2020", ";Okänd AB;2020")
    report = tmp_path / "rapport.csv"
    assert main(["import", _write(tmp_path, "projekt.csv", bad), "--report", str(report)]) == 1
    err = capsys.readouterr().err
    assert "error: row 2, column 'Startdatum': [constraint-error]" in err
    assert "error: row 3, column 'Koordinator': [foreign-key]" in err
    assert "rejected with 2 errors and nothing was changed" in err
    assert dump(engine) == before
    with report.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["row", "column", "value", "error", "message"]
    assert [row[:4] for row in rows[1:]] == [
        ["2", "Startdatum", "2020-02-30", "constraint-error"],
        ["3", "Koordinator", "Okänd AB", "foreign-key"],
    ]
    assert "not a real date" in rows[1][4]


def test_a_layout_is_detected_without_kind(engine, capsys):
    assert main(["import", str(FIXTURES / "vinnova.json")]) == 0
    assert "Committed as import 1" in capsys.readouterr().out
    assert natural(engine, "projects")[0]["reference"] == "2018-04510"


def test_replace_and_kind_options(engine, tmp_path, capsys):
    with_organisations(engine)
    path = _write(tmp_path, "orgs.txt", "Namn;Typ\nVinnova;myndighet\nGöteborgs kommun;kommun\n")
    assert main(["import", path, "--kind", "organisations", "--replace"]) == 0
    assert "1 deleted" in capsys.readouterr().out
    assert [o["name"] for o in natural(engine, "organisations")] == ["Vinnova", "Göteborgs kommun"]
