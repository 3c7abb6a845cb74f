"""A table's downloads are the table in the page's language, typed: its own headers, codes as
labels, amounts and shares numbers, dates dates, only the columns it shows (no `id`, no
`updated_at`), in Swedish and in English alike. The command line's export keeps the stable
column names and codes (tests/unit/test_cli.py)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pandas as pd
import pytest

from tests.fixtures.ingest import upload

LANGUAGES = {"sv": "Svenska", "en": "English"}


def _csv(handed: dict[str, object], key: str, language: str) -> list[list[str]]:
    """The CSV download of `key` as rows, its header first: in Swedish with `;` between cells
    (and a decimal comma), as Swedish Excel opens a CSV, in English with `,`."""
    text = handed[f"{key}_csv"]().decode("utf-8-sig")
    delimiter = ";" if language == "sv" else ","
    assert delimiter in text.splitlines()[0]
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _excel(handed: dict[str, object], key: str) -> pd.DataFrame:
    return pd.read_excel(io.BytesIO(handed[f"{key}_xlsx"]()), engine="openpyxl")


def _headed(handed: dict[str, object], key: str, header: str, language: str) -> list[list[str]]:
    """The CSV download of `key`, whose header row must be `header`, as rows."""
    rows = _csv(handed, key, language)
    assert ",".join(rows[0]) == header
    return rows


def _row(rows: list[list[str]], first: str) -> list[str]:
    return next(row for row in rows if row[0] == first)


PORTFOLIO = {
    "sv": (
        "Diarienummer,Titel,Status,Fas,Koordinator,Sektor,Län,Start,Slut,Beviljat (kr),"
        "Utbetalt (kr),Utbetalt av beviljat (%),Tid som gått (%)",
        ["Avslutad", "Avtalsförvaltning", "Göteborgs kommun", "Transport"],
    ),
    "en": (
        "Reference,Title,Status,Stage,Coordinator,Sector,County,Start,End,Granted (SEK),"
        "Disbursed (SEK),Paid of granted (%),Time elapsed (%)",
        ["Completed", "Contract management", "Göteborgs kommun", "Transport"],
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_portfolio_download_is_the_table_in_the_pages_language(
    demo_engine, open_page, handed, language
):
    open_page(demo_engine, page="portfolio", lang=LANGUAGES[language])
    header, labels = PORTFOLIO[language]
    rows = _headed(
        handed, "portfolio", header, language
    )  # no id, updated_at, sdg_goals, spent_sek ...
    bus = _row(rows, "DEMO-2017-001")
    assert bus[2:6] == labels
    assert bus[7:] == ["2017-03-01", "2019-06-30", "2800000", "2800000", "100", "100"]
    sheet = _excel(handed, "portfolio").set_index(header.split(",")[0])
    row = sheet.loc["DEMO-2017-001"]
    assert row.iloc[8] == 2_800_000 and row.iloc[10] == 100.0  # numbers Excel adds up
    assert row.iloc[6] == datetime(2017, 3, 1)  # a real date


GRANT_SIZES = {
    "sv": (
        "År,Antal bidrag,Första kvartil (kr),Median (kr),Tredje kvartil (kr),Summa (kr)",
        "Sektor",
        "Energi",
    ),
    "en": (
        "Year,Grants,First quartile (SEK),Median (SEK),Third quartile (SEK),Total (SEK)",
        "Sector",
        "Energy",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_grant_sizes_download_holds_numbers_not_the_text_shown(
    demo_engine, open_page, handed, language
):
    app = open_page(demo_engine, page="portfolio", lang=LANGUAGES[language])
    by_year, sector, energy = GRANT_SIZES[language]
    rows = _headed(handed, "grants_year", by_year, language)
    assert _row(rows, "2016") == ["2016", "1", "1800000", "1800000", "1800000", "1800000"]
    # The page shows the same figures as text: "1 800 000 kr".
    shown = next(frame.value for frame in app.dataframe if frame.value.columns[0] == rows[0][0])
    assert shown.iloc[0].tolist()[2].endswith("kr") or shown.iloc[0].tolist()[2].startswith("SEK")
    rows = _csv(handed, "grants_sector", language)
    assert rows[0][0] == sector
    assert _row(rows, energy)[1:] == ["5", "450000", "1500000", "2000000", "6800000"]
    sheet = _excel(handed, "grants_sector").set_index(sector)
    assert sheet.loc[energy].tolist() == [5, 450_000, 1_500_000, 2_000_000, 6_800_000]


ATTENTION = {
    "sv": ("Vad,Projekt eller program,Titel,Detalj,Datum", "Pågående efter slutdatum"),
    "en": ("What,Project or programme,Title,Detail,Date", "Ongoing after end date"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_attention_download_is_the_list_in_words(demo_engine, open_page, handed, language):
    open_page(demo_engine, lang=LANGUAGES[language])
    header, stale = ATTENTION[language]
    rows = _headed(handed, "attention", header, language)  # no scope, overrun nor reason_count
    codes = {"report_late", "budget_overrun", "project", "programme"}
    assert not codes & {cell for row in rows for cell in row}  # every reason in words
    real = [row for row in rows if row[1] == "2018-04510"]
    assert [row[0] for row in real] == [stale]
    assert real[0][2] == "Nationell arena för innovationsupphandling"
    programme = {row[0] for row in rows if row[1] == "ARENA-2021"}  # its code, not its address
    assert programme
    sheet = _excel(handed, "attention")
    assert pd.api.types.is_datetime64_any_dtype(sheet[header.split(",")[-1]])


GRANTS = {
    "sv": (
        "Finansiär,Bidragsreferens,Projekt,Titel,Status,Beslutsdatum,Start,Slut,Belopp (kr),"
        "Utbetalt (kr),Återstår (kr),Utbetalt av beviljat (%),Försenade rapporter/milstolpar,"
        "Nästa rapport eller milstolpe",
        "Pågående",
    ),
    "en": (
        "Funder,Grant reference,Project,Title,Status,Decision date,Start,End,Amount (SEK),"
        "Disbursed (SEK),Remaining (SEK),Paid of granted (%),Reports/milestones late,"
        "Next report or milestone",
        "Ongoing",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_grant_list_download_is_the_table_in_the_pages_language(
    demo_engine, open_page, handed, language
):
    open_page(demo_engine, page="grants", lang=LANGUAGES[language])
    header, ongoing = GRANTS[language]
    rows = _headed(handed, "grants", header, language)
    grant = next(row for row in rows if row[1] == "DEMO-G-018")
    assert grant == [
        "Energimyndigheten",
        "DEMO-G-018",
        "DEMO-2023-019",
        "Energilager i regionens fastigheter",
        ongoing,
        "2022-11-09",
        "2023-02-01",
        "2027-02-15",
        "2000000",
        "1800000",
        "200000",
        "90",  # per cent, as its header says
        "0",
        "2027-04-15",
    ]
    funders = _csv(handed, "funders", language)
    assert funders[0][:3] == header.split(",")[:1] + (
        ["Antal bidrag", "Beviljade bidrag (kr)"]
        if language == "sv"
        else ["Grants", "Grants awarded (SEK)"]
    )


FILE_NAMES = {
    "sv": {"portfolio_csv": "portfölj.csv", "grants_year_xlsx": "bidrag_per_år.xlsx"},
    "en": {"portfolio_csv": "portfolio.csv", "grants_year_xlsx": "grants_by_year.xlsx"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_downloads_file_name_is_in_the_pages_language(
    demo_engine, open_page, file_names, language
):
    # "grants_by_sector.xlsx" on a Swedish page: the one word there not in Swedish.
    open_page(demo_engine, page="portfolio", lang=LANGUAGES[language])
    assert {key: file_names[key] for key in FILE_NAMES[language]} == FILE_NAMES[language]
    open_page(demo_engine, page="programmes", lang=LANGUAGES[language], programme="BG-2017")
    years = "BG-2017_år.csv" if language == "sv" else "BG-2017_years.csv"
    assert years in file_names.values()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_excel_downloads_sheet_is_named_in_the_pages_language(
    demo_engine, open_page, handed, language
):
    # The sheet of "bidrag_per_år.xlsx" was named "grants_by_year" in Swedish Excel.
    open_page(demo_engine, page="portfolio", lang=LANGUAGES[language])
    sheets = pd.ExcelFile(io.BytesIO(handed["grants_year_xlsx"]()), engine="openpyxl")
    assert sheets.sheet_names == [FILE_NAMES[language]["grants_year_xlsx"].removesuffix(".xlsx")]


def test_a_whole_kinds_export_is_named_in_the_pages_language(demo_engine, open_page, file_names):
    # "organisations.xlsx" and "grants_360giving.csv" on the Swedish Data page, where the
    # Grants page offers the same 360Giving file as "bidrag_360giving.csv".
    open_page(demo_engine, page="data")
    assert "organisationer.xlsx" in file_names.values()


YEARS = {
    "sv": ("Beviljat 2024 (kr)", "Utbetalt 2024 (kr)"),
    "en": ("Granted 2024 (SEK)", "Disbursed 2024 (SEK)"),
}


# The file names of the Grants page's downloads (and the Overview's list run before it) with
# the year filter 2024.
NAMED = {
    "sv": {
        "grants_csv": "bidrag-2024.csv",
        "grants_xlsx": "bidrag-2024.xlsx",
        "funders_csv": "finansiärer-2024.csv",
        "attention_xlsx": "att_bevaka-2024.xlsx",
    },
    "en": {
        "grants_csv": "grants-2024.csv",
        "grants_xlsx": "grants-2024.xlsx",
        "funders_csv": "funders-2024.csv",
        "attention_xlsx": "attention-2024.xlsx",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_year_filtered_downloads_amounts_name_their_years_and_never_imports_as_the_amounts(
    demo_engine, open_page, handed, language
):
    # With a year filter a grant decided before 2024 is listed for its payments with 0 kr in
    # the amount column: headed "Belopp (kr)", it read as "Belopp 0" out of context, and
    # imported back set eleven grants' amounts to 0 kr.
    granted, disbursed = YEARS[language]
    open_page(demo_engine, page="grants", lang=LANGUAGES[language], f_years="2024")
    header = _csv(handed, "grants", language)[0]
    assert header[8:10] == [granted, disbursed]
    assert [granted, disbursed] == list(_excel(handed, "grants").columns[8:10])
    assert _csv(handed, "funders", language)[0][2] == granted
    for key in ("grants_csv", "grants_xlsx"):
        result = upload(demo_engine, key.replace("_", "."), handed[key](), dry_run=True)
        assert result.outcome == "rejected" and result.meant == []
        named = {problem.column for problem in result.problems if problem.severity == "warning"}
        assert {granted, disbursed} <= named
    open_page(demo_engine, page="portfolio", lang=LANGUAGES[language], f_years="2024")
    assert _csv(handed, "portfolio", language)[0][9:11] == [granted, disbursed]


# The grids' own headers with the year filter 2024: the download's without the unit their
# cells write, the portfolio's bare numbers with it.
ON_PAGE = {
    "sv": ("Beviljat 2024", "Utbetalt 2024"),
    "en": ("Granted 2024", "Disbursed 2024"),
}


def _grid(app, column: str) -> list[str]:
    """The headers of the page's grid with `column`, as the reader sees them: the column
    config's label where it has one (the portfolio's), else the frame's own."""
    for grid in app.dataframe:
        labels = {
            name: shown.get("label")
            for name, shown in json.loads(grid.proto.columns or "{}").items()
        }
        headers = [labels.get(name) or name for name in grid.value.columns]
        if column in headers:
            return headers
    raise AssertionError(f"no grid with {column!r}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_year_filtered_grids_amounts_are_headed_as_its_download_heads_them(
    demo_engine, open_page, handed, language
):
    # With a year filter the grants list showed "Belopp 0 kr" (the amount granted in the
    # years) for a grant decided before them, and the portfolio "Beviljat (kr)" 0, while the
    # downloads headed them "Beviljat 2024 (kr)": a funder read its grant worth 0 kr.
    granted, disbursed = ON_PAGE[language]
    app = open_page(demo_engine, page="grants", lang=LANGUAGES[language], f_years="2024")
    reference = "Bidragsreferens" if language == "sv" else "Grant reference"
    grants = _grid(app, reference)
    assert grants[8:10] == [granted, disbursed]
    assert [f"{header} ({'kr' if language == 'sv' else 'SEK'})" for header in grants[8:10]] == (
        _csv(handed, "grants", language)[0][8:10]
    )
    funders = _grid(app, "Antal bidrag" if language == "sv" else "Grants")
    assert funders[2:4] == [granted, disbursed]
    # Sorted by it, the option names it as the grid does.
    assert granted in app.selectbox(key="grants_sort").options
    app = open_page(demo_engine, page="portfolio", lang=LANGUAGES[language], f_years="2024")
    title = "Titel" if language == "sv" else "Title"
    assert (
        _grid(app, title)[9:11]
        == list(YEARS[language])
        == _csv(handed, "portfolio", language)[0][9:11]
    )
    # Without a year filter, the grants' own amounts under their own headers.
    app = open_page(demo_engine, page="grants", lang=LANGUAGES[language])
    assert _grid(app, reference)[8] == ("Belopp" if language == "sv" else "Amount")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_year_filtered_downloads_name_says_its_years(
    demo_engine, open_page, file_names, language
):
    # bidrag.csv said nothing of its period: out of context a grant decided before the years
    # read "Belopp 0".
    open_page(demo_engine, page="grants", lang=LANGUAGES[language], f_years="2024")
    assert {key: file_names[key] for key in NAMED[language]} == NAMED[language]
    open_page(demo_engine, page="portfolio", lang=LANGUAGES[language], f_years=["2019", "2021"])
    portfolio = "portfölj" if language == "sv" else "portfolio"
    assert file_names["portfolio_xlsx"] == f"{portfolio}-2019-2021.xlsx"
    open_page(demo_engine, page="efforts", lang=LANGUAGES[language], f_years=["2019", "2021"])
    for key in ("efforts_csv", "efforts_by_year_csv", "activities_csv"):
        assert file_names[key].endswith("-2019-2021.csv"), file_names[key]
