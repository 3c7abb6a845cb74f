"""Every page cold and warm beside its floor, on any store: the figures of issue 11's tables.

    nice .venv/bin/python bench/pages_bench.py [--url URL | --projects N [--seed S]] [--runs R]
        [--pages overview,portfolio,...]

Without `--url` it builds a fresh SQLite store from `python -m arena generate --projects N`
(imported file by file through the pipeline, as `python -m arena import` does, untimed but
reported, in a child process: on Linux a child starts with its parent's peak RSS, so this
process never holds more than a query's rows). The pages are those of app.py's navigation,
read from app.py, and the Overview twice more: with one sector and one county (the most common
ones in the store) in the URL, and with a search for a word of the projects' titles.

Each measurement runs in its own Python process, so "cold" is a fresh process with empty caches
(the first AppTest run of app.py opened on that page; the Streamlit import itself is not
counted, the arena modules and the store's first queries are) and peak RSS is that process's
own (`ru_maxrss`). "Warm" is the median of `--runs` reruns of the same page in that process,
with the scripts' bytecode kept between runs as a server keeps it (AppTest alone would compile
app.py and the page again on every run).

Beside each page, in the same run and the same way, its FLOOR: a Streamlit script that reads
the numbers the page shows with one straightforward SQL query per figure (grouped by the
database, no cache, no pandas beyond handing the rows to Streamlit) and draws the same figures
(metrics, plotly charts, tables), on a connection set up as the app's (`store.get_engine`).
Filters are applied the same way (sector on the project, county on the coordinator, the search
in title, reference and description). What each floor reads:

  overview      projects by status now and a year ago; granted total; this year's spend against
                its budget; indicators at target; granted / paid / spent / completed (the
                money-to-results chain); projects by sector x stage; by coordinator county x
                organisation kind; budget and spend by year; the overdue reports (attention list)
  portfolio     projects by status and stage; their count, granted and paid; one page of 50
                projects with coordinator and money, and the count; projects running per year
                by status; grant amounts per decision year and per sector as box plots drawn
                from their quartiles, with the count per group
  project       one project's facts, participants, grants with paid sums, payments, spend
                lines climbing to the granted total (a line chart and its table), indicator
                values, milestones and its import history (changes of that project)
  programmes    every programme with owner, funder, period, projects, budget and its report
                deadlines (late, next due); the first programme's facts, budget and spend per
                year, projects by status (the page opens on that programme)
  results       the indicator registry (each indicator's latest value beside baseline and
                target), every value per indicator and year (chart and table), project outputs
                per programme and year beside the programmes' own values, the chain from budget
                to the national result (one box per step), the countries' values per measure
  networks      the networks with their members and joint projects counted (cards and
                table), member organisations per county and kind (bars), the network chooser
  efforts       activities per effort: count, participants, reach, cost (cards and table);
                the same per effort and year (bars and table); the activity list
  grants        per funder: grants, granted, paid, remaining (the cards add them up); reports
                late and due within 30 days counted, and the first 50; payments per year; one
                page of 50 grants with project, funder, amount, paid and remaining, and the
                count
  organisation  one organisation's facts; its projects and roles, grants received and grants
                given: each table's count and first 50 rows (with what was paid), the grants'
                sums
  data          the three tabs: the file uploader; the import history (its latest 200, as
                the page's first page) and the undo chooser; the template and export choosers
  admin         the accounts and their roles, the latest audit events

A benchmark, not a test: it prints a table (page | cold s | floor cold s | warm s | floor warm
s | warm/floor | uncached s | uncached/floor warm | peak RSS MiB). The floor's cold run is what
its queries and first drawing cost in a fresh process: a cold page can only beat it with
figures computed before it opens. "Uncached" is the page once more in its warm process with
every cached result dropped: what a person waits for after an import (the results belong to the
old store version) or with filters nobody chose before. The floor caches nothing, so its warm
run is the same thing for the floor.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLOOR_SCRIPT = """\
import sys
sys.path.insert(0, {bench!r})
import pages_bench
pages_bench.run_floor({page!r})
"""


def navigation_pages() -> list[str]:
    """The pages of app.py's navigation, in its order (the stems of its `_page(...)` calls)."""
    return re.findall(r'_page\("(\w+)"', (ROOT / "app.py").read_text(encoding="utf-8"))


# --- building the store -------------------------------------------------------------------


def build_store(folder: Path, projects: int, seed: int) -> str:
    """A fresh SQLite store of a generated data set, imported file by file; its URL."""
    from arena import store
    from arena.auth import cli_identity
    from arena.generate import generate
    from arena.ingest import Upload, import_files

    started = time.perf_counter()
    files = generate(folder / "files", projects=projects, seed=seed)
    print(f"generated {len(files)} files in {time.perf_counter() - started:.1f} s")
    url = f"sqlite:///{folder / 'arena.db'}"
    engine = store.get_engine(url)
    store.migrate(engine)
    started = time.perf_counter()
    for file in files:
        upload = Upload(file.path.name, file.path.read_bytes())
        result = import_files(engine, [upload], identity=cli_identity())
        if result.outcome != "committed":
            raise SystemExit(f"{file.path.name}: {result.summary('en')}")
    print(f"imported in {time.perf_counter() - started:.1f} s")
    engine.dispose()
    return url


def _built(folder: Path, projects: int, seed: int) -> str:
    """`build_store` in a child process: on Linux a child starts with its parent's peak RSS,
    so the parent must never hold a whole import."""
    command = [sys.executable, __file__, "--build-into", str(folder), "--projects", str(projects)]
    done = subprocess.run(
        [*command, "--seed", str(seed)], capture_output=True, text=True, check=True
    )
    lines = done.stdout.strip().splitlines()
    print("\n".join(lines[:-1]), flush=True)
    return json.loads(lines[-1])


def variants(url: str, pages: list[str]) -> list[tuple[str, str, dict[str, str]]]:
    """(label, page, query parameters) per measurement: each page, the Project page on the first
    project, Programmes on the first programme and Organisation on the funder of the most
    grants (its longest tables), the Overview also with the store's most common sector and
    coordinator county, and with a search (`_searched_word`)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as conn:
        reference = conn.execute(sa.text("SELECT min(reference) FROM project")).scalar()
        programme = conn.execute(sa.text("SELECT min(code) FROM programme")).scalar()
        funder = conn.execute(
            sa.text(
                "SELECT o.name FROM organisation o JOIN grant_award g ON g.funder_id = o.id"
                " GROUP BY o.id, o.name ORDER BY count(*) DESC, o.name LIMIT 1"
            )
        ).scalar()
        common = conn.execute(
            sa.text(
                "SELECT p.sector, o.county FROM project p JOIN organisation o"
                " ON o.id = p.coordinator_id WHERE p.sector IS NOT NULL AND o.county IS NOT NULL"
                " GROUP BY p.sector, o.county ORDER BY count(*) DESC LIMIT 1"
            )
        ).first()
        titles = conn.execute(sa.text("SELECT title FROM project ORDER BY id LIMIT 1000"))
        word = _searched_word([title for (title,) in titles])
    engine.dispose()
    chosen: list[tuple[str, str, dict[str, str]]] = []
    for page in pages:
        # The pages of one record open on the record their floor shows.
        query = {"ref": reference} if page == "project" and reference else {}
        if page == "programmes" and programme:
            query = {"programme": programme}
        if page == "organisation" and funder:
            query = {"org": funder}
        chosen.append((page, page, query))
        if page == "overview" and common:
            filtered = {"f_sector": common.sector, "f_county": common.county}
            chosen.append(("overview, sector + county", page, filtered))
        if page == "overview" and word:
            chosen.append(("overview, a search", page, {"f_q": word}))
    return chosen


def _searched_word(titles: list[str]) -> str | None:
    """What a person searches for: the most common word of six letters or more in `titles`
    among those in at most a tenth of them (a search narrows the list to a few)."""
    counts = Counter(
        word for title in titles for word in set(re.findall(r"\w{6,}", (title or "").lower()))
    )
    fitting = [word for word, count in counts.most_common() if count <= len(titles) / 10]
    return fitting[0] if fitting else None


# --- one measurement, in its own process ----------------------------------------------------


def measure(url: str, page: str, query: dict[str, str], runs: int, floor: bool) -> dict:
    """Cold (first run) and warm (median of `runs` reruns) of a page or its floor, the page's
    uncached run (warm process, no cached result); peak RSS."""
    from arena import config  # small (its cost is not the app's start): the variable's name

    os.environ["ARENA_DATABASE_URL"] = url
    # Every page as the local user of `make run` sees it, with every right: AppTest has no
    # server address, and without this the Admin page measured its refusal and the Data page
    # a viewer's (no uploader, no undo).
    os.environ[config.ALLOW_LOCAL_EDIT_VAR] = "1"
    import streamlit as st
    from streamlit import config as streamlit_config
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest, app_test, local_script_runner

    # AppTest compiles the scripts again on every run (a new ScriptCache per run); a server
    # compiles each script once and keeps the bytecode. One cache for the process, as a
    # server's runtime has, so a warm run costs what it costs a person, for ours (app.py and
    # the page: a few hundred lines) and the floor (a few lines) alike.
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared

    streamlit_config.set_option("client.showErrorDetails", "full")  # a failure says why

    with tempfile.TemporaryDirectory(prefix="arena-floor-") as folder:
        if floor:
            script = Path(folder) / f"floor_{page}.py"
            script.write_text(FLOOR_SCRIPT.format(bench=str(ROOT / "bench"), page=page))
            app = AppTest.from_file(str(script), default_timeout=3600)
        else:
            app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=3600)
            if page != "overview":
                # Opened on the page itself (url_path = file stem), as a link to it is.
                app.switch_page(f"pages/{page}.py")
        for key, value in query.items():
            app.query_params[key] = value
        timings = []
        for _ in range(runs + 1):
            started = time.perf_counter()
            app.run()
            timings.append(time.perf_counter() - started)
            if app.exception:
                return {"error": str(app.exception[0].value)[:200]}
        uncached = None
        if not floor:
            # What a person waits for after an import (every cached result belongs to the old
            # store version) or with filters nobody chose before: the process warm, no result
            # cached. The floor caches nothing: its warm run is this.
            st.cache_data.clear()
            started = time.perf_counter()
            app.run()
            uncached = time.perf_counter() - started
            if app.exception:
                return {"error": str(app.exception[0].value)[:200]}
    return {
        "cold": timings[0],
        "warm": statistics.median(timings[1:]),
        "uncached": uncached,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _in_process(url: str, page: str, query: dict[str, str], runs: int, floor: bool) -> dict:
    command = [sys.executable, __file__, "--measure", page, "--url", url, "--runs", str(runs)]
    command += ["--query", json.dumps(query)] + (["--floor"] if floor else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1][:200]}
    return json.loads(lines[-1])


# --- the floors ---------------------------------------------------------------------------


def _engine():
    # The app's own engine: the same connection settings (SQLite's pragmas, PostgreSQL's
    # work_mem), so floor and page ask the same database the same way.
    from arena import store

    return store.get_engine(os.environ["ARENA_DATABASE_URL"])


def _rows(sql: str, **params: object) -> list[dict]:
    import sqlalchemy as sa

    with _engine().connect() as conn:
        return [dict(row) for row in conn.execute(sa.text(sql), params).mappings()]


_charts = itertools.count()


def _chart(figure: object) -> None:
    """`st.plotly_chart` keyed by the chart's place on the page: in an empty or a tiny store two
    charts of a floor can be the same figure, and Streamlit refuses two elements of one id."""
    import streamlit as st

    st.plotly_chart(figure, key=f"floor_chart_{next(_charts)}")


def _year(expr: str) -> str:
    """SQL for the year of a date column, on SQLite and PostgreSQL."""
    if _engine().dialect.name == "sqlite":
        return f"CAST(strftime('%Y', {expr}) AS INTEGER)"
    return f"CAST(EXTRACT(YEAR FROM {expr}) AS INTEGER)"


def _filter_sql() -> tuple[str, dict[str, object]]:
    """The URL's sector, county and search as SQL on `p` (project) and `c` (its coordinator)."""
    import streamlit as st

    where, params = ["1 = 1"], {}
    if sector := st.query_params.get("f_sector"):
        where.append("p.sector = :sector")
        params["sector"] = sector
    if county := st.query_params.get("f_county"):
        where.append("c.county = :county")
        params["county"] = county
    if text := st.query_params.get("f_q"):
        where.append(
            "(lower(p.title) LIKE :text OR lower(p.reference) LIKE :text"
            " OR lower(coalesce(p.description, '')) LIKE :text)"
        )
        params["text"] = f"%{text.lower()}%"
    return " AND ".join(where), params


PROJECTS = "project p LEFT JOIN organisation c ON c.id = p.coordinator_id"


def _bar(x: list, y: list, **layout: object):
    import plotly.graph_objects as go

    return go.Figure(go.Bar(x=x, y=y)).update_layout(**layout)


def floor_overview() -> None:
    import plotly.graph_objects as go
    import streamlit as st

    where, params = _filter_sql()
    today = date.today()
    params |= {"today": today, "year_ago": today - timedelta(days=365), "year": today.year}
    st.title("overview")
    status = _rows(
        f"SELECT p.status, count(*) AS now,"
        " sum(CASE WHEN p.start_date <= :year_ago THEN 1 ELSE 0 END) AS before"
        f" FROM {PROJECTS} WHERE {where} GROUP BY p.status",
        **params,
    )
    for column, row in zip(st.columns(len(status) or 1), status, strict=False):
        column.metric(row["status"], row["now"], delta=row["now"] - (row["before"] or 0))
    money = _rows(
        f"SELECT (SELECT sum(g.amount_sek) FROM grant_award g JOIN ({PROJECTS}) ON p.id ="
        f" g.project_id WHERE {where}) AS granted, (SELECT sum(d.amount_sek) FROM disbursement d"
        f" JOIN grant_award g ON g.id = d.grant_id JOIN ({PROJECTS}) ON p.id = g.project_id"
        f" WHERE {where}) AS paid, (SELECT sum(e.amount_sek) FROM expenditure e JOIN ({PROJECTS})"
        f" ON e.scope = 'project' AND e.scope_ref = p.reference WHERE {where}) AS spent,"
        f" (SELECT count(*) FROM {PROJECTS} WHERE {where} AND p.status = 'completed') AS done",
        **params,
    )[0]
    st.metric("granted", money["granted"])
    burn = _rows(
        f"SELECT (SELECT sum(amount_sek) FROM expenditure WHERE {_year('spent_on')} = :year)"
        " AS spent, (SELECT sum(amount_sek) FROM budget_allocation WHERE year = :year) AS budget",
        **params,
    )[0]
    st.metric("burn", burn["spent"], delta=burn["budget"])
    reached = _rows(
        "SELECT count(*) AS total, sum(CASE WHEN v.value >= i.target_value THEN 1 ELSE 0 END)"
        " AS reached FROM indicator i"
        " LEFT JOIN (SELECT indicator_id, max(value) AS value FROM indicator_value"
        " GROUP BY indicator_id) v ON v.indicator_id = i.id WHERE i.target_value IS NOT NULL"
    )[0]
    st.metric("indicators", f"{reached['reached']} / {reached['total']}")
    _chart(_bar(["granted", "paid", "spent"], [money[k] for k in ("granted", "paid", "spent")]))
    cells = _rows(
        f"SELECT p.sector, p.stage, count(*) AS n FROM {PROJECTS} WHERE {where}"
        " GROUP BY p.sector, p.stage",
        **params,
    )
    _chart(
        go.Figure(
            go.Heatmap(
                x=[r["stage"] for r in cells],
                y=[r["sector"] for r in cells],
                z=[r["n"] for r in cells],
            )
        )
    )
    counties = _rows(
        f"SELECT c.county, c.kind, count(*) AS n FROM {PROJECTS} WHERE {where}"
        " GROUP BY c.county, c.kind",
        **params,
    )
    _chart(_bar([r["county"] for r in counties], [r["n"] for r in counties]))
    years = _rows(
        "SELECT b.year, b.budget, e.spent FROM (SELECT year, sum(amount_sek) AS budget"
        f" FROM budget_allocation GROUP BY year) b LEFT JOIN (SELECT {_year('spent_on')} AS year,"
        " sum(amount_sek) AS spent FROM expenditure GROUP BY 1) e ON e.year = b.year"
    )
    _chart(_bar([r["year"] for r in years], [r["budget"] for r in years]))
    late = _rows(
        f"SELECT p.reference, p.title, m.title AS report, m.due_date FROM milestone m JOIN"
        f" ({PROJECTS}) ON m.scope = 'project' AND m.scope_ref = p.reference WHERE {where} AND"
        " m.delivered_date IS NULL AND m.due_date < :today ORDER BY m.due_date",
        **params,
    )
    st.dataframe(late, hide_index=True)


def _box(amounts: list[int]):
    """A box plot drawn from its figures (quartiles, whisker ends), as the page draws it."""
    import numpy as np
    import plotly.graph_objects as go

    values = np.sort(np.array(amounts, dtype="int64"))
    q1, median, q3 = np.quantile(values, [0.25, 0.5, 0.75])
    inside = values[(values >= q1 - 1.5 * (q3 - q1)) & (values <= q3 + 1.5 * (q3 - q1))]
    return go.Box(
        q1=[q1], median=[median], q3=[q3], lowerfence=[inside.min()], upperfence=[inside.max()]
    )


def floor_portfolio() -> None:
    import plotly.graph_objects as go
    import streamlit as st

    where, params = _filter_sql()
    st.title("portfolio")
    stages = _rows(
        f"SELECT p.status, p.stage, count(*) AS n FROM {PROJECTS} WHERE {where}"
        " GROUP BY p.status, p.stage",
        **params,
    )
    _chart(_bar([f"{r['status']} {r['stage']}" for r in stages], [r["n"] for r in stages]))
    money = (
        f" FROM {PROJECTS} LEFT JOIN (SELECT project_id, sum(amount_sek) AS granted FROM"
        " grant_award GROUP BY project_id) g ON g.project_id = p.id"
        " LEFT JOIN (SELECT g.project_id, sum(d.amount_sek) AS paid FROM disbursement d JOIN"
        " grant_award g ON g.id = d.grant_id GROUP BY g.project_id) d ON d.project_id = p.id"
    )
    (totals,) = _rows(
        f"SELECT count(*) AS n, sum(g.granted) AS granted, sum(d.paid) AS paid{money}"
        f" WHERE {where}",
        **params,
    )
    for name, value in totals.items():
        st.metric(name, value or 0)
    # The table: one page of 50 rows and the count (the page counts and slices in SQL).
    st.caption(str(_rows(f"SELECT count(*) AS n FROM {PROJECTS} WHERE {where}", **params)))
    st.dataframe(
        _rows(
            f"SELECT p.reference, p.title, p.status, p.stage, c.name AS coordinator, p.sector,"
            f" c.county, p.start_date, p.end_date, g.granted, d.paid{money} WHERE {where}"
            " ORDER BY p.reference LIMIT 50",
            **params,
        ),
        hide_index=True,
    )
    # The timeline: projects running per year (the page's aggregate above 200 projects).
    spans = _rows(
        f"SELECT {_year('p.start_date')} AS first,"
        f" {_year('coalesce(p.end_date, :today)')} AS last, p.status, count(*) AS n"
        f" FROM {PROJECTS} WHERE {where} AND p.start_date IS NOT NULL GROUP BY 1, 2, 3",
        today=date.today(),
        **params,
    )
    years = range(
        min((r["first"] for r in spans), default=0), max((r["last"] for r in spans), default=-1) + 1
    )
    running = [sum(r["n"] for r in spans if r["first"] <= year <= r["last"]) for year in years]
    _chart(_bar(list(years), running))
    grants = _rows(
        f"SELECT {_year('g.decision_date')} AS year, p.sector, g.amount_sek"
        f" FROM grant_award g JOIN ({PROJECTS}) ON p.id = g.project_id WHERE {where}",
        **params,
    )
    for by in ("year", "sector"):
        groups: dict[object, list[int]] = {}
        for row in grants:
            groups.setdefault(row[by], []).append(row["amount_sek"])
        _chart(go.Figure([_box(amounts) for amounts in groups.values()]))
        st.dataframe([{by: group, "n": len(amounts)} for group, amounts in groups.items()])


def floor_project() -> None:
    import itertools

    import plotly.graph_objects as go
    import streamlit as st

    reference = (
        st.query_params.get("ref") or _rows("SELECT min(reference) AS r FROM project")[0]["r"]
    )
    st.title("project")
    facts = _rows(
        "SELECT p.*, c.name AS coordinator, pr.code AS programme FROM project p LEFT JOIN"
        " organisation c ON c.id = p.coordinator_id LEFT JOIN programme pr ON pr.id ="
        " p.programme_id WHERE p.reference = :ref",
        ref=reference,
    )
    st.table(facts)
    st.dataframe(
        _rows(
            "SELECT o.name, o.kind, o.county, pp.role FROM project_participant pp JOIN project p"
            " ON p.id = pp.project_id JOIN organisation o ON o.id = pp.organisation_id"
            " WHERE p.reference = :ref",
            ref=reference,
        )
    )
    st.dataframe(
        _rows(
            "SELECT g.reference, f.name AS funder, g.amount_sek, (SELECT sum(d.amount_sek) FROM"
            " disbursement d WHERE d.grant_id = g.id) AS paid FROM grant_award g JOIN project p"
            " ON p.id = g.project_id JOIN organisation f ON f.id = g.funder_id"
            " WHERE p.reference = :ref",
            ref=reference,
        )
    )
    st.dataframe(
        _rows(
            "SELECT g.reference, d.paid_on, d.amount_sek FROM disbursement d JOIN grant_award g"
            " ON g.id = d.grant_id JOIN project p ON p.id = g.project_id"
            " WHERE p.reference = :ref ORDER BY d.paid_on",
            ref=reference,
        )
    )
    spend = _rows(
        "SELECT spent_on, category, amount_sek, description FROM expenditure"
        " WHERE scope = 'project' AND scope_ref = :ref ORDER BY spent_on",
        ref=reference,
    )
    granted = _rows(
        "SELECT coalesce(sum(g.amount_sek), 0) AS granted FROM grant_award g JOIN project p"
        " ON p.id = g.project_id WHERE p.reference = :ref",
        ref=reference,
    )[0]["granted"]
    running = list(itertools.accumulate(row["amount_sek"] for row in spend))
    figure = go.Figure(go.Scatter(x=[str(r["spent_on"]) for r in spend], y=running))
    figure.add_hline(y=granted, line_dash="dash", annotation_text=f"granted: {granted}")
    _chart(figure)
    st.dataframe(spend)
    for table in ("indicators", "milestones"):
        st.dataframe(
            _rows(
                "SELECT i.code, i.name_sv, i.unit, v.year, v.value, v.coverage FROM"
                " indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE"
                " v.scope = 'project' AND v.scope_ref = :ref ORDER BY i.code, v.year"
                if table == "indicators"
                else "SELECT title, kind, due_date, delivered_date FROM milestone"
                " WHERE scope = 'project' AND scope_ref = :ref ORDER BY due_date",
                ref=reference,
            )
        )
    st.dataframe(
        _rows(
            "SELECT r.id, r.file_name, r.started_at, count(*) AS changes FROM import_change ch"
            " JOIN import_run r ON r.id = ch.import_id"
            " WHERE ch.project_after = :ref OR ch.project_before = :ref GROUP BY r.id",
            ref=reference,
        )
    )


def floor_programmes() -> None:
    import streamlit as st

    code = _rows("SELECT min(code) AS code FROM programme")[0]["code"]
    st.title("programmes")
    listing = _rows(
        "SELECT pr.code, pr.name, o.name AS owner, f.name AS funder, pr.start_date, pr.end_date,"
        " (SELECT count(*) FROM project p WHERE p.programme_id = pr.id) AS projects,"
        " (SELECT sum(b.amount_sek) FROM budget_allocation b WHERE b.programme_id = pr.id)"
        " AS allocated, (SELECT count(*) FROM milestone m WHERE m.scope = 'programme' AND"
        " m.scope_ref = pr.code AND m.delivered_date IS NULL AND m.due_date < :today) AS late,"
        " (SELECT min(m.due_date) FROM milestone m WHERE m.scope = 'programme' AND m.scope_ref ="
        " pr.code AND m.delivered_date IS NULL AND m.due_date >= :today) AS next_due"
        " FROM programme pr LEFT JOIN organisation o ON o.id = pr.owner_id"
        " LEFT JOIN organisation f ON f.id = pr.funder_id ORDER BY pr.code",
        today=date.today(),
    )
    st.dataframe(listing)
    st.selectbox("programme", [row["code"] for row in listing], index=0)
    st.table(_rows("SELECT * FROM programme WHERE code = :code", code=code))
    years = _rows(
        "SELECT b.year, b.amount_sek AS budget, (SELECT sum(e.amount_sek) FROM expenditure e"
        " WHERE (e.scope = 'programme' AND e.scope_ref = :code OR e.scope = 'project' AND"
        " e.scope_ref IN (SELECT p.reference FROM project p JOIN programme pr ON pr.id ="
        f" p.programme_id WHERE pr.code = :code)) AND {_year('e.spent_on')}"
        " = b.year) AS spent FROM budget_allocation b JOIN programme pr ON pr.id = b.programme_id"
        " WHERE pr.code = :code ORDER BY b.year",
        code=code,
    )
    _chart(_bar([r["year"] for r in years], [r["spent"] for r in years]))
    status = _rows(
        "SELECT p.status, count(*) AS n FROM project p JOIN programme pr ON pr.id ="
        " p.programme_id WHERE pr.code = :code GROUP BY p.status",
        code=code,
    )
    _chart(_bar([r["status"] for r in status], [r["n"] for r in status]))


def floor_results() -> None:
    import plotly.graph_objects as go
    import streamlit as st

    st.title("results")
    # The registry: each indicator and scope with its latest value against baseline and target.
    st.dataframe(
        _rows(
            "SELECT i.code, i.name_sv, i.unit, o.name AS owner, pr.code AS programme,"
            " i.baseline_value, i.baseline_year, i.target_value, i.target_year, v.scope,"
            " v.scope_ref, v.year AS latest_year, v.value AS latest_value, v.coverage"
            " FROM indicator i LEFT JOIN organisation o ON o.id = i.owner_id"
            " LEFT JOIN programme pr ON pr.id = i.programme_id"
            " LEFT JOIN indicator_value v ON v.indicator_id = i.id AND v.scope <> 'project'"
            " AND v.year = (SELECT max(w.year) FROM indicator_value w WHERE w.indicator_id ="
            " i.id AND w.scope = v.scope AND w.scope_ref = v.scope_ref) ORDER BY i.code"
        )
    )
    values = _rows(
        "SELECT i.code, v.year, sum(v.value) AS value FROM indicator_value v JOIN indicator i"
        " ON i.id = v.indicator_id GROUP BY i.code, v.year ORDER BY i.code, v.year"
    )
    figure = go.Figure()
    for code in dict.fromkeys(row["code"] for row in values):
        series = [row for row in values if row["code"] == code]
        figure.add_scatter(x=[r["year"] for r in series], y=[r["value"] for r in series], name=code)
    _chart(figure)
    st.dataframe(values)
    # Project outputs per programme and year beside the programmes' own values.
    st.dataframe(
        _rows(
            "SELECT pr.code AS programme, i.code, v.year, sum(v.value) AS value,"
            " count(DISTINCT p.reference) AS projects FROM indicator_value v"
            " JOIN indicator i ON i.id = v.indicator_id JOIN project p ON p.reference ="
            " v.scope_ref LEFT JOIN programme pr ON pr.id = p.programme_id"
            " WHERE v.scope = 'project' GROUP BY 1, 2, 3"
            " UNION ALL SELECT v.scope_ref, i.code, v.year, v.value, NULL FROM indicator_value v"
            " JOIN indicator i ON i.id = v.indicator_id WHERE v.scope = 'programme'"
            " ORDER BY 1, 2, 3"
        )
    )
    # The chain from money to the national result, one box per step.
    chain = _rows(
        "SELECT 'budget' AS step, sum(amount_sek) AS value FROM budget_allocation"
        " UNION ALL SELECT 'grants', sum(amount_sek) FROM grant_award"
        " UNION ALL SELECT 'stage:' || coalesce(stage, '-'), count(*) FROM project GROUP BY stage"
        " UNION ALL SELECT 'outputs', count(*) FROM milestone WHERE scope = 'project'"
        " AND delivered_date IS NOT NULL"
        " UNION ALL SELECT * FROM (SELECT 'national', v.value FROM indicator_value v"
        " WHERE v.scope = 'country' AND v.scope_ref = 'SE' ORDER BY v.year DESC LIMIT 1) AS n"
    )
    width = 1 / len(chain)
    _chart(
        go.Figure(
            layout={
                "shapes": [
                    {
                        "type": "rect",
                        "x0": i * width,
                        "x1": (i + 1) * width - 0.02,
                        "y0": 0,
                        "y1": 1,
                    }
                    for i in range(len(chain))
                ],
                "annotations": [
                    {
                        "x": (i + 0.5) * width,
                        "y": 0.5,
                        "text": f"{r['step']}<br>{r['value']}",
                        "showarrow": False,
                    }
                    for i, r in enumerate(chain)
                ],
            }
        )
    )
    # Countries side by side, one table per measure.
    comparison = _rows(
        "SELECT coalesce(i.measure, i.code) AS measure, v.scope_ref AS country, i.code,"
        " i.name_sv, i.unit, v.year, v.value, v.coverage FROM indicator_value v JOIN indicator i"
        " ON i.id = v.indicator_id WHERE v.scope = 'country' ORDER BY 1, 2, v.year"
    )
    for measure in dict.fromkeys(row["measure"] for row in comparison):
        st.subheader(measure)
        st.dataframe([row for row in comparison if row["measure"] == measure])


def floor_networks() -> None:
    import plotly.graph_objects as go
    import streamlit as st

    st.title("networks")
    listing = _rows(
        "SELECT g.name, g.kind, g.sector, g.countries, (SELECT count(*) FROM buyer_group_member m"
        " WHERE m.buyer_group_id = g.id) AS members, (SELECT count(*) FROM project p WHERE"
        " p.buyer_group_id = g.id) AS projects FROM buyer_group g ORDER BY g.kind, g.name"
    )
    organisations = _rows("SELECT count(DISTINCT organisation_id) AS n FROM buyer_group_member")[0][
        "n"
    ]
    for name, value in (
        ("networks", len(listing)),
        ("memberships", sum(row["members"] for row in listing)),
        ("organisations", organisations),
        ("projects", sum(row["projects"] for row in listing)),
    ):
        st.metric(name, value)
    st.dataframe(listing)
    members = _rows(
        "SELECT o.county, o.kind, count(DISTINCT o.id) AS organisations, count(*) AS memberships"
        " FROM buyer_group_member m JOIN organisation o ON o.id = m.organisation_id"
        " GROUP BY o.county, o.kind ORDER BY o.county, o.kind"
    )
    figure = go.Figure()
    for kind in dict.fromkeys(row["kind"] for row in members):
        part = [row for row in members if row["kind"] == kind]
        figure.add_bar(y=[r["county"] for r in part], x=[r["organisations"] for r in part])
    _chart(figure)
    st.selectbox("network", [row["name"] for row in listing], index=None)


def floor_efforts() -> None:
    import plotly.graph_objects as go
    import streamlit as st

    st.title("efforts")
    efforts = _rows(
        "SELECT effort, count(*) AS n, sum(participants) AS participants, sum(reach) AS reach,"
        " sum(cost_sek) AS cost FROM activity GROUP BY effort"
    )
    for row in efforts:
        st.metric(row["effort"], row["n"], delta=row["cost"])
    st.dataframe(efforts)
    years = _rows(
        f"SELECT effort, {_year('start_date')} AS year, count(*) AS n, sum(participants) AS"
        " participants, sum(reach) AS reach, sum(cost_sek) AS cost FROM activity"
        " GROUP BY 1, 2 ORDER BY 2, 1"
    )
    figure = go.Figure()
    for effort in dict.fromkeys(row["effort"] for row in years):
        series = [row for row in years if row["effort"] == effort]
        figure.add_bar(x=[str(r["year"]) for r in series], y=[r["cost"] for r in series])
    _chart(figure)
    st.dataframe(years)
    st.dataframe(_rows("SELECT reference, effort, title, start_date, cost_sek FROM activity"))


def floor_grants() -> None:
    import streamlit as st

    where, params = _filter_sql()
    params |= {"today": date.today(), "soon": date.today() + timedelta(days=30)}
    st.title("grants")
    grants = (
        f" FROM grant_award g JOIN ({PROJECTS}) ON p.id = g.project_id"
        " JOIN organisation f ON f.id = g.funder_id"
        " LEFT JOIN (SELECT grant_id, sum(amount_sek) AS paid FROM disbursement"
        f" GROUP BY grant_id) d ON d.grant_id = g.id WHERE {where}"
    )
    funders = _rows(
        "SELECT f.name AS funder, count(*) AS n, sum(g.amount_sek) AS granted,"
        f" sum(d.paid) AS paid, sum(g.amount_sek - coalesce(d.paid, 0)) AS remaining{grants}"
        " GROUP BY f.name ORDER BY granted DESC",
        **params,
    )
    for name in ("n", "granted", "paid", "remaining"):
        st.metric(name, sum(row[name] or 0 for row in funders))
    st.dataframe(funders, hide_index=True)
    reports = (
        f" FROM milestone m JOIN ({PROJECTS}) ON m.scope = 'project' AND m.scope_ref = p.reference"
        f" WHERE {where} AND m.delivered_date IS NULL AND m.due_date <= :soon"
    )
    for state in _rows(
        "SELECT CASE WHEN m.due_date < :today THEN 'late' ELSE 'due' END AS state,"
        f" count(*) AS n{reports} GROUP BY 1",
        **params,
    ):
        st.metric(state["state"], state["n"])
    st.dataframe(
        _rows(
            f"SELECT p.reference, m.title, m.due_date{reports} ORDER BY m.due_date LIMIT 50",
            **params,
        )
    )
    paid = _rows(
        f"SELECT {_year('d.paid_on')} AS year, sum(d.amount_sek) AS paid FROM disbursement d"
        f" JOIN grant_award g ON g.id = d.grant_id JOIN ({PROJECTS}) ON p.id = g.project_id"
        f" WHERE {where} GROUP BY 1 ORDER BY 1",
        **params,
    )
    _chart(_bar([r["year"] for r in paid], [r["paid"] for r in paid]))
    # The grant list: one page of 50 rows and the count.
    st.caption(str(_rows(f"SELECT count(*) AS n{grants}", **params)))
    st.dataframe(
        _rows(
            "SELECT g.reference, p.reference AS project, f.name AS funder, g.amount_sek, d.paid,"
            f" g.amount_sek - coalesce(d.paid, 0) AS remaining, g.end_date{grants}"
            " ORDER BY f.name, g.reference LIMIT 50",
            **params,
        ),
        hide_index=True,
    )


def floor_organisation() -> None:
    import streamlit as st

    name = (
        st.query_params.get("org") or _rows("SELECT min(name) AS name FROM organisation")[0]["name"]
    )
    st.title("organisation")
    st.table(_rows("SELECT * FROM organisation WHERE name = :name", name=name))
    roles = (
        "SELECT p.reference, p.title, pp.role, p.status FROM project_participant pp JOIN project p"
        " ON p.id = pp.project_id JOIN organisation o ON o.id = pp.organisation_id"
        " WHERE o.name = :name UNION SELECT p.reference, p.title, 'coordinator', p.status"
        " FROM project p JOIN organisation o ON o.id = p.coordinator_id WHERE o.name = :name"
    )
    st.metric("projects", _rows(f"SELECT count(*) AS n FROM ({roles}) r", name=name)[0]["n"])
    st.dataframe(_rows(f"{roles} ORDER BY 1, 3 LIMIT 50", name=name))
    for side, where in (
        ("given", "g.funder_id = o.id"),
        ("received", "p.coordinator_id = o.id"),
    ):
        grants = (
            "SELECT g.reference, p.reference AS project, p.title, g.amount_sek,"
            " (SELECT sum(d.amount_sek) FROM disbursement d WHERE d.grant_id = g.id) AS paid"
            " FROM grant_award g JOIN project p ON p.id = g.project_id"
            f" JOIN organisation o ON {where} WHERE o.name = :name"
        )
        sums = _rows(
            f"SELECT count(*) AS n, sum(amount_sek) AS granted, sum(paid) AS paid"
            f" FROM ({grants}) s",
            name=name,
        )[0]
        st.metric(side, sums["granted"] or 0, delta=sums["paid"] or 0)
        st.dataframe(_rows(f"{grants} ORDER BY g.reference LIMIT 50", name=name))


def floor_data() -> None:
    import streamlit as st

    st.title("data")
    upload, history, downloads = st.tabs(["upload", "history", "downloads"])
    upload.file_uploader("files", accept_multiple_files=True)
    runs = _rows("SELECT * FROM import_run ORDER BY id DESC LIMIT 200")
    history.dataframe(runs, hide_index=True)
    history.selectbox("undo", [run["id"] for run in runs], index=None)
    kinds = ["organisations", "projects", "grants", "disbursements", "expenditures"]
    downloads.selectbox("template", kinds)
    downloads.selectbox("export", kinds)
    downloads.radio("format", ["csv", "xlsx"], horizontal=True)


def floor_admin() -> None:
    import streamlit as st

    st.title("admin")
    st.dataframe(
        _rows(
            "SELECT u.email, u.name, r.role, r.funder_id FROM app_user u LEFT JOIN user_role r"
            " ON r.user_id = u.id ORDER BY u.email"
        )
    )
    st.dataframe(_rows("SELECT * FROM audit_event ORDER BY id DESC LIMIT 200"))


FLOORS = {
    name.removeprefix("floor_"): function
    for name, function in list(globals().items())
    if name.startswith("floor_")
}


def run_floor(page: str) -> None:
    """The floor script's body (see FLOOR_SCRIPT)."""
    global _charts
    _charts = itertools.count()  # each run numbers its charts from 0, as a rerun must
    FLOORS[page]()


# --- the table ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="the store to measure (default: a generated SQLite store)")
    parser.add_argument("--projects", type=int, default=10_000, help="size of the generated store")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated store")
    parser.add_argument("--runs", type=int, default=3, help="warm reruns per page (median)")
    parser.add_argument("--pages", help="comma-separated page stems (default: every page)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--build-into", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--query", default="{}", help=argparse.SUPPRESS)
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        figures = measure(args.url, args.measure, json.loads(args.query), args.runs, args.floor)
        print(json.dumps(figures))
        return 0
    if args.build_into:
        print(json.dumps(build_store(args.build_into, args.projects, args.seed)))
        return 0

    pages = args.pages.split(",") if args.pages else navigation_pages()
    with tempfile.TemporaryDirectory(prefix="arena-pages-bench-") as folder:
        url = args.url or _built(Path(folder), args.projects, args.seed)
        print(
            "| page | cold s | floor cold s | warm s | floor warm s | warm / floor | uncached s "
            "| uncached / floor warm | peak RSS MiB |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for label, page, query in variants(url, pages):
            ours = _in_process(url, page, query, args.runs, floor=False)
            floor = _in_process(url, page, query, args.runs, floor=True)
            if "error" in ours:
                print(f"| {label} | error: {ours['error']} | | | | | | | |", flush=True)
                continue
            if "error" in floor:
                floor_cold = floor_warm = ratio = uncached_ratio = f"error: {floor['error']}"
            else:
                floor_cold, floor_warm = f"{floor['cold']:.2f}", f"{floor['warm']:.2f}"
                ratio = f"{ours['warm'] / floor['warm']:.1f}"
                uncached_ratio = f"{ours['uncached'] / floor['warm']:.1f}"
            print(
                f"| {label} | {ours['cold']:.2f} | {floor_cold} | {ours['warm']:.2f} "
                f"| {floor_warm} | {ratio} | {ours['uncached']:.2f} | {uncached_ratio} "
                f"| {ours['rss_mib']:.0f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
