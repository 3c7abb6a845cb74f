"""The attention list as shown: each reason in words, projects linked, and an overrun written
in the reader's language from the numbers the query returns (`queries.attention`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from arena.i18n import Message, format_percent, format_sek, t
from arena.tables._base import Shown, own_name, project_url
from arena.tables.programmes import url as programme_url


def detail_text(item: Any, language: str) -> str:
    """What an item (a row of `queries.attention.attention`) says beside its reason: a
    report's title, how far a programme year's spend went over its budget ("2023: 120 000 kr
    (12 %) över budget") or a project's over its grants ("1 kr (<1 %) över beviljade
    bidrag"; "utfall utan registrerat bidrag"), or a grant's payments over its amount ("G-1:
    7 000 kr (7 %) mer utbetalt än beviljat"). The kronor come first and the share is never
    written 0 %: a director reads "0 % över budget" as not over."""
    if item.reason == "budget_overrun" and item.scope == "programme":
        if pd.isna(item.overrun):
            return t("attention.overrun.no_budget", language, year=item.date.year)
        return t("attention.overrun", language, year=item.date.year, **_how_far(item, language))
    if item.reason == "budget_overrun":  # a project's spend over all its grants
        if pd.isna(item.overrun):
            return t("attention.overrun.no_grant", language)
        return t("attention.overrun.grants", language, **_how_far(item, language))
    if item.reason == "grant_overpaid":
        if pd.isna(item.overrun):
            return t("attention.overpaid.no_amount", language, grant=item.detail)
        return t("attention.overpaid", language, grant=item.detail, **_how_far(item, language))
    if isinstance(item.detail, Message):
        # A programme's final report that no milestone records (`report_due`), named by the
        # programme's kind (`i18n.final_report`).
        return item.detail.render(language)
    return item.detail if isinstance(item.detail, str) else ""


def _how_far(item: Any, language: str) -> dict[str, str]:
    """An item's overrun as its texts name it: `amount` in kronor, `share` in percent."""
    return {
        "amount": format_sek(int(item.over_sek), language),
        "share": format_percent(float(item.overrun), language, above_zero=True),
    }


def written(items: pd.DataFrame | Callable[[], pd.DataFrame], language: str) -> pd.DataFrame:
    """The items with their detail written out and each title in the reader's language (a
    programme's English name in English where it has one, as `programmes.names`); the overrun
    stays a number. `items` may be a callable reading them (a download reads every item only
    when clicked)."""
    if callable(items):
        items = items()
    return items.assign(
        title=[
            own_name(title, title_en, language)
            for title, title_en in zip(items["title"], items["title_en"], strict=True)
        ],
        detail=[detail_text(row, language) for row in items.itertuples()],
    )


# The columns of the list's download, headed as the Overview heads the list
# (`ui.attention_columns`): the project or programme its reference or code.
COLUMNS: dict[str, Shown] = {
    "reason": Shown("text", "attention.reason"),
    "reference": Shown("text", "attention.project"),
    "title": Shown("text", "column.title"),
    "detail": Shown("text", "attention.detail"),
    "date": Shown("date", "column.date"),
}


def download_rows(items: pd.DataFrame | Callable[[], pd.DataFrame], language: str) -> pd.DataFrame:
    """The list as its download holds it (`tables.for_download` with `COLUMNS`): the columns
    the Overview shows, each reason and detail in words, the reference or code what the
    link shows, the date a date."""
    items = written(items, language)
    reasons = [t(f"attention.{reason}", language) for reason in items["reason"]]
    return items.assign(reason=reasons)[list(COLUMNS)]


def attention_table(items: pd.DataFrame, language: str) -> pd.DataFrame:
    """What the Overview shows: reason in words, what it concerns as a link (a project's page
    or a programme's, its reference or code written), title, detail and date
    (`ui.attention_columns` heads them). The download keeps the reference as a column."""
    return written(items, language).assign(
        reason=[t(f"attention.{reason}", language) for reason in items["reason"]],
        link=[
            project_url(ref) if scope == "project" else programme_url(ref)
            for scope, ref in zip(items["scope"], items["reference"], strict=True)
        ],
        date=items["date"].astype(str),
    )[["reason", "link", "title", "detail", "date"]]


def reason_counts(items: pd.DataFrame) -> dict[str, int]:
    """How many items of each reason there are in all (`reason_count` of the query's rows,
    which may hold only the first ones of each reason); a reason without a row has none."""
    return {
        reason: int(count)
        for reason, count in zip(items["reason"], items["reason_count"], strict=True)
    }
