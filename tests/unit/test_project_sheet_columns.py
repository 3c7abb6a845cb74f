"""A flat project sheet's grant columns and headers: a 0 in a grant amount column is no grant
whichever way the sheet names the funder, two amount columns of one meaning, a title headed
`Projekt`, and a `--column` target the kind lacks."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from arena.auth import cli_identity
from arena.cli import main
from arena.ingest import undo
from arena.ingest.report import unread_and_missing
from arena.ingest.validate import detect_kind
from tests.fixtures.ingest import (
    FIXTURES,
    errors,
    natural,
    saved_workbook,
    upload,
    with_organisations,
    xlsx_bytes,
)

_ZERO = (
    "SEK 0 as the grant from Vinnova on row 3 is read as no grant: the project has no grant "
    "from Vinnova."
)


def _stored_grants(engine) -> list[tuple]:
    with engine.connect() as conn:
        return conn.execute(
            sa.text(
                "SELECT p.reference, o.name, g.amount_sek FROM grant_award g "
                "JOIN project p ON p.id = g.project_id JOIN organisation o ON o.id = g.funder_id "
                "ORDER BY p.reference, o.name"
            )
        ).all()


def _zero_warnings(result) -> list[str]:
    return [p.text("en") for p in result.problems if p.message.key == "problem.zero_no_grant"]


_ONE_FUNDER = (
    "Diarienummer;Titel;Koordinator;Period;Bidrag från Vinnova (kr);Status\n"
    "2023-00101;Vätgas i tung trafik;Göteborgs kommun;2023-01 – 2024-12;1 500 000;Pågående\n"
    "2023-00102;Smart belysning;Göteborgs kommun;2023-01 – 2024-12;0;Pågående\n"
)
_TWO_FUNDERS = (
    "Diarienummer;Titel;Koordinator;Period;Bidrag från Vinnova (kr);"
    "Bidrag från Energimyndigheten (kr);Status\n"
    "2023-00101;Vätgas i tung trafik;Göteborgs kommun;2023-01 – 2024-12;1 500 000;;Pågående\n"
    "2023-00102;Smart belysning;Göteborgs kommun;2023-01 – 2024-12;0;;Pågående\n"
)
_WITH_FUNDER = (
    "Diarienummer;Titel;Koordinator;Period;Beviljat belopp;Finansiär;Status\n"
    "2023-00101;Vätgas i tung trafik;Göteborgs kommun;2023-01 – 2024-12;1 500 000 kr;Vinnova;"
    "Pågående\n"
    "2023-00102;Smart belysning;Göteborgs kommun;2023-01 – 2024-12;  -   kr;Vinnova;Pågående\n"
)


def test_a_zero_grant_is_no_grant_in_every_layout_of_the_sheet(engine):
    """A 0 under one named funder's column, under `Beviljat belopp` beside `Finansiär` (an
    accounting dash) and in an xlsx cell shown `# ##0 "tkr"` was stored as a 0 kr grant, while
    under a column per funder it was no grant: it is no grant in all, with the same warning."""
    with_organisations(engine)
    header, *rows = [line.split(";") for line in _ONE_FUNDER.splitlines()]
    header[4] = "Bidrag från Vinnova (tkr)"
    rows[0][4] = 1500
    rows[1][4] = 0
    workbook, _data = saved_workbook(("Projekt", [header, *rows]))
    workbook.active["E3"].number_format = '# ##0 "tkr"'
    for name, data in (
        ("en.csv", _ONE_FUNDER),
        ("tva.csv", _TWO_FUNDERS),
        ("finansiar.csv", _WITH_FUNDER),
        ("lista.xlsx", xlsx_bytes(workbook)),
    ):
        preview = upload(engine, name, data, dry_run=True)
        assert preview.outcome == "dry-run", (name, preview.problems)
        assert _zero_warnings(preview) == [_ZERO], name
    result = upload(engine, "finansiar.csv", _WITH_FUNDER)
    assert result.outcome == "committed", result.problems
    assert _stored_grants(engine) == [("2023-00101", "Vinnova", 1_500_000)]


def test_a_zero_lowers_the_projects_stored_grant(engine):
    """A 0 where the project holds the funder's grant still updates it to 0 (the list says
    the grant was lowered to nothing), under one named funder's column as under several."""
    with_organisations(engine)
    first = upload(engine, "en.csv", _ONE_FUNDER.replace(";0;", ";800 000;"))
    assert first.outcome == "committed", first.problems
    lowered = upload(engine, "en.csv", _ONE_FUNDER)
    assert lowered.outcome == "committed", lowered.problems
    assert not _zero_warnings(lowered)
    assert _stored_grants(engine) == [
        ("2023-00101", "Vinnova", 1_500_000),
        ("2023-00102", "Vinnova", 0),
    ]


def test_a_grants_list_keeps_its_zero_grant(engine):
    """A grants list names each grant by its own reference: a 0 there is that grant's amount
    (a grant withdrawn), stored as written without a warning."""
    with_organisations(engine)
    assert upload(engine, "en.csv", _ONE_FUNDER).outcome == "committed"
    grants = "Bidragsreferens;Diarienummer;Finansiär;Belopp\nVIN-1;2023-00102;Vinnova;0\n"
    result = upload(engine, "bidrag.csv", grants)
    assert result.outcome == "committed", result.problems
    assert not _zero_warnings(result)
    assert ("2023-00102", "Vinnova", 0) in _stored_grants(engine)


_BOTH = (
    "Titel;Diarienummer;Koordinator;Org.nummer;Län;Period;Beviljat belopp;Vinnovas bidrag;Status\n"
    "Cirkulära möbler;2019-02211;Göteborgs kommun;;Västra Götalands län;oktober 2018 - "
    "februari 2019;1 234 567 kr;1 234 567;Avslutad\n"
    "Skolmåltider;2020-00457;Göteborgs kommun;;Västra Götalands län;januari–mars 2020;"
    "450 000 kr;450 000;Avslutad\n"
)


def test_a_grant_beside_its_funders_column_is_read_once_where_they_agree(engine):
    """`Beviljat belopp` beside `Vinnovas bidrag` was refused as meaning the same, and the
    advice on `Beviljat belopp`, name it `Bidrag från Vinnova`, led to the same refusal: with
    the same amounts on every row, the funder's column is read, and a warning says so."""
    with_organisations(engine)
    result = upload(engine, "lista.csv", _BOTH)
    assert result.outcome == "committed", result.problems
    (said,) = [p for p in result.problems if p.column == "Beviljat belopp"]
    assert said.severity == "warning"
    assert said.text("en") == (
        "The columns “Beviljat belopp” and “Vinnovas bidrag” hold the same amounts on every "
        "row: “Vinnovas bidrag” is read, as grants from Vinnova, and “Beviljat belopp” is not "
        "read."
    )
    assert not [p for p in result.problems if "Bidrag från" in p.text("en")]
    assert _stored_grants(engine) == [
        ("2019-02211", "Vinnova", 1_234_567),
        ("2020-00457", "Vinnova", 450_000),
    ]


def test_a_grant_beside_its_funders_column_is_refused_naming_the_rows_that_differ(engine):
    """Where the two differ (the project's whole grant beside Vinnova's share), which is the
    grant cannot be told: refused naming the rows and saying which to keep, and the advice
    to name a column `Bidrag från Vinnova` is not given."""
    with_organisations(engine)
    data = _BOTH.replace(";1 234 567;", ";1 000 000;")
    result = upload(engine, "lista.csv", data)
    assert result.outcome == "rejected"
    assert errors(result) == [(2, "Beviljat belopp", "duplicate-label")]
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert refused.text("en") == (
        "The columns “Beviljat belopp” and “Vinnovas bidrag” hold different amounts on row 2, "
        "so which one is the grant cannot be told: “Beviljat belopp” may be the project's "
        "whole amount granted and “Vinnovas bidrag” the grant from Vinnova. Keep the column to "
        "store as the grant from Vinnova and remove the other from the file."
    )
    assert not [p for p in result.problems if "Bidrag från" in p.text("en")]
    # As the refusal says: without "Beviljat belopp", Vinnova's grants are read.
    kept = "\n".join(
        ";".join(cells[:6] + cells[7:]) for cells in (line.split(";") for line in data.splitlines())
    )
    assert upload(engine, "lista.csv", kept).outcome == "committed"
    assert ("2019-02211", "Vinnova", 1_000_000) in _stored_grants(engine)


def _flat_v1() -> bytes:
    """A tester's flat list headed `Projekt`, as Excel saves it: Windows-1252, CRLF."""
    text = (FIXTURES / "flat_projekt.csv").read_text(encoding="utf-8")
    return text.replace("\n", "\r\n").encode("cp1252")


def test_a_list_headed_projekt_beside_the_diarienummer_reads_it_as_the_title(engine):
    """`Projekt` beside `Diarienummer` was taken for an unread column: the list was read as
    plain projects, its Org.nummer, Län, Beviljat belopp and Finansiär "unknown for projects"
    and refused for lacking `Titel`. It is the title, in a project sheet as in a projects
    list; alone, or in another kind's list, `Projekt` still names the project."""
    with_organisations(engine)
    header = _flat_v1().decode("cp1252").splitlines()[0].split(";")
    assert detect_kind(header).name == "project_sheet"
    result = upload(engine, "flat_projekt.csv", _flat_v1())
    assert result.outcome == "committed", result.problems
    unread = sorted(p.column for p in result.problems if p.error == "extra-label")
    assert unread == ["Kommentar", "Kontaktperson"]
    projects = {p["reference"]: p["title"] for p in natural(engine, "projects")}
    assert projects["2019-02211"] == "Cirkulära möbler i offentlig miljö"
    assert projects["2022-01010"] == "Smart belysning i gatumiljö"
    assert ("2019-02211", "Vinnova", 1_234_567) in _stored_grants(engine)
    # A projects list: the same.
    plain = (
        "Projekt;Diarienummer;Koordinator;Status\n"
        "Ett projekt;2024-00001;Göteborgs kommun;Pågående\n"
    )
    assert detect_kind(plain.splitlines()[0].split(";")).name == "projects"
    assert upload(engine, "projekt.csv", plain).outcome == "committed"
    assert {p["reference"]: p["title"] for p in natural(engine, "projects")}["2024-00001"] == (
        "Ett projekt"
    )
    # Beside a title, or in a grants list, `Projekt` is what it was.
    assert detect_kind(["Projekt", "Diarienummer", "Titel", "Status"]).name == "projects"
    assert detect_kind(["Bidragsreferens", "Projekt", "Finansiär", "Belopp"]).name == "grants"


def test_a_column_missing_is_listed_once(engine):
    """`--kind project_sheet` on a list without a title said "The file lacks 'Titel',
    'Titel'": the sheet's and its projects' problem of one column. Each is listed once."""
    with_organisations(engine)
    sheet = "Namn;Diarienummer;Koordinator;Län\nEtt projekt;2024-00001;Göteborgs kommun;\n"
    result = upload(engine, "lista.csv", sheet, kind="project_sheet")
    headers, missing = unread_and_missing(result.problems)
    assert headers == ["Namn"]
    assert [p.column for p in missing] == ["Titel"]


def test_a_column_target_the_kind_lacks_is_refused_naming_it(engine, tmp_path, capsys):
    """`--column Projekt=Nonsense` (or a typo, `=Tittel`) was dropped without a word and the
    file refused only for lacking `Titel`: refused naming the target and the columns it may
    be, the close ones where there are any."""
    with_organisations(engine)
    path = tmp_path / "lista.csv"
    path.write_bytes(_flat_v1().replace(b"Projekt;", b"Namn;", 1))
    assert main(["import", str(path), "--column", "Namn=Tittel", "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert (
        "lista.csv: “Namn” cannot be read as “Tittel”: the file is read as projects, which has "
        "no column “Tittel”. Did you mean “Titel”?"
    ) in err
    assert "is missing but required" not in err
    assert main(["import", str(path), "--column", "Namn=Nonsense", "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "“Namn” cannot be read as “Nonsense”" in err
    assert "The columns are “Diarienummer”, “Titel”, " in err
    # Read as a project sheet: its own columns are the ones it may be.
    result = upload(
        engine,
        "lista.csv",
        path.read_bytes(),
        kind="project_sheet",
        columns=(("namn", "Län/regionn"),),
    )
    (problem,) = result.problems
    assert (problem.severity, problem.column) == ("error", "namn")
    assert problem.text("en").endswith("Did you mean “Län”?")
    assert "läses som en projektlista (en rad per projekt)" in problem.text("sv")
    # A column of the kind, by any of its names, is read as before.
    assert main(["import", str(path), "--column", "Namn=Projekttitel", "--dry-run"]) == 0


def test_a_zero_under_another_funder_is_no_grant_where_the_reference_is_taken(engine):
    """The project's Vinnova grant is stored under its diarienummer: a 0 under
    Energimyndigheten's column made a 0 kr grant `2023-00101 (Energimyndigheten)` ('1 new',
    the project's grant count up) without the zero warning. A 0 is no grant unless the
    project holds a grant from that funder, whichever grant holds the reference."""
    with_organisations(engine)
    assert upload(engine, "en.csv", _ONE_FUNDER).outcome == "committed"
    sheet = _ONE_FUNDER.replace("Bidrag från Vinnova", "Bidrag från Energimyndigheten")
    sheet = sheet.replace(";1 500 000;", ";0;")
    for name, data in (
        ("en.csv", sheet),
        ("finansiar.csv", _WITH_FUNDER.replace(";1 500 000 kr;Vinnova;", ";0 kr;Formas;")),
        ("cp1252.csv", sheet.encode("cp1252")),
    ):
        result = upload(engine, name, data)
        assert result.outcome in ("committed", "unchanged"), (name, result.problems)
        assert 2 in [p.row for p in result.problems if p.error == "constraint-error"], name
        assert _stored_grants(engine) == [("2023-00101", "Vinnova", 1_500_000)], name


def test_the_zero_warning_names_the_funder_and_the_column_the_zero_is_in(engine):
    """Two funder columns, the 0 under Energimyndigheten: the warning said "row 2, column
    'Bidrag från Vinnova (kr)'" and "that funder"; it names the 0's column and its funder,
    one warning per funder's column."""
    with_organisations(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Bidrag från Vinnova (kr);"
        "Bidrag från Energimyndigheten (kr)\n"
        "2023-00101;Vätgas i tung trafik;Göteborgs kommun;1 500 000;0\n"
        "2023-00102;Smart belysning;Göteborgs kommun;0;0\n"
    )
    preview = upload(engine, "tva.csv", sheet, dry_run=True)
    assert preview.outcome == "dry-run", preview.problems
    zeros = sorted(
        (p.column, p.row, p.text("en"), p.text("sv"))
        for p in preview.problems
        if p.error == "constraint-error"
    )
    assert zeros == [
        (
            "Bidrag från Energimyndigheten (kr)",
            2,
            "2 grants of SEK 0 from Energimyndigheten are read as no grants, on rows 2, 3: "
            "the projects have no grants from Energimyndigheten.",
            "2 bidrag på 0 kr från Energimyndigheten läses som inga bidrag, på rad 2, 3: "
            "projekten har inga bidrag från Energimyndigheten.",
        ),
        (
            "Bidrag från Vinnova (kr)",
            3,
            "SEK 0 as the grant from Vinnova on row 3 is read as no grant: the project has no "
            "grant from Vinnova.",
            "0 kr som bidrag från Vinnova på rad 3 läses som inget bidrag: projektet har inget "
            "bidrag från Vinnova.",
        ),
    ]


def _organisations(engine) -> list[str]:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT name FROM organisation ORDER BY name")).scalars().all()


def test_a_funder_only_zeros_name_is_not_created(engine):
    """`Bidrag från Formas (kr)` with only 0s (or `Beviljat belopp;Finansiär` with only
    `0 kr` rows for Formas) created Formas, an organisation with no grants: the 0s are no
    grants, and nothing else of the file refers to it, so it is neither previewed nor stored.
    A stored funder's grant a 0 lowers is still found."""
    with_organisations(engine)
    before = _organisations(engine)
    per_funder = (
        "Projekt;Diarienummer;Koordinator;Bidrag från Vinnova (kr);Bidrag från Formas (kr)\n"
        "Test två;2023-00402;Göteborgs kommun;100 000;0\n"
    )
    with_funder = (
        "Titel;Diarienummer;Koordinator;Beviljat belopp;Finansiär\n"
        "Test tre;2023-00403;Göteborgs kommun;0 kr;Formas\n"
        "Test fyra;2023-00404;Göteborgs kommun;  -   kr;Formas\n"
    )
    one_column = (
        "Titel;Diarienummer;Koordinator;Bidrag från Formas (kr)\nT;2023-00405;Göteborgs kommun;0\n"
    )
    for name, data in (("a.csv", per_funder), ("b.csv", with_funder), ("c.csv", one_column)):
        preview = upload(engine, name, data, dry_run=True)
        assert preview.outcome == "dry-run", (name, preview.problems)
        assert not preview.plan.new_organisations, name
        result = upload(engine, name, data)
        assert result.outcome == "committed", (name, result.problems)
        assert _organisations(engine) == before, name
    assert _stored_grants(engine) == [("2023-00402", "Vinnova", 100_000)]
    lowered = upload(engine, "a.csv", per_funder.replace(";100 000;0", ";0;0"))
    assert lowered.outcome == "committed", lowered.problems
    assert _stored_grants(engine) == [("2023-00402", "Vinnova", 0)]


def test_a_zero_lowering_a_stored_grant_says_so_and_undo_restores_it(engine):
    """A 0 where the project holds the funder's grant lowered it to 0 kr without a word
    (unless payments made it overpaid): a warning names the grant, its stored amount and that
    it becomes 0 kr, at the 0's column; undo restores the amount."""
    with_organisations(engine)
    first = upload(engine, "en.csv", _ONE_FUNDER.replace(";0;", ";800 000;"))
    assert first.outcome == "committed", first.problems
    lowered = upload(engine, "en.csv", _ONE_FUNDER)
    assert lowered.outcome == "committed", lowered.problems
    (said,) = [p for p in lowered.problems if p.row == 3]
    assert (said.severity, said.column) == ("warning", "Bidrag från Vinnova (kr)")
    assert said.text("en") == (
        "SEK 0 lowers grant “2023-00102” from Vinnova, stored at SEK 800,000, to SEK 0. If "
        "that is wrong, do not commit the import (or undo it on the Data page)."
    )
    assert said.text("sv").startswith("0 kr sänker bidraget ”2023-00102” från Vinnova, som har ")
    assert ("2023-00102", "Vinnova", 0) in _stored_grants(engine)
    # A grant already at 0 is not lowered again: no warning.
    again = upload(engine, "en.csv", _ONE_FUNDER.replace(";0;", ";0 kr;"))
    assert not [p for p in again.problems if p.row == 3], again.problems
    undo(engine, lowered.import_id, identity=cli_identity())
    assert ("2023-00102", "Vinnova", 800_000) in _stored_grants(engine)


_TOTAL = (
    "Diarienummer;Titel;Koordinator;Beviljat belopp;Vinnovas bidrag;Energimyndighetens bidrag\n"
    "2023-00501;T;Göteborgs kommun;300 000;200 000;100 000\n"
    "2023-00502;U;Göteborgs kommun;50 000;50 000;\n"
)


def test_a_total_beside_its_funders_columns_is_checked_and_their_grants_read(engine):
    """A total beside a column per funder was refused twice as meaning the same, and the
    advice given led to another refusal and a false "different units": where the total is
    the funders' sum on every row, their columns are read as their grants, with a warning
    that the total was checked and is not stored separately."""
    with_organisations(engine)
    result = upload(engine, "lista.csv", _TOTAL)
    assert result.outcome == "committed", result.problems
    (said,) = [p for p in result.problems if p.column == "Beviljat belopp"]
    assert said.severity == "warning"
    assert said.text("en") == (
        "The column “Beviljat belopp” is the sum of “Vinnovas bidrag”, “Energimyndighetens "
        "bidrag” on every row: the total was checked and is not stored separately, and the "
        "grants are read from the funders' columns."
    )
    assert said.text("sv").startswith("Kolumnen ”Beviljat belopp” är summan av ")
    assert not [p for p in result.problems if p.severity == "error"]
    assert _stored_grants(engine) == [
        ("2023-00501", "Energimyndigheten", 100_000),
        ("2023-00501", "Vinnova", 200_000),
        ("2023-00502", "Vinnova", 50_000),
    ]


def test_a_total_that_is_not_its_funders_sum_is_refused_naming_the_rows(engine):
    """Where the total differs from the funders' sum, which amounts are the grants cannot be
    told: refused naming the rows, with no advice that leads to another refusal and no
    word of units where both columns are in kronor."""
    with_organisations(engine)
    data = _TOTAL.replace(";300 000;", ";250 000;")
    result = upload(engine, "lista.csv", data)
    assert result.outcome == "rejected"
    assert errors(result) == [(2, "Beviljat belopp", "duplicate-label")]
    (refused,) = [p for p in result.problems if p.severity == "error"]
    assert refused.text("en") == (
        "The column “Beviljat belopp” is not the sum of “Vinnovas bidrag”, “Energimyndighetens "
        "bidrag” on row 2 (row 2: SEK 250,000 against the sum SEK 300,000), so which amounts "
        "are the grants cannot be told. Correct the amounts, or remove “Beviljat belopp” from "
        "the file to store the funders' columns as their grants."
    )
    assert not [p for p in result.problems if "Bidrag från" in p.text("en")]
    # As the refusal says: without the total, the funders' columns are their grants.
    kept = "\n".join(
        ";".join(cells[:3] + cells[4:]) for cells in (line.split(";") for line in data.splitlines())
    )
    assert upload(engine, "lista.csv", kept).outcome == "committed"
    # Two columns of one funder beside another's: only the pair is refused, as meaning the
    # same, and nothing is said of units (all in kronor).
    twice = upload(engine, "lista.csv", _TOTAL.replace("Beviljat belopp", "Bidrag från Vinnova"))
    assert twice.outcome == "rejected"
    assert [p.text("en") for p in twice.problems if p.severity == "error"] == [
        "The column “Vinnovas bidrag” means the same as “Bidrag från Vinnova”: keep one of them "
        "and remove the other from the file."
    ]


@pytest.mark.parametrize(
    ("total", "read"),
    [("2 801", True), ("2 800,6", True), ("2 802", False), ("2,8", False)],
)
def test_a_total_in_thousands_is_the_sum_as_rounded_where_it_is_written(
    engine, total: str, read: bool
):
    """A total in tkr beside funders' columns in kronor is the sum rounded to its last written
    digit: 2 801 tkr beside 1 800 600 kr and 1 000 000 kr was refused as not their sum, naming
    no figures; 2 802 tkr is more than rounding, and so is 2,8 MSEK written as 2,8 tkr."""
    with_organisations(engine)
    data = (
        "Diarienummer;Titel;Koordinator;Beviljat belopp (tkr);Vinnovas bidrag (kr);"
        "Energimyndighetens bidrag (kr)\n"
        f"2023-00501;T;Göteborgs kommun;{total};1 800 600;1 000 000\n"
    )
    result = upload(engine, "lista.csv", data)
    assert (result.outcome == "committed") is read, result.problems
    if not read:
        (refused,) = [p for p in result.problems if p.severity == "error"]
        assert "against the sum SEK 2,800,600" in refused.text("en")
