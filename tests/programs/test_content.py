"""The curriculum files under programs/content/ load, and a broken one says where it is broken."""

import ast
import shutil
from pathlib import Path

import pytest

from cohort_site.datafiles import DataFileError
from programs.content import CONTENT_DIR, curriculum, load

PROGRAMS_DIR = Path(__file__).resolve().parents[2] / "programs"


def test_every_curriculum_file_loads():
    content = load()
    assert [m["number"] for m in content.modules] == list(range(1, 10))
    assert content.modules[0]["title"] == "Launch: Why Equity, Why Us"
    assert len(content.modules[0]["body_paragraphs"]) == 3
    assert len(content.goals) == 7
    assert len(content.cde_equity_goals) == 6
    assert len(content.equity_areas) == 4
    assert content.protocols and all(p["steps"] for p in content.protocols)
    text, minutes = content.protocols[0]["steps"][0]
    assert isinstance(text, str) and isinstance(minutes, int)
    assert len(content.resources) >= 15
    assert ("EL", "English Learner") in content.student_groups
    assert curriculum() is curriculum()  # read once per process


def test_module_file_names_follow_number_and_slug():
    for path, module in zip(
        sorted((CONTENT_DIR / "modules").glob("*.md")), load().modules, strict=True
    ):
        assert path.name == f"{module['number']:02d}-{module['slug']}.md"


@pytest.fixture
def content_copy(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return copy


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_wrong_type_in_a_module_names_file_and_field(content_copy):
    module = content_copy / "modules" / "01-launch-why-equity-why-us.md"
    replace_in(module, "estimated_minutes: 180", "estimated_minutes: three hours")
    with pytest.raises(DataFileError) as raised:
        load(content_copy)
    assert str(raised.value) == (f"{module}: estimated_minutes: expected a whole number, got text")


def test_a_module_pointing_at_an_unknown_protocol_is_refused(content_copy):
    module = content_copy / "modules" / "01-launch-why-equity-why-us.md"
    replace_in(module, "- compass-points", "- compas-points")
    with pytest.raises(DataFileError, match=r"01-launch-why-equity-why-us.md: protocols\[1\]: "):
        load(content_copy)


def test_a_protocol_step_without_minutes_is_refused(content_copy):
    protocols = content_copy / "protocols.yaml"
    replace_in(protocols, "    minutes: 5\n", "")
    with pytest.raises(DataFileError, match=r"protocols.yaml: \[0\].steps\[0\]: missing field"):
        load(content_copy)


def test_a_resource_with_an_unknown_student_group_is_refused(content_copy):
    resources = content_copy / "resources.yaml"
    replace_in(resources, "- LTEL", "- LTE")
    with pytest.raises(
        DataFileError, match=r"resources.yaml: \[0\].student_groups\[1\]: no student"
    ):
        load(content_copy)


def test_a_duplicate_module_number_is_refused(content_copy):
    module = content_copy / "modules" / "02-leading-from-the-inside-out.md"
    replace_in(module, "number: 2", "number: 1")
    with pytest.raises(DataFileError, match="02-leading-from-the-inside-out.md: number: module 1"):
        load(content_copy)


def programs_modules_imported(path: Path) -> set[str]:
    """The programs/ modules (outside the models package) that `path` imports, anywhere in it."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level >= 2:  # from ..release import x
            names.add((node.module or "").split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            if (node.module or "").startswith("programs."):
                names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("programs."))
    return names


def test_the_models_import_none_of_release_services_or_forms():
    """The page models get those rules passed in (programs/models/rules.py), so there is no
    import circle: not at module level and not inside a method."""
    for path in (PROGRAMS_DIR / "models").glob("*.py"):
        imported = programs_modules_imported(path)
        assert not imported & {"release", "services", "forms"}, path.name


def test_no_file_in_programs_is_over_450_lines():
    for path in PROGRAMS_DIR.rglob("*.py"):
        if "migrations" not in path.parts:
            assert len(path.read_text(encoding="utf-8").splitlines()) <= 450, path
