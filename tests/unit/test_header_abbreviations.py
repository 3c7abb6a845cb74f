"""Headers cut short with a full stop, as ledgers and registers write them ("Utbetalningsdat.",
"Beskr."): read as the one column they abbreviate, with a warning that says so; a header too
short to mean something, one that begins two columns' headers, or a whole word without the
full stop stays unknown."""

from __future__ import annotations

from arena.ingest.kinds import KINDS
from arena.ingest.validate import match_headers
from tests.fixtures.ingest import natural, upload, warnings, with_organisations

PROJECT = "Diarienummer;Titel;Status;Koordinator\n2020-00001;Smart belysning;planerad;Vinnova\n"
GRANT = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-1;2020-00001;Vinnova;500 000\n"


def test_a_ledgers_short_headers_are_read_as_the_columns_they_abbreviate(engine):
    with_organisations(engine)
    assert upload(engine, "projekt.csv", PROJECT).outcome == "committed"
    assert upload(engine, "bidrag.csv", GRANT).outcome == "committed"
    data = "Bidragsref;Utbetalningsdat.;Belopp (kr)\nG-1;15 mars 2024;400 000\n"
    result = upload(engine, "utbetalningar.csv", data)
    assert result.outcome == "committed", result.problems
    paid = [
        (row["grant_reference"], str(row["paid_on"]), row["amount_sek"])
        for row in natural(engine, "disbursements")
    ]
    assert paid == [("G-1", "2024-03-15", 400_000)]
    # "Bidragsref" is a header of its own (an alias); the cut date is read, and said.
    assert warnings(result) == [(1, "Utbetalningsdat.", "format-error")]
    assert result.problems[0].text("sv") == (
        "Kolumnen ”Utbetalningsdat.” läses som ”Utbetalningsdatum” (paid_on)."
    )
    assert result.problems[0].text("en") == (
        "The column “Utbetalningsdat.” is read as “Utbetalningsdatum” (paid_on)."
    )


def test_a_header_too_short_beginning_two_columns_or_unmarked_stays_unknown(engine):
    grants = KINDS["grants"]
    # "Besluts." begins both the decision's date and its number (a grant's reference); "Bel."
    # is too short to tell; "Beslutsdat." is the date; "Beslutsdat", unmarked, is not read.
    header = ["Bidragsreferens", "Besluts.", "Bel.", "Beslutsdat.", "Beslutsdat"]
    assert {
        position: column.name for position, column in match_headers(grants, header).items()
    } == {0: "reference", 3: "decision_date"}
    # A whole header is never read as another's abbreviation: "Beslut" is the decision date,
    # though it begins "Beslutsnummer", the grant's reference.
    assert match_headers(grants, ["Beslut"])[0].name == "decision_date"
    # A whole word that begins a header is what the file says it is: a register's "Region"
    # ("Norr") is not the county of "Region/län", and the file imports as before.
    data = "Namn;Typ;Region\nNorrsken AB;företag;Norr\n"
    result = upload(engine, "organisationer.csv", data)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(1, "Region", "extra-label")]
