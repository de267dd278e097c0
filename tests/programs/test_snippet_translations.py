"""Protocols and resources in Spanish: facilitators translate them with wagtail-localize, and a
reader sees the version in their language wherever one shows (a module's body, the library, its
filters and search, the site search), else the English; never both, never neither."""

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

from accounts.factories import UserFactory
from programs.demo_translations import object_translate
from programs.factories import (
    ProtocolFactory,
    ProtocolStepFactory,
    ResourceFactory,
    ResourceIndexPageFactory,
    TopicFactory,
)
from programs.models import LiberatoryDesignMode, Protocol, ProtocolStep, Resource
from programs.services import site_search

pytestmark = pytest.mark.django_db

MEMORY = {
    "Forming Ground Rules": "Formar Reglas Básicas",
    "Turn needs into agreements.": "Convertir las necesidades en acuerdos.",
    "Each person writes privately.": "Cada persona escribe en privado.",
    "Group similar items.": "Agrupen las ideas parecidas.",
    "Attendance Works toolkit": "Herramientas de Attendance Works",
    "Why students miss school, and what helps.": "Por qué faltan los estudiantes, y qué ayuda.",
    "School teams": "Equipos escolares",
}


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


@pytest.fixture
def attendance(db):
    return TopicFactory(slug="attendance", name="Attendance")


@pytest.fixture
def protocol(db):
    protocol = ProtocolFactory(
        slug="forming-ground-rules",
        name="Forming Ground Rules",
        purpose="Turn needs into agreements.",
    )
    ProtocolStepFactory(protocol=protocol, text="Each person writes privately.", sort_order=0)
    ProtocolStepFactory(protocol=protocol, text="Group similar items.", minutes=10, sort_order=1)
    return protocol


@pytest.fixture
def resource(attendance):
    return ResourceFactory(
        title="Attendance Works toolkit",
        summary="Why students miss school, and what helps.",
        audience="School teams",
        topics=[attendance],
    )


@pytest.fixture
def translated(protocol, resource, spanish):
    """The Spanish protocol and resource, as a facilitator's translation leaves them."""
    for snippet in (protocol, resource):
        object_translate(snippet, locale=spanish, memory=MEMORY)
    return {
        "protocol": protocol.get_translation(spanish),
        "resource": resource.get_translation(spanish),
    }


@pytest.fixture
def untranslated(db):
    protocol = ProtocolFactory(slug="compass-points", name="Compass Points")
    ProtocolStepFactory(protocol=protocol, text="Stand at your direction.", sort_order=0)
    return {
        "protocol": protocol,
        "resource": ResourceFactory(title="Climate Survey Guide", summary="Ask students."),
    }


@pytest.fixture
def module_with_snippets(module, protocol, resource, untranslated):
    """The English module choosing two resources and two protocols, one of each translated."""
    chosen = (protocol, untranslated["protocol"])
    module.body = [
        ("resource_list", {"heading": "Read", "resources": [resource, untranslated["resource"]]}),
        *(("protocol", {"protocol": p, "name": "", "mode": None, "steps": []}) for p in chosen),
    ]
    module.save_revision().publish()
    return module


@pytest.fixture
def library(home):
    return ResourceIndexPageFactory(parent=home)


def reader(language):
    client = Client()
    client.force_login(UserFactory(preferred_language=language))
    return client


def test_a_translation_is_a_row_of_its_own_linked_to_its_english(protocol, resource, translated):
    spanish_protocol = translated["protocol"]
    assert spanish_protocol.translation_key == protocol.translation_key
    assert spanish_protocol.locale.language_code == "es"
    assert spanish_protocol.slug == protocol.slug  # synchronized, not translated
    assert [s.text for s in spanish_protocol.steps.all()] == [
        "Cada persona escribe en privado.",
        "Agrupen las ideas parecidas.",
    ]
    assert [s.minutes for s in spanish_protocol.steps.all()] == [5, 10]
    assert {s.locale_id for s in spanish_protocol.steps.all()} == {spanish_protocol.locale_id}
    spanish_resource = translated["resource"]
    assert spanish_resource.title == "Herramientas de Attendance Works"
    assert list(spanish_resource.topics.all()) == list(resource.topics.all())  # tags kept
    assert spanish_resource.resource_type == resource.resource_type


def test_a_spanish_reader_sees_the_spanish_protocol_and_resource_on_a_module_page(
    module_with_snippets, translated
):
    text = reader("es").get(module_with_snippets.url).text
    assert "Formar Reglas Básicas" in text and "Forming Ground Rules" not in text
    assert "Cada persona escribe en privado." in text
    assert "Each person writes privately." not in text
    assert "Herramientas de Attendance Works" in text and "Attendance Works toolkit" not in text
    assert '<section class="protocol" lang="es">' in text
    # Untranslated ones: the English, marked as English.
    assert "Compass Points" in text and "Stand at your direction." in text
    assert '<section class="protocol" lang="en">' in text
    assert "Climate Survey Guide" in text
    assert text.count('<article class="resource"') == 2


def test_an_english_reader_sees_the_english_protocol_and_resource(module_with_snippets, translated):
    text = reader("en").get(module_with_snippets.url).text
    assert "Forming Ground Rules" in text and "Formar Reglas Básicas" not in text
    assert "Each person writes privately." in text and "Cada persona" not in text
    assert "Attendance Works toolkit" in text and "Herramientas de Attendance Works" not in text
    assert 'class="protocol" lang="es"' not in text


def test_an_english_module_choosing_the_spanish_protocol_shows_each_reader_theirs(
    module_with_snippets, protocol, translated
):
    """An editor may choose a translation in the English module's body: each reader still gets
    their language's version, and the body keeps the editor's choice."""
    module_with_snippets.body = [
        ("protocol", {"protocol": translated["protocol"], "name": "", "mode": None, "steps": []})
    ]
    module_with_snippets.save_revision().publish()
    english = reader("en").get(module_with_snippets.url).text
    assert "Forming Ground Rules" in english and "Formar Reglas Básicas" not in english
    assert "Formar Reglas Básicas" in reader("es").get(module_with_snippets.url).text
    module_with_snippets.refresh_from_db()
    assert module_with_snippets.body[0].value["protocol"].pk == translated["protocol"].pk


def test_the_library_shows_each_resource_once_in_the_readers_language(
    library, resource, translated, untranslated
):
    spanish = reader("es").get(library.url)
    titles = [r.title for r in spanish.context["resources"]]
    assert titles == ["Climate Survey Guide", "Herramientas de Attendance Works"]
    assert '<article class="resource" lang="en">' in spanish.text  # the untranslated one
    english = reader("en").get(library.url)
    assert [r.title for r in english.context["resources"]] == [
        "Attendance Works toolkit",
        "Climate Survey Guide",
    ]
    assert "resources" in english.text and "Herramientas" not in english.text


def test_filters_and_search_find_the_resource_once_in_the_readers_language(
    library, resource, translated, untranslated
):
    spanish = reader("es")
    for query in ({"topic": "attendance"}, {"q": "faltan"}, {"q": "miss school"}):
        titles = [r.title for r in spanish.get(library.url, query).context["resources"]]
        assert titles == ["Herramientas de Attendance Works"], query
    english = reader("en")
    for query in ({"topic": "attendance"}, {"q": "faltan"}, {"q": "miss school"}):
        titles = [r.title for r in english.get(library.url, query).context["resources"]]
        assert titles == ["Attendance Works toolkit"], query


def test_the_site_search_answers_a_resource_once_in_the_readers_language(
    resource, translated, untranslated
):
    from django.utils import translation

    with translation.override("es"):
        found = [r["item"].title for r in site_search("faltan") if r["kind"] == "resource"]
        assert found == ["Herramientas de Attendance Works"]
        found = [r["item"].title for r in site_search("miss school") if r["kind"] == "resource"]
        assert found == ["Herramientas de Attendance Works"]
    with translation.override("en"):
        found = [r["item"].title for r in site_search("faltan") if r["kind"] == "resource"]
        assert found == ["Attendance Works toolkit"]
    page = reader("es").get("/search/", {"q": "faltan"}).text
    assert "Herramientas de Attendance Works" in page and "Attendance Works toolkit" not in page


def _rendered_and_shared_queries(client, url):
    from programs.public_cache import purge

    purge()
    with CaptureQueriesContext(connection) as rendered:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as shared:
        response = client.get(url)
    return len(rendered), len(shared), response


def test_translated_resources_cost_the_library_no_query(library, spanish, attendance):
    """A Spanish reader's library (rendered, then shared) takes as many queries with one
    untranslated resource as with one or thirty translated ones: the translations come in the
    query that reads the page of resources. (A Spanish reader's page costs a few queries more
    than an English reader's whatever the snippets: its own translation and Wagtail's routing.)"""
    english, spanish_reader = reader("en"), reader("es")
    for client in (english, spanish_reader):
        client.get(library.url)  # warm caches (site, locales)
    first = ResourceFactory(title="Guide 00", topics=[attendance])
    counts = [_rendered_and_shared_queries(spanish_reader, library.url)[:2]]
    english_counts = [_rendered_and_shared_queries(english, library.url)[:2]]
    for n in (1, 30):
        while Resource.objects.filter(locale__language_code="en").count() < n:
            ResourceFactory(title=f"Guide {Resource.objects.count():02d}", topics=[attendance])
        for made in Resource.objects.filter(locale__language_code="en"):
            if not made.has_translation(spanish):
                object_translate(made, locale=spanish, memory={made.title: f"Guía {made.pk}"})
        *measured, response = _rendered_and_shared_queries(spanish_reader, library.url)
        counts.append(tuple(measured))
        english_counts.append(_rendered_and_shared_queries(english, library.url)[:2])
    assert counts[0] == counts[1] == counts[2], counts
    assert english_counts[0] == english_counts[1] == english_counts[2], english_counts
    assert response.text.count("Guía ") == 20  # a page of 20, all Spanish
    assert "Guide " not in response.text and first.has_translation(spanish)


def test_translated_protocols_and_resources_cost_the_module_page_no_query(
    module_with_snippets, protocol, resource, spanish
):
    from tests.programs.test_queries import MAX_QUERIES, SHARED_MAX_QUERIES

    english, spanish_reader = reader("en"), reader("es")
    for client in (english, spanish_reader):
        client.get(module_with_snippets.url)  # warm caches
    before = _rendered_and_shared_queries(spanish_reader, module_with_snippets.url)[:2]
    for snippet in (protocol, resource):
        object_translate(snippet, locale=spanish, memory=MEMORY)
    *after, response = _rendered_and_shared_queries(spanish_reader, module_with_snippets.url)
    assert "Formar Reglas Básicas" in response.text
    assert tuple(after) == before
    rendered, shared, _response = _rendered_and_shared_queries(english, module_with_snippets.url)
    assert rendered <= MAX_QUERIES and shared <= SHARED_MAX_QUERIES


def test_translating_in_the_admin_shows_at_once_to_spanish_readers(
    library, module_with_snippets, facilitator, protocol, resource, spanish
):
    """Through wagtail-localize's own views: "Translate" creates the Spanish resource, the
    translation editor saves a string, "Publish" saves the translation; each save bumps the
    curriculum's version, so the cached library and module show it on the next view."""
    from wagtail_localize.models import StringSegment, Translation

    lector = reader("es")
    assert "Attendance Works toolkit" in lector.get(library.url).text  # cached
    assert "Forming Ground Rules" in lector.get(module_with_snippets.url).text  # cached
    admin = Client()
    admin.force_login(facilitator)
    for snippet in (resource, protocol):
        submit = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["programs", snippet._meta.model_name, snippet.pk],
        )
        assert admin.get(submit).status_code == 200
        assert admin.post(submit, {"locales": [spanish.pk]}).status_code == 302
        assert snippet.get_translation(spanish).locale == spanish
    # The Spanish versions exist (with the English text until translated): one each, no more.
    page = lector.get(library.url).text
    assert page.count("Attendance Works toolkit") == 1
    for snippet, english, words in (
        (resource, "Attendance Works toolkit", "Herramientas de Attendance Works"),
        (protocol, "Forming Ground Rules", "Formar Reglas Básicas"),
    ):
        record = Translation.objects.get(source__object_id=snippet.translation_key)
        segment = StringSegment.objects.get(source=record.source, string__data=english)
        edited = admin.put(
            reverse("wagtail_localize:edit_string_translation", args=[record.pk, segment.pk]),
            f"value={words}",
            content_type="application/x-www-form-urlencoded",
        )
        assert edited.status_code in (200, 201)
        target = snippet.get_translation(spanish)
        edit = reverse(
            f"wagtailsnippets_programs_{snippet._meta.model_name}:edit", args=[target.pk]
        )
        assert admin.post(edit, {"action": "publish"}).status_code == 302
    page = lector.get(library.url).text
    assert "Herramientas de Attendance Works" in page and "Attendance Works toolkit" not in page
    page = lector.get(module_with_snippets.url).text
    assert "Formar Reglas Básicas" in page and "Forming Ground Rules" not in page
    english = reader("en").get(library.url).text
    assert "Attendance Works toolkit" in english and "Herramientas" not in english


def test_the_admin_offers_translate_and_shows_each_language(
    client, facilitator, protocol, resource, translated
):
    client.force_login(facilitator)
    new = ProtocolFactory(slug="new-one")
    listing = client.get(reverse("wagtailsnippets_programs_protocol:list")).text
    translate = "wagtail_localize:submit_snippet_translation"
    assert reverse(translate, args=["programs", "protocol", new.pk]) in listing
    # Translated into every language already: nothing more to offer.
    assert reverse(translate, args=["programs", "protocol", protocol.pk]) not in listing
    edit = client.get(
        reverse("wagtailsnippets_programs_resource:edit", args=[translated["resource"].pk])
    )
    assert edit.status_code == 200  # wagtail-localize's translation editor
    assert "Herramientas de Attendance Works" in edit.text
    # A protocol's editor, its steps and its (overridable) mode included.
    protocol.mode = LiberatoryDesignMode.objects.create(slug="notice", name="Notice")
    protocol.save()
    object_translate(protocol, locale=translated["protocol"].locale, memory=MEMORY)
    edit = client.get(
        reverse("wagtailsnippets_programs_protocol:edit", args=[translated["protocol"].pk])
    )
    assert edit.status_code == 200
    assert "Cada persona escribe en privado." in edit.text


def test_a_title_or_slug_taken_in_one_language_is_a_form_error_not_a_crash(
    client, facilitator, protocol, resource
):
    client.force_login(facilitator)
    response = client.post(
        reverse("wagtailsnippets_programs_resource:add"),
        {"title": resource.title, "summary": "Again.", "resource_type": "guide"},
    )
    assert response.status_code == 200
    assert "already exists" in response.text
    assert Resource.objects.filter(title=resource.title).count() == 1
    response = client.post(
        reverse("wagtailsnippets_programs_protocol:add"),
        {
            "name": "Another",
            "slug": protocol.slug,
            "steps-TOTAL_FORMS": "0",
            "steps-INITIAL_FORMS": "0",
            "steps-MIN_NUM_FORMS": "0",
            "steps-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "already exists" in response.text
    assert Protocol.objects.filter(slug=protocol.slug).count() == 1


def test_seeding_again_keeps_each_steps_translation_linked(db, spanish):
    from programs.demo import seed_curriculum
    from programs.demo_translations import seed_spanish_curriculum

    seed_curriculum()
    seed_spanish_curriculum()
    keys = set(ProtocolStep.objects.values_list("pk", "translation_key"))
    seed_curriculum()
    seed_spanish_curriculum()
    assert set(ProtocolStep.objects.values_list("pk", "translation_key")) == keys
    spanish_protocol = Protocol.objects.get(slug="forming-ground-rules", locale=spanish)
    assert spanish_protocol.name == "Formar Reglas Básicas"
    assert all("Each person" not in s.text for s in spanish_protocol.steps.all())


def test_translating_a_module_also_submits_the_snippets_it_chooses(
    client, facilitator, module_with_snippets, protocol, resource, spanish
):
    client.force_login(facilitator)
    submit = reverse("wagtail_localize:submit_page_translation", args=[module_with_snippets.pk])
    # The module's parent (the program page) is translated with it.
    response = client.post(submit, {"locales": [spanish.pk], "include_subtree": ""})
    assert response.status_code == 302
    assert protocol.has_translation(spanish) and resource.has_translation(spanish)
    spanish_module = module_with_snippets.get_translation(spanish)
    chosen = [b.value["protocol"] for b in spanish_module.body if b.block_type == "protocol"]
    assert chosen[0].pk == protocol.get_translation(spanish).pk
