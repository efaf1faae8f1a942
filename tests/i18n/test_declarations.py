"""Every page type and translatable snippet says which fields translate and which stay shared."""

from django.apps import apps
from django.conf import settings
from django.db import models

from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import get_translatable_fields

import pytest

from home.models import Organisation, Person

# Page's own fields keep wagtail-localize's defaults (title, slug and SEO texts translate).
PAGE_DEFAULTS = {"title", "slug", "seo_title", "search_description", "show_in_menus"}
SHARED_FACTS = (
    models.DateField,
    models.TimeField,
    models.IntegerField,
    models.DecimalField,
    models.BooleanField,
    models.URLField,
    models.FileField,
)


def translatable_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in settings.LOCAL_APPS
        and (issubclass(model, Page) or issubclass(model, TranslatableMixin))
    ]


@pytest.mark.parametrize("model", translatable_models(), ids=lambda model: model.__name__)
def test_model_declares_every_field_as_translated_or_synchronised(model):
    declared = {field.field_name for field in getattr(model, "override_translatable_fields", [])}
    for name in declared:
        model._meta.get_field(name)  # raises for a misspelt or removed field
    derived = {field.field_name for field in get_translatable_fields(model)}
    undeclared = derived - declared - PAGE_DEFAULTS - {"tags"}
    assert not undeclared, f"{model.__name__}: declare {sorted(undeclared)}"


@pytest.mark.parametrize("model", translatable_models(), ids=lambda model: model.__name__)
def test_dates_numbers_files_people_and_organisations_stay_synchronised(model):
    for field in get_translatable_fields(model):
        target = model._meta.get_field(field.field_name)
        is_fact = isinstance(target, SHARED_FACTS) or (
            isinstance(target, models.ForeignKey) and target.related_model in (Person, Organisation)
        )
        if is_fact or getattr(target, "choices", None):
            assert not field.is_translated(None), f"{model.__name__}.{field.field_name}"
