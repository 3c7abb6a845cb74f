"""The Programmes view as tables: the list of programmes with their owner, funder, kind and
goals, one programme's facts, its forecast written out, and the columns its tables add to the
shared ones (`tables.COLUMNS`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from arena.i18n import (
    Message,
    format_date,
    format_number,
    format_percent,
    format_sek,
    label,
    sector_label,
    t,
)
from arena.tables._base import Shown, cell_text, own_name, page_url, period_text

# This view's own columns: what each holds, and its header, the `programmes.column.…` text
# of its name.
COLUMNS: dict[str, Shown] = {
    name: Shown(kind, f"programmes.column.{name.removesuffix('_sek')}")
    for kind, names in (
        ("money", ("allocated_total_sek", "allocated_sek", "committed_sek", "cumulative_sek")),
        ("money", ("spent_programme_sek", "spent_projects_sek", "spent_total_sek")),
        ("date", ("final_report_due", "next_due")),
        ("code", ("final_report_state",)),
        ("text", ("name", "owner", "period", "themes", "goals", "project_goals", "month")),
        ("number", ("projects", "members", "reports_late")),  # counts: `1 541`, not `1541`
        ("text", ("reports_delivered",)),
        ("flag", ("final",)),  # yes or no
    )
    for name in names
} | {"name_en": Shown("text", "column.name_english")}


def url(code: str) -> str:
    """The programme's drill-down: `programmes?programme=BG-2017`."""
    return page_url("programmes", "programme", code)


def names(listing: pd.DataFrame, language: str) -> dict[str, str]:
    """Each programme's name in the reader's language, by code (the Swedish name when the
    programme has no English one)."""
    return {
        code: own_name(name, name_en, language)
        for code, name, name_en in zip(
            listing["code"], listing["name"], listing["name_en"], strict=True
        )
    }


def goals_text(own: object, of_projects: object, language: str) -> str:
    """The programme's own Agenda 2030 goals; without them, its projects' goals, said to be
    theirs; "" when neither names any."""
    if isinstance(own, str) and own.strip():
        return own
    if isinstance(of_projects, str) and of_projects:
        return t("programmes.goals.of_projects", language, goals=of_projects)
    return ""


def programme_list(listing: pd.DataFrame, language: str, *, linked: bool = True) -> pd.DataFrame:
    """The list of programmes as shown (`programmes.programme_list`): the code opens the
    programme, its name in the reader's language, the goals in words (its own, or its
    projects' said to be theirs).

    Not `linked`: the list as its downloads hold it, to be imported back as the programmes
    it lists. The code as written; both names, the Swedish one under `Namn` and the English
    one under `Namn (engelska)` in either language (an English name under `Name` was
    imported as the Swedish one); the programme's own goals alone under `Agenda 2030-mål`,
    and its projects' goals in a column of their own that no import reads (under the own
    goals' header, "3; 7 (projektens mål)" was refused, or stored as the programme's); its
    start and end under `Start` and `Slut` as the import reads them, not the period in one
    cell (which none reads, so an edit of it changed nothing); its description and source,
    which the import reads (without them, an edited list replaced each programme's source
    with the file's name)."""
    goals = [
        goals_text(own, of_projects, language)
        for own, of_projects in zip(listing["sdg_goals"], listing["goals"], strict=True)
    ]
    shown = listing.assign(
        code=[url(code) for code in listing["code"]] if linked else listing["code"],
        name=listing["code"].map(names(listing, language)) if linked else listing["name"],
        period=[
            period_text(*dates)
            for dates in zip(listing["start_date"], listing["end_date"], strict=True)
        ],
        themes=listing["themes"].fillna(""),
        goals=goals if linked else listing["sdg_goals"].fillna(""),
        project_goals=listing["goals"].fillna(""),
        allocated_total_sek=listing["allocated_sek"],
    )
    columns = "code name name_en kind owner funder period start_date end_date themes goals "
    columns += "project_goals projects allocated_total_sek final_report_due final_report_state "
    columns += "reports_delivered reports_late next_due description source"
    hidden = (
        ("name_en", "project_goals", "start_date", "end_date", "description", "source")
        if linked
        else ("period",)
    )
    return shown[[name for name in columns.split() if name not in hidden]]


# The parts of a programme's rows that may be its own, not a project's (`of_programme`).
_OWN_ROWS = ("budget", "spend")


def of_programme(code: str, part: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """How a download of programme `code`'s rows of `part` holds them, to be imported back:
    its code first (`Program`) on each row that is the programme's own, a budget year or a
    spend line of no project (`project_reference` ""), where a project's line names its
    project alone; its deadlines, the stored milestones and reports alone, each with its
    code (`deadlines_caption` says so where the page's table shows more); the other parts'
    rows as they are. The page names the programme once above; its budget without it was
    refused, `Program` missing, its own spend as naming neither the programme nor a project,
    and its deadlines as naming neither the programme nor a project."""

    def named(frame: pd.DataFrame) -> pd.DataFrame:
        if part == "deadlines":
            # Not the final report the page names from the programme's report date, that no
            # milestone records (its title a `Message`): imported, it would store one.
            stored = frame[[not isinstance(title, Message) for title in frame["title"]]]
            return stored.assign(programme_code=code)[["programme_code", *frame.columns]]
        if part not in _OWN_ROWS:
            return frame
        own = (
            frame["project_reference"].fillna("").eq("")
            if "project_reference" in frame.columns
            else pd.Series(True, index=frame.index)
        )
        with_code = frame.assign(programme_code=own.map({True: code, False: ""}))
        return with_code[["programme_code", *frame.columns]]

    return named


def facts(programme: dict[str, Any], language: str) -> dict[str, str]:
    """One programme's facts by their label, as written (the page escapes them)."""
    return {
        t("column.code", language): programme["code"],
        t("column.kind", language): label(programme["kind"], language) or "–",
        t("programmes.column.owner", language): programme["owner"] or "–",
        t("column.funder", language): programme["funder"] or "–",
        t("programmes.column.period", language): period_text(
            programme["start_date"], programme["end_date"]
        ),
        t("programmes.column.goals", language): programme["sdg_goals"] or "–",
        t("programmes.column.final_report_due", language): format_date(programme["report_due"]),
        t("project.source", language): cell_text("source", programme["source"], language) or "–",
    }


def buyer_groups(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The programme's buyer groups with their sectors in the reader's language."""
    return frame.assign(sector=[sector_label(s, language) for s in frame["sector"]])


def deadlines(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The programme's deadlines; the final report without a milestone of its own named as
    the query names it (`i18n.final_report`: under the assignment for an assignment's)."""
    return frame.assign(
        title=[
            title.render(language) if isinstance(title, Message) else title
            for title in frame["title"]
        ]
    )


def deadlines_caption(frame: pd.DataFrame, language: str, *, day: str) -> str:
    """What the deadlines' caption says: the states on `day`, and, where the table shows a
    final report no milestone records (`deadlines`), that the download leaves it out."""
    said = t("programmes.deadlines.caption", language, day=day)
    if any(isinstance(title, Message) for title in frame["title"]):
        said += " " + t("programmes.deadlines.not_stored", language)
    return said


def forecast_cards(burn: dict[str, Any], language: str, *, day: str) -> list[tuple]:
    """This year's cards (label, amount in kronor, note or None): the budget, the spend so far
    with its share of the budget, and the forecast to December with its range when there is
    one (`programmes.year_forecast`); without a spend line in the year, the spend and the
    forecast "–", no spend recorded (not 0 kr)."""
    year, allocated, spent = burn["year"], burn["allocated_sek"], burn["spent_to_date_sek"]
    budget = (
        t("programmes.kpi.allocated", language, year=year),
        format_sek(allocated, language),
        None,
    )
    if not burn["recorded"]:
        unrecorded = t("spend.unrecorded", language)
        return [
            budget,
            (t("programmes.kpi.spent", language, year=year, day=day), "–", unrecorded),
            (t("programmes.kpi.forecast", language, year=year), "–", unrecorded),
        ]
    share = format_percent(spent / allocated, language)
    # Spend booked for later this year is named beside the spend so far: it may be what
    # overspends the budget.
    ahead = burn["booked_ahead_sek"]
    note = (
        t("programmes.kpi.share_ahead", language, share=share, ahead=format_sek(ahead, language))
        if ahead
        else t("programmes.kpi.share", language, share=share)
    )
    cards = [
        budget,
        (
            t("programmes.kpi.spent", language, year=year, day=day),
            format_sek(spent, language),
            note,
        ),
    ]
    if burn["forecast_sek"] is not None:
        cards.append(
            (
                t("programmes.kpi.forecast", language, year=year),
                format_sek(burn["forecast_sek"], language),
                # An ended programme's forecast is its spend: no range.
                None if burn["ended"] else forecast_range(burn, language),
            )
        )
    return cards


def forecast_range(burn: dict[str, Any], language: str) -> str | None:
    """The forecast's range, "intervall 250 000 kr – 310 000 kr"; none where its two ends are
    one figure (spend booked for later this year above both paces' projections): "intervall
    280 000 kr – 280 000 kr" was on the card."""
    if burn["low_sek"] == burn["high_sek"]:
        return None
    low, high = format_sek(burn["low_sek"], language), format_sek(burn["high_sek"], language)
    return t("programmes.kpi.range", language, low=low, high=high)


def no_budget(years: pd.DataFrame, year: int, language: str) -> str:
    """What the burn-down says for a `year` without a budget: the programme's own spend in it
    (from its money per year, `programmes.programme_detail`), where it has any."""
    spent = years.loc[years["year"] == year, "spent_programme_sek"].sum()
    if not spent:
        return t("programmes.burn.none", language, year=year)
    return t(
        "programmes.burn.none_spent", language, year=year, spent=format_sek(int(spent), language)
    )


def forecast_state(burn: dict[str, Any], language: str) -> str:
    """What the forecast says of the year's budget (`programmes.state.…`), an ended
    programme's with its end date; a forecast of one figure, its range's two ends equal, is
    within the budget with no word of a range (`forecast_range`)."""
    state = burn["state"]
    if state == "within" and burn["low_sek"] == burn["high_sek"]:
        state = "within_one"
    return t(
        f"programmes.state.{state}",
        language,
        year=burn["year"],
        end=format_date(burn["ends"]),
    )


def forecast_method(burn: dict[str, Any], language: str) -> str:
    """How the forecast was made, with its numbers: the pace of the complete months, the
    months left (to the year's end, or the programme's within the year), the spend booked for
    later this year, and the recent pace that sets the range, where there is one (no word of
    a range the card does not show, `forecast_range`); an ended programme's forecast is its
    spend."""
    ends, year = burn["ends"], burn["year"]
    if burn["ended"]:
        return t(
            "programmes.forecast.ended",
            language,
            end=format_date(ends),
            year=year,
            spent=format_sek(burn["spent_to_date_sek"], language),
            ahead=format_sek(burn["booked_ahead_sek"], language),
        )
    whole_year = (ends.month, ends.day) == (12, 31)
    until = (
        t("programmes.forecast.until_year_end", language)
        if whole_year
        else t("programmes.forecast.until_end", language, end=format_date(ends))
    )
    ranged = forecast_range(burn, language) is not None
    recent = format_sek(burn["recent_pace_sek"], language)
    return t(
        "programmes.forecast.method",
        language,
        range=t("programmes.forecast.method_range", language, recent=recent) if ranged else "",
        until=until,
        count=burn["complete_months"],
        pace=format_sek(burn["pace_sek"], language),
        spent=format_sek(burn["spent_to_date_sek"], language),
        left=format_number(burn["months_left"], language, decimals=1),
        ahead=format_sek(burn["booked_ahead_sek"], language),
    )
