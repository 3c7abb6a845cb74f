"""The app starts, renders the Overview page with a chart, and shows no error."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

CHARTS = '[data-testid="stPlotlyChart"], .js-plotly-plot, [data-testid="stVegaLiteChart"]'


def test_overview_renders(open_app, output_dir: Path) -> None:
    page = open_app()
    try:
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        assert "Traceback" not in page.locator('[data-testid="stApp"]').inner_text()
        expect(page.get_by_role("heading", name=re.compile("Översikt")).first).to_be_visible()
        # Charts are drawn by the frontend after the run; give them a moment to appear.
        expect(page.locator(CHARTS).first).to_be_attached(timeout=15_000)
    finally:
        # Also on failure: the screenshot is the quickest way to see what went wrong.
        page.screenshot(path=output_dir / "overview.png", full_page=True)
