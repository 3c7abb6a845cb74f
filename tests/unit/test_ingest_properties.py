"""Properties: the fast readers agree with the general ones, a Swedish CSV of random
projects imports to exactly those projects, any list of any kind is taken whole or refused,
never a crash, and every commit is undone to the store it found.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from arena.auth import cli_identity
from arena.ingest import UndoError, Upload, import_files, undo, values
from arena.ingest.kinds import KINDS
from arena.ingest.layouts import LAYOUTS
from tests.fixtures.ingest import dump, natural, upload
from tests.fixtures.ods import cell, ods, sheet
from tests.unit.test_summaries import assert_summary_is_fresh

SWEDISH_MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip


def _outcome(parse, value):
    try:
        return parse(value)
    except values.ValueProblem as problem:
        return problem.code


grouped_kronor = st.builds(
    lambda whole, ore, unit: f"{whole:,}".replace(",", " ") + ore + unit,
    st.integers(0, 10**15),
    st.sampled_from(["", ",5", ",49", ",50", ",05", ",999", ",0"]),
    st.sampled_from(["", " kr", "kr"]),
)


@given(st.one_of(grouped_kronor, st.from_regex(values._PLAIN_KRONOR, fullmatch=True)))
def test_the_fast_money_reader_agrees_with_the_general_one(text):
    fast = _outcome(values.parse_money, text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(values, "_plain_kronor", lambda _text: None)
        assert _outcome(values.parse_money, text) == fast


@given(st.from_regex(r"\s?[0-9]{4}-[0-9]{2}-[0-9]{2}\s?", fullmatch=True), st.booleans())
def test_the_fast_date_reader_agrees_with_the_general_one(text, end):
    fast = _outcome(lambda value: values.parse_date(value, end=end), text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(values, "_PLAIN_ISO_DATE", re.compile(r"(?!)"))
        assert _outcome(lambda value: values.parse_date(value, end=end), text) == fast


STATUSES = {
    "önskad": "desired",
    "planerad": "planned",
    "pågående": "ongoing",
    "avslutad": "completed",
    "avbruten": "cancelled",
}
words = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzåäöÅÄÖABCXYZéü0123456789 ;\"',.-()&/",
    min_size=1,
    max_size=40,
).map(lambda text: " ".join(text.split()))
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@st.composite
def projects(draw):
    """Rows of distinct references with a title, a status and an ordered period."""
    references = draw(
        st.lists(
            st.from_regex(r"20[0-9]{2}-[0-9]{5}", fullmatch=True),
            min_size=1,
            max_size=8,
            unique=True,
        )
    )
    rows = []
    for reference in references:
        start = draw(st.one_of(st.none(), dates))
        end = draw(st.one_of(st.none(), dates.filter(lambda d, s=start: s is None or d >= s)))
        # A leading quote before = + - @ is our exports' formula guard, taken off on import
        # (tested in test_export): such a title does not come back as written, by design.
        title = draw(
            words.filter(
                lambda text: (
                    text and not values.is_missing(text) and values.clean_text(text) == text
                )
            )
        )
        rows.append((reference, title, draw(st.sampled_from(sorted(STATUSES))), start, end))
    return rows


def _swedish(day: date | None, month_name: bool) -> str:
    if day is None:
        return ""
    return f"{day.day} {SWEDISH_MONTHS[day.month - 1]} {day.year}" if month_name else str(day)


@settings(
    max_examples=25,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=projects(), month_names=st.booleans())
def test_random_projects_written_as_swedish_csv_import_exactly(engine, rows, month_names):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Diarienummer", "Titel", "Status", "Startdatum", "Slutdatum"])
    for reference, title, status, start, end in rows:
        writer.writerow(
            [reference, title, status, _swedish(start, month_names), _swedish(end, month_names)]
        )
    # Replace: the store then holds exactly this file's projects, example after example.
    result = upload(engine, "projekt.csv", buffer.getvalue().encode("cp1252"), replace=True)
    assert result.outcome in ("committed", "unchanged"), result.problems
    stored = sorted(
        (p["reference"], p["title"], p["status"], p["start_date"], p["end_date"])
        for p in natural(engine, "projects")
    )
    assert stored == sorted(
        (reference, title, STATUSES[status], start, end)
        for reference, title, status, start, end in rows
    )


cell_text = st.text(alphabet="abcåäö ABC123,.-:\t\r#", max_size=6)


@st.composite
def plain_csv(draw):
    """A delimiter and lines of cells without quotes: some rows short, long or blank."""
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    cell = cell_text.map(lambda text: text.replace(delimiter, ""))
    width = draw(st.integers(1, 4))
    header = draw(st.lists(cell, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=width + 1), max_size=6))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    return delimiter, ending.join(lines) + draw(st.sampled_from(["", ending]))


@settings(max_examples=300)  # about a quarter of the files take the fast path
@given(plain_csv())
def test_the_fast_csv_reader_reads_what_the_csv_module_reads(case):
    from arena.ingest import read

    _delimiter, text = case

    def shape(table):
        if isinstance(table, read.ReadError):
            return table.problem.error
        return (
            [str(cell) for cell in table.header],
            [list(column) for column in table.columns],
            None if table.lengths is None else table.lengths.tolist(),
            table.extra,
            table.lines().tolist(),
        )

    def read_it():
        try:
            return read.read_csv(text, "fil.csv")
        except read.ReadError as exc:
            return exc

    fast = shape(read_it())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read, "_read_plain_csv", lambda *_args: None)
        assert shape(read_it()) == fast


json_cells = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(-(10**15), 10**15),
    st.floats(),
)


@given(st.lists(st.tuples(st.text(max_size=5), json_cells, json_cells), min_size=1, max_size=5))
@example([("a", 0.0, "x"), ("b", -0.0, "x")])  # equal as dict keys, not as JSON
@example([("a", 0.0, None), ("b", None, None), ("c", -0.0, None)])  # floats beside a null
@example([("a", 1.5, 1), ("b", float("nan"), 2), ("c", float("-inf"), 3)])  # not finite
@example([("a", 1, True), ("b", 1.0, 1)])  # equal as dict keys, not as JSON
def test_history_rows_are_the_json_that_json_dumps_writes(rows):
    import pandas as pd

    from arena.ingest import apply

    names = ["name", "a", "b"]
    columns = zip(names, zip(*rows, strict=True), strict=True)
    frame = pd.DataFrame(
        {name: pd.Series(list(values), dtype=object) for name, values in columns}, dtype=object
    )
    kind = KINDS["indicators"]  # any kind: no column here is one of its dates
    assert apply._json_rows(kind, frame, names) == [
        json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) for row in rows
    ]
    assert apply._json_rows(kind, frame, names, keys=True) == [
        json.dumps(list(row), ensure_ascii=False) for row in rows
    ]


@given(
    st.lists(st.text(alphabet="ab '=-@\t\n\x00\u00a0\u2003", max_size=6), min_size=1, max_size=4)
)
def test_a_column_of_texts_is_cleaned_as_each_text_is(texts):
    # The one-scan check may find too much (then every text is cleaned), never too little.
    from arena.ingest import values

    assert values.clean_texts(texts) == [values.clean_text(text) for text in texts]


# Cells as lists hold them: empty, placeholders, the shapes of every column type, and junk.
hostile_cell = st.one_of(
    st.sampled_from(
        [
            "", "-", "N/A", "0", "150 000 kr", "150,000", "(1 200)", "12 500-", "-   kr", "4,6 %",
            "2019-10-01", "oktober 2018 - februari 2019", "januari–mars 2020", "2019-02-30",
            "Vinnova", "Göteborgs kommun", "Ny Okänd Organisation AB", "556016-0680",
            "Stockholms län", "pågående", "Förstudie", "nationell", "koordinator", "SE", "NO",
            "2018-04510", "P1", "I1", "2020", "ja", "§§?", "=1+1", "x" * 300,
        ]
    ),
    st.text(alphabet="aå0123456789 ,.-:%()", max_size=8),
)  # fmt: skip


# Keys every kind draws from, so that rows of one list name the rows of another.
KEYS = {
    "organisations": [
        "Vinnova", "Göteborgs kommun", "Region Skåne", "Ny Okänd Organisation AB",
        "Lunds universitet", "Malmö stad",
    ],
    "programmes": ["P1", "P2", "P3"],
    "indicators": ["I1", "I2", "I3"],
    "buyer_groups": ["Grupp A", "Grupp B", "Grupp C"],
    "projects": [f"2020-0000{n}" for n in range(1, 9)],
    "grants": [f"G-{n}" for n in range(1, 9)],
    "activities": [f"A-{n}" for n in range(1, 7)],
}  # fmt: skip
# What a person writes in a column of each type.
PLAUSIBLE = {
    "text": ["Alfa", "Smart belysning", "Konsulter", "Resor"],
    "list": ["7; 11", "Energi"],
    "money": ["150 000 kr", "0", "2,5 MSEK", "1 234 567", "12 500"],
    "date": ["2020-01-01", "oktober 2021", "2019-06-30", "2022-12-31"],
    "period": ["oktober 2018 - februari 2019", "2020-01 – 2021-12"],
    "number": ["3", "4,5", "0"],
    "share": ["12 %", "0,5"],
    "year": ["2020", "2021", "2019"],
    "org_number": ["556016-0680", "212000-1355", "202100-5208"],
    "country": ["SE", "NO"],
    "county": ["Stockholms län", "Skåne"],
}


def _plausible(kind, column) -> st.SearchStrategy[str]:
    """A cell a person would write in `column`: a key of the kind it names (or of its own
    kind, for its key), a code's value, or a value of its type."""
    if column.type.target:
        return st.sampled_from(KEYS.get(column.type.target, ["x"]))
    if column.name in kind.key and kind.name in KEYS and column.type.name == "text":
        return st.sampled_from(KEYS[kind.name])
    if column.type.codes is not None:
        return st.sampled_from([code.value for code in column.type.codes])
    return st.sampled_from(PLAUSIBLE.get(column.type.name, ["x"]))


@st.composite
def kind_lists(draw):
    """A list of one kind or layout (a flat project sheet, Vinnova's, 360Giving's) as a
    person may keep it: some of its columns, in any order, under the headers it is known by
    and others, a few rows of mostly plausible cells, maybe a title above, maybe a header
    read as another.
    """
    name = draw(st.sampled_from(sorted([*KINDS, *LAYOUTS])))
    if name in KINDS:
        known = [column.sv for column in KINDS[name].columns]
    else:
        known = [*LAYOUTS[name].required, *LAYOUTS[name].optional]
    # Mostly the headers it is known by; sometimes also ones no reader knows, a blank one,
    # or a unit after a name; now and then a header twice.
    header = st.sampled_from(known)
    if draw(st.booleans()):
        header = st.one_of(header, st.sampled_from(["", "Summa", "Anteckning", "Belopp (tkr)"]))
    headers = draw(st.lists(header, min_size=1, max_size=12, unique=True))
    if name in KINDS and draw(st.integers(0, 4)):  # mostly whole: its required columns first
        required = [c.sv for c in KINDS[name].columns if c.required]
        headers = required + [h for h in headers if h not in required]
    if not draw(st.integers(0, 9)):
        headers.append(draw(st.sampled_from(headers)))
    by_header = {c.sv: c for c in KINDS[name].columns} if name in KINDS else {}

    def cell(header: str) -> st.SearchStrategy[object]:
        # Mostly what a person writes in that column, now and then anything at all.
        if header in by_header and draw(st.integers(0, 9)):
            return _plausible(KINDS[name], by_header[header])
        return hostile_cell

    rows = draw(st.lists(st.tuples(*(cell(header) for header in headers)).map(list), max_size=4))
    # A title and a blank line above the list, as sheets kept by hand begin.
    above = draw(st.sampled_from([[], [["Projektlista 2024"], [""]]]))
    # A header read as another, as the Data page's chooser and `--column` say.
    renames = draw(
        st.lists(st.tuples(st.sampled_from(headers), st.sampled_from(known)), max_size=1)
    )
    return name, headers, rows, above, tuple(renames)


@st.composite
def whole_lists(draw):
    """A list of one kind as its template asks: its required columns and some others, rows
    of what a person writes in each, keys of every kind drawn from one pool (`KEYS`), so the
    lists name each other's rows and many are committed."""
    kind = KINDS[draw(st.sampled_from(sorted(KINDS)))]
    others = [column for column in kind.columns if not column.required]
    columns = [c for c in kind.columns if c.required] + draw(
        st.lists(st.sampled_from(others), unique=True) if others else st.just([])
    )
    rows = draw(
        st.lists(
            st.tuples(*(_plausible(kind, column) for column in columns)).map(list),
            min_size=1,
            max_size=4,
        )
    )
    return kind.name, [column.sv for column in columns], rows, [], ()


def _written(
    headers: list[str], rows: list[list[object]], above: list[list[str]], file_format: str
) -> bytes:
    """The list as a file of `file_format`: CSV with ";" or ",", an Excel workbook, an
    OpenDocument spreadsheet, JSON records;
    the lines `above` before its headers (not in JSON)."""
    if file_format == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        for row in [*above, headers, *rows]:
            book.active.append(row)
        data = io.BytesIO()
        book.save(data)
        return data.getvalue()
    if file_format == "ods":
        return ods(
            sheet("Blad1", [[cell(value) for value in row] for row in [*above, headers, *rows]])
        )
    if file_format == "json":
        return json.dumps([dict(zip(headers, row, strict=True)) for row in rows]).encode()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=file_format, lineterminator="\r\n")
    writer.writerows([*above, headers, *rows])
    return buffer.getvalue().encode("cp1252", errors="replace")


FORMATS = st.sampled_from([";", ",", "xlsx", "ods", "json"])
HOW = st.sampled_from(["dry_run", "commit", "replace"])
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _upload_of(case, file_format: str, *, named: bool) -> Upload:
    """`case` as the file a person uploads: written in `file_format`, its kind named or not,
    with the headers it says to read as others."""
    kind, headers, rows, above, renames = case
    suffix = {"xlsx": "xlsx", "ods": "ods", "json": "json"}.get(file_format, "csv")
    data = _written(headers, rows, above, file_format)
    return Upload(f"{kind}.{suffix}", data, kind=kind if named else None, columns=renames)


@EXAMPLES
@given(case=kind_lists(), file_format=FORMATS, named=st.booleans(), how=HOW)
def test_any_list_of_any_kind_is_taken_whole_or_refused_never_a_crash(
    engine, case, file_format, named, how
):
    """Examples follow each other in one store, so later lists meet what earlier ones left:
    whatever a list holds, in whichever format, its kind named or found from its headers,
    the import answers with an outcome, and a refusal changes nothing (`_imported`)."""
    _imported(engine, [_upload_of(case, file_format, named=named)], how)


@EXAMPLES
@given(case=whole_lists(), file_format=FORMATS, named=st.booleans(), how=HOW)
def test_a_list_as_its_template_asks_is_committed_undone_and_committed_again(
    engine, case, file_format, named, how
):
    """The same with lists a person fills as the template asks, most of them committed."""
    _imported(engine, [_upload_of(case, file_format, named=named)], how)


@EXAMPLES
@given(
    cases=st.lists(whole_lists(), min_size=2, max_size=4, unique_by=lambda case: case[0]),
    file_format=FORMATS,
    how=HOW,
)
def test_lists_uploaded_together_are_one_import_undone_as_one(engine, cases, file_format, how):
    """Several lists in one upload, as the Data page takes them: one import or nothing."""
    _imported(engine, [_upload_of(case, file_format, named=False) for case in cases], how)


def _imported(engine, uploads: list[Upload], how: str) -> None:
    """Import `uploads` (a dry run, a commit or a replace); a refusal changes nothing. A
    commit is undone to the store it found, summaries included; undone again, nothing moves;
    and the same files commit again, so the store grows from example to example.
    """
    options = {"dry_run": how == "dry_run", "replace": how == "replace"}
    before = dump(engine)
    result = import_files(engine, uploads, identity=cli_identity(), **options)
    event(result.outcome)
    assert result.outcome in ("committed", "unchanged", "rejected", "dry-run"), result.outcome
    if result.outcome != "committed":
        assert dump(engine) == before
        return
    assert_summary_is_fresh(engine)
    undo(engine, result.import_id, identity=cli_identity())
    assert dump(engine, history=False) == _kinds_only(before)
    assert_summary_is_fresh(engine)
    undone = dump(engine)
    with pytest.raises(UndoError):
        undo(engine, result.import_id, identity=cli_identity())
    assert dump(engine) == undone
    again = import_files(engine, uploads, identity=cli_identity(), **options)
    assert again.outcome == "committed"
    assert_summary_is_fresh(engine)


def _kinds_only(dumped: str) -> str:
    """A `dump` of the kinds alone, from a whole one."""
    tables = json.loads(dumped)
    for table in ("import_run", "import_change"):
        tables.pop(table)
    return json.dumps(tables, ensure_ascii=False, indent=1)
