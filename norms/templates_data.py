"""Starting templates for a team's norms, kept in norms/data/templates.yaml (read once, checked)."""

import functools
from pathlib import Path
from typing import TypedDict

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


@functools.cache
def _templates() -> tuple[dict, ...]:
    return tuple(load_templates())


def norm_templates() -> list[dict]:
    return list(_templates())


def norm_template(slug: str) -> dict | None:
    return next((t for t in _templates() if t["slug"] == slug), None)
