import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from news.models import Subscriber
from news.reader.digest import delete_unconfirmed, digest_articles, send_digest


class Command(BaseCommand):
    help = (
        "Send each confirmed subscriber the news published since their last digest, once per "
        "--days days, in the language they subscribed in; delete unconfirmed addresses."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="days between digests")

    def handle(self, *args, days, **options):
        now = timezone.now()
        deleted = delete_unconfirmed(now)
        interval = datetime.timedelta(days=days)
        sent = 0
        for subscriber in Subscriber.objects.filter(confirmed_at__isnull=False).order_by("pk"):
            if subscriber.last_digest_at and subscriber.last_digest_at > now - interval:
                continue
            articles = digest_articles(
                subscriber.language, subscriber.last_digest_at or now - interval
            )
            if articles:
                send_digest(subscriber, articles, now)
                sent += 1
        self.stdout.write(f"Digests sent: {sent}; unconfirmed addresses deleted: {deleted}")
