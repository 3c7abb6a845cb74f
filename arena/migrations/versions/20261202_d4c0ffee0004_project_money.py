"""project money per funder and year: the summary the money figures read

Revision ID: d4c0ffee0004
Revises: c3c0ffee0003
Create Date: 2026-12-02 10:30:00

At 100 000 projects (a million spend lines) grouping the money tables at every cold start
took most of the Overview's time (issue 11). `project_money` holds each project's granted,
disbursed and spent money per funder and calendar year; `arena.summaries` keeps it in the
transaction of every import and undo. Upgrading fills it from the data already stored, so a
deployed store answers from it at once.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d4c0ffee0004"
down_revision: str | None = "c3c0ffee0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The sums as the tables are at this revision, written out here (a migration must keep doing
# what it did, whatever `arena.summaries` becomes): grants by decision date (start date without
# one), payments by payment date under the grant's funder, project spend by date, no funder.
FILL = """
INSERT INTO project_money (project_id, funder_id, year, granted_sek, disbursed_sek, spent_sek)
SELECT project_id, funder_id, year, sum(granted), sum(disbursed), sum(spent) FROM (
    SELECT g.project_id, g.funder_id, {grant_year} AS year,
           g.amount_sek AS granted, 0 AS disbursed, 0 AS spent
    FROM grant_award g
    UNION ALL
    SELECT g.project_id, g.funder_id, {paid_year}, 0, d.amount_sek, 0
    FROM disbursement d JOIN grant_award g ON g.id = d.grant_id
    UNION ALL
    SELECT p.id, NULL, {spent_year}, 0, 0, e.amount_sek
    FROM expenditure e JOIN project p ON p.reference = e.scope_ref
    WHERE e.scope = 'project'
) AS money
GROUP BY project_id, funder_id, year
"""


def _year(column: str) -> str:
    if op.get_bind().dialect.name == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"
    return f"CAST(strftime('%Y', {column}) AS INTEGER)"


def upgrade() -> None:
    op.create_table(
        "project_money",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("funder_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("granted_sek", sa.BigInteger(), nullable=False),
        sa.Column("disbursed_sek", sa.BigInteger(), nullable=False),
        sa.Column("spent_sek", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_project_money_project_id"), "project_money", ["project_id"], unique=False
    )
    op.execute(
        FILL.format(
            grant_year=_year("coalesce(g.decision_date, g.start_date)"),
            paid_year=_year("d.paid_on"),
            spent_year=_year("e.spent_on"),
        )
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_project_money_project_id"), table_name="project_money")
    op.drop_table("project_money")
