"""Partnership proposals, shared by the tests and `seed_demo`."""

import factory

from wagtail.models import Page

from .models import PROPOSAL_FORM_SLUG, Proposal


def proposal_form_page():
    """The public partnership-proposal form page (seed_demo and the tests create it)."""
    return Page.objects.filter(slug=PROPOSAL_FORM_SLUG).first()


class ProposalFactory(factory.django.DjangoModelFactory):
    """A submission of the partnership-proposal form, answers keyed by the fields' clean names."""

    class Meta:
        model = Proposal

    page = factory.LazyFunction(proposal_form_page)
    form_data = factory.Dict(
        {
            "district": "Valle Verde Unified",
            "school": factory.Sequence(lambda n: f"Cedar Creek High School {n}"),
            "team_members_and_roles": "Rosa Campos, rosa.campos@example.org, counselor\n"
            "Tom Baker, teacher",
            "contact_name": "Dana Whitfield",
            "contact_email": "dana.whitfield@example.org",
            "what_the_team_wants_to_work_on": "Who gets placed in advanced math in ninth grade.",
            "equity_focus": "Programs",
        }
    )
