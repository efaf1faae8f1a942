"""What an article links to: its tags, authors, people mentioned, organisations, related pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from home.models import Organisation, Person


class NewsPageTag(TaggedItemBase):
    """Tags of news articles, on taggit's shared Tag so every app uses one vocabulary."""

    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPageAuthor(Orderable):
    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("An author of the article; their position and organisation are shown too."),
    )

    panels = [FieldPanel("person")]


class NewsPageMentionedPerson(Orderable):
    """A person the article speaks of (a speaker, a guest), shown with position and
    organisation and linked to the other news about them."""

    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="mentioned_people")
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="news_mentions",
        help_text=_("Someone the article speaks of: a speaker, a guest, a prize winner."),
    )

    panels = [FieldPanel("person")]


class NewsPageOrganisation(Orderable):
    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="organisations")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A library or other organisation the news is about."),
    )

    panels = [FieldPanel("organisation")]


class NewsPageRelatedPage(Orderable):
    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="related_pages")
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="news_mentions",
        help_text=_("A programme, meeting, resolution or another article on the same subject."),
    )

    panels = [FieldPanel("target")]
