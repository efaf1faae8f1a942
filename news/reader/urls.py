from django.urls import path

from home import converters  # noqa: F401 (registers <token:…>)
from news.reader import subscriptions

urlpatterns = [
    path("", subscriptions.subscribe, name="news_subscription"),
    path("sent/", subscriptions.subscription_sent, name="news_subscription_sent"),
    path("confirm/<token:token>/", subscriptions.confirm, name="news_subscription_confirm"),
    path(
        "unsubscribe/<token:token>/",
        subscriptions.unsubscribe,
        name="news_subscription_unsubscribe",
    ),
]
