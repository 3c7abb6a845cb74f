"""Year columns as statistics tables head them: a preliminary year ("2025 (prel.)", "2024*")
is that year with its values noted preliminary; a split year ("2021/22") is refused, named."""

from __future__ import annotations

import pytest

from arena.ingest.read import RawTable
from arena.ingest.wide import PRELIMINARY_NOTE, unpivoted
from tests.fixtures.ingest import natural, rejected, upload

PROGRAMMES = "Kod;Namn\nP1;Programmet\n"
INDICATORS = "Kod;Namn;Enhet\nSE_COUNT;Innovationsupphandlingar;antal\n"


def _notes(engine) -> dict[tuple[str, int], str | None]:
    return {
        (row["country_code"], row["year"]): row["note"]
        for row in natural(engine, "indicator_values")
    }


@pytest.mark.parametrize("header", ["2025 (prel.)", "2025 prel", "2025*", "2025 (preliminärt)"])
def test_a_preliminary_year_is_that_year_and_its_values_say_so(engine, header):
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    data = f"Indikator;Land;2023;2024;{header}\nSE_COUNT;SE;180;200;210\nSE_COUNT;NO;;40;\n"
    result = upload(engine, "serie.csv", data)
    assert result.outcome == "committed", result.problems
    assert _notes(engine) == {
        ("SE", 2023): None,
        ("SE", 2024): None,
        ("SE", 2025): PRELIMINARY_NOTE,
        ("NO", 2024): None,
    }
    assert PRELIMINARY_NOTE == "Preliminärt"  # what the Results page reads as preliminary
    notes = [p.text("sv") for p in result.problems]
    assert notes == [
        "Åren som kolumner (2023, 2024, 2025) läses som en rad per år och värde: 4 rader av 2.",
        f"Värdena under ”{header}” är preliminära: de läses för sitt år och får anmärkningen "
        "”Preliminärt”.",
    ]
    assert all(p.severity == "warning" for p in result.problems)


def test_the_tables_own_note_is_kept_and_added_to(engine):
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    data = (
        "Indikator;Land;Kommentar;2023;2024*\n"
        "SE_COUNT;SE;t.o.m. oktober;180;200\n"
        "SE_COUNT;NO;;30;40\n"
        "SE_COUNT;DK;preliminär uppgift;5;6\n"  # says so already: kept as it is
    )
    result = upload(engine, "serie.csv", data)
    assert result.outcome == "committed", result.problems
    assert _notes(engine) == {
        ("SE", 2023): "t.o.m. oktober",
        ("SE", 2024): "t.o.m. oktober; Preliminärt",
        ("NO", 2023): None,
        ("NO", 2024): "Preliminärt",
        ("DK", 2023): "preliminär uppgift",
        ("DK", 2024): "preliminär uppgift",
    }


def test_next_years_table_makes_last_years_preliminary_value_final(engine):
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    first = "Indikator;Land;2024;2025 (prel.)\nSE_COUNT;SE;200;210\n"
    assert upload(engine, "serie.csv", first).outcome == "committed"
    later = "Indikator;Land;2024;2025;2026 (prel.)\nSE_COUNT;SE;200;212;220\n"
    result = upload(engine, "serie.csv", later)
    assert result.outcome == "committed", result.problems
    assert _notes(engine) == {("SE", 2024): None, ("SE", 2025): None, ("SE", 2026): "Preliminärt"}


def test_the_final_figure_without_a_mark_makes_a_preliminary_value_final(engine):
    # The final figure alone ("2024" after "2024*"), in a table without a note column: the
    # mark was kept for good, and the same table again changed "nothing". The mark goes, and
    # only the mark: "t.o.m. oktober" stays. A value never marked keeps its note.
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    first = (
        "Indikator;Land;Kommentar;2023;2024*\n"
        "SE_COUNT;SE;t.o.m. oktober;17000;18000\n"
        "SE_COUNT;NO;;300;310\n"
    )
    assert upload(engine, "serie.csv", first).outcome == "committed"
    final = "Indikator;Land;2023;2024\nSE_COUNT;SE;17000;18500\nSE_COUNT;NO;300;310\n"
    result = upload(engine, "slutlig.csv", final)
    assert result.outcome == "committed", result.problems
    assert _notes(engine) == {
        ("SE", 2023): "t.o.m. oktober",
        ("SE", 2024): "t.o.m. oktober",
        ("NO", 2023): None,
        ("NO", 2024): None,
    }
    said = [p.text("en") for p in result.problems if p.message.key == "import.preliminary_cleared"]
    assert said == [
        "2 values were noted preliminary and are now given without that mark: they are "
        "final, and the mark is taken off their notes."
    ]
    assert upload(engine, "slutlig.csv", final).outcome == "unchanged"
    # A long list without a note column says the same of the values it gives.
    assert upload(engine, "serie.csv", first).outcome == "committed"
    listed = "Indikator;Land;År;Värde\nSE_COUNT;NO;2024;310\n"
    assert upload(engine, "lista.csv", listed).outcome == "committed"
    assert _notes(engine)[("NO", 2024)] is None


def test_any_note_that_says_preliminary_goes_when_the_figure_comes_final(engine):
    # The demo's own wording, "Preliminärt, t.o.m. oktober", and "preliminär uppgift" stayed:
    # the final 28 was then left out of judging, and 31 of the year before judged instead.
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    listed = (
        "Indikator;Land;År;Värde;Anmärkning\n"
        "SE_COUNT;SE;2026;22;Preliminärt, t.o.m. oktober\n"
        "SE_COUNT;NO;2026;5;preliminär uppgift\n"
        "SE_COUNT;DK;2026;7;Källa: DST\n"
    )
    assert upload(engine, "lista.csv", listed).outcome == "committed"
    final = "Indikator;Land;2026\nSE_COUNT;SE;28\nSE_COUNT;NO;6\nSE_COUNT;DK;7\n"
    assert upload(engine, "slutlig.csv", final).outcome == "committed"
    # Only the words that say so go: "t.o.m. oktober" is still true of the final figure.
    assert _notes(engine) == {
        ("SE", 2026): "t.o.m. oktober",
        ("NO", 2026): None,
        ("DK", 2026): "Källa: DST",
    }


def test_a_marked_year_leaves_the_other_years_notes_as_they_are(engine):
    # The column that marks the preliminary year said "" of the others: their notes went.
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    listed = "Indikator;Land;År;Värde;Anmärkning\nSE_COUNT;SE;2023;17;Källa: SCB\n"
    assert upload(engine, "lista.csv", listed).outcome == "committed"
    marked = "Indikator;Land;2023;2024;2025*\nSE_COUNT;SE;17;18;19\n"
    result = upload(engine, "serie.csv", marked)
    assert result.outcome == "committed", result.problems
    assert _notes(engine) == {
        ("SE", 2023): "Källa: SCB",
        ("SE", 2024): None,
        ("SE", 2025): "Preliminärt",
    }
    # A later table with 2024 marked keeps 2023's note and marks 2024 beside it.
    later = "Indikator;Land;2023;2024*\nSE_COUNT;SE;17;18\n"
    assert upload(engine, "serie.csv", later).outcome == "committed"
    assert _notes(engine)[("SE", 2023)] == "Källa: SCB"
    assert _notes(engine)[("SE", 2024)] == "Preliminärt"


def test_a_preliminary_budget_year_is_read_and_said_to_keep_no_note(engine):
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    result = upload(engine, "budget.csv", "Program;2025;2026 (prel.)\nP1;2 000 000;2 500 000\n")
    assert result.outcome == "committed", result.problems
    budgets = [(b["year"], b["amount_sek"]) for b in natural(engine, "budgets")]
    assert budgets == [(2025, 2_000_000), (2026, 2_500_000)]
    assert result.problems[-1].text("en") == (
        "The values under “2026 (prel.)” are marked preliminary, but a budget has no note to "
        "say so: they are read as the other years, without “Preliminärt”."
    )
    assert result.problems[-1].severity == "warning"


@pytest.mark.parametrize("split", ["2021/22", "2021/2022", "2021–22", "2021-22"])
def test_a_split_year_in_an_indicator_series_is_refused_by_name(engine, split):
    assert upload(engine, "indikatorer.csv", INDICATORS).outcome == "committed"
    data = f"Indikator;Land;2019;2020;{split};2025 (prel.)\nSE_COUNT;SE;1;2;3;4\n"
    assert rejected(engine, "serie.csv", data) == [(1, split, "format-error")]
    (error,) = [p for p in upload(engine, "serie.csv", data).problems if p.severity == "error"]
    assert error.text("sv") == (
        f"Kolumnen ”{split}” är inget enskilt år: en kolumn per år ska ange ett kalenderår "
        "(2021), inte ett delat år eller flera (2021/22). Ge kolumnen rubriken för det "
        "kalenderår dess värden gäller, eller dela upp dem per kalenderår."
    )


def test_split_years_in_a_budget_are_refused_too_even_alone(engine):
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    mixed = "Program;2021;2021/22\nP1;100;200\n"
    assert rejected(engine, "budget.csv", mixed) == [(1, "2021/22", "format-error")]
    alone = "Program;Budget 2021/22;Budget 2022/23\nP1;100;200\n"
    assert rejected(engine, "budget.csv", alone) == [
        (1, "Budget 2021/22", "format-error"),
        (1, "Budget 2022/23", "format-error"),
    ]


def test_headers_that_are_no_split_year_are_read_as_before():
    # A month ("2019-01") and a span ("2019-2021") are not a split year: such a header stays
    # what it was, and ordinary years are asked for under the same headers as before.
    for header in (["Indikator", "2019-01", "2019-02"], ["Program", "Period 2019-2021"]):
        raw = RawTable.from_rows("x.csv", header, [["SE", "1", "2"][: len(header)]])
        assert unpivoted(raw, lambda _header: True) is None
    asked: list[list[str]] = []

    def fits(header: list[str]) -> bool:
        asked.append(header)
        return header[-1] == "Värde"

    raw = RawTable.from_rows("serie.csv", ["Indikator", "2016", "2017*"], [["SE", "1", "2"]])
    table = unpivoted(raw, fits)
    assert table is not None
    # With a preliminary year, the measured values get a note column of their own.
    assert asked == [["Indikator", "År", "Belopp"], ["Indikator", "Anmärkning", "År", "Värde"]]
    assert table.rows == [["SE", "", 2016, "1"], ["SE", "Preliminärt", 2017, "2"]]


def test_an_indicators_years_as_columns_are_never_read_as_a_budget(engine):
    # "Indikator;Program;2023;2024" fits budgets too (a programme, years, amounts): read so,
    # the indicator's values overwrote the programme's budgets, the indicator unread.
    assert upload(engine, "program.csv", PROGRAMMES).outcome == "committed"
    assert upload(engine, "budget.csv", "Program;2025\nP1;2 000 000\n").outcome == "committed"
    indicators = "Kod;Namn;Enhet;Program\nP_COUNT;Programmets;antal;P1\n"
    assert upload(engine, "indikatorer.csv", indicators).outcome == "committed"
    result = upload(engine, "serie.csv", "Indikator;Program;2024;2025\nP_COUNT;P1;3;4\n")
    assert result.outcome == "committed", result.problems
    assert result.kinds == ["indicator_values"]
    assert [(b["year"], b["amount_sek"]) for b in natural(engine, "budgets")] == [(2025, 2_000_000)]
    assert [(row["year"], row["value"]) for row in natural(engine, "indicator_values")] == [
        (2024, 3.0),
        (2025, 4.0),
    ]
