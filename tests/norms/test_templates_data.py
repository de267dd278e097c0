"""Norm templates real teams copy come from the norms app's own data file, checked on load."""

import ast
from pathlib import Path

import pytest

from django.utils import translation

from cohort_site.datafiles import DataFileError
from norms.templates_data import (
    TEMPLATES_FILE,
    load_templates,
    norm_template,
    norm_templates,
    translated_file,
)


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
    assert imported == {"pathlib", "typing", "cohort_site.datafiles", "django.utils.translation"}


def test_a_template_without_its_practice_names_file_and_field(tmp_path):
    broken = tmp_path / "templates.yaml"
    text = TEMPLATES_FILE.read_text(encoding="utf-8")
    broken.write_text(text.replace("  - statement: Pausing\n", "  - statment: Pausing\n"), "utf-8")
    with pytest.raises(DataFileError) as raised:
        load_templates(broken)
    assert str(raised.value).startswith(f"{broken}: [1].norms[0]: ")
    assert "missing field(s): statement" in str(raised.value)


def test_a_spanish_reader_gets_the_templates_in_spanish_with_the_same_slugs():
    english = [t["slug"] for t in norm_templates()]
    with translation.override("es"):
        spanish = norm_templates()
        four = norm_template("courageous-conversations-four-agreements")
    assert [t["slug"] for t in spanish] == english
    assert four["name"] == "Conversaciones valientes: cuatro acuerdos"
    assert four["norms"][0][0] == "Mantenerse presente"
    # Each translated template has as many norms as its English source.
    assert [len(t["norms"]) for t in spanish] == [len(t["norms"]) for t in norm_templates()]


def test_a_language_without_a_translation_gets_the_english_templates():
    assert translated_file("fr") is None
    with translation.override("fr"):
        assert norm_templates() == list(load_templates())
