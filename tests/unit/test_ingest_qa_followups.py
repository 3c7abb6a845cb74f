"""What a QA pass of users' real files found in the import, each through the pipeline and the
command line:

- a projects list without Status (an officer's list of end dates) updates the stored projects,
  which keep their status; a project it adds gets the status its dates say, as a flat project
  sheet's does, and undoing the update restores what was stored;
- subtotal rows within a list ("Summa Kalmar län" and the county's amounts after its projects)
  are passed over with a warning naming each, in CSV and in Excel; a row that only lacks its
  key is still refused for it;
- `--column` is offered only for a header that may be the column a file lacks (its values
  read as the column's, or its name is like it), never one unrelated header for a title.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from arena import dataops
from arena.auth import cli_identity
from arena.cli import main
from arena.ingest import undo
from tests.fixtures.ingest import (
    dump,
    errors,
    load_files,
    natural,
    rejected,
    saved_workbook,
    upload,
    warnings,
    with_organisations,
)

PROJECTS = (
    "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
    "2020-00001;Smart belysning;pågående;2020-01-01;2021-12-31\n"
    "2020-00002;Snöröjning med drönare;avbrutet;2020-03-01;2022-06-30\n"
)
END_DATES = (
    "Diarienummer;Titel;Slutdatum\n"
    "2020-00001;Smart belysning;2023-12-31\n"
    "2020-00002;Snöröjning med drönare;2024-06-30\n"
)


def _by_reference(engine) -> dict[str, dict]:
    return {row["reference"]: row for row in natural(engine, "projects")}


# --- 1. A projects list without Status -------------------------------------------------------


def test_a_projects_list_without_status_updates_the_stored_projects_which_keep_theirs(engine):
    load_files(engine, {"projekt.csv": PROJECTS})
    preview = upload(engine, "slutdatum.csv", END_DATES, dry_run=True)
    assert preview.outcome == "dry-run", preview.problems
    assert preview.counts["updated"] == 2 and preview.counts["new"] == 0
    assert not errors(preview)
    result = upload(engine, "slutdatum.csv", END_DATES)
    assert result.outcome == "committed", result.problems
    projects = _by_reference(engine)
    assert {ref: (row["status"], row["end_date"]) for ref, row in projects.items()} == {
        "2020-00001": ("ongoing", date(2023, 12, 31)),
        "2020-00002": ("cancelled", date(2024, 6, 30)),  # a stored status is never guessed over
    }
    assert projects["2020-00001"]["start_date"] == date(2020, 1, 1)  # not in the file: kept


def test_a_list_of_diarienummer_and_titles_alone_is_a_projects_list(engine):
    # Milestones have a title and a diarienummer too, but are known by their due date: the
    # list was "no known kind of data" before.
    load_files(engine, {"projekt.csv": PROJECTS})
    titles = "Diarienummer;Titel\n2020-00001;Smart belysning i Umeå\n"
    result = upload(engine, "titlar.csv", titles)
    assert result.outcome == "committed", result.problems
    projects = _by_reference(engine)
    assert (projects["2020-00001"]["title"], projects["2020-00001"]["status"]) == (
        "Smart belysning i Umeå",
        "ongoing",
    )


def test_a_project_the_list_adds_gets_the_status_its_dates_say(engine):
    """As a flat project sheet's new projects do (the same list with a `Län` column is one):
    after its end completed, before its start planned, in between ongoing, without dates
    planned."""
    load_files(engine, {"projekt.csv": PROJECTS})
    today = date.today()
    later, earlier = today + timedelta(days=400), today - timedelta(days=400)
    result = upload(
        engine,
        "nya.csv",
        "Diarienummer;Titel;Startdatum;Slutdatum\n"
        f"2020-00001;Smart belysning;2020-01-01;{later}\n"
        f"2024-00010;Avslutad;2019-01-01;{earlier}\n"
        f"2024-00011;Kommande;{later};\n"
        f"2024-00012;Pågår;{earlier};{later}\n"
        "2024-00013;Utan datum;;\n",
    )
    assert result.outcome == "committed", result.problems
    status = {ref: row["status"] for ref, row in _by_reference(engine).items()}
    assert status == {
        "2020-00001": "ongoing",  # stored, kept
        "2020-00002": "cancelled",
        "2024-00010": "completed",
        "2024-00011": "planned",
        "2024-00012": "ongoing",
        "2024-00013": "planned",
    }


def test_undoing_an_update_without_status_restores_the_store(engine):
    load_files(engine, {"projekt.csv": PROJECTS})
    before = dump(engine, history=False)
    result = upload(engine, "slutdatum.csv", END_DATES)
    assert result.outcome == "committed", result.problems
    assert dump(engine, history=False) != before
    undo(engine, result.import_id, identity=cli_identity())
    assert dump(engine, history=False) == before


def test_a_projects_list_without_status_through_the_command_line(engine, tmp_path, capsys):
    load_files(engine, {"projekt.csv": PROJECTS})
    path = tmp_path / "slutdatum.csv"
    path.write_text(END_DATES, encoding="utf-8")
    assert main(["import", str(path), "--dry-run"]) == 0
    assert "slutdatum.csv: Preview: 2 updated" in capsys.readouterr().out
    assert main(["import", str(path)]) == 0
    assert {row["status"] for row in natural(engine, "projects")} == {"ongoing", "cancelled"}


def test_a_status_left_empty_keeps_the_stored_one_and_other_missing_columns_are_refused(engine):
    load_files(engine, {"projekt.csv": PROJECTS})
    # A blank cell is "not given here" (refused before, as a required cell): the stored
    # project keeps its status, said so, as a list without the column keeps it.
    empty = "Diarienummer;Titel;Status\n2020-00001;Smart belysning;\n"
    result = upload(engine, "tom.csv", empty, dry_run=True)
    assert not result.plan.changes_anything, result.counts
    (kept,) = [p for p in result.problems if p.column == "Status"]
    assert (kept.row, kept.severity) == (2, "warning"), kept.text("en")
    assert kept.text("en").startswith("1 stored value in “Status” is kept where the file leaves")
    # A title has no guess: a list without one is refused for it, whatever its rows.
    untitled = "Diarienummer;Status;Slutdatum\n2020-00001;pågående;2023-12-31\n"
    assert rejected(engine, "utan_titel.csv", untitled, kind="projects") == [
        (1, "Titel", "missing-label")
    ]


FLAT = (
    "Diarienummer;Projektnamn;Koordinator;Finansiär;Beviljat belopp;Projektperiod\n"
    "Y-1;Elbussar;Bussfirma AB;Vinnova;400 000 kr;2020-01-01 – {end}\n"
)


def test_a_status_from_the_dates_follows_the_dates_a_corrected_list_gives(engine):
    """The first list's "completed" came from its dates; its correction runs the project on
    to a later year: the status is what those dates say, shown as a change, and undone."""
    later = date.today() + timedelta(days=400)
    assert upload(engine, "lista.csv", FLAT.format(end="2021-06-30")).outcome == "committed"
    assert _by_reference(engine)["Y-1"]["status"] == "completed"
    before = dump(engine, history=False)
    preview = upload(engine, "lista.csv", FLAT.format(end=later), dry_run=True)
    (projects,) = [
        kind for kind in dataops.preview_frames(preview, "en").kinds if kind.label == "Projects"
    ]
    assert projects.changes[["Column", "Before", "After"]].to_dict("records") == [
        {"Column": "End date", "Before": "2021-06-30", "After": str(later)},
        {"Column": "Status", "Before": "Completed", "After": "Ongoing"},
    ]
    result = upload(engine, "lista.csv", FLAT.format(end=later))
    assert result.outcome == "committed", result.problems
    assert not warnings(result)
    assert _by_reference(engine)["Y-1"]["status"] == "ongoing"
    undo(engine, result.import_id, identity=cli_identity())
    assert dump(engine, history=False) == before


def _with_status(status: str) -> str:
    """`FLAT` with a Status column giving `status`."""
    return FLAT.replace("Projektperiod\n", "Projektperiod;Status\n").replace(
        "{end}\n", "{end};" + status + "\n"
    )


def test_a_status_the_dates_do_not_give_is_kept_with_a_warning_where_they_say_another(engine):
    later = date.today() + timedelta(days=400)
    first = upload(engine, "lista.csv", _with_status("planerat").format(end="2021-06-30"))
    assert first.outcome == "committed", first.problems
    result = upload(engine, "lista.csv", FLAT.format(end=later))
    assert result.outcome == "committed", result.problems
    assert _by_reference(engine)["Y-1"]["status"] == "planned"
    (warning,) = [p for p in result.problems if p.severity == "warning"]
    assert (warning.row, warning.column) == (2, "Status")
    assert "stays Planned as stored, though the new dates say Ongoing" in warning.text("en")
    # Dates that leave the status as it was say nothing.
    again = upload(engine, "lista.csv", FLAT.format(end=later))
    assert not warnings(again)


@pytest.mark.parametrize(("given", "stored"), [("avbrutet", "cancelled"), ("önskat", "desired")])
def test_a_cancelled_or_desired_project_keeps_its_status_without_a_word_whatever_its_dates(
    engine, given, stored
):
    """A cancelled project legitimately has dates that say ongoing or completed: new ones
    are no news about its status."""
    later = date.today() + timedelta(days=400)
    first = upload(engine, "lista.csv", _with_status(given).format(end="2021-06-30"))
    assert first.outcome == "committed", first.problems
    result = upload(engine, "lista.csv", FLAT.format(end=later))
    assert result.outcome == "committed", result.problems
    assert not warnings(result)
    assert _by_reference(engine)["Y-1"]["status"] == stored


def test_a_date_a_list_leaves_blank_moves_no_status(engine):
    """A blank date cell is unknown: a completed project stays completed when a later list
    leaves Slutdatum blank, and an ongoing one with both blank is not made planned."""
    given = (
        "Diarienummer;Titel;Status;Startdatum;Slutdatum\n"
        "B-1;Klar sedan 2020;Avslutad;2019-01-01;2020-12-31\n"
        "B-2;Pågår;Pågående;2021-01-01;2030-12-31\n"
    )
    assert upload(engine, "projekt.csv", given).outcome == "committed"
    blank = (
        "Diarienummer;Titel;Startdatum;Slutdatum\nB-1;Klar sedan 2020;2019-01-01;\nB-2;Pågår;;\n"
    )
    result = upload(engine, "projekt.csv", blank)
    # The blank dates keep the stored ones (`plan._kept_blanks`), said, and nothing changes.
    assert result.outcome == "unchanged", result.problems
    assert [p.message.key for p in result.problems] == ["import.blank_kept"] * 2
    stored = _by_reference(engine)
    assert (stored["B-1"]["status"], stored["B-2"]["status"]) == ("completed", "ongoing")
    assert (stored["B-1"]["end_date"], stored["B-2"]["start_date"]) == (
        date(2020, 12, 31),
        date(2021, 1, 1),
    )


@pytest.mark.parametrize(
    ("header", "end"),
    [("Startdatum;Slutdatum", "2017-03-01;tills vidare"), ("Period", "2017-03 – pågår")],
)
def test_an_end_the_list_states_open_moves_a_status_from_the_dates_as_a_later_end(
    engine, header, end
):
    """'tills vidare' cleared the stored end, but the status its dates gave stayed completed
    without a word, as if the cell were blank; a stated open end runs the project on."""
    given = "Diarienummer;Titel;Startdatum;Slutdatum\nO-1;Elbussar;2017-03-01;2019-06-30\n"
    assert upload(engine, "projekt.csv", given).outcome == "committed"
    assert _by_reference(engine)["O-1"]["status"] == "completed"
    before = dump(engine, history=False)
    result = upload(engine, "projekt.csv", f"Diarienummer;Titel;{header}\nO-1;Elbussar;{end}\n")
    assert result.outcome == "committed", result.problems
    assert not warnings(result)
    stored = _by_reference(engine)["O-1"]
    assert (stored["end_date"], stored["status"]) == (None, "ongoing")
    undo(engine, result.import_id, identity=cli_identity())
    assert dump(engine, history=False) == before


# --- 2. Subtotal rows within a list ----------------------------------------------------------

SHEET = (
    "Diarienummer;Titel;Koordinator;Län;Status;Bidrag från Vinnova\n"
    "2020-00001;Smart belysning;Göteborgs kommun;Västra Götalands län;pågående;100 000 kr\n"
    "2020-00002;Snöröjning;Göteborgs kommun;Västra Götalands län;pågående;200 000 kr\n"
    "Summa Västra Götalands län;;;;;300 000 kr\n"
    "2020-00003;Isbanor;Teknikföretagens Service i Sverige AB;Kalmar län;avslutat;50 000 kr\n"
    ";Delsumma:;;;;50 000 kr\n"
    "Totalt;;;;;350 000 kr\n"
)


def test_subtotal_rows_within_a_flat_sheet_are_passed_over_with_a_warning(engine):
    with_organisations(engine)
    result = upload(engine, "lista.csv", SHEET)
    assert result.outcome == "committed", result.problems
    assert [row["reference"] for row in natural(engine, "projects")] == [
        "2020-00001",
        "2020-00002",
        "2020-00003",
    ]
    assert sorted(grant["amount_sek"] for grant in natural(engine, "grants")) == [
        50_000,
        100_000,
        200_000,
    ]
    skipped = [(p.row, p.value, p.text("en")) for p in result.problems if p.error == "row-error"]
    assert skipped == [
        (
            4,
            "Summa Västra Götalands län",
            "The row is a subtotal within the list (“Summa Västra Götalands län”) and is no "
            "record; it is skipped.",
        ),
        (
            6,
            "Delsumma:",
            "The row is a subtotal within the list (“Delsumma:”) and is no record; it is skipped.",
        ),
        (7, "Totalt", "The row sums up the list (“Totalt”) and is no record; it is skipped."),
    ]
    assert all(p.severity == "warning" for p in result.problems if p.error == "row-error")


def test_subtotal_rows_within_a_workbook_are_passed_over(engine):
    """The same in Excel, the sums typed as numbers, a label in the title column, a group
    sum with a per cent beside it."""
    with_organisations(engine)
    load_files(engine, {"projekt.csv": PROJECTS})
    _, grants = saved_workbook(
        (
            "Bidrag",
            [
                ["Bidragsreferens", "Diarienummer", "Finansiär", "Belopp", "Andel"],
                ["G-1", "2020-00001", "Vinnova", 100_000, "40 %"],
                [None, None, "Summa Vinnova", 100_000, "40 %"],
                ["G-2", "2020-00002", "Göteborgs kommun", 150_000, "60 %"],
                ["SUBTOTAL: kommuner", None, None, 150_000.0, None],
                ["G-3", "2020-00002", "Vinnova", 5_000, None],
            ],
        )
    )
    result = upload(engine, "bidrag.xlsx", grants, kind="grants")
    assert not errors(result)
    assert result.outcome == "committed", result.problems
    assert [g["reference"] for g in natural(engine, "grants")] == ["G-1", "G-2", "G-3"]
    assert [(p.row, p.value) for p in result.problems if p.error == "row-error"] == [
        (3, "Summa Vinnova"),
        (5, "SUBTOTAL: kommuner"),
    ]


def test_excels_own_subtotals_name_the_group_first(engine):
    """Excel's Data > Subtotal writes the sum word after the group ("Kalmar län Summa",
    "Kalmar Total") and a grand total under the list."""
    with_organisations(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Län;Status;Bidrag från Vinnova\n"
        "2020-00001;Smart belysning;Göteborgs kommun;Västra Götalands län;pågående;100 000\n"
        ";;;Västra Götalands län Summa;;100 000\n"
        "2020-00003;Isbanor;Teknikföretagens Service i Sverige AB;Kalmar län;avslutat;50 000\n"
        ";;;Kalmar Total;;50 000\n"
        ";;;Totalsumma;;150 000\n"
    )
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert [row["reference"] for row in natural(engine, "projects")] == [
        "2020-00001",
        "2020-00003",
    ]
    skipped = [(p.row, p.value) for p in result.problems if p.error == "row-error"]
    assert skipped[:2] == [(3, "Västra Götalands län Summa"), (5, "Kalmar Total")]
    assert len(skipped) == 3 and skipped[2][0] == 6


def test_a_row_without_its_key_that_is_no_subtotal_is_refused_as_before(engine):
    """Only a label and amounts make a subtotal: a title of its own, a date, a name besides
    it, a word that only begins like a sum, or no sum word at all leave the row a record
    missing its key."""
    load_files(engine, {"projekt.csv": PROJECTS})
    listing = (
        "Diarienummer;Titel;Status;Slutdatum;Koordinator\n"
        "2020-00001;Smart belysning;pågående;2023-12-31;\n"
        "Summa;Vägar;pågående;;\n"  # a title besides the label
        ";Summa vägar;;2023-12-31;\n"  # a date
        ";Summa vägar;;;Göteborgs kommun\n"  # a name
        ";Summeringsverktyg;pågående;;\n"  # begins like a sum word, and is none
        ";Vägar i Kalmar;;;\n"  # no sum word
        ";Vägar i Kalmar totalsummering;;;\n"  # ends like a sum word, and is none
    )
    found = rejected(engine, "lista.csv", listing)
    assert {row for row, column, _error in found if column == "Diarienummer"} == {4, 5, 6, 7, 8}
    assert (3, "Titel", "constraint-error") not in found  # a key "Summa" with its title
    assert not [w for w in warnings(upload(engine, "lista.csv", listing)) if w[2] == "row-error"]


def test_a_project_whose_title_begins_with_a_sum_word_is_a_project(engine):
    with_organisations(engine)
    result = upload(
        engine,
        "projekt.csv",
        "Diarienummer;Titel;Status\n"
        "12345;Summa summarum: vägar;pågående\n"
        "12346;Total omställning;pågående\n",
    )
    assert result.outcome == "committed", result.problems
    assert [row["title"] for row in natural(engine, "projects")] == [
        "Summa summarum: vägar",
        "Total omställning",
    ]


# --- 3. `--column` offered for plausible headers only ----------------------------------------


def test_an_unrelated_header_is_never_offered_for_a_missing_column(engine, tmp_path, capsys):
    path = tmp_path / "projekt.csv"
    path.write_text("Diarienummer;Status;Kommentar\n2020-00001;pågående;ring Eva\n")
    result = upload(engine, "projekt.csv", path.read_text(), kind="projects", dry_run=True)
    assert result.outcome == "rejected" and result.meant == []
    assert main(["import", str(path), "--kind", "projects", "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert '--column "Kommentar' not in err
    assert (
        "The file lacks “Titel”; no header that is not read (“Kommentar”) looks like what is "
        'missing. If one is all the same, say which with --column "HEADER=COLUMN".'
    ) in err


def test_a_header_is_offered_where_its_values_or_name_fit(engine, tmp_path, capsys):
    """Amounts for an amount, dates for a date, a name like the column's; the unrelated
    comment beside them is offered for nothing."""
    with_organisations(engine)
    path = tmp_path / "utbetalningar.csv"
    path.write_text(
        "Bidragsreferens;Kommentar;Dag;Summa\nG-1;ring Eva;2020-03-01;100 000 kr\n",
        encoding="utf-8",
    )
    assert main(["import", str(path), "--kind", "disbursements", "--dry-run"]) == 1
    assert (
        'e.g. --column "Dag=Utbetalningsdatum" --column "Summa=Belopp".'
    ) in capsys.readouterr().err
    result = upload(
        engine,
        "projekt.csv",
        "Diarienummer;Status;Projekttiteln (kort)\n2020-00001;pågående;Smart belysning\n",
        kind="projects",
    )
    # ("Projekttitel (kort)" is the title itself: a note in brackets after a header is aside.)
    assert result.meant == [("Projekttiteln (kort)", "Titel")]


def test_of_two_alike_headers_neither_is_offered(engine):
    """Two headers of amounts for one missing amount: which is meant is the person's to say,
    and the command line lists them unpaired. One header is never offered for two columns."""
    with_organisations(engine)
    both = "Bidragsreferens;Diarienummer;Finansiär;Antal;Summa\nG-1;2020-00001;Vinnova;5;100\n"
    assert upload(engine, "bidrag.csv", both, dry_run=True).meant == []
    one = "Bidragsreferens;Belopp;Summa\nG-1;100;2020-03-01\n"
    result = upload(engine, "utbetalningar.csv", one, kind="disbursements", dry_run=True)
    assert result.meant == [("Summa", "Utbetalningsdatum")]
    year = "Program;Belopp;Budgetår 2;Kommentar\nP-1;100;2024;x\n"
    meant = upload(engine, "budget.csv", year, kind="budgets", dry_run=True).meant
    assert meant == [("Budgetår 2", "År")]


@pytest.mark.parametrize(
    "header", ["Namn;Län", "Namn;Organisationsnummer", "Namn;Land", "Namn;Län;Organisationsnummer"]
)
def test_a_list_of_organisations_without_their_type_is_asked_for_the_type(engine, header):
    # Buyer groups are known by a name alone, so such a list was stored as buyer groups, its
    # county or number dropped with a warning. It reads more as organisations, which need
    # their type: a new one whose name says it (`Kiruna kommun`) gets it, as a project
    # sheet's coordinator does; one whose name says nothing is refused naming the column.
    values = {"Län": "Norrbottens län", "Land": "SE", "Organisationsnummer": "212000-2627"}
    names = header.split(";")
    for name, outcome in [("Kirunabostäder", "rejected"), ("Kiruna kommun", "committed")]:
        row = ";".join([name, *(values[column] for column in names[1:])])
        result = upload(engine, "organisationer.csv", f"{header}\n{row}\n")
        assert result.outcome == outcome
        assert [p.column for p in result.problems if p.severity == "error"] == (
            ["Typ"] if outcome == "rejected" else []
        )
    assert natural(engine, "buyer_groups") == []
    assert [(o["name"], o["kind"]) for o in natural(engine, "organisations")] == [
        ("Kiruna kommun", "municipality")
    ]


@pytest.mark.parametrize("header", ["Namn;Nätverkstyp;Län;Land", "Namn;Län;Typ av nätverk"])
def test_a_list_of_networks_with_a_county_stays_a_list_of_networks(engine, header):
    # Known by more than the name alone, it is not taken for organisations without a type.
    values = {"Namn": "Nätverket", "Nätverkstyp": "buyer_group", "Typ av nätverk": "buyer_group"}
    values |= {"Län": "Norrbottens län", "Land": "SE"}
    row = ";".join(values[name] for name in header.split(";"))
    result = upload(engine, "natverk.csv", f"{header}\n{row}\n")
    assert result.outcome == "committed", result.problems
    assert [group["name"] for group in natural(engine, "buyer_groups")] == ["Nätverket"]


def test_goals_and_themes_a_list_writes_its_own_way_are_found_by_the_filters(engine):
    # "7, 11, 13", "7;11" and "SDG 7" were stored as written and no goal filter found them;
    # a goal 18 was stored without a word.
    from arena.filters import Filters
    from arena.queries import portfolio

    listed = (
        (
            "Diarienummer;Titel;Status;Globala mål;Teman\n"
            "2024-00001;A;pågående;7, 11, 13;Energi;Transport\n"
            "2024-00002;B;pågående;7;11;Transport\n"
            "2024-00003;C;pågående;SDG 7;Energi\n"
        )
        .replace("Energi;Transport", '"Energi;Transport"')
        .replace(";7;11;", ';"7;11";')
    )
    assert upload(engine, "projekt.csv", listed).outcome == "committed"
    stored = {p["reference"]: (p["sdg_goals"], p["themes"]) for p in natural(engine, "projects")}
    assert stored == {
        "2024-00001": ("7; 11; 13", "Energi; Transport"),
        "2024-00002": ("7; 11", "Transport"),
        "2024-00003": ("7", "Energi"),
    }

    def found(**chosen: tuple[str, ...]) -> list[str]:
        table = portfolio.project_table(engine, filters=Filters(**chosen))
        return sorted(table["reference"])

    assert found(goals=("11",)) == ["2024-00001", "2024-00002"]
    assert found(themes=("Transport",)) == ["2024-00001", "2024-00002"]
    bad = "Diarienummer;Titel;Status;Globala mål\n2024-00004;D;pågående;18\n"
    assert rejected(engine, "projekt2.csv", bad) == [(2, "Globala mål", "constraint-error")]


def test_an_english_lists_thousands_are_not_read_as_decimals(engine):
    # "1,234" beside "1,234,567" in one column was stored as 1.234, without a word.
    indicator = "Kod;Namn;Enhet\nNO_DOFFIN_INNOVATION;Innovationsupphandlingar;antal\n"
    assert upload(engine, "indikatorer.csv", indicator).outcome == "committed"
    values = (
        "Indicator,Country,Year,Value\n"
        'NO_DOFFIN_INNOVATION,NO,2021,"1,234"\n'
        'NO_DOFFIN_INNOVATION,NO,2022,"12,345"\n'
        'NO_DOFFIN_INNOVATION,NO,2023,"1,234,567"\n'
    )
    result = upload(engine, "utfall.csv", values)
    assert result.outcome == "committed", result.problems
    assert not warnings(result)
    stored = sorted(row["value"] for row in natural(engine, "indicator_values"))
    assert stored == [1234, 12345, 1234567]
    # Nothing in the column says: a decimal comma, as Swedish writes it, and a warning.
    alone = 'Indicator,Country,Year,Value\nNO_DOFFIN_INNOVATION,NO,2024,"1,500"\n'
    result = upload(engine, "utfall2.csv", alone)
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(2, "Value", "format-error")]
    assert "not as 1 500" in result.problems[0].text("en")


def test_a_project_given_a_second_coordinator_is_said_to_have_one(engine):
    # A participants list naming another organisation coordinator, and a project list moving
    # the coordinator while the participants kept the former one, committed without a word:
    # the Organisation page then showed two or three coordinators of one project.
    with_organisations(engine)
    project = "Diarienummer;Titel;Status;Koordinator\n2020-00001;Belysning;planerad;Vinnova\n"
    assert upload(engine, "projekt.csv", project).outcome == "committed"
    own = "Diarienummer;Organisation;Roll\n2020-00001;Vinnova;koordinator\n"
    result = upload(engine, "deltagare.csv", own)
    assert result.outcome == "committed" and not warnings(result)  # the same one: nothing to say
    other = "Diarienummer;Organisation;Roll\n2020-00001;Göteborgs kommun;koordinator\n"
    result = upload(engine, "deltagare2.csv", other, dry_run=True)
    assert warnings(result) == [(2, "Roll", "format-error")]
    assert "whose coordinator is “Vinnova”" in result.problems[0].text("en")
    moved = project.replace(";Vinnova", ";Göteborgs kommun")
    result = upload(engine, "projekt2.csv", moved, dry_run=True)
    assert warnings(result) == [(2, None, "format-error")]
    assert "keeps the former one as coordinator" in result.problems[0].text("en")


def test_the_coordinators_are_looked_up_a_slice_of_projects_at_a_time(engine, monkeypatch):
    # A list of 100 000 participants names 30 000 coordinators: one statement binding them all
    # nears the most values a database takes (SQLite 32 766, PostgreSQL 65 535).
    from arena.ingest import coordinators

    monkeypatch.setattr(coordinators, "_SLICE", 1)
    with_organisations(engine)
    projects = (
        "Diarienummer;Titel;Status;Koordinator\n"
        "2020-00001;A;planerad;Vinnova\n2020-00002;B;planerad;Vinnova\n"
    )
    assert upload(engine, "projekt.csv", projects).outcome == "committed"
    both = (
        "Diarienummer;Organisation;Roll\n"
        "2020-00001;Göteborgs kommun;koordinator\n2020-00002;Göteborgs kommun;koordinator\n"
    )
    result = upload(engine, "deltagare.csv", both, dry_run=True)
    assert "2 participants are named coordinator" in result.problems[0].text("en")


# --- 4. Headers an officer expects read --------------------------------------------------------


@pytest.mark.parametrize("header", ["Organisationsnr", "Org.nummer", "Org-nummer", "Orgnummer"])
def test_an_organisation_number_under_the_headers_officers_give_it_is_read(engine, header):
    sheet = (
        f"Diarienummer;Projektnamn;Koordinator;{header};Finansiär;Beviljat belopp\n"
        "Z-1;Ett;Nordväg Aktiebolag;5569001117;Vinnova;100 tkr\n"
    )
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert not warnings(result)
    (nordvag,) = [o for o in natural(engine, "organisations") if o["name"].startswith("Nordväg")]
    assert nordvag["org_number"] == "556900-1117"
    organisations = f"Namn;Typ;{header}\nSydväg AB;företag;5560160680\n"
    assert upload(engine, "org.csv", organisations).outcome == "committed"
    (sydvag,) = [o for o in natural(engine, "organisations") if o["name"] == "Sydväg AB"]
    assert sydvag["org_number"] == "556016-0680"


WITH_PARTICIPANTS = (
    "Diarienummer;Projektnamn;Koordinator;Deltagare;Finansiär;Beviljat belopp\n"
    "PA-1;Ett;PAfirma AB;Luleå kommun, Region Norrbotten;Vinnova;100 000\n"
)


def test_participants_on_a_flat_list_say_how_they_are_imported(engine):
    result = upload(engine, "lista.csv", WITH_PARTICIPANTS)
    assert result.outcome == "committed", result.problems
    (warning,) = [p for p in result.problems if p.column == "Deltagare"]
    assert warning.error == "extra-label"
    assert "participants are imported as a list of their own" in warning.text("en")
    assert "(mallen ”Projektdeltagare”)" in warning.text("sv")
