"""Two independent writers of golden workbooks: LibreOffice (through a flat ODF .fods file converted by soffice) and
openpyxl (which writes formulas without a cached value, as scripts do). Python standard library plus python3-openpyxl.

A sheet is a dict: name, rows (lists of cell specs), merges (A1 ranges), hidden_rows / hidden_cols (1-based / letters).
A cell spec is None, a str, an int/float, or one of the tagged values below.
"""
import datetime
import re
from xml.sax.saxutils import escape


class D:
    """A date cell (a date value with a date format)."""

    def __init__(self, iso):
        self.iso = iso


class P:
    """A number shown as a percentage (0.3 → 30%)."""

    def __init__(self, value):
        self.value = value


class F:
    """A formula. LibreOffice calculates it when converting; openpyxl stores it with no cached value."""

    def __init__(self, ods, excel):
        self.ods = ods
        self.excel = excel


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def parse_range(a1):
    m = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", a1)
    return int(m.group(2)) - 1, col_index(m.group(1)), int(m.group(4)) - 1, col_index(m.group(3))


# ---------------------------------------------------------------------------------------------------- LibreOffice


FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="NDATE"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <number:percentage-style style:name="NPCT"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <style:style style:name="cedate" style:family="table-cell" style:data-style-name="NDATE"/>
 <style:style style:name="cepct" style:family="table-cell" style:data-style-name="NPCT"/>
 <style:style style:name="cohidden" style:family="table-column"><style:table-column-properties style:column-width="2cm"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
FODS_TAIL = "</office:spreadsheet></office:body></office:document>\n"


def _paragraphs(text):
    return "".join("<text:p>%s</text:p>" % escape(line) for line in str(text).split("\n"))


def _fods_cell(value, span):
    attrs = ""
    if span:
        rows, cols = span
        if cols > 1:
            attrs += ' table:number-columns-spanned="%d"' % cols
        if rows > 1:
            attrs += ' table:number-rows-spanned="%d"' % rows
    if value is None:
        return "<table:table-cell%s/>" % attrs
    if isinstance(value, D):
        return '<table:table-cell%s table:style-name="cedate" office:value-type="date" office:date-value="%s"/>' % (
            attrs,
            value.iso,
        )
    if isinstance(value, P):
        return '<table:table-cell%s table:style-name="cepct" office:value-type="percentage" office:value="%s"/>' % (
            attrs,
            value.value,
        )
    if isinstance(value, F):
        return '<table:table-cell%s table:formula="%s"/>' % (attrs, escape(value.ods, {'"': "&quot;"}))
    if isinstance(value, bool):
        raise ValueError("no booleans in golden files")
    if isinstance(value, (int, float)):
        return '<table:table-cell%s office:value-type="float" office:value="%s"/>' % (attrs, value)
    return '<table:table-cell%s office:value-type="string">%s</table:table-cell>' % (attrs, _paragraphs(value))


def write_fods(path, sheets):
    out = [FODS_HEAD]
    for sheet in sheets:
        rows = sheet["rows"]
        width = max([len(r) for r in rows] + [parse_range(m)[3] + 1 for m in sheet.get("merges", [])] + [1])
        spans = {}
        covered = set()
        for m in sheet.get("merges", []):
            top, left, bottom, right = parse_range(m)
            spans[(top, left)] = (bottom - top + 1, right - left + 1)
            for r in range(top, bottom + 1):
                for c in range(left, right + 1):
                    if (r, c) != (top, left):
                        covered.add((r, c))
        hidden_cols = {col_index(c) for c in sheet.get("hidden_cols", [])}
        out.append('<table:table table:name="%s">' % escape(sheet["name"]))
        for c in range(width):
            vis = ' table:visibility="collapse"' if c in hidden_cols else ""
            out.append("<table:table-column%s/>" % vis)
        height = max(len(rows), max([parse_range(m)[2] + 1 for m in sheet.get("merges", [])] + [0]))
        for r in range(height):
            row = rows[r] if r < len(rows) else []
            vis = ' table:visibility="collapse"' if (r + 1) in sheet.get("hidden_rows", []) else ""
            out.append("<table:table-row%s>" % vis)
            for c in range(width):
                if (r, c) in covered:
                    out.append("<table:covered-table-cell/>")
                else:
                    out.append(_fods_cell(row[c] if c < len(row) else None, spans.get((r, c))))
            out.append("</table:table-row>")
        out.append("</table:table>")
    out.append(FODS_TAIL)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


# ---------------------------------------------------------------------------------------------------- openpyxl


def write_openpyxl(path, sheets):
    import openpyxl  # python3-openpyxl (Debian)

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        ws = wb.create_sheet(sheet["name"])
        for r, row in enumerate(sheet["rows"], start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c)
                if isinstance(value, D):
                    cell.value = datetime.datetime.fromisoformat(value.iso)
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(value, P):
                    cell.value = value.value
                    cell.number_format = "0%"
                elif isinstance(value, F):
                    cell.value = value.excel
                else:
                    cell.value = value
        for m in sheet.get("merges", []):
            ws.merge_cells(m)
        for r in sheet.get("hidden_rows", []):
            ws.row_dimensions[r].hidden = True
        for c in sheet.get("hidden_cols", []):
            ws.column_dimensions[c].hidden = True
    wb.save(path)
