from django.db import migrations

RENAMES = {"Editors": "Редакторы", "Moderators": "Модераторы"}
MEMBERS = "Члены ассоциации"
WORKFLOW = "Согласование модераторами"


def set_up_roles(apps, schema_editor):
    """Turn Wagtail's default groups and workflow into the association's roles.

    Wagtail's own migrations have already given "Editors" add/edit rights on the page
    tree, images and documents, and "Moderators" publish rights plus the default approval
    workflow on the root page; renaming keeps all of that attached.
    """
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")

    for old, new in RENAMES.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
        Group.objects.get_or_create(name=new)
    Group.objects.get_or_create(name=MEMBERS)
    Workflow.objects.filter(name="Moderators approval").update(name=WORKFLOW)
    Task.objects.filter(name="Moderators approval").update(name=WORKFLOW)


def reverse(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for old, new in RENAMES.items():
        Group.objects.filter(name=new).update(name=old)
    Group.objects.filter(name=MEMBERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(set_up_roles, reverse)]
