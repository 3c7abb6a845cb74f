"""programmes, networks and efforts

Revision ID: b2c0ffee0002
Revises: a1c0ffee0001
Create Date: 2026-12-02 08:00:00

The missing half of the arena (issue 9): programmes get a kind and Agenda 2030 goals; the
indicator registry gets owner, update frequency, direction, measure and programme; buyer groups
become networks with a kind and a number of countries, members get a role, projects name the
group that procures them; and the arena's activities, one of seven efforts each, get a table.

Every new column is added in place (`ALTER TABLE ... ADD COLUMN`) with its foreign key and check
written on the column, on SQLite as on PostgreSQL. Batch mode would rebuild the tables on SQLite,
and dropping the old copy of a parent table with foreign keys on deletes its children
(budgets, participants, indicator values) through ON DELETE CASCADE. Rows that existed before
take the server defaults: every buyer group is a `buyer_group`, every indicator `increase`s;
nothing is guessed from names. SQLite drops a column with its own foreign key and check in place
since 3.35, so the downgrade needs no rebuild either.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op

revision: str = "b2c0ffee0002"
down_revision: str | None = "a1c0ffee0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The codes as they were when this was written: a migration must keep doing what it did.
PROGRAMME_KINDS = ("government_assignment", "funding_programme", "network_project")
NETWORK_KINDS = ("buyer_group", "buyer_network", "international_network")
EFFORTS = (
    "knowledge_sharing",
    "pioneer_relay",
    "buyer_network",
    "sectoral_arena",
    "expert_support",
    "experience_exchange",
    "financing",
)
DIRECTIONS = ("increase", "decrease")
FREQUENCIES = ("monthly", "quarterly", "yearly", "once", "irregular")


def _in(column: str, codes: tuple[str, ...], *, nullable: bool) -> str:
    listed = ", ".join(f"'{code}'" for code in codes)
    check = f"{column} IN ({listed})"
    return f"{column} IS NULL OR {check}" if nullable else check


def _text() -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString()


def _reference(table: str, column: str, target: str) -> None:
    """A nullable foreign key column, written inline, and the index `_fk` gives it in the models."""
    op.add_column(
        table,
        sa.Column(column, sa.Integer(), sa.ForeignKey(f"{target}.id", ondelete="RESTRICT")),
        inline_references=True,
    )
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    op.add_column(
        "programme",
        sa.Column(
            "kind",
            _text(),
            sa.CheckConstraint(
                _in("kind", PROGRAMME_KINDS, nullable=True), name="ck_programme_kind"
            ),
            nullable=True,
        ),
    )
    op.add_column("programme", sa.Column("sdg_goals", _text(), nullable=True))

    _reference("indicator", "owner_id", "organisation")
    op.add_column(
        "indicator",
        sa.Column(
            "frequency",
            _text(),
            sa.CheckConstraint(
                _in("frequency", FREQUENCIES, nullable=True), name="ck_indicator_frequency"
            ),
            nullable=True,
        ),
    )
    op.add_column(
        "indicator",
        sa.Column(
            "direction",
            _text(),
            sa.CheckConstraint(
                _in("direction", DIRECTIONS, nullable=False), name="ck_indicator_direction"
            ),
            nullable=False,
            server_default="increase",
        ),
    )
    op.add_column("indicator", sa.Column("measure", _text(), nullable=True))
    _reference("indicator", "programme_id", "programme")

    op.add_column(
        "buyer_group",
        sa.Column(
            "kind",
            _text(),
            sa.CheckConstraint(
                _in("kind", NETWORK_KINDS, nullable=False), name="ck_buyer_group_kind"
            ),
            nullable=False,
            server_default="buyer_group",
        ),
    )
    op.add_column(
        "buyer_group",
        sa.Column(
            "countries",
            sa.Integer(),
            sa.CheckConstraint(
                "countries IS NULL OR countries >= 1", name="ck_buyer_group_countries"
            ),
            nullable=True,
        ),
    )
    op.add_column("buyer_group_member", sa.Column("role", _text(), nullable=True))
    _reference("project", "buyer_group_id", "buyer_group")

    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", _text(), nullable=False),
        sa.Column("effort", _text(), nullable=False),
        sa.Column("title", _text(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("reach", sa.Integer(), nullable=True),
        sa.Column("cost_sek", sa.BigInteger(), nullable=True),
        sa.Column("description", _text(), nullable=True),
        sa.Column("source", _text(), nullable=True),
        sa.CheckConstraint(_in("effort", EFFORTS, nullable=False), name="ck_activity_effort"),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="ck_activity_period",
        ),
        sa.CheckConstraint(
            "(participants IS NULL OR participants >= 0) AND (reach IS NULL OR reach >= 0)",
            name="ck_activity_counts",
        ),
        sa.CheckConstraint("cost_sek IS NULL OR cost_sek >= 0", name="ck_activity_cost"),
        sa.ForeignKeyConstraint(["programme_id"], ["programme.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reference"),
    )
    for column in ("programme_id", "effort", "start_date"):
        op.create_index(op.f(f"ix_activity_{column}"), "activity", [column], unique=False)


def downgrade() -> None:
    for column in ("start_date", "effort", "programme_id"):
        op.drop_index(op.f(f"ix_activity_{column}"), table_name="activity")
    op.drop_table("activity")
    for table, column in (
        ("project", "buyer_group_id"),
        ("indicator", "programme_id"),
        ("indicator", "owner_id"),
    ):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
        op.drop_column(table, column)
    op.drop_column("buyer_group_member", "role")
    op.drop_column("buyer_group", "countries")
    op.drop_column("buyer_group", "kind")
    for column in ("measure", "direction", "frequency"):
        op.drop_column("indicator", column)
    op.drop_column("programme", "sdg_goals")
    op.drop_column("programme", "kind")
