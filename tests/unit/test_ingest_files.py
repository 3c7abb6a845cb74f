"""Files as users have them: encodings, separators, Excel, Vinnova and 360Giving, Swedish values.

Each test imports a fixture from tests/fixtures/ and asserts exactly what the store then holds
(read back in natural form), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from arena import dataops, ingest
from arena.auth import cli_identity
from arena.ingest import read, undo
from arena.ingest import values as v
from arena.ingest.layouts import guess_country, guess_org_kind
from tests.fixtures.ingest import (
    dump,
    errors,
    load_files,
    natural,
    rejected,
    saved_workbook,
    text,
    upload,
    warnings,
    with_organisations,
    xlsx_bytes,
)

ORGANISATIONS_SEP = [
    {
        "name": "Upphandlingsmyndigheten",
        "org_number": "202100-6297",
        "kind": "national_authority",
        "county": "Stockholms län",
        "country": "SE",
        "source": "Regeringsbeslut 2017",
    },
    {
        "name": "Västra Götalandsregionen",
        "org_number": "232100-0255",
        "kind": "region",
        "county": "Västra Götalands län",
        "country": "SE",  # the default for an empty cell
        "source": "Årsredovisning",
    },
    {
        "name": "Malmö stad",
        "org_number": "212000-1124",
        "kind": "municipality",
        "county": "Skåne län",
        "country": "SE",
        "source": None,
    },
    {
        "name": "Örebro universitet",
        "org_number": "202100-4755",
        "kind": "research_organisation",
        "county": "Örebro län",
        "country": "SE",
        "source": "Öppna data",
    },
]


def test_excel_sep_line_is_honoured_and_its_line_counted(engine):
    result = upload(engine, "organisationer_sep.csv")
    assert result.outcome == "committed", result.problems
    assert result.problems == []
    assert natural(engine, "organisations") == ORGANISATIONS_SEP


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8-sig", b""),  # Excel's "CSV UTF-8": a BOM first
        ("utf-16", b""),  # with its BOM (Python writes one)
        ("cp1252", b""),  # Excel's plain "CSV" on a Swedish Windows
        ("mac_roman", b""),  # older Excel for Mac's "CSV"
    ],
)
def test_every_encoding_stores_the_same_text(engine, encoding, prefix):
    data = prefix + text("organisationer_sep.csv").encode(encoding)
    result = upload(engine, "organisationer.csv", data)
    assert result.outcome == "committed", result.problems
    assert natural(engine, "organisations") == ORGANISATIONS_SEP


def test_mac_os_roman_is_read_and_said(engine):
    # Read as Windows-1252, "Örebro läns" was stored as "…rebro lŠns" without a word.
    data = "Namn;Typ;Län\nÖrebro läns Ölkompani AB;företag;Örebro län\n".encode("mac_roman")
    result = upload(engine, "organisationer.csv", data)
    assert result.outcome == "committed", result.problems
    assert [o["name"] for o in natural(engine, "organisations")] == ["Örebro läns Ölkompani AB"]
    assert [(p.error, p.severity) for p in result.problems] == [("encoding-error", "warning")]
    assert "Mac OS Roman" in result.problems[0].text("en")
    # Windows-1252 with a name or two of Š stays Windows-1252.
    data = "Namn;Typ\nŠkoda Sverige AB;företag\n".encode("cp1252")
    assert upload(engine, "organisationer.csv", data).outcome == "committed"
    assert "Škoda Sverige AB" in [o["name"] for o in natural(engine, "organisations")]


def test_double_encoded_utf8_is_refused_with_its_line(engine):
    # UTF-8 bytes read as Windows-1252 and saved as UTF-8 again: "Västra" -> "VÃ¤stra".
    garbled = text("organisationer_sep.csv").encode("utf-8").decode("cp1252").encode("utf-8")
    # Line 2, the header ("Län"), is the first with å/ä/ö.
    assert rejected(engine, "organisationer.csv", garbled) == [(2, None, "encoding-error")]


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_refused(engine):
    # 0x81 is no character in Windows-1252 and breaks UTF-8 too.
    data = b"Namn;Typ\nVinnova;myndighet\nBad\x81name;kommun\n"
    assert rejected(engine, "organisationer.csv", data) == [(None, None, "encoding-error")]


def test_pipe_separated_as_systems_export_it(engine):
    data = "Diarienummer|Titel|Status\n2025-00003|Med | i titeln? nej|planerad\n"
    # A "|" inside a value shifts the row's cells, and the row says so.
    assert rejected(engine, "export.txt", data) == [
        (2, None, "extra-cell"),
        (2, "Status", "constraint-error"),
    ]
    data = "Diarienummer|Titel|Status\n2025-00003|Ett; två|planerad\n"
    assert upload(engine, "export.txt", data).outcome == "committed"
    assert [p["title"] for p in natural(engine, "projects")] == ["Ett; två"]


def test_a_note_beside_the_list_is_skipped_with_a_warning(engine):
    # "Anteckning" typed three columns right of the list, on an empty row under it (Excel
    # saves the row's empty cells before it): refused as a row of too many cells, and warned
    # of as blank besides. Text only outside the list's columns is no record.
    data = (
        "Diarienummer;Titel;Status\r\n2025-1;Ett;planerad;;\r\n;;;;\r\n"
        ";;;;Anteckning: kontrollera 2025-1\r\n"
    )
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "committed", result.problems
    assert [(p.row, p.error, p.severity) for p in result.problems] == [
        (3, "blank-row", "warning"),
        (4, "row-error", "warning"),
    ]
    assert "Anteckning: kontrollera 2025-1" in result.problems[1].text("sv")
    assert [p["reference"] for p in natural(engine, "projects")] == ["2025-1"]
    # Beside a record, a cell outside the list's columns still refuses the row: its cells
    # may be shifted.
    shifted = "Diarienummer;Titel;Status\r\n2025-2;Två;planerad;;extra\r\n"
    assert rejected(engine, "projekt.csv", shifted) == [(2, None, "extra-cell")]


def test_tab_separated_with_english_headers(engine):
    with_organisations(engine)
    result = upload(engine, "projekt.tsv", text("projekt_tab.tsv"))
    assert result.outcome == "committed", result.problems
    projects = natural(engine, "projects")
    assert [
        (p["reference"], p["title"], p["status"], p["stage"], p["coordinator"]) for p in projects
    ] == [
        ("2020-00001", "Smart gatubelysning", "ongoing", "procurement", "Göteborgs kommun"),
        ("2021-00002", "Fossilfria arbetsmaskiner", "planned", "pre_study", None),
    ]
    # Month and year precision: a start is the first day, an end the last.
    assert [(p["start_date"], p["end_date"]) for p in projects] == [
        (date(2020, 1, 1), date(2021, 6, 30)),
        (date(2022, 1, 1), date(2023, 12, 31)),
    ]


def test_comma_separated_with_quoted_decimal_commas(engine):
    result = upload(engine, "indikatorer.csv", text("indikatorer_komma.csv"))
    assert result.outcome == "committed", result.problems
    assert [
        (i["code"], i["name_sv"], i["baseline_value"], i["target_value"], i["target_year"])
        for i in natural(engine, "indicators")
    ] == [
        ("SE_SHARE", "Andel innovationsupphandlingar, procent", 5.2, 12.75, 2030),
        ("SE_COUNT", "Innovationsupphandlingar", 793.0, 1234.5, 2030),
    ]


def _saved(workbook: Workbook) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _workbook() -> bytes:
    """Two sheets: organisations (first, under a title row) and projects with typed cells."""
    workbook = Workbook()
    first = workbook.active
    first.title = "Organisationer"
    first.append(["Organisationer i arenan, export 2024-01-31"])
    first.append([])
    first.append(["Namn", "Organisationsnummer", "Typ"])
    first.append(["Göteborgs kommun", 2120001355, "kommun"])
    first.append(["Vinnova", "202100-5208", "myndighet"])
    second = workbook.create_sheet("Projekt")
    second.append(["Diarienummer", "Titel", "Status", "Koordinator", "Startdatum", "Slutdatum"])
    second.append(["2018-04510", "Nationell arena", "Pågående", "Vinnova", date(2018, 10, 1), 2019])
    second.append([None, None, None, None, None, None])  # Excel's formatting residue
    return _saved(workbook)


# A list filtered in a workbook: its sheet rows 3 and 4 hidden (`FILTERED_HIDDEN`, from 0),
# and its column E of old titles.
FILTERED = [["Diarienummer", "Titel", "Status", "Koordinator", "Gammal titel"]] + [
    [f"2024-0070{number}", f"Projekt {number}", "Pågående", "Vinnova", "Äldre"]
    for number in range(1, 5)
]
FILTERED_HIDDEN = (2, 3)


def stores_the_filtered_list_saying_what_it_hides(engine, name: str, data: bytes) -> None:
    """`data`, `FILTERED` in another format (an .ods, an .xls) named `name` with its rows and
    column hidden as that format marks them, is stored whole, and the preview names the rows
    and the column, as for an .xlsx."""
    result = upload(engine, name, data)
    assert result.outcome == "committed", result.problems
    assert len(natural(engine, "projects")) == 4
    said = {p.message.key: p for p in result.problems}
    rows_hidden, columns_hidden = said["read.hidden_rows"], said["read.hidden_columns"]
    assert rows_hidden.row == 3 and "rows 3–4. They are read" in rows_hidden.text("en")
    assert "1 column is hidden in the sheet: E (“Gammal titel”)." in columns_hidden.text("en")


def stores_what_the_xlsx_stores(engine, name: str, data: bytes) -> None:
    """`data`, the two lists of `_workbook` in another format (an .ods, an .xls) named `name`,
    stores what the .xlsx stores; the same file again, or its projects' sheet alone, changes
    nothing."""
    result = upload(engine, name, data)
    assert result.outcome == "committed", result.problems
    assert result.kinds == ["organisations", "projects"]
    kinds = ("organisations", "projects")
    stored = {kind: natural(engine, kind) for kind in kinds}
    assert [(o["name"], o["org_number"]) for o in stored["organisations"]] == [
        ("Göteborgs kommun", "212000-1355"),
        ("Vinnova", "202100-5208"),
    ]
    (project,) = stored["projects"]
    assert (project["start_date"], project["end_date"]) == (date(2018, 10, 1), date(2019, 12, 31))
    undo(engine, result.import_id, identity=cli_identity())
    assert upload(engine, "arena.xlsx", _workbook()).outcome == "committed"
    # The same rows, each with its own file as its source (`Källa`): "arena.xlsx:Projekt".
    again = {kind: natural(engine, kind) for kind in kinds}
    for rows in (*stored.values(), *again.values()):
        for row in rows:
            row["source"] = row["source"].split(":")[-1]
    assert again == stored
    assert upload(engine, name, data).outcome == "unchanged"
    assert upload(engine, name, data, sheet="Projekt").outcome == "unchanged"


def test_xlsx_both_sheets_then_a_named_sheet(engine):
    data = _workbook()
    first = upload(engine, "arena.xlsx", data)
    assert first.outcome == "committed", first.problems
    assert [(o["name"], o["org_number"], o["kind"]) for o in natural(engine, "organisations")] == [
        ("Göteborgs kommun", "212000-1355", "municipality"),
        ("Vinnova", "202100-5208", "national_authority"),
    ]
    # The sheet named alone: read as it was with the other.
    assert upload(engine, "arena.xlsx", data, sheet="Projekt").outcome == "unchanged"
    (project,) = natural(engine, "projects")
    assert (project["start_date"], project["end_date"], project["coordinator"]) == (
        date(2018, 10, 1),
        date(2019, 12, 31),  # a year as an end date is its last day
        "Vinnova",
    )


def test_a_share_under_a_header_in_per_cent_is_read_in_per_cent(engine):
    # The Results page's download heads coverage "Täckning (%)" and writes 38 for 38 %: read
    # back, 38 was refused as ambiguous ("write it with %"), and the file with it.
    upload(engine, "indikatorer.csv", "Kod;Namn;Enhet\nANDEL;Andel;%\n")
    values = "Indikator;Land;År;Värde;Täckning (%)\nANDEL;SE;2023;4,6;38\nANDEL;SE;2024;5;64 %\n"
    result = upload(engine, "varden.csv", values)
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    assert [v["coverage"] for v in natural(engine, "indicator_values")] == [0.38, 0.64]
    over = upload(engine, "fel.csv", "Indikator;Land;År;Värde;Coverage (%)\nANDEL;SE;2025;5;380\n")
    assert [error for *_, error in errors(over)] == [v.CONSTRAINT_ERROR]
    assert not [p for p in result.problems if p.column == "Täckning (%)"]
    # Fractions under it, 0,38 for 38 %, are read as per cent, 0,38 %, and warned of.
    fractions = (
        "Indikator;Land;År;Värde;Täckning (%)\nANDEL;SE;2023;4,6;0,38\nANDEL;SE;2024;5;0,5\n"
    )
    (warning,) = [p for p in upload(engine, "andel.csv", fractions).problems if p.row == 2]
    assert (warning.column, warning.severity) == ("Täckning (%)", "warning")
    assert "none of its 2 values is over 1 %" in warning.text("en")
    assert [v["coverage"] for v in natural(engine, "indicator_values")] == [0.0038, 0.005]


def test_numbers_shown_in_per_cent_are_read_as_shown(engine):
    # Excel keeps 4,6 % as 0.046; only the cell's style says it is shown in per cent. A per
    # cent indicator's value was stored a hundred times too small, silently.
    upload(engine, "indikatorer.csv", "Kod;Namn;Enhet\nANDEL;Andel;%\nANTAL;Antal;st\n")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Indikator", "Land", "År", "Värde", "Täckning"])
    sheet.append(["ANDEL", "SE", 2023, 0.046, 0.05])
    sheet.append(["ANDEL", "SE", 2024, 0.12345, 0.5])
    sheet.append(["ANTAL", "SE", 2024, 17198, 0.9])
    for cell, shown in (("D2", "0.0%"), ("D3", '0.00" procent"%'), ("E2", "0%"), ("E3", "0%")):
        sheet[cell].number_format = shown
    sheet["D4"].number_format = '"%" 0'  # a per cent sign as text: the number is as kept
    data = _saved(workbook)
    result = upload(engine, "varden.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert [
        (v["indicator_code"], v["year"], v["value"], v["coverage"])
        for v in natural(engine, "indicator_values")
    ] == [("ANDEL", 2023, 4.6, 0.05), ("ANDEL", 2024, 12.345, 0.5), ("ANTAL", 2024, 17198.0, 0.9)]
    # Another writer's XML may quote the style with apostrophes.
    source, quoted_once = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(quoted_once, "w") as target:
        for item in source.infolist():
            part = source.read(item)
            if item.filename.endswith("sheet1.xml"):
                part = re.sub(rb' s="([0-9]+)"', rb" s='\1'", part)
                assert b" s='1'" in part
            target.writestr(item, part)
    table = read.read_file(quoted_once.getvalue(), "varden.xlsx")
    assert table.rows[0][3:] == ["4,6 %", "5 %"]


# Number formats that show an amount in another currency than kronor, and in kronor.
_FOREIGN_FORMATS = (
    "#,##0 [$€-x-euro1]",
    '#,##0 "€"',
    "[$EUR] #,##0",
    "_-* #,##0 €_-",
    '#,##0 "EUR"',
    "[$$-409]#,##0.00",
    "[$zł-415] #,##0",
)
_KRONOR_FORMATS = ("# ##0 kr", "[$SEK] #,##0", '#,##0 "kr"', "#,##0 _€", "#,##0 [$kr-41D]")


def test_an_amount_shown_in_another_currency_is_refused_as_it_is_typed_in_a_csv(engine):
    # Excel keeps 250 000 € as 250000 and says only through the cell's number format that it
    # is shown in euro: it was stored as 250 000 kr, silently, while "250 000 €" typed in a
    # CSV is refused. Amounts shown in kronor are the numbers they hold.
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2024-1;Ett;planerad\n")
    formats = (*_FOREIGN_FORMATS, *_KRONOR_FORMATS)
    rows = [[f"G-{row}", "2024-1", "Vinnova", 250_000] for row, _ in enumerate(formats, 2)]
    workbook, _data = saved_workbook(
        ("Bidrag", [["Bidragsreferens", "Diarienummer", "Finansiär", "Belopp"], *rows])
    )
    for row, shown in enumerate(formats, 2):
        workbook.active[f"D{row}"].number_format = shown
    foreign = [(row, "Belopp", "constraint-error") for row in range(2, 1 + len(_FOREIGN_FORMATS))]
    # "250000 zł": a currency the values know no name of is no amount in kronor either.
    foreign.append((1 + len(_FOREIGN_FORMATS), "Belopp", "type-error"))
    assert rejected(engine, "bidrag.xlsx", xlsx_bytes(workbook)) == foreign
    workbook.active.delete_rows(2, len(_FOREIGN_FORMATS))
    result = upload(engine, "bidrag.xlsx", xlsx_bytes(workbook))
    assert result.outcome == "committed", result.problems
    assert {g["amount_sek"] for g in natural(engine, "grants")} == {250_000}
    assert len(natural(engine, "grants")) == len(_KRONOR_FORMATS)


# Number formats that show a date as its month alone, as Swedish Excel shows "mar 2027" typed.
MONTH_FORMATS = ("mmm-yy", "mmmm yyyy", "[$-41D]mmmm yyyy", "mmm/yy;@", 'yyyy"-"mm')


@pytest.mark.parametrize("shown", MONTH_FORMATS)
def test_a_date_shown_as_its_month_is_read_as_that_month(engine, shown):
    # Swedish Excel keeps "mar 2027" typed into a cell as 2027-03-01 shown "mar-27": read as
    # kept, a due date was the 1st, where "mar-27" in a CSV is the 31st, so the same report
    # was late a month early. A start date shown so is its month's first day.
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2019-00101;Ett;pågående\n")
    workbook, _data = saved_workbook(
        ("Projekt", [["Diarienummer", "Titel", "Startdatum", "Slutdatum"], ["2019-00101", "Ett"]]),
    )
    sheet = workbook.active
    sheet["C2"], sheet["D2"] = date(2026, 9, 15), date(2027, 3, 1)
    sheet["C2"].number_format = sheet["D2"].number_format = shown
    result = upload(engine, "projekt.xlsx", xlsx_bytes(workbook))
    assert result.outcome == "committed", result.problems
    (project,) = natural(engine, "projects")
    assert (project["start_date"], project["end_date"]) == (date(2026, 9, 1), date(2027, 3, 31))
    workbook, _data = saved_workbook(
        ("Milstolpar", [["Diarienummer", "Titel", "Förfallodatum"], ["2019-00101", "Del", None]])
    )
    workbook.active["C2"] = date(2027, 3, 1)
    workbook.active["C2"].number_format = shown
    assert upload(engine, "milstolpe.xlsx", xlsx_bytes(workbook)).outcome == "committed"
    upload(engine, "milstolpe.csv", "Diarienummer;Titel;Förfallodatum\n2019-00101;CSV;mar-27\n")
    assert [(m["title"], m["due_date"]) for m in natural(engine, "milestones")] == [
        ("Del", date(2027, 3, 31)),
        ("CSV", date(2027, 3, 31)),
    ]


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        *zip(_FOREIGN_FORMATS, ("€", "€", "EUR", "€", "EUR", "$", "zł"), strict=True),
        *((code, None) for code in _KRONOR_FORMATS),
        ("0.0%", "%"),
        ('"%" 0', None),  # a per cent sign as text: the number as kept
        ("yyyy-mm-dd", None),
        *((code, read.MONTH) for code in MONTH_FORMATS),
        ("yyyy", read.YEAR),
        ("yy", read.YEAR),
        # A day, a time (an m beside an h or an s is minutes) or elapsed time: no month alone.
        *((code, None) for code in ("d mmm yyyy", "d/m/yy", "yyyy-mm-dd h:mm", "h:mm")),
        *((code, None) for code in ("mm:ss", "[h]:mm", "[mm]:ss", "m/d/yyyy")),
        ("General", None),
        ("0.00E+00", None),
        # Kronor in another unit than kept: the unit that makes the kept number kronor.
        ('#,##0 "tkr"', "tkr"),
        ("#,##0\\ \\t\\k\\r", "tkr"),
        ('#,##0 "tkr";-#,##0 "tkr"', "tkr"),
        ('0.0 "MSEK"', "MSEK"),
        ('0 "öre"', "öre"),
        ("#,##0,", "kr"),  # scaled to thousands: the number kept is kronor
        ('#,##0, "tkr"', "kr"),
        ('#,##0,,"Mkr";[Red]-#,##0,,"Mkr"', "kr"),
        ('#,##0,, "tkr"', None),  # no unit reads it: the number as kept
        ('#,##0 "st"', None),
        ('"Belopp: "#,##0', None),
    ],
)
def test_a_number_format_says_what_it_shows_a_number_as(code, shown):
    assert read.shown_as(code) == shown


def test_an_amount_shown_in_thousands_is_read_as_it_is_shown(engine):
    # `# ##0 "tkr"` shows the 250 kept as "250 tkr": it was stored as 250 kr. `#,##0,`
    # shows the 250 000 kronor kept as "250" under a header in tkr: read as kept under it,
    # 250 000 tkr. Excel's currency format on figures in tkr keeps the header's unit.
    with_organisations(engine)
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2024-1;Ett;planerad\n")
    shown = [('#,##0 "tkr"', 250), ("#,##0,", 250_000), ('#,##0, "tkr"', 250_000)]
    shown += [('0.00 "MSEK"', 0.25), ("# ##0 kr", 250), ("General", 250)]
    rows = [[f"G-{row}", "2024-1", "Vinnova", kept] for row, (_, kept) in enumerate(shown, 2)]
    workbook, _data = saved_workbook(
        ("Bidrag", [["Bidragsreferens", "Diarienummer", "Finansiär", "Belopp (tkr)"], *rows])
    )
    for row, (code, _) in enumerate(shown, 2):
        workbook.active[f"D{row}"].number_format = code
    result = upload(engine, "bidrag.xlsx", xlsx_bytes(workbook))
    assert result.outcome == "committed", result.problems
    assert [g["amount_sek"] for g in natural(engine, "grants")] == [250_000] * len(shown)


def test_a_workbook_under_another_name_is_read_as_the_workbook_it_is(engine):
    # Renamed, or saved by a tool that names every download .csv: what it holds decides.
    result = upload(engine, "export.csv", _workbook())
    assert result.outcome == "committed", result.problems
    assert [o["name"] for o in natural(engine, "organisations")] == ["Göteborgs kommun", "Vinnova"]


@pytest.mark.parametrize("name", ["organisationer.xlsx", "organisationer.ods"])
def test_a_list_saved_as_text_under_a_workbooks_name_is_read_as_the_text_it_is(engine, name):
    # A CSV renamed .xlsx, as a system that calls every download an Excel file names it.
    text = "Namn;Typ\nGöteborgs kommun;kommun\nVinnova;myndighet\n".encode("cp1252")
    result = upload(engine, name, text)
    assert result.outcome == "committed", result.problems
    assert [o["name"] for o in natural(engine, "organisations")] == ["Göteborgs kommun", "Vinnova"]


ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"  # LibreOffice's own format


ENCRYPTED = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + bytes(504)
    + "EncryptionInfo".encode("utf-16-le")
    + bytes(36)
    + "EncryptedPackage".encode("utf-16-le")
    + bytes(512)
)


def _zip(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        # An OpenDocument spreadsheet is read (tests/unit/test_ods.py): one without a sheet
        # says so, whatever its name.
        ("kalkyl.ods", _zip(mimetype=ODS_MIMETYPE, **{"content.xml": "<x/>"}), "no visible"),
        ("kalkyl.csv", _zip(mimetype=ODS_MIMETYPE, **{"content.xml": "<x/>"}), "no visible"),
        ("rapport.docx", _zip(**{"word/document.xml": "<x/>"}), "zip archive"),
        ("rapport.csv", _zip(**{"word/document.xml": "<x/>"}), "zip archive"),
        ("rapport.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        # An old Office file holding no workbook (an .xls is read: tests/unit/test_xls.py).
        ("gammal.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "older Office"),
        # Saved with a password, a workbook is an old Office container of the streams
        # EncryptionInfo and EncryptedPackage (their names in UTF-16), under any name.
        ("lösenord.xlsx", ENCRYPTED, "protected by a password"),
        ("lösenord.csv", ENCRYPTED, "protected by a password"),
    ],
)
def test_a_file_that_is_no_table_is_refused_saying_what_it_is(engine, name, data, says):
    # Read as text, each was "neither UTF-8 nor Windows-1252", or NUL characters.
    assert rejected(engine, name, data) == [(None, None, "format-error")]
    (problem,) = upload(engine, name, data).problems
    assert says in problem.text("en")


def test_rows_and_columns_the_sheet_hides_are_read_and_said_to_be(engine):
    # A list filtered in Excel to the ongoing projects (a filter saves the rows it leaves out
    # as hidden ones) with a column of old titles hidden: the file holds every row, and is
    # read whole, as every reader reads it, but the person who sees half of it in Excel is
    # told which rows and columns the preview counts that Excel does not show.
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Projektlista 2024"])
    sheet.append(["Diarienummer", "Titel", "Status", "Koordinator", "Gammal titel", None])
    for number in range(1, 9):
        status = "Pågående" if number in (1, 5, 6, 8) else "Planerad"
        sheet.append([f"2024-0070{number}", f"Projekt {number}", status, "Vinnova", "Äldre"])
    # Hidden too, and not said: the title above the list, the empty rows under it, and the
    # empty column beside it.
    for row in (1, 4, 5, 6, 9, 12, 13):
        sheet.row_dimensions[row].hidden = True
    for letter in ("E", "F", "H"):
        sheet.column_dimensions[letter].hidden = True
    result = upload(engine, "filtrerad.xlsx", _saved(workbook))
    assert result.outcome == "committed", result.problems
    assert len(natural(engine, "projects")) == 8
    said = {p.message.key: p for p in result.problems}
    rows, columns = said["read.hidden_rows"], said["read.hidden_columns"]
    assert [(p.row, p.severity) for p in (rows, columns)] == [(4, "warning"), (2, "warning")]
    assert rows.text("en").startswith("4 rows with content are hidden in the sheet (or filtered")
    assert "rows 4–6, 9. They are read all the same" in rows.text("en")
    assert "rad 4–6, 9. De läses ändå" in rows.text("sv")
    assert columns.text("en").startswith(
        "1 column is hidden in the sheet: E (“Gammal titel”). It is treated like the visible"
    )
    assert "1 kolumn är dold i bladet: E (”Gammal titel”)." in columns.text("sv")


def test_a_cell_merged_down_over_rows_means_its_value_on_each_of_them(engine):
    # A list grouped by programme and status, one merged cell over the projects of each; the
    # title merged across the sheet and a note merged across a row stay as they are.
    upload(engine, "program.csv", "Kod;Namn\nP2I;Processer och kriterier\n")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Projektlista 2024"])
    sheet.append(["Diarienummer", "Titel", "Status", "Koordinator", "Program", "Källa"])
    sheet.append(["2024-00701", "Ett", "Pågående", "Vinnova", "P2I", "Lista"])
    sheet.append(["2024-00702", "Två", None, "Vinnova", None, None])
    sheet.append(["2024-00703", "Tre", "Planerad", "Vinnova", None, None])
    sheet.append([None, "Uppdaterad av handläggaren"])
    for cells in ("A1:F1", "C3:C4", "E3:E5", "B6:F6"):
        sheet.merge_cells(cells)
    result = upload(engine, "lista.xlsx", _saved(workbook))
    assert result.outcome == "committed", result.problems
    assert [
        (p["reference"], p["status"], p["programme_code"], p["source"])
        for p in natural(engine, "projects")
    ] == [
        ("2024-00701", "ongoing", "P2I", "Lista"),
        ("2024-00702", "ongoing", "P2I", None),
        ("2024-00703", "planned", "P2I", None),
    ]
    note, skipped = result.problems
    assert (note.row, note.severity, skipped.row, skipped.error) == (3, "warning", 6, "row-error")
    assert note.text("en").startswith("2 cells merged over several rows, such as C3:C4 (“Pågå")


def test_xlsx_unknown_sheet_is_a_format_error(engine):
    assert rejected(engine, "arena.xlsx", _workbook(), sheet="Budget") == [
        (None, None, "format-error")
    ]


def _with_cover(*sheets: tuple[str, list[list[object]]]) -> bytes:
    """A workbook whose first sheet is a cover (a title, a date, a contact), then `sheets`."""
    workbook = Workbook()
    cover = workbook.active
    cover.title = "Info"
    for line in (["Projektlista för arenan"], ["Uppdaterad 2024-11-30"], ["anna@exempel.se"]):
        cover.append(line)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    return _saved(workbook)


PROJECT_ROWS = [["Diarienummer", "Titel", "Status"], ["2024-00501", "I flik två", "Pågående"]]


def test_a_cover_sheet_first_reads_the_one_sheet_with_data_and_says_so(engine):
    data = _with_cover(("Anteckningar", [["Att göra"], ["Ring Anna"]]), ("Projekt", PROJECT_ROWS))
    result = upload(engine, "lista.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert [p["reference"] for p in natural(engine, "projects")] == ["2024-00501"]
    (note,) = result.problems
    assert (note.error, note.severity) == ("format-error", "warning")
    assert note.text("sv") == (
        "lista.xlsx: bladet ”Info” har inga kända rubriker, så ”Projekt” (projekt) lästes."
    )


ORGANISATION_ROWS = [["Namn", "Typ"], ["Göteborgs kommun", "kommun"]]


def _projects_and_grants() -> Workbook:
    """A programme's workbook: its projects on the first sheet, their grants on "Bidrag"."""
    workbook = Workbook()
    workbook.active.title = "Projekt"
    for row in PROJECT_ROWS:
        workbook.active.append(row)
    grants = workbook.create_sheet("Bidrag")
    grants.append(["Bidragsreferens", "Diarienummer", "Finansiär", "Belopp"])
    grants.append(["G-1", "2024-00501", "Göteborgs kommun", 100_000])
    return workbook


def test_every_sheet_with_data_is_read_and_the_note_says_as_what(engine):
    # One list per sheet, as a programme keeps its workbook: only the first sheet was read,
    # and the others' rows were left out without a word.
    workbook = _projects_and_grants()
    organisations = workbook.create_sheet("Organisationer")
    for row in ORGANISATION_ROWS:
        organisations.append(row)
    workbook.create_sheet("Anteckningar").append(["Ring Anna"])
    result = upload(engine, "arbetsbok.xlsx", _saved(workbook))
    assert result.outcome == "committed", result.problems
    assert [g["amount_sek"] for g in natural(engine, "grants")] == [100_000]
    assert [o["kind"] for o in natural(engine, "organisations")] == ["municipality"]
    assert result.problems[0].text("en") == (
        "arbetsbok.xlsx: the workbook holds data on several sheets, and all were read: "
        "“Projekt” (projects), “Bidrag” (grants), “Organisationer” (organisations)."
    )


def test_a_sheet_that_describes_the_columns_is_no_data(engine):
    # A guide beside the list, a row per column ("Diarienummer | Ja | ..."), was read as a
    # list of its own under its second row's "headers": here, as organisations.
    workbook = Workbook()
    workbook.active.title = "Projekt"
    for row in PROJECT_ROWS:
        workbook.active.append(row)
    guide = workbook.create_sheet("Fältbeskrivning")
    guide.append(["Fält", "Obligatoriskt", "Beskrivning"])
    guide.append(["Diarienummer", "Ja", "Ärendets nummer hos finansiären"])
    guide.append(["Titel", "Ja", "Projektets namn"])
    guide.append(["Status", "Nej", "Pågående eller avslutat"])
    # Our own templates' guide, known by its name, whatever its rows now say.
    workbook.create_sheet("Instructions").append(["Namn", "Typ"])
    workbook["Instructions"].append(["Fyll i en rad per projekt", "kommun"])
    result = upload(engine, "projekt.xlsx", _saved(workbook))
    assert result.outcome == "committed", result.problems
    assert result.kinds == ["projects"] and result.problems == []
    assert natural(engine, "organisations") == []


SUMMARY_ROWS = [
    ["Beviljat per program och år"],
    ["Program", 2019, 2020, "Totalt"],
    ["IU-STOD", 1_234_567, 0, 1_234_567],
]


@pytest.mark.parametrize("summary_first", [False, True], ids=["after", "before"])
def test_a_summary_sheet_beside_the_list_leaves_the_budgets_as_stored(engine, summary_first):
    # Granted per programme and year, summed up from the list beside it, was read as budgets
    # and overwrote the programmes' stored ones; a warning that several sheets were read was
    # the only sign.
    load_files(
        engine,
        {
            "o.csv": "Namn;Typ\nVinnova;Myndighet\n",
            "p.csv": "Kod;Namn;Typ;Ägare\nIU-STOD;Stöd;Program;Vinnova\n",
            "b.csv": "Program;År;Belopp\nIU-STOD;2019;2 000 000\nIU-STOD;2020;2 500 000\n",
        },
    )
    sheets = [("Projekt", PROJECT_ROWS), ("Sammanställning", SUMMARY_ROWS)]
    _, data = saved_workbook(*(reversed(sheets) if summary_first else sheets))
    result = upload(engine, "projekt.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert result.kinds == ["projects"]
    assert [b["amount_sek"] for b in natural(engine, "budgets")] == [2_000_000, 2_500_000]
    assert result.problems[0].text("en") == (
        "projekt.xlsx: the sheet “Sammanställning” sums amounts up by year (years as columns "
        "beside a total column), as a summary of a list does, and was not read as data; sheets "
        "read: “Projekt” (projects). Name the sheet to read it."
    )
    # Named, it is read as the budgets it says it is.
    named = upload(engine, "projekt.xlsx", data, sheet="Sammanställning")
    assert named.outcome == "committed", named.problems
    assert [b["amount_sek"] for b in natural(engine, "budgets")] == [1_234_567, 0]


def test_a_note_of_one_sheet_of_several_names_its_sheet(engine):
    # "The column headers are read from row 2" of a workbook read sheet by sheet said not of
    # which sheet: the page and the command line showed it as the file's.
    organisations = [["Organisation", "Uppgifter"], *ORGANISATION_ROWS]  # group titles
    _, data = saved_workbook(("Projekt", PROJECT_ROWS), ("Organisationer", organisations))
    result = upload(engine, "arbetsbok.xlsx", data)
    assert result.outcome == "committed", result.problems
    said = {p.message.key: p.source for p in result.problems}
    assert said == {
        "import.sheets_read": None,
        "import.header_below": "arbetsbok.xlsx:Organisationer",
    }


def test_a_workbook_read_as_one_kind_names_the_sheets_it_left_out(engine):
    # `--kind projects` on a workbook of projects and grants committed the projects only,
    # without a word of the grants.
    workbook = _projects_and_grants()
    workbook.create_sheet("Anteckningar").append(["Ring Anna"])
    result = upload(engine, "arbetsbok.xlsx", _saved(workbook), kind="projects")
    assert result.outcome == "committed", result.problems
    assert natural(engine, "grants") == []
    assert [(p.severity, p.text("en")) for p in result.problems] == [
        (
            "warning",
            "arbetsbok.xlsx: the sheet “Bidrag” also holds data but was not read: with a kind "
            "of data chosen, one sheet is read, as projects. Upload the file without a kind to "
            "read every sheet, or name the sheet.",
        )
    ]
    # A sheet named: that sheet is what the person asked for, nothing to say.
    named = upload(engine, "arbetsbok.xlsx", _saved(workbook), kind="projects", sheet="Projekt")
    assert named.outcome == "unchanged" and not named.problems


def test_a_workbook_of_one_list_is_read_once(engine, monkeypatch):
    # Looking at the other sheets must not read the first again: a sheet of 100 000 rows
    # takes seconds to read.
    reads = []
    real = ingest.read_file
    monkeypatch.setattr(ingest, "read_file", lambda *a, **k: reads.append(k) or real(*a, **k))
    data = _with_cover(("Projekt", PROJECT_ROWS), ("Anteckningar", [["Ring Anna"]]))
    assert upload(engine, "lista.xlsx", data).outcome == "committed"
    assert [read.get("sheet") for read in reads] == [None, "Projekt", "Anteckningar"]
    reads.clear()
    workbook = Workbook()
    for row in PROJECT_ROWS:
        workbook.active.append(row)
    assert upload(engine, "projekt.xlsx", _saved(workbook)).outcome == "unchanged"
    assert len(reads) == 1


def test_a_cover_sheet_and_two_sheets_with_data_reads_both(engine):
    data = _with_cover(("Projekt", PROJECT_ROWS), ("Organisationer", ORGANISATION_ROWS))
    result = upload(engine, "lista.xlsx", data)
    assert result.outcome == "committed", result.problems
    assert [p.text("en") for p in result.problems] == [
        "lista.xlsx: the sheet “Info” has no known headers, so “Projekt” (projects), "
        "“Organisationer” (organisations) were read."
    ]
    assert [o["name"] for o in natural(engine, "organisations")] == ["Göteborgs kommun"]
    # Named, only that sheet is read; a cover named is refused as before, not passed over.
    result = upload(engine, "lista.xlsx", data, sheet="Projekt")
    assert result.outcome == "unchanged" and not result.problems
    assert rejected(engine, "lista.xlsx", data, sheet="Info") == [(1, None, "format-error")]
    assert rejected(engine, "lista.xlsx", _with_cover()) == [(1, None, "format-error")]


def test_two_sheets_of_one_kind_ask_which(engine):
    # "Projekt 2024" beside "Projekt 2023": which list is the one to keep is no guess to make.
    older = [PROJECT_ROWS[0], ["2023-00501", "Förra året", "Avslutad"]]
    data = _with_cover(("Projekt 2024", PROJECT_ROWS), ("Projekt 2023", older))
    result = upload(engine, "lista.xlsx", data)
    assert result.outcome == "rejected"
    assert [p.text("sv") for p in result.problems] == [
        "lista.xlsx: bladen ”Projekt 2024”, ”Projekt 2023” innehåller alla projekt. Ange vilket "
        "som ska läsas (fältet Kalkylblad, eller --sheet)."
    ]
    assert upload(engine, "lista.xlsx", data, sheet="Projekt 2023").outcome == "committed"
    assert [p["reference"] for p in natural(engine, "projects")] == ["2023-00501"]


def test_group_titles_over_the_headers_are_passed_over_and_named(engine):
    # Excel: "Projekt" merged over three columns and "Ekonomi" over two, above the headers,
    # and the headers under a title row.
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Projektlista 2024"])
    sheet.append(["Projekt", None, None, "Ekonomi", None])
    sheet.merge_cells("A2:C2")
    sheet.merge_cells("D2:E2")
    sheet.append(["Diarienummer", "Titel", "Status", "Bidrag från Vinnova", "Finansiär"])
    sheet.append(["2024-00501", "Grupperade rubriker", "Pågående", 1_250_000, "Vinnova"])
    result = upload(engine, "lista.xlsx", _saved(workbook))
    assert result.outcome == "committed", result.problems
    assert [(p["reference"], p["status"]) for p in natural(engine, "projects")] == [
        ("2024-00501", "ongoing")
    ]
    assert [g["amount_sek"] for g in natural(engine, "grants")] == [1_250_000]
    assert [p.text("sv") for p in result.problems if p.severity == "warning"] == [
        "Kolumnrubrikerna läses från rad 3; raden ovanför (”Projekt”, ”Ekonomi”) är en titel "
        "eller rubriker för grupper av kolumner och läses inte."
    ]
    # A CSV saved from such a sheet, with two rows of group titles: the row numbers are the
    # file's, and a problem under them names the line it is on.
    data = (
        "Projektlista;;\nProjekt;;\nDiarienummer;Titel;Status\n"
        "2024-00502;Två rader ovanför;Pågående\n2024-00503;Fel status;Kanske\n"
    )
    assert rejected(engine, "lista.csv", data) == [(5, "Status", "constraint-error")]
    (note,) = upload(engine, "lista.csv", data.replace("Kanske", "Planerad")).problems
    assert note.text("en") == (
        "The column headers are read from row 3; the 2 rows above (“Projektlista”, “Projekt”) "
        "are titles, head groups of columns or are empty, and are not read."
    )


# A project list whose period heads two columns: "Tid" over "Start" and "Slut" on the row
# under it, the other headers on the top row only (merged down over both rows, or not).
TWO_HEADER_ROWS = [
    ["Diarienummer", "Titel", "Koordinator", "Tid", None, "Bidrag från Vinnova"],
    [None, None, None, "Start", "Slut", None],
    ["2020-44441", "Tvårads", "Vinnova", date(2020, 1, 1), date(2020, 12, 31), 100_000],
    ["2021-44442", "Pågår", "Vinnova", date(2021, 3, 1), None, 50_000],
]


def _two_header_rows_xlsx(*, merged: bool) -> bytes:
    workbook, _data = saved_workbook(("Projekt", TWO_HEADER_ROWS))
    if merged:
        sheet = workbook.active
        sheet.merge_cells("D1:E1")
        for column in "ABCF":
            sheet.merge_cells(f"{column}1:{column}2")
    return xlsx_bytes(workbook)


def _two_header_rows_ods() -> bytes:
    from tests.fixtures.ods import cell, ods, sheet

    return ods(sheet("Projekt", [[cell(value) for value in row] for row in TWO_HEADER_ROWS]))


def _two_header_rows_csv(*, title: str = "") -> bytes:
    lines = [
        ";".join("" if value is None else str(value) for value in row) for row in TWO_HEADER_ROWS
    ]
    return (title + "\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    ("name", "data", "top"),
    [
        ("merged.xlsx", _two_header_rows_xlsx(merged=True), 1),
        ("plain.xlsx", _two_header_rows_xlsx(merged=False), 1),
        ("lista.ods", _two_header_rows_ods(), 1),
        ("lista.csv", _two_header_rows_csv(), 1),
        ("titled.csv", _two_header_rows_csv(title="Projektlista 2020;;;;;\n;;;;;\n"), 3),
    ],
)
def test_a_header_over_two_rows_reads_the_columns_under_a_group_by_their_own_header(
    engine, name, data, top
):
    stores_the_two_header_rows(engine, name, data, top=top)


def stores_the_two_header_rows(engine, name: str, data: bytes, *, top: int = 1) -> None:
    """`TWO_HEADER_ROWS` in the file `data` (the top header on row `top`) stores its dates,
    and the warning says how its headers were read. They were read as nothing (the row of
    "Start" and "Slut" skipped as blank, "Tid" unknown), and a project of 2020 was stored
    as planned."""
    with_organisations(engine)
    result = upload(engine, name, data)
    assert result.outcome == "committed", result.problems
    assert [
        (p["reference"], p["status"], p["start_date"], p["end_date"])
        for p in natural(engine, "projects")
    ] == [
        ("2020-44441", "completed", date(2020, 1, 1), date(2020, 12, 31)),
        ("2021-44442", "ongoing", date(2021, 3, 1), None),
    ]
    said = {p.message.key: p for p in result.problems}
    assert "read.blank_row" not in said
    note = said["read.two_header_rows"]
    assert (note.row, note.severity) == (top, "warning")
    assert note.text("en") == (
        f"The column headers span two rows, {top} and {top + 1}, and are read as one: “Start”, "
        f"“Slut” under “Tid”, the other columns by their header on row {top}."
    )
    assert note.text("sv").startswith(
        f"Kolumnrubrikerna går över två rader, {top} och {top + 1}, och läses som en: ”Start”, "
    )
    # A problem under them names the row it is on in the file.
    broken = data.replace(b"2021-03-01", b"2021-13-01") if name.endswith(".csv") else None
    if broken is not None:
        assert rejected(engine, name, broken) == [(top + 3, "Start", "type-error")]


def test_a_record_under_a_group_header_is_a_record_not_a_row_of_headers(engine):
    # Text under the group's columns alone is read as their headers; a row with a cell
    # elsewhere (its diarienummer, its title) is the first record, words under "Tid" or not.
    with_organisations(engine)
    data = (
        "Diarienummer;Titel;Koordinator;Tid;;Bidrag från Vinnova\n"
        "2020-44443;Start;Vinnova;Start;Slut;100000\n"
    )
    result = upload(engine, "lista.csv", data)
    assert result.outcome == "committed", result.problems
    assert "read.two_header_rows" not in {p.message.key for p in result.problems}
    assert [(p["reference"], p["title"]) for p in natural(engine, "projects")] == [
        ("2020-44443", "Start")
    ]


def test_a_title_and_blank_lines_above_a_csvs_headers_are_passed_over(engine):
    # A list written by hand or by a tool that does not pad rows to the sheet's width: a
    # title alone on its line, a blank line, the headers; a blank line between two titles too.
    # (A blank line read as the header once crashed the import.)
    rows = "Diarienummer;Titel;Status\n2024-00505;Under en titel;Pågående\n"
    for above, line in (("Projektlista 2024\n\n", 3), ("Projektlista\n\nVinnova\n\n", 5)):
        result = upload(engine, "lista.csv", above + rows.replace("00505", f"0050{line}"))
        assert result.outcome == "committed", result.problems
        (note,) = result.problems
        assert note.text("en").startswith(f"The column headers are read from row {line}; ")
    assert [p["reference"] for p in natural(engine, "projects")] == ["2024-00503", "2024-00505"]
    # The kind named by the person: the headers are looked for under the title all the same.
    data = "Projektlista\n\n" + rows.replace("00505", "00511")
    assert upload(engine, "lista.csv", data, kind="projects").outcome == "committed"
    assert [p["reference"] for p in natural(engine, "projects")] == [
        "2024-00503",
        "2024-00505",
        "2024-00511",
    ]
    # Blank lines alone above the headers, and a problem under them named by its line.
    data = "\n\n" + rows.replace("Pågående", "Kanske")
    assert rejected(engine, "lista.csv", data) == [(4, "Status", "constraint-error")]
    # Three titles, or more blank lines than BLANK_ROWS_PASSED, are not looked under.
    for above in ("A\nB\nC\n", "Projektlista\n\n\n\n\n"):
        assert rejected(engine, "lista.csv", above + rows) == [(1, None, "format-error")]


def test_a_title_with_a_comma_above_a_semicolon_list_leaves_the_separator_as_it_is(engine):
    # Split at its comma, the title made "," the separator and every line below one field.
    rows = "Diarienummer;Titel;Status\n2024-00601;Ett;Pågående\n2024-00602;Två;Planerad\n"
    for title in ("Projektlista, version 3\n", "Lista, Vinnova, 2024\n\n"):
        result = upload(engine, "lista.csv", title + rows)
        assert result.outcome in ("committed", "unchanged"), result.problems
    assert [p["title"] for p in natural(engine, "projects")] == ["Ett", "Två"]
    # A comma-separated list under a title with a semicolon in it, the other way round.
    data = "Projektlista; utkast\nDiarienummer,Titel,Status\n2024-00603,Tre,Pågående\n"
    assert upload(engine, "lista.csv", data).outcome == "committed"


def test_excels_text_formula_around_a_value_is_the_value(engine):
    # `="2018-04510"` keeps a CSV cell as text when Excel opens it (a diarienummer, zeros in
    # front): read as written it was a second project beside the real one.
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2018-04510;Arenan;Pågående\n")
    data = (
        'Diarienummer;Titel;Status\n="2018-04510";Arenan;Pågående\n'
        '="00123";="Ett ""citat""";Planerad\n'
    )
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "committed", result.problems
    assert sorted((p["reference"], p["title"]) for p in natural(engine, "projects")) == [
        ("00123", 'Ett "citat"'),
        ("2018-04510", "Arenan"),
    ]
    assert (result.counts["new"], result.counts["unchanged"]) == (1, 1)


def test_years_as_columns_under_a_title_are_read_as_a_row_per_year(engine):
    upload(engine, "program.csv", "Kod;Namn\nARENA;Arenan\n")
    data = "Budget per år;;;\nProgram;2021;2022;2023\nARENA;2 MSEK;2 MSEK;2,5 MSEK\n"
    result = upload(engine, "budget.csv", data)
    assert result.outcome == "committed", result.problems
    assert [(b["year"], b["amount_sek"]) for b in natural(engine, "budgets")] == [
        (2021, 2_000_000),
        (2022, 2_000_000),
        (2023, 2_500_000),
    ]
    assert any("row 2" in p.text("en") for p in result.problems)  # the title is named


def test_headers_known_three_rows_down_are_not_looked_for(engine):
    data = "A;B\nC;D\nE;F\nDiarienummer;Titel\n2024-00504;För långt ner\n"
    assert rejected(engine, "lista.csv", data) == [(1, None, "format-error")]


def test_a_period_column_fills_start_and_end(engine):
    result = upload(engine, "projekt.csv", text("projekt_perioder.csv"))
    assert result.outcome == "committed", result.problems
    assert [
        (p["reference"], p["status"], p["start_date"], p["end_date"])
        for p in natural(engine, "projects")
    ] == [
        ("2018-04510", "ongoing", date(2018, 10, 1), date(2019, 2, 28)),
        ("2019-00001", "completed", date(2018, 10, 1), date(2019, 2, 28)),
        ("2019-00002", "planned", date(2020, 1, 1), date(2021, 12, 31)),
        ("2019-00003", "ongoing", date(2019, 3, 5), date(2019, 11, 30)),
    ]


def test_an_explicit_date_wins_over_the_period_where_it_has_one(engine):
    data = (
        "Diarienummer;Titel;Status;Projektets löptid;Startdatum\n"
        "2019-00001;Egen start;planerad;2020 - 2021;2020-03-15\n"
        "2019-00002;Periodens start;planerad;2020 - 2021;\n"
    )
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "committed", result.problems
    assert [(p["start_date"], p["end_date"]) for p in natural(engine, "projects")] == [
        (date(2020, 3, 15), date(2021, 12, 31)),
        (date(2020, 1, 1), date(2021, 12, 31)),
    ]


def test_headers_match_whatever_the_case_spacing_punctuation_and_vinnova_page_labels(engine):
    with_organisations(engine)
    projects = (
        "  DIARIE-NUMMER ;ärenderubrik;STATUS;koordinator;projektets_LÖPTID\n"
        "2018-04510;Nationell arena;Pågående;Teknikföretagens Service i Sverige AB;"
        "oktober 2018 - februari 2019\n"
    )
    result = upload(engine, "projekt.csv", projects)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == []
    (project,) = natural(engine, "projects")
    assert (project["title"], project["coordinator"], project["end_date"]) == (
        "Nationell arena",
        "Teknikföretagens Service i Sverige AB",
        date(2019, 2, 28),
    )
    grants = "Bidragsreferens;Projekttitel?;Diarienummer;Finansiär;Bidrag från Vinnova\n"
    grants += "2018-04510;(ej med);2018-04510;Vinnova;150 000 kr\n"
    result = upload(engine, "bidrag.csv", grants)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(1, "Projekttitel?", "extra-label")]
    assert [(g["reference"], g["amount_sek"]) for g in natural(engine, "grants")] == [
        ("2018-04510", 150_000)
    ]


def test_a_header_with_a_note_in_brackets_is_read_as_the_column_it_names(engine):
    # A project list that notes each column's short name or format after its header was
    # taken for grants ("Bidragsreferens" missing), or for no kind at all; a flat project
    # sheet's headers, with the funder and amount of its grant, likewise.
    with_organisations(engine)
    noted = "Diarienummer (Dnr);Titel (kort);Koordinator;Startdatum (ÅÅÅÅ-MM-DD);Slutdatum [ÅÅÅÅ]"
    for header, row in (
        (noted, "2024-99901;Parentes;Vinnova;2024-01-01;2024-12-31"),
        (f"{noted};Finansiär;Belopp (kr)", "2024-99902;Flat;Vinnova;2024-02-01;2025;Vinnova;1000"),
    ):
        result = upload(engine, "projekt.csv", f"{header}\n{row}\n")
        assert (result.outcome, warnings(result)) == ("committed", []), result.problems
    assert [
        (p["reference"], p["title"], p["coordinator"], p["start_date"], p["end_date"])
        for p in natural(engine, "projects")
    ] == [
        ("2024-99901", "Parentes", "Vinnova", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-99902", "Flat", "Vinnova", date(2024, 2, 1), date(2025, 12, 31)),
    ]
    grants = [
        (g["project_reference"], g["funder"], g["amount_sek"]) for g in natural(engine, "grants")
    ]
    assert grants == [("2024-99902", "Vinnova", 1000)]


def test_a_noted_header_beside_the_column_it_names_is_not_read_twice(engine):
    # "Titel (kort)" beside "Titel": which is meant is the person's to say; it is not read
    # as the title a second time, nor refused as such.
    result = upload(
        engine, "projekt.csv", "Diarienummer;Titel;Titel (kort);Status\n2024-1;Lång;Kort;planerad\n"
    )
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(1, "Titel (kort)", "extra-label")]
    assert [p["title"] for p in natural(engine, "projects")] == ["Lång"]
    # "Titel (sv)" beside "Titel (en)": the Swedish title and the English one (the English
    # note names the English title's column; it was refused as lacking a title).
    two = "Diarienummer;Titel (sv);Titel (en);Status\n2024-2;Svensk;English;planerad\n"
    assert upload(engine, "projekt.csv", two).outcome == "committed"
    stored = {p["reference"]: (p["title"], p["title_en"]) for p in natural(engine, "projects")}
    assert stored["2024-2"] == ("Svensk", "English")


def test_a_list_with_english_names_noted_by_country_changes_the_english_names(engine):
    # "Namn (UK)" was read as "Namn": the English names were written over the Swedish ones.
    load_files(engine, {"program.csv": "Kod;Namn\nP1;Ett program\n"})
    for header, english in (
        ("Kod;Namn;Namn (UK)", "A programme"),
        ("Code;Name;Name (US)", "A program"),
    ):
        data = f"{header}\nP1;Ett program;{english}\n"
        assert upload(engine, "program.csv", data).outcome == "committed"
        (stored,) = natural(engine, "programmes")
        assert (stored["name"], stored["name_en"]) == ("Ett program", english)


@pytest.mark.parametrize("header", ["Namn;Namn (översättning)", "Namn (översatt)"])
def test_a_translation_into_a_language_not_named_is_refused_naming_the_column(engine, header):
    # "Namn (översättning)" was read as the bare "Namn" (its translations over the Swedish
    # names), or beside "Namn" as an unknown column: which language it holds is unsaid.
    load_files(engine, {"program.csv": "Kod;Namn\nP1;Ett program\n"})
    data = f"Kod;{header}\nP1;{'Ett program;' if ';' in header else ''}A programme\n"
    noted = header.split(";")[-1]
    result = upload(engine, "program.csv", data, kind="programmes")
    assert result.outcome == "rejected"
    said = [p for p in result.problems if p.severity == "error"]
    assert [(p.row, p.column, p.message.key) for p in said] == [
        (1, noted, "problem.translation_unsaid")
    ]
    assert f"“{noted}” is a translation of “Namn”" in said[0].text("en")
    assert [p["name"] for p in natural(engine, "programmes")] == ["Ett program"]


@pytest.mark.parametrize("names", ["Namn;Namn (översättning)", "Namn (översättning)"])
def test_a_translation_not_named_in_a_list_of_values_with_names_is_refused_as_there(engine, names):
    # The Project page's indicators, "Namn (översättning)" beside "Namn": the column was
    # "unknown for indicator values" and the value stored, the translations lost unsaid.
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nP-1;Ett;pågående\n",
            "indikatorer.csv": "Kod;Namn;Enhet\nLEV;Leverantörer;antal\n",
        },
    )
    before = dump(engine)
    cells = "Leverantörer;Suppliers" if ";" in names else "Suppliers"
    data = (
        f"Projekt;Indikator;{names};Enhet;År;Värde;Täckning (%)\nP-1;LEV;{cells};antal;2024;15;\n"
    )
    result = upload(engine, "indikatorer.csv", data)
    assert result.outcome == "rejected"
    unread = [p for p in result.problems if p.column == "Namn (översättning)"]
    assert [(p.row, p.severity, p.message.key) for p in unread] == [
        (1, "error", "problem.translation_unsaid")
    ]
    assert "is a translation of “Namn”" in unread[0].text("en")
    assert "är en översättning av ”Namn”" in unread[0].text("sv")
    assert dump(engine) == before


@pytest.mark.parametrize(
    ("header", "bare"),
    [
        ("Diarienummer (Dnr)", "Diarienummer"),
        ("Startdatum (ÅÅÅÅ-MM-DD)", "Startdatum"),
        ("Titel [kort]", "Titel"),
        ("Belopp (inkl. moms)", "Belopp"),
        # A unit is no note: read in it as written, or not read as today.
        ("Belopp (tkr)", None),
        ("Belopp (öre)", None),
        ("Budget (MSEK)", None),
        ("Belopp (EUR)", None),
        ("Andel (%)", None),
        ("Täckning (procent)", None),
        ("Beviljat belopp MSEK (avrundat)", None),
        ("Titel", None),
        ("(Dnr)", None),
    ],
)
def test_a_note_in_brackets_after_a_header_is_set_aside_but_a_unit_is_not(header, bare):
    assert v.without_note(header) == bare


def _arena_project(engine) -> None:
    with_organisations(engine)
    result = upload(engine, "projekt.csv", text("projekt_perioder.csv"))
    assert result.outcome == "committed", result.problems


def test_money_as_swedes_write_it(engine):
    _arena_project(engine)
    result = upload(engine, "bidrag.csv", text("bidrag_belopp.csv"))
    assert result.outcome == "committed", result.problems
    assert [
        (g["reference"], g["amount_sek"], g["decision_date"]) for g in natural(engine, "grants")
    ] == [
        ("B-1", 1_235, date(2018, 9, 20)),  # 1 234,50 rounds half up
        ("B-2", 150_000, date(2018, 9, 21)),
        ("B-3", 2_000_000, date(2018, 9, 20)),
        ("B-4", 2_500_000, date(2018, 9, 1)),
        ("B-5", 150_000, date(2018, 1, 1)),
        ("B-6", 1_234, None),
    ]


def test_spend_may_be_negative_with_a_unicode_minus(engine):
    _arena_project(engine)
    result = upload(engine, "utfall.csv", text("utfall_minus.csv"))
    assert result.outcome == "committed", result.problems
    assert [(e["spent_on"], e["amount_sek"]) for e in natural(engine, "expenditures")] == [
        (date(2018, 12, 31), 48_500),
        (date(2019, 1, 31), -12_500),
        (date(2019, 2, 28), -1_201),  # -1 200,50: half rounds away from zero
    ]


def test_spend_saved_from_excels_accounting_format_reads_its_zero_and_credits(engine):
    """Excel's accounting format ("Redovisning") pads its cells, writes zero as a dash before
    the unit and a credit in parentheses; a CSV saved from it in Windows-1252 keeps all that."""
    _arena_project(engine)
    data = (
        "Diarienummer;Datum;Kategori;Belopp;Beskrivning\r\n"
        "2018-04510;2018-12-31;Konsulter; 48 500 kr ;Förstudiens konsultstöd\r\n"
        "2018-04510;2019-01-31;Konsulter; -   kr ;Inget fakturerat i januari\r\n"
        "2018-04510;2019-02-28;Resor; (1 200 kr);Återbetald resa\r\n"
    ).encode("cp1252")
    result = upload(engine, "utfall.csv", data)
    assert result.outcome == "committed", result.problems
    assert [(e["spent_on"], e["amount_sek"]) for e in natural(engine, "expenditures")] == [
        (date(2018, 12, 31), 48_500),
        (date(2019, 1, 31), 0),
        (date(2019, 2, 28), -1_200),
    ]


def test_amounts_written_in_english_are_refused_not_read_a_thousand_times_too_small(engine):
    """A list saved in English writes 150 000 kr as "150,000": read with Swedish eyes it was
    150 kr, silently. Such a cell is refused, naming both readings; where the thousands are
    grouped by commas more than once, or a decimal point follows, it is read."""
    _arena_project(engine)
    data = (
        "Diarienummer,Datum,Kategori,Belopp\n"
        '2018-04510,2018-12-31,Konsulter,"150,000"\n'
        '2018-04510,2019-01-31,Konsulter,"1,234,567"\n'
        '2018-04510,2019-02-28,Resor,"12,500.50"\n'
    )
    assert rejected(engine, "utfall.csv", data) == [(2, "Belopp", "constraint-error")]
    result = upload(engine, "utfall.csv", data.replace('"150,000"', '"150,000.00"'))
    assert result.outcome == "committed", result.problems
    assert sorted(e["amount_sek"] for e in natural(engine, "expenditures")) == [
        12_501,
        150_000,
        1_234_567,
    ]


def test_missing_markers_are_empty_never_zero_or_a_default(engine):
    result = upload(engine, "projekt.csv", text("projekt_saknas.csv"))
    assert result.outcome == "committed", result.problems
    for project in natural(engine, "projects"):
        assert (
            project["coordinator"],
            project["start_date"],
            project["end_date"],
            project["sector"],
        ) == (None, None, None, None), project


def test_a_missing_marker_in_a_required_amount_is_an_error_not_zero(engine):
    _arena_project(engine)
    data = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nB-9;2018-04510;Vinnova;#SAKNAS!\n"
    assert rejected(engine, "bidrag.csv", data) == [(2, "Belopp", "constraint-error")]


# --- Vinnova open data --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Göteborgs kommun", "municipality"),
        ("Malmö stad", "municipality"),
        ("Region Östergötland", "region"),
        ("Västra Götalandsregionen", "region"),
        ("Stockholms läns landsting", "region"),
        ("Lunds universitet", "research_organisation"),
        ("Karolinska Institutet", "research_organisation"),
        ("Mälardalens högskola", "research_organisation"),
        ("Energimyndigheten", "national_authority"),
        ("Trafikverket", "national_authority"),
        ("Vinnova", "national_authority"),
        ("Myndigheten för digital förvaltning", "national_authority"),
        # The government and its offices, the county boards: no companies.
        ("Regeringen", "national_authority"),
        ("Regeringskansliet", "national_authority"),
        ("Finansdepartementet", "national_authority"),
        ("Länsstyrelsen i Skåne län", "national_authority"),
        ("Diskrimineringsombudsmannen", "national_authority"),
        ("Teknikföretagens Service i Sverige AB", "company"),
        ("Kommunförbundet Skåne", "association"),
        ("Sveriges Kommuner och Regioner", "association"),
        ("Svensk Förening för Upphandling", "association"),
        ("Stiftelsen Svensk Industridesign", "association"),
        ("Föreningsbyrån AB", "company"),
        # The regions run the public hospitals; a company form in the name is a company.
        ("Karolinska Universitetssjukhuset", "region"),
        ("Akademiska sjukhuset", "region"),
        ("Centrallasarettet Växjö", "region"),
        ("Sjukhusfysikerna i Sverige", "company"),
        ("Capio S:t Görans Sjukhus AB", "company"),
        ("Stockholms Stadshus AB", "company"),
        ("Universitetsholmen AB", "company"),
        ("AB Storstockholms Lokaltrafik", "company"),
        # The state's authorities, Swedish and Norwegian: "Statens vegvesen (971032081)" was
        # a company. A company form is still a company; a works without one is no authority.
        ("Statens vegvesen (971032081)", "national_authority"),
        ("Statens vegvesen", "national_authority"),
        ("Statens vägverk", "national_authority"),
        ("Statens energimyndighet", "national_authority"),
        ("Läkemedelsmyndighet", "national_authority"),
        ("Skatteetaten", "national_authority"),
        ("Vegdirektoratet", "national_authority"),
        ("Arbeidstilsynet", "national_authority"),
        ("Statens Bostadsomvandling AB", "company"),
        ("Statens vegvesen Holding AS", "company"),
        ("Kraftverk Nord", "company"),
        ("Ljusverk Design", "company"),
        # The regions' old names and a state inspectorate were companies.
        ("Landstinget i Uppsala län", "region"),
        ("Landstinget Dalarna", "region"),
        ("Landstinget Sörmland", "region"),
        ("Inspektionen för vård och omsorg", "national_authority"),
        # Oslo's own agency, named as the state's are, is the city's.
        ("Bymiljøetaten", "municipality"),
    ],
)
def test_the_kind_of_an_organisation_known_only_by_name(name, kind):
    assert guess_org_kind(name) == kind


@pytest.mark.parametrize(
    ("name", "country"),
    [
        # Norway's state authorities by their forms were stored in Sweden.
        ("Skatteetaten", "NO"),
        ("Statens vegvesen", "NO"),
        ("Statens vegvesen (971032081)", "NO"),
        ("Vegdirektoratet", "NO"),
        ("Arbeidstilsynet", "NO"),
        ("Bymiljøetaten", "NO"),
        ("Statens vägverk", ""),
        ("Inspektionen för vård och omsorg", ""),
        ("Landstinget i Uppsala län", ""),
        # Norway's directorates by their names: the form alone is Denmark's too.
        ("Digitaliseringsdirektoratet", "NO"),
        ("Miljødirektoratet", "NO"),
        ("Helsedirektoratet", "NO"),
        ("Mattilsynet", "NO"),
        # Denmark's directorates and supervisory authorities were stored in Norway; a name
        # as Danish as Norwegian says no country.
        ("Vejdirektoratet", ""),
        ("Kystdirektoratet", ""),
        ("Arbejdstilsynet", ""),
        ("Datatilsynet", ""),
        ("Finanstilsynet", ""),
        ("Erhvervsstyrelsen", ""),
        ("Styrelsen for Dataforsyning og Infrastruktur", ""),
    ],
)
def test_the_country_of_an_organisation_known_only_by_name(name, country):
    assert guess_country(name) == country


@pytest.mark.parametrize("name", ["Vejdirektoratet", "Arbejdstilsynet", "Datatilsynet"])
def test_a_directorate_of_no_country_the_name_tells_is_still_a_state_authority(name):
    assert guess_org_kind(name) == "national_authority"


def test_a_danish_agency_named_without_a_land_is_not_stored_in_norway(engine):
    # A project list's coordinators, without a Land column: "Vejdirektoratet" was stored in
    # Norway by its "-direktoratet", then in Sverige, the default, as never Swedish a name.
    listed = (
        "Diarienummer;Titel;Koordinator\n"
        "DK-1;Vägar;Vejdirektoratet\n"
        "DK-2;Arbetsmiljö;Arbejdstilsynet\n"
        "DK-3;Näringsliv;Erhvervsstyrelsen\n"
        "NO-1;Digitalt;Digitaliseringsdirektoratet\n"
    )
    result = upload(engine, "projekt.csv", listed)
    assert result.outcome == "rejected"
    refused = [(p.row, p.value) for p in result.problems if p.severity == "error"]
    assert refused == [(2, "Vejdirektoratet"), (3, "Arbejdstilsynet")]
    # With their Land they are read, and a "-styrelsen" is Sweden's form too: the default.
    listed = (
        "Diarienummer;Titel;Koordinator;Land\n"
        "DK-1;Vägar;Vejdirektoratet;Danmark\n"
        "DK-2;Arbetsmiljö;Arbejdstilsynet;Danmark\n"
        "DK-3;Näringsliv;Erhvervsstyrelsen;\n"
        "NO-1;Digitalt;Digitaliseringsdirektoratet;\n"
    )
    result = upload(engine, "projekt.csv", listed)
    assert result.outcome == "committed", result.problems
    stored = {o["name"]: (o["kind"], o["country"]) for o in natural(engine, "organisations")}
    assert stored == {
        "Vejdirektoratet": ("national_authority", "DK"),
        "Arbejdstilsynet": ("national_authority", "DK"),
        "Erhvervsstyrelsen": ("national_authority", "SE"),
        "Digitaliseringsdirektoratet": ("national_authority", "NO"),
    }


def test_vinnova_json_yields_organisations_projects_and_grants(engine):
    result = upload(engine, "vinnova.json")
    assert result.outcome == "committed", result.problems
    assert result.kinds == ["organisations", "projects", "grants"]
    assert [(o["name"], o["kind"], o["source"]) for o in natural(engine, "organisations")] == [
        ("Teknikföretagens Service i Sverige AB", "company", "Vinnova öppna data"),
        ("Vinnova", "national_authority", "Vinnova öppna data"),
        ("Region Östergötland", "region", "Vinnova öppna data"),
        ("Göteborgs kommun", "municipality", "Vinnova öppna data"),
    ]
    projects = natural(engine, "projects")
    assert projects[0] == {
        "reference": "2018-04510",
        "title": "Nationell arena för innovationsupphandling",
        "title_en": "National arena for innovation procurement",
        "description": "Teknikföretagen och SKL samarbetar för att utreda förutsättningar "
        "för en arena.",
        "expected_effects": "Ett beslutsunderlag om placering och finansiering av arenan.",
        "status": "ongoing",
        "stage": None,
        "coordinator": "Teknikföretagens Service i Sverige AB",
        "programme_code": None,
        "buyer_group": None,
        "sector": None,
        "procurement_type": None,
        "start_date": date(2018, 10, 1),
        "end_date": date(2019, 2, 28),
        "sdg_goals": None,
        "themes": None,
        "source": "Vinnova öppna data",
    }
    assert [(p["reference"], p["title"], p["description"], p["status"]) for p in projects[1:]] == [
        (
            "2019-02211",
            "Innovationsupphandling av digitala vårdtjänster",
            "Målet är att upphandla digitala vårdtjänster tillsammans.",  # MalSvenska
            "completed",
        ),
        (
            "2020-03300",
            "Förstudie om cirkulära möbler",
            "Kommunen undersöker marknaden för återbrukade möbler.",
            "ongoing",
        ),
        ("2021-00777", "Testbädd för innovationsupphandling", None, "planned"),
    ]
    # No BeviljatBidrag, no grant (2020-03300).
    assert natural(engine, "grants") == [
        {
            "reference": reference,
            "project_reference": reference,
            "funder": "Vinnova",
            "amount_sek": amount,
            "decision_date": None,
            "start_date": start,
            "end_date": end,
            "source": "Vinnova öppna data",
        }
        for reference, amount, start, end in (
            ("2018-04510", 150_000, date(2018, 10, 1), date(2019, 2, 28)),
            ("2019-02211", 2_500_000, date(2019, 6, 1), date(2021, 5, 31)),
            ("2021-00777", 300_000, date(2021, 1, 1), date(2021, 12, 31)),
        )
    ]


def test_vinnova_import_never_overwrites_a_known_organisation(engine):
    with_organisations(engine)  # Göteborgs kommun and Vinnova, with organisation numbers
    before = natural(engine, "organisations")
    result = upload(engine, "vinnova.json")
    assert result.outcome == "committed", result.problems
    after = natural(engine, "organisations")
    assert after[: len(before)] == before
    assert [o["name"] for o in after[len(before) :]] == ["Region Östergötland"]


def test_vinnova_errors_name_the_record_and_the_json_key(engine):
    data = text("vinnova.json").replace('"BeviljatBidrag": 2500000', '"BeviljatBidrag": -5')
    data = data.replace('"Status": "Avslutat"', '"Status": "Okänd"')
    assert rejected(engine, "vinnova.json", data) == [
        (2, "Status", "constraint-error"),
        (2, "BeviljatBidrag", "constraint-error"),
    ]


# --- 360Giving ----------------------------------------------------------------------------------


def test_360giving_yields_organisations_projects_grants_and_disbursements(engine):
    result = upload(engine, "360giving.csv")
    assert result.outcome == "committed", result.problems
    assert result.kinds == ["organisations", "projects", "grants", "disbursements"]
    assert [
        (o["name"], o["org_number"], o["kind"], o["country"])
        for o in natural(engine, "organisations")
    ] == [
        ("Möbelverket AB", "556016-0680", "company", "SE"),
        ("Vinnova", "202100-5208", "national_authority", "SE"),
        ("Västra Götalandsregionen", "232100-0255", "region", "SE"),
        ("Open Procurement Trust", None, "company", "GB"),
    ]
    assert [
        (p["reference"], p["title"], p["status"], p["coordinator"], p["start_date"])
        for p in natural(engine, "projects")
    ] == [
        (
            "360G-arena-2019-001",
            "Cirkulära kontorsmöbler",
            "completed",
            "Möbelverket AB",
            date(2019, 4, 1),
        ),
        (
            "360G-arena-2019-002",
            "Vårdens nya hjälpmedel, steg 2",
            "ongoing",
            "Västra Götalandsregionen",
            date(2000, 1, 1),
        ),
        (
            "360G-arena-2019-003",
            "Open data for buyers",
            "planned",
            "Open Procurement Trust",
            date(2099, 1, 1),
        ),
    ]
    assert [
        (g["reference"], g["project_reference"], g["funder"], g["amount_sek"], g["decision_date"])
        for g in natural(engine, "grants")
    ] == [
        ("360G-arena-2019-001", "360G-arena-2019-001", "Vinnova", 500_000, date(2019, 3, 15)),
        ("360G-arena-2019-002", "360G-arena-2019-002", "Vinnova", 1_200_000, date(2019, 5, 20)),
        ("360G-arena-2019-003", "360G-arena-2019-003", "Vinnova", 75_001, date(2019, 6, 1)),
    ]
    # Only a positive Amount Disbursed is a payment, dated the award date.
    assert natural(engine, "disbursements") == [
        {
            "grant_reference": "360G-arena-2019-001",
            "paid_on": date(2019, 3, 15),
            "payment_reference": "",
            "amount_sek": 250_000,
            "source": "360Giving",
        }
    ]


def _giving_package(csv_text: str, *, moment: str = "") -> str:
    """A 360Giving CSV as the standard's JSON package: camel-case fields, organisations, dates
    and programme in lists (what a publisher's JSON download holds); each date followed by
    `moment` ("T00:00:00+00:00", as many publishers write them)."""
    grants = []
    for row in csv.DictReader(io.StringIO(csv_text)):
        for field in ("Award Date", "Planned Dates:Start Date", "Planned Dates:End Date"):
            row[field] += moment
        grant = {
            "id": row["Identifier"],
            "title": row["Title"],
            "description": row["Description"],
            "currency": row["Currency"],
            "amountAwarded": float(row["Amount Awarded"]),
            "awardDate": row["Award Date"],
            "recipientOrganization": [
                {"id": row["Recipient Org:Identifier"], "name": row["Recipient Org:Name"]}
            ],
            "fundingOrganization": [
                {"id": row["Funding Org:Identifier"], "name": row["Funding Org:Name"]}
            ],
            "plannedDates": [
                {
                    "startDate": row["Planned Dates:Start Date"],
                    "endDate": row["Planned Dates:End Date"],
                    "duration": 12,
                }
            ],
            "dataSource": "https://example.org/grants.json",
            "beneficiaryLocation": [{"name": "Sverige"}],
        }
        if row["Grant Programme:Title"]:
            grant["grantProgramme"] = [{"title": row["Grant Programme:Title"]}]
        if row["Amount Disbursed"]:
            grant["amountDisbursed"] = float(row["Amount Disbursed"])
        grants.append(grant)
    return json.dumps({"grants": grants, "license": "CC-BY-4.0"}, ensure_ascii=False)


@pytest.mark.parametrize("moment", ["", "T00:00:00+00:00", "T00:00:00Z"])
def test_a_360giving_json_package_stores_what_its_csv_stores(engine, moment):
    kinds = ("organisations", "projects", "grants", "disbursements")
    package = upload(engine, "grants.json", _giving_package(text("360giving.csv"), moment=moment))
    assert package.outcome == "committed", package.problems
    from_json = {kind: natural(engine, kind) for kind in kinds}
    assert [g["amount_sek"] for g in from_json["grants"]] == [500_000, 1_200_000, 75_001]
    undo(engine, package.import_id, identity=cli_identity())
    assert upload(engine, "360giving.csv").outcome == "committed"
    assert {kind: natural(engine, kind) for kind in kinds} == from_json


def test_a_json_list_wrapped_as_an_api_sends_it_is_read(engine):
    records = [{"Diarienummer": "2024-00951", "Titel": "Från ett API", "Status": "Planerad"}]
    data = json.dumps({"data": records, "total": 1, "next": None})
    assert upload(engine, "projekt.json", data).outcome == "committed"
    assert [p["title"] for p in natural(engine, "projects")] == ["Från ett API"]


def test_a_json_array_in_a_list_column_is_that_list(engine):
    # Read as text, ["Energi", "Transport"] was one theme "['Energi', 'Transport']", and
    # [7, 11] was refused: "[7" is none of the goals' numbers.
    records = [
        {"Diarienummer": "2024-99004", "Titel": "Lista", "Status": "Planerad"}
        | {"Teman": ["Energi", "Transport", None], "Agenda 2030-mål": [7, 11.0]},
        {"Diarienummer": "2024-99005", "Titel": "Tom", "Status": "Planerad", "Teman": []},
    ]
    result = upload(engine, "projekt.json", json.dumps(records))
    assert result.outcome == "committed", result.problems
    assert [(p["themes"], p["sdg_goals"]) for p in natural(engine, "projects")] == [
        ("Energi; Transport", "7; 11"),
        (None, None),
    ]


def test_a_json_object_or_an_array_where_one_value_is_expected_is_a_type_error(engine):
    # A coordinator written as an object was an organisation named "{'Namn': 'Vinnova', ...}",
    # added without a word.
    records = [
        {"Diarienummer": "2024-99003", "Titel": "Objekt", "Status": "Planerad"}
        | {"Koordinator": {"Namn": "Vinnova", "Orgnr": "202100-5208"}},
        {"Diarienummer": "2024-99006", "Titel": "Listor", "Status": ["Planerad"]}
        | {"Teman": ["Energi", {"x": 1}]},
    ]
    data = json.dumps(records, ensure_ascii=False)
    assert rejected(engine, "projekt.json", data) == [
        (1, "Koordinator", "type-error"),
        (2, "Status", "type-error"),
        (2, "Teman", "type-error"),
    ]
    said = [p.text("en") for p in upload(engine, "projekt.json", data).problems]
    assert said[:2] == [
        '“{"Namn": "Vinnova", "Orgnr": "202100-5208"}” is an object where one value is expected.',
        '“["Planerad"]” is a list where one value is expected.',
    ]


@pytest.mark.parametrize("name", ["projekt.jsonl", "projekt.ndjson", "projekt.json"])
def test_json_lines_are_read_as_records_and_problems_name_their_line(engine, name):
    # One object per line, as databases and APIs export (also when the file says .json).
    lines = [
        '{"Diarienummer": "2024-00951", "Titel": "Första", "Status": "Planerad"}',
        "",
        '{"Diarienummer": "2024-00952", "Titel": "Andra", "Status": "kanske"}',
    ]
    assert rejected(engine, name, "\n".join(lines)) == [(3, "Status", "constraint-error")]
    lines[2] = lines[2].replace("kanske", "Pågår")
    assert upload(engine, name, "\n".join(lines)).outcome == "committed"
    assert [p["title"] for p in natural(engine, "projects")] == ["Första", "Andra"]


def test_a_broken_line_of_json_lines_is_named(engine):
    data = '{"Diarienummer": "2024-00951", "Titel": "Första"}\n{"Diarienummer": "2024-\n'
    problems = rejected(engine, "projekt.jsonl", data)
    assert problems == [(2, None, "format-error")]


def test_360giving_in_another_currency_is_refused_on_that_row(engine):
    data = text("360giving.csv").replace(",SEK,1200000,", ",GBP,1200000,")
    assert rejected(engine, "360giving.csv", data) == [(3, "Currency", "constraint-error")]


def test_360giving_grants_of_one_project_by_diarienummer(engine):
    data = text("360giving.csv").splitlines()
    data[0] += ",Diarienummer"
    data[1:] = [line + ",2018-04510" for line in data[1:]]
    result = upload(engine, "360giving.csv", "\n".join(data))
    assert result.outcome == "committed", result.problems
    (project,) = natural(engine, "projects")
    assert (project["reference"], project["title"]) == ("2018-04510", "Cirkulära kontorsmöbler")
    assert {g["project_reference"] for g in natural(engine, "grants")} == {"2018-04510"}


def test_a_layout_is_detected_from_its_headers_whatever_the_file_type(engine):
    header = text("360giving.csv").splitlines()[0]
    assert "Identifier" in header
    before = dump(engine)
    result = upload(engine, "360giving.csv", dry_run=True)
    assert result.outcome == "dry-run", result.problems
    assert result.counts == {"new": 11, "updated": 0, "unchanged": 0, "rejected": 0, "deleted": 0}
    # Only that the British partner's 75000.50 is stored as 75 001 kr, rounded to whole kronor.
    assert warnings(result) == [(4, "Amount Awarded", "format-error")] and errors(result) == []
    assert result.problems[0].message.key == "problem.ore_rounded"
    assert dump(engine) == before


def test_a_file_of_headers_only_says_it_holds_no_rows(engine):
    # Not "the store already holds exactly this data": it holds none.
    data = "Diarienummer;Titel;Status\n;;\n\n"
    preview = upload(engine, "projekt.csv", data, dry_run=True)
    result = upload(engine, "projekt.csv", data)
    assert (preview.outcome, result.outcome) == ("dry-run", "unchanged")
    for said in (preview, result):
        assert said.summary("sv") == (
            "Filen har inga rader att importera, bara rubriker eller tomma rader: inget ändrades."
        )
        assert said.summary("en").startswith("The file has no rows to import")
    unchanged = "Diarienummer;Titel;Status\nP-1;Ett;Pågående\n"
    upload(engine, "projekt.csv", unchanged)
    assert (
        upload(engine, "projekt.csv", unchanged)
        .summary("en")
        .startswith("Nothing changed (1 unchanged): the store already holds exactly this data.")
    )


def _formula_sheet(*, saved: bool, titles: bool = False) -> bytes:
    """A flat project sheet whose second grant is a formula, saved with its result as Excel
    saves it, or without one as a program (openpyxl) writes it."""
    workbook = Workbook()
    sheet = workbook.active
    if titles:  # group titles over the header, as merged cells
        sheet.append(["Projekt", None, None, "Ekonomi"])
    sheet.append(["Diarienummer", "Titel", "Status", "Bidrag från Vinnova"])
    sheet.append(["P-1", "Ett", "Pågående", 100_000])
    sheet.append(["P-2", "Två", "Pågående", "=D2*2" if not titles else "=D3*2"])
    written = _saved(workbook)
    if not saved:
        return written
    # Rewrite the sheet with the result beside the formula: <f>D2*2</f><v>200000</v>.
    source, patched = zipfile.ZipFile(io.BytesIO(written)), io.BytesIO()
    with zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<v />", b"<v>200000</v>")
            target.writestr(item, data)
    return patched.getvalue()


def test_a_formula_without_its_saved_result_is_said_not_lost_silently(engine):
    # Excel, LibreOffice and Google Sheets save a formula's result; a file a program wrote
    # may hold the formula alone, read as an empty cell: P-2 then has no grant, and the
    # preview says so.
    result = upload(engine, "lista.xlsx", _formula_sheet(saved=False), dry_run=True)
    (said,) = [p for p in result.problems if p.error == "format-error"]
    assert (said.row, said.severity, said.value) == (3, "warning", "=D2*2")
    assert said.text("en") == (
        "1 cell with a formula but no saved result, D3 (=D2*2), is read as empty. Open the "
        "file in Excel or LibreOffice and save it again: the result is then saved with the "
        "formula."
    )
    assert "1 cell med en formel utan sparat resultat, D3 (=D2*2)" in said.text("sv")
    # Under group titles the header is read a row lower, and the warning stays.
    lowered = upload(engine, "lista.xlsx", _formula_sheet(saved=False, titles=True), dry_run=True)
    assert "D4 (=D3*2)" in next(p for p in lowered.problems if p.value == "=D3*2").text("en")
    # Saved with its result, the formula's value is read, and nothing is said.
    saved = upload(engine, "lista.xlsx", _formula_sheet(saved=True))
    assert saved.outcome == "committed"
    assert not [p for p in saved.problems if p.error == "format-error"]
    grants = {g["project_reference"]: g["amount_sek"] for g in natural(engine, "grants")}
    assert grants == {"P-1": 100_000, "P-2": 200_000}


def test_the_upload_offers_every_workbook_the_reader_reads():
    # The browser's file dialog shows only the offered types: an .xlsm list could not be
    # chosen, though it reads as any workbook.
    assert set(dataops.UPLOAD_TYPES) >= read._WORKBOOK_SUFFIXES


def test_the_same_error_on_two_sheets_is_two_errors_each_naming_its_sheet(engine):
    # Row 2's "abc" on the grants sheet and on the payments sheet was reported once, without
    # its sheet: the payments' error was lost from the report, the page and the command line.
    from arena import dataops

    workbook = Workbook()
    workbook.active.title = "Bidrag"
    workbook.active.append(["Bidragsreferens", "Diarienummer", "Finansiär", "Belopp"])
    workbook.active.append(["G-1", "2024-00501", "Göteborgs kommun", "abc"])
    payments = workbook.create_sheet("Utbetalningar")
    payments.append(["Bidragsreferens", "Utbetalningsdatum", "Belopp"])
    payments.append(["G-1", "2024-06-01", "abc"])
    result = upload(engine, "arbetsbok.xlsx", _saved(workbook))
    assert result.outcome == "rejected"
    errors = [(p.source, p.row, p.column) for p in result.problems if p.severity == "error"]
    assert ("arbetsbok.xlsx:Bidrag", 2, "Belopp") in errors
    assert ("arbetsbok.xlsx:Utbetalningar", 2, "Belopp") in errors
    shown = dataops.problems_table(result.problems, "sv")
    assert {"arbetsbok.xlsx:Bidrag", "arbetsbok.xlsx:Utbetalningar"} <= set(shown["Fil / blad"])
    # One file of one sheet: its rows need no name.
    single = upload(
        engine, "bidrag.csv", "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-1;x;y;abc\n"
    )
    assert "Fil / blad" not in dataops.problems_table(single.problems, "sv").columns


@pytest.mark.parametrize("name", ["indikatorer.csv", "indikatorer.xlsx"])
def test_a_list_whose_names_read_as_headers_is_a_list_not_a_guide(engine, name):
    # Indicators named "Antal deltagare", "Budget", "Utfall" (each a column some kind reads)
    # made the list a guide to columns: the file was refused as of no known kind.
    rows = [["Kod", "Namn", "Enhet"], ["I1", "Antal deltagare", "antal"]]
    rows += [["I2", "Budget", "kr"], ["I3", "Utfall", "kr"], ["I4", "Deltagare", "antal"]]
    if name.endswith(".csv"):
        data = "".join(";".join(row) + "\n" for row in rows).encode()
    else:
        _workbook, data = saved_workbook(("Indikatorer", rows))
    result = upload(engine, name, data)
    assert result.outcome == "committed", result.problems
    assert [i["code"] for i in natural(engine, "indicators")] == ["I1", "I2", "I3", "I4"]


def test_a_date_shown_as_its_year_is_read_as_that_year(engine):
    # An end date kept as 2027-01-01 and shown "2027" was a project ended eleven months
    # early, where "2027" in a CSV is the year's last day.
    upload(engine, "projekt.csv", "Diarienummer;Titel;Status\n2019-00101;Ett;pågående\n")
    workbook, _data = saved_workbook(
        ("Projekt", [["Diarienummer", "Titel", "Startdatum", "Slutdatum"], ["2019-00101", "Ett"]]),
    )
    sheet = workbook.active
    sheet["C2"], sheet["D2"] = date(2026, 6, 1), date(2027, 1, 1)
    sheet["C2"].number_format = sheet["D2"].number_format = "yyyy"
    result = upload(engine, "projekt.xlsx", xlsx_bytes(workbook))
    assert result.outcome == "committed", result.problems
    (project,) = natural(engine, "projects")
    assert (project["start_date"], project["end_date"]) == (date(2026, 1, 1), date(2027, 12, 31))


def test_each_problem_of_several_files_names_its_file(engine):
    # A workbook with title rows above its headers, uploaded with a CSV: the note of the
    # rows above and the warning of a grant paid beyond its amount named no file, and the
    # Data page showed "row 6" of none of them.
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\nP-1;Ett;Pågående\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-1;P-1;Vinnova;100\n",
        },
    )
    rows = [
        ["Utbetalningar 2024"],
        ["Region Demo"],
        ["Avdelning X", "Blad"],
        [],
        ["Bidragsreferens", "Utbetalningsdatum", "Belopp"],
        ["G-1", "2022-01-10", 500],
    ]
    _workbook, data = saved_workbook(("Blad1", rows))
    organisations = "Namn;Typ;Okänd\nNy AB;företag;x\n".encode()
    result = ingest.import_files(
        engine,
        [ingest.Upload("utbet.xlsx", data), ingest.Upload("org.csv", organisations)],
        identity=cli_identity(),
        dry_run=True,
    )
    said = {(p.message.key, p.source, p.row) for p in result.problems}
    assert ("import.header_below", "utbet.xlsx:Blad1", None) in said
    assert ("problem.overpaid", "utbet.xlsx:Blad1", 6) in said
    assert all(p.source for p in result.problems), result.problems
    shown = dataops.problems_table(result.problems, "en")
    assert set(shown["File / sheet"]) == {"utbet.xlsx:Blad1", "org.csv"}
