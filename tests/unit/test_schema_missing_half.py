"""Programmes, indicator registry, networks and efforts in the store: the migration that adds them
keeps an existing store's rows, and the database refuses what the codes do not allow."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from arena import config, models
from arena.auth import cli_identity
from arena.ingest import Upload, import_files, load_demo
from arena.store import current_revision, downgrade, get_engine, migrate, table_counts

PREVIOUS_HEAD = "a1c0ffee0001"
NEW_COLUMNS = {
    "programme": {"kind", "sdg_goals"},
    "indicator": {"owner_id", "frequency", "direction", "measure", "programme_id"},
    "buyer_group": {"kind", "countries"},
    "buyer_group_member": {"role"},
    "project": {"buyer_group_id"},
}


def _columns(engine, table: str) -> set[str]:
    return {column["name"] for column in sa.inspect(engine).get_columns(table)}


def test_a_store_at_the_previous_head_upgrades_with_its_rows(db_url):
    engine = get_engine(db_url)
    # Today's import writes today's schema: load the demo, then take the schema back.
    migrate(engine)
    load_demo(engine, identity=cli_identity())
    downgrade(engine, PREVIOUS_HEAD)
    assert "activity" not in sa.inspect(engine).get_table_names()
    for table, columns in NEW_COLUMNS.items():
        assert not columns & _columns(engine, table), table
    before = table_counts(engine)
    assert before["project"] > 40 and before["project_participant"] > 100

    migrate(engine)
    after = table_counts(engine)
    # No table rebuilt through a cascade: every child row (participants, budgets, indicator
    # values, members) is still there, and the new table starts empty.
    assert {name: count for name, count in after.items() if name in before} == before
    assert after["activity"] == 0
    for table, columns in NEW_COLUMNS.items():
        assert columns <= _columns(engine, table), table
    with engine.connect() as conn:
        # Rows from before take the defaults; nothing is guessed from names.
        kinds = conn.execute(sa.select(models.BuyerGroup.__table__.c.kind).distinct()).scalars()
        assert set(kinds) == {"buyer_group"}
        directions = conn.execute(
            sa.select(models.Indicator.__table__.c.direction).distinct()
        ).scalars()
        assert set(directions) == {"increase"}

    # The upgraded store takes the new data through the pipeline.
    activities = config.DEMO_DIR / "14_insatser.csv"
    result = import_files(
        engine, [Upload(activities.name, activities.read_bytes())], identity=cli_identity()
    )
    assert result.outcome == "committed", result.problems
    assert table_counts(engine)["activity"] == 20


def test_the_downgrade_keeps_the_rows_of_the_older_schema(db_url):
    engine = get_engine(db_url)
    migrate(engine)
    load_demo(engine, identity=cli_identity())
    counts = table_counts(engine)
    downgrade(engine, PREVIOUS_HEAD)
    assert current_revision(engine) == PREVIOUS_HEAD
    kept = table_counts(engine)
    # The tables of later revisions (activity; users, roles and audit; the summaries) go;
    # every other row stays.
    later = {"activity", "app_user", "user_role", "audit_event", "project_money", "project_place"}
    assert kept == {name: count for name, count in counts.items() if name not in later}


@pytest.mark.parametrize(
    ("table", "values"),
    [
        (models.Programme, {"code": "X", "name": "X", "kind": "campaign"}),
        (models.Indicator, {"code": "X", "name_sv": "X", "unit": "st", "direction": "sideways"}),
        (models.Indicator, {"code": "X", "name_sv": "X", "unit": "st", "frequency": "daily"}),
        (models.BuyerGroup, {"name": "X", "kind": "club"}),
        (models.BuyerGroup, {"name": "X", "kind": "international_network", "countries": 0}),
        (models.Activity, {"reference": "A", "effort": "lobbying", "title": "T"}),
        (
            models.Activity,
            {"reference": "A", "effort": "financing", "title": "T", "cost_sek": -1},
        ),
        (
            models.Activity,
            {"reference": "A", "effort": "pioneer_relay", "title": "T", "participants": -5},
        ),
        (
            models.Activity,
            {
                "reference": "A",
                "effort": "sectoral_arena",
                "title": "T",
                "start_date": date(2024, 3, 1),
                "end_date": date(2023, 3, 1),
            },
        ),
    ],
)
def test_codes_counts_and_periods_are_checked_by_the_database(engine, table, values):
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(sa.insert(table.__table__).values(**values))


def test_a_network_that_procures_a_project_cannot_be_deleted_under_it(engine):
    groups, projects = models.BuyerGroup.__table__, models.Project.__table__
    with engine.begin() as conn:
        group_id = conn.execute(
            sa.insert(groups).values(name="Procure2Innovate", kind="international_network")
        ).inserted_primary_key[0]
        conn.execute(
            sa.insert(projects).values(
                reference="X-1", title="T", status="ongoing", buyer_group_id=group_id
            )
        )
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(sa.delete(groups).where(groups.c.id == group_id))
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(projects)).scalar_one() == 1


def test_defaults_of_a_new_network_and_indicator(engine):
    with engine.begin() as conn:
        conn.execute(sa.insert(models.BuyerGroup.__table__).values(name="G"))
        conn.execute(sa.insert(models.Indicator.__table__).values(code="I", name_sv="I", unit="st"))
        group = conn.execute(sa.select(models.BuyerGroup.__table__)).mappings().one()
        indicator = conn.execute(sa.select(models.Indicator.__table__)).mappings().one()
    assert (group["kind"], group["countries"]) == ("buyer_group", None)
    assert (indicator["direction"], indicator["frequency"]) == ("increase", None)
