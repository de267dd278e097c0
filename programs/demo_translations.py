"""The demo's Spanish curriculum: the program page, modules 1 and 2 and the resource library,
translated through wagtail-localize as a facilitator would in the admin.

Each page gets a translation source and a Spanish translation record; every English string of
the page that `content_es/curriculum.po` translates goes into wagtail-localize's translation
memory, and the Spanish page is saved from it (linked to its source: the admin shows it up to
date, and out of date once the English changes). Idempotent: running it again updates the same
Spanish pages. Module 3 onward stays untranslated, so Spanish readers see the English-with-a-note
fallback too.
"""

from pathlib import Path

import polib
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from django.db import transaction

from wagtail.models import Locale

from .localized import in_source_locale
from .models import ModulePage, ProgramPage, ResourceIndexPage
from .permissions import facilitator_permissions_apply

SPANISH = "es"
MEMORY = Path(__file__).parent / "content_es" / "curriculum.po"
TRANSLATED_MODULES = (1, 2)


def translation_memory() -> dict[str, str]:
    """English string -> Spanish, from the demo's PO file."""
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(MEMORY)) if entry.msgstr}


def pages_to_translate() -> list:
    """The program page first (modules are created under its translation), then its modules
    1 and 2 and the resource library."""
    program = in_source_locale(ProgramPage.objects.all()).order_by("path").first()
    if program is None:
        return []
    modules = ModulePage.objects.child_of(program).filter(number__in=TRANSLATED_MODULES)
    library = in_source_locale(ResourceIndexPage.objects.all()).first()
    return [program, *modules.order_by("number"), *([library] if library else [])]


def page_translate(page, *, locale, memory: dict[str, str], user=None):
    """Translate `page` into `locale` with wagtail-localize from `memory` (strings missing from
    it stay English) and publish the translation after commit. Returns the translation record."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    record, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = memory.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "last_translated_by": user, "has_error": False},
            )
    record.save_target(user=user, publish=True)
    return record


@transaction.atomic
def seed_spanish_curriculum() -> list:
    """Spanish translations of the demo's program page, two modules and the library."""
    locale, _created = Locale.objects.get_or_create(language_code=SPANISH)
    memory = translation_memory()
    records = [page_translate(page, locale=locale, memory=memory) for page in pages_to_translate()]
    facilitator_permissions_apply()  # on the Spanish home page too
    return records
