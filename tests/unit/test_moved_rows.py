"""A new row of a list keyed by several columns that is a stored row with one key cell
edited (a value's `Land` Norge to Sverige, its `År`, a budget's year column) is added
beside the stored row, which stays: said, naming the row, the column by the file's header
and both values. A list that only adds rows, the same file twice or a part of a download
imported back says nothing: it moved no row."""

from __future__ import annotations

from tests.fixtures.ingest import load_files, upload

INDICATORS = "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\nI-2;Leverantörer;antal\n"
VALUES = (
    "Indikator;Land;År;Värde\n"
    "I-1;Sverige;2020;10\nI-1;Sverige;2021;11\nI-1;Sverige;2022;12\nI-2;Sverige;2022;4\n"
)


def _moved(result) -> list:
    return [p for p in result.problems if p.message.key == "import.moved"]


def _warned(result) -> list[str]:
    """Every warning of `result`, in English: a file that moved nothing gets none."""
    return [p.text("en") for p in result.problems if p.severity == "warning"]


def test_a_value_whose_country_was_edited_is_said_with_both_countries(engine):
    load_files(engine, {"indikatorer.csv": INDICATORS, "värden.csv": VALUES})
    edited = VALUES.replace("I-1;Sverige;2021", "I-1;Norge;2021")
    result = upload(engine, "värden.csv", edited, dry_run=True)
    assert result.plan.counts()["new"] == 1  # Norway's, the Swedish value kept
    (note,) = _moved(result)
    assert note.severity == "warning" and note.table == "indicator_values" and note.row == 3
    assert note.text("sv") == (
        "Rad 3: ”Land” Sverige i databasen är Norge i filen; raden (indikatorvärden) läggs "
        "till för Norge och den för Sverige finns kvar. Ta bort den gamla genom att ångra "
        "importen eller ersätta hela listan."
    )
    assert note.text("en") == (
        "Row 3: “Land” Sweden in the database is Norway in the file; the row (indicator "
        "values) is added for Norway and the one for Sweden stays. Remove the old one by "
        "undoing the import or replacing the whole list."
    )


def test_a_value_whose_year_was_edited_is_said_by_the_files_header(engine):
    load_files(engine, {"indikatorer.csv": INDICATORS, "värden.csv": VALUES})
    edited = VALUES.replace("Indikator;Land;År;Värde", "Indicator;Country;Year;Value").replace(
        "I-1;Sverige;2022;12", "I-1;Sverige;2023;12"
    )
    (note,) = _moved(upload(engine, "values.csv", edited, dry_run=True))
    assert note.text("en").startswith("Row 4: “Year” 2022 in the database is 2023 in the file;")


def test_many_moved_rows_are_counted_and_the_first_five_named(engine):
    many = "".join(f"I-1;Sverige;{year};{year - 2000}\n" for year in range(2001, 2021))
    header = "Indikator;Land;År;Värde\n"
    kept = "I-2;Sverige;2022;4\n"  # a list of the stored rows, one of them kept as it is
    load_files(engine, {"indikatorer.csv": INDICATORS, "värden.csv": header + kept + many})
    edited = header + kept + many.replace("Sverige", "Norge")
    (note,) = _moved(upload(engine, "värden.csv", edited, dry_run=True))
    assert note.text("en").startswith(
        "20 new rows (indicator values) look like stored rows with one key cell changed (row "
        "3: “Land” Sweden in the database is Norway in the file; row 4: "
    )
    assert note.text("en").count("row ") == 5 and ", …); they are added" in note.text("en")
    assert note.text("sv").startswith("20 nya rader (indikatorvärden) ser ut som lagrade")


def test_a_list_that_adds_values_repeats_itself_or_is_a_part_says_nothing(engine):
    load_files(engine, {"indikatorer.csv": INDICATORS, "värden.csv": VALUES})
    # This year's values and a later one's, beside the stored years.
    added = "Indikator;Land;År;Värde\nI-1;Sverige;2023;13\nI-1;Sverige;2027;20\n"
    result = upload(engine, "värden.csv", added, dry_run=True)
    assert result.plan.counts()["new"] == 2 and _warned(result) == []
    # The same file twice, and a part of the stored list.
    upload(engine, "värden.csv", added)
    assert _warned(upload(engine, "värden.csv", added, dry_run=True)) == []
    part = "Indikator;Land;År;Värde\nI-2;Sverige;2022;4\n"
    assert _warned(upload(engine, "värden.csv", part, dry_run=True)) == []
    # A value for another country, not one of Sweden's moved: Norway's own differs.
    norway = "Indikator;Land;År;Värde\nI-1;Norge;2020;3\n"
    assert _warned(upload(engine, "värden.csv", norway, dry_run=True)) == []


def test_a_budgets_year_column_edited_is_said_by_the_word_for_year(engine):
    programmes = "Kod;Namn\nP-1;Program ett\n"
    budgets = "Program;2020;2021;2022\nP-1;100;200;300\n"
    load_files(engine, {"program.csv": programmes, "budget.csv": budgets})
    edited = budgets.replace("2022", "2023")
    (note,) = _moved(upload(engine, "budget.csv", edited, dry_run=True))
    assert note.text("en").startswith("Row 2: “Year” 2022 in the database is 2023 in the file;")
    assert note.text("sv").startswith("Rad 2: ”År” 2022 i databasen är 2023 i filen;")
    # A year added beside the stored ones says nothing.
    added = "Program;2020;2021;2022;2027\nP-1;100;200;300;400\n"
    assert _moved(upload(engine, "budget.csv", added, dry_run=True)) == []
