"""The two made-up member websites' pages and feeds, as their servers would send them.

The pages imitate what member libraries publish: menus, breadcrumbs, calendars, counters,
share buttons and "found a typo" notes around the article; UTF-8 and windows-1251; dates in
the forms Russian sites use. Every text here is invented for this project.
"""

LIBRARY = "ЦБС Заречного района"
CITY = "Администрация города Светлогорска"

LIBRARY_CHROME_TOP = """
<header class="site-header">
  <a class="logo" href="/zcbs/"><img src="/zcbs/img/logo.png" alt="Логотип"></a>
  <div class="site-name">Муниципальное бюджетное учреждение культуры
    «Централизованная библиотечная система Заречного района»</div>
  <nav class="menu"><ul>
    <li><a href="/zcbs/">Главная</a></li><li><a href="/zcbs/about/">О нас</a></li>
    <li><a href="/zcbs/news/">Новости</a></li><li><a href="/zcbs/afisha/">Афиша</a></li>
    <li><a href="/zcbs/catalog/">Электронный каталог</a></li>
    <li><a href="/zcbs/contacts/">Контакты</a></li></ul></nav>
  <form class="search" action="/zcbs/search/"><input name="q" placeholder="Поиск по сайту">
  </form>
  <a class="eye" href="?special=1">Версия для слабовидящих</a>
</header>
<div class="breadcrumbs"><a href="/zcbs/">Главная</a> / <a href="/zcbs/news/">Новости</a></div>
"""

LIBRARY_CHROME_BOTTOM = """
<div class="typo-note">Если Вы нашли ошибку, пожалуйста, выделите фрагмент текста и нажмите
Ctrl+Enter.</div>
<div class="share">Поделиться: <a href="https://vk.com/share.php">ВКонтакте</a>
<a href="https://connect.ok.ru/offer">Одноклассники</a> <a href="https://t.me/share">Telegram</a></div>
<p class="comments-closed">Комментарии закрыты.</p>
<aside class="sidebar">
  <h3>Популярные новости</h3>
  <ul><li><a href="/zcbs/news/2022/11/">Итоги конкурса «Читающая семья»</a></li>
  <li><a href="/zcbs/news/2022/12/">Новогодние каникулы в библиотеках</a></li></ul>
  <h3>Подпишись на новости</h3>
  <form action="/zcbs/subscribe/"><input name="email"><button>Подписаться</button></form>
  <div id="vk_groups"></div>
  <script>VK.Widgets.Group("vk_groups", {mode: 3}, 1234567);</script>
</aside>
<footer class="site-footer">
  <p>Наши контакты: 123456, Заречный район, пос. Заречный, ул. Школьная, 5.
  Телефон: 8 (800) 000-00-00. Режим работы: вт–сб с 10:00 до 18:00.</p>
  <p>© 2015–2024 МБУК «ЦБС Заречного района». Все права защищены.</p>
  <script>(function(m,e,t,r,i,k,a){m[i]=m[i]||function(){};})(window,document,"script");</script>
  <noscript><img src="/zcbs/counter.gif" alt="" width="1" height="1"></noscript>
  <a href="#top">Наверх</a>
</footer>
"""

CITY_CHROME_TOP = """
<table width="100%" class="layout"><tr><td colspan="2" class="top">
<img src="/adm/img/gerb.png" alt="Герб"> Официальный сайт администрации города Светлогорска
</td></tr><tr><td class="left" width="200">
<ul class="menu"><li><a href="/adm/">Главная</a></li><li><a href="/adm/vlast/">Власть</a></li>
<li><a href="/adm/news/">Новости</a></li><li><a href="/adm/docs/">Документы</a></li>
<li><a href="/adm/culture/">Культура</a></li><li><a href="/adm/obr/">Обращения граждан</a></li>
</ul>
<div class="calendar"><b>«&nbsp;Апрель 2024&nbsp;»</b>
<table><tr><td>Пн</td><td>Вт</td><td>Ср</td><td>Чт</td><td>Пт</td><td>Сб</td><td>Вс</td></tr>
<tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td></tr>
<tr><td>8</td><td>9</td><td>10</td><td>11</td><td>12</td><td>13</td><td>14</td></tr></table>
</div></td><td class="content">
"""

CITY_CHROME_BOTTOM = """
</td></tr><tr><td colspan="2" class="bottom">
<div class="popular"><b>Популярные новости</b>
<a href="/adm/news/remont-dorog.html">Ремонт дорог начнётся в мае</a>
<a href="/adm/news/subbotnik.html">Общегородской субботник</a></div>
<div class="subscribe"><a href="/adm/subscribe/">Подпишись на новости</a></div>
<p>Наши контакты: приёмная главы города, тел. 8 (800) 000-00-01.
© Администрация города Светлогорска. При перепечатке ссылка на сайт обязательна.</p>
<img src="/adm/li.gif" width="88" height="31" alt="LiveInternet">
<a href="#">Наверх</a></td></tr></table>
"""


def library_page(title, article, head=""):
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{title} — {LIBRARY}</title>
<meta name="viewport" content="width=device-width">{head}
<script src="https://mc.yandex.ru/metrika/tag.js"></script></head>
<body>{LIBRARY_CHROME_TOP}<main><article class="news-item">{article}</article></main>
{LIBRARY_CHROME_BOTTOM}</body></html>"""


def city_page(title, article, charset_meta=True):
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    return f"""<html><head>{meta if charset_meta else ""}<title>{title}</title></head>
<body bgcolor="#ffffff">{CITY_CHROME_TOP}<div class="news-full">{article}</div>
{CITY_CHROME_BOTTOM}</body></html>"""


# path -> the page; the library's pages are UTF-8.
LIBRARY_ARTICLES = {
    "/zcbs/news/2023/06/chas-obshcheniya.html": library_page(
        "Час неформального общения",
        """<h1>Час неформального общения</h1>
<div class="date">08 июня 2023г., 09:02</div>
<div class="age">16+</div>
<p>Раз в два месяца библиотекари Заречной ЦБС собираются на час неформального общения:
методисты рассказывают о новостях профессионального сообщества, коллеги советуют друг другу
прочитанные книги и делятся впечатлениями от поездок.</p>
<figure><img src="/zcbs/img/chas.jpg" alt="Библиотекари за круглым столом">
<figcaption>Встреча в читальном зале центральной библиотеки</figcaption></figure>
<p>На июньской встрече заведующая детской библиотекой представила новую повесть о
школьниках, которые восстанавливают историю своего посёлка, а отдел комплектования
рассказал о поступлениях к летним каникулам.</p>
<p>Директор ЦБС поделилась впечатлениями от областного библиотечного форума и предложила
провести осенью выездной семинар для сельских библиотек.</p>
<p>Следующая встреча состоится в августе.</p>
<p>Главный библиотекарь МБО Н. Н. Ткаченко</p>""",
    ),
    "/zcbs/news/2024/03/den-poezii.html": library_page(
        "День поэзии в детской библиотеке",
        """<h1>День поэзии в детской библиотеке</h1>
<p class="meta"><span class="date">12.03.2024</span> <span class="views">Просмотров: 214</span></p>
<p>Во Всемирный день поэзии юные читатели детской библиотеки посёлка Заречный читали
стихи о весне, о доме и о дружбе. Каждый участник получил закладку, сделанную своими
руками в кружке «Мастерилка».</p>
<div class="photos">
<div class="photo"><img src="/zcbs/img/poeziya-1.jpg" alt="">
<p class="photo-caption">Юные чтецы перед выступлением</p></div>
<div class="photo"><img src="/zcbs/img/poeziya-2.jpg" alt="">
<p class="photo-caption">Жюри подводит итоги</p></div>
</div>
<p>Жюри отметило выразительное чтение и собственные стихи ребят. Лучшие работы войдут в
весенний выпуск библиотечного альманаха «Заречные голоса».</p>
<p class="age-mark">12+</p>
<p>Заведующая детской библиотекой О. В. Морозова</p>""",
    ),
    "/zcbs/news/2024/06/letnie-chteniya.html": library_page(
        "Летние чтения в сельских библиотеках",
        """<h1>Летние чтения в сельских библиотеках</h1>
<div class="date">19–20 июня</div>
<p>Два дня в сельских библиотеках района проходили летние чтения для детей и родителей.
Программа объединила громкие чтения, викторины и мастер-классы.</p>
<h2>Что было в программе</h2>
<ul><li>громкие чтения сказок народов России;</li><li>викторина «Знатоки родного края»;</li>
<li>мастер-класс по изготовлению книжки-малышки.</li></ul>
<h2>Итоги</h2>
<p>В чтениях приняли участие 146 человек из девяти сёл. Библиотекари благодарят родителей
за помощь в подготовке и приглашают всех на августовский праздник книги.</p>
<p class="age">6+</p>""",
    ),
    "/zcbs/news/2024/02/kraevedy.html": library_page(
        "Краеведы встретились в центральной библиотеке",
        """<h1>Краеведы встретились в центральной библиотеке</h1>
<time datetime="2024-02-15T14:30:00+03:00">15 февраля 2024</time>
<p>В центральной библиотеке прошло заседание краеведческого клуба «Родники». Участники
обсудили план работы на год и подготовку сборника воспоминаний старожилов.</p>
<blockquote>«Каждая семейная история — это страница истории района», — напомнила
руководитель клуба.</blockquote>
<p>Клуб приглашает к участию всех, у кого сохранились старые фотографии и письма: их
отсканируют и вернут владельцам.</p>
<p>0+</p>""",
        head=(
            '<link rel="canonical" href="http://{host}/zcbs/news/2024/02/kraevedy.html">'
            '<meta property="article:published_time" content="2024-02-15T14:30:00+03:00">'
        ),
    ),
    "/zcbs/news/2024/04/knizhnaya-vystavka.html": library_page(
        "Выставка к юбилею писателя-земляка",
        """<h1>Выставка к юбилею писателя-земляка</h1>
<p>5 апреля 2024 года в центральной библиотеке открылась книжная выставка к юбилею
писателя-земляка, автора повестей о жизни северных деревень.</p>
<p>На выставке представлены прижизненные издания, рукописи из фондов районного музея и
фотографии из семейного архива писателя, переданные его дочерью.</p>
<p>Выставка работает до конца месяца в часы работы библиотеки.</p>""",
    ),
    "/zcbs/news/2024/05/bibliotechnaya-noch.html": library_page(
        "Библиотечная ночь: «Читаем вместе»",
        """<h1>Библиотечная ночь: «Читаем вместе»</h1>
<div class="news-date">20.04.2024 18:00</div>
<div class="social-likes"><span>Нравится</span> <span>18</span></div>
<p>Всероссийская акция «Библионочь» собрала в центральной библиотеке больше двухсот
гостей. Вечер открыл спектакль театральной студии по мотивам рассказов о войне.</p>
<figure class="wp-caption"><img src="/zcbs/img/noch.jpg" alt="Зрители в читальном зале">
<figcaption class="wp-caption-text">Спектакль театральной студии</figcaption></figure>
<p>До полуночи гости участвовали в квесте по фондам, слушали чтения при свечах и
записывались в клубы по интересам. Двенадцать человек в этот вечер стали читателями.</p>
<p>12+</p>
<div class="comments"><h3>Оставить комментарий</h3><form><textarea></textarea></form></div>""",
    ),
    "/zcbs/news/2024/09/yarmarka.html": library_page(
        "Книжная ярмарка на Дне посёлка",
        """<h1>Книжная ярмарка на Дне посёлка</h1>
<div class="date">1 сентября 2024 г. в 10:00</div>
<p>На празднике Дня посёлка библиотека развернула книжную ярмарку: жители обменивались
книгами, а списанные издания из фонда можно было забрать бесплатно.</p>
<p>За день новых владельцев нашли более трёхсот книг. Самыми востребованными оказались
детективы и книги по садоводству.</p>
<p>Е. В. Угрюмова, директор ЦБС</p>""",
    ),
}

# path -> (encoding declared in a meta tag rather than the HTTP header, title, article);
# the city's pages are windows-1251.
CITY_ARTICLES = {
    "/adm/news/shkola-rukovoditeley.html": (
        True,
        "Библиотекари приняли участие в Школе руководителей",
        """<h1 class="title">Библиотекари приняли участие в Школе руководителей</h1>
<div class="date">23.10.2020 10:15</div>
<p>Специалисты городской библиотечной системы приняли участие в областной Школе
руководителей муниципальных библиотек, посвящённой модельным библиотекам.</p>
<p>Светлогорские библиотекари рассказали коллегам, как за время вынужденной самоизоляции
перевели в онлайн квесты, выставки и флешмобы: с мая по август проведено 18 мероприятий,
их посмотрели более 30 тысяч раз.</p>
<p>Опыт модернизации будет полезен библиотекам, которые готовят заявки на участие в
национальном проекте в следующем году.</p>
<p>Управление информации администрации города</p>""",
    ),
    "/adm/news/konkurs-chtecov.html": (
        False,
        "Городской конкурс чтецов",
        """<h1>Городской конкурс чтецов</h1>
<p class="date">3 марта 2024 г.</p>
<p>В городской библиотеке прошёл конкурс чтецов «Живое слово». Сорок школьников читали
стихи и прозу о родном городе.</p>
<p align="center"><img src="/adm/img/chtecy.jpg" width="600"></p>
<p class="foto">Победители конкурса с членами жюри</p>
<p>Победители представят город на областном конкурсе в апреле, а записи их выступлений
библиотека опубликует в своей группе в социальной сети.</p>
<p>Пресс-служба администрации города</p>""",
    ),
    "/adm/news/volontery.html": (
        True,
        "Волонтёры помогли перевезти фонд",
        """<h1>Волонтёры помогли перевезти фонд</h1>
<div class="date">14–16 августа 2024 года</div>
<p>Три дня волонтёры молодёжного центра помогали библиотеке микрорайона Южный переехать
в новое здание: упаковали и перевезли около двадцати тысяч книг.</p>
<p>Новая библиотека откроется для читателей после оформления залов. Администрация города
благодарит всех, кто откликнулся на призыв.</p>
<p>16+</p>""",
    ),
}

# A page whose meta tag claims UTF-8 while its bytes are windows-1251, as happens after a
# careless site migration: the encoding has to be detected.
MISLABELLED_PATH = "/adm/news/modelnaya-biblioteka.html"
MISLABELLED = """<html><head><meta charset="utf-8"><title>Модельная библиотека</title></head>
<body>{top}<div class="news-full"><h1>Модельная библиотека открылась после ремонта</h1>
<div class="date">15 мая 2024, 11:40</div>
<p>После капитального ремонта открылась модельная библиотека микрорайона Северный. В ней
появились зал для занятий, игровая комната для малышей и новые книги.</p>
<p>Оборудование закуплено по национальному проекту «Культура», часть мебели сделали
ученики колледжа.</p><p>16+</p></div>{bottom}</body></html>"""


def library_listing():
    items = "".join(
        f'<div class="news-preview"><a href="{path}">{title}</a></div>'
        for path, title in LISTING_ORDER
    )
    return library_page(
        "Новости",
        f"""<h1>Новости</h1>{items}
<div class="pager"><a href="/zcbs/news/?page=2">2</a> <a href="/zcbs/news/?page=3">3</a></div>""",
    )


LISTING_ORDER = [
    ("/zcbs/news/2024/09/yarmarka.html?utm_source=vk", "Книжная ярмарка на Дне посёлка"),
    ("/zcbs/news/2024/06/letnie-chteniya.html", "Летние чтения в сельских библиотеках"),
    ("/zcbs/news/2024/05/bibliotechnaya-noch.html", "Библиотечная ночь"),
    ("/zcbs/news/2024/04/knizhnaya-vystavka.html", "Выставка к юбилею писателя-земляка"),
    ("/zcbs/news/2024/03/den-poezii.html", "День поэзии в детской библиотеке"),
    # Also in the RSS feed, under another address: one article, one draft.
    ("/zcbs/news/2024/02/kraevedy.html?from=list", "Краеведы встретились"),
]


def library_rss(base):
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        f"<pubDate>{date}</pubDate><description>{title}</description></item>"
        for path, title, date in [
            (
                "/zcbs/news/2024/02/kraevedy.html",
                "Краеведы встретились",
                "Thu, 15 Feb 2024 14:30:00 +0300",
            ),
            (
                "/zcbs/news/2023/06/chas-obshcheniya.html",
                "Час неформального общения",
                "Thu, 08 Jun 2023 09:02:00 +0300",
            ),
        ]
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Новости {LIBRARY}</title><link>{base}/zcbs/</link>"
        f"<description>Новости библиотек района</description>{items}</channel></rss>"
    )


def city_atom(base):
    entries = "".join(
        f"<entry><title>{title}</title><link href='{base}{path}'/><id>{base}{path}</id>"
        f"<updated>{date}</updated></entry>"
        for path, title, date in [
            (
                "/adm/news/volontery.html",
                "Волонтёры помогли перевезти фонд",
                "2024-08-16T12:00:00Z",
            ),
            ("/adm/news/konkurs-chtecov.html", "Городской конкурс чтецов", "2024-03-03T09:00:00Z"),
            (
                "/adm/news/shkola-rukovoditeley.html",
                "Школа руководителей",
                "2020-10-23T07:15:00Z",
            ),
            (MISLABELLED_PATH, "Модельная библиотека", "2024-05-15T08:40:00Z"),
        ]
    )
    return (
        '<?xml version="1.0" encoding="windows-1251"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Новости города Светлогорска</title><id>{base}/adm/</id>"
        f"<updated>2024-08-16T12:00:00Z</updated>{entries}</feed>"
    )
