from django.urls import path

from home import converters  # noqa: F401 (registers <tag:…>)
from search import views
from search.feeds import TagFeed

urlpatterns = [
    path("search/", views.search, name="search"),
    path("tags/<tag:slug>/", views.tag, name="tag"),
    path("tags/<tag:slug>/rss/", TagFeed(), name="tag_feed"),
]
