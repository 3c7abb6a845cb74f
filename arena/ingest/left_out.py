"""Rows an earlier import of a list added that a new upload of the list leaves out: kept, and
said.

An import adds and updates; it removes nothing it is not given. A corrected list uploaded
again without one of its rows said "2 updated, 4 unchanged" and nothing of the row it no
longer has, which stayed in the store. Here the preview names such rows, and says how one
is removed, without removing anything.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena import models
from arena.i18n import msg, sek
from arena.ingest.kinds import KINDS
from arena.ingest.names import name_key
from arena.ingest.natural import driver_batches, key_column, named_key_ids, table_of
from arena.ingest.report import Problem, key_label, kind_name, listing
from arena.ingest.validate import ParsedTable

if TYPE_CHECKING:  # the plan calls this module: imported at run time, a cycle
    from arena.ingest.plan import KindPlan

_BATCH_ROWS = 100_000
_NAMED = 5  # the rows a warning names; its count says how many there are in all
_BLANKS_NAMED = 3  # as `plan._kept_blanks` names them
_CHUNK = 10_000  # references bound per statement: well under the databases' limits


def left_out_problems(
    conn: Connection, plans: list[KindPlan], uploaded: dict[str, ParsedTable]
) -> list[Problem]:
    """A warning per earlier committed import of the list: one that added rows of a kind this
    upload gives (its own rows, not organisations only named in passing), at least half of
    which the upload has again, and some of which it lacks while the store still holds them:
    how many, the first few, and how such a row is removed (`import.left_out`). An import
    the upload repeats less of is another list (a whole store's load, a correction of one
    row of it), whose other rows the upload is not about."""
    problems = []
    for plan in plans:
        table = uploaded.get(plan.kind.name)
        if table is None or table.create_only or len(plan.kind.key) != 1:
            continue
        given = set(table.frame[key_column(plan.kind)].dropna())
        if plan.kind.name == "grants":
            # Also where the sheet reads no grant at all: its one row's amount blank.
            kept, problem = _blank_amounts(conn, table, uploaded.get("projects"), given)
            given |= kept
            problems += [problem] if problem else []
        if given:
            problems += _left_out(conn, plan.kind.name, given)
    return problems


def _blank_amounts(
    conn: Connection, grants: ParsedTable, projects: ParsedTable | None, given: set[object]
) -> tuple[set[object], Problem | None]:
    """The stored grants of the projects a project sheet gives with their amount cell blank,
    which it reads no grant from, and the warning that they are kept (`import.blank_kept`,
    as any blank cell of a stored row): such a grant is in the file, not left out of it
    ("1 row that import 16 added is not in this file", on a row without a line)."""
    if projects is None or projects.origin != grants.origin or not len(projects.frame):
        return set(), None
    # Only the rows whose amount cell was blank: a row the matching left out (a project with
    # two grants from the funder, a 0 read as no grant) gave an amount, and is warned of so.
    blank = grants.blank_funders
    granted = set(grants.frame["project_reference"].dropna()) if len(grants.frame) else set()
    lines: dict[object, int] = {}
    for line, reference in projects.frame["reference"].items():
        if reference is not None and reference not in granted and int(line) in blank:
            lines.setdefault(reference, int(line))
    if not lines:
        return set(), None
    grant, project = table_of(KINDS["grants"]), table_of(KINDS["projects"])
    funder = table_of(KINDS["organisations"])
    stored: list[tuple[int, object, int]] = []
    references = list(lines)
    for start in range(0, len(references), _CHUNK):
        statement = (
            sa.select(project.c.reference, grant.c.reference, grant.c.amount_sek, funder.c.name)
            .join(project, grant.c.project_id == project.c.id)
            .outerjoin(funder, grant.c.funder_id == funder.c.id)
            .where(project.c.reference.in_(references[start : start + _CHUNK]))
        )
        stored += [
            (lines[of], reference, amount)
            for of, reference, amount, name in conn.execute(statement)
            if reference not in given
            and amount is not None
            and _of_funder(blank.get(lines[of]) or None, name)
        ]
    if not stored:
        return set(), None
    stored.sort(key=lambda item: (item[0], str(item[1])))
    named = [
        msg("import.blank_row", row=line, name=key_label([reference]), value=sek(int(amount)))
        for line, reference, amount in stored[:_BLANKS_NAMED]
    ]
    rows = listing(named)
    label = grants.label("amount_sek")
    problem = Problem(
        "format-error",
        msg(
            "import.blank_kept",
            count=len(stored),
            column=label,
            rows=rows if len(stored) <= _BLANKS_NAMED else msg("list.more", items=rows),
        ),
        row=stored[0][0],
        column=label,
        value=str(stored[0][2]),
        table="grants",
        severity="warning",
    )
    return {reference for _line, reference, _amount in stored}, problem


def _of_funder(written: str | None, stored: str | None) -> bool:
    """Whether a stored grant of funder `stored` is the one a sheet row whose `Finansiär` is
    `written` (None: the row names none) gives with its amount blank: the row names that
    funder, whole, without its abbreviation or by it (`Patent- och registreringsverket
    (PRV)`). Energimyndigheten's grant of the project is not a Vinnova row's."""
    if written is None or stored is None:
        return True
    keys = {name_key(stored)}
    if found := _ABBREVIATED.fullmatch(stored.strip()):
        keys |= {name_key(found["name"]), name_key(found["abbreviation"])}
    return name_key(written) in keys


# A name with its abbreviation in brackets: "Patent- och registreringsverket (PRV)".
_ABBREVIATED = re.compile(r"(?P<name>.+?)\s*\((?P<abbreviation>[^()]+)\)")


def _left_out(conn: Connection, kind: str, given: set[object]) -> list[Problem]:
    change, run = models.ImportChange.__table__, models.ImportRun.__table__
    statement = (
        sa.select(change.c.import_id, change.c.row_key)
        .where(change.c.table_name == kind, change.c.before.is_(None))
        .where(change.c.import_id.in_(sa.select(run.c.id).where(run.c.outcome == "committed")))
    )
    added: dict[int, list[object]] = {}  # import -> the keys it added the upload lacks
    shared: dict[int, int] = {}  # import -> how many of the keys it added the upload gives
    for rows in driver_batches(conn, statement, _BATCH_ROWS):
        for import_id, row_key in rows:
            (key,) = json.loads(row_key)
            if key in given:
                shared[import_id] = shared.get(import_id, 0) + 1
            else:
                added.setdefault(import_id, []).append(key)
    problems = []
    # At least half given again: the rows given at least as many as those left out.
    lists = [i for i in sorted(shared) if i in added and shared[i] >= len(added[i])]
    for import_id in lists:
        stored = named_key_ids(conn, kind, added[import_id])
        kept = [key for key in added[import_id] if key in stored]
        if not kept:
            continue
        file_name = conn.execute(
            sa.select(run.c.file_name).where(run.c.id == import_id)
        ).scalar_one()
        problems.append(
            Problem(
                "row-error",
                msg(
                    "import.left_out",
                    count=len(kept),
                    kind=kind_name(kind, lower=True),
                    import_id=import_id,
                    file=file_name,
                    rows=", ".join(key_label([key]) for key in kept[:_NAMED]),
                ),
                value=str(kept[0]),
                table=kind,
                severity="warning",
            )
        )
    return problems
