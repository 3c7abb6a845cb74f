"""The vocabulary of the arena: canonical codes and the rules every layer shares.

Codes are stored in canonical English (what exports show); Swedish and English labels
live in `arena.i18n`, and the many ways users write them are parsed in `arena.ingest.values`.
"""

from __future__ import annotations

import re
from enum import StrEnum


class ProjectStatus(StrEnum):
    DESIRED = "desired"
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ProjectStage(StrEnum):
    PRE_STUDY = "pre_study"
    MARKET_DIALOGUE = "market_dialogue"
    PROCUREMENT = "procurement"
    CONTRACT = "contract"
    CONTRACT_MANAGEMENT = "contract_management"


class OrganisationKind(StrEnum):
    NATIONAL_AUTHORITY = "national_authority"
    REGION = "region"
    MUNICIPALITY = "municipality"
    COMPANY = "company"
    RESEARCH_ORGANISATION = "research_organisation"
    ASSOCIATION = "association"
    INTERNATIONAL_BODY = "international_body"


class OrganisationLevel(StrEnum):
    NATIONAL = "national"
    REGIONAL = "regional"
    LOCAL = "local"


class ParticipantRole(StrEnum):
    COORDINATOR = "coordinator"
    BUYER = "buyer"
    SUPPLIER = "supplier"
    RESEARCH_PARTNER = "research_partner"
    PARTNER = "partner"  # samverkanspart without a buyer, supplier or research role


class ProcurementType(StrEnum):
    INNOVATION_PARTNERSHIP = "innovation_partnership"
    PRE_COMMERCIAL = "pre_commercial"
    COMPETITIVE_DIALOGUE = "competitive_dialogue"
    FRAMEWORK_AGREEMENT = "framework_agreement"
    NEGOTIATED = "negotiated"
    OPEN_PROCEDURE = "open_procedure"


class Scope(StrEnum):
    """What a spend record, milestone or indicator value belongs to."""

    PROGRAMME = "programme"
    PROJECT = "project"
    COUNTRY = "country"


class MilestoneKind(StrEnum):
    REPORT = "report"
    MILESTONE = "milestone"


class ProgrammeKind(StrEnum):
    """What a programme is: the government's assignment to an agency, a funder's call for
    projects, or a project that builds a network (Procure2Innovate)."""

    GOVERNMENT_ASSIGNMENT = "government_assignment"
    FUNDING_PROGRAMME = "funding_programme"
    NETWORK_PROJECT = "network_project"


class NetworkKind(StrEnum):
    """A buyer group (beställargrupp) shares one need; a buyer network (beställarnätverk) shares
    knowledge across needs; an international network joins competence centres of several
    countries."""

    BUYER_GROUP = "buyer_group"
    BUYER_NETWORK = "buyer_network"
    INTERNATIONAL_NETWORK = "international_network"


class EffortKind(StrEnum):
    """The seven efforts (insatser) Upphandlingsmyndigheten proposes in its report on
    cutting-edge technology (seed 002); every activity of the arena is one of them."""

    KNOWLEDGE_SHARING = "knowledge_sharing"  # kunskapsspridning
    PIONEER_RELAY = "pioneer_relay"  # pionjärstafett
    BUYER_NETWORK = "buyer_network"  # beställarnätverk
    SECTORAL_ARENA = "sectoral_arena"  # sektoriella arenor
    EXPERT_SUPPORT = "expert_support"  # expertstöd i projekt
    EXPERIENCE_EXCHANGE = "experience_exchange"  # erfarenhetsutbyte
    FINANCING = "financing"  # finansiering


class IndicatorDirection(StrEnum):
    """Whether an indicator improves when its value rises or when it falls; progress toward a
    target is measured in that direction."""

    INCREASE = "increase"
    DECREASE = "decrease"


class UpdateFrequency(StrEnum):
    """How often an indicator's owner publishes a new value."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    ONCE = "once"
    IRREGULAR = "irregular"


class Role(StrEnum):
    """What a person may do in the arena (issue 10); `arena.auth` maps each to its rights.

    viewer: reads every page; funder: reads the grants of its own funder organisations;
    editor: imports and undoes its own imports; admin: everything, users and audit included.
    """

    VIEWER = "viewer"
    FUNDER = "funder"
    EDITOR = "editor"
    ADMIN = "admin"


class AuditAction(StrEnum):
    """What an audit event records: a change to the data or to who may change it."""

    IMPORT = "import"
    UNDO = "undo"
    REPLACE = "replace"
    ROLE_ADD = "role_add"
    ROLE_REMOVE = "role_remove"
    USER_REMOVE = "user_remove"
    USER_RENAME = "user_rename"


# Public buyers sit at one of three levels; companies and others have none.
LEVEL_OF_KIND: dict[OrganisationKind, OrganisationLevel] = {
    OrganisationKind.NATIONAL_AUTHORITY: OrganisationLevel.NATIONAL,
    OrganisationKind.REGION: OrganisationLevel.REGIONAL,
    OrganisationKind.MUNICIPALITY: OrganisationLevel.LOCAL,
}

# A diarienummer as Vinnova writes it (year-serial); other registrars' numbers are allowed too.
VINNOVA_REFERENCE_PATTERN = re.compile(r"^(19|20)\d{2}-\d{5}$")


def luhn_valid(digits: str) -> bool:
    """True when the digit string passes the Luhn (mod 10) check used by organisationsnummer."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def vinnova_project_url(reference: str) -> str | None:
    """Vinnova's public search for a Vinnova-style diarienummer (it lists the project page)."""
    if VINNOVA_REFERENCE_PATTERN.match(reference):
        return f"https://www.vinnova.se/sok/?q={reference}"
    return None


def paid_share(paid: int, granted: int) -> float | None:
    """What share of `granted` is `paid`; None when nothing is granted: no share of nothing.

    Granted is 0 for a grant of no amount, and for a period whose grants were all decided
    before it while their payments fall within it: 100 000 kr paid on 0 is no 10 000 000 %.
    The per-funder table (`queries.funding.funder_summary`) and the Grants page's card follow
    this rule; the attention list names a payment on a grant of no amount.
    """
    return paid / granted if granted > 0 else None


# Units whose values add up across projects; a share does not: pooled, the projects' shares
# are averaged (three projects at 80, 80 and 20 % are 60 %, not 180 %), and rolled up per
# programme the projects that reported it are counted. The import writes every spelling of
# per cent as SHARE_UNIT; a share kept as a fraction (`andel`: 0,8), a ratio or an index
# is averaged too (0,8 + 0,8 + 0,2 made "1,8" of a target of 0,8).
SHARE_UNIT = "%"
AVERAGED_UNITS = frozenset({SHARE_UNIT, "andel", "share", "kvot", "ratio", "index"})


def averaged(unit: str | None) -> bool:
    """Whether the projects' values of an indicator in `unit` pool as their mean."""
    return isinstance(unit, str) and unit.strip().casefold() in AVERAGED_UNITS
