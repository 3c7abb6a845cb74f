"""Years as columns, as budgets and statistics are kept: read as a row per year and value."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from arena.ingest.read import RawTable
from arena.ingest.wide import unpivoted
from tests.fixtures.ingest import (
    errors,
    natural,
    rejected,
    upload,
    warnings,
    with_organisations,
)

PROGRAMMES = "Kod;Namn\nP1;Programmet\nP2;Det andra\n"
INDICATORS = "Kod;Namn;Enhet\nSE_COUNT;Innovationsupphandlingar;antal\n"


def _budgets(engine) -> list[tuple[str, int, int]]:
    return [(b["programme_code"], b["year"], b["amount_sek"]) for b in natural(engine, "budgets")]


def test_a_budget_with_a_column_per_year(engine):
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    data = "Program;2024;2025;2026\nP1;2 000 000;2 000 000;1 500 000\nP2;500 000;;\n"
    result = upload(engine, "budget.csv", data)
    assert result.outcome == "committed", result.problems
    assert _budgets(engine) == [
        ("P1", 2024, 2_000_000),
        ("P1", 2025, 2_000_000),
        ("P1", 2026, 1_500_000),
        ("P2", 2024, 500_000),  # an empty cell is no budget, not a budget of nothing
    ]
    (note,) = result.problems
    assert note.severity == "warning"
    assert note.text("sv") == (
        "Åren som kolumner (2024, 2025, 2026) läses som en rad per år och värde: 4 rader av 2."
    )
    # The same file again changes nothing: each year is the same budget row.
    assert upload(engine, "budget.csv", data).outcome == "unchanged"


def test_year_headers_with_words_and_a_unit(engine):
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    data = "Program;Budget 2024 (MSEK);Budget 2025 (MSEK)\nP1;2;2,5\n"
    result = upload(engine, "budget.csv", data)
    assert result.outcome == "committed", result.problems
    assert _budgets(engine) == [("P1", 2024, 2_000_000), ("P1", 2025, 2_500_000)]


def test_an_indicator_series_as_statistics_print_it(engine):
    # ".." is how Statistics Sweden writes a figure it lacks; a bad cell names its line.
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    data = "Indikator;Land;2016;2017;2018\nSE_COUNT;SE;180;..;250\n"
    result = upload(engine, "indikatorvarden.csv", data)
    assert result.outcome == "committed", result.problems
    values = [(r["year"], r["value"]) for r in natural(engine, "indicator_values")]
    assert values == [(2016, 180.0), (2018, 250.0)]
    bad = "Indikator;Land;2019;2020\nSE_COUNT;SE;1;\nSE_COUNT;NO;2;tre\n"
    assert errors(upload(engine, "indikatorvarden.csv", bad)) == [(3, "2020", "type-error")]


def test_a_problem_of_a_years_cell_names_the_years_column_of_the_file(engine):
    # Read as a row per year, a bad cell under "2020" was said to be in column "Belopp" (or
    # "Värde"), which the file has not: on the command line, the page and in the report.
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    data = "Program;2019;2020;2021\nP1;2 000 000;ca 2,5 milj;3 000 000\n"
    assert rejected(engine, "budget.csv", data) == [(2, "2020", "type-error")]
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    data = "Indikator;Land;2019;2020\nSE_COUNT;SE;1;1,234\n"
    (comma,) = [p for p in upload(engine, "varden.csv", data).problems if p.column]
    assert (comma.row, comma.column) == (2, "2020")
    assert "“2020”" in comma.text("en")


@pytest.mark.parametrize(
    ("years", "other"),
    [
        ("2017;2018", "Mål 2025"),
        ("Utfall 2017;Utfall 2018", "Målvärde 2025"),
        ("2017;2018", "Prognos 2025"),
        ("2017", "Mål 2025"),
    ],
)
def test_a_column_beside_the_years_that_is_no_year_of_the_series_is_warned_of_not_read(
    engine, years, other
):
    # A target or a forecast beside the series: the file was refused, each year named as an
    # unknown column. The measured values hold no target (the indicator list does), so the
    # column is left out as it is beside "År" and "Värde", with a warning naming it.
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    count = years.count(";") + 1
    cells = ";".join(["40", "42"][:count])
    data = f"Indikator;Land;{years};{other}\nSE_COUNT;SE;{cells};60\n"
    result = upload(engine, "serie.csv", data)
    assert result.outcome == "committed", result.problems
    assert [(r["year"], r["value"], r["note"]) for r in natural(engine, "indicator_values")] == [
        (2017, 40.0, None),
        (2018, 42.0, None),
    ][:count]
    assert (1, other, "extra-label") in warnings(result)
    said = {p.message.key: p for p in result.problems}
    assert said["import.years_as_columns"].text("en").startswith("The years as columns (2017")
    assert said["problem.extra_label"].text("en") == (
        f"The column “{other}” is unknown for indicator values and is not read."
    )


def test_a_comment_beside_the_years_is_each_years_note_and_two_series_are_not_guessed(engine):
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    data = "Indikator;Land;2017;2018;Kommentar\nSE_COUNT;SE;40;42;Bra\n"
    assert upload(engine, "serie.csv", data).outcome == "committed"
    assert [(r["year"], r["note"]) for r in natural(engine, "indicator_values")] == [
        (2017, "Bra"),
        (2018, "Bra"),
    ]
    # Two series alike in number: which holds the values is not ours to pick.
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    two = "Program;Budget 2024;Budget 2025;Utfall 2024;Utfall 2025\nP1;1;2;3;4\n"
    assert rejected(engine, "budget.csv", two) == [(1, None, "format-error")]


def test_an_excel_sheet_with_years_as_numbers(engine):
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    workbook = Workbook()
    workbook.active.append(["Program", 2024, 2025])
    workbook.active.append(["P2", 100_000, 200_000])
    data = io.BytesIO()
    workbook.save(data)
    result = upload(engine, "budget.xlsx", data.getvalue())
    assert result.outcome == "committed", result.problems
    assert _budgets(engine) == [("P2", 2024, 100_000), ("P2", 2025, 200_000)]


def test_a_year_in_one_header_of_another_table_is_left_as_it_is(engine):
    # A project list with a "Budget 2024" column is a project list; a budget file with its
    # own year column and a "Kommentar 2024" is a budget file: neither is turned.
    with_organisations(engine)
    data = "Diarienummer;Titel;Status;Budget 2024\n2024-00001;Ett;planerad;5\n"
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "committed", result.problems
    assert (1, "Budget 2024", "extra-label") in warnings(result)
    assert [p["reference"] for p in natural(engine, "projects")] == ["2024-00001"]
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    data = "Program;År;Belopp;Kommentar 2024\nP1;2024;100;sänkt\n"
    result = upload(engine, "budget.csv", data)
    assert result.outcome == "committed", result.problems
    assert _budgets(engine) == [("P1", 2024, 100)]


def test_a_title_with_a_year_over_the_headers_is_no_year_column(engine):
    # "Budget 2024" over blank cells is the file's title: the headers are read below it.
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    data = "Budget 2024;;\n;;\nProgram;År;Belopp\nP1;2024;100\n"
    result = upload(engine, "budget.csv", data)
    assert result.outcome == "committed", result.problems
    assert _budgets(engine) == [("P1", 2024, 100)]
    assert "rad 3" in result.problems[0].text("sv")


class _Unread(RawTable):
    """A table whose rows must not be read."""

    @property
    def rows(self) -> list[list[object]]:
        raise AssertionError("the rows were read")


def test_the_rows_are_turned_only_under_a_header_a_kind_reads():
    # A project list's "Agenda 2030-mål" is a year among words: each header the years could be
    # read under is asked first, and when none fits, no row is copied (0.7 s at 100 000 rows).
    raw = _Unread.from_rows("projekt.csv", ["Diarienummer", "Agenda 2030-mål"], [["1", "3; 9"]])
    asked: list[list[str]] = []

    def fits_none(header: list[str]) -> bool:
        asked.append(header)
        return False

    assert unpivoted(raw, fits_none) is None
    assert asked == [["Diarienummer", "År", "Belopp"], ["Diarienummer", "År", "Värde"]]
    # The first header that fits is the one read: here the measured value, not the amount.
    raw = RawTable.from_rows("serie.csv", ["Indikator", "2016", "2017"], [["SE", "180", ".."]])
    table = unpivoted(raw, lambda header: header[-1] == "Värde")
    assert table is not None
    assert (table.header, table.rows) == (["Indikator", "År", "Värde"], [["SE", 2016, "180"]])


def test_a_budget_kept_a_row_per_cost_category_is_refused_naming_its_own_columns(engine):
    # A row per category and columns per year: refused naming a column "År" the file has not
    # and saying "join the rows if they are one and the same"; the rows are to be summed.
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    data = "Program;Kostnadsslag;2021;2022\nP1;Personal;1 500 000;1 600 000\nP1;Konsulter;5;4\n"
    result = upload(engine, "budget.csv", data)
    assert errors(result) == [(3, "2021", "unique-error"), (3, "2022", "unique-error")]
    said = next(p.text("en") for p in result.problems if p.severity == "error")
    assert "Row 2 already has an amount for the same “Program” in the column “2021”" in said
    assert "Sum the rows" in said and "“År”" not in said and "join" not in said
