"""Anonymous visitors' copies of public curriculum pages: cached, revalidated, purged on publish.

Module and program pages look the same to every anonymous visitor, so the rendered HTML is kept
in the cache under a key naming the address (scheme, host and path), the language and a
site-wide version that any page save, publish, unpublish, move or delete bumps, and so do
changes to sites and view restrictions (a module's title also shows on its program page and in
the navigation). `PublicPageCacheMiddleware` answers from that copy before Wagtail routes the
request, so a hit costs no page, site or restriction query (at most the visitor's session).

The CSP nonce differs per response: it is stored as a placeholder and filled in for each
visitor, and so is the CSRF token of the header's language switch (each visitor gets their own,
matching their cookie). Responses carry an ETag, so a browser revalidating its copy gets 304
Not Modified.

Never cached: logged-in people, anything but a plain GET/HEAD without a query string, htmx
requests, a visitor with a message waiting, a page behind a view restriction (a password), and
any response that sets a cookie.
"""

import hashlib
import re
import time

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

VERSION_KEY = "public-pages:version"
NONCE_PLACEHOLDER = "__cohort_csp_nonce__"
CSRF_PLACEHOLDER = "__cohort_csrf_token__"
CSRF_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
TIMEOUT = 60 * 60 * 24


def purge(**kwargs) -> None:
    """Every cached public page and curriculum fragment goes stale (connected to Wagtail's
    publish signals; the curriculum's snippets call it when saved or deleted)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or the cache was emptied): start one
        cache.set(VERSION_KEY, _first_version(), None)


def _first_version() -> int:
    # From the clock, not 1: were the version alone evicted, copies kept under an earlier
    # version must not become current again.
    return time.time_ns() // 1000


def current_version() -> int | None:
    """The site-wide version of the curriculum's pages and snippets (None: cache unavailable)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _first_version(), None)
        version = cache.get(VERSION_KEY)
    return version


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and "HX-Request" not in request.headers
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
        and not request.session.get("_messages")
    )


def _key(request) -> str | None:
    version = current_version()
    if version is None:  # cache unavailable: serve without it
        return None
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:40]
    return f"public-page:{version}:{digest}:{translation.get_language()}"


def _etag(key: str) -> str:
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def _answer(request, key: str, stored) -> HttpResponse:
    etag = _etag(key)
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        return _headers(HttpResponseNotModified(), etag)
    content, content_type = stored
    content = content.replace(NONCE_PLACEHOLDER, str(get_nonce(request)))
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request))
    return _headers(HttpResponse(content, content_type=content_type), etag)


def cached_response(request) -> HttpResponse | None:
    """This anonymous visitor's copy of the page at this address, or None (render it)."""
    key = _cacheable(request) and _key(request)
    stored = key and cache.get(key)
    return _answer(request, key, stored) if stored else None


def _passed_a_restriction(request) -> bool:
    """This visitor gave a page's password: what they see now is not for everyone. (Other
    restrictions need a login, which is never cached; no query: the session is read already.)"""
    from wagtail.models import PageViewRestriction

    return bool(request.session.get(PageViewRestriction.passed_view_restrictions_session_key))


def serve_cached(page, request, serve) -> HttpResponse:
    """`serve()` renders the page; the copy anonymous visitors may share is kept."""
    key = _cacheable(request) and _key(request)
    if not key:
        return serve()
    stored = cache.get(key)
    if stored is not None:
        return _answer(request, key, stored)
    response = serve()
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200 or response.cookies or _passed_a_restriction(request):
        return response
    content = CSRF_FIELD.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode())
    content = content.replace(str(get_nonce(request)), NONCE_PLACEHOLDER)
    cache.set(key, (content, response["Content-Type"]), TIMEOUT)
    return _headers(response, _etag(key))


def _headers(response, etag):
    response["ETag"] = etag
    # Shared caches must not hand this copy to a logged-in person; browsers revalidate it.
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    patch_cache_control(response, no_cache=True)
    return response


class PublicPageCacheMiddleware:
    """Answers an anonymous visitor from the cached copy before Wagtail routes the request.

    Last in MIDDLEWARE: the language is chosen, the visitor (and their messages) known, and
    every other middleware still adds its headers (CSP with this response's nonce, the CSRF
    cookie) on the way out. A miss goes on to the page, whose `serve()` fills the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not request.path.startswith(EXCLUDED):
            response = cached_response(request)
            if response is not None:
                return response
        return self.get_response(request)


# Django's and the site's own URLs never reach a Wagtail page: don't even look them up.
EXCLUDED = ("/admin/", "/django-admin/", "/accounts/", "/static/", "/media/", "/healthz")
