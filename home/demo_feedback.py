"""Demo content of the reader services: the privacy policy page and example submissions."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Site

from home.feedback.models import Question, TypoReport
from home.models import AssociationSettings, StandardPage

PRIVACY_PARAGRAPHS = [
    "Настоящая политика определяет порядок обработки персональных данных посетителей сайта "
    "ассоциации в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ "
    "«О персональных данных».",
    "Оператор обрабатывает имя и адрес электронной почты, которые посетитель сам указывает "
    "в формах «Задать вопрос» и «Подписаться на новости», только для ответа на вопрос и "
    "рассылки новостей. Согласие даётся отметкой в форме и записывается вместе со временем.",
    "Данные не передаются третьим лицам и хранятся до отзыва согласия. Отписаться от "
    "рассылки можно по ссылке в каждом письме; удалить данные — написав на адрес ассоциации.",
    "Сайт не использует файлы cookie для учёта посещений и не подключает сторонние счётчики.",
]


def create_privacy_page(home):
    from home.demo import add_child, paragraph

    page = add_child(
        home,
        StandardPage(
            title="Политика обработки персональных данных",
            slug="privacy",
            lead="Как ассоциация обрабатывает персональные данные посетителей сайта.",
            body=[paragraph(text) for text in PRIVACY_PARAGRAPHS],
        ),
    )
    settings = AssociationSettings.for_site(Site.objects.get(is_default_site=True))
    if settings.privacy_page_id is None:
        settings.privacy_page = page
        settings.save()
    return page


def create_examples(home):
    if TypoReport.objects.exists() or Question.objects.exists():
        return
    about = home.get_children().filter(slug="about").first()
    TypoReport.objects.create(
        page=about,
        url=about.url if about else "",
        fragment="Ассоцияция объединяет центральные библиотеки",
        comment="Опечатка в первом слове.",
    )
    TypoReport.objects.create(
        page=home, url=home.url, fragment="в 1993 году", status=TypoReport.Status.REJECTED
    )
    now = timezone.now()
    Question.objects.create(
        name="Мария Иванова",
        email="maria.ivanova@library.example",
        topic="Стажировка в федеральной библиотеке",
        question="Когда начнётся приём заявок на весеннюю стажировку и кто может поехать?",
        language="ru",
        consent_at=now - timedelta(days=2),
        privacy_policy_url="/ru/privacy/",
    )
    Question.objects.create(
        name="Олег Петров",
        email="o.petrov@library.example",
        topic="Вступление в ассоциацию",
        question="Какие документы нужны сельской библиотеке для вступления?",
        language="ru",
        consent_at=now - timedelta(days=9),
        privacy_policy_url="/ru/privacy/",
        status=Question.Status.ANSWERED,
    )


def load(command):
    from home.demo import home_page

    home = home_page()
    create_privacy_page(home)
    create_examples(home)
    command.progress("privacy policy page and example reader submissions")
