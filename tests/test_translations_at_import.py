"""Strings translated when a module is imported stay in the language of whoever imported it.

A class attribute or module constant built with `gettext` (not `gettext_lazy`) is translated
once, at import, before any reader's language is active: a Spanish reader then sees English.
This reads every application module and fails on such a call (the committee pages' headings
were built this way).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "migrations", "tests", "bench", "node_modules", "staticfiles", "media"}
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}


def eager_names(tree) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            names |= {alias.asname or alias.name for alias in node.names if alias.name in EAGER}
    return names


def calls_at_import(tree, names):
    """Eager calls in module-level statements and class bodies (not inside functions)."""

    def visit(statements):
        for statement in statements:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if isinstance(statement, ast.ClassDef):
                yield from visit(statement.body)
                continue
            for node in ast.walk(statement):
                if isinstance(node, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
                    break
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) in names:
                    yield node.lineno

    yield from visit(tree.body)


def test_no_string_is_translated_at_import():
    found = []
    for path in ROOT.rglob("*.py"):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = eager_names(tree)
        if names:
            found += [f"{path.relative_to(ROOT)}:{line}" for line in calls_at_import(tree, names)]
    assert found == [], "use gettext_lazy here: " + ", ".join(found)
