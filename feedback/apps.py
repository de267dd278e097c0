from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Peer feedback through named protocols (issue: feedback)."""

    name = "feedback"
    verbose_name = _("Feedback")
