"""What a receiver does with an answer: mark it helpful, write back."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from cohorts.mixins import PrivatePageMixin

from .. import services
from ..forms import (
    BackFeedbackForm,
)
from ..models import (
    FeedbackRequest,
    FeedbackResponse,
)


class ResponseActionMixin(PrivatePageMixin):
    @cached_property
    def response(self) -> FeedbackResponse:
        return get_object_or_404(
            FeedbackResponse.objects.filter(
                request__in=FeedbackRequest.objects.visible_to(self.request.user)
            ).select_related("request__team"),
            token=self.kwargs["token"],
        )


class HelpfulView(ResponseActionMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            services.response_mark_helpful(
                response=self.response, by=request.user, helpful=request.POST.get("helpful") == "1"
            )
        except PermissionDenied as error:
            raise Http404 from error
        messages.success(request, _("Saved."))
        return redirect(self.response.request.get_absolute_url() + f"#r-{self.response.token}")


class BackFeedbackView(ResponseActionMixin, View):
    def post(self, request, *args, **kwargs):
        form = BackFeedbackForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Write what you will do with this feedback."))
            services.response_write_back(
                response=self.response, by=request.user, text=form.cleaned_data["back_feedback"]
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you. The reviewer can now read your reply."))
        return redirect(self.response.request.get_absolute_url() + f"#r-{self.response.token}")
