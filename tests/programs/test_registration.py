"""Registration for events: the state shown, the form, places and the waiting list, the link."""

import datetime
import re

from django.core import mail
from django.utils import timezone

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from home.models import AssociationSettings, MemberProfile
from programs.models import Registration, RegistrationState
from programs.registrations import services
from tests.factories import OrganisationFactory, standard_page
from tests.programs.registration_helpers import (
    event_with_registration,
    form_data,
    registration,
    started,
)

pytestmark = pytest.mark.django_db


def form_url(page, language="ru"):
    return f"/{language}/registration/{page.pk}/"


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


@pytest.fixture
def privacy(home):
    page = standard_page(home, title="Политика обработки персональных данных", slug="privacy")
    site_settings = AssociationSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = page
    site_settings.save()
    return page


# The state shown


def test_state_is_open_with_places_left(index):
    _page, event_settings = event_with_registration(index, capacity=3)
    registration(event_settings)
    assert event_settings.state() == (RegistrationState.OPEN, 2)


def test_state_without_capacity_is_open_without_a_count(index):
    _page, event_settings = event_with_registration(index)
    assert event_settings.state() == (RegistrationState.OPEN, None)


def test_state_before_opening_and_after_closing(index):
    now = timezone.now()
    _page, event_settings = event_with_registration(
        index, opens_at=now + datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=2)
    )
    assert event_settings.state(now)[0] == RegistrationState.NOT_YET
    assert event_settings.state(now + datetime.timedelta(days=3))[0] == RegistrationState.CLOSED


def test_full_event_offers_the_waiting_list_or_closes_without_one(index):
    _page, with_list = event_with_registration(index, capacity=1)
    registration(with_list)
    assert with_list.state() == (RegistrationState.WAITING_LIST, 0)
    _page, without_list = event_with_registration(index, capacity=1, waiting_list=False)
    registration(without_list)
    assert without_list.state()[0] == RegistrationState.CLOSED


def test_registration_closes_when_the_event_starts(index):
    _page, event_settings = event_with_registration(
        index, page_kwargs={"start_date": timezone.localdate() - datetime.timedelta(days=1)}
    )
    assert event_settings.state()[0] == RegistrationState.CLOSED


def test_event_page_shows_places_left_and_the_form(client, index, privacy):
    page, event_settings = event_with_registration(index, capacity=20)
    registration(event_settings)
    html = client.get(page.url).content.decode()
    assert "Регистрация открыта: 19 мест осталось." in html
    assert f'action="/ru/registration/{page.pk}/"' in html
    assert 'name="consent"' in html
    assert f'<a href="{privacy.url}">Политика обработки персональных данных</a>' in html
    assert 'class="form-trap" aria-hidden="true"' in html
    assert "csrfmiddlewaretoken" not in html  # the page stays cacheable


def test_event_page_announces_the_opening_date_without_a_form(client, index):
    opens = timezone.now() + datetime.timedelta(days=2)
    page, _settings = event_with_registration(index, opens_at=opens)
    html = client.get(page.url).content.decode()
    assert "Регистрация откроется" in html
    assert 'name="consent"' not in html


def test_event_page_offers_the_waiting_list_when_full(client, index):
    page, event_settings = event_with_registration(index, capacity=1)
    registration(event_settings)
    html = client.get(page.url).content.decode()
    assert "Все места заняты" in html
    assert "Записаться в лист ожидания" in html


def test_disabled_registration_shows_nothing(client, index):
    page, _settings = event_with_registration(index, enabled=False)
    html = client.get(page.url).content.decode()
    assert 'id="registration"' not in html


def test_english_page_shows_the_english_form_of_the_same_list(client, home, index, english):
    page, event_settings = event_with_registration(index, capacity=5)
    home.copy_for_translation(english).save_revision().publish()
    index.copy_for_translation(english).save_revision().publish()
    translation = page.copy_for_translation(english)
    translation.save_revision().publish()
    html = client.get(translation.get_url()).content.decode()
    assert "Registration is open: 5 places left." in html
    assert f'action="/en/registration/{translation.pk}/"' in html
    response = client.post(
        form_url(translation, "en"), form_data(), HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302
    created = Registration.objects.get()
    assert created.event == event_settings
    assert created.language == "en"
    assert mail.outbox[0].subject.startswith("Registration confirmed")


# The form


def test_registration_is_confirmed_and_the_link_e_mailed(client, index, privacy):
    page, _settings = event_with_registration(index, capacity=2)
    response = client.post(form_url(page), form_data(), HTTP_ORIGIN="http://testserver")
    created = Registration.objects.get()
    assert created.status == Registration.Status.CONFIRMED
    assert created.consent_at is not None
    assert created.privacy_policy_url == privacy.url
    assert created.language == "ru"
    assert created.organisation_name == "Библиотека им. Пушкина"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maria@library.example"]
    assert message.subject == f"Регистрация подтверждена: {page.title}"
    link = link_in(message)
    assert response.status_code == 302
    assert response["Location"] == link
    detail = client.get(link).content.decode()
    assert "Ваше место подтверждено." in detail
    assert "Библиотека им. Пушкина" in detail


def test_member_organisation_is_chosen_from_the_list(client, index):
    library = OrganisationFactory(name="ЦБС Кимры", is_member=True)
    page, _settings = event_with_registration(index)
    client.post(
        form_url(page),
        form_data(organisation=library.pk, organisation_name=""),
        HTTP_ORIGIN="http://testserver",
    )
    assert Registration.objects.get().organisation == library


def test_organisation_is_required_when_the_organisers_ask_for_it(client, index):
    page, _settings = event_with_registration(index, ask_organisation="required")
    response = client.post(
        form_url(page), form_data(organisation_name=""), HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 400
    assert "Выберите организацию в списке или впишите её название." in response.content.decode()
    assert not Registration.objects.exists()


def test_questions_not_asked_are_left_out(client, index):
    page, _settings = event_with_registration(index, ask_position="", ask_organisation="")
    html = client.get(page.url).content.decode()
    assert 'name="position"' not in html
    assert 'name="organisation"' not in html
    assert 'name="phone"' not in html


def test_extra_questions_and_attendance_mode_are_asked_and_stored(client, index):
    page, _settings = event_with_registration(
        index,
        page_kwargs={"format": "mixed"},
        ask_phone="required",
        extra_questions=[
            ("question", {"label": "Тема вашего доклада", "label_en": "", "required": True})
        ],
    )
    html = client.get(page.url).content.decode()
    assert "Тема вашего доклада" in html
    assert 'name="attendance_mode"' in html
    response = client.post(form_url(page), form_data(), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    assert "Требуется заполнить это поле." in response.content.decode()
    extra = re.search(r'name="(extra_[^"]+)"', html).group(1)
    client.post(
        form_url(page),
        form_data(phone="+7 900 000-00-00", attendance_mode="online", **{extra: "Клубы"}),
        HTTP_ORIGIN="http://testserver",
    )
    created = Registration.objects.get()
    assert created.attendance_mode == "online"
    assert created.phone == "+7 900 000-00-00"
    assert created.answers == {"Тема вашего доклада": "Клубы"}


def test_consent_is_required(client, index):
    page, _settings = event_with_registration(index)
    data = form_data()
    del data["consent"]
    response = client.post(form_url(page), data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    assert "Без вашего согласия на обработку персональных данных" in response.content.decode()
    assert not Registration.objects.exists()


def test_honeypot_stores_nothing(client, index):
    page, _settings = event_with_registration(index)
    response = client.post(
        form_url(page), form_data(website="http://spam.example"), HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 200
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_form_sent_too_quickly_is_refused(client, index):
    page, _settings = event_with_registration(index)
    response = client.post(
        form_url(page), form_data(started=started(0)), HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_form_from_another_site_is_refused(client, index):
    page, _settings = event_with_registration(index)
    response = client.post(form_url(page), form_data(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_colleagues_behind_one_address_register_but_one_address_and_e_mail_is_limited(
    client, index
):
    page, _settings = event_with_registration(index)

    def send(email):
        return client.post(
            form_url(page), form_data(email=email), HTTP_ORIGIN="http://testserver"
        ).status_code

    # Twelve colleagues of one library, one address: all registered.
    assert [send(f"r{n}@library.example") for n in range(12)] == [302] * 12
    # One reader sending the form again and again: the sixth attempt is refused.
    assert [send("r0@library.example") for _ in range(5)] == [200] * 4 + [429]
    assert Registration.objects.count() == 12


def test_one_address_has_a_ceiling_sized_for_a_library_staff(client, index, monkeypatch):
    from programs.registrations import views

    monkeypatch.setattr(views, "REGISTER_ADDRESS_LIMIT", (3, 600))
    page, _settings = event_with_registration(index)
    statuses = [
        client.post(
            form_url(page),
            form_data(email=f"r{n}@library.example"),
            HTTP_ORIGIN="http://testserver",
        ).status_code
        for n in range(4)
    ]
    assert statuses == [302] * 3 + [429]
    assert views.REGISTER_ADDRESS_LIMIT == (3, 600)


def test_closed_registration_refuses_the_form(client, index):
    page, _settings = event_with_registration(index, enabled=False)
    assert client.post(form_url(page), form_data()).status_code == 400
    page, _settings = event_with_registration(
        index, closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.post(form_url(page), form_data(), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    assert "Регистрация закрыта." in response.content.decode()
    assert not Registration.objects.exists()


def test_same_address_twice_resends_the_link_without_showing_it(client, index):
    page, _settings = event_with_registration(index)
    client.post(form_url(page), form_data(), HTTP_ORIGIN="http://testserver")
    response = client.post(
        form_url(page), form_data(email="MARIA@library.example", name="Другой человек")
    )
    assert response.status_code == 200
    assert "/registration/r/" not in response.content.decode()
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["maria@library.example"]


def test_signed_in_member_finds_the_details_prefilled_and_the_page_private(client, index, member):
    library = OrganisationFactory(name="ЦБС Кимры", is_member=True)
    member.first_name, member.last_name = "Анна", "Петрова"
    member.save()
    MemberProfile.objects.create(user=member, organisation=library)
    page, _settings = event_with_registration(index)
    client.force_login(member)
    response = client.get(page.url)
    html = response.content.decode()
    assert 'value="Анна Петрова"' in html
    assert f'value="{member.email}"' in html
    assert f'<option value="{library.pk}" selected>' in html
    assert "private" in response["Cache-Control"]


def test_unknown_or_hidden_event_has_no_form(client, index):
    page, _settings = event_with_registration(index, page_kwargs={"publish": False})
    assert client.get(form_url(page)).status_code == 404
    assert client.get("/ru/registration/999999/").status_code == 404


# Places and the waiting list


def test_last_place_taken_sends_the_next_to_the_waiting_list(client, index):
    page, _settings = event_with_registration(index, capacity=1)
    client.post(form_url(page), form_data(email="first@library.example"))
    client.post(form_url(page), form_data(email="second@library.example"))
    first, second = Registration.objects.order_by("pk")
    assert first.status == Registration.Status.CONFIRMED
    assert second.status == Registration.Status.WAITLISTED
    assert mail.outbox[1].subject == f"Вы в листе ожидания: {page.title}"
    assert "лист" in client.get(link_in(mail.outbox[1])).content.decode()


def test_no_waiting_list_refuses_when_full(client, index):
    page, event_settings = event_with_registration(index, capacity=1, waiting_list=False)
    registration(event_settings)
    response = client.post(form_url(page), form_data())
    assert response.status_code == 400
    assert Registration.objects.count() == 1


def test_cancelling_promotes_the_first_waiting_and_e_mails_them(client, index):
    page, event_settings = event_with_registration(index, capacity=1)
    confirmed = registration(event_settings, email="first@library.example")
    earliest = registration(
        event_settings, status=Registration.Status.WAITLISTED, email="second@library.example"
    )
    registration(
        event_settings, status=Registration.Status.WAITLISTED, email="third@library.example"
    )
    link = f"/ru/registration/r/{services.make_token(confirmed)}/"
    response = client.post(link, {"action": "cancel"})
    assert response.status_code == 302
    confirmed.refresh_from_db()
    earliest.refresh_from_db()
    assert confirmed.status == Registration.Status.CANCELLED
    assert earliest.status == Registration.Status.CONFIRMED
    assert Registration.objects.filter(status=Registration.Status.WAITLISTED).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["second@library.example"]
    assert mail.outbox[0].subject == f"Место за вами: {page.title}"
    assert "Вы отменили эту регистрацию." in client.get(link).content.decode()


def test_cancelling_a_waiting_registration_promotes_nobody(index):
    _page, event_settings = event_with_registration(index, capacity=1)
    registration(event_settings)
    waiting = registration(event_settings, status=Registration.Status.WAITLISTED)
    other = registration(event_settings, status=Registration.Status.WAITLISTED)
    assert services.cancel(waiting) == []
    other.refresh_from_db()
    assert other.status == Registration.Status.WAITLISTED
    assert not mail.outbox


# The registrant's link


def test_registrant_deletes_their_data_from_the_link(client, index):
    _page, event_settings = event_with_registration(index, capacity=1)
    mine = registration(event_settings)
    waiting = registration(event_settings, status=Registration.Status.WAITLISTED)
    link = f"/ru/registration/r/{services.make_token(mine)}/"
    response = client.post(link, {"action": "delete"})
    assert "Ваша регистрация и ваши персональные данные удалены." in response.content.decode()
    assert not Registration.objects.filter(pk=mine.pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert client.get(link).status_code == 404


def test_forged_or_mangled_link_shows_nothing(client, index):
    _page, event_settings = event_with_registration(index)
    mine = registration(event_settings)
    token = services.make_token(mine)
    for bad in (token[:-2] + "xx", "1", "abc:def"):
        response = client.get(f"/ru/registration/r/{bad}/")
        assert response.status_code == 404
        assert mine.name not in response.content.decode()


def test_link_pages_are_never_cached(client, index):
    _page, event_settings = event_with_registration(index)
    link = f"/ru/registration/r/{services.make_token(registration(event_settings))}/"
    response = client.get(link)
    assert "no-cache" in response["Cache-Control"]
    assert 'name="robots" content="noindex"' in response.content.decode()


def test_raising_the_places_promotes_the_waiting_list_in_order_with_letters(index):
    page, event_settings = event_with_registration(index, capacity=1)
    registration(event_settings, email="first@library.example")
    waiting = [
        registration(
            event_settings, status=Registration.Status.WAITLISTED, email=f"w{n}@library.example"
        )
        for n in range(3)
    ]
    event_settings.capacity = 3
    event_settings.save()
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    assert [letter.to for letter in mail.outbox] == [["w0@library.example"], ["w1@library.example"]]
    assert mail.outbox[0].subject == f"Место за вами: {page.title}"
    # The next newcomer queues behind the one still waiting.
    newcomer, _created = services.register(
        event_settings, {"name": "Новый", "email": "new@library.example", "language": "ru"}
    )
    assert newcomer.status == Registration.Status.WAITLISTED


def test_raising_the_places_in_the_admin_promotes_the_waiting(client, index, superuser):
    _page, event_settings = event_with_registration(index, capacity=1)
    registration(event_settings)
    waiting = registration(event_settings, status=Registration.Status.WAITLISTED)
    client.force_login(superuser)
    url = f"/admin/snippets/programs/registrationsettings/edit/{event_settings.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    data = nested_form_data(
        {
            "page": event_settings.page_id,
            "enabled": "on",
            "capacity": "2",
            "waiting_list": "on",
            "retention_days": event_settings.retention_days,
            "extra_questions": streamfield([]),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "again",
    ['"dup2"@example.org', "DUP2@Example.ORG", '"dup\\2"@example.org', " dup2@example.org "],
)
def test_one_registration_per_address_however_the_address_is_spelt(client, index, again):
    page, _settings = event_with_registration(index)
    for email in ("dup2@example.org", again):
        response = client.post(
            form_url(page), form_data(email=email), HTTP_ORIGIN="http://testserver"
        )
        assert response.status_code in (200, 302)
    assert Registration.objects.count() == 1
    assert Registration.objects.get().email == "dup2@example.org"


def test_addresses_that_need_their_quotes_stay_distinct(index):
    _page, event_settings = event_with_registration(index)
    services.register(event_settings, {"name": "А", "email": "a.b@example.org"})
    services.register(event_settings, {"name": "Б", "email": '"a b"@example.org'})
    assert Registration.objects.count() == 2
