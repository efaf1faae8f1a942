"""Journey 7: the communications staff's daily work, counted in actions.

An action is what the person does with the mouse or keyboard to move the work on:
- a click (a link, a button, a tab, a suggestion in a list);
- a file picked in the browser's file dialog;
- one field typed into, including the Enter that confirms it where the form takes Enter (a
  tag typed whole, the picture's description submitting the upload form).
Signing in and reading are not actions. The editor starts on the dashboard, the moderator too.

The journeys also take the editors' guide's screenshots (docs/editors/img/), so the guide
shows the admin as it is.
"""

from django.contrib.auth.models import Group

import pytest
from PIL import Image

from home.members.roles import EDITORS, MODERATORS
from tests.e2e.helpers import GUIDE_IMAGES
from tests.factories import PASSWORD, UserFactory

TITLE = "Библиотеки области подвели итоги года"
EDITOR_BUDGET = 12
MODERATOR_BUDGET = 4


class Actions:
    """Does what the person does and counts it."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, locator):
        locator.click()
        self.count += 1

    def type(self, locator, text, enter=False):
        locator.click()
        locator.press_sequentially(text)
        if enter:
            locator.press("Enter")
        self.count += 1

    def pick(self, locator, path):
        locator.set_input_files(path)
        self.count += 1


def shoot(page, name, locator=None):
    """A screenshot for the editors' guide: the given part of the page, or the viewport."""
    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    target = locator if locator is not None else page
    target.screenshot(path=str(GUIDE_IMAGES / f"{name}.png"))


@pytest.fixture
def staff(site_url):
    editor = UserFactory(username="redaktor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    moderator = UserFactory(username="moderator-e2e")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    return editor, moderator


@pytest.fixture
def picture_file(tmp_path):
    path = tmp_path / "itogovoe-sobranie.png"
    Image.new("RGB", (1200, 800), (90, 120, 160)).save(path)
    return path


def admin_sign_in(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


def test_editor_submits_news_with_a_new_picture_and_two_tags_in_twelve_actions(
    staff, new_page, picture_file
):
    from news.models import NewsIndexPage, NewsPage

    editor, _moderator = staff
    index = NewsIndexPage.objects.get(locale__language_code="ru")
    desk = new_page("editor")
    admin_sign_in(desk, editor.username)
    shoot(desk, "dashboard")
    act = Actions(desk)

    act.click(desk.locator("#quick-add-section").get_by_role("link", name="Добавить новость"))
    desk.wait_for_url(f"**/admin/pages/add/news/newspage/{index.pk}/")
    act.type(desk.locator("#id_title"), TITLE)
    act.type(desk.locator("#id_lead"), "Ассоциация собрала отчёты сорока библиотек.")
    paragraph = desk.locator("[contenteditable=true]").first
    act.type(paragraph, "Отчёты показали рост числа читателей в сельских филиалах.")

    act.click(desk.locator("#id_featured_image-chooser [data-chooser-action-choose]"))
    act.click(desk.get_by_role("tab", name="Загрузить"))
    act.pick(desk.locator("#id_image-chooser-upload-file"), picture_file)
    shoot(desk, "image-upload", desk.locator(".modal-content"))
    act.type(
        desk.locator("#id_image-chooser-upload-description"),
        "Участники собрания в читальном зале",
        enter=True,
    )
    desk.locator("#id_featured_image-chooser:not(.blank)").wait_for()

    tags = desk.locator("#id_tags").locator("xpath=..").locator(".tagit-new input")
    act.type(tags, "Школа рук")
    act.click(desk.locator(".ui-autocomplete li", has_text="Школа руководителей"))
    act.type(tags, "краеведение", enter=True)
    shoot(desk, "news-form")
    act.click(desk.locator("footer button[name=action-submit]"))

    desk.wait_for_url("**/admin/news_articles/?highlight=*")
    highlighted = desk.locator("tr.is-new-item")
    assert TITLE in highlighted.inner_text()
    assert desk.locator(".messages .success").count() == 1
    shoot(desk, "news-list-highlighted")
    print(f"editor actions: {act.count}")  # noqa: T201 (the measured figure, shown with -s)
    assert act.count <= EDITOR_BUDGET, f"{act.count} actions"

    article = NewsPage.objects.get(title=TITLE)
    assert NewsPage.objects.filter(title=TITLE).count() == 1
    assert not article.live
    assert article.current_workflow_state.status == "in_progress"
    draft = article.get_latest_revision().as_object()
    assert draft.featured_image.description == "Участники собрания в читальном зале"
    assert sorted(tag.name for tag in draft.tags.all()) == ["Школа руководителей", "краеведение"]
    assert "сельских филиалах" in str(draft.body)


def submitted_edit(editor, slug, lead):
    """A published demo article the editor has changed and submitted: a diff to read."""
    from news.models import NewsPage

    article = NewsPage.objects.get(slug=slug, locale__language_code="ru")
    article.lead = lead
    article.save_revision(user=editor)
    article.get_workflow().start(article, editor)
    return article


def open_the_diff(act, desk, article):
    row = desk.locator("#awaiting-review-section tr", has=desk.get_by_text(article.title))
    act.click(row.locator(".w-dropdown__toggle"))
    act.click(row.get_by_role("link", name="Сравнить с опубликованной версией"))
    desk.locator(".review-form").wait_for()


def test_moderator_reads_the_diff_and_approves_or_sends_back_within_four_actions(staff, new_page):
    from news.models import NewsPage

    editor, moderator = staff
    approved = submitted_edit(editor, "library-day-2026-awards", "Награды вручили в мае.")
    returned = submitted_edit(editor, "opening-hours-recommendations", "Черновик анонса.")

    desk = new_page("moderator")
    admin_sign_in(desk, moderator.username)
    shoot(desk, "moderation-dashboard", desk.locator("#awaiting-review-section"))
    act = Actions(desk)
    open_the_diff(act, desk, approved)
    shoot(desk, "moderation-diff")
    act.click(desk.get_by_role("button", name="Одобрить и опубликовать"))
    desk.wait_for_url("**/admin/")
    assert "одобрена" in desk.locator(".messages").inner_text()
    print(f"moderator actions to approve: {act.count}")  # noqa: T201 (the measured figure, shown with -s)
    assert act.count <= MODERATOR_BUDGET
    approved = NewsPage.objects.get(pk=approved.pk)
    assert approved.live and approved.lead == "Награды вручили в мае."

    act = Actions(desk)
    open_the_diff(act, desk, returned)
    act.type(desk.locator("#review-comment"), "Анонс слишком короткий, допишите.")
    act.click(desk.get_by_role("button", name="Вернуть с комментарием"))
    desk.wait_for_url("**/admin/")
    assert "возвращена автору" in desk.locator(".messages").inner_text()
    print(f"moderator actions to send back: {act.count}")  # noqa: T201 (the measured figure, shown with -s)
    assert act.count <= MODERATOR_BUDGET
    returned = NewsPage.objects.get(pk=returned.pk)
    assert returned.lead != "Черновик анонса."
    state = returned.workflow_states.order_by("-created_at").first()
    assert state.status == "needs_changes"
