"""A new diarienummer or grant reference that looks like one already held (an en dash for the
hyphen, "Dnr" before it, zeros dropped) is warned of in the preview, naming the other; it is
still added, as the person may mean a new one (`arena.ingest.lookalike`)."""

from __future__ import annotations

import pytest

from arena.ingest.lookalike import lookalike_keys
from tests.fixtures.ingest import natural, upload, warnings, with_organisations

PROJECTS = "Diarienummer;Titel;Status\n"


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("2019-01234", "2019-1234"),
        ("2019–01234", "2019-1234"),  # Word's en dash
        ("2019\u201101234", "2019-1234"),  # a non-breaking hyphen
        ("2020\u221200077", "2020-77"),  # a minus sign
        ("Dnr 2020-00099", "2020-99"),
        ("Diarienr. 2020/00099", "2020-99"),
        ("VIN 2018 04510", "vin-2018-4510"),
        ("2018-0", "2018-0"),  # a number of zeros keeps one
        ("Dnr", "dnr"),  # a word alone is no prefix
    ],
)
def test_a_references_key_sets_its_spelling_aside(written, key):
    assert lookalike_keys([written]) == [key]


def test_new_projects_like_stored_ones_are_warned_of_and_still_added(engine):
    upload(engine, "projekt.csv", PROJECTS + "2019-01234;Ett;Pågående\n2018-04510;Två;Pågående\n")
    data = (
        PROJECTS + "2019–01234;Ett;Pågående\nDnr 2018/04510;Två;Pågående\n2020-00001;Ny;Planerad\n"
    )
    result = upload(engine, "projekt.csv", data)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [
        (2, "Diarienummer", "unique-error"),
        (3, "Diarienummer", "unique-error"),
    ]
    assert (
        result.problems[0]
        .text("sv")
        .startswith("”2019–01234” är ny men liknar ”2019-01234” i databasen eller i filen;")
    )
    assert len(natural(engine, "projects")) == 5
    # Stored now, they are new no more: the same file again says nothing.
    assert upload(engine, "projekt.csv", data).outcome == "unchanged"


def test_two_new_spellings_in_one_file_are_warned_of(engine):
    result = upload(
        engine, "projekt.csv", PROJECTS + "2018-04510;Ett;Pågående\n2018-4510;Två;Pågående\n"
    )
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [
        (2, "Diarienummer", "unique-error"),
        (3, "Diarienummer", "unique-error"),
    ]


def test_a_grant_reference_like_a_stored_one_is_warned_of(engine):
    with_organisations(engine)
    upload(engine, "projekt.csv", PROJECTS + "2018-04510;Ett;Pågående\n")
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
    assert (
        upload(engine, "bidrag.csv", grants + "VIN-2018-04510;2018-04510;Vinnova;1 000\n").outcome
        == "committed"
    )
    result = upload(engine, "bidrag.csv", grants + "VIN 2018/04510;2018-04510;Vinnova;1 000\n")
    assert warnings(result) == [(2, "Bidragsreferens", "unique-error")]


def test_a_flat_sheets_grant_is_not_warned_of_beside_its_project(engine):
    # The sheet's grant is known by its project's diarienummer: one warning, the project's.
    with_organisations(engine)
    upload(engine, "projekt.csv", PROJECTS + "2018-04510;Ett;Pågående\n")
    sheet = "Diarienummer;Titel;Status;Bidrag från Vinnova\n2018–04510;Ett;Pågående;1 000\n"
    result = upload(engine, "lista.csv", sheet)
    assert [w for w in warnings(result) if w[2] == "unique-error"] == [
        (2, "Diarienummer", "unique-error")
    ]
