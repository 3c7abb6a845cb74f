"""Import problems, undo refusals and the CLI speak through the one catalogue: a problem is a
key with values, written in the reader's language when read, and every count agrees with its
number in both languages ("1 rad", "2 rader"; "1 row", "2 rows")."""

from __future__ import annotations

import pickle
import string

import pytest

from arena import dataops, i18n
from arena.auth import cli_identity
from arena.cli import main
from arena.ingest.layouts import kind_choices
from arena.ingest.report import (
    Problem,
    distinct_problems,
    kind_name,
    listing,
    problems_frame,
    quoted,
)
from tests.fixtures.ingest import upload, with_organisations

HEADER = "Diarienummer;Titel;Status;Koordinator;Startdatum\n"
PROJECTS = [
    "2020-00001;Smart belysning;planerad;Göteborgs kommun;2020-01-01\n",
    "2020-00002;Fossilfria maskiner;pågår;;2020-03-01\n",
]


def _projects(count: int) -> str:
    return HEADER + "".join(PROJECTS[:count])


# --- Problems are messages ---------------------------------------------------------------------


def test_a_problem_is_written_in_the_readers_language_with_its_quotes() -> None:
    problem = Problem("constraint-error", i18n.msg("problem.required", label="Titel"), row=3)
    assert problem.text("sv") == "”Titel” måste fyllas i."
    assert problem.text("en") == "“Titel” is required."
    frame = problems_frame([problem], "en")
    assert frame["message"].tolist() == ["“Titel” is required."]
    assert frame["row"].tolist() == [3]


def test_distinct_problems_drop_repeats_of_the_same_message_only() -> None:
    def required(label: str) -> Problem:
        return Problem("constraint-error", i18n.msg("problem.required", label=label), row=2)

    kept = distinct_problems([required("Titel"), required("Titel"), required("Status")])
    assert [problem.text("en") for problem in kept] == [
        "“Titel” is required.",
        "“Status” is required.",
    ]


def test_lists_join_and_quote_the_way_each_language_does() -> None:
    names = listing([quoted("Start"), quoted("Slut"), quoted("Period")], "list.slash")
    assert names.render("sv") == "”Start” / ”Slut” / ”Period”"
    assert names.render("en") == "“Start” / “Slut” / “Period”"
    assert listing([]).render("sv") == "inga"
    # Hundreds of sheet names are written without running out of stack.
    many = listing([quoted(f"Blad {n}") for n in range(5000)])
    assert many.render("en").count("“") == 5000


def test_a_kind_is_named_by_the_catalogue_and_lowered_inside_a_sentence() -> None:
    assert kind_name("grants").render("sv") == "Bidrag"
    assert kind_name("grants", lower=True).render("en") == "grants"
    twice = i18n.msg(
        "import.kind_twice", kind=kind_name("participants", lower=True), files="a.csv, b.csv"
    )
    assert twice.render("sv") == (
        "Flera filer innehåller projektdeltagare (a.csv, b.csv); ladda upp en i taget."
    )


def test_no_catalogue_text_names_a_placeholder_that_t_itself_takes() -> None:
    """`t(key, language, **values)`: a text with a `{key}` or `{language}` could never be
    filled, and the message naming it would fail only when someone reads it."""
    taken = {"key", "language"}
    for key, entry in i18n.TEXTS.items():
        for text in entry.values():
            for form in text if isinstance(text, tuple) else (text,):
                names = {name for _, name, _, _ in string.Formatter().parse(form) if name}
                assert not names & taken, key


# --- Counts agree with their number -----------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "sv", "en"),
    [
        (1, "Förhandsgranskning: 1 ny; inget", "Preview: 1 new; nothing"),
        (2, "Förhandsgranskning: 2 nya; inget", "Preview: 2 new; nothing"),
    ],
)
def test_the_import_summary_agrees_with_its_count(engine, count, sv, en) -> None:
    with_organisations(engine)
    result = upload(engine, "projekt.csv", _projects(count), dry_run=True)
    assert result.outcome == "dry-run"
    assert result.summary("sv").startswith(sv)
    assert result.summary("en").startswith(en)


@pytest.mark.parametrize(
    ("count", "sv", "en"),
    [
        (1, "avvisades med 1 fel och inget har ändrats. Rätta felet", "with 1 error and"),
        (2, "avvisades med 2 fel och inget har ändrats. Rätta felen", "with 2 errors and"),
    ],
)
def test_a_rejection_counts_its_errors_in_both_languages(engine, count, sv, en) -> None:
    with_organisations(engine)
    bad = _projects(2).replace("planerad", "kanske")
    if count == 2:
        bad = bad.replace("pågår", "kanske")
    result = upload(engine, "projekt.csv", bad)
    assert result.outcome == "rejected"
    assert sv in result.summary("sv")
    assert en in result.summary("en")


@pytest.mark.parametrize(
    ("count", "sv", "en"),
    [
        (1, "ångrad: 1 rad borttagen, 0 återställda.", "undone: 1 row removed, 0 restored."),
        (2, "ångrad: 2 rader borttagna, 0 återställda.", "undone: 2 rows removed, 0 restored."),
    ],
)
def test_the_undo_says_how_many_rows_it_removed(engine, count, sv, en) -> None:
    with_organisations(engine)
    committed = upload(engine, "projekt.csv", _projects(count))
    assert committed.outcome == "committed"
    # Undo, commit again and undo again: the same plan told in each language.
    first = dataops.undo(engine, committed.import_id, "sv", identity=cli_identity())
    again = upload(engine, "projekt2.csv", _projects(count))
    second = dataops.undo(engine, again.import_id, "en", identity=cli_identity())
    assert first.ok and second.ok
    assert first.message == f"Import {committed.import_id} {sv}"
    assert second.message == f"Import {again.import_id} {en}"


def test_an_undo_refusal_names_its_rows_in_the_readers_language(engine) -> None:
    with_organisations(engine)
    committed = upload(engine, "projekt.csv", _projects(1))
    dataops.undo(engine, committed.import_id, "sv", identity=cli_identity())
    refused = dataops.undo(engine, committed.import_id, "sv", identity=cli_identity())
    assert not refused.ok
    # Undone already: said with who undid it, not only its status (as a second click asks).
    assert refused.message.startswith(f"Importen {committed.import_id} är redan ångrad: cli:"), (
        refused.message
    )
    missing = dataops.undo(engine, 999, "en", identity=cli_identity())
    assert missing.message == "Import 999 does not exist."


NEW_COORDINATORS = [
    "2020-00001;Smart belysning;planerad;Nytt Bolag AB;2020-01-01\n",
    "2020-00002;Fossilfria maskiner;pågår;Nytt Bolag AB;2020-03-01\n",
    "2020-00003;Solceller;planerad;Annat Bolag AB;2020-04-01\n",
]


@pytest.mark.parametrize(
    ("lines", "summary", "organisations", "rows"),
    [
        (
            1,
            "Preview: 2 new; nothing",  # the project and its new coordinator
            "New organisation (1), added because the file names it:",
            "  Nytt Bolag AB: row 2",
        ),
        (
            3,
            "Preview: 5 new; nothing",
            "New organisations (2), added because the file names them:",
            "  Nytt Bolag AB: rows 2, 3",
        ),
    ],
)
def test_the_cli_summary_agrees_with_its_counts(
    engine, tmp_path, capsys, lines, summary, organisations, rows
) -> None:
    with_organisations(engine)
    path = tmp_path / "projekt.csv"
    path.write_text(HEADER + "".join(NEW_COORDINATORS[:lines]), encoding="utf-8")
    assert main(["import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"projekt.csv: {summary}" in out
    assert organisations in out
    assert rows in out


def test_a_message_comes_back_from_a_cache_as_it_was_written() -> None:
    # A page's cache pickles what it keeps: a message of its own kind (a lowered name, an
    # amount, a choice of kinds) came back as a plain Message, written otherwise or not at all.
    said = i18n.msg(
        "import.kinds_tied",
        file="a.csv",
        kinds=listing([kind_name("programmes", lower=True), i18n.sek(5)]),
        known=kind_choices(),
    )
    again = pickle.loads(pickle.dumps(Problem("format-error", said)))
    for language in i18n.LANGUAGES:
        assert again.text(language) == said.render(language)
        assert again.text(language, command_line=True) == Problem("format-error", said).text(
            language, command_line=True
        )
