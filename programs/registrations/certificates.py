"""The certificate of participation, a one-page PDF (A4 landscape) in the registrant's language."""

import io
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.demo import find_font
from home.models.settings import association_name
from programs.registrations.services import localized_event

FONT = "CertificateSans"


def certificate_pdf(registration):
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, find_font()))

    def style(name, size):
        return ParagraphStyle(
            name, fontName=FONT, fontSize=size, leading=size * 1.35, alignment=TA_CENTER
        )

    with translation.override(registration.language or settings.LANGUAGE_CODE):
        event = localized_event(registration)
        heading = _("Certificate of participation")
        lines = [
            (heading, style("heading", 26)),
            (_("No. %(number)s") % {"number": registration.certificate_number}, style("n", 12)),
            (_("This certifies that"), style("text", 13)),
            (registration.name, style("name", 22)),
            (_("took part in"), style("text", 13)),
            (event.title, style("title", 17)),
            (event.date_display, style("text", 13)),
        ]
        hours = getattr(event, "hours", None)
        if hours:
            volume = ngettext("%(hours)s academic hour", "%(hours)s academic hours", hours) % {
                "hours": hours
            }
            lines.append((volume, style("text", 13)))
        author = association_name()
        lines.append((author, style("text", 13)))

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), title=heading, author=author)
    story = []
    for text, paragraph_style in lines:
        story += [Paragraph(escape(str(text)), paragraph_style), Spacer(1, 10)]
    document.build(story)
    return buffer.getvalue()
