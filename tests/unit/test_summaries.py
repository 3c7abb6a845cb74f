"""The summaries always equal a fresh computation from the tables they sum: the money summary
(`project_money`) a GROUP BY of the money tables, the place summary (`project_place`) the
counties and kinds of every project's organisations; after the migration that creates each,
and after any sequence of imports and undos."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arena import store, summaries
from arena.auth import cli_identity
from arena.ingest import UndoError, Upload, import_files, load_demo, undo
from arena.queries._sql import expenditure, project
from tests.fixtures.ingest import upload


def _rows(conn: sa.Connection, statement: sa.Select) -> list[tuple]:
    return sorted((tuple(row) for row in conn.execute(statement)), key=repr)


def assert_summary_is_fresh(engine: sa.Engine) -> None:
    """Every stored summary holds exactly the rows the tables it sums give now."""
    with engine.connect() as conn:
        for summary in summaries.SUMMARIES:
            fresh = summary.rows(None)
            columns = [column.name for column in fresh.selected_columns]
            stored = _rows(conn, sa.select(*(summary.table.c[column] for column in columns)))
            assert stored == _rows(conn, fresh), summary.table.name


@pytest.mark.parametrize(
    ("summary", "before"),
    [(summaries.MONEY, "c3c0ffee0003"), (summaries.PLACES, "e5c0ffee0005")],
    ids=["money", "places"],
)
def test_the_upgrade_fills_the_summary_and_the_downgrade_drops_it(db_url, summary, before):
    engine = store.get_engine(db_url)
    store.migrate(engine)
    load_demo(engine, identity=cli_identity())
    store.downgrade(engine, before)
    assert summary.table.name not in sa.inspect(engine).get_table_names()
    store.migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(summary.table)).scalar()
    assert_summary_is_fresh(engine)


def test_the_demo_import_keeps_the_summary(demo_engine):
    assert_summary_is_fresh(demo_engine)


# A small world: two funders, a municipality, a region, four projects; each step imports one
# kind (sometimes replacing: rows not in the file are deleted) or undoes an earlier import.
ORGANISATIONS = (
    "Namn;Organisationsnummer;Typ;Län;Land\n"
    "Fonden A;;national_authority;Stockholms län;SE\n"
    "Fonden B;;national_authority;Skåne län;SE\n"
    "Kommunen;;municipality;Skåne län;SE\n"
    "Regionen;;region;;SE\n"
)
NAMES = ["Fonden A", "Fonden B", "Kommunen", "Regionen"]
PROJECTS = [f"2020-0000{n}" for n in range(1, 5)]
GRANTS = [f"G-{n}" for n in range(1, 5)]
days = st.sampled_from(["2019-03-01", "2019-12-31", "2020-01-01", "2021-06-15", ""])


def _csv(header: str, rows: list[str]) -> str:
    return "\n".join([header, *rows]) + "\n"


def _projects(rows: list[tuple[str, str]]) -> tuple[str, str]:
    """projekt.csv of (reference, coordinator) rows."""
    return (
        "projekt.csv",
        _csv(
            "Diarienummer;Titel;Status;Koordinator;Startdatum;Slutdatum",
            [f"{ref};Projekt {ref};ongoing;{who};2019-01-01;2022-12-31" for ref, who in rows],
        ),
    )


def _grants(rows: list[tuple]) -> tuple[str, str]:
    return (
        "bidrag.csv",
        _csv(
            "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum;Startdatum",
            [";".join(map(str, row)) for row in rows],
        ),
    )


projects = st.lists(
    st.tuples(st.sampled_from(PROJECTS), st.sampled_from(NAMES)),
    min_size=1,
    unique_by=lambda row: row[0],
).map(_projects)
# Organisations move county or change kind (a replace that would delete one still taking part
# is refused); participants come and go.
organisations = st.lists(
    st.tuples(
        st.sampled_from(NAMES),
        st.sampled_from(["national_authority", "municipality", "region", "company"]),
        st.sampled_from(["Stockholms län", "Skåne län", ""]),
    ),
    min_size=1,
    unique_by=lambda row: row[0],
).map(
    lambda rows: (
        "organisationer.csv",
        _csv(
            "Namn;Organisationsnummer;Typ;Län;Land",
            [f"{name};;{kind};{county};SE" for name, kind, county in rows],
        ),
    )
)
participants = st.lists(
    st.tuples(
        st.sampled_from(PROJECTS),
        st.sampled_from(NAMES),
        st.sampled_from(["buyer", "supplier", "partner"]),
    ),
    min_size=1,
    unique=True,
).map(
    lambda rows: (
        "deltagare.csv",
        _csv("Diarienummer;Organisation;Roll", [";".join(row) for row in rows]),
    )
)
grants = st.lists(
    st.tuples(
        st.sampled_from(GRANTS),
        st.sampled_from(PROJECTS),
        st.sampled_from(["Fonden A", "Fonden B"]),
        st.integers(0, 900),
        days,
        days,
    ),
    min_size=1,
    unique_by=lambda row: row[0],
).map(_grants)
payments = st.lists(
    st.tuples(st.sampled_from(GRANTS), days.filter(bool), st.integers(0, 500)),
    min_size=1,
    unique_by=lambda row: row[:2],
).map(
    lambda rows: (
        "utbetalningar.csv",
        _csv("Bidragsreferens;Utbetalningsdatum;Belopp", [";".join(map(str, r)) for r in rows]),
    )
)
spend = st.lists(
    st.tuples(st.sampled_from(PROJECTS), days.filter(bool), st.integers(-100, 700)),
    min_size=1,
    unique_by=lambda row: row[:2],
).map(
    lambda rows: (
        "utfall.csv",
        _csv(
            "Program;Diarienummer;Datum;Kategori;Belopp",
            [f";{ref};{day};Personal;{amount}" for ref, day, amount in rows],
        ),
    )
)
# Every project and grant exists at the start, so most steps commit; a step's rows may then
# move a grant, delete projects or grants (replace) or pay on a grant a replace removed.
START = [
    _projects([(ref, "Kommunen") for ref in PROJECTS]),
    _grants(
        [
            (grant, ref, "Fonden A", 100, "2020-02-02", "")
            for grant, ref in zip(GRANTS, PROJECTS, strict=True)
        ]
    ),
    # Organisations that take part only as participants: their moves change places too.
    (
        "deltagare.csv",
        _csv(
            "Diarienummer;Organisation;Roll",
            [f"{PROJECTS[0]};Regionen;buyer", f"{PROJECTS[1]};Fonden B;partner"],
        ),
    ),
]
imports = st.tuples(
    st.one_of(projects, grants, payments, spend, organisations, participants), st.booleans()
)
undos = st.integers(0, 5).map(lambda back: ("undo", back))
steps = st.lists(st.one_of(imports, imports, undos), min_size=1, max_size=7)


def test_undoing_payments_after_their_grant_moved_updates_the_grants_project_now(engine):
    """A payment's change records its grant's project at the time; undone after the grant
    moved, the money leaves the project the grant belongs to now."""
    for name, text in (("organisationer.csv", ORGANISATIONS), *START):
        upload(engine, name, text)
    paid = upload(
        engine, "utbetalningar.csv", "Bidragsreferens;Utbetalningsdatum;Belopp\nG-1;2020-03-01;40\n"
    )
    moved = _grants([("G-1", PROJECTS[3], "Fonden A", 100, "2020-02-02", "")])
    assert upload(engine, *moved).outcome == "committed"
    undo(engine, paid.import_id, identity=cli_identity())
    assert_summary_is_fresh(engine)


def test_an_organisation_moving_moves_the_places_of_the_projects_it_takes_part_in(engine):
    """Only a participant's organisation changes (county and kind): the places of its projects
    follow, and go back when that import is undone."""
    for name, text in (("organisationer.csv", ORGANISATIONS), *START):
        upload(engine, name, text)
    moved = ORGANISATIONS.replace("Regionen;;region;;SE", "Regionen;;municipality;Skåne län;SE")
    result = upload(engine, "organisationer.csv", moved)
    assert result.outcome == "committed"
    with engine.connect() as conn:
        places = conn.execute(
            sa.select(summaries.project_place.c.county, summaries.project_place.c.kind)
        ).all()
    assert ("Skåne län", "municipality") in places
    assert (None, "region") not in places
    assert_summary_is_fresh(engine)
    undo(engine, result.import_id, identity=cli_identity())
    assert_summary_is_fresh(engine)


@pytest.fixture
def refreshed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The summaries' tables `summaries.refresh` recomputes, in order, one entry per call."""
    calls: list[str] = []
    real_refresh = summaries.refresh
    monkeypatch.setattr(
        summaries,
        "refresh",
        lambda conn, summary, **kw: (
            calls.append(summary.table.name),
            real_refresh(conn, summary, **kw),
        ),
    )
    return calls


def test_participants_only_added_add_their_new_places_once(engine, refreshed):
    """An import that only adds participants inserts the places they bring and recomputes
    nothing: a place the project holds already (its coordinator's, or two new participants'
    of one county and kind, or without a county) is not added twice; a participant removed
    then recomputes as any other change does."""
    for name, text in (("organisationer.csv", ORGANISATIONS), *START[:2]):
        upload(engine, name, text)
    refreshed.clear()
    rows = [
        f"{PROJECTS[0]};Kommunen;buyer",  # the coordinator's own place
        f"{PROJECTS[0]};Fonden A;partner",
        f"{PROJECTS[0]};Fonden B;partner",  # the same kind, another county
        f"{PROJECTS[1]};Regionen;buyer",  # no county
        f"{PROJECTS[1]};Regionen;partner",  # the same place twice in one file
    ]
    added = upload(engine, "deltagare.csv", _csv("Diarienummer;Organisation;Roll", rows))
    assert added.outcome == "committed"
    assert refreshed == []
    with engine.connect() as conn:
        place = summaries.project_place
        held = conn.execute(sa.select(place.c.county, place.c.kind).order_by(place.c.id)).all()
    assert sorted(held, key=repr) == sorted(
        [("Skåne län", "municipality")] * 4
        + [("Stockholms län", "national_authority"), ("Skåne län", "national_authority")]
        + [(None, "region")],
        key=repr,
    )
    assert_summary_is_fresh(engine)
    changed = upload(
        engine, "deltagare.csv", _csv("Diarienummer;Organisation;Roll", rows[2:]), replace=True
    )
    assert changed.outcome == "committed"
    assert refreshed == ["project_place"]
    assert_summary_is_fresh(engine)
    undo(engine, changed.import_id, identity=cli_identity())
    undo(engine, added.import_id, identity=cli_identity())
    # An undo recomputes every summary, places included: what it restores or removes is not
    # an addition of participants.
    assert refreshed == ["project_place", *["project_money", "project_place"] * 2]
    assert_summary_is_fresh(engine)


def test_new_projects_add_their_places_and_their_money(engine, refreshed):
    """An upload that only adds projects and participants inserts their places and adds their
    money, recomputing nothing: the coordinator's place, the new participants' of new and old
    projects once each; the grants of the same upload count. A project removed then
    recomputes both summaries."""
    upload(engine, "organisationer.csv", ORGANISATIONS)
    upload(engine, *_projects([(PROJECTS[0], "Kommunen")]))
    refreshed.clear()
    people = [
        f"{PROJECTS[1]};Kommunen;buyer",  # the new project's coordinator's own place
        f"{PROJECTS[1]};Regionen;partner",
        f"{PROJECTS[0]};Fonden B;partner",  # a new participant of the old project
        f"{PROJECTS[0]};Kommunen;buyer",  # its coordinator's place, held already
    ]
    result = import_files(
        engine,
        [
            Upload(*_encoded(_projects([(PROJECTS[1], "Kommunen"), (PROJECTS[2], "Fonden A")]))),
            Upload("deltagare.csv", _csv("Diarienummer;Organisation;Roll", people).encode()),
            Upload(*_encoded(_grants([("G-1", PROJECTS[1], "Fonden A", 70, "2020-05-05", "")]))),
        ],
        identity=cli_identity(),
    )
    assert result.outcome == "committed"
    assert refreshed == []
    with engine.connect() as conn:
        place, money = summaries.project_place, summaries.project_money
        places = _rows(
            conn,
            sa.select(project.c.reference, place.c.county, place.c.kind).join(
                project, project.c.id == place.c.project_id
            ),
        )
        granted = conn.execute(
            sa.select(money.c.granted_sek)
            .join(project, project.c.id == money.c.project_id)
            .where(project.c.reference == PROJECTS[1])
        ).scalar_one()
    assert places == sorted(
        [
            (PROJECTS[0], "Skåne län", "municipality"),
            (PROJECTS[0], "Skåne län", "national_authority"),
            (PROJECTS[1], "Skåne län", "municipality"),
            (PROJECTS[1], None, "region"),
            (PROJECTS[2], "Stockholms län", "national_authority"),
        ],
        key=repr,
    )
    assert granted == 70
    assert_summary_is_fresh(engine)
    refreshed.clear()
    kept = _projects([(PROJECTS[0], "Kommunen"), (PROJECTS[1], "Kommunen")])
    assert upload(engine, *kept, replace=True).outcome == "committed"
    assert refreshed == ["project_money", "project_place"]
    assert_summary_is_fresh(engine)
    undo(engine, result.import_id, identity=cli_identity(), cascade=True)
    assert_summary_is_fresh(engine)


def test_a_new_project_gathers_the_spend_booked_on_its_reference(engine, refreshed):
    """Spend names its project by reference, with no foreign key: the import refuses spend
    naming no stored project, but the table can hold it, and a project imported later
    gathers it in the money it adds."""
    upload(engine, "organisationer.csv", ORGANISATIONS)
    with engine.begin() as conn:
        conn.execute(
            sa.insert(expenditure).values(
                scope="project",
                scope_ref=PROJECTS[1],
                spent_on=date(2019, 3, 1),
                category="X",
                amount_sek=9,
            )
        )
    refreshed.clear()
    assert upload(engine, *_projects([(PROJECTS[1], "Kommunen")])).outcome == "committed"
    assert refreshed == []
    with engine.connect() as conn:
        money = summaries.project_money
        assert conn.execute(sa.select(money.c.year, money.c.spent_sek)).all() == [(2019, 9)]
    assert_summary_is_fresh(engine)


def test_money_only_added_is_added(engine, refreshed):
    """New grants, payments and spend lines, in one upload and then one kind at a time, add
    to the money of the projects they name (found by the ids above the newest before them),
    and to no other project's: to the row of their project, funder and year when it exists,
    in a new row when not; nothing is recomputed."""
    for name, text in (("organisationer.csv", ORGANISATIONS), *START):
        upload(engine, name, text)
    spend = _csv("Program;Diarienummer;Datum;Kategori;Belopp", [f";{PROJECTS[2]};2021-06-15;X;30"])
    paid = _csv(
        "Bidragsreferens;Utbetalningsdatum;Belopp", ["G-5;2021-01-01;20", "G-1;2021-02-02;5"]
    )
    result = import_files(
        engine,
        [
            Upload(*_encoded(_grants([("G-5", PROJECTS[1], "Fonden B", 200, "2021-01-01", "")]))),
            Upload("utbetalningar.csv", paid.encode()),
            Upload("utfall.csv", spend.encode()),
        ],
        identity=cli_identity(),
    )
    assert result.outcome == "committed"
    assert_summary_is_fresh(engine)
    with engine.connect() as conn:
        money = summaries.project_money
        totals = conn.execute(
            sa.select(
                project.c.reference,
                sa.func.sum(money.c.granted_sek),
                sa.func.sum(money.c.disbursed_sek),
                sa.func.sum(money.c.spent_sek),
            )
            .join(project, project.c.id == money.c.project_id)
            .group_by(project.c.reference)
            .order_by(project.c.reference)
        ).all()
    assert totals == [
        (PROJECTS[0], 100, 5, 0),
        (PROJECTS[1], 300, 20, 0),
        (PROJECTS[2], 100, 0, 30),
        (PROJECTS[3], 100, 0, 0),
    ]
    for when, amount in (("2022-01-01", 50), ("2022-06-01", 7)):  # a new row, then added to
        more = _csv("Bidragsreferens;Utbetalningsdatum;Belopp", [f"G-5;{when};{amount}"])
        assert upload(engine, "utbetalningar.csv", more).outcome == "committed"
        assert_summary_is_fresh(engine)
    assert refreshed == []
    undo(engine, result.import_id, identity=cli_identity(), cascade=True)
    assert_summary_is_fresh(engine)


def _encoded(file: tuple[str, str]) -> tuple[str, bytes]:
    name, text = file
    return name, text.encode()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
@settings(
    max_examples=20,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=steps)
def test_the_summaries_equal_a_fresh_computation_after_any_imports_and_undos(make_db, steps):
    engine = store.get_engine(make_db(migrated=True))
    for name, text in (("organisationer.csv", ORGANISATIONS), *START):
        assert upload(engine, name, text).outcome == "committed"
    committed: list[int] = []
    for step in steps:
        if step[0] == "undo":
            if committed:
                chosen = committed[-1 - step[1] % len(committed)]
                # Refused (already undone, rows changed outside): nothing is written.
                with contextlib.suppress(UndoError):
                    undo(engine, chosen, identity=cli_identity(), cascade=True)
        else:
            (name, text), replace = step
            result = upload(engine, name, text, replace=replace)
            if result.outcome == "committed":
                committed.append(result.import_id)
        assert_summary_is_fresh(engine)
    engine.dispose()
