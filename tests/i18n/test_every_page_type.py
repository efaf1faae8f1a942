"""Every page type of the site goes through wagtail-localize with its real content."""

from collections import Counter

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

PREFIX = "[en] "


def test_a_demo_page_of_every_type_translates_into_english_and_renders(client, home, english):
    english_demo = Page.objects.live().public().filter(locale=english)
    counts = Counter(page.specific_class.__name__ for page in english_demo)
    assert counts["HomePage"] == 1 and counts["NewsPage"] >= 4, counts
    for name in ("StandardPage", "TrainingProgramPage", "ClubPage", "ClubMeetingPage"):
        assert counts[name] >= 1, name
    assert counts["ResolutionPage"] >= 1
    tree = Page.objects.descendant_of(home, inclusive=True).live().public().order_by("path")
    first_of_type = {}
    for page in tree:
        first_of_type.setdefault(page.content_type_id, page)
    paths = {page.path[:depth] for page in first_of_type.values() for depth in range(8, 64, 4)}
    translated_types = set()
    for page in tree.filter(path__in=paths).specific():
        source, _ = TranslationSource.update_or_create_from_instance(page)
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                defaults={"data": PREFIX + segment.string.data, "translation_type": "manual"},
            )
        copy, _ = source.create_or_update_translation(english, publish=False)
        copy.get_latest_revision().publish()
        copy.refresh_from_db()
        assert copy.title == PREFIX + page.title
        untranslated = [
            segment.path
            for segment in extract_segments(copy)
            if isinstance(segment, StringSegmentValue)
            and segment.path != "slug"
            and not segment.render_text().startswith(PREFIX)
        ]
        assert not untranslated, (type(copy).__name__, untranslated)
        for field in ("date", "start_date", "end_date", "status"):
            assert getattr(copy, field, None) == getattr(page, field, None), field
        response = client.get(copy.url)
        assert response.status_code == 200, copy.url
        assert '<html lang="en">' in response.content.decode()
        translated_types.add(type(page))
    names = {model.__name__ for model in translated_types}
    assert {"HomePage", "StandardPage"} <= names
    expected = {"NewsIndexPage", "NewsPage", "ProgramIndexPage", "TrainingProgramPage"}
    expected |= {"ClubPage", "ClubMeetingPage", "ResolutionIndexPage", "ResolutionPage"}
    assert expected <= names, expected - names
