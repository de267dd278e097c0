"""The demo's Spanish curriculum: the program page, modules 1 and 2, the resource library, two
of module 1's protocols and two resources, translated through wagtail-localize as a facilitator
would in the admin.

Each page or snippet gets a translation source and a Spanish translation record; every English
string of it that `content_es/curriculum.po` translates goes into wagtail-localize's translation
memory, and the Spanish version is saved from it (linked to its source: the admin shows it up to
date, and out of date once the English changes). Idempotent: running it again updates the same
Spanish versions. Module 3 onward, module 1's third protocol (Compass Points) and the other
resources stay untranslated, so Spanish readers see the English fallback too.
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
from .models import ModulePage, ProgramPage, Protocol, Resource, ResourceIndexPage
from .permissions import facilitator_permissions_apply

SPANISH = "es"
MEMORY = Path(__file__).parent / "content_es" / "curriculum.po"
TRANSLATED_MODULES = (1, 2)
TRANSLATED_PROTOCOLS = ("forming-ground-rules", "comparing-equity-definitions")
TRANSLATED_RESOURCES = (
    "The McKinney-Vento Act At a Glance",
    "Coalition for Educational Equity for Foster Youth LCAP",
)


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


def snippets_to_translate() -> list:
    """The protocols and resources translated in the demo (the English ones)."""
    protocols = in_source_locale(Protocol.objects.filter(slug__in=TRANSLATED_PROTOCOLS))
    resources = in_source_locale(Resource.objects.filter(title__in=TRANSLATED_RESOURCES))
    return [*protocols.order_by("slug"), *resources.order_by("title")]


def object_translate(instance, *, locale, memory: dict[str, str], user=None):
    """Translate a page or snippet into `locale` with wagtail-localize from `memory` (strings
    missing from it stay English) and publish it (a page after commit; a snippet, which has no
    drafts, at once). Returns the translation record."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
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
    """Spanish translations of the demo's snippets first (the Spanish modules then choose the
    Spanish protocols), then of the program page, two modules and the library."""
    locale, _created = Locale.objects.get_or_create(language_code=SPANISH)
    memory = translation_memory()
    records = [
        object_translate(instance, locale=locale, memory=memory)
        for instance in [*snippets_to_translate(), *pages_to_translate()]
    ]
    facilitator_permissions_apply()  # on the Spanish home page too
    return records
