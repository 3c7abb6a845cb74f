"""Files read as their makers meant them, where a reading rule of the import went too far: a
unit beside a note in a header's brackets, a unit inside a title's brackets, a title's unit
over a header with a note, a figure shown in euro in a column that is no amount, and a first
record under a header with a blank cell. Each stored a wrong amount or lost a column or a
record without a word (found by a tester with the files officers keep).
"""

from __future__ import annotations

import pytest

from tests.fixtures.ingest import natural, rejected, saved_workbook, upload, xlsx_bytes

FLAT_HEADER = "Diarienummer;Titel;Koordinator;Finansiär;{amount};Startdatum;Slutdatum"
FLAT_ROW = "2024-00101;Smart belysning;Lunds kommun;Vinnova;250;2024-01-01;2025-12-31"


def _flat(amount: str, title: str | None = None) -> str:
    lines = [FLAT_HEADER.format(amount=amount), FLAT_ROW]
    return "\n".join(([title, ""] if title else []) + lines) + "\n"


def _granted(engine) -> list[int]:
    return [grant["amount_sek"] for grant in natural(engine, "grants")]


@pytest.mark.parametrize(
    "amount", ["Belopp (tkr, exkl. moms)", "Belopp (i tkr)", "Bidrag (MSEK, beslutat)"]
)
def test_a_unit_beside_a_note_in_a_headers_brackets_is_never_read_as_kronor(engine, amount):
    # Read without its note, "Belopp (tkr, exkl. moms)" was "Belopp": 250 tkr stored as 250 kr.
    result = upload(engine, "projektlista.csv", _flat(amount))
    assert 250 not in _granted(engine)
    assert any(amount in problem.text("en") for problem in result.problems)


def test_a_note_that_makes_the_column_another_figure_is_not_that_column(engine):
    # "Belopp (ansökt)", the amount applied for, was stored as the amount granted.
    result = upload(engine, "projektlista.csv", _flat("Belopp (ansökt)"))
    assert _granted(engine) == []
    assert any("Belopp (ansökt)" in problem.text("en") for problem in result.problems)


@pytest.mark.parametrize(
    ("title", "granted"),
    [
        ("Projektlista (belopp i tkr)", 250_000),
        ("Projektlista (Vinnova, mnkr)", 250_000_000),
        ("(Belopp i tusentals kronor)", 250_000),
        ("Projektlista (belopp i kr)", 250),
    ],
)
def test_a_unit_inside_a_titles_brackets_is_the_amounts_unit(engine, title, granted):
    # Read as "tkr)", its closing bracket with it, the unit made "Belopp (tkr))" a header no
    # column is: the grants were left out, or the whole file refused.
    result = upload(engine, "projektlista.csv", _flat("Belopp", title))
    assert result.outcome == "committed", result.problems
    assert _granted(engine) == [granted]


def test_a_titles_unit_over_a_header_with_a_note_is_the_amounts_unit(engine):
    # "Belopp (exkl. moms) (tkr)" was no column: no grant was stored.
    result = upload(engine, "projektlista.csv", _flat("Belopp (exkl. moms)", "Beviljat 2024, tkr"))
    assert result.outcome == "committed", result.problems
    assert _granted(engine) == [250_000]


def test_a_figure_shown_in_euro_is_a_figure_where_no_amount_is_meant(engine):
    # Indicators measured in euro: the cells' currency format made them "1500000 €", refused
    # as no number, where they imported before amounts in another currency were refused.
    upload(engine, "indikatorer.csv", "Kod;Namn;Enhet\nEU;Utgift i EU;EUR\n")
    workbook, _ = saved_workbook(
        ("Värden", [["Indikator", "Land", "År", "Värde"], ["EU", "SE", 2022, 1_500_000]])
    )
    workbook.active["D2"].number_format = "#,##0 [$€-x-euro1]"
    result = upload(engine, "varden.xlsx", xlsx_bytes(workbook))
    assert result.outcome == "committed", result.problems
    assert [value["value"] for value in natural(engine, "indicator_values")] == [1_500_000]
    # An amount in kronor shown in euro is still refused.
    workbook, _ = saved_workbook(
        (
            "Bidrag",
            [
                ["Diarienummer", "Titel", "Koordinator", "Finansiär", "Belopp"],
                ["2024-00101", "Ett", "Lunds kommun", "Vinnova", 250_000],
            ],
        )
    )
    workbook.active["E2"].number_format = "#,##0 [$€-x-euro1]"
    assert rejected(engine, "lista.xlsx", xlsx_bytes(workbook)) == [
        (2, "Belopp", "constraint-error")
    ]


def test_a_first_record_under_a_header_with_a_blank_cell_is_a_record(engine):
    # Taken for a second row of headers, the record was lost and the file refused for
    # lacking "Namn", with advice to read "Beställargrupp transport" as that header.
    data = "Namn;;Sektor;Beskrivning\nBeställargrupp transport;Trafikverket leder;;\n"
    result = upload(engine, "grupper.csv", data, kind="buyer_groups")
    assert result.outcome == "committed", result.problems
    assert [group["name"] for group in natural(engine, "buyer_groups")] == [
        "Beställargrupp transport"
    ]
