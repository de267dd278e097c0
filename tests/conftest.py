import pytest
from hypothesis import HealthCheck, settings

from accounts.factories import DEMO_PASSWORD, UserFactory
from tests.matrix import LOGIN, ROLES, assert_access  # noqa: F401  (imported from here too)

# Property tests judge behaviour, not speed: a busy CI machine must not fail them on timing.
settings.register_profile("cohort", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("cohort")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's own language: Django leaves the last request's language
    active in the thread, so a test that ends on a Spanish page would turn the next test's
    messages Spanish."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password():
    return DEMO_PASSWORD


@pytest.fixture
def user(db):
    return UserFactory(email="member@example.org", display_name="Mai Nguyen")


@pytest.fixture
def csrf_client(client):
    """The test client skips CSRF checks unless asked; security tests ask."""
    from django.test import Client

    return Client(enforce_csrf_checks=True)


@pytest.fixture
def roles(db):
    """Everyone the permission matrices speak of, with real rows behind them.

    Keys: anonymous, member_a, lead_a, member_b, facilitator, facilitator_other, site_admin,
    family_a (a family seat on team A's advisory committee), inactive. Also team_a, team_b (same
    cohort), cohort, other_cohort, team_other, committee_a.
    """
    from accounts.roles import facilitators_group
    from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
    from committees.factories import CommitteeFactory, CommitteeMemberFactory

    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    other_cohort = CohortFactory(slug="other-cohort", name="Other cohort")
    team_a = TeamFactory(cohort=cohort, slug="team-a", name="Team A")
    team_b = TeamFactory(cohort=cohort, slug="team-b", name="Team B")
    team_other = TeamFactory(cohort=other_cohort, slug="team-other", name="Team Other")
    people = {
        "member_a": MembershipFactory(team=team_a, user__email="member@example.org").user,
        "lead_a": MembershipFactory(team=team_a, role="lead", user__email="lead@example.org").user,
        "member_b": MembershipFactory(team=team_b, user__email="peer@example.org").user,
        "facilitator": UserFactory(email="facilitator@example.org"),
        "facilitator_other": UserFactory(email="facilitator2@example.org"),
        "site_admin": UserFactory(email="admin@example.org", is_superuser=True, is_staff=True),
        "inactive": MembershipFactory(
            team=team_a, user__email="inactive@example.org", user__is_active=False
        ).user,
    }
    MembershipFactory(team=team_other, user__email="other-team@example.org")
    committee_a = CommitteeFactory(team=team_a, name="Mesa Linda advisory committee")
    people["family_a"] = UserFactory(email="family-a@example.org", display_name="Rosa Martínez")
    CommitteeMemberFactory(committee=committee_a, user=people["family_a"])
    cohort.facilitators.add(people["facilitator"])
    other_cohort.facilitators.add(people["facilitator_other"])
    for key in ("facilitator", "facilitator_other"):
        people[key].groups.add(facilitators_group())
    return {
        **people,
        "anonymous": None,
        "cohort": cohort,
        "other_cohort": other_cohort,
        "team_a": team_a,
        "team_b": team_b,
        "team_other": team_other,
        "committee_a": committee_a,
    }


MATRIX_ROLES = list(ROLES)  # the matrix roles, in the one order (tests/matrix.py)


def client_for(role_name, roles, *, reauthenticated=False):
    """A test client logged in as the named role (anonymous: not logged in).

    `reauthenticated`: the person has just confirmed their password, as allauth asks before
    exports and erasures (otherwise those answer a redirect to /accounts/reauthenticate/).
    """
    from django.test import Client

    client = Client()
    person = roles[role_name]
    if person is not None:
        client.force_login(person)
        if reauthenticated:
            reauthenticate(client, person)
    return client


def reauthenticate(client, person):
    """Record in the client's session that `person` just re-entered their password."""
    from allauth.account.internal.flows.login import record_authentication

    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = person
    request.session = client.session
    record_authentication(request, person, method="password", reauthenticated=True)
    request.session.save()


def post_at_once(user, url, data, *, times=2, reauthenticated=False):
    """The same POST sent by `times` logged-in clients at the same moment, from threads.

    For tests with `django_db(transaction=True)` on PostgreSQL. Returns the status codes and
    any exception a request raised (none is expected: a race must never be a 500).
    `reauthenticated`: each client has just re-entered the password (see `client_for`).
    """
    import threading

    from django.db import connections
    from django.test import Client

    barrier = threading.Barrier(times)
    statuses, errors = [], []

    def send():
        client = Client()
        client.force_login(user)
        if reauthenticated:
            reauthenticate(client, user)
        barrier.wait()
        try:
            statuses.append(client.post(url, data).status_code)
        except Exception as error:  # noqa: BLE001  (returned to the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, errors
