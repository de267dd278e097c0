"""Import partner schools from a CSV or XLSX file (name, CDS code, district).

Every row is checked first; then the schools and their districts are written in a few bulk
queries, however long the file (the state's list has about 10,000 schools).
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohort_site import tabular

from .models import Organization

# Rows a bulk query writes at once (SQLite limits the parameters of one statement).
BATCH = 500

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
    rows = [
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
    first_row_of = {}
    for row in rows:
        if row.error:
            continue
        first = first_row_of.setdefault(row.cds_code, row.number)
        if first != row.number:
            row.error = _("CDS code %(code)s is already on row %(row)s.") % {
                "code": row.cds_code,
                "row": first,
            }
    return rows


def district_code(school_code: str) -> str:
    """A district's CDS code: the county and district digits, then zeros."""
    return school_code[:7] + "0000000"


@transaction.atomic
def schools_import(rows: list[SchoolRow], *, good_rows_only: bool = False) -> bool:
    """Create or update the schools (and their districts); all-or-nothing unless asked.

    A district is created with the name the file gives it and left as it is when it exists.
    Returns True when rows were applied.
    """
    if any(row.error for row in rows) and not good_rows_only:
        return False
    rows = [row for row in rows if not row.error]
    school_codes = {row.cds_code for row in rows}
    district_names = {
        district_code(row.cds_code): row.district
        for row in rows
        if row.district and district_code(row.cds_code) not in school_codes
    }
    existing = Organization.objects.in_bulk([*school_codes, *district_names], field_name="cds_code")
    Organization.objects.bulk_create(
        [
            Organization(cds_code=code, name=name, kind=Organization.Kind.DISTRICT)
            for code, name in district_names.items()
            if code not in existing
        ],
        batch_size=BATCH,
    )
    districts = Organization.objects.in_bulk(list(district_names), field_name="cds_code")
    new, changed = [], []
    for row in rows:
        parent = districts.get(district_code(row.cds_code)) if row.district else None
        school = existing.get(row.cds_code)
        row.created = school is None
        if school is None:
            school = Organization(cds_code=row.cds_code)
            new.append(school)
        else:
            changed.append(school)
        school.name, school.kind, school.parent = row.name, Organization.Kind.SCHOOL, parent
    Organization.objects.bulk_create(new, batch_size=BATCH)
    Organization.objects.bulk_update(changed, ["name", "kind", "parent"], batch_size=BATCH)
    return True
