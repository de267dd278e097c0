"""Radio and checkbox groups are named by a fieldset legend; help and errors describe them."""

import pytest

from tests.accessibility.html import attr, elements, text, tree
from tests.conftest import client_for


def fieldset_named(page, label):
    for fieldset in elements(page, "fieldset"):
        legends = list(elements(fieldset, "legend"))
        if legends and label in text(legends[0]):
            return fieldset
    raise AssertionError(f"no fieldset with a legend {label!r}")


def assert_no_empty_label_for(page):
    for label in elements(page, "label"):
        assert attr(label, "for") != "", f'<label for=""> around {text(label)!r}'


@pytest.fixture
def drivers_url(roles):
    from improvement.factories import DriverFactory, ImprovementProjectFactory

    project = ImprovementProjectFactory(team=roles["team_a"])
    DriverFactory(project=project, text="Students feel they belong")
    return "/teams/team-a/improvement/drivers/"


@pytest.mark.parametrize(
    ("role", "url", "labels"),
    [
        ("member_a", "/journal/new/", ["Who can read it"]),
        ("member_a", "/journal/identity/wheel/", ["Who can read it"]),
        ("member_a", "/feedback/new/team-a/", ["Protocol", "Teammates to ask"]),
        ("facilitator", "/teams/team-a/coaching/new/", ["Who took part"]),
    ],
)
def test_groups_have_a_legend(roles, role, url, labels):
    page = tree(client_for(role, roles).get(url))
    for label in labels:
        fieldset_named(page, label)
    assert_no_empty_label_for(page)


def test_drivers_it_serves_has_a_legend_and_described_help(roles, drivers_url):
    page = tree(client_for("lead_a", roles).get(drivers_url))
    fieldset = fieldset_named(page, "Drivers it serves")
    assert attr(fieldset, "aria-describedby") == "id_idea-drivers_helptext"
    assert_no_empty_label_for(page)


def test_a_failed_group_is_described_by_its_error_and_marked_invalid(roles, drivers_url):
    response = client_for("lead_a", roles).post(
        drivers_url, {"kind": "idea", "idea-text": "Morning check-in"}
    )
    page = tree(response)
    fieldset = fieldset_named(page, "Drivers it serves")
    assert attr(fieldset, "aria-describedby") == "id_idea-drivers_helptext id_idea-drivers_error"
    boxes = [i for i in elements(fieldset, "input") if attr(i, "type") == "checkbox"]
    assert boxes and all(attr(box, "aria-invalid") == "true" for box in boxes)
