import pytest
import yaml

from home.demo import load_app
from home.demo.loader import content_file
from news.models import NewsIndexPage, NewsPage

# The module's copy of the whole demo (tests.demo_site), whose news are loaded once more.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


class Command:
    def __init__(self):
        self.messages = []

    def progress(self, message):
        self.messages.append(message)


def test_demo_news_is_complete_and_idempotent(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    command = Command()
    load_app("news", command)
    demo = yaml.safe_load(content_file("news").read_text(encoding="utf-8"))

    index = NewsIndexPage.objects.get(slug="news", locale__language_code="ru")
    assert index.show_in_menus
    articles = NewsPage.objects.child_of(index)
    assert articles.count() == len(demo["pages"][0]["children"]) >= 12
    assert articles.filter(pinned=True).count() == 1
    assert articles.exclude(source_name="").count() >= 2
    assert articles.filter(authors__person__position__gt="").distinct().count() >= 4
    years = {article.date.year for article in articles}
    assert years == {2025, 2026}
    assert "pages: 0 new" in command.messages  # loading again created nothing

    response = client.get(index.url)
    assert response.status_code == 200
    assert client.get(articles.get(slug="methodists-club-kashin").url).status_code == 200
