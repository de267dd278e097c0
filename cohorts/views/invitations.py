"""Invitations: one or a spreadsheet of them, resending, revoking, and the invitee's page."""

from allauth.account.adapter import get_adapter

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from django.views.generic.detail import SingleObjectMixin

from cohort_site import tabular
from cohort_site.idempotency import IdempotentCreateMixin
from cohort_site.service_forms import add_service_errors

from .. import services
from ..forms import (
    INVITATION_COLUMNS,
    MAX_BULK_ROWS,
    BulkInvitationForm,
    InvitationForm,
)
from ..mixins import CohortManagerMixin, NoStoreMixin
from ..models import Invitation


class InviteView(IdempotentCreateMixin, CohortManagerMixin, FormView):
    template_name = "cohorts/invite.html"
    form_class = InvitationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "teams": self.cohort.teams.all()}

    def get_initial(self):
        return {"team": self.request.GET.get("team")}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            invitation = services.invitation_create(
                team=data["team"],
                email=data["email"],
                name=data["name"],
                role=data["role"],
                invited_by=self.request.user,
                request=self.request,
            )
        except services.InvitationAlreadyOpen as error:
            add_service_errors(form, error)
            return self.render_to_response(
                self.get_context_data(form=form, open_invitation=error.invitation)
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect(self.cohort.get_absolute_url())


class BulkInviteView(CohortManagerMixin, FormView):
    template_name = "cohorts/bulk_invite.html"
    form_class = BulkInvitationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "teams": self.cohort.teams.all()}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "columns": INVITATION_COLUMNS,
            "max_rows": MAX_BULK_ROWS,
            "template_urls": {
                fmt: reverse("cohorts:bulk_invite_template", args=[self.cohort.slug, fmt])
                for fmt in ("csv", "xlsx")
            },
        }

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        rows = form.cleaned_data["rows"]
        good_rows_only = form.cleaned_data["import_good_rows"]
        invitations = services.invitations_create_many(
            team=form.cleaned_data["team"],
            rows=rows,
            invited_by=self.request.user,
            request=self.request,
            good_rows_only=good_rows_only,
        )
        applied = good_rows_only or not any(row.error for row in rows)
        response = self.render_to_response(
            self.get_context_data(form=form, rows=rows, applied=applied, sent=len(invitations))
        )
        if not applied:
            response.status_code = 400  # nothing stored: the rows' problems are on the page
        return response


class BulkInviteTemplateView(CohortManagerMixin, View):
    """The bulk invitation columns and one example row, as CSV or XLSX."""

    def get(self, request, *args, **kwargs):
        self.cohort  # noqa: B018 (404 for people who do not manage the cohort)
        return tabular.template_response(INVITATION_COLUMNS, name="invitations", fmt=kwargs["fmt"])


class InvitationActionView(CohortManagerMixin, SingleObjectMixin, TemplateView):
    """Resend or revoke one of the cohort's invitations: GET asks, POST does it.

    Base for the two views below; each names its template, service and message.
    """

    context_object_name = "invitation"

    def get_queryset(self):
        return Invitation.objects.filter(team__cohort=self.cohort).select_related("team")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            self.act(self.object)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, self.success_message % {"email": self.object.email})
        return redirect(self.cohort.get_absolute_url())


class InvitationResendView(InvitationActionView):
    template_name = "cohorts/invitation_resend.html"
    success_message = gettext_lazy("The invitation to %(email)s was sent again with a fresh link.")

    def act(self, invitation):
        services.invitation_resend(
            invitation=invitation, by=self.request.user, request=self.request
        )


class InvitationRevokeView(InvitationActionView):
    template_name = "cohorts/invitation_revoke.html"
    success_message = gettext_lazy(
        "The invitation to %(email)s was revoked; its link no longer works."
    )

    def act(self, invitation):
        services.invitation_revoke(invitation=invitation, by=self.request.user)


class InvitationView(NoStoreMixin, TemplateView):
    """The link in the invitation email.

    Opened before logging in, it opens signup for the invited address; back from signup or
    login in that browser, the person joins at once. Opened by someone already logged in, it
    asks first: joining is a POST, so a page that merely loads the link changes nothing.
    Never stored by a cache: it names the invited address and opens signup for it.
    """

    template_name = "cohorts/invitation.html"
    OPENED = "invitation_opened"  # the link this browser opened before logging in

    def get_invitation(self):
        return get_object_or_404(
            Invitation.objects.select_related("team"), token=self.kwargs["token"]
        )

    def get(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        if not invitation.is_usable:
            return self.page(invitation, _gone())
        if not request.user.is_authenticated:
            # Signup opens for this browser, and the invited address counts as verified:
            # the person proved they read mail sent to it.
            request.session["invitation_token"] = invitation.token
            request.session[self.OPENED] = invitation.token
            get_adapter(request).stash_verified_email(request, invitation.email)
            return self.page(invitation)
        if request.session.get(self.OPENED) == invitation.token:
            return self.join(invitation)  # back from signup or login through this link
        try:
            services.invitation_check(invitation=invitation, user=request.user)
        except ValidationError as error:
            return self.page(invitation, " ".join(error.messages))
        return self.page(invitation, ask_to_join=True)

    def post(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{REDIRECT_FIELD_NAME}={request.path}")
        if not invitation.is_usable:
            return self.page(invitation, _gone())
        return self.join(invitation)

    def join(self, invitation):
        try:
            services.invitation_accept(invitation=invitation, user=self.request.user)
        except ValidationError as error:
            return self.page(invitation, " ".join(error.messages))
        for key in ("invitation_token", self.OPENED):
            self.request.session.pop(key, None)
        messages.success(self.request, _("Welcome to %(team)s.") % {"team": invitation.team.name})
        return redirect(invitation.team.get_absolute_url())

    def page(self, invitation, problem=None, *, ask_to_join=False):
        next_query = f"?{REDIRECT_FIELD_NAME}={self.request.path}"
        return self.render_to_response(
            {
                "invitation": invitation,
                "problem": problem,
                "ask_to_join": ask_to_join,
                "signup_url": reverse("account_signup") + next_query,
                "login_url": reverse("account_login") + next_query,
            },
            status=410 if problem and not invitation.is_usable else 200,
        )


def _gone() -> str:
    return _("This invitation can no longer be used. Ask your facilitator for a new one.")
