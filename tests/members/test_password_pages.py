"""Pages protected by a password: the form's address unlocks them."""

import re

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import standard_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("wrong", [False, True])
def test_the_right_password_unlocks_a_protected_page_and_a_wrong_one_does_not(client, home, wrong):
    page = standard_page(home, title="Для участников семинара", slug="seminar")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    action = re.search(r'<form[^>]+action="([^"]*authenticate_with_password[^"]*)"', html)[1]
    assert action.startswith("/ru/_util/authenticate_with_password/")
    response = client.post(
        action.replace("&amp;", "&"),
        {"password": "wrong" if wrong else "secret", "return_url": page.url},
    )
    if wrong:
        assert response.status_code == 200
        assert "authenticate_with_password" in client.get(page.url).content.decode()
    else:
        assert response.status_code == 302
        assert response["Location"] == page.url
        response = client.get(page.url)
        assert response.status_code == 200
        assert response.context["page"].pk == page.pk
