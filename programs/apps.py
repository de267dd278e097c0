from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs and curriculum")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Page
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from .public_cache import purge

        for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
            signal.connect(purge, dispatch_uid=f"public-cache-purge-{id(signal)}")

        def purge_on_page_change(sender, **kwargs):
            # Also direct saves (scripts, the shell): a stale public copy is never worth it.
            if issubclass(sender, Page):
                purge()

        for signal in (post_save, post_delete):
            signal.connect(
                purge_on_page_change, dispatch_uid=f"public-cache-{id(signal)}", weak=False
            )
