"""Blocks of training programmes (modules) and club meetings (agenda, materials)."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import CaptionedImageBlock, DocumentLinkBlock, LinkBlock
from programs import people as people_helpers

# People already fetched for the stream being converted (see AgendaValue).
_fetched_people = ContextVar("fetched_people", default=None)


@contextmanager
def people_fetched(people):
    """Blocks converted inside take their people from `people` (by id) instead of a query."""
    token = _fetched_people.set(people)
    try:
        yield
    finally:
        _fetched_people.reset(token)


DESCRIPTION_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol"]


class PersonChooserBlock(SnippetChooserBlock):
    """A person snippet, fetched together with the organisation printed under the name."""

    def __init__(self, **kwargs):
        super().__init__("home.Person", **kwargs)

    def bulk_to_python(self, values):
        values = list(values)
        people = _fetched_people.get()
        if people is None:
            people = people_helpers.fetch([value for value in values if value])
        return [people.get(value) for value in values]


class SpeakerValue(blocks.StructValue):
    def name(self):
        person = self.get("person")
        return person.name if person else self.get("free_name")

    def credentials(self):
        person = self.get("person")
        if person:
            return people_helpers.credentials(person)
        return ", ".join(part for part in (self.get("position"), self.get("organisation")) if part)


class SpeakerBlock(blocks.StructBlock):
    """A speaker or lecturer: a person from the directory, or a name typed in with details."""

    person = PersonChooserBlock(
        label=_("Person"),
        required=False,
        help_text=_("Choose from the directory of people, or fill in the fields below."),
    )
    free_name = blocks.CharBlock(label=_("Full name"), required=False, max_length=160)
    position = blocks.CharBlock(label=_("Position"), required=False, max_length=255)
    organisation = blocks.CharBlock(label=_("Organisation"), required=False, max_length=255)

    class Meta:
        icon = "user"
        label = _("Speaker")
        template = "programs/blocks/speaker.html"
        value_class = SpeakerValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("person")) == bool(value.get("free_name")):
            message = _("Choose a person from the directory or type a name, not both.")
            raise blocks.StructBlockValidationError(
                block_errors={"person": ValidationError(message)}
            )
        return value


class TimedValue(blocks.StructValue):
    def time_range(self):
        start, end = self.get("start_time"), self.get("end_time")
        if start and end:
            return f"{start:%H:%M}–{end:%H:%M}"
        return f"{start:%H:%M}" if start else ""


class ModuleBlock(blocks.StructBlock):
    """One session of a training programme: a lecture, seminar-training or practical class."""

    date = blocks.DateBlock(label=_("Date"), required=False)
    start_time = blocks.TimeBlock(label=_("Start time"), required=False)
    end_time = blocks.TimeBlock(label=_("End time"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    lecturers = blocks.ListBlock(SpeakerBlock(), label=_("Lecturers"), default=[])
    description = blocks.RichTextBlock(
        label=_("Description"), required=False, features=DESCRIPTION_FEATURES
    )
    online = blocks.BooleanBlock(label=_("Online"), required=False)

    class Meta:
        icon = "date"
        label = _("Module")
        template = "programs/blocks/module.html"
        value_class = TimedValue


class ModulesBlock(blocks.StreamBlock):
    module = ModuleBlock()


class AgendaItemBlock(blocks.StructBlock):
    """An item of a meeting's agenda; the subclasses differ only in kind, icon and label."""

    start_time = blocks.TimeBlock(label=_("Start time"), required=False)
    end_time = blocks.TimeBlock(label=_("End time"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    speakers = blocks.ListBlock(SpeakerBlock(), label=_("Speakers"), default=[])
    description = blocks.RichTextBlock(
        label=_("Description"), required=False, features=DESCRIPTION_FEATURES
    )
    online = blocks.BooleanBlock(
        label=_("Online"), required=False, help_text=_("The speaker takes part remotely.")
    )

    class Meta:
        icon = "comment"
        label = _("Talk")
        template = "programs/blocks/agenda_item.html"
        value_class = TimedValue

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind"] = self.meta.label
        context["kind_name"] = self.name
        return context


class RoundTableBlock(AgendaItemBlock):
    class Meta:
        icon = "group"
        label = _("Round table")


class BusinessGameBlock(AgendaItemBlock):
    class Meta:
        icon = "cogs"
        label = _("Business game")


class QuizBlock(AgendaItemBlock):
    class Meta:
        icon = "help"
        label = _("Quiz")


class ExcursionBlock(AgendaItemBlock):
    class Meta:
        icon = "site"
        label = _("Excursion")


class BreakBlock(AgendaItemBlock):
    class Meta:
        icon = "time"
        label = _("Break")


class OtherItemBlock(AgendaItemBlock):
    class Meta:
        icon = "pick"
        label = _("Other")


class DayValue(blocks.StructValue):
    def heading(self):
        day = self.get("date")
        return date_format(day, "l, j E") if day else ""


class DayBlock(blocks.StructBlock):
    """Starts a day of a multi-day meeting: the items below it, up to the next day, belong
    to it and take place at its venue."""

    date = blocks.DateBlock(label=_("Date"))
    venue = blocks.CharBlock(
        label=_("Venue"),
        required=False,
        max_length=255,
        help_text=_("Where this day takes place, if not at the meeting's venue."),
    )

    class Meta:
        icon = "calendar"
        label = _("Day")
        template = "programs/blocks/agenda_day.html"
        value_class = DayValue


class AgendaDay:
    """A day of an agenda as shown: its heading block (None before the first one) and items."""

    def __init__(self, day):
        self.day = day
        self.items = []


def agenda_days(stream):
    """The agenda's items grouped under the day blocks that precede them; items before the
    first day (every item of an agenda without days) form a group without a heading."""
    groups = [AgendaDay(None)]
    for block in stream:
        if block.block_type == "day":
            groups.append(AgendaDay(block))
        else:
            groups[-1].items.append(block)
    return [group for group in groups if group.day or group.items]


def _raw_struct(item):
    """A list item as stored: {"type": "item", "value": {...}}, or the bare value (older)."""
    return item["value"] if "type" in item and "value" in item else item


def referenced_people(stream, field):
    """Ids of the directory people named in the `field` list of each item of `stream`."""
    ids = {
        _raw_struct(entry).get("person")
        for item in stream.raw_data
        if item
        for entry in item["value"].get(field) or []
    }
    return [pk for pk in ids if pk]


class AgendaValue(StreamValue):
    """Converts every kind of agenda item at once, with a single query for all speakers."""

    def _prefetch_blocks(self, type_name):
        people = people_helpers.fetch(referenced_people(self, "speakers"))
        with people_fetched(people):
            for name in {item["type"] for item in self._raw_data if item}:
                super()._prefetch_blocks(name)


class AgendaBlock(blocks.StreamBlock):
    day = DayBlock()
    talk = AgendaItemBlock()
    round_table = RoundTableBlock()
    business_game = BusinessGameBlock()
    quiz = QuizBlock()
    excursion = ExcursionBlock()
    pause = BreakBlock()
    other = OtherItemBlock()

    def to_python(self, value):
        stream = super().to_python(value)
        # A value that is already a stream may hold edited blocks (wagtail-localize writes
        # translations into them); rebuilding it from its raw data would drop the edits.
        if stream.is_lazy and not isinstance(value, StreamValue):
            return AgendaValue(self, stream._raw_data, is_lazy=True)
        return stream


class MaterialsBlock(blocks.StreamBlock):
    """Presentations, photos and other materials of a meeting."""

    document = DocumentLinkBlock()
    image = CaptionedImageBlock()
    link = LinkBlock()
