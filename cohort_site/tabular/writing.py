"""Writing a spreadsheet: `Sheet`, `csv_stream`, `xlsx_bytes`, `spreadsheet_response`; every
text cell a spreadsheet would run as a formula is neutralised."""

import csv
import datetime
import io
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpResponse
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

from .reading import XLSX_MIME, Column

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def cell_text(value) -> Any:
    """A value as a CSV cell: numbers stay numbers, lists are joined, text is defused."""
    value = cell_value(value)
    return neutralise(value) if isinstance(value, str) else value


def cell_value(value) -> Any:
    """A value as a spreadsheet cell: a number, or text (lists joined, lazy strings resolved)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return "; ".join(force_str(v) for v in value)
    return force_str(value)


def neutralise(text: str) -> str:
    """Prefix ' to text a spreadsheet would run as a formula; numbers such as -3 stay."""
    stripped = text.lstrip(" ")
    if stripped.startswith(FORMULA_START) and not NUMBER.fullmatch(stripped.strip()):
        return "'" + text
    return text


class Sheet:
    """Rows collected for `spreadsheet_response`; the first row is the header."""

    def __init__(self, header: Iterable = ()):
        self.rows: list[list] = [list(header)] if header else []

    def writerow(self, row: Iterable) -> None:
        self.rows.append(list(row))


class _Echo:
    def write(self, value):
        return value


def csv_stream(rows: Iterable[Iterable]) -> Iterator[str]:
    """CSV lines, starting with the UTF-8 BOM; every cell goes through `cell_text`."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([cell_text(v) for v in row])


def xlsx_bytes(rows: Iterable[Iterable]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Sheet1")
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=cell_value(value))
            if cell.data_type == "f":
                cell.data_type = "s"  # text, never a formula
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def template_response(columns: Iterable[Column], *, name: str, fmt: str):
    """An import template: the columns' names and one example row, as CSV or XLSX."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    columns = list(columns)
    return spreadsheet_response(
        [[c.label for c in columns], [c.example for c in columns]],
        filename=f"{name}-template",
        fmt=fmt,
    )


def spreadsheet_response(rows: Iterable[Iterable], *, filename: str, fmt: str = "csv"):
    """A download of `rows` (header first) as CSV or XLSX."""
    if fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(rows), content_type=XLSX_MIME)
    else:
        response = HttpResponse("".join(csv_stream(rows)), content_type="text/csv; charset=utf-8")
        fmt = "csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
