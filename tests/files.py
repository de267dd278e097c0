"""Spreadsheet files built in tests, as people's programs write them."""

import io

from openpyxl import Workbook


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
