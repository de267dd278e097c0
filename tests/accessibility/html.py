"""A tiny reader for rendered pages: Django's own HTML parser, walked as a tree."""

from django.test.html import Element, parse_html


def tree(response) -> Element:
    return parse_html(response.content.decode())


def elements(node, name=None):
    """Every element under `node` (depth first), optionally only those called `name`."""
    for child in getattr(node, "children", []):
        if isinstance(child, Element):
            if name is None or child.name == name:
                yield child
            yield from elements(child, name)


def attr(element, key):
    return dict(element.attributes).get(key)


def text(node) -> str:
    if isinstance(node, str):
        return node
    return " ".join(text(child) for child in node.children)
