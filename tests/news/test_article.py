import datetime
import json
import re

from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

import pytest

from home.models import AssociationSettings
from news.models import NewsPageAuthor, NewsPageOrganisation, NewsPageRelatedPage
from tests.factories import OrganisationFactory, PersonFactory, RegionFactory, standard_page
from tests.news.factories import ImageFactory, news_index, news_page

pytestmark = pytest.mark.django_db


def structured_data(html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert match, "no JSON-LD in the page"
    return json.loads(match.group(1))


@pytest.fixture
def article(index):
    person = PersonFactory(
        name="Марина Николаевна Кудрявцева",
        position="заведующая научно-методическим отделом",
        organisation=OrganisationFactory(name="ТОУНБ им. А. М. Горького"),
    )
    page = news_page(
        index,
        title="Школа руководителей собралась в восемнадцатый раз",
        date=timezone.make_aware(datetime.datetime(2023, 6, 8, 9, 2)),
        lead="Семинар-тренинг «Конструируем модельную библиотеку» собрал директоров.",
        featured_image=ImageFactory(title="Участники семинара"),
        featured_image_alt="Директора библиотек за круглым столом",
        byline="Пресс-служба ассоциации",
        source_name="Вестник Тверской области",
        source_url="https://example.org/vestnik/123",
        regions=[RegionFactory(name="Тверская область", slug="tver")],
        municipality="Кимрский муниципальный округ",
        age_rating="12+",
        tags=["Школа руководителей", "Модельные библиотеки"],
    )
    NewsPageAuthor.objects.create(page=page, person=person)
    NewsPageOrganisation.objects.create(page=page, organisation=person.organisation)
    return page


def test_article_shows_date_byline_source_tags_and_related_pages(client, home, index, article):
    about = standard_page(home, title="Об ассоциации")
    private = standard_page(home, title="Только для членов", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    NewsPageRelatedPage.objects.create(page=article, target=about, sort_order=0)
    NewsPageRelatedPage.objects.create(page=article, target=private, sort_order=1)

    html = client.get(article.url).content.decode()
    assert "8 июня 2023, 09:02" in html
    assert "Марина Николаевна Кудрявцева" in html
    assert "заведующая научно-методическим отделом, ТОУНБ им. А. М. Горького" in html
    assert "Пресс-служба ассоциации" in html
    assert 'Источник: <a href="https://example.org/vestnik/123"' in html
    assert "Вестник Тверской области" in html
    assert "Кимрский муниципальный округ, Тверская область" in html
    assert 'rel="tag">Школа руководителей</a>' in html
    assert f'href="{about.url}">Об ассоциации</a>' in html
    assert "Только для членов" not in html
    assert 'alt="Директора библиотек за круглым столом"' in html
    assert '<p class="age-rating" title="Возрастная маркировка сайта">12+</p>' in html


def test_previous_and_next_skip_drafts_private_and_future_articles(client, index, article):
    older = news_page(index, title="Раньше", date=article.date - datetime.timedelta(days=3))
    news_page(
        index, title="Черновик", date=article.date - datetime.timedelta(days=1), publish=False
    )
    newer = news_page(index, title="Позже", date=article.date + datetime.timedelta(days=3))
    private = news_page(index, title="Закрытая", date=article.date + datetime.timedelta(days=1))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    news_page(index, title="Из будущего", date=timezone.now() + datetime.timedelta(days=2))

    context = client.get(article.url).context
    assert context["previous_article"].pk == older.pk
    assert context["next_article"].pk == newer.pk
    assert client.get(newer.url).context["next_article"] is None


def test_date_defaults_to_the_first_publication(index):
    page = news_page(index, date=None)
    assert page.date == page.first_published_at


def test_future_dated_articles_answer_404(client, index):
    page = news_page(index, date=timezone.now() + datetime.timedelta(hours=2))
    assert client.get(page.url).status_code == 404


def test_json_ld_describes_a_news_article(client, index, article):
    data = structured_data(client.get(article.url).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Школа руководителей собралась в восемнадцатый раз"
    assert data["datePublished"].startswith("2023-06-08T09:02:00")
    assert data["dateModified"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Марина Николаевна Кудрявцева",
            "jobTitle": "заведующая научно-методическим отделом, ТОУНБ им. А. М. Горького",
        }
    ]
    assert data["image"][0].startswith("http://testserver/")
    assert data["image"][0].endswith(".fill-1200x630.jpg")
    assert data["publisher"]["@type"] == "Organization"
    assert data["mainEntityOfPage"].endswith(article.url)


def test_json_ld_cannot_close_its_script_element(client, index):
    page = news_page(index, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    assert structured_data(html)["headline"] == "</script><script>alert(1)</script>"


def test_sharing_tags_title_and_description(client, index, article):
    html = client.get(article.url).content.decode()
    assert "<title>Школа руководителей собралась в восемнадцатый раз —" in html
    assert '<meta name="description" content="Семинар-тренинг' in html
    assert f'<link rel="canonical" href="{article.full_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:image" content="http://testserver/media/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


def test_every_page_gets_canonical_and_open_graph_tags(client, home):
    page = standard_page(home, lead="Кто мы и чем занимаемся.")
    html = client.get(page.url).content.decode()
    assert f'<link rel="canonical" href="{page.full_url}">' in html
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:description" content="Кто мы и чем занимаемся.">' in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_age_rating_falls_back_to_the_site_setting(client, home, index):
    settings = AssociationSettings.for_site(home.get_site())
    settings.default_age_rating = "6+"
    settings.save()
    page = news_page(index, age_rating="")
    assert '<p class="age-rating" title="Возрастная маркировка сайта">6+</p>' in (
        client.get(page.url).content.decode()
    )


def test_renditions_are_made_at_publication_not_for_visitors(client, index):
    Rendition = get_image_model().get_rendition_model()
    photos = [ImageFactory(), ImageFactory()]
    gallery = {
        "title": "Фотографии",
        "images": [
            {"image": {"image": photo.pk, "alt_text": alt, "decorative": False}, "caption": ""}
            for photo, alt in zip(photos, ["Зал", "Сцена"], strict=True)
        ],
    }
    page = news_page(
        index,
        featured_image=ImageFactory(),
        body=json.dumps([{"type": "gallery", "value": gallery}]),
    )
    made = Rendition.objects.count()
    assert made == 3 + 2 * 2
    html = client.get(page.url).content.decode()
    client.get(index.url)
    assert Rendition.objects.count() == made
    assert 'alt="Зал"' in html


def test_people_organisations_and_regions_show_in_the_readers_language(client, home, english):
    region = RegionFactory(name="Тверская область", slug="tverskaya-oblast")
    organisation = OrganisationFactory(name="Областная библиотека", region=region)
    person = PersonFactory(name="Елена Соколова", position="директор", organisation=organisation)
    for snippet, values in (
        (region, {"name": "Tver Region"}),
        (organisation, {"name": "Regional Library"}),
        (person, {"name": "Elena Sokolova", "position": "director"}),
    ):
        translation = snippet.copy_for_translation(english)
        for field, value in values.items():
            setattr(translation, field, value)
        translation.save()

    english_home = home.copy_for_translation(english)
    english_home.save_revision().publish()
    english_index = news_index(english_home, title="News", slug="news")
    article = news_page(english_index, title="Annual meeting", regions=[region])
    NewsPageAuthor.objects.create(page=article, person=person)
    NewsPageOrganisation.objects.create(page=article, organisation=organisation)

    html = client.get(article.url).content.decode()
    assert "<strong>Elena Sokolova</strong>, director, Regional Library" in html
    assert "Tver Region" in html and "Тверская область" not in html
    assert "Regional Library" in html
    listing = client.get(english_index.url).content.decode()
    assert "Tver Region" in listing
    assert client.get(english_index.url, {"region": "tverskaya-oblast"}).status_code == 200
