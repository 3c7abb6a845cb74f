"""Every problem the report names, each from its own messy file: where (row as the user sees
it, column as the file writes it), what (the Frictionless error type), and that a rejected
upload leaves the store exactly as it was (every kind and the import history).
"""

from __future__ import annotations

import pytest

from arena.ingest.report import ERROR_TYPES, problems_frame
from tests.fixtures.ingest import (
    errors,
    natural,
    rejected,
    text,
    upload,
    warnings,
    with_organisations,
)

# fixture -> the (row, column, error) it must be rejected with
REJECTED = {
    "fel_duplicate_label.csv": [(1, "Projekttitel", "duplicate-label")],
    "fel_missing_label.csv": [(1, "Titel", "missing-label")],
    "fel_missing_cell.csv": [(3, None, "missing-cell")],
    "fel_extra_cell.csv": [(2, None, "extra-cell")],
    "fel_type_error.csv": [
        (2, "Startdatum", "type-error"),  # not a date
        (3, "Slutdatum", "type-error"),
        (4, "Startdatum", "type-error"),  # 30 February: no such date
    ],
    "fel_constraint_error.csv": [
        (2, "Slutdatum", "constraint-error"),  # ends before it starts
        (3, "Status", "constraint-error"),  # not a known status
        (4, "Titel", "constraint-error"),  # required
    ],
    "fel_unique_error.csv": [(4, None, "unique-error")],
    # an unknown programme (an unknown coordinator is a new organisation, not an error)
    "fel_foreign_key.csv": [(3, "Program", "foreign-key")],
    "fel_format_error.csv": [(1, None, "format-error")],
}

# fixture -> the warnings it commits with, and the references stored
WARNED = {
    "fel_blank_header.csv": ([(1, None, "blank-header")], ["2020-00001"]),
    "fel_extra_label.csv": ([(1, "Budgetansvarig", "extra-label")], ["2020-00001"]),
    "fel_blank_row.csv": (
        [(3, None, "blank-row"), (4, None, "blank-row")],
        ["2020-00001", "2020-00002"],
    ),
    # a sum under the list ("Summa"): no record, skipped
    "fel_row_error.csv": (
        [(4, None, "blank-row"), (5, None, "row-error")],
        ["2020-00001", "2020-00002"],
    ),
}

# Bytes that cannot be read at all -> (row, column, error)
UNREADABLE = {
    "utf16_cut.csv": ("\ufeffDiarienummer;Titel".encode("utf-16-le") + b"\x00", "encoding-error"),
    "trasig.json": (b'[{"Diarienummer": "2018-04510",\n "Titel": }]', "format-error"),
    "gammal.xls": (b"\xd0\xcf\x11\xe0 an old Excel file", "format-error"),
    "tom.csv": (b"", "format-error"),
    # A NUL character in a cell: kept unseen by SQLite, refused at the commit by PostgreSQL.
    "nul.csv": (b"Diarienummer;Titel\n2018-04510;Sm\x00art\n", "encoding-error"),
    "nul_citerad.csv": (b'Diarienummer;Titel\n2018-04510;"Sm\x00art"\n', "encoding-error"),
    "utf16_utan_bom.csv": ("Diarienummer;Titel\n".encode("utf-16-le"), "encoding-error"),
    "nul.json": (b'[{"Diarienummer": "2018-04510", "Titel": "Sm\\u0000art"}]', "encoding-error"),
}


@pytest.mark.parametrize("fixture", sorted(REJECTED))
def test_each_error_is_reported_where_the_user_sees_it(engine, fixture):
    with_organisations(engine)
    assert rejected(engine, fixture) == REJECTED[fixture]


@pytest.mark.parametrize("fixture", sorted(WARNED))
def test_warnings_do_not_stop_the_import(engine, fixture):
    expected, references = WARNED[fixture]
    result = upload(engine, fixture)
    assert result.outcome == "committed", result.problems
    assert (warnings(result), errors(result)) == (expected, [])
    assert [p["reference"] for p in natural(engine, "projects")] == references


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_files_are_refused_whole(engine, name):
    data, error = UNREADABLE[name]
    found = rejected(engine, name, data)
    assert [problem[2] for problem in found] == [error]


def test_columns_without_header_or_value_are_passed_over_in_silence(engine):
    # Excel pads every row of a CSV it saves to the width the sheet once used: nothing in
    # those columns, so nothing to warn about (a headerless column with values is warned of).
    data = "Diarienummer;Titel;Status;;;\n2020-00001;Ett projekt;planerad;;;\n;;;;;\n"
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(3, None, "blank-row")]


def test_a_reference_written_otherwise_is_named_as_stored_not_guessed(engine):
    upload(engine, "program.csv", "Kod;Namn\nP2I;Processer\nBG-2017;Beställargrupper\n")
    data = "Diarienummer;Titel;Status;Program\n2024-00901;Ett;planerad;p2i\n"
    data += "2024-00902;Två;planerad;BG 2017\n2024-00903;Tre;planerad;NYTT\n"
    assert rejected(engine, "projekt.csv", data) == [
        (2, "Program", "foreign-key"),
        (3, "Program", "foreign-key"),
        (4, "Program", "foreign-key"),
    ]
    texts = [problem.text("en") for problem in upload(engine, "projekt.csv", data).problems]
    assert texts[0] == (
        "Programmes has no “p2i” (column “Program”) but has “P2I”: write it so, or add “p2i” "
        "first or in the same upload."
    )
    assert "but has" not in texts[1]  # a space for a dash makes another code
    assert texts[2].startswith("Programmes has no “NYTT” (column “Program”); add it first")
    # A label before a diarienummer, zeros left out of it: the stored one is named.
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2018-04510;Arenan;pågående\n")
    data = "Diarienummer;Organisation;Roll\nDnr 2018-04510;Vinnova;Partner\n"
    data += "2018-4510;Vinnova;Partner\n"
    texts = [problem.text("en") for problem in upload(engine, "deltagare.csv", data).problems]
    assert [text.split(": write")[0] for text in texts if "but has" in text] == [
        "Projects has no “Dnr 2018-04510” (column “Diarienummer”) but has “2018-04510”",
        "Projects has no “2018-4510” (column “Diarienummer”) but has “2018-04510”",
    ]


# kind -> the file that stores a row, the same row with its key written otherwise, the key
# column's header, and the stored key (a label before it, its case, the zeros of a number).
WRITTEN_OTHERWISE = {
    "programmes": ("Kod;Namn\nBG-2017;Beställargrupper\n", "bg-2017;Stöd\n", "Kod", "BG-2017"),
    "indicators": (
        "Kod;Namn;Enhet\nPROJECT_SUPPLIERS_DIALOGUE;Leverantörer;antal\n",
        "project_suppliers_dialogue;Leverantörer i dialog;antal\n",
        "Kod",
        "PROJECT_SUPPLIERS_DIALOGUE",
    ),
    "buyer_groups": (
        "Namn;Typ\nBeställargrupp transport;buyer_group\n",
        "beställargrupp Transport;buyer_group\n",
        "Namn",
        "Beställargrupp transport",
    ),
    "projects": (
        "Diarienummer;Titel;Status\n2018-04510;Arenan;pågående\n",
        "Dnr 2018-4510;Arenan;pågående\n",
        "Diarienummer",
        "2018-04510",
    ),
    "activities": (
        "Referens;Insats;Titel\nINS-2021-001;knowledge_sharing;Webbinarier\n",
        "ins-2021-1;knowledge_sharing;Webbinarier\n",
        "Referens",
        "INS-2021-001",
    ),
}


@pytest.mark.parametrize("kind", sorted(WRITTEN_OTHERWISE))
def test_a_new_rows_key_written_otherwise_is_refused_naming_the_stored_one(engine, kind):
    # "bg-2017" beside the stored BG-2017 was a second programme, "Dnr 2018-4510" a second
    # project: refused as a reference written so is, naming the stored key.
    stored, row, column, key = WRITTEN_OTHERWISE[kind]
    assert upload(engine, "lista.csv", stored, kind=kind).outcome == "committed"
    header = stored.split("\n")[0] + "\n"
    assert rejected(engine, "lista.csv", header + row, kind=kind) == [(2, column, "unique-error")]
    (problem,) = upload(engine, "lista.csv", header + row, kind=kind).problems
    written = row.split(";")[0]
    assert f"already has “{key}” (column “{column}”), which “{written}”" in problem.text("en")
    assert f"write it as stored, “{key}”" in problem.text("en")
    # And how to tell another one apart: a name by more than its case and spaces.
    by_name = kind == "buyer_groups"
    assert problem.text("en").endswith(
        "give it a name that differs by more than case or spaces."
        if by_name
        else "give it a code that differs by more than case, zeros or a label before it (Dnr, Ref)."
    )
    assert "Är det en annan, ge den " + ("ett namn" if by_name else "en kod") in problem.text("sv")
    # Beside the stored key in the same file, it is a row of its own, as written.
    result = upload(engine, "lista.csv", stored + row, kind=kind, dry_run=True)
    assert result.outcome == "dry-run", result.problems
    assert result.plan.counts()["new"] == 1


def test_a_word_or_zeros_before_a_name_make_another_name_not_one_written_otherwise(engine):
    # "Ref. beställargrupp transport" was refused as the stored "Beställargrupp transport"
    # written otherwise, "Ref gruppen" as "Gruppen": a leading word, or a number's zeros, are
    # part of a name, as they are not of a code or a diarienummer.
    stored = "Namn;Typ\nBeställargrupp transport;buyer_group\nGruppen 7;buyer_group\n"
    assert upload(engine, "grupper.csv", stored, kind="buyer_groups").outcome == "committed"
    data = "Namn;Typ\nRef. beställargrupp transport;buyer_group\nRef gruppen 07;buyer_group\n"
    result = upload(engine, "grupper.csv", data, kind="buyer_groups", dry_run=True)
    assert (result.outcome, errors(result)) == ("dry-run", [])
    assert result.plan.counts()["new"] == 2
    # A member of such a group is no reference to the stored one written otherwise either.
    members = "Beställargrupp;Organisation\nRef gruppen 7;Vinnova\n"
    (problem,) = upload(engine, "medlemmar.csv", members, kind="buyer_group_members").problems
    assert problem.text("en").startswith("Buyer groups has no “Ref gruppen 7”")
    assert "but has" not in problem.text("en")


def test_a_key_written_otherwise_is_refused_from_a_grants_list_and_a_flat_sheet(engine):
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2018-04510;Arenan;pågående\n")
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
    stored = upload(engine, "bidrag.csv", grants + "VIN-2018-04510;2018-04510;Vinnova;1 000\n")
    assert stored.outcome == "committed", stored.problems
    assert rejected(engine, "bidrag.csv", grants + "vin-2018-4510;2018-04510;Vinnova;1 000\n") == [
        (2, "Bidragsreferens", "unique-error")
    ]
    sheet = "Projekt;Diarienummer;Koordinator;Beviljat belopp;Finansiär;Status\n"
    sheet += "Arenan;Dnr 2018-4510;Göteborgs kommun;100 000 kr;Vinnova;Pågående\n"
    assert rejected(engine, "lista.csv", sheet) == [(2, "Diarienummer", "unique-error")]
    assert [project["reference"] for project in natural(engine, "projects")] == ["2018-04510"]


def test_a_360giving_identifier_written_otherwise_is_refused_as_project_and_grant(engine):
    data = text("360giving.csv")
    assert upload(engine, "360.csv", data).outcome == "committed"
    otherwise = data.replace("360G-arena-2019-001", "360g-arena-2019-1")
    assert rejected(engine, "360.csv", otherwise) == [
        (2, "Identifier", "unique-error"),  # the project the grant is of
        (2, "Identifier", "unique-error"),  # the grant
    ]


def test_keys_the_store_holds_twice_written_otherwise_refuse_nothing(engine):
    # Which of BG-2017 and bg-2017 "Bg-2017" means cannot be told: nothing is named.
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Ett\n")
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Ett\nbg-2017;Två\n")
    result = upload(engine, "program.csv", "Kod;Namn\nBg-2017;Tre\n")
    assert result.outcome == "committed", result.problems
    codes = sorted(programme["code"] for programme in natural(engine, "programmes"))
    assert codes == ["BG-2017", "Bg-2017", "bg-2017"]


def test_a_nul_character_is_refused_naming_its_line(engine):
    data = b"Diarienummer;Titel\n2018-04510;Smart\n2018-04511;Sm\x00art\n"
    (problem,) = upload(engine, "projekt.csv", data).problems
    assert problem.text("en").startswith("Line 3 holds a NUL character (0x00)")


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        # Opened in the first column of line 3: lines 3-5 became one cell.
        (['"Göteborgs kommun;kommun', "Malmö stad;kommun", "Lunds kommun;kommun"], (3, "Namn")),
        (["Göteborgs kommun;kommun", 'Malmö stad;"kommun'], (4, "Typ")),  # the last line
    ],
)
def test_a_quote_never_closed_is_named_not_read_as_a_short_row(engine, lines, where):
    # The rest of the file was read as one cell: "the row has 1 cell but the header has
    # 2", and the organisations after it were never mentioned.
    data = "\n".join(["Namn;Typ", "Vinnova;myndighet", *lines, ""])
    assert rejected(engine, "organisationer.csv", data) == [(*where, "format-error")]
    (problem,) = upload(engine, "organisationer.csv", data).problems
    assert problem.text("sv").startswith(f'Ett citattecken (") på rad {where[0]} stängs aldrig')
    # A quote inside an unquoted cell, and a quoted cell over two lines, are read as written.
    data = 'Namn;Typ\nGöteborgs "kommun";kommun\n"Malmö\nstad";kommun\n'
    assert upload(engine, "organisationer.csv", data).outcome == "committed"
    assert [o["name"] for o in natural(engine, "organisations")] == [
        'Göteborgs "kommun"',
        "Malmö stad",  # a name's line break is a space
    ]


def test_the_fixtures_cover_every_error_type():
    seen = {error for expected in REJECTED.values() for _row, _column, error in expected}
    seen |= {error for expected, _refs in WARNED.values() for _row, _column, error in expected}
    seen |= {error for _data, error in UNREADABLE.values()}
    seen.add("encoding-error")  # double-encoded text: test_ingest_files.py
    seen.add("source-error")  # too large, crafted workbooks: test_ingest_hostile.py
    seen.add("general-error")  # a read-only or full store: test_cli.py
    assert seen == set(ERROR_TYPES)


def test_a_problem_says_what_is_wrong_in_swedish_and_english_with_the_value(engine):
    result = upload(engine, "fel_type_error.csv")
    first = result.problems[0]
    assert first.value == "nästa vecka"
    assert "nästa vecka" in first.text("sv") and "inget datum" in first.text("sv")
    assert "nästa vecka" in first.text("en") and "not a date" in first.text("en")
    report = problems_frame(result.problems, "en")
    assert list(report.columns[:6]) == ["row", "column", "value", "severity", "error", "message"]
    assert report.loc[0, "severity"] == "error"
    assert report.loc[0, "row"] == 2 and report.loc[0, "column"] == "Startdatum"


def test_a_row_twice_names_the_line_and_the_columns_that_clash(engine):
    result = upload(engine, "fel.csv", text("fel_unique_error.csv"))
    (problem,) = result.problems
    assert problem.text("sv") == (
        "Rad 2 har redan samma ”Diarienummer” (2020-00001); en rad var, så slå ihop raderna om "
        "de är en och samma."
    )
    # Two payments of one grant on one day: both columns of the key are named.
    payments = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2019-01-15;50 000\nG-1;2019-01-15;1\n"
    problems = upload(engine, "u.csv", payments).problems
    (twice,) = [p for p in problems if p.error == "unique-error"]
    assert twice.text("en").startswith(
        "Row 2 already has the same “Bidragsreferens”, “Utbetalningsdatum” (G-1, 2019-01-15)"
    )


HEADER = "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"


@pytest.mark.parametrize(
    ("rows", "stored"),
    [
        # The same row twice (the app's own download lists a project once per role).
        (["P-1;Ett;Pågående;2020-01-01;", "P-1;Ett;Pågående;2020-01-01;"], "2020-01-01"),
        # A cell one row leaves empty takes the other's value, whichever row comes first.
        (["P-1;Ett;Pågående;;", "P-1;Ett;Pågående;2020-01-01;"], "2020-01-01"),
        (["P-1;Ett;Pågående;2020-01-01;", "P-1;Ett;Pågående;;", "P-1;Ett;;;"], "2020-01-01"),
    ],
    ids=["agree", "one-side-blank", "three-rows"],
)
def test_rows_with_one_key_that_agree_in_all_else_are_one_row_said_once(engine, rows, stored):
    with_organisations(engine)
    result = upload(engine, "p.csv", HEADER + "\n".join(rows) + "\n")
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    (said,) = [p for p in result.problems if p.error == "unique-error"]
    assert said.severity == "warning" and said.row == 2
    lines = ", ".join(str(line) for line in range(2, 2 + len(rows)))
    assert f"rows {lines} (P-1)" in said.text("en")
    (project,) = natural(engine, "projects")
    assert (project["title"], str(project["start_date"])) == ("Ett", stored)


@pytest.mark.parametrize(
    "rows",
    [
        # Each row empty where the other is filled: neither says all; which holds is unknown.
        ["P-1;Ett;Pågående;2020-01-01;", "P-1;Ett;Pågående;;2021-01-01"],
        # A real difference.
        ["P-1;Ett;Pågående;2020-01-01;", "P-1;Två;Pågående;2020-01-01;"],
        ["P-1;Ett;Pågående;2020-01-01;", "P-1;Ett;Pågående;2020-01-02;"],
    ],
    ids=["two-side-blanks", "differ", "differ-in-a-date"],
)
def test_rows_with_one_key_that_differ_are_refused_as_before(engine, rows):
    with_organisations(engine)
    result = upload(engine, "p.csv", HEADER + "\n".join(rows) + "\n")
    assert errors(result) == [(3, None, "unique-error")]
    assert not [p for p in result.problems if p.severity == "warning"]


def test_rows_joined_as_one_still_clash_with_a_row_of_the_name_in_another_case(engine):
    # Rows 3 and 4 are one row; row 2 names the same new organisation in another case, so
    # row 3 is then row 2 again: refused, not hidden behind the warning on row 3.
    with_organisations(engine)
    upload(engine, "p.csv", "Diarienummer;Titel;Status\nP-1;Ett;Pågående\n")
    participants = (
        "Diarienummer;Organisation;Roll\n"
        "P-1;Nyx AB;partner\nP-1;NYX AB;partner\nP-1;NYX AB;partner\n"
    )
    result = upload(engine, "d.csv", participants, dry_run=True)
    assert errors(result) == [(3, None, "unique-error")]


def test_rows_whose_key_could_not_be_read_are_not_called_the_same_row(engine):
    # A ledger whose dates are all in a refused form: each line said "not a date" and then,
    # falsely, "line 2 already has the same date" (two unreadable dates are no same date).
    # A row with a readable key and another bad cell is still checked.
    with_organisations(engine)
    upload(engine, "p.csv", "Diarienummer;Titel;Status\nP-1;Ett;Pågående\n")
    ledger = (
        "Diarienummer;Datum;Kategori;Belopp\n"
        "P-1;2024-13-31;Konsulter;100\n"
        "P-1;2024-14-30;Konsulter;200\n"
        "P-1;2024-01-31;Resor;x\n"
        "P-1;2024-01-31;Resor;300\n"
    )
    assert rejected(engine, "utfall.csv", ledger) == [
        (2, "Datum", "type-error"),
        (3, "Datum", "type-error"),
        (4, "Belopp", "type-error"),
        (5, None, "unique-error"),
    ]


def test_a_file_with_errors_still_reports_every_problem_not_just_the_first(engine):
    with_organisations(engine)
    data = (
        "Diarienummer;Titel;Status;Koordinator;Startdatum;Program\n"
        "2020-00001;Ett;planerad;Okänd AB;2020-13-01;BG-9999\n"
        "2020-00001;Två;okänd;Göteborgs kommun;2020-01-01;\n"
    )
    assert rejected(engine, "projekt.csv", data) == [
        (2, "Startdatum", "type-error"),
        (3, "Status", "constraint-error"),
        (3, None, "unique-error"),
        (2, "Program", "foreign-key"),
    ]


def test_numbers_too_large_to_be_real_are_refused_where_they_stand(engine):
    # A 20-digit amount (columns run together) passed every check and then stopped the import
    # at the insert, naming nothing; a count likewise; an indicator value of 401 digits was
    # stored as infinity.
    sheet = (
        "Diarienummer;Titel;Status;Bidrag från Vinnova\n"
        "P-1;Ett;Pågående;150 000 kr\n"
        "P-2;Två;Pågående;12 345 678 901 234 567 890 kr\n"
    )
    assert rejected(engine, "projekt.csv", sheet) == [
        (3, "Bidrag från Vinnova", "constraint-error")
    ]
    activities = (
        "Referens;Insats;Titel;Startdatum;Deltagare\n"
        "X-1;knowledge_sharing;Seminarier;2021-03-01;123456789012345678901234\n"
    )
    assert rejected(engine, "insatser.csv", activities) == [(2, "Deltagare", "constraint-error")]
    upload(engine, "indikatorer.csv", "Kod;Namn;Enhet\nUP;Upp;antal\n")
    values = f"Indikator;Land;År;Värde\nUP;SE;2021;15\nUP;SE;2022;1{'0' * 400}\n"
    (problem,) = upload(engine, "varden.csv", values).problems
    assert (problem.row, problem.column, problem.error) == (3, "Värde", "constraint-error")
    assert problem.text("en").endswith("is too large to be stored as a number.")


def test_a_date_that_meets_the_stored_one_the_wrong_way_names_its_row(engine):
    # A file without the start date column keeps the stored start: an end before it was
    # refused by the database, naming no row, and the check of the file alone cannot see it.
    projects = (
        "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
        "P-1;Ett;Pågående;2020-05-01;2022-12-31\n"
        "P-2;Två;Pågående;;2022-12-31\n"
    )
    assert upload(engine, "projekt.csv", projects).outcome == "committed"
    ends = (
        "Diarienummer;Titel;Status;Slutdatum\n"
        "P-1;Ett;Avslutad;2019-12-31\n"
        "P-2;Två;Avslutad;2019-12-31\n"
    )
    assert rejected(engine, "slut.csv", ends) == [(2, "Slutdatum", "constraint-error")]
    (problem,) = upload(engine, "slut.csv", ends).problems
    assert problem.text("sv") == (
        "Slutdatum 2019-12-31 ligger före det lagrade startdatumet 2020-05-01; ta med "
        "startdatumet i filen om också det ändras."
    )
    starts = "Diarienummer;Titel;Status;Start\nP-1;Ett;Pågående;2023-01-01\n"
    (problem,) = rejected(engine, "start.csv", starts)
    assert problem == (2, "Start", "constraint-error")
    # Given together, the file's own dates are checked as before; P-2 has no start to meet.
    both = (
        "Diarienummer;Titel;Status;Startdatum;Slutdatum\nP-1;Ett;Avslutad;2019-01-01;2019-12-31\n"
    )
    assert upload(engine, "båda.csv", both).outcome == "committed"
    assert (
        upload(
            engine, "p2.csv", "Diarienummer;Titel;Status;Slutdatum\nP-2;Två;Avslutad;2019-06-30\n"
        ).outcome
        == "committed"
    )


def test_a_blank_scope_in_a_files_only_scope_column_says_what_is_wrong(engine):
    # The Results page's download of project outputs writes "–" for the projects of no
    # programme: imported, each such row was refused with "Fill in exactly one of
    # “Program”.", naming one column as a choice and not what was wrong with the cell.
    values = "Program;Indikator;År;Värde\n–;Nätverk;2021;1\n;Nätverk;2022;2\n"
    rejected(engine, "resultat.csv", values)
    result = upload(engine, "resultat.csv", values)
    scoped = [p for p in result.problems if p.message.key.startswith("problem.scope_")]
    assert [(p.row, p.column, p.value) for p in scoped] == [
        (2, "Program", "–"),
        (3, "Program", None),
    ]
    assert [p.text("en") for p in scoped] == [
        "“–” in “Program” is read as a blank cell: a row needs to say what its value is for, "
        "here or in a column “Diarienummer” / “Land”.",
        "“Program” is blank: a row needs to say what its value is for, here or in a column "
        "“Diarienummer” / “Land”.",
    ]
    assert scoped[0].text("sv") == (
        "”–” i ”Program” läses som en tom cell: en rad behöver ange vad dess värde gäller, "
        "här eller i en kolumn ”Diarienummer” / ”Land”."
    )
    assert not [p for p in result.problems if p.message.key == "problem.one_scope"]


def test_exactly_one_of_names_the_scope_columns_the_file_has(engine):
    # With two scope columns in the file, a row filling both (or neither) is still refused
    # as one that must fill exactly one of them.
    values = "Program;Diarienummer;Indikator;År;Värde\nP1;2020-1;Nätverk;2021;1\n;;Nätverk;2022;2\n"
    result = upload(engine, "resultat.csv", values)
    scoped = [p for p in result.problems if p.message.key == "problem.one_scope"]
    assert [(p.row, p.text("en")) for p in scoped] == [
        (row, "Fill in exactly one of “Program” / “Diarienummer”.") for row in (2, 3)
    ]


@pytest.mark.parametrize("more_rows", [0, 15], ids=["one row", "sixteen rows"])
def test_a_reference_written_otherwise_is_named_whatever_the_files_length(engine, more_rows):
    # A file naming few keys reads only those of the store (`named_key_ids`): "2018-4510" was
    # named as stored only when the file had 15 more rows, which made the store read whole.
    with_organisations(engine)
    projects = "".join(f"2024-{n:05d};Projekt {n};pågående\n" for n in range(1, 20))
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2018-04510;Arenan;pågående\n")
    assert upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n" + projects).problems == []
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nNY-G-1;2018-4510;Vinnova;100 000 kr\n"
    grants += "".join(f"NY-G-{n + 1};2024-{n:05d};Vinnova;1 000\n" for n in range(1, more_rows + 1))
    indicators = "Kod;Namn;Enhet\n" + "".join(f"I-{n};Indikator {n};antal\n" for n in range(20))
    assert (
        upload(engine, "indikatorer.csv", indicators + "SE_ADVERTISED;Annonser;antal\n").problems
        == []
    )
    values = "Indikator;År;Värde;Land\nse_advertised;2024;18 500;Sverige\n"
    values += "".join(f"I-{n};2024;{n};Sverige\n" for n in range(more_rows))
    said = [
        problem.text("en").split(": write")[0]
        for name, data in [("bidrag.csv", grants), ("indikatorvarden.csv", values)]
        for problem in upload(engine, name, data, dry_run=True).problems
    ]
    assert said == [
        "Projects has no “2018-4510” (column “Diarienummer”) but has “2018-04510”",
        "Indicators has no “se_advertised” (column “Indikator”) but has “SE_ADVERTISED”",
    ]
