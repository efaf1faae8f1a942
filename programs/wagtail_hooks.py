from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.editing import QuickAdd
from programs.access import serve_resolution_file
from programs.models import ClubMeetingPage, ResolutionPage, TrainingProgramPage
from programs.registrations.admin import RegistrationViewSetGroup

hooks.register("before_serve_document", serve_resolution_file)

register_snippet(RegistrationViewSetGroup)


@hooks.register("register_quick_add")
def quick_add_programmes():
    return [
        QuickAdd("programme", _("Add programme"), TrainingProgramPage, order=110),
        QuickAdd("meeting", _("Add meeting"), ClubMeetingPage, order=120),
        QuickAdd("document", _("Add document"), ResolutionPage, order=130),
    ]
