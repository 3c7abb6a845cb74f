"""A Swedish organisation's county written as no county ("Sthlm", "Hela Sverige", "Stokholm")
is named in a warning, not stored silently as a county of its own: stored as written, with
the counties it may mean (a near miss is never read as the county: "Götaland" is close to
Gotland). A region abroad is stored as written without a word, as before.
"""

from __future__ import annotations

from tests.fixtures.ingest import natural, upload


def _kept_as_written(value: str, *, meant: str) -> str:
    """The Swedish warning for a county cell kept as written that may mean `meant`."""
    return (
        f"Kolumnen ”Län”: {value} är inget av Sveriges 21 län och sparas som det står; kanske "
        f"menas {meant}. Skriv länets namn, eller landet i kolumnen Land för en organisation "
        "utomlands."
    )


def _committed(engine, name: str, data: str):
    """The result of importing `data`, committed."""
    result = upload(engine, name, data)
    assert result.outcome == "committed", result.problems
    return result


def _counties(engine) -> dict[str, str | None]:
    return {row["name"]: row["county"] for row in natural(engine, "organisations")}


def _warned(result, language: str = "sv") -> dict[int | None, str]:
    return {
        problem.row: problem.text(language)
        for problem in result.problems
        if problem.severity == "warning"
    }


def test_a_near_miss_of_a_county_is_stored_as_written_naming_the_county_it_may_mean(engine):
    # Read as the closest county, "Götaland" (a region of ten counties) was Gotlands län.
    data = "Namn;Typ;Län\nStokholms Bygg AB;företag;Stokholm\nGöta Bygg AB;företag;Götaland\n"
    result = _committed(engine, "organisationer.csv", data)
    assert _counties(engine) == {"Stokholms Bygg AB": "Stokholm", "Göta Bygg AB": "Götaland"}
    assert _warned(result)[2] == _kept_as_written("”Stokholm”", meant="Stockholms län")
    assert "Gotlands län" in _warned(result, "en")[3]


def test_a_swedish_organisations_cell_that_is_no_county_is_stored_as_written_and_named(engine):
    data = (
        "Namn;Typ;Län;Land\n"
        "Sthlm Data AB;företag;Sthlm;\n"
        "Rikskonsult AB;företag;Hela Sverige;SE\n"
        "Sthlm Bygg AB;företag;Sthlm;\n"
    )
    result = _committed(engine, "organisationer.csv", data)
    assert _counties(engine) == {
        "Sthlm Data AB": "Sthlm",
        "Rikskonsult AB": "Hela Sverige",
        "Sthlm Bygg AB": "Sthlm",
    }
    warned = _warned(result)
    # One warning per cell as written, at its first row, saying on how many rows.
    assert sorted(warned) == [2, 3]
    assert warned[2] == _kept_as_written("”Sthlm” (2 rader)", meant="Stockholms län")
    assert _warned(result, "en")[3] == (
        "Column “Län”: “Hela Sverige” is none of Sweden's 21 counties and is stored as "
        "written. Write the county's name, or the country in the Country column for an "
        "organisation abroad."
    )


def test_a_region_abroad_is_stored_as_written_without_a_warning(engine):
    data = "Namn;Typ;Län;Land\nVestlandsforsking;forskningsinstitut;Vestland;NO\n"
    result = _committed(engine, "organisationer.csv", data)
    assert _warned(result) == {}
    # A later list without the country column names the stored organisation abroad.
    later = "Namn;Typ;Län\nVestlandsforsking;forskningsinstitut;Viken\n"
    again = _committed(engine, "organisationer.csv", later)
    assert _warned(again) == {}
    assert _counties(engine) == {"Vestlandsforsking": "Viken"}


def test_a_flat_sheets_new_coordinator_in_no_county_is_named_and_a_stored_one_left_alone(engine):
    stored = "Namn;Typ;Län\nGamla Bolaget AB;företag;Skåne län\n"
    _committed(engine, "organisationer.csv", stored)
    data = (
        "Diarienummer;Titel;Status;Koordinator;Län\n"
        "2020-00001;Ett;planerad;Nya Bolaget AB;Stockholms stad\n"
        "2020-00002;Två;planerad;Gamla Bolaget AB;Sthlm\n"
    )
    result = _committed(engine, "projekt.csv", data)
    assert _counties(engine) == {
        "Gamla Bolaget AB": "Skåne län",
        "Nya Bolaget AB": "Stockholms stad",
    }
    county_warnings = [text for text in _warned(result).values() if "21 län" in text]
    assert county_warnings == [_kept_as_written("”Stockholms stad”", meant="Stockholms län")]


def test_a_country_written_by_its_name_in_swedish_or_english_is_stored_as_its_code(engine):
    # "Sverige", "Danmark", "Norway" were refused as no two-letter code, and a list of
    # Swedish agencies writes names; the pages tell Sweden from Norway by the code.
    data = (
        "Namn;Typ;Län;Land\n"
        "Alvesta kommun;kommun;Kronobergs län;Sverige\n"
        "Ikea of Sweden AB;företag;Kronobergs län;Sweden\n"
        "Danske Indkøb A/S;företag;Region Hovedstaden;Danmark\n"
        "Norsk Innkjøp AS;företag;Viken;Norway\n"
        "Österreich GmbH;företag;;österrike\n"
        "Suomen Hankinta Oy;företag;;fi\n"
    )
    result = _committed(engine, "organisationer.csv", data)
    assert _warned(result) == {}  # a region abroad is no Swedish county to warn of
    countries = {row["name"]: row["country"] for row in natural(engine, "organisations")}
    assert list(countries.values()) == ["SE", "SE", "DK", "NO", "AT", "FI"]
    values = "Indikator;Land;År;Värde\nIB;Sverige;2024;12\nIB;Norge;2024;30\n"
    indicator = "Kod;Namn;Enhet\nIB;Jämförelse;antal\n"
    _committed(engine, "indikatorer.csv", indicator)
    _committed(engine, "indikatorvarden.csv", values)
    places = [row["country_code"] for row in natural(engine, "indicator_values")]
    assert places == ["SE", "NO"]


def test_a_country_neither_code_nor_known_name_is_refused_saying_what_to_write(engine):
    result = upload(engine, "organisationer.csv", "Namn;Typ;Land\nAcme;företag;Atlantis\n")
    assert result.outcome == "rejected"
    (problem,) = result.problems
    assert (problem.row, problem.column, problem.error) == (2, "Land", "constraint-error")
    assert "SE, NO" in problem.text("en") and "its name in Swedish or English" in problem.text("en")
