"""The curriculum, kept as data files in this folder and checked when it is loaded.

program.yaml      the program page's text and the county model's goals
taxonomy.yaml     CDE goals of equity and areas, Liberatory Design modes, student groups, topics
protocols.yaml    the protocols modules link to (steps with minutes)
resources.yaml    the resource library
modules/*.md      one file per monthly module: YAML front matter, then the body's paragraphs

`curriculum()` reads them once per process; `seed_demo` (programs/demo.py) turns them into
rows and Wagtail pages. A file of the wrong shape, or a slug that points nowhere, raises
`DataFileError` naming the file and the field.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

from cohort_site.datafiles import DataFileError, load_markdown, load_yaml

from . import schema

CONTENT_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Curriculum:
    program: schema.Program
    goals: list[schema.Goal]
    cde_equity_goals: list[schema.CdeEquityGoal]
    equity_areas: list[schema.EquityArea]
    liberatory_design_modes: list[schema.LiberatoryDesignMode]
    student_groups: list[tuple[str, str]]
    topics: list[schema.Topic]
    protocols: list[schema.Protocol]
    modules: list[schema.Module]
    resources: list[schema.Resource]


def _unique(items, key, *, path, field) -> set:
    seen = set()
    for i, item in enumerate(items):
        value = item[key] if isinstance(item, dict) else item[0]
        if value in seen:
            raise DataFileError(path, f"{field}[{i}].{key}", f"{value!r} appears twice")
        seen.add(value)
    return seen


def _known(values, allowed, *, path, field, what) -> None:
    for i, value in enumerate([values] if isinstance(values, str) else values):
        if value not in allowed:
            where = field if isinstance(values, str) else f"{field}[{i}]"
            raise DataFileError(path, where, f"no {what} {value!r}")


def load(directory: Path = CONTENT_DIR) -> Curriculum:
    """Every curriculum file in `directory`, checked for shape and cross-references."""
    program_file = load_yaml(directory / "program.yaml", schema.ProgramFile)
    taxonomy_path = directory / "taxonomy.yaml"
    taxonomy = load_yaml(taxonomy_path, schema.TaxonomyFile)
    protocols_path = directory / "protocols.yaml"
    protocol_entries = load_yaml(protocols_path, list[schema.ProtocolEntry])
    resources_path = directory / "resources.yaml"
    resources = load_yaml(resources_path, list[schema.Resource])
    module_paths = sorted((directory / "modules").glob("*.md"))
    modules = [load_markdown(p, schema.Module, body="body_paragraphs") for p in module_paths]

    goals = _unique(program_file["goals"], "slug", path=directory / "program.yaml", field="goals")
    modes = _unique(
        taxonomy["liberatory_design_modes"],
        "slug",
        path=taxonomy_path,
        field="liberatory_design_modes",
    )
    topics = _unique(taxonomy["topics"], "slug", path=taxonomy_path, field="topics")
    groups = _unique(taxonomy["student_groups"], 0, path=taxonomy_path, field="student_groups")
    protocol_slugs = _unique(protocol_entries, "slug", path=protocols_path, field="")
    for i, entry in enumerate(protocol_entries):
        _known(entry["mode"], modes, path=protocols_path, field=f"[{i}].mode", what="mode")
    numbers = set()
    for path, module in zip(module_paths, modules, strict=True):
        if module["number"] in numbers:
            raise DataFileError(path, "number", f"module {module['number']} appears twice")
        numbers.add(module["number"])
        _known(module["mode"], modes, path=path, field="mode", what="mode")
        _known(module["goals"], goals, path=path, field="goals", what="goal")
        _known(module["protocols"], protocol_slugs, path=path, field="protocols", what="protocol")
    for i, resource in enumerate(resources):
        field = f"[{i}]"
        _known(
            resource["topics"], topics, path=resources_path, field=f"{field}.topics", what="topic"
        )
        _known(
            resource["student_groups"],
            groups,
            path=resources_path,
            field=f"{field}.student_groups",
            what="student group",
        )
    protocols = [
        {**entry, "steps": [(step["text"], step["minutes"]) for step in entry["steps"]]}
        for entry in protocol_entries
    ]
    return Curriculum(
        program=program_file["program"],
        goals=program_file["goals"],
        protocols=protocols,
        modules=sorted(modules, key=lambda m: m["number"]),
        resources=resources,
        **taxonomy,
    )


@functools.cache
def curriculum() -> Curriculum:
    """The curriculum in this folder, read and checked once per process."""
    return load()
