from django.urls import path

from news import subscriptions

urlpatterns = [
    path("", subscriptions.subscribe, name="news_subscription"),
    path("sent/", subscriptions.subscription_sent, name="news_subscription_sent"),
    path("confirm/<str:token>/", subscriptions.confirm, name="news_subscription_confirm"),
    path(
        "unsubscribe/<str:token>/", subscriptions.unsubscribe, name="news_subscription_unsubscribe"
    ),
]
