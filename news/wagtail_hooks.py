from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet

import django_filters
from taggit.models import Tag

from home.editing import QuickAdd
from news.intake.admin import (
    AcceptBulkAction,
    IntakeViewSetGroup,
    ReadNowBulkAction,
    RejectBulkAction,
)
from news.models import NewsPage
from news.reader.admin import SubscribersPanel


class NewsPageFilterSet(PageFilterSet):
    date = django_filters.DateFromToRangeFilter(
        label=_("Publication date"), widget=DateRangePickerWidget
    )
    tags = django_filters.ModelMultipleChoiceFilter(
        label=_("Tags"),
        field_name="tags",
        queryset=lambda request: Tag.objects.filter(
            news_newspagetag_items__isnull=False
        ).distinct(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )

    class Meta:
        model = NewsPage
        fields = []


class NewsPageListingViewSet(PageListingViewSet):
    """Every news article in one flat list, filterable by publication date and tag."""

    model = NewsPage
    icon = "doc-full"
    menu_label = _("News")
    menu_order = 150
    add_to_admin_menu = True
    filterset_class = NewsPageFilterSet
    columns = [
        *PageListingViewSet.columns,
        DateColumn("date", label=_("Publication date"), sort_key="date"),
    ]


news_listing_viewset = NewsPageListingViewSet("news_articles")


@hooks.register("register_admin_viewset")
def register_news_listing():
    return news_listing_viewset


@hooks.register("construct_homepage_panels")
def add_subscribers_panel(request, panels):
    panels.append(SubscribersPanel())


@hooks.register("register_quick_add")
def quick_add_news():
    return [
        QuickAdd(
            "news",
            _("Add news"),
            NewsPage,
            order=100,
            list_url_name=news_listing_viewset.get_url_name("index"),
        )
    ]


register_snippet(IntakeViewSetGroup)
hooks.register("register_bulk_action", AcceptBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)
hooks.register("register_bulk_action", ReadNowBulkAction)
