"""A view filtered by year shows the years' amounts (a grant's amount only when decided in
them, else 0: docs/periods.md). Its download heads them with the years, and the import never
reads such a column as the stored amount: a year-filtered Grants download imported back set
eleven grants to 0 kr."""

from __future__ import annotations

import pandas as pd
import pytest

from arena import tables
from arena.ingest.report import period_figure
from tests.fixtures.ingest import (
    errors,
    load_files,
    natural,
    upload,
    warnings,
    with_organisations,
)


@pytest.mark.parametrize(
    ("header", "period"),
    [
        ("Beviljat 2024 (kr)", "2024"),
        ("Utbetalt 2019–2021 (kr)", "2019–2021"),
        ("Granted 2024 (SEK)", "2024"),
        ("Disbursed 2019-2021 (SEK)", "2019-2021"),
        ("beviljat 2024", "2024"),
    ],
)
def test_a_years_amount_header_is_known_as_one(header, period):
    problem = period_figure(header, 1)
    assert problem is not None and problem.severity == "warning" and problem.column == header
    assert period in problem.text("en") and header in problem.text("sv")


@pytest.mark.parametrize(
    "header", ["Belopp (kr)", "Beviljat (kr)", "Budget 2025", "Mål 2025", "Utbetalt (kr)", "2024"]
)
def test_other_headers_are_no_years_amounts(header):
    assert period_figure(header, 1) is None


GRANTS = (
    "Finansiär;Bidragsreferens;Projekt;Beslutsdatum;Beviljat 2024 (kr);Utbetalt 2024 (kr)\n"
    "Vinnova;G-1;2020-00001;2021-03-05;0;0\n"
)


def test_a_year_filtered_grant_list_never_sets_the_amounts(engine):
    with_organisations(engine)
    load_files(
        engine,
        {
            "projekt.csv": "Diarienummer;Titel;Status\n2020-00001;Smart belysning;pågående\n",
            "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp\n"
            "G-1;2020-00001;Vinnova;400 000\n",
        },
    )
    result = upload(engine, "bidrag-2024.csv", GRANTS)
    # Refused: a grants file must give the amount, and the years' is not it. Never offered
    # as the amount the file lacks, and each such column is named.
    assert result.outcome == "rejected" and result.meant == []
    assert errors(result) == [(1, "Belopp", "missing-label")]
    named = [column for _row, column, error in warnings(result) if error == "format-error"]
    assert named == ["Beviljat 2024 (kr)", "Utbetalt 2024 (kr)"]
    assert [row["amount_sek"] for row in natural(engine, "grants")] == [400_000]


@pytest.mark.parametrize(("language", "header"), [("sv", "Beviljat 2019–2021"), ("en", "Granted")])
def test_a_download_of_some_years_heads_their_amounts_with_them(language, header):
    grants = pd.DataFrame({"grant_reference": ["G-1"], "amount_sek": [0], "disbursed_sek": [5]})
    typed = tables.for_download(grants, language, years=(2019, 2021))
    headers = list(typed.columns)
    assert headers[1].startswith(header) and "2019–2021" in headers[1]
    assert all(period_figure(text, None) for text in headers[1:])
    # Without a year filter the amount is the grant's: "Belopp (kr)", read as it.
    assert list(tables.for_download(grants, language).columns)[1] in ("Belopp (kr)", "Amount (SEK)")
