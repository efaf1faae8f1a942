"""Editors work the intake in the admin: sources, the queue, bulk accept and reject, import."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from news.intake import service, tasks
from news.models import IntakeItem, IntakeSource, NewsPage
from tests.factories import OrganisationFactory

Status = IntakeItem.Status
LIST = reverse("wagtailsnippets_news_intakeitem:list")
IMPORT = reverse("wagtailsnippets_news_intakeitem:import")


@pytest.fixture
def queued(member_site, index):
    """The library's feed read without automatic drafts: two articles wait in the queue."""
    source = IntakeSource.objects.create(
        organisation=OrganisationFactory(name="ЦБС Заречного района"),
        name="ЦБС Заречного района",
        url=member_site.base_url + "/zcbs/rss.xml",
        auto_draft=False,
    )
    service.run([source])
    return list(IntakeItem.objects.order_by("pk"))


def bulk(action, items):
    ids = "&".join(f"id={item.pk}" for item in items)
    url = reverse("wagtail_bulk_action", args=("news", "intakeitem", action))
    return f"{url}?{ids}&next={LIST}"


def test_editors_see_the_queue_with_statuses_in_russian(client, editor, queued):
    service.reject(queued[0], "Не о библиотеках")
    client.force_login(editor)
    with translation.override("ru"):
        html = client.get(LIST, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Час неформального общения" in html
    assert "Не о библиотеках" in html
    assert "новая" in html.lower() or "новое" in html.lower()


def test_bulk_accept_makes_drafts_for_moderation(client, editor, queued):
    client.force_login(editor)
    response = client.post(bulk("accept", queued))
    assert response.status_code == 302
    assert set(IntakeItem.objects.values_list("status", flat=True)) == {Status.IMPORTED}
    pages = NewsPage.objects.all()
    assert len(pages) == 2
    assert all(not page.live and page.current_workflow_state for page in pages)
    assert {page.current_workflow_state.requested_by for page in pages} == {editor}


def test_bulk_reject_keeps_them_out(client, editor, queued):
    client.force_login(editor)
    client.post(bulk("reject", queued))
    assert set(IntakeItem.objects.values_list("status", flat=True)) == {Status.REJECTED}
    assert not NewsPage.objects.exists()


def test_one_pasted_address_becomes_a_draft(client, editor, member_site, index):
    client.force_login(editor)
    response = client.post(IMPORT, {"url": member_site.base_url + "/adm/news/konkurs-chtecov.html"})
    assert response.status_code == 302
    page = NewsPage.objects.get()
    assert page.title == "Городской конкурс чтецов"
    assert page.source_url == member_site.base_url + "/adm/news/konkurs-chtecov.html"


def test_a_failing_address_shows_the_reason_in_russian(client, editor, member_site, index):
    client.force_login(editor)
    with translation.override("ru"):
        response = client.post(
            IMPORT, {"url": member_site.base_url + "/bad/report.pdf"}, HTTP_ACCEPT_LANGUAGE="ru"
        )
    assert response.status_code == 200
    assert "application/pdf" in response.content.decode()
    assert "Not a web page" not in response.content.decode()
    assert not NewsPage.objects.exists()
    assert IntakeItem.objects.get().status == Status.FAILED


def test_an_editor_adds_a_source(client, editor):
    organisation = OrganisationFactory()
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_news_intakesource:add"),
        {
            "organisation": organisation.pk,
            "name": "Районная библиотека",
            "kind": "listing",
            "url": "http://127.0.0.1:8125/zcbs/news/",
            "article_prefix": "",
            "active": "on",
            "auto_draft": "on",
        },
    )
    assert response.status_code == 302
    assert IntakeSource.objects.get().organisation == organisation


def test_the_queue_is_searched_and_filtered(client, editor, queued):
    service.reject(queued[0])
    client.force_login(editor)
    found = client.get(LIST, {"q": "неформального"}).content.decode()
    assert "Час неформального общения" in found and "Краеведы" not in found
    rejected = client.get(LIST, {"status": "rejected"}).content.decode()
    assert "Краеведы" in rejected and "Час неформального общения" not in rejected


def test_the_queue_costs_the_same_queries_for_more_items(client, editor, queued):
    client.force_login(editor)
    client.get(LIST)  # warms the session and the content types
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for number in range(10):
        IntakeItem.objects.create(
            url=f"http://127.0.0.1:9/news/{number}.html",
            title=f"Новость {number}",
            source=queued[0].source,
            status=Status.FAILED,
            reason="Сайт недоступен.",
        )
    with CaptureQueriesContext(connection) as many:
        client.get(LIST)
    assert len(many) == len(few)


def test_the_import_view_only_enqueues_and_shows_the_state(
    client, editor, member_site, index, settings
):
    """No web worker waits for a member site: the request puts a task on the queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    member_site.requests.clear()
    client.force_login(editor)
    url = member_site.base_url + "/adm/news/konkurs-chtecov.html"
    with translation.override("ru"):
        response = client.post(IMPORT, {"url": url}, HTTP_ACCEPT_LANGUAGE="ru", follow=True)
    html = response.content.decode()

    assert "Статья поставлена в очередь на импорт" in html
    assert "ожидает в очереди" in html
    assert member_site.requests == []
    assert not IntakeItem.objects.exists()
    [result] = [
        r for r in tasks.import_article.get_backend().results if r.task.name == "import_article"
    ]
    assert result.args[0] == url
    assert result.kwargs == {} and result.args[2] == editor.pk


def test_importing_a_known_article_again_says_no_draft_was_made(client, editor, member_site, index):
    client.force_login(editor)
    url = member_site.base_url + "/adm/news/konkurs-chtecov.html"
    client.post(IMPORT, {"url": url}, follow=True)  # its message shown and gone
    with translation.override("ru"):
        response = client.post(IMPORT, {"url": url}, HTTP_ACCEPT_LANGUAGE="ru", follow=True)
    html = response.content.decode()

    assert "уже в очереди" in html and "Новый черновик не создан" in html
    assert "отправлен на модерацию" not in html
    assert NewsPage.objects.count() == 1


def test_the_queue_tells_the_moderator_what_to_check(client, editor, member_site, index):
    service.import_url(member_site.base_url + "/zcbs/news/2024/04/knizhnaya-vystavka.html")
    client.force_login(editor)
    with translation.override("ru"):
        html = client.get(LIST, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Проверить" in html
    assert "нет даты на странице" in html


def test_changing_a_sources_address_or_prefix_forgets_its_validators(db):
    source = IntakeSource.objects.create(
        organisation=OrganisationFactory(),
        name="Участник",
        kind=IntakeSource.Kind.LISTING,
        url="https://member.example/novosti.html",
        etag='"abc"',
        last_modified="Sat, 01 Jun 2024 00:00:00 GMT",
    )
    source.name = "Участник, новое имя"
    source.save()
    source.refresh_from_db()
    assert source.etag == '"abc"'

    source.article_prefix = "/novosti/"
    source.save()
    source.refresh_from_db()
    assert source.etag == "" and source.last_modified == ""

    source.etag = '"def"'
    source.save()
    source.url = "https://member.example/news/"
    source.save(update_fields=["url"])
    source.refresh_from_db()
    assert source.etag == ""


def test_read_now_puts_the_sources_on_the_queue(client, editor, member_site, index, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    source = IntakeSource.objects.create(
        organisation=OrganisationFactory(),
        name="ЦБС Заречного района",
        url=member_site.base_url + "/zcbs/rss.xml",
    )
    member_site.requests.clear()
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=("news", "intakesource", "read_now"))
    response = client.post(f"{url}?id={source.pk}&next={LIST}")

    assert response.status_code == 302
    # Wagtail queues its own search and reference index updates on the same backend.
    results = tasks.read_sources.get_backend().results
    [result] = [r for r in results if r.task.name == "read_sources"]
    assert result.args == [[source.pk]]
    assert member_site.requests == []


def test_reading_a_source_in_the_background_queues_its_articles(member_site, index):
    source = IntakeSource.objects.create(
        organisation=OrganisationFactory(),
        name="ЦБС Заречного района",
        url=member_site.base_url + "/zcbs/rss.xml",
        auto_draft=False,
    )
    result = tasks.read_sources.enqueue([source.pk])
    assert result.return_value == {"queued": 2}


def test_bulk_accept_only_enqueues_the_drafts(client, editor, queued, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(editor)
    client.post(bulk("accept", queued))

    assert not NewsPage.objects.exists()
    [result] = [
        r for r in tasks.accept_items.get_backend().results if r.task.name == "accept_items"
    ]
    assert sorted(result.args[0]) == sorted(item.pk for item in queued)
    assert result.args[1] == editor.pk
