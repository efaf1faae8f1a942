from django import forms
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from search.pages import page_type_key, searchable_page_types
from search.searching import Filters


class SearchForm(forms.Form):
    """The search box and its filters, read from the query string."""

    q = forms.CharField(required=False, strip=True)
    type = forms.ChoiceField(
        required=False,
        error_messages={"invalid_choice": _("There is no such kind of material.")},
    )
    year = forms.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={
            "invalid": _("The year must be a number, for example 2025."),
            "min_value": _("The year must be between 1900 and 2100."),
            "max_value": _("The year must be between 1900 and 2100."),
        },
    )
    tag = forms.CharField(required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_types = {page_type_key(model): model for model in searchable_page_types()}
        self.fields["type"].choices = [("", _("All kinds"))] + [
            (key, model._meta.verbose_name) for key, model in self.page_types.items()
        ]

    def clean_tag(self):
        slug = self.cleaned_data["tag"]
        if not slug:
            return None
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise forms.ValidationError(_("There is no tag “%(tag)s”."), params={"tag": slug})
        return tag

    def filters(self):
        data = self.cleaned_data
        return Filters(
            page_type=self.page_types.get(data.get("type") or ""),
            year=data.get("year"),
            tag=data.get("tag"),
        )
