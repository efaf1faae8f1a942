"""Demo content: one YAML file per app (`<app>/demo/content.yaml`) and the loader that reads it."""

from home.demo.loader import load_app
from home.demo.media import find_font, make_document, make_image, make_pdf
from home.demo.translation import translate

__all__ = ["find_font", "load_app", "make_document", "make_image", "make_pdf", "translate"]
