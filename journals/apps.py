from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalsConfig(AppConfig):
    """Identity reflections and learning journals (issue: journals)."""

    name = "journals"
    verbose_name = _("Journals")
