"""The leadership brief: the demo's real figures in both languages, data never markup, an empty
store that says so, and a one-page PDF printed by the machine's Chromium."""

from __future__ import annotations

import csv
import dataclasses
import html
import re
import zlib
from datetime import UTC, date, datetime

import pytest

from arena import brief, charts, clock, config, tables
from arena.auth import cli_identity
from arena.filters import NO_FILTERS, Filters
from arena.i18n import format_msek, format_number, format_sek, t
from arena.ingest import Upload, import_files
from arena.queries import attention, funding, results
from tests.fixtures.ingest import load_files

TODAY = date(2026, 12, 2)


def _demo_rows(name: str) -> list[dict[str, str]]:
    """The demo CSV `NN_<name>.csv` read directly, independently of the import pipeline."""
    (path,) = config.DEMO_DIR.glob(f"[0-9][0-9]_{name}.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _demo_granted() -> int:
    return sum(int(row["Belopp"].replace(" ", "")) for row in _demo_rows("bidrag"))


def _demo_late_reports(engine) -> int:
    """The demo's late reports as the attention list counts them: of projects and programmes."""
    items = attention.attention(engine, today=TODAY, limit=1)
    return tables.attention.reason_counts(items).get("report_late", 0)


def _brief(engine, language: str, filters: Filters = NO_FILTERS) -> str:
    data = brief.collect(lambda query, **kw: query(engine, **kw), filters=filters, today=TODAY)
    return brief.brief_html(data, language=language, filters=filters, today=TODAY)


def _key_figure(document: str, title: str) -> str:
    """The value shown on the key-figure card called `title`."""
    found = re.search(
        rf'<div class="label">{re.escape(html.escape(title))}</div>'
        r'<div class="value">([^<]*)</div>',
        document,
    )
    assert found, title
    return found.group(1)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_brief_shows_the_demo_figures_in_the_language(demo_engine, language):
    document = _brief(demo_engine, language)
    granted = _demo_granted()
    assert _key_figure(document, t("kpi.granted", language)) == format_msek(granted, language)
    assert format_sek(granted, language) in document
    late = _demo_late_reports(demo_engine)
    assert late > 0  # the demo has late reports, so the figure is a real count
    assert _key_figure(document, t("brief.reports_late", language)) == format_number(late, language)
    for key in ("brief.title", "chart.chain.title", "attention.title", "brief.programmes"):
        assert t(key, language) in document
    # The 2017 buyer-group assignment: 2 MSEK in 2017 and 2 MSEK in 2018 (seed 003).
    budget = re.escape(format_msek(4_000_000, language))
    assert re.search(rf'<td>BG-2017 – [^<]*</td><td class="number">{budget}<', document)
    assert t("brief.subtitle", language, filters=t("filters.none", language), day=TODAY) in document
    other = "en" if language == "sv" else "sv"
    assert t("brief.title", other) not in document


def test_the_swedish_brief_uses_swedish_number_formats(demo_engine):
    document = _brief(demo_engine, "sv")
    granted = _demo_granted()
    # `12,3 MSEK` and `12 345 678 kr` with Babel's non-breaking space.
    assert f"{granted / 1e6:.1f}".replace(".", ",") + " MSEK" in document
    assert f"{granted:,}".replace(",", "\u00a0") + " kr" in document


def test_a_national_programmes_counts_have_their_thousands_grouped(demo_engine):
    """At 100 000 projects the counts run to thousands: `21 251`, `+7 877`, never `21251`."""
    data = brief.collect(
        lambda query, **kw: query(demo_engine, **kw), filters=NO_FILTERS, today=TODAY
    )
    status = data.status.assign(now=21_251, change=7_877)
    stage = data.chain["step"].str.startswith("stage:")
    chain = data.chain.assign(value=data.chain["value"].where(~stage, 14_822))
    large = dataclasses.replace(data, status=status, chain=chain)
    document = brief.brief_html(large, language="sv", filters=NO_FILTERS, today=TODAY)
    assert "21\u00a0251" in document and "(+7\u00a0877)" in document
    assert "14\u00a0822" in document
    assert not re.search(r"\b(21251|7877|14822)\b", document)


def test_the_brief_follows_the_filters(demo_engine):
    filters = Filters(programmes=("BG-2017",))
    document = _brief(demo_engine, "en", filters)
    assert "Filters: BG-2017" in document
    assert "ARENA-2021 –" not in document  # only the filtered programme is listed


def test_data_is_never_markup(engine):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    projects = f"Diarienummer;Titel;Status;Slutdatum\nH-1;{hostile};ongoing;2020-01-31\n"
    result = import_files(
        engine, [Upload("projekt.csv", projects.encode())], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    document = _brief(engine, "sv", Filters(text=hostile))
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in document  # the title, listed
    assert "<script>alert" not in document and "<img" not in document
    assert "H-1" in document  # the project is in the attention list (ongoing after its end)


def test_the_brief_dates_its_data_by_the_swedish_day_of_the_latest_import(engine, monkeypatch):
    """An import at 00:30 on 15 January in Sweden, 23:30 UTC on the 14th: data as of the 15th."""
    monkeypatch.setattr(clock, "utc_now", lambda: datetime(2025, 1, 14, 23, 30, tzinfo=UTC))
    load_files(engine, {"projekt.csv": "Diarienummer;Titel;Status\nP-1;Projekt;ongoing\n"})
    assert "data per 2025-01-15 · källor: projekt.csv" in _brief(engine, "sv")


def test_an_empty_store_gives_a_brief_that_says_there_is_no_data(engine):
    for language in ("sv", "en"):
        document = _brief(engine, language)
        # What is missing, with no command to run and no upload: a document, not a page.
        assert t("empty.projects", language) in document
        assert "python -m arena" not in document
        assert t("brief.sources.none", language) in document
        assert t("brief.title", language) in document


def _pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _pdf_text(pdf: bytes) -> str:
    """The text of a Chromium PDF: its content streams name glyphs, which each font's ToUnicode
    map turns back into characters (enough for Skia's output; not a general PDF reader)."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    glyphs: dict[bytes, str] = {}
    for stream in streams:
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
            for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                glyphs[code.upper()] = bytes.fromhex(text.decode()).decode("utf-16-be")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
            for low, high, start in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
            ):
                first = int(start, 16)
                for offset in range(int(high, 16) - int(low, 16) + 1):
                    code = f"{int(low, 16) + offset:0{len(low)}X}".encode()
                    glyphs[code] = chr(first + offset)
    shown = []
    for stream in streams:
        for run in re.findall(rb"<([0-9A-Fa-f]+)>\s*Tj", stream):
            shown.append(
                "".join(glyphs.get(run[i : i + 4].upper(), "?") for i in range(0, len(run), 4))
            )
    return " ".join(shown)


@pytest.mark.skipif(
    config.chromium_executable() is None,
    reason="no Chromium on this machine (CI installs Debian's chromium; or set ARENA_CHROMIUM)",
)
def test_the_pdf_is_one_page_with_the_key_figures(demo_engine):
    pdf = brief.html_to_pdf(_brief(demo_engine, "sv"))
    assert pdf is not None and pdf.startswith(b"%PDF")
    assert _pdf_page_count(pdf) == 1
    # Compared without spaces: how Skia splits a line into runs and spaces is its own affair.
    text = re.sub(r"\s", "", _pdf_text(pdf))
    assert "Ledningsbrief" in text
    assert re.sub(r"\s", "", format_msek(_demo_granted(), "sv")) in text


def test_without_chromium_there_is_no_pdf_and_no_error(monkeypatch, caplog):
    monkeypatch.setenv("ARENA_CHROMIUM", "no-such-browser-anywhere")
    assert config.chromium_executable() is None
    assert brief.html_to_pdf("<p>x</p>") is None
    assert "ARENA_CHROMIUM" in caplog.text


def test_a_programme_without_a_budget_row_has_no_budget_in_the_brief(demo_engine):
    # SPETS has no budget row: its row read "Budget 0,0 MSEK", as a budget of 0 kr would.
    row = re.search(
        r"<td>SPETS – [^<]*</td>((?:<td[^>]*>[^<]*</td>){3})", _brief(demo_engine, "sv")
    )
    assert row, "SPETS is among the largest programmes"
    assert re.findall(r">([^<]*)</td>", row[1])[0] == "–"


def test_a_target_year_over_without_any_value_is_overdue_on_the_card_and_in_the_table(engine):
    # IND2's 2025 target had no value: the card read "–" (no indicator with a target and a
    # value) and the brief's table left it out, while its target year was over.
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nP-1;Ett;ongoing\n",
            "indikatorer.csv": "Kod;Namn;Enhet;Målvärde;Målår\nIND2;Andel;%;20;2025\n",
        },
    )
    document = _brief(engine, "sv")
    assert _key_figure(document, t("kpi.indicators", "sv")) == t(
        "kpi.indicators.value", "sv", reached=0, total=1
    )
    overdue = t("results.state.overdue", "sv")
    # No value: its column says so, and its state says why, as on the Results page.
    assert re.search(
        rf"<td>Andel</td><td class='number'>–</td>(?:<td[^>]*>[^<]*</td>){{2}}"
        rf"<td>{re.escape(overdue)}</td></tr>",
        document,
    )


@pytest.mark.parametrize(
    ("language", "sweden", "norway"), [("sv", "Sverige", "Norge"), ("en", "Sweden", "Norway")]
)
def test_a_benchmark_row_names_its_place_and_shows_no_target(engine, language, sweden, norway):
    # Measured in Sweden and Norway: two rows alike, and Norway's beside Sweden's target
    # "20 (2030)", as if measured against it; Results names each row's place and shows the
    # target on Sweden's row only.
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nP-1;Ett;ongoing\n",
            "indikatorer.csv": "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår\n"
            "IB;Jämförelse;antal;10;2020;20;2030\n",
            "indikatorvarden.csv": "Indikator;Land;År;Värde\nIB;SE;2024;12\nIB;NO;2024;30\n",
        },
    )
    rows = re.findall(
        r"<tr><td>(Jämförelse[^<]*)</td>((?:<td[^>]*>[^<]*</td>)+)</tr>", _brief(engine, language)
    )
    cells = {name: re.findall(r">([^<]*)</td>", rest) for name, rest in rows}
    assert set(cells) == {f"Jämförelse ({sweden})", f"Jämförelse ({norway})"}
    assert cells[f"Jämförelse ({sweden})"][:2] == ["12 (2024)", "20 (2030)"]
    assert cells[f"Jämförelse ({norway})"][:2] == ["30 (2024)", "–"]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_target_year_over_with_an_earlier_value_says_so_as_the_results_page(engine, language):
    # 40 % in 2023 against 50 % by 2025 read "40 % (2023) | 50 % (2025) | 67 %" in the brief,
    # as if on its way, while Results and the Overview said the target year had passed.
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nP-1;Ett;ongoing\n",
            "indikatorer.csv": "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår\n"
            "IND2;Andel;%;20;2020;50;2025\n",
            "indikatorvarden.csv": "Indikator;Land;År;Värde\nIND2;SE;2023;40\n",
        },
    )
    data = brief.collect(lambda query, **kw: query(engine, **kw), filters=NO_FILTERS, today=TODAY)
    assert data.indicators["state"].tolist() == ["overdue"]
    document = _brief(engine, language)
    row = re.search(r"<td>Andel</td>((?:<td[^>]*>[^<]*</td>)+)</tr>", document)
    assert row, document
    assert re.findall(r">([^<]*)</td>", row[1])[-1] == t("results.state.overdue", language)


def test_the_attention_list_names_a_programme_in_the_readers_language(engine):
    # The English Overview, its download and the brief named programmes in Swedish in the
    # attention list while the Programmes page and "Largest programmes" use the English name.
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn;Namn (engelska)\nP1;Ett program;A programme\nP2;Två;\n",
            "projekt.csv": "Diarienummer;Titel;Status;Program\nE-1;Ett projekt;ongoing;P1\n",
            "budget.csv": "Program;År;Belopp\nP1;2025;100 000\nP2;2025;100 000\n",
            "utfall.csv": "Program;Datum;Kategori;Belopp\n"
            "P1;2025-05-01;Personal;150 000\nP2;2025-05-01;Personal;150 000\n",
            "milstolpar.csv": "Program;Titel;Förfallodatum\nP1;Rapport;2026-01-31\n",
        },
    )
    items = attention.attention(engine, today=TODAY)
    english = {"P1": "A programme", "P2": "Två"}  # no English name: the Swedish one
    for language, names in (("en", english), ("sv", {"P1": "Ett program", "P2": "Två"})):
        for shown in (
            tables.attention.attention_table(items, language),
            tables.attention.download_rows(items, language),
        ):
            assert set(shown["title"]) == set(names.values()), language
    document = _brief(engine, "en")
    for code, name in english.items():
        assert f"<td class='nowrap'>{code}</td><td>{name}</td>" in document
    # The code column, headed "Reference" though it holds programme codes too, is headed as
    # the Overview and its download head it.
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", document.split(t("attention.title", "en"))[1])
    assert headers[:2] == [t("attention.reason", "en"), "Project or programme"]
    assert "Ett program" not in document.split(t("attention.title", "en"))[1]


@pytest.mark.parametrize("scope", [None, frozenset({"Vinnova"})])
def test_the_late_reports_card_counts_what_the_list_under_it_lists(engine, scope):
    # Counted as the Grants page counts them (reports owed to a project's funder), the card
    # read 1 above a list of 4 late reports: a project's without a grant, a programme's
    # milestone and its final report (`Slutrapport senast`) were listed but not counted.
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn;Slutrapport senast\nP1;Ett program;2026-10-15\n",
            "projekt.csv": "Diarienummer;Titel;Status;Program\n"
            "G-1;Bidrag;ongoing;P1\nU-1;Utan bidrag;ongoing;P1\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
            "G-1;G-1;Vinnova;100 000;2025-01-01\n",
            "milstolpar.csv": "Program;Diarienummer;Titel;Förfallodatum\n"
            ";G-1;Sen;2026-11-01\n;G-1;Snart;2026-12-20\n"
            ";U-1;Sen;2026-11-01\n;U-1;Snart;2026-12-20\n"
            "P1;;Sen;2026-11-01\nP1;;Snart;2026-12-20\n",
        },
    )
    filters = Filters(funders_scope=scope)
    listed = attention.attention(engine, filters=filters, today=TODAY)
    late = int((listed["reason"] == "report_late").sum())
    due = int((listed["reason"] == "report_due").sum())
    # The staff see all four; Vinnova its project's, the programme's two (it funds a project
    # of P1), not the project it has no grant to.
    assert (late, due) == ((4, 3) if scope is None else (3, 2))
    for language in ("sv", "en"):
        document = _brief(engine, language, filters)
        assert _key_figure(document, t("brief.reports_late", language)) == str(late)
        assert t("brief.reports_due", language, count=due) in document
        section = document.split(t("attention.title", language))[1]
        assert section.count(t("attention.report_late", language)) == late
    # The Grants page still counts the reports owed to the project's funder, under its title.
    assert funding.report_counts(engine, filters=filters, today=TODAY) == {"late": 1, "due": 1}
    assert t("grants.reports_late", "sv") != t("brief.reports_late", "sv")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_programmes_spend_is_headed_as_the_programmes_page_heads_the_programmes_own(
    demo_engine, language
):
    # Headed "Utfall", the column held the programme's own spend, 16,7 MSEK for ARENA-2021,
    # where the Programmes page's "Utfall totalt" (its projects' spend too) says 24,8 MSEK.
    document = _brief(demo_engine, language)
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", document.split(t("brief.programmes", language))[1])
    assert heads[3] == t("programmes.column.spent_programme", language)
    own = sum(
        int(row["Belopp"].replace(" ", ""))
        for row in _demo_rows("utfall")
        if row["Program"] == "ARENA-2021" and not row["Diarienummer"]
    )
    row = re.search(r"<td>ARENA-2021 – [^<]*</td>((?:<td[^>]*>[^<]*</td>){3})", document)
    assert re.findall(r">([^<]*)</td>", row[1])[2] == format_msek(own, language)


def test_a_programme_without_a_budget_in_the_years_has_no_budget_in_the_brief(demo_engine):
    # BG-2017's budget is for 2017 and 2018: with 2024 chosen its row read "0,0 MSEK".
    document = _brief(demo_engine, "sv", Filters(years=(2024, 2024)))
    row = re.search(r"<td>BG-2017 – [^<]*</td>((?:<td[^>]*>[^<]*</td>){3})", document)
    assert row, "BG-2017 is among the programmes"
    assert re.findall(r">([^<]*)</td>", row[1])[0] == "–"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_funders_brief_names_no_imported_file(engine, monkeypatch, language):
    # The footer listed every imported file to a funder: another funder's file names too.
    monkeypatch.setattr(clock, "utc_now", lambda: datetime(2025, 3, 3, 9, 0, tzinfo=UTC))
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nV-1;Vinnovas;ongoing\nE-1;Andras;ongoing\n",
            "energimyndigheten_bidrag_2025.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
            "E-1;E-1;Energimyndigheten;200 000\n",
        },
    )
    load_files(
        engine,
        {"vinnova.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp\nV-1;V-1;Vinnova;100 000\n"},
    )
    funder = _brief(engine, language, Filters(funders_scope=frozenset({"Vinnova"})))
    assert ".csv" not in funder
    sources = t("brief.sources.scoped", language)
    footer = t("brief.source", language, updated="2025-03-03", sources=sources)
    assert html.escape(footer) in funder
    staff = _brief(engine, language)
    assert "energimyndigheten_bidrag_2025.csv" in staff and html.escape(sources) not in staff


# A tester's store: one programme, one project with its grant; no budget row, no report due.
UNRECORDED_FILES = {
    "program.csv": "Kod;Namn;Typ;Ägare;Finansiär;Startdatum;Slutdatum;Slutrapport senast\n"
    "KLIMAT-24;Klimatsmart upphandling i Norrbotten;funding_programme;Region Norrbotten;"
    "Region Norrbotten;2024-01-01;2027-12-31;2028-03-31\n",
    "projekt.csv": "Diarienummer;Titel;Koordinator;Län;Program;Finansiär;Beviljat belopp;Period\n"
    "RN-2024-117;Fossilfria arbetsmaskiner i Luleå;Luleå kommun;Norrbottens län;KLIMAT-24;"
    "Region Norrbotten;1 234 567 kr;oktober 2024 - februari 2027\n",
}


def _chain_step(document: str, title: str) -> tuple[str, str]:
    """The value and the line under it of the chain's box called `title`."""
    found = re.search(
        rf'<div class="label">{re.escape(html.escape(title))}</div>'
        r'<div class="value">([^<]*)</div><div class="period">([^<]*)</div>',
        document,
    )
    assert found, title
    return found.group(1), found.group(2)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_chain_step_with_nothing_recorded_is_none_and_a_budget_of_0_is_0(engine, language):
    """No budget row: the chain (the brief's and the Overview's) read "Budget 0,0 MSEK" over "–"
    (SEK 0.0m), while the largest programmes said "–"; no report due: "Leveranser 0". Recorded
    as 0, a budget is 0 and no report delivered of one due is 0."""
    load_files(engine, UNRECORDED_FILES)
    none = t("chain.none", language)
    document = _brief(engine, language)
    assert _chain_step(document, t("chain.budget", language)) == ("–", none)
    assert _chain_step(document, t("chain.outputs", language)) == ("–", none)
    # The Overview's chain, the same boxes drawn by plotly.
    figure = charts.results.money_to_results(results.money_to_results(engine), language)
    boxes = [box.text for box in figure.layout.annotations]
    for step in ("budget", "outputs"):
        title = boxes.index(f"<b>{t(f'chain.{step}', language)}</b>")
        assert boxes[title + 1] == f"–<br><sub>{none}</sub>"
    load_files(
        engine,
        {
            "budget.csv": "Program;År;Belopp\nKLIMAT-24;2026;0 kr\n",
            "rapporter.csv": "Diarienummer;Milstolpe;Förfallodatum\n"
            "RN-2024-117;Delrapport;2025-06-30\n",
        },
    )
    document = _brief(engine, language)
    assert _chain_step(document, t("chain.budget", language)) == (format_msek(0, language), "2026")
    assert _chain_step(document, t("chain.outputs", language)) == ("0", "–")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_budget_and_no_spend_recorded_is_no_spend_not_0_msek(engine, language):
    """The card "Budget 2026 used" (the Overview's and the brief's) read "no budget for 2026;
    spend SEK 0.0m" where no spend line is recorded at all: the spend is unknown, not 0. Spend
    lines that sum to 0 kr stay 0."""
    load_files(engine, UNRECORDED_FILES)
    title = t("kpi.burn", language, year=TODAY.year)
    figure = brief.burn_figure(funding.year_burn(engine, today=TODAY), language)
    unrecorded = t("kpi.burn.none_unrecorded", language, year=TODAY.year)
    assert (figure.value, figure.detail) == ("–", unrecorded)
    assert f"<div>{html.escape(unrecorded)}</div>" in _brief(engine, language)
    assert _key_figure(_brief(engine, language), title) == "–"
    load_files(
        engine,
        {
            "utfall.csv": "Program;Datum;Kategori;Belopp\n"
            "KLIMAT-24;2026-03-31;Personal;100 000\nKLIMAT-24;2026-04-30;Personal;-100 000\n"
        },
    )
    figure = brief.burn_figure(funding.year_burn(engine, today=TODAY), language)
    spent = format_msek(0, language)
    assert figure.detail == t("kpi.burn.none", language, year=TODAY.year, spent=spent)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_programme_without_a_spend_line_has_no_spend_in_the_brief(engine, language):
    # P1 has no spend line: its row read "0,0 MSEK" spent, as P2's recorded 0 kr does.
    load_files(
        engine,
        {
            "program.csv": "Kod;Namn\nP1;Ettan\nP2;Tvåan\n",
            "projekt.csv": "Diarienummer;Titel;Status;Program\nA-1;Ett;ongoing;P1\n",
            "budget.csv": "Program;År;Belopp\nP1;2026;2 000 000\nP2;2026;1 000 000\n",
            "utfall.csv": "Program;Datum;Kategori;Belopp\nP2;2026-03-31;Personal;0\n",
        },
    )
    document = _brief(engine, language)
    spent = {}
    for code in ("P1", "P2"):
        row = re.search(rf"<td>{code} – [^<]*</td>((?:<td[^>]*>[^<]*</td>){{3}})", document)
        assert row, code
        spent[code] = re.findall(r">([^<]*)</td>", row[1])[2]
    assert spent == {"P1": "–", "P2": format_msek(0, language)}
    assert html.escape(t("brief.programmes.unrecorded", language)) in document
