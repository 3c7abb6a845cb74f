"""Alembic environment: runs on the connection `arena.store.migrate` hands over.

`render_as_batch` lets later migrations alter tables on SQLite (which cannot ALTER most things)
as well as on PostgreSQL.
"""

from alembic import context
from sqlmodel import SQLModel

import arena.models  # noqa: F401  (registers the tables on the metadata)
from arena.store import get_engine

target_metadata = SQLModel.metadata


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        # `arena.store.migrate` notes each migration as it is applied, to say what it did.
        on_version_apply=context.config.attributes.get("on_version_apply"),
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:  # `alembic` run from the command line (e.g. to autogenerate a revision)
    with get_engine().begin() as conn:
        run_migrations(conn)
