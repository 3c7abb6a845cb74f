"""Administration: who may do what (users and roles), and who did what (the audit log).

Hiding this page from non-admins is the navigation's job; refusing is `arena.auth`'s: every
function called here checks the identity itself, so opening the page directly changes nothing.
"""

import functools

import streamlit as st

from arena import auth, pageparts, tables, ui
from arena.auth import AccessDenied, AuditAction, Right, Role
from arena.i18n import t

ui.ensure_shell()
language = ui.language()
identity = ui.identity(fresh=True)  # its buttons change the store
st.title(t("page.admin", language))
# What the buttons did, noted with no Streamlit call after the change (see ui.action_notes).
notes = ui.action_notes("admin")
try:
    identity.require(Right.MANAGE_USERS)
except AccessDenied as refused:
    # An admin who has just removed their own admin role is told it was done, then refused.
    if message := notes.pop("message", None):
        st.success(ui.plain(message))
    st.error(refused.message.render(language))
    st.stop()
st.caption(t("admin.caption", language))
engine = ui.engine()


role_text = functools.partial(tables.users.role_text, language=language)
ACCOUNT = "account"  # the choice to remove a whole account, beside its roles
attempt = functools.partial(ui.attempt, notes=notes, language=language)


users_tab, audit_tab = st.tabs([t("admin.users", language), t("admin.audit", language)])

with users_tab, ui.section("users"):
    notice = st.empty()
    if message := notes.pop("message", None):
        notice.success(ui.plain(message))
    listed = auth.users(engine, identity=identity)
    if not listed:
        st.caption(t("users.none", language))
    else:
        ui.table(tables.users.users_table(listed, language))
    # No form: the funders come from a search, which must narrow the choice as it is typed.
    # Each added role starts a new round of widgets, so the fields come back empty.
    round_ = notes.setdefault("add_round", 0)
    left, right = st.columns(2)
    email = left.text_input(t("admin.email", language), key=f"admin_email_{round_}")
    name = right.text_input(t("admin.name", language), key=f"admin_name_{round_}")
    role = left.selectbox(
        t("admin.role", language),
        list(Role),
        format_func=lambda r: role_text(r, None),
        key=f"admin_role_{round_}",
    )
    funders = pageparts.organisations_chosen(
        right, language, label=t("admin.funders", language), key=f"admin_funders_{round_}"
    )
    untouched = not (email.strip() or name.strip() or funders) and role == next(iter(Role))
    if st.button(t("admin.add", language), icon=":material/person_add:"):
        # A double click's second click lands on the fields the first emptied: it adds nothing
        # and says what the first did, once, and only in the round that add began. Any other
        # click says its own: after a removal, or on empty fields asked for on purpose.
        echo = notes.pop("added", None)

        def add() -> str:
            added = auth.add_role(
                engine,
                identity=identity,
                email=email,
                role=role,
                funders=funders,
                name=name,
            )
            text = added.message.render(language)
            notes["add_round"] = round_ + 1
            notes["added"] = (round_ + 1, text)
            return text

        if untouched and echo is not None and echo[0] == round_:
            notice.success(ui.plain(echo[1]))
        else:
            attempt(add)

    if listed:  # nothing to remove before anyone has an account
        st.subheader(t("admin.remove.title", language))
        by_email = {user.email: user for user in listed}
        left, right = st.columns(2)
        chosen = left.selectbox(
            t("admin.remove.user", language),
            list(by_email),
            index=None,
            placeholder=t("admin.remove.user.placeholder", language),
        )
        if chosen is not None:
            # ACCOUNT removes the whole account; a (role, funder) pair only that role. Nothing
            # is chosen at first, nor after a removal: the second click of a double click must
            # not find "the whole account" chosen in place of the role just removed.
            what = right.selectbox(
                t("admin.remove.what", language),
                [ACCOUNT, *by_email[chosen].roles],
                index=None,
                placeholder=t("admin.remove.what.placeholder", language),
                format_func=lambda o: (
                    t("admin.remove.everything", language) if o == ACCOUNT else role_text(*o)
                ),
            )
            remove = t("admin.remove", language)
            if what is not None and st.button(remove, type="primary", icon=":material/delete:"):

                def take_away() -> str:
                    notes.pop("added", None)  # an Add clicked next says its own
                    if what == ACCOUNT:
                        auth.remove_user(engine, identity=identity, email=chosen)
                        return t("users.removed", language, email=chosen)
                    removed = auth.remove_role(
                        engine, identity=identity, email=chosen, role=what[0], funder=what[1]
                    )
                    return t("users.role_removed", language, email=chosen, count=removed)

                attempt(take_away)

with audit_tab, ui.section("audit"):
    left, middle, right, last = st.columns(4)
    filters = {
        "actions": left.multiselect(
            t("audit.filter.actions", language),
            list(AuditAction),
            format_func=lambda a: t(f"audit.action.{a.value}", language),
            placeholder=t("filters.all", language),
        ),
        "actor": middle.text_input(t("audit.filter.actor", language)) or None,
        "since": right.date_input(t("audit.filter.since", language), value=None),
        "until": last.date_input(t("audit.filter.until", language), value=None),
    }
    since, until = filters["since"], filters["until"]
    reversed_dates = since is not None and until is not None and since > until
    log = None if reversed_dates else auth.audit_log(engine, identity=identity, **filters)
    if log is None:  # "No events" would say the log holds none
        st.warning(t("audit.filter.reversed", language, since=since, until=until))
    elif log.empty:
        st.caption(t("audit.none", language))
    else:
        ui.table(tables.users.audit_table(log, language))
        # The table as shown, as every table's downloads are (the command line's `audit
        # --csv` keeps the log's own columns); built when clicked, with the filters shown.
        ui.download_buttons(
            lambda: tables.users.audit_table(
                auth.audit_log(engine, identity=identity, **filters), language
            ),
            name="audit",
            language=language,
            key="audit",
        )
