"""The layouts the import pipeline knows: one `Kind` per entity, its columns and natural key.

A kind's columns are named in canonical English (the export headers); each has a Swedish
template header and aliases, so a file with `Diarienummer`, `Ärenderubrik` or `reference`
lands in the same place. Columns that point at other entities (`coordinator`,
`project_reference` ...) carry those entities' natural keys, never database ids: the same
"natural" table is what users upload, what the preview diffs, and what exports write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from arena import models
from arena.ingest import values as v


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
_ORG = "organisations"

_PROJECT_REF = Column(
    "project_reference",
    "Diarienummer",
    aliases=("Projekt", "Project", "Dnr", "Projektets diarienummer", "Reference"),
)
_PROGRAMME_REF = Column("programme_code", "Program", aliases=("Programme", "Programkod", "Uppdrag"))


def _scoped(column: Column, scope: str) -> Column:
    """The same reference column, used as one of a row's alternative scopes."""
    return Column(column.name, column.sv, aliases=column.aliases, scope=scope)


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
            Column("start_date", "Startdatum", parse=v.parse_date, aliases=("Start", "Start date")),
            Column("end_date", "Slutdatum", parse=_end_date, aliases=("Slut", "End date")),
            Column(
                "report_due",
                "Slutrapport senast",
                parse=_end_date,
                aliases=("Rapport senast", "Report due", "Slutredovisas senast"),
            ),
            Column("themes", "Teman", aliases=("Themes", "Tema")),
            Column("description", "Beskrivning", aliases=("Description",)),
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
            Column(
                _PROGRAMME_REF.name,
                _PROGRAMME_REF.sv,
                required=True,
                aliases=_PROGRAMME_REF.aliases,
                ref=Ref("programmes", "programme_id"),
            ),
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
                aliases=("Dnr", "Ärendenummer", "Projektnummer", "Reference", "Case number"),
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
            Column(
                _PROGRAMME_REF.name,
                _PROGRAMME_REF.sv,
                aliases=_PROGRAMME_REF.aliases,
                ref=Ref("programmes", "programme_id"),
            ),
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
            Column("themes", "Teman", aliases=("Themes", "Tema")),
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
            Column(
                _PROJECT_REF.name,
                _PROJECT_REF.sv,
                required=True,
                aliases=_PROJECT_REF.aliases,
                ref=Ref("projects", "project_id"),
            ),
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
            Column(
                _PROGRAMME_REF.name,
                _PROGRAMME_REF.sv,
                aliases=_PROGRAMME_REF.aliases,
                ref=Ref("programmes", "programme_id"),
            ),
            Column("description", "Beskrivning", aliases=("Description",)),
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
            Column(
                _PROJECT_REF.name,
                _PROJECT_REF.sv,
                required=True,
                aliases=_PROJECT_REF.aliases,
                ref=Ref("projects", "project_id"),
            ),
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
            Column("start_date", "Startdatum", parse=v.parse_date, aliases=("Start", "Start date")),
            Column("end_date", "Slutdatum", parse=_end_date, aliases=("Slut", "End date")),
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
