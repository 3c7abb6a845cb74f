"""The summary tables: money pre-aggregated per project, funder and year, kept by the import.

At a national programme's size (a million spend lines) no page can group the money tables at
every cold start; `project_money` holds each project's granted, disbursed and spent money per
funder and calendar year, so the money figures sum a summary instead (`arena.queries`).

A summary is only as good as its upkeep: `maintained` wraps the write transaction of every
import and undo (`arena.ingest`) and, before it commits, recomputes the rows of every project
the imports committed or undone in it touched, so a reader sees the summary and the tables it
sums change together, never one without the other. What an import touched is what it recorded:
the project references of its changes (`import_change.project_before` / `project_after`, both,
so a grant moved to another project updates both). Everything else that writes the store goes
through the import (`init`, the demo) or writes no money (sign-in, roles, the audit log).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection

from arena import models
from arena.queries._sql import GRANT_DATE, disbursement, expenditure, grant, project

project_money = models.ProjectMoney.__table__
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


def summary_rows(project_ids: sa.FromClause | None = None) -> sa.Select:
    """project_money's rows as the money tables give them now, for the projects whose ids
    `project_ids` holds in its `id` column (None: every project): project_id, funder_id, year,
    granted_sek, disbursed_sek, spent_sek."""

    def kept(source: sa.FromClause, column: sa.ColumnElement) -> sa.FromClause:
        # A join, not `IN (SELECT id ...)`: SQLite searched the temporary table once per spend
        # line for the IN (minutes at 10 000 projects), the join looks each id up once.
        if project_ids is None:
            return source
        return source.join(project_ids, project_ids.c.id == column)

    zero = sa.literal(0, sa.BigInteger)
    parts = [
        sa.select(
            grant.c.project_id,
            grant.c.funder_id,
            _year(GRANT_DATE).label("year"),
            grant.c.amount_sek.label("granted_sek"),
            zero.label("disbursed_sek"),
            zero.label("spent_sek"),
        ).select_from(kept(grant, grant.c.project_id)),
        sa.select(
            grant.c.project_id,
            grant.c.funder_id,
            _year(disbursement.c.paid_on),
            zero,
            disbursement.c.amount_sek,
            zero,
        ).select_from(
            kept(
                disbursement.join(grant, grant.c.id == disbursement.c.grant_id),
                grant.c.project_id,
            )
        ),
        sa.select(
            project.c.id,
            sa.null(),
            _year(expenditure.c.spent_on),
            zero,
            zero,
            expenditure.c.amount_sek,
        )
        .select_from(
            kept(
                expenditure.join(project, project.c.reference == expenditure.c.scope_ref),
                project.c.id,
            )
        )
        .where(expenditure.c.scope == "project"),
    ]
    money = sa.union_all(*parts).subquery()
    keys = (money.c.project_id, money.c.funder_id, money.c.year)
    return sa.select(
        *keys, *(sa.func.sum(money.c[column]).label(column) for column in _MONEY)
    ).group_by(*keys)


def refresh(conn: Connection, *, project_ids: sa.Select | sa.CompoundSelect | None = None) -> None:
    """Recompute the rows of the projects `project_ids` selects (None: rebuild the whole
    summary), on `conn` inside the caller's transaction. A deleted project's rows went with it
    (ON DELETE CASCADE); a project without money keeps no row."""
    columns = ["project_id", "funder_id", "year", *_MONEY]
    if project_ids is None:
        conn.execute(sa.delete(project_money))
        conn.execute(sa.insert(project_money).from_select(columns, summary_rows()))
        return
    _touched.create(conn)
    try:
        conn.execute(sa.insert(_touched).from_select(["id"], project_ids))
        touched, projects = (
            conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in (_touched, project)
        )
        if 2 * touched > projects:
            # Most projects (an import of every spend line): one pass over the money tables
            # costs less than looking each project's rows up.
            refresh(conn)
            return
        conn.execute(
            sa.delete(project_money).where(project_money.c.project_id.in_(sa.select(_touched.c.id)))
        )
        conn.execute(sa.insert(project_money).from_select(columns, summary_rows(_touched)))
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


def touched_projects(import_ids: sa.Select, *, dialect: str) -> sa.CompoundSelect:
    """Ids of the projects whose money the imports `import_ids` selects may have changed, as
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
    changed = [of_these, sa.or_(import_change.c.table_name.in_(MONEY_KINDS), created_or_deleted)]
    references = sa.union(
        *(
            sa.select(column).where(*changed, column.is_not(None))
            for column in (import_change.c.project_before, import_change.c.project_after)
        )
    ).subquery()
    paid_grants = sa.select(_first_key(dialect)).where(
        of_these, import_change.c.table_name == "disbursements"
    )
    return sa.union(
        sa.select(project.c.id).where(project.c.reference.in_(sa.select(references.c[0]))),
        sa.select(grant.c.project_id).where(grant.c.reference.in_(paid_grants)),
    )


@contextmanager
def maintained(conn: Connection) -> Iterator[None]:
    """Keep the summaries in step with the imports committed or undone inside the block.

    Every import and undo records an audit event naming its import in the same transaction
    (`arena.auth.record`): on leaving the block the projects those imports touched are
    recomputed, before the caller commits. A block that raises refreshes nothing: its
    transaction rolls back with everything it wrote.
    """
    mark = conn.execute(sa.select(sa.func.coalesce(sa.func.max(audit_event.c.id), 0))).scalar()
    yield
    imports = sa.select(audit_event.c.import_id).where(
        audit_event.c.id > mark, audit_event.c.import_id.is_not(None)
    )
    if conn.execute(imports.limit(1)).first() is not None:
        refresh(conn, project_ids=touched_projects(imports, dialect=conn.dialect.name))
