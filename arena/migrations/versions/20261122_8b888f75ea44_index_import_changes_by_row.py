"""index import changes by row

Revision ID: 8b888f75ea44
Revises: 364b8451a16e
Create Date: 2026-11-22 00:57:18.420322
"""

from collections.abc import Sequence

import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op

revision: str = "8b888f75ea44"
down_revision: str | None = "364b8451a16e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("import_change", schema=None) as batch_op:
        batch_op.create_index("ix_import_change_row", ["table_name", "row_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("import_change", schema=None) as batch_op:
        batch_op.drop_index("ix_import_change_row")
