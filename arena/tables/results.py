"""The Results view as text: indicator values with their unit, year, coverage and source, the
indicator registry, the values behind the series figure, outputs per programme and the
countries side by side. The figures (`charts.results`) and the brief write values with the
same functions, so a value reads the same everywhere."""

from __future__ import annotations

import pandas as pd

from arena.domain import SHARE_UNIT, averaged
from arena.i18n import (
    TEXTS,
    format_number,
    format_percent,
    t,
)
from arena.queries.results import country_name
from arena.tables._base import with_organisation_links


def value_text(value: object, unit: str | None, language: str) -> str:
    """An indicator value as written: `4,6 %`, `40 %`, `1 250`; whole numbers without decimals."""
    if value is None or pd.isna(value):
        return "–"
    decimals = 0 if float(value).is_integer() else 1
    if unit == SHARE_UNIT:
        return format_percent(float(value) / 100, language, decimals=decimals)
    return format_number(float(value), language, decimals=decimals)


def unit_label(unit: str | None, language: str) -> str:
    """A stored unit in the reader's language (`antal` is `number`); other units as written."""
    key = f"results.unit.{unit}"
    return t(key, language) if key in TEXTS else str(unit or "")


def indicator_name(name_sv: str, name_en: str | None, language: str) -> str:
    """The indicator's own name in the reader's language (the Swedish name if it has no other)."""
    return {"sv": name_sv, "en": name_en or name_sv}[language]


def measure_label(measure: str, language: str) -> str:
    """A shared measure's name (`innovation_procurements_announced`), or its code as words
    ("doffin_count" reads "Doffin count"): a file's own measure is not in the catalogue."""
    key = f"results.measure.{measure}"
    if key in TEXTS:
        return t(key, language)
    words = " ".join(measure.replace("_", " ").split())
    return words[:1].upper() + words[1:]


def years_text(first: object, last: object) -> str:
    """A period as years: `2017–2026`, `2022` for one year, `–` when nothing is dated."""
    if pd.isna(first) or pd.isna(last):
        return "–"
    return str(int(first)) if int(first) == int(last) else f"{int(first)}–{int(last)}"


def _at(value: object, year: object, language: str, unit: str | None) -> str:
    """`6 (2010)`: a value with its year, or `–`."""
    if value is None or pd.isna(value):
        return "–"
    text = value_text(value, unit, language)
    return text if year is None or pd.isna(year) else f"{text} ({int(year)})"


def _words(value: object, default: str = "") -> str:
    """Text from the store as shown in a table cell; a missing one as `default`."""
    return value if isinstance(value, str) else default


def coverage_text(share: object, language: str) -> str:
    return "–" if share is None or pd.isna(share) else format_percent(float(share), language)


def _headed(rows: list[dict[str, object]], columns: list[str], language: str) -> pd.DataFrame:
    """Rows keyed by column names, headed by their `results.col.*` texts."""
    frame = pd.DataFrame(rows, columns=columns)
    return frame.rename(columns={name: t(f"results.col.{name}", language) for name in columns})


def place_text(row: object, language: str) -> str:
    """Where a registry row's value was measured: a country, a programme, or the projects'
    pool with how it pools them and how many of the projects that report the indicator gave
    its latest value ("summa: 1 av 3 rapporterade 2023": a sum of one is not a fall)."""
    scope = getattr(row, "scope", None)
    if scope == "country":
        return country_name(str(row.scope_ref)).render(language)
    if scope == "programme":
        return t("results.place.programme", language, code=row.scope_ref)
    if scope != "project":
        return "–"
    pooled = "mean" if averaged(row.unit) else "sum"
    return t(
        f"results.place.projects.{pooled}",
        language,
        reports=int(row.reports),
        reporters=int(row.reporters),
        year=int(row.latest_year),
    )


def _target_place(row: object, language: str) -> str:
    """A place named as the end of a sentence ("målet gäller Sverige", "… gäller projekten")."""
    if getattr(row, "scope", None) == "project":
        return t("results.place.projects", language)
    return place_text(row, language)


def _state_text(row: object, judged: dict[str, object], language: str) -> str:
    """A row's state in words; a benchmark names the place its indicator's target is for."""
    if row.state == "benchmark":
        return t("results.state.benchmark", language, place=judged[row.code])
    return t(f"results.state.{row.state}", language)


REGISTRY_COLUMNS = [
    "code",
    "indicator",
    "measured_for",
    "definition",
    "unit",
    "baseline",
    "target",
    "direction",
    "latest",
    "coverage",
    "note",
    "progress",
    "state",
    "source",
    "owner",
    "frequency",
    "programme",
    "measure",
]


def registry_table(registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """The indicator registry as text: every value with its year, coverage, note and source.

    Progress is a percentage only where a target and a baseline make it one; otherwise the
    state says why in words ("no target"), never a fake 0 %.
    """
    rows = []
    judged = {
        row.code: _target_place(row, language) for row in registry[registry["judged"]].itertuples()
    }
    for row in registry.itertuples():
        latest = _at(row.latest_value, row.latest_year, language, row.unit)
        if row.preliminary:
            latest += " · " + t("results.preliminary", language)
        # Baseline and target belong to the place the target is judged on, not to its
        # benchmarks: Norway's row does not show Sweden's target as its own.
        own = row.state not in ("benchmark", "target_unclear")
        rows.append(
            {
                "code": row.code,
                "indicator": indicator_name(row.name_sv, row.name_en, language),
                "measured_for": place_text(row, language),
                "definition": _words(row.definition),
                "unit": unit_label(row.unit, language),
                "baseline": _at(row.baseline_value, row.baseline_year, language, row.unit)
                if own
                else "–",
                "target": (
                    _at(row.target_value, row.target_year, language, row.unit)
                    if pd.notna(row.target_value)
                    else t("results.state.no_target", language)
                )
                if own
                else "–",
                "direction": t(f"results.direction.{row.direction}", language),
                "latest": latest,
                "coverage": coverage_text(row.coverage, language),
                "note": _words(row.note),
                "progress": format_percent(row.progress, language)
                if pd.notna(row.progress)
                else "–",
                "state": _state_text(row, judged, language),
                # The value's own source first: it is what the number shown comes from.
                "source": _words(row.value_source, _words(row.source, "–")),
                "owner": _words(row.owner, "–"),
                "frequency": t(f"results.frequency.{row.frequency}", language)
                if isinstance(row.frequency, str)
                else "–",
                "programme": _words(row.programme, "–"),
                "measure": measure_label(row.measure, language)
                if isinstance(row.measure, str)
                else "–",
            }
        )
    return _headed(rows, REGISTRY_COLUMNS, language)


def registry_links(table: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """The registry `table` (`registry_table` of `registry`) as the page shows it: each owner
    as the address of its organisation page (the download keeps the names)."""
    owners = with_organisation_links(registry, "owner")["owner"].tolist()
    return table.assign(**{t("results.col.owner", language): owners})


def target_summary(registry: pd.DataFrame, language: str) -> str | None:
    """The indicators with a target, each named with where it stands (None if none has one):
    what a count like "0 of 5 met" is made of. Each counts once, on the place its target is
    judged on (`results.indicator_progress`), as the Overview's count does."""
    targets = registry[registry["judged"] & registry["target_value"].notna()]
    if targets.empty:
        return None
    items = [
        t(
            "results.summary.item",
            language,
            name=indicator_name(row.name_sv, row.name_en, language),
            state=t(f"results.state.{row.state}", language),
        )
        for row in targets.itertuples()
    ]
    return t("results.summary", language, count=len(targets), names="; ".join(items))


def series_table(series: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """The values behind the series figure, one row per indicator, place and year, each with
    its coverage, note and source (the figure's download)."""
    # Looked up once per indicator, not with a frame lookup per row.
    indicators = {row.code: row for row in registry.drop_duplicates("code").itertuples()}
    preliminary = " · " + t("results.preliminary", language)
    rows = [
        {
            "code": row.code,
            "indicator": indicator_name(
                indicators[row.code].name_sv, indicators[row.code].name_en, language
            ),
            "place": _words(row.scope_ref, "–"),
            "year": str(int(row.year)),
            "value": value_text(row.value, indicators[row.code].unit, language)
            + (preliminary if row.preliminary else ""),
            "coverage": coverage_text(row.coverage, language),
            "note": _words(row.note),
            "source": _words(row.value_source, "–"),
        }
        for row in series.itertuples()
    ]
    columns = ["code", "indicator", "place", "year", "value", "coverage", "note", "source"]
    return _headed(rows, columns, language)


def outputs_table(outputs: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """Project outputs rolled up per programme and year beside the programmes' own values,
    each saying how it was made (summed over N projects, projects counted, measured)."""
    # Names and units looked up once per indicator, not with a frame lookup per row.
    indicators = registry.drop_duplicates("code")
    names = {
        row.code: indicator_name(row.name_sv, row.name_en, language)
        for row in indicators.itertuples()
    }
    units = dict(zip(indicators["code"], indicators["unit"], strict=True))
    rows = []
    preliminary = " · " + t("results.preliminary", language)
    for row in outputs.itertuples():
        # A count of projects is a number of projects, whatever the indicator's unit.
        unit = None if row.rule == "count" else units.get(row.code)
        rows.append(
            {
                "programme": _words(row.programme, "–"),
                "indicator": names.get(row.code, row.code),
                "year": str(int(row.year)),
                # Ten months' 22 after a year's 31 is no fall: said, as in the registry.
                "value": value_text(row.value, unit, language)
                + (preliminary if row.preliminary else ""),
                "unit": t("results.unit.projects", language)
                if row.rule == "count"
                else unit_label(unit, language),
                "rule": t(
                    f"results.rule.{row.rule}",
                    language,
                    count=0 if pd.isna(row.projects) else int(row.projects),
                ),
            }
        )
    columns = ["programme", "indicator", "year", "value", "unit", "rule"]
    return _headed(rows, columns, language)


def comparison_table(part: pd.DataFrame, names: dict[str, str], language: str) -> pd.DataFrame:
    """One measure's countries side by side: first and last value each with its own year, the
    coverage and note of the last value, the definition (what population is counted), source.
    `names` are the countries' names in the reader's language."""
    rows = [
        {
            "country": names.get(row.country, row.country),
            "indicator": indicator_name(row.name_sv, row.name_en, language),
            "first": _at(row.first_value, row.first_year, language, row.unit),
            "latest": _at(row.last_value, row.last_year, language, row.unit),
            "coverage": coverage_text(row.coverage, language),
            "note": _words(row.note),
            "definition": _words(row.definition),
            "source": _words(row.value_source, "–"),
        }
        for row in part.itertuples()
    ]
    columns = [
        "country",
        "indicator",
        "first",
        "latest",
        "coverage",
        "note",
        "definition",
        "source",
    ]
    return _headed(rows, columns, language)
