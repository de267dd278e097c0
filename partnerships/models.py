"""What a partnership proposal became: a partner organization, a team and invitations.

A proposal is a submission of the public "partnership-proposal" form (a Wagtail form page);
this app reads it through Wagtail's own FormSubmission model, so it imports no other feature app.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.models import FormSubmission

from cohorts import access
from cohorts.models import Invitation, Organization, Team

PROPOSAL_FORM_SLUG = "partnership-proposal"


class ProposalQuerySet(models.QuerySet):
    """Submissions of the proposal form, as facilitators and site admins review them."""

    def visible_to(self, user):
        if not access.may_review_proposals(user):
            return self.none()
        return self


class Proposal(FormSubmission):
    """A proxy: the stored submission, with what it became (`conversion`) beside it."""

    objects = ProposalQuerySet.as_manager()

    class Meta:
        proxy = True
        ordering = ["-submit_time"]

    def answer(self, clean_name: str) -> str:
        return str(self.form_data.get(clean_name) or "").strip()

    @property
    def school(self) -> str:
        return self.answer("school")

    @property
    def district(self) -> str:
        return self.answer("district")

    @property
    def contact_name(self) -> str:
        return self.answer("contact_name")

    @property
    def contact_email(self) -> str:
        return self.answer("contact_email")

    @property
    def team_members(self) -> str:
        return self.answer("team_members_and_roles")


def proposals():
    """Every proposal, with what it became, in a fixed number of queries."""
    return Proposal.objects.filter(page__slug=PROPOSAL_FORM_SLUG).select_related(
        "conversion__team", "conversion__organization"
    )


class Conversion(models.Model):
    """The one reviewed step that turned a proposal into a partner, a team and invitations."""

    proposal = models.OneToOneField(
        FormSubmission, on_delete=models.CASCADE, related_name="conversion"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("partner organization"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="+"
    )
    organization_created = models.BooleanField(_("new partner organization"), default=False)
    invitations = models.ManyToManyField(Invitation, related_name="+", blank=True)
    converted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    converted_at = models.DateTimeField(auto_now_add=True)

    # Not content: kept out of Wagtail's "usage" index.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("proposal conversion")

    def __str__(self):
        return f"{self.proposal_id} → {self.team}"
