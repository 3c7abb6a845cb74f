"""Sign-in, local mode and navigation per role (issue 10), through the real app.py in AppTest.

AppTest cannot sign in through a provider (the browser suite, tests/e2e/test_signin.py, does),
but it simulates one signed in: `at.user` is what `st.user` returns, and `at.secrets` is what
`st.secrets` holds, which is where the app looks for the `[auth]` section.
"""

from __future__ import annotations

import tomllib

import pytest
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from arena import config
from arena.auth import Role, add_role, cli_identity, remove_role
from arena.domain import Role as DomainRole
from arena.i18n import t
from arena.ingest import Upload, import_files
from arena.queries.history import import_count
from arena.ui import plain

READ_PAGES = (
    "overview",
    "portfolio",
    "project",
    "programmes",
    "results",
    "networks",
    "efforts",
    "grants",
    "organisation",
)
ALL_PAGES = (*READ_PAGES, "data", "admin")
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "x" * config.COOKIE_SECRET_MIN_LENGTH,
    "client_id": "arena",
    "client_secret": "not-a-secret",
    "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration",
}
# Two funders, one project each: the funder's view must hold one and never the other.
FILES = {
    "organisationer.csv": "Namn;Typ;Län\nVinnova;national_authority;Stockholms län\n"
    "Energimyndigheten;national_authority;Södermanlands län\nRegion Test;region;Testlän\n",
    "program.csv": "Kod;Namn\nP1;Programmet\n",
    "projekt.csv": "Diarienummer;Titel;Status;Koordinator;Program;Startdatum;Slutdatum\n"
    "V-1;Vinnovas projekt;ongoing;Region Test;P1;2020-01-01;2027-12-31\n"
    "E-1;Energimyndighetens projekt;ongoing;Region Test;P1;2020-01-01;2027-12-31\n",
    "bidrag.csv": "Bidragsreferens;Diarienummer;Finansiär;Belopp;Beslutsdatum\n"
    "GV-1;V-1;Vinnova;300 000;2020-02-01\nGE-1;E-1;Energimyndigheten;700 000;2020-02-01\n",
}
PEOPLE = {
    "funder@vinnova.se": (Role.FUNDER, ["Vinnova"]),
    "viewer@example.se": (Role.VIEWER, []),
    "editor@example.se": (Role.EDITOR, []),
    "admin@example.se": (Role.ADMIN, []),
}


@pytest.fixture
def store(engine):
    result = import_files(
        engine,
        [Upload(name, text.encode()) for name, text in FILES.items()],
        identity=cli_identity(),
    )
    assert result.outcome == "committed", result.problems
    for email, (role, funders) in PEOPLE.items():
        add_role(engine, identity=cli_identity(), email=email, role=role, funders=funders)
    return engine


@pytest.fixture
def app(store, monkeypatch):
    """app(email=None, *, auth=AUTH, address=..., claims=..., page=..., **query) -> the app
    after its first run (and a switch to `page`), with nobody or `email` signed in."""
    monkeypatch.setenv("ARENA_DATABASE_URL", store.url.render_as_string(hide_password=False))
    streamlit_config.set_option("client.showErrorDetails", "full")

    def run(
        email: str | None = None,
        *,
        auth: dict | None = AUTH,
        address: str | None = "127.0.0.1",
        claims: dict | None = None,
        page: str | None = None,
        **query: str,
    ) -> AppTest:
        # As a server started on `address` (the conftest puts the option back after the test).
        streamlit_config.set_option("server.address", address)
        at = AppTest.from_file(str(config.PROJECT_ROOT / "app.py"), default_timeout=60)
        if auth is not None:
            at.secrets["auth"] = auth
            signed_in = {"email": email, "name": email.split("@")[0]} if email else {}
            at.user = {"is_logged_in": bool(email), **signed_in, **(claims or {})}
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if page is not None:
            at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, at.exception
        return at

    return run


def _pages(at: AppTest) -> set[str]:
    """The pages the navigation offers: AppTest refuses to switch to a page it does not hold."""
    offered = set()
    for stem in ALL_PAGES:
        try:
            at.switch_page(f"pages/{stem}.py")
        except ValueError:
            continue
        offered.add(stem)
    return offered


def _texts(at: AppTest) -> str:
    parts = [*at.title, *at.markdown, *at.caption, *at.info, *at.error, *at.warning]
    return " ".join(str(part.value) for part in parts)


@pytest.mark.parametrize(
    ("email", "pages"),
    [
        ("viewer@example.se", set(READ_PAGES)),
        ("funder@vinnova.se", set(READ_PAGES)),
        ("editor@example.se", {*READ_PAGES, "data"}),
        ("admin@example.se", set(ALL_PAGES)),
    ],
)
def test_each_role_sees_exactly_its_pages(app, email, pages):
    at = app(email)
    assert _pages(at) == pages
    assert plain(email) in _texts(at.sidebar)  # the sidebar says who is signed in
    assert [button.label for button in at.sidebar.button] == ["Logga ut"]


def test_nobody_signed_in_sees_only_the_sign_in_page(app):
    at = app()
    assert [title.value for title in at.title] == ["Logga in"]
    assert [button.label for button in at.button] == ["Logga in"]
    assert not at.metric and not at.dataframe and not at.sidebar.multiselect  # no data, no filters
    assert _pages(at) == set()


def test_a_person_without_a_role_is_asked_to_see_the_administrator(app):
    at = app("stranger@example.se")
    assert [title.value for title in at.title] == ["Du har ingen behörighet ännu"]
    assert "administratör" in _texts(at)
    assert not at.metric and not at.dataframe and not at.sidebar.multiselect
    assert _pages(at) == set()


def test_a_provider_sending_no_email_is_said_to_be_set_up(app):
    # Entra ID sends no `email` claim unless asked to: the person cannot be given a role, so
    # the page says what the administrator must set up instead of asking for a role.
    # `preferred_username` looks like an address but is not taken for one.
    claims = {
        "is_logged_in": True,
        "sub": "8f1c2d3e-aaaa-bbbb-cccc-1234567890ab",
        "name": "Anna Svensson",
        "preferred_username": "viewer@example.se",
    }
    at = app(claims=claims)
    assert [title.value for title in at.title] == ["Du har ingen behörighet ännu"]
    said = _texts(at)
    assert "skickade ingen e-postadress" in said and "anspråket `email`" in said
    assert plain("Anna Svensson <8f1c2d3e-aaaa-bbbb-cccc-1234567890ab>") in said
    assert "ge dig en roll" not in said
    assert _pages(at) == set()


@pytest.mark.parametrize("verified", [False, "false"])
def test_an_address_the_provider_has_not_verified_is_given_no_role(app, monkeypatch, verified):
    # admin@example.se opened as administrator though the provider said anyone may have typed
    # it: no role now, from the store or from a claim, and the page says why.
    monkeypatch.setenv(config.ROLE_CLAIM_VAR, "groups")
    monkeypatch.setenv(config.CLAIM_ROLES_VAR, "arena-editors=editor")
    at = app("admin@example.se", claims={"email_verified": verified, "groups": ["arena-editors"]})
    assert [title.value for title in at.title] == [t("signin.norole.title", "sv")]
    said = _texts(at)
    assert t("signin.unverified.body", "sv", who=plain("admin <admin@example.se>")) in said
    assert not at.metric and not at.dataframe and _pages(at) == set()
    # Verified, or no word on it (Entra ID sends none): the store's role.
    assert "admin" in _pages(app("admin@example.se", claims={"email_verified": True}))
    assert "admin" in _pages(app("admin@example.se"))


def test_a_role_from_the_identity_providers_claim(app, monkeypatch):
    monkeypatch.setenv(config.ROLE_CLAIM_VAR, "groups")
    monkeypatch.setenv(config.CLAIM_ROLES_VAR, "arena-editors=editor")
    at = app("new@example.se", claims={"groups": ["arena-editors"]})
    assert _pages(at) == {*READ_PAGES, "data"}
    assert _pages(app("new@example.se", claims={"groups": ["others"]})) == set()


def test_the_funder_sees_only_its_own_grants(app):
    at = app("funder@vinnova.se", page="grants")
    shown = " ".join(frame.value.to_csv() for frame in at.dataframe)
    assert "GV-1" in shown and "V-1" in shown
    assert "GE-1" not in shown and "Energimyndighetens projekt" not in shown
    # A link to the other funder's project finds nothing, and shows no project in its place.
    at = app("funder@vinnova.se", page="project", ref="E-1")
    assert plain("E-1") in " ".join(warning.value for warning in at.warning)
    assert not at.header and not at.metric
    # A link naming the other funder selects nothing.
    at = app("funder@vinnova.se", page="grants", funder="Energimyndigheten")
    assert "GE-1" not in " ".join(frame.value.to_csv() for frame in at.dataframe)


def test_the_viewer_sees_every_funder(app):
    at = app("viewer@example.se", page="grants")
    shown = " ".join(frame.value.to_csv() for frame in at.dataframe)
    assert "GV-1" in shown and "GE-1" in shown


def test_local_mode_on_loopback_has_every_right_and_says_so(app):
    at = app(auth=None, address="127.0.0.1")
    assert _pages(at) == set(ALL_PAGES)
    assert "alla rättigheter" in " ".join(info.value for info in at.sidebar.info)


@pytest.mark.parametrize("address", [None, "0.0.0.0", "192.168.1.10"])
def test_local_mode_on_another_address_is_read_only(app, address):
    at = app(auth=None, address=address)
    assert _pages(at) == set(READ_PAGES)
    assert "bara läsning" in " ".join(info.value for info in at.sidebar.info)


def test_local_editing_may_be_allowed_explicitly(app, monkeypatch):
    monkeypatch.setenv(config.ALLOW_LOCAL_EDIT_VAR, "1")
    assert _pages(app(auth=None, address="0.0.0.0")) == set(ALL_PAGES)


@pytest.mark.parametrize(
    ("secret", "problem"),
    [(None, "saknar cookie_secret"), ("kort", "kortare än 32 tecken")],
)
def test_sign_in_refuses_to_start_without_a_long_cookie_secret(app, secret, problem):
    section = {key: value for key, value in AUTH.items() if key != "cookie_secret"}
    if secret is not None:
        section["cookie_secret"] = secret
    at = app("admin@example.se", auth=section)
    assert [title.value for title in at.title] == ["Inloggningen är inte rätt inställd"]
    assert problem in " ".join(error.value for error in at.error)
    assert not at.button and _pages(at) == set()


def test_a_funder_role_from_a_claim_is_refused_as_a_setup_problem(app, monkeypatch):
    # A funder given by a claim had no organisations: its pages said "bidrag från –".
    monkeypatch.setenv(config.ROLE_CLAIM_VAR, "groups")
    monkeypatch.setenv(config.CLAIM_ROLES_VAR, "arena-funders=funder,arena-readers=viewer")
    at = app("new@example.se", claims={"groups": ["arena-funders"]})
    assert [title.value for title in at.title] == [t("signin.admin.title", "sv")]
    assert [error.value for error in at.error] == [t("signin.admin.claim_funder", "sv")]
    assert not at.button and _pages(at) == set()
    assert config.claim_roles() == {"arena-readers": DomainRole.VIEWER}


def test_the_server_settings_are_hardened():
    settings = tomllib.loads((config.PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert settings["server"]["enableXsrfProtection"] is True
    assert settings["client"]["showErrorDetails"] == "none"
    assert settings["server"]["maxUploadSize"] == config.UPLOAD_LIMIT_MB
    # A double click's second run must not overlap the first's import or undo (config.toml).
    assert settings["runner"]["fastReruns"] is False


def test_claim_roles_ignore_unknown_roles(monkeypatch):
    monkeypatch.setenv(config.CLAIM_ROLES_VAR, "a=admin, b=owner ,c = viewer,=editor")
    assert config.claim_roles() == {"a": DomainRole.ADMIN, "c": DomainRole.VIEWER}


def test_a_funder_opens_the_organisations_its_pages_name(app, store):
    # The Networks page names a group's members and the Results page an indicator's owner to
    # every reader; opened by a funder, their pages said "the organisation does not exist".
    files = {
        "organisationer.csv": "Namn;Typ;Län\nKommunen;municipality;Testlän\n"
        "SCB;national_authority;Stockholms län\n",
        "grupper.csv": "Namn;Typ;Antal länder;Sektor\nGruppen;buyer_group;;Transport\n",
        "medlemmar.csv": "Beställargrupp;Organisation\nGruppen;Kommunen\n",
        "indikatorer.csv": "Kod;Namn;Enhet;Ägare\nI1;Antal;antal;SCB\n",
    }
    for name, text in files.items():
        result = import_files(store, [Upload(name, text.encode())], identity=cli_identity())
        assert result.outcome == "committed", result.problems
    for name in ("Kommunen", "SCB"):
        at = app("funder@vinnova.se", page="organisation", org=name)
        assert not at.warning, [warning.value for warning in at.warning]
        assert plain(name) in " ".join(header.value for header in at.header)


def _button(at: AppTest, label: str):
    return next(button for button in at.button if button.label == label)


def test_a_removed_role_stops_the_next_change_at_once(app, store):
    # The roles were cached in the session for a minute: an editor whose role the admin had
    # just removed still committed the upload their open Data page showed.
    at = app("editor@example.se", page="data")
    at.file_uploader[0].upload("organisationer.csv", b"Namn;Typ\nSent AB;company\n", "text/csv")
    at.run()
    before = import_count(store)
    remove_role(store, identity=cli_identity(), email="editor@example.se", role=Role.EDITOR)
    _button(at, "Genomför importen").click().run()
    assert not at.exception, at.exception
    assert not at.success and "inte importera" in _texts(at)
    assert import_count(store) == before

    # An admin who takes away their own admin role cannot change roles on their next click.
    add_role(store, identity=cli_identity(), email="ada@example.se", role=Role.ADMIN)
    at = app("admin@example.se", page="admin")
    next(box for box in at.selectbox if box.label == "Användare").set_value(
        "admin@example.se"
    ).run()
    next(box for box in at.selectbox if box.label == "Vad som tas bort").set_value(
        (Role.ADMIN, None)
    ).run()
    _button(at, "Ta bort").click().run()
    assert not at.exception, at.exception
    assert [box.value for box in at.success] == [plain("admin@example.se: 1 roll borttagen.")]
    assert "hantera användare" in " ".join(error.value for error in at.error)
    assert not at.text_input  # no form left to add a role with
