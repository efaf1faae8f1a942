"""Factories with valid defaults; pages are added under a parent given by the test."""

import contextlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings

from wagtail.models import Locale
from wagtail.signal_handlers import (
    disable_reference_index_auto_update,
    reference_index_auto_update_disabled,
)

import factory

from home.models import Organisation, Person, Region, StandardPage

PASSWORD = "correct-horse-battery"  # noqa: S105


@contextlib.contextmanager
def without_index_updates():
    """Saves that leave the search index and Wagtail's reference index alone: for the query
    budgets, which build many pages to count the queries of serving them; serving reads
    neither index, and indexing is two thirds of what building them costs."""
    if getattr(reference_index_auto_update_disabled, "value", False):
        yield  # within an outer block: Wagtail's switch does not nest
        return
    backends = {
        name: {**options, "AUTO_UPDATE": False}
        for name, options in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield


def russian():
    return Locale.objects.get(language_code="ru")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@library.example")
    password = factory.django.Password(PASSWORD)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Область {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    locale = factory.LazyFunction(russian)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Центральная библиотека № {n}")
    city = "Тверь"
    region = factory.SubFactory(RegionFactory)
    is_member = True
    locale = factory.LazyFunction(russian)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Библиотекарь Номер {n}")
    position = "ведущий методист"
    organisation = factory.SubFactory(OrganisationFactory)
    locale = factory.LazyFunction(russian)


def add_page(parent, page, publish=True):
    """Add `page` under `parent`; publish it through a revision as an editor would."""
    page.live = publish
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def standard_page(parent, title="Об ассоциации", slug="about", **kwargs):
    return add_page(parent, StandardPage(title=title, slug=slug, **kwargs))
