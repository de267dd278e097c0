from django.conf import settings
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .models import HomePage


@transaction.atomic
def home_page_ensure(*, title: str = "Equity Improvement Project", **fields) -> HomePage:
    """Return the site's HomePage, creating the Wagtail root, home page and Site when missing.

    Idempotent: `seed_demo` and tests call it on databases in any state (even a flushed one).
    """
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root"))
        # The default Wagtail welcome page would clash with our home page's slug.
        Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").delete()
        root.refresh_from_db()
        home = root.add_child(instance=HomePage(title=title, slug="home", **fields))
    elif any(getattr(home, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(home, name, value)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home
