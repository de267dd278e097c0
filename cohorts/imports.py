"""Import partner schools from a CSV file (name, CDS code, district) with a per-row report."""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Organization


@dataclass
class SchoolRow:
    number: int
    name: str
    cds_code: str
    district: str
    error: str = ""
    created: bool = False


def parse_school_rows(text: str) -> list[SchoolRow]:
    rows = []
    for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells) or (number == 1 and cells[0].lower() == "name"):
            continue
        name, cds_code, district = (cells + ["", "", ""])[:3]
        row = SchoolRow(number=number, name=name, cds_code=cds_code, district=district)
        if not name:
            row.error = _("The school's name is missing.")
        elif not (len(cds_code) == 14 and cds_code.isdigit()):
            row.error = _("“%(code)s” is not a 14-digit CDS code.") % {"code": cds_code}
        rows.append(row)
    return rows


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
