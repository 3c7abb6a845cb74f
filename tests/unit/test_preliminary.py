"""A preliminary indicator value: one rule reads its note, the import stores the answer.

The Results page read a value as preliminary when its note held "prelim" anywhere (SQL's
`lower(note) LIKE '%prelim%'`): "Ej preliminärt längre" and "not preliminary" drew a final
value hollow and made the registry's latest value another year's, while "Prel." and
"provisoriskt" were not read at all; a blank `Anmärkning` took "från SCB" off "preliminära
siffror från SCB, uppdateras". Now `ingest.values.is_preliminary` reads the note, the import
stores its answer (`IndicatorValue.preliminary`), the Results page reads that, and a blank
note takes off only the words that say preliminary.
"""

from __future__ import annotations

import importlib.util

import pytest
import sqlalchemy as sa

from arena import export, models, tables
from arena.auth import cli_identity
from arena.ingest import undo, values, wide
from arena.ingest.plan import _without_preliminary
from arena.ingest.values import is_preliminary
from arena.queries import results
from arena.store import MIGRATIONS, downgrade, get_engine, migrate, table_counts
from tests.fixtures.ingest import load_files, natural, upload

PRELIMINARY = [
    "Preliminärt",
    "Preliminärt, t.o.m. oktober",
    "preliminära siffror från SCB, uppdateras",
    "Källa SSB; preliminär uppgift",
    "Preliminärbudget",
    "Prel.",
    "prel",
    "prel. uppgift",
    "Källa SCB (prel.)",
    "Provisional",
    "provisionally reported",
    "provisoriskt",
    "Provisoriska siffror",
    "preliminary figure",
    "PRELIMINARY",
    "Prelude till 2025; prel.",
    "Not preliminary in 2024; preliminary for 2025",
    # A finality word negated says not final (these were read as final).
    "ej slutgiltig",
    "Inte slutlig",
    "Not yet final",
    "Ej fastställd",
    "preliminary, not final",
    "Not final (preliminary)",
    "Inte slutlig, preliminär",
    "Preliminärt (ej slutligt)",
    # Norwegian and Danish, and a flag alone.
    "Foreløpige tall",
    "Foreløbige tal",
    "*",
    "p",
    # A finality word among other words is no statement that the value is final.
    "Preliminary; final figures in June",
    # A flag as statistics tables print it beside a figure (these were read as final).
    "(p)",
    "(P)",
    "[p]",
    "Utfall (p)",
    "Utfall 2025 (p)",
    "p.",
    "p*",
    # Finality announced for later is not final yet.
    "Definitiva siffror publiceras 2026",
    "Slutlig siffra publiceras i maj",
    "Slutligt värde publiceras i juni",
    "Final figure due in May",
    "Final figures expected in 2026",
    "definitivt i maj",
    "Preliminärt utfall, definitivt i maj",
    # A finality part and a preliminary part: the last wins (the wide reader adds its mark
    # last; these were final).
    "Final; Preliminärt",
    "Slutligt värde; Preliminärt",
    "Slutlig; prel.",
]
FINAL = [
    None,
    "",
    "Källa: SCB",
    "Ej preliminärt längre",
    "Inte preliminär",
    "ej längre preliminära",
    "inte längre preliminärt",
    "not preliminary",
    "no longer provisional",
    "Icke preliminär",
    "icke-preliminär",
    "non-preliminary",
    "Prelude",
    "Prelaten godkände",
    "provision till säljaren",
    "Apreliminär",
    "Slutligt värde",
    # Said to be final, or to have been preliminary once (these were read as preliminary).
    "Slutlig (tidigare preliminär)",
    "Fastställd, ersätter preliminär uppgift",
    "Tidigare preliminär, nu slutlig",
    "Final (was provisional)",
    "Reviderad från preliminär siffra",
    "Not a preliminary figure",
    "No longer a provisional value",
    "Ej en preliminär siffra",
    "Inte längre någon preliminär uppgift",
    "Definitivt",
    "Värde *",
    "Källa: p. 12",
    "Källa: s. 4 (pdf)",
    "Final",
    # The last of a finality part and a preliminary part wins.
    "Preliminär; slutlig",
    "Preliminärt, nu fastställt",
    "Slutlig, publicerad i maj",
]


@pytest.mark.parametrize("note", PRELIMINARY)
def test_a_note_that_says_preliminary_marks_the_value(note):
    assert is_preliminary(note)


@pytest.mark.parametrize("note", FINAL)
def test_a_note_that_denies_it_or_merely_holds_prel_does_not(note):
    assert not is_preliminary(note)


def _migration():
    path = next(MIGRATIONS.glob("*_d6c0ffee0016_*.py"))
    spec = importlib.util.spec_from_file_location("preliminary_migration", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migration_reads_the_notes_as_the_import_does():
    """The migration keeps its own copy of the rule (a migration keeps doing what it did when
    it was written): today they agree on every note above."""
    migration = _migration()
    assert migration.PRELIMINARY_MARK.pattern == values.PRELIMINARY_MARK.pattern
    assert migration._FINAL_BESIDE == values._FINAL_BESIDE
    assert migration._NOTE_PART_END.pattern == values._NOTE_PART_END.pattern
    for note in [*PRELIMINARY, *FINAL]:
        assert migration.is_preliminary(note) == is_preliminary(note), note


INDICATORS = (
    "Kod;Namn;Enhet;Utgångsvärde;Utgångsår;Målvärde;Målår;Riktning\n"
    "NOLONGER;Inte längre preliminärt;antal;0;2018;100;2030;increase\n"
    "ABBREV;Förkortat;antal;0;2018;100;2030;increase\n"
    "PRELUDE;Prelude;antal;0;2018;100;2030;increase\n"
)
VALUES = (
    "Indikator;Land;År;Värde;Anmärkning\n"
    "NOLONGER;SE;2024;31;\n"
    "NOLONGER;SE;2025;40;Ej preliminärt längre\n"
    "ABBREV;SE;2024;31;\n"
    "ABBREV;SE;2025;22;Prel.\n"
    "PRELUDE;SE;2024;31;\n"
    "PRELUDE;SE;2025;40;Prelude till 2026 års mätning\n"
)


def _flags(engine) -> dict[tuple[str, int], bool]:
    values = results.indicator_values(engine)
    return {
        (row.code, row.year): row.preliminary
        for row in values.itertuples()
        if row.code in {"NOLONGER", "ABBREV", "PRELUDE"}
    }


EXPECTED = {
    ("NOLONGER", 2024): False,
    ("NOLONGER", 2025): False,
    ("ABBREV", 2024): False,
    ("ABBREV", 2025): True,
    ("PRELUDE", 2024): False,
    ("PRELUDE", 2025): False,
}


def test_results_read_the_mark_the_import_stored(engine):
    # "Ej preliminärt längre" was a hollow 40 and the latest value 2024's 31; "Prel." a final
    # 22, judged as the newest value.
    load_files(engine, {"indikatorer.csv": INDICATORS, "indikatorvarden.csv": VALUES})
    assert _flags(engine) == EXPECTED
    registry = results.indicator_progress(engine).set_index("code")
    latest = registry[["latest_value", "latest_year", "preliminary"]]
    assert latest.loc["NOLONGER"].tolist() == [40.0, 2025, False]
    assert latest.loc["ABBREV"].tolist() == [31.0, 2024, False]  # the newest final value
    assert latest.loc["PRELUDE"].tolist() == [40.0, 2025, False]
    series = results.indicator_series(engine).set_index(["code", "year"])["preliminary"]
    assert {key: series[key] for key in EXPECTED} == EXPECTED


def test_a_value_said_final_is_the_latest_one(engine):
    # "Slutlig (tidigare preliminär)" drew 2026's 19 500 hollow and made 2021's 121 the
    # latest value; "Ej fastställd" was judged as a final value.
    load_files(engine, {"indikatorer.csv": INDICATORS})
    data = (
        "Indikator;Land;År;Värde;Anmärkning\n"
        "NOLONGER;SE;2021;121;\n"
        "NOLONGER;SE;2026;19500;Slutlig (tidigare preliminär)\n"
        "ABBREV;SE;2021;121;\n"
        "ABBREV;SE;2026;19500;Ej fastställd\n"
    )
    assert upload(engine, "varden.csv", data).outcome == "committed"
    registry = results.indicator_progress(engine).set_index("code")
    latest = registry[["latest_value", "latest_year", "preliminary"]]
    assert latest.loc["NOLONGER"].tolist() == [19500.0, 2026, False]
    assert latest.loc["ABBREV"].tolist() == [121.0, 2021, False]


def test_undo_restores_the_mark_with_the_note(engine):
    load_files(engine, {"indikatorer.csv": INDICATORS, "indikatorvarden.csv": VALUES})
    # A note that says the value is final now, and a replace that deletes the others.
    final = "Indikator;Land;År;Värde;Anmärkning\nABBREV;SE;2025;22;Slutligt\n"
    changed = upload(engine, "varden.csv", final, replace=True)
    assert changed.outcome == "committed", changed.problems
    assert _flags(engine) == {("ABBREV", 2025): False}
    undo(engine, changed.import_id, identity=cli_identity())
    assert _flags(engine) == EXPECTED


def _cleared(engine) -> None:
    with engine.begin() as conn:
        conn.execute(sa.delete(models.IndicatorValue.__table__))


@pytest.mark.parametrize("download", ["data", "results"])
def test_a_download_imported_again_gives_the_same_marks(engine, download):
    load_files(engine, {"indikatorer.csv": INDICATORS, "indikatorvarden.csv": VALUES})
    if download == "data":  # the Data page's export of the kind
        frame = export.export_frame(engine, "indicator_values")
    else:  # the Results page's download of the values behind the series
        registry = results.indicator_progress(engine)
        rows = tables.results.series_rows(results.indicator_values(engine), registry, "sv")
        frame = tables.for_download(rows, "sv", tables.results.COLUMNS)
    data = export.to_csv_bytes(frame, delimiter=";")
    _cleared(engine)
    assert _flags(engine) == {}
    again = upload(engine, "indikatorvarden.csv", data)
    assert again.outcome == "committed", again.problems
    assert _flags(engine) == EXPECTED


def test_a_blank_note_takes_only_the_words_that_say_preliminary(engine):
    # "preliminära siffror från SCB, uppdateras" kept only "uppdateras": the source was lost.
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    noted = (
        "Indikator;Land;År;Värde;Anmärkning\n"
        'I-1;SE;2022;10;"preliminära siffror från SCB, uppdateras"\n'
        "I-1;SE;2023;11;Källa SCB (prel.)\n"
        "I-1;SE;2024;12;Ej preliminärt längre\n"
    )
    assert upload(engine, "varden.csv", noted).outcome == "committed"
    blanks = (
        "Indikator;Land;År;Värde;Anmärkning\nI-1;SE;2022;10;\nI-1;SE;2023;11;\nI-1;SE;2024;12;\n"
    )
    result = upload(engine, "varden.csv", blanks)
    assert result.outcome == "committed", result.problems
    assert [row["note"] for row in natural(engine, "indicator_values")] == [
        "siffror från SCB, uppdateras",
        "Källa SCB",
        "Ej preliminärt längre",  # says it is final already: kept whole
    ]
    assert not results.indicator_values(engine)["preliminary"].any()


# A stored note, and what a value given again with its Anmärkning blank keeps of it: a note
# that is not preliminary stays whole; else each mark goes with its punctuation and the words
# that only qualify it, and a part that says nothing more goes whole (None: nothing is left).
BLANKED = [
    ("Prel.", None),
    ("Preliminary.", None),
    ("Prel. siffror", None),
    ("Prel.: SCB", "SCB"),
    ("Källa: SCB, Prel.", "Källa: SCB"),
    ("Källa SCB (prel.)", "Källa SCB"),
    ("Preliminärt, t.o.m. oktober", "t.o.m. oktober"),
    ("Källa SSB; preliminär uppgift", "Källa SSB"),
    ("preliminära siffror från SCB, uppdateras", "siffror från SCB, uppdateras"),
    ("Preliminära siffror från SCB", "Siffror från SCB"),
    ("Fortfarande preliminärt, källa SCB", "källa SCB"),
    # Not final and preliminary both go: a final value is not left noted "not final".
    ("preliminary, not final", None),
    ("Not final (preliminary)", None),
    ("Inte slutlig, preliminär", None),
    ("Preliminärt (ej slutligt)", None),
    ("Ej fastställd", None),
    ("Foreløpige tall", None),
    ("*", None),
    # A compound keeps what it is of: the budget is still the value's source.
    ("Preliminärbudget", "Budget"),
    ("Preliminärsiffror", None),
    # A finality announced for later is a mark and goes with it: a final value is not left
    # noted "definitivt i maj".
    ("Preliminärt utfall, definitivt i maj", None),
    ("Preliminary; final figures in June", None),
    ("Källa SCB; Slutlig siffra publiceras i maj", "Källa SCB"),
    ("Final; Preliminärt", "Final"),
    ("Utfall 2025 (p)", "Utfall 2025"),
    ("p.", None),
    # Not preliminary: whole.
    ("Slutlig (tidigare preliminär)", "Slutlig (tidigare preliminär)"),
    ("Final (was provisional)", "Final (was provisional)"),
    ("Ej preliminärt längre", "Ej preliminärt längre"),
    ("Not a preliminary figure", "Not a preliminary figure"),
]


@pytest.mark.parametrize(("note", "kept"), BLANKED)
def test_a_blank_note_takes_off_the_marks_and_leaves_a_note_that_reads_right(note, kept):
    assert _without_preliminary(note) == kept
    assert not is_preliminary(kept)


def test_a_blank_note_keeps_of_each_stored_note_what_is_still_true(engine):
    # "Prel.: SCB" kept ".: SCB", "Slutlig (tidigare preliminär)" "Slutlig (tidigare )",
    # "preliminary, not final" "not final", "Preliminärbudget" nothing.
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    years = range(2000, 2000 + len(BLANKED))
    noted = "".join(
        f'I-1;SE;{year};10;"{note}"\n' for year, (note, _) in zip(years, BLANKED, strict=True)
    )
    header = "Indikator;Land;År;Värde;Anmärkning\n"
    assert upload(engine, "varden.csv", header + noted).outcome == "committed"
    blanks = "".join(f"I-1;SE;{year};10;\n" for year in years)
    result = upload(engine, "varden.csv", header + blanks)
    assert result.outcome == "committed", result.problems
    notes = [row["note"] for row in natural(engine, "indicator_values")]
    assert [None if n != n else n for n in notes] == [kept for _, kept in BLANKED]


def test_a_store_with_notes_upgrades_to_stored_marks_without_loss(db_url):
    engine = get_engine(db_url)
    migrate(engine)
    load_files(engine, {"indikatorer.csv": INDICATORS, "indikatorvarden.csv": VALUES})
    downgrade(engine, "c5c0ffee0015")
    table = sa.table(
        "indicator_value", sa.column("scope_ref"), sa.column("year"), sa.column("note")
    )

    def stored() -> list[tuple]:
        with engine.connect() as conn:
            query = sa.select(table.c.scope_ref, table.c.year, table.c.note)
            return sorted(conn.execute(query).all(), key=repr)

    before, counts = stored(), table_counts(engine)
    assert "preliminary" not in {c["name"] for c in sa.inspect(engine).get_columns(table.name)}
    migrate(engine)
    assert stored() == before and table_counts(engine) == counts
    assert _flags(engine) == EXPECTED
    # Down again: the column goes, the notes stay.
    downgrade(engine, "c5c0ffee0015")
    assert stored() == before


def test_a_preliminary_year_column_stores_its_values_as_preliminary(engine):
    # A note that denied it held "prelim", so the wide reader added no mark to it: 2024* was
    # stored as a final value noted "Ej preliminärt längre".
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    data = (
        "Indikator;Land;Kommentar;2023;2024*\n"
        "I-1;SE;Ej preliminärt längre;180;200\n"
        "I-1;NO;;30;40\n"
        "I-1;DK;Prel.;5;6\n"
    )
    assert upload(engine, "serie.csv", data).outcome == "committed"
    values = results.indicator_values(engine)
    stored = {
        (row.scope_ref, row.year): (
            row.note if isinstance(row.note, str) else None,
            row.preliminary,
        )
        for row in values.itertuples()
    }
    assert stored == {
        ("SE", 2023): ("Ej preliminärt längre", False),
        ("SE", 2024): ("Ej preliminärt längre; Preliminärt", True),
        ("NO", 2023): (None, False),
        ("NO", 2024): ("Preliminärt", True),
        ("DK", 2023): ("Prel.", True),  # the table's own note says so of every year
        ("DK", 2024): ("Prel.", True),
    }


def test_the_warning_of_marks_taken_off_quotes_no_note_it_did_not_see(engine):
    # It said the values were noted 'Preliminärt' though the notes said "Prel", "Provisional
    # figure" and "Källa SCB (prel.)".
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    header = "Indikator;Land;År;Värde;Anmärkning\n"
    noted = (
        "I-1;SE;2022;10;Prel\nI-1;SE;2023;11;Provisional figure\nI-1;SE;2024;12;Källa SCB (prel.)\n"
    )
    assert upload(engine, "varden.csv", header + noted).outcome == "committed"
    blanks = "I-1;SE;2022;10;\nI-1;SE;2023;11;\nI-1;SE;2024;12;\n"
    result = upload(engine, "varden.csv", header + blanks)
    said = [p for p in result.problems if p.message.key == "import.preliminary_cleared"]
    assert [p.text("sv") for p in said] == [
        "3 värden var noterade som preliminära och ges nu utan den markeringen: de är "
        "slutliga, och markeringen tas bort ur anmärkningarna."
    ]
    assert [p.text("en") for p in said] == [
        "3 values were noted preliminary and are now given without that mark: they are "
        "final, and the mark is taken off their notes."
    ]


def test_a_year_header_marked_in_the_note_rule_s_words_is_a_preliminary_year(engine):
    # "2033 (provisional)", "Prel. 2034", "2035p" and "2036 (provisoriskt)" lost their mark
    # or, beside other years, were dropped as unknown columns, their values lost.
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    data = (
        "Indikator;Land;2032;2033 (provisional);Prel. 2034;2035p;2036 (provisoriskt);2037 *\n"
        "I-1;SE;10;11;12;13;14;15\n"
    )
    result = upload(engine, "serie.csv", data)
    assert result.outcome == "committed", result.problems
    values = results.indicator_values(engine)
    stored = {
        row.year: (row.value, row.note if isinstance(row.note, str) else None, row.preliminary)
        for row in values.itertuples()
    }
    marked = {year: (10.0 + year - 2032, "Preliminärt", True) for year in range(2033, 2038)}
    assert stored == {2032: (10.0, None, False), **marked}
    said = [p.text("en") for p in result.problems if p.message.key == "import.preliminary_years"]
    assert len(said) == 1
    for header in ("2033 (provisional)", "Prel. 2034", "2035p", "2036 (provisoriskt)"):
        assert header in said[0]


@pytest.mark.parametrize(
    ("header", "year", "preliminary"),
    [
        ("2025*", 2025, True),
        ("2025 (prel.)", 2025, True),
        ("2033 (provisional)", 2033, True),
        ("Prel. 2034", 2034, True),
        ("2035p", 2035, True),
        ("2036 (provisoriskt)", 2036, True),
        ("2025 (foreløpig)", 2025, True),
        ("2025 (ej slutlig)", 2025, True),
        ("2024", 2024, False),
        ("Prelude 2024", 2024, False),
        ("Ej prel. 2025", 2025, False),
        ("2024 p.g.a. omräkning", 2024, False),
    ],
)
def test_a_year_header_s_mark_is_read_by_the_note_rule(header, year, preliminary):
    read = wide._year_header(header)
    assert (read.year, read.preliminary) == (year, preliminary)
    assert read.preliminary == is_preliminary(header.replace(str(year), "").strip())


# A year header's mark as statistics tables print it, and a word saying the year is final:
# beside plain years these were unknown columns, their year's values lost ("2026 (p)").
YEAR_HEADERS = [
    ("2025 (p)", True),
    ("2025 (P)", True),
    ("2025 [p]", True),
    ("2025 (p.)", True),
    ("2025, prel.", True),
    ("2025 - prel", True),
    ("2025 prel*", True),
    ("2025 (prel.)*", True),
    ("2025e", True),  # an estimate: no final figure, replaced by one as a preliminary value is
    ("2025 (slutlig)", False),
    ("2025 (final)", False),
    ("2025 (definitiv)", False),
    ("2025 (ej prel.)", False),
]


@pytest.mark.parametrize(("header", "preliminary"), YEAR_HEADERS)
def test_a_year_header_s_flag_or_finality_is_read(header, preliminary):
    read = wide._year_header(header)
    assert (read.year, read.rest, read.preliminary) == (2025, "", preliminary)


@pytest.mark.parametrize(("header", "preliminary"), YEAR_HEADERS)
def test_a_marked_year_beside_plain_years_keeps_its_values(engine, header, preliminary):
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    result = upload(engine, "serie.csv", f"Indikator;Land;2024;{header}\nI-1;SE;10;11\n")
    assert result.outcome == "committed", result.problems
    stored = {row.year: row.preliminary for row in results.indicator_values(engine).itertuples()}
    assert stored == {2024: False, 2025: preliminary}


def test_a_budget_s_marked_year_is_read(engine):
    # "Program;2024;2025;2026 (p)" imported two years.
    assert upload(engine, "program.csv", "Kod;Namn\nP1;Programmet\n").outcome == "committed"
    result = upload(engine, "budget.csv", "Program;2024;2025;2026 (p)\nP1;100;200;300\n")
    assert result.outcome == "committed", result.problems
    budgets = [(row["year"], row["amount_sek"]) for row in natural(engine, "budgets")]
    assert budgets == [(2024, 100), (2025, 200), (2026, 300)]


def test_every_year_marked_is_read_preliminary_and_keeps_a_stored_mark(engine):
    # "2024 (p);2025 (p)" were read as a series of words "(p)", final: a stored preliminary
    # value became final.
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    header = "Indikator;Land;År;Värde;Anmärkning\n"
    assert upload(engine, "v.csv", header + "I-1;SE;2024;10;Prel.\n").outcome == "committed"
    result = upload(engine, "serie.csv", "Indikator;Land;2024 (p);2025 (p)\nI-1;SE;10;11\n")
    assert result.outcome == "committed", result.problems
    stored = {row.year: row.preliminary for row in results.indicator_values(engine).itertuples()}
    assert stored == {2024: True, 2025: True}


def test_a_year_with_words_read_as_nothing_beside_plain_years_is_refused(engine):
    # "2025 (beräknat)" was an unknown column, 2025's values dropped without a word of why.
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    result = upload(engine, "serie.csv", "Indikator;Land;2024;2025 (beräknat)\nI-1;SE;10;11\n")
    assert result.outcome != "committed"
    said = [p for p in result.problems if p.message.key == "import.year_words"]
    assert len(said) == 1 and said[0].severity != "warning"
    assert "”2025 (prel.)”" in said[0].text("sv")
    assert "“2025 (prel.)”" in said[0].text("en")
    assert results.indicator_values(engine).empty


def test_a_preliminary_year_s_mark_decides_over_a_note_saying_final(engine):
    # "Slutligt värde" and "Final" under "2025 (prel.)" were stored "Slutligt värde;
    # Preliminärt" and "Final; Preliminärt", as final values.
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    data = (
        "Indikator;Land;Anmärkning;2024;2025 (prel.)\n"
        "I-1;SE;Källa SCB;1;2\nI-1;NO;Slutligt värde;3;4\nI-1;DK;Final;5;6\n"
    )
    result = upload(engine, "serie.csv", data)
    assert result.outcome == "committed", result.problems
    stored = {
        (row.scope_ref, row.year): (row.note, row.preliminary)
        for row in results.indicator_values(engine).itertuples()
    }
    assert stored == {
        ("SE", 2024): ("Källa SCB", False),
        ("SE", 2025): ("Källa SCB; Preliminärt", True),
        ("NO", 2024): ("Slutligt värde", False),
        ("NO", 2025): ("Slutligt värde; Preliminärt", True),
        ("DK", 2024): ("Final", False),
        ("DK", 2025): ("Final; Preliminärt", True),
    }


def test_the_country_comparison_s_latest_value_is_the_registry_s(engine):
    # A value noted "p" was the comparison's "Senaste värde", 950 (2023), while the registry
    # on the same page showed 793 (2022), the newest final one.
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI-1;Upphandlingar;antal\n"})
    header = "Indikator;Land;År;Värde;Anmärkning\n"
    data = header + "I-1;SE;2021;700;\nI-1;SE;2022;793;\nI-1;SE;2023;950;p\nI-1;NO;2023;40;p\n"
    assert upload(engine, "varden.csv", data).outcome == "committed"
    registry = results.indicator_progress(engine).set_index("scope_ref")
    comparison = results.country_comparison(engine).set_index("country")
    assert (registry.loc["SE", "latest_value"], registry.loc["SE", "latest_year"]) == (793, 2022)
    assert (comparison.loc["SE", "last_value"], comparison.loc["SE", "last_year"]) == (793, 2022)
    assert not comparison.loc["SE", "preliminary"]
    # Where none is final, the preliminary one, marked as the registry marks it.
    assert (comparison.loc["NO", "last_value"], comparison.loc["NO", "preliminary"]) == (40, True)
    shown = tables.results.comparison_table(
        comparison.reset_index(), {"SE": "Sverige", "NO": "Norge"}, "sv"
    )
    latest = dict(zip(shown.iloc[:, 0], shown.iloc[:, 3], strict=True))
    assert latest["Sverige"].startswith("793") and "preliminärt" not in latest["Sverige"]
    assert latest["Norge"].endswith("(2023) · preliminärt")
