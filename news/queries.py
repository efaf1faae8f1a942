"""Listing queries shared by the news pages, feeds and the home page block."""

import calendar
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.http import Http404

from taggit.models import Tag

from home.models import Person, Region
from home.query import NumberField
from news.models.articles import NewsPage
from news.models.links import NewsPageAuthor, NewsPageMentionedPerson


class NewsFilterForm(forms.Form):
    tag = forms.SlugField(required=False, allow_unicode=True, max_length=100)
    region = forms.SlugField(required=False, allow_unicode=True, max_length=100)
    year = NumberField(required=False, min_value=1900, max_value=2100)
    month = NumberField(required=False, min_value=1, max_value=12)
    day = NumberField(required=False, min_value=1, max_value=31)
    person = NumberField(required=False, min_value=1, max_value=2**31 - 1)


@dataclass
class NewsFilters:
    """The listing's filters parsed from the query string; bad values answer 404."""

    tag: Tag | None = None
    region: Region | None = None
    person: Person | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_query(cls, query, locale):
        form = NewsFilterForm(query)
        if not form.is_valid():
            raise Http404("Bad filter")
        values = form.cleaned_data
        filters = cls()
        if tag_slug := values["tag"]:
            filters.tag = Tag.objects.filter(slug=tag_slug).first()
            if filters.tag is None:
                raise Http404("Unknown tag")
        if region_slug := values["region"]:
            # Region slugs are the same in every language; prefer the reader's translation.
            regions = Region.objects.filter(slug=region_slug)
            filters.region = regions.filter(locale=locale).first() or regions.first()
            if filters.region is None:
                raise Http404("Unknown region")
        if person_id := values["person"]:
            # Pages refer to the Russian person; show the name in the reader's language.
            person = Person.objects.filter(pk=person_id).first()
            if person is None:
                raise Http404("Unknown person")
            filters.person = (
                Person.objects.filter(translation_key=person.translation_key, locale=locale)
                .select_related("organisation")
                .first()
                or person
            )
        filters.year = values["year"]
        if values["month"]:
            if filters.year is None:
                raise Http404("A month needs a year")
            filters.month = values["month"]
        if values["day"]:
            if filters.month is None:
                raise Http404("A day needs a month")
            if values["day"] > calendar.monthrange(filters.year, filters.month)[1]:
                raise Http404("Out of range")
            filters.day = values["day"]
        return filters

    def apply(self, articles):
        if self.tag:
            articles = articles.filter(tags=self.tag)
        if self.region:
            articles = articles.filter(
                pk__in=NewsPage.regions.through.objects.filter(
                    region__slug=self.region.slug
                ).values("newspage_id")
            )
        if self.person:
            # Every language version of the person: articles may name either.
            same = {"person__translation_key": self.person.translation_key}
            articles = articles.filter(
                Q(pk__in=NewsPageMentionedPerson.objects.filter(**same).values("page_id"))
                | Q(pk__in=NewsPageAuthor.objects.filter(**same).values("page_id"))
            )
        if self.year:
            articles = articles.filter(date__year=self.year)
        if self.month:
            articles = articles.filter(date__month=self.month)
        if self.day:
            articles = articles.filter(date__day=self.day)
        return articles

    @property
    def active(self):
        return any((self.tag, self.region, self.person, self.year))

    def query_string(self):
        """The filters as a query string prefix for pagination links."""
        parts = []
        if self.tag:
            parts.append(("tag", self.tag.slug))
        if self.region:
            parts.append(("region", self.region.slug))
        if self.person:
            parts.append(("person", self.person.pk))
        if self.year:
            parts.append(("year", self.year))
        if self.month:
            parts.append(("month", self.month))
        if self.day:
            parts.append(("day", self.day))
        return urlencode(parts) + "&" if parts else ""
