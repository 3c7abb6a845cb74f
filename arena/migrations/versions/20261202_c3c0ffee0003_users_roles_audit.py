"""users, roles and the audit log

Revision ID: c3c0ffee0003
Revises: b2c0ffee0002
Create Date: 2026-12-02 09:00:00

Sign-in and roles (issue 10): the people who may sign in (`app_user`, by lower-case e-mail),
the roles they hold (`user_role`; a funder role names its funder organisation), and the audit
log of every import, undo, replace and role change (`audit_event`).

The audit log is append-only in the database itself, not only by convention in the code: a
trigger refuses every UPDATE and DELETE of its rows, on SQLite and on PostgreSQL alike, so
nothing, not even a script that bypasses `arena`, edits what was recorded.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "c3c0ffee0003"
down_revision: str | None = "b2c0ffee0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The codes as they were when this was written: a migration must keep doing what it did.
ROLES = ("viewer", "funder", "editor", "admin")
ACTIONS = ("import", "undo", "replace", "role_add", "role_remove", "user_remove")
APPEND_ONLY = "audit_event is append-only"


def _text() -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString()


def _in(column: str, codes: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{code}'" for code in codes)
    return f"{column} IN ({listed})"


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", _text(), nullable=False),
        sa.Column("name", _text(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint("email = lower(email)", name="ck_app_user_email_lower"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    op.create_table(
        "user_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", _text(), nullable=False),
        sa.Column("funder_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(_in("role", ROLES), name="ck_user_role_role"),
        sa.CheckConstraint(
            "(role = 'funder') = (funder_id IS NOT NULL)", name="ck_user_role_funder"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["funder_id"], ["organisation.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "role", "funder_id", name="uq_user_role"),
    )
    for column in ("user_id", "funder_id"):
        op.create_index(op.f(f"ix_user_role_{column}"), "user_role", [column], unique=False)
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("actor_subject", _text(), nullable=False),
        sa.Column("actor_name", _text(), nullable=True),
        sa.Column("action", _text(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("detail", _text(), nullable=False),
        sa.CheckConstraint(_in("action", ACTIONS), name="ck_audit_event_action"),
        sa.ForeignKeyConstraint(["import_id"], ["import_run.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("at", "actor_subject", "import_id"):
        op.create_index(op.f(f"ix_audit_event_{column}"), "audit_event", [column], unique=False)
    _append_only()


def _append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
            "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()"
        )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_event_no_{event.lower()} BEFORE {event} ON audit_event "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
        )


def downgrade() -> None:
    # Dropping the table drops its triggers; PostgreSQL's trigger function stays otherwise.
    for column in ("import_id", "actor_subject", "at"):
        op.drop_index(op.f(f"ix_audit_event_{column}"), table_name="audit_event")
    op.drop_table("audit_event")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION audit_event_append_only()")
    for column in ("funder_id", "user_id"):
        op.drop_index(op.f(f"ix_user_role_{column}"), table_name="user_role")
    op.drop_table("user_role")
    op.drop_table("app_user")
