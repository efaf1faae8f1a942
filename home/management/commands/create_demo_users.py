from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from home.members.roles import EDITORS, MEMBERS, MODERATORS
from home.models import MemberProfile, Organisation

# Development accounts only: the command refuses to run unless DEBUG is on.
DEMO_USERS = [
    ("admin", "admin", None, True),
    ("editor", "editor", EDITORS, False),
    ("moderator", "moderator", MODERATORS, False),
    ("member", "member", MEMBERS, False),
]
# The demo member works for this member library (created by load_demo_content).
MEMBER_ORGANISATION = "ЦБС г. Вышний Волочёк"


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
            note = f"  ({group})" if group else ""
            if group == MEMBERS:
                organisation = (
                    Organisation.objects.filter(short_name=MEMBER_ORGANISATION).first()
                    or Organisation.objects.filter(is_member=True).first()
                )
                MemberProfile.objects.get_or_create(
                    user=user, defaults={"organisation": organisation}
                )
                note = f"  ({group}, {organisation or '—'})"
            self.stdout.write(f"  {username} / {password}{note}")
