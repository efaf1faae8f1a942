"""Readers' queries and page text: cleaning, ё folding, excerpts and highlighting."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Longer input is cut, not refused: a pasted paragraph still finds its first words.
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
# Words of letters and digits, hyphenated compounds kept whole ("научно-методический").
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Excerpts mark matches with these; they are swapped for <mark> after escaping.
MARK_START, MARK_STOP = "\u27e6", "\u27e7"


def fold_yo(text):
    """Spell ё as е, as most Russian texts do; PostgreSQL's Russian stemmer does the same."""
    return text.replace("ё", "е").replace("Ё", "Е")


def query_terms(raw):
    """The words of a reader's query: operators, quotes and punctuation are dropped."""
    return WORD.findall(fold_yo(raw[:MAX_QUERY_LENGTH]))[:MAX_QUERY_TERMS]


def clean_query(raw):
    return " ".join(query_terms(raw))


# The search index joins a page's fields with spaces and the texts of its blocks with ", "
# (empty blocks too): a run of commas is a break between blocks.
JOINED_BLOCKS = re.compile(r"\s*,(?:\s*,)+\s*|(?<=[.!?…])\s*,\s+(?=[«\"(\w])")
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=\S)|\s*\n\s*")
SENTENCE_END = ".!?…"
EXCERPT_WORDS = 32
# A token that ends a phrase: a place to cut an excerpt.
PHRASE_END = re.compile(r"[,;:.!?…»)]$|^[—–]$")


def sentences(text):
    """The sentences of an index text, block joins read as sentence breaks."""
    text = JOINED_BLOCKS.sub(_block_break, text or "")
    return [part.strip(" ,") for part in SENTENCE_BREAK.split(text) if part.strip(" ,")]


def _block_break(match):
    before = match.string[: match.start()].rstrip()
    return " " if before.endswith(tuple(SENTENCE_END)) else ". "


def excerpt(text, readings, lemma, words=EXCERPT_WORDS):
    """The sentence(s) of `text` with the most query words, the matches marked; "" when no
    sentence has any.

    `readings` holds each query word's dictionary forms, `lemma` gives a text word's, so
    every form of a word is marked and nothing else; punctuation stays outside the marks.
    The page's tag names, after an empty line (search.backend.body_text), are shown only
    when the words are in them alone.
    """
    text, _, tags = (text or "").partition("\n\n")
    parts = sentences(text)
    initials = {form[:1] for forms in readings for form in forms}

    def found(word):
        folded = fold_yo(word.casefold())
        if folded[:1] not in initials:
            return None
        form = lemma(word)
        return next((i for i, forms in enumerate(readings) if form in forms), None)

    best = []
    for position, sentence in enumerate(parts):
        matched = {found(match.group(0)) for match in WORD.finditer(sentence)} - {None}
        if matched:
            best.append((-len(matched), position, matched))
    if not best:
        # Found by its tags alone: they are the reason, and shown as such.
        tagged = _mark(tags, found)
        return tagged if MARK_START in tagged else ""
    best.sort(key=lambda item: item[:2])
    chosen = [best[0]]
    missing = set(range(len(readings))) - best[0][2]
    for candidate in best[1:]:
        if candidate[2] & missing:
            chosen.append(candidate)
            break
    chosen.sort(key=lambda item: item[1])
    budget = words if len(chosen) == 1 else words // 2
    shown = []
    for index, (_count, position, _matched) in enumerate(chosen):
        if index and position != chosen[index - 1][1] + 1:
            shown.append("…")
        shown.append(_marked_window(parts[position], found, budget))
    return " ".join(shown)


def _marked_window(sentence, found, words):
    """`sentence` with its matches marked, cut to about `words` words around the first."""
    tokens = sentence.split()
    hits = [i for i, token in enumerate(tokens) if _mark(token, found) != token]
    start = 0
    if len(tokens) > words and hits:
        start = max(0, min(hits[0] - words // 3, len(tokens) - words))
    end = min(start + words, len(tokens))
    # Cut at a phrase's edge (after a comma, a colon, a dash) rather than inside it, when one
    # is near: the window starts after the closest break before it and ends after the last
    # break in its final third.
    if start:
        for i in range(start - 1, max(-1, start - words // 3 - 1), -1):
            if PHRASE_END.search(tokens[i]):
                start = i + 1
                break
    if end < len(tokens):
        floor = max(start, hits[0] if hits else start, end - words // 3)
        for i in range(end - 1, floor - 1, -1):
            if PHRASE_END.search(tokens[i]):
                end = i + 1
                break
    window = [_mark(token, found) for token in tokens[start:end]]
    prefix = "… " if start else ""
    suffix = " …" if end < len(tokens) else ""
    return prefix + " ".join(window) + suffix


def _mark(token, found):
    return WORD.sub(
        lambda match: (
            f"{MARK_START}{match.group(0)}{MARK_STOP}"
            if found(match.group(0)) is not None
            else match.group(0)
        ),
        token,
    )


def marked_html(text):
    """HTML of `text` with the match markers turned into <mark> elements."""
    html = escape(text)
    opened = html.count(MARK_START)
    if opened != html.count(MARK_STOP):
        html = html.replace(MARK_START, "").replace(MARK_STOP, "")
    html = html.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above, only <mark> added
