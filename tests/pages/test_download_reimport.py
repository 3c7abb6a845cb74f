"""Every download of stored facts, of a view without a year filter, imported back as it is
changes nothing: the app's own files are read as what they hold (the Project page's payments
headed "Utbetalningsdag" were refused as a grants file lacking Diarienummer and Finansiär; the
Results page's indicator values, their place in one column "Program, projekt eller land", as
lacking it). A file the person edits imports as the edit, nothing else."""

from __future__ import annotations

import csv
import io

import pytest

from tests.fixtures.ingest import errors, upload

# By page and what its link names: the keys of the downloads that hold stored facts (a list of
# grants, payments, projects ...), not figures the page makes of them (sums, counts, states).
STORED = [
    ("grants", {}, ("grants", "reports")),
    ("portfolio", {}, ("portfolio",)),
    ("networks", {}, ("networks",)),
    ("efforts", {}, ("activities",)),
    ("programmes", {"programme": "BG-2017"}, ("BG-2017_grants", "BG-2017_projects")),
    (
        "project",
        {"ref": "DEMO-2024-022"},
        tuple(
            f"DEMO-2024-022_{part}"
            for part in ("participants", "grants", "disbursements", "spend", "milestones")
        ),
    ),
    ("results", {}, ("series",)),
]


@pytest.mark.parametrize("language", ["Svenska", "English"])
@pytest.mark.parametrize(("page", "query", "keys"), STORED, ids=[page for page, *_ in STORED])
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


@pytest.mark.parametrize("language", ["Svenska", "English"])
def test_the_indicator_values_with_one_value_changed_and_this_years_added_import_as_that(
    demo_engine, open_page, handed, file_names, language
):
    open_page(demo_engine, page="results", lang=language)
    data = handed["series_csv"]().decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(data.splitlines()[0])
    rows = list(csv.reader(io.StringIO(data), dialect))
    header, body = rows[0], rows[1:]
    code, year, value = (header.index(name) for name in header[:1] + header[5:7])
    last = max(
        (row for row in body if row[code] == "ARENA_KNOWLEDGE_EVENTS"), key=lambda r: r[year]
    )
    edited = [row.copy() for row in body]
    changed = edited[body.index(last)]
    changed[value] = str(int(changed[value]) + 1)  # one value corrected
    added = last.copy()
    added[year] = str(int(last[year]) + 1)  # this year's value
    out = io.StringIO()
    csv.writer(out, dialect).writerows([header, *edited, added])
    result = upload(demo_engine, file_names["series_csv"], out.getvalue(), dry_run=True)
    assert not errors(result), [p.text("en") for p in result.problems]
    assert (result.counts["new"], result.counts["updated"]) == (1, 1), result.counts
    (plan,) = [kind for kind in result.plan.kinds if kind.new or kind.updated]
    assert [(row["year"], row["value"]) for row in plan.new] == [
        (int(added[year]), float(added[value]))
    ]
    assert [(row["year"], row["value"]) for row in plan.updated] == [
        (int(last[year]), float(changed[value]))
    ]
