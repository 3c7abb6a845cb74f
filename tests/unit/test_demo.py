"""The demo data: the real facts of the sources, exact, each with its source; the rest marked."""

from __future__ import annotations

import csv
from datetime import date

import sqlalchemy as sa

from arena import config, models
from arena.auth import cli_identity
from arena.ingest import load_demo
from arena.ingest.kinds import KINDS
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


def test_programme_kinds_and_no_invented_agenda_2030_goals(demo_engine):
    programmes = {row["code"]: row for row in _natural(demo_engine, "programmes")}
    assert {code: row["kind"] for code, row in programmes.items()} == {
        "BG-2017": "government_assignment",
        "ARENA-2021": "government_assignment",
        "SPETS": "government_assignment",
        "P2I": "network_project",
    }
    # No source names goal numbers for a programme; the arena's "Agenda 2030" is a theme.
    assert all(row["sdg_goals"] is None for row in programmes.values())


def test_the_indicator_registry_compares_like_with_like(demo_engine):
    indicators = {row["code"]: row for row in _natural(demo_engine, "indicators")}
    doffin, sweden = indicators["NO_DOFFIN_INNOVATION"], indicators["SE_INNOVATION_PROCUREMENTS"]
    assert doffin["measure"] == sweden["measure"] == "innovation_procurements_announced"
    assert indicators["NO_STRATEGY_SHARE"]["measure"] == "strategy_share"
    # No Swedish indicator has Norway's strategy-share measure: the pages must say so.
    assert [code for code, row in indicators.items() if row["measure"] == "strategy_share"] == [
        "NO_STRATEGY_SHARE"
    ]
    assert doffin["owner"] == "Leverandørutviklingsprogrammet (LUP)"
    for code, row in indicators.items():
        assert row["direction"] in ("increase", "decrease")
        assert row["frequency"] is not None, code
        if code.startswith(("SE_", "ARENA_")):
            assert row["owner"] == "Upphandlingsmyndigheten", code
        # Programme indicators belong to the arena; project outputs roll up through projects.
        expected = "ARENA-2021" if code.startswith("ARENA_") else None
        assert row["programme_code"] == expected, code


def test_procure2innovate_is_an_international_network_of_ten_countries(demo_engine):
    groups = {row["name"]: row for row in _natural(demo_engine, "buyer_groups")}
    p2i = groups["Procure2Innovate"]
    assert (p2i["kind"], p2i["countries"], p2i["programme_code"]) == (
        "international_network",
        10,
        "P2I",
    )
    assert "seed 001" in p2i["source"]
    members = _natural(demo_engine, "buyer_group_members")
    swedish = {(m["organisation"], m["role"]) for m in members if m["buyer_group"] == p2i["name"]}
    # Only the Swedish members are named by the source; the other countries' are not invented.
    assert swedish == {
        ("Kammarkollegiet", "kompetenscentrum"),
        ("Upphandlingsmyndigheten", "kompetenscentrum"),
    }
    for name, group in groups.items():
        if name.startswith("Beställarnätverk"):
            assert group["kind"] == "buyer_network", name
        elif name.startswith("Beställargrupp"):
            assert group["kind"] == "buyer_group", name


def test_projects_name_the_group_that_procures_them(demo_engine):
    projects = _natural(demo_engine, "projects")
    members = _natural(demo_engine, "buyer_group_members")
    linked = [p for p in projects if p["buyer_group"]]
    assert len(linked) >= 5
    for project in linked:
        assert project["source"] == ILLUSTRATIVE
        # The coordinator is a member of the group that procures the project.
        assert any(
            m["buyer_group"] == project["buyer_group"]
            and m["organisation"] == project["coordinator"]
            for m in members
        ), project["reference"]


def test_every_effort_has_illustrative_activities(demo_engine):
    activities = _natural(demo_engine, "activities")
    per_effort = {}
    for activity in activities:
        per_effort.setdefault(activity["effort"], []).append(activity)
    assert set(per_effort) == {
        "knowledge_sharing",
        "pioneer_relay",
        "buyer_network",
        "sectoral_arena",
        "expert_support",
        "experience_exchange",
        "financing",
    }
    assert all(2 <= len(rows) <= 4 for rows in per_effort.values())
    assert {a["programme_code"] for a in activities} == {"ARENA-2021", "SPETS"}
    assert {a["start_date"].year for a in activities} == set(range(2021, 2027))
    for activity in activities:
        assert activity["source"].startswith(ILLUSTRATIVE)
        assert activity["cost_sek"] > 0
        assert activity["participants"] is not None or activity["reach"] is not None


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
    result = load_demo(engine, identity=cli_identity())
    assert result is not None and result.outcome == "committed"
    assert result.problems == [] or all(p.severity == "warning" for p in result.problems)
    with engine.connect() as conn:
        runs = conn.execute(sa.select(models.ImportRun.__table__)).mappings().all()
    # Recorded as whoever loaded it (here the command line), like any import.
    assert [(run["user"], run["outcome"]) for run in runs] == [
        (cli_identity().subject, "committed")
    ]
    # A second call leaves the store alone: the demo never overwrites a user's data.
    assert load_demo(engine, identity=cli_identity()) is None
