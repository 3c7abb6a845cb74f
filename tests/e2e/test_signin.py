"""A real sign-in (issue 10): a local OpenID Connect provider, `streamlit run` with an `[auth]`
section in a temporary secrets file, and Chromium signing in through the provider's form.

The provider is `oidc-provider-mock` (pinned 0.3.4 on Python 3.11) in a thread on loopback: any
client id works, and each person is PUT with their flat claims. Roles are seeded with the CLI
(`python -m arena users add`) into a temporary store with the demo data. Everything uses the
host `localhost`: the sign-in state lives in a cookie bound to the host of the redirect URI.
The repository's own `.streamlit/secrets.toml` is never written: the server reads the
temporary file through `--secrets.files`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from oidc_provider_mock import run_server_in_thread
from playwright.sync_api import Browser, Page, expect

PEOPLE = {
    "funder@vinnova.se": ["--role", "funder", "--funder", "Vinnova"],
    "editor@example.se": ["--role", "editor"],
    "viewer@example.se": ["--role", "viewer"],
}
STRANGER = "stranger@example.se"
REPO_ROOT = Path(__file__).resolve().parents[2]
READ_PAGES = {
    "Översikt",
    "Portfölj",
    "Projekt",
    "Program",
    "Resultat",
    "Nätverk",
    "Insatser",
    "Bidrag",
    "Organisation",
}


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """The provider's base URL, with every person of PEOPLE and a stranger registered."""
    with run_server_in_thread() as server:
        base = f"http://localhost:{server.server_port}"
        for email in (*PEOPLE, STRANGER):
            claims = {"email": email, "name": email.split("@")[0].title()}
            request = urllib.request.Request(
                f"{base}/users/{email}",
                data=json.dumps(claims).encode(),
                method="PUT",
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 204
        yield base


def _arena(env: dict[str, str], *arguments: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "arena", *arguments],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"arena {arguments}: {done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def signed_app(provider, start_app, tmp_path_factory, output_dir) -> Iterator[tuple[str, Path]]:
    """(base URL on localhost, store file) of an app with sign-in and the roles of PEOPLE."""
    folder = tmp_path_factory.mktemp("signin")
    database = folder / "arena.db"
    env = {
        **os.environ,
        "ARENA_DATABASE_URL": f"sqlite:///{database}",
        "PYTHONUNBUFFERED": "1",
    }
    _arena(env, "init", "--demo")
    for email, role in PEOPLE.items():
        _arena(env, "users", "add", email, *role)
    port = start_app.free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://localhost:{port}/oauth2callback"\n'
        f'cookie_secret = "{os.urandom(32).hex()}"\n'
        'client_id = "arena-monitor"\n'
        'client_secret = "test-only"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    with start_app.serve(
        env,
        output_dir / "streamlit-signin-{worker}.log",
        f"--secrets.files={secrets}",
        host="localhost",
        port=port,
    ) as base_url:
        yield base_url, database


@pytest.fixture
def person(browser: Browser) -> Iterator[Page]:
    """A fresh browser (no cookies: nobody signed in) per test."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    yield context.new_page()
    context.close()


def _settled(page: Page) -> None:
    """Wait until the app is connected and its script run has finished."""
    app = '[data-testid="stApp"]'
    page.wait_for_selector(f'{app}[data-test-connection-state="CONNECTED"]', state="attached")
    page.wait_for_selector('[data-testid="stSidebar"] [data-testid="stButtonGroup"]')
    page.wait_for_selector(f'{app}[data-test-script-state="notRunning"]', state="attached")
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="hidden")
    page.wait_for_timeout(300)


def _sign_in(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/")
    _settled(page)
    expect(page.get_by_role("heading", name="Logga in", exact=True)).to_be_visible()
    page.get_by_role("button", name="Logga in", exact=True).click()
    page.wait_for_url("**/oauth2/authorize**", timeout=30_000)
    page.fill("input[name=sub]", email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{base_url}/**", timeout=30_000)
    _settled(page)


def _pages(page: Page) -> set[str]:
    """The page names the navigation offers (every one: "View more" expanded)."""
    navigation = page.locator('[data-testid="stSidebarNav"]')
    more = navigation.locator('[data-testid="stSidebarNavViewButton"]')
    if more.count() and "more" in more.inner_text().lower():
        more.click()
    links = navigation.locator('[data-testid="stSidebarNavLink"]')
    # A link's text is its icon's ligature name, then the page's title.
    return {text.strip().splitlines()[-1] for text in links.all_inner_texts()}


def _grants(database: Path, funder: str | None = None) -> int:
    """How many grants the store holds (of `funder`): read from the store, not the app."""
    query = "SELECT count(*) FROM grant_award g JOIN organisation o ON o.id = g.funder_id"
    with sqlite3.connect(database) as conn:
        if funder is None:
            return conn.execute(query).fetchone()[0]
        return conn.execute(query + " WHERE o.name = ?", (funder,)).fetchone()[0]


def _grant_count(page: Page) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text="Antal bidrag").first
    return card.locator('[data-testid="stMetricValue"]').inner_text().strip()


def _open(page: Page, base_url: str, path: str) -> None:
    page.goto(f"{base_url}/{path}")
    _settled(page)


@pytest.mark.parametrize(
    ("email", "pages"),
    [
        ("viewer@example.se", READ_PAGES),
        ("funder@vinnova.se", READ_PAGES),
        ("editor@example.se", READ_PAGES | {"Data"}),
    ],
)
def test_each_person_signs_in_and_sees_exactly_their_pages(signed_app, person, email, pages):
    base_url, database = signed_app
    _sign_in(person, base_url, email)
    expect(person.locator('[data-testid="stSidebar"]')).to_contain_text(email)
    assert _pages(person) == pages
    _open(person, base_url, "grants")
    funder = "Vinnova" if email.startswith("funder") else None
    assert _grant_count(person) == str(_grants(database, funder))
    expect(person.locator('[data-testid="stException"]')).to_have_count(0)


def test_the_funder_reaches_no_other_funders_project_by_link(signed_app, person):
    base_url, database = signed_app
    with sqlite3.connect(database) as conn:
        (other,) = conn.execute(
            "SELECT p.reference FROM project p JOIN grant_award g ON g.project_id = p.id "
            "JOIN organisation o ON o.id = g.funder_id WHERE o.name = 'Energimyndigheten' "
            "AND p.id NOT IN (SELECT g2.project_id FROM grant_award g2 JOIN organisation o2 "
            "ON o2.id = g2.funder_id WHERE o2.name = 'Vinnova') LIMIT 1"
        ).fetchone()
    _sign_in(person, base_url, "funder@vinnova.se")
    _open(person, base_url, f"project?ref={other}")
    expect(person.get_by_text(f"Projektet {other} finns inte.")).to_be_visible()
    expect(person.locator('[data-testid="stMetric"]')).to_have_count(0)


def test_sign_out_ends_the_session(signed_app, person):
    base_url, _database = signed_app
    _sign_in(person, base_url, "viewer@example.se")
    person.locator('[data-testid="stSidebar"]').get_by_role("button", name="Logga ut").click()
    person.wait_for_url("**/oauth2/end_session**", timeout=30_000)
    person.get_by_role("button", name="End session").click()
    person.wait_for_url(f"{base_url}/**", timeout=30_000)
    _settled(person)
    expect(person.get_by_role("button", name="Logga in", exact=True)).to_be_visible()
    assert _pages(person) == set()
    expect(person.locator('[data-testid="stMetric"]')).to_have_count(0)


def test_an_unknown_person_sees_no_data(signed_app, person):
    base_url, _database = signed_app
    _sign_in(person, base_url, STRANGER)
    expect(person.get_by_role("heading", name="Du har ingen behörighet ännu")).to_be_visible()
    assert _pages(person) == set()
    _open(person, base_url, "grants")
    expect(person.get_by_role("heading", name="Du har ingen behörighet ännu")).to_be_visible()
    expect(person.locator('[data-testid="stMetric"]')).to_have_count(0)
    expect(person.locator('[data-testid="stDataFrame"]')).to_have_count(0)
