"""News body: the site's shared body blocks plus a photo gallery."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from home.blocks import BodyBlock, CaptionedImageBlock


class GalleryBlock(blocks.StructBlock):
    """A set of photographs shown as a grid of thumbnails, each linking to its large version."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Photographs"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Photo gallery")
        template = "news/blocks/gallery.html"


class NewsBodyBlock(BodyBlock):
    gallery = GalleryBlock()
    # Tables come with member news (results, schedules); the intake keeps them as tables.
    table = TableBlock(label=_("Table"))
