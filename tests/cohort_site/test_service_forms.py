"""A service's ValidationError always lands on the form: beside its field or above the form."""

import pytest

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohort_site.service_forms import add_service_errors
from tests.conftest import client_for


class TitleForm(forms.Form):
    title = forms.CharField()
    questions_text = forms.CharField(required=False)


def bound_form():
    form = TitleForm({"title": "Ours"})
    assert form.is_valid()
    return form


def test_a_field_error_goes_beside_the_field():
    form = bound_form()
    add_service_errors(form, ValidationError({"title": "Already taken."}))
    assert form.errors["title"] == ["Already taken."]


def test_an_error_for_a_field_the_form_lacks_goes_above_the_form():
    form = bound_form()
    add_service_errors(form, ValidationError({"version": "Someone else saved first."}))
    assert form.non_field_errors() == ["Someone else saved first."]


def test_a_non_field_error_goes_above_the_form_instead_of_raising():
    form = bound_form()
    add_service_errors(form, ValidationError("The project is closed."))
    assert form.non_field_errors() == ["The project is closed."]


def test_a_service_field_can_be_renamed_to_the_forms():
    form = bound_form()
    add_service_errors(
        form,
        ValidationError({"questions": "Ask one question."}),
        rename={"questions": "questions_text"},
    )
    assert form.errors["questions_text"] == ["Ask one question."]


@pytest.mark.django_db
def test_a_refused_point_with_a_non_field_error_shows_the_message(roles, monkeypatch):
    """The observation form used to read `message_dict` and answer 500 on such an error."""
    from improvement import services
    from improvement.factories import ImprovementProjectFactory, MeasureFactory

    project = ImprovementProjectFactory(team=roles["team_a"])
    measure = MeasureFactory(project=project)

    def refuse(**kwargs):
        raise ValidationError("The measure is archived; nothing was added.")

    monkeypatch.setattr(services, "observation_add", refuse)
    response = client_for("member_a", roles).post(
        reverse("improvement:observation_add", args=["team-a", measure.pk]),
        {"date": "2026-09-01", "group": "EL", "numerator": "3", "denominator": "40"},
    )
    assert response.status_code == 400
    assert "The measure is archived; nothing was added." in response.content.decode()
    assert 'value="40"' in response.content.decode()  # what was typed is kept


@pytest.mark.django_db
def test_the_organization_erase_page_looks_the_organization_up_once(roles):
    """`organization` is a cached_property: it used to be read again by each method using it."""
    school = roles["team_a"].organization
    client = client_for("site_admin", roles, reauthenticated=True)
    url = reverse("privacy:organization_erase", args=[school.pk])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    table = connection.ops.quote_name("cohorts_organization")
    lookups = [
        q["sql"] for q in queries if q["sql"].startswith("SELECT") and f"FROM {table} " in q["sql"]
    ]
    assert len(lookups) == 1, lookups


@pytest.mark.django_db
def test_the_add_views_that_show_their_page_again_still_answer_get_with_405(roles):
    """ObservationAddView and ItemAddView render the measure and understanding pages on errors;
    a GET is still refused, as before, rather than showing those pages."""
    from improvement.factories import ImprovementProjectFactory, MeasureFactory

    project = ImprovementProjectFactory(team=roles["team_a"])
    measure = MeasureFactory(project=project)
    client = client_for("member_a", roles)
    urls = [
        reverse("improvement:observation_add", args=["team-a", measure.pk]),
        reverse("improvement:item_add", args=["team-a", "rootcause"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 405
