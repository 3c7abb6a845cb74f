"""An empty table is said in words, in the reader's language: Streamlit's empty grid says
"empty" in English whatever the page's language, and its downloads would hold no rows."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _table_script(rows: int, language: str) -> None:
    import pandas as pd

    from arena import pageparts

    frame = pd.DataFrame({"reference": [f"P-{number}" for number in range(rows)]})
    pageparts.table(frame, language=language, name="listed")


def test_an_empty_table_says_so_and_offers_no_download():
    for language, words in (("sv", "Inga rader."), ("en", "No rows.")):
        app = AppTest.from_function(_table_script, args=(0, language)).run()
        assert not app.exception, app.exception
        assert [caption.value for caption in app.caption] == [words]
        assert not app.dataframe and not app.get("download_button")


def test_a_table_with_rows_is_a_grid_with_its_downloads():
    app = AppTest.from_function(_table_script, args=(2, "sv")).run()
    assert not app.exception, app.exception
    assert app.dataframe[0].value["Diarienummer"].tolist() == ["P-0", "P-1"]
    assert len(app.get("download_button")) == 2
    assert not app.caption
