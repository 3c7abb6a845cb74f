"""indexes for the dates the cold pages read at scale

Revision ID: e5c0ffee0005
Revises: d4c0ffee0004
Create Date: 2026-12-02 11:40:00

At 100 000 projects (issue 11) the filter's year range read the extremes of every project,
payment and spend date by scanning their tables (a million spend lines), and the open reports
(late, due within 30 days) were found by scanning every milestone. With these indexes the
database reads the extremes from an index end and the open reports from a range.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "e5c0ffee0005"
down_revision: str | None = "d4c0ffee0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, index name, columns)
INDEXES = [
    ("project", "ix_project_start_date", ["start_date"]),
    ("project", "ix_project_end_date", ["end_date"]),
    ("disbursement", "ix_disbursement_paid_on", ["paid_on"]),
    ("expenditure", "ix_expenditure_spent_on", ["spent_on"]),
    ("milestone", "ix_milestone_open", ["scope", "delivered_date", "due_date"]),
]


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for table, name, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
