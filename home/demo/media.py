"""The pictures and PDFs of the demo site, drawn and written locally; each is made once."""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.illustrations import SCENES, draw_scene, scene_for

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]


def make_image(title, seed, size=(1200, 675), scene=None):
    """A drawn scene of library life, `scene` or the one that suits `title`
    (home.illustrations), stored once per title; its description says what it shows, for
    alternative text. Pictures of earlier demo versions or of another scene are redrawn."""
    scene = scene or scene_for(title)
    existing = get_image_model().objects.filter(title=title).first()
    if existing and existing.description == SCENES[scene]:
        return existing
    return _draw_image(existing, title, seed, size, scene)


def _draw_image(existing, title, seed, size=(1200, 675), scene=None):
    Image = get_image_model()
    scene = scene or scene_for(title)
    buffer = io.BytesIO()
    draw_scene(scene, seed, size).save(buffer, "JPEG", quality=80, optimize=True)
    file = ImageFile(buffer, name=f"library-{slugify(str(seed)) or 'image'}.jpg")
    if existing:
        existing.file.delete(save=False)
        existing.file = file
        existing.description = SCENES[scene]
        existing.width = existing.height = None
        existing._set_image_file_metadata()
        existing.save()
        existing.renditions.all().delete()
        return existing
    return Image.objects.create(title=title, description=SCENES[scene], file=file)


def redraw_earlier_pictures():
    """Pictures of earlier demo versions (abstract shapes, "demo-*.jpg") become scenes."""
    earlier = get_image_model().objects.filter(file__startswith="original_images/demo-")
    for number, image in enumerate(earlier):
        _draw_image(image, image.title, seed=f"{image.title}-{number}")
    return earlier.count()


def find_font():
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise RuntimeError(
        "No TrueType font with Cyrillic glyphs found for demo PDFs; "
        "install Debian's fonts-dejavu-core."
    )


def make_pdf(title, paragraphs):
    """PDF bytes with Russian text, so that text extraction and search see real words."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    if "DemoSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DemoSans", find_font()))
    heading = ParagraphStyle("heading", fontName="DemoSans", fontSize=15, leading=20)
    body = ParagraphStyle("body", fontName="DemoSans", fontSize=11, leading=15)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title)
    story = [Paragraph(title, heading), Spacer(1, 12)]
    for paragraph in paragraphs:
        story += [Paragraph(paragraph, body), Spacer(1, 8)]
    document.build(story)
    return buffer.getvalue()


def make_document(title, paragraphs, filename):
    """A document with a PDF of `paragraphs`, stored once per title."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    return Document.objects.create(
        title=title, file=ContentFile(make_pdf(title, paragraphs), name=filename)
    )
