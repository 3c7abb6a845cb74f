"""A list without a column it must have, or with it left empty, is refused for that and
changes nothing, whatever the kind: never a crash of a later step that took the column for
granted (an organisations list without its names, grants without their references or amounts
stopped the preview with a KeyError or a TypeError once).

Each kind's demo rows are exported as users keep them (Swedish headers, `;`) and uploaded
again into the demo store as a dry run, the way the Data page previews a file.
"""

from __future__ import annotations

import pytest

from arena.auth import cli_identity
from arena.export import export_frame, to_csv_bytes
from arena.ingest import Upload, import_files
from arena.ingest.kinds import KINDS
from arena.ingest.layouts import LAYOUTS, UPLOAD_KINDS
from tests.fixtures.ingest import dump, upload

REQUIRED = [
    (kind.name, column.name)
    for kind in KINDS.values()
    for column in kind.columns
    if column.required
]


def _preview(engine, kind: str, frame):
    data = to_csv_bytes(
        frame.rename(columns=lambda name: KINDS[kind].column(name).sv), delimiter=";"
    )
    return import_files(
        engine, [Upload(f"{kind}.csv", data, kind=kind)], dry_run=True, identity=cli_identity()
    )


@pytest.mark.parametrize(("kind", "column"), REQUIRED, ids=[f"{k}-{c}" for k, c in REQUIRED])
def test_a_list_without_a_column_it_must_have_is_refused_for_it(demo_engine, kind, column):
    frame = export_frame(demo_engine, kind).head(20)
    assert len(frame), kind  # the demo holds every kind
    before = dump(demo_engine)
    # A column the kind guesses (a project's status) is missing only from the rows a file
    # adds: tests/unit/test_ingest_qa_followups.py.
    if KINDS[kind].column(column).guess is None:
        result = _preview(demo_engine, kind, frame.drop(columns=[column]))
        assert result.outcome == "rejected"
        errors = {(p.error, p.column) for p in result.problems if p.severity == "error"}
        assert ("missing-label", KINDS[kind].column(column).sv) in errors
    emptied = frame.copy()
    emptied[column] = ""
    result = _preview(demo_engine, kind, emptied)
    if KINDS[kind].column(column).guess is None:
        assert result.outcome == "rejected"
        assert {p.column for p in result.problems if p.severity == "error"} == {
            KINDS[kind].column(column).sv
        }
    else:
        # A blank cell of a column the kind guesses is read as the missing column is: the
        # stored rows keep their own, said so (tests/unit/test_blank_cells.py).
        assert result.outcome == "dry-run", result.problems
        assert {
            p.message.key for p in result.problems if p.column == KINDS[kind].column(column).sv
        } == {"import.blank_kept"}
    assert dump(demo_engine) == before


def test_a_header_said_to_be_a_column_is_read_as_it_under_a_title_and_on_every_sheet(engine):
    """`Upload.columns` renames the header wherever the reader finds it: a few rows down
    under the list's title, and on each sheet of a workbook; problems quote the file's own
    header."""
    import io

    from openpyxl import Workbook

    from tests.fixtures.ingest import natural, upload, with_organisations

    with_organisations(engine)
    titled = (
        "Bidrag 2020\n\n"
        "Bidragsreferens;Diarienummer;Finansiär;Summa (MSEK)\n"
        "G-1;2020-00001;Vinnova;1,5\n"
    )
    book = Workbook()
    book.active.title = "Projekt"
    book.active.append(["Diarienummer", "Titel", "Status"])
    book.active.append(["2020-00001", "Smart belysning", "pågående"])
    sheet = book.create_sheet("Bidrag")
    sheet.append(["Bidragsreferens", "Ärende", "Finansiär", "Belopp"])
    sheet.append(["G-2", "2020-00001", "Vinnova", 200_000])
    data = io.BytesIO()
    book.save(data)
    meant = (("Ärende", "Diarienummer"),)
    result = upload(engine, "lista.xlsx", data.getvalue(), columns=meant)
    assert result.outcome == "committed", result.problems
    result = upload(engine, "bidrag.csv", titled, columns=(("SUMMA  (msek)", "Belopp"),))
    assert result.outcome == "committed", result.problems
    units = [p for p in result.problems if p.message.key == "problem.header_unit"]
    assert [p.column for p in units] == ["Summa (MSEK)"]  # the file's header, as written
    assert sorted((g["reference"], g["amount_sek"]) for g in natural(engine, "grants")) == [
        ("G-1", 1_500_000),
        ("G-2", 200_000),
    ]


def test_a_header_said_to_be_a_column_that_no_file_has_refuses_them(engine):
    """A mistyped `--column "Finnsinte=Belopp"` renamed nothing, and the file's grant was left
    out without a word: now the upload is refused, its headers listed. A header that one of
    the files uploaded together has is no mistake: the Data page's choice holds for all."""
    from tests.fixtures.ingest import natural, upload, with_organisations

    with_organisations(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Status;Summa;Finansiär\n"
        "2027-00002;Snösmältning Kiruna;Göteborgs kommun;Pågående;2,5 MSEK;Vinnova\n"
    )
    before = dump(engine)
    result = upload(engine, "lista.csv", sheet, columns=(("Finnsinte", "Belopp"),))
    assert result.outcome == "rejected"
    (problem,) = result.problems
    assert (problem.error, problem.severity) == ("format-error", "error")
    assert problem.column == "Finnsinte"
    assert problem.text("en") == (
        "lista.csv: there is no header “Finnsinte” to read as “Belopp”. The headers are "
        "“Diarienummer”, “Titel”, “Koordinator”, “Status”, “Summa”, “Finansiär”."
    )
    assert problem.text("sv").startswith(
        "lista.csv: det finns ingen rubrik ”Finnsinte” att läsa som ”Belopp”. Rubrikerna är "
        "”Diarienummer”, ”Titel”,"
    )
    assert dump(engine) == before
    programmes = "Kod;Namn\nP-9;Snö och is\n"
    uploads = [
        Upload("lista.csv", sheet.encode(), columns=(("summa", "Belopp"),)),
        Upload("program.csv", programmes.encode(), columns=(("summa", "Belopp"),)),
    ]
    result = import_files(engine, uploads, identity=cli_identity())
    assert result.outcome == "committed", result.problems
    assert [g["amount_sek"] for g in natural(engine, "grants")] == [2_500_000]


@pytest.mark.parametrize("name", sorted(UPLOAD_KINDS))
def test_a_file_of_headers_alone_is_answered_for_every_kind_and_layout(engine, name):
    """The template saved before anything is written in it: headers and no rows. Vinnova's
    layout named Vinnova at a first row that was not there (an IndexError once)."""
    from tests.fixtures.ingest import upload

    if name in KINDS:
        headers = [column.sv for column in KINDS[name].columns]
    else:
        headers = [*LAYOUTS[name].required, *LAYOUTS[name].optional]
    data = ";".join(headers) + "\r\n"
    before = dump(engine)
    for dry_run in (True, False):
        result = upload(engine, f"{name}.csv", data, kind=name, dry_run=dry_run)
        assert result.outcome in ("rejected", "unchanged", "dry-run"), result.outcome
        assert dump(engine) == before


def test_a_missing_column_is_named_in_words_without_its_internal_name(engine):
    # "The column “Belopp” (amount_sek) is missing": a name from the code, not the file.
    data = "Program;Datum;Kategori;Debet;Kredit\nP1;2022-03-31;Personal;300 000;\n"
    result = upload(engine, "utfall.csv", data)
    (missing,) = [p for p in result.problems if p.error == "missing-label"]
    assert missing.text("en") == "The column “Belopp” is missing but required."
    assert missing.text("sv") == "Kolumnen ”Belopp” saknas men krävs."
