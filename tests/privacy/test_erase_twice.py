"""Two identical account deletions (a double click) erase once and write one audit record."""

import pytest

from django.db import connection
from django.urls import reverse

from privacy.models import AuditRecord
from privacy.services import person_erase
from tests.conftest import post_at_once


@pytest.mark.django_db
def test_erasing_an_erased_account_writes_no_second_audit_record(roles):
    person = roles["member_a"]
    assert person_erase(user=person, actor=person)
    assert person_erase(user=person, actor=person) == {}
    assert AuditRecord.objects.filter(action=AuditRecord.Action.ERASE_PERSON).count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL's row locks"
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_delete_my_account_posts_write_one_audit_record(roles):
    url = reverse("privacy:delete_account")
    statuses, errors = post_at_once(
        roles["member_a"], url, {"confirmation": "DELETE"}, reauthenticated=True
    )
    assert errors == []
    assert statuses == [302, 302]
    assert AuditRecord.objects.filter(action=AuditRecord.Action.ERASE_PERSON).count() == 1
