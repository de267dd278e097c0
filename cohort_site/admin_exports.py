"""Wagtail's own spreadsheet exports (admin listings, form submissions) through the one writer.

Wagtail streams CSV cells as they are, so a submission or a name starting with "=" would run
as a formula; these views hand every row to `cohort_site.tabular` instead.
"""

import itertools

from wagtail.admin.views import generic
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.views import SubmissionsListView as WagtailSubmissionsListView

from . import tabular


class SafeSpreadsheetExportMixin:
    """For views built on Wagtail's SpreadsheetExportMixin: BOM, readable headers, no formula."""

    def export_rows(self, queryset, export_format):
        header = [self.get_heading(queryset, name) for name in self.list_export]
        rows = (
            [
                self.preprocess_field_value(name, value, export_format)
                for name, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        return itertools.chain([header], rows)

    def stream_csv(self, queryset):
        return tabular.csv_stream(self.export_rows(queryset, self.FORMAT_CSV))

    def write_xlsx(self, queryset, output):
        output.write(tabular.xlsx_bytes(self.export_rows(queryset, self.FORMAT_XLSX)))


def install() -> None:
    """Every Wagtail export (reports such as site history and locked pages, redirects, any
    listing with `list_export`) writes through the one writer, not only the views below.

    Wagtail has no setting for the writer of its exports; its SpreadsheetExportMixin alone
    defines `stream_csv` and `write_xlsx`, so they are replaced there (CohortSiteConfig.ready).
    """
    for name in ("export_rows", "stream_csv", "write_xlsx"):
        setattr(SpreadsheetExportMixin, name, getattr(SafeSpreadsheetExportMixin, name))


class IndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    """The index view for every ModelViewSet with `list_export`."""


class SubmissionsListView(SafeSpreadsheetExportMixin, WagtailSubmissionsListView):
    """Form submissions (FormPage.submissions_list_view_class)."""
