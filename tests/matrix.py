"""The one format for permission matrices: a row per URL (and method), a status per named role.

    MATRIX = {
        "list": expect(404, lead_a=200, facilitator=200),
        ...
    }

`expect(default, **by_role)` gives every role in ROLES the default, except anonymous and
inactive people, who are sent to log in (LOGIN) unless the row says otherwise. Each matrix
module also names the URL patterns its rows cover (`COVERS`), and
tests/test_every_url_in_a_matrix.py checks that every URL pattern of the site is covered by
some matrix listed in MATRIX_MODULES.
"""

import pytest

# Everyone the matrices speak of (the `roles` fixture in tests/conftest.py builds them).
ROLES = (
    "anonymous",
    "member_a",
    "lead_a",
    "member_b",
    "facilitator",
    "facilitator_other",
    "site_admin",
    "family_a",  # a family member on team A's equity advisory committee, on no team
    "inactive",
)

LOGIN = "login"  # in a matrix cell: a redirect to the login page

# The test modules holding a permission matrix (each defines MATRIX and COVERS).
MATRIX_MODULES = (
    "tests.cohort_site.test_site_matrix",
    "tests.cohorts.test_access_matrix",
    "tests.cohorts.test_dashboard",
    "tests.cohorts.test_no_dead_ends",
    "tests.coaching.test_coaching",
    "tests.feedback.test_permissions",
    "tests.improvement.test_access_matrix",
    "tests.improvement.test_package_matrix",
    "tests.journals.test_permissions",
    "tests.norms.test_permissions",
    "tests.notifications.test_notifications",
    "tests.privacy.test_export_and_erasure",
    "tests.programs.test_progress",
    "tests.programs.test_release",
    "tests.committees.test_committees",
    "tests.assessments.test_self_assessment",
    "tests.partnerships.test_pipeline",
)


def expect(default=404, **by_role) -> dict:
    """The expected answer for each role of one row (see the module docstring)."""
    unknown = set(by_role) - set(ROLES)
    if unknown:
        raise ValueError(f"not a matrix role: {sorted(unknown)}")
    expected = dict.fromkeys(ROLES, default)
    expected.update(anonymous=LOGIN, inactive=LOGIN)
    expected.update(by_role)
    return expected


def cells(matrix: dict) -> list:
    """One test case per row and role: (row key, role, expected), with a readable id."""
    return [
        pytest.param(key, role, expected[role], id=f"{key}-{role}".replace(" ", "_"))
        for key, expected in matrix.items()
        for role in ROLES
    ]


def assert_access(response, expected):
    """Check one matrix cell: `expected` is a status code, or LOGIN."""
    if expected == LOGIN:
        assert response.status_code == 302, response.status_code
        assert response.url.startswith("/accounts/login/"), response.url
    else:
        assert response.status_code == expected, response.status_code


def assert_no_store(response):
    """Team and personal pages: no shared or browser cache may keep them."""
    if response.status_code == 200:
        parts = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= parts, response["Cache-Control"]
