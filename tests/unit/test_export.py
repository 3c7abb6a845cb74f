"""Exports: what leaves the store re-imports unchanged, is safe to open in Excel, and is exact."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from arena import dataops, export, i18n, models
from arena.auth import cli_identity
from arena.domain import ProjectStatus
from arena.ingest import Upload, import_files
from arena.ingest import values as v
from arena.ingest.kinds import KINDS
from arena.ingest.layouts import giving360
from arena.ingest.natural import read_natural
from arena.ingest.read import read_file
from arena.ingest.validate import detect_kind, match_headers

BOM = b"\xef\xbb\xbf"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REAL_REFERENCE = "2018-04510"
REAL_COORDINATOR = "Teknikföretagens Service i Sverige AB"
INJECTIONS = ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx"]
# The third case of each export: comma CSV, semicolon CSV (Swedish Excel), Excel.
FILE_CASES = [("csv", ","), ("csv", ";"), ("xlsx", None)]
FILE_IDS = ["csv-comma", "csv-semicolon", "xlsx"]


@pytest.fixture
def backend(demo_engine) -> str:
    """Follow the demo store's backend, so `engine` (a fresh store) is on the same one.

    Without this, a test using both `demo_engine` and `engine` would run for every pair of
    backends (sqlite demo -> postgresql store and so on) instead of once per backend.
    """
    return demo_engine.dialect.name


# ---------------------------------------------------------------------------------------------
# helpers


def _dump(engine, kind: str) -> list[dict]:
    """A kind's natural rows without ids, in key order: what two stores must agree on."""
    with engine.connect() as conn:
        rows = read_natural(conn, KINDS[kind])
    for row in rows:
        del row["_id"]
    return sorted(rows, key=lambda row: repr([row[name] for name in KINDS[kind].key]))


def _export(engine, kind: str, file_format: str, delimiter: str | None) -> bytes:
    frame = export.export_frame(engine, kind)
    return export.filtered_frame_to_bytes(
        frame, file_format=file_format, delimiter=delimiter or ",", sheet_name=kind
    )


def _csv_rows(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def _one(rows: list[dict], **match) -> dict:
    found = [row for row in rows if all(row[k] == value for k, value in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


def _sheet_rows(data: bytes) -> tuple[list[str], list[list]]:
    worksheet = load_workbook(io.BytesIO(data)).worksheets[0]
    rows = [list(row) for row in worksheet.iter_rows()]
    return [cell.value for cell in rows[0]], rows[1:]


def _insert_projects(engine, titles: list[str]) -> None:
    """Straight into the table: the importer would trim tabs and line breaks away."""
    project = models.Project.__table__
    with engine.begin() as conn:
        conn.execute(
            sa.insert(project),
            [
                {"reference": f"INJ-{index}", "title": title, "status": "planned"}
                for index, title in enumerate(titles)
            ],
        )


# ---------------------------------------------------------------------------------------------
# export_frame


def test_export_frame_has_the_canonical_columns_and_types_of_every_kind(demo_engine):
    for name, kind in KINDS.items():
        frame = export.export_frame(demo_engine, name)
        assert list(frame.columns) == [column.name for column in kind.stored_columns], name
        assert "_id" not in frame.columns
        assert len(frame) > 0, name  # the demo has every kind
        for column in kind.stored_columns:
            series = frame[column.name]
            # Money and years are whole numbers, measurements floats, dates dates.
            dtype = {"int": "Int64", "float": "Float64"}.get(column.type.dtype, "object")
            assert str(series.dtype) == dtype, (name, column.name)
            if column.type.dtype == "date":
                cells = series.dropna()
                assert all(type(cell) is date for cell in cells), (name, column.name)


def test_column_types_agree_with_the_store():
    """A column's declared type is what its table holds: money and years whole numbers,
    measurements and shares floats, dates dates; references and codes are text."""
    from arena.ingest.natural import table_of

    holds = {"int": sa.Integer, "float": sa.Float, "date": sa.Date}
    for kind in KINDS.values():
        table = table_of(kind)
        for column in kind.stored_columns:
            if column.ref is not None or column.scope is not None:
                assert column.type.name in ("reference", "country"), (kind.name, column.name)
                continue
            sql_type = table.c[column.name].type
            if column.type.dtype == "text":
                assert not isinstance(sql_type, tuple(holds.values())), (kind.name, column.name)
            else:
                expected = holds[column.type.dtype]
                assert isinstance(sql_type, expected), (kind.name, column.name, sql_type)


def test_export_frame_names_the_columns_pages_and_users_rely_on(demo_engine):
    projects = export.export_frame(demo_engine, "projects")
    for name in (
        "reference",
        "title",
        "status",
        "stage",
        "coordinator",
        "sector",
        "start_date",
        "end_date",
    ):
        assert name in projects.columns
    grants = export.export_frame(demo_engine, "grants")
    assert list(grants.columns) == [
        "reference",
        "project_reference",
        "funder",
        "amount_sek",
        "decision_date",
        "start_date",
        "end_date",
        "source",
    ]


def test_the_real_project_and_grant_are_exact(demo_engine):
    projects = export.export_frame(demo_engine, "projects")
    project = projects.loc[projects["reference"] == REAL_REFERENCE].iloc[0]
    assert project["coordinator"] == REAL_COORDINATOR
    assert project["status"] == "ongoing"
    assert (project["start_date"], project["end_date"]) == (date(2018, 10, 1), date(2019, 2, 28))
    grants = export.export_frame(demo_engine, "grants")
    grant = grants.loc[grants["project_reference"] == REAL_REFERENCE].iloc[0]
    assert grant["amount_sek"] == 150_000
    assert grant["funder"] == "Vinnova"


def test_codes_are_canonical_english(demo_engine):
    projects = export.export_frame(demo_engine, "projects")
    assert set(projects["status"]) <= {status.value for status in ProjectStatus}
    rows = _csv_rows(export.to_csv_bytes(projects))
    assert {row["status"] for row in rows} <= {
        "desired",
        "planned",
        "ongoing",
        "completed",
        "cancelled",
    }


def test_an_unknown_kind_is_a_clear_error(demo_engine):
    with pytest.raises(ValueError, match="unknown kind"):
        export.export_frame(demo_engine, "nonsense")


# ---------------------------------------------------------------------------------------------
# CSV and Excel


def test_csv_is_utf8_with_bom_iso_dates_and_plain_integers(demo_engine):
    grants = export.export_frame(demo_engine, "grants")
    data = export.to_csv_bytes(grants)
    assert data.startswith(BOM)
    assert "Teknikföretagens".encode() in export.to_csv_bytes(
        export.export_frame(demo_engine, "projects")
    )
    header = data[len(BOM) :].split(b"\r\n", 1)[0].decode()
    assert header == ",".join(grants.columns)
    rows = _csv_rows(data)
    real = _one(rows, project_reference=REAL_REFERENCE)
    assert real["amount_sek"] == "150000"
    assert (real["start_date"], real["end_date"]) == ("2018-10-01", "2019-02-28")
    assert real["decision_date"] == ""  # missing is empty, never "None" or "NaT"
    for row in rows:
        assert row["amount_sek"].isdigit()  # no thousands separators, no ".0"
        for name in ("decision_date", "start_date", "end_date"):
            assert row[name] == "" or ISO_DATE.fullmatch(row[name])


def test_csv_with_semicolons_for_swedish_excel(demo_engine):
    grants = export.export_frame(demo_engine, "grants")
    data = export.to_csv_bytes(grants, delimiter=";")
    assert data.startswith(BOM)
    assert data[len(BOM) :].split(b"\r\n", 1)[0].decode() == ";".join(grants.columns)
    real = _one(_csv_rows(data, ";"), project_reference=REAL_REFERENCE)
    assert real["amount_sek"] == "150000"
    with pytest.raises(ValueError, match="delimiter"):
        export.to_csv_bytes(grants, delimiter="\t")


def test_floats_use_a_point_with_commas_and_a_comma_with_semicolons():
    values = [1.234, 0.05, 1234.5, 6.0, -12.345, 1e20, None]
    frame = pd.DataFrame({"value": pd.Series(values, dtype="Float64"), "n": range(7)})
    comma = [row["value"] for row in _csv_rows(export.to_csv_bytes(frame))]
    semicolon = [row["value"] for row in _csv_rows(export.to_csv_bytes(frame, delimiter=";"), ";")]
    assert comma[1:4] == ["0.05", "1234.5", "6"]
    assert semicolon[:4] == ["1,234", "0,05", "1234,5", "6"]
    assert comma[5] == semicolon[5] == "1" + "0" * 20  # no exponent
    assert comma[6] == semicolon[6] == ""
    # Every cell reads back as the same number through the importer's own number parser,
    # including 1.234, which the importer would refuse as ambiguous without the trailing 0.
    for cells in (comma, semicolon):
        parsed = [float(v.parse_number(cell)) for cell in cells[:6]]
        assert parsed == values[:6]
    assert comma[0] == "1.2340"


def test_integers_never_get_separators_and_numbers_in_text_columns_stay_numbers():
    frame = pd.DataFrame(
        {
            "amount": pd.Series([2_000_000, -1000, None], dtype="Int64"),
            "mixed": pd.Series([-5, "-5", 2.5], dtype=object),
        }
    )
    rows = _csv_rows(export.to_csv_bytes(frame, delimiter=";"), ";")
    assert [row["amount"] for row in rows] == ["2000000", "-1000", ""]
    assert [row["mixed"] for row in rows] == ["-5", "'-5", "2,5"]


def test_xlsx_has_numbers_real_dates_and_a_bold_frozen_header(demo_engine):
    grants = export.export_frame(demo_engine, "grants")
    data = export.to_xlsx_bytes(grants, sheet_name="Bidrag")
    workbook = load_workbook(io.BytesIO(data))
    worksheet = workbook["Bidrag"]
    header = [cell.value for cell in worksheet[1]]
    assert header == list(grants.columns)
    assert all(cell.font.bold for cell in worksheet[1])
    assert worksheet.freeze_panes == "A2"
    column = {name: index for index, name in enumerate(header)}
    real = next(row for row in worksheet.iter_rows(min_row=2) if row[1].value == REAL_REFERENCE)
    amount, start = real[column["amount_sek"]], real[column["start_date"]]
    assert (amount.value, amount.data_type) == (150_000, "n")
    assert start.is_date and start.number_format == "yyyy-mm-dd"
    assert start.value.date() == date(2018, 10, 1)
    assert real[column["decision_date"]].value is None
    widths = [worksheet.column_dimensions[chr(ord("A") + i)].width for i in range(len(header))]
    assert all(8 <= width <= 60 for width in widths)
    assert widths[column["source"]] > widths[column["amount_sek"]]


def test_sheet_names_are_made_acceptable_to_excel():
    data = export.to_xlsx_bytes(pd.DataFrame({"a": [1]}), sheet_name="a/b:c " + "x" * 40)
    (title,) = load_workbook(io.BytesIO(data)).sheetnames
    assert title == ("a-b-c " + "x" * 40)[:31]


@pytest.mark.parametrize(("file_format", "delimiter"), FILE_CASES, ids=FILE_IDS)
def test_every_kind_round_trips_through_the_importer(demo_engine, engine, file_format, delimiter):
    """Export every kind of the demo store, import the files into an empty store: same rows.

    No kind is given, so the importer also has to recognise each export from its headers.
    """
    uploads = [
        Upload(f"{kind}.{file_format}", _export(demo_engine, kind, file_format, delimiter))
        for kind in KINDS  # the registry's order is an order of import
    ]
    result = import_files(engine, uploads, identity=cli_identity())
    assert result.outcome == "committed", result.problems
    assert result.problems == []
    assert sorted(result.kinds) == sorted(KINDS)
    for kind in KINDS:
        assert _dump(engine, kind) == _dump(demo_engine, kind), kind
    # The importer's own diff agrees: the same files again change nothing.
    again = import_files(engine, uploads, dry_run=True, identity=cli_identity())
    assert again.counts["new"] == again.counts["updated"] == again.counts["rejected"] == 0


def test_filtered_frames_download_exactly_their_rows(demo_engine):
    projects = export.export_frame(demo_engine, "projects")
    shown = projects[projects["status"] == "ongoing"]
    data = export.filtered_frame_to_bytes(shown, file_format="csv", delimiter=";")
    assert data == export.to_csv_bytes(shown, delimiter=";")
    assert [row["reference"] for row in _csv_rows(data, ";")] == list(shown["reference"])
    data = export.filtered_frame_to_bytes(shown, file_format="xlsx", sheet_name="Projekt")
    header, rows = _sheet_rows(data)
    assert header == list(shown.columns)
    assert [row[0].value for row in rows] == list(shown["reference"])
    with pytest.raises(ValueError, match="file format"):
        export.filtered_frame_to_bytes(shown, file_format="pdf")


def test_a_named_index_is_data_an_unnamed_one_is_not():
    budget = pd.DataFrame(
        {"allocated_sek": [2_000_000, 2_500_000]},
        index=pd.Index([2021, 2022], name="year"),
    ).astype("Int64")
    assert _csv_rows(export.to_csv_bytes(budget)) == [
        {"year": "2021", "allocated_sek": "2000000"},
        {"year": "2022", "allocated_sek": "2500000"},
    ]
    header, _ = _sheet_rows(export.to_xlsx_bytes(budget, sheet_name="Budget"))
    assert header == ["year", "allocated_sek"]
    filtered = budget.reset_index().iloc[[1]]  # an unnamed index left over from filtering
    assert _csv_rows(export.to_csv_bytes(filtered)) == [
        {"year": "2022", "allocated_sek": "2500000"}
    ]


def test_xlsx_drops_characters_excel_cannot_store():
    frame = pd.DataFrame({"text": ["a\x01b\x1fc", "x" * 40_000]})
    _, rows = _sheet_rows(export.to_xlsx_bytes(frame, sheet_name="data"))
    assert rows[0][0].value == "abc"
    assert len(rows[1][0].value) == 32_767


def test_formats_for_the_download_buttons():
    assert export.mime_type("csv") == "text/csv"
    assert export.mime_type("xlsx") == XLSX_MIME
    assert export.FORMATS["xlsx"].mime == XLSX_MIME
    assert export.file_name("Projekt 2024/ongoing", file_format="xlsx") == (
        "Projekt_2024_ongoing.xlsx"
    )
    with pytest.raises(ValueError):
        export.mime_type("xls")


# ---------------------------------------------------------------------------------------------
# Formula injection


def test_csv_neutralises_formulas_in_text_but_not_numbers(engine):
    _insert_projects(engine, [*INJECTIONS, "x = y - z", "plain"])
    expenditure = models.Expenditure.__table__
    with engine.begin() as conn:
        conn.execute(
            sa.insert(expenditure).values(
                scope="programme",
                scope_ref="BG-2017",
                spent_on=date(2018, 1, 31),
                category="Rättelse",
                amount_sek=-1000,
            )
        )
    for delimiter in (",", ";"):
        data = export.to_csv_bytes(export.export_frame(engine, "projects"), delimiter=delimiter)
        rows = _csv_rows(data, delimiter)
        # A line break inside a cell never breaks the row: one record per project.
        assert len(rows) == len(INJECTIONS) + 2
        titles = [row["title"] for row in rows]
        assert titles == ["'" + title for title in INJECTIONS] + ["x = y - z", "plain"]
        assert rows[0]["title"] == '\'=HYPERLINK("http://x")'
        spend = _csv_rows(
            export.to_csv_bytes(export.export_frame(engine, "expenditures"), delimiter=delimiter),
            delimiter,
        )
        assert spend[0]["amount_sek"] == "-1000"


def test_xlsx_stores_formula_like_text_as_text(engine):
    _insert_projects(engine, INJECTIONS)
    data = export.to_xlsx_bytes(export.export_frame(engine, "projects"), sheet_name="Projekt")
    header, rows = _sheet_rows(data)
    title = header.index("title")
    for row, original in zip(rows, INJECTIONS, strict=True):
        cell = row[title]
        assert cell.data_type == "s"
        # XML reads a lone CR back as LF; the neutralising quote is what matters.
        assert cell.value == "'" + original.replace("\r", "\n")
    assert all(cell.data_type != "f" for row in rows for cell in row)
    frame = pd.DataFrame({"amount_sek": pd.Series([-1000], dtype="Int64")})
    _, (row,) = _sheet_rows(export.to_xlsx_bytes(frame, sheet_name="Utfall"))
    assert (row[0].value, row[0].data_type) == (-1000, "n")


# ---------------------------------------------------------------------------------------------
# 360Giving


def test_360giving_has_the_standard_columns_and_the_real_grant(demo_engine):
    data = giving360.to_csv(demo_engine)
    assert not data.startswith(BOM)
    header = data.split(b"\r\n", 1)[0].decode().split(",")
    required = [
        "Identifier",
        "Title",
        "Description",
        "Currency",
        "Amount Awarded",
        "Award Date",
        "Recipient Org:Identifier",
        "Recipient Org:Name",
        "Funding Org:Identifier",
        "Funding Org:Name",
    ]
    assert header[: len(required)] == required
    assert header[len(required) :] == [
        "Planned Dates:Start Date",
        "Planned Dates:End Date",
        "Grant Programme:Title",
        "Amount Disbursed",
        "Project reference",  # an additional field: read back, it finds the grant's project
    ]
    rows = _csv_rows(data)
    assert len(rows) == len(_dump(demo_engine, "grants"))
    real = _one(rows, Identifier="360G-arenamonitor-" + REAL_REFERENCE)
    assert real["Amount Awarded"] == "150000"
    assert real["Currency"] == "SEK"
    assert real["Title"] == "Nationell arena för innovationsupphandling"
    assert real["Description"].startswith("Teknikföretagen och SKL samarbetar")
    assert real["Funding Org:Name"] == "Vinnova"
    assert real["Funding Org:Identifier"] == "360G-arenamonitor-org-vinnova"
    assert real["Recipient Org:Name"] == REAL_COORDINATOR
    assert real["Recipient Org:Identifier"] == (
        "360G-arenamonitor-org-teknikforetagens-service-i-sverige-ab"
    )
    assert (real["Planned Dates:Start Date"], real["Planned Dates:End Date"]) == (
        "2018-10-01",
        "2019-02-28",
    )
    # No decision date is recorded for it: the award date is the start date.
    assert real["Award Date"] == "2018-10-01"
    assert real["Amount Disbursed"] == ""  # no disbursements recorded
    assert real["Project reference"] == REAL_REFERENCE
    for row in rows:
        for name in required:
            assert row[name], (row["Identifier"], name)


def test_360giving_amount_disbursed_is_the_sum_of_the_disbursements(demo_engine):
    disbursements = _dump(demo_engine, "disbursements")
    totals: dict[str, int] = {}
    for row in disbursements:
        totals[row["grant_reference"]] = totals.get(row["grant_reference"], 0) + row["amount_sek"]
    assert totals
    rows = {row["Identifier"]: row for row in _csv_rows(giving360.to_csv(demo_engine))}
    for reference, total in totals.items():
        assert rows["360G-arenamonitor-" + reference]["Amount Disbursed"] == str(total)
    grant = _one(_dump(demo_engine, "grants"), reference="DEMO-G-001")
    assert rows["360G-arenamonitor-DEMO-G-001"]["Award Date"] == grant["decision_date"].isoformat()


def test_360giving_is_one_query(demo_engine):
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    sa.event.listen(demo_engine, "before_cursor_execute", record)
    try:
        giving360.to_csv(demo_engine)
    finally:
        sa.event.remove(demo_engine, "before_cursor_execute", record)
    assert len([s for s in statements if "grant_award" in s]) == 1


def test_360giving_uses_the_organisationsnummer_when_there_is_one(engine):
    files = {
        "org.csv": "Namn;Organisationsnummer;Typ\n"
        "Telefonaktiebolaget LM Ericsson;556016-0680;company\n"
        "Vinnova;202100-5216;national_authority\n"
        "Åre kommun;;municipality\n",
        "projekt.csv": "Diarienummer;Titel;Status;Koordinator\n"
        "P-1;Första;ongoing;Telefonaktiebolaget LM Ericsson\n"
        "P-2;Andra;planned;\n",
        "deltagare.csv": "Diarienummer;Organisation;Roll\nP-2;Åre kommun;coordinator\n",
        "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
        "G-1;P-1;Vinnova;100 000;2024-01-15\n"
        "G-2;P-2;Vinnova;50 000;\n",
    }
    result = import_files(
        engine,
        [Upload(name, text.encode()) for name, text in files.items()],
        identity=cli_identity(),
    )
    assert result.outcome == "committed", result.problems
    rows = {row["Identifier"]: row for row in _csv_rows(giving360.to_csv(engine))}
    first = rows["360G-arenamonitor-G-1"]
    assert first["Recipient Org:Identifier"] == "SE-BLV-5560160680"
    assert first["Funding Org:Identifier"] == "SE-BLV-2021005216"
    assert first["Award Date"] == "2024-01-15"
    assert first["Amount Awarded"] == "100000"
    assert first["Description"] == "Första"  # no description: the title
    # A project without a coordinator column: its participant in the coordinator role.
    second = rows["360G-arenamonitor-G-2"]
    assert second["Recipient Org:Name"] == "Åre kommun"
    assert second["Recipient Org:Identifier"] == "360G-arenamonitor-org-are-kommun"
    assert second["Award Date"] == ""  # neither decision nor start date


# ---------------------------------------------------------------------------------------------
# Templates


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_templates_have_headers_the_importer_maps(kind, language, file_format):
    spec = KINDS[kind]
    data = export.template_bytes(kind, language=language, file_format=file_format)
    raw = read_file(data, f"mall.{file_format}")
    expected = [column.sv if language == "sv" else column.name for column in spec.stored_columns]
    assert raw.header == expected
    assert raw.rows == []
    mapping = match_headers(spec, raw.header)
    assert [mapping[i].name for i in range(len(raw.header))] == [
        column.name for column in spec.stored_columns
    ]
    assert detect_kind(raw.header) is spec
    if file_format == "csv":
        assert data.startswith(BOM)
        line = data[len(BOM) :].decode()
        assert line == (";" if language == "sv" else ",").join(expected) + "\r\n"


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_xlsx_templates_explain_every_column(kind, language):
    spec = KINDS[kind]
    data = export.template_bytes(kind, language=language, file_format="xlsx")
    workbook = load_workbook(io.BytesIO(data))
    sheet_name = "Instruktioner" if language == "sv" else "Instructions"
    assert workbook.sheetnames[1] == sheet_name
    assert workbook.worksheets[0].freeze_panes == "A2"
    rows = [[cell.value for cell in row] for row in workbook[sheet_name].iter_rows()]
    assert len(rows) == 1 + len(spec.stored_columns)
    yes = "Ja" if language == "sv" else "Yes"
    for column, (header, required, hint, accepted) in zip(
        spec.stored_columns, rows[1:], strict=True
    ):
        assert header == (column.sv if language == "sv" else column.name)
        if column.required:
            assert required == yes
        assert hint
        if accepted:
            # Every listed code is one the importer accepts for that column.
            for line in accepted.splitlines():
                code = line.split(" ", 1)[0]
                assert str(column.parse(code)) == code


def _filled_template(engine, kind: str, language: str, file_format: str) -> bytes:
    """`kind`'s template as the Data page offers it, filled in with the first two rows the
    store holds (as its export writes them) under the template's own headers."""
    template = export.template_bytes(kind, language=language, file_format=file_format)
    frame = export.export_frame(engine, kind).head(2)
    assert len(frame), kind  # the demo data has rows of every kind
    if file_format == "csv":
        rows = export.to_csv_bytes(frame, delimiter=i18n.csv_delimiter(language))
        return template + rows.split(b"\r\n", 1)[1]
    _, rows = _sheet_rows(export.to_xlsx_bytes(frame, sheet_name=kind))
    workbook = load_workbook(io.BytesIO(template))
    for row in rows:
        workbook.worksheets[0].append([cell.value for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_filled_in_template_imports_exactly_its_rows(demo_engine, kind, language, file_format):
    # The instructions sheet of the Excel template, a row per column ("Diarienummer | Ja |
    # Text"), was read as data: the projects template was refused as spend lacking "Datum",
    # the organisations template committed buyer groups named "Län" and "Källa".
    data = _filled_template(demo_engine, kind, language, file_format)
    name = dataops.template_name(kind, language, file_format)
    result = import_files(demo_engine, [Upload(name, data)], dry_run=True, identity=cli_identity())
    assert result.outcome == "dry-run", [p.text("en") for p in result.problems]
    assert result.kinds == [kind]
    assert result.counts == dict.fromkeys(result.counts, 0) | {"unchanged": 2}
    assert [p.text("en") for p in result.problems if p.error == "format-error"] == []


def test_the_project_template_lists_the_statuses_with_swedish_labels():
    data = export.template_bytes("projects", language="sv", file_format="xlsx")
    rows = list(load_workbook(io.BytesIO(data))["Instruktioner"].iter_rows(values_only=True))
    status = next(row for row in rows if row[0] == "Status")
    assert status[1] == "Ja"
    assert status[3].splitlines() == [
        "desired (Önskad)",
        "planned (Planerad)",
        "ongoing (Pågående)",
        "completed (Avslutad)",
        "cancelled (Avbruten)",
    ]
    coded = {row[0] for row in rows[1:] if row[3]}
    assert coded == {"Status", "Fas", "Upphandlingsform"}


def test_template_options_are_checked():
    with pytest.raises(ValueError, match="unknown kind"):
        export.template_bytes("nonsense")
    with pytest.raises(ValueError, match="language"):
        export.template_bytes("projects", language="de")
    with pytest.raises(ValueError, match="file format"):
        export.template_bytes("projects", file_format="ods")


def test_neutralised_text_re_imports_unchanged(engine):
    """A title a spreadsheet would run as a formula survives export -> import exactly."""
    from arena.ingest import Upload, import_files

    projects = "reference;title;status\nX-1;=1+1;ongoing\nX-2;@SUM(A1);planned\nX-3;-5 %;desired\n"
    first = import_files(engine, [Upload("p.csv", projects.encode())], identity=cli_identity())
    assert first.outcome == "committed", first.problems
    exported = export.to_csv_bytes(export.export_frame(engine, "projects"), delimiter=";")
    assert b"'=1+1" in exported
    again = import_files(engine, [Upload("export.csv", exported)], identity=cli_identity())
    assert again.outcome == "unchanged", again.problems


def test_360giving_of_chosen_grants_holds_exactly_those(demo_engine):
    """A page's filtered grants export as 360Giving: the chosen grants and no others."""
    chosen = [REAL_REFERENCE, "DEMO-G-001"]
    rows = _csv_rows(giving360.to_csv(demo_engine, grant_references=chosen))
    assert sorted(row["Identifier"] for row in rows) == sorted(
        giving360.PREFIX + reference for reference in chosen
    )
    assert _csv_rows(giving360.to_csv(demo_engine, grant_references=[])) == []
