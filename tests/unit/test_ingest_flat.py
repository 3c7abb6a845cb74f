"""A flat project sheet (one row per project, with its coordinator, county and grant) imports in
one go, and an organisation a file names that the store lacks is a new organisation listed for
the person to check (with the closest existing names), not an error.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from arena import cli, dataops, models
from arena.auth import cli_identity
from arena.ingest import Upload, import_files, undo
from arena.ingest import values as v
from arena.ingest.layouts import detect_layout
from arena.ingest.names import name_key
from arena.ingest.plan import NameIndex
from arena.ingest.read import read_file
from arena.ingest.validate import detect_kind
from tests.fixtures.ingest import (
    FIXTURES,
    dump,
    errors,
    natural,
    rejected,
    saved_workbook,
    text,
    upload,
    warnings,
    with_organisations,
)

SHEET = "flat_projektlista.csv"


def _store(engine) -> None:
    """The three usual organisations, and Region Östergötland with its county."""
    with_organisations(engine)
    result = upload(
        engine,
        "organisationer.csv",
        "Namn;Typ;Län\nRegion Östergötland;region;Östergötlands län\n"
        "Göteborgs kommun;kommun;Västra Götalands län\n",
    )
    assert result.outcome == "committed", result.problems


def _cp1252(name: str) -> bytes:
    """The fixture as Excel saves a CSV: Windows-1252, CRLF."""
    return text(name).replace("\n", "\r\n").encode("cp1252")


def _by(rows: list[dict], key: str) -> dict[object, dict]:
    return {row[key]: row for row in rows}


def _assert_sheet_imported(engine) -> None:
    projects = _by(natural(engine, "projects"), "reference")
    assert list(projects) == ["2018-04510", "2019-01234", "2020-00077", "2020-00099"]
    arena = projects["2018-04510"]
    assert (arena["title"], arena["status"], arena["coordinator"]) == (
        "Nationell arena för innovationsupphandling",
        "ongoing",
        "Teknikföretagens Service i Sverige AB",
    )
    assert (arena["start_date"], arena["end_date"]) == (date(2018, 10, 1), date(2019, 2, 28))
    grants = _by(natural(engine, "grants"), "reference")
    # One grant per project with an amount, from the funder the header names.
    assert {ref: (g["funder"], g["amount_sek"]) for ref, g in grants.items()} == {
        "2018-04510": ("Vinnova", 150_000),
        "2019-01234": ("Vinnova", 1_234_567),
        "2020-00099": ("Vinnova", 2_500_000),
    }
    assert grants["2019-01234"]["project_reference"] == "2019-01234"
    assert grants["2019-01234"]["decision_date"] == date(2019, 2, 1)
    assert grants["2019-01234"]["end_date"] == date(2020, 6, 30)
    organisations = _by(natural(engine, "organisations"), "name")
    # New coordinators get the sheet's county and a kind guessed from the name ...
    assert organisations["Region Ostergotland"]["county"] == "Östergötlands län"
    assert organisations["Region Ostergotland"]["kind"] == "region"
    assert organisations["Nordisk Maskinteknik AB"]["kind"] == "company"
    # ... existing ones keep theirs, and one without is given none: a project list's county
    # may be the project's place.
    assert organisations["Göteborgs kommun"]["county"] == "Västra Götalands län"
    assert organisations["Teknikföretagens Service i Sverige AB"]["county"] is None


def test_a_flat_sheet_in_windows_1252_with_semicolons_imports_in_one_go(engine):
    _store(engine)
    result = upload(engine, SHEET, _cp1252(SHEET))
    assert result.outcome == "committed", result.problems
    assert (warnings(result), errors(result)) == ([], [])
    assert result.kinds == ["organisations", "projects", "grants"]
    _assert_sheet_imported(engine)


def _sheet_xlsx(*, above: list[list] = (), below: list[list] = ()) -> bytes:
    """The flat sheet as an Excel workbook, with rows `above` its header and `below` its list."""
    workbook = Workbook()
    sheet = workbook.active
    for cells in above:
        sheet.append(cells)
    for number, line in enumerate(text(SHEET).splitlines()):
        cells: list[object] = line.split(";")
        if number:  # Excel keeps dates as dates and amounts as numbers
            cells[5], cells[6] = date.fromisoformat(cells[5]), date.fromisoformat(cells[6])
            cells[7] = int(cells[7].replace(" ", "").removesuffix("kr")) if cells[7] else None
            cells[8] = date.fromisoformat(cells[8]) if cells[8] else None
        sheet.append(cells)
    for cells in below:
        sheet.append(cells)
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


def test_a_flat_sheet_as_xlsx_imports_the_same(engine):
    _store(engine)
    result = upload(engine, "projektlista.xlsx", _sheet_xlsx())
    assert result.outcome == "committed", result.problems
    _assert_sheet_imported(engine)


def test_a_sheet_kept_by_hand_with_a_title_above_and_sums_below(engine):
    # What a programme officer's list looks like: a title and a date above the header, and
    # under the list a blank row, the total of the grants and a count.
    _store(engine)
    above = [["Projektlista, arenan för innovationsupphandling"], ["Uttag 2024-11-30"], []]
    below = [[], ["Summa", *[None] * 6, 3_884_567], ["Totalt:", "4 projekt"]]
    result = upload(engine, "projektlista.xlsx", _sheet_xlsx(above=above, below=below))
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [
        (9, None, "blank-row"),
        (10, None, "row-error"),
        (11, None, "row-error"),
    ]
    assert [p.value for p in result.problems if p.error == "row-error"] == ["Summa", "Totalt:"]
    assert "Summa" in result.problems[1].text("sv") and "hoppas över" in result.problems[1].text(
        "sv"
    )
    _assert_sheet_imported(engine)


def test_a_sum_under_the_list_without_a_label_is_skipped_and_named(engine):
    # Excel's sum under the amounts, no word beside it: read as a grant of no project and no
    # funder, it rejected the whole sheet.
    _store(engine)
    below = [[*[None] * 7, 3_884_567]]
    result = upload(engine, "projektlista.xlsx", _sheet_xlsx(below=below))
    assert result.outcome == "committed", result.problems
    assert [(p.error, p.value) for p in result.problems if p.error == "row-error"] == [
        ("row-error", "3884567")
    ]
    _assert_sheet_imported(engine)
    # A row that names a project by a number alone is a record, and its problems are said.
    data = "Diarienummer;Titel;Status\n2024-00001;Ett;Pågående\n12345;;\n"
    assert "Titel" in {column for _row, column, _error in errors(upload(engine, "p.csv", data))}


def test_a_county_without_a_coordinator_is_said_not_dropped_silently(engine):
    data = (
        "Diarienummer;Titel;Koordinator;Län;Status\n"
        "2024-00001;Ett;Region Skåne;Skåne län;Pågående\n"
        "2024-00002;Två;;Skåne län;Pågående\n"
        "2024-00003;Tre;;Kalmar län;Pågående\n"
    )
    result = upload(engine, "lista.csv", data)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(3, "Län", "constraint-error")]
    assert result.problems[0].text("sv").startswith("2 rader anger län men ingen koordinator")


def test_notes_under_the_list_are_skipped_and_named(engine):
    # Under the sums, where a list says where it comes from: one cell, or a word and a cell.
    _store(engine)
    note = "* Uppgifterna är preliminära och kan ändras när slutrapporterna har granskats."
    below = [[], ["Summa", *[None] * 6, 3_884_567], ["Källa:", "Vinnova"], [note]]
    result = upload(engine, "projektlista.xlsx", _sheet_xlsx(below=below))
    assert result.outcome == "committed", result.problems
    skipped = [(p.row, p.value) for p in result.problems if p.error == "row-error"]
    assert skipped == [(7, "Summa"), (8, "Källa:"), (9, note)]
    assert result.problems[-1].text("en") == (
        "The row is a note under the list (“* Uppgifterna är preliminära och kan ändras när "
        "slutrapport…”) and is no record; it is skipped."
    )
    _assert_sheet_imported(engine)
    # A CSV row of one cell under the same list: no "missing cell" error either, and nothing
    # new to store.
    sheet = text(SHEET).rstrip("\n") + "\n\nKälla: Vinnova, uttag 2024-11-30\n"
    again = upload(engine, "projektlista.csv", sheet)
    assert (again.outcome, errors(again)) == ("unchanged", [])


def test_a_note_word_in_a_record_is_data(engine):
    # "Not" as a reference of a last record with more cells than a note: checked as a record.
    _store(engine)
    sheet = text(SHEET).rstrip("\n") + "\nNot;Ett projekt som heter så;;;Kanske;;;;\n"
    assert [error for _row, _column, error in errors(upload(engine, "p.csv", sheet))] == [
        "constraint-error"
    ]


def test_a_sheet_in_another_funders_words(engine):
    # Energimyndigheten and Formas name the coordinator for who applied or receives, and the
    # grant "stöd".
    _store(engine)
    sheet = (
        "Dnr;Projekttitel;Huvudsökande;Status;Projektperiod;Beviljat stöd;Finansiär\n"
        "2025-00101;Vätgas i tung trafik;Göteborgs kommun;Pågående;2025-01 – 2026-12;"
        "2 500 000 kr;Vinnova\n"
    )
    result = upload(engine, "stod.csv", sheet)
    assert result.outcome == "committed", result.problems
    (project,) = [p for p in natural(engine, "projects") if p["reference"] == "2025-00101"]
    assert (project["coordinator"], project["start_date"], project["end_date"]) == (
        "Göteborgs kommun",
        date(2025, 1, 1),
        date(2026, 12, 31),
    )
    (grant,) = [g for g in natural(engine, "grants") if g["project_reference"] == "2025-00101"]
    assert (grant["funder"], grant["amount_sek"]) == ("Vinnova", 2_500_000)


@pytest.mark.parametrize(
    ("column", "header"),
    [
        ("Län", "Län/region"),
        ("Län", "Region/län"),
        ("Län", "Koordinatorns län"),
        # A procurement project is often kept under its owner, the organisation that leads it.
        ("Koordinator", "Projektägare"),
        ("Koordinator", "Projektägande organisation"),
        ("Koordinator", "Project owner"),
        # Vinnova's grant in other words: the funder is Vinnova all the same.
        ("Bidrag från Vinnova", "Vinnovas bidrag"),
        ("Bidrag från Vinnova", "Stöd från Vinnova"),
    ],
)
def test_a_column_by_its_other_names(engine, column, header):
    _store(engine)
    sheet = text(SHEET).replace(f"{column};", f"{header};", 1)
    assert header in sheet
    result = upload(engine, "projektlista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == []
    # the coordinators and their counties, new ones included, as the sheet has them
    _assert_sheet_imported(engine)


@pytest.mark.parametrize("with_grant", [False, True])
def test_agenda_2030_under_the_name_officers_give_it(engine, with_grant):
    # "Agenda 2030" was an unknown column, not read; a list without an amount is a projects
    # list, one with it the flat project list. A summary beside the description and an
    # applicant beside the coordinator are columns of their own, not read: as the same
    # column, they refused the whole file ("Sammanfattning" means the same as "Beskrivning").
    _store(engine)
    header = "Diarienummer;Titel;Status;Koordinator;Beskrivning;Agenda 2030;Sammanfattning;Sökande"
    row = (
        "2025-00101;Vätgas;Pågående;Göteborgs kommun;Tunga fordon på vätgas;7, 11;Kort;Lunds kommun"
    )
    if with_grant:
        header, row = f"{header};Finansiär;Beviljat belopp", f"{row};Vinnova;100 000"
    result = upload(engine, "lista.csv", f"{header}\n{row}\n")
    assert result.outcome == "committed", result.problems
    assert [column for _row, column, _code in warnings(result)] == ["Sammanfattning", "Sökande"]
    (project,) = [p for p in natural(engine, "projects") if p["reference"] == "2025-00101"]
    assert (project["coordinator"], project["description"], project["sdg_goals"]) == (
        "Göteborgs kommun",
        "Tunga fordon på vätgas",
        "7; 11",
    )


@pytest.mark.parametrize(
    ("header", "amount"), [("Beviljat (tkr)", 150_000), ("Beviljat, MSEK", 150_000_000)]
)
def test_granted_with_a_unit_is_the_amount_in_it(engine, header, amount):
    # "Beviljat (tkr)" was an unknown column; "Beviljat" alone may say whether an
    # application was granted, so only with its unit is it the amount.
    _store(engine)
    sheet = f"Diarienummer;Titel;Finansiär;{header}\n2025-00101;Vätgas;Vinnova;150\n"
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert [(g["funder"], g["amount_sek"]) for g in natural(engine, "grants")] == [
        ("Vinnova", amount)
    ]
    alone = upload(engine, "lista.csv", sheet.replace(header, "Beviljat"))
    assert warnings(alone) == [(1, "Beviljat", "extra-label")]  # not read, and said so


def test_a_sum_word_above_a_record_is_data(engine):
    # Only rows that end the list are sums: one a record follows is a record (here a project
    # whose reference reads "Totalt"), checked and stored as any other.
    _store(engine)
    sheet = text(SHEET).splitlines()
    sheet.insert(2, "Totalt;Ett projekt som heter så;Göteborgs kommun;;Pågående;;;;")
    result = upload(engine, "projektlista.csv", "\n".join(sheet) + "\n")
    assert result.outcome == "committed", result.problems
    assert warnings(result) == []
    assert "Totalt" in {p["reference"] for p in natural(engine, "projects")}


def test_a_period_column_and_a_funder_column(engine):
    _store(engine)
    result = upload(engine, "flat_period.csv", _cp1252("flat_period.csv"))
    assert result.outcome == "committed", result.problems
    projects = _by(natural(engine, "projects"), "reference")
    assert (projects["2021-00555"]["start_date"], projects["2021-00555"]["end_date"]) == (
        date(2021, 9, 1),
        date(2022, 8, 31),
    )
    grants = _by(natural(engine, "grants"), "reference")
    assert (grants["2018-04510"]["funder"], grants["2018-04510"]["end_date"]) == (
        "Vinnova",
        date(2019, 2, 28),
    )
    # Formas is named only as a funder: a new organisation, a national authority by its name.
    assert (grants["2021-00555"]["funder"], grants["2021-00555"]["amount_sek"]) == (
        "Formas",
        80_000,
    )
    assert _by(natural(engine, "organisations"), "name")["Formas"]["kind"] == "national_authority"


def test_english_headers(engine):
    _store(engine)
    result = upload(engine, "flat_english.csv")
    assert result.outcome == "committed", result.problems
    assert warnings(result) == []
    grants = _by(natural(engine, "grants"), "reference")
    assert (grants["2022-00010"]["funder"], grants["2022-00010"]["amount_sek"]) == (
        "Vinnova",
        3_200_000,
    )
    organisation = _by(natural(engine, "organisations"), "name")["Nordic Ferry Technology Ltd"]
    assert organisation["county"] == "Västra Götalands län"  # written "Västra Götaland County"


def test_the_same_sheet_again_changes_nothing(engine):
    _store(engine)
    assert upload(engine, SHEET, _cp1252(SHEET)).outcome == "committed"
    before = dump(engine)
    again = upload(engine, SHEET, _cp1252(SHEET))
    assert again.outcome == "unchanged", again.problems
    assert again.plan.new_organisations == []
    assert dump(engine) == before


def test_an_updated_amount_is_an_update_of_that_grant_only(engine):
    _store(engine)
    assert upload(engine, SHEET, _cp1252(SHEET)).outcome == "committed"
    data = text(SHEET).replace("1 234 567 kr", "1 300 000 kr")
    preview = upload(engine, SHEET, data, dry_run=True)
    assert preview.outcome == "dry-run", preview.problems
    changed = {p.kind.name: p.counts()["updated"] for p in preview.plan.kinds}
    assert changed == {"organisations": 0, "projects": 0, "grants": 1}
    (change,) = next(p for p in preview.plan.kinds if p.kind.name == "grants").changes
    assert (change.line, change.key, change.column, change.before, change.after) == (
        3,
        "2019-01234",
        "amount_sek",
        1_234_567,
        1_300_000,
    )
    assert upload(engine, SHEET, data).outcome == "committed"
    assert _by(natural(engine, "grants"), "reference")["2019-01234"]["amount_sek"] == 1_300_000


def test_new_coordinators_are_listed_with_the_existing_names_they_are_close_to(engine):
    _store(engine)
    before = dump(engine)
    result = upload(engine, SHEET, _cp1252(SHEET), dry_run=True)
    assert result.outcome == "dry-run", result.problems
    listed = [
        (o.name, o.kind, o.lines, o.columns, o.similar) for o in result.plan.new_organisations
    ]
    assert listed == [
        ("Nordisk Maskinteknik AB", "company", (5,), ("Koordinator",), ()),
        ("Region Ostergotland", "region", (3,), ("Koordinator",), ("Region Östergötland",)),
    ]
    assert dump(engine) == before


def test_a_new_organisation_named_by_many_rows_says_how_many_beside_its_first_lines(engine):
    # 30 rows name "Nya Innovationsfonden": as the coordinator on rows 2-11 and 22-31, as the
    # funder on every row. A row naming it twice is one row; the preview lists the first 20.
    with_organisations(engine)
    rows = [
        f"2020-{n:05d};Projekt {n};planerad;"
        f"{'Nya Innovationsfonden' if n < 10 or n >= 20 else 'Göteborgs kommun'};"
        "Nya Innovationsfonden;1000 kr"
        for n in range(30)
    ]
    data = "Diarienummer;Titel;Status;Koordinator;Finansiär;Bidrag\n" + "\n".join(rows) + "\n"
    result = upload(engine, "projekt.csv", data, dry_run=True)
    ((new,),) = [result.plan.new_organisations]
    assert (new.name, new.rows, new.lines) == ("Nya Innovationsfonden", 30, tuple(range(2, 22)))
    assert new.columns == ("Koordinator", "Finansiär")
    assert dataops.named_on(new, "sv", shown=5) == "2, 3, 4, 5, 6 … (30 rader i allt)"
    assert dataops.named_on(new, "en") == ", ".join(map(str, range(2, 22))) + (
        " … (30 rows in all)"
    )


def test_new_names_of_one_file_close_to_each_other_are_listed_with_each_other_not_merged(
    engine, monkeypatch, capsys
):
    # Neither Volvo nor Region Skåne is stored: each pair is the same but for a legal form's
    # place or an accent, and was two organisations with no hint, as a new name near a
    # stored one is not.
    with_organisations(engine)
    coordinators = ["AB Volvo", "Volvo AB", "Region Skane", "Region Skåne", "Nordisk Maskin AB"]
    rows = [f"2020-{n:05d};Projekt {n};planerad;{name}" for n, name in enumerate(coordinators, 1)]
    data = "Diarienummer;Titel;Status;Koordinator\n" + "\n".join(rows) + "\n"
    result = upload(engine, "projekt.csv", data, dry_run=True)
    listed = {o.name: o.similar_new for o in result.plan.new_organisations}
    assert listed == {
        "AB Volvo": ("Volvo AB",),
        "Volvo AB": ("AB Volvo",),
        "Region Skane": ("Region Skåne",),
        "Region Skåne": ("Region Skane",),
        "Nordisk Maskin AB": (),
    }
    frame = dataops.preview_frames(result, "sv").new_organisations
    shown = dict(zip(frame["Namn"], frame["Liknande nya namn i filen"], strict=True))
    assert shown["AB Volvo"] == "Volvo AB"
    assert shown["Nordisk Maskin AB"] == ""
    monkeypatch.setattr(cli, "LANGUAGE", "sv")
    cli._print_new_organisations(result.plan.new_organisations)
    said = capsys.readouterr().out
    assert "  AB Volvo: rad 2 — liknar Volvo AB (också ny i filen)\n" in said
    assert "  Nordisk Maskin AB: rad 6\n" in said
    # Two organisations may have close names: a person decides, nothing is merged.
    assert upload(engine, "projekt.csv", data).outcome == "committed"
    stored = {row["name"] for row in natural(engine, "organisations")}
    assert {"AB Volvo", "Volvo AB", "Region Skane", "Region Skåne"} <= stored


@pytest.mark.parametrize(
    ("name", "existing"),
    [
        ("Region Ostergotland", "Region Östergötland"),
        ("göteborgs Kommun", "Göteborgs kommun"),
        ("Teknikföretagens Service i Sverige", "Teknikföretagens Service i Sverige AB"),
        ("Aktiebolaget Acme", "Acme AB"),
        ("ACME, A.B.", "Acme AB"),
        ("Lunds Universitet.", "Lunds universitet"),
        ("Regoin Östergötland", "Region Östergötland"),  # a typo
    ],
)
def test_closeness_ignores_accents_case_spacing_punctuation_and_legal_form(name, existing):
    names = [existing, "Region Stockholm", "Stockholms stad", "Vinnova", "Acme Holding AB"]
    assert NameIndex(names).similar(name)[0] == existing


def test_closeness_lists_nothing_when_no_name_is_near():
    names = ["Region Östergötland", "Region Stockholm", "Vinnova"]
    assert NameIndex(names).similar("Nordisk Maskinteknik AB") == ()
    assert name_key(" Region  Östergötland (publ) ") == "region ostergotland"


def test_closeness_among_many_names_looks_only_at_likely_ones():
    names = [f"Företag {number} AB" for number in range(30_000)] + ["Region Östergötland"]
    index = NameIndex(names)
    assert index.similar("Region Ostergotland") == ("Region Östergötland",)
    assert index.similar("Företag 12345 Aktiebolag")[0] == "Företag 12345 AB"


def test_a_bad_row_rejects_the_whole_sheet_and_changes_nothing(engine):
    _store(engine)
    data = (
        text(SHEET).replace("1 234 567 kr", "1 234 567 äpplen").replace("2020-05-01", "nästa vecka")
    )
    assert sorted(rejected(engine, SHEET, data.encode("cp1252"))) == [
        (3, "Bidrag från Vinnova", "type-error"),
        (5, "Startdatum", "type-error"),
    ]


def test_abbreviated_headers_and_a_kronor_unit_are_read(engine):
    # "Diarienr", "Projektnamn", "Koordinerande organisation" and an amount "(kr)" as officers
    # write them; the unit in kronor does not change the column's meaning.
    data = (
        "Diarienr;Projektnamn;Koordinerande organisation;Län;Status;Projektstart;Projektslut;"
        "Beviljat bidrag (kr);Finansiär\n"
        "2021-00001;Test A;Nytt Bolag AB;Skåne län;Avslutat;2020-01-01;2021-12-31;1 000 000;"
        "Vinnova\n"
    )
    result = upload(engine, "lista.csv", data.encode("cp1252"))
    assert result.outcome == "committed", result.problems
    assert errors(result) == []
    grant = natural(engine, "grants")[0]
    assert (grant["reference"], grant["funder"], grant["amount_sek"]) == (
        "2021-00001",
        "Vinnova",
        1_000_000,
    )


@pytest.mark.parametrize(
    "header",
    [
        "Bidrag från Vinnova, tkr",
        "Bidrag från Vinnova i tkr",
        "Bidrag från Vinnova tkr",
        "Bidrag från Vinnova [tkr]",
        "Beviljat bidrag från Vinnova, tkr",
    ],
)
def test_the_funder_the_amounts_header_names_is_without_its_unit(engine, header):
    # "Bidrag från Vinnova, tkr" made "Vinnova, tkr" a new funder, and the grants its.
    _store(engine)
    data = text(SHEET).replace("Bidrag från Vinnova", header).replace("150 000 kr", "150")
    result = upload(engine, "lista.csv", data.encode("cp1252"))
    assert result.outcome == "committed", result.problems
    assert {row["funder"] for row in natural(engine, "grants")} == {"Vinnova"}
    assert "Vinnova, tkr" not in {row["name"] for row in natural(engine, "organisations")}
    grants = {row["reference"]: row["amount_sek"] for row in natural(engine, "grants")}
    assert grants["2018-04510"] == 150_000


def test_a_unit_in_the_amounts_header_is_the_unit_of_its_numbers(engine):
    # Lists keep amounts in thousands and say so once, in the header: read as kronor, 150
    # under "Bidrag från Vinnova (tkr)" was stored as 150 kr, and the stored 150 000 of a
    # grant the sheet updated became 150, silently.
    _store(engine)
    data = text(SHEET).replace("Bidrag från Vinnova", "Bidrag från Vinnova (tkr)")
    data = data.replace("150 000 kr", "150").replace("1 234 567 kr", "1 234,567")
    result = upload(engine, "lista.csv", data.encode("cp1252"))
    assert result.outcome == "committed", result.problems
    assert (1, "Bidrag från Vinnova (tkr)", "format-error") in warnings(result)
    note = next(p for p in result.problems if p.column == "Bidrag från Vinnova (tkr)")
    assert note.text("sv") == (
        "Kolumnen ”Bidrag från Vinnova (tkr)” anger sin enhet: tal utan enhet läses i tkr "
        "(1 tkr = 1\xa0000 kronor)."
    )
    amounts = {row["reference"]: row["amount_sek"] for row in natural(engine, "grants")}
    # A cell that writes its own unit is read as it says.
    assert amounts == {"2018-04510": 150_000, "2019-01234": 1_234_567, "2020-00099": 2_500_000}
    # The sheet in kronor says the same.
    assert upload(engine, SHEET, _cp1252(SHEET)).counts.get("updated", 0) == 0


def test_a_sheet_without_a_column_leaves_what_the_store_holds(engine):
    # A sheet's grant part wrote every column it could have: a sheet without "Källa" or
    # "Beslutsdatum" emptied the stored grants' source and decision date, and a sheet
    # without "Status" replaced each stored project's status by a guess from its dates.
    _store(engine)
    data = text(SHEET).replace("Diarienummer;", "Diarienummer;Källa;", 1)
    data = "\n".join(
        line.replace(";", ";Projektsidan;", 1) if number else line
        for number, line in enumerate(data.splitlines())
    )
    assert upload(engine, SHEET, data.encode("cp1252")).outcome == "committed"
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE project SET status = 'cancelled'")
    before = {kind: natural(engine, kind) for kind in ("projects", "grants")}
    # The number, title, coordinator and amount of each project.
    lean = "\n".join(
        ";".join(cells[:3] + cells[7:8])
        for cells in (line.split(";") for line in text(SHEET).splitlines())
    )
    assert lean.splitlines()[0] == "Diarienummer;Ärenderubrik;Koordinator;Bidrag från Vinnova"
    result = upload(engine, "lista.csv", lean.encode("cp1252"))
    assert result.outcome in ("committed", "unchanged"), result.problems
    assert {kind: natural(engine, kind) for kind in ("projects", "grants")} == before


def test_a_cell_both_kinds_read_is_reported_once(engine):
    # The sheet's dates are the project's and its grant's: an end before the start is one
    # problem of one cell for the person, not one per kind.
    _store(engine)
    data = text(SHEET).replace("2020-06-30", "2018-01-01")
    result = upload(engine, SHEET, data.encode("cp1252"))
    assert errors(result) == [(3, "Slutdatum", "constraint-error")]


def test_amounts_without_a_funder_import_the_projects_and_say_so(engine):
    _store(engine)
    data = text("flat_period.csv").replace(";Finansiär", "").replace(";Vinnova", "")
    data = data.replace(";Formas", "")
    result = upload(engine, "lista.csv", data)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(1, "Beviljat belopp", "extra-label")]
    assert "ingen finansiär" in result.problems[0].text("sv")
    assert [p["reference"] for p in natural(engine, "projects")] == ["2018-04510", "2021-00555"]
    assert natural(engine, "grants") == []


@pytest.mark.parametrize(
    ("headers", "said"),
    [
        (
            ("Beviljat belopp", "Bidrag"),
            "The column “Bidrag” means the same as “Beviljat belopp”: keep one of them and "
            "remove the other from the file.",
        ),
        (
            ("Bidrag från Vinnova (kr)", "Bidrag från Vinnova (tkr)"),
            "The column “Bidrag från Vinnova (tkr)” means the same as “Bidrag från Vinnova (kr)”: "
            "keep one of them and remove the other from the file.",
        ),
        (("Bidrag", "Bidrag"), "The column “Bidrag” appears twice."),
        (
            ("Bidrag från Vinnova (kr)", "Bidrag från Energimyndigheten (tkr)"),
            "The columns “Bidrag från Vinnova (kr)” and “Bidrag från Energimyndigheten (tkr)” "
            "are grants from two funders in different units, but a project list reads the "
            "amounts per funder in one and the same unit. Write the columns in the same unit, "
            "both in tkr for instance.",
        ),
    ],
)
def test_two_amount_columns_are_refused_naming_both(engine, headers, said):
    # "Beviljat belopp" beside "Bidrag" was refused as "The column “Bidrag” appears twice",
    # which sent the reader looking for a second "Bidrag"; a co-funded project's list, a
    # column per funder in two units, was told the same and not what to do.
    _store(engine)
    first, second = headers
    data = f"Diarienummer;Titel;Finansiär;{first};{second}\n2023-90;Test;Vinnova;100 000;100 000\n"
    result = upload(engine, "lista.csv", data)
    assert errors(result) == [(1, second, "duplicate-label")]
    assert result.problems[0].text("en") == said


def test_our_projects_template_and_a_grants_file_are_not_taken_for_a_sheet():
    demo = (next((FIXTURES.parent.parent / "data" / "demo").glob("*_projekt.csv"))).read_bytes()
    assert detect_kind(read_file(demo, "07_projekt.csv").header).name == "projects"
    grants = ["Bidragsreferens", "Diarienummer", "Projekttitel", "Finansiär", "Belopp"]
    assert detect_kind(grants).name == "grants"
    assert detect_layout(text(SHEET).splitlines()[0].split(";")).name == "project_sheet"


@pytest.mark.parametrize(
    ("name", "data", "kind", "column"),
    [
        (
            "deltagare.csv",
            "Diarienummer;Organisation;Roll\n2020-00001;Nya Bolaget AB;partner\n",
            "participants",
            "Organisation",
        ),
        (
            "bidrag.csv",
            "Bidragsreferens;Diarienummer;Finansiär;Belopp\nB-1;2020-00001;Ny stiftelse;10 000\n",
            "grants",
            "Finansiär",
        ),
        (
            "medlemmar.csv",
            "Beställargrupp;Organisation\nGrupp A;Ånge kommun\n",
            "buyer_group_members",
            "Organisation",
        ),
    ],
)
def test_a_name_not_in_the_store_is_a_new_organisation_in_every_kind(
    engine, name, data, kind, column
):
    with_organisations(engine)
    setup = (
        "Diarienummer;Titel;Status;Koordinator\n2020-00001;Ett projekt;planerad;Göteborgs kommun\n"
    )
    assert upload(engine, "projekt.csv", setup).outcome == "committed"
    assert upload(engine, "grupper.csv", "Namn\nGrupp A\n", kind="buyer_groups").outcome == (
        "committed"
    )
    result = upload(engine, name, data)
    assert result.outcome == "committed", result.problems
    ((new_name, lines, columns),) = [
        (o.name, o.lines, o.columns) for o in result.plan.new_organisations
    ]
    assert (lines, columns) == ((2,), (column,))
    assert new_name in {o["name"] for o in natural(engine, "organisations")}
    assert len(natural(engine, kind)) == 1


def test_an_unknown_programme_is_still_a_foreign_key_error(engine):
    with_organisations(engine)
    data = "Diarienummer;Titel;Status;Koordinator;Program\n2020-00001;Ett;planerad;Ny AB;BG-9\n"
    assert rejected(engine, "projekt.csv", data) == [(2, "Program", "foreign-key")]


def test_a_sheet_without_status_reads_it_from_the_dates(engine):
    _store(engine)
    data = (
        "Diarienummer;Titel;Koordinator;Län;Startdatum;Slutdatum\n"
        "2018-04510;Avslutat;Göteborgs kommun;Västra Götalands län;2018-10-01;2019-02-28\n"
        "2099-00001;Kommande;Göteborgs kommun;Västra Götalands län;2099-01-01;2099-12-31\n"
    )
    result = upload(engine, "lista.csv", data)
    assert result.outcome == "committed", result.problems
    statuses = {p["reference"]: p["status"] for p in natural(engine, "projects")}
    assert statuses == {"2018-04510": "completed", "2099-00001": "planned"}


def test_a_period_that_runs_on_has_a_start_and_no_end(engine):
    # Registers write a project that runs on without an end; its status, if not written, is
    # read from the start: begun is ongoing.
    _store(engine)
    data = (
        "Diarienummer;Titel;Koordinator;Län;Projektets löptid\n"
        "2026-90001;Löpande;Göteborgs kommun;Västra Götalands län;2019-01-01 –\n"
        "2026-90002;Tills vidare;Göteborgs kommun;Västra Götalands län;"
        "oktober 2020 - tills vidare\n"
    )
    result = upload(engine, "lista.csv", data)
    assert result.outcome == "committed", result.problems
    found = {
        p["reference"]: (p["start_date"], p["end_date"], p["status"])
        for p in natural(engine, "projects")
        if p["reference"].startswith("2026-")
    }
    assert found == {
        "2026-90001": (date(2019, 1, 1), None, "ongoing"),
        "2026-90002": (date(2020, 10, 1), None, "ongoing"),
    }


def test_a_period_written_as_terms_is_read_and_nonsense_still_refused(engine):
    # "HT 2019 - VT 2020" was refused as no date: VT is 1 January - 30 June, HT 1 August -
    # 31 December, a start term its first day and an end term its last.
    _store(engine)
    header = "Diarienummer;Titel;Koordinator;Län;Projektets löptid\n"
    data = header + (
        "2026-90001;Terminer;Göteborgs kommun;Västra Götalands län;HT 2019 - VT 2020\n"
        "2026-90002;Kort;Göteborgs kommun;Västra Götalands län;HT19–VT20\n"
        "2026-90003;En termin;Göteborgs kommun;Västra Götalands län;VT 2021\n"
        "2026-90004;Utskrivet;Göteborgs kommun;Västra Götalands län;"
        "Hösttermin 2019 – vårtermin 2020\n"
        "2026-90005;Gemener;Göteborgs kommun;Västra Götalands län;ht 2019\n"
    )
    result = upload(engine, "lista.csv", data)
    assert result.outcome == "committed", result.problems
    found = {
        p["reference"]: (p["start_date"], p["end_date"])
        for p in natural(engine, "projects")
        if p["reference"].startswith("2026-")
    }
    year = (date(2019, 8, 1), date(2020, 6, 30))
    assert found == {
        "2026-90001": year,
        "2026-90002": year,
        "2026-90003": (date(2021, 1, 1), date(2021, 6, 30)),
        "2026-90004": year,
        "2026-90005": (date(2019, 8, 1), date(2019, 12, 31)),
    }
    nonsense = header + (
        "2026-90011;Ingen termin;Göteborgs kommun;Västra Götalands län;HT\n"
        "2026-90012;Okänd;Göteborgs kommun;Västra Götalands län;XT 2019\n"
    )
    assert rejected(engine, "fel.csv", nonsense) == [
        (2, "Projektets löptid", "type-error"),
        (3, "Projektets löptid", "type-error"),
    ]


def _new_and_coordinators(engine, name: str, data: str) -> tuple[list, dict[str, str]]:
    """The import's new organisations (name, lines) and then every project's coordinator."""
    result = upload(engine, name, data)
    assert result.outcome == "committed", result.problems
    new = [(o.name, o.lines) for o in result.plan.new_organisations]
    return new, {p["reference"]: p["coordinator"] for p in natural(engine, "projects")}


def test_a_name_written_with_characters_that_show_nothing_is_that_organisation(engine):
    # Each looks like "Göteborgs kommun" or "Vinnova" on screen: "ö" as "o" and a combining
    # diaeresis (a Mac's file names and some exports), a zero-width space and a soft hyphen
    # pasted from a web page, a byte order mark from a file joined to another. As new
    # organisations they would split the city's projects, and no one could see why.
    with_organisations(engine)
    sheet = (
        "Diarienummer;Titel;Status;Koordinator\n"
        "P-1;Ett;Pågående;Go\u0308teborgs kommun\n"
        "P-2;Två;Pågående;Göteborgs\u200b kommun\n"
        "P-3;Tre;Pågående;Göte\u00adborgs kommun\n"
        "P-4;Fyra;Pågående;\ufeffVinnova\n"
    )
    new, coordinators = _new_and_coordinators(engine, "projekt.csv", sheet)
    assert new == []
    assert coordinators == {
        "P-1": "Göteborgs kommun",
        "P-2": "Göteborgs kommun",
        "P-3": "Göteborgs kommun",
        "P-4": "Vinnova",
    }
    # The titles are stored composed and without them too.
    upload(engine, "titlar.csv", "Diarienummer;Titel\nP-1;Sma\u030aland\u200b\n")
    assert natural(engine, "projects")[0]["title"] == "Småland"


def test_a_name_an_older_version_stored_with_an_invisible_character_is_matched(engine):
    # Stored before text cells were cleaned: the same file again made a second organisation
    # that looks the same. Joiners are kept: emoji and Persian are spelled with them.
    organisation = models.Organisation.__table__
    with engine.begin() as conn:
        conn.execute(
            sa.insert(organisation),
            [{"name": "\ufeffFöretaget Zeta AB", "kind": "company", "country": "SE"}],
        )
    sheet = "Diarienummer;Titel;Status;Koordinator\nP-1;Ett;Pågående;Företaget Zeta AB\n"
    new, coordinators = _new_and_coordinators(engine, "projekt.csv", sheet)
    assert new == [] and coordinators == {"P-1": "\ufeffFöretaget Zeta AB"}
    assert (
        v.clean_text("Familj \U0001f468\u200d\U0001f469 AB")
        == "Familj \U0001f468\u200d\U0001f469 AB"
    )


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_an_invisible_character_pasted_into_a_flat_list_reads_as_nothing(engine, invisible):
    # Pasted from the web, Teams or SharePoint: "\u200bNy Org AB" on the second project was
    # refused as "Row 2 already has the same Koordinator / Finansiär (Ny Org AB)", two
    # projects of one new coordinator. In a header, an amount, a date, a status or a key it
    # reads as nothing too.
    sheet = (
        f"Diarienummer;Titel;{invisible}Koordinator;Finansiär;Beviljat bidrag{invisible};"
        "Startdatum;Slutdatum;Status\n"
        "A1-001;Projekt a;Ny Org AB;Vinnova;100 000;2020-01-01;2020-12-31;Pågående\n"
        f"A1-002{invisible};Projekt b;{invisible}Ny Org AB;Vinnova;{invisible}100 000;"
        f"2020-01-01{invisible};2020-12-31;Pågå{invisible}ende\n"
    )
    new, coordinators = _new_and_coordinators(engine, "projekt.csv", sheet)
    assert new == [("Ny Org AB", (2, 3)), ("Vinnova", (2, 3))]
    assert coordinators == {"A1-001": "Ny Org AB", "A1-002": "Ny Org AB"}
    grants = natural(engine, "grants")
    assert {g["reference"]: g["amount_sek"] for g in grants} == {
        "A1-001": 100_000,
        "A1-002": 100_000,
    }
    # The same key with one is the same row: one row each, as without.
    again = upload(
        engine,
        "igen.csv",
        f"Diarienummer;Titel;Status\nA1-001;Ett;Pågående\nA1-001{invisible};Två;Pågående\n",
    )
    assert [(row, error) for row, _column, error in errors(again)] == [(3, "unique-error")]


def test_a_name_that_differs_from_a_known_one_only_in_case_is_that_organisation(engine):
    # "GÖTEBORGS KOMMUN" is the stored "Göteborgs kommun": as a second organisation it would
    # split the city's projects in two. A new name written in two cases is one organisation,
    # spelled as first written; "Goteborgs kommun" (no ö) is another name, only listed as
    # similar.
    with_organisations(engine)
    sheet = (
        "Diarienummer;Titel;Status;Koordinator\n"
        "P-1;Ett;Pågående;GÖTEBORGS KOMMUN\n"
        "P-2;Två;Pågående;Ny Leverantör AB\n"
        "P-3;Tre;Pågående;NY LEVERANTÖR AB\n"
        "P-4;Fyra;Pågående;Goteborgs kommun\n"
    )
    assert _new_and_coordinators(engine, "projekt.csv", sheet) == (
        [("Goteborgs kommun", (5,)), ("Ny Leverantör AB", (3, 4))],
        {
            "P-1": "Göteborgs kommun",
            "P-2": "Ny Leverantör AB",
            "P-3": "Ny Leverantör AB",
            "P-4": "Goteborgs kommun",
        },
    )
    # A flat sheet names its coordinators in passing: one organisation however written.
    flat = (
        "Diarienummer;Ärenderubrik;Koordinator;Län;Status;Bidrag från Vinnova\n"
        "P-5;Fem;Nya Bolaget AB;Skåne län;Pågående;100 000 kr\n"
        "P-6;Sex;NYA BOLAGET AB;Skåne län;Pågående;200 000 kr\n"
        "P-7;Sju;göteborgs kommun;Västra Götalands län;Pågående;300 000 kr\n"
    )
    new, coordinators = _new_and_coordinators(engine, "projektlista.csv", flat)
    assert new == [("Nya Bolaget AB", (2, 3))]
    assert [coordinators[reference] for reference in ("P-5", "P-6", "P-7")] == [
        "Nya Bolaget AB",
        "Nya Bolaget AB",
        "Göteborgs kommun",
    ]
    # Two rows that named one organisation in two cases are one row twice.
    parties = (
        "Diarienummer;Organisation;Roll\nP-1;Göteborgs kommun;buyer\nP-1;göteborgs KOMMUN;buyer\n"
    )
    assert rejected(engine, "deltagare.csv", parties) == [(3, None, "unique-error")]
    # An organisations file updates the stored one, keeping its spelling.
    update = "Namn;Organisationsnummer;Typ\ngöteborgs kommun;212000-1355;region\n"
    assert upload(engine, "organisationer.csv", update).counts["updated"] == 1
    (gothenburg,) = [o for o in natural(engine, "organisations") if o["name"].startswith("Göt")]
    assert (gothenburg["name"], gothenburg["kind"]) == ("Göteborgs kommun", "region")


def test_a_county_the_list_gives_otherwise_than_before_is_said_not_dropped(engine):
    # A coordinator in Skåne län on one row and Hallands län on the next kept the first
    # without a word; Vinnova, stored in Stockholms län, listed in Hallands län, the same. The
    # list changes no organisation: both are warnings, and the store keeps what it holds.
    _store(engine)
    listed = (
        "Diarienummer;Ärenderubrik;Koordinator;Län;Startdatum;Slutdatum\n"
        "2023-00001;P1;Länsbolaget AB;Skåne län;2023-01-01;2023-12-31\n"
        "2023-00002;P2;Länsbolaget AB;Hallands län;2023-01-01;2023-12-31\n"
        "2023-00003;P3;Region Östergötland;Hallands län;2023-01-01;2023-12-31\n"
        "2023-00004;P4;Länsbolaget AB;Skåne;2023-01-01;2023-12-31\n"  # the same county
    )
    result = upload(engine, "lista.csv", listed)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(3, "Län", "format-error"), (4, "Län", "format-error")]
    texts = [p.text("en") for p in result.problems]
    assert "“Länsbolaget AB” has two values in column “Län”: Skåne län (row 2) and " in texts[0]
    assert "“Region Östergötland”: the file says Hallands län, the store holds " in texts[1]
    counties = {o["name"]: o["county"] for o in natural(engine, "organisations")}
    assert counties["Länsbolaget AB"] == "Skåne län"
    assert counties["Region Östergötland"] == "Östergötlands län"


_TWO_PROJECTS = [
    ["Diarienummer", "Titel", "Koordinator", "Bidrag från Vinnova"],
    ["2024-99201", "Totalprojekt ett", "Vinnova", 1_000_000],
    ["2024-99202", "Totalprojekt två", "Vinnova", 2_000_000],
]


@pytest.mark.parametrize(
    ("total", "label"),
    [
        ([2, "Summa", None, 3_000_000], "Summa"),  # the count of projects in the key's column
        ([2, None, None, 3_000_000], "2"),
        (["Antal projekt: 2", None, None, 3_000_000], "Antal projekt: 2"),
        (["Σ", None, None, 3_000_000], "Σ"),
        ([None, "Summa bidrag", None, 3_000_000], "Summa bidrag"),
    ],
)
def test_a_total_under_the_list_with_a_count_or_a_label_beside_it_is_skipped(engine, total, label):
    # [2, "Summa", None, 3 000 000] was stored as a project "2" titled "Summa" with a grant
    # of 3 MSEK; [2, None, None, 3 000 000] and "Antal projekt: 2" were refused as projects
    # without a title.
    _, data = saved_workbook(("Projekt", [*_TWO_PROJECTS, total]))
    result = upload(engine, "projekt.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert sorted(p["reference"] for p in natural(engine, "projects")) == [
        "2024-99201",
        "2024-99202",
    ]
    assert sorted(g["amount_sek"] for g in natural(engine, "grants")) == [1_000_000, 2_000_000]
    (skipped,) = [p for p in result.problems if p.error == "row-error"]
    assert (skipped.row, skipped.severity) == (4, "warning")
    assert skipped.text("en") == (
        f"The row sums up the list (“{label}”) and is no record; it is skipped."
    )


def test_a_last_record_titled_like_a_sum_is_data(engine):
    # A reference that is no count of the rows above names a project, whatever its title.
    _, data = saved_workbook(("Projekt", [*_TWO_PROJECTS, [12345, "Summa av allt", None, 500]]))
    result = upload(engine, "projekt.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert {p["reference"]: p["title"] for p in natural(engine, "projects")}["12345"] == (
        "Summa av allt"
    )
    assert not [p for p in result.problems if p.error == "row-error"]


_SOURCE_NOTE = "Uppgifterna är hämtade ur Upphandlingsmyndighetens register 2024-05-02."


def test_a_note_in_words_of_its_own_under_a_blank_row_is_skipped_and_named(engine):
    # A sentence under a blank row was read as a record: a buyer group named by it, or a
    # project refused for its title.
    groups = [
        ["Beställargrupp", "Sektor", "Beskrivning"],
        ["Beställargrupp Testgrupp", "Transport", "En ny grupp"],
        [],
        [_SOURCE_NOTE],
        ["Sammanställt av arenans kansli"],
    ]
    _, data = saved_workbook(("Grupper", groups))
    result = upload(engine, "grupper.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert [g["name"] for g in natural(engine, "buyer_groups")] == ["Beställargrupp Testgrupp"]
    notes = [p for p in result.problems if p.error == "row-error"]
    assert [(p.row, p.value, p.severity) for p in notes] == [
        (4, _SOURCE_NOTE, "warning"),
        (5, "Sammanställt av arenans kansli", "warning"),
    ]
    assert notes[1].text("sv") == (
        "Raden är en anmärkning under listan (”Sammanställt av arenans kansli”) och är ingen "
        "post; den hoppas över."
    )
    projects = [*_TWO_PROJECTS, [], ["Alla belopp i SEK"]]
    _, data = saved_workbook(("Projekt", projects))
    result = upload(engine, "projekt.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert len(natural(engine, "projects")) == 2
    assert [p.value for p in result.problems if p.error == "row-error"] == ["Alla belopp i SEK"]


def test_a_record_with_its_first_cell_alone_filled_is_a_record_sentence_or_not(engine):
    # Read as notes, such last records were dropped: "Beställargrupp Norrland m.fl." (a
    # sentence), "Source One Nordic" and "Kommentar Media AB" (a note's first word), and
    # after a blank row in the middle of a list, every name under it.
    groups = (
        "Beställargrupp;Sektor\nGrupp ett;Transport\nGrupp två;Energi\n;\n"
        "Beställargrupp Norrland m.fl.;\nSource One Nordic;\nKommentar Media AB;\n"
    )
    result = upload(engine, "grupper.csv", groups)
    assert result.outcome == "committed", result.problems
    assert sorted(g["name"] for g in natural(engine, "buyer_groups")) == [
        "Beställargrupp Norrland m.fl.",
        "Grupp ett",
        "Grupp två",
        "Kommentar Media AB",
        "Source One Nordic",
    ]
    assert not [p for p in result.problems if p.error == "row-error"]
    # A sentence right under the records, no blank row between: a record, refused for its
    # title (named), rather than a record dropped.
    _, data = saved_workbook(("Projekt", [*_TWO_PROJECTS, ["Tabell 1. Projekt med bidrag."]]))
    assert rejected(engine, "projekt.xlsx", data) == [(4, "Titel", "constraint-error")]


def test_a_list_of_names_alone_keeps_its_last_name(engine):
    # Every record is one cell: the last is a record, a sentence or not.
    names = "Beställargrupp\nGrupp för vård\nGrupp för mat och måltider m.m.\n"
    result = upload(engine, "grupper.csv", names)
    assert result.outcome == "committed", result.problems
    assert [g["name"] for g in natural(engine, "buyer_groups")] == [
        "Grupp för vård",
        "Grupp för mat och måltider m.m.",
    ]
    assert not [p for p in result.problems if p.error == "row-error"]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("Fr.o.m.", "T.o.m."),
        ("Från och med", "Till och med"),
        ("Period från", "Period till"),
        ("Från", "Till"),
        ("Period start", "Period slut"),
    ],
)
def test_a_period_headed_from_and_to_is_the_projects_dates(engine, start, end):
    # "Fr.o.m." and "T.o.m." were unknown columns, passed over with a warning: every
    # project of the list was stored without its period, and so as planned.
    with_organisations(engine)
    sheet = (
        f"Diarienummer;Titel;Koordinator;{start};{end}\n2020-1;Ett;Vinnova;2020-01-01;2020-12-31\n"
    )
    result = upload(engine, "projektlista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == []
    stored = natural(engine, "projects")[0]
    assert (stored["start_date"], stored["end_date"]) == (date(2020, 1, 1), date(2020, 12, 31))
    assert stored["status"] == "completed"


def test_a_period_over_from_and_to_on_the_row_under_it_is_the_projects_dates(engine):
    # "Period" over "Från" and "Till": the lower row named no known header and was read as
    # the first record.
    with_organisations(engine)
    rows = [
        ["Diarienummer", "Titel", "Koordinator", "Period", None],
        [None, None, None, "Från", "Till"],
        ["2020-1", "Ett", "Vinnova", date(2020, 1, 1), date(2020, 12, 31)],
    ]
    _workbook, data = saved_workbook(("Projekt", rows))
    result = upload(engine, "projektlista.xlsx", data)
    assert result.outcome == "committed", result.problems
    stored = natural(engine, "projects")
    assert [(p["reference"], p["start_date"], p["end_date"]) for p in stored] == [
        ("2020-1", date(2020, 1, 1), date(2020, 12, 31))
    ]


def test_the_sheets_own_problems_are_the_lists_not_its_coordinators(engine):
    # A blank row, a sum under the list and a header twice were labelled "Organisationer" on
    # the Data page: they rode on the first part of the list, the coordinators it names.
    header = "Diarienummer;Titel;Koordinator;Finansiär;Beviljat belopp"
    summed = f"{header}\n2023-91;Test;Nya Bolaget AB;Vinnova;100 000\n;;;;\nSumma;;;;100 000\n"
    twice = f"{header};Bidrag\n2023-90;Test;Nya Bolaget AB;Vinnova;100 000;100 000\n"
    for data, expected in (
        (summed, ["Tom rad (blank-row)", "Ingen post (row-error)"]),
        (twice, ["Dubblerad rubrik (duplicate-label)"]),
    ):
        result = upload(engine, "lista.csv", data, dry_run=True)
        shown = dataops.problems_table(result.problems, "sv")
        assert list(shown["Feltyp"]) == expected
        assert set(shown["Typ av data"]) == {"Projekt"}


@pytest.mark.parametrize(("start", "end"), [("Fr.o.m.", "T.o.m."), ("Period från", "Period till")])
def test_a_report_list_with_the_period_it_covers_stays_a_report_list(engine, start, end):
    # Counted as a project's period, "Fr.o.m." and "T.o.m." made a list of reports a project
    # list: project 2020-1 took the report's title and dates.
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2020-1;Ett;pågående\n")
    sheet = (
        f"Diarienummer;Titel;Förfallodatum;{start};{end}\n"
        "2020-1;Delrapport 1;2024-06-30;2024-01-01;2024-05-31\n"
    )
    result = upload(engine, "rapporter.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert [(p["title"], p["start_date"]) for p in natural(engine, "projects")] == [("Ett", None)]
    assert [m["due_date"] for m in natural(engine, "milestones")] == [date(2024, 6, 30)]


def test_a_coordinators_number_and_county_on_a_later_row_are_stored(engine):
    # The coordinator's first row left Organisationsnummer and Län blank and a later row gave
    # them: the organisation was stored with neither, without a word. Each is read from the
    # rows that give it; rows that give two values are still warned of.
    listed = (
        "Diarienummer;Projektnamn;Koordinator;Organisationsnummer;Län;Finansiär;Beviljat belopp\n"
        "D-1;Ett;Orgnummerbolaget AB;;;Vinnova;100 tkr\n"
        "D-2;Två;Orgnummerbolaget AB;5569001117;Uppsala län;Vinnova;100 tkr\n"
        "D-3;Tre;Orgnummerbolaget AB;;Skåne län;Vinnova;100 tkr\n"
    )
    result = upload(engine, "lista.csv", listed)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(4, "Län", "format-error")]
    (organisation,) = [o for o in natural(engine, "organisations") if o["name"].startswith("Org")]
    assert (organisation["org_number"], organisation["county"]) == ("556900-1117", "Uppsala län")


def test_a_number_the_store_lacks_is_filled_in_by_a_later_list_and_a_county_is_not(engine):
    # An officer uploaded the list without organisation numbers, added them and uploaded
    # again: "Nothing changed", and the numbers never arrived. A number is filled in, shown as
    # a change to the organisation, and undone with the import; a value the store holds
    # stays (warned of where the list says otherwise). A county is not: a project list's Län
    # may be the project's place (Trafikverket, stored without one, was given its first
    # project's county, and every project of it moved there).
    header = "Diarienummer;Projektnamn;Koordinator;Finansiär;Beviljat belopp"
    first = upload(engine, "lista.csv", f"{header}\nD-1;Ett;Orgbolaget AB;Vinnova;100 tkr\n")
    assert first.outcome == "committed", first.problems
    header = (
        "Diarienummer;Projektnamn;Koordinator;Organisationsnummer;Län;Finansiär;Beviljat belopp"
    )
    again = f"{header}\nD-1;Ett;Orgbolaget AB;5569001117;Uppsala län;Vinnova;100 tkr\n"
    preview = upload(engine, "lista.csv", again, dry_run=True)
    (organisations,) = [k for k in preview.plan.kinds if k.kind.name == "organisations"]
    assert [(c.line, c.key, c.column, c.before, c.after) for c in organisations.changes] == [
        (2, "Orgbolaget AB", "org_number", None, "556900-1117"),
    ]
    assert warnings(preview) == []
    result = upload(engine, "lista.csv", again)
    assert result.outcome == "committed", result.problems
    assert result.counts["updated"] == 1

    def held() -> tuple[object, object]:
        (stored,) = [o for o in natural(engine, "organisations") if o["name"] == "Orgbolaget AB"]
        return stored["org_number"], stored["county"]

    assert held() == ("556900-1117", None)
    undo(engine, result.import_id, identity=cli_identity())
    assert held() == (None, None)


def test_a_number_filled_in_for_one_of_two_stored_organisations_is_undone(engine):
    # One row gave a number, the other none: the blank was recorded as NaN where the store
    # held NULL, and the undo refused, "rows changed outside the imports since".
    stored = "Namn;Typ\nDelta AB;företag\nEpsilon AB;företag\n"
    assert upload(engine, "organisationer.csv", stored).outcome == "committed"
    before = natural(engine, "organisations")
    header = "Diarienummer;Ärenderubrik;Koordinator;Organisationsnummer;Län;Bidrag från Vinnova\n"
    rows = (
        "2021-1;P1;Delta AB;556000-0001;Skåne län;100 000 kr\n"
        "2021-2;P2;Epsilon AB;;Stockholms län;100 000 kr\n"
    )
    result = upload(engine, "lista.csv", header + rows)
    assert result.outcome == "committed", result.problems
    numbers = {o["name"]: o["org_number"] for o in natural(engine, "organisations")}
    assert (numbers["Delta AB"], numbers["Epsilon AB"]) == ("556000-0001", None)
    undo(engine, result.import_id, identity=cli_identity())
    assert natural(engine, "organisations") == before


_NORDVAG = "Diarienummer;Projektnamn;Koordinator;Orgnr;Finansiär;Beviljat belopp\n"


def test_another_name_with_a_stored_number_is_refused_where_the_names_are_unlike(engine):
    # "Gamma Konsult AB" with Alfa AB's number (a typo as easily as a name) was read as Alfa
    # AB on a warning alone: only a name like the stored one is read as it.
    first = upload(engine, "v1.csv", f"{_NORDVAG}Z-1;Ett;Alfa AB;5569001117;Vinnova;100 tkr\n")
    assert first.outcome == "committed", first.problems
    listed = f"{_NORDVAG}Z-2;Två;Gamma Konsult AB;556900-1117;Vinnova;100 tkr\n"
    result = upload(engine, "v2.csv", listed)
    assert result.outcome == "rejected"
    assert [(p.error, p.severity) for p in result.problems] == [("unique-error", "error")]
    assert "Alfa AB" in result.problems[0].text("en")


def test_a_coordinator_under_another_name_with_a_stored_number_is_that_organisation(engine):
    # "Nordväg AB" with the number of the stored "Nordväg Aktiebolag" was refused, the number
    # "already belongs", with no word of what to do. The number says who is meant: the rows
    # are that organisation's, a warning names both names, and no second one is stored.
    first = upload(
        engine, "v1.csv", f"{_NORDVAG}Z-1;Ett;Nordväg Aktiebolag;5569001117;Vinnova;100 tkr\n"
    )
    assert first.outcome == "committed", first.problems
    listed = f"{_NORDVAG}Z-2;Två;Nordväg AB;556900-1117;Vinnova;100 tkr\n"
    preview = upload(engine, "v2.csv", listed, dry_run=True)
    assert warnings(preview) == [(2, "Koordinator / Finansiär", "unique-error")]
    assert preview.problems[0].text("en") == (
        "“Nordväg AB” has the organisation number 556900-1117, which is “Nordväg Aktiebolag” "
        "in the store: its rows are read as “Nordväg Aktiebolag”, and the name “Nordväg AB” "
        "is not stored. Write “Nordväg Aktiebolag” in the file, or correct the number if it "
        "is another organisation."
    )
    # The Data page's preview: no new organisation, the project's coordinator as stored.
    shown = dataops.preview_frames(preview, "en")
    assert shown.new_organisations.empty
    (projects,) = [kind for kind in shown.kinds if kind.name == "projects"]
    assert projects.new["Coordinator"].tolist() == ["Nordväg Aktiebolag"]
    assert "Nordväg AB" in shown.problems.to_string()
    result = upload(engine, "v2.csv", listed)
    assert result.outcome == "committed", result.problems
    names = sorted(o["name"] for o in natural(engine, "organisations"))
    assert names == ["Nordväg Aktiebolag", "Vinnova"]
    coordinators = {p["reference"]: p["coordinator"] for p in natural(engine, "projects")}
    assert coordinators == {"Z-1": "Nordväg Aktiebolag", "Z-2": "Nordväg Aktiebolag"}


def test_an_organisations_list_naming_a_stored_number_anew_says_what_to_do(engine):
    # An organisations list is where names are written: a new name with a stored number is
    # refused, and the refusal says which name to write, as an import renames nothing.
    stored = "Namn;Organisationsnummer;Typ\nNordväg Aktiebolag;5569001117;company\n"
    assert upload(engine, "organisationer.csv", stored).outcome == "committed"
    renamed = "Namn;Organisationsnummer;Typ\nNordväg AB;5569001117;company\n"
    result = upload(engine, "organisationer.csv", renamed)
    assert errors(result) == [(2, "Organisationsnummer", "unique-error")]
    assert result.problems[0].text("en") == (
        "The organisation number 556900-1117 already belongs to “Nordväg Aktiebolag”. If it is "
        "the same organisation, write “Nordväg Aktiebolag” (an import does not rename an "
        "organisation); if it is another, correct the number."
    )


def test_a_name_that_begins_stored_names_word_for_word_hints_them_without_matching(engine):
    # "Umeå" is no typo of "Umeå kommun" (difflib finds nothing near), yet likely one of the
    # stored Umeå organisations: the preview names them, and the upload still adds "Umeå".
    index = NameIndex(["Umeå kommun", "Umeå universitet", "Umeåregionen AB", "Region Umeå"])
    assert index.similar("Umeå") == ("Umeå kommun", "Umeå universitet")
    assert index.similar("umea Kommun") == ("Umeå kommun",)
    stored = "Namn;Typ\nUmeå kommun;Kommun\nUmeå universitet;Forskningsorganisation\n"
    assert upload(engine, "organisationer.csv", stored).outcome == "committed"
    data = "Diarienummer;Titel;Status;Koordinator\n2023-65001;Kortnamn;planerad;Umeå\n"
    result = upload(engine, "projekt.csv", data, dry_run=True)
    ((new,),) = [result.plan.new_organisations]
    assert (new.name, new.similar) == ("Umeå", ("Umeå kommun", "Umeå universitet"))
    assert upload(engine, "projekt.csv", data).outcome == "committed"
    assert "Umeå" in {row["name"] for row in natural(engine, "organisations")}


def test_a_name_with_an_organisation_number_after_it_is_read_as_name_and_number(engine):
    # "Göteborgs kommun (212000-1355)" was a new organisation under the whole text beside the
    # stored one whose number it carries; "Nordväg AB, 556036-0793" one without its number.
    with_organisations(engine)
    data = (
        "Diarienummer;Titel;Status;Koordinator\n"
        "2023-65001;Ett;planerad;Göteborgs kommun (212000-1355)\n"
        "2023-65002;Två;planerad;Nordväg AB, 556036-0793\n"
        "2023-65003;Tre;planerad;Nordväg AB, 556036-0793\n"
        "2023-65004;Fyra;planerad;Göteborgs kommun – org.nr 212000-1355\n"
    )
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "committed", result.problems
    assert [(row, column) for row, column, _error in warnings(result)] == [
        (2, "Koordinator"),
        (3, "Koordinator"),
        (5, "Koordinator"),
    ]
    coordinators = {row["reference"]: row["coordinator"] for row in natural(engine, "projects")}
    assert coordinators == dict.fromkeys(["2023-65001", "2023-65004"], "Göteborgs kommun") | (
        dict.fromkeys(["2023-65002", "2023-65003"], "Nordväg AB")
    )
    numbers = {row["name"]: row["org_number"] for row in natural(engine, "organisations")}
    assert numbers["Nordväg AB"] == "556036-0793"
    assert not [name for name in numbers if "(" in name or "," in name]


def test_a_flat_list_reads_a_number_in_a_name_unless_its_number_column_gives_one(engine):
    with_organisations(engine)
    data = (
        "Diarienummer;Titel;Status;Koordinator;Organisationsnummer;Finansiär;Bidrag\n"
        "2023-65001;Ett;planerad;Nordväg AB (556036-0793);;Vinnova;1000 kr\n"
        "2023-65002;Två;planerad;Umeå kommun (212000-2627);212000-2627;Vinnova;1000 kr\n"
        "2023-65003;Tre;planerad;Alfa-Beta AB;;Vinnova;1000 kr\n"
    )
    result = upload(engine, "projekt.csv", data, dry_run=True)
    assert {o.name for o in result.plan.new_organisations} == {
        "Nordväg AB",
        "Umeå kommun",
        "Alfa-Beta AB",
    }
    committed = upload(engine, "projekt.csv", data)
    assert committed.outcome == "committed", errors(committed)
    numbers = {row["name"]: row["org_number"] for row in natural(engine, "organisations")}
    assert (numbers["Nordväg AB"], numbers["Umeå kommun"]) == ("556036-0793", "212000-2627")
    assert numbers["Alfa-Beta AB"] is None


def test_a_row_per_grant_of_a_co_funded_project_says_how_to_import_its_grants(engine):
    # Vinnova's and the region's grants on two rows of one project were refused with "join the
    # rows if they are one and the same": joined, a grant is lost. Said once, naming both
    # funders and rows, with the ways to import them; one file per funder then imports both.
    with_organisations(engine)
    header = "Diarienummer;Titel;Status;Finansiär;Bidrag\n"
    rows = ["2023-60001;Värmepumpar;planerad;Vinnova;400 000 kr\n"]
    rows.append("2023-60001;Värmepumpar;planerad;Region Kronoberg;200 000 kr\n")
    result = upload(engine, "projekt.csv", header + "".join(rows))
    assert errors(result) == [(3, "Diarienummer", "unique-error")]
    (said,) = [p.text("en") for p in result.problems if p.severity == "error"]
    assert said.startswith(
        "Row 2 already has the project 2023-60001 with the funder “Vinnova”, and this row "
        "has it with “Region Kronoberg”"
    )
    assert "one file per funder" in said and "grants list" in said and "join" not in said
    for row in rows:
        assert upload(engine, "projekt.csv", header + row).outcome == "committed"
    funders = {row["funder"]: row["amount_sek"] for row in natural(engine, "grants")}
    assert funders == {"Vinnova": 400_000, "Region Kronoberg": 200_000}
    # A funder mistyped on a row listing the project twice is one funder: "join the rows",
    # not a file per funder, which made a funder "Vinova" and a second grant.
    typo = header + rows[0] + "2023-60001;Värmepumpar;planerad;Vinova;400 000 kr\n"
    (said,) = [
        p.text("en") for p in upload(engine, "projekt.csv", typo).problems if p.severity == "error"
    ]
    assert "one file per funder" not in said


def test_an_english_list_reads_grant_and_org_no_headers(engine):
    # "Grant (SEK)" and "Org. no." were not read in an English list, while "Bidrag" was.
    data = (
        "Reference\tTitle\tStatus\tCoordinator\tOrg. no.\tFunder\tGrant (SEK)\n"
        "2020-20001\tSmart lighting\tIn progress\tNordväg AB\t556036-0793\tVinnova\t1 234 567\n"
    )
    result = upload(engine, "projects.tsv", data)
    assert (result.outcome, warnings(result)) == ("committed", []), result.problems
    (grant,) = natural(engine, "grants")
    assert (grant["funder"], grant["amount_sek"]) == ("Vinnova", 1_234_567)
    numbers = {row["name"]: row["org_number"] for row in natural(engine, "organisations")}
    assert numbers["Nordväg AB"] == "556036-0793"


def test_a_corrected_list_without_a_row_an_earlier_import_of_it_added_says_the_row_is_kept(
    engine,
):
    # Uploaded again without 2022-50002, a list said "1 updated, 1 unchanged" and nothing of
    # the project it no longer has, which stayed. Said now, with how to remove it; kept.
    rows = ["2022-50001;Ett;planerad", "2022-50002;Två;planerad", "2022-50003;Tre;planerad"]
    header = "Diarienummer;Titel;Status\n"
    first = upload(engine, "projekt.csv", header + "\n".join(rows) + "\n")
    assert upload(engine, "annan.csv", header + "2022-60001;Annan;planerad\n").import_id
    corrected = header + "2022-50001;Ett;pågående\n2022-50003;Tre;planerad\n"
    result = upload(engine, "projekt_rättad.csv", corrected, dry_run=True)
    (said,) = [p for p in result.problems if p.error == "row-error"]
    assert (said.severity, said.row, said.table) == ("warning", None, "projects")
    assert said.text("en").startswith(
        f"1 row that import {first.import_id} (projekt.csv) added is not in this file and is "
        "kept (projects): 2022-50002. An import removes nothing it is not given. To remove "
        f"it: undo import {first.import_id}"
    )
    frame = dataops.preview_frames(result, "sv").problems
    assert any("2022-50002" in text for text in frame.iloc[:, -2])
    # A correction of one row of a larger import is another list: nothing to say.
    one = upload(engine, "en.csv", header + "2022-50001;Ett;pågående\n", dry_run=True)
    assert not [p for p in one.problems if p.error == "row-error"]
    assert upload(engine, "projekt_rättad.csv", corrected).outcome == "committed"
    assert "2022-50002" in {row["reference"] for row in natural(engine, "projects")}
    # Undone, the earlier import added nothing that stays: nothing to say.
    undo(engine, first.import_id, cascade=True, identity=cli_identity())
    again = upload(engine, "projekt_rättad.csv", corrected, dry_run=True)
    assert not [p for p in again.problems if p.error == "row-error"]


def test_a_neighbours_public_body_is_of_its_country_and_in_no_swedish_county(engine):
    """ "Oslo kommune" was a Swedish company in the county "Oslo", on the county chart: a
    Norwegian, Danish or Finnish public body's name says its kind and country (a stored
    organisation's stays), and a region abroad places no project in a county."""
    from arena.queries import portfolio

    with_organisations(engine)
    danish = upload(engine, "organisationer.csv", "Namn;Typ;Land\nAarhus Kommune;kommun;DK\n")
    assert danish.outcome == "committed", danish.problems
    sheet = (
        "Diarienummer;Ärenderubrik;Koordinator;Län;Status\n"
        "N-1;Norskt;Oslo kommune;Oslo;ongoing\n"
        "N-2;Fylke;Vestland fylkeskommune;Vestland;ongoing\n"
        "N-3;Finskt;Helsingin kaupunki;Uusimaa;ongoing\n"
        "N-4;Danskt;Aarhus Kommune;;ongoing\n"
        "N-5;Svenskt;Lunds kommun;Skåne län;ongoing\n"
    )
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert not [p for p in warnings(result) if "Oslo" in p]
    organisations = _by(natural(engine, "organisations"), "name")
    assert [
        (organisations[name]["kind"], organisations[name]["country"])
        for name in (
            "Oslo kommune",
            "Vestland fylkeskommune",
            "Helsingin kaupunki",
            "Aarhus Kommune",
            "Lunds kommun",
        )
    ] == [
        ("municipality", "NO"),
        ("region", "NO"),
        ("municipality", "FI"),
        ("municipality", "DK"),
        ("municipality", "SE"),
    ]
    assert organisations["Oslo kommune"]["county"] == "Oslo"  # as written, a region abroad
    assert set(portfolio.county_level(engine)["county"]) == {"Skåne län"}


def test_a_swedish_county_keeps_a_kommune_swedish_and_names_in_passing_get_their_country(engine):
    # "Partille Kommune" in Västra Götalands län is a Swedish municipality mistyped: made
    # Norwegian, its project left the county chart. And a projects file (not a flat list)
    # naming "Oslo kommune" in passing stored a Swedish municipality.
    with_organisations(engine)
    sheet = (
        "Diarienummer;Ärenderubrik;Koordinator;Län;Status\n"
        "N-1;Norskt;Oslo kommune;Oslo;ongoing\n"
        "N-2;Partille;Partille Kommune;Västra Götalands län;ongoing\n"
    )
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    projects = (
        "Diarienummer;Titel;Status;Koordinator\n"
        "P-1;Ett;ongoing;Vestland fylkeskommune\nP-2;Två;ongoing;Espoon kaupunki\n"
        "P-3;Tre;ongoing;Kommune Konsult AB\n"
        # Denmark's are told by their names: "Aarhus Kommune" read as Norway's.
        "P-4;Fyra;ongoing;Aarhus Kommune\nP-5;Fem;ongoing;Københavns Kommune\n"
        "P-6;Sex;ongoing;Region Hovedstaden\n"
        # As they are spelt without æ, ø and å, and with a department after the name.
        "P-7;Sju;ongoing;Århus Kommune\nP-8;Åtta;ongoing;Region Sjaelland\n"
        "P-9;Nio;ongoing;Kobenhavns Kommune, Teknik- og Miljøforvaltningen\n"
    )
    assert upload(engine, "projekt.csv", projects).outcome == "committed"
    organisations = _by(natural(engine, "organisations"), "name")
    found = {
        name: (organisations[name]["kind"], organisations[name]["country"])
        for name in (
            "Oslo kommune",
            "Partille Kommune",
            "Vestland fylkeskommune",
            "Espoon kaupunki",
            "Kommune Konsult AB",
            "Aarhus Kommune",
            "Københavns Kommune",
            "Region Hovedstaden",
            "Århus Kommune",
            "Region Sjaelland",
            "Kobenhavns Kommune, Teknik- og Miljøforvaltningen",
        )
    }
    assert found == {
        "Oslo kommune": ("municipality", "NO"),
        "Partille Kommune": ("municipality", "SE"),
        "Vestland fylkeskommune": ("region", "NO"),
        "Espoon kaupunki": ("municipality", "FI"),
        "Kommune Konsult AB": ("company", "SE"),
        "Aarhus Kommune": ("municipality", "DK"),
        "Københavns Kommune": ("municipality", "DK"),
        "Region Hovedstaden": ("region", "DK"),
        "Århus Kommune": ("municipality", "DK"),
        "Region Sjaelland": ("region", "DK"),
        "Kobenhavns Kommune, Teknik- og Miljøforvaltningen": ("municipality", "DK"),
    }


def test_a_coordinator_named_with_its_number_is_of_the_kind_its_name_says(engine):
    # "Trondheim kommune (942 110 464)" as a flat list's coordinator was stored a company:
    # its kind was guessed from the name with the number still after it.
    with_organisations(engine)
    sheet = (
        "Diarienummer;Titel;Status;Koordinator;Bidrag från Vinnova (kr)\n"
        "K-1;Ett;ongoing;Trondheim kommune (942 110 464);100 000\n"
        "K-2;Två;ongoing;Umeå kommun (212000-2627);100 000\n"
        # A neighbour's company by its form, its number then read as its country's.
        "K-3;Tre;ongoing;Equinor ASA (923 609 016);100 000\nK-4;Fyra;ongoing;Nokia Oyj;100 000\n"
    )
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    organisations = _by(natural(engine, "organisations"), "name")
    assert {
        name: (organisations[name]["kind"], organisations[name]["country"])
        for name in ("Trondheim kommune", "Umeå kommun", "Equinor ASA", "Nokia Oyj")
    } == {
        "Trondheim kommune": ("municipality", "NO"),
        "Umeå kommun": ("municipality", "SE"),
        "Equinor ASA": ("company", "NO"),
        "Nokia Oyj": ("company", "FI"),
    }
    assert organisations["Equinor ASA"]["org_number"] == "NO923609016"


_PER_FUNDER = (
    "Diarienummer;Titel;Koordinator;Finansiär;Bidrag från Vinnova (tkr);"
    "Bidrag från Energimyndigheten (tkr)\n"
    "2023-00101;Vätgas i tung trafik;Göteborgs kommun;Vinnova;1 500;500\n"
    "2023-00102;Smart belysning;Göteborgs kommun;Vinnova;800;\n"
    "2023-00103;Fossilfria bygg;Teknikföretagens Service i Sverige AB;;0;250\n"
)


def _stored_grants(engine) -> list[tuple]:
    with engine.connect() as conn:
        return conn.execute(
            sa.text(
                "SELECT g.reference, p.reference, o.name, g.amount_sek FROM grant_award g "
                "JOIN project p ON p.id = g.project_id JOIN organisation o ON o.id = g.funder_id "
                "ORDER BY g.reference"
            )
        ).all()


def test_a_sheet_with_a_grant_column_per_funder(engine):
    """A co-funded programme's list, an amount column per funder, was refused whole: each
    filled cell is now its column's funder's grant to the row's project (a blank cell none,
    nor a 0 where the project has no grant from that funder: a warning says so), in the
    headers' unit; the same file again changes nothing, a second
    version updates just the grant it changes, and undo takes exactly the import away."""
    _store(engine)
    before = dump(engine, history=False)
    preview = upload(engine, "lista.csv", _PER_FUNDER, dry_run=True)
    assert preview.outcome == "dry-run", preview.problems
    assert not errors(preview)
    counts = {p.kind.name: p.counts()["new"] for p in preview.plan.kinds}
    assert counts["projects"] == 3 and counts["grants"] == 4
    (zero,) = [p for p in preview.problems if p.row == 4]
    assert zero.severity == "warning"
    assert zero.text("en") == (
        "SEK 0 as the grant from Vinnova on row 4 is read as no grant: the project has no "
        "grant from Vinnova."
    )
    assert zero.column == "Bidrag från Vinnova (tkr)"
    assert [o.name for o in preview.plan.new_organisations] == ["Energimyndigheten"]
    # The Finansiär column beside them is not read for the grants, and is said so.
    (unread,) = [p for p in preview.problems if p.column == "Finansiär"]
    assert (unread.row, unread.severity) == (1, "warning")
    assert "Vinnova, Energimyndigheten" in unread.text("en")
    assert "läses inte" in unread.text("sv")

    first = upload(engine, "lista.csv", _PER_FUNDER)
    assert first.outcome == "committed", first.problems
    grants = [
        ("2023-00101 (Energimyndigheten)", "2023-00101", "Energimyndigheten", 500_000),
        ("2023-00101 (Vinnova)", "2023-00101", "Vinnova", 1_500_000),
        ("2023-00102 (Vinnova)", "2023-00102", "Vinnova", 800_000),
        ("2023-00103 (Energimyndigheten)", "2023-00103", "Energimyndigheten", 250_000),
    ]
    assert _stored_grants(engine) == grants
    stored = dump(engine)
    assert upload(engine, "lista.csv", _PER_FUNDER).outcome == "unchanged"
    assert dump(engine) == stored

    second = _PER_FUNDER.replace(";800;", ";900;")
    preview = upload(engine, "lista.csv", second, dry_run=True)
    updated = {p.kind.name: p.counts()["updated"] for p in preview.plan.kinds}
    assert updated.get("grants") == 1 and not updated.get("projects")
    again = upload(engine, "lista.csv", second)
    assert again.outcome == "committed", again.problems
    assert _stored_grants(engine) == [
        (*grant[:3], 900_000) if grant[0] == "2023-00102 (Vinnova)" else grant for grant in grants
    ]
    # A grant the project holds, lowered to 0, is updated: the 0 says so.
    lowered = second.replace(";800;", ";0;").replace(";900;", ";0;")
    last = upload(engine, "lista.csv", lowered)
    assert last.outcome == "committed", last.problems
    assert ("2023-00102 (Vinnova)", "2023-00102", "Vinnova", 0) in _stored_grants(engine)
    undo(engine, last.import_id, identity=cli_identity())
    undo(engine, again.import_id, identity=cli_identity())
    assert _stored_grants(engine) == grants
    undo(engine, first.import_id, identity=cli_identity())
    assert dump(engine, history=False) == before


def test_a_grant_column_per_funder_is_the_projects_stored_grant_from_that_funder(engine):
    """The project's grant stored from Vinnova's own list, under the diarienummer, is the
    Vinnova column's grant: updated, not a second one beside it."""
    _store(engine)
    vinnova = "Diarienummer;Titel;Bidrag från Vinnova (kr)\n2023-00101;Vätgas;1 000 000\n"
    assert upload(engine, "vinnova.csv", vinnova).outcome == "committed"
    both = (
        "Diarienummer;Titel;Beviljat bidrag från Vinnova (kr);Bidrag från Formas (kr)\n"
        "2023-00101;Vätgas;1 200 000;300 000\n"
    )
    result = upload(engine, "lista.csv", both)
    assert result.outcome == "committed", result.problems
    assert _stored_grants(engine) == [
        ("2023-00101", "2023-00101", "Vinnova", 1_200_000),
        ("2023-00101 (Formas)", "2023-00101", "Formas", 300_000),
    ]
    # A funder's name mistyped in its column's header ("Vinova") is a second grant, from a
    # new funder, counted beside the first: it was made without a word.
    typo = (
        "Diarienummer;Titel;Bidrag från Vinova (kr);Bidrag från Formas (kr)\n"
        "2023-00101;Vätgas;1 200 000;300 000\n"
    )
    preview = upload(engine, "lista.csv", typo, dry_run=True)
    (alike,) = [p for p in preview.problems if p.message.key == "problem.alike_funder"]
    assert (alike.row, alike.severity) == (2, "warning")
    assert alike.text("en").startswith(
        "Project 2023-00101 already has a grant from Vinnova; the file names Vinova, a like "
        "name, so its amount becomes another grant, 2023-00101 (Vinova),"
    )


def test_a_funders_column_is_named_by_its_own_cells_problems(engine):
    # "-3" under Energimyndigheten's column was said to be in Vinnova's, the first one.
    _store(engine)
    sheet = (
        "Diarienummer;Titel;Bidrag från Vinnova (kr);Bidrag från Energimyndigheten (kr)\n"
        "2023-00501;Projekt S;100 000;\n2023-00502;Projekt T;;-3\n"
    )
    assert errors(upload(engine, "lista.csv", sheet, dry_run=True)) == [
        (3, "Bidrag från Energimyndigheten (kr)", "constraint-error")
    ]


def test_a_one_column_lists_funder_like_the_projects_stored_one_is_warned_of(engine):
    # "Bidrag från Vinova (kr)" for a project with a grant from Vinnova under its own
    # reference made a second grant from a new "Vinova", counted twice, without a word.
    _store(engine)
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-1;2023-00101;Vinnova;1 800 000\n"
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2023-00101;Vätgas;ongoing\n")
    assert upload(engine, "bidrag.csv", grants).outcome == "committed"
    typo = "Diarienummer;Titel;Bidrag från Vinova (kr)\n2023-00101;Vätgas;1 800 000\n"
    preview = upload(engine, "lista.csv", typo, dry_run=True)
    (alike,) = [p for p in preview.problems if p.message.key == "problem.alike_funder"]
    assert "already has a grant from Vinnova; the file names Vinova" in alike.text("en")


def test_a_character_that_shows_nothing_in_a_funders_header_is_none(engine):
    # "Bidrag från Vinnova (kr)" with a zero-width space after it gave the grants to a new
    # funder "Vinnova (kr)".
    _store(engine)
    sheet = "Diarienummer;Titel;Bidrag från Vinnova (kr)\u200b\n2023-00601;Projekt Z;1 500 000\n"
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert [(g[2], g[3]) for g in _stored_grants(engine)] == [("Vinnova", 1_500_000)]


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        ("Patent- och registreringsverket (PRV)", "Patent- och registreringsverket (PRV)"),
        ("Patent- och registreringsverket", "Patent- och registreringsverket (PRV)"),
        ("Patent- och registreringsverket (PRV)", "Patent- och registreringsverket"),
        ("Patent- och registreringsverket (PRV)", "PRV"),
    ],
)
def test_a_funder_with_its_abbreviation_in_brackets_is_the_stored_one(engine, stored, written):
    # "Bidrag från Patent- och registreringsverket (PRV) (kr)" read the funder without its
    # bracket and made a new organisation beside the stored one, warned of as similar.
    _store(engine)
    assert upload(engine, "org.csv", f"Namn;Typ\n{stored};myndighet\n").outcome == "committed"
    sheet = (
        f"Diarienummer;Titel;Bidrag från {written} (kr);Bidrag från Vinnova (kr)\n"
        "2023-00101;Vätgas;1 000 000;200 000\n"
    )
    preview = upload(engine, "lista.csv", sheet, dry_run=True)
    assert not preview.plan.new_organisations
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    assert [(g[2], g[3]) for g in _stored_grants(engine)] == [
        (stored, 1_000_000),
        ("Vinnova", 200_000),
    ]


def test_a_funders_note_in_brackets_is_no_part_of_its_name(engine):
    # An abbreviation in brackets is the funder's; other words in brackets stay a note.
    _store(engine)
    sheet = "Diarienummer;Titel;Bidrag från Vinnova (beviljat) (kr)\n2023-00101;Vätgas;100\n"
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    assert [g[2] for g in _stored_grants(engine)] == ["Vinnova"]


def test_any_funders_genitive_header_is_its_grant_column(engine):
    # "Vinnovas bidrag (kr)" was read as Vinnova's grants, while "Energimyndighetens bidrag
    # (kr)", "Tillväxtverkets bidrag" and "Formas bidrag" were not read at all.
    _store(engine)
    organisations = (
        "Namn;Typ\nFormas;myndighet\nEnergimyndigheten;myndighet\nTillväxtverket;myndighet\n"
    )
    assert upload(engine, "org.csv", organisations).outcome == "committed"
    sheet = (
        "Diarienummer;Titel;Vinnovas bidrag (kr);Energimyndighetens bidrag (kr);"
        "Formas bidrag (kr);Tillväxtverkets bidrag (kr)\n"
        "2023-00101;Vätgas;1 000 000;500 000;200 000;\n2023-00102;Sol;;;;300 000\n"
    )
    preview = upload(engine, "lista.csv", sheet, dry_run=True)
    assert not [p for p in preview.problems if p.error == "extra-label"]
    assert not preview.plan.new_organisations
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    assert sorted((g[2], g[3]) for g in _stored_grants(engine)) == [
        ("Energimyndigheten", 500_000),
        ("Formas", 200_000),
        ("Tillväxtverket", 300_000),
        ("Vinnova", 1_000_000),
    ]
    # A genitive of a funder the store lacks ("Vinova", a typo) is not read, with a warning.
    typo = "Diarienummer;Titel;Vinovas bidrag (kr)\n2023-00101;Vätgas;1 000 000\n"
    preview = upload(engine, "lista.csv", typo, dry_run=True)
    assert [
        p.column for p in preview.problems if p.message.key.startswith("import.genitive_not_read")
    ]


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Näringslivets bidrag (kr)", "Näringslivet"),
        ("Kommunens bidrag (kr)", "Kommunen"),
        ("Regionens bidrag", "Regionen"),
        ("Universitetets bidrag", "Universitetet"),
        ("Statens bidrag", "Staten"),
        ("Kommunernas bidrag", "Kommunerna"),
        ("Offentliga aktörers bidrag", "Offentliga aktörer"),
        ("Inkubatorns bidrag", "Inkubatorn"),
        ("Vinovas bidrag", "Vinova"),
        ("EU:s bidrag", "EU"),
        ("Länsstyrelsens stöd (kr)", "Länsstyrelsen"),
    ],
)
def test_a_genitive_of_no_stored_organisation_is_not_read(engine, header, name):
    # "Näringslivets bidrag" (co-funding) was stored as grants from a new organisation
    # "Näringslivet", "EU:s bidrag" a Swedish company "EU".
    _store(engine)
    sheet = f"Diarienummer;Titel;Vinnovas bidrag (kr);{header}\n2023-00101;Vätgas;1 000 000;500\n"
    preview = upload(engine, "lista.csv", sheet, dry_run=True)
    unread = [p for p in preview.problems if p.message.key.startswith("import.genitive_not_read")]
    assert [(p.column, p.message.values["name"], p.severity) for p in unread] == [
        (header, name, "warning")
    ]
    assert not preview.plan.new_organisations
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    assert [(g[2], g[3]) for g in _stored_grants(engine)] == [("Vinnova", 1_000_000)]
    assert name not in {row["name"] for row in natural(engine, "organisations")}


def test_a_state_funders_genitive_is_read_in_a_store_that_holds_no_funder(engine):
    # Only genitives of stored organisations were read: a new agency's first flat list,
    # "Vinnovas bidrag" beside "Formas bidrag", lost every grant to a "not read" warning;
    # and "Formas bidrag" read without its -s made "Forma".
    sheet = (
        "Diarienummer;Titel;Vinnovas bidrag (kr);Formas bidrag (kr);"
        "Energimyndighetens stöd (kr);Näringslivets bidrag (kr)\n"
        "2023-00101;Vätgas;1 000 000;200 000;300 000;50 000\n"
    )
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert sorted((g[2], g[3]) for g in _stored_grants(engine)) == [
        ("Energimyndigheten", 300_000),
        ("Formas", 200_000),
        ("Vinnova", 1_000_000),
    ]
    unread = [p.column for p in result.problems if p.message.key.startswith("import.genitive")]
    assert unread == ["Näringslivets bidrag (kr)"]


@pytest.mark.parametrize(
    "header",
    [
        "Grant from Energimyndigheten (SEK)",
        "Funding from Energimyndigheten (SEK)",
        "Energimyndigheten's grant (SEK)",
        "Energimyndighetens stöd (kr)",
        "Energimyndighetens beviljade bidrag (kr)",
        "EM:s bidrag (kr)",
    ],
)
def test_a_funder_in_english_or_other_words_or_its_abbreviation(engine, header):
    _store(engine)
    organisations = "Namn;Typ\nEnergimyndigheten (EM);myndighet\n"
    assert upload(engine, "org.csv", organisations).outcome == "committed"
    sheet = f"Diarienummer;Titel;{header}\n2023-00101;Vätgas;500\n"
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert [(g[2], g[3]) for g in _stored_grants(engine)] == [("Energimyndigheten (EM)", 500)]


@pytest.mark.parametrize("header", ["Projektets bidrag", "Parternas bidrag (kr)"])
def test_a_genitive_of_no_funder_names_none(engine, header):
    _store(engine)
    sheet = f"Diarienummer;Titel;{header}\n2023-00101;Vätgas;100\n"
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    assert not _stored_grants(engine)
    assert "Projektet" not in {row["name"] for row in natural(engine, "organisations")}


_ABB = "Allmänna Byggnads Bolaget (ABB)"


def _with_abbreviated(engine) -> None:
    _store(engine)
    organisations = (
        "Namn;Organisationsnummer;Typ\n"
        f"{_ABB};556016-0680;company\nBolag D AB;556029-7771;company\n"
        "Nordbolaget (NB);;company\n"
        "Sveriges Kommuner och Regioner (SKR);;association\n"
        "Svenska Kyrkans Riksorganisation (SKR);;association\nRamboll;;company\n"
    )
    assert upload(engine, "org.csv", organisations).outcome == "committed"


def _coordinators(engine) -> dict[str, object]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT p.reference, o.name FROM project p "
                "JOIN organisation o ON o.id = p.coordinator_id"
            )
        ).all()
    return dict(rows)


def test_an_abbreviation_never_overrides_an_organisation_number(engine):
    # "ABB" with another organisation's number was the stored "Allmänna Byggnads Bolaget
    # (ABB)"; with a number where the stored one has none it wrote that number onto it.
    _with_abbreviated(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Organisationsnummer;Bidrag från Vinnova (kr)\n"
        "2023-00101;Vätgas;ABB;556029-7771;100\n"
    )
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "rejected"  # the number decides: Bolag D AB's, another name
    assert [p.message.key for p in result.problems if p.severity == "error"] == [
        "problem.org_number_taken"
    ]
    sheet = sheet.replace("ABB;556029-7771", "NB;556036-0793")
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert _coordinators(engine) == {"2023-00101": "NB"}
    numbers = {row["name"]: row["org_number"] for row in natural(engine, "organisations")}
    assert numbers["Nordbolaget (NB)"] is None
    assert numbers["NB"] == "556036-0793"


def test_an_abbreviation_alone_is_warned_of_naming_both(engine):
    _with_abbreviated(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Bidrag från Vinnova (kr)\n2023-00101;Vätgas;ABB;100\n"
        "2023-00102;Sol;Allmänna Byggnads Bolaget;100\n"
    )
    preview = upload(engine, "lista.csv", sheet, dry_run=True)
    warned = [p for p in preview.problems if p.message.key == "import.by_abbreviation"]
    assert [(p.row, p.column, dict(p.message.values)) for p in warned] == [
        (2, "Koordinator", {"name": "ABB", "stored": _ABB})
    ]
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    assert _coordinators(engine) == {"2023-00101": _ABB, "2023-00102": _ABB}


def test_an_abbreviation_of_two_stored_organisations_is_warned_of(engine):
    # A third organisation "SKR" was made without a word.
    _with_abbreviated(engine)
    sheet = "Diarienummer;Titel;Koordinator;Bidrag från Vinnova (kr)\n2023-00101;Vätgas;SKR;1\n"
    preview = upload(engine, "lista.csv", sheet, dry_run=True)
    warned = [p for p in preview.problems if p.message.key == "import.abbreviation_ambiguous"]
    assert len(warned) == 1
    text = warned[0].text("sv")
    assert "Sveriges Kommuner och Regioner (SKR)" in text
    assert "Svenska Kyrkans Riksorganisation (SKR)" in text


def test_a_country_code_in_brackets_is_no_abbreviation(engine):
    # "Ramboll (DK)" became the stored Swedish "Ramboll".
    _with_abbreviated(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Bidrag från Formas (EU) (kr)\n"
        "2023-00101;Vätgas;Ramboll (DK);100\n"
    )
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    assert _coordinators(engine) == {"2023-00101": "Ramboll (DK)"}
    assert [g[2] for g in _stored_grants(engine)] == ["Formas"]


def test_an_organisations_list_warns_of_a_stored_name_with_its_abbreviation(engine):
    # "Patent- och registreringsverket" beside the stored one with "(PRV)" was a duplicate
    # without a similar-name warning.
    _store(engine)
    stored = "Namn;Typ\nPatent- och registreringsverket (PRV);myndighet\n"
    assert upload(engine, "org.csv", stored).outcome == "committed"
    listed = "Namn;Typ\nPatent- och registreringsverket;myndighet\n"
    preview = upload(engine, "org2.csv", listed, dry_run=True)
    warned = [p for p in preview.problems if p.message.key == "import.listed_abbreviation"]
    assert [(p.row, p.severity) for p in warned] == [(2, "warning")]


_PRV = "Patent- och registreringsverket (PRV)"


def _upload_files(engine, files: dict[str, str], **options: object):
    """Import `files` (name -> text) in one upload."""
    return import_files(
        engine,
        [Upload(name, data.encode()) for name, data in files.items()],
        identity=cli_identity(),
        **options,
    )


def test_an_abbreviation_is_matched_within_the_upload_too(engine):
    # A grants file naming "Patent- och registreringsverket (PRV)" in one row and "PRV" in
    # the next, neither stored, made two organisations.
    _store(engine)
    projects = "Diarienummer;Titel;Koordinator\n2023-00101;Vätgas;Vinnova\n2023-00102;Sol;Vinnova\n"
    assert upload(engine, "projekt.csv", projects).outcome == "committed"
    grants = (
        "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
        f"G-1;2023-00101;{_PRV};500 000;2022-12-01\nG-2;2023-00102;PRV;300 000;2023-02-01\n"
    )
    preview = upload(engine, "bidrag.csv", grants, dry_run=True)
    warned = [p for p in preview.problems if p.message.key == "import.by_abbreviation_upload"]
    assert [(p.row, p.column, p.text("en")) for p in warned] == [
        (
            3,
            "Finansiär",
            f"“PRV” is read as “{_PRV}”, which the upload names too, by its abbreviation. "
            "Write the whole name, or an organisation number, if it is another organisation.",
        )
    ]
    assert upload(engine, "bidrag.csv", grants).outcome == "committed"
    assert [(g[0], g[2]) for g in _stored_grants(engine)] == [("G-1", _PRV), ("G-2", _PRV)]
    assert "PRV" not in {row["name"] for row in natural(engine, "organisations")}


def test_an_abbreviation_in_the_upload_of_two_or_with_another_number_is_not_matched(engine):
    _store(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Bidrag från Vinnova (kr)\n"
        "2023-00101;Vätgas;Sveriges Kommuner och Regioner (SKR);1\n"
        "2023-00102;Sol;Svenska Kyrkans Riksorganisation (SKR);1\n"
        "2023-00103;Vind;SKR;1\n"
    )
    preview = upload(engine, "lista.csv", sheet, dry_run=True)
    (warned,) = [
        p for p in preview.problems if p.message.key == "import.abbreviation_ambiguous_upload"
    ]
    assert warned.row == 4
    assert "Sveriges Kommuner och Regioner (SKR)" in warned.text("sv")
    assert "Svenska Kyrkans Riksorganisation (SKR)" in warned.text("sv")
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    assert _coordinators(engine)["2023-00103"] == "SKR"
    # The number decides: "ABB" with another number than the named one's is another.
    sheet = (
        "Diarienummer;Titel;Koordinator;Organisationsnummer;Bidrag från Vinnova (kr)\n"
        f"2023-00104;Vätgas;{_ABB};556016-0680;1\n2023-00105;Sol;ABB;556029-7771;1\n"
    )
    preview = upload(engine, "lista2.csv", sheet, dry_run=True)
    assert not [p for p in preview.problems if "abbreviation" in p.message.key]
    assert upload(engine, "lista2.csv", sheet).outcome == "committed"
    assert {k: _coordinators(engine)[k] for k in ("2023-00104", "2023-00105")} == {
        "2023-00104": _ABB,
        "2023-00105": "ABB",
    }


def test_a_flat_sheet_and_an_organisations_list_match_an_abbreviation_within_the_upload(engine):
    _store(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Bidrag från Vinnova (kr)\n"
        f"2023-00101;Vätgas;{_PRV};1\n2023-00102;Sol;PRV;1\n"
        "2023-00103;Vind;Nordvind;1\n2023-00104;Våg;Nordvind (NV);1\n"
    )
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    assert _coordinators(engine) == {
        "2023-00101": _PRV,
        "2023-00102": _PRV,
        "2023-00103": "Nordvind (NV)",
        "2023-00104": "Nordvind (NV)",
    }
    # An organisations list's new name is what a grants file of the upload names by its
    # abbreviation alone.
    organisations = "Namn;Typ\nStatens energimyndighet (STEM);myndighet\n"
    grants = (
        "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
        "G-1;2023-00101;STEM;500 000;2022-12-01\n"
    )
    result = _upload_files(engine, {"organisationer.csv": organisations, "bidrag.csv": grants})
    assert result.outcome == "committed", result.problems
    assert [g[2] for g in _stored_grants(engine) if g[0] == "G-1"] == [
        "Statens energimyndighet (STEM)"
    ]
    assert "STEM" not in {row["name"] for row in natural(engine, "organisations")}
    # A list's own row is not renamed: it is warned of.
    listed = "Namn;Typ\nNordsol (NS);company\nNS;company\n"
    preview = upload(engine, "org.csv", listed, dry_run=True)
    warned = [p for p in preview.problems if p.message.key == "import.listed_abbreviation_upload"]
    assert [(p.row, p.severity) for p in warned] == [(3, "warning")]
    assert preview.plan.kinds[0].counts()["new"] == 2


def test_an_abbreviation_alone_matches_only_as_its_brackets_write_it(engine):
    # "If" and "if" were read as "Innovationsföretagen (IF)" (in the upload and in the store),
    # though "If" is a common name of its own (If Skadeförsäkring).
    _store(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Bidrag från Vinnova (kr)\n"
        "2023-00101;Vätgas;Innovationsföretagen (IF);1\n2023-00102;Sol;If;1\n"
        "2023-00103;Vind;if;1\n"
    )
    assert upload(engine, "lista.csv", sheet).outcome == "committed"
    coordinators = _coordinators(engine)
    assert coordinators["2023-00101"] == "Innovationsföretagen (IF)"
    assert coordinators["2023-00102"] != "Innovationsföretagen (IF)"
    assert coordinators["2023-00103"] != "Innovationsföretagen (IF)"
    # The store path: "Nb" is no stored "… (NB)"; "SYD" is the stored "… (SYD)", and a full
    # name is matched in any case.
    organisations = "Namn;Typ\nNordbolaget (NB);company\nSydbolaget (SYD);company\n"
    assert upload(engine, "org.csv", organisations).outcome == "committed"
    sheet = (
        "Diarienummer;Titel;Koordinator;Bidrag från Vinnova (kr)\n"
        "2023-00201;Vätgas;Nb;1\n2023-00202;Sol;SYD;1\n2023-00203;Vind;nordbolaget;1\n"
    )
    assert upload(engine, "lista2.csv", sheet).outcome == "committed"
    coordinators = _coordinators(engine)
    assert coordinators["2023-00201"] == "Nb"
    assert coordinators["2023-00202"] == "Sydbolaget (SYD)"
    assert coordinators["2023-00203"] == "Nordbolaget (NB)"
