"""The kind registry: one `Kind` per entity users upload and export, its columns and natural key.

A kind's columns are named in canonical English (the export headers); each has a Swedish
template header and aliases, so a file with `Diarienummer`, `Ärenderubrik` or `reference`
lands in the same place. Columns that point at other entities (`coordinator`,
`project_reference` ...) carry those entities' natural keys, never database ids: the same
"natural" table is what users upload, what the preview diffs, and what exports write.

Every column declares its `ColumnType`, and that one fact drives how a cell is parsed, the hint
an upload template gives, how frames and files hold the value and how a page shows it. The
file layouts that hold several kinds at once (Vinnova, 360Giving, a project sheet) are in
`arena.ingest.layouts`.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from arena import clock, i18n, models
from arena.domain import (
    EffortKind,
    IndicatorDirection,
    MilestoneKind,
    NetworkKind,
    OrganisationKind,
    ParticipantRole,
    ProcurementType,
    ProgrammeKind,
    ProjectStage,
    ProjectStatus,
    UpdateFrequency,
)
from arena.i18n import Message, msg
from arena.ingest import values as v
from arena.ingest.report import kind_name

# ---------------------------------------------------------------------------------------------
# Column types


@dataclass(frozen=True)
class ColumnType:
    """What a column holds. One declaration per column drives four things: `parse` reads a
    cell, `hint` is the upload template's format text, `dtype` is how frames and files hold
    the value ("int", "float", "date" or "text") and `name` (or `shown`) how a page shows it
    (`arena.tables.cell_text`). A code type carries its domain enum, a reference type the
    kind it names.
    """

    name: str
    parse: Callable[[object], object]
    hint: Message
    dtype: str = "text"
    codes: type[StrEnum] | None = None
    target: str | None = None  # reference types: the kind whose natural key the cell holds
    fills: tuple[str, ...] = ()  # a period fills two columns (start, end) and is not stored
    # How a page shows it where that is not by `name`, which the import's rules go by: a
    # source, a sector or a unit is read as any text, but shown in the reader's language
    # (`arena.tables.cell_text`'s "source", "sector" and "unit").
    shown: str = ""


def _end_date(value: object) -> object:
    # A month or a year as an end date means its last day ("februari 2019" -> 2019-02-28).
    return v.parse_date(value, end=True)


def _open_end_date(value: object) -> object:
    # A period's end in a column of its own may state there is none ("pågår"): no end date,
    # which clears a stored one (`validate.parse_table` marks it), unlike a blank cell.
    return None if v.states_open_end(value) else _end_date(value)


def _signed_money(value: object) -> int:
    # Spend may be negative: a correction of an earlier booking.
    return v.parse_money(value, allow_negative=True)


def _yearly_money(value: object) -> int:
    # A budget's amount may say per year ("2 MSEK/år"): a budget row is one year's.
    if isinstance(value, str):
        value = v.PER_YEAR.sub("", value)
    return v.parse_money(value)


def _float(value: object) -> float:
    # Indicator values are measurements, not money: a float is exact enough. Not beyond one:
    # "1" and 400 zeros would be stored as infinity. An indicator in per cent keeps percent
    # points (4.6 for 4,6 %), so "4,6 %" is read as written, the sign dropped.
    number = float(v.parse_points(value))
    if not math.isfinite(number):
        raise v.ValueProblem(v.CONSTRAINT_ERROR, msg("kinds.not_finite", value=value))
    return number


TEXT = ColumnType("text", v.parse_text, msg("template.text"))
COUNTY = ColumnType("county", v.parse_county, msg("template.county"))
LIST = ColumnType("list", v.parse_list, msg("template.list"))  # "Energi; Transport"
GOALS = ColumnType("list", v.parse_goals, msg("template.goals"))  # "7; 11; 13"
MONEY = ColumnType("money", v.parse_money, msg("template.money"), "int")  # whole kronor
SIGNED_MONEY = ColumnType("money", _signed_money, msg("template.signed_money"), "int")
YEARLY_MONEY = ColumnType("money", _yearly_money, msg("template.yearly_money"), "int")
DATE = ColumnType("date", v.parse_date, msg("template.date"), "date")
END_DATE = ColumnType("date", _end_date, msg("template.date"), "date")
# A period's end date: its cell may state that the period runs on (`_open_end_date`).
OPEN_END_DATE = ColumnType("date", _open_end_date, msg("template.date"), "date")
PERIOD = ColumnType(
    "period", v.parse_period, msg("template.period"), fills=("start_date", "end_date")
)
NUMBER = ColumnType("number", _float, msg("template.number"), "float")
SHARE = ColumnType("share", v.parse_share, msg("template.share"), "float")  # 0..1, shown `5 %`
YEAR = ColumnType("year", v.parse_year, msg("template.year"), "int")
ORG_NUMBER = ColumnType("org_number", v.parse_org_number, msg("template.org_number"))
COUNTRY = ColumnType("country", v.parse_country, msg("template.country"))
# A stored unit by the label the English pages and their downloads show for it: "number" is
# "antal", so the English Results download reads back as the unit it shows; and as written in
# any case, "Antal" is "antal" (stored as typed, the English pages showed it in Swedish).
_UNIT_LABELS = {
    written.casefold(): key.removeprefix("results.unit.")
    for key in i18n.TEXTS
    if key.startswith("results.unit.")
    for written in (i18n.t(key, "en"), key.removeprefix("results.unit."))
}


def _unit(value: object) -> str:
    unit = v.parse_unit(value)
    return _UNIT_LABELS.get(unit.casefold(), unit)


# An indicator's unit, per cent however spelled stored as "%" (the one the pages know); shown
# in the reader's language, `number` for `antal`, as the pages' tables show it.
UNIT = ColumnType("text", _unit, msg("template.text"), shown="unit")

# A sector is stored in Swedish; the English pages and their downloads show its English label
# (`i18n.sector_label`), which reads back as the sector it shows: "Energy" is "Energi".
_SECTORS = {english.casefold(): swedish for swedish, english in i18n.SECTOR_LABELS_EN.items()}


def _sector(value: object) -> str:
    text = v.parse_text(value)
    return _SECTORS.get(text.casefold(), text)


SECTOR = ColumnType("text", _sector, msg("template.text"), shown="sector")


def _source(value: object) -> str:
    # A source named after a layout's part, as a page shows it in its language ("projekt.csv
    # (projects)"), is the stored one ("projekt.csv (projekt)"): else an English download
    # imported back changed every row's source.
    return i18n.source_text(v.parse_text(value), i18n.DEFAULT_LANGUAGE)


# Where a row came from: a file's name, a layout's part of it, or as a list writes it.
SOURCE = ColumnType("text", _source, msg("template.text"), shown="source")


def code(codes: type[StrEnum], parse: Callable[[object], StrEnum]) -> ColumnType:
    """A column of `codes` (status, stage ...), read from their labels and synonyms by `parse`."""
    return ColumnType("code", parse, msg("template.code"), codes=codes)


def reference(kind: str) -> ColumnType:
    """A column holding the natural key of a row of `kind` (a name, a code, a diarienummer)."""
    return ColumnType(
        "reference",
        v.parse_text,
        msg("template.ref", label=kind_name(kind, lower=True)),
        target=kind,
    )


STATUS = code(ProjectStatus, v.parse_status)
STAGE = code(ProjectStage, v.parse_stage)
ORG_KIND = code(OrganisationKind, v.parse_org_kind)
ROLE = code(ParticipantRole, v.parse_role)
PROCUREMENT_TYPE = code(ProcurementType, v.parse_procurement_type)
MILESTONE_KIND = code(MilestoneKind, v.parse_milestone_kind)
PROGRAMME_KIND = code(ProgrammeKind, v.parse_programme_kind)
NETWORK_KIND = code(NetworkKind, v.parse_network_kind)
EFFORT = code(EffortKind, v.parse_effort)
DIRECTION = code(IndicatorDirection, v.parse_direction)
FREQUENCY = code(UpdateFrequency, v.parse_frequency)


def _count(value: object) -> int:
    # People taking part, organisations reached, countries: whole and never negative.
    count = v.parse_int(value)
    if count < 0:
        raise v.ValueProblem("constraint-error", msg("kinds.negative_count", value=value))
    return count


# Shown like any number (`1 850`), held as an integer.
COUNT = ColumnType("number", _count, msg("template.count"), "int")


def _countries(value: object) -> int:
    # The countries a network spans: one at least (the store holds no network of none).
    count = _count(value)
    if count < 1:
        raise v.ValueProblem(v.CONSTRAINT_ERROR, msg("kinds.no_countries", value=value))
    return count


COUNTRIES = ColumnType("number", _countries, msg("template.countries"), "int")

# ---------------------------------------------------------------------------------------------
# Columns and kinds


@dataclass(frozen=True)
class Ref:
    """A reference column stored as that row's id."""

    kind: str  # the referenced kind, e.g. "organisations"
    id_column: str  # the foreign-key column in this kind's table, e.g. "coordinator_id"


@dataclass(frozen=True)
class Column:
    """One column of a kind: canonical name, headers users write, what it holds."""

    name: str
    sv: str
    type: ColumnType = TEXT
    required: bool = False
    aliases: tuple[str, ...] = ()
    # A reference column stored as the id of the row it names (e.g. "programme_id").
    id_column: str | None = None
    # Scope columns: exactly one of a kind's scope columns is filled per row.
    scope: str | None = None
    # The value a new row gets when the file leaves the cell empty or lacks the column.
    default: object = None
    # A required column a file may lack: each row's value read from the row's other columns
    # (the parsed table, a value per row). It fills the rows the file adds; a row the store
    # holds keeps its own (the column is `ParsedTable.guessed`).
    guess: Callable[[pd.DataFrame], np.ndarray] | None = None
    # Stored values the guess never questions: kept without a warning where the file's
    # dates say another (a cancelled or desired project has dates that say nothing of it).
    beyond_guess: tuple[str, ...] = ()
    # Headers read as this column only where another of the file's columns is the kind's
    # key and none is this column: `Projekt` beside `Diarienummer` is the project's title,
    # while alone, or in a list of another kind, it names the project (`match_headers`).
    beside_key: tuple[str, ...] = ()

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.name, self.sv, *self.aliases)

    def header(self, language: str) -> str:
        """The column's header in a file made for a reader of `language` (an upload
        template): the Swedish header users know, or the canonical English name. Both import.
        """
        return self.sv if i18n.language_or_default(language) == "sv" else self.name

    def label(self, language: str) -> str:
        """The column's name in a table a person reads (the import preview): the Swedish
        header, or its English label (`i18n.COLUMN_LABELS_EN`)."""
        if i18n.language_or_default(language) == "sv":
            return self.sv
        return i18n.COLUMN_LABELS_EN.get(self.name, self.name.replace("_", " ").capitalize())

    @property
    def parse(self) -> Callable[[object], object]:
        return self.type.parse

    @property
    def fills(self) -> tuple[str, ...]:
        """The columns this one fills instead of itself (a period -> start, end)."""
        return self.type.fills

    @property
    def ref(self) -> Ref | None:
        """Where a reference stored as an id points: the kind and this table's id column."""
        if self.id_column is None or self.type.target is None:
            return None
        return Ref(self.type.target, self.id_column)


def in_header_unit(column: Column, unit: v.HeaderUnit) -> Column:
    """`column` (a money column) reading a bare number in the unit its header names."""
    parse = v.in_unit(column.type.parse, unit.unit)
    return dataclasses.replace(column, type=dataclasses.replace(column.type, parse=parse))


def in_per_cent(column: Column) -> Column:
    """`column` (a share) under a header that names per cent: a bare number is per cent."""
    parse = v.parse_share_in_per_cent
    return dataclasses.replace(column, type=dataclasses.replace(column.type, parse=parse))


@dataclass(frozen=True)
class Kind:
    """An entity users can upload and export; its label is the catalogue's `kind.<name>`."""

    name: str
    model: type
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    # Pairs (start, end) that must be ordered.
    periods: tuple[tuple[str, str], ...] = ()
    # Table columns no file holds, read from a column it does whenever that one is written
    # (insert, update, undo): (table column, the kind's column, the rule), an indicator
    # value's `preliminary` from its note.
    derived: tuple[tuple[str, str, Callable[[object], object]], ...] = ()

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)

    @property
    def stored_columns(self) -> tuple[Column, ...]:
        """The columns that exist in the natural table (virtual ones like a period excluded)."""
        return tuple(column for column in self.columns if not column.fills)

    @property
    def scope_columns(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.scope)

    @property
    def optional_key(self) -> tuple[str, ...]:
        """Key columns a file may leave empty or out (a payment's reference): they hold their
        default then, and a row is also found by the rest of its key (`plan._plan_kind`)."""
        return tuple(name for name in self.key if self.column(name).default is not None)


_SOURCE = Column("source", "Källa", SOURCE, aliases=("Source", "Ursprung"))
# A period's dates as Swedish sheets head them: "Fr.o.m." and "T.o.m." (från och med, till
# och med; "From" reads as the first), or under "Period" ("Period från", "Period till").
_PERIOD_STARTS = ("Fr.o.m.", "Från och med", "Period från", "Period start")
_PERIOD_ENDS = ("T.o.m.", "Till och med", "Period till", "Period slut")
_STARTS = ("Start", "Start date", *_PERIOD_STARTS)
# "End": as the English pages' downloads head it, beside their "Start".
_ENDS = ("Slut", "End date", "End", *_PERIOD_ENDS)
_START = Column("start_date", "Startdatum", DATE, aliases=(*_STARTS, "Datum från"))
_END = Column("end_date", "Slutdatum", OPEN_END_DATE, aliases=(*_ENDS, "Datum till"))
# Those headers, and a project list's "Från" and "Till", read a period of the kind a file is
# found to hold, but say nothing of which kind that is: a list of reports or payments heads
# the period each covers so too, and counted, they made a report list a project list that
# overwrote the projects' titles and dates (`validate._detect_table_kind`).
PERIOD_HEADERS = frozenset(
    v.normalise_label(header)
    for header in (*_PERIOD_STARTS, *_PERIOD_ENDS, "Datum från", "Datum till", "Från", "Till")
)
_THEMES = Column("themes", "Teman", LIST, aliases=("Themes", "Tema"))
_DESCRIPTION = Column("description", "Beskrivning", aliases=("Description",))
_SDG_GOALS = Column(
    "sdg_goals",
    "Agenda 2030-mål",
    GOALS,
    # "Agenda 2030 goals": as the English downloads head them.
    aliases=("Globala mål", "Agenda 2030", "SDG", "SDG goals", "Agenda 2030 goals"),
)
_ORG = "organisations"
# An organisationsnummer as officers head it; a header is read without its dots, dashes and
# spaces (`values.normalise_label`), so "Org.nr", "Org nr" and "Org-nummer" are among them.
ORG_NUMBER_HEADERS = (
    "Orgnr",
    "Org.nr",
    "Org.nummer",
    "Organisationsnr",
    "Organisation number",
    "Organization number",
    "Org. no.",
    "Organisation no.",
)

_PROJECT_REF = Column(
    "project_reference",
    "Diarienummer",
    reference("projects"),
    aliases=("Projekt", "Project", "Dnr", "Diarienr", "Projektets diarienummer", "Reference"),
)
_PROGRAMME_REF = Column(
    "programme_code",
    "Program",
    reference("programmes"),
    aliases=("Programme", "Programkod", "Uppdrag"),
)


def _status_from_dates(frame: pd.DataFrame) -> np.ndarray:
    """Each project's status from its planned dates, for a file that gives none (a projects
    list or a flat project sheet without Status, 360Giving): before the start planned, after
    the end completed, in between ongoing; without dates planned (granted, nothing more known).

    Why: an officer's list of end dates updates the stored projects, which keep their status;
    a project it adds gets the status its dates say. A date that could not be read counts as
    unknown here; its own column reports it.
    """
    today = clock.today()  # Sweden's, as every page's
    nothing = np.full(len(frame), None, dtype=object)
    starts = frame["start_date"].to_numpy() if "start_date" in frame.columns else nothing
    ends = frame["end_date"].to_numpy() if "end_date" in frame.columns else nothing
    has_start, has_end = ~np.equal(starts, None), ~np.equal(ends, None)
    not_begun, ended = np.zeros(len(frame), dtype=bool), np.zeros(len(frame), dtype=bool)
    not_begun[has_start] = starts[has_start] > today
    ended[has_end] = ends[has_end] < today
    status = np.full(len(frame), ProjectStatus.ONGOING.value, dtype=object)
    status[ended] = ProjectStatus.COMPLETED.value
    status[not_begun | ~(has_start | has_end)] = ProjectStatus.PLANNED.value
    return status


def _kind_from_names(frame: pd.DataFrame) -> np.ndarray:
    """Each organisation's kind as the form of its name says it, as a flat project sheet
    reads its coordinators' (`layouts.org_kind_by_name`), for an organisations list without
    Typ; None where the name says nothing, which a new organisation is refused for
    (`plan._unguessed`).

    Why: a list of organisations the store holds, without Typ, was refused whole as one
    lacking a required column, where a projects list without Status was read."""
    from arena.ingest.layouts.base import org_kind_by_name  # the layouts import the kinds

    names = frame["name"].to_numpy() if "name" in frame.columns else []
    return np.array([None if n is None else org_kind_by_name(str(n)) for n in names], object)


def stored_only(frame: pd.DataFrame) -> np.ndarray:
    """No row's value: a required column a file may lack where it names stored rows only,
    which keep their own; a new row is refused for lack of it (`plan._unguessed`).

    Why: "Kod;Namn (engelska)", a list of programmes' (or indicators') English names, could
    not update them, refused for lack of the Swedish names it does not change."""
    return np.full(len(frame), None, dtype=object)


def _scoped(column: Column, scope: str) -> Column:
    """The same reference column, used as one of a row's alternative scopes."""
    return dataclasses.replace(column, scope=scope)


def _stored_as(column: Column, id_column: str, *, required: bool = False) -> Column:
    """The same reference column, stored as the id of the row it names (e.g. programme_id)."""
    return dataclasses.replace(column, required=required, id_column=id_column)


KINDS: dict[str, Kind] = {}


def _register(kind: Kind) -> None:
    """Add `kind`; the kinds it refers to must be registered before it, so the registry's
    order is an order of import."""
    targets = {column.type.target for column in kind.columns if column.type.target}
    if not targets <= KINDS.keys():
        raise ValueError(
            f"{kind.name} refers to kinds registered after it: {targets - KINDS.keys()}"
        )
    KINDS[kind.name] = kind


_register(
    Kind(
        name="organisations",
        model=models.Organisation,
        key=("name",),
        columns=(
            Column("name", "Namn", required=True, aliases=("Organisation", "Organisationsnamn")),
            Column(
                "org_number",
                "Organisationsnummer",
                ORG_NUMBER,
                aliases=ORG_NUMBER_HEADERS,
            ),
            Column(
                "kind",
                "Typ",
                ORG_KIND,
                required=True,
                aliases=("Organisationstyp", "Type"),
                guess=_kind_from_names,
            ),
            Column("county", "Län", COUNTY, aliases=("County", "Län/region", "Region/län")),
            Column("country", "Land", COUNTRY, aliases=("Country", "Landkod"), default="SE"),
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="programmes",
        model=models.Programme,
        key=("code",),
        periods=(("start_date", "end_date"),),
        columns=(
            Column("code", "Kod", required=True, aliases=("Programkod", "Programme code")),
            Column(
                "name",
                "Namn",
                required=True,
                aliases=("Programnamn", "Programme"),
                guess=stored_only,
            ),
            Column("name_en", "Namn (engelska)", aliases=("English name", "Name (English)")),
            Column("kind", "Typ", PROGRAMME_KIND, aliases=("Programtyp", "Kind", "Type")),
            Column(
                "owner",
                "Ägare",
                reference(_ORG),
                aliases=("Owner", "Ansvarig"),
                id_column="owner_id",
            ),
            Column(
                "funder", "Finansiär", reference(_ORG), aliases=("Funder",), id_column="funder_id"
            ),
            _START,
            _END,
            Column(
                "report_due",
                "Slutrapport senast",
                END_DATE,
                # "Final report due": as the English list of programmes heads it.
                aliases=(
                    "Rapport senast",
                    "Report due",
                    "Slutredovisas senast",
                    "Final report due",
                ),
            ),
            _THEMES,
            _SDG_GOALS,
            _DESCRIPTION,
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="budgets",
        model=models.BudgetAllocation,
        key=("programme_code", "year"),
        columns=(
            _stored_as(_PROGRAMME_REF, "programme_id", required=True),
            Column("year", "År", YEAR, required=True, aliases=("Year", "Budgetår")),
            Column(
                "amount_sek",
                "Belopp",
                YEARLY_MONEY,
                required=True,
                aliases=("Amount", "Budget", "Belopp (kr)", "Tilldelat"),
            ),
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="indicators",
        model=models.Indicator,
        key=("code",),
        columns=(
            Column("code", "Kod", required=True, aliases=("Indikatorkod", "Indicator code")),
            Column(
                "name_sv", "Namn", required=True, aliases=("Indikator", "Name"), guess=stored_only
            ),
            Column("name_en", "Namn (engelska)", aliases=("English name", "Name (English)")),
            Column("unit", "Enhet", UNIT, required=True, aliases=("Unit",), guess=stored_only),
            Column("definition", "Definition"),
            Column("baseline_value", "Utgångsvärde", NUMBER, aliases=("Baseline",)),
            Column(
                "baseline_year",
                "Utgångsår",
                YEAR,
                # "Utgångsvärdets år": as the Results page's download heads it.
                aliases=("Baseline year", "Utgångsvärdets år"),
            ),
            Column("target_value", "Målvärde", NUMBER, aliases=("Target", "Mål")),
            Column("target_year", "Målår", YEAR, aliases=("Target year",)),
            Column(
                "owner",
                "Ägare",
                reference(_ORG),
                aliases=("Owner", "Ansvarig", "Publiceras av", "Publisher"),
                id_column="owner_id",
            ),
            Column(
                "frequency",
                "Uppdateringsfrekvens",
                FREQUENCY,
                aliases=("Frekvens", "Uppdateras", "Frequency", "Update frequency", "Updated"),
            ),
            Column(
                "direction",
                "Riktning",
                DIRECTION,
                aliases=("Direction", "Önskad riktning"),
                default=IndicatorDirection.INCREASE.value,
            ),
            # Indicators of different countries with the same measure compare like with like.
            Column("measure", "Mått", aliases=("Measure", "Jämförbart mått")),
            _stored_as(_PROGRAMME_REF, "programme_id"),
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="buyer_groups",
        model=models.BuyerGroup,
        key=("name",),
        columns=(
            Column(
                "name",
                "Namn",
                required=True,
                aliases=("Beställargrupp", "Beställarnätverk", "Nätverk", "Buyer group", "Network"),
            ),
            Column(
                "kind",
                "Typ",
                NETWORK_KIND,
                aliases=("Nätverkstyp", "Typ av nätverk", "Nätverkets typ", "Kind", "Type"),
                default=NetworkKind.BUYER_GROUP.value,
            ),
            Column("countries", "Antal länder", COUNTRIES, aliases=("Länder", "Countries")),
            Column("sector", "Sektor", SECTOR, aliases=("Område", "Sector")),
            _stored_as(_PROGRAMME_REF, "programme_id"),
            _DESCRIPTION,
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="buyer_group_members",
        model=models.BuyerGroupMember,
        key=("buyer_group", "organisation"),
        columns=(
            Column(
                "buyer_group",
                "Beställargrupp",
                reference("buyer_groups"),
                required=True,
                aliases=("Beställarnätverk", "Grupp", "Buyer group"),
                id_column="buyer_group_id",
            ),
            Column(
                "organisation",
                "Organisation",
                reference(_ORG),
                required=True,
                aliases=("Medlem", "Member"),
                id_column="organisation_id",
            ),
            Column("role", "Roll", aliases=("Role", "Funktion")),
        ),
    )
)

_register(
    Kind(
        name="projects",
        model=models.Project,
        key=("reference",),
        periods=(("start_date", "end_date"),),
        columns=(
            Column(
                "reference",
                "Diarienummer",
                required=True,
                aliases=(
                    "Dnr",
                    "Diarienr",
                    "Ärendenummer",
                    "Ärendenr",
                    "Projektnummer",
                    "Projektnr",
                    "Projekt-ID",
                    "Reference",
                    "Case number",
                    "Project ID",
                    "Project number",
                ),
            ),
            Column(
                "title",
                "Titel",
                required=True,
                aliases=("Projekttitel", "Projektnamn", "Ärenderubrik", "Title", "Project title"),
                beside_key=("Projekt", "Project"),
            ),
            Column(
                "title_en",
                "Titel (engelska)",
                aliases=("ÄrenderubrikEngelska", "English title", "Title (English)"),
            ),
            Column(
                "description",
                "Beskrivning",
                aliases=(
                    "Syfte och mål",
                    "Projektreferat",
                    "MalSvenska",
                    "Description",
                ),
            ),
            Column(
                "expected_effects",
                "Förväntade effekter",
                aliases=("Förväntade effekter och resultat", "ResultatSvenska", "Expected effects"),
            ),
            Column(
                "status",
                "Status",
                STATUS,
                required=True,
                aliases=("Projektstatus",),
                guess=_status_from_dates,
                beyond_guess=(ProjectStatus.CANCELLED.value, ProjectStatus.DESIRED.value),
            ),
            Column("stage", "Fas", STAGE, aliases=("Skede", "Stage", "Phase")),
            Column(
                "coordinator",
                "Koordinator",
                reference(_ORG),
                # Other funders name the coordinator for the one who applied or receives.
                aliases=(
                    "KoordinatorOrg",
                    "Koordinerande organisation",
                    "Projektkoordinator",
                    "Huvudsökande",
                    "Sökande organisation",
                    "Stödmottagare",
                    "Projektägare",
                    "Projektägande organisation",
                    "Coordinator",
                    "Lead applicant",
                    "Project owner",
                ),
                id_column="coordinator_id",
            ),
            _stored_as(_PROGRAMME_REF, "programme_id"),
            Column(
                "buyer_group",
                "Beställargrupp",
                reference("buyer_groups"),
                aliases=("Beställarnätverk", "Nätverk", "Buyer group", "Network"),
                id_column="buyer_group_id",
            ),
            Column("sector", "Sektor", SECTOR, aliases=("Område", "Sector", "Area")),
            Column(
                "procurement_type",
                "Upphandlingsform",
                PROCUREMENT_TYPE,
                aliases=("Förfarande", "Procurement type", "Procedure"),
            ),
            Column(
                "period",
                "Projektets löptid",
                PERIOD,
                aliases=("Löptid", "Period", "Projektperiod", "Projekttid", "Project period"),
            ),
            Column(
                # A project list's "Från" and "Till" can be nothing but its period's ends.
                "start_date",
                "Startdatum",
                DATE,
                aliases=("ProjektStart", *_STARTS, "Från", "Projektperiod från"),
            ),
            Column(
                "end_date",
                "Slutdatum",
                OPEN_END_DATE,
                aliases=("ProjektSlut", *_ENDS, "Till", "Projektperiod till"),
            ),
            _SDG_GOALS,
            _THEMES,
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="participants",
        model=models.ProjectParticipant,
        key=("project_reference", "organisation", "role"),
        columns=(
            _stored_as(_PROJECT_REF, "project_id", required=True),
            Column(
                "organisation",
                "Organisation",
                reference(_ORG),
                required=True,
                aliases=("Deltagare", "Participant", "Organisation name"),
                id_column="organisation_id",
            ),
            Column(
                "role",
                "Roll",
                ROLE,
                required=True,
                aliases=("Roll i projektet", "Projektroll", "Role"),
            ),
        ),
    )
)

_register(
    Kind(
        name="grants",
        model=models.Grant,
        key=("reference",),
        periods=(("start_date", "end_date"),),
        columns=(
            Column(
                "reference",
                "Bidragsreferens",
                required=True,
                aliases=(
                    "Bidragsnummer",
                    "Bidragsref",
                    "Beslutsnummer",
                    "Grant reference",
                    "Identifier",
                ),
            ),
            _stored_as(_PROJECT_REF, "project_id", required=True),
            Column(
                "funder",
                "Finansiär",
                reference(_ORG),
                required=True,
                aliases=("Bidragsgivare", "Funder", "Funding organisation"),
                id_column="funder_id",
            ),
            Column(
                "amount_sek",
                "Belopp",
                MONEY,
                required=True,
                aliases=(
                    "Beviljat bidrag",
                    "BeviljatBidrag",
                    "Bidrag från Vinnova",
                    "Amount",
                    "Amount awarded",
                    "Grant",
                ),
            ),
            Column(
                "decision_date",
                "Beslutsdatum",
                DATE,
                aliases=("Beslut", "Decision date", "Award date"),
            ),
            _START,
            _END,
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="disbursements",
        model=models.Disbursement,
        # The payment's reference tells apart two payments of one grant on one day; a file
        # without one has "" there (the column's default), so its rows keep their keys.
        key=("grant_reference", "paid_on", "payment_reference"),
        columns=(
            Column(
                "grant_reference",
                "Bidragsreferens",
                reference("grants"),
                required=True,
                aliases=("Bidrag", "Bidragsref", "Grant", "Grant reference"),
                id_column="grant_id",
            ),
            Column(
                "paid_on",
                "Utbetalningsdatum",
                DATE,
                required=True,
                # "Utbetalningsdag": the app's own payments download heads it so.
                aliases=("Datum", "Utbetald", "Utbetalningsdag", "Date", "Paid on"),
            ),
            Column(
                "payment_reference",
                "Utbetalningsreferens",
                aliases=(
                    "Betalningsreferens",
                    "Utbetalningsnummer",
                    "Verifikationsnummer",
                    "Verifikation",
                    "Payment reference",
                    "Payment number",
                    "Voucher",
                ),
                default="",
            ),
            Column(
                "amount_sek",
                "Belopp",
                MONEY,
                required=True,
                aliases=("Utbetalt", "Amount", "Amount disbursed"),
            ),
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="expenditures",
        model=models.Expenditure,
        # A ledger's voucher number tells apart two lines of one category on one day; a file
        # without one has "" there (the column's default), so its rows keep their keys.
        key=("programme_code", "project_reference", "spent_on", "category", "line_reference"),
        columns=(
            _scoped(_PROGRAMME_REF, "programme"),
            _scoped(_PROJECT_REF, "project"),
            Column(
                "spent_on",
                "Datum",
                DATE,
                required=True,
                aliases=("Bokföringsdatum", "Period", "Date"),
            ),
            Column("category", "Kategori", required=True, aliases=("Kostnadsslag", "Category")),
            Column(
                "line_reference",
                "Verifikationsnummer",
                aliases=(
                    "Verifikation",
                    "Ver.nr",
                    "Ver nr",
                    "Verifikat",
                    "Löpnummer",
                    "Transaktionsnummer",
                    "Fakturanummer",
                    "Voucher",
                    "Voucher number",
                    "Line reference",
                ),
                default="",
            ),
            Column(
                "amount_sek",
                "Belopp",
                SIGNED_MONEY,
                required=True,
                aliases=("Utfall", "Kostnad", "Amount"),
            ),
            Column("description", "Beskrivning", aliases=("Text", "Description")),
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="indicator_values",
        model=models.IndicatorValue,
        key=("indicator_code", "programme_code", "project_reference", "country_code", "year"),
        # Whether the note marks the value preliminary, stored for the Results page's SQL.
        derived=(("preliminary", "note", v.is_preliminary),),
        columns=(
            Column(
                "indicator_code",
                "Indikator",
                reference("indicators"),
                required=True,
                aliases=("Indikatorkod", "Indicator"),
                id_column="indicator_id",
            ),
            _scoped(_PROGRAMME_REF, "programme"),
            _scoped(_PROJECT_REF, "project"),
            Column(
                "country_code", "Land", COUNTRY, aliases=("Country", "Landkod"), scope="country"
            ),
            Column("year", "År", YEAR, required=True, aliases=("Year", "Period")),
            Column("value", "Värde", NUMBER, required=True, aliases=("Value", "Utfall")),
            Column("coverage", "Täckning", SHARE, aliases=("Coverage",)),
            Column("note", "Anmärkning", aliases=("Kommentar", "Note")),
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="milestones",
        model=models.Milestone,
        key=("programme_code", "project_reference", "title"),
        columns=(
            _scoped(_PROGRAMME_REF, "programme"),
            _scoped(_PROJECT_REF, "project"),
            Column("title", "Titel", required=True, aliases=("Milstolpe", "Rapport", "Title")),
            Column("kind", "Typ", MILESTONE_KIND, aliases=("Kind", "Type"), default="report"),
            Column(
                "due_date",
                "Förfallodatum",
                END_DATE,
                required=True,
                # "Förfallodag": the word the pages' period captions use for it.
                aliases=("Senast", "Förfallodag", "Deadline", "Due date", "Due"),
            ),
            Column(
                "delivered_date",
                "Levererad",
                DATE,
                aliases=("Leveransdatum", "Inlämnad", "Delivered", "Delivered date"),
            ),
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="activities",
        model=models.Activity,
        key=("reference",),
        periods=(("start_date", "end_date"),),
        columns=(
            Column(
                "reference",
                "Referens",
                required=True,
                aliases=("Insatsreferens", "Aktivitetsnummer", "Reference", "Activity ID"),
            ),
            Column(
                "effort",
                "Insats",
                EFFORT,
                required=True,
                aliases=("Insatstyp", "Effort", "Effort kind"),
            ),
            Column("title", "Titel", required=True, aliases=("Aktivitet", "Namn", "Title")),
            _stored_as(_PROGRAMME_REF, "programme_id"),
            _START,
            _END,
            Column(
                "participants",
                "Deltagare",
                COUNT,
                aliases=("Antal deltagare", "Participants"),
            ),
            Column(
                "reach",
                "Räckvidd",
                COUNT,
                aliases=("Antal nådda", "Nådda", "Reach"),
            ),
            Column(
                "cost_sek",
                "Kostnad",
                MONEY,
                aliases=("Kostnad (kr)", "Belopp", "Cost", "Cost (SEK)"),
            ),
            _DESCRIPTION,
            _SOURCE,
        ),
    )
)
