from django.utils.text import slugify

from wagtail.search.backends import get_search_backends

from taggit.models import Tag

from home.i18n.tags import TagEnglishName, forget_english_names
from home.text import transliterate
from search.pages import tag_through_models


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


def reindex_pages(through, page_ids):
    """Index tagged pages again, with the tags now in the database.

    Wagtail indexes a page when its row is saved, but modelcluster writes the page's tags
    only afterwards, so that entry still holds the tags the page had before.
    """
    model = through._meta.get_field("content_object").related_model
    pages = list(model.get_indexed_objects().filter(pk__in=page_ids))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, pages)


def page_tags_changed(sender, instance, created=None, raw=False, **kwargs):
    # Every publication saves the kept tags again (created=False): nothing to do for those.
    if raw or created is False:
        return
    reindex_pages(sender, [instance.content_object_id])


def reindex_tagged(tag_id):
    """Index again every page, of every tagged type, that has the tag."""
    for through in tag_through_models():
        page_ids = through.objects.filter(tag_id=tag_id).values_list("content_object_id", flat=True)
        reindex_pages(through, list(page_ids))


def tag_renamed(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return
    reindex_tagged(instance.pk)


def tag_english_name_changed(sender, instance, raw=False, **kwargs):
    """English pages are indexed under their tags' English names: index them again."""
    if raw:
        return
    forget_english_names()  # before indexing, whichever receiver Django calls first
    reindex_tagged(instance.tag_id)


def connect():
    from django.db.models.signals import post_delete, post_save, pre_save

    pre_save.connect(latin_tag_slug, sender=Tag, dispatch_uid="search_latin_tag_slug")
    post_save.connect(tag_renamed, sender=Tag, dispatch_uid="search_reindex_renamed_tag")
    for signal in (post_save, post_delete):
        signal.connect(
            tag_english_name_changed,
            sender=TagEnglishName,
            dispatch_uid=f"search_reindex_english_tag_{signal is post_save}",
        )
    for through in tag_through_models():
        uid = f"search_reindex_tags_{through._meta.label_lower}"
        post_save.connect(page_tags_changed, sender=through, dispatch_uid=uid)
        post_delete.connect(page_tags_changed, sender=through, dispatch_uid=uid)
