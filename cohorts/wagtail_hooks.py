from django import forms
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import transaction
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from cohort_site import admin_exports, tabular

from . import admin_home, dashboard, panels, services
from .imports import SCHOOL_COLUMNS, parse_school_rows, schools_import
from .models import Cohort, Organization, Team


class OrganizationViewSet(ModelViewSet):
    index_view_class = admin_exports.IndexView
    model = Organization
    icon = "home"
    form_fields = ["name", "kind", "cds_code", "county", "city", "parent"]
    list_display = ["name", "kind", "cds_code", "city", "parent"]
    list_filter = ["kind", "county"]
    list_export = ["name", "kind", "cds_code", "county", "city", "parent"]
    search_fields = ["name", "cds_code", "city"]
    export_filename = "partner-organizations"


class CohortViewSet(ModelViewSet):
    index_view_class = admin_exports.IndexView
    model = Cohort
    icon = "group"
    form_fields = ["name", "slug", "program", "school_year", "starts_on", "ends_on", "facilitators"]
    list_display = ["name", "school_year", "starts_on", "ends_on"]
    list_filter = ["school_year"]
    list_export = ["name", "slug", "school_year", "starts_on", "ends_on"]
    search_fields = ["name"]
    export_filename = "cohorts"


class TeamEditView(generic.EditView):
    @transaction.atomic
    def save_instance(self):
        team = super().save_instance()
        services.team_edited(team)
        return team


class TeamDeleteView(generic.DeleteView):
    @transaction.atomic
    def delete_action(self):
        services.team_edited(self.object)  # before its pairings go with it
        super().delete_action()


class TeamViewSet(ModelViewSet):
    """Renaming, moving or deleting a team moves the versions of the teams whose kept team
    space panels name it (`services.team_edited`)."""

    index_view_class = admin_exports.IndexView
    edit_view_class = TeamEditView
    delete_view_class = TeamDeleteView
    model = Team
    icon = "user"
    form_fields = ["name", "slug", "cohort", "organization", "kind"]
    list_display = ["name", "cohort", "organization", "kind", "last_activity_at"]
    list_filter = ["cohort", "kind"]
    list_export = ["name", "slug", "cohort", "organization", "kind", "last_activity_at"]
    search_fields = ["name", "organization__name"]
    export_filename = "teams"


class CohortsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Cohorts")
    menu_icon = "group"
    menu_order = 300
    items = (OrganizationViewSet, CohortViewSet, TeamViewSet)


@hooks.register("register_admin_viewset")
def register_cohorts_viewsets():
    return CohortsViewSetGroup()


class SchoolImportForm(forms.Form):
    csv_file = forms.FileField(
        label=_("CSV or Excel file with columns: name, CDS code, district"),
        help_text=_("At most 10 MB and 50,000 rows; the header row names the columns."),
    )
    import_good_rows = forms.BooleanField(
        label=_("If some rows have errors, import the good rows anyway"), required=False
    )


class SchoolImportView(PermissionRequiredMixin, FormView):
    permission_required = "cohorts.add_organization"
    template_name = "cohorts/admin/school_import.html"
    form_class = SchoolImportForm

    def form_valid(self, form):
        try:
            rows = parse_school_rows(tabular.read_upload(form.cleaned_data["csv_file"]))
        except tabular.TabularError as error:
            form.add_error("csv_file", str(error))
            return self.form_invalid(form)
        applied = schools_import(rows, good_rows_only=form.cleaned_data["import_good_rows"])
        response = self.render_to_response(
            self.get_context_data(form=form, rows=rows, applied=applied)
        )
        response.status_code = 200 if applied else 400
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class SchoolTemplateView(PermissionRequiredMixin, View):
    permission_required = "cohorts.add_organization"

    def get(self, request, fmt):
        return tabular.template_response(SCHOOL_COLUMNS, name="partner-schools", fmt=fmt)


@hooks.register("register_admin_urls")
def register_school_import_url():
    return [
        path("cohorts/import-schools/", SchoolImportView.as_view(), name="cohorts_school_import"),
        path(
            "cohorts/import-schools/template.<str:fmt>",
            SchoolTemplateView.as_view(),
            name="cohorts_school_template",
        ),
    ]


class PermissionMenuItem(MenuItem):
    """A menu item shown only to people who hold the permission its page requires."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_school_import_menu_item():
    return PermissionMenuItem(
        _("Import partner schools"),
        reverse("cohorts_school_import"),
        icon_name="upload",
        order=310,
        permission=SchoolImportView.permission_required,
    )


hooks.register(panels.COHORT_TEAM_ALERTS, dashboard.inactivity_alerts)
hooks.register("construct_homepage_panels", admin_home.facilitator_home)
