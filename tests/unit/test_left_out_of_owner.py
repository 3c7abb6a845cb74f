"""A list keyed by several columns (indicator values, budgets, a project's participants) that
covers an owner (a country, a project, a programme) but lacks some of its stored rows says
so, as a list keyed by one column does: a value whose `Land` was edited from Sverige to Norge
was added for Norway and the Swedish one kept without a word."""

from __future__ import annotations

from tests.fixtures.ingest import load_files, upload

INDICATORS = "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\nI-2;Leverantörer;antal\n"
VALUES = (
    "Indikator;Land;År;Värde\n"
    "I-1;Sverige;2020;10\nI-1;Sverige;2021;11\nI-1;Sverige;2022;12\nI-2;Sverige;2022;4\n"
)


def _kept(result) -> list:
    return [p for p in result.problems if p.message.key == "import.left_out_of_owner"]


def test_a_country_whose_value_the_file_moved_to_another_keeps_it_and_says_so(engine):
    load_files(engine, {"indikatorer.csv": INDICATORS, "värden.csv": VALUES})
    edited = VALUES.replace("I-1;Sverige;2021", "I-1;Norge;2021")
    result = upload(engine, "värden.csv", edited, dry_run=True)
    assert result.plan.counts()["new"] == 1  # Norway's, the Swedish value kept
    (note,) = _kept(result)
    assert note.severity == "warning" and note.table == "indicator_values"
    assert note.text("sv") == (
        "Sverige: 1 lagrad rad (indikatorvärden) finns inte i filen och behålls (I-1 · 2021). "
        "En import tar inte bort något den inte får: en rad vars ”Indikator” eller ”År” har "
        "ändrats läggs till som en ny rad, och den gamla finns kvar."
    )
    assert note.text("en").startswith(
        "Sweden: 1 stored row (indicator values) is not in the file and is kept (I-1 · 2021)."
    )


def test_the_note_is_bounded_and_said_only_of_what_the_list_covers(engine):
    many = "".join(f"I-1;Sverige;{year};{year - 2000}\n" for year in range(2001, 2021))
    load_files(
        engine, {"indikatorer.csv": INDICATORS, "värden.csv": "Indikator;Land;År;Värde\n" + many}
    )
    # Six of twenty left out: counted, the first five named.
    kept = "Indikator;Land;År;Värde\n" + "".join(many.splitlines(keepends=True)[6:])
    (note,) = _kept(upload(engine, "värden.csv", kept, dry_run=True))
    assert note.text("en").startswith(
        "Sweden: 6 stored rows (indicator values) are not in the file and are kept "
        "(I-1 · 2001, I-1 · 2002, I-1 · 2003, I-1 · 2004, I-1 · 2005, …). An import"
    )
    # This year's value alone: the stored years are kept, and said so too.
    added = "Indikator;Land;År;Värde\nI-1;Sverige;2021;21\n"
    (note,) = _kept(upload(engine, "värden.csv", added, dry_run=True))
    assert note.text("en").startswith("Sweden: 20 stored rows (indicator values)")
    # A list that holds every stored row of what it covers says nothing.
    whole = "Indikator;Land;År;Värde\n" + many
    assert _kept(upload(engine, "värden.csv", whole, dry_run=True)) == []
    # A country the file names no stored row of is not said either (its other values).
    norway = "Indikator;Land;År;Värde\nI-1;Norge;2020;3\n"
    assert _kept(upload(engine, "värden.csv", norway, dry_run=True)) == []


def test_a_programmes_budget_with_a_year_edited_keeps_the_old_year_and_says_so(engine):
    programmes = "Kod;Namn\nP-1;Program ett\n"
    budgets = "Program;År;Belopp\nP-1;2020;100\nP-1;2021;200\nP-1;2022;300\n"
    load_files(engine, {"program.csv": programmes, "budget.csv": budgets})
    edited = budgets.replace("P-1;2022;300", "P-1;2023;300")
    (note,) = _kept(upload(engine, "budget.csv", edited, dry_run=True))
    assert note.text("en").startswith(
        "Programme P-1: 1 stored row (budgets) is not in the file and is kept (2022)."
    )
