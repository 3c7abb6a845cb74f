"""Översikt: real numbers from the store, filters from the URL, empty states, English."""

from __future__ import annotations

import json
import re

import pytest

from arena import config
from arena.auth import cli_identity
from arena.i18n import label
from arena.ingest import Upload, import_files
from arena.queries._sql import STATUS_ORDER
from tests.fixtures.ingest import load_files
from tests.pages.demo_facts import NBSP, demo_count, demo_sum, msek


def _metrics(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _chart(app, title: str) -> dict:
    specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return next(spec for spec in specs if spec["layout"]["title"]["text"] == title)


def test_overview_shows_the_real_totals(demo_engine, open_page):
    app = open_page(demo_engine)
    assert [title.value for title in app.title] == ["Översikt"]
    metrics = _metrics(app)
    assert metrics["Pågående"] == str(demo_count("07_projekt.csv", Status="ongoing"))
    assert metrics["Avslutad"] == str(demo_count("07_projekt.csv", Status="completed"))
    assert metrics["Beviljade bidrag"] == msek(demo_sum("09_bidrag.csv", "Belopp"))
    # Each card says what it covers.
    assert any("Alla projekt" in caption.value for caption in app.caption)


def test_budget_per_year_shows_the_2_msek_allocations_with_years_as_categories(
    demo_engine, open_page
):
    app = open_page(demo_engine)
    budget = _chart(app, "Budget och utfall per år")
    assert budget["layout"]["xaxis"]["type"] == "category"
    allocated = budget["data"][0]
    by_year = dict(zip(allocated["x"], allocated["text"], strict=True))
    assert by_year["2017"] == f"2{NBSP}000{NBSP}000 kr"
    assert by_year["2018"] == f"2{NBSP}000{NBSP}000 kr"
    assert budget["layout"]["separators"] == ", "


def test_the_attention_list_names_what_needs_attention(demo_engine, open_page):
    app = open_page(demo_engine)
    attention = app.dataframe[0].value
    # The real Vinnova project is still "Pågående" in its source but ended 2019-02-28.
    stale = attention[attention["link"] == "project?ref=2018-04510"]
    assert stale["reason"].tolist() == ["Pågående efter slutdatum"]
    # A programme's items (over its budget, its reports) open the programme's page.
    of_programme = attention[attention["link"] == "programmes?programme=ARENA-2021"]
    assert {"Budget överskriden", "Rapport/milstolpe försenad"} <= set(of_programme["reason"])
    assert "Rapport/milstolpe försenad" in set(attention["reason"])


def test_filters_come_from_the_url(demo_engine, open_page):
    app = open_page(demo_engine, f_status=["Pågående"], f_sector=["Transport"])
    metrics = _metrics(app)
    expected = demo_count("07_projekt.csv", Status="ongoing", Sektor="Transport")
    assert metrics["Pågående"] == str(expected)
    assert "Avslutad" not in metrics  # the status filter lists the statuses it keeps
    assert any("Transport" in caption.value for caption in app.caption)


def _status_deltas(app) -> dict[str, str]:
    """The status cards' changes against last year, by status label."""
    statuses = {label(status, "sv") for status in STATUS_ORDER}
    return {metric.label: metric.proto.delta for metric in app.metric if metric.label in statuses}


def test_a_status_cards_change_does_not_flip_with_the_status_filter(engine, open_page):
    """Two projects ongoing a year ago and completed now are "-2" on the ongoing card and "+2"
    on the completed one, whichever status the filter keeps (it read "+0" and "-2")."""
    projects = (
        "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
        "A-1;Pågår;ongoing;2024-01-01;2027-12-31\n"
        "A-2;Avslutat i år;completed;2023-01-01;2026-06-30\n"
        "A-3;Avslutat i år;completed;2023-01-01;2026-06-30\n"
    )
    load_files(engine, {"projekt.csv": projects})
    every = _status_deltas(open_page(engine))
    assert (every["Pågående"], every["Avslutad"]) == ("-2", "+2")
    assert _status_deltas(open_page(engine, f_status=["ongoing"])) == {"Pågående": "-2"}
    assert _status_deltas(open_page(engine, f_status=["completed"])) == {"Avslutad": "+2"}


def test_filters_that_remove_everything_give_a_friendly_empty_state(demo_engine, open_page):
    app = open_page(demo_engine, f_q="finns-inte-någonstans")
    assert "Inga projekt matchar filtren" in app.info[0].value
    assert not app.get("plotly_chart")


def test_an_empty_store_gets_a_friendly_message(engine, open_page):
    app = open_page(engine)
    # What is missing, and no command to run: a web page's reader has no terminal.
    assert app.main.info[0].value.startswith("Det finns inga projekt i databasen ännu.")


def test_overview_in_english(demo_engine, open_page):
    app = open_page(demo_engine, lang="English")  # the label is what the URL carries
    assert [title.value for title in app.title] == ["Overview"]
    metrics = _metrics(app)
    assert metrics["Ongoing"] == str(demo_count("07_projekt.csv", Status="ongoing"))
    assert metrics["Grants awarded"].startswith("SEK ")
    assert _chart(app, "Budget and spend per year")


def test_the_indicator_card_and_its_caption_count_the_same_indicators(demo_engine, open_page):
    # In 2024 Andel innovationsupphandlingar has a target and no value: the card read "0 av 4
    # nådda" while its caption said "5 indikatorer med mål", counting it.
    app = open_page(demo_engine, f_years="2024")
    assert _metrics(app)["Indikatorer mot mål"] == "0 av 4 nådda"
    captions = [caption.value.replace("\\", "") for caption in app.caption]
    (named,) = [caption for caption in captions if "räknade mot mål" in caption]
    assert named.startswith("4 indikatorer räknade mot mål: Aktiva beställarnätverk")
    counted, left_out = named.split(" · ")
    assert "Andel innovationsupphandlingar" not in counted
    assert left_out == "Inte räknad, har mål men inget värde: Andel innovationsupphandlingar"


def test_links_hold_codes_that_open_in_either_language(demo_engine, open_page):
    ongoing = str(demo_count("07_projekt.csv", Status="ongoing"))
    # A Swedish label link opened in English: the filter holds, and the URL now holds codes.
    app = open_page(demo_engine, lang="English", f_status="Pågående")
    assert _metrics(app)["Ongoing"] == ongoing and "Completed" not in _metrics(app)
    assert (app.query_params["lang"], app.query_params["f_status"]) == ("en", "ongoing")
    # An English label link in Swedish, and the codes themselves with `lang=sv`.
    app = open_page(demo_engine, f_status="Ongoing")
    assert _metrics(app)["Pågående"] == ongoing and "Avslutad" not in _metrics(app)
    assert app.query_params["f_status"] == "ongoing"
    app = open_page(
        demo_engine, lang="sv", f_status=["completed", "ongoing"], f_stage="contract_management"
    )
    metrics = _metrics(app)
    assert metrics["Avslutad"] == str(
        demo_count("07_projekt.csv", Status="completed", Fas="contract_management")
    )
    assert metrics["Pågående"] == str(
        demo_count("07_projekt.csv", Status="ongoing", Fas="contract_management")
    )
    assert "lang" not in app.query_params  # Swedish is the default: the URL stays short
    assert app.query_params["f_status"] == ["completed", "ongoing"]


def test_old_language_values_and_sector_labels_still_open(demo_engine, open_page):
    transport = str(demo_count("07_projekt.csv", Status="ongoing", Sektor="Transport"))
    app = open_page(demo_engine, lang="Svenska", f_status="Ongoing", f_sector="Transport")
    assert [title.value for title in app.title] == ["Översikt"]
    assert _metrics(app)["Pågående"] == transport
    # A sector shown in English ("Health care") is stored, and linked, as its Swedish name.
    care = str(demo_count("07_projekt.csv", Sektor="Hälso- och sjukvård"))
    app = open_page(demo_engine, page="portfolio", lang="en", f_sector="Health care")
    assert app.query_params["f_sector"] == "Hälso- och sjukvård"
    assert _metrics(app)["Projects shown"] == care


def test_an_import_by_another_process_shows_on_the_next_run(engine, open_page):
    """Nothing cleared this process's cache (the CLI imported): the store version read at the
    start of each run is part of every query's cache key, so the next visit counts anew."""

    def load(*references: str) -> None:
        rows = "".join(f"{reference};Projekt {reference};ongoing\n" for reference in references)
        projects = "Diarienummer;Titel;Status\n" + rows
        result = import_files(
            engine, [Upload("projekt.csv", projects.encode())], identity=cli_identity()
        )
        assert result.outcome == "committed", result.problems

    load("A-1")
    app = open_page(engine)
    assert _metrics(app)["Pågående"] == "1"
    load("A-1", "A-2")
    assert _metrics(open_page(engine))["Pågående"] == "2"  # same process, same cache


def _downloads(app) -> list[str]:
    return [button.proto.label for button in app.get("download_button")]


def test_the_leadership_brief_is_built_on_click_and_falls_back_to_html(
    demo_engine, open_page, monkeypatch
):
    """Without a browser to print with, the page says so in one line and offers the HTML."""
    app = open_page(demo_engine)
    prepare = next(button for button in app.button if button.label == "Ledningsbrief (PDF)")
    assert "Ladda ner PDF" not in _downloads(app)  # nothing is built before the click
    monkeypatch.setenv("ARENA_CHROMIUM", "no-such-browser-anywhere")
    prepare.click().run()
    assert not app.exception
    assert (
        "Servern kunde inte skapa en PDF; ladda ner briefen som HTML och skriv ut den från "
        "webbläsaren."
    ) in [warning.value for warning in app.warning]
    assert "Ladda ner som HTML (skriv ut från webbläsaren)" in _downloads(app)


def test_the_briefs_late_reports_card_counts_the_list_under_it(
    engine, open_page, handed, monkeypatch
):
    """The card read "1" (the reports owed to a project's funder) above a list of 4 late
    reports: a project's without a grant, a programme's milestone and its final report."""
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn;Slutrapport senast\nP1;Ett program;2024-10-15\n",
            "projekt.csv": "Diarienummer;Titel;Status;Program\n"
            "G-1;Bidrag;ongoing;P1\nU-1;Utan bidrag;ongoing;P1\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-1;G-1;Vinnova;100 000;2024-01-01\n",
            "milstolpar.csv": "Program;Diarienummer;Titel;Förfallodatum\n"
            ";G-1;Sen;2024-11-01\n;U-1;Sen;2024-11-01\nP1;;Sen;2024-11-01\n",
        },
    )
    monkeypatch.setenv("ARENA_CHROMIUM", "no-such-browser-anywhere")
    app = open_page(engine)
    listed = app.dataframe[0].value
    assert (listed["reason"] == "Rapport/milstolpe försenad").sum() == 4
    next(button for button in app.button if button.label == "Ledningsbrief (PDF)").click().run()
    assert not app.exception
    document = handed[None].decode() if isinstance(handed[None], bytes) else handed[None]
    card = re.search(
        r'<div class="label">Försenade rapporter/milstolpar, projektens och programmens</div>'
        r'<div class="value">([^<]*)</div>',
        document,
    )
    assert card and card.group(1) == "4"
    assert document.count("<td class='nowrap'>Rapport/milstolpe försenad</td>") == 4


@pytest.mark.skipif(config.chromium_executable() is None, reason="no Chromium on this machine")
def test_the_leadership_brief_downloads_as_pdf_in_english(demo_engine, open_page):
    app = open_page(demo_engine, lang="en")
    next(button for button in app.button if button.label == "Leadership brief (PDF)").click().run()
    assert not app.exception
    assert "Download PDF" in _downloads(app)
    assert "Download as HTML (print it from your browser)" not in _downloads(app)


# A new agency's first store: one flat sheet of projects, with coordinators and grants but no
# programme, budget, spend, indicator, sector or stage.
FLAT_SHEET = (
    "Diarienummer;Ärenderubrik;Koordinator;Län;Status;Projektets löptid;Bidrag från Vinnova\n"
    "2025-01001;Fossilfria transporter;Sundsvalls kommun;Västernorrlands län;Pågående;"
    "januari 2024 - december 2027;1 250 000 kr\n"
    "2025-01002;Digitala vårdtjänster;Karolinska Universitetssjukhuset;Stockholms län;"
    "Avslutat;mars 2022 - juni 2024;850 000 kr\n"
    "2025-01003;Cirkulära möbler;Ekobyrån AB;Skåne län;Planerad;"
    "oktober 2027 - december 2029;500 000 kr\n"
)


def test_a_store_of_one_flat_sheet_says_what_it_lacks_instead_of_zeros_or_empty_charts(
    engine, open_page
):
    result = import_files(
        engine, [Upload("lista.csv", FLAT_SHEET.encode())], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    app = open_page(engine)
    assert not app.exception
    metrics = {metric.label: (metric.value, metric.proto.delta) for metric in app.metric}
    # No budget for this year: no share of it used (0 % read as a budget left untouched); no
    # spend line either: spend unknown, not "utfall 0,0 MSEK".
    assert metrics["Budget 2026 förbrukad"] == (
        "–",
        "ingen budget för 2026; inget utfall registrerat",
    )
    assert metrics["Indikatorer mot mål"] == ("–", "inga indikatorer med mål och mätvärde")
    assert "Inga programbudgetar eller programutfall i urvalet." in [i.value for i in app.info]
    assert not any(
        spec["layout"]["title"]["text"] == "Budget och utfall per år"
        for spec in (json.loads(chart.proto.spec) for chart in app.get("plotly_chart"))
    )
    # Every project is in the chain's stage box and in the sector chart, stage or none.
    chain = _chart(app, "Från pengar till resultat")
    assert "Ingen fas: 3" in " ".join(note["text"] for note in chain["layout"]["annotations"])
    sectors = _chart(app, "Projekt per sektor och fas")
    assert [(bar["name"], bar["y"]) for bar in sectors["data"]] == [("Ingen fas", ["Ingen sektor"])]
    assert sectors["layout"]["showlegend"] is True
    # The hospital is guessed a region (it was a university), so it counts on the map.
    places = _chart(app, "Projekt per län och nivå")
    assert "Stockholms län" in places["data"][0]["y"]
    # The company's project is on no county's bar, and the chart says how many are.
    assert (
        "2 av 3 projekt har en offentlig organisation med län: kommun, region eller statlig "
        "myndighet."
    ) in [caption.value for caption in app.caption]
    # No payment yet: the Grants page names the chart and says it has nothing to show, where
    # it drew an empty frame with an axis from -1 to 4.
    grants = open_page(engine, page="grants")
    assert not grants.exception
    assert "**Utbetalt per år**" in [markdown.value for markdown in grants.markdown]
    assert "Inga uppgifter att visa för urvalet." in [info.value for info in grants.info]
    assert not any(
        json.loads(chart.proto.spec)["layout"]["title"]["text"] == "Utbetalt per år"
        for chart in grants.get("plotly_chart")
    )


def test_a_programmes_late_final_report_is_on_the_attention_list(engine, open_page):
    """SHIFT's `Slutrapport senast` 2025-03-31, nothing delivered: "Försenad" on the Program
    page, and missing from "Behöver uppmärksamhet"."""
    from tests.unit.test_programme_queries import PERIODS_FILES

    load_files(engine, PERIODS_FILES)
    app = open_page(engine)
    attention = app.dataframe[0].value
    shift = attention[attention["link"] == "programmes?programme=SHIFT"]
    late = shift[shift["reason"] == "Rapport/milstolpe försenad"]
    assert late[["detail", "date"]].values.tolist() == [
        ["Slutrapport enligt uppdraget", "2025-03-31"]
    ]
