"""Events with registration and registrations with valid defaults, for the registration tests."""

import datetime
import time

from django.core import signing
from django.utils import timezone

from home.feedback.forms import TIMESTAMP_SALT
from programs.models import Registration, RegistrationSettings
from tests.programs.factories import programme


def future(days=30):
    return timezone.localdate() + datetime.timedelta(days=days)


def event_with_registration(index, page_kwargs=None, **settings_kwargs):
    page_kwargs = {"start_date": future(), "hours": 16, **(page_kwargs or {})}
    page = programme(index, **page_kwargs)
    settings_kwargs.setdefault("ask_region", "")
    settings_kwargs.setdefault("ask_phone", "")
    event_settings = RegistrationSettings.objects.create(page=page, **settings_kwargs)
    return page, event_settings


def registration(event_settings, **kwargs):
    kwargs.setdefault("name", "Мария Иванова")
    kwargs.setdefault("email", f"reader{Registration.objects.count()}@library.example")
    kwargs.setdefault("consent_at", timezone.now())
    return Registration.objects.create(event=event_settings, **kwargs)


def started(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt=TIMESTAMP_SALT)


def form_data(**overrides):
    data = {
        "name": "Мария Иванова",
        "position": "Заведующая отделом",
        "organisation": "",
        "organisation_name": "Библиотека им. Пушкина",
        "email": "maria@library.example",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return data
