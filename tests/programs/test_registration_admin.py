"""Organisers' admin: who may see registrations, counts, filters, export, attendance,
certificates, the retention clean-up and the page cache of event pages."""

import csv
import datetime
import io
import time

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

import pytest

from home.members.roles import grant_snippet_permissions
from programs.models import Registration
from programs.registrations import services
from tests.factories import standard_page
from tests.programs.registration_helpers import event_with_registration, registration

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/programs/registration/"
EVENTS = "/admin/snippets/programs/registrationsettings/"


@pytest.fixture(autouse=True)
def snippet_permissions(db):
    grant_snippet_permissions()


@pytest.fixture
def event(index):
    _page, event_settings = event_with_registration(index, capacity=1)
    return event_settings


@pytest.fixture
def people(event):
    confirmed = registration(
        event, name="Ольга Смирнова", email="olga@library.example", position="Методист"
    )
    waiting = registration(
        event,
        name="Пётр Кузнецов",
        email="petr@library.example",
        status=Registration.Status.WAITLISTED,
    )
    return confirmed, waiting


# Who may see registrations


@pytest.mark.parametrize("role", ["editor", "moderator", "superuser"])
def test_organisers_see_the_registrations_and_the_counts(client, request, role, people):
    client.force_login(request.getfixturevalue(role))
    html = client.get(LIST).content.decode()
    assert "Ольга Смирнова" in html
    assert "olga@library.example" in html
    events = client.get(EVENTS)
    assert events.status_code == 200
    assert f"{LIST}?event={people[0].event_id}&amp;status=waitlisted" in events.content.decode()


def test_members_and_anonymous_readers_see_no_registrations(client, member, people):
    anonymous = client.get(LIST)
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]
    client.force_login(member)
    for url in (LIST, EVENTS, f"{LIST}edit/{people[0].pk}/", f"{LIST}?export=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Ольга Смирнова" not in response.content.decode()


def test_a_registrant_sees_only_their_own_registration(client, people):
    confirmed, waiting = people
    html = client.get(f"/ru/registration/r/{services.make_token(waiting)}/").content.decode()
    assert "Пётр Кузнецов" in html
    assert "Ольга Смирнова" not in html
    assert "olga@library.example" not in html


def test_a_link_for_one_purpose_opens_no_registration(client, people):
    from django.core import signing

    other_salt = signing.dumps(people[0].pk, salt="home.feedback.form-timestamp")
    assert client.get(f"/ru/registration/r/{other_salt}/").status_code == 404


def test_nobody_adds_registrations_in_the_admin(client, moderator, event):
    client.force_login(moderator)
    assert client.get(f"{LIST}add/").status_code in (302, 403)


# Search, filters, export


def test_search_and_filters(client, editor, people):
    client.force_login(editor)
    found = client.get(LIST, {"q": "Смирнова"}).content.decode()
    assert "Ольга Смирнова" in found
    assert "Пётр Кузнецов" not in found
    waiting = client.get(LIST, {"status": "waitlisted"}).content.decode()
    assert "Пётр Кузнецов" in waiting
    assert "Ольга Смирнова" not in waiting


def test_export_csv_and_xlsx(client, editor, people):
    client.force_login(editor)
    response = client.get(LIST, {"export": "csv", "status": "confirmed"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][3] == "Фамилия, имя, отчество"
    assert [row[3] for row in rows[1:]] == ["Ольга Смирнова"]
    assert rows[1][4] == "Методист"
    xlsx = client.get(LIST, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


# Attendance and certificates


def test_marking_attendance_numbers_the_certificate(client, editor, people):
    confirmed, _waiting = people
    client.force_login(editor)
    response = client.post(f"{LIST}edit/{confirmed.pk}/", {"status": "confirmed", "attended": "on"})
    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.attended
    assert confirmed.certificate_number == f"{confirmed.created_at:%Y}-{confirmed.pk:05d}"


def test_organiser_cancelling_a_confirmed_place_promotes_the_first_waiting(client, editor, people):
    confirmed, waiting = people
    client.force_login(editor)
    client.post(f"{LIST}edit/{confirmed.pk}/", {"status": "cancelled"})
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [["petr@library.example"]]


def finished_event(index):
    yesterday = timezone.localdate() - datetime.timedelta(days=2)
    _page, event_settings = event_with_registration(
        index, page_kwargs={"start_date": yesterday, "title": "Школа руководителей библиотек"}
    )
    return event_settings


def test_attendee_downloads_a_certificate_after_the_event(client, index):
    attendee = registration(finished_event(index), name="Ольга Смирнова", attended=True)
    link = f"/ru/registration/r/{services.make_token(attendee)}/"
    assert "Скачать сертификат участника (PDF)" in client.get(link).content.decode()
    response = client.get(link + "certificate/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    assert attendee.certificate_number in response["Content-Disposition"]


def test_certificate_text_names_the_programme_hours_and_person(index):
    from pypdf import PdfReader

    from programs.registrations.certificates import certificate_pdf

    attendee = registration(finished_event(index), name="Ольга Смирнова", attended=True)
    attendee.refresh_from_db()
    text = PdfReader(io.BytesIO(certificate_pdf(attendee))).pages[0].extract_text()
    assert "Сертификат участника" in text
    assert "Ольга Смирнова" in text
    assert "Школа руководителей библиотек" in text
    assert "16 академических часов" in text
    assert attendee.certificate_number in text


def test_no_certificate_without_attendance_or_before_the_event(client, index):
    absent = registration(finished_event(index))
    _page, upcoming = event_with_registration(index)
    early = registration(upcoming, attended=True)
    for person in (absent, early):
        link = f"/ru/registration/r/{services.make_token(person)}/"
        assert "Скачать сертификат" not in client.get(link).content.decode()
        assert client.get(link + "certificate/").status_code == 404


# Retention


def test_clean_up_deletes_registrations_past_their_retention(index):
    old = finished_event(index)
    old.retention_days = 1
    old.save()
    kept = finished_event(index)
    kept.retention_days = 30
    kept.save()
    registration(old)
    registration(kept)
    out = io.StringIO()
    call_command("delete_expired_registrations", stdout=out)
    assert "Registrations deleted: 1" in out.getvalue()
    assert list(Registration.objects.values_list("event_id", flat=True)) == [kept.pk]


# The page cache


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 600


def page_cache_lifetimes():
    """Seconds left of each page in the page cache (local-memory cache internals)."""
    now = time.time()
    return [expiry - now for key, expiry in cache._expire_info.items() if is_cached_page(key)]


def is_cached_page(key):
    return ":pagecache:" in key and not key.endswith(("version", "html-version"))


def test_event_page_with_registration_is_cached_a_minute_and_others_longer(
    client, home, index, page_cache
):
    page, event_settings = event_with_registration(index, capacity=10)
    about = standard_page(home)
    cache.clear()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert response["Cache-Control"] == "max-age=60"
    [lifetime] = page_cache_lifetimes()
    assert 50 < lifetime <= 60
    assert client.get(page.url)["X-Page-Cache"] == "hit"

    cache.clear()
    response = client.get(about.url)
    assert response["X-Page-Cache"] == "miss"
    assert "max-age" not in response.get("Cache-Control", "")
    [lifetime] = page_cache_lifetimes()
    assert lifetime > 500
    assert client.get(about.url)["X-Page-Cache"] == "hit"


def test_places_left_are_fresh_once_the_minute_is_over(client, index, page_cache):
    page, event_settings = event_with_registration(index, capacity=10)
    assert "10 мест осталось" in client.get(page.url).content.decode()
    registration(event_settings)
    # Within the minute the cached page is served; then the page cache forgets it.
    assert "10 мест осталось" in client.get(page.url).content.decode()
    for key in [key for key in cache._cache if is_cached_page(key)]:
        cache._expire_info[key] = time.time() - 1
    assert "9 мест осталось" in client.get(page.url).content.decode()


def test_event_page_without_registration_keeps_the_full_cache_time(client, index, page_cache):
    from tests.programs.factories import programme

    page = programme(index, start_date=timezone.localdate() + datetime.timedelta(days=5))
    cache.clear()
    client.get(page.url)
    [lifetime] = page_cache_lifetimes()
    assert lifetime > 500
