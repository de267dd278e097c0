"""cohort_site.datafiles: data files are checked on load and a broken one names file and field."""

from typing import Literal, TypedDict

import pytest

from cohort_site.datafiles import DataFileError, check, load_markdown, load_yaml


class Step(TypedDict):
    text: str
    minutes: int


class Entry(TypedDict):
    slug: str
    kind: Literal["warm", "cool"]
    core: bool
    pair: tuple[str, int]
    steps: list[Step]


GOOD = """\
- slug: one
  kind: warm
  core: true
  pair: [a, 1]
  steps:
  - text: Listen
    minutes: 5
"""


def write(tmp_path, text, name="entries.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_tuples_as_tuples(tmp_path):
    (entry,) = load_yaml(write(tmp_path, GOOD), list[Entry])
    assert entry == {
        "slug": "one",
        "kind": "warm",
        "core": True,
        "pair": ("a", 1),
        "steps": [{"text": "Listen", "minutes": 5}],
    }


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (
            ("minutes: 5", "minutes: five"),
            "[0].steps[0].minutes",
            "expected a whole number, got text",
        ),
        (
            ("kind: warm", "kind: lukewarm"),
            "[0].kind",
            "expected one of warm, cool, got 'lukewarm'",
        ),
        (("core: true", "core: 1"), "[0].core", "expected true or false, got a whole number"),
        (("minutes: 5", "minutes: true"), "[0].steps[0].minutes", "got true or false"),
        (("pair: [a, 1]", "pair: [a]"), "[0].pair", "expected a list of 2 items"),
        (("slug: one\n  kind", "kind"), "[0]", "missing field(s): slug"),
        (("core: true", "core: true\n  colour: red"), "[0]", "unknown field(s): colour"),
        (
            ("steps:\n  - text: Listen\n    minutes: 5", "steps: 3"),
            "[0].steps",
            "expected a list, got a whole number",
        ),
    ],
)
def test_a_broken_file_names_the_file_and_the_field(tmp_path, change, field, problem):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(DataFileError) as raised:
        load_yaml(path, list[Entry])
    message = str(raised.value)
    assert message.startswith(f"{path}: {field}: ")
    assert problem in message


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "- slug: one\n  kind: [warm\n")
    with pytest.raises(DataFileError, match=r"entries.yaml: line \d+: is not valid YAML"):
        load_yaml(path, list[Entry])


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DataFileError, match="absent.yaml: cannot be read"):
        load_yaml(tmp_path / "absent.yaml", list[Entry])


class Page(TypedDict):
    title: str
    body: list[str]


def test_markdown_front_matter_and_paragraphs(tmp_path):
    path = write(
        tmp_path,
        "---\ntitle: 'Launch: why'\n---\nFirst line\nwraps here.\n\n\nSecond paragraph.\n",
        name="page.md",
    )
    assert load_markdown(path, Page, body="body") == {
        "title": "Launch: why",
        "body": ["First line wraps here.", "Second paragraph."],
    }


def test_markdown_without_front_matter_is_refused(tmp_path):
    path = write(tmp_path, "title: x\n\nBody.\n", name="page.md")
    with pytest.raises(DataFileError, match="page.md: must start with YAML front matter"):
        load_markdown(path, Page, body="body")


def test_check_names_the_top_level(tmp_path):
    with pytest.raises(DataFileError, match=r"x.yaml: \(top level\): expected a list, got text"):
        check("oops", list[Entry], path=tmp_path / "x.yaml")
