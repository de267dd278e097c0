"""A failed form says so at its top, links to each field, and changes the page title."""

import pytest

from django import forms
from django.template.loader import render_to_string
from django.test.html import parse_html

from tests.accessibility.html import attr, elements, text, tree
from tests.conftest import client_for


def summary_of(page):
    summaries = [
        div for div in elements(page, "div") if "error-summary" in (attr(div, "class") or "")
    ]
    assert len(summaries) == 1, f"{len(summaries)} error summaries"
    return summaries[0]


def title_of(page):
    return text(next(elements(page, "title"))).strip()


def ids_in(page):
    return {attr(element, "id") for element in elements(page) if attr(element, "id")}


def test_a_failed_request_shows_a_summary_linking_to_each_field_and_an_error_title(roles):
    response = client_for("member_a", roles).post("/feedback/new/team-a/", {})
    assert response.status_code == 400  # a failed form answers 400 and shows itself again
    page = tree(response)
    summary = summary_of(page)
    assert attr(summary, "role") == "alert"
    assert attr(summary, "tabindex") == "-1"
    assert "There is a problem" in text(next(elements(summary, "h2")))
    targets = [attr(link, "href") for link in elements(summary, "a")]
    assert "#id_protocol_group" in targets  # a radio group: the link lands on its fieldset
    assert all(target.startswith("#") for target in targets)
    assert {target[1:] for target in targets} <= ids_in(page)
    assert title_of(page).startswith("Error: Ask for feedback")


def test_a_page_that_did_not_fail_has_no_summary_and_a_plain_title(roles):
    page = tree(client_for("member_a", roles).get("/feedback/new/team-a/"))
    assert not any("error-summary" in (attr(d, "class") or "") for d in elements(page, "div"))
    assert title_of(page).startswith("Ask for feedback")


class DatesForm(forms.Form):
    start = forms.DateField(label="Start")
    end = forms.DateField(label="End")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError("The end comes before the start.")
        return data


def test_non_field_errors_are_in_the_summary():
    form = DatesForm({"start": "2026-05-02", "end": "2026-05-01"})
    assert not form.is_valid()
    summary = summary_of(parse_html(render_to_string("includes/form_fields.html", {"form": form})))
    assert "The end comes before the start." in text(summary)


@pytest.mark.parametrize("bad", [{"start": "", "end": "soon"}])
def test_field_errors_link_to_the_input(bad):
    form = DatesForm(bad)
    assert not form.is_valid()
    page = parse_html(render_to_string("includes/form_fields.html", {"form": form}))
    targets = {attr(link, "href") for link in elements(summary_of(page), "a")}
    assert targets == {"#id_start", "#id_end"}
