"""English versions made with wagtail-localize's own machinery, as a translator makes them.

`translate` is what a translator does in the admin: the Russian object becomes a translation
source, each of its strings gets an English translation, and the English copy is saved from
them and published.
"""

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def english():
    return Locale.objects.get(language_code="en")


def translate(instance, strings, publish=True):
    """The English translation of `instance`, made from `strings` (Russian text: English).

    Idempotent: an existing translation is returned as it is. Strings missing from `strings`
    keep the Russian text, as wagtail-localize does when a translator has not finished.
    """
    locale = english()
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        return existing
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual"},
            )
    Translation.objects.get_or_create(source=source, target_locale=locale)
    drafts = isinstance(instance, DraftStateMixin)
    translation, _ = source.create_or_update_translation(locale, publish=not drafts, fallback=True)
    if publish and isinstance(translation, Page):
        translation.get_latest_revision().publish()
        translation.refresh_from_db()
    return translation
