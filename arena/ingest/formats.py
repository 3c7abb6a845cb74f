"""The layouts the import pipeline knows: one `Kind` per entity, its columns and natural key.

A kind's columns are named in canonical English (the export headers); each has a Swedish
template header and aliases, so a file with `Diarienummer`, `Ärenderubrik` or `reference`
lands in the same place. Columns that point at other entities (`coordinator`,
`project_reference` ...) carry those entities' natural keys, never database ids: the same
"natural" table is what users upload, what the preview diffs, and what exports write.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np

from arena import models
from arena.domain import OrganisationKind, ProjectStatus
from arena.ingest import values as v
from arena.ingest.read import Cells, RawTable
from arena.ingest.report import Problem, blank_header, extra_label


@dataclass(frozen=True)
class Ref:
    """A column holding the natural key of another kind, stored as that row's id."""

    kind: str  # the referenced kind, e.g. "organisations"
    id_column: str  # the foreign-key column in this kind's table, e.g. "coordinator_id"


@dataclass(frozen=True)
class Column:
    """One column of a kind: canonical name, headers users write, how to parse a cell."""

    name: str
    sv: str
    parse: Callable[[object], object] = v.parse_text
    required: bool = False
    aliases: tuple[str, ...] = ()
    ref: Ref | None = None
    # A column whose parser returns a tuple that fills several columns (a period -> start, end).
    fills: tuple[str, ...] = ()
    # Scope columns: exactly one of a kind's scope columns is filled per row.
    scope: str | None = None
    # The value a new row gets when the file leaves the cell empty or lacks the column.
    default: object = None

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.name, self.sv, *self.aliases)


@dataclass(frozen=True)
class Kind:
    """An entity users can upload and export."""

    name: str
    model: type
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    label_sv: str
    label_en: str
    # Pairs (start, end) that must be ordered.
    periods: tuple[tuple[str, str], ...] = ()
    depends_on: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)

    @property
    def stored_columns(self) -> tuple[Column, ...]:
        """The columns that exist in the natural table (virtual ones like a period excluded)."""
        return tuple(column for column in self.columns if not column.fills)

    @property
    def scope_columns(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.scope)


def _end_date(value: object) -> object:
    # A month or a year as an end date means its last day ("februari 2019" -> 2019-02-28).
    return v.parse_date(value, end=True)


def _signed_money(value: object) -> int:
    # Spend may be negative: a correction of an earlier booking.
    return v.parse_money(value, allow_negative=True)


def _float(value: object) -> float:
    # Indicator values are measurements, not money: a float is exact enough.
    return float(v.parse_number(value))


def _country(value: object) -> str:
    code = v.parse_text(value).upper()
    if len(code) != 2 or not code.isalpha():
        raise v.ValueProblem(
            "constraint-error",
            f"“{value}” is not a two-letter ISO country code (e.g. SE, NO).",
            f"”{value}” är ingen landkod med två bokstäver (t.ex. SE, NO).",
        )
    return code


_SOURCE = Column("source", "Källa", aliases=("Source", "Ursprung"))
_START = Column("start_date", "Startdatum", parse=v.parse_date, aliases=("Start", "Start date"))
_END = Column("end_date", "Slutdatum", parse=_end_date, aliases=("Slut", "End date"))
_THEMES = Column("themes", "Teman", aliases=("Themes", "Tema"))
_DESCRIPTION = Column("description", "Beskrivning", aliases=("Description",))
_ORG = "organisations"

_PROJECT_REF = Column(
    "project_reference",
    "Diarienummer",
    aliases=("Projekt", "Project", "Dnr", "Diarienr", "Projektets diarienummer", "Reference"),
)
_PROGRAMME_REF = Column("programme_code", "Program", aliases=("Programme", "Programkod", "Uppdrag"))


def _scoped(column: Column, scope: str) -> Column:
    """The same reference column, used as one of a row's alternative scopes."""
    return dataclasses.replace(column, scope=scope)


def _refers(column: Column, ref: Ref, *, required: bool = False) -> Column:
    """The same reference column, stored as the id of the row it names (e.g. programme_id)."""
    return dataclasses.replace(column, required=required, ref=ref)


KINDS: dict[str, Kind] = {}


def _register(kind: Kind) -> None:
    KINDS[kind.name] = kind


_register(
    Kind(
        name="organisations",
        model=models.Organisation,
        key=("name",),
        label_sv="Organisationer",
        label_en="Organisations",
        columns=(
            Column("name", "Namn", required=True, aliases=("Organisation", "Organisationsnamn")),
            Column(
                "org_number",
                "Organisationsnummer",
                parse=v.parse_org_number,
                aliases=("Orgnr", "Org.nr", "Org nr", "Organisation number"),
            ),
            Column(
                "kind",
                "Typ",
                parse=v.parse_org_kind,
                required=True,
                aliases=("Organisationstyp", "Type"),
            ),
            Column("county", "Län", aliases=("County",)),
            Column("country", "Land", parse=_country, aliases=("Country", "Landkod"), default="SE"),
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="programmes",
        model=models.Programme,
        key=("code",),
        label_sv="Program och uppdrag",
        label_en="Programmes",
        depends_on=(_ORG,),
        periods=(("start_date", "end_date"),),
        columns=(
            Column("code", "Kod", required=True, aliases=("Programkod", "Programme code")),
            Column("name", "Namn", required=True, aliases=("Programnamn", "Programme")),
            Column("name_en", "Namn (engelska)", aliases=("English name", "Name (English)")),
            Column("owner", "Ägare", aliases=("Owner", "Ansvarig"), ref=Ref(_ORG, "owner_id")),
            Column("funder", "Finansiär", aliases=("Funder",), ref=Ref(_ORG, "funder_id")),
            _START,
            _END,
            Column(
                "report_due",
                "Slutrapport senast",
                parse=_end_date,
                aliases=("Rapport senast", "Report due", "Slutredovisas senast"),
            ),
            _THEMES,
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
        label_sv="Budget",
        label_en="Budgets",
        depends_on=("programmes",),
        columns=(
            _refers(_PROGRAMME_REF, Ref("programmes", "programme_id"), required=True),
            Column("year", "År", parse=v.parse_year, required=True, aliases=("Year", "Budgetår")),
            Column(
                "amount_sek",
                "Belopp",
                parse=v.parse_money,
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
        label_sv="Indikatorer",
        label_en="Indicators",
        columns=(
            Column("code", "Kod", required=True, aliases=("Indikatorkod", "Indicator code")),
            Column("name_sv", "Namn", required=True, aliases=("Indikator", "Name")),
            Column("name_en", "Namn (engelska)", aliases=("English name", "Name (English)")),
            Column("unit", "Enhet", required=True, aliases=("Unit",)),
            Column("definition", "Definition"),
            Column("baseline_value", "Utgångsvärde", parse=_float, aliases=("Baseline",)),
            Column("baseline_year", "Utgångsår", parse=v.parse_year, aliases=("Baseline year",)),
            Column("target_value", "Målvärde", parse=_float, aliases=("Target", "Mål")),
            Column("target_year", "Målår", parse=v.parse_year, aliases=("Target year",)),
            _SOURCE,
        ),
    )
)

_register(
    Kind(
        name="projects",
        model=models.Project,
        key=("reference",),
        label_sv="Projekt",
        label_en="Projects",
        depends_on=(_ORG, "programmes"),
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
            ),
            Column(
                "title_en",
                "Titel (engelska)",
                aliases=("ÄrenderubrikEngelska", "English title", "Title (English)"),
            ),
            Column(
                "description",
                "Beskrivning",
                aliases=("Syfte och mål", "Projektreferat", "MalSvenska", "Description"),
            ),
            Column(
                "expected_effects",
                "Förväntade effekter",
                aliases=("Förväntade effekter och resultat", "ResultatSvenska", "Expected effects"),
            ),
            Column(
                "status", "Status", parse=v.parse_status, required=True, aliases=("Projektstatus",)
            ),
            Column("stage", "Fas", parse=v.parse_stage, aliases=("Skede", "Stage", "Phase")),
            Column(
                "coordinator",
                "Koordinator",
                aliases=("KoordinatorOrg", "Koordinerande organisation", "Coordinator"),
                ref=Ref(_ORG, "coordinator_id"),
            ),
            _refers(_PROGRAMME_REF, Ref("programmes", "programme_id")),
            Column("sector", "Sektor", aliases=("Område", "Sector", "Area")),
            Column(
                "procurement_type",
                "Upphandlingsform",
                parse=v.parse_procurement_type,
                aliases=("Förfarande", "Procurement type", "Procedure"),
            ),
            Column(
                "period",
                "Projektets löptid",
                parse=v.parse_period,
                aliases=("Löptid", "Period", "Project period"),
                fills=("start_date", "end_date"),
            ),
            Column(
                "start_date",
                "Startdatum",
                parse=v.parse_date,
                aliases=("ProjektStart", "Start", "Start date"),
            ),
            Column(
                "end_date",
                "Slutdatum",
                parse=_end_date,
                aliases=("ProjektSlut", "Slut", "End date"),
            ),
            Column("sdg_goals", "Agenda 2030-mål", aliases=("Globala mål", "SDG", "SDG goals")),
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
        label_sv="Projektdeltagare",
        label_en="Project participants",
        depends_on=(_ORG, "projects"),
        columns=(
            _refers(_PROJECT_REF, Ref("projects", "project_id"), required=True),
            Column(
                "organisation",
                "Organisation",
                required=True,
                aliases=("Deltagare", "Participant", "Organisation name"),
                ref=Ref(_ORG, "organisation_id"),
            ),
            Column("role", "Roll", parse=v.parse_role, required=True, aliases=("Role",)),
        ),
    )
)

_register(
    Kind(
        name="buyer_groups",
        model=models.BuyerGroup,
        key=("name",),
        label_sv="Beställargrupper",
        label_en="Buyer groups",
        depends_on=("programmes",),
        columns=(
            Column(
                "name",
                "Namn",
                required=True,
                aliases=("Beställargrupp", "Beställarnätverk", "Buyer group"),
            ),
            Column("sector", "Sektor", aliases=("Område", "Sector")),
            _refers(_PROGRAMME_REF, Ref("programmes", "programme_id")),
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
        label_sv="Medlemmar i beställargrupper",
        label_en="Buyer group members",
        depends_on=(_ORG, "buyer_groups"),
        columns=(
            Column(
                "buyer_group",
                "Beställargrupp",
                required=True,
                aliases=("Beställarnätverk", "Grupp", "Buyer group"),
                ref=Ref("buyer_groups", "buyer_group_id"),
            ),
            Column(
                "organisation",
                "Organisation",
                required=True,
                aliases=("Medlem", "Member"),
                ref=Ref(_ORG, "organisation_id"),
            ),
        ),
    )
)

_register(
    Kind(
        name="grants",
        model=models.Grant,
        key=("reference",),
        label_sv="Bidrag",
        label_en="Grants",
        depends_on=(_ORG, "projects"),
        periods=(("start_date", "end_date"),),
        columns=(
            Column(
                "reference",
                "Bidragsreferens",
                required=True,
                aliases=("Bidragsnummer", "Beslutsnummer", "Grant reference", "Identifier"),
            ),
            _refers(_PROJECT_REF, Ref("projects", "project_id"), required=True),
            Column(
                "funder",
                "Finansiär",
                required=True,
                aliases=("Bidragsgivare", "Funder", "Funding organisation"),
                ref=Ref(_ORG, "funder_id"),
            ),
            Column(
                "amount_sek",
                "Belopp",
                parse=v.parse_money,
                required=True,
                aliases=(
                    "Beviljat bidrag",
                    "BeviljatBidrag",
                    "Bidrag från Vinnova",
                    "Amount",
                    "Amount awarded",
                ),
            ),
            Column(
                "decision_date",
                "Beslutsdatum",
                parse=v.parse_date,
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
        key=("grant_reference", "paid_on"),
        label_sv="Utbetalningar",
        label_en="Disbursements",
        depends_on=("grants",),
        columns=(
            Column(
                "grant_reference",
                "Bidragsreferens",
                required=True,
                aliases=("Bidrag", "Grant", "Grant reference"),
                ref=Ref("grants", "grant_id"),
            ),
            Column(
                "paid_on",
                "Utbetalningsdatum",
                parse=v.parse_date,
                required=True,
                aliases=("Datum", "Utbetald", "Date", "Paid on"),
            ),
            Column(
                "amount_sek",
                "Belopp",
                parse=v.parse_money,
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
        key=("programme_code", "project_reference", "spent_on", "category"),
        label_sv="Utfall (kostnader)",
        label_en="Spend",
        depends_on=("programmes", "projects"),
        columns=(
            _scoped(_PROGRAMME_REF, "programme"),
            _scoped(_PROJECT_REF, "project"),
            Column(
                "spent_on",
                "Datum",
                parse=v.parse_date,
                required=True,
                aliases=("Bokföringsdatum", "Period", "Date"),
            ),
            Column("category", "Kategori", required=True, aliases=("Kostnadsslag", "Category")),
            Column(
                "amount_sek",
                "Belopp",
                parse=_signed_money,
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
        label_sv="Indikatorvärden",
        label_en="Indicator values",
        depends_on=("indicators", "programmes", "projects"),
        columns=(
            Column(
                "indicator_code",
                "Indikator",
                required=True,
                aliases=("Indikatorkod", "Indicator"),
                ref=Ref("indicators", "indicator_id"),
            ),
            _scoped(_PROGRAMME_REF, "programme"),
            _scoped(_PROJECT_REF, "project"),
            Column(
                "country_code",
                "Land",
                parse=_country,
                aliases=("Country", "Landkod"),
                scope="country",
            ),
            Column("year", "År", parse=v.parse_year, required=True, aliases=("Year", "Period")),
            Column("value", "Värde", parse=_float, required=True, aliases=("Value", "Utfall")),
            Column("coverage", "Täckning", parse=v.parse_share, aliases=("Coverage",)),
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
        label_sv="Milstolpar och rapporter",
        label_en="Milestones and reports",
        depends_on=("programmes", "projects"),
        columns=(
            _scoped(_PROGRAMME_REF, "programme"),
            _scoped(_PROJECT_REF, "project"),
            Column("title", "Titel", required=True, aliases=("Milstolpe", "Rapport", "Title")),
            Column(
                "kind",
                "Typ",
                parse=v.parse_milestone_kind,
                aliases=("Kind", "Type"),
                default="report",
            ),
            Column(
                "due_date",
                "Förfallodatum",
                parse=_end_date,
                required=True,
                aliases=("Senast", "Deadline", "Due date", "Due"),
            ),
            Column(
                "delivered_date",
                "Levererad",
                parse=v.parse_date,
                aliases=("Leveransdatum", "Inlämnad", "Delivered", "Delivered date"),
            ),
            _SOURCE,
        ),
    )
)


def kind_order(names: set[str] | list[str]) -> list[str]:
    """Kinds in an order where every kind comes after the kinds it refers to."""
    return [name for name in KINDS if name in set(names)]


# ---------------------------------------------------------------------------------------------
# Layouts: files that hold several kinds at once (Vinnova open data, 360Giving, a flat project
# sheet).
#
# A layout splits one table into one part per kind, with canonical headers and the file's own
# row numbers, so `import_files` plans the parts together: the organisations and projects a
# file names resolve within the same upload. Entities a layout only names in passing (the
# coordinator, the funder, the project behind a 360Giving grant) are `create_only`: they are
# added when missing, and an existing row is never overwritten by a guess such as the kind
# of organisation read from its name.


@dataclass
class Part:
    """One kind's share of an uploaded table."""

    kind: str
    raw: RawTable
    create_only: bool = False


@dataclass(frozen=True)
class Layout:
    """A known file layout: the headers that identify it and how it splits into kinds.

    A layout whose columns go by many names (a project sheet says `Titel`, `Ärenderubrik` or
    `Title`) lists the other names of a label in `aliases`, and headers that start alike and
    go on to name something (`Bidrag från Vinnova`) in `prefixes`; both are read as the label.
    """

    name: str
    label_sv: str
    label_en: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    split: Callable[[_Source], list[Part]]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)  # header beginning -> label
    # Labels of which the file must have at least one besides the required ones.
    one_of: tuple[str, ...] = ()
    # Headers that say the file is something else (a grants file has a grant reference).
    excludes: tuple[str, ...] = ()

    @cached_property
    def _keys(self) -> dict[str, str]:
        return {
            v.normalise_label(alias): v.normalise_label(label)
            for label, aliases in self.aliases.items()
            for alias in aliases
        }

    def key(self, header: str) -> str:
        """The matching key of a file's header: its label's when it is an alias or a prefix."""
        key = v.normalise_label(header)
        if key in self._keys:
            return self._keys[key]
        for prefix, label in self.prefixes.items():
            if key.startswith(v.normalise_label(prefix)):
                return v.normalise_label(label)
        return key

    def fits(self, header: list[str]) -> bool:
        """True when `header` has every required label, one of `one_of` if any are named,
        and none of `excludes`.
        """
        present = {self.key(str(text)) for text in header}
        required = {v.normalise_label(label) for label in self.required}
        optional = {v.normalise_label(label) for label in self.one_of}
        if {v.normalise_label(label) for label in self.excludes} & present:
            return False
        return required <= present and (not optional or bool(optional & present))


# The 360Giving grants columns: what the standard requires, and the common optional ones we read
# (the export writes exactly these, in this order).
GIVING_REQUIRED = (
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
GIVING_OPTIONAL = (
    "Planned Dates:Start Date",
    "Planned Dates:End Date",
    "Grant Programme:Title",
    "Amount Disbursed",
)
VINNOVA_SOURCE = "Vinnova öppna data"
GIVING_SOURCE = "360Giving"

# The kind of an organisation only known by name. First rule that matches wins, else company
# (most coordinators and grant recipients are companies). The guess is only used for an
# organisation the store does not have yet; an existing one keeps its kind.
_KIND_BY_NAME: tuple[tuple[re.Pattern, OrganisationKind], ...] = (
    (re.compile(r"\bkommun\b|\bstad$", re.IGNORECASE), OrganisationKind.MUNICIPALITY),
    (re.compile(r"^region\b|regionen$|\blandsting$", re.IGNORECASE), OrganisationKind.REGION),
    (
        re.compile(r"universitet|högskola|university|institutet$|research institute", re.I),
        OrganisationKind.RESEARCH_ORGANISATION,
    ),
    (
        re.compile(
            r"(myndigheten|verket|rådet|styrelsen|inspektionen|kollegiet)$|^(vinnova|formas|forte)$",
            re.IGNORECASE,
        ),
        OrganisationKind.NATIONAL_AUTHORITY,
    ),
)


def guess_org_kind(name: str) -> str:
    """The organisation kind a name suggests: "Göteborgs kommun" -> municipality and so on."""
    text = " ".join(name.split())
    for pattern, kind in _KIND_BY_NAME:
        if pattern.search(text):
            return kind.value
    return OrganisationKind.COMPANY.value


class _Source:
    """A layout's view of the uploaded table: its cells by the labels the layout knows."""

    def __init__(self, raw: RawTable, layout: Layout):
        self.raw = raw
        self.layout = layout
        self.position: dict[str, int] = {}
        for index, text in enumerate(raw.header):
            self.position.setdefault(layout.key(str(text)), index)
        keep, self.problems = raw.shape_problems()
        self.keep = [int(index) for index in np.flatnonzero(keep)]
        self.problems += self._header_problems()

    def has(self, label: str) -> bool:
        return self.layout.key(label) in self.position

    def find(self, labels: tuple[str, ...]) -> str | None:
        """The first of `labels` the file has."""
        return next((label for label in labels if self.has(label)), None)

    def shown(self, label: str) -> str:
        """The header as the file writes it."""
        index = self.position.get(self.layout.key(label))
        return label if index is None else str(self.raw.header[index])

    def cells(self, label: str) -> list[object]:
        """The cells of column `label` in the kept rows ("" when the file lacks the column)."""
        index = self.position.get(self.layout.key(label))
        if index is None:
            return [""] * len(self.keep)
        column = self.raw.columns[index]
        if len(self.keep) == len(column):  # no row left out: the column as it is
            return list(column)
        return [column[row] for row in self.keep]

    def column(self, label: str) -> Cells:
        """Column `label` in the kept rows as the file's own distinct cells, for a part that
        takes it as it is: a column several parts read is parsed once. Empty cells when the
        file lacks the column.
        """
        index = self.position.get(self.layout.key(label))
        if index is None:
            nothing = np.zeros(len(self.keep), dtype=np.intp)
            return Cells(nothing, [""], np.ones(1, dtype=bool), text=True)
        cells = self.raw.cells(index)
        return cells if len(self.keep) == len(cells) else cells.take(self.keep)

    def _header_problems(self) -> list[Problem]:
        known = {self.layout.key(label) for label in self.layout.required + self.layout.optional}
        line = self.raw.header_line or None
        problems = []
        seen: set[str] = set()
        for index, text in enumerate(self.raw.header):
            label, key = str(text).strip(), self.layout.key(str(text))
            if not label:
                problems.append(blank_header(index, line))
            elif key in seen:
                problems.append(
                    Problem(
                        "duplicate-label",
                        f"Kolumnen ”{label}” finns två gånger.",
                        f"The column “{label}” appears twice.",
                        row=line,
                        column=label,
                    )
                )
            elif key not in known:
                problems.append(
                    extra_label(label, self.layout.label_sv, self.layout.label_en, line)
                )
            seen.add(key)
        for label in self.layout.required:
            if not self.has(label):
                problems.append(
                    Problem(
                        "missing-label",
                        f"Kolumnen ”{label}” saknas men krävs i {self.layout.label_sv}.",
                        f"The column “{label}” is missing but required in {self.layout.label_en}.",
                        row=line,
                        column=label,
                    )
                )
        return problems

    def part(
        self,
        kind: str,
        columns: list[tuple[str, str, Sequence[object]]],
        *,
        rows: list[int] | None = None,
        create_only: bool = False,
    ) -> Part:
        """A kind's table from (canonical name, label shown, cell per kept row) columns.

        `rows` picks kept rows by position (default: all), e.g. one row per organisation.
        """
        picked = range(len(self.keep)) if rows is None else rows

        def pick(cells: Sequence[object]) -> Sequence[object]:
            if isinstance(cells, Cells):
                return cells if rows is None else cells.take(rows)
            return [cells[i] for i in picked]

        raw = RawTable(
            name=f"{self.raw.name} ({KINDS[kind].label_sv.lower()})",
            header=[name for name, _shown, _cells in columns],
            columns=[pick(cells) for _name, _shown, cells in columns],
            shown=[shown for _name, shown, _cells in columns],
            header_line=self.raw.header_line,
            row_lines=[self.raw.line_of(self.keep[i]) for i in picked],
        )
        return Part(kind, raw, create_only)

    def organisations(self, entries: list[Named], source: str) -> Part:
        """One create-only organisation per distinct name, at the first row that names it,
        with what the file says about it there (number, country, county).
        """
        first: dict[str, tuple[int, Named]] = {}  # name -> its first row and column
        for entry in entries:
            # Names repeat: each distinct one once, in the order of the rows that first name it.
            cells = Cells.of(entry.names)
            codes, rows = np.unique(cells.codes, return_index=True)
            order = np.argsort(rows, kind="stable")
            for code, row in zip(codes[order].tolist(), rows[order].tolist(), strict=True):
                if not cells.missing[code]:
                    first.setdefault(" ".join(str(cells.uniques[code]).split()), (row, entry))
        ordered = sorted(first.items(), key=lambda item: item[1][0])
        names = [name for name, _first in ordered]
        extra: dict[str, str] = {}  # column -> label shown, from the first entry that has it
        for entry in entries:
            for column, (shown, _cells) in entry.columns.items():
                extra.setdefault(column, shown)

        def cells(column: str) -> list[object]:
            return [
                entry.columns[column][1][row] if column in entry.columns else ""
                for _name, (row, entry) in ordered
            ]

        raw = RawTable(
            name=f"{self.raw.name} ({KINDS['organisations'].label_sv.lower()})",
            header=["name", "kind", "source", *extra],
            columns=[
                names,
                [guess_org_kind(name) for name in names],
                [source] * len(names),
                *(cells(column) for column in extra),
            ],
            shown=[" / ".join(entry.label for entry in entries), "Typ", "Källa", *extra.values()],
            header_line=self.raw.header_line,
            row_lines=[self.raw.line_of(self.keep[row]) for _name, (row, _entry) in ordered],
        )
        return Part("organisations", raw, create_only=True)


@dataclass(frozen=True)
class Named:
    """A column of a layout's file that names organisations (one name per row), with what the
    file says about each of them in other columns: canonical column -> (label shown, cells).
    """

    label: str
    names: Sequence[object]
    columns: dict[str, tuple[str, list[object]]] = field(default_factory=dict)


_SWEDISH_ORG_ID = re.compile(r"SE-(?:BLV|ON)-(?P<number>.+)", re.IGNORECASE)
_COUNTRY_PREFIX = re.compile(r"(?P<country>[A-WYZ][A-Z])-", re.IGNORECASE)


def _org_number(identifier: object) -> object:
    """The organisationsnummer inside an org-id such as `SE-BLV-5560160680`, else empty."""
    match = _SWEDISH_ORG_ID.fullmatch(str(identifier).strip())
    return match["number"] if match else ""


def _country_of(identifier: object) -> str:
    """The country an org-id starts with (`GB-CHC-...` -> GB); SE when it names none.

    Prefixes starting with X (XI-, XM-) are international registers, not countries.
    """
    match = _COUNTRY_PREFIX.match(str(identifier).strip())
    return match["country"].upper() if match else "SE"


def _first_filled(*columns: list[object]) -> list[object]:
    """Per row, the first cell that is not missing ("" when all are)."""
    return [
        next((cell for cell in cells if not v.is_missing(cell)), "")
        for cells in zip(*columns, strict=True)
    ]


def _split_vinnova(source: _Source) -> list[Part]:
    """A Vinnova project: its coordinator, the project, and Vinnova's grant to it.

    Description is Projektreferat, else MalSvenska. A record without BeviljatBidrag yields no
    grant: nothing granted is known.
    """
    reference = source.cells("Diarienummer")
    start, end = source.cells("ProjektStart"), source.cells("ProjektSlut")
    coordinators = source.cells("KoordinatorOrg")
    constant = [VINNOVA_SOURCE] * len(source.keep)
    description_label = source.shown(
        "Projektreferat" if source.has("Projektreferat") else "MalSvenska"
    )
    projects = source.part(
        "projects",
        [
            ("reference", source.shown("Diarienummer"), reference),
            ("title", source.shown("Ärenderubrik"), source.cells("Ärenderubrik")),
            (
                "title_en",
                source.shown("ÄrenderubrikEngelska"),
                source.cells("ÄrenderubrikEngelska"),
            ),
            (
                "description",
                description_label,
                _first_filled(source.cells("Projektreferat"), source.cells("MalSvenska")),
            ),
            ("expected_effects", source.shown("ResultatSvenska"), source.cells("ResultatSvenska")),
            ("status", source.shown("Status"), source.cells("Status")),
            ("start_date", source.shown("ProjektStart"), start),
            ("end_date", source.shown("ProjektSlut"), end),
            ("coordinator", source.shown("KoordinatorOrg"), coordinators),
            ("source", "Källa", constant),
        ],
    )
    amounts = source.cells("BeviljatBidrag")
    grants = source.part(
        "grants",
        [
            ("reference", source.shown("Diarienummer"), reference),
            ("project_reference", source.shown("Diarienummer"), reference),
            ("funder", "Finansiär", ["Vinnova"] * len(source.keep)),
            ("amount_sek", source.shown("BeviljatBidrag"), amounts),
            ("start_date", source.shown("ProjektStart"), start),
            ("end_date", source.shown("ProjektSlut"), end),
            ("source", "Källa", constant),
        ],
        rows=[i for i, amount in enumerate(amounts) if not v.is_missing(amount)],
    )
    organisations = source.organisations(
        [Named(source.shown("KoordinatorOrg"), coordinators), Named("Vinnova", ["Vinnova"])],
        VINNOVA_SOURCE,
    )
    return [organisations, projects, grants]


def _status_from_dates(start: object, end: object, today: date) -> str:
    """A 360Giving project's status from its planned dates: before the start planned, after the
    end completed, in between ongoing; without dates planned (granted, nothing more known).

    A date that cannot be read counts as unknown here; its own column reports it.
    """

    def read(value: object, *, end: bool) -> date | None:
        if v.is_missing(value):
            return None
        try:
            return v.parse_date(value, end=end)
        except v.ValueProblem:
            return None

    first, last = read(start, end=False), read(end, end=True)
    if first is None and last is None:
        return ProjectStatus.PLANNED.value
    if first is not None and today < first:
        return ProjectStatus.PLANNED.value
    if last is not None and today > last:
        return ProjectStatus.COMPLETED.value
    return ProjectStatus.ONGOING.value


def _positive_money(value: object) -> bool:
    """True unless the amount is missing or reads as 0 (an unreadable one is reported later)."""
    if v.is_missing(value):
        return False
    try:
        return v.parse_money(value) > 0
    except v.ValueProblem:
        return True


def _currency_problems(source: _Source) -> list[Problem]:
    """Amounts must be in SEK: any other currency is a constraint-error on its row."""
    label = source.shown("Currency")
    problems = []
    for row, currency in zip(source.keep, source.cells("Currency"), strict=True):
        if v.is_missing(currency) or str(currency).strip().upper() != "SEK":
            shown = "" if v.is_missing(currency) else str(currency)
            problems.append(
                Problem(
                    "constraint-error",
                    f"Valutan är ”{shown}”; bara belopp i SEK godtas.",
                    f"The currency is “{shown}”; only amounts in SEK are accepted.",
                    row=source.raw.line_of(row),
                    column=label,
                    value=shown,
                )
            )
    return problems


def _giving_organisations(source: _Source, role: str, names: list[object]) -> Named:
    """A 360Giving organisation column (`Recipient Org`, `Funding Org`) with the number and
    country its org-id (`SE-BLV-5560160680`, `GB-CHC-...`) gives.
    """
    identifiers = source.cells(f"{role}:Identifier")
    label = source.shown(f"{role}:Name")
    return Named(
        label,
        names,
        {
            "org_number": (label, [_org_number(identifier) for identifier in identifiers]),
            "country": ("Land", [_country_of(identifier) for identifier in identifiers]),
        },
    )


# A column with a diarienummer names the project a 360Giving grant belongs to (several
# grants may share one); without it each grant is its own project, keyed by its Identifier.
_GIVING_PROJECT_LABELS = ("Diarienummer", "Dnr", "Projektets diarienummer", "Project reference")


def _split_360giving(source: _Source) -> list[Part]:
    """Recipient and funder, the project per grant, the grant, and what was paid out.

    Status comes from the planned dates compared with today (`_status_from_dates`). A positive
    `Amount Disbursed` becomes one disbursement dated the award date: 360Giving gives the sum
    paid so far, not the payments, and the award date is the one date the file is sure of.
    """
    today = date.today()
    identifier = source.cells("Identifier")
    project_label = source.find(_GIVING_PROJECT_LABELS)
    project = (
        _first_filled(source.cells(project_label), identifier) if project_label else identifier
    )
    project_shown = source.shown(project_label or "Identifier")
    start = source.cells("Planned Dates:Start Date")
    end = source.cells("Planned Dates:End Date")
    recipients, funders = source.cells("Recipient Org:Name"), source.cells("Funding Org:Name")
    constant = [GIVING_SOURCE] * len(source.keep)
    first_of_project: dict[str, int] = {}
    for position, key in enumerate(project):
        first_of_project.setdefault(" ".join(str(key).split()), position)
    projects = source.part(
        "projects",
        [
            ("reference", project_shown, project),
            ("title", source.shown("Title"), source.cells("Title")),
            ("description", source.shown("Description"), source.cells("Description")),
            (
                "status",
                "Status",
                [_status_from_dates(s, e, today) for s, e in zip(start, end, strict=True)],
            ),
            ("start_date", source.shown("Planned Dates:Start Date"), start),
            ("end_date", source.shown("Planned Dates:End Date"), end),
            ("coordinator", source.shown("Recipient Org:Name"), recipients),
            ("source", "Källa", constant),
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
            ("start_date", source.shown("Planned Dates:Start Date"), start),
            ("end_date", source.shown("Planned Dates:End Date"), end),
            ("source", "Källa", constant),
        ],
    )
    grants.raw.problems += _currency_problems(source)
    disbursed = source.cells("Amount Disbursed")
    disbursements = source.part(
        "disbursements",
        [
            ("grant_reference", source.shown("Identifier"), identifier),
            ("paid_on", source.shown("Award Date"), award_date),
            ("amount_sek", source.shown("Amount Disbursed"), disbursed),
            ("source", "Källa", constant),
        ],
        rows=[i for i, amount in enumerate(disbursed) if _positive_money(amount)],
    )
    organisations = source.organisations(
        [
            _giving_organisations(source, "Recipient Org", recipients),
            _giving_organisations(source, "Funding Org", funders),
        ],
        GIVING_SOURCE,
    )
    parts = [organisations, projects, grants]
    return [*parts, disbursements] if disbursements.raw.height else parts


# A flat project sheet: one row per project, as a Vinnova project page reads or as a programme
# officer keeps the list, with the coordinator's county and number and the grant on the row.
# Its project columns go by every name the projects kind knows; these are the rest.
_SHEET_COLUMNS: dict[str, tuple[str, ...]] = {
    "Län": ("County", "Koordinatorns län", "Region (län)"),
    "Organisationsnummer": (
        "Orgnr",
        "Org.nr",
        "Org nr",
        "Organisation number",
        "Koordinatorns organisationsnummer",
    ),
    "Belopp": (
        "Beviljat belopp",
        "Beviljat bidrag",
        "BeviljatBidrag",
        "Beviljade medel",
        "Bidrag",
        "Bidragsbelopp",
        "Amount granted",
        "Amount awarded",
        "Grant amount",
        "Amount",
    ),
    "Finansiär": ("Bidragsgivare", "Funder", "Funding organisation"),
    "Beslutsdatum": ("Beslut", "Decision date", "Award date"),
}
# "Bidrag från Vinnova" is the amount, and names its funder.
_FUNDED_BY = re.compile(
    r"^\s*(?:beviljat\s+)?bidrag\s+fr[åa]n\s+(?P<funder>.+?)\s*(?:\([^)]*\))?\s*$", re.I
)
_PROJECTS = "projects"


def _sheet_aliases() -> dict[str, tuple[str, ...]]:
    """Every name of every column a project sheet reads, under the label it is read as."""
    aliases = {column.sv: (column.name, *column.aliases) for column in KINDS[_PROJECTS].columns}
    return {**aliases, **_SHEET_COLUMNS}


def _each_distinct(read: Callable[[object], object], cells: list[object]) -> list[object]:
    """`read` of every cell, computed once per distinct cell: dates repeat in a large sheet."""
    done: dict[object, object] = {}
    return [done[cell] if cell in done else done.setdefault(cell, read(cell)) for cell in cells]


def _readable_dates(cells: list[object], *, end: bool) -> list[object]:
    """The cells that read as dates, as dates; others empty (the project reports them)."""

    def read(value: object) -> object:
        try:
            return "" if v.is_missing(value) else v.parse_date(value, end=end)
        except v.ValueProblem:
            return ""

    return _each_distinct(read, cells)


def _sheet_dates(source: _Source) -> tuple[list[object], list[object]]:
    """Each row's start and end as dates ("" when unknown): the own column where filled, else
    the period's (`Projektets löptid`), as the projects kind reads them.
    """

    def period(value: object) -> tuple[object, object]:
        try:
            return ("", "") if v.is_missing(value) else v.parse_period(value)
        except v.ValueProblem:
            return "", ""

    periods = _each_distinct(period, source.cells("Projektets löptid"))
    starts = _readable_dates(source.cells("Startdatum"), end=False)
    ends = _readable_dates(source.cells("Slutdatum"), end=True)
    return (
        [own or start for own, (start, _end) in zip(starts, periods, strict=True)],
        [own or end for own, (_start, end) in zip(ends, periods, strict=True)],
    )


def _split_sheet(source: _Source) -> list[Part]:
    """The coordinators, the projects and each project's grant of a flat project sheet.

    The funder is the one the amount's header names (`Bidrag från Vinnova`), else the row's
    `Finansiär`. Without either the projects still import and a warning says the amounts were
    not stored: a grant without a funder cannot be kept. The grant's reference is the
    diarienummer: one grant per project and funder, so a second upload updates it. A missing
    Status is read from the dates, as for 360Giving (before the start planned, and so on).
    """
    n = len(source.keep)
    reference = source.column("Diarienummer")
    starts, ends = _sheet_dates(source)
    project_columns = [
        (column.name, source.shown(column.sv), source.column(column.sv))
        for column in KINDS[_PROJECTS].columns
        if source.has(column.sv)
    ]
    if not source.has("Status"):
        today = date.today()
        statuses = [_status_from_dates(s, e, today) for s, e in zip(starts, ends, strict=True)]
        project_columns.append(("status", "Status", statuses))
    parts = [source.part(_PROJECTS, project_columns)]

    named = [
        Named(
            source.shown("Koordinator"),
            source.column("Koordinator"),
            {
                name: (source.shown(label), source.cells(label))
                for name, label in (("county", "Län"), ("org_number", "Organisationsnummer"))
                if source.has(label)
            },
        )
    ]
    amount_label = source.shown("Belopp")
    funded_by = _FUNDED_BY.match(amount_label)
    if funded_by:
        funders: list[object] = [funded_by["funder"]] * n
        funder_label = amount_label
    else:
        funders, funder_label = source.cells("Finansiär"), source.shown("Finansiär")
    if source.has("Belopp") and (funded_by or source.has("Finansiär")):
        amounts = source.column("Belopp")
        parts.append(
            source.part(
                "grants",
                [
                    ("reference", source.shown("Diarienummer"), reference),
                    ("project_reference", source.shown("Diarienummer"), reference),
                    ("funder", funder_label, funders),
                    ("amount_sek", amount_label, amounts),
                    ("decision_date", source.shown("Beslutsdatum"), source.column("Beslutsdatum")),
                    ("start_date", source.shown("Startdatum"), starts),
                    ("end_date", source.shown("Slutdatum"), ends),
                    ("source", source.shown("Källa"), source.column("Källa")),
                ],
                rows=np.flatnonzero(~amounts.row_missing).tolist(),
            )
        )
        named.append(Named(funder_label, funders))
    elif source.has("Belopp"):
        source.problems.append(
            Problem(
                "extra-label",
                f"Beloppen i ”{amount_label}” sparas inte som bidrag: filen anger ingen "
                "finansiär. Lägg till kolumnen ”Finansiär” eller döp om kolumnen till "
                "”Bidrag från Vinnova” (med finansiärens namn); projekten importeras ändå.",
                f"The amounts in “{amount_label}” are not stored as grants: the file names no "
                "funder. Add a “Finansiär” (Funder) column or name the column “Bidrag från "
                "Vinnova” (with the funder's name); the projects are imported all the same.",
                row=source.raw.header_line or None,
                column=amount_label,
                severity="warning",
            )
        )
    return [source.organisations(named, source.raw.name), *parts]


LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        Layout(
            name="vinnova",
            label_sv="Vinnovas öppna projektdata",
            label_en="Vinnova open project data",
            required=("Diarienummer", "Ärenderubrik", "KoordinatorOrg", "Status"),
            optional=(
                "ÄrenderubrikEngelska",
                "DiarienummerProgram",
                "DiarienummerUtlysning",
                "MalSvenska",
                "ResultatSvenska",
                "Projektreferat",
                "BeviljatBidrag",
                "ProjektStart",
                "ProjektSlut",
                "KoordinatorArb",
                "LankLista",
            ),
            split=_split_vinnova,
        ),
        Layout(
            name="360giving",
            label_sv="360Giving-bidragsfil",
            label_en="a 360Giving grants file",
            required=GIVING_REQUIRED,
            optional=(*GIVING_OPTIONAL, *_GIVING_PROJECT_LABELS),
            split=_split_360giving,
        ),
        Layout(
            name="project_sheet",
            label_sv="Projektlista (en rad per projekt)",
            label_en="Project sheet (one row per project)",
            required=("Diarienummer", "Titel"),
            optional=tuple(label for label in _sheet_aliases() if label != "Titel"),
            split=_split_sheet,
            aliases=_sheet_aliases(),
            prefixes={"Bidrag från": "Belopp", "Beviljat bidrag från": "Belopp"},
            one_of=tuple(_SHEET_COLUMNS),
            excludes=KINDS["grants"].column("reference").headers,
        ),
    )
}

# What an upload may name as its kind (`Upload.kind`, `python -m arena import --kind`).
UPLOAD_KINDS: tuple[str, ...] = (*KINDS, *LAYOUTS)


def detect_layout(header: list[str]) -> Layout | None:
    """The first layout the headers fit (`Layout.fits`), if any: Vinnova and 360Giving come
    before the project sheet, whose headers are the loosest.
    """
    return next((layout for layout in LAYOUTS.values() if layout.fits(header)), None)


def split(raw: RawTable, name: str) -> list[Part]:
    """The parts of a table read as `name`: a layout's file splits, a kind's file is one part."""
    layout = LAYOUTS.get(name)
    if layout is None:
        return [Part(name, raw)]
    source = _Source(raw, layout)
    parts = layout.split(source)
    parts[0].raw.problems[:0] = source.problems
    return parts
