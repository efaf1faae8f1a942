from django.core.management.base import BaseCommand

from news.reader.digest import send_digests


class Command(BaseCommand):
    help = (
        "Send each confirmed subscriber the news published since their last digest, once per "
        "--days days, in the language they subscribed in; delete unconfirmed addresses. "
        "The scheduler enqueues news.tasks.send_news_digest instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="days between digests")

    def handle(self, *args, days, **options):
        sent, deleted = send_digests(days)
        self.stdout.write(f"Digests sent: {sent}; unconfirmed addresses deleted: {deleted}")
