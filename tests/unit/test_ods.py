"""OpenDocument spreadsheets (.ods), as LibreOffice saves them: read as an Excel workbook is,
the same rows stored, and a crafted one refused before it costs memory (the files are
written by tests/fixtures/ods.py, as LibreOffice writes them)."""

from __future__ import annotations

from datetime import date

import pytest

from arena import config, dataops
from arena.auth import cli_identity
from arena.ingest import read, undo
from tests.fixtures.ingest import errors, natural, rejected, upload, with_organisations
from tests.fixtures.ods import NAMESPACES, cell, money, ods, per_cent, sheet, styled
from tests.unit.test_ingest_files import (
    FILTERED,
    FILTERED_HIDDEN,
    stores_the_filtered_list_saying_what_it_hides,
    stores_what_the_xlsx_stores,
)


def organisations_and_projects(**options: object) -> bytes:
    """The two lists `test_ingest_files._workbook` holds in an .xlsx, as an .ods."""
    return ods(
        sheet(
            "Organisationer",
            [
                [cell("Organisationer i arenan, export 2024-01-31")],
                [],
                [cell("Namn"), cell("Organisationsnummer"), cell("Typ")],
                [cell("Göteborgs kommun"), cell(2120001355), cell("kommun")],
                [cell("Vinnova"), cell("202100-5208"), cell("myndighet")],
            ],
        ),
        sheet(
            "Projekt",
            [
                [
                    cell(header)
                    for header in ("Diarienummer", "Titel", "Status", "Koordinator", "Startdatum")
                ]
                + [cell("Slutdatum")],
                [
                    *(cell(text) for text in ("2018-04510", "Nationell arena", "Pågående")),
                    *(cell(value) for value in ("Vinnova", date(2018, 10, 1), 2019)),
                ],
            ],
        ),
        **options,
    )


def test_an_ods_stores_what_the_same_lists_in_an_xlsx_store(engine):
    stores_what_the_xlsx_stores(engine, "arena.ods", organisations_and_projects())


def test_its_sheets_are_listed_without_the_hidden_ones():
    data = ods(
        sheet("Om listan", [[cell("Uppdaterad 2024")]]),
        sheet("Dolt", [[cell("x"), cell("y")]], hidden=True),
        sheet("Projekt", [[cell("Diarienummer"), cell("Titel")]]),
    )
    assert read.workbook_sheets(data, "lista.ods") == ["Om listan", "Projekt"]
    # Saved as .csv by a tool that names every download so: what it holds decides.
    assert read.workbook_sheets(data, "lista.csv") == ["Om listan", "Projekt"]


def test_the_sheet_it_was_saved_on_is_read_unless_hidden_or_one_is_named():
    first = sheet("Först", [[cell("A"), cell("B")], [cell("1"), cell("2")]])
    second = sheet("Sedan", [[cell("C"), cell("D")], [cell("3"), cell("4")]])
    hidden = sheet("Dolt", [[cell("E"), cell("F")], [cell("5"), cell("6")]], hidden=True)
    assert read.read_file(ods(first, second), "x.ods").header == ["A", "B"]
    assert read.read_file(ods(first, second, active="Sedan"), "x.ods").header == ["C", "D"]
    assert read.read_file(ods(first, hidden, active="Dolt"), "x.ods").header == ["A", "B"]
    assert read.read_file(ods(hidden, second, active="Borta"), "x.ods").header == ["C", "D"]
    assert read.read_file(ods(first, second), "x.ods", sheet="Sedan").name == "x.ods:Sedan"
    with pytest.raises(read.ReadError) as refused:
        read.read_file(ods(first, second), "x.ods", sheet="Saknas")
    assert refused.value.problem.text("en") == (
        "There is no sheet “Saknas”. The sheets in the file: “Först”, “Sedan”."
    )
    with pytest.raises(read.ReadError) as none:
        read.read_file(ods(hidden), "x.ods")
    assert none.value.problem.text("en") == "The workbook has no visible sheet."


def test_cells_keep_their_types_and_their_text_as_shown():
    note = (
        '<table:table-cell office:value-type="string"><office:annotation><text:p>En kommentar'
        "</text:p></office:annotation><text:p>Rad ett</text:p><text:p>rad<text:s/>"
        '<text:s text:c="2"/>två<text:tab/>slut</text:p></table:table-cell>'
    )
    rows = [
        [cell(h) for h in ("Text", "Tal", "Datum", "Tid", "Andel", "Sant", "Formel")],
        [
            note,
            cell(1234.5),
            '<table:table-cell office:value-type="date" office:date-value="2024-03-01T10:30:00">'
            "<text:p>2024-03-01 10:30</text:p></table:table-cell>",
            '<table:table-cell office:value-type="time" office:time-value="PT10H30M00S">'
            "<text:p>10:30</text:p></table:table-cell>",
            per_cent(0.046),
            cell(True),
            '<table:table-cell table:formula="of:=[.B2]*2" office:value-type="float" '
            'office:value="2469"><text:p>2 469</text:p></table:table-cell>',
        ],
    ]
    table = read.read_file(ods(sheet("Blad1", rows)), "typer.ods")
    assert table.rows == [
        ["Rad ett\nrad   två\tslut", 1234.5, table.rows[0][2], "10:30", "4,6 %", True, 2469.0]
    ]
    assert str(table.rows[0][2]) == "2024-03-01 10:30:00"


def test_per_cent_cells_are_read_as_shown(engine):
    upload(engine, "indikatorer.csv", "Kod;Namn;Enhet\nANDEL;Andel;%\n")
    rows = [
        [cell(h) for h in ("Indikator", "Land", "År", "Värde", "Täckning")],
        [cell("ANDEL"), cell("SE"), cell(2023), per_cent(0.046), per_cent(0.05)],
    ]
    result = upload(engine, "varden.ods", ods(sheet("Värden", rows)))
    assert result.outcome == "committed", result.problems
    assert [(v["value"], v["coverage"]) for v in natural(engine, "indicator_values")] == [
        (4.6, 0.05)
    ]


def test_an_amount_in_another_currency_is_refused_as_it_is_typed_in_a_csv(engine):
    # A currency cell in euro was stored as that many kronor, silently, while "250 000 €"
    # typed in a CSV is refused; a cell in kronor is the number it holds.
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2024-1;Ett;planerad\n")
    rows = [
        [cell(h) for h in ("Bidragsreferens", "Diarienummer", "Finansiär", "Belopp")],
        [cell("G-1"), cell("2024-1"), cell("Vinnova"), money(250000, "SEK")],
        [cell("G-2"), cell("2024-1"), cell("Vinnova"), money(250000, "EUR")],
    ]
    assert rejected(engine, "bidrag.ods", ods(sheet("Bidrag", rows))) == [
        (3, "Belopp", "constraint-error")
    ]
    result = upload(engine, "bidrag.ods", ods(sheet("Bidrag", rows[:2])))
    assert result.outcome == "committed", result.problems
    assert [(g["reference"], g["amount_sek"]) for g in natural(engine, "grants")] == [
        ("G-1", 250_000)
    ]


def test_an_amount_shown_in_thousands_or_millions_is_read_in_them(engine):
    # LibreOffice keeps "1 500 tkr" typed under `# ##0 "tkr"` as 1500 and "2,5 MSEK" as 2.5:
    # read as kept, they were stored as 1 500 kr and 3 kr, while the same cells of an .xlsx
    # were read as 1 500 000 and 2 500 000 kr. A style with a negative section applies its
    # first (positive) one through a map; a named cell style lives in styles.xml; a number
    # shown divided by a thousand (`#,##0,`) is kronor kept, whatever the header says.
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2024-1;Ett;planerad\n")
    text = "<number:text> {}</number:text>"
    number = '<number:number number:decimal-places="{}" number:grouping="true"{}/>'
    styles = (
        f'<number:number-style style:name="N1P0">{number.format(0, "")}{text.format("tkr")}'
        '</number:number-style><number:number-style style:name="N1"><number:text>-</number:text>'
        f"{number.format(0, '')}{text.format('tkr')}"
        '<style:map style:condition="value()&gt;=0" style:apply-style-name="N1P0"/>'
        "</number:number-style>"
        '<number:number-style style:name="N3">'
        + number.format(0, ' number:display-factor="1000"')
        + "</number:number-style>"
        '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
        '<style:style style:name="ce3" style:family="table-cell" style:data-style-name="N3"/>'
    )
    named = (
        f'<number:number-style style:name="N2">{number.format(1, "")}{text.format("MSEK")}'
        "</number:number-style>"
        '<style:style style:name="Miljoner" style:family="table-cell" style:data-style-name="N2"/>'
    )

    rows = [
        [cell(h) for h in ("Bidragsreferens", "Diarienummer", "Finansiär", "Belopp (tkr)")],
        [cell("G-1"), cell("2024-1"), cell("Vinnova"), styled("ce1", 1500)],
        [cell("G-2"), cell("2024-1"), cell("Vinnova"), styled("Miljoner", 2.5)],
        [cell("G-3"), cell("2024-1"), cell("Vinnova"), styled("ce3", 1_234_000)],
        [cell("G-4"), cell("2024-1"), cell("Vinnova"), cell(700)],
    ]
    data = ods(sheet("Bidrag", rows), styles=styles, named_styles=named)
    result = upload(engine, "bidrag.ods", data)
    assert result.outcome == "committed", result.problems
    assert [(g["reference"], g["amount_sek"]) for g in natural(engine, "grants")] == [
        ("G-1", 1_500_000),
        ("G-2", 2_500_000),
        ("G-3", 1_234_000),
        ("G-4", 700_000),
    ]


def test_a_cell_merged_down_means_its_value_on_each_row(engine):
    upload(engine, "program.csv", "Kod;Namn\nP2I;Processer och kriterier\n")
    merged = (
        '<table:table-cell table:number-rows-spanned="2" office:value-type="string">'
        "<text:p>P2I</text:p></table:table-cell>"
    )
    covered = "<table:covered-table-cell/>"  # the merged range's cell below its first
    rows = [
        [cell(h) for h in ("Diarienummer", "Titel", "Status", "Koordinator", "Program")],
        [cell("2024-00701"), cell("Ett"), cell("Pågående"), cell("Vinnova"), merged],
        [*(cell(text) for text in ("2024-00702", "Två", "Planerad", "Vinnova")), covered],
    ]
    result = upload(engine, "lista.ods", ods(sheet("Lista", rows)))
    assert result.outcome == "committed", result.problems
    assert [p["programme_code"] for p in natural(engine, "projects")] == ["P2I", "P2I"]
    (note,) = result.problems
    assert (note.row, note.severity) == (2, "warning")
    assert note.text("en").startswith("1 cell merged over several rows, E2:E3 (“P2I”), is read")


def test_rows_and_columns_it_hides_are_read_and_said_to_be(engine):
    # As in an .xlsx (tests/unit/test_ingest_files.py): a row a filter left out ("filter"),
    # one hidden by hand ("collapse") and a column of old titles, described before the rows
    # (and the empty column beside it, unsaid).
    columns = (
        '<table:table-column table:number-columns-repeated="4"/>'
        '<table:table-column table:visibility="collapse" table:number-columns-repeated="2"/>'
        '<table:table-column table:number-columns-repeated="1018"/>'
    )
    rows: list = [columns]
    for index, cells in enumerate(FILTERED):
        visibility = ("filter", "collapse")[index % 2] if index in FILTERED_HIDDEN else "visible"
        rows.append(
            f'<table:table-row table:visibility="{visibility}">'
            + "".join(cell(text) for text in cells)
            + "</table:table-row>"
        )
    stores_the_filtered_list_saying_what_it_hides(engine, "filtrerad.ods", ods(sheet("L", rows)))


def test_a_problem_names_the_sheet_row_and_column(engine):
    rows = [
        [cell(h) for h in ("Diarienummer", "Titel", "Status")],
        [cell("2024-00951"), cell("Första"), cell("Pågående")],
        [cell("2024-00952"), cell("Andra"), cell("kanske")],
    ]
    assert rejected(engine, "lista.ods", ods(sheet("Lista", rows))) == [
        (3, "Status", "constraint-error")
    ]


def filled(rows: int, columns: int) -> str:
    """One filled cell repeated `columns` times, in a row repeated `rows` times: a few bytes
    that claim rows x columns filled cells."""
    return (
        f'<table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" '
        'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    )


@pytest.mark.parametrize(
    ("rows", "columns"), [(10_000_000, 1), (1, 10_000_000), (100_000, 100), (3_000, 3_000)]
)
def test_cells_claimed_by_repetition_are_refused_before_they_are_built(engine, rows, columns):
    data = ods(sheet("Bomb", [[cell("Namn"), cell("Typ")], filled(rows, columns)]))
    assert len(data) < 2_000
    ((_row, _column, error),) = rejected(engine, "bomb.ods", data)
    assert error == "source-error"


def test_a_count_no_number_counts_once():
    # "²" is a digit to Python's str.isdigit, and no number to int().
    odd = (
        '<table:table-cell table:number-columns-repeated="²" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell>"
    )
    table = read.read_file(ods(sheet("Blad1", [[cell("A"), cell("B")], [odd, cell("y")]])), "x.ods")
    assert table.rows == [["x", "y"]]


def test_the_empty_rest_of_a_sheet_costs_nothing():
    # LibreOffice writes a sheet's empty rows and columns as repeats: 1 048 500 rows of 1 024
    # empty cells, beside a filled one.
    rows = [[cell("Namn"), cell("Typ")], [cell("Vinnova"), cell("myndighet")]]
    table = read.read_file(ods(sheet("Blad1", rows)), "x.ods")
    assert (table.header, table.rows) == (["Namn", "Typ"], [["Vinnova", "myndighet"]])


@pytest.mark.parametrize(
    ("content", "error"),
    [
        # Entities that expand a billion times: no DOCTYPE is read at all.
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>"
            '<table:table table:name="B"><table:table-row><table:table-cell '
            'office:value-type="string"><text:p>&b;</text:p></table:table-cell>'
            "</table:table-row></table:table></office:spreadsheet></office:body>"
            "</office:document-content>",
            "format-error",
        ),
        ("<office:document-content", "format-error"),
        ("not xml at all", "format-error"),
    ],
)
def test_content_no_spreadsheet_writes_is_refused(engine, content, error):
    assert rejected(engine, "x.ods", ods(content=content)) == [(None, None, error)]


def test_counted_spaces_add_up_to_no_more_than_an_upload():
    runs = '<text:s text:c="1000000000"/>' * 3
    text = (
        f'<table:table-cell office:value-type="string"><text:p>a{runs}b</text:p></table:table-cell>'
    )
    table = read.read_file(ods(sheet("Blad1", [[cell("Namn")], [text]])), "x.ods")
    ((written,),) = table.rows
    # The first run as counted, up to an upload's size; each after it one space.
    assert (written[0], len(written), written[-1]) == ("a", config.UPLOAD_LIMIT_BYTES + 4, "b")


def test_a_number_no_float_holds_is_read_as_its_text():
    huge = (
        '<table:table-cell office:value-type="float" office:value="1e999">'
        "<text:p>∞</text:p></table:table-cell>"
    )
    table = read.read_file(ods(sheet("Blad1", [[cell("Tal")], [huge]])), "x.ods")
    assert table.rows == [["∞"]]


def test_a_content_that_unpacks_too_far_is_refused(engine):
    rows = [[cell("Namn"), cell("Typ")], [cell("x" * 20_000_000), cell("y")]]
    problems = rejected(engine, "x.ods", ods(sheet("Blad1", rows)))
    assert problems == [(None, None, "source-error")]


def test_the_upload_offers_ods():
    assert "ods" in dataops.UPLOAD_TYPES


def test_an_ods_with_several_lists_is_read_sheet_by_sheet_and_undone_whole(engine):
    result = upload(engine, "arena.ods", organisations_and_projects(active="Projekt"))
    assert result.outcome == "committed", result.problems
    assert {len(natural(engine, kind)) for kind in ("organisations", "projects")} == {2, 1}
    undo(engine, result.import_id, identity=cli_identity())
    assert natural(engine, "organisations") == natural(engine, "projects") == []
    assert errors(result) == []


def test_a_date_shown_as_its_month_is_read_as_that_month(engine):
    # As from Excel: "mar 2027" typed is kept as 2027-03-01 shown by a date style without a
    # day, the cell's own style or its column's; an end date is the month's last day, a
    # start date its first. A date style with a day keeps the date as it is.
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2019-1;Ett;pågående\n")
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2019-2;Två;pågående\n")
    styles = (
        '<number:date-style style:name="N1"><number:month number:textual="true"/>'
        '<number:text> </number:text><number:year number:style="long"/></number:date-style>'
        '<number:date-style style:name="N2"><number:year/><number:text>-</number:text>'
        "<number:month/><number:text>-</number:text><number:day/></number:date-style>"
        '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
        '<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>'
    )

    rows = [
        [cell(h) for h in ("Diarienummer", "Titel", "Startdatum", "Slutdatum")],
        # The end date in the column's style.
        [cell("2019-1"), cell("Ett"), styled("ce1", date(2026, 9, 15)), cell(date(2027, 3, 1))],
        [cell("2019-2"), cell("Två"), *(styled("ce2", date(2026, 9, 15)) for _ in range(2))],
    ]
    columns = (
        '<table:table-column table:number-columns-repeated="3"/>'
        '<table:table-column table:default-cell-style-name="ce1"/>'
    )
    body = sheet("Projekt", rows).replace('"Projekt">', '"Projekt">' + columns, 1)
    result = upload(engine, "projekt.ods", ods(body, styles=styles))
    assert result.outcome == "committed", result.problems
    assert [(p["start_date"], p["end_date"]) for p in natural(engine, "projects")] == [
        (date(2026, 9, 1), date(2027, 3, 31)),
        (date(2026, 9, 15), date(2026, 9, 15)),
    ]


def test_a_date_shown_as_its_year_is_read_as_that_year(engine):
    # "2027" typed into a LibreOffice cell of a date style showing the year alone is kept as
    # 2027-01-01: an end date was eleven months early, where the same "2027" in a CSV is the
    # year's last day (as from Excel's "yyyy").
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2019-1;Ett;pågående\n")
    styles = (
        '<number:date-style style:name="N1"><number:year number:style="long"/>'
        "</number:date-style>"
        '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
    )
    shown = cell(date(2027, 1, 1)).replace(
        "<table:table-cell", '<table:table-cell table:style-name="ce1"'
    )
    rows = [
        [cell(h) for h in ("Diarienummer", "Titel", "Startdatum", "Slutdatum")],
        [cell("2019-1"), cell("Ett"), cell(date(2026, 9, 15)), shown],
    ]
    result = upload(engine, "projekt.ods", ods(sheet("Projekt", rows), styles=styles))
    assert result.outcome == "committed", result.problems
    assert [(p["start_date"], p["end_date"]) for p in natural(engine, "projects")] == [
        (date(2026, 9, 15), date(2027, 12, 31))
    ]


@pytest.mark.parametrize(
    "part",
    ["<number:quarter/>", "<number:week-of-year/>", '<number:day-of-week number:style="long"/>'],
)
def test_a_date_shown_with_more_than_its_year_is_kept_as_it_is(engine, part):
    # "Q2 2027" or "v12 2027" is no whole year: a date style with any part but a month, a
    # year or text keeps the date (a quarter's start and end were read as 2027-01-01 and
    # 2027-12-31).
    styles = (
        f'<number:date-style style:name="N1">{part}'
        '<number:text> </number:text><number:year number:style="long"/></number:date-style>'
        '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
    )

    def shown(day: date) -> str:
        return cell(day).replace("<table:table-cell", '<table:table-cell table:style-name="ce1"')

    rows = [
        [cell(h) for h in ("Diarienummer", "Titel", "Status", "Startdatum", "Slutdatum")],
        [
            cell("Q-1"),
            cell("Ett"),
            cell("pågående"),
            shown(date(2027, 4, 1)),
            shown(date(2027, 6, 30)),
        ],
    ]
    result = upload(engine, "projekt.ods", ods(sheet("Projekt", rows), styles=styles))
    assert result.outcome == "committed", result.problems
    assert [(p["start_date"], p["end_date"]) for p in natural(engine, "projects")] == [
        (date(2027, 4, 1), date(2027, 6, 30))
    ]
