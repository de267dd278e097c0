"""Reading a spreadsheet: `read_upload`, then `read_table` (columns matched by name or alias,
cells read per row), then `validate_rows` (every row through a Django form)."""

import codecs
import csv
import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.encoding import force_str
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
# An XLSX file is a zip: 10 MB of it can unpack to gigabytes (openpyxl keeps every shared
# string in memory), so the unpacked size is checked before any parsing. A 50,000-row sheet
# unpacks to a few tens of MB.
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
DB_INT_MAX = 2_147_483_647  # the largest value a PostgreSQL integer column holds

ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252 / Latin-1",
}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TabularError(ValueError):
    """The whole file is refused; the message is for the person who uploaded it."""


@dataclass(frozen=True)
class Column:
    name: str
    label: Any  # a (lazy) translated header, used in templates and messages
    aliases: tuple[str, ...] = ()
    required: bool = True
    example: str = ""

    def matches(self, header: str) -> bool:
        key = normalise_words(header)
        return key in {normalise_words(self.name), normalise_words(str(self.label))} | {
            normalise_words(alias) for alias in self.aliases
        }


@dataclass
class Row:
    number: int  # as the spreadsheet numbers it: the header is row 1
    values: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    cleaned: dict[str, Any] | None = None


@dataclass
class Table:
    headers: list[str]  # as written in the file
    columns: dict[str, str]  # column name -> header as written
    rows: list[Row]
    ignored: list[str]  # headers that match no column
    encoding: str = ""


def normalise_words(text: str) -> str:
    """Lower case, no accents, one space between words: 'Estudiantes del idioma Inglés'."""
    text = unicodedata.normalize("NFKD", force_str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\s_\-/.,()]+", " ", text).split())


def problem(number: int, column: str | None, message: str) -> str:
    if column:
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": number,
            "column": column,
            "message": message,
        }
    return _("Row %(row)s: %(message)s") % {"row": number, "message": message}


def read_upload(upload, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of an uploaded file, refused before reading when it is too large."""
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise TabularError(too_large(max_bytes))
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TabularError(too_large(max_bytes))
    return data


def too_large(max_bytes: int) -> str:
    return _("The file is larger than %(mb)s MB. Split it into smaller files.") % {
        "mb": max_bytes // (1024 * 1024)
    }


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with."""
    if encoding:
        try:
            return data.decode("utf-8-sig" if encoding == "utf-8" else encoding), encoding
        except (UnicodeDecodeError, LookupError):
            raise TabularError(
                _("The file cannot be read as %(encoding)s. Choose another encoding.")
                % {"encoding": ENCODINGS.get(encoding, encoding)}
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif len(data) >= 4 and data[1::2][:32].count(0) > 12 and 0 not in data[0::2][:32]:
        candidates = ["utf-16-le"]  # UTF-16 without a BOM, as some exports write it
    else:
        candidates = ["utf-8", "cp1252", "latin-1"]
    for candidate in candidates:
        try:
            text = data.decode("utf-8-sig" if candidate == "utf-8" else candidate)
        except UnicodeDecodeError:
            continue
        if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text[:65536]):
            break  # control characters: a binary file, whatever it is called
        return text, "utf-16" if candidate.startswith("utf-16") else candidate
    raise TabularError(
        _("This is not a CSV or Excel file. Save it from your spreadsheet as CSV or XLSX.")
    )


def sniff_delimiter(line: str) -> str:
    counts = {}
    for delimiter in (",", ";", "\t"):
        counts[delimiter] = len(next(csv.reader([line], delimiter=delimiter), [])) - 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def csv_records(text: str, max_rows: int) -> Iterator[list[str]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = next((line for line in text.split("\n", 50) if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first))
    try:
        yield from reader
    except csv.Error as error:
        raise TabularError(
            _("The file cannot be read as CSV (line %(line)s: %(error)s).")
            % {"line": reader.line_num, "error": error}
        ) from None


def xlsx_value(value):
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if value is None:
        return ""
    return value


def refuse_zip_bomb(data: bytes) -> None:
    """Refuse a workbook whose parts unpack to more than MAX_XLSX_UNPACKED_BYTES.

    The sizes come from the zip's directory; zipfile (which openpyxl reads through) never
    returns more than the size declared there, so a file cannot lie its way past this check.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a readable zip: load_workbook refuses it with its own message
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise TabularError(
            _(
                "This workbook unpacks to more than %(mb)s MB. Save it as CSV, or split it "
                "into smaller files."
            )
            % {"mb": MAX_XLSX_UNPACKED_BYTES // (1024 * 1024)}
        )


def xlsx_records(data: bytes, max_rows: int) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    refuse_zip_bomb(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError):
        raise TabularError(
            _("This file cannot be opened as an Excel workbook. Save it again as XLSX or CSV.")
        ) from None
    if sheet.max_row and sheet.max_row > max_rows + 1:
        workbook.close()
        raise TabularError(too_many_rows(max_rows))
    try:
        for values in sheet.iter_rows(values_only=True):
            yield [xlsx_value(v) for v in values]
    finally:
        workbook.close()


def too_many_rows(max_rows: int) -> str:
    return _("The file has more than %(n)s rows. Split it into smaller files.") % {
        "n": f"{max_rows:,}"
    }


def refuse_missing_columns(columns: list[Column], headers: list[str], mapping: list) -> None:
    missing = [c for c in columns if c.required and c.name not in mapping]
    if missing:
        raise TabularError(
            _("The file needs the columns %(cols)s; missing: %(missing)s. Found: %(found)s.")
            % {
                "cols": ", ".join(str(c.label) for c in columns if c.required),
                "missing": ", ".join(str(c.label) for c in missing),
                "found": ", ".join(h for h in headers if h) or "—",
            }
        )


def read_table(
    source: bytes,
    *,
    columns: Iterable[Column],
    encoding: str | None = None,
    max_rows: int = MAX_ROWS,
    header_required: bool = True,
    refuse_headers: Callable[[list[str]], str | None] | None = None,
) -> Table:
    """Read a CSV or XLSX file into rows keyed by column name (see the module docstring).

    `refuse_headers` may return a message refusing the file from its header alone.
    """
    columns = list(columns)
    if len(source) > MAX_BYTES:
        raise TabularError(too_large(MAX_BYTES))
    if not source.strip():
        raise TabularError(_("The file is empty."))
    if source.startswith(b"PK\x03\x04"):
        records, used = xlsx_records(source, max_rows), "xlsx"
    else:
        text, used = decode(source, encoding)
        lines = text.count("\n") + text.count("\r") - text.count("\r\n")
        if lines > max_rows + 2:  # the header, the rows and a last line end
            raise TabularError(too_many_rows(max_rows))
        records = csv_records(text, max_rows)

    number = 0
    headers: list[str] | None = None
    mapping: list[str | None] = []
    rows: list[Row] = []
    for cells in records:
        number += 1
        cells = [c.strip() if isinstance(c, str) else c for c in cells]
        if headers is None:
            if not any(c not in ("", None) for c in cells):
                continue
            while cells and cells[-1] in ("", None):
                cells.pop()
            first = [force_str(c) for c in cells]
            known = sum(any(col.matches(h) for col in columns) for h in first if h)
            if header_required or known * 2 > len([h for h in first if h]):
                headers = first
                mapping = [next((c.name for c in columns if c.matches(h)), None) for h in headers]
                if refuse_headers and (message := refuse_headers(headers)):
                    raise TabularError(message)
                refuse_missing_columns(columns, headers, mapping)
                continue
            # No header line (pasted lines): the columns come in their documented order.
            headers = [str(c.label) for c in columns]
            mapping = [c.name for c in columns]
        if not any(c not in ("", None) for c in cells):
            continue
        if len(rows) >= max_rows:
            raise TabularError(too_many_rows(max_rows))
        row = Row(number=number, values={})
        for index, cell in enumerate(cells):
            if index >= len(headers):
                if cell not in ("", None):
                    row.problems.append(
                        problem(
                            number,
                            None,
                            _(
                                "this row has %(cells)s cells but the header has %(columns)s "
                                "columns; the extra cell holds “%(value)s”."
                            )
                            % {"cells": len(cells), "columns": len(headers), "value": cell},
                        )
                    )
                    break
                continue
            if mapping[index] and mapping[index] not in row.values:
                row.values[mapping[index]] = cell
        for column in columns:
            position = mapping.index(column.name) if column.name in mapping else -1
            if column.required and position >= len(cells):
                row.problems.append(
                    problem(number, headers[mapping.index(column.name)], _("the cell is missing."))
                )
            row.values.setdefault(column.name, "")
        rows.append(row)

    if headers is None:
        raise TabularError(_("The file is empty."))
    if not rows:
        raise TabularError(_("The file has a header but no rows."))
    return Table(
        headers=headers,
        columns={name: headers[i] for i, name in enumerate(mapping) if name},
        rows=rows,
        ignored=[h for h, name in zip(headers, mapping, strict=True) if h and not name],
        encoding=used,
    )


PROGRESS_EVERY = 1000


def validate_rows(
    table: Table, form_class, *, progress: Callable[[int], None] | None = None, **form_kwargs
) -> list[Row]:
    """Run every row through `form_class`; problems name the row and the column as written.

    One form instance is bound to each row in turn (building a form deep-copies its fields,
    which costs more than validating a row); it gets the row's number as `row_number`.
    `progress`, if given, is called with the number of rows checked every PROGRESS_EVERY rows.
    """
    form = form_class(**form_kwargs)
    for index, row in enumerate(table.rows):
        if progress and index and index % PROGRESS_EVERY == 0:
            progress(index)
        if row.problems:
            continue
        form.data, form.files, form.is_bound = row.values, {}, True
        form._errors, form._bound_fields_cache = None, {}
        form.row_number = row.number
        if form.is_valid():
            row.cleaned = form.cleaned_data
            continue
        for name, errors in form.errors.items():
            column = table.columns.get(name) if name != "__all__" else None
            for message in errors:
                row.problems.append(problem(row.number, column, message))
    return table.rows
