"""project places: the counties and organisation kinds taking part in each project

Revision ID: f6c0ffee0006
Revises: e5c0ffee0005
Create Date: 2026-12-02 13:20:00

At 100 000 projects (350 000 participants) the county and level filters, the county facet and
the county x level figure each joined every participant and coordinator to its organisation
(1-1.6 s each at every cold start of the Overview, issue 11). `project_place` holds each
(county, organisation kind) taking part in a project once, with covering indexes from a county
or a kind to its projects; `arena.summaries` keeps it in the transaction of every import and
undo. Upgrading fills it from the data already stored.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "f6c0ffee0006"
down_revision: str | None = "e5c0ffee0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The places as the tables are at this revision, written out here (a migration must keep
# doing what it did, whatever `arena.summaries` becomes): the coordinator and every
# participant, each distinct (county, kind) of their organisations once per project.
FILL = """
INSERT INTO project_place (project_id, county, kind)
SELECT DISTINCT involved.project_id, o.county, o.kind FROM (
    SELECT project_id, organisation_id FROM project_participant
    UNION ALL
    SELECT id, coordinator_id FROM project WHERE coordinator_id IS NOT NULL
) AS involved
JOIN organisation o ON o.id = involved.organisation_id
"""

# (index name, columns); the project index serves the refresh and the cascade.
INDEXES = [
    ("ix_project_place_project_id", ["project_id"]),
    ("ix_project_place_county", ["county", "kind", "project_id"]),
    ("ix_project_place_kind", ["kind", "county", "project_id"]),
]


def upgrade() -> None:
    op.create_table(
        "project_place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("county", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    # Filled before the indexes: one sort per index instead of keeping three up per row.
    op.execute(FILL)
    for name, columns in INDEXES:
        op.create_index(name, "project_place", columns, unique=False)


def downgrade() -> None:
    for name, _ in reversed(INDEXES):
        op.drop_index(name, table_name="project_place")
    op.drop_table("project_place")
