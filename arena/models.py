"""The store's tables: the whole domain of the arena, one class per entity.

Money is integer SEK (BigInteger), dates are dates, and each table has the natural key users
know (diarienummer, organisationsnummer, programme code + year ...) as a unique constraint. The
import pipeline matches a file's rows to stored ones by that key, inserts the new rows and updates
the changed fields by id, and records every change for history and undo (`arena.ingest.apply`
says why it does not upsert). Codes are the canonical English values of `arena.domain`; CHECK
constraints keep the database honest even when something bypasses the pipeline. The pipeline
writes with Core statements, so checks that need Python (the organisationsnummer's check digit)
live in the import's parsers (`arena.ingest.values`), not on these classes.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlmodel import Field, SQLModel

from arena.domain import (
    AuditAction,
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
    Role,
    Scope,
    UpdateFrequency,
)


def _in(column: str, enum: type) -> str:
    """SQL for `column IN (...)` over an enum's codes (works on SQLite and PostgreSQL)."""
    codes = ", ".join(f"'{member.value}'" for member in enum)
    return f"{column} IN ({codes})"


def _money(*, nullable: bool = False) -> Column:
    return Column(BigInteger, nullable=nullable)


def _fk(
    target: str, *, nullable: bool = False, cascade: bool = False, leads_key: bool = False
) -> Column:
    """An integer foreign key, indexed (pages join on it, and deleting a parent finds its
    children by it); `cascade` for rows that only exist as part of their parent.

    `leads_key`: the column leads the table's unique key, whose index serves every lookup by
    the column alone as well; an index of its own would only cost every insert (issue 11).
    """
    return Column(
        Integer,
        ForeignKey(target, ondelete="CASCADE" if cascade else "RESTRICT"),
        nullable=nullable,
        index=not leads_key,
    )


class Organisation(SQLModel, table=True):
    """A public buyer, company, research organisation, association or international body."""

    __tablename__ = "organisation"

    __table_args__ = (
        CheckConstraint(_in("kind", OrganisationKind), name="ck_organisation_kind"),
        # Swedish "NNNNNN-NNNN", or a neighbour's with its country first ("NO974760673",
        # "DK12345678", "FI0201256-6": arena.ingest.values.parse_org_number).
        CheckConstraint(
            "org_number LIKE '______-____' OR org_number LIKE 'NO_________' "
            "OR org_number LIKE 'DK________' OR org_number LIKE 'FI_______-_'",
            name="ck_organisation_org_number",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    org_number: str | None = Field(default=None, unique=True)
    kind: str
    county: str | None = None
    country: str = "SE"
    source: str | None = None


class Programme(SQLModel, table=True):
    """A government assignment or funding programme, e.g. the 2017-2018 buyer-group assignment."""

    __tablename__ = "programme"

    __table_args__ = (
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="ck_programme_period",
        ),
        CheckConstraint(f"kind IS NULL OR {_in('kind', ProgrammeKind)}", name="ck_programme_kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    name: str
    name_en: str | None = None
    kind: str | None = None  # ProgrammeKind; None when the file does not say
    owner_id: int | None = Field(default=None, sa_column=_fk("organisation.id", nullable=True))
    funder_id: int | None = Field(default=None, sa_column=_fk("organisation.id", nullable=True))
    start_date: date | None = None
    end_date: date | None = None
    report_due: date | None = None
    themes: str | None = None
    sdg_goals: str | None = None  # Agenda 2030 goal numbers, "9; 11"
    description: str | None = None
    source: str | None = None


class BudgetAllocation(SQLModel, table=True):
    """Money a programme may use in one year (e.g. 2 000 000 SEK in 2017)."""

    __tablename__ = "budget_allocation"

    __table_args__ = (
        UniqueConstraint("programme_id", "year", name="uq_budget_programme_year"),
        CheckConstraint("amount_sek >= 0", name="ck_budget_amount"),
    )

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(sa_column=_fk("programme.id", cascade=True, leads_key=True))
    year: int
    amount_sek: int = Field(sa_column=_money())
    source: str | None = None


# (status, date column) of the projects the attention list looks for by that date.
PROJECT_STATUS_DATES = (("ongoing", "end_date"), ("planned", "start_date"))


class Project(SQLModel, table=True):
    """An innovation-procurement project, keyed by its diarienummer."""

    __tablename__ = "project"

    __table_args__ = (
        CheckConstraint(_in("status", ProjectStatus), name="ck_project_status"),
        CheckConstraint(f"stage IS NULL OR {_in('stage', ProjectStage)}", name="ck_project_stage"),
        CheckConstraint(
            f"procurement_type IS NULL OR {_in('procurement_type', ProcurementType)}",
            name="ck_project_procurement_type",
        ),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="ck_project_period",
        ),
        # The attention list's projects still ongoing after their end and still planned
        # after their start: without them each read every project ended or begun before
        # today (85 and 187 ms at 100 000 projects on SQLite; 2 ms with them, issue 11).
        *(
            Index(
                f"ix_project_{status}_{column}",
                column,
                sqlite_where=text(f"status = '{status}'"),
                postgresql_where=text(f"status = '{status}'"),
            )
            for status, column in PROJECT_STATUS_DATES
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(unique=True)
    title: str
    title_en: str | None = None
    description: str | None = None
    expected_effects: str | None = None
    status: str
    stage: str | None = None
    coordinator_id: int | None = Field(
        default=None, sa_column=_fk("organisation.id", nullable=True)
    )
    programme_id: int | None = Field(default=None, sa_column=_fk("programme.id", nullable=True))
    # The buyer group or network that procures the project jointly, if any.
    buyer_group_id: int | None = Field(default=None, sa_column=_fk("buyer_group.id", nullable=True))
    sector: str | None = None
    procurement_type: str | None = None
    # Indexed: the year filter's range and the attention list's ends are read from them.
    start_date: date | None = Field(default=None, index=True)
    end_date: date | None = Field(default=None, index=True)
    sdg_goals: str | None = None  # Agenda 2030 goal numbers, "9;11"
    themes: str | None = None  # "; "-separated
    source: str | None = None
    updated_at: datetime | None = None


class ProjectParticipant(SQLModel, table=True):
    """An organisation's role in a project (coordinator, buyer, supplier, research partner)."""

    __tablename__ = "project_participant"

    __table_args__ = (
        UniqueConstraint("project_id", "organisation_id", "role", name="uq_participant"),
        CheckConstraint(_in("role", ParticipantRole), name="ck_participant_role"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(sa_column=_fk("project.id", cascade=True, leads_key=True))
    organisation_id: int = Field(sa_column=_fk("organisation.id"))
    role: str


class BuyerGroup(SQLModel, table=True):
    """A network of buyers: a beställargrupp (public buyers at several levels with a shared
    need), a beställarnätverk, or an international network such as Procure2Innovate."""

    __tablename__ = "buyer_group"

    __table_args__ = (
        CheckConstraint(_in("kind", NetworkKind), name="ck_buyer_group_kind"),
        CheckConstraint("countries IS NULL OR countries >= 1", name="ck_buyer_group_countries"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    # The server default fills the rows that existed before networks had kinds.
    kind: str = Field(
        default=NetworkKind.BUYER_GROUP.value,
        sa_column_kwargs={"server_default": NetworkKind.BUYER_GROUP.value},
    )
    # How many countries an international network spans (Procure2Innovate: ten); its foreign
    # members are often not named, so the number is stored rather than counted from members.
    countries: int | None = None
    sector: str | None = None
    programme_id: int | None = Field(default=None, sa_column=_fk("programme.id", nullable=True))
    description: str | None = None
    source: str | None = None


class BuyerGroupMember(SQLModel, table=True):
    """Membership of an organisation in a buyer group; its level comes from the organisation."""

    __tablename__ = "buyer_group_member"

    __table_args__ = (UniqueConstraint("buyer_group_id", "organisation_id", name="uq_member"),)

    id: int | None = Field(default=None, primary_key=True)
    buyer_group_id: int = Field(sa_column=_fk("buyer_group.id", cascade=True, leads_key=True))
    organisation_id: int = Field(sa_column=_fk("organisation.id"))
    role: str | None = None  # free text: "kompetenscentrum", "samordnare" ...


class Grant(SQLModel, table=True):
    """Money a funder awarded to a project, keyed by the funder's grant reference."""

    __tablename__ = "grant_award"

    __table_args__ = (
        CheckConstraint("amount_sek >= 0", name="ck_grant_amount"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="ck_grant_period",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(unique=True)
    project_id: int = Field(sa_column=_fk("project.id"))
    funder_id: int = Field(sa_column=_fk("organisation.id"))
    amount_sek: int = Field(sa_column=_money())
    decision_date: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    source: str | None = None


# A grant counts in the year it was decided; a grant recorded without a decision date counts
# in the year it starts (Vinnova's project pages show the period, not always the decision).
# Here, beside the table, as the queries and the summaries the import keeps both count so.
GRANT_DATE = func.coalesce(
    Grant.__table__.c.decision_date,  # type: ignore[attr-defined]
    Grant.__table__.c.start_date,  # type: ignore[attr-defined]
)


class Disbursement(SQLModel, table=True):
    """A payment made under a grant."""

    __tablename__ = "disbursement"

    # A funder may pay one grant twice on one day (to two of its parties, or an advance and a
    # final payment): the payment's own reference in the funder's ledger tells them apart. It
    # is "" where a file gives none, not NULL, so a second upload of the same file finds the
    # same rows (a unique key with a NULL in it matches nothing).
    __table_args__ = (
        UniqueConstraint("grant_id", "paid_on", "payment_reference", name="uq_disbursement"),
        CheckConstraint("amount_sek >= 0", name="ck_disbursement_amount"),
    )

    id: int | None = Field(default=None, primary_key=True)
    grant_id: int = Field(sa_column=_fk("grant_award.id", cascade=True, leads_key=True))
    paid_on: date = Field(index=True)  # the filter's year range reads its extremes
    payment_reference: str = Field(default="", sa_column_kwargs={"server_default": ""})
    amount_sek: int = Field(sa_column=_money())
    source: str | None = None


def paid_by(today: date) -> ColumnElement[bool]:
    """WHERE condition on `disbursement` keeping what is paid by `today` (Sweden's,
    `arena.clock`): a payment dated after it (a payment plan, a voucher booked ahead) is
    planned, not paid, in every figure of what is disbursed or remains. One tomorrow read as
    paid on the Grants page, the Project page and in the 360Giving file's Amount Disbursed.
    Here, beside the table, as the queries and the 360Giving writer of the import both ask."""
    return Disbursement.__table__.c.paid_on <= today  # type: ignore[attr-defined]


class Expenditure(SQLModel, table=True):
    """Spend (utfall) of a programme or project, reported per date and category."""

    __tablename__ = "expenditure"

    __table_args__ = (
        UniqueConstraint(
            "scope", "scope_ref", "spent_on", "category", "line_reference", name="uq_expenditure"
        ),
        CheckConstraint("scope IN ('programme', 'project')", name="ck_expenditure_scope"),
    )

    id: int | None = Field(default=None, primary_key=True)
    scope: str
    scope_ref: str = Field(index=True)  # programme code or project reference
    spent_on: date = Field(index=True)  # the filter's year range reads its extremes
    category: str
    # The ledger's voucher number: two lines of one category on one day are two lines.
    line_reference: str = Field(default="", sa_column_kwargs={"server_default": ""})
    amount_sek: int = Field(sa_column=_money())  # may be negative: a correction
    description: str | None = None
    source: str | None = None


class ProjectMoney(SQLModel, table=True):
    """A summary, not a source: a project's money per funder and calendar year, so a figure
    sums a few hundred thousand rows instead of grouping a million spend lines.

    Granted counts by the grant's decision date (its start without one: year None when it has
    neither), disbursed by payment date, both under the grant's funder; spent (project spend)
    by the date spent, on rows of no funder (spend has none, and a funder's view still sees all
    spend of the projects it funds). Per calendar year answers every figure: a year filter
    spans whole years. Kept equal to the tables it sums by `arena.summaries`, in the
    transaction of every import and undo.
    """

    __tablename__ = "project_money"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(sa_column=_fk("project.id", cascade=True))
    # No foreign key: a funder and its grants may go in one import, before the refresh.
    funder_id: int | None = None
    year: int | None = None
    granted_sek: int = Field(sa_column=_money())
    disbursed_sek: int = Field(sa_column=_money())
    spent_sek: int = Field(sa_column=_money())


class ProjectPlace(SQLModel, table=True):
    """A summary, not a source: each (county, organisation kind) of the organisations taking
    part in a project, coordinator or participant, once per project. The county and level
    filters, the county facet and the county x level figure read it instead of joining
    350 000 participants to their organisations at every cold start. Kept equal to the tables
    it sums by `arena.summaries`, in the transaction of every import and undo.
    """

    __tablename__ = "project_place"
    # Covering indexes: a county (or a kind) leads to its projects without reading the table.
    __table_args__ = (
        Index("ix_project_place_county", "county", "kind", "project_id"),
        Index("ix_project_place_kind", "kind", "county", "project_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(sa_column=_fk("project.id", cascade=True))
    county: str | None = None
    kind: str


class Indicator(SQLModel, table=True):
    """An outcome indicator with baseline and target (e.g. innovation procurements on Doffin).

    The registry says who publishes it (owner), how often, which way is better (direction) and
    what it measures: indicators of different countries with the same `measure` compare like
    with like (Norway's and Sweden's innovation procurements announced); different measures
    must not be set side by side as if they were one.
    """

    __tablename__ = "indicator"

    __table_args__ = (
        CheckConstraint(_in("direction", IndicatorDirection), name="ck_indicator_direction"),
        CheckConstraint(
            f"frequency IS NULL OR {_in('frequency', UpdateFrequency)}",
            name="ck_indicator_frequency",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    name_sv: str
    name_en: str | None = None
    unit: str
    definition: str | None = None
    baseline_value: float | None = None
    baseline_year: int | None = None
    target_value: float | None = None
    target_year: int | None = None
    owner_id: int | None = Field(default=None, sa_column=_fk("organisation.id", nullable=True))
    frequency: str | None = None  # UpdateFrequency
    direction: str = Field(
        default=IndicatorDirection.INCREASE.value,
        sa_column_kwargs={"server_default": IndicatorDirection.INCREASE.value},
    )
    measure: str | None = None  # e.g. "strategy_share"
    # The programme whose result the indicator measures; None for national outcomes and for
    # project outputs, which roll up through their projects' programme.
    programme_id: int | None = Field(default=None, sa_column=_fk("programme.id", nullable=True))
    source: str | None = None


class IndicatorValue(SQLModel, table=True):
    """A measured value of an indicator for a programme, a project or a country in one year."""

    __tablename__ = "indicator_value"

    __table_args__ = (
        UniqueConstraint("indicator_id", "scope", "scope_ref", "year", name="uq_indicator_value"),
        CheckConstraint(_in("scope", Scope), name="ck_indicator_value_scope"),
        CheckConstraint(
            "coverage IS NULL OR (coverage >= 0 AND coverage <= 1)",
            name="ck_indicator_value_coverage",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(sa_column=_fk("indicator.id", cascade=True, leads_key=True))
    scope: str
    scope_ref: str = Field(index=True)  # programme code, project reference or ISO country code
    year: int
    value: float
    coverage: float | None = None  # share of the population the value is based on, 0..1
    note: str | None = None
    source: str | None = None
    # Whether the note marks the value preliminary (`ingest.values.is_preliminary`), stored
    # by the import with the note: the Results page reads it, as SQL cannot read notes so.
    preliminary: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class Milestone(SQLModel, table=True):
    """A milestone or report of a project or programme, with its due and delivered dates."""

    __tablename__ = "milestone"

    __table_args__ = (
        UniqueConstraint("scope", "scope_ref", "title", name="uq_milestone"),
        CheckConstraint("scope IN ('programme', 'project')", name="ck_milestone_scope"),
        CheckConstraint(_in("kind", MilestoneKind), name="ck_milestone_kind"),
        # The open reports by due date: the late and due ones of the attention list and the
        # Grants page, a few thousand of hundreds of thousands; with the project each belongs
        # to, so the reports of filtered projects are found in the index alone.
        Index("ix_milestone_open", "scope", "delivered_date", "due_date", "scope_ref"),
    )

    id: int | None = Field(default=None, primary_key=True)
    scope: str
    scope_ref: str = Field(index=True)
    title: str
    kind: str = MilestoneKind.REPORT.value
    due_date: date
    delivered_date: date | None = None
    source: str | None = None


class Activity(SQLModel, table=True):
    """One activity of the arena (a seminar series, a pioneer relay, a grant round ...), filed
    under one of the seven efforts of seed 002, with what it reached and what it cost."""

    __tablename__ = "activity"

    __table_args__ = (
        CheckConstraint(_in("effort", EffortKind), name="ck_activity_effort"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="ck_activity_period",
        ),
        CheckConstraint(
            "(participants IS NULL OR participants >= 0) AND (reach IS NULL OR reach >= 0)",
            name="ck_activity_counts",
        ),
        CheckConstraint("cost_sek IS NULL OR cost_sek >= 0", name="ck_activity_cost"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(unique=True)
    effort: str = Field(index=True)  # EffortKind
    title: str
    programme_id: int | None = Field(default=None, sa_column=_fk("programme.id", nullable=True))
    start_date: date | None = Field(default=None, index=True)
    end_date: date | None = None
    participants: int | None = None  # people taking part
    reach: int | None = None  # organisations or people reached
    cost_sek: int | None = Field(default=None, sa_column=_money(nullable=True))
    description: str | None = None
    source: str | None = None


# What an import did to a row, as its recorded counts name it (`ImportRun.counts`, per kind
# `Plan.changed_kinds`): the plan records them and the history reads them back.
ROW_ACTIONS = ("new", "updated", "deleted")


class ImportRun(SQLModel, table=True):
    """One import: what file, by whom, when, what it did; undo reads its recorded changes."""

    __tablename__ = "import_run"

    id: int | None = Field(default=None, primary_key=True)
    file_name: str
    sha256: str = Field(index=True)
    kind: str
    user: str | None = None
    started_at: datetime
    finished_at: datetime | None = None
    outcome: str  # committed | rejected | unchanged | undone
    counts: str | None = None  # JSON: {"new": n, "updated": n, "unchanged": n, "rejected": n}
    message: str | None = None


class ImportChange(SQLModel, table=True):
    """The before and after image of one row an import touched (JSON), for history and undo."""

    __tablename__ = "import_change"

    # A project's history is found by these columns (`arena.queries.history`), never by their
    # NULLs: a created row has no "before" project, and a row of no project (an organisation,
    # a budget) neither. Partial indexes leave those out, so an import of 100 000 new rows
    # writes half the index entries (0.40 -> 0.33 s on SQLite, 1.23 -> 1.10 s on PostgreSQL
    # for their history, issue 11).
    __table_args__ = tuple(
        Index(
            f"ix_import_change_{name}",
            name,
            sqlite_where=text(f"{name} IS NOT NULL"),
            postgresql_where=text(f"{name} IS NOT NULL"),
        )
        for name in ("project_before", "project_after")
    )

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(sa_column=_fk("import_run.id", cascade=True))
    table_name: str
    row_key: str  # JSON of the natural key
    before: str | None = None  # JSON of the row before; None when the import created it
    after: str | None = None  # JSON of the row after; None when the import deleted it
    # The reference of the project the row belonged to before and after the import: a project's
    # own, the project of a participant, grant, disbursement (through its grant) or of a
    # project-scoped spend, indicator value or milestone; None for rows of no project. The
    # project page asks "which imports touched this project?" by these indexed columns, not by
    # matching text inside the JSON. Two columns, because an update can move a grant from one
    # project to another and both projects' histories show that import.
    project_before: str | None = None
    project_after: str | None = None


class User(SQLModel, table=True):
    """A person who may sign in, known by the e-mail the identity provider gives (lower case)."""

    __tablename__ = "app_user"

    __table_args__ = (CheckConstraint("email = lower(email)", name="ck_app_user_email_lower"),)

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True)
    name: str | None = None
    created_at: datetime


class UserRole(SQLModel, table=True):
    """One role a person holds; a funder role is bound to one funder organisation per row."""

    __tablename__ = "user_role"

    __table_args__ = (
        UniqueConstraint("user_id", "role", "funder_id", name="uq_user_role"),
        CheckConstraint(_in("role", Role), name="ck_user_role_role"),
        # A funder role names its organisation; no other role does.
        CheckConstraint("(role = 'funder') = (funder_id IS NOT NULL)", name="ck_user_role_funder"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_fk("app_user.id", cascade=True, leads_key=True))
    role: str
    funder_id: int | None = Field(default=None, sa_column=_fk("organisation.id", nullable=True))


class AuditEvent(SQLModel, table=True):
    """Who did what to the store, and when: imports, undos, replaces and role changes.

    Append-only: the code only inserts, and the migration installs triggers that make the
    database refuse an UPDATE or DELETE of these rows.
    """

    __tablename__ = "audit_event"

    __table_args__ = (CheckConstraint(_in("action", AuditAction), name="ck_audit_event_action"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)  # UTC
    actor_subject: str = Field(index=True)  # the e-mail from the identity provider, or cli:<user>
    actor_name: str | None = None
    action: str
    import_id: int | None = Field(default=None, sa_column=_fk("import_run.id", nullable=True))
    detail: str  # JSON: what changed (file, kinds, counts; or e-mail, role, funder)
