"""The store's tables: the whole domain of the arena, one class per entity.

Money is integer SEK (BigInteger), dates are dates, and each table has the natural key users
know (diarienummer, organisationsnummer, programme code + year ...) as a unique constraint, which
the import pipeline upserts on. Codes are the canonical English values of `arena.domain`; CHECK
constraints keep the database honest even when something bypasses the pipeline.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    UniqueConstraint,
)
from sqlalchemy.orm import validates
from sqlmodel import Field, SQLModel

from arena.domain import (
    MilestoneKind,
    OrganisationKind,
    ParticipantRole,
    ProcurementType,
    ProjectStage,
    ProjectStatus,
    Scope,
    org_number_problem,
)


def _in(column: str, enum: type) -> str:
    """SQL for `column IN (...)` over an enum's codes (works on SQLite and PostgreSQL)."""
    codes = ", ".join(f"'{member.value}'" for member in enum)
    return f"{column} IN ({codes})"


def _money(*, nullable: bool = False) -> Column:
    return Column(BigInteger, nullable=nullable)


def _fk(target: str, *, nullable: bool = False, cascade: bool = False) -> Column:
    """An integer foreign key; `cascade` for rows that only exist as part of their parent."""
    return Column(
        Integer,
        ForeignKey(target, ondelete="CASCADE" if cascade else "RESTRICT"),
        nullable=nullable,
        index=True,
    )


class Organisation(SQLModel, table=True):
    """A public buyer, company, research organisation, association or international body."""

    __tablename__ = "organisation"

    __table_args__ = (
        CheckConstraint(_in("kind", OrganisationKind), name="ck_organisation_kind"),
        CheckConstraint("org_number LIKE '______-____'", name="ck_organisation_org_number"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    org_number: str | None = Field(default=None, unique=True)
    kind: str
    county: str | None = None
    country: str = "SE"
    source: str | None = None

    @validates("org_number")
    def _check_org_number(self, _key: str, value: str | None) -> str | None:
        # The DB checks the shape; the Luhn check digit needs Python.
        if value is not None and (problem := org_number_problem(value)):
            raise ValueError(f"invalid organisationsnummer {value!r}: {problem}")
        return value


class Programme(SQLModel, table=True):
    """A government assignment or funding programme, e.g. the 2017-2018 buyer-group assignment."""

    __tablename__ = "programme"

    __table_args__ = (
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="ck_programme_period",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    name: str
    name_en: str | None = None
    owner_id: int | None = Field(default=None, sa_column=_fk("organisation.id", nullable=True))
    funder_id: int | None = Field(default=None, sa_column=_fk("organisation.id", nullable=True))
    start_date: date | None = None
    end_date: date | None = None
    report_due: date | None = None
    themes: str | None = None
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
    programme_id: int = Field(sa_column=_fk("programme.id", cascade=True))
    year: int
    amount_sek: int = Field(sa_column=_money())
    source: str | None = None


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
    sector: str | None = None
    procurement_type: str | None = None
    start_date: date | None = None
    end_date: date | None = None
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
    project_id: int = Field(sa_column=_fk("project.id", cascade=True))
    organisation_id: int = Field(sa_column=_fk("organisation.id"))
    role: str


class BuyerGroup(SQLModel, table=True):
    """A beställargrupp: public buyers at several levels with a shared need."""

    __tablename__ = "buyer_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    sector: str | None = None
    programme_id: int | None = Field(default=None, sa_column=_fk("programme.id", nullable=True))
    description: str | None = None
    source: str | None = None


class BuyerGroupMember(SQLModel, table=True):
    """Membership of an organisation in a buyer group; its level comes from the organisation."""

    __tablename__ = "buyer_group_member"

    __table_args__ = (UniqueConstraint("buyer_group_id", "organisation_id", name="uq_member"),)

    id: int | None = Field(default=None, primary_key=True)
    buyer_group_id: int = Field(sa_column=_fk("buyer_group.id", cascade=True))
    organisation_id: int = Field(sa_column=_fk("organisation.id"))


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


class Disbursement(SQLModel, table=True):
    """A payment made under a grant."""

    __tablename__ = "disbursement"

    __table_args__ = (
        UniqueConstraint("grant_id", "paid_on", name="uq_disbursement"),
        CheckConstraint("amount_sek >= 0", name="ck_disbursement_amount"),
    )

    id: int | None = Field(default=None, primary_key=True)
    grant_id: int = Field(sa_column=_fk("grant_award.id", cascade=True))
    paid_on: date
    amount_sek: int = Field(sa_column=_money())
    source: str | None = None


class Expenditure(SQLModel, table=True):
    """Spend (utfall) of a programme or project, reported per date and category."""

    __tablename__ = "expenditure"

    __table_args__ = (
        UniqueConstraint("scope", "scope_ref", "spent_on", "category", name="uq_expenditure"),
        CheckConstraint("scope IN ('programme', 'project')", name="ck_expenditure_scope"),
    )

    id: int | None = Field(default=None, primary_key=True)
    scope: str
    scope_ref: str = Field(index=True)  # programme code or project reference
    spent_on: date
    category: str
    amount_sek: int = Field(sa_column=_money())  # may be negative: a correction
    description: str | None = None
    source: str | None = None


class Indicator(SQLModel, table=True):
    """An outcome indicator with baseline and target (e.g. innovation procurements on Doffin)."""

    __tablename__ = "indicator"

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
    indicator_id: int = Field(sa_column=_fk("indicator.id", cascade=True))
    scope: str
    scope_ref: str = Field(index=True)  # programme code, project reference or ISO country code
    year: int
    value: float
    coverage: float | None = None  # share of the population the value is based on, 0..1
    note: str | None = None
    source: str | None = None


class Milestone(SQLModel, table=True):
    """A milestone or report of a project or programme, with its due and delivered dates."""

    __tablename__ = "milestone"

    __table_args__ = (
        UniqueConstraint("scope", "scope_ref", "title", name="uq_milestone"),
        CheckConstraint("scope IN ('programme', 'project')", name="ck_milestone_scope"),
        CheckConstraint(_in("kind", MilestoneKind), name="ck_milestone_kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    scope: str
    scope_ref: str = Field(index=True)
    title: str
    kind: str = MilestoneKind.REPORT.value
    due_date: date
    delivered_date: date | None = None
    source: str | None = None


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
    # The project page asks "which imports touched this row?" by table and natural key.
    __table_args__ = (Index("ix_import_change_row", "table_name", "row_key"),)

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(sa_column=_fk("import_run.id", cascade=True))
    table_name: str
    row_key: str  # JSON of the natural key
    before: str | None = None  # JSON of the row before; None when the import created it
    after: str | None = None  # JSON of the row after; None when the import deleted it
