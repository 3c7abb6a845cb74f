"""the audit log records a renamed account

Revision ID: b4c0ffee0014
Revises: a3c0ffee0013
Create Date: 2026-12-07 12:00:00

Giving a person a role with a new name (`users add ... --name`, the Administration page's
name field) renamed their account and recorded nothing: the log only knew imports, undos,
replaces and role changes. The check on `audit_event.action` now takes `user_rename` too.
SQLite changes a CHECK only by copying the table, which drops its append-only triggers: they
are made again, as c3c0ffee0003 made them (PostgreSQL alters the constraint in place, and its
trigger stays).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "b4c0ffee0014"
down_revision: str | None = "a3c0ffee0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The codes as they are when this was written: a migration must keep doing what it did.
BEFORE = ("import", "undo", "replace", "role_add", "role_remove", "user_remove")
AFTER = (*BEFORE, "user_rename")
APPEND_ONLY = "audit_event is append-only"
CHECK = "ck_audit_event_action"


def _in(column: str, codes: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{code}'" for code in codes)
    return f"{column} IN ({listed})"


def _allow(codes: tuple[str, ...]) -> None:
    """The actions the log takes are `codes`."""
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_constraint(CHECK, type_="check")
        batch.create_check_constraint(CHECK, _in("action", codes))
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_event_no_{event.lower()} BEFORE {event} ON audit_event "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
            )


def upgrade() -> None:
    _allow(AFTER)


def downgrade() -> None:
    """Refused by the database while the log holds a rename: its rows are never deleted."""
    _allow(BEFORE)
