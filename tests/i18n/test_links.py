"""Links from page to page are synchronised across languages (the English page keeps the
Russian target it was translated with) and followed in the reader's language: to the
published English version where there is one, to the Russian page otherwise."""

import datetime

from django.utils import timezone

import pytest

from home.demo import translate
from news.models import NewsPageRelatedPage
from programs.models import ResolutionPage
from programs.models.programmes import TrainingProgramRelatedNews
from tests.factories import OrganisationFactory
from tests.members.factories import resolution, resolution_index
from tests.news.factories import news_index, news_page
from tests.programs.factories import club, meeting, programme, programme_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(home, english_home):
    index = resolution_index(home)
    translate(index, {"Итоговые документы": "Final documents"})
    return index


def fact(html, label):
    """The <dd> after the <dt> labelled `label`."""
    return html.split(f"<dt>{label}</dt>")[1].split("</dd>")[0]


def test_a_superseded_document_names_its_successor_in_the_readers_language(client, register):
    older = resolution(register, "superseded", slug="old", number="1/2023", title="Старая")
    newer = resolution(
        register, "adopted", slug="new", number="3/2024", title="Новая", supersedes=older
    )
    english_older = translate(older, {"Старая": "The earlier text"})
    english_newer = translate(newer, {"Новая": "The new text"})
    assert english_newer.supersedes_id == older.pk  # the reference is synchronised

    superseded_by = fact(client.get(english_older.url).content.decode(), "Superseded by")
    assert f'href="{english_newer.url}"' in superseded_by
    assert "No. 3/2024 · The new text" in superseded_by
    supersedes = fact(client.get(english_newer.url).content.decode(), "Supersedes")
    assert f'href="{english_older.url}"' in supersedes
    assert "No. 1/2023 · The earlier text" in supersedes

    russian = fact(client.get(older.url).content.decode(), "Заменён документом")
    assert f'href="{newer.url}"' in russian and "№ 3/2024 · Новая" in russian


def test_a_successor_without_english_version_is_linked_in_russian(client, register):
    older = resolution(register, "superseded", slug="old", title="Старая")
    newer = resolution(register, "adopted", slug="new", title="Новая", supersedes=older)
    english_older = translate(older, {"Старая": "The earlier text"})
    superseded_by = fact(client.get(english_older.url).content.decode(), "Superseded by")
    assert f'href="{newer.url}"' in superseded_by


def test_english_events_list_the_documents_adopted_there(client, home, english_home, register):
    club_page = club(home, slug="club")
    translate(club_page, {})
    event = meeting(club_page, slug="meeting-35", title="Заседание 35")
    english_event = translate(event, {"Заседание 35": "Meeting 35"})
    document = resolution(register, "adopted", slug="club", title="Решение клуба", adopted_at=event)
    english_document = translate(document, {"Решение клуба": "Decision of the club"})
    russian_only = resolution(
        register,
        "adopted",
        slug="russian",
        number="4/2024",
        title="Только по-русски",
        adopted_at=event,
    )

    adopted = client.get(english_event.url).content.decode().split("adopted-resolutions")[1]
    assert f'href="{english_document.url}"' in adopted and "Decision of the club" in adopted
    assert f'href="{russian_only.url}"' in adopted
    assert f'href="{document.url}"' not in adopted
    russian = client.get(event.url).content.decode().split("adopted-resolutions")[1]
    assert f'href="{document.url}"' in russian and english_document.url not in russian


def test_the_english_register_names_the_adopting_events_in_english(
    client, home, english_home, register
):
    club_page = club(home, slug="club")
    translate(club_page, {})
    event = meeting(club_page, slug="meeting-35", title="Заседание 35")
    translate(event, {"Заседание 35": "Meeting 35"})
    document = resolution(register, "adopted", slug="club", title="Решение", adopted_at=event)
    translate(document, {"Решение": "Decision"})
    english_register = register.get_translation(english_home.locale)

    html = client.get(english_register.url).content.decode()
    assert "Заседание 35" not in html
    assert f'<option value="{event.pk}">Meeting 35</option>' in html
    listing = html.split('class="listing resolutions"')[1]
    assert "· Meeting 35" in listing
    filtered = client.get(english_register.url, {"event": event.pk}).content.decode()
    assert "Decision" in filtered.split('class="listing resolutions"')[1]


def test_english_articles_link_related_pages_in_english(client, home, english_home):
    programmes = programme_index(home)
    translate(programmes, {})
    school = programme(programmes, slug="school", title="Школа")
    english_school = translate(school, {"Школа": "The School"})
    webinar = programme(programmes, slug="webinar", title="Вебинар")
    index = news_index(home)
    translate(index, {})
    article = news_page(
        index,
        slug="news",
        related_pages=[
            NewsPageRelatedPage(target=school, sort_order=0),
            NewsPageRelatedPage(target=webinar, sort_order=1),
        ],
    )
    english_article = translate(article, {})

    related = client.get(english_article.url).content.decode().split('id="related-heading"')[1]
    assert f'<a href="{english_school.url}">The School</a>' in related
    # No English version yet: the Russian title is marked so screen readers read it in Russian.
    assert f'<a href="{webinar.url}" lang="ru" hreflang="ru">Вебинар</a>' in related
    assert related.index("The School") < related.index("Вебинар")


def test_english_events_link_related_news_in_english(client, home, english_home):
    index = news_index(home)
    translate(index, {})
    article = news_page(index, slug="opened", title="Школа открылась")
    english_article = translate(article, {"Школа открылась": "The school has opened"})
    russian_only = news_page(index, slug="district", title="Районная новость")
    programmes = programme_index(home)
    translate(programmes, {})
    school = programme(
        programmes,
        slug="school",
        related_news=[
            TrainingProgramRelatedNews(news=russian_only, sort_order=0),
            TrainingProgramRelatedNews(news=article, sort_order=1),
        ],
    )
    english_school = translate(school, {})

    related = client.get(english_school.url).content.decode().split('id="related-news-heading"')[1]
    assert f'<a href="{english_article.url}">The school has opened</a>' in related
    assert f'<a href="{russian_only.url}" lang="ru" hreflang="ru">Районная новость</a>' in related
    assert related.index("Районная новость") < related.index("The school has opened")


def test_meeting_cards_name_the_host_library_in_the_readers_language(client, home, english_home):
    host = OrganisationFactory(name="Кимрская библиотека", short_name="Кимрская МЦБ")
    translate(host, {"Кимрская библиотека": "Kimry Library", "Кимрская МЦБ": "Kimry Library"})
    club_page = club(home, slug="club")
    english_club = translate(club_page, {})
    upcoming = timezone.localdate() + datetime.timedelta(days=10)
    translate(meeting(club_page, slug="next", host_organisation=host, start_date=upcoming), {})

    for url in (english_club.url, english_home.url):
        html = client.get(url).content.decode()
        assert "· Kimry Library" in html and "Кимрская" not in html, url
    assert "· Кимрская МЦБ" in client.get(club_page.url).content.decode()


def test_superseding_document_prefers_the_page_language_among_versions(register, english):
    older = resolution(register, "superseded", slug="old")
    newer = resolution(register, "adopted", slug="new", supersedes=older)
    english_older = translate(older, {})
    english_newer = translate(newer, {})
    assert older.superseding_document().pk == newer.pk
    assert english_older.superseding_document().pk == english_newer.pk
    assert isinstance(english_older.superseding_document(), ResolutionPage)
