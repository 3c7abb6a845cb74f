"""The demo data: the real facts of the sources, exact, each with its source; the rest marked."""

from __future__ import annotations

import csv
from datetime import date

import sqlalchemy as sa

from arena import config, models
from arena.ingest import load_demo
from arena.ingest.formats import KINDS
from arena.ingest.natural import read_natural

ILLUSTRATIVE = "Illustrativ demodata"


def _natural(engine, kind: str) -> list[dict]:
    with engine.connect() as conn:
        return read_natural(conn, KINDS[kind])


def _one(rows: list[dict], **match) -> dict:
    found = [row for row in rows if all(row[k] == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


def test_the_vinnova_project_2018_04510_is_exact(demo_engine):
    project = _one(_natural(demo_engine, "projects"), reference="2018-04510")
    assert project["title"] == "Nationell arena för innovationsupphandling"
    assert project["coordinator"] == "Teknikföretagens Service i Sverige AB"
    assert project["status"] == "ongoing"  # "Pågående" on the page
    assert project["start_date"] == date(2018, 10, 1)  # "oktober 2018 - februari 2019"
    assert project["end_date"] == date(2019, 2, 28)
    assert "seed 000" in project["source"]
    assert project["description"].startswith("Teknikföretagen och SKL samarbetar")
    grant = _one(_natural(demo_engine, "grants"), project_reference="2018-04510")
    assert (grant["funder"], grant["amount_sek"]) == ("Vinnova", 150_000)
    assert "seed 000" in grant["source"]


def test_the_buyer_group_assignment_has_2_msek_a_year_and_its_report_date(demo_engine):
    budgets = _natural(demo_engine, "budgets")
    for year in (2017, 2018):
        row = _one(budgets, programme_code="BG-2017", year=year)
        assert row["amount_sek"] == 2_000_000
        assert "seed 003" in row["source"]
    programme = _one(_natural(demo_engine, "programmes"), code="BG-2017")
    assert programme["report_due"] == date(2019, 3, 31)
    assert programme["owner"] == "Upphandlingsmyndigheten"
    for area in ("Transport", "Hälso- och sjukvård", "Samhällsbyggnad"):
        assert area in programme["themes"]


def test_the_2021_arena_with_prv_and_procure2innovate(demo_engine):
    programmes = _natural(demo_engine, "programmes")
    arena = _one(programmes, code="ARENA-2021")
    for heading in (
        "Utveckling av resurseffektiv cirkulär ekonomi",
        "Upphandling som främjar nya lösningar",
        "Ta innovationer till marknaden",
    ):
        assert heading in arena["themes"]
    assert "PRV" in arena["description"]
    assert arena["start_date"].year == 2021
    p2i = _one(programmes, code="P2I")
    assert (p2i["owner"], p2i["funder"]) == ("Kammarkollegiet", "Europeiska kommissionen")
    assert "tio länder" in p2i["description"]
    assert "seed 001" in p2i["source"]


def test_norway_and_sweden_indicators_are_exact(demo_engine):
    values = _natural(demo_engine, "indicator_values")

    def value(code: str, country: str, year: int) -> float:
        return _one(values, indicator_code=code, country_code=country, year=year)["value"]

    assert value("NO_DOFFIN_INNOVATION", "NO", 2010) == 6
    assert value("NO_DOFFIN_INNOVATION", "NO", 2016) == 180
    assert value("NO_STRATEGY_SHARE", "NO", 2010) == 6
    assert value("NO_STRATEGY_SHARE", "NO", 2017) == 40
    assert value("SE_INNOVATION_PROCUREMENTS", "SE", 2022) == 793
    assert value("SE_ADVERTISED", "SE", 2022) == 17_198
    coverage = _one(values, indicator_code="SE_INNOVATION_PROCUREMENTS", year=2022)["coverage"]
    assert coverage == 0.05  # the innovation field was missing for about 95 % of notices
    for row in values:
        if row["country_code"] in ("NO", "SE"):
            assert "seed 004" in row["source"] or "domain.md" in row["source"]


def test_illustrative_data_covers_every_view_and_is_marked(demo_engine):
    projects = _natural(demo_engine, "projects")
    illustrative = [p for p in projects if p["source"] == ILLUSTRATIVE]
    assert len(illustrative) >= 40
    assert all(p["reference"].startswith("DEMO-") for p in illustrative)
    assert {p["status"] for p in projects} == {
        "desired",
        "planned",
        "ongoing",
        "completed",
        "cancelled",
    }
    assert {p["stage"] for p in projects} >= {
        "pre_study",
        "market_dialogue",
        "procurement",
        "contract",
        "contract_management",
    }
    sectors = {p["sector"] for p in projects}
    assert {"Transport", "Hälso- och sjukvård", "Samhällsbyggnad"} <= sectors
    years = {p["start_date"].year for p in projects if p["start_date"]}
    assert min(years) == 2017 and max(years) >= 2026
    organisations = _natural(demo_engine, "organisations")
    assert {o["kind"] for o in organisations} >= {"national_authority", "region", "municipality"}
    assert len({o["county"] for o in organisations if o["county"]}) >= 5
    for kind in ("grants", "disbursements", "expenditures", "milestones", "buyer_groups"):
        assert _natural(demo_engine, kind), kind
    # Every row says where it came from.
    for kind in KINDS.values():
        if any(c.name == "source" for c in kind.columns):
            assert all(row["source"] for row in _natural(demo_engine, kind.name)), kind.name


def test_the_store_holds_every_row_of_the_demo_files(demo_engine):
    """Nothing is dropped on the way in: each file's row count is in the store."""
    counts = {}
    for path in sorted(config.DEMO_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            counts[path.name] = sum(1 for _ in csv.reader(handle, delimiter=";")) - 1
    stored = sum(len(_natural(demo_engine, kind)) for kind in KINDS)
    assert stored == sum(counts.values())


def test_the_demo_loads_through_the_import_pipeline_once(engine):
    result = load_demo(engine)
    assert result is not None and result.outcome == "committed"
    assert result.problems == [] or all(p.severity == "warning" for p in result.problems)
    with engine.connect() as conn:
        runs = conn.execute(sa.select(models.ImportRun.__table__)).mappings().all()
    assert [(run["user"], run["outcome"]) for run in runs] == [("demo", "committed")]
    # A second call leaves the store alone: the demo never overwrites a user's data.
    assert load_demo(engine) is None
