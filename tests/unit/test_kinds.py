"""The kind registry: each column's type is the one fact behind its parsing, its template hint,
how frames hold it and how a page shows it; kinds come after the kinds they refer to; the
layouts speak through the catalogue."""

from __future__ import annotations

from datetime import date

import pytest

from arena import dataops, export, models
from arena.ingest import kinds, validate
from arena.ingest.kinds import KINDS, UNIT, Column, Kind
from arena.ingest.layouts import LAYOUTS, detect_layout, split
from arena.ingest.read import read_file
from arena.ingest.values import ValueProblem
from tests.fixtures.ingest import text


def test_every_reference_points_at_a_kind_registered_before_it():
    order = list(KINDS)
    for position, kind in enumerate(KINDS.values()):
        for column in kind.columns:
            target = column.type.target
            if target is not None:
                assert order.index(target) < position, (kind.name, column.name, target)


def test_a_kind_that_refers_to_an_unregistered_kind_is_refused(monkeypatch):
    # As if milestones came later: a copy without them, so the real registry keeps its order
    # (deleting and restoring the item would move it to the end and reorder every import).
    earlier = {name: kind for name, kind in KINDS.items() if name != "milestones"}
    monkeypatch.setattr(kinds, "KINDS", earlier)
    ahead = Kind(
        name="ahead",
        model=models.Project,
        key=("title",),
        columns=(Column("title", "Titel", kinds.reference("milestones")),),
    )
    with pytest.raises(ValueError, match="milestones"):
        kinds._register(ahead)
    assert "ahead" not in earlier
    assert "ahead" not in KINDS


def test_a_column_parses_with_its_types_parser():
    amount = KINDS["grants"].column("amount_sek")
    assert amount.type is kinds.MONEY
    assert amount.parse("2,5 mnkr") == 2_500_000
    spend = KINDS["expenditures"].column("amount_sek")
    assert spend.parse("-1 000") == -1000  # signed money: a correction
    assert KINDS["projects"].column("end_date").parse("februari 2019") == date(2019, 2, 28)
    assert KINDS["projects"].column("period").fills == ("start_date", "end_date")
    assert KINDS["projects"].column("status").type.codes is not None
    # A Swedish county however it is written is one county, as SCB names it; others as written.
    county = KINDS["organisations"].column("county")
    written = ("Stockholm", "stockholms län", "Region Stockholm", "AB", "01", "Stockholms län")
    assert {county.parse(text) for text in written} == {"Stockholms län"}
    assert county.parse("VGR") == county.parse("Västra Götaland") == "Västra Götalands län"
    assert county.parse("Viken") == "Viken"  # a Norwegian fylke
    # A budget row is one year's: "per year" after its amount says nothing more. After a
    # grant's it would (per year of how many?): refused there.
    budget = KINDS["budgets"].column("amount_sek")
    written = ("2 MSEK/år", "2 MSEK per år", "2,0 MSEK / year", "2 000 000 kr om året")
    written += ("2 mnkr årligen", "2 MSEK")
    assert [budget.parse(text) for text in written] == [2_000_000] * 6
    with pytest.raises(ValueProblem):
        amount.parse("2 MSEK/år")
    # An indicator in per cent holds percent points: "4,6 %" is 4.6, as 4,6 is.
    value = KINDS["indicator_values"].column("value")
    assert [value.parse(text) for text in ("4,6 %", " 4,6% ", "4,6", 4.6)] == [4.6] * 4
    with pytest.raises(ValueProblem):
        value.parse("%")
    coordinator = KINDS["projects"].column("coordinator")
    assert coordinator.ref is not None
    assert (coordinator.ref.kind, coordinator.ref.id_column) == ("organisations", "coordinator_id")


@pytest.mark.parametrize(
    ("kind", "column", "sv", "en"),
    [
        ("grants", "amount_sek", "Belopp i kronor", "Amount in SEK"),
        ("expenditures", "amount_sek", "negativt för en rättelse", "negative for a correction"),
        ("programmes", "owner", "Måste finnas bland organisationer", "Must exist in organisations"),
        ("expenditures", "programme_code", "bland program och uppdrag", "in programmes"),
        ("projects", "sdg_goals", "semikolon", "semicolons"),
        ("indicator_values", "coverage", "Andel", "Share"),
        ("budgets", "amount_sek", "2 MSEK/år", "2 MSEK/year"),
        ("organisations", "country", "Landkod", "country code"),
    ],
)
def test_the_template_hint_comes_from_the_columns_type(kind, column, sv, en):
    hint = KINDS[kind].column(column).type.hint
    assert sv in hint.render("sv")
    assert en in hint.render("en")


def test_headers_and_labels_in_each_language():
    status = KINDS["projects"].column("sdg_goals")
    assert (status.header("sv"), status.header("en")) == ("Agenda 2030-mål", "sdg_goals")
    assert (status.label("sv"), status.label("en")) == ("Agenda 2030-mål", "Agenda 2030 goals")
    assert (
        export.template_bytes("projects", language="en")
        .decode("utf-8-sig")
        .startswith("reference,title,")
    )


def test_kinds_and_layouts_are_named_by_the_catalogue():
    assert dataops.kind_labels("sv")["expenditures"] == "Utfall (kostnader)"
    assert dataops.kind_labels("en")["expenditures"] == "Spend"
    uploads = dataops.kind_labels("en", uploads=True)
    assert uploads["vinnova"] == "Vinnova open project data"
    assert set(uploads) == set(KINDS) | set(LAYOUTS)
    assert dataops.template_name("grants", "sv", "csv") == "mall_bidrag.csv"
    assert dataops.template_name("grants", "en", "xlsx") == "template_grants.xlsx"


def _split_problems(name: str, data: str) -> list:
    raw = read_file(data.encode(), name)
    layout = detect_layout(raw.header)
    assert layout is not None
    parts = split(raw, layout.name)
    return [problem for part in parts for problem in part.raw.problems]


def test_a_layouts_problems_are_written_in_the_readers_language():
    data = text("360giving.csv").replace(",SEK,1200000,", ",GBP,1200000,")
    currency = [p for p in _split_problems("360giving.csv", data) if p.column == "Currency"]
    assert [p.text("sv") for p in currency] == ["Valutan är ”GBP”; bara belopp i SEK godtas."]
    assert [p.text("en") for p in currency] == [
        "The currency is “GBP”; only amounts in SEK are accepted."
    ]
    header, rest = data.split("\n", 1)
    doubled = _split_problems("360giving.csv", f"{header},Title\n{rest}")
    twice = [p for p in doubled if p.error == "duplicate-label"]
    assert [p.text("en") for p in twice] == ["The column “Title” appears twice."]
    assert [p.text("sv") for p in twice] == ["Kolumnen ”Title” finns två gånger."]


@pytest.mark.parametrize(("kind", "column"), [("projects", "sector"), ("buyer_groups", "sector")])
def test_a_sector_in_its_english_label_is_the_swedish_sector(kind, column):
    # The English portfolio's download writes "Energy" for the stored "Energi": imported back,
    # it changed every project's sector to its English label.
    parse = KINDS[kind].column(column).parse
    assert parse("Energy") == "Energi" and parse("health care") == "Hälso- och sjukvård"
    assert parse("Energi") == "Energi" and parse("Rymdfart") == "Rymdfart"


def test_the_pages_words_for_a_payment_day_and_a_due_date_are_read():
    # The Project page's payments download heads its dates "Utbetalningsdag" (refused as a
    # grants file lacking Diarienummer and Finansiär); the period captions call a report's due
    # date its "förfallodag".
    payments = ["Bidragsreferens", "Utbetalningsdag", "Belopp (kr)"]
    assert validate.detect_kind(payments).name == "disbursements"
    reports = ["Diarienummer", "Titel", "Förfallodag"]
    milestones = validate.detect_kind(reports)
    assert milestones.name == "milestones"
    read = [column.name for column in validate.match_headers(milestones, reports).values()]
    assert read == ["project_reference", "title", "due_date"]


def test_the_english_pages_start_and_end_headers_are_the_dates():
    # The English Organisation page's projects download heads its dates "Start" and "End":
    # "End" was a column not read, so an end date changed in it was not imported.
    matched = validate.match_headers(KINDS["projects"], ["Reference", "Start", "End"])
    assert [column.name for column in matched.values()] == ["reference", "start_date", "end_date"]
    programmes = validate.match_headers(KINDS["programmes"], ["Programme code", "Start", "End"])
    assert [column.name for column in programmes.values()] == ["code", "start_date", "end_date"]


def test_the_english_pages_goals_header_is_the_goals():
    # The English Programmes page's list heads the programme's own goals "Agenda 2030 goals":
    # a column not read, so goals edited in the English download were not imported.
    headers = ["Code", "Name", "Name (English)", "Agenda 2030 goals"]
    matched = validate.match_headers(KINDS["programmes"], headers)
    assert [column.name for column in matched.values()] == ["code", "name", "name_en", "sdg_goals"]


@pytest.mark.parametrize(
    "header",
    [
        "Namn (engelska)",
        "Name (English)",
        "Titel (på engelska)",
        # Each wrote an English name over the Swedish one, read as the bare header.
        "Namn (engelskt)",
        "Namn (engl.)",
        "Namn (engelskspråkigt)",
        "Namn (EN)",
        "Namn (eng)",
        "Titel (en)",
        # An English-speaking country's code, as language variants are written: "Namn (UK)"
        # wrote the English names over the Swedish ones.
        "Namn (UK)",
        "Name (US)",
        "Namn (GB)",
        "Titel (en-GB)",
        "Namn (engelsk översättning)",
    ],
)
def test_a_header_noted_english_is_no_kinds_swedish_column(header):
    # "Kod;Namn (engelska)" was read as buyer groups (known by a name alone), their Namn
    # the English names: a column noted English is only a column of its own, the English
    # text of the column its header names where the kind has one.
    for kind in KINDS.values():
        matched = validate.match_headers(kind, ["Kod", header])
        noted = [column.name for column in matched.values() if column.name != "code"]
        assert all(name.endswith("_en") for name in noted), (kind.name, noted)
    # A file of codes and English names is programmes' or indicators' alike: told so.
    assert [kind.name for kind in validate.tied_kinds(["Kod", header])] == (
        ["programmes", "indicators"] if header.startswith("Nam") else []
    )
    with pytest.raises(validate.UnknownKindError):
        validate.detect_kind(["Kod", header])


@pytest.mark.parametrize(
    ("kind", "header", "column"),
    [
        # "en" is also Swedish for "one": such a note is no English (they were dropped).
        ("projects", "Beskrivning (en mening)", "description"),
        ("budgets", "Källa (en rad per beslut)", "source"),
        ("programmes", "Namn (sv)", "name"),
    ],
)
def test_a_note_with_the_swedish_word_en_is_read_as_the_column(kind, header, column):
    headers = ["Namn (en)"] if header == "Namn (sv)" else []
    matched = validate.match_headers(KINDS[kind], ["Kod", header, *headers])
    assert column in {found.name for found in matched.values()}
    if headers:  # "Namn (sv)" beside "Namn (en)": the Swedish and the English name
        assert {found.name for found in matched.values()} == {"code", "name", "name_en"}


def test_a_unit_written_in_another_case_is_the_stored_unit():
    # "Antal" was stored as typed and shown in Swedish on the English pages.
    assert [UNIT.parse(unit) for unit in ("Antal", "ANTAL", "Number", "antal")] == ["antal"] * 4
