"""Content the journeys build for themselves, on top of the demo content or without it."""

import datetime

from django.apps import apps
from django.utils import timezone

import pytest

from home.models import HomePage
from tests.news import factories as news_factories


def russian_home():
    return HomePage.objects.get(depth=2, locale__language_code="ru")


def moment(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


LOCAL_HISTORY = "Краеведческие чтения"
SEMINARS = "Семинары методистов"


def tag_slug(name):
    from taggit.models import Tag

    return Tag.objects.get(name=name).slug


def news_section():
    """The demo news section with a pinned, tagged article on top and a back catalogue of
    seminars; the tags are the journeys' own, so their listings hold only these articles."""
    home = russian_home()
    index = news_factories.news_index(home)
    if index.get_children().filter(slug="kraevedcheskie-chteniya").exists():
        return index
    add = news_factories.news_page
    now = timezone.now()
    add(index, title="Конкурс чтецов «Живое слово»", date=now - datetime.timedelta(days=3))
    add(
        index,
        title="Краеведческие чтения собрали сорок библиотек",
        slug="kraevedcheskie-chteniya",
        date=now - datetime.timedelta(minutes=10),
        pinned=True,
        lead="В Твери прошли XV Краеведческие чтения.",
        body=[("paragraph", "<p>Библиотекари обсудили оцифровку местной периодики.</p>")],
        tags=[LOCAL_HISTORY, "Периодика"],
    )
    add(index, title="Краеведы Кимр издали сборник", date=moment(2025, 3, 3), tags=[LOCAL_HISTORY])
    for number in range(1, 6):
        add(
            index,
            title=f"Семинар методистов № {number}",
            date=moment(2024, number, 15),
            tags=[SEMINARS],
        )
    add(index, title="Семинар в новом году", date=moment(2025, 2, 1), tags=[SEMINARS])
    add(index, title="Летняя школа 2024", date=moment(2024, 7, 1), tags=["Летние школы"])
    return index


def article(slug):
    return news_models().NewsPage.objects.get(slug=slug)


def news_models():
    from news import models

    return models


def upcoming(model_name):
    """The soonest upcoming programme or club meeting of the Russian tree (demo content)."""
    try:
        model = apps.get_model("programs", model_name)
    except LookupError:
        pytest.skip(f"programs.{model_name} has not landed yet")
    page = model.objects.visible().upcoming().filter(locale__language_code="ru").first()
    assert page is not None, f"the demo content has no upcoming {model_name}"
    return page


SLUGS = ["kraevedcheskaya-rabota", "detskoe-chtenie"]


def resolutions():
    """Final documents with PDFs: an adopted one and a draft, under one index."""
    try:
        ResolutionPage = apps.get_model("programs", "ResolutionPage")
    except LookupError:
        pytest.skip("final documents (programs.ResolutionPage) have not landed yet")
    from tests.members import factories

    existing = {page.status: page for page in ResolutionPage.objects.filter(slug__in=SLUGS)}
    if existing:
        return existing
    index = factories.resolution_index(russian_home(), slug="e2e-resolutions")
    return {
        "adopted": factories.resolution(
            index,
            "adopted",
            title="Резолюция о краеведческой работе",
            slug="kraevedcheskaya-rabota",
        ),
        "draft": factories.resolution(
            index,
            "draft",
            title="Проект резолюции о детском чтении",
            slug="detskoe-chtenie",
            number="4/2024",
        ),
    }


# English titles of what the journeys create; other strings keep their Russian text, as
# wagtail-localize does while a translator has not finished.
ENGLISH = {
    "Новости": "News",
    "Краеведческие чтения собрали сорок библиотек": "Local history readings gather 40 libraries",
    "В Твери прошли XV Краеведческие чтения.": "The 15th Local History Readings met in Tver.",
    "Итоговые документы": "Final documents",
    "Резолюция о краеведческой работе": "Resolution on local history work",
}


def in_language(page, language):
    """`page` in `language`: its published translation, made with wagtail-localize (and
    its parents' before it) when the content has none yet."""
    from home.demo import translate

    page = page.specific
    if page.locale.language_code == language:
        return page
    assert language == "en", language
    for ancestor in [*page.get_ancestors().filter(depth__gt=1).specific(), page]:
        translation = translate(ancestor, ENGLISH)
    return translation
