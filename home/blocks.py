"""The body blocks shared by every page type of the site."""

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; levels start at h2 because the page title is the only h1."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"

    def get_searchable_content(self, value):
        # The level's label ("Section", in the language active while indexing) is no text of
        # the page: it matched searches for the word and showed up in English excerpts.
        return self.child_blocks["text"].get_searchable_content(value["text"])


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alternative text (required unless decorative) and a visible caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    # Images placed before credits existed have none: "" keeps translation tools working.
    credit = blocks.CharBlock(
        label=_("Photo credit"),
        required=False,
        default="",
        max_length=200,
        help_text=_("Photographer or source, e.g. «Фото: пресс-служба библиотеки»."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Author"), required=False)
    position = blocks.CharBlock(label=_("Author's position"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_("Leave empty to use the document title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "home/blocks/document.html"


class FactBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=120)
    value = blocks.CharBlock(label=_("Value"), max_length=300)


class FactsBlock(blocks.StructBlock):
    """A short table of facts (a definition list): dates, figures, addresses."""

    title = blocks.CharBlock(label=_("Title"), required=False)
    facts = blocks.ListBlock(FactBlock(), label=_("Facts"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Table of facts")
        template = "home/blocks/facts.html"


class FigureValue(blocks.StructValue):
    def formatted_number(self):
        """The number with the reader's separators: «1 787» (no-break space), «1,787»,
        «3,5»; years are no figures here, so grouping is always on."""
        number = self.get("number")
        if number is None:
            return ""
        if number == number.to_integral_value():
            number = int(number)
        return formats.number_format(number, force_grouping=True)


class FigureBlock(blocks.StructBlock):
    number = blocks.DecimalBlock(label=_("Number"), min_value=0, max_digits=12, decimal_places=2)
    unit = blocks.CharBlock(
        label=_("Unit"),
        required=False,
        max_length=60,
        help_text=_("The word after the number, e.g. «участников», «просмотров»."),
    )
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=200,
        help_text=_("What was counted, e.g. «онлайн-мероприятий с мая по август»."),
    )

    class Meta:
        value_class = FigureValue


class FiguresBlock(blocks.StructBlock):
    """Key figures in large type: participants, events, views, libraries."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Figures")
        template = "home/blocks/figures.html"


class LinkValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        return page.localized.url if page else self.get("url")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another address."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "home/blocks/link.html"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or an external address.")
            raise blocks.StructBlockValidationError(block_errors={"page": ValidationError(message)})
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=PARAGRAPH_FEATURES, template="home/blocks/paragraph.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(label=_("Video or other embed"), template="home/blocks/embed.html")
    facts = FactsBlock()
    figures = FiguresBlock()
