"""Bidrag: a funder's grants, what is paid and what remains, its reports late or due soon."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest

from arena import config, tables, ui
from arena.i18n import format_msek, format_percent, format_sek
from tests.fixtures.ingest import upload, with_organisations
from tests.pages.demo_facts import demo_count, demo_sum, msek

TODAY = date(2026, 11, 21)  # the demo's today


@pytest.fixture
def demo_today(monkeypatch):
    """The pages' today pinned to the demo's: reports late or due depend on it."""
    monkeypatch.setattr(ui, "today", lambda: TODAY)


def _rows(file_name: str) -> list[dict[str, str]]:
    with (config.DEMO_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _funder_facts(funder: str | None) -> dict[str, int]:
    """A funder's (or every funder's) grants, money and open reports, from the demo files."""
    grants = [row for row in _rows("09_bidrag.csv") if funder in (None, row["Finansiär"])]
    paid = dict.fromkeys((row["Bidragsreferens"] for row in grants), 0)
    for row in _rows("10_utbetalningar.csv"):
        if row["Bidragsreferens"] in paid:
            paid[row["Bidragsreferens"]] += int(row["Belopp"].replace(" ", ""))
    projects = {row["Diarienummer"] for row in grants}
    cancelled = {
        row["Diarienummer"] for row in _rows("07_projekt.csv") if row["Status"] == "cancelled"
    }
    due = [
        date.fromisoformat(row["Förfallodatum"])
        for row in _rows("13_milstolpar.csv")
        if row["Diarienummer"] in projects and not row["Levererad"]
    ]
    # What each grant still owes, never below 0; nothing of a cancelled project's grant.
    remaining = sum(
        max(0, int(row["Belopp"].replace(" ", "")) - paid[row["Bidragsreferens"]])
        for row in grants
        if row["Diarienummer"] not in cancelled
    )
    return {
        "projects": len(projects),
        "remaining": remaining,
        "late": sum(day < TODAY for day in due),
        "soon": sum(TODAY <= day <= TODAY + timedelta(days=30) for day in due),
    }


def _table(app, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def test_all_funders_then_one_funder_from_the_url(demo_engine, open_page):
    app = open_page(demo_engine, page="grants")
    assert [title.value for title in app.title] == ["Bidrag"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Antal bidrag"] == str(demo_count("09_bidrag.csv"))
    assert metrics["Beviljade bidrag"] == msek(demo_sum("09_bidrag.csv", "Belopp"))
    # The share paid says of what; the count says which grants a year filter keeps.
    paid = demo_sum("10_utbetalningar.csv", "Belopp") / demo_sum("09_bidrag.csv", "Belopp")
    cards = {metric.label: metric for metric in app.metric}
    assert cards["Utbetalt"].delta == f"{format_percent(paid, 'sv')} av beviljat"
    assert "beslutades eller fick utbetalningar" in cards["Antal bidrag"].help

    app = open_page(demo_engine, page="grants", funder="Vinnova")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Antal bidrag"] == str(demo_count("09_bidrag.csv", Finansiär="Vinnova"))
    grants = _table(app, "Bidragsreferens")
    real = grants[grants["Bidragsreferens"] == "2018-04510"].iloc[0]
    assert (real["Belopp"], real["Start"], real["Slut"]) == (
        "150\u00a0000 kr",
        "2018-10-01",
        "2019-02-28",
    )
    # The funder's name is a link to its organisation page.
    assert set(grants["Finansiär"]) == {tables.organisation_url("Vinnova")}
    assert app.get("plotly_chart")


def test_a_funder_remaining_and_reports_equal_the_demo_files(demo_engine, open_page, demo_today):
    vinnova = _funder_facts("Vinnova")
    app = open_page(demo_engine, page="grants", funder="Vinnova")
    # The option shows the projects it funds; the URL keeps the plain name.
    assert app.selectbox[0].value == "Vinnova"
    assert f"Vinnova ({vinnova['projects']})" in app.selectbox[0].options
    assert app.query_params["funder"] == "Vinnova"
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Återstår att betala"] == format_msek(vinnova["remaining"], "sv")
    assert metrics["Försenade rapporter/milstolpar"] == str(vinnova["late"])
    assert metrics["Rapporter och milstolpar inom 30 dagar"] == str(vinnova["soon"])
    real = _table(app, "Bidragsreferens").set_index("Bidragsreferens").loc["2018-04510"]
    assert real["Återstår"] == "150\u00a0000 kr"  # nothing paid yet of the 150 000 kr
    assert real["Projekt"] == "project?ref=2018-04510"  # a grant opens its project
    per_funder = _table(app, "Antal bidrag")
    assert per_funder["Återstår"].tolist() == [format_sek(vinnova["remaining"], "sv")]

    everyone = _funder_facts(None)
    app = open_page(demo_engine, page="grants")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Återstår att betala"] == format_msek(everyone["remaining"], "sv")
    assert metrics["Försenade rapporter/milstolpar"] == str(everyone["late"])
    assert metrics["Rapporter och milstolpar inom 30 dagar"] == str(everyone["soon"])
    reports = _table(app, "Läge")
    assert reports["Läge"].value_counts().to_dict() == {
        "Försenad": everyone["late"],
        "Förfaller snart": everyone["soon"],
    }
    # Each report opens its project's page.
    assert reports["Projekt"].str.fullmatch(r"project\?ref=DEMO-\d{4}-\d{3}").all()


def test_the_funder_view_in_english(demo_engine, open_page, demo_today):
    vinnova = _funder_facts("Vinnova")
    app = open_page(demo_engine, page="grants", funder="Vinnova", lang="en")
    assert [title.value for title in app.title] == ["Grants"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Reports and milestones due within 30 days"] == str(vinnova["soon"])
    assert metrics["Remaining to pay"] == format_msek(vinnova["remaining"], "en")
    assert "All funders" in app.selectbox[0].options


def test_an_empty_store_says_so(engine, open_page):
    app = open_page(engine, page="grants")
    # No command to run (a web page's reader has none); the local user may upload.
    assert [info.value for info in app.info] == [
        "Det finns inga bidrag i databasen ännu. Ladda upp data på sidan Data."
    ]


# --- filter counts (GrantNav's facets), in the shared sidebar --------------------------------


def _projects(**match: str) -> int:
    # The projects file's number prefix is the import order, which may change: find it by name.
    projects = next(config.DEMO_DIR.glob("*_projekt.csv")).name
    return demo_count(projects, **match)


def _sidebar(app, label: str):
    # AppTest shows the shared sidebar in the app's first run only (after a rerun or
    # switch_page its tree has none): each case opens the app with its filters in the URL.
    return next(widget for widget in app.sidebar.multiselect if widget.label == label)


def test_each_filter_option_shows_its_count(demo_engine, open_page):
    app = open_page(demo_engine)
    assert f"Pågående ({_projects(Status='ongoing')})" in _sidebar(app, "Status").options
    assert f"Transport ({_projects(Sektor='Transport')})" in _sidebar(app, "Sektor").options


def test_counts_follow_the_other_filters_and_the_url_keeps_codes(demo_engine, open_page):
    app = open_page(demo_engine, f_status="ongoing")
    status = _sidebar(app, "Status")
    assert status.value == ["ongoing"]
    assert app.query_params["f_status"] == "ongoing"
    # The other filters count under the status chosen; the status keeps its own counts.
    both = _projects(Status="ongoing", Sektor="Transport")
    assert f"Transport ({both})" in _sidebar(app, "Sektor").options
    assert f"Avslutad ({_projects(Status='completed')})" in status.options


def test_filter_counts_in_english_from_a_link_with_an_older_label(demo_engine, open_page):
    # Links written before the counts name the option by its label: they still work.
    app = open_page(demo_engine, lang="en", f_status="Ongoing")
    assert _sidebar(app, "Status").value == ["ongoing"]
    assert app.query_params["f_status"] == "ongoing"  # written back as its code
    assert f"Ongoing ({_projects(Status='ongoing')})" in _sidebar(app, "Status").options
    sector = _sidebar(app, "Sector")
    assert f"Transport ({_projects(Status='ongoing', Sektor='Transport')})" in sector.options


def test_the_360giving_export_holds_exactly_the_grants_listed(demo_engine, open_page, handed):
    """The file is built on click (a callable), which AppTest cannot do: the test keeps the
    callable the page hands to the button (`handed`) and calls it."""
    app = open_page(demo_engine, page="grants", funder="Vinnova", f_status="ongoing")
    listed = _table(app, "Bidragsreferens")["Bidragsreferens"].tolist()
    assert 0 < len(listed) < demo_count("09_bidrag.csv", Finansiär="Vinnova")  # both filters
    exported = list(csv.DictReader(io.StringIO(handed["grants_360giving"]().decode("utf-8"))))
    assert sorted(row["Identifier"] for row in exported) == sorted(
        f"360G-arenamonitor-{reference}" for reference in listed
    )
    assert {row["Funding Org:Name"] for row in exported} == {"Vinnova"}


def test_the_grant_list_pages_and_sorts_and_the_export_follows_the_search(
    demo_engine, open_page, handed
):
    total = demo_count("09_bidrag.csv")
    app = open_page(demo_engine, page="grants")
    app.selectbox(key="grants_size").set_value(25).run()
    assert len(_table(app, "Bidragsreferens")) == min(25, total)
    assert any(caption.value == f"rader 1–{min(25, total)} av {total}" for caption in app.caption)
    app.selectbox(key="grants_sort").set_value("amount_sek").run()
    app.toggle(key="grants_descending").set_value(True).run()
    amounts = [
        int(text.replace("\u00a0", "").removesuffix(" kr"))
        for text in _table(app, "Bidragsreferens")["Belopp"]
    ]
    assert amounts == sorted(amounts, reverse=True) and amounts[0] == max(
        int(row["Belopp"].replace(" ", "")) for row in _rows("09_bidrag.csv")
    )
    app.text_input(key="grants_search").input("2018-04510").run()
    listed = _table(app, "Bidragsreferens")["Bidragsreferens"].tolist()
    assert listed == ["2018-04510"]
    # The table's download holds every row the search matches, read when clicked; the
    # 360Giving file every filtered grant (the search is the table's, not a filter).
    rows = handed["grants_csv"]().decode("utf-8-sig")
    assert "2018-04510" in rows and len(rows.strip().splitlines()) == 2
    exported = list(csv.DictReader(io.StringIO(handed["grants_360giving"]().decode("utf-8"))))
    assert len(exported) == total


def test_a_list_with_a_grant_column_per_funder_shows_each_funders_sum(engine, open_page):
    """A co-funded programme's list, an amount column per funder, was refused whole: each
    funder's grants are its column's, and the page sums them per funder."""
    with_organisations(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Bidrag från Vinnova (kr);Bidrag från Formas (kr)\n"
        "2023-00101;Vätgas;Göteborgs kommun;1 500 000;500 000\n"
        "2023-00102;Belysning;Göteborgs kommun;800 000;\n"
        "2023-00103;Bygg;Göteborgs kommun;;250 000\n"
    )
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    app = open_page(engine, page="grants")
    per_funder = _table(app, "Antal bidrag")
    sums = dict(zip(per_funder["Finansiär"], per_funder["Beviljade bidrag"], strict=True))
    assert sums == {
        tables.organisation_url("Vinnova"): format_sek(2_300_000, "sv"),
        tables.organisation_url("Formas"): format_sek(750_000, "sv"),
    }
    assert per_funder["Antal bidrag"].tolist() == ["2", "2"]
