from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from home.members.models import MemberProfile
from home.models import Organisation


class AssociationDocumentForm(BaseDocumentForm):
    """Wagtail's document form, but a replaced file is kept as an earlier version."""

    def __init__(self, *args, **kwargs):
        self.editing_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def save(self, commit=True):
        if commit and "file" in self.changed_data and self.original_file:
            # Wagtail deletes the replaced file here; AssociationDocument.save() keeps it
            # as a DocumentVersion instead.
            self.original_file = None
            self.instance._replaced_by = self.editing_user
        return super().save(commit=commit)


class MemberProfileFormMixin(forms.Form):
    """The member organisation of a user, edited on Wagtail's own user forms."""

    organisation = forms.ModelChoiceField(
        label=_("Member organisation"),
        queryset=Organisation.objects.filter(is_member=True),
        required=False,
        help_text=_(
            "For staff of member libraries (group “Члены ассоциации”): the library "
            "the person works for; it is recorded with each download."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            profile = MemberProfile.objects.filter(user=self.instance).first()
            if profile:
                self.initial["organisation"] = profile.organisation_id

    def save(self, commit=True):
        with transaction.atomic():
            user = super().save(commit=commit)
            if commit:
                organisation = self.cleaned_data.get("organisation")
                if organisation:
                    MemberProfile.objects.update_or_create(
                        user=user, defaults={"organisation": organisation}
                    )
                else:
                    MemberProfile.objects.filter(user=user).delete()
        return user


class MemberUserCreationForm(MemberProfileFormMixin, UserCreationForm):
    pass


class MemberUserEditForm(MemberProfileFormMixin, UserEditForm):
    pass


class SignInForm(AuthenticationForm):
    """Django's sign-in form, refusing a user name longer than any user's before signing in.

    AuthenticationForm only sets the field's max_length attribute, which validates nothing.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
