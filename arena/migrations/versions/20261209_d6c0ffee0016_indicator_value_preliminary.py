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

# As arena.ingest.values (PRELIMINARY_MARK, preliminary_marks, is_preliminary) when this was
# written; tests/unit/test_preliminary.py checks that the two read every note alike.
_PRELIMINARY_WORD = r"(?:prelim\w*|prel\b\.?|provisional\w*|provisori\w*|forel[øo][pb]ig\w*)"
_FINAL_WORD = (
    r"(?:slutlig\w*|slutgiltig\w*|fastställ(?:d|t|da|de)\b|definitiv\w*|final(?:i[sz]ed)?\b)"
)
_NEGATION = r"(?:(?:ej|inte|icke)(?:\s+(?:längre|ännu))?|not(?:\s+(?:longer|yet))?|no\s+longer|non)"
_WAS = (
    r"(?:tidigare|förut|was|were|previously|formerly|earlier|ersätter|ersatte|replaces|"
    r"replaced|revised\s+from|reviderad\w*\s+från)"
)
_FILLERS = r"(?:(?:en|ett|någon|något|några|a|an|any|the|längre|ännu|yet|helt)\s+){0,2}"
PRELIMINARY_FLAG = r"(?:\*+|p\.?\**)"
# A finality announced for later is no finality: "Definitiva siffror publiceras 2026",
# "Slutligt värde publiceras i juni", "Final figure due in May", "definitivt i maj".
_FINAL_NOUN = r"(?:siffr\w*|värde\w*|tal|tall|uppgift\w*|utfall\w*|figures?|values?|data|numbers?)"
_MONTH = (
    r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:s|ch)?|apr(?:il)?|maj|may|jun[ie]?|"
    r"jul[iy]?|aug(?:usti|ust)?|sep(?:t|tember)?|o[kc]t(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"(?:19|20)\d\d)"
)
_LATER_WORD = r"(?:publiceras|kommer|väntas|due|expected)"
_LATER = (
    rf"{_FINAL_WORD}(?:\s+{_FINAL_NOUN})?\s+(?:{_LATER_WORD}\b"
    rf"(?:\s+(?:\w+\s+){{0,2}}?{_MONTH}\b)?|(?:i|in)\s+{_MONTH}\b)"
)
PRELIMINARY_MARK = re.compile(
    rf"(?<!\w)(?:(?P<denied>(?:{_NEGATION}|{_WAS})[\s-]+{_FILLERS}{_PRELIMINARY_WORD})"
    rf"|(?P<unfinal>{_NEGATION}[\s-]+{_FILLERS}{_FINAL_WORD})"
    rf"|(?P<later>{_LATER})|(?P<final>{_FINAL_WORD})|(?P<mark>{_PRELIMINARY_WORD})"
    rf"|(?P<bracketed>[(\[]\s*p\.?\s*[)\]])|(?P<flag>\A\s*{PRELIMINARY_FLAG}\s*\Z))",
    re.IGNORECASE,
)
# A word that, beside a finality word in a part of its own, says nothing else: "nu slutlig",
# "Slutligt värde", "final figures".
_FINAL_BESIDE = frozenset(
    {"nu", "now", "är", "is", "numera", "värde", "värdet", "värden", "siffra", "siffran"}
    | {"siffror", "uppgift", "uppgiften", "uppgifter", "figure", "figures", "value", "values"}
    | {"data", "utfall", "tal", "tall", "version"}
)
# Where a note's parts part, to find a finality word on its own: "Final (was provisional)".
_NOTE_PART_END = re.compile(r"[;,:()\[\]]|\.(?=\s|$)|\s[\u2013\u2014-]\s")


def _stands_alone(note: str, final: re.Match[str]) -> bool:
    """Whether the finality word `final` of `note` is a part of it on its own."""
    ends = [0, *(e for m in _NOTE_PART_END.finditer(note) for e in (m.start(), m.end())), len(note)]
    start = max(e for e in ends if e <= final.start())
    end = min(e for e in ends if e >= final.end())
    beside = note[start : final.start()] + " " + note[final.end() : end]
    return set(re.findall(r"\w+", beside.casefold())) <= _FINAL_BESIDE


def preliminary_marks(note: object) -> list[re.Match[str]]:
    """The places in `note` that mark its value preliminary (`PRELIMINARY_MARK`'s `mark`,
    `unfinal`, `later`, `bracketed` and `flag`), first to last; none where `note` is no text
    or says the value is final (a finality word on its own) after its last mark: notes are
    added to over time, the wide reader adds its mark last, so "Final; Preliminärt" is
    preliminary and "Preliminär; slutlig" final."""
    if not isinstance(note, str):
        return []
    found = list(PRELIMINARY_MARK.finditer(note))
    marks = [m for m in found if not (m.group("denied") or m.group("final"))]
    finals = [m for m in found if m.group("final") and _stands_alone(note, m)]
    if finals and (not marks or finals[-1].start() > marks[-1].start()):
        return []
    return marks


def is_preliminary(note: object) -> bool:
    """Whether `note` marks its value preliminary (arena.ingest.values.is_preliminary)."""
    return bool(preliminary_marks(note))


_BATCH = 10_000


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
