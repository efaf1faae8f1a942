"""Forms of the mistake report and the question; every message is in the reader's language."""

import time

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.feedback.models import COMMENT_MAX_LENGTH, FRAGMENT_MAX_LENGTH, Question

TIMESTAMP_SALT = "home.feedback.form-timestamp"
# A person needs a few seconds to fill in the question form; a bot posts at once. A form
# older than a day is refused too, so a scraped timestamp cannot be replayed for ever.
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 60 * 60


def single_line(value):
    """E-mail header injection guard for values that reach a subject or a header."""
    if "\n" in value or "\r" in value:
        raise ValidationError(_("Line breaks are not allowed here."), code="newline")


def safe_path(value):
    """Only an address on this site (a path) is stored as the page of a report."""
    if value and (not value.startswith("/") or value.startswith("//") or "\\" in value):
        raise ValidationError(_("Enter an address on this site."), code="url")


def form_timestamp():
    return signing.dumps(time.time(), salt=TIMESTAMP_SALT)


class SpamTrapMixin:
    """The checks of a public form's spam traps: the `website` honeypot people never see and
    the signed `started` time the form was shown (too old or sent too quickly is refused)."""

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get("website"))

    def clean_started(self):
        try:
            started = signing.loads(
                self.cleaned_data["started"], salt=TIMESTAMP_SALT, max_age=MAX_FORM_AGE_SECONDS
            )
            age = time.time() - float(started)
        except (signing.BadSignature, TypeError, ValueError):
            raise ValidationError(
                _("The form has expired; please send it again."), code="expired"
            ) from None
        if age > MAX_FORM_AGE_SECONDS:
            raise ValidationError(_("The form has expired; please send it again."), code="expired")
        if age < MIN_FILL_SECONDS:
            raise ValidationError(
                _("The form was sent too quickly; please check it and send it again."),
                code="too_fast",
            )
        return started


class TypoReportForm(forms.Form):
    fragment = forms.CharField(
        label=_("Text with a mistake"),
        max_length=FRAGMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    url = forms.CharField(
        required=False, max_length=500, validators=[safe_path], widget=forms.HiddenInput
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class QuestionForm(SpamTrapMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data"),
        error_messages={
            "required": _(
                "Without your consent to the processing of personal data we cannot "
                "accept the question."
            )
        },
    )
    # Spam traps: a field people never see (the honeypot) and the signed time the form was
    # shown. No third-party service is involved.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Question
        fields = ["name", "email", "topic", "question"]
        widgets = {"question": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].validators.append(single_line)
        self.fields["topic"].validators.append(single_line)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["consent"].widget.attrs["aria-describedby"] = "id_consent-policy"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial["started"] = form_timestamp()
