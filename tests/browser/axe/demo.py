"""The demo rows the axe pages are about, and the few states seed_demo does not leave behind."""

from accounts.factories import DEMO_PASSWORD

ACCOUNTS = {
    "member": "member@example.org",
    "lead": "lead@example.org",
    "facilitator": "facilitator@example.org",
    "site_admin": "admin@example.org",
    "anonymous": None,
}
PASSWORD = DEMO_PASSWORD


def demo_values() -> dict[str, str]:
    """Placeholder -> value for the paths in pages.py, from the seeded demo."""
    from allauth.account.forms import default_token_generator
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC
    from allauth.account.utils import user_pk_to_url_str

    from accounts.models import User
    from cohorts.demo import DEMO_COHORT_SLUG, TEAM_A_SLUG, TEAM_B_SLUG
    from cohorts.models import Cohort, CohortSession, Invitation, Membership, Organization, Team
    from committees.models import Committee, CommitteeInvitation, Recommendation, Seat
    from feedback.models import Assignment, FeedbackRequest
    from improvement.models import (
        ChangeIdea,
        ChangePackageEntry,
        DataDialogue,
        Driver,
        ImportJob,
        Measure,
        PDSACycle,
    )
    from journals.models import JournalEntry
    from notifications.emails import unsubscribe_token
    from partnerships.models import proposals
    from programs.models import FormPage, ModulePage, ResourceIndexPage, StandardPage

    team = Team.objects.get(slug=TEAM_A_SLUG)
    cohort = Cohort.objects.get(slug=DEMO_COHORT_SLUG)
    member = User.objects.get(email=ACCOUNTS["member"])
    lead = User.objects.get(email=ACCOUNTS["lead"])
    invitation = Invitation.objects.get_or_create(
        team=team, email="new.teacher@example.org", defaults={"invited_by": lead}
    )[0]
    newcomer = User.objects.get_or_create(email="unconfirmed@example.org")[0]
    address = EmailAddress.objects.get_or_create(
        user=newcomer, email=newcomer.email, defaults={"verified": False, "primary": True}
    )[0]
    given = Assignment.objects.filter(reviewer=lead, request__team__slug=TEAM_B_SLUG).first()
    measure = Measure.objects.filter(project__team=team).select_related("project").first()
    import_job = ImportJob.objects.get_or_create(
        staged_file="axe-demo-import",
        defaults={"project": measure.project, "measure": measure, "started_by": member,
                  "kind": ImportJob.Kind.OBSERVATIONS, "rows_total": 6000, "rows_done": 1500},
    )[0]  # fmt: skip
    committee = Committee.objects.get(team=team)
    committee_invitation = CommitteeInvitation.objects.get_or_create(
        committee=committee,
        email="new.parent@example.org",
        defaults={"seat": Seat.FAMILY, "invited_by": lead},
    )[0]
    return {
        "team": team.slug,
        "team_b": TEAM_B_SLUG,
        "cohort": cohort.slug,
        "module": ModulePage.objects.live().first().url,
        "resources": ResourceIndexPage.objects.live().first().url,
        "standard_page": StandardPage.objects.live().first().url,
        "form_page": FormPage.objects.live().first().url,
        "driver": Driver.objects.filter(project__team=team).first().pk,
        "idea": ChangeIdea.objects.filter(project__team=team).first().pk,
        "measure": Measure.objects.filter(project__team=team).first().pk,
        "cycle": PDSACycle.objects.filter(project__team=team).first().pk,
        "dialogue": DataDialogue.objects.filter(project__team=team).first().pk,
        "package_entry": ChangePackageEntry.objects.filter(cohort=cohort).first().pk,
        "entry": JournalEntry.objects.filter(author=member).first().pk,
        "lead_entry": JournalEntry.objects.filter(author=lead, visibility="team").first().pk,
        "request": FeedbackRequest.objects.filter(requested_by=member).first().pk,
        "lead_request": FeedbackRequest.objects.filter(requested_by=lead).first().pk,
        "given_request": given.request_id,
        "assignment": Assignment.objects.filter(request__team=team).first().pk,
        "session": CohortSession.objects.filter(cohort=cohort).first().pk,
        "membership": Membership.objects.filter(team=team, role="member")
        .exclude(user=member)
        .first()
        .pk,
        "organization": Organization.objects.first().pk,
        "invitation": invitation.pk,
        "import_job": import_job.pk,
        "recommendation": Recommendation.objects.filter(committee=committee).first().pk,
        "committee_token": committee_invitation.token,
        "proposal": proposals().order_by("pk").first().pk,
        "unsubscribe_token": unsubscribe_token(member, "digest"),
        "invitation_token": invitation.token,
        "email_key": EmailConfirmationHMAC(address).key,
        "reset_key": f"{user_pk_to_url_str(member)}-{default_token_generator.make_token(member)}",
    }


def fill(path: str, values: dict) -> str:
    return path.format(**values)
