"""Anonymous session feedback: answering, and the results facilitators may see."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site.service_forms import add_service_errors
from cohorts.mixins import PrivatePageMixin
from cohorts.models import Cohort, CohortSession

from .. import anonymity, services
from ..forms import (
    SessionFeedbackForm,
)
from ..models import (
    SessionFeedback,
    SessionFeedbackMarker,
    sessions_open_to,
)


class SessionFeedbackView(PrivatePageMixin, TemplateView):
    template_name = "feedback/session_form.html"

    @cached_property
    def session(self) -> CohortSession:
        return get_object_or_404(
            sessions_open_to(self.request.user).select_related("cohort"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["answered"] = SessionFeedbackMarker.objects.filter(
            session=self.session, user=self.request.user
        ).exists()
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=SessionFeedbackForm()))

    def post(self, request, *args, **kwargs):
        form = SessionFeedbackForm(request.POST)
        if form.is_valid():
            try:
                services.session_feedback_submit(
                    session=self.session,
                    user=request.user,
                    rating=form.cleaned_data["rating"],
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you. Your answer was saved without your name."))
                return redirect("feedback:inbox")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SessionResultsView(PrivatePageMixin, TemplateView):
    """Facilitators see a session's ratings as `anonymity.session_results` allows."""

    template_name = "feedback/session_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = get_object_or_404(
            CohortSession.objects.filter(
                cohort__in=Cohort.objects.facilitated_by(self.request.user)
            ).select_related("cohort"),
            pk=self.kwargs["pk"],
        )
        answers = SessionFeedback.objects.visible_to(self.request.user).filter(session=session)
        context.update(session=session, **anonymity.session_results(answers))
        return context
