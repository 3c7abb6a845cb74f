"""The Results view as text: indicator values with their unit, year, coverage and source, the
indicator registry, the values behind the series figure, outputs per programme and the
countries side by side. The figures (`charts.results`) and the brief write values with the
same functions, so a value reads the same everywhere."""

from __future__ import annotations

from typing import Any

import pandas as pd

from arena.domain import SHARE_UNIT, averaged
from arena.i18n import (
    TEXTS,
    country_in_text,
    country_name,
    format_msek,
    format_number,
    format_percent,
    t,
)
from arena.tables._base import Shown, cell_text, unit_label, with_organisation_links


def value_text(value: object, unit: str | None, language: str) -> str:
    """An indicator value as written: `4,6 %`, `40 %`, `1 250`; whole numbers without decimals."""
    if value is None or pd.isna(value):
        return "–"
    decimals = 0 if float(value).is_integer() else 1
    if unit == SHARE_UNIT:
        return format_percent(float(value) / 100, language, decimals=decimals)
    return format_number(float(value), language, decimals=decimals)


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


def step_value(step: Any, language: str) -> str:
    """A money or count step of the chain from money to results (`money_to_results`) as its
    box shows it: MSEK or a number, "–" where nothing is recorded (no budget row, no report
    due), which "0,0 MSEK" read as a budget of nothing."""
    if pd.isna(step.value):
        return "–"
    if step.unit == "sek":
        return format_msek(int(step.value), language)
    return format_number(int(step.value), language)


def step_years(step: Any, language: str) -> str:
    """The years a step of the chain from money to results covers (`years_text`), naming the
    undated among them: a total of all years is not one year's (`money_to_results`). A step
    with nothing recorded says so in their place."""
    if pd.isna(step.value):
        return t("chain.none", language)
    years = years_text(step.first_year, step.last_year)
    if not step.undated:
        return years
    if years == "–":
        return t("chain.undated", language)
    return t("chain.years_and_undated", language, years=years)


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


def owns_target(state: str) -> bool:
    """Whether a registry row in `state` shows its indicator's baseline and target as its own:
    a benchmark (Norway beside a Swedish target) or a row whose target's place is unclear
    does not, or it would read as measured against a target that is not its place's."""
    return state not in ("benchmark", "target_unclear")


def state_texts(registry: pd.DataFrame, language: str) -> list[str]:
    """Each row's state in words as the Results page writes it (the brief writes the same);
    a benchmark names the place its indicator's target is for."""
    judged = {
        row.code: _target_place(row, language) for row in registry[registry["judged"]].itertuples()
    }
    return [
        t("results.state.benchmark", language, place=judged[row.code])
        if row.state == "benchmark"
        else t(f"results.state.{row.state}", language)
        for row in registry.itertuples()
    ]


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
    "value_source",
    "owner",
    "frequency",
    "programme",
    "measure",
]

# What the downloads' columns hold (`tables.for_download`), headed by their `results.col.*`
# texts: the figures the tables write with their year ("4,6 % (2022)") as a number and a
# year each, a share a share.
COLUMNS: dict[str, Shown] = {
    name: Shown(kind, f"results.col.{name}")
    for kind, names in (
        ("number", ("baseline_value", "target_value", "latest_value", "value")),
        ("year", ("baseline_year", "target_year", "latest_year", "year")),
        ("share", ("coverage", "progress")),
        ("text", ("code", "indicator", "measured_for", "definition", "unit", "direction")),
        ("text", ("note", "state", "source", "owner", "frequency", "programme", "measure")),
        ("text", ("value_source", "swedish_name", "english_name")),
        ("text", ("rule", "preliminary", "indicator_code", "indicator_name")),
        ("text", ("programme_code", "project_reference")),
        ("country", ("country_code",)),
    )
    for name in names
}


def _preliminary(flag: object, language: str) -> str | None:
    """A download's mark of a preliminary value ("preliminärt"); None for a final one."""
    return t("results.preliminary", language) if flag is True or flag == 1 else None


def marked(text: str, mark: object) -> str:
    """A value's `text` as a table shows it, followed by its mark (`_preliminary`) when it
    has one: `31,5 % · preliminärt`."""
    return text + (" · " + mark if isinstance(mark, str) else "")


# A project's indicator values as the Project page shows them (`project_values`): the value
# in its unit, beside the mark its download holds in a column of its own, as the series'.
PROJECT_VALUES = {
    "value_shown": Shown("text", "column.value"),
    "preliminary": Shown("text", "results.col.preliminary"),
}


def project_values(values: pd.DataFrame, language: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A project's indicator values (`queries.portfolio.project_detail`'s "indicators"), as
    its page shows them and as its download holds them (`PROJECT_VALUES`).

    Shown: each value in its unit, `31,5 %` for one in per cent, and a preliminary one
    marked, as the Results page writes them (the page wrote `31,5` and no mark). Downloaded:
    the value a number a spreadsheet reads, and the mark in a column of its own
    ("Preliminärt"), as the series' download holds it, which an import reads back as the
    mark it is (`ingest.wide.marks_as_notes`): the stored note stays as it was."""
    rows = values.assign(
        preliminary=[_preliminary(flag, language) for flag in values["preliminary"]]
    )
    shown = rows.assign(
        value=[
            marked(value_text(value, unit, language), mark)
            for value, unit, mark in zip(
                rows["value"], rows["unit"], rows["preliminary"], strict=True
            )
        ]
    )
    shown = shown.drop(columns="preliminary").rename(columns={"value": "value_shown"})
    return shown, rows


def registry_rows(registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """The indicator registry as its download holds it (`COLUMNS`): the table's columns
    (`registry_table`), each figure a number with its year in a column of its own, and what
    the indicator is as a list of indicators holds it, so the file reads back as the
    indicators it holds: both its names, its measure's code, its own source (and the latest
    value's apart); the figures the page makes (latest value, coverage, progress, state) are
    columns the import names as not read.

    Baseline and target belong to the place the target is judged on, not to its benchmarks:
    Norway's row does not show Sweden's target as its own.
    """
    return _registry(registry, language)[list(REGISTRY_DOWNLOAD)]


def _registry(registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """`registry_rows` with the columns the table shows besides (its name in the reader's
    language)."""
    rows = []
    for row, state in zip(registry.itertuples(), state_texts(registry, language), strict=True):
        own = owns_target(row.state)
        rows.append(
            {
                "code": row.code,
                "indicator": indicator_name(row.name_sv, row.name_en, language),
                "swedish_name": row.name_sv,
                "english_name": _words(row.name_en) or None,
                "measured_for": place_text(row, language),
                "definition": _words(row.definition),
                "unit": unit_label(row.unit, language),
                "baseline_value": row.baseline_value if own else None,
                "baseline_year": row.baseline_year if own else None,
                "target_value": row.target_value if own else None,
                "target_year": row.target_year if own else None,
                "direction": t(f"results.direction.{row.direction}", language),
                "latest_value": row.latest_value,
                "latest_year": row.latest_year,
                "preliminary": _preliminary(row.preliminary, language),
                "coverage": row.coverage,
                "note": _words(row.note),
                "progress": row.progress,
                "state": state,
                # The indicator's own source (of its definition, baseline and target: "målvärde
                # illustrativt"), and apart the latest value's, what the number shown comes from.
                "source": cell_text("source", row.source, language) or "–",
                "value_source": cell_text("source", row.value_source, language) or "–",
                "owner": _words(row.owner, "–"),
                "frequency": t(f"results.frequency.{row.frequency}", language)
                if isinstance(row.frequency, str)
                else "–",
                "programme": _words(row.programme, "–"),
                # The code, as a list of indicators writes it; the table shows its name.
                "measure": _words(row.measure, "–"),
            }
        )
    return pd.DataFrame(rows, columns=[*REGISTRY_DOWNLOAD, "indicator"])


REGISTRY_DOWNLOAD = (
    "code",
    "swedish_name",
    "english_name",
    *REGISTRY_COLUMNS[2:5],
    *("baseline_value", "baseline_year", "target_value", "target_year", "direction"),
    *("latest_value", "latest_year", "preliminary", *REGISTRY_COLUMNS[9:]),
)


def registry_table(registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """The indicator registry as text (`registry_rows` written out): every value with its
    year, coverage, note and source.

    Progress is a percentage only where a target and a baseline make it one; otherwise the
    state says why in words ("no target"), never a fake 0 %.
    """
    typed = _registry(registry, language)
    units = registry["unit"].tolist()
    own = [owns_target(state) for state in registry["state"]]
    no_target = t("results.state.no_target", language)
    shown = typed.assign(
        baseline=[
            _at(row.baseline_value, row.baseline_year, language, unit) if mine else "–"
            for row, unit, mine in zip(typed.itertuples(), units, own, strict=True)
        ],
        target=[
            (
                _at(row.target_value, row.target_year, language, unit)
                if pd.notna(row.target_value)
                else no_target
            )
            if mine
            else "–"
            for row, unit, mine in zip(typed.itertuples(), units, own, strict=True)
        ],
        latest=[
            marked(_at(row.latest_value, row.latest_year, language, unit), row.preliminary)
            for row, unit in zip(typed.itertuples(), units, strict=True)
        ],
        coverage=[coverage_text(share, language) for share in typed["coverage"]],
        progress=[
            format_percent(share, language) if pd.notna(share) else "–"
            for share in typed["progress"]
        ],
        measure=[
            measure_label(measure, language) if measure != "–" else measure
            for measure in typed["measure"]
        ],
    )
    return _headed(shown[REGISTRY_COLUMNS].to_dict("records"), REGISTRY_COLUMNS, language)


def registry_links(table: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """The registry `table` (`registry_table` of `registry`) as the page shows it: each owner
    as the address of its organisation page (the download keeps the names); an indicator
    without owner keeps the table's "–", as every other empty cell (not a raw `None`)."""
    column = t("results.col.owner", language)
    links = with_organisation_links(registry, "owner")["owner"].tolist()
    owners = [
        link if isinstance(owner, str) and owner else shown
        for link, owner, shown in zip(links, registry["owner"], table[column], strict=True)
    ]
    return table.assign(**{column: owners})


def against_target(registry: pd.DataFrame) -> pd.Series:
    """Which rows of `results.indicator_progress` stand against a target: those with a target
    and a value, and those overdue without one (the target year is over and nothing came, a
    target not met, not one left out of the count). One with a target and no value yet has
    nothing to stand against it with."""
    measured = registry["latest_value"].notna() | (registry["state"] == "overdue")
    return registry["target_value"].notna() & measured


def target_summary(registry: pd.DataFrame, language: str) -> str | None:
    """What a count like "0 of 4 met" is made of (None if no indicator has a target): the
    indicators it counts (`against_target`), each named with where it stands, then those with
    a target it leaves out for want of a value, so the named list and the count agree. Each
    counts once, on the place its target is judged on (`results.indicator_progress`), as the
    Overview's count does (`brief.indicator_summary`)."""
    targets = registry[registry["judged"] & registry["target_value"].notna()]
    if targets.empty:
        return None
    counted = against_target(targets)
    parts = []
    if counted.any():
        items = [
            t(
                "results.summary.item",
                language,
                name=indicator_name(row.name_sv, row.name_en, language),
                state=t(f"results.state.{row.state}", language),
            )
            for row in targets[counted].itertuples()
        ]
        parts.append(
            t("results.summary", language, count=int(counted.sum()), names="; ".join(items))
        )
    if not counted.all():
        names = [
            indicator_name(row.name_sv, row.name_en, language)
            for row in targets[~counted].itertuples()
        ]
        parts.append(t("results.summary.left_out", language, names="; ".join(names)))
    return " · ".join(parts)


SERIES_COLUMNS = [
    "indicator_code",
    "indicator_name",
    "programme_code",
    "project_reference",
    "country_code",
    "year",
    "value",
    "unit",
    "preliminary",
    "coverage",
    "note",
    "source",
]
# A value's place, by its scope: the column of an indicator values list that names it.
_PLACES = {
    "programme": "programme_code",
    "project": "project_reference",
    "country": "country_code",
}


def series_rows(values: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """Every stored value behind the series figure (`results.indicator_values`), one row per
    indicator, place and year, as a list of indicator values holds it, so it reads back as
    the values it holds: the indicator's code under `Indikator`, its place in the column of
    its kind (`Program`, `Diarienummer`, `Land`), each with its unit, coverage, note and
    source: the figure's download (`COLUMNS`). A project's value is its own: the figure
    pools them."""
    # Looked up once per indicator, not with a frame lookup per row.
    indicators = {row.code: row for row in registry.drop_duplicates("code").itertuples()}
    rows = []
    for row in values.itertuples():
        indicator = indicators.get(row.code)
        rows.append(
            {
                "indicator_code": row.code,
                "indicator_name": indicator_name(indicator.name_sv, indicator.name_en, language)
                if indicator is not None
                else None,
                _PLACES[row.scope]: row.scope_ref,
                "year": row.year,
                "value": row.value,
                "unit": unit_label(indicator.unit, language) if indicator is not None else None,
                "preliminary": _preliminary(row.preliminary, language),
                "coverage": row.coverage,
                "note": _words(row.note),
                "source": cell_text("source", row.value_source, language),
            }
        )
    return pd.DataFrame(rows, columns=SERIES_COLUMNS)


OUTPUT_COLUMNS = ["programme", "indicator", "year", "value", "unit", "preliminary", "rule"]


def outputs_rows(outputs: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """Project outputs rolled up per programme and year beside the programmes' own values,
    each saying how it was made (summed over N projects, projects counted, measured): the
    outputs table's download (`COLUMNS`), the value a number, marked when preliminary."""
    return _outputs(outputs, registry, language)[OUTPUT_COLUMNS]


def _outputs(outputs: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """`outputs_rows` with the unit each value is stored in (`stored_unit`)."""
    # Names and units looked up once per indicator, not with a frame lookup per row.
    indicators = registry.drop_duplicates("code")
    names = {
        row.code: indicator_name(row.name_sv, row.name_en, language)
        for row in indicators.itertuples()
    }
    units = dict(zip(indicators["code"], indicators["unit"], strict=True))
    rows = []
    for row in outputs.itertuples():
        # A count of projects is a number of projects, whatever the indicator's unit: its
        # value is the count of projects that reported, "1 project", "2 projects".
        unit = None if row.rule == "count" else units.get(row.code)
        projects = 0 if pd.isna(row.projects) else int(row.projects)
        rows.append(
            {
                "programme": _words(row.programme, "–"),
                "indicator": names.get(row.code, row.code),
                "year": row.year,
                "value": row.value,
                "unit": t("results.projects_unit", language, count=projects)
                if row.rule == "count"
                else unit_label(unit, language),
                "preliminary": _preliminary(row.preliminary, language),
                "rule": t(f"results.rule.{row.rule}", language, count=projects),
                "stored_unit": unit,
            }
        )
    return pd.DataFrame(rows, columns=[*OUTPUT_COLUMNS, "stored_unit"])


def outputs_table(outputs: pd.DataFrame, registry: pd.DataFrame, language: str) -> pd.DataFrame:
    """`outputs_rows` as the page shows them: each value written in its unit, a preliminary
    one marked (ten months' 22 after a year's 31 is no fall: said, as in the registry)."""
    typed = _outputs(outputs, registry, language)
    shown = typed.assign(
        year=[str(int(year)) for year in typed["year"]],
        value=[
            marked(value_text(row.value, row.stored_unit, language), row.preliminary)
            for row in typed.itertuples()
        ],
    )
    columns = ["programme", "indicator", "year", "value", "unit", "rule"]
    return _headed(shown[columns].to_dict("records"), columns, language)


def comparison_title(codes: list[str], language: str) -> str:
    """The countries the comparison lists, by name, Sweden and Norway first: "Sverige, Norge
    och Danmark"; Sweden and Norway when it lists none (the benchmark it is for)."""
    ordered = sorted(
        set(codes) or {"SE", "NO"}, key=lambda code: (code != "SE", code != "NO", code)
    )
    names = [
        country_in_text(code, at_start=not index).render(language)
        for index, code in enumerate(ordered)
    ]
    if len(names) == 1:
        return country_name(ordered[0]).render(language)
    return t("results.compare", language, countries=", ".join(names[:-1]), last=names[-1])


def comparison_table(part: pd.DataFrame, names: dict[str, str], language: str) -> pd.DataFrame:
    """One measure's countries side by side: first and last value each with its own year (the
    last one marked when preliminary, as the registry marks it), the coverage and note of the
    last value, the definition (what population is counted), source.
    `names` are the countries' names in the reader's language."""
    rows = [
        {
            "country": names.get(row.country, row.country),
            "indicator": indicator_name(row.name_sv, row.name_en, language),
            "first": _at(row.first_value, row.first_year, language, row.unit),
            "latest": marked(
                _at(row.last_value, row.last_year, language, row.unit),
                _preliminary(row.preliminary, language),
            ),
            "coverage": coverage_text(row.coverage, language),
            "note": _words(row.note),
            "definition": _words(row.definition),
            "source": cell_text("source", row.value_source, language) or "–",
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
