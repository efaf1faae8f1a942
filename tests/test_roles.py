from django.contrib.auth.models import Group

from wagtail.models import Workflow

import pytest

from home.members.roles import EDITORS, MEMBERS, MODERATORS
from home.models import Person
from tests.factories import standard_page

pytestmark = pytest.mark.django_db


def test_editors_can_edit_but_not_publish(home, editor):
    page = standard_page(home)
    permissions = page.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_add_subpage()
    assert not permissions.can_publish()
    assert not permissions.can_unpublish()


def test_moderators_can_publish_and_unpublish(home, moderator):
    page = standard_page(home)
    permissions = page.permissions_for_user(moderator)
    assert permissions.can_edit()
    assert permissions.can_publish()
    assert permissions.can_unpublish()


def test_members_have_no_admin_access(member, editor):
    assert not member.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("wagtailadmin.access_admin")


def test_editors_edit_snippets_and_only_moderators_delete_them(editor, moderator):
    assert editor.has_perm("home.change_person")
    assert editor.has_perm("home.add_organisation")
    assert not editor.has_perm("home.delete_person")
    assert moderator.has_perm("home.delete_person")
    assert Person._meta.app_label == "home"


def test_editors_changes_go_through_moderators(home):
    workflow = home.get_workflow()
    assert isinstance(workflow, Workflow)
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_roles_exist_with_russian_names():
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, MODERATORS, MEMBERS} <= names


def test_editor_submits_for_moderation_and_moderator_approves(client, home, editor, moderator):
    page = standard_page(home)
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Об ассоциации (новая редакция)",
            "slug": page.slug,
            "lead": "",
            "body-count": "0",
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Об ассоциации"  # nothing is live until a moderator approves
    workflow_state = page.current_workflow_state
    assert workflow_state is not None

    client.force_login(moderator)
    task_state = workflow_state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title == "Об ассоциации (новая редакция)"
    assert page.live
