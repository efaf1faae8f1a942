from django import template

from programs.models import ResolutionPage

register = template.Library()


@register.simple_tag
def adopted_resolutions(page):
    """The live public final documents adopted at a meeting or programme, newest first."""
    if page.pk is None:  # the preview of a page not saved yet: nothing can point at it
        return []
    return list(
        ResolutionPage.objects.live().public().filter(adopted_at=page).order_by("-date", "-pk")
    )
