"""Factories for people, shared by the tests and `seed_demo`."""

from functools import lru_cache

import factory
from allauth.account.models import EmailAddress

from django.contrib.auth.hashers import make_password

from .models import User

DEMO_PASSWORD = "equity-demo-2026"  # noqa: S105  (documented demo password, dev only)


@lru_cache(maxsize=8)
def _hashed(raw_password: str) -> str:
    return make_password(raw_password)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    display_name = factory.LazyAttribute(lambda o: f"{o.first_name} {o.last_name}")
    is_active = True

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        # Hashing is deliberately slow (about 0.3 s); demo and test people share one hash.
        self.password = _hashed(extracted or DEMO_PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        """Mark the email verified so allauth lets the person log in straight away."""
        if create and extracted is not False:
            EmailAddress.objects.update_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )
