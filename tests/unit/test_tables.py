"""Tables as users read them: labels for codes, Swedish money, ISO dates, translated headers."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote

import numpy as np
import pandas as pd
import pytest

from arena import clock, i18n, tables


def test_localise_writes_codes_money_and_dates_for_people():
    frame = pd.DataFrame(
        {
            "status": ["ongoing"],
            "amount_sek": [150_000],
            "start_date": [date(2018, 10, 1)],
            "decision_date": [None],
            "coverage": [0.05],
        }
    )
    shown = tables.localise(frame, "sv")
    assert shown.iloc[0].tolist() == ["Pågående", "150\u00a0000 kr", "2018-10-01", "–", "5 %"]
    assert list(shown.columns) == ["Status", "Belopp", "Start", "Beslutsdatum", "Täckning"]
    english = tables.localise(frame, "en")
    assert english.iloc[0].tolist()[:2] == ["Ongoing", "SEK 150,000"]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_localise_formats_repeated_and_missing_values_as_each_cell_alone(language):
    # Each distinct value is formatted once: the result must be what formatting every cell
    # on its own gives, repeats, mixed missing markers and 1 beside 1.0 included.
    frame = pd.DataFrame(
        {
            "status": ["ongoing", None, "ongoing", "completed", pd.NA],
            "amount_sek": [150_000, 150_000, None, 1_234_567, np.nan],
            "value": [1, 1.0, 40.25, np.nan, 40.25],
            "start_date": [date(2018, 10, 1), None, date(2018, 10, 1), date(2019, 2, 28), None],
            "year": [2018, 2018, 2019, 2020, 2019],
            "coverage": [0.05, 0.05, None, 1.0, 0.125],
        }
    )
    shown = tables.localise(frame, language)
    for position, name in enumerate(frame.columns):
        kind = tables.COLUMNS[name].type
        blank = "" if kind == "code" else "–"
        assert shown.iloc[:, position].tolist() == [
            tables.cell_text(kind, value, language) or blank for value in frame[name]
        ]
    assert shown.iloc[:, 0].tolist()[1::3] == ["", ""]


def test_localise_leaves_a_missing_text_empty_where_the_grid_wrote_none():
    frame = pd.DataFrame({"title": ["Ett projekt", None], "source": [None, np.nan]})
    shown = tables.localise(frame, "sv")
    assert shown.to_dict("list") == {"Titel": ["Ett projekt", ""], "Källa": ["", ""]}


def test_portfolio_keeps_money_numeric_and_computes_progress():
    projects = pd.DataFrame(
        {
            "reference": ["A"],
            "title": ["T"],
            "status": ["ongoing"],
            "stage": [None],
            "coordinator": [None],
            "sector": ["Transport"],
            "county": [None],
            "level": [None],
            "start_date": [date(2026, 1, 1)],
            "end_date": [date(2026, 12, 31)],
            "granted_sek": pd.array([1_000_000], dtype="Int64"),
            "disbursed_sek": pd.array([250_000], dtype="Int64"),
        }
    )
    table = tables.portfolio.project_table(projects, "sv", today=date(2026, 7, 2))
    row = table.iloc[0]
    assert row["granted_sek"] == 1_000_000 and row["paid_share"] == 0.25
    assert 0.49 < row["time_share"] < 0.51
    assert row["status"] == "Pågående" and row["stage"] == ""
    # Within some years the money is theirs alone, often paid on grants decided before: no
    # share (it made 297 % of a year's grants).
    within = tables.portfolio.project_table(
        projects, "sv", today=date(2026, 7, 2), whole_life=False
    )
    assert pd.isna(within.iloc[0]["paid_share"]) and within.iloc[0]["granted_sek"] == 1_000_000


def test_every_ui_key_exists_in_both_languages():
    for key, texts in i18n.TEXTS.items():
        assert set(texts) == {"sv", "en"}, key
        assert texts["sv"].count("{") == texts["en"].count("{"), key


def test_swedish_number_formats():
    assert i18n.format_number(1234.5, "sv", decimals=1) == "1\u00a0234,5"
    assert i18n.format_msek(2_000_000, "sv") == "2,0 MSEK"
    assert i18n.format_sek(2_000_000, "sv") == "2\u00a0000\u00a0000 kr"
    assert i18n.format_percent(0.046, "sv", decimals=1) == "4,6 %"
    assert i18n.format_msek(2_500_000, "en") == "SEK 2.5m"


@pytest.mark.parametrize(
    ("amount", "sv", "en"),
    [
        (0, "0,0 MSEK", "SEK 0.0m"),  # exact in millions too
        # Under 0,1 MSEK a card in millions read "0,0 MSEK" (a 50 000 kr grant as nothing)
        # or, rounded, twice the amount: written in kronor.
        (49_999, "49\u00a0999 kr", "SEK 49,999"),
        (50_000, "50\u00a0000 kr", "SEK 50,000"),
        (99_999, "99\u00a0999 kr", "SEK 99,999"),
        (100_000, "0,1 MSEK", "SEK 0.1m"),
        # Half up, not Babel's half to even (0,2): 250 000 granted less 100 000 paid leaves
        # 150 000, and the cards read 0,3 − 0,1 = 0,2.
        (150_000, "0,2 MSEK", "SEK 0.2m"),
        (250_000, "0,3 MSEK", "SEK 0.3m"),
        (10_250_000, "10,3 MSEK", "SEK 10.3m"),
        # A credit (spend booked back) rounds the same way, away from zero.
        (-50_000, "-50\u00a0000 kr", "SEK -50,000"),
        (-150_000, "-0,2 MSEK", "SEK -0.2m"),
        (None, "–", "–"),
    ],
)
def test_millions_round_half_up_and_small_amounts_show_in_kronor(amount, sv, en):
    assert i18n.format_msek(amount, "sv") == sv
    assert i18n.format_msek(amount, "en") == en


def test_whether_cards_in_millions_add_up_as_shown():
    """Rounded one by one, millions need not add up (1 037,2 + 770,1 beside 1 807,4 MSEK):
    a page says so where they do not, and every card gives its exact kronor."""
    assert not i18n.adds_up_as_shown(1_807_398_000, [1_037_249_000, 770_149_000])
    assert i18n.adds_up_as_shown(250_000, [100_000, 150_000])  # 0,3 = 0,1 + 0,2
    assert not i18n.adds_up_as_shown(150_000, [50_000, 100_000])  # 0,2 ≠ 50 000 kr + 0,1
    assert i18n.adds_up_as_shown(0, [0, 0])
    assert i18n.exact_help(2_500_000, "sv") == "Exakt: 2\u00a0500\u00a0000 kr."
    assert i18n.exact_help(5, "en", "Paid.") == "Paid. Exactly SEK 5."


def test_a_change_has_its_sign_and_its_thousands_grouped():
    """The Overview's "against last year" and the brief: `+7 877`, never `+7877`; a fall
    starts with an ASCII "-", which Streamlit's metric reads as a fall."""
    assert i18n.format_change(7877, "sv") == "+7\u00a0877"
    assert i18n.format_change(-1234, "en") == "-1,234"
    assert i18n.format_change(-21, "sv") == "-21"
    assert i18n.format_change(0, "sv") == "+0"


def test_whole_numbers_read_as_babel_writes_them():
    """Whole numbers take a fast path (tables format thousands of cells a rerun): the same
    text as babel's, for ints, numpy ints and whole floats, in both languages."""
    from babel.numbers import format_decimal

    values = [0, 7, -999, 1000, -1_234_567, 10**15, np.int64(-4321), np.float64(12345.0), -5e6]
    for language, locale in (("sv", "sv_SE"), ("en", "en_GB")):
        for value in values:
            expected = format_decimal(value, format="#,##0", locale=locale)
            assert i18n.format_number(value, language) == expected, (language, value)
    assert i18n.format_number(2.5, "sv") == "3"  # a half rounded up, as money is


@pytest.mark.parametrize(
    ("share", "sv", "en"),
    [
        # Babel rounded a half to even: 12,5 % read "12 %" and 0,5 % "0 %" beside money
        # rounded half up (an overpayment of 100 000 kr on 800 000 said "(12 %)").
        (0.125, "13 %", "13%"),
        (0.145, "15 %", "15%"),  # the float 0.145, not the binary 0.14499… below it
        (0.025, "3 %", "3%"),
        (0.005, "1 %", "1%"),
        (0.0049, "0 %", "0%"),
        (-0.125, "-13 %", "-13%"),
    ],
)
def test_percentages_round_half_up_as_money_does(share, sv, en):
    assert i18n.format_percent(share, "sv") == sv
    assert i18n.format_percent(share, "en") == en


def test_every_shown_number_rounds_a_half_up():
    assert i18n.format_number(0.25, "sv", decimals=1) == "0,3"
    assert i18n.format_number(1234.5, "en") == "1,235"
    assert i18n.format_percent(0.0125, "sv", decimals=1) == "1,3 %"
    assert i18n.format_percent(0.005, "sv", above_zero=True) == "1 %"  # not "<1 %"
    assert i18n.format_percent(0.0049, "sv", above_zero=True) == "<1 %"


def test_a_value_that_rounds_to_nothing_has_no_sign():
    # An indicator value of -0,0001 read "-0,0 (2022)" in the registry.
    assert i18n.format_number(-0.0001, "sv", decimals=1) == "0,0"
    assert i18n.format_number(-0.04, "en", decimals=1) == "0.0"
    assert i18n.format_number(-0.05, "en", decimals=1) == "-0.1"  # a half, away from zero
    assert i18n.format_number(-0.06, "sv", decimals=1) == "-0,1"
    assert i18n.format_number(-0.4, "sv") == "0"
    assert i18n.format_percent(-0.00001, "sv") == "0 %"


def test_counts_in_tables_have_their_thousands_grouped():
    """A funder of 64 178 grants with 13 684 late reports, an import of 100 000 rows: counts
    read `64 178`, never `64178` (issue 11: the screenshots at 100 000 projects)."""
    frame = pd.DataFrame(
        {
            "grants": [64_178],
            "reports_late": [13_684],
            "new": [100_000],
            "updated": [0],
            "deleted": [1_250],
            "id": [1234],  # an import's number is an identifier, written as it is
        }
    )
    shown = tables.localise(frame, "sv").iloc[0].tolist()
    assert shown == ["64\u00a0178", "13\u00a0684", "100\u00a0000", "0", "1\u00a0250", 1234]


def test_localise_formats_by_type_and_a_frame_may_declare_its_own_columns():
    frame = pd.DataFrame(
        {
            "kind": ["report", "projects, grants"],
            "started_at": [pd.Timestamp("2026-11-21 10:02:33"), pd.Timestamp("2026-11-22 08:00")],
            "value": [40.25, 3.0],
        }
    )
    shown = tables.localise(frame, "sv")
    assert shown["Typ"].tolist() == ["Rapport", "projects, grants"]
    assert shown["När"].tolist() == [
        "2026-11-21 11:02",
        "2026-11-22 09:00",
    ]  # stored UTC, shown Swedish
    assert shown["Värde"].tolist() == ["40,25", "3"]
    own = tables.localise(frame, "en", {"kind": tables.Shown("text", "data.kind")})
    assert own["Kind of data"].tolist() == ["report", "projects, grants"]


def test_a_column_header_is_the_views_own_then_the_common_one_then_the_name():
    own = {"kind": tables.Shown("text", "data.kind"), "value": tables.Shown("number", None)}
    assert tables.header("kind", "sv") == "Typ"
    assert tables.header("kind", "en", own) == "Kind of data"
    # A view's column without a header keeps its name, even where a common one has a header.
    assert tables.header("value", "sv") == "Värde"
    assert tables.header("value", "sv", own) == "value"
    assert tables.header("no_such_column", "en") == "no_such_column"
    frame = pd.DataFrame(columns=["kind", "value", "no_such_column"])
    assert list(tables.headers(frame, "en", own).columns) == [
        tables.header(name, "en", own) for name in frame.columns
    ]


def _attention(**values: object) -> pd.DataFrame:
    row = {
        "scope": "programme",
        "reference": "BG-2017",
        "title": "Beställargrupper",
        "title_en": "Buyer groups",
    }
    row.update(values)
    return pd.DataFrame([row])


def test_an_overrun_is_written_in_the_readers_language():
    over = _attention(
        reason="budget_overrun", detail="", date=date(2023, 12, 31), overrun=0.12, over_sek=120_000
    )
    assert tables.attention.written(over, "sv")["detail"].tolist() == [
        "2023: 120\u00a0000 kr (12 %) över budget"
    ]
    assert tables.attention.written(over, "en")["detail"].tolist() == [
        "2023: SEK 120,000 (12%) over budget"
    ]
    no_budget = over.assign(overrun=[None])
    assert tables.attention.written(no_budget, "sv")["detail"].tolist() == [
        "2023: utfall utan budget"
    ]
    report = _attention(reason="report_late", detail="Slutrapport", date=date(2019, 3, 31))
    shown = tables.attention.attention_table(report.assign(overrun=[None]), "en")
    # A programme's item opens the programme's page, a project's the project's.
    assert shown[["reason", "detail", "link"]].values.tolist() == [
        ["Report/milestone late", "Slutrapport", "programmes?programme=BG-2017"]
    ]
    of_project = report.assign(scope="project", reference="2018-04510", overrun=[None])
    shown = tables.attention.attention_table(of_project, "en")
    assert shown["link"].tolist() == ["project?ref=2018-04510"]
    assert "reference" not in shown.columns  # the link reads as the reference


def test_a_programme_names_its_own_goals_or_says_they_are_its_projects():
    listing = pd.DataFrame(
        {
            "code": ["A 1", "B"],
            "name": ["Uppdrag", "Nätverk"],
            "name_en": ["Assignment", None],
            "kind": ["government_assignment", None],
            "owner": ["Upphandlingsmyndigheten", None],
            "funder": ["Regeringskansliet", "Vinnova"],
            "start_date": [date(2017, 1, 1), None],
            "end_date": [date(2018, 12, 31), None],
            "themes": ["Cirkulär ekonomi", None],
            "sdg_goals": ["9; 12", None],
            "goals": ["7", "11; 13"],
            "projects": [2, 1],
            "allocated_sek": [4_000_000, 0],
            **{
                column: [None, None]
                for column in ("final_report_due", "final_report_state", "next_due")
            },
            "reports_delivered": [0, 0],
            "reports_late": [0, 0],
            "description": ["Ett uppdrag", None],
            "source": ["Regleringsbrev", None],
        }
    )
    shown = tables.programmes.programme_list(listing, "en").set_index("name")
    assert shown.loc["Assignment", "goals"] == "9; 12"  # its own, not its projects'
    assert shown.loc["Nätverk", "goals"] == "11; 13 (its projects' goals)"
    assert shown.loc["Assignment", "code"] == "programmes?programme=A%201"
    assert shown.loc["Assignment", "period"] == "2017-01-01 – 2018-12-31"
    words = tables.localise(shown.reset_index(), "sv", tables.programmes.COLUMNS)
    assert words["Typ"].tolist() == ["Regeringsuppdrag", ""]
    # The download, to be imported back: both names in either language, the code as
    # written, the programme's own goals alone where the import reads them and its projects'
    # in a column of their own (an English name under "Name" was imported as the Swedish
    # one; "11; 13 (projektens mål)" was refused as no goals).
    for language in ("sv", "en"):
        rows = tables.programmes.programme_list(listing, language, linked=False)
        assert rows["code"].tolist() == ["A 1", "B"]
        assert rows["name"].tolist() == ["Uppdrag", "Nätverk"]
        assert rows["name_en"].tolist()[0] == "Assignment" and pd.isna(rows["name_en"].iloc[1])
        assert rows["goals"].tolist() == ["9; 12", ""]
        assert rows["project_goals"].tolist() == ["7", "11; 13"]
        # Its dates as the import reads them, not the period in one cell; its description and
        # source, which an edited list without them replaced with the file's name.
        assert rows["start_date"].tolist() == [date(2017, 1, 1), None]
        assert rows["source"].tolist()[0] == "Regleringsbrev" and "period" not in rows.columns
        headers = list(tables.for_download(rows, language, tables.programmes.COLUMNS).columns)
        assert (
            headers[:3]
            == {
                "sv": ["Kod", "Namn", "Namn (engelska)"],
                "en": ["Code", "Name", "Name (English)"],
            }[language]
        )
    assert "name_en" not in shown.columns and "project_goals" not in shown.columns
    assert "source" not in shown.columns and "start_date" not in shown.columns


def test_a_link_reads_as_the_value_it_opens():
    for value in ("2018-04510", "Beställargrupp vård & omsorg", "a=b?c"):
        link = tables.page_url("networks", "group", value)
        assert unquote(re.fullmatch(tables.LINK_TEXT, link).group(1)) == value


@pytest.mark.parametrize("name", ["Vinnova", "Sveriges Kommuner och Landsting (SKL)", "A & B #1"])
def test_an_organisation_link_shows_the_name_it_opens(name):
    link = tables.organisation_url(name)
    assert link.startswith("organisation?org=") and " " not in link and "&" not in link
    # What Streamlit's LinkColumn shows: the regex match, URL-decoded.
    assert unquote(re.fullmatch(tables.LINK_TEXT, link).group(1)) == name


def test_names_and_references_become_links_for_showing_only():
    frame = pd.DataFrame({"reference": ["2018-04510", None], "funder": ["A & B", "Vinnova"]})
    linked = tables.with_project_links(tables.with_organisation_links(frame, "funder"), "reference")
    assert linked["reference"].iloc[0] == "project?ref=2018-04510"
    assert pd.isna(linked["reference"].iloc[1])  # no reference, no link
    assert linked["funder"].tolist() == ["organisation?org=A%20%26%20B", "organisation?org=Vinnova"]
    assert frame["funder"].tolist() == ["A & B", "Vinnova"]  # the download keeps the names


@pytest.mark.parametrize(
    ("language", "words"), [("sv", ["antal", "%", "MSEK"]), ("en", ["number", "%", "MSEK"])]
)
def test_an_indicators_unit_is_shown_and_downloaded_in_the_readers_language(language, words):
    # The Project page showed `antal` on the English page where Results shows `number`.
    frame = pd.DataFrame({"code": ["A", "B", "C"], "unit": ["antal", "%", "MSEK"]})
    assert tables.localise(frame, language).iloc[:, 1].tolist() == words
    assert tables.for_download(frame, language).iloc[:, 1].tolist() == words


def test_a_download_is_the_table_in_the_readers_words_with_typed_values():
    """What `localise` writes as text a download holds typed: the table's headers, codes and
    sectors as labels in the page's language, amounts whole kronor, shares and counts
    numbers, dates dates, only the columns the table shows."""
    frame = pd.DataFrame(
        {
            "id": [7, 8],
            "reference": ["2018-04510", "G-2"],
            "status": ["ongoing", None],
            "stage": ["pre_study", "contract_management"],
            "sector": ["Hälso- och sjukvård", None],
            "granted_sek": [1_800_000.0, None],
            "paid_share": [0.46, None],
            "grants": [4, 1],
            "start_date": ["2018-10-01", None],  # SQLite's dates are text
            "decision_date": [date(2017, 10, 27), None],
            "year": [2016.0, 2017.0],
            "name_sv": ["Antal", "Andel"],
            "name_en": ["Count", "Share"],
            "remaining_sek": [200_000, 0],
        }
    )
    shown = [name for name in frame.columns if name != "id"]
    own = {"remaining_sek": tables.Shown("money", "column.remaining")}
    swedish = tables.for_download(frame, "sv", own, shown=shown)
    assert list(swedish.columns) == [
        "Diarienummer",
        "Status",
        "Fas",
        "Sektor",
        "Beviljade bidrag (kr)",  # the unit each cell on the page writes
        "Utbetalt av beviljat (%)",
        "Antal bidrag",
        "Start",
        "Beslutsdatum",
        "År",
        "Namn",
        "Namn (engelska)",  # both names, as a list of them is imported
        "Återstår (kr)",
    ]
    first = swedish.iloc[0].tolist()
    assert first == [
        "2018-04510",
        "Pågående",
        "Förstudie",
        "Hälso- och sjukvård",
        1_800_000,
        46.0,  # in per cent, as its header says
        4,
        date(2018, 10, 1),
        date(2017, 10, 27),
        2016,
        "Antal",
        "Count",
        200_000,
    ]
    # Numbers, not "1 800 000 kr" nor "46 %".
    columns = [
        "Beviljade bidrag (kr)",
        "Utbetalt av beviljat (%)",
        "Antal bidrag",
        "År",
        "Återstår (kr)",
    ]
    assert [str(swedish[name].dtype) for name in columns] == [
        "Int64",
        "Float64",
        "Int64",
        "Int64",
        "Int64",
    ]
    # A missing value is an empty cell, not "–" nor "None".
    second = swedish.iloc[1]
    assert second["Status"] is None and second["Sektor"] is None and second["Start"] is None
    assert pd.isna(second["Beviljade bidrag (kr)"]) and pd.isna(second["Utbetalt av beviljat (%)"])

    english = tables.for_download(frame, "en", own, shown=shown)
    assert list(english.columns)[:5] == [
        "Reference",
        "Status",
        "Stage",
        "Sector",
        "Grants awarded (SEK)",
    ]
    assert english.iloc[0].tolist()[1:5] == ["Ongoing", "Pre-study", "Health care", 1_800_000]
    # Both names, as in Swedish: the English one under "Name" was imported as the Swedish.
    assert english["Name"].tolist() == ["Antal", "Andel"]
    assert english["Name (English)"].tolist() == ["Count", "Share"]
    assert english.iloc[1]["Stage"] == "Contract management"
    # The text table shows the same headers and labels, its cells the units, and one name,
    # the one in the reader's language.
    text = tables.localise(frame[shown], "en", own)
    assert text["Name"].tolist() == ["Count", "Share"]
    assert list(text.columns) == [
        header.removesuffix(" (SEK)").removesuffix(" (%)")
        for header in english.columns
        if header != "Name (English)"
    ]


def test_a_download_of_a_moment_is_a_date_and_time_in_swedish_time():
    frame = pd.DataFrame(
        {"started_at": [pd.Timestamp("2026-11-21 10:02:33.5", tz="UTC")], "outcome": ["committed"]}
    )
    typed = tables.for_download(frame, "en")
    assert typed.iloc[0].tolist() == [
        pd.Timestamp("2026-11-21 11:02:33").to_pydatetime(),  # as the page shows it
        "Committed",
    ]
    assert list(typed.columns) == ["When", "Outcome"]


def test_a_yes_or_no_reads_as_a_word_in_the_table_and_its_download():
    """A programme's deadline that is its final report said "False", in English, on the page."""
    frame = pd.DataFrame({"title": ["Årsrapport 2021", None], "final": [False, True]})
    columns = tables.programmes.COLUMNS
    assert tables.localise(frame, "sv", columns)["Slutrapport"].tolist() == ["Nej", "Ja"]
    assert tables.for_download(frame, "en", columns)["Final report"].tolist() == ["No", "Yes"]


def test_a_download_keeps_a_figure_a_caller_wrote_as_text():
    # Never an empty cell in place of what the table shows.
    frame = pd.DataFrame({"amount_sek": ["1 800 000 kr", None], "coverage": [0.5, None]})
    typed = tables.for_download(frame, "sv")
    assert typed["Belopp (kr)"].tolist() == ["1 800 000 kr", None]
    assert typed["Täckning (%)"].tolist()[0] == 50.0


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        # As SQLite returns a stored moment: UTC without a zone. Winter: UTC+1.
        (pd.Timestamp("2026-12-06 23:58"), "2026-12-07 00:58"),
        # As PostgreSQL may: with its zone. Summer: UTC+2.
        (pd.Timestamp("2026-07-01 22:30", tz="UTC"), "2026-07-02 00:30"),
    ],
)
def test_an_import_time_is_shown_in_swedish_time(stored, shown):
    """Stored in UTC, read in Sweden: an import at 01:58 Stockholm time read "00:58"."""
    assert clock.format_timestamp(stored) == shown
    frame = pd.DataFrame({"started_at": [stored]})
    assert tables.localise(frame, "sv")["När"].tolist() == [shown]


def test_a_programmes_own_rows_name_it_in_their_download():
    # The budget downloaded from the Program page was refused on import, "Program" missing,
    # and the programme's own spend lines as naming neither the programme nor a project.
    spend = pd.DataFrame(
        {"spent_on": ["2017-03-31", "2017-04-30"], "project_reference": ["", "P-1"]}
    )
    rows = tables.programmes.of_programme("BG 1", "spend")(spend)
    assert rows.values.tolist() == [["BG 1", "2017-03-31", ""], ["", "2017-04-30", "P-1"]]
    budget = pd.DataFrame({"year": [2017, 2018], "amount_sek": [1, 2]})
    rows = tables.programmes.of_programme("BG 1", "budget")(budget)
    assert rows["programme_code"].tolist() == ["BG 1", "BG 1"]
    assert list(rows.columns) == ["programme_code", "year", "amount_sek"]
    grants = pd.DataFrame({"grant_reference": ["G-1"], "project_reference": ["P-1"]})
    assert tables.programmes.of_programme("BG 1", "grants")(grants).equals(grants)
