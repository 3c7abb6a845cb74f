"""Arena Monitor: page config, navigation per role, the shared sidebar, then the page."""

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from arena import ui
from arena.i18n import t
from arena.store import StoreError

st.set_page_config(page_title="Arena Monitor", page_icon=":material/handshake:", layout="wide")

language = ui.language_switch()


def _page(stem: str, icon: str, **options: object) -> st.Page:
    # url_path equals the file stem: Streamlit's own pages/ discovery then agrees with ours.
    return st.Page(
        f"pages/{stem}.py", title=t(f"page.{stem}", language), icon=icon, url_path=stem, **options
    )


pages = {
    t("nav.leadership", language): [
        _page("overview", ":material/dashboard:", default=True),
        _page("portfolio", ":material/view_list:"),
        _page("project", ":material/description:"),
        _page("programmes", ":material/account_tree:"),
        _page("results", ":material/monitoring:"),
        _page("networks", ":material/hub:"),
        _page("efforts", ":material/campaign:"),
    ],
    t("nav.funders", language): [
        _page("grants", ":material/payments:"),
        _page("organisation", ":material/corporate_fare:"),
    ],
    t("nav.staff", language): [_page("data", ":material/upload_file:")],
}
page = st.navigation(pages)

try:
    ui.start_run()  # the store version once per run: part of every query's cache key
    # The Data page works on files, not on the filtered views: no filters there.
    if page.url_path != "data":
        st.session_state["filters"] = ui.sidebar_filters(language)
    st.sidebar.caption(t("app.tagline", language))
    page.run()
except (StoreError, SQLAlchemyError):
    ui.LOG.exception("store error while rendering %s", page.title)
    st.error(t("error.store", language))
except Exception:
    # The last guard: pages keep their sections apart (`ui.section`), so only a failure
    # outside every section lands here. Streamlit's control flow is no Exception and passes.
    ui.LOG.exception("page %s failed", page.title)
    st.error(t("page.failed", language))
