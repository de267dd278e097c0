"""Content kept in data files (YAML, or Markdown with YAML front matter), checked on load.

The shape of a file is a TypedDict (or a list of one); `check` walks the loaded value against
it and raises `DataFileError` naming the file and the field (``modules/03.md: objectives[2]:
expected text, got a number``), so an editor's typo stops the load with a clear message
instead of surfacing later as a broken page.

Supported in a shape: str, int, bool, Literal[...], list[X], tuple[X, ...] of fixed length and
TypedDicts (every key required, no unknown keys).
"""

import re
import typing
from pathlib import Path

import yaml

_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
}


class DataFileError(ValueError):
    """A data file that is missing, unreadable or not of the expected shape."""

    def __init__(self, path, field: str, problem: str):
        self.path, self.field, self.problem = Path(path), field, problem
        where = f"{self.path}: {field}" if field else str(self.path)
        super().__init__(f"{where}: {problem}")


def _describe(value) -> str:
    if value is None:
        return "nothing"
    for kind in (bool, int, str, list, dict):
        if isinstance(value, kind):
            return _NAMES[kind]
    return type(value).__name__


def _join(field: str, key) -> str:
    if isinstance(key, int):
        return f"{field}[{key}]"
    return f"{field}.{key}" if field else str(key)


def check(value, shape, *, path, field: str = ""):
    """`value` checked against `shape`; tuples come back as tuples. Raises DataFileError."""

    def fail(problem):
        raise DataFileError(path, field or "(top level)", problem)

    origin = typing.get_origin(shape)
    if typing.is_typeddict(shape):
        if not isinstance(value, dict):
            fail(f"expected a mapping, got {_describe(value)}")
        hints = typing.get_type_hints(shape)
        missing = [key for key in hints if key not in value]
        if missing:
            fail(f"missing field(s): {', '.join(missing)}")
        unknown = [str(key) for key in value if key not in hints]
        if unknown:
            fail(f"unknown field(s): {', '.join(unknown)}")
        return {
            key: check(value[key], hints[key], path=path, field=_join(field, key)) for key in hints
        }
    if origin is typing.Literal:
        allowed = typing.get_args(shape)
        if value not in allowed or isinstance(value, bool) != isinstance(allowed[0], bool):
            fail(f"expected one of {', '.join(map(str, allowed))}, got {value!r}")
        return value
    if origin is list:
        if not isinstance(value, list):
            fail(f"expected a list, got {_describe(value)}")
        (item,) = typing.get_args(shape)
        return [check(v, item, path=path, field=_join(field, i)) for i, v in enumerate(value)]
    if origin is tuple:
        items = typing.get_args(shape)
        if not isinstance(value, list | tuple) or len(value) != len(items):
            fail(f"expected a list of {len(items)} items, got {_describe(value)}")
        return tuple(
            check(v, s, path=path, field=_join(field, i))
            for i, (v, s) in enumerate(zip(value, items, strict=True))
        )
    if shape in (str, int, bool):
        # YAML reads `yes` as a bool and `1` as an int: a bool is never an int here.
        if not isinstance(value, shape) or (shape is int and isinstance(value, bool)):
            fail(f"expected {_NAMES[shape]}, got {_describe(value)}")
        return value
    raise TypeError(f"unsupported shape {shape!r}")  # a programming error, not a data error


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(path, "", f"cannot be read ({error.strerror})") from error


def _parse(path: Path, text: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataFileError(path, where, f"is not valid YAML: {problem}") from error


def load_yaml(path, shape):
    """The YAML file at `path`, checked against `shape`."""
    path = Path(path)
    return check(_parse(path, _read(path)), shape, path=path)


def load_markdown(path, shape, *, body: str):
    """A Markdown file whose YAML front matter (between `---` lines) and body make one mapping.

    The body is plain paragraphs separated by blank lines; a paragraph's lines are joined with
    single spaces and it is stored under the key `body` as a list of strings.
    """
    path = Path(path)
    text = _read(path)
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        raise DataFileError(path, "", "must start with YAML front matter between '---' lines")
    front, _, rest = text[4:].partition("\n---\n")
    data = _parse(path, front)
    if not isinstance(data, dict):
        raise DataFileError(path, "(front matter)", f"expected a mapping, got {_describe(data)}")
    if body in data:
        raise DataFileError(path, body, "belongs in the body below the front matter")
    paragraphs = re.split(r"\n\s*\n", rest.strip())
    data[body] = [" ".join(line.strip() for line in p.splitlines()) for p in paragraphs if p]
    return check(data, shape, path=path)
