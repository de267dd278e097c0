from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The public front door: what the program is, for whom, and how to join."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("about the program"), blank=True)
    audience = RichTextField(_("who it is for"), blank=True)
    how_to_join = RichTextField(_("how to join"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("audience"),
        FieldPanel("how_to_join"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
