from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from cohorts import access
from cohorts.mixins import NoStoreMixin
from cohorts.models import Cohort

from . import services
from .forms import ConversionForm
from .models import Proposal, proposals


class ProposalReviewerMixin(LoginRequiredMixin, NoStoreMixin):
    """Facilitators and site admins; anyone else gets the same 404 as for a missing page."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.may_review_proposals(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def proposal(self) -> Proposal:
        return get_object_or_404(
            proposals().visible_to(self.request.user).select_related("page"),
            pk=self.kwargs["pk"],
        )


class ProposalListView(ProposalReviewerMixin, ListView):
    template_name = "partnerships/list.html"
    context_object_name = "proposals"
    paginate_by = 30

    def get_queryset(self):
        return proposals().visible_to(self.request.user)


class ProposalDetailView(ProposalReviewerMixin, TemplateView):
    template_name = "partnerships/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.proposal
        labels = dict(proposal.page.specific.get_data_fields())
        context.update(
            proposal=proposal,
            answers=[
                (labels.get(name, name), value)
                for name, value in proposal.form_data.items()
                if name in labels
            ],
            conversion=getattr(proposal, "conversion", None),
        )
        if context["conversion"] is not None:
            context["invitations"] = context["conversion"].invitations.order_by("email")
        return context


class ProposalConvertView(ProposalReviewerMixin, FormView):
    """GET: the form filled from the proposal. POST: a preview of everything that will be
    created; POST with "confirm": all of it in one transaction."""

    template_name = "partnerships/convert.html"
    form_class = ConversionForm

    def dispatch(self, request, *args, **kwargs):
        reviewer = request.user.is_authenticated and access.may_review_proposals(request.user)
        if reviewer and hasattr(self.proposal, "conversion"):
            messages.info(request, _("This proposal has already been turned into a team."))
            return redirect("partnerships:detail", pk=self.proposal.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "cohorts": Cohort.objects.facilitated_by(self.request.user),
        }

    def get_initial(self):
        proposal = self.proposal
        lines, _without_email = services.proposal_people(proposal)
        cohorts = Cohort.objects.facilitated_by(self.request.user)
        school = proposal.school or proposal.district
        return {
            "cohort": cohorts.first() if cohorts.count() == 1 else None,
            "new_name": school,
            "new_parent": None,
            "team_name": _("%(school)s equity team") % {"school": school} if school else "",
            "people": "\n".join(lines),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        _lines, without_email = services.proposal_people(self.proposal)
        context.update(proposal=self.proposal, without_email=without_email)
        return context

    def form_valid(self, form):
        if "confirm" not in self.request.POST:
            return self.render_to_response(
                self.get_context_data(form=form, preview=not self.request.POST.get("edit"))
            )
        data = form.cleaned_data
        try:
            conversion = services.proposal_convert(
                proposal=self.proposal,
                cohort=data["cohort"],
                organization=data["organization"],
                new_organization=form.new_organization(),
                team_name=data["team_name"],
                team_slug=data["team_slug"],
                team_kind=data["team_kind"],
                people=data["people"],
                by=self.request.user,
                request=self.request,
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            # A rule met only while creating (a name taken a moment ago): nothing was kept.
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(team)s was created and %(count)s invitations were sent.")
            % {"team": conversion.team.name, "count": conversion.invitations.count()},
        )
        return redirect("partnerships:detail", pk=self.proposal.pk)
