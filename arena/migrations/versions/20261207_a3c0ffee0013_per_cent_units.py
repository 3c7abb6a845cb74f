"""an indicator's unit in per cent is "%" however a file spelled it

Revision ID: a3c0ffee0013
Revises: f2c0ffee0012
Create Date: 2026-12-07 09:00:00

The pages read only the unit "%" as per cent (a value 4.6 is 4,6 %). Imports kept an
indicator's unit as written, so one whose file said "procent", "Per cent", "%-andel" or
"andel (%)" had its values shown as bare numbers. Imports now store such a unit as "%"
(`arena.ingest.values.parse_unit`); this rewrites the units stored before, and the rows the
import history recorded of those indicators, so an undo of an earlier import still finds the
indicators as that import left them. The rule is written out here rather than imported from
`arena.ingest`: a migration must keep doing what it did when it was written.
"""

import json
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a3c0ffee0013"
down_revision: str | None = "f2c0ffee0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PER_CENT = "%"
# As arena.ingest.values._PER_CENT_WORDS and _BESIDE_THE_SIGN when this was written.
_PER_CENT_WORDS = frozenset(
    {"procent", "percent", "percentage", "pct", "procentandel", "andeliprocent", "andelprocent"}
    | {"shareinpercent", "sharepercent", "percentageshare"}
)
_BESIDE_THE_SIGN = _PER_CENT_WORDS | {"", "andel", "andeli", "share"}


def _folded(text: str) -> str:
    """`text` as lower case ASCII letters and digits only (arena.ingest.values._folded)."""
    folded = text.casefold().replace("ø", "o").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(char for char in decomposed if "a" <= char <= "z" or "0" <= char <= "9")


def _per_cent(unit: str) -> bool:
    """Whether a unit other than "%" spells per cent."""
    key = _folded(unit)
    return unit != PER_CENT and (
        key in _PER_CENT_WORDS or (PER_CENT in unit and key in _BESIDE_THE_SIGN)
    )


def upgrade() -> None:
    bind = op.get_bind()
    units = set(bind.execute(sa.text("SELECT DISTINCT unit FROM indicator")).scalars())
    # The spellings the history holds too: an import recorded an indicator as it left it
    # (after) and as it found it (before), and a later one may have changed its unit since.
    records = bind.execute(
        sa.text("SELECT before, after FROM import_change WHERE table_name = 'indicators'")
    )
    for row in records:
        for text in row:
            if text is not None and isinstance(unit := json.loads(text).get("unit"), str):
                units.add(unit)
    for unit in sorted(filter(_per_cent, units)):
        bind.execute(
            sa.text("UPDATE indicator SET unit = :per_cent WHERE unit = :unit"),
            {"per_cent": PER_CENT, "unit": unit},
        )
        # The field as arena.ingest.apply writes it (json.dumps, ensure_ascii off); NULL rows
        # stay NULL.
        bind.execute(
            sa.text(
                "UPDATE import_change SET before = replace(before, :old, :new), "
                "after = replace(after, :old, :new) WHERE table_name = 'indicators'"
            ),
            {
                "old": '"unit": ' + json.dumps(unit, ensure_ascii=False),
                "new": '"unit": ' + json.dumps(PER_CENT),
            },
        )


def downgrade() -> None:
    """Nothing to put back: which spelling each unit had is not kept, and "%" is per cent to
    the older code too."""
