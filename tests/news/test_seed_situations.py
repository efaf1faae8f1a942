"""One article per kind of news the member libraries publish, each fact rendered back."""

import datetime

import pytest

from home.typography import typograph
from news.models import NewsPageMentionedPerson
from tests.factories import OrganisationFactory, PersonFactory, RegionFactory
from tests.news.factories import ImageFactory, news_page
from tests.news.test_article import structured_data

pytestmark = pytest.mark.django_db

SITUATIONS = {
    "district system's informal hour": {
        "title": "Час неформального общения: книги коллег и впечатления от форума",
        "event": (datetime.date(2025, 11, 18), None),
        "dates": "18 ноября 2025",
        "regions": ["Самарская область"],
        "people": [
            ("Е. В. Угрюмова", "директор", "ЦБС Первомайского района"),
            ("Т. В. Пшеницына", "главный библиограф", "ЦБС Первомайского района"),
        ],
        "figures": [(4, "сообщения", "о профессиональных мероприятиях")],
        "credit": "Фото: методико-библиографический отдел ЦБС",
        "source": ("Сайт ЦБС Первомайского района", ""),
    },
    "city's news of a school for library heads": {
        "title": "Библиотекари округа рассказали о работе онлайн на Школе руководителей",
        "event": (datetime.date(2025, 10, 6), datetime.date(2025, 10, 8)),
        "dates": "6–8 октября 2025",
        "regions": ["Приморский край"],
        "people": [("Г. Н. Асеева", "директор", "ЦБС городского округа")],
        "figures": [
            (22, "мероприятия", "проведено онлайн с мая по август"),
            (1787, "участников", ""),
            (47228, "просмотров", ""),
        ],
        "rendered_figures": ["22", "1\xa0787", "47\xa0228"],
        "credit": "Фото: управление информации администрации округа",
        "source": ("Управление информации администрации городского округа", ""),
    },
    "regional library's annual methodists' club meeting": {
        "title": "Ежегодное заседание клуба методистов прошло в областной библиотеке",
        "event": (datetime.date(2025, 6, 19), datetime.date(2025, 6, 20)),
        "dates": "19–20 июня 2025",
        "regions": ["Тверская область"],
        "people": [("Н. Н. Ткаченко", "главный библиотекарь", "Областная научная библиотека")],
        "figures": [(33, "ЦБС", ""), (44, "муниципальных образования", "прислали методистов")],
        "credit": "Фото: Н. Н. Ткаченко",
        "source": ("", ""),
    },
    "regional conference with four regions": {
        "title": "Межрегиональная конференция о модельных библиотеках открылась в Твери",
        "event": (None, datetime.date(2025, 9, 13)),
        "dates": "до 13 сентября 2025",
        "regions": ["Тверская область", "Новгородская область", "Псковская область", "Москва"],
        "people": [("И. А. Громова", "заместитель директора", "Российская библиотека")],
        "figures": [(4, "региона", ""), (160, "участников", "")],
        "credit": "Фото: пресс-служба конференции",
        "source": ("", ""),
    },
    "federal ministry item": {
        "title": "Министерство объявило приём заявок на создание модельных библиотек",
        "event": (datetime.date(2026, 2, 1), datetime.date(2026, 3, 31)),
        "dates": "1 февраля – 31 марта 2026",
        "regions": [],
        "people": [("О. С. Любимова", "заместитель министра", "Министерство культуры")],
        "figures": [(1250, "библиотек", "станут модельными")],
        "rendered_figures": ["1\xa0250"],
        "credit": "Фото: пресс-служба министерства",
        "source": ("Министерство культуры Российской Федерации", "https://culture.example/news/1"),
    },
}


def build(index, facts):
    regions = [
        RegionFactory(name=name, slug=f"seed-region-{number}")
        for number, name in enumerate(facts["regions"])
    ]
    start, end = facts["event"]
    body = [
        (
            "figures",
            {
                "title": "В цифрах",
                "figures": [
                    {"number": number, "unit": unit, "label": label}
                    for number, unit, label in facts["figures"]
                ],
            },
        )
    ]
    article = news_page(
        index,
        title=facts["title"],
        event_start=start,
        event_end=end,
        regions=regions,
        featured_image=ImageFactory(),
        featured_image_credit=facts["credit"],
        source_name=facts["source"][0],
        source_url=facts["source"][1],
        body=body,
    )
    for number, (name, position, organisation) in enumerate(facts["people"]):
        person = PersonFactory(
            name=name, position=position, organisation=OrganisationFactory(name=organisation)
        )
        NewsPageMentionedPerson.objects.create(page=article, person=person, sort_order=number)
    article.save_revision().publish()
    return article


@pytest.mark.parametrize("situation", SITUATIONS)
def test_every_fact_of_the_situation_is_rendered_back(client, index, situation):
    facts = SITUATIONS[situation]
    article = build(index, facts)
    html = client.get(article.url).content.decode()
    data = structured_data(html)

    # The page sets Russian typography (home.typography): the facts as the filter sets them.
    assert typograph(facts["dates"]) in html
    start, end = facts["event"]
    assert data["about"]["startDate"] == (start or end).isoformat()
    assert data["about"]["endDate"] == (end or start).isoformat()
    if facts["regions"]:  # in alphabetical order, as in the region filter
        assert ", ".join(sorted(facts["regions"])) in html
        assert [place["name"] for place in data["contentLocation"]] == sorted(facts["regions"])
    for name, position, organisation in facts["people"]:
        assert typograph(f"{name}</a>, {position}, {organisation}") in html
    assert [person["name"] for person in data["mentions"]] == [p[0] for p in facts["people"]]
    rendered = facts.get("rendered_figures", [str(number) for number, *_ in facts["figures"]])
    for shown, (_, unit, label) in zip(rendered, facts["figures"], strict=True):
        assert f'<span class="figures__number">{shown}</span>' in html
        assert unit in html and typograph(label) in html
    assert f'<span class="credit">{typograph(facts["credit"])}</span>' in html
    source_name, source_url = facts["source"]
    if source_name:
        assert source_name in html
    if source_url:
        assert f'href="{source_url}"' in html
