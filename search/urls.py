from django.urls import path

from search import views
from search.feeds import TagFeed

urlpatterns = [
    path("search/", views.search, name="search"),
    path("tags/<str:slug>/", views.tag, name="tag"),
    path("tags/<str:slug>/rss/", TagFeed(), name="tag_feed"),
]
