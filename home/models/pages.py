"""The pages of the site's own tree: the home page of each language and ordinary pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.blocks import BodyBlock, LinkBlock
from home.pages import OneQueryChildRouteMixin, RememberedRouteMixin, SitePageMixin


class HomePage(SitePageMixin, RememberedRouteMixin, OneQueryChildRouteMixin, Page):
    """The front page of one language tree."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    hero_title = models.CharField(
        _("hero heading"),
        max_length=200,
        blank=True,
        help_text=_("Large heading at the top of the home page; the page title if empty."),
    )
    hero_text = models.TextField(
        _("hero text"),
        blank=True,
        help_text=_("One or two sentences about the association under the heading."),
    )
    featured_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("featured links"),
        help_text=_("Up to six links shown as cards under the heading."),
        max_num=6,
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Hero")),
        FieldPanel("featured_links"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    override_translatable_fields = [
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        TranslatableField("featured_links"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(SitePageMixin, OneQueryChildRouteMixin, Page):
    """An ordinary content page: about the association, membership, contacts and the like."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=500,
        help_text=_("A short summary shown under the title and in search results."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    override_translatable_fields = [TranslatableField("lead"), TranslatableField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
