"""`ui.ensure_shell` and `ui.entrypoint_ids` lean on private Streamlit state (no supported way
exists in 1.67): these tests fail the day Streamlit renames the flag or the hash or stops setting,
reading or clearing them, so the workarounds are looked at again then instead of silently doing
nothing.
"""

from __future__ import annotations

import inspect

import pytest
import streamlit as st
from streamlit import config as streamlit_config
from streamlit.commands import navigation
from streamlit.elements.lib import utils as element_utils
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState
from streamlit.testing.v1.util import patch_config_options

from arena import ui


class _RerunRequestedError(Exception):
    """Stands in for Streamlit's rerun, which needs a running script."""


def _rerun() -> None:
    raise _RerunRequestedError


def test_streamlit_still_sets_reads_and_clears_the_flag_ensure_shell_uses():
    assert "uses_pages_directory" in vars(PagesManager)
    # Set from the presence of pages/ ...
    assert "PagesManager.uses_pages_directory = Path(" in inspect.getsource(PagesManager)
    # ... read by the script runner to run a page script alone (the old automatic navigation) ...
    assert "if PagesManager.uses_pages_directory:" in inspect.getsource(script_runner)
    # ... and cleared by st.navigation, which app.py calls.
    assert "PagesManager.uses_pages_directory = False" in inspect.getsource(navigation)
    # The option AppTest sets for its runs, read to leave them alone.
    assert streamlit_config.get_option("global.appTest") is False


def test_a_page_run_alone_clears_the_flag_and_reruns_under_app_py(monkeypatch):
    monkeypatch.setattr(PagesManager, "uses_pages_directory", True)
    monkeypatch.setattr(st, "rerun", _rerun)
    with pytest.raises(_RerunRequestedError):
        ui.ensure_shell()
    assert PagesManager.uses_pages_directory is False


def test_a_page_run_under_app_py_or_in_apptest_goes_on(monkeypatch):
    monkeypatch.setattr(st, "rerun", _rerun)
    monkeypatch.setattr(PagesManager, "uses_pages_directory", False)
    ui.ensure_shell()
    monkeypatch.setattr(PagesManager, "uses_pages_directory", True)
    with patch_config_options({"global.appTest": True}):
        ui.ensure_shell()
    assert PagesManager.uses_pages_directory is True


def test_streamlit_still_keys_widget_ids_on_the_hash_entrypoint_ids_sets():
    # `ui.entrypoint_ids` sets the run's active script hash to the main script's, because a
    # widget's id is computed from it and the `pages/` discovery runs app.py under another
    # (the browser suite's fresh-server test shows the lost click this prevents).
    assert 'kwargs_to_use["active_script_hash"] = ThreadState.get().active_script_hash' in (
        inspect.getsource(element_utils.compute_and_register_element_id)
    )
    assert "_create_page(resolved_main_script_path, default=True)" in inspect.getsource(
        script_runner._mpa_v1
    )
    assert "def update(" in inspect.getsource(ThreadState)
