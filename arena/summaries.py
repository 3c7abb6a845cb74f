"""The summary tables, kept by the import: money per project, funder and year; the places
taking part in each project.

At a national programme's size (a million spend lines, 350 000 participants) no page can group
the money tables or join every participant to its organisation at every cold start:
`project_money` holds each project's granted, disbursed and spent money per funder and calendar
year, so the money figures sum a summary instead (`arena.queries`); `project_place` holds each
(county, organisation kind) of the organisations taking part in a project, so the county and
level filters and the county figures read a covering index instead.

A summary is only as good as its upkeep: `maintained` wraps the write transaction of every
import and undo (`arena.ingest`) and, before it commits, recomputes each summary's rows of
every project the imports committed or undone in it touched, so a reader sees the summaries and
the tables they sum change together, never one without the other. What an import touched is
what it recorded: the project references of its changes (`import_change.project_before` /
`project_after`, both, so a grant moved to another project updates both) and, for places, the
organisations it changed. An import that only adds (the usual large one: new projects,
participants, grants, payments or spend) is cheaper to follow: its rows are those with ids
above the newest before it, their money is added to the rows of their project, funder and
year, and the places they bring are inserted, instead of recomputing their projects'.
Everything else that writes the store goes through the import (`init`, the demo) or writes
neither money nor places (sign-in, roles, the audit log).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection

from arena import models
from arena.domain import AuditAction
from arena.models import GRANT_DATE
from arena.store import analyse_temporary

project = models.Project.__table__
organisation = models.Organisation.__table__
participant = models.ProjectParticipant.__table__
grant = models.Grant.__table__
disbursement = models.Disbursement.__table__
expenditure = models.Expenditure.__table__
project_money = models.ProjectMoney.__table__
project_place = models.ProjectPlace.__table__
audit_event = models.AuditEvent.__table__
import_change = models.ImportChange.__table__

# The projects a refresh recomputes, listed once per refresh: every statement of it joins this
# small table instead of evaluating the changes of a million-row import again.
_touched = sa.Table(
    "touched_project",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    prefixes=["TEMPORARY"],
)

_MONEY = ("granted_sek", "disbursed_sek", "spent_sek")


def _year(column: sa.ColumnElement) -> sa.ColumnElement[int]:
    return sa.cast(sa.extract("year", column), sa.Integer)


def _kept(
    source: sa.FromClause, column: sa.ColumnElement, project_ids: sa.FromClause | None
) -> sa.FromClause:
    """`source` narrowed to the rows whose project id `column` is in `project_ids` (None: all)."""
    # A join, not `IN (SELECT id ...)`: SQLite searched the temporary table once per spend
    # line for the IN (minutes at 10 000 projects), the join looks each id up once.
    if project_ids is None:
        return source
    return source.join(project_ids, project_ids.c.id == column)


def _money_parts() -> list[tuple[sa.Select, sa.ColumnElement[int]]]:
    """The rows project_money sums, unsummed, each select with its project id column: the
    grants by decision year, the payments by payment year under their grant's funder, the
    projects' spend (no funder) by the year spent."""
    zero = sa.literal(0, sa.BigInteger)
    return [
        (
            sa.select(
                grant.c.project_id,
                grant.c.funder_id,
                _year(GRANT_DATE).label("year"),
                grant.c.amount_sek.label("granted_sek"),
                zero.label("disbursed_sek"),
                zero.label("spent_sek"),
            ),
            grant.c.project_id,
        ),
        (
            sa.select(
                grant.c.project_id,
                grant.c.funder_id,
                _year(disbursement.c.paid_on),
                zero,
                disbursement.c.amount_sek,
                zero,
            ).select_from(disbursement.join(grant, grant.c.id == disbursement.c.grant_id)),
            grant.c.project_id,
        ),
        (
            sa.select(
                project.c.id,
                sa.null(),
                _year(expenditure.c.spent_on),
                zero,
                zero,
                expenditure.c.amount_sek,
            )
            .select_from(expenditure.join(project, project.c.reference == expenditure.c.scope_ref))
            # Not a programme's (a check allows only the two scopes): `scope = 'project'` made
            # SQLite read every project spend line by the scope's index, not the wanted ones.
            .where(expenditure.c.scope != "programme"),
            project.c.id,
        ),
    ]


def _summed(parts: Collection[sa.Select]) -> sa.Select:
    """project_money's rows from `parts` (selects of `_money_parts`' columns): their money
    summed per project, funder and year."""
    money = sa.union_all(*parts).subquery()
    keys = (money.c.project_id, money.c.funder_id, money.c.year)
    return sa.select(
        *keys, *(sa.func.sum(money.c[column]).label(column) for column in _MONEY)
    ).group_by(*keys)


def summary_rows(project_ids: sa.FromClause | None = None) -> sa.Select:
    """project_money's rows as the money tables give them now, for the projects whose ids
    `project_ids` holds in its `id` column (None: every project): project_id, funder_id, year,
    granted_sek, disbursed_sek, spent_sek."""
    # Joined to `project_ids`, as `_kept` narrows a table.
    return _summed(
        [
            part if project_ids is None else part.join(project_ids, project_ids.c.id == column)
            for part, column in _money_parts()
        ]
    )


def added_money_rows(newest: Mapping[str, int]) -> sa.Select:
    """What the rows with ids above the `newest` of their tables add to project_money, summed
    per project, funder and year as its rows are: the new grants, the new payments, the new
    spend lines, and the spend booked earlier on the references of the new projects (spend
    may name a project before it exists; the new project gathers it)."""
    grants, payments, spend = (part for part, _ in _money_parts())
    new = project.alias("new_project")
    return _summed(
        [
            grants.where(grant.c.id > newest["grant_award"]),
            payments.where(disbursement.c.id > newest["disbursement"]),
            spend.where(expenditure.c.id > newest["expenditure"]),
            # Found from the new projects' references, not by reading every older spend line
            # for its project (0.35 s at a million lines, new projects or not).
            spend.where(
                expenditure.c.id <= newest["expenditure"],
                expenditure.c.scope_ref.in_(
                    sa.select(new.c.reference).where(new.c.id > newest["project"])
                ),
            ),
        ]
    )


def place_rows(project_ids: sa.FromClause | None = None) -> sa.Select:
    """project_place's rows as the tables give them now, for the projects whose ids
    `project_ids` holds in its `id` column (None: every project): project_id, county, kind,
    each distinct (county, kind) of the coordinator's and the participants' organisations."""
    return _places(
        sa.select(participant.c.project_id, participant.c.organisation_id).select_from(
            _kept(participant, participant.c.project_id, project_ids)
        ),
        sa.select(project.c.id, project.c.coordinator_id)
        .select_from(_kept(project, project.c.id, project_ids))
        .where(project.c.coordinator_id.is_not(None)),
    )


def _places(*involved: sa.Select) -> sa.Select:
    """Each distinct (project, county, kind) of the organisations the `involved` selects name
    (project id, organisation id). The county is Sweden's only: an organisation abroad keeps
    its region ("Oslo"), which is no county to count or filter projects by."""
    both = (sa.union_all(*involved) if len(involved) > 1 else involved[0]).subquery()
    project_id, organisation_id = list(both.c)
    home = organisation.c.country == models.Organisation.model_fields["country"].default
    county = sa.case((home, organisation.c.county)).label("county")
    return (
        sa.select(project_id.label("project_id"), county, organisation.c.kind)
        .select_from(both.join(organisation, organisation.c.id == organisation_id))
        .distinct()
    )


def _in_project_order(rows: sa.Select) -> sa.Select:
    """`rows` to insert into a summary in project order: each row then lands next to the one
    before it in the table's project index. Unordered, the places of 100 000 new projects
    (participants first, then coordinators) took 1.6 s to insert instead of 0.6 s (issue 11)."""
    return rows.order_by(rows.selected_columns.project_id)


@dataclass(frozen=True)
class Summary:
    """One summary table: how its rows are computed for some projects (`rows(project_ids)`,
    as `summary_rows`), which projects the imports `import_ids` touched
    (`touched(import_ids, dialect=...)`), the kinds whose import can change it (`kinds`) and
    how it follows imports that only added (`added`)."""

    table: sa.Table
    rows: Callable[[sa.FromClause | None], sa.Select]
    touched: Callable[..., sa.CompoundSelect]
    kinds: frozenset[str]
    # Keeps the summary when the imports only added rows of `kinds`, given the newest id of
    # each table before them (`maintained`).
    added: Callable[[Connection, Mapping[str, int]], None]


def refresh(
    conn: Connection,
    summary: Summary,
    *,
    project_ids: sa.Select | sa.CompoundSelect | None = None,
) -> None:
    """Recompute `summary`'s rows of the projects `project_ids` selects (None: rebuild the
    whole summary), on `conn` inside the caller's transaction. A deleted project's rows went
    with it (ON DELETE CASCADE); a project without money (or organisations) keeps no row."""
    table = summary.table
    columns = [column.name for column in summary.rows(None).selected_columns]

    if project_ids is None:
        conn.execute(sa.delete(table))
        conn.execute(sa.insert(table).from_select(columns, _in_project_order(summary.rows(None))))
        return
    _touched.create(conn)
    try:
        conn.execute(sa.insert(_touched).from_select(["id"], project_ids))
        touched, projects = (
            conn.execute(sa.select(sa.func.count()).select_from(counted)).scalar_one()
            for counted in (_touched, project)
        )
        if not touched:
            # Nothing to recompute (an undo of milestones, of new projects now deleted with
            # their rows). Asked anyway, SQLite took the empty table for large and read all
            # 300 000 payments (0.4 s) to find none.
            return
        if 2 * touched > projects:
            # Most projects (an import of every spend line): one pass over the tables costs
            # less than looking each project's rows up.
            refresh(conn, summary)
            return
        # Counted, so the database looks the few projects' rows up (ten: 0.1-0.5 s -> 1 ms).
        analyse_temporary(conn, _touched.name)
        conn.execute(sa.delete(table).where(table.c.project_id.in_(sa.select(_touched.c.id))))
        conn.execute(
            sa.insert(table).from_select(columns, _in_project_order(summary.rows(_touched)))
        )
    finally:
        _touched.drop(conn)


# The kinds (`arena.ingest.kinds.KINDS` names) whose rows are the money the summary sums.
MONEY_KINDS = ("grants", "disbursements", "expenditures")


def _first_key(dialect: str) -> sa.ColumnElement[str]:
    """The first value of a change's natural key (`row_key`, a JSON list): for a payment, the
    reference of its grant."""
    if dialect == "postgresql":
        return sa.cast(import_change.c.row_key, postgresql.JSON)[0].astext
    return sa.func.json_extract(import_change.c.row_key, "$[0]")


def touched_projects(import_ids: list[int], *, dialect: str) -> sa.CompoundSelect:
    """Ids of the projects whose money the imports `import_ids` may have changed, as
    their recorded changes say: every project a grant, payment or spend line of theirs belonged
    to before or after, and the projects they created or deleted (spend names its project by
    reference, so a project created after its spend gathers it; a deleted one's rows went with
    it). A project whose fields only changed keeps its money: its id and reference stay.

    A payment's recorded project is its grant's when it was imported; the grant may have moved
    since (undoing that payment import later), so its grant's project now counts too.
    """
    of_these = import_change.c.import_id.in_(import_ids)
    created_or_deleted = sa.and_(
        import_change.c.table_name == "projects",
        sa.or_(import_change.c.before.is_(None), import_change.c.after.is_(None)),
    )
    changed = sa.or_(import_change.c.table_name.in_(MONEY_KINDS), created_or_deleted)
    paid_grants = sa.select(_first_key(dialect)).where(
        of_these, import_change.c.table_name == "disbursements"
    )
    return sa.union(
        _named_projects(of_these, changed),
        sa.select(grant.c.project_id).where(grant.c.reference.in_(paid_grants)),
    )


def _named_projects(*conditions: sa.ColumnElement[bool]) -> sa.Select:
    """Ids of the projects the changes meeting `conditions` name, before or after."""
    references = sa.union(
        *(
            sa.select(column).where(*conditions, column.is_not(None))
            for column in (import_change.c.project_before, import_change.c.project_after)
        )
    ).subquery()
    return sa.select(project.c.id).where(project.c.reference.in_(sa.select(references.c[0])))


# The kinds whose changes move the places of the projects they name (organisations move the
# places of the projects they take part in).
PLACE_KINDS = ("projects", "participants")


def touched_places(import_ids: list[int], *, dialect: str) -> sa.CompoundSelect:
    """Ids of the projects whose places the imports `import_ids` may have changed, as
    their recorded changes say: every project a project or participant change of theirs names
    before or after (a new coordinator, a participant gone), and every project an organisation
    they changed (its county, its kind) takes part in now. An organisation still taking part in
    a project cannot be deleted (RESTRICT), so the changed ones are found by name."""
    of_these = import_change.c.import_id.in_(import_ids)
    named = sa.select(_first_key(dialect)).where(
        of_these, import_change.c.table_name == "organisations"
    )
    organisations = sa.select(organisation.c.id).where(organisation.c.name.in_(named))
    return sa.union(
        _named_projects(of_these, import_change.c.table_name.in_(PLACE_KINDS)),
        sa.select(project.c.id).where(project.c.coordinator_id.in_(organisations)),
        sa.select(participant.c.project_id).where(participant.c.organisation_id.in_(organisations)),
    )


def added_places(newest: Mapping[str, int]) -> tuple[sa.Select, sa.Select]:
    """project_place's rows that the projects and participants with ids above the `newest`
    of their tables add, as two selects to insert in turn: every place of the new projects,
    which held none; then each (project, county, kind) the new participants bring that their
    project does not hold yet (those of the new projects are held by then). Apart, the first
    (most of a new project list) inserts without reading the table it writes, which SQLite
    would otherwise copy aside in whole first."""
    joined = _places(
        sa.select(participant.c.project_id, participant.c.organisation_id).where(
            participant.c.id > newest["project_participant"]
        )
    ).subquery()
    held = sa.select(project_place.c.id).where(
        project_place.c.project_id == joined.c.project_id,
        project_place.c.kind == joined.c.kind,
        project_place.c.county.is_not_distinct_from(joined.c.county),
    )
    return (
        _in_project_order(
            _places(
                sa.select(participant.c.project_id, participant.c.organisation_id).where(
                    participant.c.project_id > newest["project"]
                ),
                sa.select(project.c.id, project.c.coordinator_id).where(
                    project.c.id > newest["project"], project.c.coordinator_id.is_not(None)
                ),
            )
        ),
        sa.select(*joined.c).where(~held.exists()).order_by(joined.c.project_id),
    )


def _only_added(conn: Connection, imports: list[int], kinds: Collection[str]) -> bool:
    """Whether the imports `imports` (all those the block's audit events name) only added
    rows of `kinds`: none changed or deleted, and no undo. Then the rows
    they added are exactly those with ids above the newest before them: an import inserts
    without ids, imports take turns (`store`), and with nothing deleted no id is given again."""
    undone = sa.select(audit_event.c.id).where(
        audit_event.c.import_id.in_(imports),
        audit_event.c.action.not_in((AuditAction.IMPORT.value, AuditAction.REPLACE.value)),
    )
    replaced = sa.select(import_change.c.id).where(
        import_change.c.import_id.in_(imports),
        import_change.c.table_name.in_(sorted(kinds)),
        import_change.c.before.is_not(None),
    )
    return conn.execute(sa.select(~undone.exists(), ~replaced.exists())).one() == (True, True)


# What an import that only added brings to project_money, per project, funder and year. No
# index: SQLite then reads it row by row and finds each row's project in project_money's
# index, instead of reading all of project_money to look each row up here (a hundred new
# rows: 0.02 s against nothing).
_added = sa.Table(
    "added_money",
    sa.MetaData(),
    sa.Column("project_id", sa.Integer),
    sa.Column("funder_id", sa.Integer),
    sa.Column("year", sa.Integer),
    *(sa.Column(column, sa.BigInteger) for column in _MONEY),
    prefixes=["TEMPORARY"],
)


def _add_money(conn: Connection, newest: Mapping[str, int]) -> None:
    """New projects, grants, payments or spend: their money is added to the rows of its
    project, funder and year (a row is inserted for a new one), not every project they add to
    recomputed from all its money. Recomputed, 100 000 new grants into a store of a million
    spend lines took 4.2 of 8.7 s (issue 11)."""
    same = [
        project_money.c.project_id == _added.c.project_id,
        project_money.c.funder_id.is_not_distinct_from(_added.c.funder_id),
        project_money.c.year.is_not_distinct_from(_added.c.year),
    ]
    columns = [column.name for column in _added.columns]
    _added.create(conn)
    try:
        conn.execute(sa.insert(_added).from_select(columns, added_money_rows(newest)))
        if conn.dialect.name == "postgresql":
            # Counted: PostgreSQL hashed all 400 000 rows of project_money to add ten new
            # grants (0.22 s; counted, it finds their rows by the index). SQLite reads this
            # table row by row anyway (above).
            analyse_temporary(conn, _added.name)
        conn.execute(
            sa.update(project_money)
            .where(*same)
            .values({column: project_money.c[column] + _added.c[column] for column in _MONEY})
        )
        held = sa.select(project_money.c.id).where(*same).exists()
        conn.execute(
            sa.insert(project_money).from_select(
                columns,
                sa.select(*_added.c).where(~held).order_by(_added.c.project_id),
            )
        )
    finally:
        _added.drop(conn)


def _add_places(conn: Connection, newest: Mapping[str, int]) -> None:
    """The common large imports, new projects or participants: their places are inserted,
    not those of every project they name recomputed (1.1 of 3.3 s for 100 000 participants,
    issue 11)."""
    for rows in added_places(newest):
        conn.execute(sa.insert(project_place).from_select(list(rows.selected_columns.keys()), rows))


# A project created after its spend gathers it, hence "projects" among the money's kinds.
MONEY = Summary(
    table=project_money,
    rows=summary_rows,
    touched=touched_projects,
    kinds=frozenset({*MONEY_KINDS, "projects"}),
    added=_add_money,
)
PLACES = Summary(
    table=project_place,
    rows=place_rows,
    touched=touched_places,
    kinds=frozenset({*PLACE_KINDS, "organisations"}),
    added=_add_places,
)
SUMMARIES = (MONEY, PLACES)


@contextmanager
def maintained(conn: Connection, *, kinds: Collection[str] | None = None) -> Iterator[None]:
    """Keep the summaries in step with the imports committed or undone inside the block.

    Every import and undo records an audit event naming its import in the same transaction
    (`arena.auth.record`): on leaving the block the projects those imports touched are
    recomputed, before the caller commits; when they only added rows of a summary's kinds,
    its `added` follows them by id instead. A block that raises refreshes nothing: its
    transaction rolls back with everything it wrote. With `kinds` (those of an upload) only
    the summaries those kinds can change are looked at: finding that milestones touched no
    money costs a second at a million spend lines. None: every summary (an undo).
    """
    chosen = [s for s in SUMMARIES if kinds is None or s.kinds.intersection(kinds)]
    # The newest id of each table an import adds to: what an import adds lies above it.
    marked = (audit_event, project, participant, grant, disbursement, expenditure)
    latest = (sa.select(sa.func.coalesce(sa.func.max(t.c.id), 0)).scalar_subquery() for t in marked)
    newest = dict(
        zip((t.name for t in marked), conn.execute(sa.select(*latest)).one(), strict=True)
    )
    yield
    # The imports of the block, as their ids: named, not as a subquery, so PostgreSQL plans for
    # those few imports. Given the subquery it expected a hundred and read all two million
    # change records: an undo's touched projects took 2.3 s instead of 0.2 s.
    imports = sorted(
        set(
            conn.execute(
                sa.select(audit_event.c.import_id).where(
                    audit_event.c.id > newest["audit_event"], audit_event.c.import_id.is_not(None)
                )
            ).scalars()
        )
    )
    if not chosen or not imports:
        return
    for summary in chosen:
        if _only_added(conn, imports, summary.kinds):
            summary.added(conn, newest)
        else:
            refresh(conn, summary, project_ids=summary.touched(imports, dialect=conn.dialect.name))
