"""Every HTML page the project routes is in the axe suite's list (tests/browser/axe/pages.py).

A new URL pattern fails here until its page is added to pages.py (and so checked by axe), or
to the exclusions below with the reason it serves no page of ours.
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver, resolve

from .axe.pages import ERROR_PAGES, ERROR_STATES, PAGES

# Whole areas: not our pages.
EXCLUDED_PREFIXES = (
    "admin/",  # Wagtail's admin: Wagtail's own pages (its dashboard panel: tests/cohorts)
    "django-admin/",  # Django's admin, for site admins' data repairs only
    "documents/",  # Wagtail document downloads (files) and their unused password form
    "healthz",  # health checks for the load balancer (plain text/JSON)
)

# Single patterns that answer no HTML page of their own, by URL name.
EXCLUDED_NAMES = {
    # Files and feeds: CSV/XLSX/ICS/ZIP downloads, not pages.
    "cohorts:cohort_export": "CSV download",
    "cohorts:cohort_export_xlsx": "XLSX download",
    "cohorts:calendar": "iCalendar feed",
    "improvement:import_template": "CSV/XLSX template download",
    "improvement:profile_template": "CSV/XLSX template download",
    "improvement:export_cycles": "CSV download",
    "improvement:export_cycles_xlsx": "XLSX download",
    "improvement:export_measures": "CSV download",
    "improvement:export_measures_xlsx": "XLSX download",
    "improvement:export_observations": "CSV download",
    "improvement:export_observations_xlsx": "XLSX download",
    "improvement:package_export": "CSV download",
    "improvement:package_export_xlsx": "XLSX download",
    "journals:export": "a download of the person's entries",
    "privacy:team_portfolio": "ZIP download of a team's shared work",
    "cohorts:bulk_invite_template": "CSV/XLSX template download",
    "javascript-catalog": "JavaScript: the journal editor's strings",
    "set_language": "POST only: the header's language switch redirects back to a checked page",
    "feedback:file": "the request's attached file",
    # POST-only actions: they redirect back to a page that is checked.
    "account_logout": "POST only (the GET confirmation is allauth's; logging out ends the run)",
    "notifications:mark_all_read": "POST only",
    "coaching:step_done": "POST only",
    "improvement:diagram_item_move": "POST only",
    "improvement:comment": "POST only (GET redirects to the project page)",
    "improvement:observation_add": "POST only",
    "improvement:baseline": "POST only",
    "improvement:cycle_phase": "POST only (GET redirects to the cycle page)",
    "improvement:cycle_adapt": "POST only",
    "improvement:idea_adopted": "POST only (the button is on the cycle page)",
    "improvement:package_adopt": (
        "reached only by members of a team other than the entry's, and every demo account "
        "checked is on team A, whose idea the demo entry is; it is the driver-diagram form "
        "(improvement/package/adopt.html with includes/form_fields.html), walked through in "
        "tests/browser/test_change_package_journey.py"
    ),
    "improvement:item_add": "POST only (its forms are on the understand page)",
    "improvement:dialogue_start": "POST only (its forms are on the dialogues and measure pages)",
    "improvement:dialogue_note": "POST only (its forms are on the dialogue page)",
    "improvement:dialogue_note_idea": "POST only (its form is on the dialogue page)",
    "improvement:dialogue_note_cycle": "POST only (its form is on the dialogue page)",
    "journals:autosave": "htmx POST endpoint answering a fragment",
    "journals:restore": "POST only (from the versions page)",
    "journals:replies": "POST only (the replies show on the entry page)",
    "feedback:take": "POST only",
    "feedback:helpful": "POST only",
    "feedback:back": "POST only",
    "programs:module_done": "POST only",
    "norms:condition_add": "POST only (the form is on the norms page)",
    "norms:condition_group": "POST only",
    "norms:draft_start": "POST only",
    "norms:template_apply": "POST only",
    "norms:norm_add": "POST only",
    "norms:norm_edit": "POST only",
    "norms:norm_delete": "POST only",
    "norms:propose": "POST only",
    "norms:vote": "POST only",
    "norms:close": "POST only",
    "norms:statement_endorse": "POST only",
    "norms:statement_comment": "POST only",
    "mfa_deactivate_totp": "needs an activated authenticator; allauth's form template",
    "mfa_view_recovery_codes": "needs an activated authenticator; allauth's template",
    "mfa_generate_recovery_codes": "needs an activated authenticator; allauth's template",
    "mfa_download_recovery_codes": "text file download",
    "mfa_authenticate": "reached only mid-login with MFA on; same layout as the login page",
    "mfa_reauthenticate": "reached only with MFA on; same layout as reauthenticate (checked)",
    "account_set_password": "redirects: demo accounts have passwords (change password is checked)",
    "account_confirm_login_code": "reached only mid-login by code; redirects otherwise",
    "improvement:start": "reached only before a team has a project; the same form template "
    "as improvement:edit (checked)",
    # Wagtail's front-end utilities with no page of ours.
    "wagtailcore_authenticate_with_password": "Wagtail password-protected pages (unused)",
}


def routed_names() -> set:
    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if pattern.namespace and namespace:
                    inner = f"{namespace}:{pattern.namespace}"
                yield from walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern):
                if route.lstrip("^").startswith(EXCLUDED_PREFIXES):
                    continue
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
                yield name

    return set(walk(get_resolver().url_patterns))


def sample(path: str) -> str:
    """A path template from pages.py with stand-in values, for resolving it."""
    path = re.sub(r"\{(module|resources|standard_page|form_page)\}", "/some-page/", path)
    path = re.sub(r"\{(team|team_b|cohort|invitation_token|email_key)\}", "some-slug", path)
    path = path.replace("{reset_key}", "1-token")
    # Placeholders named like a UUID-keyed row get a UUID; every other one a number.
    path = re.sub(r"\{import_job\}", "00000000-0000-0000-0000-000000000001", path)
    return re.sub(r"\{\w+\}", "1", path).split("?")[0]


def checked_names() -> set:
    paths = [path for paths in PAGES.values() for path in paths]
    paths += [path for _role, path, _fields in ERROR_STATES]
    paths += [path for _role, path, _status in ERROR_PAGES if not path.startswith("/__axe__/")]
    names = set()
    for path in paths:
        match = resolve(sample(path))
        names.add(match.view_name if match.url_name else None)
    return names


def test_every_page_is_checked_by_axe_or_excluded_with_a_reason():
    unchecked = routed_names() - checked_names() - set(EXCLUDED_NAMES)
    assert not unchecked, (
        f"pages no axe check covers (add them to tests/browser/axe/pages.py): {sorted(unchecked)}"
    )


def test_the_exclusions_are_not_stale():
    stale = set(EXCLUDED_NAMES) - routed_names()
    checked_anyway = set(EXCLUDED_NAMES) & checked_names()
    assert not stale, f"excluded names no longer routed: {sorted(stale, key=str)}"
    assert not checked_anyway, f"excluded but checked: {sorted(checked_anyway)}"
