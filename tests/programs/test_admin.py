"""Tree rules and editors creating programmes, clubs and meetings in the admin."""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.models import HomePage, StandardPage
from programs.models import ClubMeetingPage, ClubPage, ProgramIndexPage, TrainingProgramPage
from tests.factories import OrganisationFactory, PersonFactory
from tests.programs.factories import club, meeting, programme, programme_index

pytestmark = pytest.mark.django_db


def programme_form(**overrides):
    data = {
        "title": "XVIII Школа руководителей библиотек",
        "slug": "school-18",
        "kind": "school",
        "edition": "18",
        "lead": "Три дня практики для руководителей",
        "start_date": "2024-06-19",
        "end_date": "2024-06-21",
        "start_time": "",
        "end_time": "",
        "format": "mixed",
        "date_precision": "day",
        "venue": "Областная библиотека",
        "address": "Тверь",
        "online_url": "",
        "hosts": inline_formset([]),
        "target_audience": "Директора библиотек",
        "hours": "24",
        "certificate": "qualification",
        "application_deadline": "2024-06-10",
        "capacity": "40",
        "registration_url": "https://forms.example/school",
        "registration_contact": "",
        "lecturers": inline_formset([]),
        "modules": streamfield([]),
        "body": streamfield([("paragraph", rich_text("<p>О школе</p>"))]),
        "cancelled": "",
        "cancellation_notice": "",
        "tags": "школа руководителей, модельная библиотека",
        "related_news": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def meeting_form(**overrides):
    data = {
        "title": "36-е заседание клуба методистов",
        "slug": "meeting-36",
        "number": "36",
        "theme": "Методист и модельная библиотека",
        "start_date": "2024-06-19",
        "end_date": "",
        "start_time": "10:00",
        "end_time": "17:00",
        "format": "in_person",
        "date_precision": "day",
        "venue": "Центральная библиотека",
        "address": "Вышний Волочёк",
        "online_url": "",
        "host_organisation": "",
        "organisations_count": "36",
        "participant_count": "58",
        "participants_note": "33 библиотечные системы и 3 областные библиотеки",
        "agenda": streamfield([]),
        "outcomes": rich_text("<p>Приняли решение</p>"),
        "materials": streamfield([]),
        "next_meeting_note": "",
        "cancelled": "",
        "cancellation_notice": "",
        "tags": "",
        "related_news": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


class TestTreeRules(WagtailPageTestCase):
    def test_programmes_live_under_their_index_under_home(self):
        self.assertAllowedParentPageTypes(ProgramIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProgramIndexPage, {TrainingProgramPage})
        self.assertAllowedParentPageTypes(TrainingProgramPage, {ProgramIndexPage})

    def test_clubs_live_under_home_or_a_standard_page_and_hold_meetings(self):
        self.assertAllowedParentPageTypes(ClubPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(ClubPage, {ClubMeetingPage})
        self.assertAllowedParentPageTypes(ClubMeetingPage, {ClubPage})


def test_superuser_creates_a_programme_with_lecturers_and_modules(client, home, superuser):
    index = programme_index(home)
    person = PersonFactory(name="Марина Николаевна Кудрявцева")
    host = OrganisationFactory()
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:add", args=("programs", "trainingprogrampage", index.pk))
    form = programme_form(
        hosts=inline_formset([{"organisation": str(host.pk)}]),
        lecturers=inline_formset([{"person": str(person.pk)}]),
        modules=streamfield(
            [
                (
                    "module",
                    {
                        "date": "2024-06-19",
                        "start_time": "10:00",
                        "end_time": "13:00",
                        "title": "Конструируем модельную библиотеку",
                        "lecturers": streamfield(
                            [
                                (
                                    "item",
                                    {
                                        "person": str(person.pk),
                                        "free_name": "",
                                        "position": "",
                                        "organisation": "",
                                    },
                                )
                            ]
                        ),
                        "description": rich_text("<p>Семинар-тренинг</p>"),
                        "online": "",
                    },
                )
            ]
        ),
        **{"action-publish": "publish"},
    )
    response = client.post(url, form)
    assert response.status_code == 302, response.context["form"].errors
    page = TrainingProgramPage.objects.get(slug="school-18")
    assert page.live
    assert page.edition == 18
    assert page.host_organisations == [host]
    assert page.lecturer_people == [person]
    assert page.modules[0].value["title"] == "Конструируем модельную библиотеку"
    assert sorted(tag.name for tag in page.tags.all()) == [
        "модельная библиотека",
        "школа руководителей",
    ]


def test_admin_rejects_an_end_date_before_the_start(client, home, superuser):
    index = programme_index(home)
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:add", args=("programs", "trainingprogrampage", index.pk))
    response = client.post(url, programme_form(end_date="2024-06-01"))
    assert response.status_code == 200
    assert not TrainingProgramPage.objects.exists()


def test_editor_creates_a_meeting_with_an_agenda(client, home, editor):
    club_page = club(home)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("programs", "clubmeetingpage", club_page.pk))
    speaker = {
        "person": "",
        "free_name": "Галина Зуева",
        "position": "методист",
        "organisation": "Новгородская областная библиотека",
    }
    agenda = streamfield(
        [
            (
                "talk",
                {
                    "start_time": "10:00",
                    "end_time": "10:30",
                    "title": "Итоги года",
                    "speakers": streamfield([("item", speaker)]),
                    "description": rich_text(""),
                    "online": "on",
                },
            ),
            (
                "quiz",
                {
                    "start_time": "",
                    "end_time": "",
                    "title": "Викторина",
                    "speakers": streamfield([]),
                    "description": rich_text(""),
                    "online": "",
                },
            ),
        ]
    )
    response = client.post(url, meeting_form(agenda=agenda))
    assert response.status_code == 302, response.context["form"].errors
    page = ClubMeetingPage.objects.get(slug="meeting-36")
    assert [block.block_type for block in page.agenda] == ["talk", "quiz"]
    assert page.agenda[0].value["speakers"][0]["free_name"] == "Галина Зуева"
    assert page.get_latest_revision().content["title"] == "36-е заседание клуба методистов"


def test_speaker_needs_a_person_or_a_name(client, home, superuser):
    club_page = club(home)
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:add", args=("programs", "clubmeetingpage", club_page.pk))
    empty = {"person": "", "free_name": "", "position": "", "organisation": ""}
    agenda = streamfield(
        [
            (
                "talk",
                {
                    "start_time": "",
                    "end_time": "",
                    "title": "Доклад",
                    "speakers": streamfield([("item", empty)]),
                    "description": rich_text(""),
                    "online": "",
                },
            )
        ]
    )
    response = client.post(url, meeting_form(agenda=agenda))
    assert response.status_code == 200
    assert not ClubMeetingPage.objects.exists()


def test_editor_can_create_a_club_under_a_standard_page(client, home, superuser):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:add", args=("programs", "clubpage", home.pk))
    data = nested_form_data(
        {
            "title": "Деловой клуб методистов",
            "slug": "methodists",
            "lead": "",
            "founded_year": "1989",
            "periodicity": "раз в год",
            "coordinator": "",
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    assert ClubPage.objects.get(slug="methodists").founded_year == 1989


def test_editor_previews_changes_to_a_programme_and_a_meeting(client, home, editor):
    index = programme_index(home)
    existing_programme = programme(index, slug="school-18")
    existing_meeting = meeting(club(home), slug="meeting-36")
    client.force_login(editor)
    for page, form in (
        (existing_programme, programme_form(title="Новое название")),
        (existing_meeting, meeting_form(title="Новое название")),
    ):
        url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
        assert client.post(url, form).json()["is_valid"]
        response = client.get(url)
        assert response.status_code == 200
        assert "Новое название" in response.content.decode()
        assert "application/ld+json" in response.content.decode()


def test_editor_previews_a_programme_before_it_is_first_saved(client, home, editor):
    index = programme_index(home)
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("programs", "trainingprogrampage", index.pk),
    )
    assert client.post(url, programme_form(title="Черновик программы")).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert "Черновик программы" in response.content.decode()
