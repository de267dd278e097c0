"""Student groups as people write them: Dashboard codes, and names in English and Spanish.

`parse_group("Estudiantes del idioma inglés")` answers "EL". Case, accents, spaces and
punctuation are ignored. The import pages list every accepted word (`accepted_names`).
"""

import functools

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cohort_site.tabular import normalise_words

from .models import StudentGroup

# Official English name first (the model's label), then Spanish (CDE's Spanish Dashboard), then
# other names found in district and state files.
SPANISH = {
    "ALL": ["Todos los estudiantes", "Todos"],
    "AA": [
        "Afroamericano",
        "Afroamericanos",
        "Negro o afroamericano",
        "Estudiantes afroamericanos",
    ],
    "AI": ["Indígena americano o nativo de Alaska", "Indio americano o nativo de Alaska"],
    "AS": ["Asiático", "Asiáticos", "Asiático americano"],
    "FI": ["Filipinos"],
    "HI": ["Hispano", "Hispanos", "Hispano o latino", "Latino", "Latina", "Latinos"],
    "PI": ["Isleño del Pacífico", "Isleños del Pacífico", "Nativo de Hawái o isleño del Pacífico"],
    "WH": ["Blanco", "Blancos"],
    "MR": ["Dos o más razas", "Varias razas"],
    "EL": ["Estudiantes del idioma inglés", "Estudiantes de inglés", "Aprendices de inglés"],
    "LTEL": [
        "Estudiantes del idioma inglés a largo plazo",
        "Estudiantes de inglés a largo plazo",
        "Aprendices de inglés a largo plazo",
    ],
    "SED": ["Desfavorecidos socioeconómicamente", "En desventaja socioeconómica"],
    "SWD": ["Estudiantes con discapacidades", "Estudiantes con discapacidad"],
    "FOS": ["Jóvenes de crianza temporal", "Jóvenes en hogares de crianza"],
    "HOM": ["Jóvenes sin hogar", "Sin hogar"],
}
OTHER = {
    "ALL": ["All", "Total", "Schoolwide"],
    "AA": ["Black", "Black/African American", "Black or African American"],
    "AI": ["American Indian", "Native American", "Alaska Native"],
    "AS": ["Asian American"],
    "FI": [],
    "HI": ["Hispanic or Latino", "Latino", "Latina", "Latinx", "Latine"],
    "PI": ["Native Hawaiian or Pacific Islander", "Native Hawaiian"],
    "WH": [],
    "MR": ["Multiple races", "Multiple Races/Two or More", "Two or more", "Multiracial"],
    "EL": ["English learner", "English language learners", "ELL", "ELs"],
    "LTEL": ["Long-term English learner", "LTELs"],
    "SED": ["Low income", "Socioeconomically disadvantaged students"],
    "SWD": ["Students with disabilities", "Special education", "SPED"],
    "FOS": ["Foster", "Foster youth"],
    "HOM": ["Homeless", "Homeless students"],
}


def accepted_names() -> list[tuple[str, str, list[str], list[str]]]:
    """(code, name, Spanish names, other names) for each group, in Dashboard order."""
    return [
        (code, label, SPANISH[code], [n for n in OTHER[code] if n.lower() != str(label).lower()])
        for code, label in StudentGroup.choices
    ]


@functools.cache
def _lookup(language: str | None) -> dict[str, str]:
    table = {}
    for code, label in StudentGroup.choices:
        for name in [code, str(label), *SPANISH[code], *OTHER[code]]:
            table[normalise_words(name)] = code
    # The English labels, whatever the active language when this runs.
    for code, english in (
        ("ALL", "All students"), ("AA", "African American"),
        ("AI", "American Indian or Alaska Native"), ("AS", "Asian"), ("FI", "Filipino"),
        ("HI", "Hispanic"), ("PI", "Pacific Islander"), ("WH", "White"),
        ("MR", "Two or more races"), ("EL", "English learners"),
        ("LTEL", "Long-term English learners"), ("SED", "Socioeconomically disadvantaged"),
        ("SWD", "Students with disabilities"), ("FOS", "Foster youth"),
        ("HOM", "Homeless youth"),
    ):  # fmt: skip
        table[normalise_words(english)] = code
    return table


def parse_group(text) -> str | None:
    """The Dashboard code for a group written as a code or a name, or None."""
    return _parse(get_language(), str(text or ""))


@functools.lru_cache(maxsize=4096)
def _parse(language: str | None, text: str) -> str | None:
    return _lookup(language).get(normalise_words(text))


class StudentGroupField(forms.CharField):
    """A student group written as a Dashboard code or its name in English or Spanish."""

    default_error_messages = {
        "unknown": _(
            "“%(value)s” is not a student group. Write a Dashboard code (such as EL or HI) or "
            "a group's name (such as English learners or Hispanic); the page lists them all."
        )
    }

    def clean(self, value):
        text = super().clean(value)
        if text in self.empty_values:
            return text
        code = parse_group(text)
        if code is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": text}
            )
        return code
