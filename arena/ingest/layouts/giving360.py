"""360Giving grants files (https://standard.threesixtygiving.org/), both ways: `split` reads
a grants file into organisations, projects, grants and disbursements; `to_csv` writes the
store's grants as one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from arena import clock, export, models
from arena.domain import ParticipantRole
from arena.i18n import msg
from arena.ingest import values as v
from arena.ingest.layouts.base import (
    Layout,
    Matching,
    Named,
    Part,
    Source,
    first_filled,
    sv_header,
)
from arena.ingest.report import Problem

# The 360Giving grants columns: what the standard requires, and the common optional ones we read
# (the writer writes these first, in this order: `WRITTEN`).
REQUIRED = (
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Award Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Funding Org:Identifier",
    "Funding Org:Name",
)
OPTIONAL = (
    "Planned Dates:Start Date",
    "Planned Dates:End Date",
    "Grant Programme:Title",
    "Amount Disbursed",
)
COLUMNS = (*REQUIRED, *OPTIONAL)
SOURCE = "360Giving"  # the `source` every row read from a grants file is stored with

# ---------------------------------------------------------------------------------------------
# Reading

_SWEDISH_ORG_ID = re.compile(r"SE-(?:BLV|ON)-(?P<number>.+)", re.IGNORECASE)
# The neighbours' registers in org-id.guide, by the country of the numbers stored
# ("NO974760673" is NO-BRC-974760673; "FI0201256-6" FI-PRO-0201256-6, Y-tunnus as written).
_REGISTERS = {"NO": "NO-BRC-", "DK": "DK-CVR-", "FI": "FI-PRO-"}
_ORG_ID_ABROAD = re.compile(r"(?P<country>NO|DK|FI)-(?:BRC|CVR|PRO)-(?P<number>.+)", re.IGNORECASE)
_COUNTRY_PREFIX = re.compile(r"(?P<country>[A-WYZ][A-Z])-", re.IGNORECASE)
# A column with a diarienummer names the project a grant belongs to (several grants may share
# one); without it each grant is its own project, keyed by its Identifier. The writer writes
# the last one, which 360Giving's readers take for an additional field of the grant.
_PROJECT_LABELS = ("Diarienummer", "Dnr", "Projektets diarienummer", "Project reference")
PROJECT_REFERENCE = _PROJECT_LABELS[-1]

# 360Giving identifiers carry a publisher prefix; "360G-" prefixes are self-assigned, so ours is
# "360G-arenamonitor-" + the grant reference (organisations without an organisationsnummer:
# "360G-arenamonitor-org-" + a slug of the name). Organisations with an organisationsnummer
# use the org-id.guide register of Bolagsverket: "SE-BLV-" + the ten digits.
PREFIX = "360G-arenamonitor-"


def _without_prefix(identifier: object) -> object:
    """A grant Identifier `360G-arenamonitor-G-1` as the grant reference it was written from
    (`G-1`): our own export read back finds its grants again, not a copy of each. Other
    publishers' identifiers are kept whole."""
    if isinstance(identifier, str) and identifier.strip().startswith(PREFIX):
        return identifier.strip().removeprefix(PREFIX)
    return identifier


def _org_number(identifier: object) -> object:
    """The organisation number inside an org-id such as `SE-BLV-5560160680`, else empty; a
    neighbour's with its country first, as it is stored (`NO-BRC-974760673`: NO974760673)."""
    text = str(identifier).strip()
    if match := _SWEDISH_ORG_ID.fullmatch(text):
        return match["number"]
    if match := _ORG_ID_ABROAD.fullmatch(text):
        return match["country"].upper() + match["number"]
    return ""


def _country_of(identifier: object) -> str:
    """The country an org-id starts with (`GB-CHC-...` -> GB); blank when it names none: a
    new organisation is then stored in Sweden, a stored one keeps its own, with no word that
    the file says another (`plan._kept_countries`: the stored Belgian "Europeiska
    kommissionen" read back from our own export was said to be in Sweden).

    Prefixes starting with X (XI-, XM-) are international registers, not countries.
    """
    match = _COUNTRY_PREFIX.match(str(identifier).strip())
    return match["country"].upper() if match else ""


def _positive_money(value: object) -> bool:
    """True unless the amount is missing or reads as 0 (an unreadable one is reported later)."""
    if v.is_missing(value):
        return False
    try:
        return v.parse_money(value) > 0
    except v.ValueProblem:
        return True


def _currency_problems(source: Source) -> list[Problem]:
    """Amounts must be in SEK: any other currency is a constraint-error on its row."""
    label = source.shown("Currency")
    problems = []
    for row, currency in zip(source.keep, source.cells("Currency"), strict=True):
        if v.is_missing(currency) or str(currency).strip().upper() != "SEK":
            shown = "" if v.is_missing(currency) else str(currency)
            problems.append(
                Problem(
                    v.CONSTRAINT_ERROR,
                    msg("layout.currency", value=shown),
                    row=source.raw.line_of(row),
                    column=label,
                    value=shown,
                )
            )
    return problems


def _organisations(source: Source, role: str, names: list[object]) -> Named:
    """An organisation column (`Recipient Org`, `Funding Org`) with the number and country its
    org-id (`SE-BLV-5560160680`, `GB-CHC-...`) gives.
    """
    identifiers = source.cells(f"{role}:Identifier")
    label = source.shown(f"{role}:Name")
    return Named(
        label,
        names,
        {
            "org_number": (label, [_org_number(identifier) for identifier in identifiers]),
            "country": (
                sv_header("organisations", "country"),
                [_country_of(identifier) for identifier in identifiers],
            ),
        },
    )


def split(source: Source) -> list[Part]:
    """Recipient and funder, the project per grant, the grant, and what was paid out.

    Status comes from the planned dates compared with today (`Column.guess`). A positive
    `Amount Disbursed` becomes one disbursement dated the award date: 360Giving gives the sum
    paid so far, not the payments, and the award date is the one date the file is sure of.
    """
    identifier = source.cells("Identifier")
    project_label = source.find(_PROJECT_LABELS)
    # Written by Arena Monitor (`to_csv`): our prefix off, the grant's own reference. Its Award
    # Date is the start date where no decision date is stored: it fills a new grant's, and a
    # stored grant keeps its own (read back, our export changes nothing).
    ours = project_label is not None and any(_without_prefix(cell) != cell for cell in identifier)
    if ours:
        identifier = [_without_prefix(cell) for cell in identifier]
    project = first_filled(source.cells(project_label), identifier) if project_label else identifier
    project_shown = source.shown(project_label or "Identifier")
    start = source.cells("Planned Dates:Start Date")
    end = source.cells("Planned Dates:End Date")
    recipients, funders = source.cells("Recipient Org:Name"), source.cells("Funding Org:Name")
    constant = [SOURCE] * len(source.keep)
    source_label = sv_header("grants", "source")
    first_of_project: dict[str, int] = {}
    for position, key in enumerate(project):
        first_of_project.setdefault(v.clean_text(str(key)), position)
    projects = source.part(
        "projects",
        [
            ("reference", project_shown, project),
            ("title", source.shown("Title"), source.cells("Title")),
            ("description", source.shown("Description"), source.cells("Description")),
            ("start_date", source.shown("Planned Dates:Start Date"), start),
            ("end_date", source.shown("Planned Dates:End Date"), end),
            ("coordinator", source.shown("Recipient Org:Name"), recipients),
            ("source", source_label, constant),
        ],
        rows=sorted(first_of_project.values()),
        create_only=True,
    )
    award_date = source.cells("Award Date")
    grants = source.part(
        "grants",
        [
            ("reference", source.shown("Identifier"), identifier),
            ("project_reference", project_shown, project),
            ("funder", source.shown("Funding Org:Name"), funders),
            ("amount_sek", source.shown("Amount Awarded"), source.cells("Amount Awarded")),
            ("decision_date", source.shown("Award Date"), award_date),
            *source.present(
                ("start_date", ("Planned Dates:Start Date",), start),
                ("end_date", ("Planned Dates:End Date",), end),
            ),
            ("source", source_label, constant),
        ],
        # A stored grant keeps where it was first recorded.
        guessed=frozenset({"source", "decision_date"} if ours else {"source"}),
    )
    grants.raw.problems += _currency_problems(source)
    disbursed = source.cells("Amount Disbursed")
    disbursements = source.part(
        "disbursements",
        [
            ("grant_reference", source.shown("Identifier"), identifier),
            ("paid_on", source.shown("Award Date"), award_date),
            ("amount_sek", source.shown("Amount Disbursed"), disbursed),
            ("source", source_label, constant),
        ],
        rows=[i for i, amount in enumerate(disbursed) if _positive_money(amount)],
        guessed=frozenset({"source"}),
        matching=Matching.PAID_SO_FAR,
    )
    organisations = source.organisations(
        [
            _organisations(source, "Recipient Org", recipients),
            _organisations(source, "Funding Org", funders),
        ],
        SOURCE,
    )
    parts = [organisations, projects, grants]
    return [*parts, disbursements] if disbursements.raw.height else parts


LAYOUT = Layout(
    name="360giving",
    required=REQUIRED,
    optional=(*OPTIONAL, *_PROJECT_LABELS),
    split=split,
)

# ---------------------------------------------------------------------------------------------
# Writing

# What the writer writes, in this order: the standard's columns, then the grant's project.
WRITTEN = (*COLUMNS, PROJECT_REFERENCE)


def _slug(name: str) -> str:
    """ "Teknikföretagens Service i Sverige AB" -> "teknikforetagens-service-i-sverige-ab"."""
    folded = name.casefold().replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _org_identifier(name: str | None, org_number: str | None, later: Collection[str]) -> str | None:
    """An organisation's 360Giving identifier: its org-id with an organisation number (Swedish
    or a neighbour's, `_REGISTERS`), else
    our prefix and the slug of its name; for the `later` names, whose slug an organisation
    stored before them already has ("Ockero kommun" after "Öckerö kommun"), the slug and a
    digest of the name, so two organisations never share one identifier."""
    if org_number and org_number[:2] in _REGISTERS:
        return _REGISTERS[org_number[:2]] + org_number[2:]
    if org_number:
        return "SE-BLV-" + org_number.replace("-", "")
    if not name:
        return None
    if name in later:
        return f"{PREFIX}org-{_slug(name)}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
    return f"{PREFIX}org-{_slug(name)}"


def _later_slugs(conn: Connection) -> set[str]:
    """The names of the organisations without an organisationsnummer whose slug one stored
    before them (a lower id) already gives: decided over the whole store, so an organisation's
    identifier is the same in every export, whichever grants it holds."""
    organisation = models.Organisation.__table__
    rows = conn.execute(
        sa.select(organisation.c.name)
        .where(sa.func.coalesce(organisation.c.org_number, "") == "")
        .order_by(organisation.c.id)
    ).scalars()
    first: set[str] = set()
    later = set()
    for name in rows:
        slug = _slug(name)
        if slug in first:
            later.add(name)
        first.add(slug)
    return later


def _select(grant_references: Collection[str] | None, today: date) -> sa.Select:
    """One SELECT of the grants (all, or those referenced) with their project, recipient,
    funder, programme and what was paid out by `today` (`models.paid_by`)."""
    grant = models.Grant.__table__
    project = models.Project.__table__
    programme = models.Programme.__table__
    organisation = models.Organisation.__table__
    participant = models.ProjectParticipant.__table__
    disbursement = models.Disbursement.__table__
    recipient = organisation.alias("recipient")
    funder = organisation.alias("funder")
    # A project without a coordinator column falls back to its participant in that role.
    coordinating = (
        sa.select(
            participant.c.project_id,
            sa.func.min(participant.c.organisation_id).label("organisation_id"),
        )
        .where(participant.c.role == ParticipantRole.COORDINATOR.value)
        .group_by(participant.c.project_id)
        .subquery("coordinating")
    )
    paid = (
        sa.select(
            disbursement.c.grant_id,
            # PostgreSQL sums bigint as numeric: cast back so it arrives as an int.
            sa.cast(sa.func.sum(disbursement.c.amount_sek), sa.BigInteger).label("disbursed"),
        )
        .where(models.paid_by(today))
        .group_by(disbursement.c.grant_id)
        .subquery("paid")
    )
    recipient_id = sa.func.coalesce(project.c.coordinator_id, coordinating.c.organisation_id)
    joined = (
        grant.join(project, grant.c.project_id == project.c.id)
        .join(funder, grant.c.funder_id == funder.c.id)
        .outerjoin(coordinating, coordinating.c.project_id == project.c.id)
        .outerjoin(recipient, recipient.c.id == recipient_id)
        .outerjoin(programme, project.c.programme_id == programme.c.id)
        .outerjoin(paid, paid.c.grant_id == grant.c.id)
    )
    statement = (
        sa.select(
            grant.c.reference,
            project.c.title,
            sa.func.coalesce(project.c.description, project.c.title).label("description"),
            grant.c.amount_sek,
            sa.func.coalesce(grant.c.decision_date, grant.c.start_date).label("award_date"),
            recipient.c.name.label("recipient_name"),
            recipient.c.org_number.label("recipient_org_number"),
            funder.c.name.label("funder_name"),
            funder.c.org_number.label("funder_org_number"),
            grant.c.start_date,
            grant.c.end_date,
            programme.c.name.label("programme_name"),
            paid.c.disbursed,
            project.c.reference.label("project_reference"),
        )
        .select_from(joined)
        .order_by(grant.c.id)
    )
    if grant_references is not None:
        statement = statement.where(grant.c.reference.in_(list(grant_references)))
    return statement


def frame(
    engine: Engine, *, grant_references: Collection[str] | None = None, today: date | None = None
) -> pd.DataFrame:
    """The grants as a 360Giving table: `WRITTEN`, one row per grant, amounts `Int64`; paid
    by `today` (None: Sweden's today, `arena.clock`)."""
    with engine.connect() as conn:
        rows = conn.execute(_select(grant_references, today or clock.today())).mappings().all()
        later = _later_slugs(conn)
    columns: dict[str, list[object]] = {name: [] for name in WRITTEN}
    for row in rows:
        values = (
            PREFIX + row["reference"],
            row["title"],
            row["description"],
            "SEK",
            row["amount_sek"],
            row["award_date"],
            _org_identifier(row["recipient_name"], row["recipient_org_number"], later),
            row["recipient_name"],
            _org_identifier(row["funder_name"], row["funder_org_number"], later),
            row["funder_name"],
            row["start_date"],
            row["end_date"],
            row["programme_name"],
            row["disbursed"],
            row["project_reference"],
        )
        for name, value in zip(WRITTEN, values, strict=True):
            columns[name].append(value)
    table = pd.DataFrame({name: pd.Series(cells, dtype=object) for name, cells in columns.items()})
    for name in ("Amount Awarded", "Amount Disbursed"):
        table[name] = table[name].astype("Int64")
    return table


def to_csv(
    engine: Engine, *, grant_references: Collection[str] | None = None, today: date | None = None
) -> bytes:
    """The grants (every one, or those of `grant_references`, e.g. the ones a page shows) as
    a 360Giving grants CSV: UTF-8 without BOM, comma, flattened headers.

    Identifier `360G-arenamonitor-<grant reference>`; Title and Description from the project
    (Description falls back to the title); Currency SEK; Award Date the decision date, or the
    grant's start date when no decision date is recorded; Recipient the project's
    coordinator; Amount Disbursed the sum of the grant's disbursements made by `today` (None:
    Sweden's today; empty when none are: one dated later is planned, not disbursed); Project
    reference the diarienummer of the grant's project, so the file read back (into this store
    or another) finds its grants and projects again. Text cells are
    neutralised against formulas like every export.
    """
    table = frame(engine, grant_references=grant_references, today=today)
    return export.to_csv_bytes(table, delimiter=",", bom=False)
