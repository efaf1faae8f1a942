"""Tags in the admin: one form for a tag's Russian and English names."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from taggit.models import Tag

from home.i18n.tags import TagEnglishName


class TagForm(WagtailAdminModelForm):
    name_en = forms.CharField(
        label=_("name in English"),
        max_length=100,
        required=False,
        help_text=_("Shown on the English pages; the Russian name is shown there if empty."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            english = TagEnglishName.objects.filter(tag=self.instance).first()
            self.initial.setdefault("name_en", english.name if english else "")

    def clean_name(self):
        """Tag names are unique whatever their case («Школа» is «школа»); compared in Python,
        as SQLite matches the case of Latin letters only."""
        name = self.cleaned_data["name"].strip()
        others = Tag.objects.exclude(pk=self.instance.pk).values_list("name", flat=True)
        if any(other.casefold() == name.casefold() for other in others):
            raise forms.ValidationError(_("There is already a tag «%(name)s».") % {"name": name})
        return name

    def save(self, commit=True):
        tag = super().save(commit=commit)
        if commit:
            name = self.cleaned_data["name_en"].strip()
            if name:
                TagEnglishName.objects.update_or_create(tag=tag, defaults={"name": name})
            else:
                TagEnglishName.objects.filter(tag=tag).delete()
        return tag


class TagViewSet(SnippetViewSet):
    """Tags in the admin: renaming a tag, giving it an English name."""

    model = Tag
    icon = "tag"
    edit_handler = ObjectList([FieldPanel("name"), FieldPanel("name_en")], base_form_class=TagForm)
    list_display = [
        "name",
        Column("name_en", label=_("name in English"), accessor="english_name.name"),
        "slug",
    ]
    search_fields = ["name"]
    search_backend_name = None  # Tag is not in Wagtail's search index

    def get_queryset(self, request):
        return Tag.objects.select_related("english_name")
