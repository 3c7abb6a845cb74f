"""Rows whose keys a layout made up, matched with what the store holds: a flat project sheet's
grant is the project's stored grant from the same funder, and a 360Giving file's sum paid is
the stored payments', so neither doubles the money (`arena.ingest.matching`). Our own 360Giving
export read back changes nothing.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from arena import clock
from arena.auth import cli_identity
from arena.ingest import load_demo, undo
from arena.ingest.layouts import giving360
from tests.fixtures.ingest import dump, natural, upload, warnings, with_organisations

PROJECTS = "Diarienummer;Titel;Status;Koordinator\nP-1;Första;ongoing;Region Östergötland\n"
GRANT = "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"


def _grants(engine) -> dict[str, dict]:
    return {row["reference"]: row for row in natural(engine, "grants")}


def _store_with_grants(engine, *grants: str) -> None:
    """Project P-1 with the `grants` rows (reference;project;funder;amount;decision date)."""
    with_organisations(engine)
    for name, data in (
        (
            "organisationer.csv",
            "Namn;Typ;Län\nRegion Östergötland;region;Östergötlands län\nFormas;myndighet;\n",
        ),
        ("projekt.csv", PROJECTS),
        *([("bidrag.csv", GRANT + "".join(f"{grant}\n" for grant in grants))] if grants else []),
    ):
        result = upload(engine, name, data)
        assert result.outcome == "committed", result.problems


def _sheet(amount_header: str, amount: str) -> str:
    """A flat sheet of project P-1 with its amount under `amount_header`."""
    header = f"Diarienummer;Titel;Koordinator;Län;Status;{amount_header}\n"
    return header + f"P-1;Första;Region Östergötland;Östergötlands län;Pågående;{amount}\n"


def test_a_sheets_grant_is_the_projects_stored_grant_from_that_funder(engine):
    _store_with_grants(engine, "VR-2020-1;P-1;Vinnova;750 000;2020-05-04")
    result = upload(engine, "lista.csv", _sheet("Bidrag från Vinnova", "800 000 kr"))
    assert result.outcome == "committed", result.problems
    grants = _grants(engine)
    assert list(grants) == ["VR-2020-1"]  # updated under its own reference, not a second one
    assert grants["VR-2020-1"]["amount_sek"] == 800_000
    assert grants["VR-2020-1"]["decision_date"].isoformat() == "2020-05-04"
    grants_plan = next(plan for plan in result.plan.kinds if plan.kind.name == "grants")
    assert grants_plan.counts()["updated"] == 1

    again = upload(engine, "lista.csv", _sheet("Bidrag från Vinnova", "800 000 kr"))
    assert again.outcome == "unchanged"


def test_a_sheets_grant_from_another_funder_is_a_grant_of_its_own(engine):
    _store_with_grants(engine, "VR-2020-1;P-1;Vinnova;750 000;2020-05-04")
    result = upload(engine, "lista.csv", _sheet("Beviljat belopp;Finansiär", "200 000 kr;Formas"))
    assert result.outcome == "committed", result.problems
    grants = _grants(engine)
    assert sorted(grants) == ["P-1", "VR-2020-1"]
    assert (grants["P-1"]["funder"], grants["P-1"]["amount_sek"]) == ("Formas", 200_000)
    assert grants["VR-2020-1"]["amount_sek"] == 750_000


def test_a_sheets_grant_from_another_funder_never_takes_the_grant_under_its_diarienummer(engine):
    # The project's Vinnova grant is stored under its diarienummer (from an earlier sheet).
    _store_with_grants(engine)
    assert upload(engine, "lista.csv", _sheet("Bidrag från Vinnova", "750 000 kr")).outcome == (
        "committed"
    )
    assert (
        upload(
            engine,
            "utbetalningar.csv",
            "Bidragsreferens;Utbetalningsdatum;Belopp\nP-1;2021-01-10;300 000\n",
        ).outcome
        == "committed"
    )
    # A sheet naming Formas rewrote that grant as Formas's 200 000 kr, its payment and all.
    formas = _sheet("Beviljat belopp;Finansiär", "200 000 kr;Formas")
    result = upload(engine, "lista.csv", formas)
    assert result.outcome == "committed", result.problems
    grants = _grants(engine)
    assert {ref: (g["funder"], g["amount_sek"]) for ref, g in grants.items()} == {
        "P-1": ("Vinnova", 750_000),
        "P-1 (Formas)": ("Formas", 200_000),
    }
    assert [p["grant_reference"] for p in natural(engine, "disbursements")] == ["P-1"]
    assert upload(engine, "lista.csv", formas).outcome == "unchanged"  # the same grant again
    result = upload(engine, "lista.csv", _sheet("Beviljat belopp;Finansiär", "250 000;Formas"))
    assert result.outcome == "committed", result.problems
    assert _grants(engine)["P-1 (Formas)"]["amount_sek"] == 250_000
    assert len(_grants(engine)) == 2
    # A funder the store does not know yet: a grant of its own too.
    energy = _sheet("Beviljat belopp;Finansiär", "90 000;Energimyndigheten")
    assert upload(engine, "lista.csv", energy).outcome == "committed"
    assert _grants(engine)["P-1"]["funder"] == "Vinnova"
    assert _grants(engine)["P-1 (Energimyndigheten)"]["amount_sek"] == 90_000


def test_a_sheets_corrected_funder_is_warned_of_as_a_second_grant(engine):
    """The list's first upload said Vinnova, the corrected one says Formas, same amount: the
    Formas grant is added beside Vinnova's (co-funding reads so), and the preview says so,
    naming both funders and how to undo the first where the funder was corrected."""
    _store_with_grants(engine)
    vinnova = _sheet("Beviljat belopp;Finansiär", "1 234 567 kr;Vinnova")
    assert upload(engine, "lista.csv", vinnova).outcome == "committed"
    formas = _sheet("Beviljat belopp;Finansiär", "1 234 567 kr;Formas")
    preview = upload(engine, "lista.csv", formas, dry_run=True)
    (warning,) = [p for p in preview.problems if p.error == "unique-error"]
    assert (warning.row, warning.column, warning.severity) == (2, "Beviljat belopp", "warning")
    text = warning.text("en")
    assert "Project P-1 already has a grant from Vinnova" in text
    assert "the row names Formas, so its amount becomes another grant, P-1 (Formas)" in text
    assert "undo the import that added the grant from Vinnova" in text
    assert "Formas" in warning.text("sv") and "ångra importen" in warning.text("sv")
    assert upload(engine, "lista.csv", formas).outcome == "committed"
    assert not [
        p for p in upload(engine, "lista.csv", formas).problems if p.error == "unique-error"
    ]


def test_a_sheets_row_without_its_funder_is_refused_for_that_alone(engine):
    """A blank Finansiär beside the project's stored grant is a missing funder, not a
    corrected one: no warning of "another grant, P-1 (None)"."""
    _store_with_grants(engine)
    first = upload(engine, "lista.csv", _sheet("Beviljat belopp;Finansiär", "1 000 kr;Vinnova"))
    assert first.outcome == "committed", first.problems
    result = upload(engine, "lista.csv", _sheet("Beviljat belopp;Finansiär", "1 000 kr;"))
    assert [(p.row, p.column, p.error) for p in result.problems] == [
        (2, "Finansiär", "constraint-error")
    ]


def test_a_funder_column_naming_another_than_the_amounts_header_is_warned_of(engine):
    """A header "Bidrag från Vinnova (tkr)" beside Finansiär "Formas", or Vinnova named
    another way ("Verket för innovationssystem"): the header says whose money the column is,
    so every amount is Vinnova's grant, and a warning names the rows with an amount whose
    Finansiär says another. Dropping those amounts lost Vinnova's own grants."""
    _store_with_grants(engine)
    sheet = (
        "Diarienummer;Titel;Koordinator;Finansiär;Bidrag från Vinnova (tkr)\n"
        "P-1;Första;Region Östergötland;Formas;100\n"
        "P-2;Andra;Region Östergötland;VINNOVA;200\n"
        "P-3;Tredje;Region Östergötland;;300\n"
        "P-4;Fjärde;Region Östergötland;Verket för innovationssystem;400\n"
        "P-5;Femte;Region Östergötland;Formas;\n"
    )
    result = upload(engine, "lista.csv", sheet)
    assert result.outcome == "committed", result.problems
    assert {ref: (g["funder"], g["amount_sek"]) for ref, g in _grants(engine).items()} == {
        "P-1": ("Vinnova", 100_000),
        "P-2": ("Vinnova", 200_000),
        "P-3": ("Vinnova", 300_000),
        "P-4": ("Vinnova", 400_000),
    }
    assert [row["reference"] for row in natural(engine, "projects")] == [
        "P-1",
        "P-2",
        "P-3",
        "P-4",
        "P-5",
    ]
    (warning,) = [p for p in result.problems if p.column == "Finansiär"]
    assert (warning.row, warning.value, warning.severity) == (2, "Formas", "warning")
    text = warning.text("en")
    assert text.startswith("2 rows with an amount name another funder")  # not P-5's
    assert "header “Bidrag från Vinnova (tkr)” (Vinnova), rows 2, 5, the first “Formas”" in text
    assert "stored as grants from Vinnova" in text


def test_a_sheets_grant_is_the_funders_own_beside_one_under_the_diarienummer(engine):
    # The store holds Formas's grant under Formas's reference, and Vinnova's under the
    # diarienummer: a sheet's Formas amount is Formas's grant.
    _store_with_grants(
        engine, "P-1;P-1;Vinnova;150 000;2020-05-04", "FORMAS-77;P-1;Formas;80 000;2021-02-01"
    )
    result = upload(engine, "lista.csv", _sheet("Beviljat belopp;Finansiär", "90 000;Formas"))
    assert result.outcome == "committed", result.problems
    grants = _grants(engine)
    assert {ref: (g["funder"], g["amount_sek"]) for ref, g in grants.items()} == {
        "FORMAS-77": ("Formas", 90_000),
        "P-1": ("Vinnova", 150_000),
    }


def test_a_grants_file_naming_the_grant_a_sheet_stored_is_warned_of(engine):
    # The sheet stored the project's Vinnova grant under the diarienummer; the ledger's own
    # reference for it is new, and the money counted twice without a word.
    _store_with_grants(engine)
    assert upload(engine, "lista.csv", _sheet("Bidrag från Vinnova", "750 000 kr")).outcome == (
        "committed"
    )
    result = upload(
        engine,
        "bidrag.csv",
        GRANT + "VIN-2020-1;P-1;Vinnova;750 000;2020-05-04\nF-9;P-1;Formas;10 000;2020-05-04\n",
    )
    assert result.outcome == "committed", result.problems
    assert warnings(result) == [(2, "Bidragsreferens", "unique-error")]  # not Formas's
    assert (
        result.problems[0]
        .text("en")
        .startswith(
            "Grant “VIN-2020-1” is new, but project “P-1” already has a grant from Vinnova of "
            "SEK 750,000 under the project's diarienummer"
        )
    )


def test_a_sheets_grant_is_not_guessed_among_several_from_that_funder(engine):
    _store_with_grants(
        engine, "VR-2020-1;P-1;Vinnova;750 000;2020-05-04", "VR-2021-7;P-1;Vinnova;100 000;"
    )
    before = dump(engine, history=False)
    result = upload(engine, "lista.csv", _sheet("Bidrag från Vinnova", "900 000 kr"))
    assert result.outcome == "unchanged", result.problems
    assert warnings(result) == [(2, "Bidrag från Vinnova", "unique-error")]
    sentence = result.problems[-1].text("en")
    assert "already has 2 grants from Vinnova" in sentence
    assert "“VR-2020-1”, “VR-2021-7”" in sentence
    assert dump(engine, history=False) == before


def test_vinnova_open_data_updates_the_projects_stored_vinnova_grant(engine):
    with_organisations(engine)
    for name, data in (
        ("projekt.csv", "Diarienummer;Titel;Status\n2018-04510;Arenan;ongoing\n"),
        ("bidrag.csv", GRANT + "V-17;2018-04510;Vinnova;1 000;\n"),
    ):
        assert upload(engine, name, data).outcome == "committed"
    result = upload(engine, "vinnova.json")
    assert result.outcome == "committed", result.problems
    of_arena = [g for g in natural(engine, "grants") if g["project_reference"] == "2018-04510"]
    assert [(g["reference"], g["amount_sek"]) for g in of_arena] == [("V-17", 150_000)]
    assert upload(engine, "vinnova.json").outcome == "unchanged"


def _rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode())))


def test_our_360giving_export_read_back_changes_nothing(engine):
    load_demo(engine, identity=cli_identity())
    data = giving360.to_csv(engine)
    assert _rows(data)[0]["Project reference"]
    before = dump(engine, history=False)
    result = upload(engine, "360giving.csv", data)
    assert result.outcome == "unchanged", result.problems
    assert not result.problems
    assert dump(engine, history=False) == before


def test_our_360giving_export_builds_the_same_projects_grants_and_money_elsewhere(
    engine, demo_engine
):
    data = giving360.to_csv(demo_engine)
    result = upload(engine, "360giving.csv", data)
    assert result.outcome == "committed", result.problems
    grants = {row["reference"]: row for row in natural(demo_engine, "grants")}
    copied = _grants(engine)
    assert sorted(copied) == sorted(grants)
    for reference, grant in grants.items():
        assert copied[reference]["project_reference"] == grant["project_reference"]
        assert copied[reference]["amount_sek"] == grant["amount_sek"]
    paid: dict[str, int] = {}
    for payment in natural(demo_engine, "disbursements"):
        reference = payment["grant_reference"]
        paid[reference] = paid.get(reference, 0) + payment["amount_sek"]
    copied_paid: dict[str, int] = {}
    for payment in natural(engine, "disbursements"):
        reference = payment["grant_reference"]
        copied_paid[reference] = copied_paid.get(reference, 0) + payment["amount_sek"]
    assert copied_paid == paid
    assert len(natural(engine, "projects")) == len(
        {g["project_reference"] for g in grants.values()}
    )


def test_a_360giving_sum_paid_keeps_the_stored_payments_and_says_where_they_differ(engine):
    load_demo(engine, identity=cli_identity())
    rows = _rows(giving360.to_csv(engine))
    row = next(row for row in rows if row["Identifier"].endswith("DEMO-G-001"))
    stored = sum(
        p["amount_sek"]
        for p in natural(engine, "disbursements")
        if p["grant_reference"] == "DEMO-G-001"
    )
    assert int(row["Amount Disbursed"]) == stored
    row["Amount Disbursed"] = str(stored + 1_000)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    before = dump(engine, history=False)
    result = upload(engine, "360giving.csv", out.getvalue())
    assert result.outcome == "unchanged", result.problems
    line = rows.index(row) + 2
    assert warnings(result) == [(line, "Amount Disbursed", "constraint-error")]
    assert "the store's 4 payments on it" in result.problems[0].text("en")
    assert dump(engine, history=False) == before


def test_a_360giving_sum_paid_is_compared_with_the_payments_made_by_today(engine, monkeypatch):
    # A payment dated after today is planned: our export leaves it out of Amount Disbursed,
    # and the import counted it, warning of a difference our own file read back did not have.
    monkeypatch.setattr(clock, "utc_now", lambda: datetime(2026, 6, 1, 12, tzinfo=UTC))
    _store_with_grants(engine, "G-9;P-1;Vinnova;800 000;2026-01-10")
    ledger = (
        "Bidragsreferens;Utbetalningsdatum;Belopp\nG-9;2026-03-01;400 000\nG-9;2027-02-01;400 000\n"
    )
    assert upload(engine, "utbetalningar.csv", ledger).outcome == "committed"
    rows = _rows(giving360.to_csv(engine))
    assert [row["Amount Disbursed"] for row in rows] == ["400000"]
    result = upload(engine, "360giving.csv", giving360.to_csv(engine))
    assert result.outcome == "unchanged", result.problems
    assert not result.problems
    # A real difference still warns, naming what was paid by today.
    rows[0]["Amount Disbursed"] = "500000"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    result = upload(engine, "360giving.csv", out.getvalue())
    assert result.outcome == "unchanged", result.problems
    assert warnings(result) == [(2, "Amount Disbursed", "constraint-error")]
    assert "the store's payment on it made by today is SEK 400,000." in (
        result.problems[0].text("en")
    )
    assert "lagrets utbetalning på det fram till i dag är 400 000 kr." in (
        result.problems[0].text("sv").replace("\u00a0", " ")
    )


def test_a_360giving_file_read_again_updates_the_payment_it_made(engine):
    header = ",".join((*giving360.REQUIRED, "Amount Disbursed"))
    common = "Bro,Om bron,SEK,500000,2024-02-01,XI-1,Kiruna Bro AB,XI-2,Stiftelsen Bro"

    def grants_file(paid: int) -> str:
        return f"{header}\nG-9,{common},{paid}\n"

    assert upload(engine, "bro.csv", grants_file(100_000)).outcome == "committed"
    result = upload(engine, "bro2.csv", grants_file(250_000))
    assert result.outcome == "committed", result.problems
    payments = natural(engine, "disbursements")
    assert [(p["grant_reference"], p["amount_sek"]) for p in payments] == [("G-9", 250_000)]


def test_a_ledger_after_a_360giving_file_replaces_the_sum_it_paid(engine):
    # 360Giving says 250 000 was paid in all: stored as one payment on the award date. The
    # ledger then gives the payments themselves (100 000 and 150 000): beside the sum they
    # made 500 000 paid. They replace it, said so; the undo brings the sum back. A grant the
    # ledger does not pay keeps its sum.
    header = ",".join((*giving360.REQUIRED, "Amount Disbursed"))
    common = "SEK,500000,2024-02-01,XI-1,Kiruna Bro AB,XI-2,Stiftelsen Bro"
    grants_file = f"{header}\nG-9,Bro,Om bron,{common},250000\nG-8,Väg,Om vägen,{common},40000\n"
    assert upload(engine, "bro.csv", grants_file).outcome == "committed"
    ledger = (
        "Bidragsreferens;Utbetalningsdatum;Belopp\nG-9;2024-04-01;100 000\nG-9;2024-10-01;150 000\n"
    )
    before = dump(engine, history=False)
    result = upload(engine, "utbetalningar.csv", ledger)
    assert result.outcome == "committed", result.problems
    assert result.counts["deleted"] == 1
    (said,) = result.problems
    assert (said.row, said.severity) == (2, "warning")
    assert said.text("en").startswith(
        "Grant G-9 has SEK 250,000 paid according to a 360Giving file, dated 2024-02-01"
    )
    paid = {}
    for payment in natural(engine, "disbursements"):
        paid[payment["grant_reference"]] = (
            paid.get(payment["grant_reference"], 0) + payment["amount_sek"]
        )
    assert paid == {"G-9": 250_000, "G-8": 40_000}
    # The same ledger again changes nothing; its undo restores the sum.
    assert upload(engine, "utbetalningar.csv", ledger).outcome == "unchanged"
    undo(engine, result.import_id, identity=cli_identity())
    assert dump(engine, history=False) == before


def test_a_ledger_naming_the_sums_day_takes_that_payment_over(engine):
    # The ledger's first payment falls on the award date, where 360Giving's sum was stored:
    # it updates that row, which is the ledger's from then on. Kept as 360Giving's, the next
    # ledger took it for the sum and deleted a real payment.
    header = ",".join((*giving360.REQUIRED, "Amount Disbursed"))
    common = "SEK,500000,2023-02-01,XI-1,Kiruna Bro AB,XI-2,Stiftelsen Bro"
    assert upload(engine, "bro.csv", f"{header}\nG-9,Bro,Om bron,{common},500000\n").outcome == (
        "committed"
    )
    first = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-9;2023-02-01;250 000\n"
    assert upload(engine, "utbetalningar.csv", first).outcome == "committed"
    second = "Bidragsreferens;Utbetalningsdatum;Belopp\nG-9;2024-02-01;250 000\n"
    result = upload(engine, "utbetalningar2.csv", second)
    assert result.outcome == "committed", result.problems
    assert result.counts["deleted"] == 0 and not result.problems
    payments = natural(engine, "disbursements")
    assert sorted((str(p["paid_on"]), p["amount_sek"]) for p in payments) == [
        ("2023-02-01", 250_000),
        ("2024-02-01", 250_000),
    ]


def test_360giving_identifiers_of_organisations_whose_names_fold_alike_differ(engine):
    files = {
        "org.csv": "Namn;Typ\nÖckerö kommun;kommun\nOckero kommun;kommun\nVinnova;myndighet\n",
        "projekt.csv": "Diarienummer;Titel;Status;Koordinator\n"
        "P-1;Första;ongoing;Öckerö kommun\nP-2;Andra;ongoing;Ockero kommun\n",
        "bidrag.csv": GRANT + "G-1;P-1;Vinnova;100;2024-01-01\nG-2;P-2;Vinnova;100;2024-01-01\n",
    }
    for name, data in files.items():
        assert upload(engine, name, data).outcome == "committed"
    rows = {row["Identifier"]: row for row in _rows(giving360.to_csv(engine))}
    first = rows[giving360.PREFIX + "G-1"]["Recipient Org:Identifier"]
    second = rows[giving360.PREFIX + "G-2"]["Recipient Org:Identifier"]
    assert first == "360G-arenamonitor-org-ockero-kommun"  # stored first: the plain slug
    assert second.startswith("360G-arenamonitor-org-ockero-kommun-") and second != first
    # The same in an export of the second grant alone: decided over the store, not the file.
    alone = _rows(giving360.to_csv(engine, grant_references=["G-2"]))
    assert alone[0]["Recipient Org:Identifier"] == second
