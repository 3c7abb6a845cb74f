"""How a query's columns are shown: what each holds picks its format (labels for codes, money
and dates the Swedish way), and its header comes from the catalogue.

Pure functions (no Streamlit) so the wording of every table is tested without a browser."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

import pandas as pd

from arena import clock
from arena.filters import year_span
from arena.i18n import (
    TEXTS,
    country_name,
    format_date,
    format_number,
    format_percent,
    format_sek,
    label,
    language_or_default,
    sector_label,
    source_text,
    t,
)


@dataclass(frozen=True)
class Shown:
    """How a column of a query's result is shown: what it holds, named as `ColumnType.name`
    names it ("money", "date", "code" ...; "timestamp" for the import history's times, "flag"
    for a yes or no, "unit" for an indicator's unit), which picks the format, and the
    catalogue key of its header (None keeps the column's name); `period`, the years a header
    with a `{period}` names."""

    type: str
    header: str | None = None
    period: str | None = None


# The columns query results share, by name. A frame whose column means something else under a
# usual name (the import history's `kind` lists kinds) passes its own `Shown` to `localise`.
COLUMNS: dict[str, Shown] = {
    "reference": Shown("text", "column.reference"),
    "title": Shown("text", "column.title"),
    "status": Shown("code", "status"),
    "stage": Shown("code", "filters.stage"),
    "coordinator": Shown("text", "project.coordinator"),
    "sector": Shown("sector", "filters.sector"),  # stored in Swedish
    "county": Shown("text", "filters.county"),
    "level": Shown("code", "filters.level"),
    "programme_code": Shown("text", "filters.programme"),
    "start_date": Shown("date", "column.start"),
    "end_date": Shown("date", "column.end"),
    "granted_sek": Shown("money", "kpi.granted"),
    "disbursed_sek": Shown("money", "portfolio.disbursed"),
    "spent_sek": Shown("money", "column.spent"),
    "paid_share": Shown("share", "column.paid_share"),
    "time_share": Shown("share", "column.time_share"),
    "organisation": Shown("text", "column.organisation"),
    "role": Shown("code", "column.role"),
    "funder": Shown("text", "column.funder"),
    "amount_sek": Shown("money", "column.amount"),
    "decision_date": Shown("date", "column.decision_date"),
    "grant_reference": Shown("text", "column.grant_reference"),
    "paid_on": Shown("date", "column.paid_on"),
    "payment_reference": Shown("text", "column.payment_reference"),
    "spent_on": Shown("date", "column.date"),
    "category": Shown("text", "column.category"),
    "line_reference": Shown("text", "column.line_reference"),
    "description": Shown("text", "column.description"),
    # Where a row came from, a layout's part named in the reader's language (`source_text`).
    "source": Shown("source", "project.source"),
    "code": Shown("text", "column.code"),
    # An indicator's code beside its values, as a list of indicator values heads it.
    "indicator_code": Shown("text", "results.col.indicator_code"),
    "name_sv": Shown("text", "column.name"),
    "name_en": Shown("text", "column.name"),
    # An indicator's unit in the reader's language: `number` on the English pages, not the
    # stored `antal` (read back as it, `ingest.kinds.UNIT`).
    "unit": Shown("unit", "column.unit"),
    "year": Shown("year", "axis.year"),
    "value": Shown("number", "column.value"),
    "coverage": Shown("share", "column.coverage"),
    "kind": Shown("code", "column.kind"),
    "procurement_type": Shown("code"),
    "due_date": Shown("date", "column.due"),
    "delivered_date": Shown("date", "column.delivered"),
    "date": Shown("date"),
    "state": Shown("code", "column.state"),
    "id": Shown("text", "column.import"),
    "started_at": Shown("timestamp", "column.when"),
    "user": Shown("text", "column.user"),
    "file_name": Shown("text", "column.file"),
    "outcome": Shown("code", "column.outcome"),
    "changes": Shown("text", "project.imports.changes"),
    "grants": Shown("number", "column.grants"),
    "q1": Shown("money", "column.q1"),
    "median": Shown("money", "column.median"),
    "q3": Shown("money", "column.q3"),
    "total_sek": Shown("money", "column.total"),
    "project_reference": Shown("text", "column.project"),
    "reports_late": Shown("number", "grants.reports_late"),
    "next_report": Shown("date", "grants.next_report"),
    "line": Shown("text", "column.line"),
    "row": Shown("text", "column.line"),
    "new": Shown("number", "data.count.new"),
    "updated": Shown("number", "data.count.updated"),
    "deleted": Shown("number", "data.count.deleted"),
    "key": Shown("text", "column.key"),
    "column": Shown("text", "column.column"),
    "before": Shown("text", "column.before"),
    "after": Shown("text", "column.after"),
    "error": Shown("text", "column.error"),
    "message": Shown("text", "column.message"),
    "table": Shown("text", "data.kind"),
}


# Types whose values are shown as they are: words and identifiers people wrote.
_AS_WRITTEN = {"text", "list", "reference", "org_number", "country"}


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))


def cell_text(kind: str, value: object, language: str) -> str:
    """A value as a person reads it, by what its column holds (`kind`, a `ColumnType.name`,
    or "points" for per-cent points): labels for codes and sectors, a country's name,
    `1 234 567 kr`, `5 %` (a share), `31,5 %` (points), `40,25`, ISO dates; "" when missing.
    """
    if _is_missing(value):
        return ""
    if kind == "code":
        return label(str(value), language)
    if kind == "sector":
        return sector_label(str(value), language)
    if kind == "unit":
        return unit_label(str(value), language)
    if kind == "source":
        return source_text(str(value), language)
    if kind == "country":  # its name, as the pages write it: `Norge`, `Norway`, not `NO`
        return country_name(str(value)).render(language)
    if kind == "flag":
        return t("value.yes" if value else "value.no", language)
    if kind == "money":
        return format_sek(int(value), language)  # type: ignore[call-overload]
    if kind == "share":
        share = float(value)  # type: ignore[arg-type]
        return format_percent(share, language, decimals=0 if _whole(share * 100) else 1)
    if kind in ("number", "points"):
        number = float(value)  # type: ignore[arg-type]
        decimals = 0 if _whole(number) else min(3, len(repr(number).split(".")[-1]))
        written = format_number(number, language, decimals=decimals)
        # Per-cent points (an indicator's value in per cent): the sign beside the number.
        return t("number.per_cent", language, number=written) if kind == "points" else written
    if kind == "year":
        return str(int(value))  # type: ignore[call-overload]
    if kind == "date" and isinstance(value, date):
        return format_date(value)
    if kind == "timestamp":
        return clock.format_timestamp(value)
    return str(value)


def unit_label(unit: str | None, language: str) -> str:
    """A stored unit in the reader's language (`antal` is `number`); other units as written."""
    key = f"results.unit.{unit}"
    return t(key, language) if key in TEXTS else str(unit or "")


def _whole(number: float) -> bool:
    # 0.07 * 100 is 7.000000000000001: a share's percent is whole when it rounds to one.
    return round(number, 9).is_integer()


def header(name: str, language: str, columns: Mapping[str, Shown] | None = None) -> str:
    """The header a table shows for column `name` (the view's own `columns` first): its text
    in `language`, or the name itself when it has none."""
    shown = (columns or {}).get(name) or COLUMNS.get(name)
    if shown is None or shown.header is None:
        return name
    if shown.period is not None:
        return t(shown.header, language, period=shown.period)
    return t(shown.header, language)


def headers(
    frame: pd.DataFrame, language: str, columns: Mapping[str, Shown] | None = None
) -> pd.DataFrame:
    """Translate the column names that have a header text; leave the others."""
    return frame.rename(columns={name: header(name, language, columns) for name in frame.columns})


def _kind(name: str, columns: Mapping[str, Shown] | None) -> str:
    """What column `name` holds: the view's own `columns` first, then `COLUMNS`; "text"."""
    shown = (columns or {}).get(name) or COLUMNS.get(name)
    return "text" if shown is None else shown.type


def period_text(start: object, end: object) -> str:
    """A period of two dates as every page writes it: "2017-01-01 – 2018-12-31"; an unknown
    end left open, "2019-01-01 –" (it runs on), and one "–" when neither is known (a desired
    project has no dates yet), never a dash for each date beside the one between them."""
    return " – ".join(format_date(d) if pd.notna(d) else "" for d in (start, end)).strip()


def own_name(name: str, name_en: object, language: str) -> str:
    """A programme's name in the reader's language: its English one in English where it has
    one (a missing one is None or NaN from a frame), else the Swedish `name`."""
    english = language_or_default(language) == "en"
    return name_en if english and isinstance(name_en, str) and name_en else name


def _in_language(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """`frame` with one name column, the one in the reader's language, of `name_sv` and
    `name_en` (a frame with one of them keeps it)."""
    if "name_en" in frame.columns and "name_sv" in frame.columns:
        own = f"name_{language_or_default(language)}"
        return frame.drop(columns=[name for name in ("name_sv", "name_en") if name != own])
    return frame


# A download's headers of the two names (`for_download`): `Namn` the Swedish, as imported.
_BOTH_NAMES = {"name_en": Shown("text", "column.name_english")}


def localise(
    frame: pd.DataFrame, language: str, columns: Mapping[str, Shown] | None = None
) -> pd.DataFrame:
    """A detail table as text, each column formatted by what it holds (`COLUMNS`, or `columns`
    for this frame's own): labels for codes, `150 000 kr`, ISO dates, `5 %` coverage; a missing
    value is "–" (a missing code or text stays empty).
    """
    shown = _in_language(frame, language).copy()
    for name in shown.columns:
        kind = _kind(name, columns)
        if kind in _AS_WRITTEN:
            # The grid writes a missing text as "None".
            if shown[name].isna().any():
                shown[name] = shown[name].astype(object).where(shown[name].notna(), "")
            continue
        shown[name] = _formatted(shown[name], kind, language)
    return headers(shown, language, columns)


def for_download(
    frame: pd.DataFrame,
    language: str,
    columns: Mapping[str, Shown] | None = None,
    *,
    shown: Iterable[str] | None = None,
    years: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """`frame` as a download holds it: what `localise` shows, typed. The table's headers and
    codes and sectors as their labels in `language`, names as written, but amounts whole
    kronor, counts, shares in per cent (46.0) and years numbers, dates and times real ones,
    so a spreadsheet adds them up and sorts them; a missing value is an empty cell. The
    header of an amount or a share names its unit (`Belopp (kr)`, `Täckning (%)`): the page
    writes it in every cell, a spreadsheet's number nowhere.

    `shown`: the columns the table shows, in its order (default: all of `frame`'s). `years`:
    the year filter of the view, whose amounts (`_IN_PERIOD`) are the years' only: each is
    headed with them, `Beviljat 2024 (kr)`, so the file read out of the page (or imported)
    is never taken for the grants' amounts.
    """
    if years is not None:
        columns = in_period(frame.columns, years, columns)
    if shown is not None:
        frame = frame[[name for name in shown if name in frame.columns]]
    if "name_sv" in frame.columns and "name_en" in frame.columns:
        # Both names, in either language, as a list of them is imported: the English one
        # under "Name" (the page's one name column) was read as the Swedish name.
        columns = {**_BOTH_NAMES, **(columns or {})}
    typed = frame.copy()
    for name in typed.columns:
        typed[name] = _typed(typed[name], _kind(name, columns), language)
    return typed.rename(
        columns={name: unit_header(name, language, columns) for name in typed.columns}
    )


def unit_header(
    name: str,
    language: str,
    columns: Mapping[str, Shown] | None = None,
    years: tuple[int, int] | None = None,
) -> str:
    """The header of column `name` as a download heads it (`for_download`): the table's, with
    the unit of an amount or a share after it, and within `years` (the view's year filter)
    the period of an amount counted in them (`in_period`), `Beviljat 2024 (kr)`. A grid that
    shows bare numbers (the portfolio's, sortable) heads them so too."""
    if years is not None:
        columns = in_period((name,), years, columns)
    return _with_unit(header(name, language, columns), _kind(name, columns), language)


# The amounts a view filtered by year counts within the years (docs/periods.md): a grant's
# amount only when decided in them, else 0; what was paid in them. By column, the header
# (of `i18n.IN_PERIOD`) a download of such a view gives each.
_IN_PERIOD = {
    "amount_sek": "column.granted_in",
    "granted_sek": "column.granted_in",
    "disbursed_sek": "column.disbursed_in",
}


def in_period(
    names: Iterable[str], years: tuple[int, int], columns: Mapping[str, Shown] | None
) -> dict[str, Shown]:
    """`columns` with the amounts among `names` that a view of `years` holds for those years
    only headed with them (`_IN_PERIOD`): "Beviljat 2019–2021"."""
    period = year_span(years)
    named = {**(columns or {})}
    for name in names:
        if name in _IN_PERIOD:
            named[name] = Shown("money", _IN_PERIOD[name], period)
    return named


# The unit a download's header names for a column of amounts or shares, which the page
# writes in each cell ("800 000 kr", "88 %") and a spreadsheet's number does not.
_UNITS = {"money": "download.unit.money", "share": "download.unit.share"}


def _with_unit(text: str, kind: str, language: str) -> str:
    """A download's header: the table's, with the unit of an amount or a share after it
    (`Belopp (kr)`, `Utbetalt av beviljat (%)`), unless it already names one."""
    if kind not in _UNITS or text.rstrip().endswith(")"):
        return text
    return t(_UNITS[kind], language, header=text)


def _typed(column: pd.Series, kind: str, language: str) -> pd.Series:
    """`column` as the values a spreadsheet reads by what it holds (see `for_download`)."""
    # Words in the reader's language: a country by its name, `Norge`/`Norway`, as the page
    # shows it, which the import reads back as its code.
    if kind in ("code", "sector", "flag", "unit", "country", "source"):
        codes, distinct = pd.factorize(column, use_na_sentinel=True)
        texts = [cell_text(kind, value, language) or None for value in distinct] + [None]
        return pd.Series([texts[code] for code in codes.tolist()], index=column.index, dtype=object)
    if kind in ("money", "year", "number", "share"):
        numbers = pd.to_numeric(column, errors="coerce").astype("Float64")
        if kind == "share":  # in per cent, as the page writes it and its header says
            numbers = (numbers * 100).round(1)
        if (numbers.isna() & column.notna()).any():  # text a caller wrote: kept, not lost
            return column.astype(object).where(column.notna(), None)
        whole = kind in ("money", "year") or (
            kind == "number" and numbers.dropna().map(_whole).all()
        )
        return numbers.round().astype("Int64") if whole else numbers
    if kind == "date":
        return column.map(_date, na_action="ignore").astype(object).where(column.notna(), None)
    if kind == "timestamp":
        return column.map(_timestamp, na_action="ignore").astype(object).where(column.notna(), None)
    return column.astype(object).where(column.notna(), None)


def _date(value: object) -> object:
    """A date as a date: ISO text (SQLite's) read; anything else as it is."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _timestamp(value: object) -> object:
    """A moment as a date and time, to the second, in Swedish time as the page shows it
    (without a zone: Excel has none)."""
    return clock.swedish(value).floor("s").to_pydatetime()


def _formatted(column: pd.Series, kind: str, language: str) -> list[str]:
    """`column` as text, each distinct value formatted once: a column repeats its codes, years
    and dates, and formatting cell by cell was most of a warm page run (issue 11: 6 000 cells,
    0.06 of the Efforts page's 0.14 s)."""
    blank = "" if kind in ("code", "source") else "–"
    codes, distinct = pd.factorize(column, use_na_sentinel=True)
    # -1 (missing) indexes the last entry: the blank.
    texts = [cell_text(kind, value, language) for value in distinct] + [blank]
    return [texts[code] for code in codes.tolist()]


def facts(facts_by_label: dict[str, str], language: str) -> pd.DataFrame:
    """A two-column table of a record's fields: what, and its value."""
    return pd.DataFrame(
        {
            t("column.field", language): list(facts_by_label),
            t("column.value", language): list(facts_by_label.values()),
        }
    ).set_index(t("column.field", language))


# A cell holding a page's address (`page_url`) shows the value it opens: a LinkColumn with
# `display_text=LINK_TEXT` (Streamlit URL-decodes the match; data never renders as Markdown).
LINK_TEXT = r".*=(.*)"


def page_url(page: str, parameter: str, value: str) -> str:
    """The address of a drill-down page opened at `value`: `project?ref=2018-04510`."""
    return f"{page}?{parameter}={quote(value, safe='')}"


def organisation_url(name: str) -> str:
    """The organisation page of `name`: `organisation?org=<name, URL-encoded>`."""
    return page_url("organisation", "org", name)


def project_url(reference: str) -> str:
    """The project page of `reference`: `project?ref=<reference, URL-encoded>`."""
    return page_url("project", "ref", reference)


def _linked(
    frame: pd.DataFrame, columns: tuple[str, ...], url: Callable[[str], str]
) -> pd.DataFrame:
    """A copy of `frame` whose `columns` hold `url(value)` (a missing value stays missing)."""
    linked = frame.copy()
    for column in columns:
        linked[column] = [url(value) if isinstance(value, str) else None for value in frame[column]]
    return linked


def with_organisation_links(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """A copy of `frame` whose organisation-name `columns` hold links to the organisation page
    (for showing only: downloads keep the names)."""
    return _linked(frame, columns, organisation_url)


def with_project_links(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """A copy of `frame` whose project-reference `columns` hold links to the project page
    (for showing only: downloads keep the references)."""
    return _linked(frame, columns, project_url)


def undated_grants(dated_sek: int, undated_sek: int, language: str) -> str:
    """The note under grants counted per year: what was granted in no year (a grant with
    neither decision nor start date counts in all-years totals only, docs/periods.md) and the
    total with it, which the cards and other tables of all years add up to."""
    return t(
        "grants.undated",
        language,
        amount=format_sek(undated_sek, language),
        total=format_sek(dated_sek + undated_sek, language),
    )
