"""Two readers taking the last place at the same moment: one confirmed, one waiting.

Real concurrent transactions need PostgreSQL's row locks; each request runs in its own thread
with its own connection. Creating the registration is slowed down, so without the lock on the
event's settings row both requests would count the same free place and both be confirmed.
"""

import threading
import time
from unittest import mock

from django.db import connection
from django.test import Client

import pytest

from programs.models import Registration
from tests.programs.factories import programme_index
from tests.programs.registration_helpers import event_with_registration, form_data

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("fresh_database"),
]


def test_two_readers_taking_the_last_place_at_once_one_waits(home):
    index = programme_index(home, slug="registration-race", title="Гонка за местом")
    page, event_settings = event_with_registration(index, capacity=1)
    create = Registration.objects.create
    barrier = threading.Barrier(2)
    statuses = []

    def slow_create(**kwargs):
        time.sleep(0.5)  # both have counted the places by now, unless one waits for the lock
        return create(**kwargs)

    def reader(number):
        try:
            barrier.wait(timeout=10)
            response = Client().post(
                f"/ru/registration/{page.pk}/",
                form_data(email=f"reader{number}@library.example"),
                HTTP_ORIGIN="http://testserver",
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    with mock.patch.object(Registration.objects, "create", side_effect=slow_create):
        threads = [threading.Thread(target=reader, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert statuses == [302, 302]
    assert sorted(event_settings.registrations.values_list("status", flat=True)) == [
        Registration.Status.CONFIRMED,
        Registration.Status.WAITLISTED,
    ]
