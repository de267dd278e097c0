"""The one reader and the one writer for spreadsheets in and out (CSV and XLSX).

Reading (`read_table`): a CSV file in UTF-8 (with or without BOM), UTF-16 (with BOM) or
Windows-1252/Latin-1, delimited by commas, semicolons or tabs, with CR, LF or CRLF line ends;
or the first sheet of an XLSX workbook. Headers are matched case-insensitively against each
column's name and aliases. The file is refused whole (`TabularError`) when it is too large, not
a spreadsheet, empty or lacks a required column; cells beyond the header and missing cells are
reported per row. `validate_rows` then runs every row through a Django form, so nothing reaches
the database without validation.

Writing (`Sheet`, `spreadsheet_response`, `csv_stream`): UTF-8 with BOM (Excel on Windows reads
accents right), and every text cell that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return, after leading spaces) is prefixed with ``'``
unless it is a number. XLSX cells are written as text, never as formulas.
"""

from .reading import (
    DB_INT_MAX,
    ENCODINGS,
    MAX_BYTES,
    MAX_ROWS,
    PROGRESS_EVERY,
    XLSX_MIME,
    Column,
    Row,
    Table,
    TabularError,
    csv_records,
    decode,
    normalise_words,
    problem,
    read_table,
    read_upload,
    refuse_missing_columns,
    sniff_delimiter,
    too_large,
    too_many_rows,
    validate_rows,
    xlsx_records,
    xlsx_value,
)
from .staging import (
    STAGE_MAX_AGE,
    STAGE_SALT,
    AlreadyImported,
    mark_imported,
    read_staged,
    stage,
    staged,
    staged_name_and_rows,
    unstage,
)
from .writing import (
    FORMULA_START,
    NUMBER,
    Sheet,
    cell_text,
    cell_value,
    csv_stream,
    neutralise,
    spreadsheet_response,
    template_response,
    xlsx_bytes,
)

__all__ = [
    "AlreadyImported",
    "Column",
    "DB_INT_MAX",
    "ENCODINGS",
    "FORMULA_START",
    "MAX_BYTES",
    "MAX_ROWS",
    "NUMBER",
    "PROGRESS_EVERY",
    "Row",
    "STAGE_MAX_AGE",
    "STAGE_SALT",
    "Sheet",
    "Table",
    "TabularError",
    "XLSX_MIME",
    "cell_text",
    "cell_value",
    "csv_records",
    "csv_stream",
    "decode",
    "mark_imported",
    "neutralise",
    "normalise_words",
    "problem",
    "read_staged",
    "read_table",
    "read_upload",
    "refuse_missing_columns",
    "sniff_delimiter",
    "spreadsheet_response",
    "stage",
    "staged",
    "staged_name_and_rows",
    "template_response",
    "too_large",
    "too_many_rows",
    "unstage",
    "validate_rows",
    "xlsx_bytes",
    "xlsx_records",
    "xlsx_value",
]
