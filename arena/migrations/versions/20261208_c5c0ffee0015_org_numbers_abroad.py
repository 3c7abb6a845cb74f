"""an organisation number may be Norway's, Denmark's or Finland's

Revision ID: c5c0ffee0015
Revises: b4c0ffee0014
Create Date: 2026-12-08 09:00:00

An organisations or participants list holding a Norwegian partner's "NO 974 760 673 MVA", a
Danish CVR or a Finnish Y-tunnus was refused whole: an organisation number had to be Swedish,
"NNNNNN-NNNN", and the check on `organisation.org_number` said so. Imports now store the
neighbours' numbers with their country's two letters first, "NO974760673", "DK12345678",
"FI0201256-6" (`arena.ingest.values.parse_org_number`), which no Swedish number can be; the
check takes those forms too. Stored rows are Swedish numbers and stay as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c5c0ffee0015"
down_revision: str | None = "b4c0ffee0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECK = "ck_organisation_org_number"
# The forms as they are when this was written: a migration must keep doing what it did.
SWEDISH = "org_number LIKE '______-____'"
ABROAD = (
    "org_number LIKE 'NO_________' OR org_number LIKE 'DK________' OR org_number LIKE 'FI_______-_'"
)


def _allow(before: str, after: str) -> None:
    """The numbers the check takes are `after`, where they were `before`. PostgreSQL alters the
    check in place. SQLite changes a CHECK only by copying the table, and dropping the old copy
    is refused while projects, members and grants refer to its organisations (their keys
    RESTRICT, which no deferring lifts): the check is rewritten in the table's schema, as
    SQLite's manual describes for a CHECK made looser (ALTER TABLE, "making other kinds of table
    schema changes"); the stored rows already pass both checks (`downgrade` sees to it)."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        with op.batch_alter_table("organisation") as batch:
            batch.drop_constraint(CHECK, type_="check")
            batch.create_check_constraint(CHECK, after)
        return
    query = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'organisation'"
    schema = bind.exec_driver_sql(query).scalar()
    written = f"CONSTRAINT {CHECK} CHECK ({before})"
    if schema.count(written) != 1:
        raise RuntimeError(f"organisation's schema has no check {CHECK} as {before!r}")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'organisation'",
        (schema.replace(written, f"CONSTRAINT {CHECK} CHECK ({after})"),),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    _allow(SWEDISH, f"{SWEDISH} OR {ABROAD}")


def downgrade() -> None:
    """Refused while an organisation holds a number abroad: the older schema has no place for
    it, and dropping it would lose what names the organisation. Clear those numbers first."""
    abroad = (
        op.get_bind()
        .execute(sa.text(f"SELECT name FROM organisation WHERE NOT ({SWEDISH})"))
        .scalars()
        .all()
    )
    if abroad:
        listed = ", ".join(sorted(abroad)[:5])
        raise RuntimeError(
            f"{len(abroad)} organisations hold an organisation number from abroad ({listed}), "
            "which the schema before c5c0ffee0015 cannot store: remove those numbers first."
        )
    _allow(f"{SWEDISH} OR {ABROAD}", SWEDISH)
