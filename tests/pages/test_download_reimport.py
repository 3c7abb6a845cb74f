"""Every download of stored facts, of a view without a year filter, imported back as it is
changes nothing: the app's own files are read as what they hold (the Project page's payments
headed "Utbetalningsdag" were refused as a grants file lacking Diarienummer and Finansiär)."""

from __future__ import annotations

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
