"""Demo proposals: one waiting for review, one that already became team B (idempotent)."""

from cohorts.demo import TEAM_B_SLUG
from cohorts.models import Team

from .factories import ProposalFactory, proposal_form_page
from .models import Conversion, proposals

WAITING = {
    "district": "Valle Verde Unified School District",
    "school": "Cedar Creek High School",
    "team_members_and_roles": (
        "Rosa Campos, rosa.campos@example.org, counselor\n"
        "Tomás Ibarra, tomas.ibarra@example.org, ninth-grade math teacher\n"
        "Grace Oyelaran, grace.oyelaran@example.org, family engagement liaison\n"
        "Marcus Lee, assistant principal"
    ),
    "contact_name": "Dana Whitfield",
    "contact_email": "dana.whitfield@example.org",
    "what_the_team_wants_to_work_on": (
        "Few of our Black and Latino ninth graders are placed in Integrated Math II, though "
        "their eighth-grade marks say they are ready. We want to understand how placement "
        "decisions are made and test a fairer way to make them."
    ),
    "equity_focus": "Programs",
}
CONVERTED = {
    "district": "Valle Verde Unified School District",
    "school": "Juniper Hills Elementary School",
    "team_members_and_roles": "Priya Shah, peer@example.org, lead",
    "contact_name": "Priya Shah",
    "contact_email": "peer@example.org",
    "what_the_team_wants_to_work_on": (
        "Chronic absence among our youngest students, starting with transitional kindergarten."
    ),
    "equity_focus": "School climate",
}


def seed_partnerships() -> None:
    if proposal_form_page() is None:
        return
    for answers in (WAITING, CONVERTED):
        if not proposals().filter(form_data__school=answers["school"]).exists():
            ProposalFactory(form_data=answers)
    team_b = Team.objects.filter(slug=TEAM_B_SLUG).select_related("organization").first()
    converted = proposals().filter(form_data__school=CONVERTED["school"]).first()
    if team_b and converted and not Conversion.objects.filter(proposal_id=converted.pk).exists():
        facilitator = team_b.cohort.facilitators.order_by("pk").first()
        Conversion.objects.create(
            proposal_id=converted.pk,
            organization=team_b.organization,
            team=team_b,
            converted_by=facilitator,
        )
