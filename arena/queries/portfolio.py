"""The projects: filter options, the project table and its counts, one project in detail."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arena import clock
from arena.domain import vinnova_project_url
from arena.filters import (
    NO_FILTERS,
    Filters,
    Scope,
    grant_scope,
    programme_scope,
    project_conditions,
    project_scope,
    projects_from,
)
from arena.models import GRANT_DATE
from arena.queries._sql import (
    LEVEL_OF_KIND_CODES,
    MONEY_COLUMNS,
    STATUS_ORDER,
    activities_seen,
    activity,
    as_money,
    budget,
    disbursement,
    expenditure,
    grant,
    indicator,
    indicator_value,
    milestone,
    money_scope,
    money_within,
    of_filtered_projects,
    organisation,
    paid_ahead,
    participant,
    period_of,
    programme,
    project,
    project_frame,
    project_money,
    project_place,
    project_rows,
    project_statement,
    read_frame,
    read_frames,
    select_projects,
)
from arena.queries.paging import SEARCH_LIMIT, Layout, Page, match_order, read_page

# Pipeline segments a person clicked: (status, stage) pairs, stage "none" for projects
# without a stage; empty: no narrowing.
Picked = tuple[tuple[str, str], ...]

# The timeline draws one bar per project up to this many projects; above, bars per year.
TIMELINE_BARS = 200

PROJECT_LAYOUT = Layout(
    sortable=(
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
    ),
    searched=("reference", "title", "coordinator"),
    key=("reference",),
)


def project_table(
    engine: Engine, *, filters: Filters = NO_FILTERS, today: date | None = None
) -> pd.DataFrame:
    """One row per filtered project with its money: granted, disbursed and spent (SEK).

    The rows are the projects whose period overlaps the filtered years; their money columns
    hold only what is dated within those years (grants by decision, payments by payment date,
    spend by the date spent); disbursed, what was paid by `today` (None: Sweden's today).
    """
    return project_frame(engine, filters, money_period=period_of(filters), today=today)


def _picked(picked: Picked) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions keeping the projects of the clicked pipeline segments (none: all)."""
    if not picked:
        return []
    return [
        sa.or_(
            *(
                sa.and_(
                    project.c.status == status,
                    project.c.stage.is_(None) if stage == "none" else project.c.stage == stage,
                )
                for status, stage in picked
            )
        )
    ]


def _narrowed(
    filters: Filters, picked: Picked, today: date | None, *, per_row: bool = False
) -> sa.Select:
    """The project table's SELECT for `filters`, narrowed to the clicked segments (`per_row`,
    `today`: see `project_statement`)."""
    statement = project_statement(
        filters, money_period=period_of(filters), per_row=per_row, today=today
    )
    return statement.where(*_picked(picked))


def pipeline_counts(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Projects per status and stage (`status`, `stage` ("none" without one), `projects`)."""
    stage = sa.func.coalesce(project.c.stage, "none")
    statement = (
        sa.select(project.c.status, stage.label("stage"), sa.func.count().label("projects"))
        .select_from(projects_from())
        .where(*project_conditions(filters))
        .group_by(project.c.status, stage)
        .order_by(project.c.status, stage)
    )
    return read_frame(engine, statement)


def portfolio_totals(
    engine: Engine, *, filters: Filters = NO_FILTERS, picked: Picked = (), today: date | None = None
) -> dict[str, int]:
    """How many projects the table holds and their money: projects, granted_sek,
    disbursed_sek (the sums of the table's columns, added up by the database; paid by
    `today`, None: Sweden's today, as `project_statement` counts it).

    The projects are counted, and the money summary of those projects is added up, side by
    side: the table's per-project sums are the same money, but building them first (every
    project's grouped and joined, to be added up again) took 0.27-0.39 s of the Portfolio's
    cold run at 100 000 projects on SQLite.
    """
    conditions = [*project_conditions(filters), *_picked(picked)]
    chosen = sa.select(project.c.id).select_from(projects_from()).where(*conditions)
    ahead = paid_ahead(today or clock.today(), period_of(filters), filters.funders_scope)
    planned = sa.select(sa.func.coalesce(sa.func.sum(ahead.c.ahead_sek), 0)).where(
        *([ahead.c.project_id.in_(chosen)] if conditions else [])
    )
    statement = sa.select(
        sa.select(sa.func.count()).select_from(chosen.subquery()).scalar_subquery(),
        sa.func.coalesce(sa.func.sum(project_money.c.granted_sek), 0),
        sa.func.coalesce(sa.func.sum(project_money.c.disbursed_sek), 0),
        planned.scalar_subquery(),
    ).where(
        *money_within(period_of(filters)),
        *money_scope(filters.funders_scope),
        # Every summary row is some project's: without conditions, no IN to check nothing.
        *([project_money.c.project_id.in_(chosen)] if conditions else []),
    )
    with engine.connect() as conn:
        projects, granted, disbursed, planned = conn.execute(statement).one()
    disbursed -= planned  # the payments planned after today are not paid yet
    return {"projects": int(projects), "granted_sek": int(granted), "disbursed_sek": int(disbursed)}


# The deepest offset a page of projects is read at with each row's money looked up alone.
PER_ROW_OFFSET_MAX = 10_000


def project_page(
    engine: Engine,
    *,
    filters: Filters = NO_FILTERS,
    picked: Picked = (),
    search: str = "",
    sort: str = "reference",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 50,
    today: date | None = None,
) -> Page:
    """One page of the project table (`project_table`'s rows, narrowed to the clicked
    pipeline segments): searched in reference, title and coordinator, sorted by a column of
    `PROJECT_LAYOUT` (else the reference); `limit` None: every row, for the download; paid
    by `today` (None: Sweden's today)."""
    # What the count needs: the searched columns when searched, else the projects alone (the
    # coordinator's join took 0.09 of 0.10 s to count 100 000 projects on SQLite), never the
    # money.
    coordinator = organisation.alias("coordinator")
    counted = sa.select(project.c.id).select_from(projects_from())
    if search.strip():
        counted = sa.select(
            project.c.reference, project.c.title, coordinator.c.name.label("coordinator")
        ).select_from(
            projects_from().outerjoin(coordinator, project.c.coordinator_id == coordinator.c.id)
        )
    counted = counted.where(*project_conditions(filters), *_picked(picked))
    # A page ordered by anything but money adds up its own rows' money only, unless it lies
    # deep in the table: PostgreSQL adds up the rows it skips too (page 1 001 of 100 000
    # projects: 0.68 s, grouped 0.50 s; the first page 0.016 s against 0.43 s).
    per_row = limit is not None and sort not in MONEY_COLUMNS and offset < PER_ROW_OFFSET_MAX
    page = read_page(
        engine,
        _narrowed(filters, picked, today, per_row=per_row),
        PROJECT_LAYOUT,
        counted=counted,
        search=search,
        sort=sort,
        descending=descending,
        offset=offset,
        limit=limit,
    )
    return Page(rows=project_rows(page.rows), total=page.total)


@dataclass(frozen=True)
class Timeline:
    """The timeline's rows: one per project (`reference`, `title`, `status`, `start_date`,
    `end_date`) when `per_year` is false, else projects running per year and status (`year`,
    `status`, `projects`)."""

    rows: pd.DataFrame
    per_year: bool


def project_timeline(
    engine: Engine,
    *,
    filters: Filters = NO_FILTERS,
    picked: Picked = (),
    today: date,
    bars: int = TIMELINE_BARS,
) -> Timeline:
    """The projects with a start date on a time axis: one bar each when there are at most
    `bars`, else how many run in each year, by status (a hundred thousand bars are no chart).

    A project runs in every year from its start to its end (to `today` while it has none);
    with a year filter only the filtered years are counted.
    """
    conditions = [
        *project_conditions(filters),
        *_picked(picked),
        project.c.start_date.is_not(None),
    ]
    statement = (
        sa.select(
            project.c.reference,
            project.c.title,
            project.c.status,
            project.c.start_date,
            project.c.end_date,
        )
        .select_from(projects_from())
        .where(*conditions)
        .order_by(project.c.start_date, project.c.reference)
        .limit(bars + 1)
    )
    few = read_frame(engine, statement)
    if len(few) <= bars:
        return Timeline(rows=few, per_year=False)
    first = sa.extract("year", project.c.start_date)
    last = sa.extract("year", sa.func.coalesce(project.c.end_date, today))
    spans = read_frame(
        engine,
        sa.select(
            first.label("first"),
            last.label("last"),
            project.c.status,
            sa.func.count().label("projects"),
        )
        .select_from(projects_from())
        .where(*conditions)
        .group_by(first, last, project.c.status),
    )
    return Timeline(rows=_running_per_year(spans, filters.years), per_year=True)


def _running_per_year(spans: pd.DataFrame, years: tuple[int, int] | None) -> pd.DataFrame:
    """Projects per year and status from counts per (first year, last year, status)."""
    firsts = spans["first"].astype(int).to_numpy()
    lasts = np.maximum(spans["last"].astype(int).to_numpy(), firsts)
    low, high = years if years else (int(firsts.min()), int(lasts.max()))
    counted = []
    for year in range(low, high + 1):
        running = (firsts <= year) & (lasts >= year)
        counted.append(spans[running].groupby("status")["projects"].sum().rename(year))
    frame = pd.concat(counted, axis=1).fillna(0).astype(int)
    long = frame.stack().rename("projects").reset_index()
    long.columns = ["status", "year", "projects"]
    long = long[long["projects"] > 0]
    return (
        long[["year", "status", "projects"]].sort_values(["year", "status"]).reset_index(drop=True)
    )


def status_change(engine: Engine, *, filters: Filters = NO_FILTERS, today: date) -> pd.DataFrame:
    """Projects per status now and a year ago: status, now, year_ago, undated, change.

    The store keeps current statuses, not their history, so the year-ago figure is derived from
    the projects' dates: before its start a project was planned, between start and end ongoing,
    after its end what it is now. Desired projects count as desired then too. Only a change the
    dates show is one: when the dates say the same of then and of today (a project still
    "planned" whose start passed two years ago), it was what it is now, not read as "ongoing
    then, planned now". Counted by the database, grouped by status now and then.

    A project past planning (ongoing, completed, cancelled) without a start date has no dates
    to tell what it was then: it counts in `now` and in `undated`, and is left out of the
    comparison, so `change` is `now - undated - year_ago`. Counted as "did not exist a year
    ago", one such project read as "+1 against last year" with nothing to show for it.

    The status filter chooses which statuses are listed, not the projects compared: each
    status compares its count then and now over the projects the other filters keep. Picked by
    today's status first, two projects ongoing a year ago and completed now read "ongoing +0"
    with the filter on ongoing and "ongoing -2" without it: a card's change flipped with the
    filter.
    """
    then = today - timedelta(days=365)
    status = project.c.status

    def started_by(day: date) -> sa.ColumnElement[bool]:
        return sa.and_(project.c.start_date.is_not(None), project.c.start_date <= day)

    def by_dates(day: date) -> sa.ColumnElement[str]:
        """What the dates say a project was on `day`; ended by then: what it is now."""
        running = sa.and_(
            started_by(day), sa.or_(project.c.end_date.is_(None), project.c.end_date >= day)
        )
        return sa.case((running, "ongoing"), (started_by(day), status), else_="planned")

    was = sa.case(
        (status == "desired", "desired"),
        (by_dates(then) == by_dates(today), status),  # the dates show no change
        else_=by_dates(then),
    )
    started = started_by(then)
    # Projects that did not exist yet (started later and not desired) were not counted.
    existed = sa.or_(started, status.in_(["desired", "planned"]))
    undated = sa.and_(project.c.start_date.is_(None), status.not_in(["desired", "planned"]))
    counts = read_frame(
        engine,
        select_projects(
            replace(filters, statuses=()),
            status.label("status"),
            was.label("was"),
            sa.case((existed, 1), else_=0).label("existed"),
            sa.case((undated, 1), else_=0).label("undated"),
            sa.func.count().label("projects"),
        ).group_by(status, was, existed, undated),
    )
    now_counts = counts.groupby("status")["projects"].sum()
    then_counts = counts[counts["existed"] == 1].groupby("was")["projects"].sum()
    undated_counts = counts[counts["undated"] == 1].groupby("status")["projects"].sum()
    listed = [code for code in STATUS_ORDER if code in (filters.statuses or STATUS_ORDER)]
    result = pd.DataFrame({"status": listed})
    result["now"] = result["status"].map(now_counts).fillna(0).astype(int)
    result["year_ago"] = result["status"].map(then_counts).fillna(0).astype(int)
    result["undated"] = result["status"].map(undated_counts).fillna(0).astype(int)
    result["change"] = result["now"] - result["undated"] - result["year_ago"]
    return result


def sector_stage(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Projects per sector and stage (long format: sector, stage, projects), counted by the
    database."""
    sector = sa.func.coalesce(project.c.sector, "–")
    stage = sa.func.coalesce(project.c.stage, "–")
    counts = read_frame(
        engine,
        select_projects(
            filters, sector.label("sector"), stage.label("stage"), sa.func.count().label("projects")
        ).group_by(sector, stage),
    )
    return counts.sort_values(["sector", "stage"]).reset_index(drop=True)


def _public_places(filters: Filters) -> tuple[sa.ColumnElement[bool], ...]:
    """The places summary's rows of public organisations with a county, of filtered projects."""
    return (
        *of_filtered_projects(project_place.c.project_id, filters),
        project_place.c.kind.in_(list(LEVEL_OF_KIND_CODES)),
        project_place.c.county.is_not(None),
    )


def county_level(engine: Engine, *, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Projects per county and level of the public organisations taking part in them (the
    place summary holds each county and kind once per project: a count of rows is one of
    projects)."""
    statement = (
        sa.select(
            project_place.c.county,
            project_place.c.kind,
            sa.func.count().label("projects"),
        )
        .where(*_public_places(filters))
        .group_by(project_place.c.county, project_place.c.kind)
    )
    frame = read_frame(engine, statement)
    frame["level"] = frame.pop("kind").map(LEVEL_OF_KIND_CODES)
    return frame.sort_values(["county", "level"]).reset_index(drop=True)


def projects_placed(engine: Engine, *, filters: Filters = NO_FILTERS) -> int:
    """How many filtered projects `county_level` counts: those with a public organisation
    that has a county. A project of companies and universities only is on no county's bar."""
    statement = sa.select(sa.func.count(sa.distinct(project_place.c.project_id))).where(
        *_public_places(filters)
    )
    with engine.connect() as conn:
        return int(conn.execute(statement).scalar_one())


def _split_list(values: list[str | None]) -> list[str]:
    items = {item.strip() for value in values if value for item in value.split(";")}
    return sorted(items - {""})


def filter_options(engine: Engine, *, scope: Scope = None) -> dict[str, list]:
    """The values the filter widgets offer: all the store holds within `scope` (the funder
    scope), whatever is filtered.

    The years span every year a figure can count in: budget years, project periods, the
    dates money moved (grant decisions, payments, spend), the years indicator values
    measure and activities' starts (the Efforts page counts an activity by its start: a store
    of activities alone had no year filter). Read as distinct values and extremes from the
    database, never as a table of every project. Not reports' due dates: their extremes are
    read from no index (0.2 s cold at 200 000), and a report falls due in its project's period
    or just after it.
    """
    scoped = project_scope(scope)
    # Joined to their grants only to keep a funder's own: every payment's date is then read
    # from its index, not from a join of every payment (75 ms on PostgreSQL at 300 000).
    paid = (
        disbursement
        if scope is None
        else disbursement.join(grant, grant.c.id == disbursement.c.grant_id)
    )
    extremes = sa.select(
        *(
            sa.select(extreme(column)).select_from(source).where(*where).scalar_subquery()
            for column, source, where in (
                (project.c.start_date, project, scoped),
                (project.c.end_date, project, scoped),
                (GRANT_DATE, grant, grant_scope(scope)),
                (disbursement.c.paid_on, paid, grant_scope(scope)),
                # Spend only bounds the years offered; a funder's view has no programme's
                # spend but those it may see, nor other projects' spend.
                (expenditure.c.spent_on, expenditure, [] if scope is None else [sa.false()]),
                (activity.c.start_date, activity, activities_seen(scope)),
            )
            for extreme in (sa.func.min, sa.func.max)
        )
    )
    # The counties the county filter can find (a project's coordinator or a participant is
    # there) within the scope: an organisation's county that no project of the scope
    # involves would only offer an empty page.
    placed = sa.select(project_place.c.county).distinct()
    if scoped:
        placed = placed.where(
            project_place.c.project_id.in_(sa.select(project.c.id).where(*scoped))
        )
    frames = read_frames(
        engine,
        {
            "counties": placed,
            "programmes": sa.select(programme.c.code, programme.c.name, programme.c.name_en)
            .where(*programme_scope(scope))
            .order_by(programme.c.code),
            "budget_years": sa.select(budget.c.year)
            .join(programme, programme.c.id == budget.c.programme_id)
            .where(*programme_scope(scope))
            .distinct(),
            "dates": extremes,
            # Years of indicator values alone (a national series older than the first
            # project) can be chosen too: the Results page reads them by the same years. A
            # funder's span takes the national values only, which every role sees.
            "indicator_years": sa.select(
                sa.func.min(indicator_value.c.year), sa.func.max(indicator_value.c.year)
            ).where(*([] if scope is None else [indicator_value.c.scope == "country"])),
            **{
                name: sa.select(project.c[name]).where(*scoped).distinct()
                for name in ("sdg_goals", "sector", "themes")
            },
        },
    )
    dates = frames["dates"].iloc[0].tolist()
    indicator_years = frames["indicator_years"].iloc[0].tolist()
    years = [
        *frames["budget_years"]["year"].tolist(),
        *(d.year for d in dates if pd.notna(d)),
        *(int(year) for year in indicator_years if pd.notna(year)),
    ]
    goals = _split_list(frames["sdg_goals"]["sdg_goals"].dropna().tolist())
    programmes = frames["programmes"]
    return {
        "years": (min(years), max(years)) if years else None,
        "sectors": sorted(frames["sector"]["sector"].dropna()),
        # code -> its name per language (the Swedish one where no English name is stored)
        "programmes": {
            code: {"sv": name, "en": name_en if isinstance(name_en, str) and name_en else name}
            for code, name, name_en in programmes[["code", "name", "name_en"]].itertuples(
                index=False
            )
        },
        "counties": sorted(frames["counties"]["county"].dropna()),
        "goals": sorted(goals, key=lambda goal: (len(goal), goal)),
        "themes": _split_list(frames["themes"]["themes"].dropna().tolist()),
    }


def project_search(
    engine: Engine, *, text: str, scope: Scope = None, limit: int = SEARCH_LIMIT
) -> dict[str, str]:
    """The projects within `scope` whose reference or title holds `text`, reference -> title:
    at most `limit` of them, for the project chooser (a store of 100 000 projects cannot send
    them all to the browser).

    `text` is matched as written, ignoring case: `%`, `_` and the escape character are plain
    characters, so "50%" does not match "500". The exact reference comes first, then references
    that start with `text`, then titles holding it, each by reference. An empty `text` gives
    the first projects by reference.
    """
    text = text.strip()
    reference, title = project.c.reference, project.c.title
    statement = sa.select(reference, title).where(*project_scope(scope))
    if text:
        statement = statement.where(
            sa.or_(
                reference.icontains(text, autoescape=True),
                title.icontains(text, autoescape=True),
            )
        ).order_by(match_order(reference, text))
    with engine.connect() as conn:
        return dict(conn.execute(statement.order_by(reference).limit(limit)).all())


def project_detail(
    engine: Engine, *, reference: str, today: date, scope: Scope = None
) -> dict | None:
    """Everything about one project: its fields and one table per related kind (the imports
    that touched it are `history.project_imports`); None when there is no such project within
    `scope` (a funder asking for another funder's project learns nothing, not even that it
    exists). Within a scope the grants and payments are those of its funders only.

    `today` decides which open milestones are late, and which payments are planned: one
    dated after it is listed with `state` "planned" (the others "paid") and is not in
    `disbursed_sek`, what is paid so far. `granted_sek` is None where the project has no
    grant and `disbursed_sek` where it has no payment, paid or planned: nothing recorded is
    no sum of 0 kr (a recorded grant or payment of 0 kr is 0).
    """
    coordinator = organisation.alias("coordinator")
    row_statement = (
        sa.select(
            project,
            coordinator.c.name.label("coordinator"),
            programme.c.code.label("programme_code"),
            programme.c.name.label("programme_name"),
            programme.c.name_en.label("programme_name_en"),
        )
        .select_from(
            project.outerjoin(coordinator, coordinator.c.id == project.c.coordinator_id).outerjoin(
                programme, programme.c.id == project.c.programme_id
            )
        )
        .where(project.c.reference == reference, *project_scope(scope))
    )
    with engine.connect() as conn:
        row = conn.execute(row_statement).mappings().first()
    if row is None:
        return None
    related = read_frames(engine, _related_statements(row["id"], reference, scope))
    participants = related["participants"]
    participants["level"] = participants.pop("kind").map(LEVEL_OF_KIND_CODES)
    milestones = related["milestones"]
    milestones["state"] = [
        "delivered" if delivered is not None else "late" if due < today else "open"
        for due, delivered in zip(milestones["due_date"], milestones["delivered_date"], strict=True)
    ]
    for part in ("grants", "disbursements", "spend"):
        related[part] = as_money(related[part], "amount_sek")
    for part, column in (("disbursements", "payment_reference"), ("spend", "line_reference")):
        if not related[part][column].astype(bool).any():
            # Most ledgers give no reference: an empty column says nothing.
            related[part] = related[part].drop(columns=column)
    grants, payments = related["grants"], related["disbursements"]
    # A payment dated after today is planned, not paid (`models.paid_by`): listed as planned,
    # not in what is disbursed. Said only where one is: a column of "paid" says nothing.
    planned = (payments["paid_on"] > today).to_numpy(dtype=bool)
    if planned.any():
        payments["state"] = np.where(planned, "planned", "paid")
    return {
        "project": dict(row),
        "granted_sek": None if grants.empty else int(grants["amount_sek"].sum()),
        "disbursed_sek": None if payments.empty else int(payments["amount_sek"][~planned].sum()),
        "public_url": vinnova_project_url(reference),
        **related,
    }


def _related_statements(project_id: int, reference: str, scope: Scope) -> dict[str, sa.Select]:
    """One query per table shown on the project page, keyed by its part of `project_detail`;
    grants and payments within `scope`.

    Grants and participants point at the project by id; spend, indicator values and milestones
    by reference (their scope is a programme or a project).
    """
    funder = organisation.alias("funder")
    is_project = {
        table: sa.and_(table.c.scope == "project", table.c.scope_ref == reference)
        for table in (expenditure, indicator_value, milestone)
    }
    return {
        "participants": sa.select(
            organisation.c.name.label("organisation"),
            participant.c.role,
            organisation.c.kind,
            organisation.c.county,
        )
        .join(organisation, organisation.c.id == participant.c.organisation_id)
        .where(participant.c.project_id == project_id)
        .order_by(participant.c.role, organisation.c.name),
        "grants": sa.select(
            grant.c.reference.label("grant_reference"),
            funder.c.name.label("funder"),
            grant.c.amount_sek,
            grant.c.decision_date,
            grant.c.start_date,
            grant.c.end_date,
            grant.c.source,
        )
        .join(funder, funder.c.id == grant.c.funder_id)
        .where(grant.c.project_id == project_id, *grant_scope(scope))
        .order_by(grant.c.reference),
        "disbursements": sa.select(
            grant.c.reference.label("grant_reference"),
            disbursement.c.paid_on,
            disbursement.c.payment_reference,
            disbursement.c.amount_sek,
        )
        .join(grant, grant.c.id == disbursement.c.grant_id)
        .where(grant.c.project_id == project_id, *grant_scope(scope))
        .order_by(disbursement.c.paid_on, disbursement.c.payment_reference),
        "spend": sa.select(
            expenditure.c.spent_on,
            expenditure.c.category,
            expenditure.c.line_reference,
            expenditure.c.amount_sek,
            expenditure.c.description,
        )
        .where(is_project[expenditure])
        .order_by(expenditure.c.spent_on, expenditure.c.line_reference),
        # The code as a list of indicator values heads it ("Indikator"): with the project
        # named beside it, the page's download reads back as the project's values.
        "indicators": sa.select(
            indicator.c.code.label("indicator_code"),
            indicator.c.name_sv,
            indicator.c.name_en,
            indicator.c.unit,
            indicator_value.c.year,
            indicator_value.c.value,
            # Whether the note marks the value preliminary (`ingest.values.is_preliminary`,
            # stored by the import), as the Results page reads it.
            indicator_value.c.preliminary,
            indicator_value.c.coverage,
        )
        .join(indicator, indicator.c.id == indicator_value.c.indicator_id)
        .where(is_project[indicator_value])
        .order_by(indicator.c.code, indicator_value.c.year),
        "milestones": sa.select(
            milestone.c.title, milestone.c.kind, milestone.c.due_date, milestone.c.delivered_date
        )
        .where(is_project[milestone])
        .order_by(milestone.c.due_date),
    }
