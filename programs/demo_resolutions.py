"""Demo final documents: a register with resolutions in every status, PDFs made locally.

Called from programs.demo.load() after the meetings and programmes they were adopted at.
"""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from home.demo import add_child, home_page, make_pdf
from programs.models import (
    ClubMeetingPage,
    ResolutionIndexPage,
    ResolutionPage,
    ResolutionStatus,
    TrainingProgramPage,
)

RESOLUTIONS = [
    {
        "slug": "1-2023",
        "number": "1/2023",
        "title": "Об организации краеведческой работы муниципальных библиотек",
        "date": datetime.date(2023, 4, 20),
        "status": ResolutionStatus.SUPERSEDED,
        "event": "first-meeting",
        "summary": "Первые общие рекомендации по краеведческой работе: летопись района, "
        "краеведческие чтения, оцифровка местной периодики.",
        "clauses": [
            "Рекомендовать центральным библиотекам вести электронную летопись района.",
            "Проводить краеведческие чтения не реже одного раза в год.",
        ],
        "tags": ["краеведение"],
    },
    {
        "slug": "2-2024",
        "number": "2/2024",
        "title": "Рекомендации Школы руководителей библиотек",
        "date": datetime.date(2024, 10, 18),
        "status": ResolutionStatus.ADOPTED,
        "event": "school",
        "summary": "Итоги Школы руководителей: планирование, отчётность и работа "
        "с местным сообществом.",
        "clauses": [
            "Включить в планы библиотек мероприятия с участием местных сообществ.",
            "Перейти на единую форму ежеквартальной отчётности ассоциации.",
        ],
        "tags": ["управление", "отчётность"],
    },
    {
        "slug": "3-2024",
        "number": "3/2024",
        "title": "О краеведческой работе библиотек (новая редакция)",
        "date": datetime.date(2024, 11, 28),
        "status": ResolutionStatus.ADOPTED,
        "event": "second-meeting",
        "supersedes": "1-2023",
        "summary": "Новая редакция рекомендаций по краеведению: школьные проекты, "
        "краеведческие маршруты и книгообеспеченность сельских филиалов.",
        "clauses": [
            "Разработать с общеобразовательными школами совместные краеведческие проекты.",
            "Составить для каждого округа не менее двух краеведческих маршрутов.",
            "Ежегодно оценивать книгообеспеченность сельских филиалов.",
        ],
        "tags": ["краеведение"],
        "replaced": True,
    },
    {
        "slug": "4-2025",
        "number": "4/2025",
        "title": "О модельном стандарте муниципальной библиотеки",
        "date": datetime.date(2025, 3, 14),
        "status": ResolutionStatus.DISCUSSION,
        "event_text": "Общее собрание ассоциации, 14 марта 2025 года",
        "summary": "Проект модельного стандарта вынесен на обсуждение членов ассоциации.",
        "clauses": ["Принять за основу модельный стандарт деятельности библиотеки."],
        "tags": ["стандарты"],
    },
    {
        "slug": "5-2025",
        "number": "5/2025",
        "title": "О членских взносах на 2026 год",
        "date": datetime.date(2025, 9, 1),
        "status": ResolutionStatus.DRAFT,
        "event_text": "Заседание правления ассоциации",
        "summary": "Проект решения правления о размере членских взносов.",
        "clauses": ["Сохранить размер членских взносов на уровне 2025 года."],
        "tags": ["взносы"],
    },
]


def make_document(title, paragraphs, filename):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    return Document.objects.create(
        title=title, file=ContentFile(make_pdf(title, paragraphs), name=filename)
    )


def adopting_events():
    meetings = list(ClubMeetingPage.objects.filter(start_date__lt=datetime.date.today()))
    meetings.sort(key=lambda meeting: meeting.start_date)
    school = TrainingProgramPage.objects.filter(slug="school-18").first()
    return {
        "first-meeting": meetings[0] if meetings else None,
        "second-meeting": meetings[1] if len(meetings) > 1 else None,
        "school": school,
    }


def create_register():
    return add_child(
        home_page(),
        ResolutionIndexPage(
            title="Итоговые документы",
            slug="documents",
            show_in_menus=True,
            lead="Резолюции и решения, принятые на заседаниях клубов, в программах "
            "обучения и на собраниях ассоциации. Полные тексты доступны членам ассоциации "
            "после входа на сайт.",
        ),
    )


def adoption(data, events):
    """The date and number of a document: one adopted at a demo event carries the event's
    last day (the events move with today's date) and that year in its number."""
    event = events.get(data.get("event"))
    if not event:
        return data["date"], data["number"]
    date = event.last_day
    return date, f"{data['number'].split('/')[0]}/{date.year}"


def create_resolution(register, data, events):
    existing = register.get_children().filter(slug=data["slug"]).first()
    if existing:
        return existing.specific
    date, number = adoption(data, events)
    data = {**data, "number": number}
    title = f"Резолюция № {data['number']}"
    paragraphs = [data["title"], *[f"{n}. {c}" for n, c in enumerate(data["clauses"], 1)]]
    document = make_document(title, paragraphs, f"Резолюция {data['number']}.pdf".replace("/", "-"))
    supersedes = ResolutionPage.objects.filter(slug=data.get("supersedes", "-")).first()
    page = ResolutionPage(
        title=data["title"],
        slug=data["slug"],
        number=data["number"],
        date=date,
        status=data["status"],
        adopted_at=events.get(data.get("event")),
        adopted_at_text=data.get("event_text", ""),
        supersedes=supersedes,
        summary=data["summary"],
        clauses=[("clause", {"text": f"<p>{clause}</p>"}) for clause in data["clauses"]],
        document=document,
    )
    page.tags.add(*data["tags"])
    add_child(register, page)
    if data.get("replaced"):
        # A corrected file: the first one stays as an earlier version for the staff.
        document.file = ContentFile(
            make_pdf(title + " (исправленная редакция)", paragraphs),
            name=f"Резолюция {data['number']} испр.pdf".replace("/", "-"),
        )
        document.save()
    return page


def load(command):
    register = create_register()
    events = adopting_events()
    for data in RESOLUTIONS:
        create_resolution(register, data, events)
    command.progress("final documents")
