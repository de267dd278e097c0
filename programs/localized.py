"""Curriculum pages in the reader's language.

The English (default-locale) page tree is the curriculum: it answers every URL, and progress,
release dates, journal prompts, search results and every list key on its pages. Facilitators
translate pages with wagtail-localize, which keeps each translation in a parallel tree (one per
language, linked to its source by `translation_key`) that no Site serves, so URLs never change
meaning by language. When a page renders, the reader's live translation is swapped in for its
text; without one the English text shows with a note.

Lists read source pages only (`in_source_locale`), then fetch the translations they show in one
query (`translations_of`), never one per page.

Translatable snippets (protocols, resources) follow the same rule: lists, filters and searches
decide on the curriculum's own rows, and each row found is shown once, as its translation in
the reader's language when there is one, else as itself (`in_reader_language` for a list, in
the same query; `chosen_with_translations` for the snippets a module's body chooses).
"""

from collections import defaultdict
from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import get_language_info

from wagtail.coreutils import get_supported_content_language_variant


def source_language() -> str:
    """The language the curriculum is written in (the default locale's code)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def in_source_locale(pages):
    """Only the curriculum's own pages: each module once, however many translations it has."""
    return pages.filter(locale__language_code=source_language())


def reader_language() -> str | None:
    """The content language the reader reads in, when it is not the source's (else None)."""
    try:
        language = get_supported_content_language_variant(translation.get_language() or "")
    except LookupError:
        return None
    return None if language == source_language() else language


def translations_of(pages, model=None) -> dict:
    """Each page's live translation into the reader's language, by translation key (one query;
    none when the reader reads the source). Aliases are copies of the English, not translations."""
    language = reader_language()
    pages = [page for page in pages if page is not None]
    if language is None or not pages:
        return {}
    model = model or type(pages[0])
    found = model.objects.live().filter(
        translation_key__in={page.translation_key for page in pages},
        locale__language_code=language,
        alias_of__isnull=True,
    )
    return {page.translation_key: page for page in found}


def with_translations(states: list) -> list:
    """Module states (programs.release.ModuleState) with the reader's translations attached,
    in one query for all of them."""
    translated = translations_of([state.module for state in states])
    if not translated:
        return states
    return [replace(s, translation=translated.get(s.module.translation_key)) for s in states]


def in_reader_language(snippets):
    """The curriculum's own rows among `snippets` (a queryset of a translatable model), each
    once, as its translation into the reader's language when there is one, else as itself: a
    queryset of the same model (one query, whatever the language), to order, page and prefetch.
    Filters on `snippets` decide on the source rows, so a Spanish reader is shown exactly the
    resources an English reader is, never both versions of one, never none."""
    model, source = snippets.model, source_language()
    originals = snippets.filter(locale__language_code=source)
    language = reader_language()
    if language is None:
        return model.objects.filter(pk__in=originals.values("pk"))
    translated = model.objects.filter(locale__language_code=language).values("translation_key")
    return model.objects.filter(translation_key__in=originals.values("translation_key")).filter(
        Q(locale__language_code=language)
        | Q(locale__language_code=source) & ~Q(translation_key__in=translated)
    )


def chosen_with_translations(queryset, values) -> list:
    """The snippets chosen by pk in `values` (None where gone), each loaded with its versions in
    every language in the same query (`translations_loaded`, by language code), so that
    `reader_version()` picks the reader's at render time. The chosen row itself stays what
    the body holds: an editor saving the page keeps its choice whatever their language."""
    model = queryset.model
    values = [None if v is None else model._meta.pk.to_python(v) for v in values]
    chosen = [value for value in values if value is not None]
    keys = model.objects.filter(pk__in=chosen).values("translation_key")
    rows = list(queryset.filter(translation_key__in=keys).select_related("locale"))
    versions = defaultdict(dict)
    for row in rows:
        versions[row.translation_key][row.locale.language_code] = row
    by_pk = {}
    for row in rows:
        row.translations_loaded = versions[row.translation_key]
        by_pk[row.pk] = row
    return [by_pk.get(value) for value in values]


def source_home(home):
    """The home page whose tree answers URLs: `home` itself, or, when Wagtail starts routing
    from its translation for a reader of another language, the source it translates."""
    if reader_language() is None:
        return home
    source = (
        type(home)
        .objects.filter(translation_key=home.translation_key)
        .filter(locale__language_code=source_language())
        .first()
    )
    return home if source is None or source.pk == home.pk else source


def source_of(page):
    """The curriculum page that `page` translates (itself when it is one): progress, releases and
    prompts are kept on it."""
    if page.locale.language_code == source_language():
        return page
    return (
        type(page)
        .objects.filter(translation_key=page.translation_key)
        .filter(locale__language_code=source_language())
        .first()
        or page
    )


def sources_of(pages, model) -> list:
    """`pages` as the curriculum's pages, in order, each once (translations replaced by their
    source; one query)."""
    keys = {page.translation_key for page in pages if page.locale_id is not None}
    sources = {
        page.translation_key: page
        for page in in_source_locale(model.objects.filter(translation_key__in=keys))
    }
    seen, found = set(), []
    for page in pages:
        source = sources.get(page.translation_key, page)
        if source.pk not in seen:
            seen.add(source.pk)
            found.append(source)
    return found


@dataclass(frozen=True)
class Reading:
    """What a page shows the reader: its text (`content`, the translation when there is one),
    and whether the reader's language has no translation yet (`missing`: the note shows)."""

    content: object
    missing: bool = False
    language: str = ""

    @property
    def language_name(self) -> str:
        # In the reader's own language (the note is written in it): "español".
        return get_language_info(self.language)["name_local"] if self.language else ""

    @property
    def source_language(self) -> str:
        return source_language()

    @property
    def content_language(self) -> str:
        """The language of the text shown (for the `lang` attribute)."""
        return source_language() if self.missing else (self.language or source_language())


def reading_of(page, *, translation=None) -> Reading:
    """How `page` reads in the reader's language (one query unless `translation` is given)."""
    language = reader_language()
    if language is None:
        return Reading(content=page)
    if translation is None:
        translation = translations_of([page]).get(page.translation_key)
    if translation is None:
        return Reading(content=page, missing=True, language=language)
    return Reading(content=translation, language=language)
