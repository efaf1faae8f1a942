"""The intake end to end against the made-up member sites: queue, drafts, moderation."""

import io
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import WorkflowState

import pytest
import yaml

from news.intake import service
from news.intake.sample_site import sample_pages
from news.models import IntakeItem, IntakeSource, NewsPage
from tests.factories import OrganisationFactory
from tests.news.intake_site import closed_port

Status = IntakeItem.Status


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="МБУК «ЦБС Заречного района»", region__name="Заречный край")


@pytest.fixture
def feed(member_site, organisation, index):
    return IntakeSource.objects.create(
        organisation=organisation,
        name="ЦБС Заречного района",
        kind=IntakeSource.Kind.FEED,
        url=member_site.base_url + "/zcbs/rss.xml",
    )


@pytest.fixture(autouse=True)
def _fresh_pages(member_site):
    """Tests that edit a page on the member site leave the next test the original."""
    yield
    member_site.pages = sample_pages(member_site.base_url)


def test_a_feed_becomes_drafts_in_moderation_with_the_source_credited(feed, index, organisation):
    counts = service.run([feed])

    assert counts == {Status.IMPORTED: 2}
    page = NewsPage.objects.get(title="Час неформального общения")
    assert not page.live and page.get_parent().pk == index.pk
    assert page.locale.language_code == "ru"
    assert page.date.isoformat() == "2023-06-08T06:02:00+00:00"
    assert page.source_name == "ЦБС Заречного района"
    assert page.source_url == feed.url.replace("rss.xml", "news/2023/06/chas-obshcheniya.html")
    assert list(page.regions.all()) == [organisation.region]
    assert [link.organisation for link in page.organisations.all()] == [organisation]
    assert page.byline == "Н. Н. Ткаченко, главный библиотекарь МБО"
    assert page.age_rating == "16+"
    assert page.lead.startswith("Раз в два месяца библиотекари")
    assert [tag.name for tag in page.tags.all()] == ["ЦБС Заречного района"]
    assert page.slug == "chas-neformalnogo-obshcheniia"
    assert page.featured_image.title == (
        "Встреча в читальном зале центральной библиотеки (фото: ЦБС Заречного района)"
    )
    assert page.featured_image.collection.name == "Новости участников"
    # The first paragraph is the lead and the first picture the featured image: not repeated.
    body = page.get_latest_revision_as_object().body
    assert [block.block_type for block in body] == ["paragraph", "paragraph", "paragraph"]
    assert "Раз в два месяца" not in str(body)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.username == "newsroom-intake"
    item = IntakeItem.objects.get(page=page)
    assert item.status == Status.IMPORTED and item.source == feed


def test_a_second_run_asks_conditionally_and_imports_nothing_twice(feed, member_site):
    service.run([feed])
    member_site.requests.clear()

    counts = service.run([feed])

    assert counts == {}
    assert NewsPage.objects.count() == 2
    feed_request = next(h for p, h in member_site.requests if p == "/zcbs/rss.xml")
    assert feed_request["If-None-Match"]
    assert "LibraryAssociationNewsroom" in feed_request["User-Agent"]


def test_an_article_in_the_feed_and_on_the_listing_is_imported_once(feed, member_site):
    service.run([feed])
    listing = IntakeSource.objects.create(
        organisation=feed.organisation,
        name=feed.name,
        kind=IntakeSource.Kind.LISTING,
        url=member_site.base_url + "/zcbs/news/",
    )

    service.run([listing])

    assert NewsPage.objects.filter(title__startswith="Краеведы").count() == 1
    urls = set(IntakeItem.objects.values_list("url", flat=True))
    base = member_site.base_url + "/zcbs/news/"
    assert base + "2024/09/yarmarka.html" in urls  # tracking parameter dropped
    assert not any("page=" in url or "/2022/" in url for url in urls)  # pager, sidebar
    assert NewsPage.objects.count() == 7


def test_an_article_changed_at_the_source_is_flagged_not_duplicated(feed, member_site):
    service.run([feed])
    path = "/zcbs/news/2023/06/chas-obshcheniya.html"
    content_type, body = member_site.pages[path]
    member_site.pages[path] = (content_type, body.replace("августе".encode(), "сентябре".encode()))
    # Sites touch their feed when an article is edited; an unchanged feed is not re-read.
    content_type, feed_body = member_site.pages["/zcbs/rss.xml"]
    member_site.pages["/zcbs/rss.xml"] = (
        content_type,
        feed_body.replace(b"</channel>", b" </channel>"),
    )

    service.run([feed])

    item = IntakeItem.objects.get(url__endswith=path)
    assert item.status == Status.CHANGED
    assert "изменилась на сайте участника" in item.reason
    assert NewsPage.objects.filter(title="Час неформального общения").count() == 1


def test_a_rejected_item_is_never_imported(feed, member_site):
    feed.auto_draft = False
    feed.save()
    service.run([feed])
    assert NewsPage.objects.count() == 0
    assert set(IntakeItem.objects.values_list("status", flat=True)) == {Status.NEW}
    rejected, accepted = IntakeItem.objects.order_by("pk")
    service.reject(rejected, "Не о библиотеках")

    service.accept(accepted)
    service.run([feed])

    rejected.refresh_from_db()
    assert rejected.status == Status.REJECTED and rejected.page is None
    assert list(NewsPage.objects.values_list("title", flat=True)) == [accepted.title]


def test_windows_1251_feed_and_pages_are_read(member_site, organisation, index):
    source = IntakeSource.objects.create(
        organisation=organisation,
        name="Администрация Светлогорска",
        url=member_site.base_url + "/adm/atom.xml",
    )
    service.run([source])
    titles = set(NewsPage.objects.values_list("title", flat=True))
    assert titles == {
        "Волонтёры помогли перевезти фонд",
        "Городской конкурс чтецов",
        "Библиотекари приняли участие в Школе руководителей",
        "Модельная библиотека открылась после ремонта",
    }


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/bad/report.pdf", "Это не веб-страница, а application/pdf"),
        ("/bad/huge.html", "Страница больше 0,5 МБ"),
        ("/bad/broken.html", "Кодировка страницы повреждена"),
        ("/bad/no-article.html", "На странице не найдено статьи"),
        ("/zcbs/private/news.html", "robots.txt сайта запрещает"),
        ("/bad/hang.html", "Сайт не ответил вовремя"),
        ("/bad/missing.html", "ошибкой 404"),
    ],
)
def test_bad_pages_fail_with_a_reason_and_no_draft(member_site, index, path, reason):
    item = service.import_url(member_site.base_url + path)
    assert item.status == Status.FAILED
    assert reason in item.reason
    assert NewsPage.objects.count() == 0
    assert get_image_model().objects.count() == 0


def test_an_unreachable_site_fails_with_a_reason(index):
    item = service.import_url(f"http://127.0.0.1:{closed_port()}/news/1.html")
    assert item.status == Status.FAILED
    assert item.reason == "Сайт недоступен."


def test_an_unreachable_source_is_noted_on_the_source(organisation, index):
    source = IntakeSource.objects.create(
        organisation=organisation, name="Нет сайта", url=f"http://127.0.0.1:{closed_port()}/"
    )
    service.run([source])
    source.refresh_from_db()
    assert source.last_result == "Сайт недоступен."
    assert source.last_fetched_at is not None


def test_a_redirect_is_followed_to_the_article(member_site, index):
    item = service.import_url(member_site.base_url + "/bad/moved.html")
    assert item.status == Status.IMPORTED
    assert item.page.title == "Книжная ярмарка на Дне посёлка"


def test_a_moderator_publishes_an_imported_draft(client, feed, moderator):
    service.run([feed])
    page = NewsPage.objects.get(title="Час неформального общения")
    task_state = page.current_workflow_state.current_task_state
    client.force_login(moderator)

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": ""},
    )

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    client.logout()
    html = client.get(page.url).content.decode()
    assert "выездной семинар для\xa0сельских библиотек" in html
    assert "ЦБС Заречного района" in html


def test_the_command_reads_one_source_or_one_address(feed, member_site):
    output = io.StringIO()
    call_command("run_news_intake", "--source", feed.name, stdout=output)
    assert "imported: 2" in output.getvalue()
    output = io.StringIO()
    call_command("run_news_intake", "--source", feed.name, stdout=output)
    assert output.getvalue().strip() == "Intake done. Nothing new."

    url = member_site.base_url + "/adm/news/volontery.html"
    call_command("run_news_intake", "--url", url, stdout=output)
    assert NewsPage.objects.filter(title="Волонтёры помогли перевезти фонд").exists()
    with pytest.raises(CommandError):
        call_command("run_news_intake", "--source", "Нет такого", stdout=output)


def test_the_compose_scheduler_enqueues_the_intake_and_a_worker_runs_it():
    compose = Path(settings.BASE_DIR) / "compose.yaml"
    services = yaml.safe_load(compose.read_text())["services"]
    assert "python manage.py run_news_intake --enqueue" in " ".join(
        services["scheduler"]["command"]
    )
    worker = services["worker"]["command"]
    assert worker[:3] == ["python", "manage.py", "db_worker"]
    # Every queue, the intake's among them.
    assert worker[worker.index("--queue-name") + 1] == "*"


def test_the_command_can_put_the_run_on_the_queue(feed, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    output = io.StringIO()
    call_command("run_news_intake", "--enqueue", stdout=output)
    assert output.getvalue().startswith("Enqueued: task ")
    assert not IntakeItem.objects.exists()


def test_a_feed_source_pointing_at_a_web_page_says_so(member_site, organisation, index):
    source = IntakeSource.objects.create(
        organisation=organisation, name="Ошибка в адресе", url=member_site.base_url + "/zcbs/news/"
    )
    service.run([source])
    source.refresh_from_db()
    assert source.last_result == "Это не лента RSS или Atom, а text/html."
    assert not IntakeItem.objects.exists()


def test_a_pasted_address_on_a_known_site_gets_its_source(feed, member_site):
    item = service.import_url(member_site.base_url + "/zcbs/news/2024/09/yarmarka.html")
    assert item.source == feed
    assert item.page.source_name == "ЦБС Заречного района"
    assert list(item.page.regions.all()) == [feed.organisation.region]
    other_site = service.import_url(member_site.base_url + "/adm/news/volontery.html")
    assert other_site.source is None


def test_pictures_keep_their_captions_and_credit_in_the_body(feed, member_site):
    item = service.import_url(member_site.base_url + "/zcbs/news/2024/03/den-poezii.html")
    body = item.page.get_latest_revision_as_object().body
    [image] = [block.value for block in body if block.block_type == "image"]
    assert image["caption"] == "Жюри подводит итоги"
    assert image["credit"] == "Фото: ЦБС Заречного района"
    assert item.page.featured_image_credit == "Фото: ЦБС Заречного района"
    assert item.page.featured_image.title.startswith("Юные чтецы перед выступлением")
