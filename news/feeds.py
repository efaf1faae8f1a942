"""RSS 2.0 and Atom feeds of a news section, all articles or one tag; routed by NewsIndexPage."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.i18n.tags import tag_name
from home.models import AssociationSettings
from news.localize import localized

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, tag=None):
        super().__init__()
        self.index = index
        self.tag = tag
        self.people = {}

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.tag:
            section, tag = self.index.title, tag_name(self.tag)
            return _("%(section)s: %(tag)s") % {"section": section, "tag": tag}
        return self.index.title

    def link(self):
        url = self.index.get_full_url(self.request)
        return f"{url}?tag={self.tag.slug}" if self.tag else url

    def description(self):
        return self.index.lead or self.index.title

    def items(self):
        articles = self.index.articles()
        if self.tag:
            articles = articles.filter(tags=self.tag)
        articles = list(articles.prefetch_related("authors__person", "tags")[:FEED_LENGTH])
        # Authors are synchronised references to Russian people: named in the feed's language.
        people = [author.person for article in articles for author in article.authors.all()]
        shown = localized(people, self.index.locale_id)
        self.people = {person.pk: version for person, version in zip(people, shown, strict=True)}
        return articles

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at or item.date

    def item_author_name(self, item):
        authors = item.authors.all()
        names = [self.people.get(author.person_id, author.person).name for author in authors]
        if item.byline:
            names.append(item.byline)
        return ", ".join(names) or None

    def item_categories(self, item):
        return [tag_name(tag) for tag in item.tags.all()]

    def author_name(self):
        return AssociationSettings.for_request(self.request).full_name


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
