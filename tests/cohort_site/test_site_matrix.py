"""The site's own pages outside any team: health probes, curriculum search, the profile link."""

import pytest

from django.urls import reverse

from tests.conftest import client_for
from tests.matrix import assert_access, cells, expect

pytestmark = pytest.mark.django_db

EVERYONE = expect(200, anonymous=200, inactive=200)
MATRIX = {
    "healthz": EVERYONE,  # probes for the load balancer: no login, no session
    "healthz_live": EVERYONE,
    "healthz_ready": EVERYONE,
    "search": EVERYONE,  # the public curriculum
    "profile": expect(200),  # their own name and language
}
COVERS = set(MATRIX)


@pytest.mark.parametrize(("url_name", "role", "expected"), cells(MATRIX))
def test_access_matrix(roles, url_name, role, expected):
    assert_access(client_for(role, roles).get(reverse(url_name)), expected)
