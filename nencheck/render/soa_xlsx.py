"""The SoA as an Excel workbook: one sheet, frozen header, filters, widths, wrapped text; above the
header, when files could not be read, a note that names them."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from nencheck.render.soa_common import Column, SoaView, columns, document_title
from nencheck.render.unreadable import UnreadableNote, unreadable_note

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = "1F3A5F"
NOTE_INK, NOTE_FILL = "5F1010", "FDECEA"  # the HTML banner's colours (style.css)
MAX_SHEET_TITLE = 31  # Excel's limit


def render(view: SoaView) -> bytes:
    from openpyxl import Workbook

    cols = columns(view)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = document_title()[:MAX_SHEET_TITLE]
    note = unreadable_note(view.unreadable, "soa")
    if note is not None:
        _note_row(sheet, note, len(cols))
    header_row = sheet.max_row + 1 if note is not None else 1
    sheet.append([column.header for column in cols])
    for row in view.rows:
        sheet.append([column.value(row) for column in cols])
    _layout(sheet, cols, header_row)
    workbook.properties.title = f"{document_title()}: {view.organisation}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _layout(sheet: Worksheet, cols: list[Column], header_row: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows(min_row=header_row):
        for cell in cells:
            cell.alignment = wrap
            if cell.data_type == "f":  # text starting with "=" is data here, never a formula
                cell.data_type = "s"
    for cell in sheet[header_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for index, column in enumerate(cols, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = f"B{header_row + 1}"  # the header (note) and the control id stay in view
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(cols))}{sheet.max_row}"
    sheet.print_title_rows = f"1:{header_row}"  # the note, too, on every printed page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _note_row(sheet: Worksheet, note: UnreadableNote, width: int) -> None:
    """The unreadable-files note in row 1, across the table, dark red on pale red (SPEC, "One
    broken file never takes the dashboard down"); the importers find the header below it."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.append([note.plain()])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    cell = sheet.cell(row=1, column=1)
    cell.data_type = "s"
    cell.font = Font(bold=True, color=NOTE_INK)
    cell.fill = PatternFill("solid", fgColor=NOTE_FILL)
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[1].height = 48
