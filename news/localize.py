"""People, organisations and regions in the reader's language, a whole list in one query."""


def localized(objects, locale_id):
    """Translatable snippets in the given locale where a translation exists, in one query.

    Pages keep synchronised references to people, organisations and regions; readers see
    them in their own language.
    """
    foreign = [obj for obj in objects if obj is not None and obj.locale_id != locale_id]
    if not foreign:
        return list(objects)
    translations = {
        obj.translation_key: obj
        for obj in type(foreign[0]).objects.filter(
            translation_key__in={obj.translation_key for obj in foreign}, locale_id=locale_id
        )
    }
    return [
        translations.get(obj.translation_key, obj) if obj is not None else None for obj in objects
    ]


def localize_regions(articles, locale_id):
    """Give each article `shown_regions`: its regions in the reader's language.

    The articles' regions must be prefetched; translations come in one query.
    """
    articles = list(articles)
    regions = [region for article in articles for region in article.regions.all()]
    shown = dict(zip((r.pk for r in regions), localized(regions, locale_id), strict=True))
    for article in articles:
        article.shown_regions = [shown[region.pk] for region in article.regions.all()]
    return articles
