from wagtail import hooks
from wagtail.snippets.models import register_snippet

from programs.access import serve_resolution_file
from programs.registrations.admin import RegistrationViewSetGroup

hooks.register("before_serve_document", serve_resolution_file)

register_snippet(RegistrationViewSetGroup)
