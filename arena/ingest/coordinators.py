"""One coordinator per project: warnings where an upload would give a project two.

A project's coordinator is the project list's (`project.coordinator_id`); a participants list
may name it too, with the role "coordinator". The two went apart without a word: a
participants list naming another organisation as coordinator, or a project list moving the
coordinator while the participants still named the former one, and the Organisation page then
showed two or three coordinators of one project. The preview says so; nothing is refused, as
either list may be the newer one, and the person knows which.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from arena import models
from arena.domain import ParticipantRole
from arena.i18n import msg
from arena.ingest.report import Problem
from arena.ingest.validate import ParsedTable

if TYPE_CHECKING:  # the plan calls this module: imported at run time, a cycle
    from arena.ingest.plan import KindPlan

COORDINATOR = ParticipantRole.COORDINATOR.value
# Projects looked up per statement: a list of 100 000 participants names 30 000 coordinators,
# and SQLite takes at most 32 766 values bound to one statement.
_SLICE = 10_000
_project = models.Project.__table__
_participant = models.ProjectParticipant.__table__
_organisation = models.Organisation.__table__


def coordinator_problems(
    conn: Connection, plans: list[KindPlan], tables: dict[str, ParsedTable]
) -> list[Problem]:
    """Warnings for the participants an upload adds as coordinator of a project whose
    coordinator is another organisation (in the upload, else in the store), and for the
    projects whose coordinator it moves while their participants keep the former one as
    coordinator (unless the upload's participants name that project)."""
    by_kind = {plan.kind.name: plan for plan in plans}
    projects, participants = by_kind.get("projects"), by_kind.get("participants")
    problems = []
    if participants is not None and len(participants.new_rows):
        problems += _second_coordinators(conn, participants, projects, tables["participants"])
    if projects is not None and len(projects.updated_rows) and "coordinator" in projects.changed:
        named = (
            set()
            if participants is None
            else set(tables["participants"].frame["project_reference"])
        )
        problems += _former_coordinators(conn, projects, named)
    return problems


def _second_coordinators(
    conn: Connection, participants: KindPlan, projects: KindPlan | None, table: ParsedTable
) -> list[Problem]:
    added = participants.new_rows[participants.new_rows["role"] == COORDINATOR]
    if not len(added):
        return []
    coordinator = dict(
        _rows(
            conn,
            sa.select(_project.c.reference, _organisation.c.name).join(
                _organisation, _organisation.c.id == _project.c.coordinator_id
            ),
            sorted(set(added["project_reference"])),
        )
    )
    if projects is not None:  # the upload's own project list says it, whatever is stored
        for frame in (projects.new_rows, projects.updated_rows):
            if len(frame) and "coordinator" in frame:
                coordinator.update(zip(frame["reference"], frame["coordinator"], strict=True))
    other = [
        (line, reference, organisation, coordinator[reference])
        for line, reference, organisation in zip(
            added.index, added["project_reference"], added["organisation"], strict=True
        )
        if coordinator.get(reference) not in (None, organisation)
    ]
    if not other:
        return []
    line, reference, organisation, held = other[0]
    label = table.label("role")
    return [
        Problem(
            "format-error",
            msg(
                "import.second_coordinator",
                count=len(other),
                organisation=organisation,
                project=reference,
                coordinator=held,
            ),
            row=int(line),
            column=label,
            value=str(organisation),
            table="participants",
            severity="warning",
        )
    ]


def _former_coordinators(conn: Connection, projects: KindPlan, named: set[object]) -> list[Problem]:
    moved = projects.changed["coordinator"].to_numpy()
    before = projects.before_rows[moved]
    former = {
        reference: name
        for reference, name in zip(before["reference"], before["coordinator"], strict=True)
        if name is not None and reference not in named
    }
    if not former:
        return []
    kept = _rows(
        conn,
        sa.select(_project.c.reference, _organisation.c.name)
        .select_from(
            _participant.join(_project, _project.c.id == _participant.c.project_id).join(
                _organisation, _organisation.c.id == _participant.c.organisation_id
            )
        )
        .where(_participant.c.role == COORDINATOR),
        sorted(former),
    )
    still = sorted({reference for reference, name in kept if former.get(reference) == name})
    if not still:
        return []
    lines = pd.Series(before.index, index=before["reference"])
    return [
        Problem(
            "format-error",
            msg(
                "import.former_coordinator",
                count=len(still),
                project=still[0],
                former=former[still[0]],
            ),
            row=int(lines[still[0]]),
            table="projects",
            severity="warning",
        )
    ]


def _rows(conn: Connection, statement: sa.Select, references: list) -> list[tuple]:
    """The rows of `statement` for the projects `references` names, `_SLICE` at a time."""
    return [
        tuple(row)
        for start in range(0, len(references), _SLICE)
        for row in conn.execute(
            statement.where(_project.c.reference.in_(references[start : start + _SLICE]))
        )
    ]
