"""The registration form, built from the questions the event's organisers chose."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from home.feedback.forms import (
    SpamTrapMixin,
    form_timestamp,
    single_line,
)
from home.models import MemberProfile, Organisation
from programs.models.registrations import Ask, Registration

EXTRA_PREFIX = "extra_"


def member_organisations():
    """Member libraries in the reader's language (their Russian records where untranslated)."""
    organisations = Organisation.objects.filter(is_member=True).select_related("locale")
    language = translation.get_language()
    chosen = {}
    for organisation in organisations.order_by("name"):
        key = organisation.translation_key
        if key not in chosen or organisation.locale.language_code == language:
            chosen[key] = organisation
    return Organisation.objects.filter(pk__in=[o.pk for o in chosen.values()]).order_by("name")


class RegistrationForm(SpamTrapMixin, forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200, validators=[single_line])
    position = forms.CharField(label=_("Position"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("— not in the list —"),
    )
    organisation_name = forms.CharField(
        label=_("Organisation, if it is not in the list"), max_length=255
    )
    region = forms.CharField(label=_("Region or municipal district"), max_length=120)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("The confirmation and your link are sent here.")
    )
    phone = forms.CharField(label=_("Phone"), max_length=40)
    attendance_mode = forms.ChoiceField(
        label=_("I will take part"), choices=Registration.Mode.choices, widget=forms.RadioSelect
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data"),
        error_messages={
            "required": _(
                "Without your consent to the processing of personal data we cannot register you."
            )
        },
    )
    # Spam traps, as on the question form: a field people never see and the signed time the
    # form was shown.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, event_settings, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event_settings = event_settings
        asks = {
            "position": event_settings.ask_position,
            "region": event_settings.ask_region,
            "phone": event_settings.ask_phone,
        }
        for name, ask in asks.items():
            if ask == Ask.NO:
                del self.fields[name]
            else:
                self.fields[name].required = ask == Ask.REQUIRED
        if event_settings.ask_organisation == Ask.NO:
            del self.fields["organisation"]
            del self.fields["organisation_name"]
        else:
            self.fields["organisation"].queryset = member_organisations()
            self.fields["organisation"].required = False
            self.fields["organisation_name"].required = False
        if not event_settings.asks_attendance_mode:
            del self.fields["attendance_mode"]
        english = translation.get_language() == "en"
        self.extra_labels = {}
        for block in event_settings.extra_questions:
            value = block.value
            label = (english and value["label_en"]) or value["label"]
            self.fields[EXTRA_PREFIX + block.id] = forms.CharField(
                label=label, required=value["required"], max_length=1000
            )
            # Answers are kept under the organisers' wording, whatever the reader's language.
            self.extra_labels[EXTRA_PREFIX + block.id] = value["label"]
        # Extra questions before the consent and the traps.
        for name in ("consent", "website", "started"):
            self.fields[name] = self.fields.pop(name)
        autocomplete = {
            "name": "name",
            "email": "email",
            "phone": "tel",
            "position": "organization-title",
            "organisation_name": "organization",
        }
        for name, value in autocomplete.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["consent"].widget.attrs["aria-describedby"] = "id_consent-policy"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial["started"] = form_timestamp()
            if user is not None and user.is_authenticated:
                self.initial.update(member_details(user))
                self.localize_initial_organisation()

    def localize_initial_organisation(self):
        """The member's library as listed in the reader's language (the same translation)."""
        field = self.fields.get("organisation")
        chosen = self.initial.get("organisation")
        if field is None or chosen is None:
            self.initial.pop("organisation", None)
            return
        listed = field.queryset.filter(
            translation_key__in=Organisation.objects.filter(pk=chosen).values("translation_key")
        ).first()
        self.initial["organisation"] = listed.pk if listed else None

    def clean(self):
        cleaned = super().clean()
        if (
            self.event_settings.ask_organisation == Ask.REQUIRED
            and not cleaned.get("organisation")
            and not cleaned.get("organisation_name")
            and "organisation_name" not in self.errors
        ):
            self.add_error(
                "organisation_name", _("Choose your organisation in the list or type its name.")
            )
        return cleaned

    def registration_data(self):
        """The fields of the Registration to create."""
        data = self.cleaned_data
        fields = {"name": data["name"], "email": data["email"].strip()}
        for name in ("position", "organisation", "organisation_name", "region", "phone"):
            if name in self.fields:
                fields[name] = data[name] or ("" if name != "organisation" else None)
        if data.get("organisation"):
            fields["organisation_name"] = ""
        if "attendance_mode" in self.fields:
            fields["attendance_mode"] = data["attendance_mode"]
        fields["answers"] = {
            label: data[name] for name, label in self.extra_labels.items() if data.get(name)
        }
        return fields


def member_details(user):
    details = {"name": user.get_full_name(), "email": user.email}
    profile = MemberProfile.objects.filter(user=user).select_related("organisation").first()
    if profile and profile.organisation:
        details["organisation"] = profile.organisation.pk
        if profile.organisation.region_id:
            details["region"] = str(profile.organisation.region)
    return {key: value for key, value in details.items() if value}
