"""Demo registrations: a past school with attendance marked (certificates), a full internship
with a waiting list, and an upcoming club meeting with places left. Idempotent."""

import datetime

from django.utils import timezone

from wagtail.models import Page

from home.models import Organisation
from programs.demo import organisation
from programs.models import Registration, RegistrationSettings

Status = Registration.Status

PEOPLE = [
    # name, position, organisation short name (or a typed name), region, e-mail
    (
        "Ольга Петровна Смирнова",
        "Директор",
        "ЦБС г. Вышний Волочёк",
        "Тверская область",
        "smirnova@vvcbs.example",
    ),
    (
        "Андрей Сергеевич Белов",
        "Заместитель директора",
        "Кимрская МЦБ",
        "Тверская область",
        "belov@kimry-lib.example",
    ),
    (
        "Елена Викторовна Орлова",
        "Заведующая методическим отделом",
        "Библиотека посёлка Редкино",
        "Тверская область",
        "orlova@redkino-lib.example",
    ),
    (
        "Наталья Ивановна Козлова",
        "Библиотекарь",
        "НОУНБ",
        "Новгородская область",
        "kozlova@nounb.example",
    ),
    (
        "Сергей Павлович Морозов",
        "Главный библиотекарь",
        "Детская библиотека им. А. С. Пушкина",
        "Тверская область",
        "morozov@detlib.example",
    ),
]

EVENTS = [
    # page slug, settings, (person index, status, attended, attendance mode)
    (
        "school-18",
        {"capacity": 40},
        [
            (0, Status.CONFIRMED, True, ""),
            (1, Status.CONFIRMED, True, ""),
            (2, Status.CONFIRMED, False, ""),
        ],
    ),
    (
        "children-library-internship",
        {"capacity": 3, "ask_phone": "required"},
        [
            (4, Status.CONFIRMED, False, ""),
            (2, Status.CONFIRMED, False, ""),
            (3, Status.CONFIRMED, False, ""),
            (0, Status.WAITLISTED, False, ""),
        ],
    ),
    (
        "meeting-36",
        {
            "capacity": 60,
            "extra_questions": [
                (
                    "question",
                    {
                        "label": "Какой опыт вы хотели бы представить на заседании?",
                        "label_en": "What experience would you like to present at the meeting?",
                        "required": False,
                    },
                )
            ],
        },
        [(1, Status.CONFIRMED, False, "in_person"), (3, Status.CONFIRMED, False, "online")],
    ),
]


def member_organisation(name):
    try:
        return organisation(name), ""
    except Organisation.DoesNotExist:  # a library not in the directory: typed by the reader
        return None, name


def load(command):
    now = timezone.now()
    for slug, options, rows in EVENTS:
        page = Page.objects.filter(slug=slug, locale__language_code="ru").first()
        if page is None:
            continue
        event_settings, _created = RegistrationSettings.objects.get_or_create(
            page=page,
            defaults={"opens_at": now - datetime.timedelta(days=30), **options},
        )
        for number, (person, status, attended, mode) in enumerate(rows):
            name, position, organisation_name, region, email = PEOPLE[person]
            member, typed = member_organisation(organisation_name)
            Registration.objects.get_or_create(
                event=event_settings,
                email=email,
                defaults={
                    "name": name,
                    "position": position,
                    "organisation": member,
                    "organisation_name": typed,
                    "region": region,
                    "phone": f"+7 (4822) 00-00-0{number}" if options.get("ask_phone") else "",
                    "status": status,
                    "attended": attended,
                    "attendance_mode": mode,
                    "language": "ru",
                    "consent_at": now - datetime.timedelta(days=20 - number),
                    "created_at": now - datetime.timedelta(days=20 - number),
                },
            )
    command.progress("event registrations")
