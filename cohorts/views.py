from functools import cached_property

from allauth.account.adapter import get_adapter

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.signing import BadSignature, Signer
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View
from django.views.generic.detail import SingleObjectMixin

from accounts.roles import is_facilitator
from cohort_site import tabular
from cohort_site.idempotency import IdempotentCreateMixin
from cohort_site.linked import linked_to
from cohort_site.service_forms import add_service_errors

from . import access, calendar, dashboard, panels, services
from .forms import (
    INVITATION_COLUMNS,
    MAX_BULK_ROWS,
    BulkInvitationForm,
    CohortSessionForm,
    InvitationForm,
    MembershipEndForm,
    MembershipMoveForm,
)
from .mixins import AllowedOr404Mixin, CohortManagerMixin, PrivatePageMixin, TeamMixin
from .models import Cohort, CohortSession, Invitation, Membership, Team
from .notifications import undelivered


class MyTeamsView(LoginRequiredMixin, ListView):
    """Where a person lands: their teams and the cohorts they facilitate."""

    template_name = "cohorts/my_teams.html"
    context_object_name = "teams"

    def get_queryset(self):
        user = self.request.user
        return (
            access.member_teams(user)
            .select_related("cohort", "organization")
            .order_by("-cohort__starts_on", "name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            cohorts=Cohort.objects.facilitated_by(user),
            is_facilitator=is_facilitator(user),
            is_site_admin=access.is_site_admin(user),
            panels=panels.my_page_panels(user=user, request=self.request),
        )
        return context


class TeamSpaceView(TeamMixin, TemplateView):
    template_name = "cohorts/team_space.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        team = self.team
        context["memberships"] = list(
            Membership.objects.current()
            .filter(team=team)
            .select_related("user")
            .order_by("role", "user__display_name")
        )
        context["next_session"] = (
            CohortSession.objects.upcoming()
            .filter(cohort_id=team.cohort_id)
            .select_related("module")
            .first()
        )
        context["panels"] = panels.team_space_panels(
            team=team, user=self.request.user, request=self.request
        )
        context["can_manage"] = access.can_manage_team(self.request.user, team)
        context["calendar"] = calendar.subscription_urls(self.request, team.cohort)
        return context


class CohortView(CohortManagerMixin, TemplateView):
    """The facilitator's dashboard: every team with figures and alerts from every feature app."""

    template_name = "cohorts/cohort.html"

    def dashboard(self):
        params = self.request.GET
        return dashboard.cohort_dashboard(
            self.cohort,
            self.request.user,
            sort=params.get("sort", "name"),
            descending=params.get("order") == "desc",
            alerts_only=params.get("alerts") == "1",
            query=params.get("q", "").strip(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        teams, columns, rows = self.dashboard()
        invitations = list(
            Invitation.objects.outstanding().filter(team__cohort=self.cohort).select_related("team")
        )
        context.update(
            teams=teams,
            columns=columns,
            rows=rows,
            sort_options=[
                ("name", _("Team name")),
                ("members", _("Members")),
                ("activity", _("Last activity")),
                ("alerts", _("Number of alerts")),
            ],
            # Panels follow the same sort and filter as the table.
            cohort_panels=panels.cohort_page_panels(
                cohort=self.cohort, teams=[row.team for row in rows], user=self.request.user
            ),
            invitations=invitations,
            undelivered_invitations=undelivered(invitations),
            sessions=self.cohort.sessions.select_related("module"),
            calendar=calendar.subscription_urls(self.request, self.cohort),
            # The portfolio is the facilitators' to take (privacy.views.TeamPortfolioView).
            can_download_portfolio=access.is_cohort_facilitator(self.request.user, self.cohort),
        )
        return context


class CohortSessionFormView(CohortManagerMixin, FormView):
    """Facilitators schedule their cohort's sessions (they feed the calendar and reminders)."""

    template_name = "cohorts/session_form.html"
    form_class = CohortSessionForm

    def get_session(self):
        if "pk" not in self.kwargs:
            return CohortSession(cohort=self.cohort)
        return get_object_or_404(CohortSession, pk=self.kwargs["pk"], cohort=self.cohort)

    def get_form_kwargs(self):
        from wagtail.models import Page

        modules = Page.objects.live().filter(content_type__model="modulepage").order_by("path")
        if self.cohort.program_id:
            modules = modules.descendant_of(self.cohort.program)
        return {**super().get_form_kwargs(), "instance": self.get_session(), "modules": modules}

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("The session was saved."))
        return redirect(self.cohort.get_absolute_url())


class CohortSessionDeleteView(CohortManagerMixin, TemplateView):
    """GET shows what goes with the session; POST deletes it."""

    template_name = "cohorts/session_delete.html"

    @cached_property
    def session(self):
        return get_object_or_404(CohortSession, pk=self.kwargs["pk"], cohort=self.cohort)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            session=self.session, linked=linked_to(self.session), **kwargs
        )

    def post(self, request, *args, **kwargs):
        services.session_delete(session=self.session, by=request.user)
        messages.success(request, _("The session was deleted."))
        return redirect(self.cohort.get_absolute_url())


class ProgramView(AllowedOr404Mixin, PrivatePageMixin, TemplateView):
    """Site admins see every cohort side by side with the same headline figures."""

    template_name = "cohorts/program.html"

    def is_allowed(self) -> bool:
        return access.is_site_admin(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            summaries=dashboard.program_overview(self.request.user), **kwargs
        )


class CohortExportView(CohortView):
    """The dashboard's rows as CSV or XLSX, with the same sort and filter."""

    fmt = "csv"

    def get(self, request, *args, **kwargs):
        _teams, columns, rows = self.dashboard()
        header = [_("Team"), _("Partner"), _("Members"), _("Last activity"),
                  *[c.label for c in columns], _("Alerts")]  # fmt: skip
        return tabular.spreadsheet_response(
            [
                header,
                *(
                    [
                        row.team.name,
                        row.team.organization.name,
                        row.team.member_count,
                        timezone.localdate(row.team.last_activity_at)
                        if row.team.last_activity_at
                        else "",
                        *row.cells,
                        row.alerts,
                    ]  # fmt: skip
                    for row in rows
                ),
            ],
            filename=f"{self.cohort.slug}-dashboard",
            fmt=self.fmt,
        )


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


class InvitationView(TemplateView):
    """The link in the invitation email. Logged in with the invited address: join the team."""

    template_name = "cohorts/invitation.html"

    def get_invitation(self):
        return get_object_or_404(
            Invitation.objects.select_related("team"), token=self.kwargs["token"]
        )

    def get(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        problem = None
        if not invitation.is_usable:
            problem = _(
                "This invitation can no longer be used. Ask your facilitator for a new one."
            )
        elif request.user.is_authenticated:
            try:
                services.invitation_accept(invitation=invitation, user=request.user)
            except ValidationError as error:
                problem = " ".join(error.messages)
            else:
                request.session.pop("invitation_token", None)
                messages.success(
                    request, _("Welcome to %(team)s.") % {"team": invitation.team.name}
                )
                return redirect(invitation.team.get_absolute_url())
        else:
            # Signup opens for this browser, and the invited address counts as verified:
            # the person proved they read mail sent to it.
            request.session["invitation_token"] = invitation.token
            get_adapter(request).stash_verified_email(request, invitation.email)
        next_query = f"?{REDIRECT_FIELD_NAME}={request.path}"
        return self.render_to_response(
            {
                "invitation": invitation,
                "problem": problem,
                "signup_url": reverse("account_signup") + next_query,
                "login_url": reverse("account_login") + next_query,
            },
            status=410 if problem and not invitation.is_usable else 200,
        )


class MembershipActionMixin(AllowedOr404Mixin, TeamMixin):
    def is_allowed(self) -> bool:
        return access.can_manage_team(self.request.user, self.team)

    def page_after_change(self) -> str:
        """The team page if the actor can still open it, else their own teams."""
        access.forget_roles(self.request.user)
        if Team.objects.visible_to(self.request.user).filter(pk=self.team.pk).exists():
            return self.team.get_absolute_url()
        return reverse("cohorts:my_teams")

    @cached_property
    def membership(self):
        return get_object_or_404(
            Membership.objects.current().select_related("user", "team__cohort"),
            pk=self.kwargs["pk"],
            team=self.team,
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "membership": self.membership}

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership=self.membership, **kwargs)


class MembershipRemoveView(MembershipActionMixin, FormView):
    template_name = "cohorts/membership_remove.html"
    form_class = MembershipEndForm

    def form_valid(self, form):
        membership = self.membership
        try:
            services.membership_end(
                membership=membership, by=self.request.user, new_lead=form.cleaned_data["new_lead"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except PermissionDenied:
            raise Http404 from None
        messages.success(
            self.request,
            _("%(name)s was removed from the team.") % {"name": membership.user.name},
        )
        return redirect(self.page_after_change())


class MembershipMoveView(MembershipActionMixin, FormView):
    template_name = "cohorts/membership_move.html"
    form_class = MembershipMoveForm

    def form_valid(self, form):
        membership = self.membership
        try:
            services.membership_move(
                membership=membership, by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except PermissionDenied:
            raise Http404 from None
        messages.success(
            self.request,
            _("%(name)s moved to %(team)s.")
            % {"name": membership.user.name, "team": form.cleaned_data["to_team"]},
        )
        return redirect(self.page_after_change())


def calendar_feed(request, token):
    """An iCalendar feed people subscribe to; the signed token in the URL is the key."""
    try:
        cohort_pk = Signer(salt=calendar.SALT).unsign(token)
    except BadSignature:
        raise Http404 from None
    cohort = get_object_or_404(Cohort, pk=cohort_pk)
    response = HttpResponse(
        calendar.build_feed(cohort), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{cohort.slug}.ics"'
    return response
