"""The Spanish catalogs are complete, compiled, and cover every string in the source."""

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALE = Path(settings.BASE_DIR) / "locale"
DOMAINS = ["django", "djangojs"]
SOURCE_DIRS = [p.name for p in Path(settings.BASE_DIR).iterdir() if (p / "apps.py").exists()]
SOURCE_DIRS += ["templates", "static"]


def catalog(domain):
    return polib.pofile(str(LOCALE / "es" / "LC_MESSAGES" / f"{domain}.po"))


def keys(entries):
    return {(e.msgctxt or "", e.msgid) for e in entries if not e.obsolete}


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_is_translated_and_none_is_fuzzy(domain):
    po = catalog(domain)
    assert len(po) > 0
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalog_matches_the_po_file(domain):
    """The committed .mo is what the site reads: it must hold exactly the .po's translations
    (run `make messages` after editing a .po)."""
    po = catalog(domain)
    mo = polib.mofile(str(LOCALE / "es" / "LC_MESSAGES" / f"{domain}.mo"))

    def translations(entries):
        return {
            (e.msgctxt or "", e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in entries
            if e.msgid and not e.obsolete and "fuzzy" not in e.flags
        }

    assert translations(mo) == translations(po)


def test_plural_forms_are_spanish():
    assert catalog("django").metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """makemessages over a copy of the source, so a string added without a translation shows
    up here as missing from the catalog."""
    if shutil.which("xgettext") is None:
        pytest.fail("gettext is needed to extract messages: `make gettext` installs it.")
    root = tmp_path_factory.mktemp("source")
    for name in SOURCE_DIRS:
        shutil.copytree(
            Path(settings.BASE_DIR) / name,
            root / name,
            ignore=shutil.ignore_patterns("__pycache__", "migrations", "htmx.min.js", "*.mo"),
        )
    (root / "locale").mkdir()
    found = {}
    with override_settings(LOCALE_PATHS=[root / "locale"]):
        cwd = Path.cwd()
        try:
            os.chdir(root)
            for domain in DOMAINS:
                call_command("makemessages", locale=["es"], domain=domain, verbosity=0)
                found[domain] = keys(
                    polib.pofile(str(root / "locale/es/LC_MESSAGES" / f"{domain}.po"))
                )
        finally:
            os.chdir(cwd)
    return found


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_string_in_the_source_is_in_the_catalog(extracted, domain):
    missing = extracted[domain] - keys(catalog(domain))
    assert missing == set(), "run `make messages` and translate these"


def test_gettext_tools_compile_the_catalog_cleanly(tmp_path):
    if shutil.which("msgfmt") is None:
        pytest.fail("gettext is needed: `make gettext` installs it.")
    for domain in DOMAINS:
        po = LOCALE / "es" / "LC_MESSAGES" / f"{domain}.po"
        result = subprocess.run(
            ["msgfmt", "--check", "-o", str(tmp_path / f"{domain}.mo"), str(po)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
