"""Tags in the reader's language.

Every app tags its pages with taggit's one shared `Tag`, and a page's translations share its
tags (they are synchronised), so a tag is the same topic in both trees: one slug, one tag
page, one feed. Only its name differs: a tag may have an English name, shown on English
pages; tags without one keep their Russian name there.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

NAMES_CACHE_KEY = "tags:english-names"
# Emptied on every change; the timeout only bounds staleness in a per-process cache.
NAMES_CACHE_SECONDS = 300


class TagEnglishName(models.Model):
    """The English name of a tag, edited on the tag's own form in the admin."""

    tag = models.OneToOneField(
        Tag,
        verbose_name=_("tag"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="english_name",
    )
    name = models.CharField(_("name in English"), max_length=100)

    class Meta:
        verbose_name = _("English name of a tag")
        verbose_name_plural = _("English names of tags")

    def __str__(self):
        return self.name


class TaggedPageMixin:
    """For page types with `tags`: the search index holds them in the page's language.

    An English page is found by the English names of its tags and its excerpts show them;
    a tag without an English name is indexed under its Russian one.
    """

    def tag_text(self):
        language = self.locale.language_code
        return " ".join(tag_name(tag, language) for tag in self.tags.all())


def english_names():
    """English names by tag id: one query per change of the vocabulary, then the cache."""
    names = cache.get(NAMES_CACHE_KEY)
    if names is None:
        names = dict(TagEnglishName.objects.values_list("tag_id", "name"))
        cache.set(NAMES_CACHE_KEY, names, NAMES_CACHE_SECONDS)
    return names


def tag_name(tag, language=None):
    """`tag`'s name in `language` (the active one by default)."""
    if (language or get_language()) == settings.LANGUAGE_CODE:
        return tag.name
    return english_names().get(tag.pk) or tag.name


@receiver(post_save, sender=Tag, dispatch_uid="tags_forget_names_tag_saved")
@receiver(post_delete, sender=Tag, dispatch_uid="tags_forget_names_tag_deleted")
@receiver(post_save, sender=TagEnglishName, dispatch_uid="tags_forget_names_saved")
@receiver(post_delete, sender=TagEnglishName, dispatch_uid="tags_forget_names_deleted")
def forget_english_names(**kwargs):
    # A new tag may reuse the id of a deleted one (SQLite does), so tag saves count too.
    cache.delete(NAMES_CACHE_KEY)
