"""Editorial roles of the association: who may edit, who may publish, who may download."""

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from home.members.models import MemberProfile

EDITORS = "Редакторы"
MODERATORS = "Модераторы"
MEMBERS = "Члены ассоциации"
# Snippets for administrators (superusers) alone: the letters, the task queue, the backups.
ADMINISTRATORS_ONLY = {"home.letter", "django_tasks_database.dbtaskresult", "home.backuprun"}


def grant_snippet_permissions(sender=None, **kwargs):
    """Give editors and moderators the model permissions of every registered snippet.

    Snippet models arrive in later migrations of several apps, and their permissions only
    exist after post_migrate, so a data migration cannot grant them once and for all.
    """
    if not global_apps.is_installed("wagtail.snippets"):
        return
    from wagtail.snippets.models import get_snippet_models

    editors = Group.objects.filter(name=EDITORS).first()
    moderators = Group.objects.filter(name=MODERATORS).first()
    if not editors or not moderators:
        return
    for model in get_snippet_models():
        if model._meta.label_lower in ADMINISTRATORS_ONLY:
            continue
        content_type = ContentType.objects.get_for_model(model)
        permissions = Permission.objects.filter(content_type=content_type)
        editors.permissions.add(*permissions.exclude(codename__startswith="delete_"))
        moderators.permissions.add(*permissions)


def group_names(user):
    """The names of the user's groups, looked up once per request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_association_groups"):
        user._association_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._association_groups


def is_editorial(user):
    """Editors, moderators and superusers: they may read every file, drafts included."""
    if user.is_authenticated and user.is_active and user.is_superuser:
        return True
    return bool(group_names(user) & {EDITORS, MODERATORS})


def is_member(user):
    """Staff of a member library with an active account.

    The group grants access; a library that leaves the association (its "member of the
    association" box cleared) takes its staff's access with it at once, without anyone
    editing their accounts. Members linked to no library keep the group's access.
    """
    if MEMBERS not in group_names(user):
        return False
    if not hasattr(user, "_library_left"):
        user._library_left = MemberProfile.objects.filter(
            user=user, organisation__is_member=False
        ).exists()
    return not user._library_left
