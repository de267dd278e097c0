"""The one helper that keeps rendered markup in the cache."""

from django.utils.safestring import SafeString

from cohort_site.fragments import cached_html, cached_html_many, fragment_key


def test_a_fragment_is_rendered_once_and_then_read_back_as_safe_markup():
    calls = []

    def render():
        calls.append(1)
        return "<p>Ratified norms</p>"

    key = fragment_key("test-fragment", "norms", 3)
    first, second = cached_html(key, render), cached_html(key, render)
    assert first == second == "<p>Ratified norms</p>"
    assert isinstance(second, SafeString)
    assert len(calls) == 1


def test_without_a_key_a_fragment_is_rendered_every_time():
    calls = []
    for _ in range(2):
        cached_html(None, lambda: calls.append(1) or "<p>draft</p>")
    assert len(calls) == 2


def test_keys_differ_with_what_they_name():
    assert fragment_key("x", 1, "en") != fragment_key("x", 1, "es")


def test_many_fragments_render_only_the_missing_ones():
    rendered = []

    def render_missing(names):
        rendered.extend(names)
        return {name: (f"<svg>{name}</svg>", f"<table>{name}</table>") for name in names}

    keys = {name: fragment_key("test-many", name) for name in ("a", "b")}
    cached_html_many({"a": keys["a"]}, render_missing)
    found = cached_html_many(keys, render_missing)
    assert rendered == ["a", "b"]
    assert found["b"] == ("<svg>b</svg>", "<table>b</table>")
    assert all(isinstance(part, SafeString) for part in found["a"])
