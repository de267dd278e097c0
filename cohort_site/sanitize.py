"""The project's single HTML sanitizer for participant-written HTML.

Every piece of HTML that a participant can author (rich-text answers, bios, comments, ...) must go
through :func:`clean_html` before it is stored or rendered with ``|safe``. Keeping one allowlist in
one place means a security review only has to look here.

We use nh3 (Python bindings to the Rust ``ammonia`` crate): it parses with html5ever, the same
HTML5 algorithm browsers use, and re-serialises the sanitised tree, so mutation-XSS tricks that
rely on parser differences do not survive. bleach is unmaintained (since 2026-06) and must not be
imported anywhere in the project.
"""

from __future__ import annotations

import html

import nh3

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "ALLOWED_URL_SCHEMES",
    "LINK_REL",
    "clean_html",
    "html_to_text",
]

# Simple formatting only. No h1 (reserved for the page title), no images, tables, forms,
# iframes or anything that can load content or run script. Disallowed tags are dropped but
# their text is kept.
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "s",
        "ul",
        "ol",
        "li",
        "blockquote",
        "h2",
        "h3",
        "h4",
        "a",
    }
)

# Only links carry an attribute, and only ``href``. No ``style``/``class``/``id``/``on*``
# anywhere. ``rel`` must NOT be listed here: nh3 sets it itself via ``link_rel`` (and refuses
# the combination), so participants cannot choose their own ``rel``.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
}

# Absolute https and mailto links only: no http, javascript:, data:, vbscript:, etc. nh3
# decodes entities and ignores embedded whitespace/control characters before checking the
# scheme, so ``&#106;avascript:`` or ``java\tscript:`` are rejected too.
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"https", "mailto"})

# Added by nh3 to every <a>: no window.opener access for the target, no Referer leak.
LINK_REL = "noopener noreferrer"

# Tags whose *content* is removed together with the tag, instead of being kept as text:
# showing the body of a <script> or <style> as prose is never what the author meant.
_CLEAN_CONTENT_TAGS: frozenset[str] = frozenset({"script", "style"})

# Cleaning must reach a fixed point (stored HTML may be cleaned again on every save). ammonia
# re-serialises a parsed tree, so one pass is idempotent for every test payload, but that is
# not a documented guarantee: re-clean until the output stops changing. Each pass's output is
# already sanitised, so hitting the cap on pathological input is still safe, just not minimal.
_MAX_PASSES = 4


def _clean_once(value: str) -> str:
    return nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT_TAGS),
        # The explicit empty "*" entry matters: without it nh3 keeps its default generic
        # attributes (``title``, ``lang``) on every tag.
        attributes={"*": set(), **{tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()}},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        # Relative URLs ("/x", "//evil.example", "x.html") have no scheme to check; participants
        # have no reason to write them, so drop them rather than resolve them.
        url_relative="deny",
        link_rel=LINK_REL,
        # Comments can hide conditional-comment tricks (<!--[if IE]>) and have no use here.
        strip_comments=True,
    )


def clean_html(value: str | None) -> str:
    """Return ``value`` reduced to the allowlisted HTML; safe to render unescaped.

    ``None`` and empty input give ``""``. The result is idempotent:
    ``clean_html(clean_html(x)) == clean_html(x)``.
    """
    if not value:
        return ""
    # Null bytes are never meaningful in participant text. Some (old) browsers skipped them
    # ("java\0script:" was a real vector), so drop them first and sanitise what such a browser
    # would see, instead of letting html5ever turn them into U+FFFD.
    cleaned = _clean_once(str(value).replace("\x00", ""))
    for _ in range(_MAX_PASSES):
        again = _clean_once(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def html_to_text(value: str | None) -> str:
    """Return the plain text of an HTML fragment (for search indexing and excerpts).

    All tags are stripped (script/style content dropped entirely), then entities are decoded.
    The result is plain text: escape it again before putting it into HTML.
    """
    if not value:
        return ""
    stripped = nh3.clean(
        str(value).replace("\x00", ""),
        tags=set(),
        clean_content_tags=set(_CLEAN_CONTENT_TAGS),
        attributes={},
        strip_comments=True,
    )
    return html.unescape(stripped)
