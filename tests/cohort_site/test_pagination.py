"""One query for a page and the total (cohort_site.pagination)."""

import pytest

from django.core.paginator import Paginator

from accounts.factories import UserFactory
from accounts.models import User
from cohort_site.pagination import page_with_total

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    UserFactory.create_batch(7)
    return User.objects.order_by("pk")


@pytest.mark.parametrize("number", ["1", "2", "3", 1, None, "x", "-4", "99"])
def test_the_page_is_the_one_django_gives(people, number):
    ours = page_with_total(people, number, 3)
    django = Paginator(people, 3).get_page(number)
    assert [p.pk for p in ours] == [p.pk for p in django]
    assert (ours.number, ours.paginator.count, ours.paginator.num_pages) == (
        django.number,
        django.paginator.count,
        django.paginator.num_pages,
    )
    assert (ours.has_next(), ours.has_previous()) == (django.has_next(), django.has_previous())


def test_a_page_and_its_total_take_one_query(people, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = page_with_total(people, "2", 3)
        assert page.paginator.num_pages == 3 and len(page) == 3


def test_an_empty_list_is_one_empty_page(django_assert_num_queries):
    with django_assert_num_queries(1):
        page = page_with_total(User.objects.filter(pk=-1).order_by("pk"), 1, 3)
    assert list(page) == [] and page.paginator.count == 0 and page.number == 1
