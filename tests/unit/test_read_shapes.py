"""Shapes of the files other tools write, read as the list they hold: a second table beside
the list, an unheaded column holding the decimals a comma split off, a header row repeated
down the file, a block of notes under it, and records over several lines of a CSV."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.table import Table

from arena.ingest import read
from arena.ingest.validate import parse_table
from tests.fixtures.ingest import natural, upload, xlsx_bytes
from tests.fixtures.ods import cell, ods, sheet

PROJECT_HEADERS = [
    "Diarienummer",
    "Titel",
    "Koordinator",
    "Organisationsnummer",
    "Län",
    "Finansiär",
    "Beviljat bidrag",
    "Startdatum",
    "Slutdatum",
    "Status",
]
PROJECTS = [
    ["XE-001", "Elvägar", "Acme AB", "556036-0793", "Skåne län", "Vinnova", 500000,
     "2024-01-01", "2025-12-31", "Pågående"],
    ["XE-002", "Vätgas", "Acme AB", "556036-0793", "Skåne län", "Vinnova", 800000,
     "2024-02-01", "2025-12-31", "Pågående"],
]  # fmt: skip


def _beside(side: list[list[object]], *, as_tables: bool) -> bytes:
    """The project list at C5:L7 and, after the empty column M, `side` from N5; as Excel
    tables (ListObjects) when `as_tables`."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Projekt"
    for offset, row in enumerate([PROJECT_HEADERS, *PROJECTS]):
        for column, value in enumerate(row):
            sheet.cell(5 + offset, 3 + column, value)
    for offset, row in enumerate(side):
        for column, value in enumerate(row):
            sheet.cell(5 + offset, 14 + column, value)
    if as_tables:
        sheet.add_table(Table(displayName="Projekt", ref="C5:L7"))
        last = f"{'NO'[len(side[0]) - 1]}{4 + len(side)}"
        sheet.add_table(Table(displayName="Sektorer", ref=f"N5:{last}"))
    return xlsx_bytes(workbook)


SIDE = [["Sektor", "Antal projekt"], ["Transport", 2], ["Energi", 5]]


@pytest.mark.parametrize("as_tables", [True, False], ids=["excel-tables", "cells"])
@pytest.mark.parametrize(
    "side, cells",
    [
        (SIDE, "N5:O7"),
        ([*SIDE, ["Vatten", 1]], "N5:O8"),  # longer than the list
        ([["Län", "Antal projekt"], ["Skåne län", 2]], "N5:O6"),  # a header it shares
    ],
    ids=["beside", "longer", "shared-header"],
)
def test_a_second_table_beside_the_list_is_not_read_and_is_named(engine, side, cells, as_tables):
    result = upload(engine, "projekt.xlsx", _beside(side, as_tables=as_tables))
    assert result.outcome == "committed", result.problems
    stored = natural(engine, "projects")
    assert [project["reference"] for project in stored] == ["XE-001", "XE-002"]
    assert all(not project.get("sector") for project in stored)
    named = [p for p in result.problems if cells in p.text("en")]
    assert [(p.row, p.severity) for p in named] == [(5, "warning")]
    assert f"{cells} beside the list is another table and is not read" in named[0].text("en")


def test_an_excel_table_right_beside_the_list_is_told_by_its_range():
    # No empty column between them: only the workbook's tables say where the list ends.
    workbook = Workbook()
    sheet = workbook.active
    for row in [["Diarienummer", "Titel", "Sektor", "Antal"], ["XE-001", "Elvägar", "Energi", 5]]:
        sheet.append(row)
    sheet.add_table(Table(displayName="Projekt", ref="A1:B2"))
    sheet.add_table(Table(displayName="Sektorer", ref="C1:D2"))
    table = read.read_file(xlsx_bytes(workbook), "projekt.xlsx")
    assert table.header == ["Diarienummer", "Titel"]
    assert table.rows == [["XE-001", "Elvägar"]]
    assert [p.text("en") for p in table.problems] == [
        "C1:D2 beside the list is another table and is not read."
    ]


def test_an_amount_split_by_the_comma_into_a_column_without_a_header_is_refused():
    # "2,5 MSEK" unquoted in a comma-separated file: "2" under Belopp, "5 MSEK" in a column
    # the header's trailing comma leaves without a name. Stored as 2 kr, and 1 234 567,50
    # as 1 234 567 kr, with only a warning that column 4 is not read.
    data = (
        "Bidragsreferens,Utbetalningsdatum,Belopp,\n"
        "G-1,2024-01-01,2,5 MSEK\n"
        "G-1,2024-02-01,1234567,50\n"
        "G-1,2024-03-01,1000,\n"
    )
    table = read.read_file(data.encode(), "utbetalningar.csv")
    _keep, problems = table.shape_problems()
    refused = [(p.row, p.column, p.value) for p in problems if p.severity == "error"]
    assert refused == [(2, "Belopp", "2,5 MSEK"), (3, "Belopp", "1234567,50")]
    assert "Save the file with semicolons" in problems[0].text("en")


@pytest.mark.parametrize(
    "data",
    [
        "Bidragsreferens,Utbetalningsdatum,Belopp,\nG-1,2024-01-01,1000,\n",  # empty
        "Bidragsreferens,Belopp,\nG-1,1000,Betald i tid\n",  # a note beside an amount
        "Titel,\nElvägar,5 projekt\n",  # beside text
        "Bidragsreferens;Belopp;\nG-1;1000;50\n",  # no comma to split
    ],
    ids=["empty", "note", "beside-text", "semicolons"],
)
def test_a_column_without_a_header_that_splits_no_amount_is_passed_over(data):
    table = read.read_file(data.encode(), "lista.csv")
    _keep, problems = table.shape_problems()
    assert [p for p in problems if p.severity == "error"] == []


PAGED = (
    "Diarienummer;Titel;Startdatum\n"
    "XE-001;Elvägar;2024-01-01\n"
    "XE-002;Vätgas;2024-02-01\n"
    "{footer}"
    "Diarienummer;Titel;Startdatum\n"
    "XE-003;Solel;2024-03-01\n"
    "{last}"
)


@pytest.mark.parametrize(
    "footer, last, said",
    [
        ("", "", [(4, "Row 4 repeats the header row")]),
        (
            "Sida 1 av 2;;\n",
            "Sida 2 av 2;;\n",
            [(4, "Rows 4, 7 are page footers"), (5, "Row 5 repeats the header row")],
        ),
        (
            "Page 1 of 2;;\n",
            "",
            [(4, "Row 4 is a page footer"), (5, "Row 5 repeats the header row")],
        ),
    ],
    ids=["repeated", "sida-n-av-m", "page-n-of-m"],
)
def test_a_header_repeated_down_the_file_and_page_footers_are_passed_over(
    engine, footer, last, said
):
    result = upload(engine, "projekt.csv", PAGED.format(footer=footer, last=last))
    assert result.outcome == "committed", result.problems
    assert [p["reference"] for p in natural(engine, "projects")] == ["XE-001", "XE-002", "XE-003"]
    shown = [(p.row, p.text("en")) for p in result.problems]
    assert len(shown) == len(said), shown
    for (row, text), (line, message) in zip(said, shown, strict=True):
        assert (row, text) == (line, message[: len(text)])


def test_a_record_with_a_headers_word_in_one_column_stays_a_record():
    table = read.read_file(b"Namn;Titel\nTitel;Titel 2\n", "lista.csv")
    keep, problems = table.shape_problems()
    assert keep.tolist() == [True]
    assert problems == []


@pytest.mark.parametrize(
    "notes",
    [
        ["Applied filters:", "Year is 2024", "Funder is Vinnova"],
        ["Filter som används:", "År är 2024"],
    ],
    ids=["en", "sv"],
)
def test_a_block_of_notes_under_a_blank_row_that_ends_the_file_is_passed_over(engine, notes):
    data = "Diarienummer;Titel;Startdatum\nXE-001;Elvägar;2024-01-01\n;;\n" + "".join(
        f"{note};;\n" for note in notes
    )
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "committed", result.problems
    assert [p["reference"] for p in natural(engine, "projects")] == ["XE-001"]
    said = [(p.row, p.error, p.value) for p in result.problems]
    assert said == [(3, "blank-row", None)] + [
        (4 + offset, "row-error", note) for offset, note in enumerate(notes)
    ]


def test_names_alone_under_a_blank_row_stay_records():
    # No heading with a colon over them: the last names of a list, not notes.
    data = b"Namn;Typ\nNorrland;Regional\n;\nSydost;\nMitt;\n"
    keep, _problems = read.read_file(data, "grupper.csv").shape_problems()
    assert keep.tolist() == [True, False, True, True]


def test_a_record_over_several_lines_keeps_the_row_a_spreadsheet_shows(engine):
    # Google Sheets writes a cell's line breaks inside quotes: the title of XE-001 takes
    # three lines of the file, yet XE-002 is on row 3 of the sheet (the header on row 1).
    data = (
        "Diarienummer,Titel,Startdatum\n"
        'XE-001,"Elvägar\nför tunga\nfordon",2024-01-01\n'
        "XE-002,Vätgas,2024-13-45\n"
        "XE-003,Solel,2024-03-01\n"
    )
    refused = upload(engine, "projekt.csv", data)
    assert [p.row for p in refused.problems if p.severity == "error"] == [3]
    fixed = data.replace("2024-13-45", "2024-02-01")
    preview = upload(engine, "projekt.csv", fixed, dry_run=True)
    assert preview.outcome == "dry-run", preview.problems
    (projects,) = [kind for kind in preview.plan.kinds if len(kind.new_rows)]
    assert [row["_line"] for row in projects.new] == [2, 3, 4]


def test_a_second_table_past_an_empty_column_of_an_ods_is_not_read():
    rows = [
        [cell("Diarienummer"), cell("Titel"), cell(""), cell("Sektor"), cell("Antal")],
        [cell("XE-001"), cell("Elvägar"), cell(""), cell("Transport"), cell(2)],
        [cell(""), cell(""), cell(""), cell("Energi"), cell(5)],
    ]
    table = read.read_file(ods(sheet("Projekt", rows)), "projekt.ods")
    assert [str(cell).strip() for cell in table.header] == ["Diarienummer", "Titel"]
    assert table.rows == [["XE-001", "Elvägar"]]
    assert [p.text("en") for p in table.problems] == [
        "D1:E3 beside the list is another table and is not read."
    ]


SPACED = [
    ["Diarienummer", "Titel", None, "Status", "Startdatum", "Slutdatum", "Koordinator"],
    ["XE-001", "Elvägar", None, "Pågående", "2024-01-01", "2025-12-31", "Acme AB"],
    ["XE-002", "Vätgas", None, "Avslutat", "2023-02-01", "2024-06-30", "Acme AB"],
]


def test_the_columns_past_a_spacer_column_of_a_workbook_are_read(engine):
    # A hand-kept sheet with an empty column between Titel and Status: the block past it
    # starts on the header row and ends on the list's last row, so it is the list's.
    workbook = Workbook()
    for row in SPACED:
        workbook.active.append(row)
    result = upload(engine, "projekt.xlsx", xlsx_bytes(workbook), kind="projects")
    assert result.outcome == "committed", result.problems
    stored = natural(engine, "projects")
    assert [(p["reference"], p["status"], str(p["start_date"])) for p in stored] == [
        ("XE-001", "ongoing", "2024-01-01"),
        ("XE-002", "completed", "2023-02-01"),
    ]
    assert not [p for p in result.problems if "another table" in p.text("en")]


def test_the_columns_past_a_spacer_column_of_an_ods_are_read():
    rows = [[cell(value) for value in row] for row in SPACED]
    table = read.read_file(ods(sheet("Projekt", rows)), "projekt.ods")
    assert [str(h).strip() for h in table.header if str(h).strip()] == [
        "Diarienummer", "Titel", "Status", "Startdatum", "Slutdatum", "Koordinator"
    ]  # fmt: skip
    assert not [p for p in table.problems if "another table" in p.text("en")]


def test_a_header_merged_over_two_cells_keeps_the_columns_after_it():
    workbook = Workbook()
    sheet_ = workbook.active
    sheet_.append(["Diarienummer", "Titel", "Startdatum", "Slutdatum", "Status", "Koordinator",
                   None, "Sektor"])  # fmt: skip
    sheet_.append(["XE-001", "Elvägar", "2024-01-01", "2025-12-31", "Pågående", "Acme AB", None,
                   "Energi"])  # fmt: skip
    sheet_.append(["XE-002", "Vätgas", "2024-01-01", "2025-12-31", "Pågående", "Acme AB", None,
                   "Transport"])  # fmt: skip
    sheet_.merge_cells("F1:G1")
    table = read.read_file(xlsx_bytes(workbook), "projekt.xlsx")
    assert table.header[7] == "Sektor"
    assert [row[7] for row in table.rows] == ["Energi", "Transport"]
    assert not [p for p in table.problems if "another table" in p.text("en")]


def test_columns_typed_beside_a_narrower_excel_table_are_the_lists():
    # The list in A1:F4, its Excel table over A1:D4 only, another table at H1:I3.
    workbook = Workbook()
    sheet_ = workbook.active
    rows = [
        ["Diarienummer", "Titel", "Startdatum", "Slutdatum", "Status", "Koordinator", None,
         "Sektor", "Antal"],
        ["XE-001", "Elvägar", "2024-01-01", "2025-12-31", "Pågående", "Acme AB", None,
         "Energi", 2],
        ["XE-002", "Vätgas", "2024-01-01", "2025-12-31", "Pågående", "Acme AB", None,
         "Transport", 1],
        ["XE-003", "Solel", "2024-01-01", "2025-12-31", "Avslutat", "Beta AB"],
    ]  # fmt: skip
    for row in rows:
        sheet_.append(row)
    sheet_.add_table(Table(displayName="Projekt", ref="A1:D4"))
    sheet_.add_table(Table(displayName="Sektorer", ref="H1:I3"))
    table = read.read_file(xlsx_bytes(workbook), "projekt.xlsx")
    assert [str(h) for h in table.header] == [
        "Diarienummer", "Titel", "Startdatum", "Slutdatum", "Status", "Koordinator"
    ]  # fmt: skip
    assert [row[4:] for row in table.rows] == [
        ["Pågående", "Acme AB"], ["Pågående", "Acme AB"], ["Avslutat", "Beta AB"]
    ]  # fmt: skip
    assert [p.text("en") for p in table.problems] == [
        "H1:I3 beside the list is another table and is not read."
    ]


def test_records_under_a_heading_of_their_own_under_a_blank_row_stay_records():
    # "Utan nummer:" heads organisations without a number, no filters of a report's export.
    data = (
        "Namn;Organisationsnummer;Typ\n"
        "Acme Test AB;556036-0793;company\n"
        ";;\n"
        "Utan nummer:;;\n"
        "Beta Test AB;;\n"
        "Gamma Test AB;;\n"
    )
    table = read.read_file(data.encode(), "organisationer.csv")
    keep, problems = table.shape_problems()
    assert keep.tolist()[3:] == [True, True]
    assert not [p for p in problems if p.value in {"Beta Test AB", "Gamma Test AB"}]


def test_buyer_groups_under_a_heading_of_their_own_stay_records():
    data = b"Namn\nBG A\nBG B\n\nH\xc3\xa4lsa:\nBG C\nBG D\n"
    keep, _problems = read.read_file(data, "grupper.csv").shape_problems()
    assert keep.tolist()[-2:] == [True, True]


def test_a_name_like_a_page_without_its_total_stays_a_record():
    data = "Namn\nBeställargrupp A\nSida 2\nP.1\ns. 3\n".encode()
    keep, problems = read.read_file(data, "grupper.csv").shape_problems()
    assert keep.tolist() == [True, True, True, True]
    assert problems == []


@pytest.mark.parametrize("footer", ["Sida 1 (2)", "Sida 1 / 2", "Page 1 of 2", "Sidan 1 av 2"])
def test_a_page_footer_is_quoted_as_written(footer):
    data = f"Diarienummer;Titel\nXE-001;Elvägar\n{footer};\nXE-002;Vätgas\n".encode()
    keep, problems = read.read_file(data, "projekt.csv").shape_problems()
    assert keep.tolist() == [True, False, True]
    assert [p.text("en") for p in problems] == [
        f"Row 3 is a page footer or header (“{footer}”) and is no record; it is skipped."
    ]


def test_an_amount_split_by_the_comma_into_a_headed_column_is_refused():
    # "2,5" unquoted under Belopp: "2" stored as the amount, "5" as its source, Vinnova in
    # the column the header's trailing comma leaves without a name.
    data = (
        "Bidragsreferens,Utbetalningsdatum,Belopp,Källa,\n"
        "DEMO-G-001,2024-03-01,2,5,Vinnova\n"
        "DEMO-G-002,2024-03-01,1000,Vinnova,\n"
        "DEMO-G-003,2024-03-01,1000,Vinnova,Betald 2024\n"
    )
    table = read.read_file(data.encode(), "utbetalningar.csv")
    _keep, problems = table.shape_problems()
    refused = [(p.row, p.column, p.value) for p in problems if p.severity == "error"]
    assert refused == [(2, "Belopp", "2,5")]
    assert "under Källa, and the row has one value more than the headers" in problems[0].text("en")


def test_a_count_beside_an_amount_is_no_split_amount():
    data = "Bidragsreferens,Belopp,\nG-1,1000,3 st\nG-2,2000,12 projekt\n"
    table = read.read_file(data.encode(), "lista.csv")
    _keep, problems = table.shape_problems()
    assert [p for p in problems if p.severity == "error"] == []


def test_a_table_past_the_lists_excel_table_and_an_empty_column_is_not_read():
    # The list an Excel table at A1:D3, a summary (no Excel table) past the empty column E:
    # its sectors were read as the projects', nothing said.
    workbook = Workbook()
    sheet_ = workbook.active
    for row in [
        ["Diarienummer", "Titel", "Startdatum", "Slutdatum", None, "Sektor", "Antal projekt"],
        ["XE-001", "Elvägar", "2024-01-01", "2027-12-31", None, "Transport", 2],
        ["XE-002", "Vätgas", "2024-01-01", "2027-12-31", None, "Energi", 1],
    ]:
        sheet_.append(row)
    sheet_.add_table(Table(displayName="Projekt", ref="A1:D3"))
    table = read.read_file(xlsx_bytes(workbook), "projekt.xlsx")
    assert [str(h) for h in table.header if str(h)] == [
        "Diarienummer", "Titel", "Startdatum", "Slutdatum"
    ]  # fmt: skip
    assert [p.text("en") for p in table.problems] == [
        "F1:G3 beside the list is another table and is not read."
    ]


def test_columns_past_a_spacer_whose_newest_rows_are_blank_are_read_and_named(engine):
    # Past the spacer, Status and Koordinator are filled for the older projects only: cut
    # as "another table" (it ended above the list's last row), they were lost.
    workbook = Workbook()
    for row in [
        ["Diarienummer", "Titel", "Status", "Startdatum", None, "Koordinator"],
        ["XE-001", "Elvägar", "Pågående", "2024-01-01", None, "Acme AB"],
        ["XE-002", "Vätgas", "Avslutat", "2022-01-01", None, "Beta AB"],
        ["XE-003", "Solel", "Pågående", "2024-01-01"],
    ]:
        workbook.active.append(row)
    result = upload(engine, "projekt.xlsx", xlsx_bytes(workbook), kind="projects")
    assert result.outcome == "committed", result.problems
    stored = natural(engine, "projects")
    assert [(p["reference"], p["coordinator"]) for p in stored] == [
        ("XE-001", "Acme AB"),
        ("XE-002", "Beta AB"),
        ("XE-003", None),
    ]
    (said,) = [p for p in result.problems if "empty column" in p.text("en")]
    assert said.text("en") == (
        "F1:F3 past an empty column is read as part of the list: the same rows, headers the "
        "list reads. If it is a table of its own, move it away from the list."
    )


def test_a_year_beside_a_whole_amount_is_no_split_amount(engine):
    # "2030" beside "2000000" with a note past the headers was refused as "2030,2000000",
    # an amount the comma split: a year and an amount, each whole.
    upload(engine, "program.csv", "Kod;Namn\nBG-2017;Beställargrupper\n")
    budget = "Program,År,Belopp,\nBG-2017,2030,2000000,Preliminärt\n"
    result = upload(engine, "budget.csv", budget)
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    assert [b["amount_sek"] for b in natural(engine, "budgets")] == [2_000_000]


def test_rows_under_an_excel_sep_line_are_named_as_excel_shows_them(engine):
    # Excel reads `sep=;` and hides it: the header is on row 1 and XE-002 on row 3. Counted
    # as row 1, the bad date was named on row 4.
    data = (
        "sep=;\n"
        "Diarienummer;Titel;Startdatum\n"
        "XE-001;Elvägar;2024-01-01\n"
        "XE-002;Vätgas;2024-13-45\n"
    )
    result = upload(engine, "projekt.csv", data)
    assert [(p.row, p.column) for p in result.problems if p.severity == "error"] == [
        (3, "Startdatum")
    ]
    table = read.read_file(data.encode(), "projekt.csv")
    assert (table.header_line, table.line_of(0)) == (1, 2)


@pytest.mark.parametrize(
    "footer",
    [
        "Sida 1 av 2;;2024-05-01",
        "Sida 1 av 2;Utskriven 2024-05-01;",
        "2024-05-01 14:02;Page 1 of 2;",
    ],
    ids=["date", "printed", "date-first"],
)
def test_a_page_footer_with_the_date_beside_it_is_passed_over(footer):
    # A report's footer with the day it was printed beside the page was read as a record
    # and refused for its title and dates.
    data = (
        "Diarienummer;Titel;Startdatum\n"
        f"XE-001;Elvägar;2024-01-01\n{footer}\n"
        "XE-002;Vätgas;2024-02-01\n"
    )
    keep, problems = read.read_file(data.encode(), "projekt.csv").shape_problems()
    assert keep.tolist() == [True, False, True]
    page = next(cell for cell in footer.split(";") if "1" in cell and "2024" not in cell)
    assert [p.text("en") for p in problems] == [
        f"Row 3 is a page footer or header (“{page}”) and is no record; it is skipped."
    ]


def test_a_page_footer_with_a_typed_date_beside_it_is_passed_over(engine):
    workbook = Workbook()
    sheet_ = workbook.active
    sheet_.append(["Diarienummer", "Titel", "Startdatum"])
    sheet_.append(["XE-001", "Elvägar", date(2024, 1, 1)])
    sheet_.append(["Sida 1 av 2", None, date(2024, 5, 1)])
    sheet_.append(["XE-002", "Vätgas", date(2024, 2, 1)])
    result = upload(engine, "projekt.xlsx", xlsx_bytes(workbook), kind="projects")
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    assert [p["reference"] for p in natural(engine, "projects")] == ["XE-001", "XE-002"]


@pytest.mark.parametrize("beside", ["2024", "Elvägar", "maj 2024"])
def test_a_page_beside_what_is_no_print_date_stays_a_record(beside):
    data = f"Diarienummer;Titel\nXE-001;Elvägar\nSida 1 av 2;{beside}\n".encode()
    keep, _problems = read.read_file(data, "projekt.csv").shape_problems()
    assert keep.tolist() == [True, True]


def test_a_filter_block_of_two_cell_lines_under_a_blank_row_is_passed_over(engine):
    # `Filter:` then a filter and its value in the first two columns: each line was read as
    # a record and refused for its title and dates.
    data = (
        "Diarienummer;Titel;Startdatum\n"
        "XE-001;Elvägar;2024-01-01\n"
        ";;\n"
        "Filter:;;\n"
        "Program;Utmaningsdriven innovation;\n"
        "År;2024;\n"
    )
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    assert [p["reference"] for p in natural(engine, "projects")] == ["XE-001"]
    said = [(p.row, p.error, p.value) for p in result.problems]
    assert said == [
        (3, "blank-row", None),
        (4, "row-error", "Filter:"),
        (5, "row-error", "Program: Utmaningsdriven innovation"),
        (6, "row-error", "År: 2024"),
    ]


@pytest.mark.parametrize(
    "heading, lines",
    [
        ("Energi:", ["XE-002;Vätgas;"]),  # a group title over records of two cells
        ("Filter:", ["XE-002;Vätgas;2024-02-01"]),  # three cells: a record
        ("Filter:", ["XE-002;;2024-02-01"]),  # not beside the first
    ],
    ids=["group-title", "three-cells", "apart"],
)
def test_two_cell_records_under_a_heading_stay_records(heading, lines):
    data = "Diarienummer;Titel;Startdatum\nXE-001;Elvägar;2024-01-01\n;;\n" + "".join(
        f"{line}\n" for line in [f"{heading};;", *lines]
    )
    keep, _problems = read.read_file(data.encode(), "projekt.csv").shape_problems()
    assert keep.tolist()[-1] is True


def test_an_amount_split_by_the_comma_into_a_text_column_is_refused():
    # "2,5" unquoted under `Belopp (MSEK),Källa`, no column to spare: Belopp "2" and Källa
    # "5" were stored as 2 MSEK from the source "5", without a word.
    data = (
        "Bidragsreferens,Utbetalningsdatum,Belopp (MSEK),Källa\n"
        "G-1,2024-03-01,2,5\n"
        "G-2,2024-03-01,1,Vinnova\n"
        "G-3,2024-03-01,3,2024\n"
    )
    parsed = parse_table(read.read_file(data.encode(), "utbetalningar.csv"))
    refused = [p for p in parsed.problems if p.severity == "error"]
    assert [(p.row, p.column, p.value) for p in refused] == [(2, "Belopp (MSEK)", "2,5")]
    assert refused[0].text("en") == (
        "Belopp (MSEK) “2” is followed by “5” under Källa, which is text: the comma likely "
        "split an amount (“2,5”), and the row is not read. Save the file with semicolons (;) "
        "between cells or put the amounts in quotes."
    )


@pytest.mark.parametrize(
    "data",
    [
        "Bidragsreferens;Utbetalningsdatum;Belopp (MSEK);Källa\nG-1;2024-03-01;2;5\n",
        'Bidragsreferens,Utbetalningsdatum,Belopp (MSEK),Källa\nG-1,2024-03-01,"2,5",5\n',
        "Bidragsreferens,Utbetalningsdatum,Belopp (MSEK),Källa\nG-1,2024-03-01,2,Vinnova 5\n",
    ],
    ids=["semicolons", "quoted", "words"],
)
def test_digits_in_a_text_column_split_no_amount_where_no_comma_did(data):
    parsed = parse_table(read.read_file(data.encode(), "utbetalningar.csv"))
    assert not [p for p in parsed.problems if "comma likely split" in p.text("en")]


STACKED = [
    ["Diarienummer", "Titel", "Startdatum", "Beviljat bidrag"],
    ["XE-001", "Elvägar", "2024-01-01", 500000],
    ["XE-002", "Vätgas", "2024-02-01", 800000],
]


@pytest.mark.parametrize(
    "below, lines",
    [
        ([["Sektor", "Antal"], ["Transport", 2], ["Energi", 5]], "5–7"),
        ([[None, "Sektor", None, "Antal projekt"], [None, "Transport", None, 2]], "5–6"),
        (
            [["Diarienummer", "Titel", "Startdatum"], ["XE-101", "Solel", "2023-01-01"]],
            "5–6",
        ),
    ],
    ids=["summary", "text-over-amounts", "second-list"],
)
def test_a_table_stacked_under_the_list_after_a_blank_row_is_not_read(engine, below, lines):
    # Under a blank row, a summary or a second list with its own header row was read as
    # the list's records: refused, or stored (a project "Transport" from the summary).
    workbook = Workbook()
    for row in [*STACKED, [], *below]:
        workbook.active.append(row)
    result = upload(engine, "projekt.xlsx", xlsx_bytes(workbook), kind="projects")
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    assert [p["reference"] for p in natural(engine, "projects")] == ["XE-001", "XE-002"]
    (said,) = [p for p in result.problems if "another table" in p.text("en")]
    assert (said.row, said.severity) == (5, "warning")
    assert said.text("en").startswith(f"Rows {lines} under a blank row are another table")


@pytest.mark.parametrize(
    "after",
    [
        [["XE-003", "Solel", "2024-03-01", 300000]],
        [["XE-003", "Solel", None, None], ["XE-004", "Vind", "2024-04-01", 100000]],
    ],
    ids=["values", "text-only-first"],
)
def test_records_after_a_blank_row_in_the_list_are_read(engine, after):
    workbook = Workbook()
    for row in [*STACKED, [], *after]:
        workbook.active.append(row)
    result = upload(engine, "projekt.xlsx", xlsx_bytes(workbook), kind="projects")
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    stored = [p["reference"] for p in natural(engine, "projects")]
    assert stored == ["XE-001", "XE-002", *(row[0] for row in after)]


def test_names_and_roles_after_a_blank_row_stay_records():
    # "Koordinator" is a header some kind reads, and here a participant's role.
    data = "Organisation;Roll\nAcme AB;Deltagare\n;\nBeta AB;Koordinator\nGamma AB;Deltagare\n"
    keep, _problems = read.read_file(data.encode(), "deltagare.csv").shape_problems()
    assert keep.tolist() == [True, False, True, True]


def _period_book(*, sub_headers: bool, funded: bool = False) -> bytes:
    """Projects with `Period` merged over C1:D1, the dates under it, `Från | Till` on a
    second header row when `sub_headers`; a coordinator and grant when `funded`."""
    workbook = Workbook()
    sheet_ = workbook.active
    extra = ["Koordinator", "Finansiär", "Beviljat bidrag"] if funded else []
    sheet_.append(["Diarienummer", "Titel", "Period", None, "Status", *extra])
    if sub_headers:
        sheet_.append([None, None, "Från", "Till", None, *[None for _ in extra]])
    money = ["Acme AB", "Vinnova", 500000] if funded else []
    sheet_.append(["XE-001", "Elvägar", date(2024, 1, 1), date(2025, 12, 31), "Pågående", *money])
    sheet_.append(["XE-002", "Vätgas", date(2023, 2, 1), date(2024, 6, 30), "Avslutat", *money])
    sheet_.merge_cells("C1:D1")
    return xlsx_bytes(workbook)


@pytest.mark.parametrize("sub_headers", [False, True], ids=["dates-under", "fran-till"])
@pytest.mark.parametrize("funded", [False, True], ids=["projects", "flat-list"])
def test_a_period_merged_over_two_columns_is_the_start_and_the_end(engine, sub_headers, funded):
    data = _period_book(sub_headers=sub_headers, funded=funded)
    result = upload(engine, "projekt.xlsx", data)
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    stored = natural(engine, "projects")
    assert [(p["reference"], str(p["start_date"]), str(p["end_date"])) for p in stored] == [
        ("XE-001", "2024-01-01", "2025-12-31"),
        ("XE-002", "2023-02-01", "2024-06-30"),
    ]


def test_a_period_merged_over_two_columns_with_every_end_blank_has_no_end_dates(engine):
    # `Period` merged over C1:D1, no row with an end: each start was refused as no period.
    workbook = Workbook()
    sheet_ = workbook.active
    sheet_.append(["Diarienummer", "Titel", "Period", None])
    sheet_.append(["XE-001", "Elvägar", "2025-02-01", None])
    sheet_.append(["XE-002", "Vätgas", date(2024, 3, 1), None])
    sheet_.merge_cells("C1:D1")
    result = upload(engine, "projekt.xlsx", xlsx_bytes(workbook))
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    stored = natural(engine, "projects")
    assert [(p["reference"], str(p["start_date"]), p["end_date"]) for p in stored] == [
        ("XE-001", "2025-02-01", None),
        ("XE-002", "2024-03-01", None),
    ]


def test_a_period_over_two_columns_of_a_csv_is_said():
    data = "Diarienummer;Titel;Period;\nXE-001;Elvägar;2024-01-01;2025-12-31\n"
    table = read.read_file(data.encode(), "projekt.csv")
    assert table.header == ["Diarienummer", "Titel", "Period från", "Period till"]
    assert [p.text("en") for p in table.problems] == [
        "“Period” heads two columns of dates: the first is read as “Period från” and the "
        "second as “Period till”."
    ]


@pytest.mark.parametrize(
    "row",
    ["XE-001;Elvägar;2024-01 – 2025-12;Förlängt", "XE-001;Elvägar;2019-21;2025-12-31"],
    ids=["note-beside", "period"],
)
def test_a_period_beside_a_column_without_a_header_stays_a_period(row):
    table = read.read_file(f"Diarienummer;Titel;Period;\n{row}\n".encode(), "projekt.csv")
    assert table.header[2] == "Period"


def test_an_amount_split_into_the_funder_of_a_flat_project_list_is_refused(engine):
    # The flat list's grant "2,5" unquoted before Finansiär: a grant of 2 MSEK from a
    # funder named "5", without a word.
    data = (
        "Diarienummer,Titel,Koordinator,Beviljat bidrag (MSEK),Finansiär,Startdatum\n"
        "XE-001,Elvägar,Acme AB,2,5,2024-01-01\n"
        "XE-002,Vätgas,Acme AB,3,Vinnova,2024-01-01\n"
    )
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "rejected"
    refused = [p for p in result.problems if p.severity == "error"]
    assert [(p.row, p.column, p.value) for p in refused] == [(2, "Beviljat bidrag (MSEK)", "2,5")]
    assert "under Finansiär, which is text" in refused[0].text("en")


_UNDER_BLANK = {
    "reference": ["QA-3", "Tredje projektet", "Beta AB", "ca 2 MSEK", "hösten 2021", None],
    "no-reference": [None, "Tredje projektet", "Beta AB", "ca 2 MSEK", "hösten 2021", None],
}


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("record", list(_UNDER_BLANK), ids=list(_UNDER_BLANK))
def test_a_record_under_a_blank_row_with_text_for_its_values_is_refused_not_dropped(
    engine, suffix, record
):
    # Text where the list has amounts and dates under a blank row read as another table's
    # header row: it and QA-4 after it were dropped while QA-1 and QA-2 were committed.
    rows = [
        ["Diarienummer", "Titel", "Koordinator", "Bidrag från Vinnova (kr)", "Startdatum",
         "Slutdatum"],
        ["QA-1", "Första projektet", "Acme AB", "1 000 000", "2021-01-01", "2022-12-31"],
        ["QA-2", "Andra projektet", "Acme AB", "500 000", "2021-02-01", "2022-06-30"],
        [],
        _UNDER_BLANK[record],
        ["QA-4", "Fjärde projektet", "Acme AB", "700 000", "2021-03-01", "2023-06-30"],
    ]  # fmt: skip
    if suffix == "csv":
        data: bytes | str = "".join(
            ";".join("" if cell is None else cell for cell in row) + "\n" for row in rows
        )
    else:
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        data = xlsx_bytes(workbook)
    result = upload(engine, f"projekt.{suffix}", data, kind="projects")
    assert result.outcome == "rejected"
    assert not [p for p in result.problems if "another table" in p.text("en")]
    refused = {(p.row, p.column) for p in result.problems if p.severity == "error"}
    assert (5, "Startdatum") in refused


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_desired_project_under_a_blank_row_is_refused_not_dropped(engine, suffix):
    rows = [
        ["Diarienummer", "Titel", "Status", "Startdatum", "Slutdatum"],
        ["QA-1", "Första", "Pågående", "2021-01-01", "2022-12-31"],
        ["QA-2", "Andra", "Pågående", "2021-02-01", "2022-06-30"],
        [],
        ["QA-3", "Tredje projektet", "Önskat", "ej bestämt", "ej bestämt"],
    ]
    if suffix == "csv":
        data: bytes | str = "".join(";".join(row) + "\n" for row in rows)
    else:
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        data = xlsx_bytes(workbook)
    result = upload(engine, f"projekt.{suffix}", data, kind="projects")
    assert result.outcome == "rejected"
    refused = {(p.row, p.column) for p in result.problems if p.severity == "error"}
    assert refused == {(5, "Startdatum"), (5, "Slutdatum")}


@pytest.mark.parametrize(
    "data",
    [
        "Bidragsreferens,Utbetalningsdatum,Belopp,Utbetalningsreferens\n"
        "G-1,2019-05-02,100000,17\n"
        'G-1,2019-05-02,"50000","18"\n',
        "Program,Datum,Kategori,Belopp,Verifikationsnummer\n"
        "ARENA-2021,2024-01-05,Konsulter,244600,101\n"
        "ARENA-2021,2024-01-06,Resor,12000,102\n",
        "Bidragsreferens,Utbetalningsdatum,Belopp (MSEK),Källa\n"
        'G-1,2024-03-01,2,"5"\n'
        'G-2,2024-03-01,"3",7\n'
        "G-3,2024-03-01,1,Vinnova\n",
    ],
    ids=["voucher-numbers", "spend-vouchers", "quoted"],
)
def test_short_numbers_after_an_amount_or_quoted_cells_split_no_amount(data):
    # A column of voucher numbers after the amount had every row refused as an amount the
    # comma split ("100000,17"), quoted as the message advised or not.
    parsed = parse_table(read.read_file(data.encode(), "fil.csv"))
    assert not [p for p in parsed.problems if "comma likely split" in p.text("en")]


def test_an_amount_split_into_a_column_that_otherwise_holds_words_is_refused():
    data = (
        "Bidragsreferens,Utbetalningsdatum,Belopp,Utbetalningsreferens\n"
        "G-1,2019-05-02,100000,UT-17\n"
        "G-1,2019-05-02,2,5\n"
        "G-1,2019-05-02,50000,UT-18\n"
    )
    parsed = parse_table(read.read_file(data.encode(), "utbetalningar.csv"))
    refused = [p for p in parsed.problems if "comma likely split" in p.text("en")]
    assert [(p.row, p.value) for p in refused] == [(3, "2,5")]


def test_a_period_over_two_columns_with_a_month_is_the_start_and_the_end(engine):
    # One start written as a month had every start refused as no period and the ends
    # named as a column without a header.
    workbook = Workbook()
    sheet_ = workbook.active
    sheet_.append(["Diarienummer", "Titel", "Projektperiod", None, "Status"])
    sheet_.append(["XE-001", "Elvägar", "2021-03", date(2022, 1, 31), "Pågående"])
    sheet_.append(["XE-002", "Vätgas", date(2021, 2, 1), date(2022, 6, 30), "Avslutat"])
    sheet_.merge_cells("C1:D1")
    result = upload(engine, "projekt.xlsx", xlsx_bytes(workbook))
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    stored = natural(engine, "projects")
    assert [(str(p["start_date"]), str(p["end_date"])) for p in stored] == [
        ("2021-03-01", "2022-01-31"),
        ("2021-02-01", "2022-06-30"),
    ]


@pytest.mark.parametrize("end", ["pågår", ""], ids=["runs-on", "blank"])
def test_a_period_over_two_columns_with_an_end_not_a_date_is_split(end):
    data = (
        "Diarienummer;Titel;Period;\n"
        f"XE-001;Elvägar;2021-01-01;{end}\n"
        "XE-002;Vätgas;2021-02-01;2022-06-30\n"
    )
    table = read.read_file(data.encode(), "projekt.csv")
    assert table.header == ["Diarienummer", "Titel", "Period från", "Period till"]
    # `pågår` under `Period till` states the project runs on, as `2021-01 – pågår` does.
    refused = [(p.row, p.column) for p in parse_table(table).problems if p.severity == "error"]
    assert refused == []


def test_a_period_merged_over_three_columns_names_the_third_under_it():
    # The third column under `Period` was named only as a column without a header.
    workbook = Workbook()
    sheet_ = workbook.active
    sheet_.append(["Diarienummer", "Titel", "Status", "Period", None, None])
    sheet_.append(["XE-001", "Elvägar", "Pågående", date(2021, 3, 1), date(2022, 1, 31),
                   date(2022, 6, 30)])  # fmt: skip
    sheet_.merge_cells("D1:F1")
    table = read.read_file(xlsx_bytes(workbook), "projekt.xlsx")
    assert table.header[3:5] == ["Period från", "Period till"]
    assert [p.text("en") for p in table.problems] == [
        "“Period” heads 3 columns: the first two are read as “Period från” and “Period till”, "
        "and column 6 under it is not read. Give it a header of its own if it is to be read."
    ]


def test_years_under_a_budget_header_merged_over_them_are_the_columns_headers(engine):
    # `Budget` merged over B1:C1 and the years on the row under it: refused as a budget
    # list without its År, and the row of years as a budget without its programme.
    workbook = Workbook()
    sheet_ = workbook.active
    for row in [
        ["Program", "Budget", None],
        [None, 2024, 2025],
        ["BG-2017", 1000000, 2000000],
    ]:
        sheet_.append(row)
    sheet_.merge_cells("A1:A2")
    sheet_.merge_cells("B1:C1")
    data = xlsx_bytes(workbook)
    table = read.read_file(data, "budget.xlsx")
    assert table.header == ["Program", "2024", "2025"]
    assert table.line_of(0) == 3
    upload(engine, "program.csv", "Kod;Namn;Typ\nBG-2017;Beställargrupper;Program\n")
    result = upload(engine, "budget.xlsx", data, kind="budgets")
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    stored = natural(engine, "budgets")
    assert sorted((b["year"], b["amount_sek"]) for b in stored) == [
        (2024, 1000000),
        (2025, 2000000),
    ]


@pytest.mark.parametrize("group", ["Budget (tkr)", "Budget, tkr", "Budget i tkr"])
def test_years_under_a_merged_budget_header_take_its_unit(engine, group):
    # The years replaced `Budget (tkr)` and its unit was thrown away: 1 000 stored as 1 000 kr.
    workbook = Workbook()
    sheet_ = workbook.active
    for row in [["Program", group, None], [None, 2027, 2028], ["BG-2017", 1000, 1200]]:
        sheet_.append(row)
    sheet_.merge_cells("B1:C1")
    data = xlsx_bytes(workbook)
    assert read.read_file(data, "budget.xlsx").header == ["Program", "2027 (tkr)", "2028 (tkr)"]
    upload(engine, "program.csv", "Kod;Namn;Typ\nBG-2017;Beställargrupper;Program\n")
    result = upload(engine, "budget.xlsx", data, kind="budgets")
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    assert any("read in tkr" in p.text("en") for p in result.problems)
    stored = natural(engine, "budgets")
    assert sorted((b["year"], b["amount_sek"]) for b in stored) == [
        (2027, 1000000),
        (2028, 1200000),
    ]


def test_years_under_a_merged_budget_header_beside_a_repeated_program_header(engine):
    # `Program` written again on the row of years was refused: "Column 3 has no header".
    workbook = Workbook()
    sheet_ = workbook.active
    for row in [["Program", "Budget", None], ["Program", 2027, 2028], ["BG-2017", 1000, 1200]]:
        sheet_.append(row)
    sheet_.merge_cells("B1:C1")
    data = xlsx_bytes(workbook)
    assert read.read_file(data, "budget.xlsx").header == ["Program", "2027", "2028"]
    upload(engine, "program.csv", "Kod;Namn;Typ\nBG-2017;Beställargrupper;Program\n")
    result = upload(engine, "budget.xlsx", data, kind="budgets")
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    stored = natural(engine, "budgets")
    assert sorted((b["year"], b["amount_sek"]) for b in stored) == [(2027, 1000), (2028, 1200)]


def _budget_book(group: str, years: list[str]) -> bytes:
    """Budgets with `group` merged over B1:C1, `Program` repeated and `years` under it."""
    workbook = Workbook()
    sheet_ = workbook.active
    for row in [["Program", group, None], ["Program", *years], ["BG-2017", 1500, 2000]]:
        sheet_.append(row)
    sheet_.merge_cells("B1:C1")
    return xlsx_bytes(workbook)


@pytest.mark.parametrize("group", ["Budget", "Budget (tkr)"])
def test_years_with_their_own_unit_under_a_merged_budget_header_are_the_columns(engine, group):
    # `2027 (tkr) | 2028 (tkr)` under `Budget` was refused as a budget list without its År,
    # "2027 (tkr)" as no amount and column 3 as one without a header; flat it was read.
    data = _budget_book(group, ["2027 (tkr)", "2028 (tkr)"])
    assert read.read_file(data, "budget.xlsx").header == ["Program", "2027 (tkr)", "2028 (tkr)"]
    upload(engine, "program.csv", "Kod;Namn;Typ\nBG-2017;Beställargrupper;Program\n")
    result = upload(engine, "budget.xlsx", data, kind="budgets")
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    stored = natural(engine, "budgets")
    assert sorted((b["year"], b["amount_sek"]) for b in stored) == [
        (2027, 1500000),
        (2028, 2000000),
    ]


def test_years_whose_unit_contradicts_the_merged_budget_headers_refuse_the_file(engine):
    # Read as written, `2027 (kr)` under `Budget (tkr)` would store 1 500 kr or 1 500 000 kr
    # by a guess: the file is refused naming both units.
    data = _budget_book("Budget (tkr)", ["2027 (kr)", "2028 (kr)"])
    upload(engine, "program.csv", "Kod;Namn;Typ\nBG-2017;Beställargrupper;Program\n")
    result = upload(engine, "budget.xlsx", data, kind="budgets")
    assert result.outcome == "rejected"
    assert [(p.column, p.text("en")) for p in result.problems if p.severity == "error"] == [
        (
            f"{year} (kr)",
            f"The header “Budget (tkr)” names the unit tkr, but “{year} (kr)” under it says kr. "
            "Which one holds changes every amount in the column (1 tkr is SEK 1,000) and is not "
            "guessed: correct the headers so that they name the same unit.",
        )
        for year in (2027, 2028)
    ]
    assert natural(engine, "budgets") == []


def _titled_budget_book(last_year: object) -> bytes:
    """A budget workbook as testers had it: a title, `Budget (tkr)` merged over B3:D3, the
    years on row 4 the last of them `last_year`, programme rows and a `Summa` row."""
    workbook = Workbook()
    sheet_ = workbook.active
    for row in [
        ["Budget för arenans program"],
        [],
        ["Program", "Budget (tkr)", None, None],
        [None, 2024, 2025, last_year],
        ["BG-2017", 1000, 1100, 1200],
        ["Summa", 1000, 1100, 1200],
    ]:
        sheet_.append(row)
    sheet_.merge_cells("B3:D3")
    return xlsx_bytes(workbook)


@pytest.mark.parametrize(
    "last_year", ["2026 (prel.)", "2026*", "2026 prel", "Prel. 2026", "(Preliminärt) 2026"]
)
def test_a_preliminary_year_under_a_merged_budget_header_is_read_as_a_flat_one(engine, last_year):
    # `2026 (prel.)` under `Budget (tkr)` merged over B3:D3 refused the file: "Column 3 has
    # no header", "The column År is missing", "row 4 Program is required"; flat it was read.
    data = _titled_budget_book(last_year)
    table = read.read_file(data, "budget.xlsx")
    assert table.header == ["Program", "2024 (tkr)", "2025 (tkr)", f"{last_year} (tkr)"]
    upload(engine, "program.csv", "Kod;Namn;Typ\nBG-2017;Beställargrupper;Program\n")
    result = upload(engine, "budget.xlsx", data, kind="budgets")
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    stored = natural(engine, "budgets")
    assert sorted((b["year"], b["amount_sek"]) for b in stored) == [
        (2024, 1000000),
        (2025, 1100000),
        (2026, 1200000),
    ]
    flat = "Program;2024 (tkr);2025 (tkr);" + last_year + " (tkr)\nBG-2017;1000;1100;1200\n"
    assert upload(engine, "budget.csv", flat, kind="budgets").outcome == "unchanged"
    assert natural(engine, "budgets") == stored


def test_a_year_with_words_after_it_under_a_group_header_is_no_year():
    assert not read._is_year_header("2026 prognos")
    assert read._is_year_header("2026 (prel.)")
    assert read._is_year_header("2026* (tkr)")


def test_a_year_with_its_preliminary_mark_before_it_under_a_group_header_is_a_year():
    # `| 2024 | 2025 | Prel. 2026` under `Budget (tkr)` was refused, where a one-row header
    # `Prel. 2026 (tkr)` was read: the mark was read only after the year.
    assert read._is_year_header("Prel. 2026")
    assert read._is_year_header("(Preliminärt) 2026")
    assert read._is_year_header("Prel. 2026 (tkr)")
    assert not read._is_year_header("Ej prel. 2026")  # denied: no mark
    assert not read._is_year_header("Budget 2026")
    assert not read._is_year_header("Prognos prel. 2026")


def test_a_preliminary_year_under_a_merged_series_header_is_noted_preliminary(engine):
    # An indicator series with `Antal` merged over the years and `2025*` the last was
    # refused as the budget was; it is read as the flat `2025*` is, its value noted so.
    workbook = Workbook()
    sheet_ = workbook.active
    for row in [
        ["Indikator", "Land", "Antal", None, None],
        [None, None, 2023, 2024, "2025*"],
        ["SE_COUNT", "SE", 180, 200, 210],
    ]:
        sheet_.append(row)
    sheet_.merge_cells("C1:E1")
    upload(engine, "indikatorer.csv", "Kod;Namn;Enhet\nSE_COUNT;Upphandlingar;antal\n")
    result = upload(engine, "serie.xlsx", xlsx_bytes(workbook))
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    stored = natural(engine, "indicator_values")
    assert sorted((r["year"], r["value"], r["note"]) for r in stored) == [
        (2023, 180, None),
        (2024, 200, None),
        (2025, 210, "Preliminärt"),
    ]
