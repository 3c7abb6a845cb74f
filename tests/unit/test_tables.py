"""Tables as users read them: labels for codes, Swedish money, ISO dates, translated headers."""

from __future__ import annotations

from datetime import date

import pandas as pd

from arena import i18n, tables


def test_localise_writes_codes_money_and_dates_for_people():
    frame = pd.DataFrame(
        {
            "status": ["ongoing"],
            "amount_sek": [150_000],
            "start_date": [date(2018, 10, 1)],
            "decision_date": [None],
            "coverage": [0.05],
        }
    )
    shown = tables.localise(frame, "sv")
    assert shown.iloc[0].tolist() == ["Pågående", "150\u00a0000 kr", "2018-10-01", "–", "5 %"]
    assert list(shown.columns) == ["Status", "Belopp", "Start", "Beslutsdatum", "Täckning"]
    english = tables.localise(frame, "en")
    assert english.iloc[0].tolist()[:2] == ["Ongoing", "SEK 150,000"]


def test_portfolio_keeps_money_numeric_and_computes_progress():
    projects = pd.DataFrame(
        {
            "reference": ["A"],
            "title": ["T"],
            "status": ["ongoing"],
            "stage": [None],
            "coordinator": [None],
            "sector": ["Transport"],
            "county": [None],
            "level": [None],
            "start_date": [date(2026, 1, 1)],
            "end_date": [date(2026, 12, 31)],
            "granted_sek": pd.array([1_000_000], dtype="Int64"),
            "disbursed_sek": pd.array([250_000], dtype="Int64"),
        }
    )
    table = tables.portfolio(projects, "sv", today=date(2026, 7, 2))
    row = table.iloc[0]
    assert row["granted_sek"] == 1_000_000 and row["paid_share"] == 0.25
    assert 0.49 < row["time_share"] < 0.51
    assert row["status"] == "Pågående" and row["stage"] == ""


def test_every_ui_key_exists_in_both_languages():
    for key, texts in i18n.TEXTS.items():
        assert set(texts) == {"sv", "en"}, key
        assert texts["sv"].count("{") == texts["en"].count("{"), key


def test_swedish_number_formats():
    assert i18n.format_number(1234.5, "sv", decimals=1) == "1\u00a0234,5"
    assert i18n.format_msek(2_000_000, "sv") == "2,0 MSEK"
    assert i18n.format_sek(2_000_000, "sv") == "2\u00a0000\u00a0000 kr"
    assert i18n.format_percent(0.046, "sv", decimals=1) == "4,6 %"
    assert i18n.format_msek(2_500_000, "en") == "SEK 2.5m"


def test_localise_formats_by_type_and_a_frame_may_declare_its_own_columns():
    frame = pd.DataFrame(
        {
            "kind": ["report", "projects, grants"],
            "started_at": [pd.Timestamp("2026-11-21 10:02:33"), pd.Timestamp("2026-11-22 08:00")],
            "value": [40.25, 3.0],
        }
    )
    shown = tables.localise(frame, "sv")
    assert shown["Typ"].tolist() == ["Rapport", "projects, grants"]
    assert shown["När"].tolist() == ["2026-11-21 10:02", "2026-11-22 08:00"]
    assert shown["Värde"].tolist() == ["40,25", "3"]
    own = tables.localise(frame, "en", {"kind": tables.Shown("text", "data.kind")})
    assert own["Kind of data"].tolist() == ["report", "projects, grants"]
