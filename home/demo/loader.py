"""Reads an app's demo content (`<app>/demo/content.yaml`) and makes the site it describes.

The file is a mapping of sections, loaded in the order they are written:

- `snippets` / `records`: groups of `{model, find_by, items}`; each item is found by its
  `find_by` fields (and the Russian locale, for translatable models) and created when missing.
- `pages`: a tree of pages (`type`, fields, `tags`, `children`); a page is found by its slug
  under its parent and created and published when missing. Top-level pages go under the
  Russian home page; an item of the home page's own type fills that page while it is empty.
- `settings`: groups of `{model, ...fields}` of a site setting, written while the group's first
  field is empty (so that what editors change in the admin stays).
- `tags`: English names of tags (Russian name: English name).
- `glossary`: English for text the loader writes itself (the descriptions of drawn pictures).
- any other section is handed to the function of that name in `<app>.demo.hooks`.

Values: `{ru: ..., en: ...}` is a text with its English translation, and an item whose title
(or name) has one gets an English version made with wagtail-localize at the end of the app.
Rich text written without tags becomes a paragraph. Related objects are named: pages by their
path under the home page (`clubs/methodists-club`), snippets by slug, short name, name or
e-mail; a picture is `{draw: title, seed: ...}` (drawn by home.illustrations from the title, the
page's own if none is given; its description becomes the alternative text unless one is
given), a PDF document `{pdf: title, text: [...], file: name.pdf}`. Dates may be relative:
`today + 20`, `today - 60 (month start)`, `today + 90 (tuesday)` (that weekday of the same
week), `now - 2 days`. Times are written `10:30`.
"""

import calendar
import datetime
import importlib
import importlib.util
import re
from pathlib import Path

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.snippets.blocks import SnippetChooserBlock

import yaml
from taggit.models import Tag

from home.demo.media import make_document, make_image
from home.demo.translation import translate
from home.i18n.tags import TagEnglishName

REFERENCE_FIELDS = ("slug", "short_name", "name", "email", "page")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = re.compile(
    r"^(today|now)\s*(?:([+-])\s*(\d+)(?:\s*days?)?)?\s*"
    rf"(?:\((month start|month end|{'|'.join(WEEKDAYS)})\))?$"
)
PAGE_KEYS = {"type", "children", "tags"}


def content_file(app_label):
    return Path(apps.get_app_config(app_label).path) / "demo" / "content.yaml"


def load_app(app_label, command, sections=None):
    """Load the demo content of `app_label`, or only the named `sections` of its file."""
    Loader(app_label, command).load(sections)


class Loader:
    def __init__(self, app_label, command):
        self.app_label = app_label
        self.command = command
        self.russian = Locale.objects.get(language_code="ru")
        hooks = f"{app_label}.demo.hooks"
        self.hooks = importlib.import_module(hooks) if importlib.util.find_spec(hooks) else None
        self.glossary = {}
        self.english = []  # (Russian object, its strings), translated once the app is loaded

    def load(self, sections=None):
        content = yaml.safe_load(content_file(self.app_label).read_text(encoding="utf-8"))
        self.glossary = content.get("glossary") or {}
        for section, value in content.items():
            if sections is not None and section not in sections or section == "glossary":
                continue
            handler = getattr(self, f"load_{section}", None)
            if handler is None:
                handler = getattr(self.hooks, section)
                message = handler(self, value)
            else:
                message = handler(value)
            self.command.progress(f"{section}: {message}")
        english, created = Locale.objects.get(language_code="en"), 0
        for instance, strings in self.english:
            created += instance.get_translation_or_none(english) is None
            # Fresh from the database, as a translator would open it: stream values read back
            # from their stored form.
            translate(type(instance).objects.get(pk=instance.pk), strings)
        if self.english:
            self.command.progress(f"English versions: {created} new of {len(self.english)}")

    # Sections

    def load_records(self, groups):
        created = 0
        for group in groups:
            model = apps.get_model(group["model"])
            keys = group["find_by"] if isinstance(group["find_by"], list) else [group["find_by"]]
            for item in group["items"]:
                values = {name: self.value(model, name, raw) for name, raw in item.items()}
                lookup = {key: values.pop(key) for key in keys}
                if issubclass(model, TranslatableMixin):
                    lookup["locale"] = self.russian
                instance, new = model.objects.get_or_create(**lookup, defaults=values)
                created += new
                self.wants_english(instance, item)
        return f"{created} new"

    load_snippets = load_records

    def load_pages(self, items):
        return f"{self.page_tree(items, None)} new"

    def page_tree(self, items, parent):
        created = 0
        for item in items:
            page, new = self.page(parent, item)
            created += new + self.page_tree(item.get("children", []), page)
        return created

    def load_settings(self, groups):
        filled = 0
        for group in groups:
            model = apps.get_model(group["model"])
            site_setting = model.for_site(Site.objects.get(is_default_site=True))
            fields = {name: raw for name, raw in group.items() if name != "model"}
            if not getattr(site_setting, next(iter(fields))):
                for name, raw in fields.items():
                    setattr(site_setting, name, self.value(model, name, raw))
                site_setting.save()
                filled += 1
        return f"{filled} groups filled"

    def load_tags(self, names):
        named = 0
        for russian, english in names.items():
            for tag in Tag.objects.filter(name__iexact=russian, english_name__isnull=True):
                TagEnglishName.objects.create(tag=tag, name=english)
                named += 1
        return f"{named} English names"

    # Pages

    def home(self):
        return Page.objects.get(depth=2, locale=self.russian).specific

    def page(self, parent, item):
        """The page `item` under `parent` (the home page if None), and whether it is new."""
        model = apps.get_model(item["type"])
        home = self.home()
        if parent is None and isinstance(home, model):
            fields = {name: raw for name, raw in item.items() if name not in PAGE_KEYS}
            if not any(getattr(home, name) for name in fields if name not in {"title", "slug"}):
                for name, raw in fields.items():
                    setattr(home, name, self.value(model, name, raw))
                home.save_revision().publish()
            self.wants_english(home, item)
            return home, False
        parent = parent or home
        slug = self.text(item["slug"])
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            self.wants_english(existing.specific, item)
            return existing.specific, False
        page = model(**self.fields(model, item))
        if item.get("tags"):
            page.tags.add(*item["tags"])
        for name, rows in item.items():
            field = model._meta.get_field(name) if name not in PAGE_KEYS else None
            if field is not None and field.one_to_many:
                manager = getattr(page, name)
                for row in rows:
                    values = self.child(field, row)
                    if None not in values.values():  # e.g. a related page of an app not loaded
                        manager.add(field.related_model(**values))
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.wants_english(page, item)
        return page, True

    def fields(self, model, item):
        values = {}
        for name, raw in item.items():
            if name in PAGE_KEYS or model._meta.get_field(name).one_to_many:
                continue
            values[name] = self.value(model, name, raw, title=self.text(item.get("title")))
            alt = f"{name}_alt"
            if isinstance(raw, dict) and "seed" in raw and alt not in item:
                values[alt] = values[name].description
        return values

    def child(self, relation, row):
        """The fields of an inline row (an author, a host, a related page) from `row`."""
        model = relation.related_model
        if isinstance(row, dict) and not {"ru", "seed", "pdf"} & set(row):
            return {name: self.value(model, name, raw) for name, raw in row.items()}
        targets = [
            field
            for field in model._meta.fields
            if field.is_relation and field.name != relation.field.name
        ]
        return {targets[0].name: self.reference(targets[0].related_model, row)}

    # Values

    def value(self, model, name, raw, title=None):
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            return self.block(field.stream_block, raw)
        if isinstance(field, RichTextField):
            return self.rich(raw)
        if field.many_to_many:
            return [self.reference(field.related_model, one) for one in raw]
        if field.is_relation:
            return self.reference(field.related_model, raw, title)
        if isinstance(field, models.DateTimeField):
            return self.moment(raw)
        if isinstance(field, models.DateField):
            return self.date(raw)
        if isinstance(field, models.TimeField):
            return self.time(raw)
        return self.text(raw)

    def block(self, block, raw):
        """The value of `block` written in YAML, as Python code would assign it."""
        if isinstance(block, blocks.BaseStreamBlock):
            return [
                (kind, self.block(block.child_blocks[kind], value))
                for entry in raw
                for kind, value in entry.items()
            ]
        if isinstance(block, blocks.ListBlock):
            return [self.block(block.child_block, one) for one in raw]
        if isinstance(block, ImageBlock):
            image = self.reference(block.child_blocks["image"].model_class, raw)
            alt_text = self.text(raw.get("alt_text", image.description))
            return {"image": image, "alt_text": alt_text, "decorative": False}
        if isinstance(block, blocks.StructBlock):
            return {name: self.block(block.child_blocks[name], one) for name, one in raw.items()}
        if isinstance(block, blocks.RichTextBlock):
            return self.rich(raw)
        if isinstance(block, ImageChooserBlock | DocumentChooserBlock | SnippetChooserBlock):
            return self.reference(block.model_class, raw)
        if isinstance(block, blocks.DateBlock):
            return self.date(raw)
        if isinstance(block, blocks.TimeBlock):
            return self.time(raw)
        return self.text(raw)

    def reference(self, model, raw, title=None):
        """The object that `raw` names: a page path, a picture, a PDF, or a snippet's key."""
        if raw is None or isinstance(raw, models.Model):
            return raw
        if issubclass(model, Page):
            path = self.home().url_path + (f"{raw.strip('/')}/" if raw.strip("/") else "")
            page = Page.objects.filter(url_path=path, locale=self.russian).first()
            return page.specific if page else None
        if "seed" in raw:
            return make_image(
                self.text(raw.get("draw", title)), raw["seed"], scene=raw.get("scene")
            )
        if "pdf" in raw:
            return make_document(self.text(raw["pdf"]), raw.get("text", []), raw["file"])
        names = {field.name for field in model._meta.fields}
        key = next(name for name in REFERENCE_FIELDS if name in names)
        lookup = {key: self.value(model, key, raw)}
        if issubclass(model, TranslatableMixin):
            lookup["locale"] = self.russian
        return model.objects.get(**lookup)

    def text(self, raw):
        return raw["ru"] if isinstance(raw, dict) and "ru" in raw else raw

    def rich(self, raw):
        text = self.text(raw) or ""
        return text if not text or text.startswith("<") else f"<p>{text}</p>"

    def date(self, raw):
        if not isinstance(raw, str):
            return raw
        base, sign, number, month = RELATIVE.match(raw).groups()
        delta = datetime.timedelta(days=int(number or 0) * (-1 if sign == "-" else 1))
        if base == "now":
            # Whole seconds: a translated copy keeps no more than milliseconds.
            return (timezone.now() + delta).replace(microsecond=0)
        day = datetime.date.today() + delta
        if month == "month start":
            return day.replace(day=1)
        if month == "month end":
            return day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if month in WEEKDAYS:
            # That weekday of the same week: a meeting's days stay on working days, in order.
            return day + datetime.timedelta(days=WEEKDAYS.index(month) - day.weekday())
        return day

    def moment(self, raw):
        if isinstance(raw, str) and raw.startswith("now"):
            return self.date(raw)
        return timezone.make_aware(parse_datetime(raw)) if isinstance(raw, str) else raw

    def time(self, raw):
        # YAML 1.1 reads an unquoted 10:30 as the sexagesimal number 630, i.e. minutes.
        if isinstance(raw, int):
            return datetime.time(*divmod(raw, 60))
        return datetime.time.fromisoformat(raw) if raw else None

    # English

    def wants_english(self, instance, item):
        title = item.get("title", item.get("name"))
        if isinstance(title, dict) and title.get("en"):
            self.english.append((instance, {**self.glossary, **self.strings(item)}))

    def strings(self, raw):
        """Russian text: English, of every translated text in `raw` outside its child pages."""
        found = {}
        if isinstance(raw, dict):
            if "ru" in raw and raw.get("en"):
                found[raw["ru"]] = raw["en"]
            for name, value in raw.items():
                if name != "children":
                    found.update(self.strings(value))
        elif isinstance(raw, list):
            for value in raw:
                found.update(self.strings(value))
        return found
