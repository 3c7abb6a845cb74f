"""Organisations lists and names as testers' files had them: a list without Typ naming stored
organisations, a new one's type read from the form of its name or refused; the Swedish names of
one public body ("Göteborgs Stad", "Göteborgs kommun") hinted at as similar first."""

from __future__ import annotations

import pytest

from arena import dataops
from arena.cli import main
from arena.ingest.lookalike import public_body_key
from arena.ingest.plan import NameIndex
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


def test_a_new_name_of_a_stored_public_body_is_similar_to_it_first(demo_engine):
    # Previewed "Region Västra Götaland (similar: Region Östergötland)" and nothing for
    # "Göteborgs Stad", though the demo store holds Västra Götalandsregionen and Göteborgs
    # kommun: the same bodies.
    data = (
        "Diarienummer;Projektnamn;Koordinator;Projektets löptid;Status\n"
        "2026-50001;A;Region Västra Götaland;2025-01 – 2025-12;Pågående\n"
        "2026-50002;B;Göteborgs Stad;2025-01 – 2025-12;Pågående\n"
    )
    result = upload(demo_engine, "projekt.csv", data, dry_run=True)
    assert result.outcome == "dry-run", [p.text("en") for p in result.problems]
    similar = {o.name: o.similar for o in result.plan.new_organisations}
    assert similar["Region Västra Götaland"][0] == "Västra Götalandsregionen"
    assert similar["Göteborgs Stad"][0] == "Göteborgs kommun"
    # A hint only: nothing is merged, and the store is as it was.
    assert {"Region Västra Götaland", "Göteborgs Stad"} <= set(similar)


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("Region Västra Götaland", "Västra Götalandsregionen"),
        ("Västra Götalandsregionen", "Region Västra Götaland"),
        ("Region Uppsala", "Uppsala-regionen"),
        ("Region Västra Götaland", "Region Västra Götaland:s Naturbruksgymnasier"),
        ("Landstinget Västernorrland", "Region Västernorrland"),
        ("Göteborgs Stad", "Göteborgs kommun"),
        ("Stockholms stad", "Stockholms kommun"),
        ("Malmö kommun", "Malmö stad"),
        ("Borås kommun", "Borås Stad"),
    ],
)
def test_the_swedish_names_of_one_public_body_are_similar_first(name, stored):
    names = [stored, "Region Östergötland", "Region Västerbotten", "Region Uppsala län AB"]
    names += ["Göteborgs Energi AB", "Malmö universitet", "Stockholms Stadshus AB"]
    assert NameIndex(names).similar(name)[0] == stored


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("Landstinget i Uppsala län", "Region Uppsala"),
        ("Region Jönköpings län", "Jönköpings läns landsting"),
        ("Region Örebro län", "Örebro läns landsting"),
        ("Region Örebro län", "Region Örebro"),
    ],
)
def test_a_county_named_with_the_place_is_the_same_public_body(name, stored):
    # "Landstinget i Uppsala län" was placed in "uppsala lan", "Region Jönköpings län" in
    # "jonkopings lan" and "Jönköpings läns landsting" in "jonkoping": no hint between them.
    assert public_body_key(name) == public_body_key(stored) is not None
    assert public_body_key("Region Uppsala län AB") is None  # a company of the place
    names = [stored, "Region Östergötland", "Region Västerbotten", "Region Uppsala län AB"]
    assert NameIndex(names).similar(name)[0] == stored


def test_another_countys_region_or_a_company_of_the_town_is_no_variant():
    assert public_body_key("Stockholms Stadshus AB") is None
    assert public_body_key("Göteborgs Energi AB") is None
    assert public_body_key("Region Östergötland") != public_body_key("Region Västra Götaland")
    assert public_body_key("Region Skåne") != public_body_key("Skåne kommun")
    assert public_body_key("Malmö stad") == public_body_key("Malmö kommun")


LISTED = "Namn;Typ;Län\nGöteborgs Stad;kommun;Västra Götalands län\n"
LISTED += "Region Västra Götaland;region;Västra Götalands län\nEricsson;företag;Stockholms län\n"


def test_an_organisations_lists_new_rows_get_the_hints_a_name_in_passing_gets(
    engine, tmp_path, capsys
):
    # "3 new", no hint, the preview without a similar-names column, though the same names
    # as a coordinator were shown beside the stored Göteborgs kommun and the region.
    stored = "Namn;Typ\nGöteborgs kommun;kommun\nVästra Götalandsregionen;region\n"
    assert upload(engine, "org.csv", stored).outcome == "committed"
    result = upload(engine, "org.csv", LISTED, dry_run=True)
    assert result.counts["new"] == 3, [p.text("en") for p in result.problems]
    similar = {o.name: o.similar for o in result.plan.listed_organisations}
    assert similar["Göteborgs Stad"][0] == "Göteborgs kommun"
    assert similar["Region Västra Götaland"][0] == "Västra Götalandsregionen"
    assert similar["Ericsson"] == ()
    assert not result.plan.new_organisations  # the list adds them on purpose
    (organisations,) = dataops.preview_frames(result, "en").kinds
    new = organisations.new
    hints = dict(zip(new["Name"], new["Similar existing names"], strict=True))
    assert hints["Göteborgs Stad"].startswith("Göteborgs kommun")
    assert hints["Ericsson"] == ""
    path = tmp_path / "org.csv"
    path.write_text(LISTED, encoding="utf-8")
    assert main(["import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "New organisations in the list (2) like other names:" in out
    assert "Göteborgs Stad: row 2 (similar: Göteborgs kommun" in out
    assert "Ericsson" not in out


@pytest.mark.parametrize(
    ("name", "others"),
    [
        ("Luleå kommun", ["Umeå kommun"]),
        ("Jönköpings kommun", ["Linköpings kommun", "Norrköpings kommun"]),
        ("Region Västra Götaland", ["Region Östergötland"]),
    ],
)
def test_another_body_of_the_same_form_is_no_hint_however_alike_its_letters(name, others):
    # A list of municipalities, each in its own county, showed "Luleå kommun — similar to
    # Umeå kommun", "Jönköpings kommun — similar to Linköpings kommun; Norrköpings kommun":
    # the letters are close, the bodies are not one.
    assert NameIndex(others).similar(name) == ()
    # A typo of the same body's name is still near it.
    assert NameIndex([*others, "Luleå kommun"]).similar("Lulea komun") == ("Luleå kommun",)


# Lists naming a new Danish authority without a Land for it, each as a tester's file had it,
# with the row and the column that name it: every list naming organisations, by one rule.
_PROJECTS = "Diarienummer;Titel\nP-1;Vägar\n"
_GROUPS = "Namn;Typ\nBeställargrupp transport;buyer_group\n"
_WITHOUT_LAND = [
    ("org.csv", "Namn;Typ\nNordväg AB;företag\nVejdirektoratet;myndighet\n", 3, "Namn"),
    ("org.csv", "Organisation;Län\nArbejdstilsynet;\n", 2, "Organisation"),
    (
        "projekt.csv",
        "Diarienummer;Titel;Koordinator\nDK-1;Vägar;Vejdirektoratet\n",
        2,
        "Koordinator",
    ),
    (
        "deltagare.csv",
        "Diarienummer;Organisation;Roll\nP-1;Datatilsynet;partner\n",
        2,
        "Organisation",
    ),
    (
        "medlemmar.csv",
        "Beställargrupp;Organisation;Roll\nBeställargrupp transport;Kystdirektoratet;\n",
        2,
        "Organisation",
    ),
]


def _lists_named(engine) -> None:
    assert upload(engine, "projekt.csv", _PROJECTS).outcome == "committed"
    assert upload(engine, "grupper.csv", _GROUPS, kind="buyer_groups").outcome == "committed"


@pytest.mark.parametrize(("file", "data", "row", "column"), _WITHOUT_LAND)
def test_a_new_danish_authority_without_a_land_is_refused_asking_for_it(
    engine, file, data, row, column
):
    # Stored in Sverige, the default: "-direktoratet" and "-tilsynet" are never Swedish names,
    # and Denmark's and Norway's alike.
    _lists_named(engine)
    before = _countries(engine)
    result = upload(engine, file, data)
    assert result.outcome == "rejected"
    refused = [(p.row, p.column, p.text("en")) for p in result.problems if p.severity == "error"]
    name = data.rstrip("\n").split("\n")[row - 1].split(";")[_named_at(data, column)]
    assert refused == [
        (
            row,
            column,
            f"“{name}” in “{column}” is new, and the file gives no “Land” for it, which its "
            "name does not tell: a Norwegian or Danish authority's, never a Swedish name. Give "
            "its country in a column “Land” (Norway, Denmark, …).",
        )
    ]
    (said,) = [p.text("sv") for p in result.problems if p.severity == "error"]
    assert said.startswith(f"”{name}” i ”{column}” är ny, och filen anger inget ”Land” för den")
    assert said.endswith("Ange dess land i en kolumn ”Land” (Norge, Danmark, …).")
    assert _countries(engine) == before


def _named_at(data: str, column: str) -> int:
    """The position of `column` in the header of `data`."""
    return data.split("\n")[0].split(";").index(column)


def _countries(engine) -> dict[str, str]:
    return {row["name"]: row["country"] for row in natural(engine, "organisations")}


def test_a_danish_authority_with_a_land_or_stored_or_named_as_norways_is_read(engine):
    _lists_named(engine)
    # A Land given reads as given, in an organisations list and beside a coordinator.
    listed = "Namn;Typ;Land\nVejdirektoratet;myndighet;Danmark\n"
    assert upload(engine, "org.csv", listed).outcome == "committed"
    sheet = "Diarienummer;Titel;Koordinator;Land\nDK-1;Vägar;Datatilsynet;Norge\n"
    assert upload(engine, "projekt.csv", sheet).outcome == "committed"
    # Stored, it is matched by its name, as before: no Land asked for.
    again = (
        "Diarienummer;Titel;Koordinator\nDK-2;Broar;Vejdirektoratet\n",
        "Diarienummer;Organisation;Roll\nP-1;Datatilsynet;partner\n",
    )
    assert upload(engine, "projekt.csv", again[0]).outcome == "committed"
    assert upload(engine, "deltagare.csv", again[1]).outcome == "committed"
    # Norway's own, on the list of its authorities' names, are Norway's without a Land.
    sheet = "Diarienummer;Titel;Koordinator\nNO-1;Hav;Mattilsynet\n"
    assert upload(engine, "projekt.csv", sheet).outcome == "committed"
    assert _countries(engine) == {
        "Vejdirektoratet": "DK",
        "Datatilsynet": "NO",
        "Mattilsynet": "NO",
    }


def test_an_organisations_list_without_a_land_reads_the_country_a_name_tells(engine):
    data = "Namn;Typ\nOslo kommune;kommun\nHelsedirektoratet;myndighet\nGöteborgs Stad;kommun\n"
    # Stored in Sverige, the default, where a projects list naming them as coordinators
    # stored them in Norway (the README's promise for "Oslo kommune").
    result = upload(engine, "org.csv", data)
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    assert _countries(engine) == {
        "Oslo kommune": "NO",
        "Helsedirektoratet": "NO",
        "Göteborgs Stad": "SE",
    }
    # A Swedish county beside says the name is Swedish, mistyped.
    more = "Namn;Typ;Län\nBergen kommune;kommun;Västra Götalands län\nAsker kommune;kommun;\n"
    assert upload(engine, "org2.csv", more).outcome == "committed"
    countries = _countries(engine)
    assert (countries["Bergen kommune"], countries["Asker kommune"]) == ("SE", "NO")


def test_a_stored_organisations_country_is_kept_against_the_one_its_name_tells(engine):
    # The name's form is a guess, not the file's word: a stored country is kept.
    upload(engine, "org.csv", "Namn;Typ;Land\nOslo kommune;kommun;Sverige\n")
    result = upload(engine, "org.csv", "Namn;Typ\nOslo kommune;kommun\n")
    assert result.outcome == "unchanged", [p.text("en") for p in result.problems]
    assert _countries(engine) == {"Oslo kommune": "SE"}


def test_a_blank_land_cell_is_read_as_the_missing_column_row_by_row(engine):
    # `Namn;Typ;Land` with the cell left blank stored "Oslo kommune" in Sverige, the default,
    # where a list without the column stores it in Norway, as its name tells.
    data = (
        "Namn;Typ;Land;Län\n"
        "Oslo kommune;kommun;;\n"
        "Göteborgs Stad;kommun;;\n"
        "Bergen kommune;kommun;Sverige;\n"
        "Tromsø kommune;kommun;;Västra Götalands län\n"
    )
    result = upload(engine, "org.csv", data)
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    assert _countries(engine) == {
        "Oslo kommune": "NO",
        "Göteborgs Stad": "SE",
        "Bergen kommune": "SE",
        "Tromsø kommune": "SE",  # a Swedish county beside says the name is Swedish
    }


def test_a_blank_land_cell_keeps_a_stored_organisations_country(engine):
    # The name's form is a guess, not the file's word: a stored country stays, as a blank
    # cell of any column keeps the stored value, and the warning names the row.
    upload(engine, "org.csv", "Namn;Typ;Land\nOslo kommune;kommun;Sverige\n")
    result = upload(engine, "org.csv", "Namn;Typ;Land\nOslo kommune;kommun;\n")
    assert result.outcome == "unchanged", [p.text("en") for p in result.problems]
    assert _countries(engine) == {"Oslo kommune": "SE"}
    (kept,) = result.problems
    assert (kept.severity, kept.row, kept.column) == ("warning", 2, "Land")
    assert "row 2 Oslo kommune (Sweden)" in kept.text("en")
    assert "rad 2 Oslo kommune (Sverige)" in kept.text("sv")


def test_a_new_danish_authority_with_a_blank_land_cell_is_refused_asking_to_fill_it(engine):
    # Refused as the list without Land is, but told to give "a column Land" the list has:
    # the blank cell is the one to fill in.
    data = "Namn;Typ;Land\nNordväg AB;företag;\nKystdirektoratet;myndighet;\n"
    result = upload(engine, "org.csv", data)
    assert result.outcome == "rejected"
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert (refused.row, refused.column, refused.value) == (3, "Namn", "Kystdirektoratet")
    assert refused.text("en") == (
        "“Kystdirektoratet” in “Namn” is new, and its “Land” cell is blank, though its name "
        "does not tell the country: a Norwegian or Danish authority's, never a Swedish name. "
        "Fill in its country in “Land” (Norway, Denmark, …)."
    )
    assert refused.text("sv") == (
        "”Kystdirektoratet” i ”Namn” är ny, och dess cell ”Land” är tom, fast namnet inte "
        "säger landet: en norsk eller dansk myndighets, aldrig ett svenskt namn. Fyll i dess "
        "land i ”Land” (Norge, Danmark, …)."
    )
    assert _countries(engine) == {}


# Lists naming organisations with a Land column of theirs whose cell is blank for a new
# Danish authority: each was told to "give its country in a column Land" the file has.
_BLANK_LAND = [
    (
        "projekt.csv",
        "Diarienummer;Projektnamn;Koordinator;Land;Finansiär;Beviljat belopp\n"
        "Z-1;Ett;Oslo kommune;;Vinnova;100 tkr\nZ-2;Två;Datatilsynet;;Vinnova;100 tkr\n",
        3,
        "Koordinator",
        "Land",
    ),
    (
        "deltagare.csv",
        "Diarienummer;Organisation;Roll;Land\n"
        "P-1;Nordväg AB;partner;\nP-1;Vejdirektoratet;partner;\n",
        3,
        "Organisation",
        "Land",
    ),
    (
        "deltagare.csv",
        "Diarienummer;Organisation;Roll;Land\nP-1;Kystdirektoratet;partner;\n",
        2,
        "Organisation",
        "Land",
    ),
    (
        "deltagare.csv",
        "Diarienummer;Organisation;Roll;Country\nP-1;Kystdirektoratet;partner;\n",
        2,
        "Organisation",
        "Country",
    ),
    (
        "medlemmar.csv",
        "Beställargrupp;Organisation;Roll;Land\nBeställargrupp transport;Kystdirektoratet;;\n",
        2,
        "Organisation",
        "Land",
    ),
]


@pytest.mark.parametrize(("file", "data", "row", "column", "land"), _BLANK_LAND)
def test_a_new_danish_authority_beside_a_blank_land_cell_is_refused_asking_to_fill_it(
    engine, file, data, row, column, land
):
    # As an organisations list's blank Land cell is: the cell to fill in, in the column
    # the file has, not "a column Land" (the projects list and the participants list with a
    # Land column were among `_WITHOUT_LAND`, expecting that, before).
    _lists_named(engine)
    before = _countries(engine)
    result = upload(engine, file, data)
    assert result.outcome == "rejected"
    refused = [(p.row, p.column, p.text("en")) for p in result.problems if p.severity == "error"]
    name = data.rstrip("\n").split("\n")[row - 1].split(";")[_named_at(data, column)]
    assert refused == [
        (
            row,
            column,
            f"“{name}” in “{column}” is new, and its “{land}” cell is blank, though its name "
            "does not tell the country: a Norwegian or Danish authority's, never a Swedish "
            f"name. Fill in its country in “{land}” (Norway, Denmark, …).",
        )
    ]
    (said,) = [p.text("sv") for p in result.problems if p.severity == "error"]
    assert said == (
        f"”{name}” i ”{column}” är ny, och dess cell ”{land}” är tom, fast namnet inte "
        "säger landet: en norsk eller dansk myndighets, aldrig ett svenskt namn. Fyll i dess "
        f"land i ”{land}” (Norge, Danmark, …)."
    )
    assert _countries(engine) == before


# Files naming a new Danish authority where no Land can be given beside it: a grants file's
# funder, a project sheet's Finansiär, a funder its amount's header names.
_LANDLESS = [
    (
        "bidrag.csv",
        "Bidragsreferens;Diarienummer;Finansiär;Belopp\nG-1;P-1;Vejdirektoratet;100000\n",
        "Finansiär",
    ),
    (
        "projekt.csv",
        "Diarienummer;Projektnamn;Koordinator;Finansiär;Beviljat belopp\n"
        "Z-1;Ett;Nordväg AB;Vejdirektoratet;100 tkr\n",
        "Finansiär",
    ),
    (
        "projekt.csv",
        "Diarienummer;Projektnamn;Koordinator;Bidrag från Vejdirektoratet\n"
        "Z-1;Ett;Nordväg AB;100 tkr\n",
        "Bidrag från Vejdirektoratet",
    ),
]


@pytest.mark.parametrize(("file", "data", "column"), _LANDLESS)
def test_a_new_danish_funder_is_refused_saying_how_to_give_its_land(engine, file, data, column):
    # Asked to give its country "in a column Land", which such a file cannot have.
    _lists_named(engine)
    before = _countries(engine)
    result = upload(engine, file, data)
    assert result.outcome == "rejected"
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert (refused.row, refused.column, refused.value) == (2, column, "Vejdirektoratet")
    assert refused.text("en") == (
        f"“Vejdirektoratet” in “{column}” is new, and its country cannot be read from its "
        "name: a Norwegian or Danish authority's, never a Swedish name. This file cannot give "
        f"a country for “{column}”: add the organisation first with an organisations list "
        "that gives its “Land” (Norway, Denmark, …), then import this file again."
    )
    assert refused.text("sv") == (
        f"”Vejdirektoratet” i ”{column}” är ny, och dess land kan inte läsas av namnet: en "
        "norsk eller dansk myndighets, aldrig ett svenskt namn. Den här filen kan inte ange "
        f"land för ”{column}”: lägg först till organisationen med en organisationslista som "
        "anger dess ”Land” (Norge, Danmark, …), och importera sedan filen igen."
    )
    assert _countries(engine) == before
    # Done so, the file reads.
    assert (
        upload(engine, "org.csv", "Namn;Typ;Land\nVejdirektoratet;myndighet;Danmark\n").outcome
        == "committed"
    )
    assert upload(engine, file, data).outcome == "committed"
    assert _countries(engine)["Vejdirektoratet"] == "DK"


def test_a_swedish_county_beside_an_authoritys_name_says_it_is_swedish(engine):
    # A project sheet's Län is its coordinator's: one of Sweden's counties tells the country,
    # as it does beside "Bergen kommune", so the row is not refused asking for a Land.
    sheet = (
        "Diarienummer;Projektnamn;Koordinator;Län;Finansiär;Beviljat belopp\n"
        "Z-1;Ett;Vejdirektoratet;Stockholms län;Vinnova;100 tkr\n"
    )
    result = upload(engine, "projekt.csv", sheet)
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    listed = "Organisation;Län\nArbejdstilsynet;Skåne län\n"
    result = upload(engine, "org.csv", listed)
    assert result.outcome == "committed", [p.text("en") for p in result.problems]
    countries = _countries(engine)
    assert (countries["Vejdirektoratet"], countries["Arbejdstilsynet"]) == ("SE", "SE")
