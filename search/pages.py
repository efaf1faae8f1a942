"""Named queries over pages of every type: what readers may see, their dates, their tags.

Page types are discovered from the models, so that news, programmes and resolutions join
search and tag pages without this app importing them.
"""

import datetime
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf, TruncDate
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, get_page_models

from taggit.models import Tag, TaggedItemBase

# Field names that hold the date a reader sees on a page (an article's publication date,
# a meeting's first day), tried in this order; pages without one show their first publication.
DATE_FIELDS = ("date", "start_date")
# Field names of the short summary shown when there is no highlighted excerpt.
LEAD_FIELDS = ("lead", "theme", "summary")


def active_language():
    return get_supported_content_language_variant(get_language())


def visible_pages(language_code=None):
    """Live, public pages of one language (the active one by default), home pages included.

    Private sections are excluded by path, as Wagtail's `.public()` does: one small query
    for the restrictions, then plain conditions the planner handles well at any size.
    """
    private = Q(pk__in=[])
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        private |= Q(path__startswith=path)
    pages = (
        Page.objects.live()
        .filter(depth__gt=1, locale__language_code=language_code or active_language())
        .exclude(private)
    )
    now = timezone.now()
    for model, field in _future_publication_fields():
        scheduled = model._base_manager.filter(pk=OuterRef("pk"), **{f"{field.name}__gt": now})
        pages = pages.exclude(Exists(scheduled))
    return pages


def searchable_page_types():
    """Concrete page models readers can meet in results, by verbose name."""
    return sorted(
        (model for model in get_page_models() if model is not Page),
        key=lambda model: str(model._meta.verbose_name),
    )


def page_type_key(model):
    return model._meta.label_lower


@cache
def _fields(names, field_classes):
    """(model, field): per page type, its first field among `names`.

    Values are read with one scalar subquery per model rather than joins to every page
    type's table, which PostgreSQL's planner misjudges badly.
    """
    found = {}
    for model in searchable_page_types():
        for name in names:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, field_classes) and field.model is not Page:
                # A field inherited from a concrete parent is read from that parent once.
                found.setdefault((field.model, name), (field.model, field))
                break
    return list(found.values())


def _value_of(model, field):
    return Subquery(model._base_manager.filter(pk=OuterRef("pk")).values(field.name)[:1])


def _date_fields():
    return _fields(DATE_FIELDS, (models.DateField,))


def _future_publication_fields():
    """Publication dates (date-time fields named `date`) that hide a page until they pass."""
    return [
        (model, field)
        for model, field in _date_fields()
        if isinstance(field, models.DateTimeField) and field.name == "date"
    ]


def display_date():
    """The date shown for a page: its own date field where it has one."""
    expressions = []
    for model, field in _date_fields():
        value = _value_of(model, field)
        if isinstance(field, models.DateTimeField):
            value = TruncDate(value)
        expressions.append(value)
    expressions.append(TruncDate("first_published_at"))
    if len(expressions) == 1:
        return expressions[0]
    return Coalesce(*expressions, output_field=models.DateField())


def dated_in(year):
    """A condition on Page: its shown date (see display_date) falls in `year`.

    Semi-joins per page type rather than filtering on display_date, which would compute
    the date of every visible page.
    """
    own = Q(pk__in=[])
    dated = Q(pk__in=[])
    for model, field in _date_fields():
        pages = model._base_manager.all()
        own |= Q(pk__in=pages.filter(**{f"{field.name}__year": year}).values("pk"))
        dated |= Q(pk__in=pages.filter(**{f"{field.name}__isnull": False}).values("pk"))
    return own | (Q(first_published_at__year=year) & ~dated)


def shown_years(language_code=None):
    """Years that visible pages are dated in, newest first (a query per dated page type)."""
    language = language_code or active_language()
    years = set()
    for model, field in _date_fields():
        years.update(
            model._base_manager.filter(live=True, locale__language_code=language)
            .annotate(year=ExtractYear(field.name))
            .values_list("year", flat=True)
            .distinct()
        )
    years.update(
        visible_pages(language)
        .filter(first_published_at__isnull=False)
        .annotate(year=ExtractYear("first_published_at"))
        .values_list("year", flat=True)
        .distinct()
    )
    years.discard(None)
    return sorted(years, reverse=True)


def is_month_only():
    """Is the page's date a month without a day (an event planned for a month)?"""
    conditions = [
        Q(pk__in=model._base_manager.filter(**{field.name: "month"}).values("pk"))
        for model, field in _fields(("date_precision",), (models.CharField,))
    ]
    if not conditions:
        return Value(False)
    condition = conditions[0]
    for other in conditions[1:]:
        condition |= other
    return ExpressionWrapper(condition, output_field=models.BooleanField())


def lead_text():
    """A page's summary: its lead, theme (meetings) or summary (resolutions), else its
    search description."""
    expressions = [
        NullIf(_value_of(model, field), Value(""))
        for model, field in _fields(LEAD_FIELDS, (models.CharField, models.TextField))
    ]
    expressions.append(F("search_description"))
    if len(expressions) == 1:
        return expressions[0]
    return Coalesce(*expressions, output_field=models.TextField())


def as_datetime(date):
    """Midnight of `date` in the site's time zone (feeds want date-times)."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


@cache
def tag_through_models():
    """Every per-model tag table (a TaggedItemBase subclass) whose items are pages."""
    from django.apps import apps

    through = []
    for model in apps.get_models():
        if not issubclass(model, TaggedItemBase):
            continue
        try:
            field = model._meta.get_field("content_object")
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignKey) and issubclass(field.related_model, Page):
            through.append(model)
    return tuple(through)


def tagged_with(tag):
    """A condition on Page: tagged with `tag` in any page type."""
    condition = Q(pk__in=[])
    for through in tag_through_models():
        condition |= Q(pk__in=through.objects.filter(tag=tag).values("content_object_id"))
    return condition


def tag_listing(tag, language_code=None):
    """Visible pages tagged with `tag`, newest first, with what a listing shows."""
    return (
        visible_pages(language_code)
        .filter(tagged_with(tag))
        .annotate(shown_date=display_date(), lead=lead_text())
        .select_related("content_type")
        .order_by(F("shown_date").desc(nulls_last=True), "-pk")
    )


def popular_tags(limit=10, language_code=None):
    """The most used tags on visible pages of one language, counted across page types."""
    through_models = tag_through_models()
    if not through_models:
        return Tag.objects.none()
    visible = visible_pages(language_code).values("pk")
    counts = [
        Coalesce(
            Subquery(
                through.objects.filter(tag=OuterRef("pk"), content_object__in=visible)
                .order_by()
                .values("tag")
                .annotate(uses=Count("pk"))
                .values("uses")
            ),
            0,
        )
        for through in through_models
    ]
    total = counts[0]
    for count in counts[1:]:
        total = total + count
    return Tag.objects.annotate(uses=total).filter(uses__gt=0).order_by("-uses", "name")[:limit]
