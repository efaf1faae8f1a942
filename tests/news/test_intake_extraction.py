"""Extraction on the made-up member pages: fields right, site chrome left out."""

import datetime

from django.utils import timezone

import pytest

from news.intake.dates import parse_russian_date
from news.intake.extract import ExtractionError, extract
from news.intake.fetch import Fetcher, FetchError, decode

CHROME = [
    "Главная",
    "Электронный каталог",
    "Версия для слабовидящих",
    "Популярные новости",
    "Подпишись на новости",
    "Наши контакты",
    "Наверх",
    "Если Вы нашли ошибку",
    "Комментарии закрыты",
    "Поделиться",
    "Просмотров",
    "Апрель 2024",
    "Пн",
    "VK.Widgets",
    "Оставить комментарий",
]


def moscow(*args):
    return timezone.make_aware(datetime.datetime(*args))


# path, title, date, age mark, byline, image captions, a phrase of the text
ARTICLES = [
    (
        "/zcbs/news/2023/06/chas-obshcheniya.html",
        "Час неформального общения",
        moscow(2023, 6, 8, 9, 2),
        "16+",
        "Н. Н. Ткаченко, главный библиотекарь МБО",
        ["Встреча в читальном зале центральной библиотеки"],
        "выездной семинар для сельских библиотек",
    ),
    (
        "/zcbs/news/2024/03/den-poezii.html",
        "День поэзии в детской библиотеке",
        moscow(2024, 3, 12),
        "12+",
        "О. В. Морозова, заведующая детской библиотекой",
        ["Юные чтецы перед выступлением", "Жюри подводит итоги"],
        "альманаха «Заречные голоса»",
    ),
    (
        "/zcbs/news/2024/06/letnie-chteniya.html",
        "Летние чтения в сельских библиотеках",
        moscow(2024, 6, 19),
        "6+",
        "",
        [],
        "мастер-класс по изготовлению книжки-малышки",
    ),
    (
        "/zcbs/news/2024/02/kraevedy.html",
        "Краеведы встретились в центральной библиотеке",
        datetime.datetime(2024, 2, 15, 11, 30, tzinfo=datetime.UTC),
        "0+",
        "",
        [],
        "отсканируют и вернут владельцам",
    ),
    (
        # «5 апреля 2024 года …» opens the text, but the page states no date of its own.
        "/zcbs/news/2024/04/knizhnaya-vystavka.html",
        "Выставка к юбилею писателя-земляка",
        None,
        "",
        "",
        [],
        "из семейного архива писателя",
    ),
    (
        "/zcbs/news/2024/05/bibliotechnaya-noch.html",
        "Библиотечная ночь: «Читаем вместе»",
        moscow(2024, 4, 20, 18, 0),
        "12+",
        "",
        ["Спектакль театральной студии"],
        "Двенадцать человек в этот вечер стали читателями",
    ),
    (
        "/zcbs/news/2024/09/yarmarka.html",
        "Книжная ярмарка на Дне посёлка",
        moscow(2024, 9, 1, 10, 0),
        "",
        "Е. В. Угрюмова, директор ЦБС",
        [],
        "детективы и книги по садоводству",
    ),
    (
        "/adm/news/shkola-rukovoditeley.html",
        "Библиотекари приняли участие в Школе руководителей",
        moscow(2020, 10, 23, 10, 15),
        "",
        "Управление информации администрации города",
        [],
        "квесты, выставки и флешмобы",
    ),
    (
        "/adm/news/konkurs-chtecov.html",
        "Городской конкурс чтецов",
        moscow(2024, 3, 3),
        "",
        "Пресс-служба администрации города",
        ["Победители конкурса с членами жюри"],
        "конкурс чтецов «Живое слово»",
    ),
    (
        "/adm/news/volontery.html",
        "Волонтёры помогли перевезти фонд",
        moscow(2024, 8, 14),
        "16+",
        "",
        [],
        "около двадцати тысяч книг",
    ),
    (
        "/adm/news/modelnaya-biblioteka.html",
        "Модельная библиотека открылась после ремонта",
        moscow(2024, 5, 15, 11, 40),
        "16+",
        "",
        [],
        "игровая комната для малышей",
    ),
]


@pytest.mark.parametrize(
    ("path", "title", "date", "age", "byline", "captions", "phrase"),
    ARTICLES,
    ids=[article[0].rsplit("/", 1)[1] for article in ARTICLES],
)
def test_member_articles_are_extracted_without_the_site_chrome(
    member_site, path, title, date, age, byline, captions, phrase
):
    response = Fetcher().get(member_site.base_url + path)
    article = extract(decode(response), response.url)

    assert article.title == title
    if date is None:
        assert article.published_at == "" and article.uncertain == ["date"]
    else:
        assert datetime.datetime.fromisoformat(article.published_at) == date
    assert article.age_rating == age
    assert article.byline == byline
    pictures = [p for b in article.blocks for p in b.get("images", [b]) if "caption" in p]
    assert [p["caption"] for p in pictures] == captions
    body = " ".join(b.get("html") or b.get("text") or "" for b in article.blocks)
    assert phrase in " ".join(body.split())
    assert article.lead and article.lead in " ".join(body.split())
    for chrome in CHROME:
        assert chrome not in body, chrome
    # The date line, the age mark and the signature have fields of their own.
    assert age == "" or age not in body
    assert byline == "" or byline.split(",")[0] not in body


def test_images_get_absolute_addresses_and_their_alternative_text(member_site):
    response = Fetcher().get(member_site.base_url + "/zcbs/news/2023/06/chas-obshcheniya.html")
    article = extract(decode(response), response.url)
    [image] = [b for b in article.blocks if b["type"] == "image"]
    assert image["src"] == member_site.base_url + "/zcbs/img/chas.jpg"
    assert image["alt"] == "Библиотекари за круглым столом"


def test_canonical_address_drops_tracking_parameters(member_site):
    url = member_site.base_url + "/zcbs/news/2024/03/den-poezii.html?utm_source=list#top"
    response = Fetcher().get(url)
    article = extract(decode(response), response.url)
    assert article.canonical_url == member_site.base_url + "/zcbs/news/2024/03/den-poezii.html"


def test_rich_text_keeps_only_what_the_body_allows():
    html = """<html><body><article><h1>Заголовок новости</h1>
    <p style="color:red" onclick="evil()">Текст с <strong>важным</strong> словом, <em>курсивом</em>,
    <a href="javascript:alert(1)">плохой</a> и <a href="/about/">хорошей</a> ссылкой, а также
    <span class="x">лишней обёрткой</span> и <script>alert(1)</script> скриптом. Ещё немного
    текста, чтобы статья была похожа на настоящую новость районной библиотеки.</p>
    </article></body></html>"""
    article = extract(html, "http://127.0.0.1:9/news/1.html")
    [paragraph] = [b["html"] for b in article.blocks]
    assert "<b>важным</b>" in paragraph and "<i>курсивом</i>" in paragraph
    assert '<a href="http://127.0.0.1:9/about/">хорошей</a>' in paragraph
    for bad in ("style", "onclick", "javascript", "<span", "<script", "alert"):
        assert bad not in paragraph


def test_a_page_without_an_article_is_refused(member_site):
    response = Fetcher().get(member_site.base_url + "/bad/no-article.html")
    with pytest.raises(ExtractionError, match="не найдено статьи"):
        extract(decode(response), response.url)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08 июня 2023г., 09:02", moscow(2023, 6, 8, 9, 2)),
        ("Опубликовано: 12.03.2024", moscow(2024, 3, 12)),
        ("19–20 июня", moscow(2024, 6, 19)),
        ("28 декабря", moscow(2023, 12, 28)),
        ("1 сентября 2024 г. в 10:00", moscow(2024, 9, 1, 10, 0)),
        ("15 мая 2024, 11:40", moscow(2024, 5, 15, 11, 40)),
        ("3 марта 2024 года", moscow(2024, 3, 3)),
        ("31.02.2024", None),
        ("Просмотров: 214", None),
        ("Апрель 2024", None),
    ],
)
def test_russian_dates(text, expected):
    assert parse_russian_date(text, now=moscow(2024, 7, 1)) == expected


def test_unreachable_host_is_a_reason_not_an_error():
    from tests.news.intake_site import closed_port

    with pytest.raises(FetchError, match="Сайт недоступен"):
        Fetcher().get(f"http://127.0.0.1:{closed_port()}/news/")
