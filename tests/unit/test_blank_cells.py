"""A blank cell keeps what the store holds: it says "I don't have it here", not "delete it".

An organisations list that left a stored organisation's number and county blank erased both,
and the preview said only "1 updated". Now a stored row keeps each value the file leaves
blank in an optional column, the preview names them once per column, a file that differs
only by blanks changes nothing, and only a replace (the whole list) clears a value. On
SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import pytest

from arena.auth import cli_identity
from arena.i18n import t
from arena.ingest import undo
from arena.ingest.plan import FieldChange
from tests.fixtures.ingest import dump, errors, natural, upload, with_organisations

ORGANISATIONS = (
    "Namn;Organisationsnummer;Typ;Län;Land\n"
    "Sveriges Offentliga Inköpare;887500-9584;förening;Stockholms län;Sverige\n"
    "Vinnova;202100-5208;myndighet;Stockholms län;Sverige\n"
    "Statens vegvesen;NO971032081;myndighet;Vestland;Norge\n"
)
# The same list with the numbers, counties and countries a programme officer does not keep.
BLANKS = (
    "Namn;Organisationsnummer;Typ;Län;Land\n"
    "Sveriges Offentliga Inköpare;;förening;;\n"
    "Vinnova;;myndighet;Stockholms län;\n"
    "Statens vegvesen;;myndighet;;\n"
)

PROJECTS = (
    "Diarienummer;Titel;Status;Koordinator;Sektor;Startdatum;Slutdatum\n"
    "2020-00001;Smart belysning;pågår;Vinnova;Energi;2020-01-01;2029-12-31\n"
    "2020-00002;Fossilfria maskiner;pågår;Vinnova;Transport;2020-03-01;2029-06-30\n"
)
GRANTS = (
    "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum;Startdatum;Slutdatum\n"
    "G-1;2020-00001;Vinnova;500 000;2019-12-01;2020-01-01;2021-12-31\n"
    "G-2;2020-00002;Vinnova;300 000;2020-02-01;2020-03-01;2021-06-30\n"
)


def _commit(engine, name: str, data: str, **options: object) -> int:
    result = upload(engine, name, data, **options)
    assert result.outcome == "committed", result.problems
    return result.import_id


def _said(result, key: str, language: str = "en") -> list[str]:
    """The warnings of `key` (the catalogue's), as read in `language`."""
    return [
        p.message.render(language)
        for p in result.problems
        if p.severity == "warning" and p.message.key == key
    ]


def _organisations(engine) -> dict[str, dict]:
    return {row["name"]: row for row in natural(engine, "organisations")}


def test_an_organisations_list_with_blank_cells_keeps_the_stored_values_and_says_so(engine):
    _commit(engine, "organisationer.csv", ORGANISATIONS)
    before = dump(engine, history=False)
    result = upload(engine, "lista.csv", BLANKS, dry_run=True)
    assert result.outcome == "dry-run", result.problems
    # Nothing else differs: nothing changes, the row is unchanged.
    assert result.counts["updated"] == 0 and result.counts["unchanged"] == 3
    (number,) = _said(result, "import.blank_kept")[:1]
    assert number == (
        "3 stored values in “Organisationsnummer” are kept where the file leaves the cell "
        "blank: row 2 Sveriges Offentliga Inköpare (887500-9584), row 3 Vinnova "
        "(202100-5208), row 4 Statens vegvesen (NO971032081). A blank cell means the file "
        "does not have it, not that it goes. To clear a value: replace with the whole list "
        "(Replace on the Data page, --replace on the command line; admin), where a blank cell "
        "clears it. If a wrong value came with an earlier import: undo that import."
    )
    kept = _said(result, "import.blank_kept", "sv")
    # Once per column: the number and the county (two rows; Vinnova's is given). Not the
    # country: a blank Land is read as the missing column is, the Norwegian one's name tells
    # Norway, as stored, and the Swedish ones' the default, Sweden, as stored.
    assert len(kept) == 2
    assert kept[1].startswith("2 värden i ”Län” som databasen har behålls där filen")
    assert "rad 2 Sveriges Offentliga Inköpare (Stockholms län)" in kept[1]
    assert "rad 4 Statens vegvesen (Vestland)" in kept[1]

    result = upload(engine, "lista.csv", BLANKS)
    assert result.counts["updated"] == 0, result.problems
    assert dump(engine, history=False) == before
    soi = _organisations(engine)["Sveriges Offentliga Inköpare"]
    assert (soi["org_number"], soi["county"]) == ("887500-9584", "Stockholms län")
    assert _organisations(engine)["Statens vegvesen"]["country"] == "NO"


def test_a_blank_cell_beside_a_change_keeps_its_value_and_undo_restores_the_change(engine):
    _commit(engine, "organisationer.csv", ORGANISATIONS)
    before = dump(engine, history=False)
    changed = BLANKS.replace(";förening;", ";ideell förening;").replace(
        "Vinnova;;myndighet;Stockholms län", "Vinnova;;myndighet;Uppsala län"
    )
    result = upload(engine, "lista.csv", changed)
    assert result.outcome == "committed", result.problems
    (organisations,) = result.plan.kinds
    assert [(c.key, c.column) for c in organisations.changes] == [
        ("Vinnova", "county"),
        ("Vinnova", "source"),
    ]
    assert _organisations(engine)["Vinnova"]["org_number"] == "202100-5208"
    assert undo(engine, result.import_id, identity=cli_identity())["restored"] == 1
    assert dump(engine, history=False) == before


def test_a_projects_list_with_blank_cells_changes_only_what_it_gives(engine):
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    before = dump(engine, history=False)
    blanks = (
        "Diarienummer;Titel;Status;Koordinator;Sektor;Startdatum;Slutdatum\n"
        "2020-00001;Smart belysning;pågår;;;2020-01-01;\n"
        "2020-00002;Fossilfria arbetsmaskiner;pågår;Vinnova;;;2029-06-30\n"
    )
    result = upload(engine, "projekt.csv", blanks, dry_run=True)
    assert result.counts["updated"] == 1 and result.counts["unchanged"] == 1
    (projects,) = result.plan.kinds
    assert projects.changes == [
        FieldChange(3, "2020-00002", "title", "Fossilfria maskiner", "Fossilfria arbetsmaskiner"),
    ]
    kept = _said(result, "import.blank_kept")
    assert [text.split(":")[0] for text in kept] == [
        "1 stored value in “Koordinator” is kept where the file leaves the cell blank",
        "2 stored values in “Sektor” are kept where the file leaves the cell blank",
        "1 stored value in “Startdatum” is kept where the file leaves the cell blank",
        "1 stored value in “Slutdatum” is kept where the file leaves the cell blank",
    ]
    assert "row 2 2020-00001 (2029-12-31)" in kept[3]

    imported = _commit(engine, "projekt.csv", blanks)
    project = natural(engine, "projects")[1]
    assert (project["title"], project["sector"], project["start_date"]) == (
        "Fossilfria arbetsmaskiner",
        "Transport",
        date(2020, 3, 1),
    )
    undo(engine, imported, identity=cli_identity())
    assert dump(engine, history=False) == before


def test_a_kept_date_that_ends_before_the_files_start_is_refused_at_its_row(engine):
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    before = dump(engine)
    later = (
        "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
        "2020-00001;Smart belysning;pågår;2030-03-01;\n"
    )
    result = upload(engine, "projekt.csv", later)
    assert result.outcome == "rejected"
    assert errors(result) == [(2, "Startdatum", "constraint-error")]
    assert dump(engine) == before


def test_a_grants_list_keeps_a_blank_date_and_refuses_a_blank_amount(engine):
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    _commit(engine, "bidrag.csv", GRANTS)
    before = dump(engine, history=False)
    blanks = (
        "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum;Startdatum;Slutdatum\n"
        "G-1;2020-00001;Vinnova;600 000;;2020-01-01;\n"
        "G-2;2020-00002;Vinnova;300 000;;;\n"
    )
    result = upload(engine, "bidrag.csv", blanks, dry_run=True)
    assert result.counts["updated"] == 1 and result.counts["unchanged"] == 1
    (grants,) = result.plan.kinds
    assert grants.changes == [FieldChange(2, "G-1", "amount_sek", 500_000, 600_000)]
    kept = _said(result, "import.blank_kept")
    assert kept[0].startswith("2 stored values in “Beslutsdatum” are kept")
    assert "row 2 G-1 (2019-12-01), row 3 G-2 (2020-02-01)" in kept[0]
    # A grant's amount is a required fact: blank, it is refused as before, not kept.
    no_amount = blanks.replace("600 000", "")
    assert errors(upload(engine, "bidrag.csv", no_amount)) == [(2, "Belopp", "constraint-error")]
    assert dump(engine, history=False) == before

    imported = _commit(engine, "bidrag.csv", blanks)
    grant = natural(engine, "grants")[0]
    assert (grant["amount_sek"], grant["decision_date"], grant["end_date"]) == (
        600_000,
        date(2019, 12, 1),
        date(2021, 12, 31),
    )
    undo(engine, imported, identity=cli_identity())
    assert dump(engine, history=False) == before


def test_a_blank_cell_with_a_default_keeps_the_stored_value(engine):
    indicators = (
        "Kod;Namn;Enhet;Riktning;Målvärde\nI-1;Upphandlingar;antal;minska;12\n"
        "I-2;Leverantörer;antal;öka;40\n"
    )
    _commit(engine, "indikatorer.csv", indicators)
    before = dump(engine, history=False)
    blanks = (
        "Kod;Namn;Enhet;Riktning;Målvärde\nI-1;Upphandlingar;antal;;\nI-2;Leverantörer;antal;;\n"
    )
    result = upload(engine, "indikatorer.csv", blanks)
    assert result.counts["unchanged"] == 2, result.problems
    kept = _said(result, "import.blank_kept")
    assert kept[0].startswith("1 stored value in “Riktning” is kept")  # I-2's is the default
    assert "row 2 I-1 (" in kept[0]
    assert kept[1].startswith("2 stored values in “Målvärde” are kept")
    assert dump(engine, history=False) == before


def test_a_replace_clears_what_the_file_leaves_blank_and_names_it(engine):
    _commit(engine, "organisationer.csv", ORGANISATIONS)
    result = upload(engine, "lista.csv", BLANKS, replace=True, dry_run=True)
    assert result.counts["updated"] == 3, result.problems
    assert not _said(result, "import.blank_kept")
    cleared = _said(result, "import.blank_cleared")
    assert cleared[0] == (
        "3 stored values in “Organisationsnummer” are cleared, as the file is the whole "
        "list and leaves the cell blank: row 2 Sveriges Offentliga Inköpare (887500-9584), "
        "row 3 Vinnova (202100-5208), row 4 Statens vegvesen (NO971032081)."
    )
    assert _said(result, "import.blank_cleared", "sv")[1].startswith(
        "2 värden i ”Län” som databasen har töms, eftersom filen är hela listan"
    )

    _commit(engine, "lista.csv", BLANKS, replace=True)
    soi = _organisations(engine)["Sveriges Offentliga Inköpare"]
    assert (soi["org_number"], soi["county"]) == (None, None)


def test_a_replace_sets_a_blank_with_a_default_to_it_and_names_the_default(engine):
    """Land's default is Sweden, Riktning's Ska öka: a replace that leaves them blank sets the
    default, and says so by the name the user reads, not that the value is cleared. A name
    that tells its country ("Statens vegvesen") would set that, as a list without Land does:
    the Norwegian one here is named so that its name tells none."""
    stored, blanks = (
        text.replace("Statens vegvesen", "Vegdata Nord") for text in (ORGANISATIONS, BLANKS)
    )
    _commit(engine, "organisationer.csv", stored)
    result = upload(engine, "lista.csv", blanks, replace=True, dry_run=True)
    assert not any("“Land”" in said for said in _said(result, "import.blank_cleared"))
    (land,) = _said(result, "import.blank_defaulted")
    assert land == (
        "1 stored value in “Land” is set to its default, Sweden, as the file is the whole "
        "list and leaves the cell blank: row 4 Vegdata Nord (Norway)."
    )
    assert _said(result, "import.blank_defaulted", "sv") == [
        "1 värde i ”Land” som databasen har blir standardvärdet, Sverige, eftersom filen är "
        "hela listan och lämnar cellen tom: rad 4 Vegdata Nord (Norge)."
    ]
    _commit(engine, "lista.csv", blanks, replace=True)
    assert _organisations(engine)["Vegdata Nord"]["country"] == "SE"

    indicators = "Kod;Namn;Enhet;Riktning\nI-1;Upphandlingar;antal;minska\n"
    _commit(engine, "indikatorer.csv", indicators)
    blank = "Kod;Namn;Enhet;Riktning\nI-1;Upphandlingar;antal;\n"
    result = upload(engine, "indikatorer.csv", blank, replace=True, dry_run=True)
    (direction,) = _said(result, "import.blank_defaulted", "sv")
    assert direction == (
        "1 värde i ”Riktning” som databasen har blir standardvärdet, Ska öka, eftersom filen "
        "är hela listan och lämnar cellen tom: rad 2 I-1 (Ska minska)."
    )
    assert not _said(result, "import.blank_cleared")


def test_a_value_given_again_with_a_blank_note_loses_only_its_preliminary_mark(engine):
    _commit(engine, "indikatorer.csv", "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n")
    values = (
        "Indikator,Land,År,Värde,Anmärkning\n"
        "I-1,Sverige,2022,10,Källa: SCB\n"
        "I-1,Sverige,2023,11,Källa: SCB; Preliminärt\n"
        "I-1,Sverige,2024,12,Preliminärt\n"
    )
    _commit(engine, "varden.csv", values)
    blanks = (
        "Indikator;Land;År;Värde;Anmärkning\nI-1;SE;2022;10;\nI-1;SE;2023;11;\nI-1;SE;2024;12;\n"
    )
    result = upload(engine, "varden.csv", blanks)
    assert result.outcome == "committed", result.problems
    assert [row["note"] for row in natural(engine, "indicator_values")] == [
        "Källa: SCB",
        "Källa: SCB",
        None,
    ]
    (kept,) = _said(result, "import.blank_kept")
    assert kept.startswith("2 stored values in “Anmärkning” are kept")
    # The key names the country as a reader does, not by its code (SE), as the preview does.
    assert "row 2 I-1 · Sweden · 2022 (Källa: SCB), row 3 I-1 · Sweden · 2023 (Källa: SCB)" in kept


def test_a_period_with_an_open_end_clears_the_stored_end_and_undo_restores_it(engine):
    # `2019-01 –` (the README's project that runs on) was read as a blank end: "1 unchanged",
    # the stored end date kept.
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    before = dump(engine, history=False)
    opened = "Diarienummer;Titel;Projektperiod\n2020-00001;Smart belysning;2020-01 –\n"
    result = upload(engine, "projekt.csv", opened, dry_run=True)
    assert result.counts["updated"] == 1 and result.counts["unchanged"] == 0, result.problems
    assert not _said(result, "import.blank_kept")
    imported = _commit(engine, "projekt.csv", opened)
    project = natural(engine, "projects")[0]
    assert (project["start_date"], project["end_date"]) == (date(2020, 1, 1), None)
    undo(engine, imported, identity=cli_identity())
    assert dump(engine, history=False) == before
    # A blank period still keeps both dates.
    blank = "Diarienummer;Titel;Projektperiod\n2020-00001;Smart belysning;\n"
    assert upload(engine, "projekt.csv", blank, dry_run=True).counts["unchanged"] == 1


@pytest.mark.parametrize("header", ["T.o.m.", "Slutdatum", "Till", "Period till"])
@pytest.mark.parametrize("word", ["pågår", "pågående", "Tills vidare", "löpande", "ongoing"])
def test_an_end_column_stating_the_project_runs_on_clears_the_stored_end(engine, header, word):
    # 'row 2, column T.o.m.: "pågår" is not a date. Write YYYY-MM-DD…', where `2020-01 –
    # pågår` in a Period column is read as a stated open end.
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    before = dump(engine, history=False)
    start = "Fr.o.m." if header != "Till" else "Från"
    opened = f"Diarienummer;Titel;{start};{header}\n2020-00001;Smart belysning;2020-01-01;{word}\n"
    result = upload(engine, "projekt.csv", opened, dry_run=True)
    assert result.counts["updated"] == 1, [p.text("en") for p in result.problems]
    imported = _commit(engine, "projekt.csv", opened)
    project = {p["reference"]: p for p in natural(engine, "projects")}["2020-00001"]
    assert (project["start_date"], project["end_date"]) == (date(2020, 1, 1), None)
    undo(engine, imported, identity=cli_identity())
    assert dump(engine, history=False) == before
    # A blank end still keeps the stored one.
    blank = f"Diarienummer;Titel;{start};{header}\n2020-00001;Smart belysning;2020-01-01;\n"
    assert upload(engine, "projekt.csv", blank, dry_run=True).counts["unchanged"] == 1


@pytest.mark.parametrize(
    ("header", "dates"),
    [("Startdatum;Slutdatum", "2017-03-01;tills vidare"), ("Period", "2017-03 – pågår")],
)
def test_a_project_sheets_open_end_is_its_grants_end_too(engine, header, dates):
    # The project's end was cleared, its grant kept 2019-06-30 with a warning that the file
    # left 'Slutdatum' blank (named so under a Period too, a column the file lacks).
    sheet = "Diarienummer;Titel;Koordinator;{header};Bidrag från Vinnova (kr)\n"
    row = "S-1;Elbussar;Göteborgs kommun;{dates};1 800 000\n"
    first = (sheet + row).format(header="Startdatum;Slutdatum", dates="2017-03-01;2019-06-30")
    _commit(engine, "projekt.csv", first)
    before = dump(engine, history=False)
    opened = (sheet + row).format(header=header, dates=dates)
    result = upload(engine, "projekt.csv", opened)
    assert result.outcome == "committed", result.problems
    assert not _said(result, "import.blank_kept")
    assert not [p for p in result.problems if "Slutdatum" in p.text("en")]
    (project,) = natural(engine, "projects")
    (grant,) = natural(engine, "grants")
    assert (project["end_date"], grant["end_date"]) == (None, None)
    assert grant["start_date"] == date(2017, 3, 1)
    undo(engine, result.import_id, identity=cli_identity())
    assert dump(engine, history=False) == before


def test_a_project_sheets_open_end_is_the_end_of_the_grant_stored_under_its_own_reference(
    engine,
):
    # The demo's DEMO-2017-001 and its grant DEMO-G-001: the sheet's row is that grant by its
    # funder, and its open end was read as a blank cell, the grant's end kept with a warning.
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    _commit(engine, "bidrag.csv", GRANTS)
    sheet = (
        "Diarienummer;Titel;Koordinator;Startdatum;Slutdatum;Bidrag från Vinnova (kr)\n"
        "2020-00001;Smart belysning;Vinnova;2020-01-01;tills vidare;500 000\n"
    )
    result = upload(engine, "projekt.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert not _said(result, "import.blank_kept")
    grants = {g["reference"]: g for g in natural(engine, "grants")}
    assert set(grants) == {"G-1", "G-2"}
    assert (grants["G-1"]["end_date"], grants["G-2"]["end_date"]) == (None, date(2021, 6, 30))


def test_a_project_sheets_blank_period_names_the_period_for_the_grant_too(engine):
    # The grant's kept dates were said to be in 'Startdatum' and 'Slutdatum', columns the
    # file lacks.
    sheet = "Diarienummer;Titel;Koordinator;Period;Bidrag från Vinnova (kr)\n"
    _commit(engine, "projekt.csv", sheet + "S-1;Elbussar;Vinnova;2017-03 – 2019-06;1 800 000\n")
    result = upload(engine, "projekt.csv", sheet + "S-1;Elbussar;Vinnova;;1 800 000\n")
    said = _said(result, "import.blank_kept")
    assert said and all("Period" in text for text in said)
    assert not [text for text in said if "Startdatum" in text or "Slutdatum" in text]


@pytest.mark.parametrize("header", ["Fr.o.m.", "Startdatum"])
def test_a_start_column_stating_the_project_runs_on_is_still_refused(engine, header):
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    data = f"Diarienummer;Titel;{header};Slutdatum\n2020-00001;Smart belysning;pågår;2029-12-31\n"
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "rejected"
    assert [(p.row, p.column) for p in result.problems if p.severity == "error"] == [(2, header)]


def test_a_blank_note_takes_only_the_preliminary_words_off_a_note_and_says_it_is_final(engine):
    # Both notes became NULL ("Källa SSB" lost) and no warning said the values became final.
    _commit(engine, "indikatorer.csv", "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n")
    values = (
        "Indikator;Land;År;Värde;Anmärkning\n"
        "I-1;Sverige;2023;11;Preliminärt, t.o.m. oktober\n"
        'I-1;Sverige;2024;12;"Källa SSB; preliminär uppgift"\n'
    )
    _commit(engine, "varden.csv", values)
    blanks = "Indikator;Land;År;Värde;Anmärkning\nI-1;SE;2023;11;\nI-1;SE;2024;12;\n"
    result = upload(engine, "varden.csv", blanks)
    assert result.outcome == "committed", result.problems
    assert [row["note"] for row in natural(engine, "indicator_values")] == [
        "t.o.m. oktober",
        "Källa SSB",
    ]
    assert _said(result, "import.preliminary_cleared") == [
        "2 values were noted preliminary and are now given without that mark: they are "
        "final, and the mark is taken off their notes."
    ]


def test_the_blank_cell_warning_and_the_replace_toggle_speak_of_the_page_and_the_cli():
    # On the Data page the warning named only "--replace", and the toggle said nothing of a
    # blank cell.
    for language, toggle in (("sv", "Ersätt på sidan Data"), ("en", "Replace on the Data page")):
        for count in (1, 2):
            said = t("import.blank_kept", language, count=count, column="Län", rows="rad 2")
            assert toggle in said and "--replace" in said
            assert ("ångra den importen" if language == "sv" else "undo that import") in said
    assert "en tom cell tömmer det lagrade värdet" in t("data.replace.help", "sv")
    assert "a blank cell clears the stored value" in t("data.replace.help", "en")


def test_a_blank_period_names_its_start_and_its_end_apart(engine):
    # Both kept-blank warnings of a blank `Period` said "Period".
    with_organisations(engine)
    _commit(engine, "projekt.csv", PROJECTS)
    flat = (
        "Diarienummer;Titel;Koordinator;Finansiär;Beviljat bidrag;Period\n"
        "2020-00001;Smart belysning;;;;\n"
    )
    result = upload(engine, "projekt.csv", flat, dry_run=True)
    assert result.counts["unchanged"] == 1, result.problems
    columns = [text.split(" som ")[0] for text in _said(result, "import.blank_kept", "sv")]
    assert "1 värde i ”Period (start)”" in columns and "1 värde i ”Period (slut)”" in columns
    english = [text.split(" is kept")[0] for text in _said(result, "import.blank_kept")]
    assert "1 stored value in “Period (end)”" in english


SHEET = (
    "Diarienummer;Projektnamn;Koordinator;Projektets löptid;Beviljat belopp;Finansiär;Status\n"
    "2026-40001;A;Chalmers tekniska högskola AB;2025-01 – 2025-12;100 000 kr;Vinnova;Pågående\n"
    "2026-40002;B;Chalmers tekniska högskola AB;2025-01 – 2025-12;200 000 kr;Vinnova;Pågående\n"
)


def test_a_project_sheets_blank_amount_keeps_the_stored_grant_and_says_so_not_left_out(engine):
    """Project B again with only its amount cell blank: the sheet reads no grant from the row,
    and its stored grant was said to be "not in this file" (on a row without a line, `<NA>`
    on the Data page). It is the blank cell of a row in the file, said as any other."""
    from arena.dataops import problems_table

    with_organisations(engine)
    assert upload(engine, "blank_a.csv", SHEET).outcome == "committed"
    blank = SHEET.replace("200 000 kr;", ";")
    before = dump(engine)
    for dry_run in (True, False):
        result = upload(engine, "blank_a.csv", blank, dry_run=dry_run)
        assert result.outcome == ("dry-run" if dry_run else "unchanged"), result.problems
        assert dump(engine) == before
        assert not [p for p in result.problems if p.message.key == "import.left_out"]
        (kept,) = [p for p in result.problems if p.message.key == "import.blank_kept"]
        assert (kept.row, kept.column, kept.severity) == (3, "Beviljat belopp", "warning")
        assert kept.text("sv").startswith(
            "1 värde i ”Beviljat belopp” som databasen har behålls där filen lämnar cellen tom: "
            "rad 3 2026-40002 (200\xa0000 kr)."
        )
        shown = problems_table(result.problems, "sv")
        assert shown["Rad"].notna().all()
    # A row the sheet truly leaves out is still said to be left out.
    fewer = "".join(SHEET.splitlines(keepends=True)[:2])
    result = upload(engine, "blank_a.csv", fewer, dry_run=True)
    assert [p.message.key for p in result.problems if p.table == "grants"] == ["import.left_out"]


OTHER_FUNDER = (
    "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-E;2026-40001;Energimyndigheten;1 000 000\n"
)


@pytest.mark.parametrize("blank", ["", "-", "–"])
def test_a_project_sheet_giving_no_amount_at_all_keeps_the_stored_grant_and_says_so(engine, blank):
    """One row, its Beviljat belopp blank ('', '-', '–'): the sheet reads no grant at all, and
    the kept grant was not said (the note ran only beside grants the sheet read)."""
    with_organisations(engine)
    assert upload(engine, "blank_a.csv", SHEET).outcome == "committed"
    one = "".join(SHEET.splitlines(keepends=True)[:2]).replace("100 000 kr;", f"{blank};")
    result = upload(engine, "blank_a.csv", one, dry_run=True)
    (kept,) = [p for p in result.problems if p.message.key == "import.blank_kept"]
    assert kept.row == 2 and "tom: rad 2 2026-40001 (100\xa0000 kr)." in kept.text("sv")


def test_a_project_sheets_blank_amount_names_only_the_grant_of_the_rows_funder(engine):
    """Project A holds Vinnova's grant and Energimyndigheten's: a sheet row of Vinnova with
    its amount blank names Vinnova's grant only, not Energimyndigheten's 'G-E (1 000 000 kr)'
    (which the row does not name, and which is kept as any grant a sheet does not give)."""
    with_organisations(engine)
    assert upload(engine, "blank_a.csv", SHEET).outcome == "committed"
    assert upload(engine, "bidrag.csv", OTHER_FUNDER).outcome == "committed"
    blank = SHEET.replace("100 000 kr;", ";")
    result = upload(engine, "blank_a.csv", blank, dry_run=True)
    (kept,) = [p for p in result.problems if p.message.key == "import.blank_kept"]
    assert kept.text("sv").startswith("1 värde i ”Beviljat belopp”")
    assert "rad 2 2026-40001 (100\xa0000 kr)." in kept.text("sv") and "G-E" not in kept.text("sv")


# A tester's Windows-1252 list of new organisations with Typ left blank: the same list
# without the column was read, each kind guessed from the name.
BLANK_KINDS = (
    "Namn;Organisationsnummer;Typ;Land\n"
    "Statens vegvesen;NO 971 032 081 MVA;;Norge\n"
    "Aarhus Kommune;CVR 55133018;;Danmark\n"
    "Göteborgs Stad;;;Sverige\n"
).encode("cp1252")


def test_a_blank_typ_cell_of_a_new_organisation_is_guessed_from_its_name(engine):
    result = upload(engine, "organisationer.csv", BLANK_KINDS, dry_run=True)
    assert result.outcome == "dry-run", result.problems
    assert result.counts["new"] == 3
    without = b"\n".join(
        b";".join(cells[:2] + cells[3:])
        for cells in (line.split(b";") for line in BLANK_KINDS.splitlines())
    )
    _commit(engine, "organisationer.csv", BLANK_KINDS)
    kinds = {name: row["kind"] for name, row in _organisations(engine).items()}
    assert kinds == {
        "Statens vegvesen": "national_authority",
        "Aarhus Kommune": "municipality",
        "Göteborgs Stad": "municipality",
    }
    # Read as the list without the column is.
    assert upload(engine, "organisationer.csv", without, dry_run=True).counts["unchanged"] == 3


def test_a_blank_typ_cell_the_name_does_not_tell_is_refused_naming_the_kinds_to_write(engine):
    data = "Namn;Typ;Land\nEricsson;;Sverige\nVinnova;myndighet;Sverige\n"
    result = upload(engine, "organisationer.csv", data, dry_run=True)
    assert errors(result) == [(2, "Typ", "constraint-error")]
    (problem,) = [p for p in result.problems if p.severity == "error"]
    assert problem.message.render("en") == (
        "“Ericsson” is new, and its “Typ” cell is blank, which its name does not tell. "
        "Fill in the cell. Accepted: National authority, Region, Municipality, Company, "
        "Research organisation, Association, International body."
    )
    assert problem.message.render("sv").startswith(
        "”Ericsson” är ny, och dess cell ”Typ” är tom, vilket namnet inte säger. "
        "Fyll i cellen. Tillåtna: "
    )


@pytest.mark.parametrize("replace", [False, True])
def test_a_blank_typ_cell_of_a_stored_organisation_keeps_its_kind(engine, replace):
    _commit(engine, "organisationer.csv", "Namn;Typ\nGöteborgs Stad;förening\n")
    before = dump(engine, history=False)
    result = upload(engine, "lista.csv", "Namn;Typ\nGöteborgs Stad;\n", replace=replace)
    assert result.outcome == "unchanged", result.problems
    assert _said(result, "import.blank_kept")
    assert dump(engine, history=False) == before


def test_a_blank_status_of_a_new_project_is_read_from_its_dates(engine):
    with_organisations(engine)
    data = (
        "Diarienummer;Titel;Status;Koordinator;Startdatum;Slutdatum\n"
        "2020-00001;Smart belysning;;Vinnova;2020-01-01;2021-12-31\n"
    )
    _commit(engine, "projekt.csv", data)
    assert natural(engine, "projects")[0]["status"] == "completed"


def test_a_blank_name_of_a_programme_is_kept_if_stored_and_refused_if_new(engine):
    _commit(engine, "program.csv", "Kod;Namn\nBG-2017;Stöd till beställargrupper\n")
    result = upload(engine, "program.csv", "Kod;Namn\nBG-2017;\nNY-1;\n", dry_run=True)
    assert errors(result) == [(3, "Namn", "constraint-error")]
    (problem,) = [p for p in result.problems if p.severity == "error"]
    assert problem.message.render("en") == (
        "“NY-1” is new, and its “Namn” cell is blank. Fill in the cell."
    )
    result = upload(engine, "program.csv", "Kod;Namn\nBG-2017;\n", dry_run=True)
    assert result.outcome == "dry-run", result.problems
    assert result.counts["unchanged"] == 1
