from privacy.registry import Erase, registry

from .models import Cohort, Invitation, Membership


def _invitations_to_the_person(*, user) -> int:
    """Invitations to the person's address that they never accepted still hold it."""
    deleted, _per_model = Invitation.objects.filter(email__iexact=user.email).delete()
    return deleted


# Membership is team history: it stays (marked as a former member's) so the team's record holds.
registry.register(
    Membership,
    user_field="user",
    export_fields=["team__name", "team__cohort__name", "role", "joined_on", "left_on"],
    erase=Erase.KEEP,
    portfolio_filter={"left_on__isnull": True},
)
registry.register(
    Invitation,
    user_field="accepted_by",
    export_fields=["team__name", "email", "role", "created_at", "accepted_at"],
    erase=Erase.DELETE,
    other_user_fields=["invited_by"],
)
registry.register(
    Cohort, user_field="facilitators", export_fields=["name", "school_year"], erase=Erase.KEEP
)
registry.register_erasure_step("invitations to the address", _invitations_to_the_person)
