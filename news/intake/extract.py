"""From a member's article page to the fields of a news draft.

The page is read in this order, because each step needs what the one before left:
the title (h1, a CMS's title cell or og:title, whichever the page's <title> begins with) and
the date (meta tags, <time>, the CMS's date line: never the article's text) are found on the
whole page; then site chrome is removed (menus, breadcrumbs, share and print buttons,
counters, sidebars, footers), lazy and <picture> images get their real address, the article's
text container is chosen by text density (readability's scoring idea, see
docs/development/intake.md for why not readability or trafilatura themselves), and what it
holds is sorted into blocks: paragraphs, headings, quotes, tables, pictures and galleries with
their captions and the photographer's credit. The small things Russian library sites put
around the text (age mark, signature, «Текст: …», «Автор: Администратор») get fields of their
own or are dropped.
"""

import datetime
import hashlib
import re
from dataclasses import asdict, dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.utils import timezone
from django.utils.translation import gettext as _

import lxml.etree
import lxml.html
import nh3

from news.intake.dates import parse_iso, parse_russian_date

# Rich text the news body accepts (home.blocks.PARAGRAPH_FEATURES); everything else goes.
RICH_TAGS = {"p", "b", "i", "a", "ul", "ol", "li", "br"}
RENAME = {"strong": "b", "em": "i"}
AGE_MARK = re.compile(r"^\s*(0|6|12|16|18)\s*\+\s*$")
WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
NAME = (
    rf"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?{WORD}|{WORD}\s[А-ЯЁ]\.\s?[А-ЯЁ]\."
    rf"|{WORD}\s{WORD}(?:вна|вич|чна|ична)\s{WORD}|{WORD}\s{WORD}(?=\s*,)"
)
SIGNATURE_NAME = re.compile(rf"^(?P<before>.*?)\s*,?\s*(?P<name>{NAME})\s*,?\s*(?P<after>.*)$")
OFFICE_SIGNATURE = re.compile(
    r"^(Пресс-служба|Пресс-центр|Управление|Отдел|Информационн|Администрация|Служба)\b"
)
AUTHOR_LINE = re.compile(
    r"^(?:Текст|Автор(?: текста)?|Подготовил[аи]?|Материал подготовил[аи]?)\s*[:—–-]\s*(.+)$"
)
CREDIT = re.compile(r"^(?:Фото(?:графии)?|Фотограф)\s*[:—–-]\s*(.+)$", re.IGNORECASE)
CREDIT_IN_CAPTION = re.compile(r"^(.*?)[.,;]?\s*Фото(?:графии)?\s*[:—–-]\s*(.+)$")
# Accounts CMSs name as the author of everything.
ROBOT_AUTHORS = {"администратор", "admin", "administrator", "super user", "редактор", "webmaster"}
# Chrome that may stay inside the article's container.
NOISE = re.compile(
    r"^(Просмотров|Просмотры|Нравится|Поделиться|Комментари|Оставить комментарий|"
    r"Если Вы нашли ошибку|Версия для печати|Распечатать|Печать|Теги:|Метки:|"
    r"Последнее обновление|Возврат к списку|Вернуться к списку|Все новости|← Все новости|"
    r"Подробнее|Читать далее|Опубликовано|Рубрика:|Категория:)",
    re.IGNORECASE,
)
# Class and id words of site chrome (matched against whole words of class and id).
CHROME_WORDS = {
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "nav",
    "navigation",
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "likes",
    "comment",
    "comments",
    "sidebar",
    "widget",
    "pagenav",
    "pager",
    "pagination",
    "footer",
    "header",
    "calendar",
    "related",
    "tags",
    "buttonheading",
    "icons",
    "hits",
    "rating",
    "print",
    "pdf",
    "email",
    "mailto",
    "banner",
    "counter",
    "search",
    "login",
    "poll",
    "vote",
    "subscribe",
    "typo",
    "meta",
    "info",
    "details",
    "edetails",
    "popular",
    "skip",
    "readmore",
    "back",
    "modifydate",
    "createdate",
    "commtd",
}
CHROME_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "iframe",
    "select",
    "input",
    "textarea",
    "svg",
    "link",
    "meta",
)
CAPTION_CLASS = re.compile(r"caption|podpis|photo-text|foto(?!rama)", re.IGNORECASE)
DATE_CLASS = re.compile(r"date|time|created|posted|published|edetails|submitted", re.IGNORECASE)
NOT_DATE_CLASS = re.compile(r"modif|updat|calendar|cal[A-Z]|side|widget", re.IGNORECASE)
TITLE_SELECTORS = (
    "//h1",
    "//*[@itemprop='headline']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' contentheading ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' eTitle ')]",
    "//*[contains(@class, 'entry-title') or contains(@class, 'page-title')]",
    "//*[contains(@class, 'news-title') or contains(@class, 'article-title')]",
)
IMAGE_LINK = re.compile(r"\.(jpe?g|png|gif|webp)(\?.*)?$", re.IGNORECASE)
LAZY_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url")
BLOCK_TAGS = {
    "p",
    "div",
    "table",
    "ul",
    "ol",
    "dl",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "section",
    "article",
    "main",
    "center",
    "pre",
    "hr",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "picture",
}
PARAGRAPH_BREAK = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)
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
    # Fields the moderator should check: "date" (none on the page), "title" (from <title>).
    uncertain: list = field(default_factory=list)

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


def words_of(element):
    """The words of an element's class and id, split at spaces, hyphens and underscores."""
    names = f"{element.get('class', '')} {element.get('id', '')}".lower()
    words = set(names.split())
    return words | set(re.split(r"[\s_-]+|__", names)) - {""}


def is_chrome(element):
    if element.tag in CHROME_TAGS:
        return True
    words = words_of(element)
    return bool(words & CHROME_WORDS) or "article-info" in words


def in_chrome(element):
    return any(is_chrome(ancestor) for ancestor in element.iterancestors())


def page_title(tree):
    """(title, from the <title> tag only) of the page."""
    head = " ".join((tree.findtext(".//title") or "").split())
    og = " ".join(meta_content(tree, "//meta[@property='og:title']").split())
    candidates = []
    for selector in TITLE_SELECTORS:
        for element in tree.xpath(selector):
            text = text_of(element)
            if text and element not in (c for c, _t in candidates):
                candidates.append((element, text))
    for _element, text in candidates:
        if len(text) >= 3 and (head.startswith(text) or text == og):
            return text, False
    for element, text in candidates:
        if element.tag == "h1" and not in_chrome(element):
            return text, False
    if og:
        return og, False
    if candidates:
        return candidates[0][1], False
    return head, True


def page_date(tree, title_element=None, now=None):
    """The publication time the page states about itself, or None: meta tags, <time>, the
    CMS's date line. The article's text is never read for dates (its event dates are not
    the publication's)."""
    stamp = meta_content(
        tree,
        "//meta[@property='article:published_time']",
        "//meta[@itemprop='datePublished']",
        "//meta[@name='date']",
        "//meta[@name='dc.date' or @name='DC.date']",
    )
    if stamp and (value := parse_iso(stamp)):
        return value
    for element in tree.xpath("//time[@datetime]|//*[@itemprop='datePublished']"):
        if not in_side_chrome(element):
            value = parse_iso(element.get("datetime") or element.get("content") or "")
            if value:
                return value
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if not DATE_CLASS.search(names) or NOT_DATE_CLASS.search(names):
            continue
        text = text_of(element)
        if len(text) > 200 or in_side_chrome(element):
            continue
        if value := parse_russian_date(text, now):
            return value
    if title_element is not None:
        # A line that is nothing but a date right after the title (hand-made pages, Tilda).
        for element in title_element.itersiblings():
            text = text_of(element)
            if text and parse_only_date(text):
                return parse_russian_date(text, now)
            if len(text) > 40:
                break
    return None


def in_side_chrome(element):
    """Inside a sidebar, footer, calendar or widget: another article's date, not this one's."""
    side = {"sidebar", "aside", "footer", "calendar", "widget", "side", "popular", "related"}
    for ancestor in [element, *element.iterancestors()]:
        if ancestor.tag in ("aside", "footer", "nav") or words_of(ancestor) & side:
            return True
        if re.search(r"(^|\s)(left|right)(column)?(\s|$)", ancestor.get("class", "")):
            return True
    return False


def split_signature(text):
    """(byline, name, position) of a closing signature, or None if `text` is not one."""
    if len(text) > SIGNATURE_MAX or text.endswith(("!", "?")):
        return None
    author = AUTHOR_LINE.match(text)
    if author:
        name = author.group(1).strip().rstrip(".")
        if name.lower() in ROBOT_AUTHORS:
            return "", "", ""
        return name, name, ""
    match = SIGNATURE_NAME.match(text.rstrip("."))
    if match:
        before, after = match["before"].strip(" ,"), match["after"].strip(" ,")
        if re.search(r"(имени|им\.|памяти|подготовлен|проведен|организован)$", before) or (
            len(before.split()) > 8 or len(after.split()) > 8
        ):
            return None
        position = " ".join(part for part in (before, after) if part).strip(" ,")
        name = match["name"]
        if after and not before:
            return text.rstrip("."), name, after
        byline = f"{name}, {position[:1].lower()}{position[1:]}" if position else name
        return byline, name, position
    if OFFICE_SIGNATURE.match(text) and not text.endswith("."):
        return text, "", ""
    return None


def rich_text(html, base_url):
    """A fragment as sanitised rich text for a paragraph block."""
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    for child in fragment.iter():
        if child.tag in RENAME:
            child.tag = RENAME[child.tag]
    fragment.make_links_absolute(base_url)
    inner = (fragment.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in fragment
    )
    cleaned = nh3.clean(
        inner if re.match(r"\s*<(ul|ol|p)\b", inner) else f"<p>{inner}</p>",
        tags=RICH_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )
    return re.sub(r"\s+", " ", cleaned).replace("<p> ", "<p>").replace(" </p>", "</p>").strip()


def html_text(html):
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split())


def is_italic_line(element):
    """A short paragraph that is all italic: how many sites write a picture's caption."""
    text = text_of(element)
    if not text or len(text) > 200 or element.tag not in ("p", "div", "center"):
        return False
    italic = "".join(text_of(child) for child in element.iter("i", "em"))
    return " ".join(italic.split()) == text


def caption_near(image):
    """The caption that belongs to an image: figcaption, or a caption-like next element."""
    figure = next(image.iterancestors("figure"), None)
    if figure is not None:
        caption = figure.find(".//figcaption")
        if caption is not None and not caption.xpath(".//img"):
            return text_of(caption), caption
        if caption is not None:
            return "", None
    holder = image
    while holder is not None:
        sibling = holder.getnext()
        while sibling is not None and sibling.tag == "br":
            sibling = sibling.getnext()
        if (
            sibling is not None
            and (
                CAPTION_CLASS.search(sibling.get("class", ""))
                or (sibling.tag in ("figcaption", "blockquote") and len(text_of(sibling)) < 200)
                or is_italic_line(sibling)
            )
            and not CREDIT.match(text_of(sibling))
        ):
            return text_of(sibling), sibling
        if sibling is not None and (text_of(sibling) or sibling.xpath(".//img")):
            return "", None
        parent = holder.getparent()
        # Climb only out of wrappers that hold nothing but the picture.
        if parent is None or parent.tag in ("article", "body", "td") or text_of(parent):
            return "", None
        holder = parent
    return "", None


def image_source(image):
    """The real address of a picture: lazy-loading attributes and <picture> sources first,
    then the link around a thumbnail when it points at the full-size image."""
    src = image.get("src") or ""
    for attribute in LAZY_ATTRIBUTES:
        if image.get(attribute) and not image.get(attribute).startswith("data:"):
            src = image.get(attribute)
            break
    if not src or src.startswith("data:"):
        candidates = [image.get("srcset") or image.get("data-srcset") or ""]
        # libxml2 does not know <source> is empty: the <img> may end up inside one.
        picture = next(image.iterancestors("picture"), None)
        if picture is not None:
            candidates += [source.get("srcset", "") for source in picture.iter("source")]
        best, width = "", -1
        for srcset in candidates:
            for item in srcset.split(","):
                parts = item.split()
                if not parts or parts[0].startswith("data:"):
                    continue
                size = int(re.sub(r"\D", "", parts[1]) or 0) if len(parts) > 1 else 0
                if size > width:
                    best, width = parts[0], size
        src = best
    link = image.getparent()
    if link is not None and link.tag == "a" and IMAGE_LINK.search(link.get("href", "")):
        src = link.get("href")
    return "" if src.startswith("data:") else src


def decorative(image):
    """Icons, counters, spacers and banners: not the article's pictures."""
    try:
        width, height = int(image.get("width", 0)), int(image.get("height", 0))
    except ValueError:
        width = height = 0
    if (width and width < 100) or (height and height < 80):
        return True
    if width and height and width / height >= 4:
        return True
    src = image.get("src", "").lower()
    return bool(re.search(r"(icon|button|logo|counter|spacer|pixel|M_images)", src, re.I))


def prepare(tree, base_url):
    """Give lazy and <picture> images their real address; drop chrome, buttons and icons."""
    for image in list(tree.iter("img")):
        src = image_source(image)
        if not src or decorative(image):
            image.drop_tree()
            continue
        image.set("src", urljoin(base_url, src))
    for source in list(tree.iter("source")):
        source.drop_tag()
    for anchor in list(tree.iter("a")):
        rel = anchor.get("rel", "").lower().split()
        href = anchor.get("href", "")
        if "nofollow" in rel and (not text_of(anchor) or is_button_link(href)):
            anchor.drop_tree()
    for element in list(tree.iter()):
        if isinstance(element.tag, str) and element.getparent() is not None and is_chrome(element):
            element.drop_tree()


def is_button_link(href):
    """Print, PDF and e-mail buttons of Joomla and other CMSs: the same article again."""
    query = urlsplit(href).query.lower()
    path = urlsplit(href).path.lower()
    return bool(
        re.search(r"(^|&)(print=1|format=pdf|tmpl=component|output=pdf|print=y)", query)
        or "/mailto" in path
        or path.endswith(("/print", "print.html", ".pdf"))
        or href.startswith(("mailto:", "#print"))
        or href.endswith("#print")
    )


def score_container(tree):
    """The element whose children hold the most article text (readability's idea)."""
    scores = {}
    for element in tree.iter("p", "td", "pre", "div", "blockquote", "dd", "section"):
        if element.tag in ("div", "td", "section", "dd") and not own_text(element):
            continue
        text = text_of(element) if element.tag in ("p", "pre", "blockquote") else own_text(element)
        if len(text) < 25:
            continue
        links = sum(len(text_of(a)) for a in element.iter("a"))
        if links > len(text) / 2:
            continue
        score = 1 + text.count(",") + min(len(text) / 100, 3)
        parent = element.getparent()
        if element.tag in ("div", "td", "dd", "section") and own_text(element):
            scores[element] = scores.get(element, 0) + score
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + score
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + score / 2
    if not scores:
        return None
    return max(scores, key=lambda element: scores[element])


def own_text(element):
    """The text an element holds outside its block children (bare text between <br>s)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def is_data_table(table):
    rows = table.xpath("./tr|./tbody/tr|./thead/tr")
    if len(rows) < 2 or table.xpath(".//table|.//img|.//p[string-length() > 200]"):
        return False
    widths = [len(row.xpath("./td|./th")) for row in rows]
    return max(widths) >= 2 and all(len(text_of(cell)) < 200 for cell in table.iter("td", "th"))


class Blocks:
    """Walks the article's container and sorts what it finds into body blocks and fields."""

    def __init__(self, base_url, title=""):
        self.base_url = base_url
        self.title = title
        self.blocks = []
        self.used = set()  # caption elements already given to a picture
        self.age_rating = ""
        self.ended = False
        self.images_only = False

    def walk(self, element):
        run = [element.text or ""]
        for child in element:
            if self.ended:
                return
            if not isinstance(child.tag, str):
                run.append(child.tail or "")
                continue
            if child.tag in BLOCK_TAGS or child.tag == "img" or child.xpath(".//img"):
                self.flush(run)
                run = []
                self.block(child)
                run.append(child.tail or "")
            else:
                run.append(lxml.html.tostring(child, encoding="unicode", with_tail=True))
        self.flush(run)

    def flush(self, run):
        """Inline content between blocks: paragraphs, split where <br><br> separates them."""
        for chunk in PARAGRAPH_BREAK.split("".join(run)):
            text = html_text(chunk) if chunk.strip() else ""
            if text:
                self.text(chunk, text)

    def block(self, child):
        tag = child.tag
        text = text_of(child)
        if child in self.used:
            return
        if tag == "hr":
            self.ended = bool(self.paragraphs())
            return
        if tag == "h1" or (text and text == self.title):
            return
        if AGE_MARK.match(text):
            self.age_rating = self.age_rating or AGE_MARK.match(text).group(1) + "+"
            return
        if tag == "img":
            self.picture(child)
            return
        if self.images_only:
            if child.xpath(".//img"):
                self.container(child)
            return
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            if text:
                level = "h2" if tag == "h2" else "h3"
                self.blocks.append({"type": "heading", "text": text, "level": level})
            return
        if tag == "blockquote" and not child.xpath(".//img"):
            if text and not CAPTION_CLASS.search(child.get("class", "")):
                self.blocks.append({"type": "quote", "text": text})
            return
        if tag in ("ul", "ol"):
            if text and not child.xpath(".//img"):
                html = lxml.html.tostring(child, encoding="unicode", with_tail=False)
                self.blocks.append({"type": "paragraph", "html": rich_text(html, self.base_url)})
            return
        if tag == "table" and is_data_table(child):
            rows = [
                [text_of(cell) for cell in row.xpath("./td|./th")]
                for row in child.xpath("./tr|./tbody/tr|./thead/tr")
            ]
            header = bool(child.xpath(".//th")) or len(rows) > 1
            self.blocks.append({"type": "table", "rows": rows, "header": header})
            return
        self.container(child)

    def container(self, child):
        images = child.xpath(".//img")
        if len(images) >= 2 and self.gallery_like(child, images):
            self.gallery(images)
            return
        self.walk(child)

    def gallery_like(self, element, images):
        """Pictures with little text besides their captions."""
        captions = sum(len(caption_near(image)[0]) for image in images)
        return len(text_of(element)) - captions < 40

    def text(self, html, text):
        if self.images_only or not text or text == self.title or NOISE.match(text):
            return
        if AGE_MARK.match(text):
            self.age_rating = self.age_rating or AGE_MARK.match(text).group(1) + "+"
            return
        if parse_only_date(text):
            return
        credit = CREDIT.match(text)
        if credit and len(text) < 80:
            self.credit(credit.group(1).strip().rstrip("."))
            return
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
        links = sum(len(text_of(a)) for a in fragment.iter("a"))
        if links > len(text) * 0.6 and len(text) < 120:
            return  # a menu or "read more" line
        for caption in self.used:
            if text_of(caption) == text and len(text) < 200:
                return
        self.blocks.append({"type": "paragraph", "html": rich_text(html, self.base_url)})

    def paragraphs(self):
        return [b for b in self.blocks if b["type"] == "paragraph"]

    def image_block(self, image):
        caption, element = caption_near(image)
        if element is not None:
            self.used.add(element)
        credit = ""
        match = CREDIT_IN_CAPTION.match(caption)
        if match:
            caption, credit = match.group(1).strip(), match.group(2).strip().rstrip(".")
        return {
            "type": "image",
            "src": image.get("src"),
            "caption": caption,
            "credit": credit,
            "alt": (image.get("alt") or "").strip(),
        }

    def picture(self, image):
        if image.get("src") in self.sources():
            return
        self.blocks.append(self.image_block(image))

    def gallery(self, images):
        blocks = [self.image_block(image) for image in images]
        blocks = [b for b in blocks if b["src"] not in self.sources()]
        if len(blocks) == 1:
            self.blocks.append(blocks[0])
        elif blocks:
            self.blocks.append({"type": "gallery", "images": blocks})

    def sources(self):
        found = set()
        for block in self.blocks:
            for image in block.get("images", [block]):
                found.add(image.get("src"))
        return found

    def credit(self, name):
        """«Фото: …» after pictures: the photographer of the pictures just before it."""
        for block in reversed(self.blocks):
            if block["type"] not in ("image", "gallery"):
                break
            for image in block.get("images", [block]):
                image["credit"] = image["credit"] or name


def parse_only_date(text):
    """True for a line that is nothing but a date (the article's date line)."""
    return len(text) <= 40 and parse_russian_date(text) is not None and len(text.split()) <= 6


def lead_of(blocks):
    for block in blocks:
        if block["type"] == "paragraph":
            text = html_text(block["html"])
            if len(text) <= 400:
                return text
            cut = text[:397]
            sentence_end = cut.rfind(". ")
            return cut[: sentence_end + 1] if sentence_end > 150 else cut.rsplit(" ", 1)[0] + "…"
    return ""


def content_hash(title, blocks):
    parts = [title]
    for block in blocks:
        for image in block.get("images", []):
            parts += [image["src"], image["caption"]]
        parts.append(block.get("text") or block.get("html") or block.get("src", ""))
        parts.append(block.get("caption", ""))
        parts += [" ".join(row) for row in block.get("rows", [])]
    normalised = " ".join(" ".join(parts).split()).lower()
    return hashlib.sha256(normalised.encode()).hexdigest()


def images_before(container, title_element):
    """Elements between the title and the text container holding pictures: the lead
    picture, a cover or a gallery field that CMSs put beside the text rather than in it."""
    if title_element is None:
        return []
    root = container.getroottree().getroot()
    order = {element: n for n, element in enumerate(root.iter())}
    start, end = order.get(title_element, -1), order[container]
    found = []
    for image in root.iter("img"):
        if not start < order[image] < end:
            continue
        top = image
        for ancestor in image.iterancestors():
            if container in ancestor.iter() or title_element in ancestor.iter():
                break
            top = ancestor
        if top not in found:
            found.append(top)
    return found


def find_title_element(tree, title):
    for selector in TITLE_SELECTORS:
        for element in tree.xpath(selector):
            if text_of(element) == title:
                return element
    for element in tree.iter():
        if (
            isinstance(element.tag, str)
            and element.tag not in ("title", "html", "body", "head")
            and text_of(element) == title
            and not any(text_of(child) == title for child in element if isinstance(child.tag, str))
        ):
            return element
    return None


def extract(html, url, fallback_title="", fallback_date=None, now=None):
    """An Article from the page's HTML; ExtractionError if it holds no article."""
    try:
        tree = lxml.html.document_fromstring(html)
    except Exception as error:  # lxml raises several kinds on junk
        raise ExtractionError(_("The page cannot be parsed as HTML.")) from error
    for comment in list(tree.iter(lxml.etree.Comment)):
        comment.drop_tree()
    uncertain = []
    title, from_head = page_title(tree)
    if not title and fallback_title:
        title, from_head = fallback_title, True
    if from_head:
        uncertain.append("title")
    title_element = find_title_element(tree, title) if not from_head else None
    year = re.search(r"/(20\d\d)[/-]", urlsplit(url).path)
    if now is None and year:
        now = timezone.make_aware(datetime.datetime(int(year.group(1)), 12, 31, 23, 59))
    published = page_date(tree, title_element, now)
    canonical = meta_content(tree, "//link[@rel='canonical']", "//meta[@property='og:url']")
    site_name = meta_content(tree, "//meta[@property='og:site_name']")

    prepare(tree, url)
    body = tree.find("body")
    container = score_container(body if body is not None else tree)
    if container is None:
        raise ExtractionError(_("No article was recognised on the page."))
    title_element = find_title_element(tree, title)
    walker = Blocks(url, title)
    walker.images_only = True
    for element in images_before(container, title_element):
        walker.block(element)
    walker.images_only = False
    if title_element is not None and title_element in container.iter():
        # Everything before the title inside the container is the site's head (hand-made).
        ancestor = title_element
        while ancestor is not None and ancestor is not container:
            parent = ancestor.getparent()
            for element in list(ancestor.itersiblings(preceding=True)):
                element.drop_tree()
            ancestor = parent
    walker.walk(container)
    blocks = walker.blocks
    byline = name = position = ""
    while blocks and blocks[-1]["type"] == "paragraph":
        signature = split_signature(html_text(blocks[-1]["html"]))
        if signature is None:
            break
        blocks.pop()
        if signature[0]:
            byline, name, position = signature
            break

    text = " ".join(html_text(b["html"]) for b in blocks if b["type"] == "paragraph")
    text += " ".join(" ".join(" ".join(row) for row in b["rows"]) for b in blocks if "rows" in b)
    if len(" ".join(text.split())) < MIN_TEXT:
        raise ExtractionError(_("No article was recognised on the page."))
    if not title:
        raise ExtractionError(_("The article has no title."))
    if published is None and fallback_date is not None:
        published = fallback_date
    if published is None:
        uncertain.append("date")
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
        age_rating=walker.age_rating,
        content_hash=content_hash(title, blocks),
        uncertain=uncertain,
    )
