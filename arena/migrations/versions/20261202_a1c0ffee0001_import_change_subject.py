"""import changes know their project

Revision ID: a1c0ffee0001
Revises: 8b888f75ea44
Create Date: 2026-12-02 07:30:00

The project page used to find the imports that touched a project by matching text inside the
recorded JSON (`LIKE '%"project_reference": "..."%'`). Each change now carries the reference of
the project its row belonged to before and after the import, in two indexed columns, and the
rows recorded so far are filled in here from their JSON. The (table, row key) index served only
that old lookup (undo reads a change by its import), so it goes.

The rules are written out here rather than imported from `arena.ingest`: a migration must keep
doing what it did when it was written, whatever the import code becomes.
"""

import json
from collections.abc import Iterator, Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op

revision: str = "a1c0ffee0001"
down_revision: str | None = "8b888f75ea44"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000  # recorded rows read and updated at a time: a large history never sits in memory

_changes = sa.table(
    "import_change",
    sa.column("id", sa.Integer),
    sa.column("table_name", sa.String),
    sa.column("before", sa.String),
    sa.column("after", sa.String),
    sa.column("project_before", sa.String),
    sa.column("project_after", sa.String),
)


def upgrade() -> None:
    # In place (ALTER TABLE), no batch rebuild of the table on SQLite: nothing here needs one.
    for name in ("project_before", "project_after"):
        op.add_column(
            "import_change",
            sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        )
    op.drop_index("ix_import_change_row", table_name="import_change")
    _backfill(op.get_bind())
    for name in ("project_before", "project_after"):
        op.create_index(op.f(f"ix_import_change_{name}"), "import_change", [name], unique=False)


def downgrade() -> None:
    # SQLite drops a column in place since 3.35, once no index names it.
    for name in ("project_after", "project_before"):
        op.drop_index(op.f(f"ix_import_change_{name}"), table_name="import_change")
        op.drop_column("import_change", name)
    op.create_index(
        "ix_import_change_row", "import_change", ["table_name", "row_key"], unique=False
    )


def _batches(conn: sa.Connection, columns: list[str], where: sa.ColumnElement) -> Iterator[list]:
    """The recorded changes matching `where`, `BATCH` rows at a time in id order."""
    last = 0
    while True:
        rows = conn.execute(
            sa.select(_changes.c.id, *(_changes.c[name] for name in columns))
            .where(where, _changes.c.id > last)
            .order_by(_changes.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _grant_projects(conn: sa.Connection) -> dict[str, str]:
    """Grant reference -> its project's reference: the grants stored now, and for grants since
    deleted, the project their latest recorded image names."""
    projects: dict[str, str] = {}
    for batch in _batches(conn, ["before", "after"], _changes.c.table_name == "grants"):
        for _id, before, after in batch:
            image = json.loads(after or before)
            if image.get("project_reference") is not None:
                projects[image["reference"]] = image["project_reference"]
    stored = conn.execute(
        sa.text(
            "SELECT grant_award.reference, project.reference FROM grant_award "
            "JOIN project ON project.id = grant_award.project_id"
        )
    )
    projects.update(dict(stored.all()))
    return projects


def _project_of(table_name: str, document: str | None, grants: dict[str, str]) -> str | None:
    """The project a recorded row image belongs to (None for no image or no project)."""
    if document is None:
        return None
    image = json.loads(document)
    if table_name == "projects":
        return image.get("reference")
    if table_name == "disbursements":
        return grants.get(image.get("grant_reference"))
    return image.get("project_reference")


def _backfill(conn: sa.Connection) -> None:
    grants = _grant_projects(conn)
    update = (
        sa.update(_changes)
        .where(_changes.c.id == sa.bindparam("change_id"))
        .values(project_before=sa.bindparam("before_ref"), project_after=sa.bindparam("after_ref"))
    )
    for batch in _batches(conn, ["table_name", "before", "after"], sa.true()):
        values = [
            {
                "change_id": change_id,
                "before_ref": _project_of(table_name, before, grants),
                "after_ref": _project_of(table_name, after, grants),
            }
            for change_id, table_name, before, after in batch
        ]
        values = [row for row in values if row["before_ref"] or row["after_ref"]]
        if values:
            conn.execute(update, values)
