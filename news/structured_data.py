"""schema.org NewsArticle markup of an article, as JSON-LD."""

import json

from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home.i18n.tags import tag_name
from home.models import AssociationSettings


def article_json_ld(page, request, tags, share_image=None, regions=()):
    """The markup as a string safe inside <script type="application/ld+json">."""
    publisher = AssociationSettings.for_request(request).full_name
    published = page.date or page.first_published_at or timezone.now()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead,
        "mainEntityOfPage": page.get_full_url(request),
        "datePublished": timezone.localtime(published).isoformat(),
        "dateModified": timezone.localtime(page.last_published_at or published).isoformat(),
        "inLanguage": get_language(),
        "author": [
            {"@type": "Person", "name": person.name, "jobTitle": credentials}
            for person, credentials in page.author_credentials
        ]
        or [{"@type": "Organization", "name": page.byline or publisher}],
        "publisher": {
            "@type": "Organization",
            "name": publisher,
            "url": request.build_absolute_uri("/"),
        },
    }
    if page.event_start or page.event_end:
        data["about"] = {
            "@type": "Event",
            "name": page.title,
            "startDate": (page.event_start or page.event_end).isoformat(),
            "endDate": (page.event_end or page.event_start).isoformat(),
        }
    if regions:
        data["contentLocation"] = [{"@type": "Place", "name": r.name} for r in regions]
    if page.mentioned_list:
        data["mentions"] = [
            {"@type": "Person", "name": person.name, "jobTitle": credentials}
            for person, credentials in page.mentioned_list
        ]
    if share_image is not None:
        data["image"] = [request.build_absolute_uri(share_image.url)]
    if tags:
        data["keywords"] = [tag_name(tag) for tag in tags]
    text = json.dumps(data, ensure_ascii=False)
    # The same escaping as Django's json_script: nothing can close the script element.
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308
