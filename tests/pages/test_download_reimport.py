"""Every download of stored facts, of a view without a year filter, imported back as it is
changes nothing: the app's own files are read as what they hold (the Project page's payments
headed "Utbetalningsdag" were refused as a grants file lacking Diarienummer and Finansiär; the
Results page's indicator values, their place in one column "Program, projekt eller land", as
lacking it). A file the person edits imports as the edit, nothing else."""

from __future__ import annotations

import csv
import io

import pytest

from arena import i18n
from arena.auth import cli_identity
from tests.fixtures.ingest import errors, upload

# By page and what its link names: the keys of the downloads that hold stored facts (a list of
# grants, payments, projects ...), not figures the page makes of them (sums, counts, states).
STORED = [
    ("grants", {}, ("grants", "reports")),
    ("portfolio", {}, ("portfolio",)),
    ("networks", {}, ("networks",)),
    ("efforts", {}, ("activities",)),
    # The list of programmes: both names and the programme's own goals, in either language.
    ("programmes", {}, ("programmes",)),
    # A programme's budget and spend, its code on its own rows; its buyer groups; its
    # milestones and reports, each with its code.
    (
        "programmes",
        {"programme": "BG-2017"},
        tuple(
            f"BG-2017_{part}"
            for part in ("grants", "projects", "budget", "spend", "buyer_groups", "deadlines")
        ),
    ),
    ("programmes", {"programme": "ARENA-2021"}, ("ARENA-2021_budget", "ARENA-2021_deadlines")),
    # A network's members (the organisations) and projects.
    ("networks", {"group": "Beställargrupp transport"}, ("network_members", "network_projects")),
    (
        "project",
        {"ref": "DEMO-2024-022"},
        tuple(
            f"DEMO-2024-022_{part}"
            for part in (
                "participants",
                "grants",
                "disbursements",
                "spend",
                "indicators",  # both names of each indicator, in either language
                "milestones",
            )
        ),
    ),
    ("results", {}, ("registry", "series")),
    # The grants an organisation gave hold it as their funder; its programmes their codes.
    (
        "organisation",
        {"org": "Upphandlingsmyndigheten"},
        ("organisation_grants_given", "programmes", "buyer_groups"),
    ),
    ("organisation", {"org": "Vinnova"}, ("organisation_grants_given",)),
    (
        "organisation",
        {"org": "Trafikverket"},
        ("organisation_projects", "organisation_grants_received", "buyer_groups"),
    ),
]


@pytest.mark.parametrize("language", ["Svenska", "English"])
@pytest.mark.parametrize(
    ("page", "query", "keys"),
    STORED,
    ids=["-".join([page, *query.values(), *keys[:1]]) for page, query, keys in STORED],
)
def test_a_download_of_stored_facts_imports_back_as_nothing_changed(
    demo_engine, open_page, handed, file_names, page, query, keys, language
):
    open_page(demo_engine, page=page, lang=language, **query)
    for key in keys:
        for file_format in ("csv", "xlsx"):
            name = file_names[f"{key}_{file_format}"]
            result = upload(demo_engine, name, handed[f"{key}_{file_format}"](), dry_run=True)
            assert not errors(result), (name, [p.text("en") for p in result.problems])
            assert not result.plan.changes_anything, (name, result.counts)


def _edited(data: bytes, edit) -> str:
    """A CSV download as the person edits it: `edit(header, rows)` changes the rows it is
    given and returns the rows to add."""
    text = data.decode("utf-8-sig")
    # A Swedish header's comma in a name, "Budget, alla år (kr)", is no delimiter.
    delimiter = max(";,", key=text.splitlines()[0].count)
    header, *rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    added = edit(header, rows)
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([header, *rows, *added])
    return out.getvalue()


def _edited_rows(data: bytes) -> list[list[str]]:
    """A CSV download's rows under its header."""
    text = data.decode("utf-8-sig")
    header = text.splitlines()[0]
    delimiter = max(";,", key=header.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))[1:]


def _changed(result) -> tuple[list[dict], dict[str, list[str]]]:
    """The rows `result` adds, and by key the columns it changes of each row it updates."""
    assert not errors(result), [p.text("en") for p in result.problems]
    (plan,) = [kind for kind in result.plan.kinds if kind.new or kind.updated or kind.deleted]
    assert not plan.deleted
    changed = {
        tuple(row[name] for name in plan.kind.key): [
            name for name, flag in plan.changed.loc[line].items() if flag
        ]
        for line, row in plan.updated_rows.iterrows()
    }
    return plan.new, changed


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_the_indicator_values_with_one_value_changed_and_this_years_added_import_as_that(
    demo_engine, open_page, handed, file_names, language
):
    open_page(demo_engine, page="results", lang=language)

    def edit(header, rows):
        code, year, value = 0, 5, 6  # Indikator, År, Värde
        last = max(
            (row for row in rows if row[code] == "ARENA_KNOWLEDGE_EVENTS"), key=lambda r: r[year]
        )
        added = [*last]
        added[year] = str(int(last[year]) + 1)  # this year's value
        last[value] = str(int(last[value]) + 1)  # one value corrected
        return [added]

    text = _edited(handed["series_csv"](), edit)
    new, changed = _changed(upload(demo_engine, file_names["series_csv"], text, dry_run=True))
    assert [(row["indicator_code"], row["year"], row["value"]) for row in new] == [
        ("ARENA_KNOWLEDGE_EVENTS", 2027, 22.0)
    ]
    assert changed == {("ARENA_KNOWLEDGE_EVENTS", "ARENA-2021", None, None, 2026): ["value"]}


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_the_indicators_with_one_target_changed_and_one_added_import_as_that(
    demo_engine, open_page, handed, file_names, language
):
    open_page(demo_engine, page="results", lang=language)

    def edit(header, rows):
        code, target = 0, 8  # Kod, Mål
        (groups,) = [row for row in rows if row[code] == "ARENA_BUYER_GROUPS"]
        added = [*groups]
        added[code] = "ARENA_NEW_NETWORKS"
        groups[target] = "9"
        return [added]

    text = _edited(handed["registry_csv"](), edit)
    new, changed = _changed(upload(demo_engine, file_names["registry_csv"], text, dry_run=True))
    assert [(row["code"], row["target_value"], row["unit"]) for row in new] == [
        ("ARENA_NEW_NETWORKS", 8.0, "antal")
    ]
    assert changed == {("ARENA_BUYER_GROUPS",): ["target_value"]}


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_the_grants_an_organisation_gave_with_one_amount_changed_and_one_added_import_as_that(
    demo_engine, open_page, handed, file_names, language
):
    open_page(demo_engine, page="organisation", org="Vinnova", lang=language)

    def edit(header, rows):
        reference, amount = 0, 6  # Bidragsreferens, Belopp (kr)
        (grant,) = [row for row in rows if row[reference] == "DEMO-G-001"]
        added = [*grant]
        added[reference] = "DEMO-G-900"
        grant[amount] = str(int(grant[amount]) + 100_000)
        return [added]

    key = "organisation_grants_given_csv"
    text = _edited(handed[key](), edit)
    new, changed = _changed(upload(demo_engine, file_names[key], text, dry_run=True))
    assert [(row["reference"], row["funder"], row["amount_sek"]) for row in new] == [
        ("DEMO-G-900", "Vinnova", 1_800_000)
    ]
    # The file is the changed grant's source now, as for any list without a source column.
    assert list(changed.values()) == [["amount_sek", "source"]]


@pytest.mark.parametrize("language", ["Svenska", "English"])
@pytest.mark.parametrize(
    ("page", "query", "key", "code_headers", "code", "english", "fields"),
    [
        # The English name alone, not the Swedish one, the goals the list names nor the
        # source it holds (without it, the file was each edited programme's source).
        (
            "programmes",
            {},
            "programmes_csv",
            {"Svenska": "Kod", "English": "Code"},
            "BG-2017",
            "Support to buyer groups in Smart Industry",
            ["name_en"],
        ),
        (
            "project",
            {"ref": "DEMO-2024-022"},
            "DEMO-2024-022_indicators_csv",
            {"Svenska": "Indikator", "English": "Indicator"},
            "PROJECT_SUPPLIERS_DIALOGUE",
            "Suppliers in the market dialogue",
            ["name_en", "source"],
        ),
    ],
    ids=["programmes", "project_indicators"],
)
def test_a_list_with_one_english_name_edited_imports_as_that_english_name(
    demo_engine,
    open_page,
    handed,
    file_names,
    language,
    page,
    query,
    key,
    code_headers,
    code,
    english,
    fields,
):
    open_page(demo_engine, page=page, lang=language, **query)

    def edit(header, rows):
        # By header: a project's download has the project's column first, as its others.
        code_column = header.index(code_headers[language])
        english_column = header.index(
            {"Svenska": "Namn (engelska)", "English": "Name (English)"}[language]
        )
        (row,) = [row for row in rows if row[code_column] == code]
        row[english_column] = english
        return []

    text = _edited(handed[key](), edit)
    new, changed = _changed(upload(demo_engine, file_names[key], text, dry_run=True))
    assert new == []
    assert changed == {(code,): fields}


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_the_programmes_with_an_end_and_a_final_report_date_edited_import_as_those_dates(
    demo_engine, open_page, handed, file_names, language
):
    # The list held its period in one cell, which no import reads, and its English header of
    # the final report's date was no column the import knew.
    open_page(demo_engine, page="programmes", lang=language)
    end, due = {"Svenska": ("Slut", "Slutrapport senast"), "English": ("End", "Final report due")}[
        language
    ]

    def edit(header, rows):
        (programme,) = [row for row in rows if row[0] == "BG-2017"]
        assert "Start" in header and not {"Period", "Löptid"} & set(header)
        programme[header.index(end)] = "2019-06-30"
        programme[header.index(due)] = "2019-09-30"
        return []

    text = _edited(handed["programmes_csv"](), edit)
    new, changed = _changed(upload(demo_engine, file_names["programmes_csv"], text, dry_run=True))
    assert new == []
    assert changed == {("BG-2017",): ["end_date", "report_due"]}


def _edited_xlsx(data: bytes, edit) -> bytes:
    """An Excel download as the person edits it: `edit(header, rows)` changes the rows (lists
    of cells) it is given, as `_edited` does a CSV's."""
    from openpyxl import load_workbook

    from tests.fixtures.ingest import xlsx_bytes

    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    edit(header, rows)
    for line, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            sheet.cell(line, column, value)
    return xlsx_bytes(workbook)


# A project's indicator value's columns as its download heads them, in either language, and
# the value an edit writes in each (the Excel cell a number): the coverage in per cent.
PROJECT_VALUES = {
    "value": (("Värde", "Value"), 15, 15.0),
    "coverage": (("Täckning (%)", "Coverage (%)"), 50, 0.5),
}


@pytest.mark.parametrize("column", list(PROJECT_VALUES))
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_a_projects_indicators_with_one_value_edited_import_as_that_projects_value(
    demo_engine, open_page, handed, file_names, language, file_format, column
):
    # Read as the list of indicators, the values were "not read" and nothing changed: the
    # download names the project, and its values are the project's.
    open_page(demo_engine, page="project", ref="DEMO-2024-022", lang=language)
    english = language == "English"
    (swedish, in_english), written, stored = PROJECT_VALUES[column]
    edited = []

    def edit(header, rows):
        assert header[0] == ("Project" if english else "Projekt")
        assert {row[0] for row in rows} == {"DEMO-2024-022"}
        code = header.index("Indicator" if english else "Indikator")
        year = header.index("Year" if english else "År")
        (row, *_) = [row for row in rows if row[code] == "PROJECT_SUPPLIERS_DIALOGUE"]
        row[header.index(in_english if english else swedish)] = (
            written if file_format == "xlsx" else str(written)
        )
        edited.append(("PROJECT_SUPPLIERS_DIALOGUE", None, "DEMO-2024-022", None, int(row[year])))
        return []

    key = f"DEMO-2024-022_indicators_{file_format}"
    data = (_edited_xlsx if file_format == "xlsx" else _edited)(handed[key](), edit)
    result = upload(demo_engine, file_names[key], data, dry_run=True)
    new, changed = _changed(result)
    assert new == [] and changed == {edited[0]: [column, "source"]}
    (plan,) = [kind for kind in result.plan.kinds if kind.updated]
    assert plan.kind.name == "indicator_values"
    assert plan.updated_rows[column].tolist() == [stored]


def _headers(language: str) -> dict[str, str]:
    """A project's indicators download's headers of the indicators' columns, by column."""
    return dict(
        zip(
            ("code", "name_sv", "name_en", "unit"),
            ("Indicator", "Name", "Name (English)", "Unit")
            if language == "English"
            else ("Indikator", "Namn", "Namn (engelska)", "Enhet"),
            strict=True,
        )
    )


def _one_indicator_edited(handed, file_names, language: str, column: str, value: str):
    """A project's indicators download with the row of PROJECT_SUPPLIERS_DIALOGUE edited in
    `column` alone to `value`, and the file line of that row."""
    headers, lines = _headers(language), []

    def edit(header, rows):
        code = header.index(headers["code"])
        (line, row) = next(
            (line, row)
            for line, row in enumerate(rows, start=2)
            if row[code] == "PROJECT_SUPPLIERS_DIALOGUE"
        )
        row[header.index(headers[column])] = value
        lines.append(line)
        return []

    key = "DEMO-2024-022_indicators_csv"
    return file_names[key], _edited(handed[key](), edit), lines[0]


# The code of a row changed alone: to another stored indicator's, whose names and unit the
# row's were written over (relabelling every project's values of it), or mistyped, which
# added a second indicator of the stored one's names.
OTHER_CODES = {
    "stored": ("PROJECT_CO2_REDUCTION", "problem.indicator_named_otherwise"),
    "new": ("PROJECT_SUPPLIER_DIALOGUE", "problem.new_indicator_named"),
}


@pytest.mark.parametrize("other", list(OTHER_CODES))
@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_a_projects_indicators_with_one_code_changed_refuse_the_names_of_another_indicator(
    demo_engine, open_page, handed, file_names, language, other
):
    open_page(demo_engine, page="project", ref="DEMO-2024-022", lang=language)
    code, key = OTHER_CODES[other]
    name, text, line = _one_indicator_edited(handed, file_names, language, "code", code)
    result = upload(demo_engine, name, text, dry_run=True)
    headers = _headers(language)
    named = [(line, headers["name_sv"], "constraint-error")]
    named += [(line, headers["name_en"], "constraint-error")]
    # The stored indicator's unit, "ton CO2e", is not the row's to change either.
    unit = [(line, headers["unit"], "constraint-error")] if other == "stored" else []
    assert errors(result) == named + unit
    said = [problem for problem in result.problems if problem.message.key == key]
    stored = "PROJECT_SUPPLIERS_DIALOGUE"
    not_stored_sv, ask_sv, not_stored_en, ask_en = {
        "stored": ("", "Rätta koden eller namnet.", "", "Correct the code or the name."),
        "new": (
            ", som inte finns bland indikatorerna",
            f"Menade du {stored}? Rätta koden, eller ge den nya indikatorn ett eget namn.",
            ", which is not among the indicators",
            f"Did you mean {stored}? Correct the code, or give the new indicator a name of its "
            "own.",
        ),
    }[other]
    assert said[0].text("sv") == (
        f"”{headers['code']}” är {code}{not_stored_sv}, men ”{headers['name_sv']}” är "
        f"”Leverantörer i marknadsdialog”, namnet på {stored}. {ask_sv}"
    )
    assert said[1].text("en") == (
        f"“{headers['code']}” is {code}{not_stored_en}, but “{headers['name_en']}” is "
        f"“Suppliers in market dialogue”, the name of {stored}. {ask_en}"
    )


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_a_projects_indicators_with_one_unit_changed_refuse_it_for_the_list_of_indicators(
    demo_engine, open_page, handed, file_names, language
):
    # A project's list changed the unit every project's values of the indicator are in.
    open_page(demo_engine, page="project", ref="DEMO-2024-022", lang=language)
    name, text, line = _one_indicator_edited(handed, file_names, language, "unit", "ton CO2e")
    result = upload(demo_engine, name, text, dry_run=True)
    unit = _headers(language)["unit"]
    assert errors(result) == [(line, unit, "constraint-error")]
    (problem,) = result.problems
    assert problem.text("sv") == (
        f"”{unit}” är ”ton CO2e”, men PROJECT_SUPPLIERS_DIALOGUE mäts i ”antal”, liksom alla "
        "projekts värden för den: en lista över ett projekts värden ändrar inte en indikators "
        "enhet. Skriv ”antal”, eller ändra enheten med listan över indikatorer (Kod;Namn;Enhet)."
    )
    assert problem.text("en") == (
        f"“{unit}” is “ton CO2e”, but PROJECT_SUPPLIERS_DIALOGUE is measured in “number”, as are "
        "every project's values for it: a list of a project's values does not change an "
        "indicator's unit. Write “number”, or change the unit with the list of indicators "
        "(Code;Name;Unit)."
    )


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_a_projects_indicators_with_its_own_swedish_name_edited_import_as_that_name(
    demo_engine, open_page, handed, file_names, language
):
    # The names of the code's own indicator are the list's to edit (a case or space alone, as
    # the names of others are compared, too).
    open_page(demo_engine, page="project", ref="DEMO-2024-022", lang=language)
    edited = "Leverantörer  i Marknadsdialogen"
    name, text, _line = _one_indicator_edited(handed, file_names, language, "name_sv", edited)
    new, changed = _changed(upload(demo_engine, name, text, dry_run=True))
    assert new == [] and changed == {("PROJECT_SUPPLIERS_DIALOGUE",): ["name_sv", "source"]}


# Downloads from the English pages before they held both names: the English name under
# "Name", which imported back wrote it over the Swedish name.
OLD_ENGLISH = [
    (
        "programmes.csv",
        "Code,Name,Kind\nBG-2017,Support to buyer groups within Smart Industry,"
        "Government assignment\nP2I,Procure2Innovate,Network project\n",
    ),
    (
        "DEMO-2024-022_indicators.csv",
        "Code,Name,Unit,Year,Value,Coverage (%)\n"
        "PROJECT_SUPPLIERS_DIALOGUE,Suppliers in market dialogue,antal,2024,14,\n",
    ),
]


@pytest.mark.parametrize(("name", "data"), OLD_ENGLISH, ids=[name for name, _ in OLD_ENGLISH])
def test_an_old_english_download_keeps_the_swedish_names(demo_engine, name, data):
    result = upload(demo_engine, name, data, dry_run=True)
    assert not errors(result), [p.text("en") for p in result.problems]
    assert not result.plan.changes_anything, result.counts
    (kept,) = [p for p in result.problems if p.message.key == "import.english_name_kept"]
    assert kept.row == 2 and kept.text("en").startswith("“Support to") == name.startswith("prog")
    # A new Swedish name is one, though: the file says so.
    swedish = "Kod;Namn\nBG-2017;Stöd till beställargrupper i Smart industri\n"
    _, changed = _changed(upload(demo_engine, "program.csv", swedish, dry_run=True))
    assert changed == {("BG-2017",): ["name", "source"]}


# An old English download with a column of English names added and left blank: its rows
# give no English name, so the rule for a file without the column holds row by row.
BLANK_ENGLISH = [
    "Kod;Namn;Namn (engelska)\nBG-2017;Support to buyer groups within Smart Industry;\n"
    "P2I;Procure2Innovate;\n",
    "Code,Name,Name (English),Kind\n"
    "BG-2017,Support to buyer groups within Smart Industry,,Government assignment\n",
]


@pytest.mark.parametrize("data", BLANK_ENGLISH, ids=["Svenska", "English"])
def test_a_blank_english_name_keeps_the_swedish_name_a_stored_english_name_gives(demo_engine, data):
    result = upload(demo_engine, "programmes.csv", data, dry_run=True)
    assert not errors(result), [p.text("en") for p in result.problems]
    assert not result.plan.changes_anything, result.counts
    (kept,) = [p for p in result.problems if p.message.key == "import.english_name_kept"]
    assert kept.row == 2 and kept.text("en").startswith("“Support to")
    # Where the row gives an English name, the name under Namn is the Swedish one.
    given = data.replace("Industry;\n", "Industry;Support to buyer groups\n").replace(
        "Industry,,", "Industry,Support to buyer groups,"
    )
    _, changed = _changed(upload(demo_engine, "programmes.csv", given, dry_run=True))
    assert changed == {("BG-2017",): ["name", "name_en", "source"]}


@pytest.mark.parametrize(
    ("kind", "data", "key"),
    [
        ("programmes", "Kod;Namn (engelska)\nBG-2017;Support to buyer groups\n", "BG-2017"),
        (
            "indicators",
            "Code;Name (English)\nARENA_BUYER_GROUPS;Buyer groups started\n",
            "ARENA_BUYER_GROUPS",
        ),
    ],
)
def test_a_file_of_codes_and_english_names_changes_those_english_names(
    demo_engine, kind, data, key
):
    # It created a buyer group named by each English name: now it is programmes' or
    # indicators' alike, refused until the person says which, then their English names.
    result = upload(demo_engine, "names.csv", data, dry_run=True)
    said = [p for p in result.problems if p.severity == "error"]
    assert [p.message.key for p in said] == ["import.kinds_tied"]
    assert "programmes or indicators" in said[0].text("en")
    new, changed = _changed(upload(demo_engine, "names.csv", data, dry_run=True, kind=kind))
    assert new == [] and changed == {(key,): ["name_en", "source"]}
    # A new code is refused: the file has no Swedish name for it (nor an indicator's unit).
    added = upload(demo_engine, "names.csv", f"{data}NEW-1;New\n", dry_run=True, kind=kind)
    said = [p for p in added.problems if p.severity == "error"]
    assert {(p.row, p.message.key) for p in said} == {(3, "import.stored_only_unread")}


# A fact stored twice over that the download lists on one row each, the key repeated: an
# indicator measured in two countries (Norway's row without baseline and target), a project
# an organisation has two roles in. Imported back, the rows are one row each, said once.
REPEATED = [
    (
        "results",
        {},
        "registry",
        "indikatorvarden.csv",
        "Indikator;Program;Diarienummer;Land;År;Värde;Täckning;Anmärkning;Källa\n"
        "NO_DOFFIN_INNOVATION;;;SE;2016;25;;;QA test\n",
    ),
    (
        "organisation",
        {"org": "Trafikverket"},
        "organisation_projects",
        "deltagare.csv",
        "Diarienummer;Organisation;Roll\nDEMO-2018-003;Trafikverket;partner\n",
    ),
]


@pytest.mark.parametrize("language", ["Svenska", "English"])
@pytest.mark.parametrize(
    ("page", "query", "key", "name", "added"),
    REPEATED,
    ids=[key for _, _, key, _, _ in REPEATED],
)
def test_a_download_listing_one_fact_on_two_rows_imports_back_as_nothing_changed(
    engine, open_page, handed, file_names, page, query, key, name, added, language
):
    from arena.ingest import load_demo

    load_demo(engine, identity=cli_identity())
    assert upload(engine, name, added).outcome == "committed"
    open_page(engine, page=page, lang=language, **query)
    for file_format in ("csv", "xlsx"):
        data = handed[f"{key}_{file_format}"]()
        if file_format == "csv":
            firsts = [row[0] for row in _edited_rows(data)]
            assert len(firsts) > len(set(firsts)), firsts  # a key repeated
        result = upload(engine, file_names[f"{key}_{file_format}"], data, dry_run=True)
        assert not errors(result), [p.text("en") for p in result.problems]
        assert not result.plan.changes_anything, result.counts
        said = [p for p in result.problems if p.message.key == "problem.same_row_repeated"]
        assert len(said) == 1, [p.text("en") for p in result.problems]


# Spend lines of one day, category and amount told apart by their voucher number alone (a
# project's and the programme's own): the programme's spend download held no voucher number
# and, imported back, was refused as one line twice over.
VOUCHERS = (
    "Program;Diarienummer;Datum;Kategori;Belopp (kr);Beskrivning;Verifikationsnummer\n"
    ";DEMO-2024-022;2025-03-31;Konsulter;10000;Faktura A;V1\n"
    ";DEMO-2024-022;2025-03-31;Konsulter;10000;Faktura B;V2\n"
    "ARENA-2021;;2025-02-14;Konsulter;25000;Faktura C;V1\n"
    "ARENA-2021;;2025-02-14;Konsulter;25000;Faktura D;V2\n"
)


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_a_programmes_spend_told_apart_by_voucher_numbers_imports_back_as_nothing_changed(
    engine, open_page, handed, file_names, language
):
    from arena.ingest import load_demo

    load_demo(engine, identity=cli_identity())
    imported = upload(engine, "utfall.csv", VOUCHERS)
    assert imported.outcome == "committed", [p.text("en") for p in imported.problems]
    open_page(engine, page="programmes", programme="ARENA-2021", lang=language)
    key = "ARENA-2021_spend"
    rows = _edited_rows(handed[f"{key}_csv"]())
    assert sum("V1" in row for row in rows) == sum("V2" in row for row in rows) == 2
    for file_format in ("csv", "xlsx"):
        data = handed[f"{key}_{file_format}"]()
        result = upload(engine, file_names[f"{key}_{file_format}"], data, dry_run=True)
        assert not errors(result), [p.text("en") for p in result.problems]
        assert not result.plan.changes_anything, result.counts


@pytest.mark.parametrize(("language", "unit"), [("Svenska", "antal"), ("English", "number")])
def test_a_projects_indicators_show_their_unit_in_the_readers_language_and_import_back(
    demo_engine, open_page, handed, file_names, language, unit
):
    # The English Project page showed and downloaded `antal` where Results shows `number`.
    page = open_page(demo_engine, page="project", ref="DEMO-2024-022", lang=language)
    header = {"Svenska": "Enhet", "English": "Unit"}[language]
    shown = [frame.value for frame in page.dataframe if header in frame.value.columns]
    assert shown and set(shown[0][header]) == {unit}
    key = "DEMO-2024-022_indicators"
    text = handed[f"{key}_csv"]().decode("utf-8-sig")
    assert f",{unit}," in text or f";{unit};" in text
    result = upload(demo_engine, file_names[f"{key}_csv"], text, dry_run=True)
    assert not errors(result) and not result.plan.changes_anything, result.counts


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_a_programmes_deadlines_download_leaves_out_the_final_report_no_milestone_records(
    engine, open_page, handed, file_names, language
):
    # A report date no milestone is due on: the page names a final report of its own, which
    # imported back would store a milestone never stored.
    from arena.ingest import load_demo

    load_demo(engine, identity=cli_identity())
    moved = "Kod;Namn;Slutrapport senast\nBG-2017;Stöd till beställargrupper;2019-06-30\n"
    assert upload(engine, "program.csv", moved).outcome == "committed"
    page = open_page(engine, page="programmes", programme="BG-2017", lang=language)
    code = {"Svenska": "sv", "English": "en"}[language]
    made = i18n.t("programmes.final_report", code)
    (shown,) = [frame.value for frame in page.dataframe if made in frame.value.to_string()]
    assert len(shown) == 2
    said = i18n.t("programmes.deadlines.not_stored", code)
    assert any(said in caption.value for caption in page.caption)
    key = "BG-2017_deadlines"
    rows = _edited_rows(handed[f"{key}_csv"]())
    assert [row[:2] for row in rows] == [["BG-2017", "Slutredovisning av uppdraget"]]
    for file_format in ("csv", "xlsx"):
        data = handed[f"{key}_{file_format}"]()
        result = upload(engine, file_names[f"{key}_{file_format}"], data, dry_run=True)
        assert not errors(result), [p.text("en") for p in result.problems]
        assert not result.plan.changes_anything, result.counts


# The list of programmes as its downloads were before it held both names and only the
# programme's own goals: a programme without goals of its own had its projects' goals in the
# goals cell, said so after them; the English one held the English name under "Name".
OLD_PROGRAMMES = [
    (
        "programmes.csv",
        "Code,Name,Kind,Owner,Funder,Period,Themes,Agenda 2030 goals,Projects\n"
        "ARENA-2021,Arena for innovation procurement,Government assignment,"
        "Upphandlingsmyndigheten,Regeringskansliet (Näringsdepartementet),2021-01-01 –,,"
        "2; 3; 4; 6; 7; 9; 11; 12; 13; 14; 16 (its projects' goals),33\n"
        "BG-2017,Support to buyer groups within Smart Industry,Government assignment,"
        "Upphandlingsmyndigheten,Regeringskansliet (Näringsdepartementet),"
        "2017-01-01 – 2018-12-31,,3; 7; 9; 11; 12; 13 (its projects' goals),6\n"
        "P2I,Procure2Innovate,Network project,Kammarkollegiet,Europeiska kommissionen,–,,"
        "9; 16 (its projects' goals),2\n",
    ),
    (
        "program.csv",
        "Kod;Namn;Typ;Ägare;Finansiär;Löptid;Teman;Agenda 2030-mål;Antal projekt\n"
        "ARENA-2021;Arena för innovationsupphandling;Regeringsuppdrag;"
        "Upphandlingsmyndigheten;Regeringskansliet (Näringsdepartementet);2021-01-01 –;;"
        '"2; 3; 4; 6; 7; 9; 11; 12; 13; 14; 16 (projektens mål)";33\n'
        "BG-2017;Stöd till beställargrupper inom Smart industri;Regeringsuppdrag;"
        "Upphandlingsmyndigheten;Regeringskansliet (Näringsdepartementet);"
        '2017-01-01 – 2018-12-31;;"3; 7; 9; 11; 12; 13 (projektens mål)";6\n'
        "P2I;Procure2Innovate;Nätverksprojekt;Kammarkollegiet;Europeiska kommissionen;–;;"
        '"9; 16 (projektens mål)";2\n',
    ),
]


@pytest.mark.parametrize(("name", "data"), OLD_PROGRAMMES, ids=["English", "Svenska"])
def test_an_old_list_of_programmes_reads_its_projects_goals_as_none_of_its_own(
    demo_engine, name, data
):
    result = upload(demo_engine, name, data, dry_run=True)
    assert not errors(result), [p.text("en") for p in result.problems]
    assert not result.plan.changes_anything, result.counts
    said = {p.message.key: p for p in result.problems}
    assert said["import.goals_of_projects"].row == 2
    assert "3 rows" in said["import.goals_of_projects"].text("en")
    # The English file's names are the stored English ones: the Swedish names are kept.
    assert ("import.english_name_kept" in said) == (name == "programmes.csv")
    # A goals cell of the programme's own is read as its goals still.
    own = data.replace("9; 16 (its projects' goals)", "9; 16").replace(
        '"9; 16 (projektens mål)"', '"9; 16"'
    )
    _, changed = _changed(upload(demo_engine, name, own, dry_run=True))
    assert changed == {("P2I",): ["sdg_goals", "source"]}


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_downloads_name_countries_as_the_page_does_and_an_edited_country_imports_as_that(
    demo_engine, open_page, handed, file_names, language
):
    # The network members' and indicator values' downloads wrote "SE" and "NO" where the
    # page shows "Sverige" and "Norge" ("Sweden", "Norway").
    sweden, norway = ("Sverige", "Norge") if language == "Svenska" else ("Sweden", "Norway")
    open_page(demo_engine, page="networks", lang=language, group="Beställargrupp transport")
    members = handed["network_members_csv"]().decode("utf-8-sig")
    land = 4  # Organisation, Nivå, Typ, Län, Land
    assert {row[land] for row in _edited_rows(members.encode())} == {sweden}
    open_page(demo_engine, page="results", lang=language)
    series = handed["series_csv"]()
    land = 4  # Indikator, Indikatorns namn, Program, Diarienummer, Land
    assert {row[land] for row in _edited_rows(series)} >= {sweden, norway, ""}

    def edit(header, rows):
        # Sweden's advertised procurements of 2022 said to be Norway's.
        (swedish,) = [row for row in rows if row[0] == "SE_ADVERTISED" and row[5] == "2022"]
        swedish[land] = norway
        return []

    text = _edited(series, edit)
    result = upload(demo_engine, file_names["series_csv"], text, dry_run=True)
    assert not errors(result), [p.text("en") for p in result.problems]
    (plan,) = [kind for kind in result.plan.kinds if kind.new or kind.updated or kind.deleted]
    assert [(row["indicator_code"], row["country_code"], row["year"]) for row in plan.new] == [
        ("SE_ADVERTISED", "NO", 2022)
    ]
    # Added beside Sweden's, which stays: said.
    (note,) = _moved(result)
    assert "Sweden in the database is Norway in the file" in note.text("en")


def _moved(result) -> list:
    return [p for p in result.problems if p.message.key == "import.moved"]


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_a_projects_indicators_with_one_year_edited_say_the_old_year_is_kept(
    demo_engine, open_page, handed, file_names, language
):
    # The edited row was added under its new year and the stored one kept without a word.
    open_page(demo_engine, page="project", ref="DEMO-2024-022", lang=language)
    moved = []

    def edit(header, rows):
        code = header.index("Indicator" if language == "English" else "Indikator")
        year = header.index("Year" if language == "English" else "År")
        at, row = max(enumerate(rows), key=lambda item: (item[1][code], item[1][year]))
        moved.append((at + 2, header[year], row[year]))
        row[year] = str(int(row[year]) + 5)
        return []

    key = "DEMO-2024-022_indicators_csv"
    result = upload(demo_engine, file_names[key], _edited(handed[key](), edit), dry_run=True)
    (note,) = _moved(result)
    ((line, header, year),) = moved
    assert note.text("en").startswith(
        f"Row {line}: “{header}” {year} in the database is {int(year) + 5} in the file; the "
        f"row (indicator values) is added for {int(year) + 5} and the one for {year} stays."
    )
    assert note.text("sv").startswith(f"Rad {line}: ”{header}” {year} i databasen är")


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_a_projects_indicators_with_values_added_or_imported_twice_say_nothing_moved(
    engine, open_page, handed, file_names, language
):
    # Every "add this year's values" import said the stored years were not in the file.
    # A store of its own: the import commits (the shared demo store is read-only).
    from arena.ingest import load_demo

    load_demo(engine, identity=cli_identity())
    open_page(engine, page="project", ref="DEMO-2024-022", lang=language)

    def add(header, rows):
        year, value = (header.index(name) for name in _names(language, "Year", "Value"))
        last = max(rows, key=lambda row: row[year])
        later = [*last]
        # A value of its own: a year's value equal to the one before would look moved.
        later[year] = str(int(last[year]) + 1)
        later[value] = f"98{later[year]}"
        rows[:] = []  # next year's value alone, as a routine import of it is written
        return [later]

    key = "DEMO-2024-022_indicators_csv"
    text = _edited(handed[key](), add)
    result = upload(engine, file_names[key], text, dry_run=True)
    assert result.plan.counts()["new"] == 1 and _warned(result) == []
    assert upload(engine, file_names[key], text).outcome == "committed"
    assert _warned(upload(engine, file_names[key], text, dry_run=True)) == []


def _warned(result) -> list[str]:
    """Every warning of `result`, in English: a file that moved nothing gets none."""
    return [p.text("en") for p in result.problems if p.severity == "warning"]


def _names(language: str, *english: str) -> list[str]:
    """Template headers in the download's language: "Year" or "År"."""
    swedish = {"Year": "År", "Value": "Värde"}
    return [name if language == "English" else swedish[name] for name in english]


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_the_grants_pages_reports_imported_back_warn_of_nothing(
    demo_engine, open_page, handed, file_names, language
):
    # The reports download lists the late and due reports only: imported back unchanged it
    # said "14 stored rows … are not in the file". (Its "Läge" column, the page's own
    # word for late or due, is not read, and said so.)
    open_page(demo_engine, page="grants", lang=language)
    for file_format in ("csv", "xlsx"):
        key = f"reports_{file_format}"
        result = upload(demo_engine, file_names[key], handed[key](), dry_run=True)
        warned = {p.message.key for p in result.problems if p.severity == "warning"}
        assert warned <= {"problem.extra_label"}, [p.text("en") for p in result.problems]
