"""Every URL pattern the site's own apps serve appears in a permission matrix (tests/matrix.py).

A new URL fails this test until a matrix row says what each role gets, or the URL is listed
below with the reason it has no row.
"""

import importlib

from django.urls import URLPattern, URLResolver, get_resolver

from tests.matrix import MATRIX_MODULES

OWN_APPS = (
    "accounts",
    "assessments",
    "coaching",
    "cohort_site",
    "cohorts",
    "committees",
    "feedback",
    "improvement",
    "journals",
    "norms",
    "notifications",
    "partnerships",
    "privacy",
    "programs",
)

# URL patterns of our apps without a matrix row, and why (the test named checks them instead).
NOT_IN_A_MATRIX = {
    None: "unnamed admin login redirect (tests/accounts)",
    "notifications:unsubscribe": (
        "addressed by a signed token, every role: tests/notifications/test_unsubscribe.py::"
        "test_unsubscribe_page_answers_every_role_by_token"
    ),
    "set_language": (
        "the header's language switch, every role: tests/i18n/test_language_choice.py::"
        "test_language_urls_answer_everyone"
    ),
}
# Wagtail admin views our apps register (admin permissions are Wagtail's own).
ADMIN_PREFIXES = ("admin/",)


def patterns(resolver=None, namespace=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            if entry.namespace and namespace:
                inner = f"{namespace}:{entry.namespace}"
            yield from patterns(entry, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield name, prefix + str(entry.pattern), entry.lookup_str


def own_url_names():
    return {
        name
        for name, route, view in patterns()
        if view.split(".")[0] in OWN_APPS and not route.startswith(ADMIN_PREFIXES)
    }


def covered_url_names():
    covered = set()
    for module_name in MATRIX_MODULES:
        covered |= importlib.import_module(module_name).COVERS
    return covered


def test_every_url_pattern_is_in_a_permission_matrix():
    missing = own_url_names() - covered_url_names() - set(NOT_IN_A_MATRIX)
    assert not missing, f"add matrix rows (tests/matrix.py) for: {sorted(missing, key=str)}"


def test_the_matrices_name_only_real_url_patterns():
    unknown = covered_url_names() - own_url_names()
    assert not unknown, unknown


def test_every_exemption_is_still_a_url_pattern():
    assert set(NOT_IN_A_MATRIX) <= own_url_names()
