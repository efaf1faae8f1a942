"""News factories: an index under the home page and articles with valid defaults."""

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images import get_image_model

import factory
from PIL import Image as PILImage

from news.models import NewsIndexPage, NewsPage
from tests.factories import add_page

_numbers = itertools.count(1)


def news_index(home, title="Новости", slug="news", **kwargs):
    existing = NewsIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    return add_page(home, NewsIndexPage(title=title, slug=slug, **kwargs))


def news_page(index, title="Новость", slug=None, publish=True, tags=(), **kwargs):
    """An article under `index`; `date` defaults to a day ago so it is already public."""
    kwargs.setdefault("date", timezone.now() - datetime.timedelta(days=1))
    kwargs.setdefault("lead", f"Коротко о главном: {title}.")
    page = NewsPage(title=title, slug=slug or f"news-{next(_numbers)}", **kwargs)
    for tag in tags:
        page.tags.add(tag)
    return add_page(index, page, publish=publish)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Фотография {n}")

    @factory.lazy_attribute
    def file(self):
        buffer = io.BytesIO()
        PILImage.new("RGB", (1600, 900), (30, 90, 70)).save(buffer, "JPEG")
        return ImageFile(buffer, name="photo.jpg")
