"""Resultat: the registry, the series, outputs per programme, the chain and Sweden beside Norway,
with the real demo values in Swedish and English; an empty store, indicators without values, no
targets."""

from __future__ import annotations

import json

from arena import tables
from arena.i18n import t
from tests.fixtures.ingest import load_files


def _tables(app) -> list:
    return [frame.value for frame in app.dataframe]


def _texts(app) -> str:
    elements = [*app.markdown, *app.caption, *app.warning, *app.info, *app.subheader]
    return "\n".join(element.value for element in elements)


def test_the_registry_shows_real_values_with_source_and_coverage(demo_engine, open_page):
    app = open_page(demo_engine, "results")
    assert [title.value for title in app.title] == ["Resultat"]
    registry = _tables(app)[0].set_index("Kod")
    doffin = registry.loc["NO_DOFFIN_INNOVATION"]
    assert doffin["Utgångsvärde (år)"] == "6 (2010)"
    assert doffin["Senaste värde (år)"] == "180 (2016)"
    assert doffin["Mål (år)"] == "Inget mål" and doffin["Framsteg mot mål"] == "–"
    assert doffin["Källa"] == "SOI-artikel 2021-04-26 (seed 004)"
    # The owner opens its organisation page.
    assert doffin["Ägare"] == tables.organisation_url("Leverandørutviklingsprogrammet (LUP)")
    sweden = registry.loc["SE_INNOVATION_PROCUREMENTS"]
    assert sweden["Täckning"] == "5 %"
    assert sweden["Anmärkning"] == "Innovationsfältet saknades för cirka 95 % av annonserna"
    share = registry.loc["SE_INNOVATION_SHARE"]
    assert share["Senaste värde (år)"] == "4,6 % (2022)"
    assert share["Anmärkning"] == "793 av 17 198 annonserade upphandlingar"
    # The indicator's own source (its target is illustrative) beside its latest value's.
    assert share["Källa"].endswith("; målvärde illustrativt")
    assert share["Senaste värdets källa"].endswith("; andel beräknad 793/17 198")
    assert share["Mått"] == t("results.measure.innovation_procurement_share", "sv")
    # The Overview's "0 av 5 nådda" named: each indicator with a target and where it stands.
    summary = _texts(app).replace("\\", "")
    assert "5 indikatorer räknade mot mål: Aktiva beställarnätverk (På väg mot målet);" in summary
    assert "Andel innovationsupphandlingar (Bara utgångsvärdet uppmätt)" in summary


def test_series_outputs_and_chain_are_drawn(demo_engine, open_page):
    app = open_page(demo_engine, "results")
    (series,) = app.get("vega_lite_chart")
    spec = json.loads(series.proto.spec)
    assert spec["title"] == "Värde per år mot utgångsvärde och mål"
    outputs = _tables(app)[1]
    co2 = outputs[
        (outputs["Indikator"] == "Minskade utsläpp (ton CO2e)") & (outputs["År"] == "2025")
    ]
    assert co2[["Program", "Värde", "Så räknat"]].values.tolist() == [
        ["ARENA-2021", "406", "Summa för 2 projekt"]
    ]
    (chain,) = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    texts = " ".join(annotation["text"] for annotation in chain["layout"]["annotations"])
    assert "2017–2026" in texts and "4,6 %" in texts


def test_sweden_and_norway_side_by_side_with_the_differences_said(demo_engine, open_page):
    app = open_page(demo_engine, "results")
    tables = _tables(app)[2:]
    same = tables[0].set_index("Land")
    assert same.loc["Norge", ["Första värde (år)", "Senaste värde (år)"]].tolist() == [
        "6 (2010)",
        "180 (2016)",
    ]
    assert same.loc["Sverige", ["Senaste värde (år)", "Täckning"]].tolist() == ["793 (2022)", "5 %"]
    strategy = next(table for table in tables if "6 % (2010)" in set(table["Första värde (år)"]))
    assert strategy["Senaste värde (år)"].tolist() == ["40 % (2017)"]
    texts = _texts(app).replace("\\", "")
    assert "Värdena gäller olika år (2016, 2022); de är inte från samma år." in texts
    assert "Sverige har inget värde för detta mått i databasen." in texts
    assert "Sveriges värde bygger bara på 5 % av populationen." in texts


def test_the_results_page_in_english(demo_engine, open_page):
    app = open_page(demo_engine, "results", lang="en")
    assert [title.value for title in app.title] == ["Results"]
    registry = _tables(app)[0].set_index("Code")
    assert registry.loc["SE_INNOVATION_SHARE", "Latest value (year)"] == "4.6% (2022)"
    assert registry.loc["NO_STRATEGY_SHARE", "Baseline (year)"] == "6% (2010)"
    assert registry.loc["NO_DOFFIN_INNOVATION", "Target (year)"] == "No target"
    texts = _texts(app).replace("\\", "")
    assert "Sweden has no value for this measure in the store." in texts
    assert "The values are from different years (2016, 2022)" in texts


def test_an_empty_store_says_so(engine, open_page):
    app = open_page(engine, "results")
    assert [info.value for info in app.info] == [t("results.no_indicators", "sv")]


def test_indicators_without_values_and_without_targets(engine, open_page):
    load_files(engine, {"indikatorer.csv": "Kod;Namn;Enhet\nI1;Ett;antal\nI2;Två;%\n"})
    app = open_page(engine, "results")
    registry = _tables(app)[0].set_index("Kod")
    assert registry["Läge"].tolist() == ["Inget värde", "Inget värde"]
    assert registry["Mål (år)"].tolist() == ["Inget mål", "Inget mål"]
    infos = [info.value for info in app.info]
    assert t("results.no_values", "sv") in infos
    assert t("results.compare.none", "sv") in infos
    assert not app.warning


def test_a_programme_in_view_draws_its_series_without_another_programmes_indicator(
    engine, open_page
):
    # AB-1, a project of PA, reports PB's indicator too. Filtered to PA, the section of
    # series said "cannot be shown" (the series held IND_B, the registry did not).
    load_files(
        engine,
        {
            "1_prog.csv": "Kod;Namn\nPA;Program A\nPB;Program B\n",
            "2_ind.csv": "Kod;Namn;Enhet;Målvärde;Målår;Program\n"
            "IND_B;B-indikator;antal;10;2026;PB\nIND_A;A-indikator;antal;10;2026;PA\n",
            "3_proj.csv": "Diarienummer;Titel;Status;Program\n"
            "AB-1;Projekt i PA;ongoing;PA\nB-1;Projekt i PB;ongoing;PB\n",
            "4_val.csv": "Indikator;Diarienummer;År;Värde\n"
            "IND_B;B-1;2022;7\nIND_B;AB-1;2023;3\nIND_A;AB-1;2023;2\n",
        },
    )
    app = open_page(engine, "results", f_programme="PA")
    assert t("section.failed", "sv") not in [warning.value for warning in app.warning]
    assert len(app.get("vega_lite_chart")) == 1
    assert _tables(app)[0]["Kod"].tolist() == ["IND_A"]


def test_four_countries_are_named_and_the_section_says_which(engine, open_page):
    """Denmark and Finland were "DK" and "FI" under a title "Sverige och Norge"."""
    from tests.unit.test_results import NORDIC_INDICATORS, NORDIC_VALUES

    load_files(engine, {"indikatorer.csv": NORDIC_INDICATORS, "indikatorvarden.csv": NORDIC_VALUES})
    app = open_page(engine, "results")
    assert "Sverige, Norge, Danmark och Finland" in [h.value for h in app.header]
    countries = next(table for table in _tables(app) if "Land" in table.columns)
    assert set(countries["Land"]) == {"Sverige", "Norge", "Danmark", "Finland"}
    assert "Danmark har inget värde för detta mått i databasen." in _texts(app).replace("\\", "")


def test_a_year_filter_says_a_value_is_outside_the_chosen_years(engine, open_page):
    from tests.unit.test_results import NORDIC_INDICATORS, NORDIC_VALUES

    load_files(engine, {"indikatorer.csv": NORDIC_INDICATORS, "indikatorvarden.csv": NORDIC_VALUES})
    app = open_page(engine, "results", f_years=["2024", "2024"])
    texts = _texts(app).replace("\\", "")
    assert "Norge har inget värde för detta mått under vald period" in texts
    assert "Norge har inget värde för detta mått i databasen." in texts  # strategy_share: none


# Norway, the Netherlands and the United States beside Sweden: a caption said "Sverige jämfört
# med Norge" above a title of four countries, and English left out "the".
_ARTICLE_INDICATORS = (
    "Kod;Namn;Enhet;Riktning;Mått\n"
    "SE_X;Sverige X;antal;increase;innovation_procurements_announced\n"
    "NO_X;Norge X;antal;increase;innovation_procurements_announced\n"
    "NL_X;Nederländerna X;antal;increase;innovation_procurements_announced\n"
    "US_X;USA X;antal;increase;innovation_procurements_announced\n"
    "SE_Y;Sverige Y;%;increase;strategy_share\n"
)
_ARTICLE_VALUES = (
    "Indikator;Land;År;Värde\nSE_X;SE;2024;10\nNO_X;NO;2024;7\nNL_X;NL;2024;3\n"
    "US_X;US;2024;4\nSE_Y;SE;2024;12\n"
)


def test_the_caption_holds_for_every_country_and_english_says_the(engine, open_page):
    load_files(
        engine, {"indikatorer.csv": _ARTICLE_INDICATORS, "indikatorvarden.csv": _ARTICLE_VALUES}
    )
    app = open_page(engine, "results")
    captions = [caption.value for caption in app.caption]
    assert t("results.caption", "sv") in captions
    assert not any("jämfört med Norge" in caption for caption in captions)
    assert "Sverige, Norge, Nederländerna och USA" in [h.value for h in app.header]
    english = open_page(engine, "results", lang="en")
    assert not any("compared with Norway" in caption.value for caption in english.caption)
    headers = [h.value for h in english.header]
    assert "Sweden, Norway, the Netherlands and the United States" in headers
    texts = _texts(english).replace("\\", "")
    assert "The Netherlands has no value for this measure in the store." in texts
    assert "The United States has no value for this measure in the store." in texts
