"""Journey: a reader selects a mistake on a page, presses Ctrl+Enter and reports it."""

from home.feedback.models import TypoReport
from home.models import StandardPage
from tests.e2e.helpers import assert_accessible

FRAGMENT = "центральные библиотеки"
COMMENT = "Лишнее слово?"

# The viewport box of the first occurrence of a phrase inside an element, so that the mouse
# can drag over exactly that phrase.
PHRASE_BOX = """(element, phrase) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const start = walker.currentNode.data.indexOf(phrase);
        if (start >= 0) {
            const range = document.createRange();
            range.setStart(walker.currentNode, start);
            range.setEnd(walker.currentNode, start + phrase.length);
            const box = range.getClientRects()[0];
            return {left: box.left, right: box.right, y: box.top + box.height / 2};
        }
    }
    return null;
}"""
FOCUS_IN_DIALOG = """() => {
    const dialog = document.getElementById("typo-dialog");
    return dialog.contains(document.activeElement) ? document.activeElement.outerHTML : null;
}"""


def select(page, paragraph, phrase):
    """Drag the mouse over the first word of `phrase`, then extend the selection to the
    whole phrase with Shift+→, as a keyboard reader would."""
    first_word = phrase.split()[0]
    box = paragraph.evaluate(PHRASE_BOX, first_word)
    page.mouse.move(box["left"] + 1, box["y"])
    page.mouse.down()
    page.mouse.move(box["right"] - 1, box["y"], steps=5)
    page.mouse.up()
    for _ in range(len(phrase) - len(first_word)):
        page.keyboard.press("Shift+ArrowRight")
    return page.evaluate("() => window.getSelection().toString()")


def test_reader_reports_a_selected_mistake_with_ctrl_enter(page):
    about = StandardPage.objects.get(slug="about", locale__language_code="ru")
    page.goto(about.url)
    paragraph = page.locator("main p", has_text=FRAGMENT).first
    dialog = page.get_by_role("dialog", name="Сообщить об ошибке")

    assert select(page, paragraph, FRAGMENT) == FRAGMENT
    page.keyboard.press("Control+Enter")
    assert dialog.is_visible()
    assert dialog.locator("blockquote").inner_text() == FRAGMENT
    focused = page.evaluate(FOCUS_IN_DIALOG)
    assert focused is not None and 'id="typo-comment"' in focused
    assert_accessible(page)

    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    assert not TypoReport.objects.filter(fragment=FRAGMENT).exists()

    select(page, paragraph, FRAGMENT)
    page.keyboard.press("Control+Enter")
    assert dialog.is_visible()
    page.keyboard.type(COMMENT)
    page.keyboard.press("Tab")  # the comment, then «Отправить»
    page.keyboard.press("Enter")

    status = dialog.get_by_role("status")
    status.filter(has_text="Спасибо!").wait_for()
    assert status.inner_text() == "Спасибо! Редакторы исправят ошибку."
    report = TypoReport.objects.get(fragment=FRAGMENT)
    assert (report.comment, report.page_id, report.url) == (COMMENT, about.pk, about.url)
    assert report.status == TypoReport.Status.NEW
    focused = page.evaluate(FOCUS_IN_DIALOG)
    assert focused is not None, "focus left the dialog after sending"
    assert "data-typo-close" in focused
    assert dialog.get_by_role("button", name="Отправить").is_hidden()
    assert_accessible(page)
