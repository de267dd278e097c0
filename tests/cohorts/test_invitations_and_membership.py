import datetime

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from cohorts import services
from cohorts.factories import MembershipFactory, SchoolFactory
from cohorts.models import Invitation, Membership, Organization
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def invite(roles, **data):
    client = client_for("facilitator", roles)
    payload = {
        "team": roles["team_a"].pk,
        "email": "new@example.org",
        "name": "Nia Brooks",
        "role": "member",
    }
    payload.update(data)
    return client.post(reverse("cohorts:invite", args=["demo-cohort"]), payload)


def test_facilitator_invites_by_email_and_the_link_is_in_the_message(
    roles, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(roles)
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="new@example.org")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["new@example.org"]
    assert f"/invitations/{invitation.token}/" in mailoutbox[0].body


def test_a_duplicate_invitation_is_refused_with_a_message_and_keeps_the_input(roles):
    invite(roles)
    response = invite(roles, name="Typed again")
    body = response.content.decode()
    assert response.status_code == 200
    assert "already has an open invitation" in body
    assert "Typed again" in body
    assert Invitation.objects.filter(email="new@example.org").count() == 1


def test_inviting_someone_already_on_the_team_is_refused(roles):
    response = invite(roles, email="member@example.org")
    assert "already on this team" in response.content.decode()


def test_following_the_link_while_logged_in_asks_then_joins_the_team(roles, client):
    invite(roles)
    invitation = Invitation.objects.get()
    newcomer = UserFactory(email="new@example.org")
    client.force_login(newcomer)
    link = reverse("cohorts:invitation", args=[invitation.token])
    # Loading the link (a preview, a prefetch) changes nothing: joining is a button.
    asked = client.get(link)
    assert asked.status_code == 200
    assert '<form method="post">' in asked.content.decode()
    assert not Membership.objects.filter(user=newcomer).exists()
    response = client.post(link)
    assert response.status_code == 302
    assert response.url == roles["team_a"].get_absolute_url()
    assert Membership.objects.current().filter(user=newcomer, team=roles["team_a"]).exists()
    # A used link cannot be used again.
    again = client.get(reverse("cohorts:invitation", args=[invitation.token]))
    assert again.status_code == 410
    assert "can no longer be used" in again.content.decode()


def test_an_expired_link_is_refused(roles, client):
    invite(roles)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get(reverse("cohorts:invitation", args=[Invitation.objects.get().token]))
    assert response.status_code == 410


def test_the_link_opens_signup_for_the_invited_address_only(roles, client):
    invite(roles)
    token = Invitation.objects.get().token
    assert "Sign Up Closed" in client.get("/accounts/signup/").content.decode()
    client.get(reverse("cohorts:invitation", args=[token]))
    signup = client.get("/accounts/signup/")
    assert "Sign Up Closed" not in signup.content.decode()
    response = client.post(
        f"/accounts/signup/?next=/invitations/{token}/",
        {
            "email": "new@example.org",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
        },
    )
    assert response.status_code == 302
    follow = client.get(response.url)
    assert follow.status_code == 302
    assert (
        Membership.objects.current()
        .filter(user__email="new@example.org", team=roles["team_a"])
        .exists()
    )


def test_a_person_logged_in_with_another_address_is_told_which_one(roles, client):
    invite(roles)
    client.force_login(UserFactory(email="someone-else@example.org"))
    response = client.get(reverse("cohorts:invitation", args=[Invitation.objects.get().token]))
    assert "sent to new@example.org" in response.content.decode()
    assert not Membership.objects.filter(user__email="someone-else@example.org").exists()


def bulk(roles, text="", *, upload=None, good_rows=False):
    client = client_for("facilitator", roles)
    data = {"team": roles["team_b"].pk, "lines": text}
    if upload is not None:
        data["csv_file"] = SimpleUploadedFile(
            "people.csv", upload.encode(), content_type="text/csv"
        )
    if good_rows:
        data["import_good_rows"] = "on"
    return client.post(reverse("cohorts:bulk_invite", args=["demo-cohort"]), data)


def test_bulk_invitations_with_a_bad_row_apply_nothing_and_report_each_row(
    roles, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = bulk(
            roles, "email,name,role\nana@example.org,Ana,lead\nnot-an-email,Bo,member\n"
        )
    body = response.content.decode()
    assert "is not an email address" in body
    assert "nobody was invited" in body
    assert Invitation.objects.count() == 0
    assert mailoutbox == []


def test_bulk_invitations_can_import_the_good_rows_when_asked(
    roles, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = bulk(
            roles,
            upload="ana@example.org,Ana,lead\nbad,Bo,member\ncy@example.org,Cy,chief\n",
            good_rows=True,
        )
    assert "1 invitation sent" in response.content.decode()
    assert list(Invitation.objects.values_list("email", "role")) == [("ana@example.org", "lead")]
    assert len(mailoutbox) == 1


def test_removing_the_only_lead_asks_for_a_new_one(roles):
    lead = Membership.objects.get(user=roles["lead_a"])
    with pytest.raises(ValidationError) as error:
        services.membership_end(membership=lead, by=roles["facilitator"])
    assert "only lead" in str(error.value)
    other = Membership.objects.get(user=roles["member_a"])
    services.membership_end(membership=lead, by=roles["facilitator"], new_lead=other)
    other.refresh_from_db()
    lead.refresh_from_db()
    assert other.role == "lead" and lead.left_on is not None


def test_remove_page_shows_the_message_beside_the_form(roles):
    lead = Membership.objects.get(user=roles["lead_a"])
    response = client_for("facilitator", roles).post(
        reverse("cohorts:member_remove", args=["team-a", lead.pk]), {}
    )
    assert "Choose a new lead first" in response.content.decode()


def test_facilitator_moves_a_member_to_another_team_of_the_cohort(roles):
    member = Membership.objects.get(user=roles["member_a"])
    response = client_for("facilitator", roles).post(
        reverse("cohorts:member_move", args=["team-a", member.pk]), {"to_team": roles["team_b"].pk}
    )
    assert response.status_code == 302
    assert list(
        Membership.objects.current()
        .filter(user=roles["member_a"])
        .values_list("team__slug", flat=True)
    ) == ["team-b"]


def test_cohort_page_flags_teams_outside_the_typical_size(roles):
    body = (
        client_for("facilitator", roles)
        .get(reverse("cohorts:cohort", args=["demo-cohort"]))
        .content.decode()
    )
    assert "teams usually have 4 to 7 people" in body


def test_an_invalid_cds_code_is_refused_with_a_message():
    school = Organization(name="Bad code school", kind="school", cds_code="12345")
    with pytest.raises(ValidationError) as error:
        school.full_clean()
    assert "exactly 14 digits" in str(error.value)
    SchoolFactory(cds_code="57999990000001").full_clean()


def test_a_person_may_be_on_teams_in_different_years(roles):
    MembershipFactory(user=roles["member_a"], team=roles["team_other"])
    assert Membership.objects.current().filter(user=roles["member_a"]).count() == 2


def test_factory_cds_codes_stay_valid_after_many_districts():
    from cohorts.factories import DistrictFactory

    DistrictFactory.reset_sequence(99_998)
    for _ in range(3):
        DistrictFactory().full_clean()


def test_logging_in_through_the_link_joins_without_asking_again(roles, client):
    invite(roles)
    invitation = Invitation.objects.get()
    newcomer = UserFactory(email="new@example.org")
    link = reverse("cohorts:invitation", args=[invitation.token])
    client.get(link)  # opened before logging in: "I already have an account"
    client.force_login(newcomer)
    response = client.get(link)
    assert response.status_code == 302
    assert Membership.objects.current().filter(user=newcomer, team=roles["team_a"]).exists()


def test_posting_the_link_logged_out_sends_to_login(roles, client):
    invite(roles)
    link = reverse("cohorts:invitation", args=[Invitation.objects.get().token])
    response = client.post(link)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert not Membership.objects.filter(user__email="new@example.org").exists()
