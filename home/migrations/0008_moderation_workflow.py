from django.db import migrations

OLD_NAME = "Согласование модераторами"
WORKFLOW = "Модерация"
TASK = "Проверка модератором"


def rename_workflow(apps, schema_editor):
    """Editors see the workflow's name on the submit button; one short word reads best."""
    apps.get_model("wagtailcore.Workflow").objects.filter(name=OLD_NAME).update(name=WORKFLOW)
    apps.get_model("wagtailcore.Task").objects.filter(name=OLD_NAME).update(name=TASK)


def restore_name(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).update(name=OLD_NAME)
    apps.get_model("wagtailcore.Task").objects.filter(name=TASK).update(name=OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [("home", "0007_tag_english_names")]

    operations = [migrations.RunPython(rename_workflow, restore_name)]
