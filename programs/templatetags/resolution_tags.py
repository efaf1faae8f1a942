from django import template

from home.i18n.translations import one_version_each
from home.pages import public_pages
from programs.models import ResolutionPage

register = template.Library()


@register.simple_tag
def adopted_resolutions(page):
    """The live public final documents adopted at a meeting or programme, newest first, in
    the page's language where translated. `adopted_at` is synchronised: every version of a
    document points at the Russian version of the event, so any version of it counts."""
    if page.pk is None:  # the preview of a page not saved yet: nothing can point at it
        return []
    adopted = (
        public_pages(ResolutionPage.objects.live())
        .filter(adopted_at__translation_key=page.translation_key)
        .order_by("-date", "-pk")
    )
    return one_version_each(adopted, page.locale_id)
