"""From a member's article page to the fields of a news draft.

readability-lxml finds the article among menus, sidebars, counters and footers (README,
Intake, says why it and not trafilatura); what it keeps is then sorted into blocks, and the
small things Russian library sites put around the text (date line, age mark, view counter,
signature, "found a typo" note) are taken out of the body into their own fields.
"""

import datetime
import hashlib
import re
from dataclasses import asdict, dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.utils import timezone
from django.utils.translation import gettext as _

import lxml.html
import nh3
from readability import Document

from news.intake.dates import parse_iso, parse_russian_date

# Rich text the news body accepts (home.blocks.PARAGRAPH_FEATURES); everything else goes.
RICH_TAGS = {"p", "b", "i", "a", "ul", "ol", "li", "br"}
RENAME = {"strong": "b", "em": "i"}
AGE_MARK = re.compile(r"^\s*(0|6|12|16|18)\s*\+\s*$")
NAME = r"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\."
SIGNATURE_NAME = re.compile(rf"^(?P<before>.*?)\s*,?\s*(?P<name>{NAME})\s*,?\s*(?P<after>.*)$")
OFFICE_SIGNATURE = re.compile(
    r"^(Пресс-служба|Пресс-центр|Управление|Отдел|Информационн|Администрация|Служба)\b"
)
# Chrome that readability may leave inside the article's container.
NOISE = re.compile(
    r"^(Просмотров|Просмотры|Нравится|Поделиться|Комментари|Оставить комментарий|"
    r"Если Вы нашли ошибку|Версия для печати|Распечатать|Теги:|Метки:)",
    re.IGNORECASE,
)
CAPTION_CLASS = re.compile(r"caption|podpis|foto|photo-text|wp-caption-text", re.IGNORECASE)
DATE_CLASS = re.compile(r"date|time|posted|published", re.IGNORECASE)
MIN_TEXT = 150
SIGNATURE_MAX = 160


class ExtractionError(Exception):
    """The page holds no recognisable article; the message is the reason for editors."""


@dataclass
class Article:
    url: str
    canonical_url: str
    title: str
    lead: str
    blocks: list = field(default_factory=list)
    published_at: str = ""  # ISO 8601, so that the whole article fits a JSONField
    site_name: str = ""
    byline: str = ""
    author_name: str = ""
    author_position: str = ""
    age_rating: str = ""
    content_hash: str = ""

    def as_data(self):
        return asdict(self)


def text_of(element):
    return " ".join(element.text_content().split())


def clean_url(url):
    """The address without its fragment and tracking parameters."""
    parts = urlsplit(url)
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not pair.lower().startswith(("utm_", "fbclid", "yclid"))
    )
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", query, ""))


def meta_content(tree, *selectors):
    for selector in selectors:
        for element in tree.xpath(selector):
            value = (element.get("content") or element.get("href") or "").strip()
            if value:
                return value
    return ""


def page_date(tree, content, now=None):
    """The publication time: from meta tags, then a date line, then the first dated text."""
    stamp = meta_content(
        tree,
        "//meta[@property='article:published_time']",
        "//meta[@itemprop='datePublished']",
        "//meta[@name='date']",
    ) or next(iter(tree.xpath("//time/@datetime")), "")
    if stamp and (value := parse_iso(stamp)):
        return value
    for element in content.iter():
        classes = f"{element.get('class', '')} {element.get('id', '')}"
        if isinstance(element.tag, str) and DATE_CLASS.search(classes):
            value = parse_russian_date(text_of(element), now)
            if value:
                return value
    for element in content.iter("p", "div", "span", "time"):
        if len(text_of(element)) < 400 and (value := parse_russian_date(text_of(element), now)):
            return value
    return None


def split_signature(text):
    """(byline, name, position) of a closing signature, or None if `text` is not one."""
    if len(text) > SIGNATURE_MAX or text.endswith(("!", "?")):
        return None
    match = SIGNATURE_NAME.match(text.rstrip("."))
    if match:
        position = " ".join(
            part for part in (match["before"], match["after"]) if part.strip(" ,")
        ).strip(" ,")
        name = match["name"]
        byline = f"{name}, {position[:1].lower()}{position[1:]}" if position else name
        return byline, name, position
    if OFFICE_SIGNATURE.match(text) and not text.endswith("."):
        return text, "", ""
    return None


def rich_text(element, base_url):
    """The element's content as sanitised rich text for a paragraph block."""
    for child in element.iter():
        if child.tag in RENAME:
            child.tag = RENAME[child.tag]
    element.make_links_absolute(base_url)
    html = lxml.html.tostring(element, encoding="unicode")
    if element.tag not in ("ul", "ol", "p"):
        html = f"<p>{html}</p>"
    cleaned = nh3.clean(
        html,
        tags=RICH_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )
    return re.sub(r"\s+", " ", cleaned).strip()


def caption_near(image):
    """The caption that belongs to an image: figcaption, or a caption-like next element."""
    figure = next(image.iterancestors("figure"), None)
    if figure is not None:
        caption = figure.find(".//figcaption")
        return text_of(caption) if caption is not None else ""
    holder = image
    while holder is not None:
        sibling = holder.getnext()
        if sibling is not None and (
            CAPTION_CLASS.search(sibling.get("class", "")) or sibling.tag == "figcaption"
        ):
            return text_of(sibling)
        if sibling is not None and text_of(sibling):
            return ""
        parent = holder.getparent()
        # Climb only out of wrappers that hold nothing but the picture.
        if parent is None or parent.tag in ("article", "body", "td") or text_of(parent):
            return ""
        holder = parent
    return ""


class Blocks:
    """Walks readability's article and sorts what it finds into body blocks and fields."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.blocks = []
        self.captions = set()
        self.age_rating = ""
        self.title = ""

    def walk(self, element):
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag
            text = text_of(child)
            if tag in ("script", "style", "form", "nav", "aside", "button", "iframe", "noscript"):
                continue
            if tag == "h1":
                self.title = self.title or text
                continue
            if AGE_MARK.match(text):
                self.age_rating = self.age_rating or AGE_MARK.match(text).group(1) + "+"
                continue
            if NOISE.match(text) or (text and text in self.captions):
                continue
            if tag in ("figure", "img"):
                self.images(child)
                continue
            if tag in ("h2", "h3", "h4", "h5", "h6"):
                if text:
                    self.blocks.append(
                        {"type": "heading", "text": text, "level": "h2" if tag == "h2" else "h3"}
                    )
                continue
            if tag == "blockquote":
                if text:
                    self.blocks.append({"type": "quote", "text": text})
                continue
            if tag in ("ul", "ol"):
                if text:
                    self.blocks.append(
                        {"type": "paragraph", "html": rich_text(child, self.base_url)}
                    )
                continue
            has_blocks = child.xpath(
                "./p|./div|./figure|./ul|./ol|./h2|./h3|./h4|./blockquote|./table|./tr|./td|./tbody"
            )
            if has_blocks:
                self.walk(child)
                continue
            if child.xpath(".//img"):
                self.images(child)
            if CAPTION_CLASS.search(child.get("class", "")) and text in self.captions:
                continue
            if text and not parse_only_date(text):
                self.paragraph(child)

    def paragraph(self, element):
        self.blocks.append({"type": "paragraph", "html": rich_text(element, self.base_url)})

    def images(self, element):
        images = [element] if element.tag == "img" else element.xpath(".//img")
        for image in images:
            src = image.get("src") or image.get("data-src") or ""
            if not src or src.startswith("data:"):
                continue
            caption = caption_near(image)
            if caption:
                self.captions.add(caption)
            self.blocks.append(
                {
                    "type": "image",
                    "src": urljoin(self.base_url, src),
                    "caption": caption,
                    "alt": (image.get("alt") or "").strip(),
                }
            )


def parse_only_date(text):
    """True for a line that is nothing but a date (the article's date line)."""
    return len(text) <= 40 and parse_russian_date(text) is not None and len(text.split()) <= 6


def lead_of(blocks):
    for block in blocks:
        if block["type"] == "paragraph":
            text = " ".join(lxml.html.fromstring(block["html"]).text_content().split())
            if len(text) <= 400:
                return text
            cut = text[:397]
            sentence_end = cut.rfind(". ")
            return cut[: sentence_end + 1] if sentence_end > 150 else cut.rsplit(" ", 1)[0] + "…"
    return ""


def content_hash(title, blocks):
    parts = [title]
    for block in blocks:
        parts.append(block.get("text") or block.get("html") or block.get("src", ""))
        parts.append(block.get("caption", ""))
    normalised = " ".join(" ".join(parts).split()).lower()
    return hashlib.sha256(normalised.encode()).hexdigest()


def extract(html, url, fallback_title="", fallback_date=None, now=None):
    """An Article from the page's HTML; ExtractionError if it holds no article."""
    try:
        tree = lxml.html.document_fromstring(html)
        document = Document(html, url=url)
        summary = lxml.html.fromstring(document.summary(html_partial=True))
    except Exception as error:  # lxml and readability raise several kinds on junk
        raise ExtractionError(_("The page cannot be parsed as HTML.")) from error

    walker = Blocks(url)
    walker.walk(summary)
    blocks = walker.blocks
    byline = name = position = ""
    while blocks and blocks[-1]["type"] == "paragraph":
        last = " ".join(lxml.html.fromstring(blocks[-1]["html"]).text_content().split())
        signature = split_signature(last)
        if signature is None:
            break
        blocks.pop()
        byline, name, position = signature
        break

    text = " ".join(
        lxml.html.fromstring(block["html"]).text_content()
        for block in blocks
        if block["type"] == "paragraph"
    )
    if len(" ".join(text.split())) < MIN_TEXT:
        raise ExtractionError(_("No article was recognised on the page."))

    title = (
        walker.title
        or meta_content(tree, "//meta[@property='og:title']")
        or document.short_title()
        or fallback_title
    ).strip()
    if not title:
        raise ExtractionError(_("The article has no title."))
    canonical = meta_content(tree, "//link[@rel='canonical']", "//meta[@property='og:url']")
    # A day without a year is placed before the article's own year if its address has one.
    year = re.search(r"/(20\d\d)/", urlsplit(url).path)
    if now is None and fallback_date is None and year:
        now = timezone.make_aware(datetime.datetime(int(year.group(1)), 12, 31, 23, 59))
    published = page_date(tree, summary, now or fallback_date) or fallback_date
    age = walker.age_rating
    if not age:
        for element in tree.iter("p", "div", "span"):
            match = AGE_MARK.match(element.text_content() or "")
            if match:
                age = match.group(1) + "+"
                break
    site_name = meta_content(tree, "//meta[@property='og:site_name']")
    return Article(
        url=url,
        canonical_url=clean_url(urljoin(url, canonical) if canonical else url),
        title=title[:255],
        lead=lead_of(blocks),
        blocks=blocks,
        published_at=published.isoformat() if published else "",
        site_name=site_name,
        byline=byline,
        author_name=name,
        author_position=position,
        age_rating=age,
        content_hash=content_hash(title, blocks),
    )
