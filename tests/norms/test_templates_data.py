"""Norm templates real teams copy come from the norms app's own data file, checked on load."""

import ast
from pathlib import Path

import pytest

from cohort_site.datafiles import DataFileError
from norms.templates_data import TEMPLATES_FILE, load_templates, norm_template, norm_templates


def test_templates_load_from_the_norms_data_file():
    slugs = [t["slug"] for t in norm_templates()]
    assert slugs == ["courageous-conversations-four-agreements", "seven-norms-of-collaboration"]
    four = norm_template("courageous-conversations-four-agreements")
    assert four["norms"][0] == (
        "Stay engaged",
        "Remain present and keep participating even when the topic is uncomfortable; if you "
        "need to step back, say so and come back.",
    )
    assert norm_template("no-such-template") is None


def test_templates_do_not_come_from_the_demo():
    import norms.templates_data

    tree = ast.parse(Path(norms.templates_data.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert imported == {"pathlib", "typing", "cohort_site.datafiles"}


def test_a_template_without_its_practice_names_file_and_field(tmp_path):
    broken = tmp_path / "templates.yaml"
    text = TEMPLATES_FILE.read_text(encoding="utf-8")
    broken.write_text(text.replace("  - statement: Pausing\n", "  - statment: Pausing\n"), "utf-8")
    with pytest.raises(DataFileError) as raised:
        load_templates(broken)
    assert str(raised.value).startswith(f"{broken}: [1].norms[0]: ")
    assert "missing field(s): statement" in str(raised.value)
