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
