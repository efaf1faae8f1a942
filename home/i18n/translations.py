"""Links between pages, followed in the reader's language.

References from page to page (related pages, the event that adopted a document, the document
that supersedes another) are synchronised across translations, so an English page keeps
pointing at the Russian page it was translated with. Readers follow them to the published
English version where there is one.
"""

from wagtail.models import Page

from home.i18n.languages import translated
from home.pages import public_pages


def localized_pages(pages, locale_id, specific=False):
    """`pages` with each replaced by its live, public translation in `locale_id` where one
    exists (an alias does not count); the others as they are. One query at most."""
    pages = list(pages)
    keys = {page.translation_key for page in pages if page.locale_id != locale_id}
    if not keys:
        return pages
    versions = translated(
        public_pages(Page.objects.live().filter(translation_key__in=keys, locale_id=locale_id))
    )
    if specific:
        versions = versions.specific()
    by_key = {version.translation_key: version for version in versions}
    return [by_key.get(page.translation_key, page) for page in pages]


def one_version_each(pages, locale_id):
    """Of `pages`, which may hold several language versions of one page, one version each:
    the one in `locale_id` where it is among them, otherwise the first; in the given order."""
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or (page.locale_id == locale_id != current.locale_id):
            chosen[page.translation_key] = page
    return list(chosen.values())
