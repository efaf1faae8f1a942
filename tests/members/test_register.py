import datetime

from django.core.files.base import ContentFile

import pytest

from home.demo import make_pdf
from programs.models import ResolutionIndexPage, ResolutionPage, ResolutionStatus
from tests.members.factories import DocumentFactory, member_user, resolution, resolution_index

pytestmark = pytest.mark.django_db

SECRET_WORD = "книгообеспеченности"


def pdf_document(words):
    return DocumentFactory(file=ContentFile(make_pdf("Резолюция", [words]), "file.pdf"))


@pytest.fixture
def register(home):
    index = resolution_index(home)
    resolution(
        index,
        ResolutionStatus.ADOPTED,
        slug="adopted",
        title="О комплектовании фондов",
        document=pdf_document(f"Обеспечить рост показателя {SECRET_WORD} сельских библиотек."),
    )
    resolution(
        index,
        ResolutionStatus.DRAFT,
        slug="draft",
        title="О проекте положения",
        date=datetime.date(2023, 3, 1),
        document=pdf_document(f"Проект: снизить норматив {SECRET_WORD} в городах."),
    )
    return index


def titles(response):
    return [page.title for page in response.context["resolutions"]]


def test_the_register_lists_newest_first_and_filters_by_year_and_status(client, register):
    response = client.get(register.url)
    assert titles(response) == ["О комплектовании фондов", "О проекте положения"]
    assert titles(client.get(register.url, {"year": "2023"})) == ["О проекте положения"]
    assert titles(client.get(register.url, {"status": "adopted"})) == ["О комплектовании фондов"]
    assert client.get(register.url, {"year": "x", "status": "zzz", "page": "9"}).status_code == 200


def test_the_register_filters_by_the_adopting_event(client, home, register):
    meeting = ResolutionIndexPage.objects.get(pk=register.pk)  # any page will do as the event
    ResolutionPage.objects.filter(slug="draft").update(adopted_at=meeting)
    response = client.get(register.url, {"event": meeting.pk})
    assert titles(response) == ["О проекте положения"]
    assert meeting.title in response.content.decode()


@pytest.mark.postgres
def test_public_words_are_found_by_everyone(client, register):
    assert titles(client.get(register.url, {"q": "комплектовании"})) == ["О комплектовании фондов"]


@pytest.mark.postgres
def test_members_find_final_documents_by_words_inside_the_file(client, register):
    client.force_login(member_user())
    response = client.get(register.url, {"q": SECRET_WORD})
    assert titles(response) == ["О комплектовании фондов"]


@pytest.mark.postgres
def test_staff_find_drafts_by_words_inside_the_file(client, register, editor):
    client.force_login(editor)
    response = client.get(register.url, {"q": SECRET_WORD})
    assert sorted(titles(response)) == ["О комплектовании фондов", "О проекте положения"]


@pytest.mark.postgres
def test_member_only_text_does_not_reach_anonymous_users(client, register):
    adopted = ResolutionPage.objects.get(slug="adopted")
    response = client.get(register.url, {"q": SECRET_WORD})
    assert titles(response) == []
    assert adopted.url not in response.content.decode()
    site_search = client.get("/ru/search/", {"q": SECRET_WORD})
    assert site_search.status_code == 200
    assert adopted.url not in site_search.content.decode()
    assert SECRET_WORD not in client.get(adopted.url).content.decode()
