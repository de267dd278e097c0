"""Starting templates for a team's norms, kept in norms/data/templates.yaml (read once, checked).

A translation sits beside it as templates.<language>.yaml with the same slugs; a person reading
the site in that language gets it, everyone else the English file.
"""

import functools
from pathlib import Path
from typing import TypedDict

from django.utils.translation import get_language

from cohort_site.datafiles import load_yaml

TEMPLATES_FILE = Path(__file__).resolve().parent / "data" / "templates.yaml"


class NormEntry(TypedDict):
    statement: str
    in_practice: str  # what it looks like in practice


class NormTemplateEntry(TypedDict):
    slug: str
    name: str
    source: str
    description: str
    norms: list[NormEntry]


def load_templates(path: Path = TEMPLATES_FILE) -> list[dict]:
    """[{slug, name, source, description, norms: [(statement, in practice), ...]}, ...]"""
    return [
        {**entry, "norms": [(n["statement"], n["in_practice"]) for n in entry["norms"]]}
        for entry in load_yaml(path, list[NormTemplateEntry])
    ]


def translated_file(language: str) -> Path | None:
    path = TEMPLATES_FILE.with_suffix(f".{language}.yaml")
    return path if path.exists() else None


@functools.cache
def _templates(language: str) -> tuple[dict, ...]:
    path = translated_file(language) or TEMPLATES_FILE
    return tuple(load_templates(path))


def _current() -> tuple[dict, ...]:
    return _templates((get_language() or "en").split("-")[0])


def norm_templates() -> list[dict]:
    return list(_current())


def norm_template(slug: str) -> dict | None:
    return next((t for t in _current() if t["slug"] == slug), None)
