"""Every change-package URL × every role → the expected status, in one table."""

import pytest

from django.urls import reverse

from tests.conftest import client_for
from tests.matrix import assert_access, assert_no_store, expect

from .package_fixtures import package  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

COHORT_READ = expect(
    404, member_a=200, lead_a=200, member_b=200, facilitator=200, site_admin=200
)  # fmt: skip
CURATE_FORM = expect(404, facilitator=200, site_admin=200)
CURATE_POST = expect(404, facilitator=302, site_admin=302)

# (method, url name) -> expected answer per role
MATRIX = {
    ("get", "package"): COHORT_READ,
    ("get", "package_export"): COHORT_READ,
    ("get", "package_export_xlsx"): COHORT_READ,
    ("get", "package_entry"): COHORT_READ,
    ("get", "package_add"): CURATE_FORM,
    ("post", "package_add"): CURATE_POST,
    ("get", "package_edit"): CURATE_FORM,
    ("post", "package_edit"): CURATE_POST,
    ("post", "idea_adopted"): expect(404, member_a=302, lead_a=302),
    ("get", "package_adopt"): expect(404, member_b=200),
    ("post", "package_adopt"): expect(404, member_b=302),
}

COVERS = {f"improvement:{name}" for _method, name in MATRIX}


def url_for(name, data):
    entry = data["entry"]
    args = {
        "package_entry": ["demo-cohort", entry.pk],
        "package_edit": ["demo-cohort", entry.pk],
        "idea_adopted": ["team-a", data["cycle"].pk],
        "package_adopt": ["team-b", entry.pk],
    }.get(name, ["demo-cohort"])
    return reverse(f"improvement:{name}", args=args)


def post_data(name, data):
    return {
        "package_add": {"idea": data["waiting"].pk, "write_up": "Call home early."},
        "package_edit": {"write_up": "Greet every student by name."},
        "package_adopt": {"drivers": [data["driver_b"].pk]},
    }.get(name, {})


CASES = [
    (method, name, role, expected)
    for (method, name), row in MATRIX.items()
    for role, expected in row.items()
]


@pytest.mark.parametrize(("method", "name", "role", "expected"), CASES)
def test_package_access_matrix(method, name, role, expected, roles, package):  # noqa: F811
    client = client_for(role, roles)
    url = url_for(name, package)
    data = post_data(name, package)
    response = client.post(url, data) if method == "post" else client.get(url)
    assert_access(response, expected)
    if method == "get" and not name.startswith("package_export"):
        assert_no_store(response)
