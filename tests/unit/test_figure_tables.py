"""The Results page's outputs per programme, a table of figures, not a list: refused once on
the command line as on the Data page, told by its headers in either language, in any order,
beside a column added; a list of indicator values with the same first columns still imports."""

from __future__ import annotations

from arena.cli import main
from tests.fixtures.ingest import errors, upload

OUTPUTS = {
    "sv": "Program;Indikator;År;Värde;Enhet;Preliminärt;Så räknat\n"
    "ARENA-2021;Aktiva beställarnätverk;2021;1;antal;;Uppmätt för programmet\n"
    "ARENA-2021;Aktiva beställarnätverk;2022;2;antal;;Uppmätt för programmet\n",
    # Reordered, a column added and one left out, as an edited file may be.
    "en": "How counted,Indicator,Programme,Year,Value,Comment\n"
    "Measured for the programme,Active buyer networks,ARENA-2021,2021,1,checked\n",
}


def test_the_outputs_table_is_refused_once_on_the_command_line(engine, tmp_path, capsys):
    for language, text in OUTPUTS.items():
        path = tmp_path / f"outputs_{language}.csv"
        path.write_text(text, encoding="utf-8")
        assert main(["import", str(path)]) == 1
        out = capsys.readouterr().err
        assert (
            f"{path.name} is the table “Project outputs per programme” on the Results page" in out
        )
        assert "of the kind “Indicator values”" in out
        assert "add it first" not in out and "blank cell" not in out


def test_the_outputs_table_says_so_in_swedish(engine):
    result = upload(engine, "projektresultat.csv", OUTPUTS["sv"], dry_run=True)
    (problem,) = result.problems
    assert problem.text("sv") == (
        "projektresultat.csv är tabellen ”Projektens resultat per program” på sidan Resultat, "
        "som sidan räknar fram ur de lagrade listorna: den kan inte importeras. Importera i "
        "stället listan den kommer från, av typen ”Indikatorvärden”, för att ändra det den visar."
    )


def test_a_list_of_indicator_values_is_no_figure_table(engine):
    values = "Program;Indikator;År;Värde\nARENA-2021;ARENA_BUYER_GROUPS;2021;1\n"
    result = upload(engine, "indikatorvarden.csv", values, dry_run=True)
    assert all(p.message.key != "import.figure_table" for p in result.problems), errors(result)
