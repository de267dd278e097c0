"""Team A's equity advisory committee: a family member, a meeting, two recommendations, one
answered (idempotent). The family member is a Spanish-speaking parent who sits on the committee
only (`comite@example.org`): she sees the committee's space, never the team's pages.
(`familia@example.org` is a family partner on the equity team itself.)"""

import datetime

from django.utils import timezone

from accounts.factories import UserFactory
from cohorts.demo import TEAM_A_SLUG
from cohorts.models import Membership, Team

from .factories import CommitteeFactory, CommitteeMemberFactory, RecommendationFactory
from .models import Meeting, Recommendation, Seat

FAMILY_EMAIL = "comite@example.org"


def seed_committees(*, password: str) -> None:
    team = Team.objects.filter(slug=TEAM_A_SLUG).select_related("organization", "cohort").first()
    if team is None:
        return
    committee = CommitteeFactory(
        team=team,
        name="Mesa Linda equity advisory committee",
        purpose=(
            "Advise Mesa Linda's equity team on how the school welcomes and serves English "
            "learners and their families, so that decisions about them are made with them."
        ),
        decision_making=(
            "We aim for consensus. When we cannot reach it, we record each view and the team "
            "hears all of them; recommendations need the support of two-thirds of those present."
        ),
        meeting_norms=(
            "Spanish and English are both meeting languages, with interpretation. Agendas go "
            "out a week ahead. We start and end on time and childcare is provided."
        ),
    )
    family = UserFactory(
        email=FAMILY_EMAIL,
        first_name="Lucía",
        last_name="Herrera",
        display_name="Lucía Herrera",
        password=password,
    )
    family.choose_language("es")
    CommitteeMemberFactory(committee=committee, user=family, seat=Seat.FAMILY)
    lead = Membership.objects.current().leads().filter(team=team).select_related("user").first()
    if lead is not None:
        CommitteeMemberFactory(committee=committee, user=lead.user, seat=Seat.STAFF)
    today = timezone.localdate()
    if not committee.meetings.exists():
        meeting = Meeting.objects.create(
            committee=committee,
            held_on=today - datetime.timedelta(days=15),
            agenda="Welcome and introductions\nWhat families hear about course placement\n"
            "Recommendations to the equity team",
            notes=(
                "Several parents learned about advanced math only when their child was already "
                "in ninth grade. Newcomer families said the school's messages arrive in English."
            ),
            decisions="Send two recommendations to the equity team (below).",
            recorded_by=lead.user if lead else None,
        )
        meeting.attendees.set([family] + ([lead.user] if lead else []))
    RecommendationFactory(
        committee=committee,
        title="Explain course placement to families in Spanish before spring",
        rationale=(
            "Families decide with their children in March; most did not know placement could "
            "be asked about or appealed."
        ),
        sent_by=family,
        sent_on=today - datetime.timedelta(days=14),
        status=Recommendation.Status.ACCEPTED,
        response=(
            "Accepted: a family night on placement, in Spanish and English, is the change idea "
            "in our PDSA cycle 3 (January)."
        ),
        responded_by=lead.user if lead else None,
        responded_at=timezone.now() - datetime.timedelta(days=7),
    )
    RecommendationFactory(
        committee=committee,
        title="Send school messages in the language each family chose",
        rationale="Newcomer families miss deadlines because messages arrive only in English.",
        sent_by=family,
        sent_on=today - datetime.timedelta(days=14),
    )
