"""Figures on small and odd stores read true: no share of nothing, what is left to pay never
below zero anywhere, an empty view that says what is missing (and only offers what the reader
may do), millions that neither hide nor double small amounts, a Portfolio card named for what
it counts, and no change against last year made up for a project without dates.

Each store is built as a user builds one: files through the import pipeline.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from arena import config, ui
from arena.auth import Role, add_role, cli_identity
from arena.domain import paid_share
from arena.i18n import t
from tests.fixtures.ingest import load_files
from tests.pages.demo_facts import NBSP, msek
from tests.pages.test_roles import AUTH

ORGANISATIONS = (
    "Namn;Typ;Län\nVinnova;national_authority;Stockholms län\nRegion Skåne;region;Skåne län\n"
)


def _metrics(app) -> dict[str, tuple[str, str]]:
    return {metric.label: (metric.value, metric.proto.delta) for metric in app.metric}


def _table(app, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def _infos(app) -> list[str]:
    """The page's notes (the sidebar says which mode the app runs in)."""
    return [info.value for info in app.main.info]


def _csv(handed: dict[str, object], key: str) -> list[dict[str, str]]:
    """A Swedish page's CSV download as rows by header (`;` between cells, as Swedish Excel
    reads a CSV)."""
    text = handed[key]().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


# --- F2: a share of nothing granted --------------------------------------------------------


def test_paid_on_nothing_granted_shows_no_share(engine, open_page):
    """100 000 kr paid on a grant of 0 kr read "10 000 000 %" on the card (paid divided by
    at least 1 kr) and "–" in the per-funder table: one rule, no share of nothing."""
    load_files(
        engine,
        {
            "organisationer.csv": ORGANISATIONS,
            "projekt.csv": "Diarienummer;Titel;Status;Koordinator;Startdatum;Slutdatum\n"
            "E-1;Nollbidrag;ongoing;Region Skåne;2025-01-01;2027-12-31\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-0;E-1;Vinnova;0;2025-01-01\n",
            "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
            "G-0;2025-02-01;100 000\n",
        },
    )
    app = open_page(engine, page="grants")
    assert _metrics(app)["Utbetalt"] == ("0,1 MSEK", "")  # no "… av beviljat" under it
    assert _table(app, "Antal bidrag")["Utbetalt av beviljat"].tolist() == ["–"]
    app = open_page(engine, page="grants", lang="en")
    assert _metrics(app)["Disbursed"] == ("SEK 0.1m", "")
    assert _table(app, "Grants")["Paid of granted"].tolist() == ["–"]
    assert paid_share(100_000, 0) is None
    assert paid_share(100_000, 250_000) == 0.4


# --- F3: what is left to pay ---------------------------------------------------------------

# A 50 000 kr grant paid 700 000 kr, beside a 1 000 000 kr grant paid 200 000 kr.
OVERPAID = {
    "organisationer.csv": ORGANISATIONS,
    "projekt.csv": "Diarienummer;Titel;Status;Koordinator;Startdatum;Slutdatum\n"
    "O-1;Dyrt projekt;ongoing;Region Skåne;2025-01-01;2027-12-31\n"
    "O-2;Vanligt projekt;ongoing;Region Skåne;2025-01-01;2027-12-31\n",
    "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
    "G-1;O-1;Vinnova;50 000;2025-01-01\nG-2;O-2;Vinnova;1 000 000;2025-01-01\n",
    "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
    "G-1;2025-02-01;400 000\nG-1;2026-02-01;300 000\nG-2;2025-02-01;200 000\n",
}
REMAINING_CAPTION = {
    "grants": "Återstår = beviljat belopp minus allt utbetalt till och med periodens slut, "
    "aldrig under 0: ett bidrag med mer utbetalt än beviljat återstår 0 och visas under "
    "Behöver uppmärksamhet på Översikten. Ett bidrag till ett avbrutet projekt återstår 0.",
    "organisation": "Alla år, oavsett filter i sidopanelen. Återstår = beviljat belopp minus "
    "allt utbetalt hittills, aldrig under 0: ett bidrag med mer utbetalt än beviljat återstår "
    "0 och visas under Behöver uppmärksamhet på Översikten. Ett bidrag till ett avbrutet projekt "
    "återstår 0.",
}


def test_an_overpaid_grant_has_nothing_left_to_pay_in_rows_totals_and_downloads(
    engine, open_page, handed
):
    """The cards and the per-funder table said 0 kr left of the overpaid grant, its row in
    the grant list and on the Organisation page -650 000 kr: rows and totals now follow one
    rule (nothing is left to pay; the overpayment is flagged under Needs attention)."""
    load_files(engine, OVERPAID)
    app = open_page(engine, page="grants")
    assert _metrics(app)["Återstår att betala"][0] == "0,8 MSEK"
    assert _table(app, "Antal bidrag")["Återstår"].tolist() == [f"800{NBSP}000 kr"]
    listed = _table(app, "Bidragsreferens").set_index("Bidragsreferens")["Återstår"]
    assert listed.to_dict() == {"G-1": "0 kr", "G-2": f"800{NBSP}000 kr"}  # adds up to the card
    captions = [caption.value for caption in app.caption]
    assert captions.count(REMAINING_CAPTION["grants"]) == 2  # the funders' table and the list
    downloaded = {
        row["Bidragsreferens"]: row["Återstår (kr)"] for row in _csv(handed, "grants_csv")
    }
    assert downloaded == {"G-1": "0", "G-2": "800000"}

    app = open_page(engine, page="organisation", org="Vinnova")
    given = _metrics(app)["Beviljade bidrag"]
    assert given[1] == f"Återstår att betala: 800{NBSP}000 kr"
    rows = _table(app, "Bidragsreferens").set_index("Bidragsreferens")["Återstår"]
    assert rows.to_dict() == {"G-1": "0 kr", "G-2": f"800{NBSP}000 kr"}
    assert REMAINING_CAPTION["organisation"] in [caption.value for caption in app.caption]
    downloaded = _csv(handed, "organisation_grants_given_csv")
    assert {row["Bidragsreferens"]: row["Återstår (kr)"] for row in downloaded} == {
        "G-1": "0",
        "G-2": "800000",
    }

    # The overpayment is its own fact, where the Overview lists what needs attention.
    app = open_page(engine)
    attention = next(frame.value for frame in app.dataframe if "reason" in frame.value.columns)
    assert "Utbetalt mer än beviljat" in attention["reason"].tolist()


# --- F5: an empty view says what is missing -------------------------------------------------

PROGRAMME_ONLY = {
    "program.csv": "Kod;Namn\nP1;Ett program\n",
    "budget.csv": "Program;År;Belopp\nP1;2025;1 000 000\nP1;2026;2 000 000\n",
}
NO_PROJECTS = "Det finns inga projekt i databasen ännu."
NO_GRANTS = "Det finns inga bidrag i databasen ännu."
UPLOAD = " Ladda upp data på sidan Data."


def test_a_programme_without_projects_keeps_its_budget_on_the_overview(
    engine, open_page, monkeypatch
):
    """A store of one programme and its 3 MSEK of budgets read "Databasen är tom. Kör
    `python -m arena init --demo` …" on the Overview, which hid the budget."""
    monkeypatch.setattr(ui, "today", lambda: date(2026, 6, 1))
    load_files(engine, PROGRAMME_ONLY)
    app = open_page(engine)
    assert _infos(app) == [NO_PROJECTS + UPLOAD]
    metrics = _metrics(app)
    assert metrics["Budget 2026 förbrukad"][1].startswith("0,0 MSEK av 2,0 MSEK;")
    assert metrics["Beviljade bidrag"][0] == "0,0 MSEK"
    assert "Pågående" not in metrics  # no project: no status cards, no brief to build
    assert not [button for button in app.button if button.label == "Ledningsbrief (PDF)"]
    titles = [
        json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in app.get("plotly_chart")
    ]
    assert "Budget och utfall per år" in titles

    assert _infos(open_page(engine, page="portfolio")) == [NO_PROJECTS + UPLOAD]
    assert _infos(open_page(engine, page="grants")) == [NO_GRANTS + UPLOAD]
    app = open_page(engine, page="grants", lang="en")
    assert _infos(app) == ["The store holds no grants yet. Upload data on the Data page."]


def test_a_programme_or_years_without_projects_keep_their_money_on_the_overview(
    engine, open_page, monkeypatch
):
    """Filtered to a programme or years without a project, the Overview said only "no
    projects match the filters": the programme's budget, spend and overspend were hidden."""
    monkeypatch.setattr(ui, "today", lambda: date(2026, 6, 1))
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn\nP1;Ett program\nP2;Två\n",
            "budget.csv": "Program;År;Belopp\nP1;2025;100 000\nP2;2025;100 000\n",
            "utfall.csv": "Program;Datum;Kategori;Belopp\nP1;2025-05-01;Personal;150 000\n",
        },
    )
    for query in ({"f_programme": "P1"}, {"f_years": ["2025", "2025"]}):
        app = open_page(engine, **query)
        titles = [
            json.loads(chart.proto.spec)["layout"]["title"]["text"]
            for chart in app.get("plotly_chart")
        ]
        assert "Budget och utfall per år" in titles, query
        assert (
            "2025: 50\u00a0000 kr (50 %) över budget" in _table(app, "detail")["detail"].tolist()
        ), query
    # A filter of projects alone that leaves none leaves nothing to show.
    app = open_page(engine, f_status="ongoing")
    assert not app.get("plotly_chart")


def test_a_store_of_one_programme_opens_on_it(engine, open_page):
    # The chooser offered the one programme and showed nothing below it until chosen.
    load_files(engine, PROGRAMME_ONLY)
    app = open_page(engine, page="programmes")
    assert app.selectbox[0].value == "P1"
    assert "Ett program" in [header.value for header in app.header]
    assert app.query_params["programme"] == "P1"  # the link to the view names it
    # Its empty tables say they are empty: "No rows match the search" blamed a search nobody
    # made.
    captions = [caption.value for caption in app.caption]
    assert "Inga rader." in captions
    assert t("paging.none", "sv") not in captions
    app.text_input(key="P1_grants_search").input("x").run()
    assert t("paging.none", "sv") in [caption.value for caption in app.caption]


def test_a_store_of_one_project_says_it_has_no_grants_or_organisations(engine, open_page):
    load_files(engine, {"projekt.csv": "Diarienummer;Titel;Status\nX-1;Ensamt projekt;ongoing\n"})
    assert _infos(open_page(engine, page="grants")) == [NO_GRANTS + UPLOAD]
    assert _infos(open_page(engine, page="organisation")) == [
        "Det finns inga organisationer i databasen ännu." + UPLOAD
    ]
    # A filter that leaves nothing says so, and what to do.
    app = open_page(engine, page="grants", f_status="completed")
    assert _infos(app) == ["Inga bidrag matchar filtren. Ta bort något filter i sidopanelen."]


def test_who_may_not_upload_is_not_told_to(engine, open_page):
    """Local mode on a shared address is read-only: no Data page, so no advice to use it."""
    streamlit_config.set_option("server.address", "0.0.0.0")  # put back by the conftest
    assert _infos(open_page(engine, page="overview")) == [NO_PROJECTS]
    assert _infos(open_page(engine, page="programmes")) == [
        "Det finns inga program i databasen ännu."
    ]
    app = open_page(engine, page="project", lang="en")
    assert _infos(app) == ["The store holds no projects yet."]


def _as_funder(engine, monkeypatch, page: str, **query: str) -> AppTest:
    """`page` as nogrants@x.se, a funder bound to an organisation that has given no grant."""
    monkeypatch.setenv("ARENA_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    streamlit_config.set_option("client.showErrorDetails", "full")
    app = AppTest.from_file(str(config.PROJECT_ROOT / "app.py"), default_timeout=60)
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": True, "email": "nogrants@x.se", "name": "nogrants"}
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, app.exception
    return app


def test_a_funder_without_grants_is_told_so_not_to_remove_filters_or_upload(engine, monkeypatch):
    """It read "Inga projekt matchar filtren" with no filter set, "Databasen är tom. Kör
    `python -m arena init --demo`" on Project and "Ladda upp en programfil på sidan Data" on
    Programmes, a page a funder does not have."""
    load_files(
        engine,
        {
            **OVERPAID,
            "organisationer.csv": ORGANISATIONS + "Stiftelsen Pengar;foundation;Stockholms län\n",
            "program.csv": "Kod;Namn;Finansiär\nP1;Vinnovas program;Vinnova\n",
        },
    )
    add_role(
        engine,
        identity=cli_identity(),
        email="nogrants@x.se",
        role=Role.FUNDER,
        funders=["Stiftelsen Pengar"],
    )
    projects = (
        "Inga projekt i databasen har bidrag från Stiftelsen Pengar ännu; det är de projekten "
        "du ser."
    )
    assert _infos(_as_funder(engine, monkeypatch, "overview")) == [projects]
    assert _infos(_as_funder(engine, monkeypatch, "project")) == [projects]
    assert _infos(_as_funder(engine, monkeypatch, "grants")) == [
        "Databasen har inga bidrag från Stiftelsen Pengar ännu; det är de bidragen du ser."
    ]
    assert _infos(_as_funder(engine, monkeypatch, "programmes")) == [
        "Inga program i databasen finansieras av Stiftelsen Pengar eller har projekt med bidrag "
        "därifrån ännu; det är de programmen du ser."
    ]
    app = _as_funder(engine, monkeypatch, "overview", lang="en")
    assert _infos(app) == [
        "No project in the store has a grant from Stiftelsen Pengar yet; those are the "
        "projects you see."
    ]
    # A filter the funder sets that leaves nothing is still a filter to remove.
    app = _as_funder(engine, monkeypatch, "overview", f_status="completed")
    assert _infos(app) == ["Inga projekt matchar filtren. Ta bort något filter i sidopanelen."]
    # Efforts: the activities of Vinnova's programme are not theirs; it read "No activity
    # matches the filters" with none set.
    activities = (
        "Referens;Insats;Titel;Program;Startdatum\nA-1;sectoral_arena;Arena;P1;2021-01-01\n"
    )
    load_files(engine, {"insatser.csv": activities})
    assert _infos(_as_funder(engine, monkeypatch, "efforts", lang="en")) == [
        "No activity belongs to the programmes Stiftelsen Pengar funds or has projects in, and "
        "the arena has none of its own yet; those are the activities you see."
    ]


def test_a_funders_name_in_an_empty_state_shows_as_written(engine, monkeypatch):
    """The name comes from data: a page writes it escaped, never as its own formatting."""
    name = "Stiftelsen **[Pengar](http://x)**"
    load_files(engine, {"organisationer.csv": f"Namn;Typ\n{name};foundation\n"})
    add_role(
        engine, identity=cli_identity(), email="nogrants@x.se", role=Role.FUNDER, funders=[name]
    )
    (said,) = _infos(_as_funder(engine, monkeypatch, "grants"))
    assert ui.plain(name) in said


# --- F8: small amounts on the cards in millions ---------------------------------------------


def test_cards_in_millions_show_small_amounts_in_kronor_and_add_up(engine, open_page):
    """A 50 000 kr grant read "0,0 MSEK"; 250 000 granted, 100 000 paid and 150 000 left read
    0,2 / 0,1 / 0,2 MSEK (half to even): 0,2 − 0,1 is not 0,2."""
    load_files(
        engine,
        {
            "organisationer.csv": ORGANISATIONS + "Stiftelsen Pengar;foundation;Stockholms län\n",
            "projekt.csv": "Diarienummer;Titel;Status;Koordinator;Startdatum;Slutdatum\n"
            "F-1;Finansierat;ongoing;Region Skåne;2025-01-01;2027-12-31\n"
            "F-2;Litet;ongoing;Region Skåne;2025-01-01;2027-12-31\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-1;F-1;Stiftelsen Pengar;250 000;2024-12-01\nG-2;F-2;Vinnova;50 000;2024-12-01\n",
            "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
            "G-1;2025-02-01;100 000\n",
        },
    )
    app = open_page(engine, page="grants", funder="Stiftelsen Pengar")
    metrics = _metrics(app)
    assert [
        metrics[name][0] for name in ("Beviljade bidrag", "Utbetalt", "Återstår att betala")
    ] == [
        "0,3 MSEK",
        "0,1 MSEK",
        "0,2 MSEK",
    ]
    app = open_page(engine, page="grants", funder="Vinnova")
    assert _metrics(app)["Beviljade bidrag"][0] == f"50{NBSP}000 kr"
    app = open_page(engine, page="grants", funder="Vinnova", lang="en")
    assert _metrics(app)["Grants awarded"][0] == "SEK 50,000"
    assert _metrics(open_page(engine))["Beviljade bidrag"][0] == msek(300_000)


def test_cards_that_do_not_add_up_as_rounded_say_so_and_give_the_kronor(engine, open_page):
    """1 807 398 000 kr granted, 1 037 249 000 paid and 770 149 000 left read 1 807,4 /
    1 037,2 / 770,1 MSEK: rounded one by one, millions need not add up. The cards give the
    exact kronor on hover, and a caption says why they do not add up, only when they do not."""
    load_files(
        engine,
        {
            "organisationer.csv": ORGANISATIONS,
            "projekt.csv": "Diarienummer;Titel;Status;Koordinator;Startdatum;Slutdatum\n"
            "R-1;Avrundat;ongoing;Region Skåne;2025-01-01;2027-12-31\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-1;R-1;Vinnova;2 500 000;2025-01-01\n",
            "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
            "G-1;2025-02-01;1 250 000\n",
        },
    )
    app = open_page(engine, page="grants")
    cards = {metric.label: metric for metric in app.metric}
    shown = [cards[name].value for name in ("Beviljade bidrag", "Utbetalt", "Återstår att betala")]
    assert shown == ["2,5 MSEK", "1,3 MSEK", "1,3 MSEK"]
    assert cards["Beviljade bidrag"].help == f"Exakt: 2{NBSP}500{NBSP}000 kr."
    assert cards["Utbetalt"].help.endswith(f" Exakt: 1{NBSP}250{NBSP}000 kr.")
    assert cards["Återstår att betala"].help.endswith(f" Exakt: 1{NBSP}250{NBSP}000 kr.")
    rounded = t("card.rounded", "sv")
    assert rounded in [caption.value for caption in app.caption]
    # 2,5 MSEK granted, 1,0 paid, 1,5 left add up as shown: nothing to say.
    load_files(
        engine,
        {
            "utbetalningar.csv": "Bidragsreferens;Utbetalningsdatum;Belopp\n"
            "G-1;2025-02-01;1 000 000\n"
        },
    )
    app = open_page(engine, page="grants")
    assert rounded not in [caption.value for caption in app.caption]


# --- F9: the Portfolio's card of the listed projects' grants --------------------------------


def test_the_portfolio_card_says_it_counts_the_listed_projects_grants(demo_engine, open_page):
    """With 2021–2023 the Portfolio's card read "Beviljade bidrag 21,6 MSEK" beside the
    Overview's and the Grants page's 28,3 MSEK under the same caption: it counts the grants of
    the projects listed, and now says so."""
    years = ["2021", "2023"]
    app = open_page(demo_engine, page="portfolio", f_years=years)
    metrics = _metrics(app)
    assert "Beviljade bidrag" not in metrics
    listed = _table(app, "granted_sek")
    assert len(listed) < 50  # one page: the card adds up exactly these rows
    assert metrics["Bidrag till projekten i listan"][0] == msek(int(listed["granted_sek"].sum()))
    overview = _metrics(open_page(demo_engine, f_years=years))["Beviljade bidrag"][0]
    assert overview != metrics["Bidrag till projekten i listan"][0]  # not the same figure
    assert (
        "Summor för projekten i listan: deras bidrag beslutade (de utan beslutsdatum efter "
        "startdatum) och utbetalningar gjorda under perioden. Översikten och sidan Bidrag "
        "räknar alla bidrag beslutade under perioden, även till projekt vars löptid ligger "
        "utanför den."
    ) in [caption.value for caption in app.caption]
    app = open_page(demo_engine, page="portfolio", f_years=years, lang="en")
    assert "Grants to listed projects" in _metrics(app)
    assert any(
        caption.value.startswith("Sums for the projects in the list:") for caption in app.caption
    )


# --- F10: the change against last year of a project without dates --------------------------


def test_a_project_without_dates_is_left_out_of_the_change_against_last_year(engine, open_page):
    """An ongoing project without dates read "Pågående 1, +1 mot i fjol" under a caption that
    derives the change from the projects' dates: it has none, so it is left out, and said so."""
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
            "X-1;Ensamt projekt;ongoing;;\n"
            "X-2;Daterat projekt;ongoing;2020-01-01;2030-12-31\n",
        },
    )
    app = open_page(engine)
    assert _metrics(app)["Pågående"] == ("2", "+0")
    captions = [caption.value for caption in app.caption]
    assert any(
        "härledd ur projektens datum; 1 projekt utan startdatum ingår inte i förändringen" in c
        for c in captions
    )
    app = open_page(engine, lang="en")
    assert _metrics(app)["Ongoing"] == ("2", "+0")
    assert any(
        "1 project without a start date is left out of the change" in c
        for c in (caption.value for caption in app.caption)
    )
