"""Units a list writes beside its amounts: a column of each row's unit (`Enhet`) or currency
(`Valuta`), and a row of units under the headers (`arena/ingest/units.py`)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from tests.fixtures.ingest import (
    errors,
    natural,
    rejected,
    saved_workbook,
    upload,
    warnings,
    with_organisations,
)

HEADER = "Bidragsreferens;Diarienummer;Finansiär;Belopp"


@pytest.fixture(autouse=True)
def _project(engine) -> None:
    """The project and funder the grants are of."""
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2024-1;Ett;planerad\n")


def _grants(extra: str, rows: list[str]) -> str:
    """A grants file of `rows` (each after the grant's reference, project and funder), headed
    `HEADER` and `extra`."""
    lines = [f"G-{index};2024-1;Vinnova;{row}" for index, row in enumerate(rows, 1)]
    return "\n".join([HEADER + extra, *lines]) + "\n"


def _amounts(engine) -> list[tuple[str, int]]:
    return [(g["reference"], g["amount_sek"]) for g in natural(engine, "grants")]


def test_a_column_of_units_is_each_rows_amounts_unit(engine):
    # "1 500" beside "tkr" was stored as 1 500 kr, "Enhet" only "not read".
    data = _grants(";Enhet", ["1 500;tkr", "2,5;MSEK", "900 000;kr", "700;", "3 tkr;MSEK"])
    result = upload(engine, "bidrag.csv", data)
    assert result.outcome == "committed", result.problems
    assert _amounts(engine) == [
        ("G-1", 1_500_000),
        ("G-2", 2_500_000),
        ("G-3", 900_000),
        ("G-4", 700),
        ("G-5", 3_000),  # a cell's own unit says what it means
    ]
    assert (1, "Enhet", "format-error") in warnings(result)
    assert not [p for p in result.problems if p.error == "extra-label"]


def test_a_column_of_other_units_is_not_read(engine):
    # "Enhet" as a department is no unit: not read, as before.
    data = _grants(";Enhet", ["1 500;Avdelning Syd"])
    result = upload(engine, "bidrag.csv", data)
    assert result.outcome == "committed", result.problems
    assert (1, "Enhet", "extra-label") in warnings(result)
    assert _amounts(engine) == [("G-1", 1_500)]


def test_a_row_in_another_currency_than_kronor_is_refused(engine):
    # 250 000 beside "EUR" was stored as 250 000 kr; "SEK", "kr" or nothing are kronor.
    data = _grants(";Valuta", ["250 000;SEK", "250 000;EUR", "100;kr", "100;", "5;USD"])
    assert rejected(engine, "bidrag.csv", data) == [
        (3, "Valuta", "constraint-error"),
        (6, "Valuta", "constraint-error"),
    ]
    data = _grants(";Currency", ["250 000;SEK", "100 000;"])
    result = upload(engine, "bidrag.csv", data)
    assert result.outcome == "committed", result.problems
    assert _amounts(engine) == [("G-1", 250_000), ("G-2", 100_000)]
    assert not [p for p in result.problems if p.error == "extra-label"]


def test_a_row_of_units_under_the_headers_is_read_as_the_columns_units(engine):
    # Hand-kept sheets write "tkr" under "Belopp" and "ÅÅÅÅ-MM-DD" under a date: the row was
    # refused as a grant whose date "ÅÅÅÅ-MM-DD" is no date ("Write YYYY-MM-DD").
    _workbook, data = saved_workbook(
        (
            "Bidrag",
            [
                ["Bidragsreferens", "Diarienummer", "Finansiär", "Belopp", "Beslutsdatum"],
                [None, None, None, "tkr", "ÅÅÅÅ-MM-DD"],
                ["G-1", "2024-1", "Vinnova", 1500, "2023-01-01"],
                ["G-2", "2024-1", "Vinnova", "250 000 kr", "2023-02-01"],
            ],
        )
    )
    result = upload(engine, "bidrag.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert _amounts(engine) == [("G-1", 1_500_000), ("G-2", 250_000)]
    (note,) = [p for p in result.problems if p.row == 2]
    assert note.severity == "warning"
    assert "”tkr” under ”Belopp”, ”ÅÅÅÅ-MM-DD” under ”Beslutsdatum”" in note.text("sv")
    # Labelled in its first cell ("Enhet"), the row is units all the same.
    labelled = HEADER + "\nEnhet;;;tkr\nG-3;2024-1;Vinnova;2\n"
    assert upload(engine, "bidrag.csv", labelled).outcome == "committed"
    assert ("G-3", 2_000) in _amounts(engine)
    # A first row with anything but units is a record, read (and refused) as before.
    data = _grants("", ["tkr", "1 500"])
    assert errors(upload(engine, "bidrag.csv", data)) == [(2, "Belopp", "type-error")]


def test_a_row_of_units_under_a_column_per_year_is_read_as_their_units(engine):
    # `Program | 2024 | 2025` over `| tkr | tkr`: the units row was refused, "tkr" no amount.
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Beställargrupper\n")
    budget = "Program;2024;2025\n;tkr;kr\nBG-2017;1 200;1 500\n"
    result = upload(engine, "budget.csv", budget)
    assert result.outcome == "committed", result.problems
    assert [(b["year"], b["amount_sek"]) for b in natural(engine, "budgets")] == [
        (2024, 1_200_000),
        (2025, 1_500),
    ]
    (note,) = [p for p in result.problems if p.row == 2]
    assert "”tkr” under ”2024”, ”kr” under ”2025”" in note.text("sv")
    (years,) = [p for p in result.problems if "(2024, 2025)" in p.text("en")]
    assert "2 rows from 1" in years.text("en")
    assert not upload(engine, "budget.csv", budget).plan.changes_anything
    # A units row labelled in its first cell, as a sheet writes it: it was refused.
    labelled = "Program;2024;2025\nEnhet;tkr;tkr\nBG-2017;1 300;1 500\n"
    assert upload(engine, "budget.csv", labelled).outcome == "committed"
    assert [b["amount_sek"] for b in natural(engine, "budgets")] == [1_300_000, 1_500_000]
    # A header's own unit is the row's too.
    budget = "Program;2024 (MSEK);2025 (MSEK)\n;MSEK;msek\nBG-2017;1,2;1,5\n"
    assert upload(engine, "budget.csv", budget).outcome == "committed"
    assert [b["amount_sek"] for b in natural(engine, "budgets")] == [1_200_000, 1_500_000]


@pytest.mark.parametrize(
    ("data", "column", "said"),
    [
        (
            "Program;Budget 2024 (tkr);Budget 2025 (tkr)\n;kr;tkr\nBG-2017;1 200;1 500\n",
            "Budget 2024 (tkr)",
            "kr",
        ),
        ("Program;2024 (MSEK);2025 (MSEK)\n;tkr;MSEK\nBG-2017;1,2;1,5\n", "2024 (MSEK)", "tkr"),
        (HEADER + " (tkr)\n;;;MSEK\nG-1;2024-1;Vinnova;2\n", "Belopp (tkr)", "MSEK"),
    ],
)
def test_a_row_of_units_that_contradicts_its_headers_unit_refuses_the_file(
    engine, data, column, said
):
    # `Budget 2024 (tkr)` over `kr` was read in tkr without a word: a factor of 1 000 on a
    # guess. The file is refused naming the column, both units and the units row.
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Beställargrupper\n")
    before = (natural(engine, "budgets"), natural(engine, "grants"))
    result = upload(engine, "fil.csv", data)
    assert result.outcome == "rejected"
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert (refused.error, refused.row, refused.column) == ("format-error", 2, column)
    unit = column.rsplit("(", 1)[1].rstrip(")")
    assert refused.text("en").startswith(
        f"The column “{column}” has the unit {unit} in its header, but the row of units "
        f"under the headers (row 2) says {said}."
    )
    assert (natural(engine, "budgets"), natural(engine, "grants")) == before


def test_an_amount_of_1000_msek_or_more_by_its_rows_unit_is_warned_of(engine):
    # 2 500 000 typed in kronor beside "tkr" in the Enhet column became 2 500 MSEK without a
    # word, while the same amount under "Belopp (tkr)" was warned of.
    data = _grants(";Enhet", ["1 500;tkr", "2 500 000;tkr", "1 200 000 000;kr", "3 000 000 tkr;"])
    result = upload(engine, "bidrag.csv", data)
    assert result.outcome == "committed", result.problems
    # Kronor of that size written as kronor (row 4) are what they say: not named.
    large = [p for p in result.problems if p.row == 3 and p.column == "Belopp"]
    assert [p.severity for p in large] == ["warning"]
    assert large[0].text("sv") == (
        "2 belopp i ”Belopp” är skrivna i tkr eller MSEK och blir 1 000 MSEK eller mer, på "
        "rad 3, 5, det första 2\xa0500\xa0000\xa0000 kr (tkr): skrevs de i kronor? Skriv i så "
        "fall enheten kr."
    )


def test_a_column_of_units_beside_a_column_per_year_is_each_rows_unit(engine):
    # `Program;Enhet;2024;2025` over `BG-2017;tkr;1 500;2 000` stored 1 500 kr: "Enhet" was
    # "not read" once the years were turned into rows.
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Beställargrupper\nP2;Två\n")
    budget = "Program;Enhet;2024;2025\nBG-2017;tkr;1 500;2 000\nP2;kr;700;\n"
    result = upload(engine, "budget.csv", budget)
    assert result.outcome == "committed", result.problems
    assert [
        (b["programme_code"], b["year"], b["amount_sek"]) for b in natural(engine, "budgets")
    ] == [
        ("BG-2017", 2024, 1_500_000),
        ("BG-2017", 2025, 2_000_000),
        ("P2", 2024, 700),
    ]
    assert not [p for p in result.problems if p.error == "extra-label"]
    assert not upload(engine, "budget.csv", budget).plan.changes_anything


@pytest.mark.parametrize(
    ("data", "blank"),
    [
        ("Program;2031;2032\nEnhet;tkr;\nBG-2017;1500;1600\n", "“2032”"),
        ("Program;2031;2032;2033\n;;MSEK;\nBG-2017;1;2;3\n", "“2031”, “2033”"),
    ],
)
def test_a_row_of_units_with_blanks_under_some_amounts_refuses_the_file(engine, data, blank):
    # `Enhet;tkr;` (a "tkr" merged over both years, saved as CSV) stored 2031 as 1 500 000
    # and 2032 as 1 600 kr: the blank column was read in kronor.
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Beställargrupper\n")
    result = upload(engine, "budget.csv", data, kind="budgets")
    assert result.outcome == "rejected"
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert refused.row == 2
    assert f"leaves {blank} blank" in refused.text("en")
    assert natural(engine, "budgets") == []


def test_a_unit_merged_over_the_years_in_a_workbook_is_each_years(engine):
    # Excel keeps a merged cell's text in its first cell: "tkr" merged over 2031 and 2032 is
    # both years' unit, as the sheet shows it.
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Beställargrupper\n")
    book = Workbook()
    sheet = book.active
    for row in (["Program", 2031, 2032], ["Enhet", "tkr", None], ["BG-2017", 1500, 1600]):
        sheet.append(row)
    sheet.merge_cells("B2:C2")
    out = io.BytesIO()
    book.save(out)
    result = upload(engine, "budget.xlsx", out.getvalue(), kind="budgets")
    assert result.outcome == "committed", errors(result)
    assert [(b["year"], b["amount_sek"]) for b in natural(engine, "budgets")] == [
        (2031, 1_500_000),
        (2032, 1_600_000),
    ]


def test_a_unit_merged_over_the_years_under_a_header_over_two_rows_is_each_years(engine):
    # `Budget` over `2027 | 2028` and "tkr" merged over both on the row under them was kept
    # under 2027 only: refused as a row of units leaving 2028 blank, a merged cell saved as CSV.
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Beställargrupper\n")
    book = Workbook()
    sheet = book.active
    rows = (["Program", "Budget", None], [None, 2027, 2028], [None, "tkr", None])
    for row in (*rows, ["BG-2017", 1500, 2000]):
        sheet.append(row)
    for cells in ("B1:C1", "B3:C3", "A1:A3"):
        sheet.merge_cells(cells)
    out = io.BytesIO()
    book.save(out)
    result = upload(engine, "budget.xlsx", out.getvalue(), kind="budgets")
    assert result.outcome == "committed", errors(result)
    assert [(b["year"], b["amount_sek"]) for b in natural(engine, "budgets")] == [
        (2027, 1_500_000),
        (2028, 2_000_000),
    ]


@pytest.mark.parametrize("unit", ["tkr/år", "tkr / år", "tkr per år"])
def test_a_unit_per_year_in_a_row_of_units_is_the_unit(engine, unit):
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Beställargrupper\n")
    data = f"Program;2031;2032\nEnhet;{unit};MSEK/år\nBG-2017;1500;1,6\n"
    result = upload(engine, "budget.csv", data, kind="budgets")
    assert result.outcome == "committed", errors(result)
    assert [(b["year"], b["amount_sek"]) for b in natural(engine, "budgets")] == [
        (2031, 1_500_000),
        (2032, 1_600_000),
    ]


def test_a_unit_the_row_of_units_gives_is_said_to_be_the_rows(engine):
    # The warning said 'Column “Belopp” names its unit' of a header that names none; then
    # the row's own warning and another of the column said it twice: the row's says it.
    data = HEADER + "\n;;;tkr/år\nG-1;2024-1;Vinnova;2\n"
    result = upload(engine, "bidrag.csv", data)
    assert result.outcome == "committed", errors(result)
    assert _amounts(engine) == [("G-1", 2_000)]
    assert not [p for p in result.problems if p.column == "Belopp"]
    (said,) = [p for p in result.problems if p.message.key == "import.units_row"]
    assert "“tkr/år” under “Belopp”" in said.text("en")
