"""The people of an article (authors and people mentioned) with their credentials, in the
article's language, in as few queries as the article allows."""

from django.db import models

from news.localize import localized


def linked_people(article):
    """Authors and people mentioned, {"authors": [...], "mentioned": [...]}, with their
    organisations, each in the editor's order.

    A stored article reads both in one query (UNION ALL of the two link tables); an
    article being previewed holds its links in memory and reads them from there.
    """
    in_memory = getattr(article, "_cluster_related_objects", {})
    relations = {"authors": article.authors, "mentioned": article.mentioned_people}
    if article.pk is None or in_memory.keys() & {"authors", "mentioned_people"}:
        return {
            role: [
                link.person
                for link in links.select_related("person__organisation").order_by("sort_order")
            ]
            for role, links in relations.items()
        }
    parts = [
        links.model.objects.filter(page=article)
        .select_related("person__organisation")
        .annotate(role=models.Value(role))
        .order_by()  # SQLite refuses an ORDER BY inside each part; the union is ordered
        for role, links in relations.items()
    ]
    people = {role: [] for role in relations}
    for link in parts[0].union(parts[1], all=True).order_by("role", "sort_order"):
        people[link.role].append(link.person)
    return people


def shown_people(article, people):
    """People with credentials and organisations in this article's language.

    Everyone is swapped for their translation at once, and every organisation (the
    people's and the article's) too: an English article pays two queries, not six.
    """
    authors, mentioned = people["authors"], people["mentioned"]
    links = article.organisations.select_related("organisation").order_by("sort_order")
    listed = [link.organisation for link in links]
    shown = localized(authors + mentioned, article.locale_id)
    organisations = localized([person.organisation for person in shown] + listed, article.locale_id)
    credentials = [
        (person, ", ".join(str(part) for part in (person.position, organisation) if part))
        for person, organisation in zip(shown, organisations, strict=False)
    ]
    return {
        "authors": credentials[: len(authors)],
        "mentioned": credentials[len(authors) :],
        "organisations": organisations[len(shown) :],
    }
