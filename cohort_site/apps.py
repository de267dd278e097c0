from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortSiteConfig(AppConfig):
    name = "cohort_site"
    verbose_name = _("Cohort site")

    def ready(self):
        from . import admin_exports

        admin_exports.install()
