"""The one reader and the one writer, fed real files built in the test."""

import codecs
import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from cohort_site import tabular
from cohort_site.tabular import Column, TabularError, read_table, reading
from tests.files import xlsx_bytes

COLUMNS = (
    Column("date", "date", ("fecha",)),
    Column("group", "group", ("student group",)),
    Column("numerator", "numerator"),
    Column("denominator", "denominator"),
)
ROWS = [["Date", "Group", "Numerator", "Denominator"], ["2026-09-01", "señora", "12", "80"],
        ["2026-10-01", "EL", "10", "82"]]  # fmt: skip


def as_csv(rows, *, delimiter=",", newline="\n", encoding="utf-8") -> bytes:
    text = newline.join(delimiter.join(r) for r in rows) + newline
    return text.encode(encoding)


def values(table):
    return [list(row.values.values()) for row in table.rows]


@pytest.mark.parametrize(
    "data",
    [
        as_csv(ROWS, newline="\r"),  # Excel for Mac
        as_csv(ROWS, newline="\r\n"),
        as_csv(ROWS, delimiter=";"),
        as_csv(ROWS, delimiter="\t"),
        codecs.BOM_UTF8 + as_csv(ROWS),
        as_csv(ROWS, encoding="utf-16"),  # with BOM
        as_csv(ROWS, encoding="cp1252"),
        as_csv(ROWS, encoding="latin-1", newline="\r"),
    ],
    ids=["mac-cr", "crlf", "semicolon", "tab", "utf8-bom", "utf16", "cp1252", "latin1-cr"],
)
def test_every_common_csv_reads_the_same(data):
    table = read_table(data, columns=COLUMNS)
    assert values(table) == [["2026-09-01", "señora", "12", "80"], ["2026-10-01", "EL", "10", "82"]]
    assert [row.number for row in table.rows] == [2, 3]


def test_an_xlsx_workbook_reads_numbers_and_dates():
    import datetime

    rows = [ROWS[0], [datetime.datetime(2026, 9, 1), "HI", 12, 80.0]]
    table = read_table(xlsx_bytes(rows), columns=COLUMNS)
    assert values(table) == [[datetime.date(2026, 9, 1), "HI", 12, 80]]


def test_headers_match_in_any_case_order_and_by_alias():
    data = as_csv([["DENOMINATOR", "Student Group", "fecha", "numerator", "notes"],
                   ["80", "EL", "2026-09-01", "12", "x"]])  # fmt: skip
    table = read_table(data, columns=COLUMNS)
    assert table.rows[0].values == {
        "denominator": "80", "group": "EL", "date": "2026-09-01", "numerator": "12"
    }  # fmt: skip
    assert table.ignored == ["notes"]


def test_extra_and_missing_cells_are_reported_by_row():
    data = as_csv([ROWS[0], ["2026-09-01", "EL", "12", "80", "surprise"], ["2026-09-01", "EL"]])
    rows = read_table(data, columns=COLUMNS).rows
    assert "Row 2:" in rows[0].problems[0] and "surprise" in rows[0].problems[0]
    assert rows[1].problems == [
        "Row 3, column “Numerator”: the cell is missing.",
        "Row 3, column “Denominator”: the cell is missing.",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (as_csv([ROWS[0]]), "no rows"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a CSV or Excel file"),
        (b"PK\x03\x04broken zip", "cannot be opened as an Excel workbook"),
        (as_csv([["fecha", "group"], ["2026-09-01", "EL"]]), "missing: numerator, denominator"),
        (b"x" * (tabular.MAX_BYTES + 1), "larger than 10 MB"),
    ],
)
def test_files_that_cannot_be_read_are_refused_whole(data, message):
    with pytest.raises(TabularError, match=message):
        read_table(data, columns=COLUMNS)


def test_too_many_rows_are_refused_before_parsing():
    data = as_csv([ROWS[0]] + [ROWS[1]] * 11)
    with pytest.raises(TabularError, match="more than 10 rows"):
        read_table(data, columns=COLUMNS, max_rows=10)


def test_the_person_may_choose_the_encoding():
    data = as_csv(ROWS, encoding="cp1252")
    assert read_table(data, columns=COLUMNS, encoding="cp1252").rows[0].values["group"] == "señora"
    with pytest.raises(TabularError, match="cannot be read as UTF-8"):
        read_table(data, columns=COLUMNS, encoding="utf-8")


DANGEROUS = ["=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3",
             "\t=1", "\r=1", "  =1+1", "=1"]  # fmt: skip


def test_the_writer_neutralises_formulas_but_keeps_numbers():
    rows = [["Header"], *[[v] for v in DANGEROUS], ["-12.5"], [-3], [1.5], ["+7"], ["señora"]]
    text = "".join(tabular.csv_stream(rows))
    assert text.startswith("\ufeff")
    cells = [r[0] for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))]
    assert cells[1 : len(DANGEROUS) + 1] == ["'" + v for v in DANGEROUS]
    assert cells[len(DANGEROUS) + 1 :] == ["-12.5", "-3", "1.5", "+7", "señora"]


def test_the_xlsx_writer_writes_text_never_formulas():
    workbook = load_workbook(io.BytesIO(tabular.xlsx_bytes([["h"], *[[v] for v in DANGEROUS]])))
    cells = [row[0] for row in workbook.active.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [v.replace("\r", "\n") for v in DANGEROUS]  # XML line ends
    assert {c.data_type for c in cells} == {"s"}


def xlsx_unpacking_to(megabytes: int) -> bytes:
    """A real workbook whose sheet is padded to `megabytes` unpacked: a small zip bomb."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(ROWS)))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                padding = b"<!--" + b"A" * (megabytes * 1024 * 1024) + b"-->"
                part = part.replace(b"</worksheet>", padding + b"</worksheet>")
            bomb.writestr(info.filename, part)
    return output.getvalue()


def test_a_workbook_that_unpacks_too_large_is_refused_before_parsing(monkeypatch):
    """10 MB of XLSX can unpack to gigabytes held in memory by openpyxl: refused unread."""
    monkeypatch.setattr(reading, "MAX_XLSX_UNPACKED_BYTES", 2 * 1024 * 1024)
    bomb = xlsx_unpacking_to(3)
    assert len(bomb) < 100_000
    with pytest.raises(TabularError, match="unpacks to more than 2 MB"):
        read_table(bomb, columns=COLUMNS)
    # An ordinary workbook still reads.
    assert len(read_table(xlsx_unpacking_to(1), columns=COLUMNS).rows) == 2
