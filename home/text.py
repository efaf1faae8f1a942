"""Latin spellings of Russian text, shared by tag and page slugs."""

from django.utils.text import slugify

# Addresses stay readable when shared; a title of a dozen words still fits.
SLUG_MAX_LENGTH = 80

TRANSLITERATION = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
        "я": "ia",
    }
)  # fmt: skip


def transliterate(text):
    """Latin spelling of Russian text (the passport rules of ICAO Doc 9303)."""
    return text.lower().translate(TRANSLITERATION)


def latin_slug(text, max_length=SLUG_MAX_LENGTH):
    """A Latin slug of at most `max_length` characters, cut at a word boundary."""
    slug = slugify(transliterate(text))
    if len(slug) > max_length:
        slug = slug[:max_length]
        slug = slug.rsplit("-", 1)[0] if "-" in slug else slug
    return slug.strip("-")
