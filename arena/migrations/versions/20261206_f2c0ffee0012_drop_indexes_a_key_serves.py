"""no index of its own for a column that leads its table's unique key

Revision ID: f2c0ffee0012
Revises: e1c0ffee0011
Create Date: 2026-12-06 01:30:00

Every foreign key had an index of its own. Six of them lead their table's unique key (a
payment's grant leads grant, day and reference), and that key's index serves every lookup by
the column alone, in SQLite and PostgreSQL alike, as well as the search for a deleted
parent's children. Their own indexes were never read by a page (every page's queries were
planned on a store of 100 000 projects) and cost every insert: at that size 350 000
participants, 300 000 payments and 30 000 indicator values wrote each row into one index more
(issue 11). Dropping them loses no row and no check.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "f2c0ffee0012"
down_revision: str | None = "e1c0ffee0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, index name, column): the column leads the table's unique key.
INDEXES = [
    ("budget_allocation", "ix_budget_allocation_programme_id", "programme_id"),
    ("project_participant", "ix_project_participant_project_id", "project_id"),
    ("buyer_group_member", "ix_buyer_group_member_buyer_group_id", "buyer_group_id"),
    ("disbursement", "ix_disbursement_grant_id", "grant_id"),
    ("indicator_value", "ix_indicator_value_indicator_id", "indicator_id"),
    ("user_role", "ix_user_role_user_id", "user_id"),
]


def upgrade() -> None:
    for table, name, _ in INDEXES:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for table, name, column in reversed(INDEXES):
        op.create_index(name, table, [column], unique=False)
