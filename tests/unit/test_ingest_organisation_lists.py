"""Organisations lists and names as testers' files had them: a list without Typ naming stored
organisations, a new one's type read from the form of its name or refused."""

from __future__ import annotations

from tests.fixtures.ingest import natural, rejected, upload

STORED = (
    "Namn;Organisationsnummer;Typ;Län\n"
    "Region Västra Götaland;232100-0131;region;Västra Götalands län\n"
    "Chalmers tekniska högskola AB;556479-5598;forskningsorganisation;Västra Götalands län\n"
)
WITHOUT_TYPE = (
    "Organisation;Org.nr;Län\n"
    "Region Västra Götaland;232100-0131;Västra Götalands län\n"
    "Chalmers tekniska högskola AB;556479-5598;Västra Götalands län\n"
)


def _kinds(engine) -> dict[str, str]:
    return {row["name"]: row["kind"] for row in natural(engine, "organisations")}


def test_a_list_without_typ_naming_stored_organisations_keeps_their_types(engine):
    # Refused whole: "The column Typ is missing but required", where a projects list without
    # Status naming stored projects is read.
    first = upload(engine, "org.csv", STORED)
    assert first.outcome == "committed", [p.text("en") for p in first.problems]
    before = _kinds(engine)
    result = upload(engine, "org.csv", WITHOUT_TYPE)
    assert result.outcome in ("committed", "unchanged"), [p.text("en") for p in result.problems]
    assert (
        _kinds(engine)
        == before
        == {
            "Region Västra Götaland": "region",
            "Chalmers tekniska högskola AB": "research_organisation",
        }
    )


def test_a_new_organisation_in_a_list_without_typ_gets_the_type_its_name_says(engine):
    first = upload(engine, "org.csv", STORED)
    assert first.outcome == "committed", [p.text("en") for p in first.problems]
    data = WITHOUT_TYPE + "Göteborgs Stad;212000-1355;Västra Götalands län\n"
    result = upload(engine, "org.csv", data)
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    assert _kinds(engine)["Göteborgs Stad"] == "municipality"
    assert _kinds(engine)["Chalmers tekniska högskola AB"] == "research_organisation"


def test_a_new_organisation_whose_name_says_nothing_is_refused_asking_for_typ(engine):
    first = upload(engine, "org.csv", STORED)
    assert first.outcome == "committed", [p.text("en") for p in first.problems]
    data = WITHOUT_TYPE + "Ericsson;;Stockholms län\n"
    result = upload(engine, "org.csv", data)
    assert result.outcome == "rejected"
    refused = [(p.row, p.column, p.text("en")) for p in result.problems if p.severity == "error"]
    assert refused == [
        (
            4,
            "Typ",
            "“Ericsson” is new, and the file has no “Typ” column, which its name does not tell. "
            "Add the column “Typ” to the file.",
        )
    ]
    assert rejected(engine, "org.csv", data)


def test_a_list_with_typ_is_read_as_written(engine):
    data = "Namn;Typ\nEricsson;företag\nTrafikverket;kommun\n"
    assert upload(engine, "org.csv", data).outcome == "committed"
    assert _kinds(engine) == {"Ericsson": "company", "Trafikverket": "municipality"}
