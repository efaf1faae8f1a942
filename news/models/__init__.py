from news.models.articles import (
    ARTICLE_IMAGE,
    FEATURED_IMAGE_SPECS,
    GALLERY_IMAGES,
    LISTING_IMAGE,
    SHARE_IMAGE,
    NewsPage,
    NewsPageForm,
)
from news.models.index import NewsIndexPage
from news.models.intake import IntakeItem, IntakeSource
from news.models.links import (
    NewsPageAuthor,
    NewsPageMentionedPerson,
    NewsPageOrganisation,
    NewsPageRelatedPage,
    NewsPageTag,
)
from news.reader.models import NewsPageReads, Subscriber

__all__ = [
    "ARTICLE_IMAGE",
    "FEATURED_IMAGE_SPECS",
    "GALLERY_IMAGES",
    "LISTING_IMAGE",
    "SHARE_IMAGE",
    "IntakeItem",
    "IntakeSource",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageAuthor",
    "NewsPageForm",
    "NewsPageMentionedPerson",
    "NewsPageOrganisation",
    "NewsPageReads",
    "NewsPageRelatedPage",
    "NewsPageTag",
    "Subscriber",
]
