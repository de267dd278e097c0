"""Every page state the axe suite checks, per role, over the demo data (`seed_demo`).

Paths are templates: `{team}` and friends are filled from the seeded rows by `demo_values()`.
`tests/browser/test_axe_completeness.py` resolves each template (with placeholder values) and
compares the URL names with every pattern the project routes, so a new page must be added here.
"""

# Who sees what. Pages a role is refused answer the 403/404 page, which is checked too.
MEMBER_PAGES = [
    "/",
    "{module}",
    "{resources}",
    "{standard_page}",
    "{form_page}",
    "/search/?q=equity",
    "/teams/",
    "/teams/{team}/",
    "/teams/{team}/improvement/",
    "/teams/{team}/improvement/print/",
    "/teams/{team}/improvement/aim/",
    "/teams/{team}/improvement/drivers/",
    "/teams/{team}/improvement/drivers/driver/{driver}/edit/",
    "/teams/{team}/improvement/drivers/idea/{idea}/edit/",
    "/teams/{team}/improvement/drivers/driver/{driver}/delete/",
    "/teams/{team}/improvement/measures/add/",
    "/teams/{team}/improvement/measures/{measure}/",
    "/teams/{team}/improvement/measures/{measure}/edit/",
    "/teams/{team}/improvement/measures/{measure}/import/",
    "/teams/{team}/improvement/cycles/add/",
    "/teams/{team}/improvement/cycles/{cycle}/",
    "/teams/{team}/improvement/understand/",
    "/teams/{team}/improvement/dialogues/",
    "/teams/{team}/improvement/dialogues/{dialogue}/",
    "/teams/{team}/improvement/understand/profile/import/",
    "/teams/{team}/norms/",
    "/teams/{team}/norms/versions/",
    "/teams/{team}/norms/check-in/",
    "/teams/{team}/norms/statement/",
    "/teams/{team}/equity-self-assessment/",
    "/teams/{team}/equity-self-assessment/end/",
    "/teams/{team}/improvement/imports/{import_job}/",
    "/cohorts/{cohort}/change-package/",
    "/cohorts/{cohort}/change-package/{package_entry}/",
    "/journal/",
    "/journal/new/",
    "/journal/{entry}/",
    "/journal/{entry}/edit/",
    "/journal/{entry}/versions/",
    "/journal/{entry}/delete/",
    "/journal/team/{team}/",
    "/journal/identity/wheel/",
    "/journal/identity/iceberg/",
    "/feedback/",
    "/feedback/new/{team}/",
    "/feedback/requests/{request}/",
    "/feedback/requests/{request}/close/",
    "/feedback/sessions/{session}/",
    "/notifications/",
    "/notifications/preferences/",
    "/account/profile/",
    "/account/data/",
    "/account/delete/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/reauthenticate/",
]

LEAD_PAGES = [
    "/teams/{team}/",
    "/committees/{team}/",
    "/committees/{team}/charter/",
    "/committees/{team}/meetings/new/",
    "/committees/{team}/recommendations/new/",
    "/committees/{team}/recommendations/{recommendation}/answer/",
    "/committees/{team}/invite/",
    "/teams/{team}/improvement/edit/",
    "/teams/{team}/improvement/progress/",
    "/teams/{team}/norms/",
    "/teams/{team}/coaching/",
    "/journal/",
    "/journal/{lead_entry}/",
    "/feedback/requests/{given_request}/give/",
    "/feedback/requests/{lead_request}/",
]

FACILITATOR_PAGES = [
    "/teams/",
    "/partnerships/",
    "/partnerships/{proposal}/",
    "/partnerships/{proposal}/convert/",
    "/feedback/new/",
    "/cohorts/{cohort}/",
    "/cohorts/{cohort}/invite/",
    "/cohorts/{cohort}/invite/bulk/",
    "/cohorts/{cohort}/invitations/{invitation}/resend/",
    "/cohorts/{cohort}/invitations/{invitation}/revoke/",
    "/cohorts/{cohort}/sessions/new/",
    "/cohorts/{cohort}/sessions/{session}/edit/",
    "/cohorts/{cohort}/sessions/{session}/delete/",
    "/curriculum/cohorts/{cohort}/releases/",
    "/cohorts/{cohort}/bright-spots/",
    "/cohorts/{cohort}/change-package/?group=HI",
    "/cohorts/{cohort}/change-package/add/",
    "/cohorts/{cohort}/change-package/{package_entry}/",
    "/cohorts/{cohort}/change-package/{package_entry}/edit/",
    "/teams/{team}/",
    "/teams/{team}/members/{membership}/move/",
    "/teams/{team}/members/{membership}/remove/",
    "/teams/{team}/coaching/",
    "/teams/{team}/coaching/new/",
    "/teams/{team}/improvement/",
    "/teams/{team}/improvement/dialogues/{dialogue}/",
    "/cohorts/{cohort}/data-dialogues/",
    "/journal/facilitator/",
    "/feedback/cohort/{cohort}/",
    "/feedback/cohort/{cohort}/rounds/",
    "/feedback/sessions/{session}/results/",
    "/feedback/assignments/{assignment}/reassign/",
]

SITE_ADMIN_PAGES = [
    "/teams/",
    "/program/",
    "/cohorts/{cohort}/",
    "/privacy/organizations/{organization}/erase/",
]

ANONYMOUS_PAGES = [
    "/",
    "{module}",
    "{form_page}",
    "/search/?q=equity",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/done/",
    "/accounts/confirm-email/",
    "/accounts/inactive/",
    "/invitations/{invitation_token}/",
    "/committees/join/{committee_token}/",
    "/notifications/unsubscribe/{unsubscribe_token}/",
    "/accounts/confirm-email/{email_key}/",
    "/accounts/password/reset/key/{reset_key}/",
    "/_util/login/",
    "/no-such-page/",
]

PAGES = {
    "member": MEMBER_PAGES,
    "lead": LEAD_PAGES,
    "facilitator": FACILITATOR_PAGES,
    "site_admin": SITE_ADMIN_PAGES,
    "anonymous": ANONYMOUS_PAGES,
}

# Error states: a failed submit of each main form (role, path, how to fail it): the form is sent
# with its fields left empty, after filling the fields named by label, and after giving the
# inputs matched by a "css:" selector a value the server refuses.
ERROR_STATES = [
    ("member", "/journal/new/", {}),
    ("member", "/journal/identity/wheel/", {"css:[name=visibility]": "nobody-knows"}),
    ("member", "/feedback/new/{team}/", {}),
    ("member", "/teams/{team}/norms/check-in/", {}),
    ("member", "/teams/{team}/improvement/cycles/add/", {}),
    ("member", "/teams/{team}/improvement/measures/add/", {}),
    ("member", "/teams/{team}/improvement/dialogues/", {}),
    ("facilitator", "/teams/{team}/coaching/new/", {}),
    ("facilitator", "/cohorts/{cohort}/invite/", {}),
    ("facilitator", "/cohorts/{cohort}/sessions/new/", {}),
    ("facilitator", "/cohorts/{cohort}/change-package/add/", {}),
    ("anonymous", "/accounts/login/", {"Email": "nobody@example.org", "Password": "wrong"}),
    ("anonymous", "/accounts/signup/", {}),
]

# The error pages: 404 for a missing path; 403 and 500 from views the suite mounts for itself
# (the project's own refusals answer 404, so that other teams' objects stay unseen).
ERROR_PAGES = [
    ("member", "/__axe__/denied/", 403),
    ("member", "/journal/no-such-entry/", 404),
    ("anonymous", "/__axe__/boom/", 500),
]
