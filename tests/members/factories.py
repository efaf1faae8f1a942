"""Factories for documents, resolutions and member accounts."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

import factory

from home.demo import make_pdf
from home.members.roles import MEMBERS
from home.models import AssociationDocument, MemberProfile
from tests.factories import OrganisationFactory, UserFactory


def pdf_file(name="Резолюция.pdf", words="Текст итогового документа"):
    return ContentFile(make_pdf("Итоговый документ", [words]), name=name)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssociationDocument

    title = factory.Sequence(lambda n: f"Итоговый документ {n}")
    file = factory.LazyFunction(pdf_file)


def member_user(username="member", organisation=None, **kwargs):
    user = UserFactory(username=username, **kwargs)
    user.groups.add(Group.objects.get(name=MEMBERS))
    MemberProfile.objects.create(user=user, organisation=organisation or OrganisationFactory())
    return user


def resolution_index(parent, slug="resolutions"):
    from programs.models import ResolutionIndexPage
    from tests.factories import add_page

    return add_page(parent, ResolutionIndexPage(title="Итоговые документы", slug=slug))


def resolution(index, status, slug=None, document=None, **kwargs):
    import datetime

    from programs.models import ResolutionPage
    from tests.factories import add_page

    values = {
        "title": f"Резолюция ({status})",
        "slug": slug or f"resolution-{status}",
        "number": "3/2024",
        "date": datetime.date(2024, 5, 15),
        "status": status,
        "summary": "О развитии краеведческой работы муниципальных библиотек.",
        "document": document if document is not None else DocumentFactory(),
    }
    event = kwargs.get("adopted_at")
    if event is not None and "date" not in kwargs:
        values["date"] = event.specific.start_date  # adopted on a day of its event
    values.update(kwargs)
    return add_page(index, ResolutionPage(**values))
