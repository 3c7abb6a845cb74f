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
from tests.fixtures.ingest import dump

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
    result = _preview(demo_engine, kind, frame.drop(columns=[column]))
    assert result.outcome == "rejected"
    errors = {(p.error, p.column) for p in result.problems if p.severity == "error"}
    assert ("missing-label", KINDS[kind].column(column).sv) in errors
    emptied = frame.copy()
    emptied[column] = ""
    result = _preview(demo_engine, kind, emptied)
    assert result.outcome == "rejected"
    assert {p.column for p in result.problems if p.severity == "error"} == {
        KINDS[kind].column(column).sv
    }
    assert dump(demo_engine) == before
