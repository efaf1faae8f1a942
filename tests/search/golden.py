"""The golden set's corpus: queries over the demo site with the pages they must find,
written before the code ran on them. Read by tests/search/test_golden.py and
bench/search_bench.py (--golden).
"""

import datetime

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page

from tests.search.helpers import article, make_private, page

NEWS = "/home/news/"
PROGRAMMES = "/home/programmes/"
METHODISTS = "/home/clubs/methodists-club/"
DOCUMENTS = "/home/documents/"
LIBRARIANS = {
    f"{NEWS}library-day-2026-awards/",
    f"{NEWS}community-centre-week/",
    "/home/clubs/informal-hour/",
}
SCHOOL = {
    f"{PROGRAMMES}school-18/",
    f"{NEWS}school-18-model-library/",
    f"{NEWS}school-19-registration/",
    f"{DOCUMENTS}2-2024/",
}
FINAL_DOCUMENTS = {DOCUMENTS, f"{NEWS}methodists-club-kashin/"}
VOLUNTEERS = {f"{PROGRAMMES}volunteer-seminar/", f"{NEWS}novgorod-volunteers/"}

RUSSIAN = {
    "библиотекарь": LIBRARIANS,
    "библиотекари": LIBRARIANS,
    "библиотекарей": LIBRARIANS,
    "руководитель библиотеки": SCHOOL,
    "Школа руководителей библиотек": SCHOOL,
    "школу руководителя": SCHOOL,
    "итоговый документ": FINAL_DOCUMENTS,
    "Итоговые документы": FINAL_DOCUMENTS,
    "итоговых документах": FINAL_DOCUMENTS,
    "модельная библиотека": {f"{NEWS}school-18-model-library/", f"{DOCUMENTS}4-2025/"},
    "модельного стандарта": {f"{DOCUMENTS}4-2025/"},
    "краеведение": {f"{DOCUMENTS}1-2023/", f"{DOCUMENTS}3-2024/"},
    "краеведческих проектов": {f"{NEWS}local-history-contest-2026/"},
    "краеведческий ресурс": {f"{PROGRAMMES}local-history-webinar/"},
    "газеты": {f"{NEWS}kimry-newspaper-digitised/"},
    "оцифровали": {f"{NEWS}kimry-newspaper-digitised/"},
    "волонтёров": VOLUNTEERS,
    "волонтеры": VOLUNTEERS,
    "методисты": {METHODISTS, f"{NEWS}methodists-club-kashin/"},
    "деловой клуб методистов": {
        METHODISTS,
        f"{METHODISTS}meeting-34/",
        f"{METHODISTS}meeting-35/",
        f"{METHODISTS}meeting-36/",
        f"{NEWS}methodists-club-kashin/",
    },
    "заседания клуба": {f"{METHODISTS}meeting-34/", f"{METHODISTS}meeting-35/"},
    "членство": {"/home/membership/"},
    "членских взносов": {f"{DOCUMENTS}5-2025/"},
    "летнего чтения": {f"{NEWS}summer-reading-2025/"},
    "детских библиотек": {
        f"{NEWS}summer-reading-2025/",
        f"{PROGRAMMES}children-library-internship/",
    },
    "день библиотеки": {f"{NEWS}library-day-2025/", f"{NEWS}library-day-2026-awards/"},
    "наградили": {f"{NEWS}library-day-2026-awards/"},
    "повышения квалификации": {
        PROGRAMMES,
        f"{PROGRAMMES}community-centre-week/",
        f"{NEWS}community-centre-week/",
    },
    "стажировки": {f"{PROGRAMMES}children-library-internship/"},
    "вебинары": {f"{PROGRAMMES}local-history-webinar/"},
    "центр общественной жизни": {
        f"{PROGRAMMES}community-centre-week/",
        f"{NEWS}community-centre-week/",
    },
    "сельские библиотеки": {f"{NEWS}opening-hours-recommendations/"},
    "учредителем": {f"{PROGRAMMES}school-18/", f"{NEWS}school-18-model-library/"},
    "Кашин": {f"{NEWS}methodists-club-kashin/"},
    "Новгородские коллеги": {f"{NEWS}novgorod-volunteers/"},
    "отчетность": {f"{DOCUMENTS}2-2024/"},
    "отчётности": {f"{DOCUMENTS}2-2024/"},
    "поселка": {f"{NEWS}school-18-model-library/"},
    "общего собрания": {f"{NEWS}annual-meeting-2024-results/"},
    "час неформального общения": {
        "/home/clubs/informal-hour/",
        f"{NEWS}informal-hour-books-and-conference/",
    },
    "резолюции": {DOCUMENTS},
}
# Queries whose words are, on each expected page, only in its tags: the search index has
# tags since the pages' own text does not (see test_tag_only_words_are_in_no_page_text).
TAGS_ONLY = {
    "обмена опытом": {
        f"{NEWS}informal-hour-books-and-conference/",
        f"{NEWS}novgorod-volunteers/",
    },
    "оцифровку": {f"{NEWS}kimry-newspaper-digitised/"},
    "повышению квалификации": {f"{NEWS}school-19-registration/"},
    "членству": {f"{NEWS}new-members-2025/"},
    "стажировкам": {f"{PROGRAMMES}community-centre-week/"},
    "управлению": {f"{DOCUMENTS}2-2024/"},
}
ENGLISH = {
    "library managers": {"/home-en/"},
    "libraries": {"/home-en/about/", "/home-en/membership/"},
    "founded": {"/home-en/about/"},
    "membership": {"/home-en/membership/"},
    "methodologist": {"/home-en/"},
}
# Place names and surnames written in the demo only in other cases than the query; most
# need the Russian dictionary (search.dictionary), which knows stems the stemmer cuts wrong.
WEEK = {f"{PROGRAMMES}community-centre-week/"}
HOUR = {"/home/clubs/informal-hour/hour-12/"}
NAMES = {
    "Торжок": WEEK,  # в Торжке
    "Орёл": WEEK,  # в Орле
    "Ржев": WEEK,  # из Ржева
    "Псков": WEEK,  # из Пскова
    "Углич": WEEK,  # из Углича
    "Великие Луки": WEEK,  # из Великих Лук
    "Бежецк": WEEK,  # в Бежецке
    "Весьегонск": WEEK,  # в Весьегонске
    "Калязин": WEEK,  # в Калязине
    "Старица": WEEK,  # в Старице
    "Лихославль": WEEK,  # в Лихославле
    "Старая Русса": WEEK,  # в Старой Руссе
    "Кузнецов": HOUR,  # с Кузнецовым
    "Ильин": HOUR,  # с Ильиным
    "Зайцев": HOUR,  # Зайцеву
    "Новиков": HOUR,  # Новикову
    "Королёва": HOUR,  # Королёвой
    "Пименова": HOUR,  # Пименовой
    "Шевчук": HOUR,  # с Шевчуком
    "Мельникова": HOUR,  # с Мельниковой
}
HIDDEN_TEXT = " ".join(RUSSIAN)

# The reproduction: an editor's article saying «библиотеках», «фотоархивами»,
# «краеведческого уголка», and words no dictionary has, published over the demo site.
REPRODUCTION = f"{NEWS}golden-photo-archives/"
REPRODUCTION_TITLE = "В сельских библиотеках разбирают фотоархивы"
REPRODUCTION_LEAD = (
    "Сотрудники библиотек Весьегонского округа занимаются фотоархивами сёл и деревень."
)
REPRODUCTION_BODY = (
    "В библиотеках района собрали больше двух тысяч снимков. "
    "В Весьегонске для них открыли экспозицию краеведческого уголка. "
    "Снимки оцифровывают в медиатеках, а о находках рассказывают подкастами; "
    "книги для уголка собрали буккроссингом."
)

# One page each query must show among the first RESULTS_PER_PAGE results: the query's
# words are in the page in other forms (or ё for е, or typed in the Latin layout).
FIRST_PAGE = {
    # nouns
    "библиотекарям": f"{NEWS}library-day-2026-awards/",
    "подшивке": f"{NEWS}kimry-newspaper-digitised/",
    "хранилищах": f"{NEWS}library-day-2025/",
    "экскурсия": f"{NEWS}library-day-2025/",
    "доброволец": f"{NEWS}novgorod-volunteers/",
    "грамотами": f"{NEWS}library-day-2026-awards/",
    "заявлениях": "/home/membership/",
    "летописи": f"{DOCUMENTS}1-2023/",
    "маршрутам": f"{DOCUMENTS}3-2024/",
    "посетителями": f"{NEWS}library-day-2025/",
    "подросткам": f"{PROGRAMMES}children-library-internship/",
    "взнос": f"{DOCUMENTS}5-2025/",
    "стажировку": f"{PROGRAMMES}children-library-internship/",
    "соцсетях": "/home/clubs/informal-hour/hour-13/",
    "календаря": "/home/clubs/informal-hour/hour-14/",
    "сессиях": f"{NEWS}school-19-registration/",
    # adjectives
    "уездная": f"{NEWS}kimry-newspaper-digitised/",
    "почётный": f"{NEWS}library-day-2026-awards/",
    "неформальный": "/home/clubs/informal-hour/",
    "публичной": f"{PROGRAMMES}community-centre-week/",
    "торжественное": f"{NEWS}library-day-2026-awards/",
    "хрупкая": f"{NEWS}kimry-newspaper-digitised/",
    "ночных": f"{NEWS}library-day-2025/",
    # verbs
    "отсканировать": f"{NEWS}kimry-newspaper-digitised/",
    "наградить": f"{NEWS}library-day-2026-awards/",
    "вступить": f"{NEWS}new-members-2025/",
    "собрались": f"{NEWS}methodists-club-kashin/",
    "утвердить": f"{NEWS}annual-meeting-2024-results/",
    "подготовить": f"{NEWS}opening-hours-recommendations/",
    "встретиться": f"{NEWS}informal-hour-books-and-conference/",
    # place names in other cases
    "Тверь": f"{NEWS}school-18-model-library/",
    "Кимры": f"{NEWS}kimry-newspaper-digitised/",
    "Новгород": f"{NEWS}novgorod-volunteers/",
    "Кашина": f"{NEWS}methodists-club-kashin/",
    "Торжок": f"{PROGRAMMES}community-centre-week/",
    "Орёл": f"{PROGRAMMES}community-centre-week/",
    "Великие Луки": f"{PROGRAMMES}community-centre-week/",
    "Старая Русса": f"{PROGRAMMES}community-centre-week/",
    "Весьегонск": REPRODUCTION,
    # surnames
    "Журавлёвой": "/home/clubs/informal-hour/hour-12/",
    "Пушкин": f"{NEWS}summer-reading-2025/",
    "Кузнецов": "/home/clubs/informal-hour/hour-12/",
    "Зайцев": "/home/clubs/informal-hour/hour-12/",
    "Шевчук": "/home/clubs/informal-hour/hour-12/",
    # words of no dictionary, or known only by their endings
    "фотоархив": REPRODUCTION,
    "медиатека": REPRODUCTION,
    "подкаст": REPRODUCTION,
    "буккроссинг": REPRODUCTION,
    "межпоселенческая": f"{NEWS}kimry-newspaper-digitised/",
    "книгообеспеченности": f"{DOCUMENTS}3-2024/",
    "книгохранилище": f"{NEWS}library-day-2025/",
    # two-word phrases
    "краеведческий уголок": REPRODUCTION,
    "модельный стандарт": f"{DOCUMENTS}4-2025/",
    "цифровая грамотность": f"{NEWS}novgorod-volunteers/",
    "общественная жизнь": f"{NEWS}community-centre-week/",
    "электронная коллекция": f"{NEWS}local-history-contest-2026/",
    "персональным данным": "/home/privacy/",
    # ё written е
    "Журавлева": "/home/clubs/informal-hour/hour-12/",
    "отчет правления": f"{NEWS}annual-meeting-2024-results/",
    "волонтерская служба": f"{NEWS}novgorod-volunteers/",
    "перевел": f"{NEWS}kimry-newspaper-digitised/",
    # typed in the Latin layout: the page is on the first page of the suggested query
    "ufptns": f"{NEWS}kimry-newspaper-digitised/",
    "rfibyt": f"{NEWS}methodists-club-kashin/",
    "djkjyn`hjd": f"{NEWS}novgorod-volunteers/",
    ",b,kbjntrfhzv": f"{NEWS}library-day-2026-awards/",
}

HIDDEN_SLUGS = {
    "golden-draft",
    "golden-private",
    "golden-private-child",
    "golden-scheduled",
    "golden-english",
}


def build_site(load_demo=True):
    """The demo site, the issue's reproduction and pages that must never be found; the
    tests start from their copy of the demo already loaded (tests.demo_site)."""
    if load_demo:
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    home = Page.objects.get(url_path="/home/").specific
    page(home, "Черновик", "golden-draft", HIDDEN_TEXT, publish=False)
    private = make_private(page(home, "Закрытый раздел", "golden-private", HIDDEN_TEXT))
    page(private, "Закрытая страница", "golden-private-child", HIDDEN_TEXT)
    news = Page.objects.get(url_path=NEWS)
    article(
        news,
        "Запланированная новость",
        "golden-scheduled",
        HIDDEN_TEXT,
        timezone.now() + datetime.timedelta(days=7),
    )
    english = Page.objects.get(url_path="/home-en/").specific
    page(english, "Russian words on the English site", "golden-english", HIDDEN_TEXT)
    reproduction = article(news, REPRODUCTION_TITLE, "golden-photo-archives", REPRODUCTION_LEAD)
    reproduction.body = [("paragraph", f"<p>{REPRODUCTION_BODY}</p>")]
    reproduction.save_revision().publish()
