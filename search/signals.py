from django.utils.text import slugify

from taggit.models import Tag

from search.text import transliterate


def latin_tag_slug(sender, instance, **kwargs):
    """Give new tags Latin slugs: /ru/tags/shkola-rukovoditelei/ reads well in any link.

    taggit has already slugified the name (keeping Cyrillic); the slug is transliterated,
    and numbered when another tag's name transliterates the same way.
    """
    if not instance._state.adding or not instance.slug or instance.slug.isascii():
        return
    base = slugify(transliterate(instance.slug)) or "tag"
    slug, number = base, 1
    while Tag.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    instance.slug = slug


def connect():
    from django.db.models.signals import pre_save

    from wagtail.signals import page_published

    from search.searching import refresh_vocabulary_soon

    pre_save.connect(latin_tag_slug, sender=Tag, dispatch_uid="search_latin_tag_slug")
    page_published.connect(refresh_vocabulary_soon, dispatch_uid="search_refresh_vocabulary")
