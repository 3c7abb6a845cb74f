"""Every CHECK constraint of the tables an import writes is met first by the import's own
checks, which name the row and the column: the database's refusal names only its constraint
("The database refused the upload (CHECK constraint failed: ck_buyer_group_countries)"), and
a person cannot tell which of a thousand rows to fix. A new constraint without a case here
fails `test_every_check_constraint_has_its_case`."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from arena import models  # noqa: F401 - the tables, for the metadata
from arena.ingest.kinds import KINDS
from tests.fixtures.ingest import rejected, upload

# What each case finds stored: one of each kind a case changes, with periods to meet.
PERIOD = {"start_date": "2020-05-01", "end_date": "2022-12-31"}
STORED = [
    ("organisations", {"name": "Alfa AB", "kind": "national_authority"}),
    ("programmes", {"code": "P1", "name": "Ett", **PERIOD}),
    ("projects", {"reference": "P-1", "title": "Ett", "status": "ongoing", **PERIOD}),
    (
        "grants",
        {"reference": "G-0", "project_reference": "P-1", "funder": "Alfa AB", "amount_sek": "1"},
    ),
    ("activities", {"reference": "A-1", "effort": "knowledge_sharing", "title": "Ett", **PERIOD}),
    ("indicators", {"code": "I1", "name_sv": "Ett", "unit": "st"}),
]

# constraint -> the kind and the one row that would break it, and the column named.
CASES = {
    "ck_organisation_kind": ("organisations", {"name": "Beta AB", "kind": "rymdbolag"}, "kind"),
    "ck_organisation_org_number": (
        "organisations",
        {"name": "Beta AB", "kind": "company", "org_number": "556016-0681"},
        "org_number",
    ),
    # A file giving only the end keeps the stored start (the merged rows are checked).
    "ck_programme_period": (
        "programmes",
        {"code": "P1", "name": "Ett", "end_date": "2019-12-31"},
        "end_date",
    ),
    "ck_programme_kind": ("programmes", {"code": "P2", "name": "Två", "kind": "okänd"}, "kind"),
    "ck_budget_amount": (
        "budgets",
        {"programme_code": "P1", "year": "2021", "amount_sek": "-1"},
        "amount_sek",
    ),
    "ck_project_status": (
        "projects",
        {"reference": "P-2", "title": "Två", "status": "okänd"},
        "status",
    ),
    "ck_project_stage": (
        "projects",
        {"reference": "P-2", "title": "Två", "status": "ongoing", "stage": "okänd"},
        "stage",
    ),
    "ck_project_procurement_type": (
        "projects",
        {"reference": "P-2", "title": "Två", "status": "ongoing", "procurement_type": "okänd"},
        "procurement_type",
    ),
    "ck_project_period": (
        "projects",
        {"reference": "P-1", "title": "Ett", "status": "ongoing", "start_date": "2023-01-01"},
        "start_date",
    ),
    "ck_participant_role": (
        "participants",
        {"project_reference": "P-1", "organisation": "Alfa AB", "role": "okänd"},
        "role",
    ),
    "ck_grant_amount": (
        "grants",
        {"reference": "G-1", "project_reference": "P-1", "funder": "Alfa AB", "amount_sek": "-1"},
        "amount_sek",
    ),
    "ck_grant_period": (
        "grants",
        {
            "reference": "G-1",
            "project_reference": "P-1",
            "funder": "Alfa AB",
            "amount_sek": "100",
            "start_date": "2021-01-01",
            "end_date": "2020-01-01",
        },
        "end_date",
    ),
    "ck_disbursement_amount": (
        "disbursements",
        {"grant_reference": "G-0", "paid_on": "2021-01-01", "amount_sek": "-1"},
        "amount_sek",
    ),
    "ck_buyer_group_kind": ("buyer_groups", {"name": "N1", "kind": "okänd"}, "kind"),
    "ck_buyer_group_countries": ("buyer_groups", {"name": "N1", "countries": "0"}, "countries"),
    "ck_indicator_direction": (
        "indicators",
        {"code": "I2", "name_sv": "Två", "unit": "st", "direction": "okänd"},
        "direction",
    ),
    "ck_indicator_frequency": (
        "indicators",
        {"code": "I2", "name_sv": "Två", "unit": "st", "frequency": "okänd"},
        "frequency",
    ),
    "ck_indicator_value_coverage": (
        "indicator_values",
        {
            "indicator_code": "I1",
            "country_code": "SE",
            "year": "2021",
            "value": "1",
            "coverage": "150 %",
        },
        "coverage",
    ),
    "ck_milestone_kind": (
        "milestones",
        {"project_reference": "P-1", "title": "Rapport", "kind": "okänd", "due_date": "2021-01-01"},
        "kind",
    ),
    "ck_activity_effort": (
        "activities",
        {"reference": "A-2", "effort": "okänd", "title": "Två"},
        "effort",
    ),
    "ck_activity_period": (
        "activities",
        {
            "reference": "A-1",
            "effort": "knowledge_sharing",
            "title": "Ett",
            "end_date": "2020-01-01",
        },
        "end_date",
    ),
    "ck_activity_counts": (
        "activities",
        {"reference": "A-2", "effort": "knowledge_sharing", "title": "Två", "reach": "-1"},
        "reach",
    ),
    "ck_activity_cost": (
        "activities",
        {"reference": "A-2", "effort": "knowledge_sharing", "title": "Två", "cost_sek": "-1 kr"},
        "cost_sek",
    ),
}
# The scope is which of the row's references is filled: a file cannot name another one. Two
# filled are refused, naming the row.
SCOPES = {
    "ck_expenditure_scope": (
        "expenditures",
        {
            "programme_code": "P1",
            "project_reference": "P-1",
            "spent_on": "2021-01-01",
            "category": "Lön",
            "amount_sek": "1",
        },
    ),
    "ck_milestone_scope": (
        "milestones",
        {
            "programme_code": "P1",
            "project_reference": "P-1",
            "title": "R",
            "due_date": "2021-01-01",
        },
    ),
    "ck_indicator_value_scope": (
        "indicator_values",
        {
            "indicator_code": "I1",
            "programme_code": "P1",
            "country_code": "SE",
            "year": "2021",
            "value": "1",
        },
    ),
}
# Written by the sign-in and the admin commands, never by an import.
NOT_IMPORTED = {
    "ck_app_user_email_lower",
    "ck_user_role_funder",
    "ck_user_role_role",
    "ck_audit_event_action",
}


def sheet(kind: str, row: dict[str, str]) -> str:
    """A one-row CSV of `kind` with the template's Swedish headers."""
    columns = KINDS[kind]
    return ";".join(columns.column(name).sv for name in row) + "\n" + ";".join(row.values()) + "\n"


@pytest.fixture
def stored(engine):
    for kind, row in STORED:
        result = upload(engine, f"{kind}.csv", sheet(kind, row), kind=kind)
        assert result.outcome == "committed", result.problems
    return engine


def test_every_check_constraint_has_its_case():
    constraints = {
        constraint.name
        for table in SQLModel.metadata.tables.values()
        for constraint in table.constraints
        if isinstance(constraint, sa.CheckConstraint)
    }
    assert constraints == set(CASES) | set(SCOPES) | NOT_IMPORTED


@pytest.mark.parametrize("constraint", sorted(CASES))
def test_a_row_that_would_break_a_check_is_named_by_row_and_column(stored, constraint):
    kind, row, column = CASES[constraint]
    header = KINDS[kind].column(column).sv
    assert rejected(stored, f"{kind}.csv", sheet(kind, row), kind=kind) == [
        (2, header, "constraint-error")
    ]


@pytest.mark.parametrize("constraint", sorted(SCOPES))
def test_a_row_naming_two_scopes_is_named_by_row(stored, constraint):
    kind, row = SCOPES[constraint]
    assert rejected(stored, f"{kind}.csv", sheet(kind, row), kind=kind) == [
        (2, None, "constraint-error")
    ]
