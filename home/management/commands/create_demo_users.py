from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from home.roles import EDITORS, MODERATORS

# Development accounts only: the command refuses to run unless DEBUG is on.
DEMO_USERS = [
    ("admin", "admin", None, True),
    ("editor", "editor", EDITORS, False),
    ("moderator", "moderator", MODERATORS, False),
]


class Command(BaseCommand):
    help = "Create the local demo accounts (development settings only) and print them."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for local development (DEBUG=True) only.")
        User = get_user_model()
        self.stdout.write("Demo accounts (development only):")
        for username, password, group, is_superuser in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@association.example",
                    "is_staff": is_superuser,
                    "is_superuser": is_superuser,
                },
            )
            if created:
                user.set_password(password)
                user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
            self.stdout.write(f"  {username} / {password}" + (f"  ({group})" if group else ""))
