"""The facts real member news carry: event dates, several regions, people mentioned, figures,
photo credits, and Latin addresses."""

import datetime
import io
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from wagtail.models import Page, PageViewRestriction

import pytest

from home.blocks import BodyBlock
from home.text import SLUG_MAX_LENGTH
from news.models import NewsPage, NewsPageMentionedPerson
from tests.factories import OrganisationFactory, PersonFactory, RegionFactory
from tests.news.factories import ImageFactory, news_page
from tests.news.test_article import structured_data
from tests.text import plain

pytestmark = pytest.mark.django_db


def day(month, number, year=2025):
    return datetime.date(year, month, number)


@pytest.mark.parametrize(
    ("start", "end", "russian", "english"),
    [
        (day(6, 19), day(6, 20), "19–20 июня 2025", "19–20 June 2025"),
        (day(5, 30), day(6, 2), "30 мая – 2 июня 2025", "30 May – 2 June 2025"),
        (day(12, 30), day(1, 2, 2026), "30 декабря 2025 – 2 января 2026", None),
        (day(6, 19), None, "19 июня 2025", "19 June 2025"),
        (None, day(9, 13), "до 13 сентября 2025", "until 13 September 2025"),
    ],
)
def test_event_dates_read_naturally_in_each_language(start, end, russian, english):
    article = NewsPage(title="Событие", event_start=start, event_end=end)
    with translation.override("ru"):
        assert article.event_dates == russian
    if english:
        with translation.override("en"):
            assert article.event_dates == english


def test_an_event_cannot_end_before_it_starts(index):
    article = NewsPage(
        title="Событие", lead="Коротко.", event_start=day(6, 20), event_end=day(6, 19)
    )
    with pytest.raises(ValidationError) as error, translation.override("ru"):
        article.full_clean()
    assert error.value.message_dict["event_end"] == [
        "Мероприятие не может закончиться раньше, чем началось."
    ]


def test_event_dates_are_shown_and_in_the_json_ld(client, index):
    article = news_page(index, title="Конференция", event_start=day(6, 19), event_end=day(6, 20))
    html = client.get(article.url).content.decode()
    assert "19–20\xa0июня 2025" in html  # a date range keeps its month (home.typography)
    event = structured_data(html)["about"]
    assert event == {
        "@type": "Event",
        "name": "Конференция",
        "startDate": "2025-06-19",
        "endDate": "2025-06-20",
    }


def test_articles_of_several_regions_are_found_under_each(client, index):
    regions = [RegionFactory(name=f"Область {n}", slug=f"oblast-{n}") for n in range(4)]
    conference = news_page(index, title="Межрегиональная конференция", regions=regions)
    local = news_page(index, title="Новость одной области", regions=regions[:1])
    html = client.get(conference.url).content.decode()
    assert "Область 0, Область 1, Область 2, Область 3" in html
    assert [place["name"] for place in structured_data(html)["contentLocation"]] == [
        region.name for region in regions
    ]
    listing = client.get(index.url).content.decode()
    for region in regions:
        assert f'value="{region.slug}"' in listing  # each region is offered once
        assert listing.count(f'value="{region.slug}"') == 1
    first = client.get(index.url, {"region": "oblast-0"}).content.decode()
    assert conference.title in first and local.title in first
    third = client.get(index.url, {"region": "oblast-2"}).content.decode()
    assert conference.title in third and local.title not in third
    assert client.get(index.url + "rss/").status_code == 200


def mentioned(article, *people):
    for number, person in enumerate(people):
        NewsPageMentionedPerson.objects.create(page=article, person=person, sort_order=number)
    article.save_revision().publish()


def test_people_mentioned_are_listed_with_position_and_organisation(client, index):
    person = PersonFactory(
        name="Н. Н. Ткаченко",
        position="главный библиотекарь",
        organisation=OrganisationFactory(name="ЦБС Первомайского района"),
    )
    article = news_page(index, title="Час неформального общения")
    mentioned(article, person)
    html = plain(client.get(article.url).content.decode())
    assert "Упоминаемые лица" in html
    assert f'href="{index.url}?person={person.pk}">Н. Н. Ткаченко</a>' in html
    assert "главный библиотекарь, ЦБС Первомайского района" in html
    assert structured_data(html)["mentions"] == [
        {
            "@type": "Person",
            "name": "Н. Н. Ткаченко",
            "jobTitle": "главный библиотекарь, ЦБС Первомайского района",
        }
    ]


def test_a_persons_news_lists_only_live_public_articles_about_them(client, index):
    person = PersonFactory(name="Е. В. Угрюмова", position="директор ЦБС")
    shown = news_page(index, title="Директор рассказала о форуме")
    mentioned(shown, person)
    draft = news_page(index, title="Черновик о форуме", publish=False)
    NewsPageMentionedPerson.objects.create(page=draft, person=person)
    private = news_page(index, title="Закрытая новость о форуме")
    mentioned(private, person)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    other = news_page(index, title="Новость без неё")

    response = client.get(index.url, {"person": person.pk})
    html = plain(response.content.decode())
    assert response.status_code == 200
    assert "Новости с упоминанием: Е. В. Угрюмова, директор ЦБС" in html
    assert shown.title in html
    assert draft.title not in html and private.title not in html and other.title not in html


@pytest.mark.parametrize("value", ["999999", "abc", "-1"])
def test_an_unknown_person_answers_404(client, index, value):
    assert client.get(index.url, {"person": value}).status_code == 404


def figures_html(language):
    block = BodyBlock()
    value = block.to_python(
        [
            {
                "type": "figures",
                "value": {
                    "title": "",
                    "figures": [
                        {"number": "1787", "unit": "участников", "label": ""},
                        {"number": "47228", "unit": "просмотров", "label": "онлайн"},
                        {"number": "3.5", "unit": "тыс.", "label": ""},
                    ],
                },
            }
        ]
    )
    with translation.override(language):
        return block.render(value)


def test_figures_use_the_readers_thousands_separator():
    russian = figures_html("ru")
    assert "1\xa0787" in russian and "47\xa0228" in russian and "3,5" in russian
    english = figures_html("en")
    assert "1,787" in english and "47,228" in english and "3.5" in english


def test_photo_credits_show_in_captions(client, index):
    image = ImageFactory()
    article = news_page(
        index,
        title="Фотоотчёт",
        featured_image=image,
        featured_image_credit="Фото: И. Петров",
        body=[
            (
                "image",
                {
                    "image": {"image": image, "alt_text": "Зал", "decorative": False},
                    "caption": "Зал библиотеки",
                    "credit": "Фото: пресс-служба",
                },
            )
        ],
    )
    html = client.get(article.url).content.decode()
    assert '<span class="credit">Фото: И.\xa0Петров</span>' in html
    # A caption and its credit are two lines, never run together.
    assert (
        '<span class="caption">Зал библиотеки</span> <span class="credit">Фото: пресс-служба</span>'
        in html
    )


def test_a_cyrillic_title_gets_a_short_latin_slug(index):
    title = (
        "Артёмовские библиотекари приняли участие в «Школе руководителей библиотек» "
        "и рассказали коллегам о модельных библиотеках, онлайн-квестах и флешмобах"
    )
    article = NewsPage(title=title, slug="", lead="Коротко.")
    index.add_child(instance=article)
    assert article.slug.startswith("artemovskie-bibliotekari-priniali-uchastie")
    assert article.slug.isascii() and len(article.slug) <= SLUG_MAX_LENGTH
    same = NewsPage(title=title, slug=title, lead="Коротко.")  # the admin sends Cyrillic
    index.add_child(instance=same)
    assert same.slug == f"{article.slug}-2"


def test_a_cyrillic_address_redirects_to_its_latin_one(
    client, index, django_capture_on_commit_callbacks
):
    article = news_page(index, title="Час общения", slug="chas")
    old_path = f"{index.url_path}час-неформального-общения/"
    Page.objects.filter(pk=article.pk).update(slug="час-неформального-общения", url_path=old_path)
    article = NewsPage.objects.get(pk=article.pk)
    old_url = article.url
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail redirects after commit
        article.save_revision().publish()  # an editor's next publication
    article.refresh_from_db()
    assert article.slug == "chas-neformalnogo-obshcheniia"
    assert old_url == f"/ru/news/{quote('час-неформального-общения')}/"
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(article.url)
    assert client.get(article.url).status_code == 200


def test_a_draft_with_a_cyrillic_title_gets_a_latin_slug_too(index):
    draft = NewsPage(title="Школа руководителей", slug="школа-руководителей", lead="Коротко.")
    draft.live = False
    index.add_child(instance=draft)
    assert draft.slug == "shkola-rukovoditelei"


def test_existing_cyrillic_slugs_are_made_latin_with_redirects(
    client, index, django_capture_on_commit_callbacks
):
    article = news_page(index, title="Клуб методистов", slug="club")
    old_path = f"{index.url_path}клуб-методистов/"
    Page.objects.filter(pk=article.pk).update(slug="клуб-методистов", url_path=old_path)
    old_url = NewsPage.objects.get(pk=article.pk).url
    with django_capture_on_commit_callbacks(execute=True):
        call_command("latin_page_slugs", stdout=io.StringIO())
    article.refresh_from_db()
    assert article.slug == "klub-metodistov"
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(article.url)
