"""A page's download of figures it works out (outputs per programme, grant sizes, members per
county), uploaded back, is refused once, saying which table it is and what to import
instead: the Results page's outputs per programme, an indicator's name under "Indikator",
were refused row by row, "Indicators has no “Aktiva beställarnätverk” … add it first", as
indicator values, and a programme's money per year as a budget lacking "Program"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from arena import clock
from tests.fixtures.ingest import upload

# Today as the pages read it: a day of a year the demo's programmes have budgets for (the
# Programmes page's month table is this year's).
_TODAY = datetime(2025, 9, 15, 10, 0, tzinfo=UTC)

# By page and its query: the keys of its downloads of figures, and the kind the message
# says to import instead, in English.
FIGURES = [
    ("overview", {}, ("attention",), "Milestones and reports"),
    ("results", {}, ("outputs",), "Indicator values"),
    ("grants", {}, ("funders",), "Grants"),
    ("portfolio", {}, ("grants_year", "grants_sector"), "Grants"),
    ("networks", {}, ("members_by_county",), "Buyer group members"),
    ("efforts", {}, ("efforts", "efforts_by_year"), "Efforts"),
    ("programmes", {"programme": "BG-2017"}, ("BG-2017_years",), "Budgets"),
    # A programme's spend by month this year (one with a budget then: `_TODAY`).
    ("programmes", {"programme": "ARENA-2021"}, ("ARENA-2021_2025_months",), "Spend"),
]


@pytest.mark.parametrize("language", ["Svenska", "English"])
@pytest.mark.parametrize(
    ("page", "query", "keys", "instead"), FIGURES, ids=[page for page, *_ in FIGURES]
)
def test_a_download_of_figures_imported_back_is_refused_once_saying_what_to_import(
    demo_engine, open_page, handed, file_names, monkeypatch, page, query, keys, instead, language
):
    monkeypatch.setattr(clock, "utc_now", lambda: _TODAY)
    open_page(demo_engine, page=page, lang=language, **query)
    for key in keys:
        for file_format in ("csv", "xlsx"):
            name = file_names[f"{key}_{file_format}"]
            result = upload(demo_engine, name, handed[f"{key}_{file_format}"](), dry_run=True)
            assert result.outcome == "rejected", name
            (problem,) = result.problems  # one, not a wall of rows
            assert problem.message.key == "import.figure_table", problem.text("en")
            english, swedish = problem.text("en"), problem.text("sv")
            assert english.startswith(f"{name} is the table “") and f"“{instead}”" in english
            assert swedish.startswith(f"{name} är tabellen ”") and "kan inte importeras" in swedish


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_a_projects_record_of_imports_imported_back_is_refused_once(
    demo_engine, open_page, handed, file_names, language
):
    # "the headers match no known kind of data. Choose the kind (…)": and chosen as spend, 15
    # errors of rows garbled. It is the page's record of the imports that touched the project.
    open_page(demo_engine, page="project", ref="DEMO-2024-022", lang=language)
    for file_format in ("csv", "xlsx"):
        name = file_names[f"DEMO-2024-022_imports_{file_format}"]
        result = upload(
            demo_engine, name, handed[f"DEMO-2024-022_imports_{file_format}"](), dry_run=True
        )
        assert result.outcome == "rejected", name
        (problem,) = result.problems
        assert problem.text("en") == (
            f"{name} is the table “Imports that touched it” on the Project page, a record of "
            "imports: it cannot be imported."
        )
        assert problem.text("sv") == (
            f"{name} är tabellen ”Importer som rört projektet” på sidan Projekt, en förteckning "
            "över importer: den kan inte importeras."
        )
