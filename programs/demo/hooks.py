"""Steps of the programs demo that are more than data: resolutions dated by their events."""

import datetime

from django.core.files.base import ContentFile

from wagtail.models import Page

from home.demo import make_document, make_pdf
from programs.models import ClubMeetingPage, TrainingProgramPage


def adopting_events():
    """The demo events that documents can name in `adopted_at` (they move with today)."""
    meetings = list(ClubMeetingPage.objects.filter(start_date__lt=datetime.date.today()))
    meetings.sort(key=lambda meeting: meeting.start_date)
    return {
        "first-meeting": meetings[0] if meetings else None,
        "second-meeting": meetings[1] if len(meetings) > 1 else None,
        "school": TrainingProgramPage.objects.filter(slug="school-18").first(),
    }


def resolutions(loader, items):
    """Resolutions under the register: one adopted at a demo event carries the event's last
    day and that year in its number; each gets a PDF, and a `corrected` one a second file (the
    first stays as an earlier version for the staff)."""
    register = loader.reference(Page, "documents")
    events = adopting_events()
    created = 0
    for item in items:
        existing = register.get_children().filter(slug=item["slug"]).first()
        if existing:
            loader.wants_english(existing.specific, item)
            continue
        event = events.get(item.get("adopted_at"))
        date, number = item["date"], item["number"]
        if event:
            date = event.last_day
            number = f"{number.split('/')[0]}/{date.year}"
        title = f"Резолюция № {number}"
        clauses = [loader.text(clause) for clause in item["clauses"]]
        paragraphs = [loader.text(item["title"])]
        paragraphs += [f"{n}. {clause}" for n, clause in enumerate(clauses, 1)]
        filename = f"Резолюция {number}".replace("/", "-")
        document = make_document(title, paragraphs, f"{filename}.pdf")
        supersedes = item.get("supersedes")
        page_item = {
            **{name: value for name, value in item.items() if name != "corrected"},
            "type": "programs.ResolutionPage",
            "number": number,
            "date": date,
            "adopted_at": event,
            "supersedes": f"documents/{supersedes}" if supersedes else None,
            "clauses": [{"clause": {"text": clause}} for clause in item["clauses"]],
            "document": document,
        }
        loader.page(register, page_item)
        created += 1
        if item.get("corrected"):
            corrected = make_pdf(f"{title} (исправленная редакция)", paragraphs)
            document.file = ContentFile(corrected, name=f"{filename} испр.pdf")
            document.save()
    return f"{created} new"
