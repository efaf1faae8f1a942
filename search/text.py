"""Readers' queries and page text: cleaning, ё folding and highlighting."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Longer input is cut, not refused: a pasted paragraph still finds its first words.
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
# Words of letters and digits, hyphenated compounds kept whole ("научно-методический").
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# ts_headline marks matches with these; they are swapped for <mark> after escaping.
MARK_START, MARK_STOP = "\u27e6", "\u27e7"


def fold_yo(text):
    """Spell ё as е, as most Russian texts do; PostgreSQL's Russian stemmer does the same."""
    return text.replace("ё", "е").replace("Ё", "Е")


def query_terms(raw):
    """The words of a reader's query: operators, quotes and punctuation are dropped."""
    return WORD.findall(fold_yo(raw[:MAX_QUERY_LENGTH]))[:MAX_QUERY_TERMS]


def clean_query(raw):
    return " ".join(query_terms(raw))


def excerpt_around(text, terms, words=30):
    """About `words` words of `text` around the first term found, terms marked.

    Used where the database has no ts_headline (SQLite): matches are exact word forms.
    """
    if not text:
        return ""
    tokens = text.split()
    wanted = {fold_yo(term).casefold() for term in terms}

    def matches(token):
        return fold_yo(token).casefold().strip(".,;:!?«»\"'()[]") in wanted

    first = next((i for i, token in enumerate(tokens) if matches(token)), 0)
    start = max(0, first - words // 3)
    window = tokens[start : start + words]
    marked = [f"{MARK_START}{token}{MARK_STOP}" if matches(token) else token for token in window]
    prefix = "… " if start else ""
    suffix = " …" if start + words < len(tokens) else ""
    return prefix + " ".join(marked) + suffix


# The search index joins a page's fields with spaces and the texts of its blocks with ", "
# (empty blocks too), so a raw ts_headline shows ", , ," runs, "end., Next" and tag words glued
# to the last sentence. These undo the joins.
JOINED_BLOCKS = re.compile(r"\s*,(?:\s*,)*\s+(?=\S)")
SENTENCE_END = ".!?…:;"
TRAILING_WORDS = re.compile(r"(?<=[.!?…])\s+[^.!?…]*$")


def tidy_excerpt(text):
    """A ts_headline excerpt as readable sentences: block joins become sentence breaks and
    unmatched words after the page's last sentence (its tags) are dropped."""
    if not text:
        return ""

    def join(match):
        before = text[: match.start()].rstrip(MARK_STOP).rstrip()
        commas = match.group(0).count(",")
        if before and before[-1] in SENTENCE_END:
            return " "
        # One comma may be the text's own; a run of them is always the index's doing.
        return ". " if commas > 1 else match.group(0)

    tidy = JOINED_BLOCKS.sub(join, text)
    tail = TRAILING_WORDS.search(tidy)
    # Tag words stay when they are what matched: they are then the reason the page was found.
    if tail and MARK_START not in tail.group(0):
        words = tail.group(0).strip()
        if words and words[0].islower():
            tidy = tidy[: tail.start()]
    tidy = tidy.strip(" ,")
    if tidy and tidy[-1] not in SENTENCE_END + '»"' + MARK_STOP:
        tidy += " …"
    return tidy


def marked_html(text):
    """HTML of `text` with the match markers turned into <mark> elements."""
    html = escape(text)
    opened = html.count(MARK_START)
    if opened != html.count(MARK_STOP):
        html = html.replace(MARK_START, "").replace(MARK_STOP, "")
    html = html.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above, only <mark> added
