"""Factories for documents, resolutions and member accounts."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

import factory

from home.demo import make_pdf
from home.models import AssociationDocument, MemberProfile
from home.roles import MEMBERS
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
