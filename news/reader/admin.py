"""The subscriber counts on the admin dashboard."""

from django.db.models import Count

from wagtail.admin.ui.components import Component

from news.reader.models import Subscriber


class SubscribersPanel(Component):
    """Subscriber counts on the admin dashboard, by language."""

    name = "news_subscribers"
    order = 150
    template_name = "news/admin/subscribers_panel.html"

    def get_context_data(self, parent_context=None):
        confirmed = Subscriber.objects.filter(confirmed_at__isnull=False)
        return {
            "by_language": confirmed.values("language")
            .annotate(count=Count("pk"))
            .order_by("language"),
            "confirmed": confirmed.count(),
            "pending": Subscriber.objects.filter(confirmed_at__isnull=True).count(),
        }
