"""Organisation numbers of Norway, Denmark and Finland: read by their prefix (or, alone, by
the row's country), stored with their country first, matched on a second import, undone,
and written to and read from 360Giving by their org-id.guide registers."""

from __future__ import annotations

import pytest

from arena.auth import cli_identity
from arena.dataops import preview_frames
from arena.ingest import undo
from arena.ingest.layouts import giving360
from arena.store import get_engine, migrate
from tests.fixtures.ingest import dump, errors, natural, rejected, upload

ORGANISATIONS = (
    "Namn;Organisationsnummer;Typ;Land\n"
    "Oslo kommune;974 760 673;kommun;\n"  # alone: Norwegian by the name's form
    "Equinor ASA;NO 923 609 016 MVA;företag;\n"  # the country follows the number
    "Norsk Partner AS;987654325;företag;NO\n"  # alone: Norwegian by the row's country
    "Dansk Firma A/S;CVR 12345674;företag;\n"
    "Suomi Oy;0201256-6;företag;FI\n"
    "Nordväg AB;556036-0793;företag;\n"
)


def _stored(engine) -> dict[str, tuple]:
    return {o["name"]: (o["org_number"], o["country"]) for o in natural(engine, "organisations")}


def test_an_organisations_list_with_numbers_abroad_is_stored_matched_and_undone(engine):
    result = upload(engine, "organisationer.csv", ORGANISATIONS)
    assert result.outcome == "committed", result.problems
    assert _stored(engine) == {
        "Oslo kommune": ("NO974760673", "NO"),
        "Equinor ASA": ("NO923609016", "NO"),
        "Norsk Partner AS": ("NO987654325", "NO"),
        "Dansk Firma A/S": ("DK12345674", "DK"),
        "Suomi Oy": ("FI0201256-6", "FI"),
        "Nordväg AB": ("556036-0793", "SE"),
    }
    before = dump(engine, history=False)
    again = upload(engine, "organisationer.csv", ORGANISATIONS, dry_run=True)
    assert again.counts["unchanged"] == 6 and not again.counts["new"], again.problems
    assert not again.counts["updated"]
    assert dump(engine, history=False) == before
    undo(engine, result.import_id, identity=cli_identity())
    assert natural(engine, "organisations") == []


def test_a_stored_organisation_keeps_its_country_where_the_list_has_no_country_column(engine):
    first = upload(engine, "org.csv", "Namn;Typ;Land\nEquinor ASA;företag;SE\n")
    assert first.outcome == "committed", first.problems
    listed = (
        "Namn;Organisationsnummer;Typ\n"
        "Equinor ASA;NO923609016;företag\n"
        "Dansk A/S;DK12345674;företag\n"
    )
    result = upload(engine, "org.csv", listed)
    assert result.outcome == "committed", result.problems
    assert _stored(engine) == {
        "Equinor ASA": ("NO923609016", "SE"),
        "Dansk A/S": ("DK12345674", "DK"),
    }


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ("Partner Konsult;974760673;företag;", "with NO in front"),  # Swedish by default
        ("Partner AS;974760673;företag;SE", "with NO in front"),
        ("Partner AS;974760674;företag;NO", "Norwegian"),
        ("Partner AS;NO 974 760 674 MVA;företag;", "Norwegian"),
        ("Partner A/S;DK12345678;företag;", "Danish"),
        ("Partner Oy;FI02012567;företag;", "Finnish"),
    ],
)
def test_a_number_abroad_that_cannot_be_read_is_refused_saying_why(engine, row, said):
    data = f"Namn;Organisationsnummer;Typ;Land\n{row}\n"
    assert [error[:2] for error in rejected(engine, "org.csv", data)] == [
        (2, "Organisationsnummer")
    ]
    problem = upload(engine, "org.csv", data, dry_run=True).problems[0]
    assert said in problem.text("en")


@pytest.mark.parametrize(
    ("row", "said"),
    [
        (
            "Partner AS;556016-0680;företag;Norge",
            "The organisation number 556016-0680 in “Organisationsnummer” is a number from "
            "Sweden, but “Land” says Norway.",
        ),
        (
            "Oslo kommune;NO 974 760 673 MVA;kommun;Sverige",
            "The organisation number NO974760673 in “Organisationsnummer” is a number from "
            "Norway, but “Land” says Sweden.",
        ),
    ],
)
def test_a_number_of_another_country_than_the_rows_land_is_refused(engine, row, said):
    # Both were stored as given: a Swedish number in Norway, a Norwegian one in Sweden.
    data = f"Namn;Organisationsnummer;Typ;Land\n{row}\nNordväg AB;556036-0793;företag;SE\n"
    result = upload(engine, "org.csv", data)
    assert result.outcome == "rejected"
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert (refused.row, refused.column, refused.error) == (2, "Land", "constraint-error")
    assert refused.text("en").startswith(said)
    assert natural(engine, "organisations") == []


def test_a_flat_lists_land_beside_a_number_of_another_country_is_refused(engine):
    listed = f"{_FLAT[:-1]};Land\nZ-1;Ett;Partner AS;556016-0680;Vinnova;100 tkr;Norge\n"
    result = upload(engine, "projekt.csv", listed)
    assert result.outcome == "rejected"
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert refused.column == "Land" and "a number from Sweden" in refused.text("en")


PROJECTS = "Diarienummer;Titel;Status\nP-1;Första;ongoing\n"
PARTICIPANTS = (
    "Diarienummer;Organisation;Roll\n"
    "P-1;Equinor ASA (NO 923 609 016 MVA);partner\n"
    "P-1;Oslo kommune (974 760 673);partner\n"
    "P-1;Dansk Firma A/S, CVR 12345674;partner\n"
)


def test_a_participants_list_with_numbers_abroad_after_the_names(engine):
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    result = upload(engine, "deltagare.csv", PARTICIPANTS)
    assert result.outcome == "committed", errors(result)
    assert _stored(engine) == {
        "Equinor ASA": ("NO923609016", "NO"),
        "Oslo kommune": ("NO974760673", "NO"),
        "Dansk Firma A/S": ("DK12345674", "DK"),
    }
    assert len(natural(engine, "participants")) == 3
    before = dump(engine, history=False)
    again = upload(engine, "deltagare.csv", PARTICIPANTS)
    assert again.outcome in ("committed", "unchanged")
    assert not again.counts["new"] and not again.counts["updated"], again.problems
    assert dump(engine, history=False) == before
    undo(engine, result.import_id, identity=cli_identity())
    assert natural(engine, "participants") == []
    assert natural(engine, "organisations") == []


def test_a_participants_lists_land_and_numbers_are_its_organisations(engine):
    # A new "Statens vegvesen" with Land Norge was stored in Sweden, its Land unread.
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    listed = (
        "Diarienummer;Organisation;Roll;Land\n"
        "P-1;Statens vegvesen;partner;Norge\nP-1;Nordväg AB;partner;\n"
    )
    preview = upload(engine, "deltagare.csv", listed, dry_run=True)
    assert preview.outcome == "dry-run" and not preview.problems, preview.problems
    (organisations,) = [
        kind for kind in preview_frames(preview, "sv").kinds if kind.name == "organisations"
    ]
    shown = organisations.new.set_index("Namn")
    assert shown.loc["Statens vegvesen", "Land"] == "Norge"
    assert shown.loc["Nordväg AB", "Land"] == "Sverige"
    result = upload(engine, "deltagare.csv", listed)
    assert result.outcome == "committed", errors(result)
    assert _stored(engine) == {"Statens vegvesen": (None, "NO"), "Nordväg AB": (None, "SE")}
    assert len(natural(engine, "participants")) == 2

    # Its numbers too, by the row's Land, and a blank keeps what the store holds.
    numbered = (
        "Diarienummer;Organisation;Roll;Land;Organisationsnummer\n"
        "P-1;Statens vegvesen;partner;;NO 971032081\nP-1;Nordväg AB;partner;;556036-0793\n"
        "P-1;Oslo kommune;partner;Norge;974 760 673\n"
    )
    assert upload(engine, "deltagare.csv", numbered).outcome == "committed"
    stored = _stored(engine)
    assert stored["Nordväg AB"] == ("556036-0793", "SE")
    assert stored["Oslo kommune"] == ("NO974760673", "NO")
    assert stored["Statens vegvesen"] == ("NO971032081", "NO")

    # A number of another country than the row's Land is refused, as a project sheet's is.
    wrong = "Diarienummer;Organisation;Roll;Land;Orgnr\nP-1;Partner AS;partner;Norge;556016-0680\n"
    result = upload(engine, "deltagare.csv", wrong)
    assert result.outcome == "rejected"
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert refused.column == "Land" and "a number from Sweden" in refused.text("en")

    # A stored organisation keeps its Land where the list says another, as a project sheet
    # leaves it (a list that names organisations in passing changes none).
    other = "Diarienummer;Organisation;Roll;Land\nP-1;Oslo kommune;coordinator;Sverige\n"
    result = upload(engine, "deltagare.csv", other)
    assert result.outcome == "committed", errors(result)
    assert result.counts["updated"] == 0 and result.counts["new"] == 1
    assert _stored(engine)["Oslo kommune"] == ("NO974760673", "NO")


_FLAT = "Diarienummer;Projektnamn;Koordinator;Orgnr;Finansiär;Beviljat belopp\n"


def test_a_flat_project_lists_coordinator_abroad(engine):
    listed = (
        f"{_FLAT}Z-1;Ett;Oslo kommune;974 760 673;Vinnova;100 tkr\n"
        "Z-2;Två;Suomi Oy;FI02012566;Vinnova;100 tkr\n"
    )
    result = upload(engine, "projekt.csv", listed)
    assert result.outcome == "committed", errors(result)
    stored = _stored(engine)
    assert stored["Oslo kommune"] == ("NO974760673", "NO")
    assert stored["Suomi Oy"] == ("FI0201256-6", "FI")


def test_360giving_writes_and_reads_the_neighbours_registers(engine, tmp_path):
    files = {
        "org.csv": "Namn;Organisationsnummer;Typ\n"
        "Equinor ASA;NO923609016;company\n"
        "Dansk Firma A/S;DK12345674;company\n"
        "Suomi Oy;FI0201256-6;company\n"
        "Vinnova;202100-5216;national_authority\n",
        "projekt.csv": "Diarienummer;Titel;Status;Koordinator\n"
        "P-1;Ett;ongoing;Equinor ASA\nP-2;Två;ongoing;Dansk Firma A/S\nP-3;Tre;ongoing;Suomi Oy\n",
        "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
        "G-1;P-1;Vinnova;100 000;2024-01-15\nG-2;P-2;Vinnova;100 000;2024-01-15\n"
        "G-3;P-3;Vinnova;100 000;2024-01-15\n",
    }
    for name, text in files.items():
        assert upload(engine, name, text).outcome == "committed"
    written = giving360.to_csv(engine)
    text = written.decode() if isinstance(written, bytes) else written
    for identifier in ("NO-BRC-923609016", "DK-CVR-12345674", "FI-PRO-0201256-6"):
        assert identifier in text
    other = get_engine(f"sqlite:///{tmp_path / 'other.db'}")
    migrate(other)
    result = upload(other, "grants.csv", text.encode())
    assert result.outcome == "committed", errors(result)
    abroad = ("Equinor ASA", "Dansk Firma A/S", "Suomi Oy")
    read_back, numbers = _stored(other), _stored(engine)
    assert {name: read_back[name] for name in abroad} == {
        "Equinor ASA": ("NO923609016", "NO"),
        "Dansk Firma A/S": ("DK12345674", "DK"),
        "Suomi Oy": ("FI0201256-6", "FI"),
    }
    assert {name: numbers[name][0] for name in abroad} == {
        name: number for name, (number, _country) in read_back.items() if name in abroad
    }


@pytest.mark.parametrize(
    ("name", "number", "land", "stored"),
    [
        ("Dansk Firma", "12345674", "Danmark", "DK12345674"),
        ("Dansk Firma", "12345674", "DK", "DK12345674"),
        ("Norsk Firma", "974760673", "Norge", "NO974760673"),
    ],
)
def test_a_flat_lists_bare_number_abroad_is_read_in_its_land(engine, name, number, land, stored):
    # A stored Danish organisation written "12345674" beside Land Danmark was refused: the
    # list's Land was not read, and 8 digits alone say no country.
    organisations = f"Namn;Organisationsnummer;Typ;Land\n{name};{stored};företag;{land}\n"
    assert upload(engine, "org.csv", organisations).outcome == "committed"
    listed = f"{_FLAT[:-1]};Land\nZ-1;Ett;{name};{number};Vinnova;100 tkr;{land}\n"
    result = upload(engine, "projekt.csv", listed)
    assert result.outcome == "committed", errors(result)
    assert _stored(engine)[name] == (stored, stored[:2])
    assert not [o for o in result.plan.new_organisations if o.name == name]


def test_nine_digits_in_brackets_that_are_a_norwegian_number_are_its_number(engine):
    # "Statens vegvesen (971032081)": the name says no country, so the number stayed in the
    # name, a new organisation "Statens vegvesen (971032081)" in Sweden.
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    listed = (
        "Diarienummer;Organisation;Roll\n"
        "P-1;Statens vegvesen (971032081);partner\n"
        "P-1;Nordväg AB (974760674);partner\n"  # no valid Norwegian number: kept as written
    )
    result = upload(engine, "deltagare.csv", listed)
    assert result.outcome == "committed", errors(result)
    stored = _stored(engine)
    assert stored["Statens vegvesen"] == ("NO971032081", "NO")
    assert stored["Nordväg AB (974760674)"] == (None, "SE")
    (said,) = [p for p in result.problems if p.message.key == "import.number_in_name"]
    assert said.text("en") == (
        "“Statens vegvesen (971032081)” is read as “Statens vegvesen” with the organisation "
        "number NO971032081."
    )


@pytest.mark.parametrize(("land", "refused"), [("Norge", True), ("Sverige", False), ("SE", False)])
def test_a_land_against_the_stored_number_of_a_list_without_numbers(engine, land, refused):
    # "Bolag D AB;company;Norge" moved a stored Swedish-numbered organisation to Norway.
    organisations = "Namn;Organisationsnummer;Typ\nBolag D AB;556029-7771;företag\n"
    assert upload(engine, "org.csv", organisations).outcome == "committed"
    result = upload(engine, "org2.csv", f"Namn;Typ;Land\nBolag D AB;företag;{land}\n")
    assert (result.outcome == "rejected") is refused
    assert _stored(engine) == {"Bolag D AB": ("556029-7771", "SE")}
    if refused:
        (said,) = [p for p in result.problems if p.severity == "error"]
        assert (said.row, said.column) == (2, "Land")
        assert said.text("en").startswith(
            "“Bolag D AB” has the organisation number 556029-7771 in the store, a number from "
            "Sweden, but “Land” says Norway."
        )


@pytest.mark.parametrize(("land", "refused"), [("Sverige", True), ("Norge", False), ("", False)])
def test_a_number_in_a_name_beside_a_land_of_another_country_is_refused(engine, land, refused):
    # "Statens vegvesen (971032081)" beside Land Sverige was stored as Norwegian, while the
    # same number in the number column beside Sverige is refused.
    listed = (
        "Diarienummer;Projektnamn;Koordinator;Finansiär;Beviljat belopp;Land\n"
        f"Z-1;Ett;Statens vegvesen (971032081);Vinnova;100 tkr;{land}\n"
    )
    result = upload(engine, "projekt.csv", listed)
    assert (result.outcome == "rejected") is refused, result.problems
    if refused:
        (said,) = [p for p in result.problems if p.severity == "error"]
        assert (said.row, said.column) == (2, "Land")
        assert "971032081 in “Koordinator” is a number from Norway" in said.text("en")
    else:
        assert _stored(engine)["Statens vegvesen"] == ("NO971032081", "NO")


def test_territories_use_their_neighbours_numbers(engine):
    # Åland uses Finnish business IDs ("0145076-7" beside AX was refused), Greenland and the
    # Faroe Islands Danish CVR numbers, Svalbard and Jan Mayen Norwegian ones.
    organisations = (
        "Namn;Organisationsnummer;Typ;Land\n"
        "Ålands Bank;0145076-7;företag;AX\n"
        "Grønlandsbanken;12345674;företag;GL\n"
        "Føroya Banki;DK 12345607;företag;FO\n"
        "Svalbard Rederi AS;974760673;företag;SJ\n"
    )
    result = upload(engine, "org.csv", organisations)
    assert result.outcome == "committed", errors(result)
    assert _stored(engine) == {
        "Ålands Bank": ("FI0145076-7", "AX"),
        "Grønlandsbanken": ("DK12345674", "GL"),
        "Føroya Banki": ("DK12345607", "FO"),
        "Svalbard Rederi AS": ("NO974760673", "SJ"),
    }
    # Another country's number beside a territory is refused as beside any Land.
    refused = upload(
        engine, "org2.csv", "Namn;Organisationsnummer;Typ;Land\nX;556016-0680;företag;AX\n"
    )
    assert refused.outcome == "rejected"
    listed = f"{_FLAT[:-1]};Land\nZ-1;Ett;Ålandsbolaget Ab;FI 0201256-6;Vinnova;100 tkr;Åland\n"
    result = upload(engine, "projekt.csv", listed)
    assert result.outcome == "committed", errors(result)
    assert _stored(engine)["Ålandsbolaget Ab"] == ("FI0201256-6", "AX")


def test_a_number_in_passing_of_another_country_than_the_stored_one_is_refused(engine):
    # A participants list's "Vinnova;Norge;NO 923 456 783", and a flat project sheet's
    # coordinator so, gave the stored Swedish Vinnova a Norwegian number: "1 updated".
    assert upload(engine, "org.csv", "Namn;Typ\nVinnova;myndighet\n").outcome == "committed"
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    listed = (
        "Diarienummer;Organisation;Roll;Land;Organisationsnummer\n"
        "P-1;Vinnova;partner;Norge;NO 923 456 783\n"
    )
    result = upload(engine, "deltagare.csv", listed)
    assert result.outcome == "rejected"
    (said,) = [p for p in result.problems if p.severity == "error"]
    assert (said.row, said.column) == (2, "Organisationsnummer")
    assert said.text("en").startswith(
        "The organisation number NO923456783 in “Organisationsnummer” is a number from "
        "Norway, but “Vinnova” is stored with the country Sweden."
    )
    sheet = "Diarienummer;Titel;Koordinator;Land;Orgnr\nQA-9001;Test;Vinnova;Norge;NO 987 654 325\n"
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "rejected"
    (said,) = [p for p in result.problems if p.severity == "error"]
    assert said.message.key == "import.number_stored_country" and said.column == "Orgnr"
    assert _stored(engine)["Vinnova"] == (None, "SE")
    # A Swedish number is filled in as before.
    listed = "Diarienummer;Organisation;Roll;Organisationsnummer\nP-1;Vinnova;partner;202100-5208\n"
    assert upload(engine, "deltagare.csv", listed).outcome == "committed"
    assert _stored(engine)["Vinnova"] == ("202100-5208", "SE")


def test_a_land_in_passing_of_another_country_than_the_stored_one_is_warned_of(engine):
    # "Trafikverket;Danmark" in a participants list or as a coordinator: "unchanged", silently.
    organisations = "Namn;Typ\nTrafikverket;myndighet\nVinnova;myndighet\nOslo kommune;kommun\n"
    assert upload(engine, "org.csv", organisations).outcome == "committed"
    assert upload(engine, "projekt.csv", PROJECTS).outcome == "committed"
    listed = (
        "Diarienummer;Organisation;Roll;Land\n"
        "P-1;Trafikverket;partner;Danmark\nP-1;Vinnova;partner;Norge\n"
        "P-1;Vinnova;partner;Norge\nP-1;Oslo kommune;partner;\n"
    )
    result = upload(engine, "deltagare.csv", listed)
    assert result.outcome == "committed", errors(result)
    warned = [p for p in result.problems if p.message.key == "import.org_country_kept"]
    assert [(p.row, p.column) for p in warned] == [(2, "Land"), (3, "Land")]
    assert warned[0].text("en") == (
        "“Trafikverket” is stored with the country Sweden, but “Land” says Denmark. The "
        "stored country is kept: a list that names organisations does not change it; import "
        "an organisations list to change it."
    )
    assert "”Vinnova” finns i databasen med landet Sverige, men ”Land” anger Norge" in (
        warned[1].text("sv")
    )
    assert _stored(engine)["Trafikverket"] == (None, "SE")
    sheet = "Diarienummer;Titel;Koordinator;Land\nQA-9001;Test;Trafikverket;Danmark\n"
    result = upload(engine, "lista.csv", sheet, dry_run=True)
    warned = [p for p in result.problems if p.message.key == "import.org_country_kept"]
    assert [(p.row, p.column) for p in warned] == [(2, "Land")]


def test_a_member_lists_land_and_numbers_are_its_organisations(engine):
    # A buyer group's list of members warned its Land and Organisationsnummer were unknown
    # columns and stored "Helsedirektoratet" in Sweden: Networks counted a Swedish member.
    groups = "Namn;Typ\nBeställargrupp transport;buyer_group\n"
    assert upload(engine, "grupper.csv", groups, kind="buyer_groups").outcome == "committed"
    members = (
        "Beställargrupp;Organisation;Roll;Land;Organisationsnummer\n"
        "Beställargrupp transport;Helsedirektoratet;;Norge;983 544 622\n"
        "Beställargrupp transport;Nordväg AB;;;556036-0793\n"
    )
    preview = upload(engine, "medlemmar.csv", members, dry_run=True)
    assert preview.outcome == "dry-run" and not preview.problems, preview.problems
    result = upload(engine, "medlemmar.csv", members)
    assert result.outcome == "committed", errors(result)
    assert _stored(engine) == {
        "Helsedirektoratet": ("NO983544622", "NO"),
        "Nordväg AB": ("556036-0793", "SE"),
    }
    assert len(natural(engine, "buyer_group_members")) == 2
    # A number of another country than the row's Land is refused, as a participant's is.
    wrong = (
        "Beställargrupp;Organisation;Roll;Land;Orgnr\n"
        "Beställargrupp transport;Partner AS;;Norge;556016-0680\n"
    )
    result = upload(engine, "medlemmar.csv", wrong)
    assert result.outcome == "rejected"
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert refused.column == "Land" and "a number from Sweden" in refused.text("en")


def test_warnings_and_the_preview_name_countries_in_the_readers_language(engine):
    # "NO (rad 2) och SE (rad 3)" and the preview's Land column "NO", while Typ is in words.
    sheet = (
        "Diarienummer;Titel;Koordinator;Land\n"
        "QA-1;Första;Nordbolaget AS;Norge\nQA-2;Andra;Nordbolaget AS;Danmark\n"
    )
    preview = upload(engine, "lista.csv", sheet, dry_run=True)
    (differ,) = [p for p in preview.problems if p.message.key == "import.org_values_differ"]
    assert "Norge (rad 2) och Danmark (rad 3)" in differ.text("sv")
    assert "Norway (row 2) and Denmark (row 3)" in differ.text("en")
    for language, norway in (("sv", "Norge"), ("en", "Norway")):
        (organisations,) = [
            kind for kind in preview_frames(preview, language).kinds if kind.name == "organisations"
        ]
        assert list(organisations.new["Land" if language == "sv" else "Country"]) == [norway]
