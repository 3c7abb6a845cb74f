"""Arena Monitor: page config, navigation per role, the shared sidebar, then the page."""

import logging

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from arena import ui
from arena.i18n import LANGUAGES, t
from arena.store import StoreError

st.set_page_config(page_title="Arena Monitor", page_icon=":material/handshake:", layout="wide")

with st.sidebar:
    st.segmented_control(
        f"{t('language', 'sv')} / {t('language', 'en')}",
        LANGUAGES,
        format_func={"sv": "Svenska", "en": "English"}.get,
        default="sv",
        required=True,
        key=ui.LANGUAGE_KEY,
        bind="query-params",
        persist_state="session",
    )
language = ui.language()

# url_path equals each file's stem: Streamlit's own pages/ discovery then agrees with ours.
pages = {
    t("nav.leadership", language): [
        st.Page(
            "pages/overview.py",
            title=t("page.overview", language),
            icon=":material/dashboard:",
            url_path="overview",
            default=True,
        ),
    ],
}
page = st.navigation(pages)
st.sidebar.caption(t("app.tagline", language))

try:
    page.run()
except (StoreError, SQLAlchemyError):
    logging.getLogger("arena").exception("store error while rendering %s", page.title)
    st.error(t("error.store", language))
