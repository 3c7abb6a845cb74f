"""The project chooser's search: a few matches the database finds by reference or title, on
SQLite and PostgreSQL, with `%`, `_` and `\\` taken as the characters they are."""

from __future__ import annotations

import sqlalchemy as sa

from arena.filters import Filters
from arena.queries import portfolio
from arena.queries._sql import found_project_ids, project
from tests.fixtures.ingest import upload

PROJECTS = (
    "Diarienummer;Titel;Status\n"
    "2018-00500;500 lampor;ongoing\n"
    "2019-00001;Halvera energin: 50% mindre;ongoing\n"
    "2019-00002;Vatten_och avlopp;ongoing\n"
    "2019-00003;Vattenxoch avlopp;ongoing\n"
    "2019-00004;Katalog C:\\data;ongoing\n"
    "2019-00005;Katalog C:data;ongoing\n"
    "2020-00500;Belysning i Umeå;ongoing\n"
    "X-2018-00500;Belysning 2018-00500;ongoing\n"
)


def _search(engine, text: str, **options: object) -> list[str]:
    return list(portfolio.project_search(engine, text=text, **options))


def test_wildcards_are_plain_characters(engine):
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    assert _search(engine, "50%") == ["2019-00001"]  # not "500 lampor"
    assert _search(engine, "n_o") == ["2019-00002"]  # not "Vattenxoch"
    assert _search(engine, "C:\\d") == ["2019-00004"]
    assert _search(engine, "%") == ["2019-00001"]


def test_the_exact_reference_first_then_references_then_titles(engine):
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    assert _search(engine, "2018-00500") == ["2018-00500", "X-2018-00500"]
    # References starting with the text before titles and references merely holding it.
    assert _search(engine, "  2018 ") == ["2018-00500", "X-2018-00500"]
    assert _search(engine, "00500") == ["2018-00500", "2020-00500", "X-2018-00500"]
    assert _search(engine, "BELYSNING") == ["2020-00500", "X-2018-00500"]  # case ignored
    assert _search(engine, "ingenting") == []


def test_at_most_limit_matches_and_an_empty_search_lists_the_first(engine):
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    assert _search(engine, "", limit=3) == ["2018-00500", "2019-00001", "2019-00002"]
    assert _search(engine, "2019", limit=2) == ["2019-00001", "2019-00002"]
    assert len(_search(engine, "")) == 8  # within the default limit


SWEDISH = (
    "Diarienummer;Titel;Beskrivning;Status\n"
    "2021-00001;Östersunds kommun bygger om;Ärendet gäller ÅTERVINNING;ongoing\n"
    "2021-00002;Klimatanpassade måltider i skolkök;;ongoing\n"
    "2021-00003;Belysning i Umeå;;ongoing\n"
)


def test_swedish_letters_are_found_in_either_case(engine):
    # SQLite's own lower() folds ASCII only: "ÖSTERSUND" and "östersund" found nothing there.
    assert upload(engine, "projekt.csv", SWEDISH).outcome == "committed"
    for text in ("Östersund", "östersund", "ÖSTERSUNDS"):
        assert _search(engine, text) == ["2021-00001"], text
    assert _search(engine, "SKOLKÖK") == ["2021-00002"]
    assert _search(engine, "UMEÅ") == ["2021-00003"]
    # The sidebar's search looks in the description too, and with the same folding.
    for text in ("återvinning", "ÄRENDET", "Östersund", "skolKÖK"):
        found = found_project_ids(engine, filters=Filters(text=text))
        assert found == str(_id(engine, "2021-00001" if text != "skolKÖK" else "2021-00002"))


def _id(engine, reference: str) -> int:
    with engine.connect() as conn:
        return conn.execute(
            sa.select(project.c.id).where(project.c.reference == reference)
        ).scalar()
