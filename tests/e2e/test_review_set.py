"""The screenshot review set: every kind of page of the demo site at a phone's and a laptop's
width, in both languages and in two low-vision schemes, saved into test-artifacts/review/
with an index.html that shows them side by side, for people to look at after a change."""

import html

from django.apps import apps

from home.models import StandardPage
from tests.e2e import content
from tests.e2e.helpers import ARTIFACTS
from tests.e2e.test_accessibility import not_found, url_in
from tests.e2e.test_low_vision import stored

REVIEW = ARTIFACTS.parent / "review"
WIDTHS = {390: {"width": 390, "height": 844}, 1366: {"width": 1366, "height": 768}}
# Two schemes a reader of the low-vision mode is likely to pick, at their own sizes.
SCHEMES = {
    "lv-bw-150": {"size": "2", "scheme": "bw"},
    "lv-wb-200-images-off": {"size": "3", "scheme": "wb", "images": "off", "font": "serif"},
}
SHOW_PICTURES = """async () => {
    for (const img of document.querySelectorAll('img[loading=lazy]')) img.loading = 'eager';
    await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
    await document.fonts.ready;
}"""


def _page(model, **lookup):
    return (
        apps.get_model(*model.split("."))
        .objects.filter(locale__language_code="ru", **lookup)
        .first()
    )


def _in(language, page):
    return content.in_language(page, language).url


def page_kinds():
    """Each kind of page of the demo site, as a function of the language."""
    meeting = _page("programs.ClubMeetingPage", slug="meeting-34")
    kinds = {
        "home": lambda lang: _in(lang, content.russian_home()),
        "news-index": lambda lang: _in(lang, _page("news.NewsIndexPage")),
        "article": lambda lang: _in(lang, _page("news.NewsPage", slug="school-18-model-library")),
        "programmes": lambda lang: _in(lang, _page("programs.ProgramIndexPage")),
        "programme": lambda lang: _in(lang, content.upcoming("TrainingProgramPage")),
        "club-section": lambda lang: _in(
            lang, StandardPage.objects.get(slug="clubs", locale__language_code="ru")
        ),
        "club": lambda lang: _in(lang, meeting.get_parent()),
        "meeting": lambda lang: _in(lang, meeting),
        "resolution-index": lambda lang: _in(lang, _page("programs.ResolutionIndexPage")),
        "resolution": lambda lang: _in(lang, _page("programs.ResolutionPage")),
        "standard": lambda lang: _in(
            lang, StandardPage.objects.get(slug="about", locale__language_code="ru")
        ),
        "search": lambda lang: url_in(
            lang, "search", query="?q=" + ("библиотека" if lang == "ru" else "library")
        ),
        "tag": lambda lang: url_in(lang, "tag", content.tag_slug("Школа руководителей")),
        "sign-in": lambda lang: url_in(lang, "account_login"),
        "not-found": not_found,
    }
    return kinds


def _shoot(page, url, path):
    page.goto(url)
    page.evaluate(SHOW_PICTURES)
    page.screenshot(path=str(path), full_page=True)


def test_the_review_set_shows_every_page_kind_in_both_languages_and_two_schemes(new_page):
    REVIEW.mkdir(parents=True, exist_ok=True)
    kinds = page_kinds()
    variants = [(lang, "site") for lang in ("ru", "en")] + [("ru", name) for name in SCHEMES]
    shots = {}
    for width, viewport in WIDTHS.items():
        for language, scheme in variants:
            page = new_page(f"review-{width}-{language}-{scheme}", viewport=viewport)
            if scheme in SCHEMES:
                page.add_init_script(stored(SCHEMES[scheme]))
            for kind, url_of in kinds.items():
                name = f"{kind}-{language}-{scheme}-{width}.png"
                _shoot(page, url_of(language), REVIEW / name)
                shots.setdefault(kind, []).append((f"{language} · {scheme} · {width} px", name))
    rows = "\n".join(
        f"<section><h2>{html.escape(kind)}</h2><div class='row'>"
        + "".join(
            f"<figure><a href='{name}'><img src='{name}' loading='lazy' alt=''></a>"
            f"<figcaption>{html.escape(label)}</figcaption></figure>"
            for label, name in found
        )
        + "</div></section>"
        for kind, found in shots.items()
    )
    (REVIEW / "index.html").write_text(
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Review set</title>"
        "<style>body{font:14px sans-serif;margin:1rem}.row{display:flex;gap:1rem;"
        "overflow-x:auto;align-items:flex-start}figure{margin:0;flex:none}img{width:240px;"
        "border:1px solid #ccc}</style><h1>Screenshots of every page kind</h1>"
        f"<p>Widths 390 and 1366 px; Russian and English; low-vision schemes "
        f"{', '.join(SCHEMES)} (Russian).</p>{rows}</html>",
        encoding="utf-8",
    )
    assert len(list(REVIEW.glob("*.png"))) >= len(kinds) * len(WIDTHS) * len(variants)
