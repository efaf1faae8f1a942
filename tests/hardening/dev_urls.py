"""The URL configuration as under dev settings (DEBUG adds the media route)."""

from association.urls import media_patterns, urlpatterns

urlpatterns = media_patterns() + urlpatterns
