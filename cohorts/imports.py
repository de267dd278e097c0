"""Import partner schools from a CSV or XLSX file (name, CDS code, district), row by row."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohort_site import tabular

from .models import Organization

SCHOOL_COLUMNS = (
    tabular.Column(
        "name", gettext_lazy("name"), ("school", "school name"), example="Lincoln Middle"
    ),  # fmt: skip
    tabular.Column(
        "cds_code", gettext_lazy("CDS code"), ("cds", "cdscode", "code"), example="37683386039994"
    ),  # fmt: skip
    tabular.Column(
        "district",
        gettext_lazy("district"),
        ("district name",),
        required=False,
        example="San Diego Unified",
    ),  # fmt: skip
)


@dataclass
class SchoolRow:
    number: int
    name: str
    cds_code: str
    district: str
    error: str = ""
    created: bool = False


class SchoolRowForm(forms.Form):
    name = forms.CharField(max_length=200)
    cds_code = forms.CharField()
    district = forms.CharField(max_length=200, required=False)

    def clean_cds_code(self):
        code = self.cleaned_data["cds_code"].strip()
        if not (len(code) == 14 and code.isdigit()):
            raise ValidationError(_("“%(code)s” is not a 14-digit CDS code.") % {"code": code})
        return code


def parse_school_rows(data: bytes) -> list[SchoolRow]:
    """The rows of a schools file (the header line is optional), each with its problems.

    Raises TabularError when the whole file is refused.
    """
    table = tabular.read_table(data, columns=SCHOOL_COLUMNS, header_required=False)
    return [
        SchoolRow(
            number=row.number,
            **{
                name: str((row.cleaned or row.values).get(name, ""))
                for name in ("name", "cds_code", "district")
            },  # fmt: skip
            error=" ".join(row.problems),
        )
        for row in tabular.validate_rows(table, SchoolRowForm)
    ]


@transaction.atomic
def schools_import(rows: list[SchoolRow], *, good_rows_only: bool = False) -> bool:
    """Create or update the schools (and their districts); all-or-nothing unless asked.

    Returns True when rows were applied.
    """
    if any(row.error for row in rows) and not good_rows_only:
        return False
    for row in rows:
        if row.error:
            continue
        district = None
        if row.district:
            district_code = row.cds_code[:7] + "0000000"
            district, _created = Organization.objects.get_or_create(
                cds_code=district_code,
                defaults={"name": row.district, "kind": Organization.Kind.DISTRICT},
            )
        school, row.created = Organization.objects.update_or_create(
            cds_code=row.cds_code,
            defaults={"name": row.name, "kind": Organization.Kind.SCHOOL, "parent": district},
        )
        try:
            school.full_clean()
        except ValidationError as error:
            raise ValidationError(f"Row {row.number}: {'; '.join(error.messages)}") from error
    return True
