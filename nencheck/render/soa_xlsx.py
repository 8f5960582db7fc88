"""The SoA as an Excel workbook: one sheet, frozen header, filters, widths, wrapped text."""

from __future__ import annotations

import io

from nencheck.render.soa_common import SoaView, columns, document_title

HEADER_FILL = "1F3A5F"
MAX_SHEET_TITLE = 31  # Excel's limit


def render(view: SoaView) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = columns(view)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = document_title()[:MAX_SHEET_TITLE]
    sheet.append([column.header for column in cols])
    for row in view.rows:
        sheet.append([column.value(row) for column in cols])
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = wrap
            if cell.data_type == "f":  # text starting with "=" is data here, never a formula
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for index, column in enumerate(cols, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "B2"  # header row and the control id stay in view
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.properties.title = f"{document_title()}: {view.organisation}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
