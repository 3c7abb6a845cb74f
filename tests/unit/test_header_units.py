"""A money column's header may name its unit ("Belopp (tkr)", "Budget, MSEK"): its bare numbers
are read in that unit, on every path a file takes (a kind's file, a layout's, CSV and Excel),
and a file that names a column it lacks leaves what the store holds."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import Workbook

from arena.ingest import values as v
from tests.fixtures.ingest import (
    errors,
    natural,
    saved_workbook,
    text,
    upload,
    warnings,
    with_organisations,
)


@pytest.mark.parametrize(
    ("header", "label", "unit"),
    [
        ("Belopp (tkr)", "Belopp", "tkr"),
        ("Budget [MSEK]", "Budget", "MSEK"),
        ("Stöd i form av bidrag, tkr", "Stöd i form av bidrag", "tkr"),
        ("Belopp i tusental kronor", "Belopp", "tkr"),
        ("Amount (SEK thousands)", "Amount", "tkr"),
        ("Amount in SEK million", "Amount", "MSEK"),
        ("Beviljat belopp MSEK", "Beviljat belopp", "MSEK"),
        ("Budget (MSEK/år)", "Budget", "MSEK/år"),
        ("Belopp (SEK 000)", "Belopp", "tkr"),
        ("Belopp (EUR)", "Belopp", "EUR"),
        ("Budget (MEUR)", "Budget", "MEUR"),
        ("Belopp, tusen euro", "Belopp", "tusen euro"),
        ("Belopp (€)", "Belopp", "€"),
        ("Belopp (kr)", "Belopp", "kr"),
        ("Belopp (tusental)", "Belopp", "tkr"),
        ("Amount (thousands)", "Amount", "tkr"),
        ("Belopp (öre)", "Belopp", "öre"),
        ("Belopp/tkr", "Belopp", "tkr"),
        ("Belopp / MSEK", "Belopp", "MSEK"),
        ("Belopp (kkr)", "Belopp", "kkr"),
        ("Belopp, tkr", "Belopp", "tkr"),
        ("Belopp i tkr", "Belopp", "tkr"),
        ("Belopp [tkr]", "Belopp", "tkr"),
        ("Belopp (TKR)", "Belopp", "TKR"),
        ("Belopp (mnkr)", "Belopp", "mnkr"),
        ("Belopp (Mkr)", "Belopp", "Mkr"),
        ("Belopp (msek)", "Belopp", "msek"),
        ("Belopp (tSEK)", "Belopp", "tSEK"),
        ("Belopp (tusentals kronor)", "Belopp", "tkr"),
        ("Belopp (miljoner SEK)", "Belopp", "miljoner SEK"),
    ],
)
def test_a_header_names_its_unit_at_its_end(header, label, unit):
    found = v.header_unit(header)
    assert (found.label, found.unit) == (label, unit)


@pytest.mark.parametrize(
    "header",
    [
        "Bidrag från Vinnova",
        "Titel",
        "Belopp (inkl. moms)",
        "(tkr)",
        "Kr",
        "Period (år)",
        "Start/slut",
        "Budget/år",
    ],
)
def test_a_header_without_a_unit_has_none(header):
    assert v.header_unit(header) is None


@pytest.mark.parametrize(
    ("cell", "kronor"),
    [
        ("150", 150_000),
        ("1 234,5", 1_234_500),
        ("0,5", 500),
        (2.5, 2_500),
        (1.234, 1_234),  # a spreadsheet's number: no dot to take for thousands
        (12, 12_000),
        ("150 000 kr", 150_000),  # a cell that says its unit is read as it says
        ("2 MSEK", 2_000_000),
    ],
)
def test_a_bare_number_is_read_in_the_headers_unit(cell, kronor):
    assert v.in_unit(v.parse_money, "tkr")(cell) == kronor


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        ("Belopp/tkr", ()),
        ("Belopp (kkr)", ()),
        ("Belopp, tkr", ()),
        # Named as another column by `--column`, the header keeps its own unit.
        ("Summa/tkr", (("Summa/tkr", "Belopp"),)),
        ("Summa (kkr)", (("Summa (kkr)", "Belopp"),)),
    ],
)
def test_a_budget_in_thousands_spelled_otherwise_is_read_in_thousands(engine, header, columns):
    # "Belopp/tkr" and "Belopp (kkr)" were no units: the command line offered
    # `--column "Belopp/tkr=Belopp"`, and 2 500 (tkr) was stored as 2 500 kr.
    assert upload(engine, "program.csv", "Kod;Namn\nP1;Programmet\n").outcome == "committed"
    budget = f"Program;År;{header}\nP1;2021;2 500\n"
    result = upload(engine, "budget.csv", budget, columns=columns)
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [2_500_000]
    (unit,) = [p for p in result.problems if p.message.key == "problem.header_unit"]
    assert unit.column == header
    assert "1,000 kronor" in unit.text("en")


def test_a_credit_in_parentheses_keeps_its_sign_in_the_headers_unit(engine):
    # Spend in tkr, as a ledger summary writes it: "(12,5)" is a correction of -12 500 kr.
    with_organisations(engine)
    assert upload(engine, "program.csv", "Kod;Namn\nP1;Programmet\n").outcome == "committed"
    ledger = (
        "Program;Datum;Kategori;Belopp (tkr)\n"
        "P1;2024-03-31;Personal;250\n"
        "P1;2024-04-30;Personal;(12,5)\n"
        "P1;2024-05-31;Personal;7,5-\n"
    )
    result = upload(engine, "utfall.csv", ledger)
    assert result.outcome == "committed", result.problems
    assert sorted(row["amount_sek"] for row in natural(engine, "expenditures")) == [
        -12_500,
        -7_500,
        250_000,
    ]


def test_a_budget_per_year_in_millions(engine):
    assert upload(engine, "program.csv", "Kod;Namn\nP1;Programmet\n").outcome == "committed"
    result = upload(engine, "budget.csv", "Program;År;Budget (MSEK/år)\nP1;2024;2\nP1;2025;2,5\n")
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [2_000_000, 2_500_000]


def test_budgets_and_grants_of_a_few_kronor_are_warned_of(engine):
    # "2" under a year meant 2 MSEK and was stored as 2 kr ("2,5" as 3), without a word.
    assert upload(engine, "program.csv", "Kod;Namn\nP1;Programmet\n").outcome == "committed"
    result = upload(engine, "budget.csv", "Program;2024;2025\nP1;2;2,5\n")
    assert result.outcome == "committed", result.problems
    (warning,) = [p for p in result.problems if p.error == "constraint-error"]
    assert (warning.row, warning.column, warning.severity) == (2, "2024", "warning")
    # Each amount under its year's header, as the file has them (not "Belopp": it has none).
    assert warning.text("sv").startswith(
        "2 belopp i ”2024”, ”2025” är under 1 000 kr, som 2 kr på rad 2"
    )
    # Read in its unit, the same list says nothing; an update of the amount alone says again.
    result = upload(engine, "budget.csv", "Program;2024;2025\nP1;2 MSEK;2,5 MSEK\n")
    assert not [p for p in result.problems if p.error == "constraint-error"]
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2020-00001;Ett;planerad\n")
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
    result = upload(
        engine, "bidrag.csv", grants + "G-1;2020-00001;Vinnova;150\nG-0;2020-00001;Vinnova;0\n"
    )
    assert warnings(result) == [(2, "Belopp", "constraint-error")]  # not the grant of 0


def test_an_excel_column_in_millions_reads_its_numbers_as_typed(engine):
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2020-00001;Ett;planerad\n")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Bidragsreferens", "Diarienummer", "Finansiär", "Belopp (MSEK)"])
    sheet.append(["G-1", "2020-00001", "Vinnova", 1.234])
    data = io.BytesIO()
    workbook.save(data)
    result = upload(engine, "bidrag.xlsx", data.getvalue())
    assert result.outcome == "committed", result.problems
    assert (1, "Belopp (MSEK)", "format-error") in warnings(result)
    assert [row["amount_sek"] for row in natural(engine, "grants")] == [1_234_000]


def test_another_currency_in_the_header_is_refused_row_by_row(engine):
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2020-00001;Ett;planerad\n")
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp (EUR)\nG-1;2020-00001;Vinnova;1 000\n"
    result = upload(engine, "bidrag.csv", grants)
    assert result.outcome == "rejected"
    assert errors(result) == [(2, "Belopp (EUR)", "constraint-error")]
    assert natural(engine, "grants") == []


def test_a_unit_on_a_column_that_holds_no_money_is_not_read(engine):
    # Only money has a unit to read: a date "in tkr" is no date column, and it is said.
    result = upload(
        engine, "projekt.csv", "Diarienummer;Titel;Status;Startdatum (tkr)\n2020-1;Ett;planerad;5\n"
    )
    assert (1, "Startdatum (tkr)", "extra-label") in warnings(result)
    assert natural(engine, "projects")[0]["start_date"] is None


def test_a_vinnova_sheet_of_some_fields_leaves_the_others_as_stored(engine):
    # A sheet of Vinnova's fields (Diarienummer, Ärenderubrik, KoordinatorOrg, Status) once
    # emptied each stored project's English title, description, effects and dates.
    full = text("vinnova.json")
    assert upload(engine, "vinnova.json", full).outcome == "committed"
    before = {kind: natural(engine, kind) for kind in ("projects", "grants")}
    fields = ("Diarienummer", "Ärenderubrik", "KoordinatorOrg", "Status", "BeviljatBidrag")
    lean = [{key: record[key] for key in fields} for record in json.loads(full)]
    result = upload(engine, "vinnova_urval.json", json.dumps(lean, ensure_ascii=False))
    assert result.outcome in ("committed", "unchanged"), result.problems
    assert {kind: natural(engine, kind) for kind in ("projects", "grants")} == before


def test_a_360giving_file_without_planned_dates_leaves_the_grants_dates(engine):
    full = text("360giving.csv")
    assert upload(engine, "360giving.csv", full).outcome == "committed"
    before = natural(engine, "grants")
    assert all(row["start_date"] for row in before)
    out = io.StringIO()
    csv.writer(out).writerows(row[:10] for row in csv.reader(io.StringIO(full)))
    lean = out.getvalue()
    assert "Planned Dates" not in lean
    result = upload(engine, "360giving_urval.csv", lean)
    assert result.outcome in ("committed", "unchanged"), result.problems
    assert natural(engine, "grants") == before


def test_a_ledger_in_ore_is_read_in_kronor_and_says_so(engine):
    # "Belopp (öre)" was not read as a unit: the command line offered `--column "Belopp (öre)=
    # Belopp"`, and 1 500 000 öre (15 000 kr) was stored as 1,5 MSEK.
    with_organisations(engine)
    projects = "Diarienummer;Titel;Status\n2020-00001;Smart belysning;planerad\n"
    assert upload(engine, "projekt.csv", projects).outcome == "committed"
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-1;2020-00001;Vinnova;500 000\n"
    assert upload(engine, "bidrag.csv", grants).outcome == "committed"
    ledger = "Bidragsreferens;Utbetalningsdatum;Belopp (öre)\nG-1;2022-02-02;1500050\n"
    result = upload(engine, "reskontra.csv", ledger)
    assert result.outcome == "committed", result.problems
    assert [p["amount_sek"] for p in natural(engine, "disbursements")] == [15_001]
    # The header's unit, and that row 2's 15 000,50 kr was rounded: what it became.
    assert warnings(result) == [
        (1, "Belopp (öre)", "format-error"),
        (2, "Belopp (öre)", "format-error"),
    ]
    assert "rounded to whole kronor" in result.problems[0].text("en")
    assert "“1500050” → SEK 15,001" in result.problems[1].text("en")


def _programme(engine) -> None:
    assert upload(engine, "program.csv", "Kod;Namn\nP1;Programmet\n").outcome == "committed"


def _title_notes(result) -> list:
    return [p for p in result.problems if p.message.key == "import.title_unit"]


def test_a_unit_in_the_title_above_a_sheet_is_its_amounts_unit(engine):
    # "Budget per år, tkr" above the years: the title was dropped without a word and 2 000
    # (tkr) stored as 2 000 kr.
    _programme(engine)
    rows = [["Budget per år, tkr"], ["Program", 2021, 2022], ["P1", 2000, 3500]]
    _, data = saved_workbook(("Budget", rows))
    result = upload(engine, "budget.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [2_000_000, 3_500_000]
    (note,) = _title_notes(result)
    assert (note.row, note.severity) == (2, "warning")
    # The file's year columns, not the kind's "Belopp" the sheet does not have.
    assert note.text("sv") == (
        "Titeln ovanför tabellen, ”Budget per år, tkr”, anger enheten tkr: belopp utan egen "
        "enhet i kolumnerna ”2021”, ”2022” läses i tkr."
    )


def _unit_notes(result) -> list[tuple[str, str]]:
    """The warnings that say which unit the amounts are read in: (catalogue key, English)."""
    keys = {"import.title_unit", "import.units_row", "problem.header_unit"}
    return [(p.message.key, p.text("en")) for p in result.problems if p.message.key in keys]


def test_a_titles_unit_over_years_as_columns_is_said_once_naming_the_years(engine):
    # "Budget per år (MSEK)" over years as columns warned of a column "Belopp" the file does
    # not have, and that "the row of units" (there was none) gave column "2027, 2028, 2029"
    # its unit.
    _programme(engine)
    budget = "Budget per år (MSEK);;;\nProgram;2027;2028;2029\nP1;2;2;2,0\n"
    result = upload(engine, "budget3.csv", budget)
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [2_000_000] * 3
    ((key, text),) = _unit_notes(result)
    assert key == "import.title_unit"
    assert text == (
        "The title above the table, “Budget per år (MSEK)”, names the unit MSEK: amounts "
        "without a unit of their own in columns “2027”, “2028”, “2029” are read in MSEK."
    )
    (note,) = _title_notes(result)
    assert note.text("sv") == (
        "Titeln ovanför tabellen, ”Budget per år (MSEK)”, anger enheten MSEK: belopp utan "
        "egen enhet i kolumnerna ”2027”, ”2028”, ”2029” läses i MSEK."
    )


def test_a_titles_unit_over_one_amount_column_is_said_once(engine):
    # Besides the title's warning, "The row of units under the headers gives column
    # “Belopp” its unit" of a file without a row of units.
    _programme(engine)
    result = upload(engine, "budget.csv", "Budget (MSEK)\nProgram;År;Belopp\nP1;2027;2\n")
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [2_000_000]
    assert [key for key, _ in _unit_notes(result)] == ["import.title_unit"]
    assert "in column “Belopp” are read in MSEK" in _unit_notes(result)[0][1]


@pytest.mark.parametrize(
    ("budget", "language", "said"),
    [
        (
            "Program;2027 (MSEK);2028 (MSEK)\nP1;2;2\n",
            "sv",
            "Kolumnerna ”2027 (MSEK)”, ”2028 (MSEK)” anger sin enhet: tal utan enhet läses i "
            "MSEK (1 MSEK = 1 000 000 kronor).",
        ),
        (
            "Program;2027 (MSEK);2028 (MSEK)\nP1;2;2\n",
            "en",
            "Columns “2027 (MSEK)”, “2028 (MSEK)” name their unit: numbers without one are "
            "read in MSEK (1 MSEK = 1,000,000 kronor).",
        ),
        (
            "Program;2027 (öre);2028 (öre)\nP1;200 000 000;200 000 000\n",
            "sv",
            "Kolumnerna ”2027 (öre)”, ”2028 (öre)” anger sin enhet: tal utan enhet läses i "
            "öre och avrundas till hela kronor (100 öre = 1 krona).",
        ),
        (
            "Program;2027 (öre);2028 (öre)\nP1;200 000 000;200 000 000\n",
            "en",
            "Columns “2027 (öre)”, “2028 (öre)” name their unit: numbers without one are read "
            "in öre and rounded to whole kronor (100 öre = 1 krona).",
        ),
        (
            "Program;År;Belopp (MSEK)\nP1;2027;2\n",
            "sv",
            "Kolumnen ”Belopp (MSEK)” anger sin enhet: tal utan enhet läses i MSEK "
            "(1 MSEK = 1 000 000 kronor).",
        ),
        (
            "Program;År;Belopp (MSEK)\nP1;2027;2\n",
            "en",
            "Column “Belopp (MSEK)” names its unit: numbers without one are read in MSEK "
            "(1 MSEK = 1,000,000 kronor).",
        ),
    ],
)
def test_the_columns_that_name_their_unit_are_named_each_in_its_quotes(
    engine, budget, language, said
):
    # Years as columns warned 'Column “2027 (MSEK), 2028 (MSEK)” names its unit': a list of
    # headers quoted as one column's name.
    _programme(engine)
    result = upload(engine, "budget.csv", budget)
    assert result.outcome == "committed", result.problems
    assert {row["amount_sek"] for row in natural(engine, "budgets")} == {2_000_000}
    (note,) = [p for p in result.problems if p.message.key.startswith("problem.header_unit")]
    assert note.text(language).replace("\xa0", " ") == said


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_units_row_under_one_amount_column_is_said_once(engine, language):
    # The row's warning, and another that "the row of units under the headers gives column
    # “Belopp” its unit": the same thing said twice.
    _programme(engine)
    result = upload(engine, "budget.csv", "Program;År;Belopp\n;;MSEK\nP1;2027;2\n")
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [2_000_000]
    (note,) = result.problems
    assert (note.message.key, note.severity) == ("import.units_row", "warning")
    under = {"sv": "”MSEK” under ”Belopp”", "en": "“MSEK” under “Belopp”"}[language]
    assert under in note.text(language)


def test_a_units_row_under_years_names_the_years(engine):
    _programme(engine)
    result = upload(engine, "budget.csv", "Program;2027;2028\nEnhet;MSEK;MSEK\nP1;2;3\n")
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [2_000_000, 3_000_000]
    ((key, text),) = _unit_notes(result)
    assert key == "import.units_row"
    assert "“MSEK” under “2027”, “MSEK” under “2028”" in text


@pytest.mark.parametrize(
    ("title", "kronor"),
    [
        ("Belopp i tkr", 1_000),
        ("Alla belopp i MSEK.", 1_000_000),
        ("(tusental kronor)", 1_000),
        ("Budget 2021 (Mkr) per program", 1_000_000),
    ],
)
def test_a_unit_in_a_csvs_title_row_is_its_amounts_unit(engine, title, kronor):
    # A CSV's title was only said not to be read, and its thousands stored as kronor.
    _programme(engine)
    result = upload(engine, "budget.csv", f"{title}\nProgram;År;Belopp\nP1;2021;2 000\n")
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [2_000 * kronor]
    (note,) = _title_notes(result)
    assert title in note.text("en") and "column “Belopp” are read in" in note.text("en")


@pytest.mark.parametrize(("header", "kronor"), [("Belopp (tkr)", 1_000), ("Belopp (kr)", 1)])
def test_a_headers_own_unit_wins_over_the_titles(engine, header, kronor):
    _programme(engine)
    result = upload(engine, "budget.csv", f"Alla belopp i MSEK\nProgram;År;{header}\nP1;2021;5\n")
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [5 * kronor]
    assert _title_notes(result) == []


def test_a_unit_in_the_title_above_a_flat_project_sheet_is_its_grants_unit(engine):
    rows = [
        ["Projekt med bidrag (tkr)"],
        [],
        ["Diarienummer", "Titel", "Koordinator", "Bidrag från Vinnova"],
        ["2024-99201", "Ett projekt", "Vinnova", 1_500],
    ]
    _, data = saved_workbook(("Projekt", rows))
    result = upload(engine, "projekt.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert [(g["funder"], g["amount_sek"]) for g in natural(engine, "grants")] == [
        ("Vinnova", 1_500_000)
    ]
    (note,) = _title_notes(result)
    assert "column “Bidrag från Vinnova” are read in tkr" in note.text("en")


def test_kronor_typed_into_a_column_in_thousands_are_warned_of_once(engine):
    # 2 500 000 typed in kronor under "Belopp (tkr)" became a grant of 2 500 000 000 kr
    # without a word. An amount of 1 000 MSEK or more read through the header's scale is
    # warned of, once for the column, naming its rows; nothing is refused. A cell with its
    # own unit in kronor, and a column in kronor, say what they mean.
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2024-1;Ett;planerad\n")
    amounts = ("1 500", "2 500 000", "2 500 000 kr", "1 000 000")
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp (tkr)\n" + "".join(
        f"G-{row};2024-1;Vinnova;{amount}\n" for row, amount in enumerate(amounts, 1)
    )
    result = upload(engine, "bidrag.csv", grants)
    assert result.outcome == "committed", result.problems
    (warning,) = [p for p in result.problems if p.error == "constraint-error"]
    assert (warning.row, warning.column, warning.severity) == (3, "Belopp (tkr)", "warning")
    assert warning.text("sv").startswith(
        "Kolumnen ”Belopp (tkr)” läses i tkr, och 2 belopp blir 1 000 MSEK eller mer, "
        "på rad 3, 5, det första 2\xa0500\xa0000\xa0000 kr"
    )
    # A budget with a column per year names its row once, not once per year ("rad 2, 2").
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Beställargrupper\n")
    wide = "Program;2024 (MSEK);2025 (MSEK)\nBG-2017;1200;1500\n"
    (wide_warning,) = [
        p
        for p in upload(engine, "budget.csv", wide, dry_run=True).problems
        if p.error == "constraint-error"
    ]
    assert "på rad 2, det första" in wide_warning.text("sv")
    kronor = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-5;2024-1;Vinnova;2 500 000 000\n"
    result = upload(engine, "bidrag.csv", kronor)
    assert result.outcome == "committed", result.problems
    assert not [p for p in result.problems if p.error == "constraint-error"]


@pytest.mark.parametrize(
    ("budget", "header", "unit"),
    [
        ("Program;År;Budget (MSEK)\nP1;2027;1,5\n", "Budget (MSEK)", "MSEK"),
        ("Program;2027 (tkr)\nP1;1 500\n", "2027 (tkr)", "tkr"),
    ],
)
def test_a_budgets_unit_warning_names_the_files_own_header(engine, budget, header, unit):
    # "Column “Belopp (MSEK)” names its unit" for a sheet headed "Budget (MSEK)" or
    # "2027 (tkr)": the template's column, which the file does not have.
    assert upload(engine, "program.csv", "Kod;Namn\nP1;Programmet\n").outcome == "committed"
    result = upload(engine, "budget.csv", budget)
    assert result.outcome == "committed", result.problems
    assert [row["amount_sek"] for row in natural(engine, "budgets")] == [1_500_000]
    (note,) = [p for p in result.problems if p.message.key == "problem.header_unit"]
    assert note.column == header
    assert note.text("en").startswith(f"Column “{header}” names its unit: ")
    assert note.text("sv").startswith(
        f"Kolumnen ”{header}” anger sin enhet: tal utan enhet läses i {unit}"
    )
