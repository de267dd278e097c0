"""Role × URL → expected status, for every norms URL.

Anonymous and inactive people are sent to log in; people outside the team and cohort get
404; a role that may read but not do the action gets 403 (or 404 where the team-member mixin
hides member-only pages). A successful write answers 302.
"""

import datetime

import pytest

from django.urls import reverse

from norms.models import Condition, NormSet
from tests.conftest import client_for
from tests.matrix import assert_access, assert_no_store, cells, expect

from .conftest import make_set, statement

pytestmark = pytest.mark.django_db

READ = expect(404, member_a=200, lead_a=200, facilitator=200, site_admin=200)
MEMBER_WRITE = expect(404, member_a=302, lead_a=302)
MEMBER_PAGE = expect(404, member_a=200, lead_a=200)


def world(roles, open_status=NormSet.Status.DRAFT):
    team = roles["team_a"]
    make_set(team, number=1, status=NormSet.Status.RATIFIED, statements=("Stay engaged", "Pause"))
    draft = make_set(team, number=2, status=open_status, statements=("Speak your truth",))
    condition = Condition.objects.create(team=team, author=roles["member_a"], text="Time")
    statement(team, roles["lead_a"])
    ratified_norms = list(NormSet.objects.get(team=team, number=1).norms.all())
    return {
        "slug": team.slug,
        "draft": draft,
        "norm": draft.norms.first(),
        "condition": condition,
        "check_in_data": {
            "met_on": datetime.date(2026, 10, 1).isoformat(),
            **{f"norm_{n.pk}": "3" for n in ratified_norms},
        },
    }


def kw(w, **extra):
    return {"slug": w["slug"], **extra}


# name: (method, open set status, kwargs(w), data(w), expected per role)
MATRIX = {
    "index": ("get", "draft", kw, None, READ),
    "history": ("get", "draft", kw, None, READ),
    "statement": ("get", "draft", kw, None, READ),
    "statement-post": (
        "post",
        "draft",
        kw,
        lambda w: {
            "who_we_are": "Us",
            "why_we_do_this_work": "Why",
            "what_we_commit_to": "This",
            "based_on": "1",
        },
        expect(404, member_a=302, lead_a=302, facilitator=403, site_admin=403),
    ),
    "statement_endorse": ("post", "draft", lambda w: kw(w, number=1), None, MEMBER_WRITE),
    "statement_comment": (
        "post",
        "draft",
        lambda w: kw(w, number=1),
        lambda w: {"body": "Nice"},
        MEMBER_WRITE,
    ),
    "condition_add": ("post", "draft", kw, lambda w: {"text": "Quiet"}, MEMBER_WRITE),
    "condition_group": (
        "post",
        "draft",
        lambda w: kw(w, pk=w["condition"].pk),
        lambda w: {"group_label": "Time"},
        MEMBER_WRITE,
    ),
    "draft_start": ("post", "draft", kw, None, MEMBER_WRITE),
    "template_apply": (
        "post",
        "draft",
        kw,
        lambda w: {"template": "seven-norms-of-collaboration"},
        MEMBER_WRITE,
    ),
    "norm_add": (
        "post",
        "draft",
        kw,
        lambda w: {"statement": "Be on time", "in_practice": ""},
        MEMBER_WRITE,
    ),
    "norm_edit": ("get", "draft", lambda w: kw(w, pk=w["norm"].pk), None, MEMBER_PAGE),
    "norm_edit-post": (
        "post",
        "draft",
        lambda w: kw(w, pk=w["norm"].pk),
        lambda w: {"statement": "Speak", "in_practice": "", "revision": "1"},
        MEMBER_WRITE,
    ),
    "norm_delete": ("post", "draft", lambda w: kw(w, pk=w["norm"].pk), None, MEMBER_WRITE),
    "propose": (
        "post",
        "draft",
        lambda w: kw(w, number=2),
        None,
        expect(404, member_a=403, lead_a=302),
    ),
    "vote": (
        "post",
        "voting",
        lambda w: kw(w, number=2),
        lambda w: {"choice": "agree"},
        MEMBER_WRITE,
    ),
    "close": (
        "get",
        "voting",
        lambda w: kw(w, number=2),
        None,
        expect(404, member_a=403, lead_a=403, facilitator=200, site_admin=200),
    ),
    "close-post": (
        "post",
        "voting",
        lambda w: kw(w, number=2),
        lambda w: {"reason": "Stalled for a month"},
        expect(404, member_a=403, lead_a=403, facilitator=302, site_admin=302),
    ),
    "check_in": ("get", "draft", kw, None, MEMBER_PAGE),
    "check_in-post": ("post", "draft", kw, lambda w: w["check_in_data"], MEMBER_WRITE),
}

COVERS = {f"norms:{name.split('-')[0]}" for name in MATRIX}


@pytest.mark.parametrize(
    ("name", "role", "want"), cells({name: row[-1] for name, row in MATRIX.items()})
)
def test_norms_permission_matrix(roles, name, role, want):
    method, open_status, kwargs, data, _expected = MATRIX[name]
    w = world(roles, open_status)
    url = reverse(f"norms:{name.split('-')[0]}", kwargs=kwargs(w))
    client = client_for(role, roles)
    payload = data(w) if data else {}
    response = client.get(url) if method == "get" else client.post(url, payload)
    assert_access(response, want)
    assert_no_store(response)


@pytest.mark.parametrize("slug", ["team-b", "team-other"])
def test_other_teams_norms_pages_are_404_and_leak_nothing(roles, slug):
    team = roles[slug.replace("-", "_")]
    make_set(team, status=NormSet.Status.RATIFIED, statements=("Secret norm of another team",))
    client = client_for("member_a", roles)
    response = client.get(reverse("norms:index", kwargs={"slug": slug}))
    assert response.status_code == 404
    assert b"Secret norm" not in response.content
