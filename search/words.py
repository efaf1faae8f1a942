"""Russian words in their dictionary form, for the search index and for readers' queries.

Every word of the text that is indexed, and every word of a query, is replaced by its
dictionary form (pymorphy3 with its OpenCorpora dictionaries; words it does not know get a
form predicted from their endings, so «фотоархивами» and «Весьегонске» are read as well as
known words). The databases then only compare equal words: PostgreSQL passes them on to its
text search configuration, SQLite's FTS5 indexes them as they are. ё is written е.

Words in Latin letters (the English pages) are cut to their Snowball stem (PyStemmer), as
PostgreSQL's configuration does, so that SQLite finds "libraries" for "library" too.

A word form may belong to several words («стали»: стать, сталь). The index keeps one: the
likeliest, a proper name only where the text capitalises the word. A query word matches any
of its readings, so the index's choice is always among them.
"""

from functools import cache, lru_cache

from search.text import WORD, fold_yo

# Grammemes of proper names: a lower-case word in running text is not one of these.
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# Readings of a query word that are looked for; more only add rare homonyms.
MAX_READINGS = 4


@cache
def analyzer():
    """The morphological analyser, loaded once per process (about 0.5 s, some 15 MB)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@cache
def english_stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def _is_cyrillic(word):
    return any("а" <= letter <= "я" or letter == "ё" for letter in word.lower())


@lru_cache(maxsize=200_000)
def lemma(word):
    """The dictionary form of one word of a text, lower-case, ё as е."""
    if not _is_cyrillic(word):
        return english_stemmer().stemWord(word.lower()) if word.isascii() else word.lower()
    parses = analyzer().parse(word)
    capitalised = word[:1].isupper()
    chosen = parses[0]
    for parse in parses:
        if bool(PROPER & parse.tag.grammemes) == capitalised:
            chosen = parse
            break
    return fold_yo(chosen.normal_form)


@lru_cache(maxsize=20_000)
def readings(word):
    """Every dictionary form that a query word may stand for, the likeliest first."""
    if not _is_cyrillic(word):
        return (lemma(word),)
    forms = [lemma(word), lemma(word.lower()), lemma(word.capitalize())]
    forms += [fold_yo(parse.normal_form) for parse in analyzer().parse(word)]
    return tuple(dict.fromkeys(forms))[:MAX_READINGS]


def normalise(text):
    """`text` with each word in its dictionary form; punctuation and spacing are kept, so
    word positions (for phrases) stay as they were."""
    return WORD.sub(lambda match: lemma(match.group(0)), text)


def query_readings(terms):
    """For each query term, its readings: [("библиотека",), ("стать", "сталь"), ...]."""
    return [readings(term) for term in terms]


def inflect_like(lemma_form, word):
    """The form of `lemma_form` closest in spelling to `word` (a misspelt query word), so
    that a suggestion keeps the reader's grammatical form."""
    from difflib import SequenceMatcher

    parses = analyzer().parse(lemma_form)
    if not parses or not _is_cyrillic(lemma_form):
        return lemma_form
    forms = {fold_yo(form.word) for form in parses[0].lexeme} | {lemma_form}
    return max(sorted(forms), key=lambda form: SequenceMatcher(None, form, word.lower()).ratio())
