"""The editors' guide (docs/editors/, Markdown) read inside the admin: the dashboard links to
it, so it works wherever the site runs, `make run` included."""

import re

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe

import markdown

SLUG = re.compile(r"^[a-z0-9-]+$")
IMAGE = re.compile(r"^[a-z0-9-]+\.png$")
MD_LINK = re.compile(r'href="(?!https?:|#)([a-z0-9-]+)\.md(#[^"]*)?"')
IMG_SRC = re.compile(r'src="img/([a-z0-9-]+\.png)"')


def guide_dir():
    return settings.BASE_DIR / "docs" / "editors"


def render(text):
    html = markdown.markdown(text, extensions=["tables", "toc", "admonition", "attr_list"])

    def page_link(match):
        slug, anchor = match.group(1), match.group(2) or ""
        url = (
            reverse("editors_guide")
            if slug == "index"
            else reverse("editors_guide_page", args=(slug,))
        )
        return f'href="{url}{anchor}"'

    html = MD_LINK.sub(page_link, html)
    image_url = reverse("editors_guide_image", args=("x.png",))[: -len("x.png")]
    return IMG_SRC.sub(lambda match: f'src="{image_url}{match.group(1)}"', html)


@login_required
def guide_page(request, slug="index"):
    if not SLUG.match(slug):
        raise Http404
    source = guide_dir() / f"{slug}.md"
    if not source.is_file():
        raise Http404
    lines = source.read_text(encoding="utf-8").splitlines()
    # The page's "# Title" becomes the admin page's heading.
    title = lines[0][2:] if lines and lines[0].startswith("# ") else ""
    text = "\n".join(lines[1:] if title else lines)
    return TemplateResponse(
        request,
        "home/admin/guide.html",
        {"page_title": title, "guide_html": mark_safe(render(text))},  # noqa: S308 (our docs)
    )


@login_required
def guide_image(request, filename):
    path = guide_dir() / "img" / filename
    if not IMAGE.match(filename) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
