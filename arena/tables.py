"""DataFrames ready to show: codes as labels, money and dates the Swedish way, headers translated.

Pure functions (no Streamlit) so the wording of every table is tested without a browser.
Tables users sort (the portfolio) keep numbers numeric; small detail tables get text.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from arena.i18n import format_date, format_number, format_percent, format_sek, label, t
from arena.queries.funding import distribution_summary

# Columns that hold codes or money, and the header key of every column a table may show.
CODE_COLUMNS = {"status", "stage", "role", "level", "kind", "procurement_type", "state", "outcome"}
DATE_COLUMNS = {
    "next_report",
    "start_date",
    "end_date",
    "decision_date",
    "paid_on",
    "spent_on",
    "due_date",
    "delivered_date",
    "date",
}
MONEY_COLUMNS = {
    "amount_sek",
    "granted_sek",
    "disbursed_sek",
    "spent_sek",
    "total_sek",
    "q1",
    "median",
    "q3",
}
HEADERS = {
    "reference": "column.reference",
    "title": "column.title",
    "status": "status",
    "stage": "filters.stage",
    "coordinator": "project.coordinator",
    "sector": "filters.sector",
    "county": "filters.county",
    "level": "filters.level",
    "programme_code": "filters.programme",
    "start_date": "column.start",
    "end_date": "column.end",
    "granted_sek": "kpi.granted",
    "disbursed_sek": "portfolio.disbursed",
    "spent_sek": "column.spent",
    "paid_share": "column.paid_share",
    "time_share": "column.time_share",
    "organisation": "column.organisation",
    "role": "column.role",
    "funder": "column.funder",
    "amount_sek": "column.amount",
    "decision_date": "column.decision_date",
    "grant_reference": "column.grant_reference",
    "paid_on": "column.paid_on",
    "spent_on": "column.date",
    "category": "column.category",
    "description": "column.description",
    "source": "project.source",
    "code": "column.code",
    "name_sv": "column.name",
    "name_en": "column.name",
    "unit": "column.unit",
    "year": "axis.year",
    "value": "column.value",
    "coverage": "column.coverage",
    "kind": "column.kind",
    "due_date": "column.due",
    "delivered_date": "column.delivered",
    "state": "column.state",
    "id": "column.import",
    "started_at": "column.when",
    "user": "column.user",
    "file_name": "column.file",
    "outcome": "column.outcome",
    "grants": "column.grants",
    "q1": "column.q1",
    "median": "column.median",
    "q3": "column.q3",
    "total_sek": "column.total",
    "project_reference": "column.project",
    "reports_late": "grants.reports_late",
    "next_report": "grants.next_report",
    "line": "column.line",
    "row": "column.line",
    "kinds": "data.kind",
    "new": "data.count.new",
    "updated": "data.count.updated",
    "deleted": "data.count.deleted",
    "key": "column.key",
    "column": "column.column",
    "before": "column.before",
    "after": "column.after",
    "error": "column.error",
    "message": "column.message",
    "table": "data.kind",
}


def headers(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Translate the column names that have a header text; leave the others."""
    return frame.rename(columns={c: t(HEADERS[c], language) for c in frame.columns if c in HEADERS})


def localise(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """A detail table as text: labels for codes, `150 000 kr`, ISO dates, `5 %` coverage."""
    shown = frame.copy()
    for column in shown.columns:
        values = shown[column]
        if column in CODE_COLUMNS:
            shown[column] = [label(v, language) if isinstance(v, str) else "" for v in values]
        elif column in MONEY_COLUMNS:
            shown[column] = [format_sek(int(v), language) if pd.notna(v) else "–" for v in values]
        elif column in ("coverage", "paid_share"):
            shown[column] = [format_percent(v, language) if pd.notna(v) else "–" for v in values]
        elif column == "value":
            shown[column] = [
                format_number(v, language, decimals=0 if float(v).is_integer() else 1)
                for v in values
            ]
        elif column == "started_at":
            shown[column] = [v.strftime("%Y-%m-%d %H:%M") for v in pd.to_datetime(values)]
        elif column in DATE_COLUMNS:
            shown[column] = [format_date(v) if isinstance(v, date) else "–" for v in values]
        elif column == "year":
            shown[column] = values.astype(str)
    if "name_en" in shown.columns and "name_sv" in shown.columns:
        shown = shown.drop(columns="name_en" if language == "sv" else "name_sv")
    return headers(shown, language)


def portfolio(projects: pd.DataFrame, language: str, *, today: date) -> pd.DataFrame:
    """The portfolio table: one row per project, money numeric (sortable), codes as labels.

    paid_share is disbursed / granted; time_share is how much of the project's period has
    passed (0 before the start, 1 after the end).
    """
    frame = projects.copy()
    granted = frame["granted_sek"].astype("Float64")
    frame["paid_share"] = (frame["disbursed_sek"].astype("Float64") / granted).where(granted > 0)
    starts = pd.to_datetime(frame["start_date"])
    ends = pd.to_datetime(frame["end_date"])
    elapsed = (pd.Timestamp(today) - starts).dt.days / (ends - starts).dt.days.clip(lower=1)
    frame["time_share"] = elapsed.clip(0, 1)
    for column in ("status", "stage", "level"):
        frame[column] = [label(v, language) if isinstance(v, str) else "" for v in frame[column]]
    for column in ("coordinator", "sector", "county"):
        frame[column] = frame[column].fillna("")
    columns = [
        "reference",
        "title",
        "status",
        "stage",
        "coordinator",
        "sector",
        "county",
        "start_date",
        "end_date",
        "granted_sek",
        "disbursed_sek",
        "paid_share",
        "time_share",
    ]
    return frame[columns]


def distribution(grants: pd.DataFrame, *, by: str, language: str) -> pd.DataFrame:
    """Median and quartiles of grant size per year or sector, as text."""
    return localise(distribution_summary(grants, by), language)


def facts(facts_by_label: dict[str, str], language: str) -> pd.DataFrame:
    """A two-column table of a record's fields: what, and its value."""
    return pd.DataFrame(
        {
            t("column.field", language): list(facts_by_label),
            t("column.value", language): list(facts_by_label.values()),
        }
    ).set_index(t("column.field", language))
