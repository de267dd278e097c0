"""Services take explicit keyword arguments: a caller cannot set fields the service did not name
(a project's team, an entry's author) by passing them through `**fields`."""

import importlib
import inspect
import pkgutil

import pytest

SERVICE_MODULES = [
    "assessments.services",
    "coaching.services",
    "committees.services",
    "cohorts.services",
    "feedback.services",
    "improvement.services",
    "journals.services",
    "norms.services",
    "notifications.services",
    "partnerships.services",
    "privacy.services",
    "programs.services",
]


def _submodules(module_name):
    module = importlib.import_module(module_name)
    if not hasattr(module, "__path__"):
        return ()
    return tuple(f"{module_name}.{info.name}" for info in pkgutil.iter_modules(module.__path__))


def service_functions():
    for module_name in SERVICE_MODULES:
        module = importlib.import_module(module_name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            # A services package re-exports its modules' functions.
            defined_here = function.__module__ in (module_name, *_submodules(module_name))
            if defined_here and not name.startswith("_"):
                yield f"{module_name}.{name}", function


@pytest.mark.parametrize(("name", "function"), list(service_functions()), ids=lambda v: str(v))
def test_no_service_takes_arbitrary_keyword_arguments(name, function):
    variadic = [
        p.name
        for p in inspect.signature(inspect.unwrap(function)).parameters.values()
        if p.kind is inspect.Parameter.VAR_KEYWORD
    ]
    assert not variadic, f"{name} takes **{variadic[0]}: name each field it may set"


@pytest.mark.django_db
def test_a_lead_cannot_move_the_project_to_another_team(roles):
    from improvement import services
    from improvement.factories import ImprovementProjectFactory

    project = ImprovementProjectFactory(team=roles["team_a"])
    with pytest.raises(TypeError):
        services.project_update(project=project, user=roles["lead_a"], team=roles["team_b"])
    project.refresh_from_db()
    assert project.team == roles["team_a"]
