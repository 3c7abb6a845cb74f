"""Resultat: the indicator registry, each indicator against its baseline and target, project
outputs per programme, the chain from money to the national result, Sweden beside Norway."""

import streamlit as st

from arena import charts, tables, ui
from arena.i18n import country_name, t
from arena.queries import periods, results

ui.ensure_shell()
language = ui.language()
filters = ui.current_filters()
COLUMNS = tables.results.COLUMNS  # what each download's columns hold
st.title(t("page.results", language))
st.caption(t("results.caption", language))

registry = ui.query(results.indicator_progress, filters=filters, today=ui.today())
if registry.empty:
    st.info(t("results.no_indicators", language))
    st.stop()

st.header(t("results.registry", language))
with ui.section("registry"):
    # The Overview counts these; here each one is named with where it stands.
    if summary := tables.results.target_summary(registry, language):
        st.markdown(ui.plain(summary))
    table = tables.results.registry_table(registry, language)
    # Each owner opens its organisation page; the download keeps the names.
    owner = t("results.col.owner", language)
    ui.table(
        tables.results.registry_links(table, registry, language),
        column_config={owner: st.column_config.LinkColumn(owner, display_text=tables.LINK_TEXT)},
    )
    ui.download_buttons(
        tables.results.registry_rows(registry, language),
        name="indicators",
        language=language,
        key="registry",
        columns=COLUMNS,
        years=filters.years,
    )
    st.caption(t("results.registry.caption", language))
    st.caption(periods.period_caption(filters, "indicators", language))

st.header(t("results.series", language))
with ui.section("series"):
    series = ui.query(results.indicator_series, filters=filters)
    if series.empty:
        st.info(t("results.no_values", language))
    else:
        ui.vega_lite(charts.results.indicator_series(series, registry, language), key="series")
        # The download's table (each stored value) is read when it is clicked, not on every rerun.
        values = ui.deferred(results.indicator_values, filters=filters)
        ui.download_buttons(
            lambda: tables.results.series_rows(values(), registry, language),
            name="indicator_values",
            language=language,
            key="series",
            columns=COLUMNS,
            years=filters.years,
        )
        st.caption(t("results.series.caption", language))
    st.caption(periods.period_caption(filters, "indicators", language))

st.header(t("results.outputs", language))
with ui.section("outputs"):
    outputs = ui.query(results.outputs_by_programme, filters=filters)
    if outputs.empty:
        st.info(t("results.outputs.none", language))
    else:
        ui.table(tables.results.outputs_table(outputs, registry, language))
        ui.download_buttons(
            tables.results.outputs_rows(outputs, registry, language),
            name="outputs",
            language=language,
            key="outputs",
            columns=COLUMNS,
            years=filters.years,
        )
    st.caption(t("results.outputs.caption", language))
    st.caption(periods.period_caption(filters, "indicators", language))

st.header(t("results.chain", language))
with ui.section("chain"):
    ui.plotly(
        charts.results.money_to_results(
            ui.query(results.money_to_results, filters=filters), language
        ),
        key="chain",
    )
    st.caption(t("results.chain.caption", language))
    st.caption(periods.period_caption(filters, "chain", language))

comparison = ui.query(results.country_comparison, filters=filters)
st.header(tables.results.comparison_title(list(comparison["country"].unique()), language))
with ui.section("compare"):
    if comparison.empty:
        st.info(t("results.compare.none", language))
    else:
        st.caption(t("results.compare.caption", language))
        names = {
            code: country_name(code).render(language) for code in comparison["country"].unique()
        }
        # Beside every year's values, a country without one in the chosen years is said so.
        all_years = ui.query(results.country_comparison)
        caveats = results.comparison_caveats(comparison, all_years)
        for measure, part in comparison.groupby("measure", sort=False):
            first = part.iloc[0]
            shared = results.measure_name(str(measure))
            title = (
                shared.render(language)
                if shared
                else tables.results.indicator_name(first["name_sv"], first["name_en"], language)
            )
            st.subheader(ui.plain(title))
            ui.table(tables.results.comparison_table(part, names, language))
            for caveat in caveats[str(measure)]:
                st.warning(ui.plain(caveat.render(language)), icon=":material/info:")
    st.caption(periods.period_caption(filters, "indicators", language))
