"""The shape of the code, read from its imports (every `import` statement, lazy ones inside
functions included, since a lazy import is a dependency all the same).

- No import circle between the modules of our apps: a module that needs a name from a module
  that needs it back is one module, or the shared part is a third module both import.
- No feature app imports another feature app; `cohorts/` (the hub) imports no feature app.
  Feature apps reach the hub's pages through the hooks it gathers (`team_space_panels`,
  `cohort_team_columns`, ...), never by importing each other.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
OWN_APPS = tuple(app for app in settings.INSTALLED_APPS if (ROOT / app / "__init__.py").exists())
FEATURE_APPS = {
    "assessments",
    "coaching",
    "committees",
    "feedback",
    "improvement",
    "journals",
    "norms",
    "partnerships",
}
HUB = "cohorts"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def own_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for app in OWN_APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    }


def imported_names(node, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, base] if base else package)
    # `from package import module` imports the module; `from module import name`, the module.
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of our apps it imports."""
    modules = own_modules()
    graph = {}
    for module, path in modules.items():
        is_package = path.name == "__init__.py"
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            names = imported_names(node, module, is_package)
            if isinstance(node, ast.ImportFrom):
                # the most precise existing module: the submodule if one was named, else its base
                found = [name for name in names[:-1] if name in modules]
                names = found or names[-1:]
            for name in names:
                while name and name not in modules:
                    name = name.rpartition(".")[0]
                if name and name != module:
                    targets.add(name)
        graph[module] = targets
    return graph


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph.get(module, ()):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def app_of(module: str) -> str:
    return module.partition(".")[0]


def cross_app_imports(graph, *, from_apps, to_apps):
    return {
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if app_of(module) in from_apps
        and app_of(target) in to_apps
        and app_of(target) != app_of(module)
    }


def test_the_graph_sees_every_app_and_a_known_edge():
    graph = import_graph()
    assert {app_of(module) for module in graph} == set(OWN_APPS)
    assert "cohorts.access" in graph["cohorts.models"]
    assert "cohorts.panels" in graph["journals.wagtail_hooks"]


def test_no_import_circle_between_modules():
    found = circles(import_graph())
    assert not found, sorted(sorted(group) for group in found)


def test_the_access_layer_does_not_import_the_models_back():
    assert "cohorts.models" not in import_graph()["cohorts.access"]


def test_no_feature_app_imports_another():
    found = cross_app_imports(import_graph(), from_apps=FEATURE_APPS, to_apps=FEATURE_APPS)
    assert not found, sorted(found)


def test_the_hub_imports_no_feature_app():
    found = cross_app_imports(import_graph(), from_apps={HUB}, to_apps=FEATURE_APPS)
    assert not found, sorted(found)


def test_journals_reach_the_curriculum_only_through_its_hook():
    """Reflection prompts come through the `reflection_prompts` hook (cohort_site.curriculum);
    only the demo reads the curriculum's sample entries (issue 19 moves that content)."""
    found = cross_app_imports(import_graph(), from_apps={"journals"}, to_apps={"programs"})
    assert found <= {("journals.demo", "programs.demo_content")}, sorted(found)


def test_a_circle_is_found():
    graph = {"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}, "a.w": {"a.x"}}
    assert circles(graph) == [frozenset({"a.x", "a.y", "a.z"})]
