"""an indicator value's preliminary mark read once, on import, and stored

Revision ID: d6c0ffee0016
Revises: c5c0ffee0015
Create Date: 2026-12-09 09:00:00

Whether a value was preliminary was read from its note in SQL, `lower(note) LIKE '%prelim%'`:
"Ej preliminärt längre" and "not preliminary" counted as preliminary, "Prel." and
"provisoriskt" did not. The rule is now one function (`arena.ingest.values.is_preliminary`), which
SQL cannot run: the import stores its answer beside the note, `indicator_value.preliminary`,
and the Results page reads that. This adds the column and fills it for the values stored
before. The rule is written out here rather than imported from `arena.ingest`: a migration
must keep doing what it did when it was written (tests/unit/test_store.py checks that the two
agree on the notes the rule was written for).
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d6c0ffee0016"
down_revision: str | None = "c5c0ffee0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As arena.ingest.values.PRELIMINARY_MARK when this was written.
_NEGATION = r"(?:(?:ej|inte|icke)(?:\s+längre)?|not(?:\s+longer)?|no\s+longer|non)[\s-]+"
_MARK = r"(?:prelim\w*|prel\b\.?|provisional\w*|provisori\w*)"
PRELIMINARY_MARK = re.compile(rf"(?<!\w)(?P<negation>{_NEGATION})?(?P<mark>{_MARK})", re.IGNORECASE)
_BATCH = 10_000


def is_preliminary(note: object) -> bool:
    """Whether `note` marks its value preliminary (arena.ingest.values.is_preliminary)."""
    return isinstance(note, str) and any(
        match.group("negation") is None for match in PRELIMINARY_MARK.finditer(note)
    )


def upgrade() -> None:
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("preliminary", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    bind = op.get_bind()
    value = sa.table("indicator_value", sa.column("id"), sa.column("preliminary", sa.Boolean))
    # Only a value with a note can be preliminary; only the preliminary ones are written.
    notes = bind.execute(sa.text("SELECT id, note FROM indicator_value WHERE note IS NOT NULL"))
    marked = [row.id for row in notes if is_preliminary(row.note)]
    for start in range(0, len(marked), _BATCH):
        bind.execute(
            sa.update(value)
            .where(value.c.id.in_(marked[start : start + _BATCH]))
            .values(preliminary=True)
        )


def downgrade() -> None:
    """The mark is read from the note again: nothing is lost with the column."""
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.drop_column("preliminary")
