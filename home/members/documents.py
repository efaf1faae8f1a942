"""Checking, reading and serving the files of the documents library.

Every document file is checked by its content, not only by its name, before it is saved;
PDF text is extracted so that search can find words that appear only inside the file.
"""

import logging
import mimetypes
import unicodedata
import zipfile
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

import pypdf
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
OOXML_EXTENSIONS = {"docx", "xlsx", "pptx"}
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
# Enough for the longest resolution; a bigger file is still accepted, its tail unsearched.
MAX_EXTRACTED_CHARS = 500_000


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _rewind(file):
    if hasattr(file, "seek"):
        file.seek(0)


def read_pdf(file):
    """A parsed PdfReader for `file`, or ValidationError if it is not a readable PDF."""
    _rewind(file)
    head = file.read(1024)
    _rewind(file)
    if not head.lstrip().startswith(PDF_MAGIC):
        raise ValidationError(
            _("The file is not a PDF document, although its name ends in .pdf."),
            code="not_pdf",
        )
    try:
        reader = pypdf.PdfReader(file)
        if reader.is_encrypted:
            raise ValidationError(
                _("The PDF is protected by a password; upload a file without protection."),
                code="encrypted_pdf",
            )
        if len(reader.pages) == 0:
            raise ValidationError(_("The PDF has no pages."), code="empty_pdf")
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise ValidationError(
            _("The PDF is damaged and cannot be read; save it again and upload it."),
            code="damaged_pdf",
        ) from error
    finally:
        _rewind(file)
    return reader


def _check_zip_container(file, extension):
    _rewind(file)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if extension in OOXML_EXTENSIONS:
                valid = "[Content_Types].xml" in names
            else:
                valid = "mimetype" in names and archive.read("mimetype").startswith(
                    OPENDOCUMENT_TYPES[extension]
                )
    except (zipfile.BadZipFile, OSError, KeyError):
        valid = False
    finally:
        _rewind(file)
    if not valid:
        raise ValidationError(
            _("The file is not a real .%(extension)s document; save it again and upload it."),
            code="bad_content",
            params={"extension": extension},
        )


def validate_document_file(file):
    """Check an uploaded file's content against its extension; raise ValidationError."""
    if not file or file.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    extension = extension_of(file.name)
    if extension == "pdf":
        read_pdf(file)
    elif extension in OOXML_EXTENSIONS or extension in OPENDOCUMENT_TYPES:
        _check_zip_container(file, extension)


def extract_pdf_text(file):
    """The text layer of a PDF as one string; empty when the file has none or is unreadable."""
    try:
        reader = read_pdf(file)
        parts, length = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
            if length >= MAX_EXTRACTED_CHARS:
                break
        return " ".join(" ".join(parts).split())[:MAX_EXTRACTED_CHARS]
    except (ValidationError, PyPdfError, ValueError, KeyError, TypeError, OSError):
        logger.warning("Could not extract text from %s", getattr(file, "name", file))
        return ""
    finally:
        _rewind(file)


def content_disposition(filename, disposition="attachment"):
    """A Content-Disposition value that keeps Cyrillic names (RFC 6266 / RFC 5987)."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    ascii_name = "".join(c for c in ascii_name if c.isalnum() or c in "._-") or "document"
    if "." in filename and "." not in ascii_name:
        ascii_name += "." + extension_of(filename)
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def private_file_response(file, filename):
    """Serve a member-only file, streamed: never cached by shared caches, never indexed."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    file.open("rb")
    response = FileResponse(file, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
