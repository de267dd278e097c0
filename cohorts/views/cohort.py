"""The cohort page (the facilitator dashboard), its export, its sessions and the program view."""

from functools import cached_property

from django.contrib import messages
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from cohort_site import tabular
from cohort_site.linked import linked_to

from .. import access, calendar, dashboard, panels, services
from ..forms import (
    CohortSessionForm,
)
from ..mixins import AllowedOr404Mixin, CohortManagerMixin, PrivatePageMixin
from ..models import CohortSession, Invitation
from ..notifications import undelivered


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
        can_download_portfolio = access.is_cohort_facilitator(self.request.user, self.cohort)
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
            # The module's title only, not a whole page per session.
            sessions=self.cohort.sessions.annotate(module_title=F("module__title")),
            calendar=calendar.subscription_urls(self.request, self.cohort),
            # The portfolio is the facilitators' to take (privacy.views.TeamPortfolioView).
            can_download_portfolio=can_download_portfolio,
            table_key=dashboard.table_fragment_key(
                rows, columns, can_download_portfolio=can_download_portfolio
            ),
        )
        return context


class CohortSessionFormView(CohortManagerMixin, FormView):
    """Facilitators schedule their cohort's sessions (they feed the calendar and reminders)."""

    template_name = "cohorts/session_form.html"
    form_class = CohortSessionForm

    def cohort_queryset(self):
        return super().cohort_queryset().select_related("program")  # its modules are listed

    def get_session(self):
        if "pk" not in self.kwargs:
            return CohortSession(cohort=self.cohort)
        return get_object_or_404(CohortSession, pk=self.kwargs["pk"], cohort=self.cohort)

    def get_form_kwargs(self):
        from wagtail.models import Locale, Page

        # The curriculum's own modules, not their translations (each once).
        modules = (
            Page.objects.live()
            .filter(content_type__model="modulepage", locale=Locale.get_default())
            .order_by("path")
        )
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
