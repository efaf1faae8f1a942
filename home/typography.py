"""Russian typography on output: non-breaking spaces where a line must not break.

`typograph(text)` keeps together initials and the surname, short prepositions and conjunctions
and the word after them, «г.», «им.», «№» and their neighbours, a number and its unit or month,
and the ends of a date range; a spaced hyphen between words becomes a dash. HTML is accepted:
only the text between tags changes, never a tag or what is inside <pre>, <code>, <script> or
<style>. The template filter is `|typograph` (home.templatetags.typography_tags).
"""

import re

NBSP = "\u00a0"
_SPACE = r"[ \t\u00a0]+"
_UPPER = "А-ЯЁA-Z"
_LETTER = "а-яёА-ЯЁa-zA-Z"

# One- and two-letter words and the short prepositions and conjunctions a line must not end
# with.
_SHORT_WORDS = (
    "а|б|в|и|к|о|с|у|я|во|да|до|за|из|ко|на|не|ни|но|об|од|от|по|со|то|же|ли|ещё|"
    "без|для|или|над|под|при|про|что|как|обо|ото|изо|безо|перед|через|между|около"
)
# A number keeps its unit, month or counted word on its line.
_UNITS = (
    "%|‰|°|₽|\\$|€|г|гг|кг|мг|т|км|м|см|мм|га|л|мл|ч|мин|сек|млн|млрд|тыс|руб|коп|чел|"
    "экз|шт|стр|с\\.|п\\.|вв?\\.|лет|год|года|году|годов|человек|участник\\w*|"
    "библиотек\\w*|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|"
    "ноября|декабря|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|"
    "ноябрь|декабрь|минут\\w*|час\\w*|дн\\w*|недел\\w*|мест\\w*|организац\\w*|"
    "муниципал\\w*|km|kg|m|h|min|people|participants|libraries|January|February|March|April|"
    "May|June|July|August|September|October|November|December"
)
# Abbreviations that stay with the word before and after them.
_ABBREVIATIONS = r"г\.|гг\.|им\.|№|ул\.|пр\.|д\.|обл\.|пос\.|р-н|св\.|т\.\s?е\.|т\.\s?д\.|т\.\s?п\."

_RULES = [
    # Initials: «А. М. Горький», «Горький А. М.», «А.М. Горький».
    (re.compile(rf"(?<![{_LETTER}])([{_UPPER}]\.){_SPACE}(?=[{_UPPER}])"), rf"\1{NBSP}"),
    (re.compile(rf"([{_LETTER}]{{2,}}){_SPACE}(?=[{_UPPER}]\.\s?[{_UPPER}]\.)"), rf"\1{NBSP}"),
    # Abbreviations: «им. А. М. Горького», «ЦБС г. Вышний Волочёк», «2026 г.», «№ 5».
    (re.compile(rf"(?<![{_LETTER}])({_ABBREVIATIONS}){_SPACE}"), rf"\1{NBSP}"),
    (re.compile(rf"(?<=[\w»\"”)]){_SPACE}(?=(?:{_ABBREVIATIONS})(?![{_LETTER}]))"), NBSP),
    # A date or number range written with spaces around the dash becomes tight: «12–14».
    (re.compile(rf"(\d){_SPACE}?[–—-]{_SPACE}?(?=\d)"), "\\1–"),
    # A number and what it counts: «15 марта», «12–14 марта», «30 %», «1 200 участников».
    (re.compile(rf"(\d){_SPACE}(?=(?:{_UNITS})(?![{_LETTER}]))"), rf"\1{NBSP}"),
    (re.compile(rf"(?<!\d)(\d{{1,3}}){_SPACE}(?=\d{{3}}(?!\d))"), rf"\1{NBSP}"),
    # A dash between words: never at the start of a line; a spaced hyphen is a dash.
    (re.compile(rf"(?<=[\w»\"”.,)]){_SPACE}[-–—]{_SPACE}"), f"{NBSP}— "),
]
# Run twice so that «в и с» chains and «с 12 по 14» are all caught (the look-behind of the
# first pass consumes the space it needs for the next word).
_SHORT = re.compile(rf"(?<![{_LETTER}\-])({_SHORT_WORDS}){_SPACE}(?=\S)", re.IGNORECASE)

_TAG = re.compile(r"(<[^>]*>)")
_RAW_ELEMENTS = re.compile(r"<(/?)(pre|code|script|style|textarea)\b", re.IGNORECASE)


def _text(chunk):
    for pattern, replacement in _RULES:
        chunk = pattern.sub(replacement, chunk)
    for _ in range(2):
        chunk = _SHORT.sub(rf"\1{NBSP}", chunk)
    return chunk


def typograph(text):
    """`text` (plain or HTML) with non-breaking spaces and dashes set by the rules above."""
    if not text:
        return text
    parts = _TAG.split(str(text))
    raw_depth = 0
    for index, part in enumerate(parts):
        if index % 2:
            raw = _RAW_ELEMENTS.match(part)
            if raw:
                raw_depth += -1 if raw[1] else 1
                raw_depth = max(raw_depth, 0)
        elif part and not raw_depth:
            parts[index] = _text(part)
    return "".join(parts)


_SENTENCE_END = re.compile(r"[.!?…][»\")]?$")
_PHRASE_END = re.compile(r"[,;:]$|^[—–]$")


def shorten(text, words=30):
    """`text` cut to about `words` words at the end of a sentence or, failing that, of a
    phrase, never in the middle of one; an ellipsis marks the cut."""
    tokens = str(text or "").split()
    if len(tokens) <= words:
        return str(text or "")
    for pattern in (_SENTENCE_END, _PHRASE_END):
        for end in range(words, words // 2, -1):
            if pattern.search(tokens[end - 1]):
                cut = " ".join(tokens[:end])
                return cut if pattern is _SENTENCE_END else cut.rstrip(",;:—– ") + " …"
    return " ".join(tokens[:words]) + " …"
