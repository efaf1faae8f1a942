"""The filters of the programmes listing; invalid values are ignored, never an error."""

from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from programs.choices import Format, ProgramKind


class ProgramFilterForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    tag = forms.SlugField(
        required=False, max_length=100, allow_unicode=True, widget=forms.HiddenInput
    )

    def __init__(self, data=None, years=()):
        super().__init__(data)
        any_choice = [("", _("Any"))]
        self.fields["format"].choices = any_choice + list(Format.choices)
        self.fields["kind"].choices = any_choice + list(ProgramKind.choices)
        self.fields["year"].choices = any_choice + [(year, year) for year in years]

    def valid_filters(self):
        """The fields that validated, each with a non-empty value; the rest are ignored."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in ("", None)
        }

    def filter(self, programmes):
        filters = self.valid_filters()
        if "format" in filters:
            programmes = programmes.filter(format=filters["format"])
        if "kind" in filters:
            programmes = programmes.filter(kind=filters["kind"])
        if "year" in filters:
            programmes = programmes.filter(start_date__year=filters["year"])
        if "tag" in filters:
            programmes = programmes.filter(tags__slug=filters["tag"])
        return programmes

    def query_string(self):
        """The active filters, to keep them in pagination links."""
        return urlencode(self.valid_filters())
