"""The admin speaks Russian to the staff whatever their browser asks for; English is a
personal choice in the account settings (Wagtail's «Язык интерфейса»)."""

from django.conf import settings
from django.utils import translation


class RussianAdminMiddleware:
    """Put after LocaleMiddleware: on the admin's addresses the browser's Accept-Language is
    ignored, so Wagtail falls back to LANGUAGE_CODE unless the user chose a language."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = f"/{settings.ADMIN_PATH.strip('/')}/"

    def __call__(self, request):
        if request.path_info.startswith(self.prefix):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
