"""Turn an extracted article into a Russian NewsPage draft sent to moderation."""

import datetime
import io
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import Collection, Comment, Locale

import lxml.html
from PIL import Image as PILImage

from home.members.roles import EDITORS
from home.text import latin_slug
from news.intake.fetch import FetchError, setting
from news.models import NewsIndexPage, NewsPage, NewsPageOrganisation

IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")
COLLECTION = "Новости участников"


class DraftError(Exception):
    """The draft cannot be made; the message is the reason shown in the queue."""


def intake_user():
    """The account drafts made by the scheduled intake are submitted by (an editor)."""
    user, created = get_user_model().objects.get_or_create(
        username=setting("USERNAME"), defaults={"first_name": "Приём новостей"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        editors = Group.objects.filter(name=EDITORS).first()
        if editors:
            user.groups.add(editors)
    return user


def available_slug(index, title):
    base = latin_slug(title) or "novost"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def in_locale(instance, locale):
    """The Russian version of a translatable snippet chosen in any language."""
    if instance is None:
        return None
    return instance.get_translation_or_none(locale) or instance


def news_index():
    index = NewsIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise DraftError(_("There is no Russian news section to put the draft in."))
    return index


def image_collection():
    collection = Collection.objects.filter(name=COLLECTION).first()
    return collection or Collection.get_first_root_node().add_child(name=COLLECTION)


def download_image(fetcher, block, article_title, credit):
    """A Wagtail image made from the article's picture, titled with its caption and credit."""
    try:
        response = fetcher.get(block["src"], accept=IMAGE_TYPES)
        PILImage.open(io.BytesIO(response.body)).verify()
    except (FetchError, OSError, SyntaxError, ValueError):
        return None
    extension = {"image/png": "png", "image/gif": "gif", "image/webp": "webp"}.get(
        response.content_type, "jpg"
    )
    description = block["caption"] or block["alt"] or article_title
    image = get_image_model()(
        title=f"{description} (фото: {block.get('credit') or credit})"[:255],
        description=(block["alt"] or block["caption"])[:255],
        collection=image_collection(),
        file=ImageFile(io.BytesIO(response.body), name=f"intake.{extension}"),
    )
    image.save()
    image.tags.add(block.get("credit") or credit)
    return image


def lead_is(html, article):
    text = " ".join(lxml.html.fromstring(html).text_content().split())
    return text == article["lead"]


def pictures_of(article):
    """Every picture block of the article, galleries' included, in order."""
    for block in article["blocks"]:
        if block["type"] == "image":
            yield block
        yield from block.get("images", [])


def picture_value(block, image, article, credit):
    return {
        "image": {
            "image": image.pk,
            "alt_text": block["alt"] or block["caption"] or article["title"],
            "decorative": False,
        },
        "caption": block["caption"][:300],
        "credit": f"Фото: {block.get('credit') or credit}"[:200],
    }


def body_data(article, images, credit, featured):
    """The body in StreamField's stored form; the featured picture is shown above it."""
    body = []
    blocks = article["blocks"]
    first_text = next((b["html"] for b in blocks if b["type"] == "paragraph"), "")
    for block in blocks:
        kind = block["type"]
        if kind == "paragraph" and block["html"] == first_text and lead_is(first_text, article):
            # The first paragraph became the lead, which the article shows above the body.
            first_text = None
            continue
        if kind == "paragraph":
            body.append({"type": "paragraph", "value": block["html"]})
        elif kind == "heading":
            body.append(
                {"type": "heading", "value": {"text": block["text"][:200], "level": block["level"]}}
            )
        elif kind == "quote":
            body.append(
                {"type": "quote", "value": {"text": block["text"], "author": "", "position": ""}}
            )
        elif kind == "table":
            body.append({"type": "table", "value": table_value(block)})
        elif kind in ("image", "gallery"):
            shown = [
                picture_value(picture, images[picture["src"]], article, credit)
                for picture in block.get("images", [block])
                if images.get(picture["src"]) not in (None, featured)
            ]
            if len(shown) == 1:
                body.append({"type": "image", "value": shown[0]})
            elif shown:
                body.append({"type": "gallery", "value": {"title": "", "images": shown}})
    return json.dumps(body, ensure_ascii=False)


def table_value(block):
    """wagtail.contrib.table_block's stored form of a table read from the page."""
    rows = block["rows"]
    width = max(len(row) for row in rows)
    return {
        "data": [row + [""] * (width - len(row)) for row in rows],
        "first_row_is_table_header": block.get("header", True),
        "first_col_is_header": False,
        "table_caption": "",
    }


def fitting(field_name, *urls):
    """The first address that fits the page's field (a canonical address can be huge)."""
    limit = NewsPage._meta.get_field(field_name).max_length
    return next((url for url in urls if url and len(url) <= limit), "")


UNCERTAIN = {
    "date": ("date", _("The page states no publication date: set the date by hand.")),
    "title": (
        "title",
        _("The page has no headline: the title was taken from its <title> tag, check it."),
    ),
}


def note_uncertain(page, article, user, revision):
    """Comments on the draft's fields the moderator has to check."""
    for field_name in article.get("uncertain", []):
        if field_name in UNCERTAIN:
            contentpath, text = UNCERTAIN[field_name]
            Comment.objects.create(
                page=page,
                user=user,
                text=str(text),
                contentpath=contentpath,
                revision_created=revision,
            )


def create_draft(item, user, fetcher):
    """Make the item's draft and submit it to the moderation workflow; returns the page.
    Pictures downloaded for a draft that then fails are deleted with it."""
    article = item.data
    source = item.source
    credit = source.name if source else (article.get("site_name") or item.url.split("/")[2])
    index = news_index()
    images = {}
    try:
        for block in pictures_of(article):
            if block["src"] not in images:
                images[block["src"]] = download_image(fetcher, block, article["title"], credit)
        with transaction.atomic():
            return make_page(item, article, index, images, credit, user)
    except Exception:
        for image in images.values():
            if image is not None:
                # The file first: a rolled-back transaction would never delete it later.
                image.file.delete(save=False)
                image.delete()
        raise


def make_page(item, article, index, images, credit, user):
    # Drafts made at the same time (hosts are read concurrently) would compute the same tree
    # path under the news section: one at a time, in every process.
    index = NewsIndexPage.objects.select_for_update().get(pk=index.pk)
    featured_block = next((b for b in pictures_of(article) if images.get(b["src"])), {})
    featured = images.get(featured_block.get("src"))
    published = article.get("published_at")
    page = NewsPage(
        title=article["title"],
        slug=available_slug(index, article["title"]),
        date=datetime.datetime.fromisoformat(published) if published else None,
        lead=article["lead"][:400],
        body=body_data(article, images, credit, featured),
        byline=article.get("byline", "")[:255],
        source_name=credit[:255],
        source_url=fitting("source_url", article.get("canonical_url"), item.url),
        age_rating=article.get("age_rating", ""),
        featured_image=featured,
        featured_image_credit=(
            f"Фото: {featured_block.get('credit') or credit}"[:255] if featured else ""
        ),
        featured_image_alt=(featured_block.get("alt") or featured_block.get("caption", ""))[:255],
        live=False,
    )
    if item.source:
        organisation = in_locale(item.source.organisation, index.locale)
        page.organisations.add(NewsPageOrganisation(organisation=organisation))
        region = in_locale(organisation.region, index.locale)
        page.regions = [region] if region else []
    page.tags.add(credit)
    index.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    note_uncertain(page, article, user, revision)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page
