"""Admin for organisers: events with registration, and the registrations of each."""

from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

import django_filters

from home.members.roles import is_editorial
from programs.models import Registration, RegistrationSettings
from programs.registrations.services import promote_waiting, send_promotions


class OrganisersOnly(ModelPermissionPolicy):
    """Editors and moderators (and superusers), whatever permissions other groups get.
    Registrations are only ever made by readers on the site, so nobody adds them here."""

    def user_has_permission(self, user, action):
        if action == "add" and self.model is Registration:
            return False
        return is_editorial(user) and super().user_has_permission(user, action)


class CountColumn(Column):
    cell_template_name = "programs/registration/admin_count_cell.html"

    def __init__(self, name, status=None, **kwargs):
        super().__init__(name, **kwargs)
        self.filter = status

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        url = reverse("wagtailsnippets_programs_registration:list") + f"?event={instance.pk}"
        context["url"] = url + (f"&{self.filter}" if self.filter else "")
        return context


class RegistrationSettingsViewSet(SnippetViewSet):
    model = RegistrationSettings
    icon = "form"
    menu_label = _("Events")
    list_display = [
        "page",
        BooleanColumn("enabled", label=_("On")),
        DateColumn("opens_at", label=_("Opens")),
        Column("capacity", label=_("Places")),
        CountColumn("confirmed", status="status=confirmed", label=_("Confirmed")),
        CountColumn("waitlisted", status="status=waitlisted", label=_("Waiting")),
        CountColumn("cancelled", status="status=cancelled", label=_("Cancelled")),
        CountColumn("attended", status="attended=true", label=_("Attended")),
    ]
    search_fields = ["page__title"]
    panels = RegistrationSettings.panels

    @property
    def permission_policy(self):
        return OrganisersOnly(self.model)

    def get_queryset(self, request):
        def count(**lookups):
            return Count("registrations", filter=Q(**lookups))

        return RegistrationSettings.objects.select_related("page").annotate(
            confirmed=count(registrations__status=Registration.Status.CONFIRMED),
            waitlisted=count(registrations__status=Registration.Status.WAITLISTED),
            cancelled=count(registrations__status=Registration.Status.CANCELLED),
            attended=count(registrations__attended=True),
        )


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        label=_("Event"), queryset=RegistrationSettings.objects.select_related("page")
    )

    class Meta:
        model = Registration
        fields = ["event", "status", "attended", "attendance_mode"]


class RegistrationEditView(EditView):
    def save_instance(self):
        with transaction.atomic():
            locked = RegistrationSettings.objects.select_for_update().get(pk=self.object.event_id)
            was = Registration.objects.filter(pk=self.object.pk).values_list("status", flat=True)
            freed = was.first() == Registration.Status.CONFIRMED
            instance = super().save_instance()
            promoted = []
            if freed and instance.status != Registration.Status.CONFIRMED:
                promoted = promote_waiting(locked)
        send_promotions(promoted)
        return instance


def read_only(*names):
    return [FieldPanel(name, read_only=True) for name in names]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Registrations")
    edit_view_class = RegistrationEditView
    list_display = [
        "name",
        Column("organisation_display", label=_("Organisation")),
        Column("email", label=_("E-mail")),
        Column("event", label=_("Event")),
        Column("get_status_display", label=_("Status"), sort_key="status"),
        BooleanColumn("attended", label=_("Attended")),
        DateColumn("created_at", label=_("Registered"), sort_key="created_at"),
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "position", "organisation_name", "organisation__name"]
    list_export = [
        "created_at",
        "event",
        "get_status_display",
        "name",
        "position",
        "organisation_display",
        "region",
        "email",
        "phone",
        "get_attendance_mode_display",
        "answers_text",
        "attended",
        "certificate_number",
    ]
    export_headings = {
        "created_at": _("Registered"),
        "event": _("Event"),
        "get_status_display": _("Status"),
        "name": _("Full name"),
        "position": _("Position"),
        "organisation_display": _("Organisation"),
        "region": _("Region"),
        "email": _("E-mail"),
        "phone": _("Phone"),
        "get_attendance_mode_display": _("Takes part"),
        "answers_text": _("Answers"),
        "attended": _("Attended"),
        "certificate_number": _("Certificate number"),
    }
    export_filename = "registrations"
    panels = [
        *read_only("event", "name", "position", "organisation", "organisation_name", "region"),
        *read_only("email", "phone", "attendance_mode", "answers", "consent_at"),
        *read_only("privacy_policy_url", "created_at", "certificate_number"),
        FieldPanel("status"),
        FieldPanel("attended"),
    ]

    @property
    def permission_policy(self):
        return OrganisersOnly(self.model)

    def get_queryset(self, request):
        return Registration.objects.select_related("event__page", "organisation")


class RegistrationViewSetGroup(SnippetViewSetGroup):
    items = (RegistrationSettingsViewSet, RegistrationViewSet)
    menu_icon = "form"
    menu_label = _("Registration")
    menu_name = "registration"
    menu_order = 260
