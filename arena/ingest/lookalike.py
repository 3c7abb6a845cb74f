"""New diarienummer and grant references that look like ones the store or the upload already
holds, warned of in the preview; and the names one Swedish public body goes by
(`public_body_key`), which the preview's similar names rank first.

A reference is a code that people retype: Word and Outlook turn its hyphen into an en dash
("2019–01234"), a list writes "Dnr 2020-00099" or drops the zeros ("2018-4510"). Each such
spelling was a second project (or grant) beside the real one, its money counted twice, and
nothing said so. Nothing is changed here (a reference may really be new, and "2018-4510" may
be a project of its own): the preview names the reference it looks like, as it names the
stored organisations a new name is close to, and the person decides.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

from arena.i18n import msg
from arena.ingest.names import has_legal_form, name_key
from arena.ingest.natural import key_ids
from arena.ingest.report import Problem, listing, quoted

if TYPE_CHECKING:  # the plan calls this module
    from arena.ingest.plan import KindPlan
    from arena.ingest.validate import ParsedTable

# The kinds known by a reference people type: a diarienummer, a grant's reference.
KINDS = ("projects", "grants")
# Run once over all references joined by line feeds (a reference holds none: `clean_text`),
# not per reference: a key each for 200 000 references took 0.3 s, a tenth of a big import;
# so too the separators are mapped by a table, not a pattern (0.14 s of it).
_SEPARATORS = str.maketrans(
    dict.fromkeys(" .,:;/\\_#()[]\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
)
_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")  # "04510" -> "4510"
_HYPHENS = re.compile(r"--+")
# Words a reference may be written after: "Dnr 2020-00099", "Diarienr. 2020-00099".
_PREFIX = re.compile(r"^-*(?:dnr|diarienr|diarienummer|nr)-+(?=[^-\n])", re.MULTILINE)
_SHOWN = 3  # references named per warning


def lookalike_keys(references: list[str]) -> list[str]:
    """What each reference is once its spelling is set aside, lower case, its separators
    (hyphens of every kind, spaces, dots, slashes) one hyphen, the zeros before a number and
    a leading "Dnr" dropped: "Dnr 2019–01234" and "2019-1234" are both "2019-1234"."""
    if not references:
        return []
    text = "\n".join(references).casefold().translate(_SEPARATORS)
    text = _PREFIX.sub("", _HYPHENS.sub("-", _ZEROS.sub("", text)))
    return [key.strip("-") for key in text.split("\n")]


def lookalike_problems(
    conn: Connection, plans: list[KindPlan], tables: dict[str, ParsedTable]
) -> list[Problem]:
    """A warning for each new reference of `KINDS` that looks like another one the store or
    the upload holds (`lookalike_keys`), naming it, at the new row's line. Not for keys a
    layout made up (a flat sheet's grant is known by its project's diarienummer, which is
    warned of as the project's)."""
    problems = []
    for plan in plans:
        table = tables.get(plan.kind.name)
        if plan.kind.name not in KINDS or table is None or table.matching:
            continue
        if not len(plan.new_rows):
            continue
        new = [str(reference) for reference in plan.new_rows["reference"].tolist()]
        keys = lookalike_keys(new)
        # Keys and references are distinct within each side (a reference is a row's key):
        # a key held twice is two spellings. Only those are looked at row by row.
        held: dict[str, list[str]] = defaultdict(list)  # the stored ones first
        counted = Counter(keys)
        stored = [str(reference) for reference in key_ids(conn, plan.kind.name)]
        for reference, key in zip(stored, lookalike_keys(stored), strict=True):
            if key in counted:
                held[key].append(reference)
        twice = {key for key, count in counted.items() if count > 1} | set(held)
        for reference, key in zip(new, keys, strict=True):
            if key in twice:
                held[key].append(reference)
        for line, reference, key in zip(plan.new_rows.index, new, keys, strict=True):
            if key not in twice:
                continue
            others = [other for other in held[key] if other != reference]
            if others:
                problems.append(
                    Problem(
                        "unique-error",
                        msg(
                            "problem.lookalike_reference",
                            reference=quoted(reference),
                            others=listing([quoted(other) for other in others[:_SHOWN]]),
                        ),
                        row=int(line),
                        column=table.label("reference"),
                        value=reference,
                        severity="warning",
                        table=plan.kind.name,
                    )
                )
    return problems


# The forms of the names of Sweden's regions and municipalities, on `name_key`'s folded text
# (no accents, case or punctuation, so "Region X:s" is "region x s"): each gives the kind of
# body and the place. "Region X" is "X-regionen", "Xregionen" (the place's genitive s dropped:
# "Västra Götalandsregionen"), "Landstinget X" and "X läns landsting", the regions' old
# names; "X kommun" is "X stad" and "Xs stad" ("Göteborgs Stad", "Malmö stad").
_BODY_FORMS = (
    ("region", re.compile(r"^region (?P<place>.+?)(?: s(?: .*)?)?$")),
    ("region", re.compile(r"^(?P<place>.+?) ?regionen$")),
    ("region", re.compile(r"^landstinget (?:i )?(?P<place>.+)$")),
    ("region", re.compile(r"^(?P<place>.+?) lans landsting$")),
    ("kommun", re.compile(r"^(?P<place>.+?) (?:kommun|stad)$")),
)


def public_body_key(name: str) -> tuple[str, str] | None:
    """The kind of public body and its place that `name` names by one of the Swedish forms
    of such names (`_BODY_FORMS`), the place without a genitive s: "Västra Götalandsregionen"
    and "Region Västra Götaland" are ("region", "vastra gotaland"), "Göteborgs Stad" and
    "Göteborgs kommun" ("kommun", "goteborg"), "Landstinget i Uppsala län", "Region Uppsala
    län" and "Uppsala läns landsting" ("region", "uppsala"), `län` or `läns` after the place
    dropped on every form; None for any other name. A hint for the
    preview's similar names, never a match: the person decides.

    Why: a new "Region Västra Götaland" was said to be similar to Region Östergötland, not
    to the stored Västra Götalandsregionen, and "Göteborgs Stad" to nothing, though the store
    held Göteborgs kommun."""
    if has_legal_form(name):  # a company of the place: "Region Uppsala län AB"
        return None
    key = name_key(name)
    for body, form in _BODY_FORMS:
        found = form.match(key)
        if found is not None:
            # The county the place is named with ("Uppsala län", "Jönköpings läns") is the
            # place itself, whatever the form: "Region Örebro län" is "Region Örebro".
            place = re.sub(r"(?: lans?)+$", "", found["place"].strip()).strip()
            if place.endswith("s") and len(place) > 3:
                place = place[:-1]
            return (body, place) if place else None
    return None
