from django.core.management.base import BaseCommand

from programs.registrations.services import delete_expired


class Command(BaseCommand):
    help = (
        "Delete the registrations (and with them the personal data) of events that ended "
        "longer ago than each event's retention period."
    )

    def handle(self, *args, **options):
        deleted = delete_expired()
        self.stdout.write(f"Registrations deleted: {deleted}")
