"""The English version of the demo site, made with wagtail-localize's own machinery.

`translate` is what a translator does in the admin: the Russian object becomes a translation
source, each of its strings gets an English translation, and the English copy is saved from
them and published. Apps built on home use it for their own English demo content.
"""

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.models import HomePage, Organisation, Person, Region


def english():
    return Locale.objects.get(language_code="en")


def translate(instance, strings, publish=True):
    """The English translation of `instance`, made from `strings` (Russian text: English).

    Idempotent: an existing translation is returned as it is. Strings missing from `strings`
    keep the Russian text, as wagtail-localize does when a translator has not finished.
    """
    locale = english()
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        return existing
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual"},
            )
    Translation.objects.get_or_create(source=source, target_locale=locale)
    drafts = isinstance(instance, DraftStateMixin)
    translation, _ = source.create_or_update_translation(locale, publish=not drafts, fallback=True)
    if publish and isinstance(translation, Page):
        translation.get_latest_revision().publish()
        translation.refresh_from_db()
    return translation


HOME = {
    "Главная": "Home",
    "home": "home-en",
    "Профессиональное объединение публичных библиотек Тверской области: новости, программы "
    "повышения квалификации, заседания клубов, итоговые документы.": (
        "The professional association of public libraries in the Tver Region: news, "
        "training programmes, club meetings and final documents."
    ),
    "Тверская региональная библиотечная ассоциация": "Tver Regional Library Association",
    "Объединяем публичные библиотеки и библиотечные системы области: учим руководителей, "
    "собираем методистов, обсуждаем и принимаем общие решения.": (
        "We bring together the public libraries and library systems of the region: we train "
        "library managers, gather methodologists, and discuss and adopt shared decisions."
    ),
}

STANDARD_PAGES = {
    "about": {
        "Об ассоциации": "About the association",
        "Некоммерческое профессиональное объединение библиотек области, созданное в 1993 году.": (
            "A non-profit professional association of the region's libraries, founded in 1993."
        ),
        "Ассоциация объединяет центральные библиотеки муниципальных округов, централизованные "
        "библиотечные системы и областные библиотеки. Она помогает коллегам учиться друг у "
        "друга, представляет интересы библиотек перед органами власти и готовит общие позиции "
        "по вопросам отрасли.": (
            "The association unites the central libraries of municipal districts, centralised "
            "library systems and the regional libraries. It helps colleagues learn from one "
            "another, represents libraries before the authorities and prepares joint positions "
            "on the issues facing the profession."
        ),
        "Чем мы занимаемся": "What we do",
        "Проводим Школу руководителей библиотек, поддерживаем клуб методистов, организуем "
        "стажировки в федеральных библиотеках и публикуем итоговые документы "
        "профессиональных встреч.": (
            "We run the School for Library Managers, support the Methodologists' Club, arrange "
            "placements at federal libraries and publish the final documents of professional "
            "meetings."
        ),
        "Ассоциация в цифрах": "The association in figures",
        "Год основания": "Founded",
        "Члены ассоциации": "Members",
        "36 библиотек и систем": "36 libraries and library systems",
        "Муниципальные округа": "Municipal districts",
        "Библиотека сильна, когда ей есть с кем посоветоваться.": (
            "A library is strong when it has someone to turn to for advice."
        ),
        "Елена Викторовна Соколова": "Elena Sokolova",
        "председатель правления ассоциации": "Chair of the Board of the association",
    },
    "membership": {
        "Членство": "Membership",
        "Членами ассоциации могут стать библиотеки и библиотечные системы области.": (
            "Libraries and library systems of the region may join the association."
        ),
        "Для вступления библиотека направляет заявление за подписью руководителя и решение "
        "учредителя. Правление рассматривает заявления ежеквартально.": (
            "To join, a library sends an application signed by its director together with the "
            "decision of its founder. The Board considers applications every quarter."
        ),
        "Сотрудники библиотек-членов получают доступ к итоговым документам, материалам "
        "семинаров и методическим рекомендациям после входа на сайт.": (
            "Staff of member libraries who sign in to the site can read the final documents, "
            "seminar materials and methodological guidelines."
        ),
    },
    "contacts": {
        "Контакты": "Contacts",
        "Исполнительная дирекция ассоциации работает по будням с 9 до 18 часов.": (
            "The executive office of the association is open on weekdays from 9:00 to 18:00."
        ),
        "Адрес": "Address",
        "г. Тверь, Свободный переулок, д. 28": "28 Svobodny Lane, Tver, Russia",
        "Телефон": "Phone",
        "Электронная почта": "E-mail",
    },
    # The page the consent boxes of the English forms link to (home.demo_feedback).
    "privacy": {
        "Политика обработки персональных данных": "Privacy policy",
        "Как ассоциация обрабатывает персональные данные посетителей сайта.": (
            "What personal data the association keeps about visitors to this site, and why."
        ),
        "Настоящая политика определяет порядок обработки персональных данных посетителей сайта "
        "ассоциации в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ "
        "«О персональных данных».": (
            "This policy explains how the association handles the personal data of people who "
            "use its website. It follows the Russian Federal Law on Personal Data "
            "(No. 152-FZ of 27 July 2006)."
        ),
        "Оператор обрабатывает имя и адрес электронной почты, которые посетитель сам указывает "
        "в формах «Задать вопрос» и «Подписаться на новости», только для ответа на вопрос и "
        "рассылки новостей. Согласие даётся отметкой в форме и записывается вместе со временем.": (
            "We only hold the name and e-mail address you type into the “Ask a question” and "
            "“Subscribe to the news” forms, and we use them for nothing but answering your "
            "question and sending you our news. You agree to this by ticking the box on the "
            "form; we keep a record of your consent and when you gave it."
        ),
        "Данные не передаются третьим лицам и хранятся до отзыва согласия. Отписаться от "
        "рассылки можно по ссылке в каждом письме; удалить данные — написав на адрес ассоциации.": (
            "Nobody outside the association receives your data, and we keep it until you "
            "withdraw your consent. Every newsletter ends with a link to unsubscribe; to have "
            "your data deleted, write to the association's e-mail address."
        ),
        "Сайт не использует файлы cookie для учёта посещений и не подключает сторонние счётчики.": (
            "The site sets no cookies to count visits and runs no third-party analytics."
        ),
    },
}

REGIONS = {
    "Тверская область": "Tver Region",
    "Новгородская область": "Novgorod Region",
    "Москва": "Moscow",
}

ORGANISATIONS = {
    "Тверская ордена «Знак Почёта» областная универсальная научная библиотека "
    "им. А. М. Горького": "Gorky Tver Regional Universal Research Library",
    "ТОУНБ им. А. М. Горького": "Gorky Tver Regional Library",
    "Тверь": "Tver",
    "Централизованная библиотечная система города Вышний Волочёк": (
        "Vyshny Volochyok Centralised Library System"
    ),
    "ЦБС г. Вышний Волочёк": "Vyshny Volochyok Library System",
    "Вышний Волочёк": "Vyshny Volochyok",
    "Межпоселенческая центральная библиотека Кимрского муниципального округа": (
        "Central Library of the Kimry Municipal District"
    ),
    "Кимрская МЦБ": "Kimry Central Library",
    "Кимры": "Kimry",
    "Тверская областная детская библиотека им. А. С. Пушкина": (
        "Pushkin Tver Regional Children's Library"
    ),
    "Детская библиотека им. А. С. Пушкина": "Pushkin Children's Library",
    "Новгородская областная универсальная научная библиотека": (
        "Novgorod Regional Universal Research Library"
    ),
    "НОУНБ": "Novgorod Regional Library",
    "Великий Новгород": "Veliky Novgorod",
    "Российская государственная библиотека": "Russian State Library",
    "РГБ": "Russian State Library",
    "Москва": "Moscow",
}

PEOPLE = {
    "Елена Викторовна Соколова": "Elena Sokolova",
    "Марина Николаевна Кудрявцева": "Marina Kudryavtseva",
    "Ольга Петровна Смирнова": "Olga Smirnova",
    "Андрей Сергеевич Белов": "Andrei Belov",
    "Татьяна Игоревна Лебедева": "Tatiana Lebedeva",
    "Ирина Александровна Громова": "Irina Gromova",
    "Наталья Владимировна Орлова": "Natalia Orlova",
    "директор": "Director",
    "заведующая научно-методическим отделом": "Head of the Research and Methodology Department",
    "главный библиотекарь сектора краеведения": "Chief Librarian, Local History Section",
    "ведущий методист": "Senior Methodologist",
    "заместитель директора по научной работе": "Deputy Director for Research",
    "пресс-секретарь ассоциации": "Press Secretary of the association",
}


def create_snippets():
    russian = Locale.objects.get(language_code="ru")
    for model, strings in ((Region, REGIONS), (Organisation, ORGANISATIONS), (Person, PEOPLE)):
        for instance in model.objects.filter(locale=russian):
            translate(instance, strings)


def create_pages():
    home = HomePage.objects.get(depth=2, locale__language_code="ru")
    translate(home, HOME)
    for slug, strings in STANDARD_PAGES.items():
        page = home.get_children().filter(slug=slug).first()
        if page is not None:
            translate(page.specific, strings)


def load(command):
    create_snippets()
    create_pages()
    command.progress("English home page, standard pages and snippets")
