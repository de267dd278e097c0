from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs and curriculum")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from . import forms, release, services
        from .models.rules import PageRules, install
        from .public_cache import purge

        install(
            PageRules(
                module_states=release.module_states,
                module_is_open=release.module_is_open,
                opening_date=release.opening_date,
                release_date_for=release.release_date_for,
                equity_tag_filter_form=forms.EquityTagFilterForm,
                resources_filtered=services.resources_filtered,
                form_class_with_honeypot=forms.form_class_with_honeypot,
                form_rate_limited=services.form_rate_limited,
                form_submission_create=services.form_submission_create,
            )
        )

        for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
            signal.connect(purge, dispatch_uid=f"public-cache-purge-{id(signal)}")

        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        shown_on_pages = (Page, Site, PageViewRestriction, get_document_model(), get_image_model())

        def purge_on_page_change(sender, **kwargs):
            # Also direct saves (scripts, the shell): a stale public copy is never worth it.
            # Sites and view restrictions decide which page an address shows and to whom;
            # module bodies show documents and images (Wagtail's models, saved by its admin).
            # The curriculum's own snippets purge in their save() and delete().
            if issubclass(sender, shown_on_pages):
                purge()

        for signal in (post_save, post_delete):
            signal.connect(
                purge_on_page_change, dispatch_uid=f"public-cache-{id(signal)}", weak=False
            )

        from .models import HomePage

        def translated_home_created(sender, instance, created, raw=False, **kwargs):
            # The first translation into a language creates that language's home page (an
            # alias of ours): facilitators get the same rights on its tree.
            if created and not raw:
                from django.db import transaction

                from .permissions import facilitator_permissions_apply

                transaction.on_commit(facilitator_permissions_apply)

        post_save.connect(
            translated_home_created,
            sender=HomePage,
            dispatch_uid="programs-home-permissions",
            weak=False,
        )
