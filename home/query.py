"""Form fields for filters read from query strings."""

from django import forms
from django.core.exceptions import ValidationError


class NumberField(forms.IntegerField):
    """A whole number written in ASCII digits only.

    int() reads Arabic-Indic or fullwidth digits and str.isdigit() accepts superscripts,
    which int() then refuses: an address with either is not one the site ever links to.
    """

    def to_python(self, value):
        if value not in self.empty_values:
            value = str(value).strip()
            if not (value.isascii() and value.isdigit()) or len(value) > 12:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)
