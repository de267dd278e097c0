import datetime

import pytest

from accounts.factories import UserFactory
from programs.factories import ModulePageFactory, ProgramPageFactory
from programs.permissions import facilitator_permissions_apply
from programs.services import home_page_ensure


@pytest.fixture
def home(db):
    return home_page_ensure()


@pytest.fixture
def program(home):
    return ProgramPageFactory(parent=home, title="Equity Improvement Project", slug="eip")


@pytest.fixture
def module(program):
    return ModulePageFactory(
        parent=program,
        title="Launch: Why Equity, Why Us",
        slug="launch",
        number=1,
        month=datetime.date(2026, 9, 1),
        body=[
            ("paragraph", "<p>This project begins with the people who will do the work.</p>"),
            (
                "reflection_prompt",
                {
                    "prompt": "What did school teach you?",
                    "kind": "identity",
                    "default_privacy": "private",
                },
            ),
        ],
    )


@pytest.fixture
def facilitator(home):
    user = UserFactory(email="facilitator@example.org", display_name="Fatima Okafor")
    user.groups.add(facilitator_permissions_apply())
    return user


@pytest.fixture
def proposal(home, facilitator):
    """The partnership proposal form page, as `seed_demo` builds it."""
    from programs.demo import PARTNERSHIP_FIELDS, _form_fields
    from programs.factories import FormPageFactory
    from programs.models import FormPage

    page = FormPageFactory(
        parent=home,
        title="Propose a partnership",
        slug="partnership-proposal",
        confirmation_subject="We received your proposal",
        confirmation_text="Thank you. A facilitator will reply within two weeks.",
    )
    page.form_fields = _form_fields(PARTNERSHIP_FIELDS)
    page.save()
    return FormPage.objects.get(pk=page.pk)
