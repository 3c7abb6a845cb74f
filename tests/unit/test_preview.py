"""The preview a programme officer reads: a table per kind, their language, formatted values."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date

import pytest

from arena import dataops
from arena.auth import cli_identity
from arena.i18n import msg, t
from arena.ingest import ImportResult, Upload, import_files
from arena.ingest.kinds import KINDS
from arena.ingest.plan import NewOrganisation
from arena.ingest.report import ERROR_TYPES, STORE_ERROR, Problem, blank_header
from tests.fixtures.ingest import upload, with_organisations

PROJECTS = (
    "Diarienummer;Titel;Titel (engelska);Status;Fas\n"
    "2020-00001;Smart belysning;Smart lighting;planerad;förstudie\n"
)
GRANTS = (
    "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
    "G-1;2020-00001;Vinnova;1 234 567;2020-05-04\n"
)


def test_new_rows_and_changes_read_in_the_users_language(engine):
    with_organisations(engine)
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    changed = PROJECTS.replace("Smart lighting", "Smart street lighting").replace(
        "förstudie", "upphandling"
    )
    result = upload(engine, "projekt.csv", changed, dry_run=True)
    (projects,) = dataops.preview_frames(result, "en").kinds
    assert projects.label == "Projects" and projects.counts["updated"] == 1
    assert projects.changes.to_dict("records") == [
        {
            "Line": 2,
            "Key": "2020-00001",
            "Column": "Title (English)",
            "Before": "Smart lighting",
            "After": "Smart street lighting",
        },
        {
            "Line": 2,
            "Key": "2020-00001",
            "Column": "Stage",
            "Before": "Pre-study",
            "After": "Procurement",
        },
    ]
    (swedish,) = dataops.preview_frames(result, "sv").kinds
    assert swedish.changes["Kolumn"].tolist() == ["Titel (engelska)", "Fas"]
    assert swedish.changes["Före"].tolist() == ["Smart lighting", "Förstudie"]


def test_a_country_in_a_changed_rows_key_is_named_in_the_readers_language(engine):
    # The Results page's values, edited: the key read "IND · NO · 2010", on the page and in
    # the dry run, where a country is never shown as its code.
    upload(engine, "indikatorer.csv", "Kod;Namn;Enhet\nIND;Upphandlingar;antal\n")
    values = "Indikator;Land;År;Värde\nIND;NO;2010;6\nIND;SE;2010;5\n"
    assert upload(engine, "indikatorvarden.csv", values).outcome == "committed"
    edited = values.replace(";6\n", ";7\n")
    result = upload(engine, "indikatorvarden.csv", edited, dry_run=True)
    for language, key in [("sv", "IND · Norge · 2010"), ("en", "IND · Norway · 2010")]:
        (shown,) = dataops.preview_frames(result, language).kinds
        column = "Nyckel" if language == "sv" else "Key"
        assert shown.changes[column].tolist() == [key]
    # The dry run prints the page's table (`cli._print_changes`).
    (kind_plan,) = result.plan.kinds
    assert dataops.changes_table(kind_plan, "sv")["Nyckel"].tolist() == ["IND · Norge · 2010"]


def test_one_table_per_kind_with_counts_amounts_and_dates(engine):
    with_organisations(engine)
    result = upload(engine, "projekt.csv", PROJECTS, dry_run=True)
    assert result.outcome == "dry-run"
    tables = dataops.preview_frames(result, "sv")
    (projects,) = tables.kinds
    assert projects.new.to_dict("records") == [
        {
            "Rad": 2,
            "Diarienummer": "2020-00001",
            "Titel": "Smart belysning",
            "Titel (engelska)": "Smart lighting",
            "Status": "Planerad",
            "Fas": "Förstudie",
            "Källa": "projekt.csv",  # a file without a source column is the rows' source
        }
    ]
    assert tables.counts.to_dict("records") == [
        {
            "Typ av data": "Projekt",
            "Nya": 1,
            "Ändrade": 0,
            "Oförändrade": 0,
            "Avvisade": 0,
            "Borttagna": 0,
        }
    ]
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    grants = dataops.preview_frames(upload(engine, "bidrag.csv", GRANTS, dry_run=True), "en")
    (row,) = grants.kinds[0].new.to_dict("records")
    assert row["Amount"].replace("\xa0", " ") == "SEK 1,234,567"
    assert (row["Decision date"], row["Project"], row["Funder"]) == (
        "2020-05-04",
        "2020-00001",
        "Vinnova",
    )
    assert "Title" not in row


def test_new_organisations_are_listed_apart_with_the_closest_existing_names(engine):
    with_organisations(engine)
    result = upload(engine, "projekt.csv", PROJECTS, dry_run=True)
    result.plan.new_organisations = [
        NewOrganisation(
            name="Goteborgs Kommun",
            kind="municipality",
            lines=(2, 7),
            rows=2,
            columns=("Koordinator",),
            similar=("Göteborgs kommun",),
        )
    ]
    frame = dataops.preview_frames(result, "sv").new_organisations
    assert frame.to_dict("records") == [
        {
            "Namn": "Goteborgs Kommun",
            "Typ": "Kommun",
            "Rader i filen": "2, 7",
            "Kolumn": "Koordinator",
            "Liknande befintliga namn": "Göteborgs kommun",
            "Liknande nya namn i filen": "",
        }
    ]


def test_the_downloaded_report_says_which_problems_stop_the_import():
    problems = [
        blank_header(2, line=1),
        Problem("type-error", msg("value.empty"), row=2, column="Startdatum"),
    ]
    text = dataops.report_csv(problems, "sv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows == [
        ["Rad", "Kolumn", "Värde", "Stoppar importen", "Feltyp", "Meddelande"],
        ["1", "", "", "nej, varning", "blank-header", problems[0].text("sv")],
        ["2", "Startdatum", "", "ja, fel", "type-error", "Cellen är tom."],
    ]


def test_the_page_names_the_error_type_in_its_language_beside_the_code():
    """The report file keeps the Frictionless code alone (above); the page's table, read by a
    person, says the type in words with the code beside it, in every type and language."""
    problems = [
        Problem(code, msg("value.empty"), row=2, column="Startdatum") for code in ERROR_TYPES
    ]
    for language, column, first in (
        ("sv", "Feltyp", "Filen kan inte läsas (source-error)"),
        ("en", "Error", "Unreadable file (source-error)"),
    ):
        shown = dataops.problems_table(problems, language)[column].tolist()
        assert shown[0] == first
        assert [cell.rsplit(" (", 1)[1] for cell in shown] == [f"{c})" for c in ERROR_TYPES]
        assert len({cell.rsplit(" (", 1)[0] for cell in shown}) == len(ERROR_TYPES)


def test_cell_text_formats_by_the_columns_type():
    projects, values = KINDS["projects"], KINDS["indicator_values"]
    assert dataops.cell_text(projects, "status", "planned", "sv") == "Planerad"
    grants = KINDS["grants"]
    shown = dataops.cell_text(grants, "amount_sek", 150_000, "sv")
    assert shown.replace("\xa0", " ") == "150 000 kr"
    assert dataops.cell_text(KINDS["disbursements"], "paid_on", date(2019, 2, 28), "en") == (
        "2019-02-28"
    )
    assert dataops.cell_text(values, "coverage", 0.05, "sv").replace("\xa0", " ") == "5 %"
    assert dataops.cell_text(values, "coverage", 0.075, "sv").replace("\xa0", " ") == "7,5 %"
    assert dataops.cell_text(values, "value", 40.25, "sv") == "40,25"
    assert dataops.cell_text(values, "year", 2017, "sv") == "2017"
    assert dataops.cell_text(projects, "title", None, "sv") == ""
    # A column named like a code but holding text is shown as written.
    assert dataops.cell_text(grants, "reference", "ongoing", "sv") == "ongoing"


# An indicator in per cent beside one counted: its values are per-cent points.
INDICATORS = "Kod;Namn;Enhet\nSE_SHARE;Andel;%\nSE_COUNT;Antal;antal\n"
VALUES = "Indikator;Land;År;Värde;Täckning\nSE_SHARE;SE;2026;31;58 %\nSE_COUNT;SE;2026;31;58 %\n"


@pytest.mark.parametrize(
    ("language", "share", "count", "coverage", "new"),
    [
        ("sv", ("31 %", "31,5 %"), ("31", "31,5"), ("58 %", "62 %"), ["4,6 %", "4,6"]),
        ("en", ("31%", "31.5%"), ("31", "31.5"), ("58%", "62%"), ["4.6%", "4.6"]),
    ],
)
def test_a_value_of_an_indicator_in_per_cent_is_previewed_with_its_sign(
    engine, language, share, count, coverage, new
):
    # "Värde 31 → 31,5" beside "Täckning 58 % → 62 %": the sign only on the coverage.
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    assert upload(engine, "varden.csv", VALUES).outcome == "committed"
    changed = VALUES.replace("31;58 %", "31,5;62 %")
    result = upload(engine, "varden.csv", changed, dry_run=True)
    (values,) = dataops.preview_frames(result, language).kinds
    before, after = (t(f"column.{name}", language) for name in ("before", "after"))
    shown = [
        (row[before].replace("\xa0", " "), row[after].replace("\xa0", " "))
        for row in values.changes.to_dict("records")
    ]
    assert shown == [share, coverage, count, coverage]
    # A new value is written so too; a new indicator's by the unit the same upload gives it.
    files = {
        "nya.csv": "Kod;Namn;Enhet\nSE_NEW;Ny andel;procent\n",
        "nya_varden.csv": "Indikator;Land;År;Värde\nSE_NEW;SE;2026;4,6\nSE_COUNT;SE;2027;4,6\n",
    }
    uploads = [Upload(name, text.encode()) for name, text in files.items()]
    result = import_files(engine, uploads, identity=cli_identity(), dry_run=True)
    (_, added) = dataops.preview_frames(result, language).kinds
    label = KINDS["indicator_values"].column("value").label(language)
    assert added.new[label].str.replace("\xa0", " ").tolist() == new


@pytest.mark.parametrize(
    ("stored_unit", "new_unit", "stored_value", "new_value", "shown"),
    [
        # A share kept as a fraction moved to per cent: 0,3 was previewed "30 %", read in
        # the unit the same upload gives the indicator.
        ("andel", "%", "0,3", "31,5", {"sv": ("0,3", "31,5 %"), "en": ("0.3", "31.5%")}),
        # And back: 30 % was previewed "30", the sign lost.
        ("%", "andel", "30", "0,315", {"sv": ("30 %", "0,315"), "en": ("30%", "0.315")}),
    ],
)
def test_a_value_whose_indicator_changes_unit_is_previewed_in_each_ones_unit(
    engine, stored_unit, new_unit, stored_value, new_value, shown
):
    indicators = "Kod;Namn;Enhet\nSE_SHARE;Andel;{unit}\n"
    values = "Indikator;Land;År;Värde\nSE_SHARE;SE;2026;{value}\n"
    stored = {
        "indikatorer.csv": indicators.format(unit=stored_unit),
        # 2025 is left out of the upload: a replace deletes it.
        "varden.csv": values.format(value=stored_value) + f"SE_SHARE;SE;2025;{stored_value}\n",
    }
    for name, text in stored.items():
        assert upload(engine, name, text).outcome == "committed"
    files = {
        "indikatorer.csv": indicators.format(unit=new_unit),
        "varden.csv": values.format(value=new_value),
    }
    uploads = [Upload(name, text.encode()) for name, text in files.items()]
    result = import_files(engine, uploads, identity=cli_identity(), dry_run=True, replace=True)
    for language, (before_text, after_text) in shown.items():
        (_, values_preview) = dataops.preview_frames(result, language).kinds
        (change,) = values_preview.changes.to_dict("records")
        before, after = (t(f"column.{name}", language) for name in ("before", "after"))
        assert (change[before].replace("\xa0", " "), change[after].replace("\xa0", " ")) == (
            before_text,
            after_text,
        )
        # A deleted value is the store's, in the unit stored too.
        label = KINDS["indicator_values"].column("value").label(language)
        deleted = values_preview.deleted[label].str.replace("\xa0", " ").tolist()
        assert deleted == [before_text]


def test_a_preview_is_reused_only_for_the_same_files_options_person_and_store():
    files = [Upload("projekt.csv", PROJECTS.encode())]
    person = cli_identity()

    def key(uploads=files, *, identity=person, replace=False, version=(3, 0)):
        return dataops.preview_key(
            uploads, identity=identity, replace=replace, store_version=version
        )

    assert key() == key([Upload("projekt.csv", PROJECTS.encode())])
    others = [
        key([Upload("projekt2.csv", PROJECTS.encode())]),  # the name tells the kind
        key([Upload("projekt.csv", PROJECTS.replace("planerad", "avslutad").encode())]),
        key([Upload("projekt.csv", PROJECTS.encode(), kind="projects")]),
        key([Upload("projekt.csv", PROJECTS.encode(), sheet="Blad1")]),
        key(replace=True),
        key(version=(4, 0)),
        key(version=(3, 1)),  # an undo
        key(identity=dataclasses.replace(person, subject="cli:annan")),
    ]
    assert all(other != key() for other in others)
    assert len(set(others)) == len(others)

    def result(outcome, *problems):
        return ImportResult(outcome=outcome, plan=None, problems=list(problems), sha256="")

    assert dataops.keeps(result("dry-run")) and dataops.keeps(result("rejected"))
    # The store stopped it, not the file: ask again on the next run.
    assert not dataops.keeps(result("busy"))
    read_only = Problem(STORE_ERROR, msg("import.store_failed", detail="readonly database"))
    assert not dataops.keeps(result("rejected", read_only))


def test_an_undos_effect_names_its_rows_with_thousands_grouped():
    from datetime import datetime

    from arena.ingest import ImportEffect

    effect = ImportEffect(
        import_id=30,
        file_name="utbetalningar.csv",
        started_at=datetime(2026, 12, 5, 15, 22),
        user="anna@example.se",
        remove={"disbursements": 758_167},
        restore={},
    )
    text = dataops.effect_text(effect, "sv")
    assert "Tar bort: Utbetalningar 758\xa0167. Återställer: inga rader." in text
    assert "Removes: Disbursements 758,167." in dataops.effect_text(effect, "en")


@pytest.mark.parametrize(
    ("language", "sector", "unit", "country", "change"),
    [
        ("sv", "Energi", "antal", "Norge", ["Energi", "Livsmedel"]),
        ("en", "Energy", "number", "Norway", ["Energy", "Food"]),
    ],
)
def test_typed_columns_are_previewed_as_the_pages_show_them(
    engine, language, sector, unit, country, change
):
    # A project's sector is stored in Swedish and an indicator's unit as `antal`: the preview
    # showed them so on English pages too, where every table shows `Energy` and `number`.
    with_organisations(engine)
    projects = PROJECTS.replace("Fas\n", "Fas;Sektor\n").replace(
        "förstudie\n", "förstudie;Energi\n"
    )
    result = upload(engine, "projekt.csv", projects, dry_run=True)
    (shown,) = dataops.preview_frames(result, language).kinds
    assert shown.new[t("filters.sector", language)].tolist() == [sector]
    assert upload(engine, "projekt.csv", projects).outcome == "committed"
    result = upload(engine, "projekt.csv", projects.replace(";Energi", ";Livsmedel"), dry_run=True)
    (shown,) = dataops.preview_frames(result, language).kinds
    (changed,) = shown.changes.to_dict("records")
    assert list(changed.values())[-2:] == change
    indicators = "Kod;Namn;Enhet\nIND;Upphandlingar;antal\n"
    result = upload(engine, "indikatorer.csv", indicators, dry_run=True)
    (shown,) = dataops.preview_frames(result, language).kinds
    assert shown.new[t("column.unit", language)].tolist() == [unit]
    organisations = "Namn;Typ;Land\nOslo kommune;Kommun;Norge\n"
    result = upload(engine, "organisationer.csv", organisations, dry_run=True)
    (shown,) = dataops.preview_frames(result, language).kinds
    land = KINDS["organisations"].column("country").label(language)
    assert shown.new[land].tolist() == [country]
