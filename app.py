"""Arena Monitor: page config, sign-in, navigation per role, the shared sidebar, then the page.

With an `[auth]` section in `.streamlit/secrets.toml` nobody sees anything but the sign-in page
until signed in, and a signed-in person without a role sees only a page asking them to turn to
their administrator; no data query runs for either. Without `[auth]` the app runs in local mode
(`ui.identity`). The navigation follows the roles; the queries enforce the same on their own
(`ui.query`: the right to read, the funder scope).
"""

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from arena import auth, config, ui
from arena.i18n import t
from arena.store import StoreError, safe_url

st.set_page_config(page_title="Arena Monitor", page_icon=":material/handshake:", layout="wide")
ui.entrypoint_ids()  # before the first widget: the ids of a fresh server's first run

language = ui.language_switch()


def _page(stem: str, icon: str, **options: object) -> st.Page:
    # url_path equals the file stem: Streamlit's own pages/ discovery then agrees with ours.
    options.setdefault("url_path", stem)
    return st.Page(f"pages/{stem}.py", title=t(f"page.{stem}", language), icon=icon, **options)


def _to_overview() -> None:
    """`/overview` (typed, or a page's name put in a link by hand) opens the Overview with the
    link's filters. Streamlit serves the default page at "/" only and would answer this path
    with "Page not found"."""
    kept = {key: st.query_params.get_all(key) for key in st.query_params}
    st.switch_page(overview, query_params=kept)


def _only(render: object, title_key: str) -> None:
    """Show one page without a menu (sign-in, set-up problem, no role) and stop the run."""
    only = st.Page(render, title=t(title_key, language), default=True)
    st.navigation([only], position="hidden").run()
    st.stop()


def setup_problem() -> None:
    st.title(t("signin.admin.title", language))
    for key in config.auth_problems(section):
        st.error(t(key, language, length=config.COOKIE_SECRET_MIN_LENGTH))
    st.caption(t("signin.admin.help", language))


def sign_in() -> None:
    st.title(t("signin.title", language))
    st.write(t("signin.intro", language))
    if st.button(t("signin.button", language), type="primary"):
        st.login()


def no_role() -> None:
    st.title(t("signin.norole.title", language))
    # Without an e-mail address no role can be given: the administrator has the provider to
    # set up, and asking them for a role would lead nowhere.
    # Nor with an address the provider has not verified: whoever signed in may not own it.
    if ui.sent_no_email():
        body = "signin.noemail.body"
    elif ui.sent_unverified_email():
        body = "signin.unverified.body"
    else:
        body = "signin.norole.body"
    st.write(t(body, language, who=ui.plain(who.label)))
    if st.button(t("signin.out", language)):
        st.logout()


def store_not_ready() -> None:
    st.title(t("store.problem.title", language))
    url = ui.plain(safe_url(config.database_url()))
    st.error(t(f"store.problem.{problem}", language, url=url), icon=":material/database:")
    st.caption(t("store.problem.help", language))


section = ui.auth_section()
if section is not None:
    if config.auth_problems(section):
        _only(setup_problem, "signin.admin.title")
    if ui.signed_out():
        _only(sign_in, "signin.title")
try:
    # Before anything reads it: a store not set up says what to do, once, not on every page.
    if problem := ui.store_problem():
        _only(store_not_ready, "store.problem.title")
    who = ui.identity()  # the roles come from the store
except (StoreError, SQLAlchemyError):
    ui.LOG.exception("store error while opening the store or reading the roles")
    st.error(t("error.store", language))
    st.stop()
if not who.can(auth.Right.READ):
    _only(no_role, "signin.norole.title")

# The default page's own url_path is never in a URL ("/" is); "overview" is the alias's.
overview = _page("overview", ":material/dashboard:", default=True, url_path="start")
pages = {
    t("nav.leadership", language): [
        overview,
        st.Page(_to_overview, title=overview.title, url_path="overview", visibility="hidden"),
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
}
staff = [_page("data", ":material/upload_file:")] if who.can(auth.Right.IMPORT) else []
if who.can(auth.Right.MANAGE_USERS):
    staff.append(_page("admin", ":material/admin_panel_settings:"))
if staff:
    pages[t("nav.staff", language)] = staff
page = st.navigation(pages)

try:
    ui.start_run()  # the store version once per run: part of every query's cache key
    # The Data and Admin pages work on files and people, not on the filtered views; the
    # alias only passes the link on.
    if page.url_path not in ("data", "admin", "overview"):
        st.session_state["filters"] = ui.sidebar_filters(language)
    ui.identity_line(who, language)
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
