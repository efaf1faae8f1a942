import re

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

import pytest

from home.members.roles import MEMBERS
from home.models import MemberProfile
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from tests.members.factories import member_user

pytestmark = pytest.mark.django_db


def test_sign_in_page_is_the_sites_own_russian_page(client):
    response = client.get("/ru/account/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Вход для членов ассоциации" in html
    assert 'class="site-header"' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_login_url_setting_points_at_the_public_sign_in_page(settings):
    assert reverse(settings.LOGIN_URL) == "/ru/account/login/"


def test_sign_in_returns_to_the_page_asked_for(client):
    member_user()
    response = client.post(
        "/ru/account/login/",
        {"username": "member", "password": PASSWORD, "next": "/ru/about/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/ru/about/"


def test_sign_in_refuses_a_deactivated_account(client):
    member_user(is_active=False)
    response = client.post("/ru/account/login/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_in_ignores_a_next_url_on_another_site(client):
    member_user()
    response = client.post(
        "/ru/account/login/",
        {"username": "member", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_sign_out_needs_a_post_and_ends_the_session(client):
    client.force_login(member_user())
    assert client.get("/ru/account/logout/").status_code == 405
    response = client.post("/ru/account/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    member_user(email="metodist@library.example")
    response = client.post("/ru/account/password-reset/", {"email": "metodist@library.example"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/account/password-reset/sent/"
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["metodist@library.example"]
    assert "Сброс пароля" in letter.subject
    link = re.search(r"http://testserver(/ru/account/password-reset/\S+/)", letter.body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Nov-parol-2024!", "new_password2": "Nov-parol-2024!"}
    )
    assert response["Location"] == "/ru/account/password-reset/done/"
    assert client.login(username="member", password="Nov-parol-2024!")


def test_password_reset_does_not_reveal_unknown_addresses(client):
    response = client.post("/ru/account/password-reset/", {"email": "nobody@library.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_staff_create_a_member_with_organisation_in_the_admin(client, superuser):
    organisation = OrganisationFactory(name="Кимрская МЦБ")
    client.force_login(superuser)
    response = client.get(reverse("wagtailusers_users:add"))
    assert 'name="organisation"' in response.content.decode()
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "kimry",
            "email": "kimry@library.example",
            "first_name": "Анна",
            "last_name": "Белова",
            "password1": "Kimry-library-2024",
            "password2": "Kimry-library-2024",
            "groups": [Group.objects.get(name=MEMBERS).pk],
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    profile = MemberProfile.objects.get(user__username="kimry")
    assert profile.organisation == organisation


def test_staff_deactivate_a_member_and_change_the_organisation(client, superuser):
    user = member_user()
    other = OrganisationFactory()
    client.force_login(superuser)
    url = reverse("wagtailusers_users:edit", args=[user.pk])
    response = client.get(url)
    assert f'value="{user.member_profile.organisation.pk}" selected' in response.content.decode()
    response = client.post(
        url,
        {
            "username": "member",
            "email": user.email,
            "first_name": "Ольга",
            "last_name": "Смирнова",
            "password1": "",
            "password2": "",
            "is_active": "",
            "groups": [Group.objects.get(name=MEMBERS).pk],
            "organisation": other.pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert not user.is_active
    assert user.member_profile.organisation == other


def test_non_member_organisations_are_not_offered(client, superuser):
    OrganisationFactory(name="Не член ассоциации", is_member=False)
    client.force_login(superuser)
    response = client.get(reverse("wagtailusers_users:add"))
    assert "Не член ассоциации" not in response.content.decode()


def test_editors_are_not_members(editor):
    from home.members.roles import is_editorial, is_member

    assert is_editorial(editor)
    assert not is_member(editor)
    assert not is_editorial(UserFactory(username="plain"))
