"""Data: upload updates, see exactly what will change, commit, undo; templates and exports."""

import streamlit as st

from arena import ui
from arena.i18n import t

language = ui.language()
st.title(t("page.data", language))
