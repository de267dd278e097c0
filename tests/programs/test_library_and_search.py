"""The resource library's filters and the site search."""

import pytest

from programs.factories import (
    ModulePageFactory,
    ResourceFactory,
    ResourceIndexPageFactory,
    StudentGroupFactory,
    TopicFactory,
)
from programs.models import Resource


@pytest.fixture
def library(home):
    return ResourceIndexPageFactory(parent=home)


@pytest.fixture
def resources(db):
    el = StudentGroupFactory(code="EL", label="English Learner")
    fos = StudentGroupFactory(code="FOS", label="Foster Youth")
    literacy = TopicFactory(slug="early-literacy", name="Early literacy")
    climate = TopicFactory(slug="school-climate", name="School climate")
    return {
        "toolkit": ResourceFactory(
            title="English Learner Tool Kit",
            resource_type=Resource.Type.TOOLKIT,
            topics=[literacy],
            student_groups=[el],
        ),
        "report": ResourceFactory(
            title="Foster Youth Attendance Report",
            resource_type=Resource.Type.REPORT,
            summary="Why foster youth miss school, and what helps.",
            topics=[climate],
            student_groups=[fos],
        ),
        "guide": ResourceFactory(
            title="Climate Survey Guide", resource_type=Resource.Type.GUIDE, topics=[climate]
        ),
    }


def titles(response):
    return [r.title for r in response.context["resources"]]


@pytest.mark.django_db
def test_library_lists_and_filters(client, library, resources):
    assert library.url == "/resources/"
    response = client.get("/resources/")
    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert titles(client.get("/resources/?topic=school-climate")) == [
        "Climate Survey Guide",
        "Foster Youth Attendance Report",
    ]
    assert titles(client.get("/resources/?type=toolkit")) == ["English Learner Tool Kit"]
    assert titles(client.get("/resources/?group=FOS")) == ["Foster Youth Attendance Report"]
    assert titles(client.get("/resources/?topic=school-climate&type=guide")) == [
        "Climate Survey Guide"
    ]
    assert titles(client.get("/resources/?q=foster")) == ["Foster Youth Attendance Report"]
    # The filter form keeps the choice and works as a plain GET form.
    response = client.get("/resources/?type=toolkit")
    assert '<form method="get"' in response.text
    assert '<option value="toolkit" selected>' in response.text


@pytest.mark.django_db
def test_library_paginates(client, library):
    for n in range(25):
        ResourceFactory(title=f"Guide {n:02d}")
    first = client.get("/resources/")
    assert len(titles(first)) == 20
    assert "Page 1 of 2" in first.text
    second = client.get("/resources/?page=2")
    assert len(titles(second)) == 5


@pytest.mark.django_db
def test_search_finds_modules_and_resources(client, program, resources):
    ModulePageFactory(parent=program, title="Seeing the System", summary="Map root causes")
    ModulePageFactory(parent=program, title="Launch", summary="Why equity")
    response = client.get("/search/?q=system")
    assert response.status_code == 200
    assert [r["item"].title for r in response.context["results"]] == ["Seeing the System"]
    response = client.get("/search/?q=foster")
    assert "Foster Youth Attendance Report" in response.text


@pytest.mark.django_db
def test_search_echoes_query_escaped(client, home):
    response = client.get("/search/?q=<script>alert(1)</script>")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


@pytest.mark.django_db
def test_search_paginates(client, program):
    for n in range(12):
        ModulePageFactory(parent=program, title=f"Cycle {n}", summary="improvement cycle")
    first = client.get("/search/?q=cycle")
    assert len(first.context["results"]) == 10
    assert "q=cycle&amp;page=2" in first.text
    assert len(client.get("/search/?q=cycle&page=2").context["results"]) == 2
