from django.db import migrations


def merge_tags_differing_in_case(apps, schema_editor):
    """«Школа руководителей» and «школа руководителей» become one tag, the oldest one.

    Compared in Python: SQLite's case-insensitive matching knows only Latin letters.
    """
    Tag = apps.get_model("taggit.Tag")
    TagEnglishName = apps.get_model("home.TagEnglishName")
    through_models = [model for model in apps.get_models() if _object_field(model, Tag)]
    kept = {}
    for tag in Tag.objects.order_by("pk"):
        original = kept.setdefault(tag.name.casefold(), tag)
        if original is tag:
            continue
        for model in through_models:
            _move_tagged_items(model, tag, original)
        if not TagEnglishName.objects.filter(tag=original).exists():
            TagEnglishName.objects.filter(tag=tag).update(tag=original)
        tag.delete()


def _move_tagged_items(model, duplicate, tag):
    """Each item tagged with the duplicate gets the kept tag, unless it has it already."""
    target = _object_field(model, duplicate.__class__)
    already = set(model.objects.filter(tag=tag).values_list(target, flat=True))
    for item in model.objects.filter(tag=duplicate):
        if getattr(item, target) in already:
            item.delete()
        else:
            item.tag = tag
            item.save(update_fields=["tag"])


def _object_field(model, Tag):
    """The tagged object's column of a through model of tags (taggit's or a page type's)."""
    fields = {field.attname: field for field in model._meta.concrete_fields}
    tag = fields.get("tag_id")
    if tag is None or tag.related_model is not Tag:
        return None
    return next((name for name in ("content_object_id", "object_id") if name in fields), None)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_russian_dictionary"),
        ("home", "0007_tag_english_names"),
        ("news", "0003_reads"),
        ("programs", "0004_agenda_days"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(merge_tags_differing_in_case, migrations.RunPython.noop)]
