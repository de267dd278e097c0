import pytest

from django.template import Context, Template

from journals.factories import JournalEntryFactory
from journals.models import JournalEntry
from tests.conftest import client_for


def test_the_filter_cleans_html_as_it_is_shown():
    html = Template("{% load sanitize %}{{ body|sanitized }}").render(
        Context(
            {"body": '<p onclick="x()">Hi</p><img src=x onerror=alert(1)><script>alert(2)</script>'}
        )
    )
    assert html == "<p>Hi</p>"


@pytest.mark.django_db
def test_a_body_written_straight_to_the_database_is_still_cleaned_on_the_page(roles):
    entry = JournalEntryFactory(
        author=roles["member_a"], team=roles["team_a"], visibility="private"
    )
    JournalEntry.objects.filter(pk=entry.pk).update(body='<p>Mine</p><svg onload="alert(1)"></svg>')
    body = client_for("member_a", roles).get(f"/journal/{entry.pk}/").content.decode()
    assert "<p>Mine</p>" in body
    assert "onload" not in body and "<svg" not in body
