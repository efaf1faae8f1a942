"""Spreadsheet exports that cannot smuggle formulas into an organiser's spreadsheet.

Wagtail's CSV export writes cells as they are: a registrant named `=HYPERLINK(...)` becomes a
live formula when the file is opened. Cells beginning with a character a spreadsheet reads as
a formula get a leading apostrophe (OWASP's advice); XLSX stores them as text already.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_csv_exports():
    """Patch Wagtail's export mixin once, so every CSV export of the admin (snippets,
    reports, form submissions, ours) is covered."""
    if getattr(SpreadsheetExportMixin, "_csv_safe", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return csv_safe(value) if export_format == self.FORMAT_CSV else value

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin._csv_safe = True
