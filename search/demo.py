"""The English demo of the news and programs apps, loaded last (after every app's Russian demo).

A selection of pages is translated with wagtail-localize, the way the communications staff
do it in the admin: see `home.demo_en.translate`. Pages are found by slug; parents first.
"""

from wagtail.models import Page

from taggit.models import Tag

from home.demo_en import translate
from home.i18n.tags import TagEnglishName

# Slugs of the Russian pages that have an English version, parents before children.
PAGES = [
    "news",
    "school-18-model-library",
    "annual-meeting-2024-results",
    "methodists-club-kashin",
    "school-19-registration",
    "programmes",
    "school-18",
    "clubs",
    "methodists-club",
    "meeting-35",
    "informal-hour",
    "hour-14",
    "documents",
    "2-2024",
]

STRINGS = {
    # Training programmes
    "Повышение квалификации": "Training",
    "Школа руководителей библиотек, семинары-тренинги, стажировки и вебинары для сотрудников "
    "библиотек области и соседних регионов.": (
        "The School for Library Managers, training seminars, placements and webinars for "
        "library staff of the region and neighbouring regions."
    ),
    "XVIII Школа руководителей библиотек": "18th School for Library Managers",
    "Конференц-зал областной библиотеки": "Conference hall of the regional library",
    "г. Тверь, Свободный переулок, д. 28": "28 Svobodny Lane, Tver",
    "Три дня практики для директоров и заместителей директоров муниципальных библиотек: "
    "модельная библиотека, работа с учредителем, команда.": (
        "Three days of practice for directors and deputy directors of municipal libraries: "
        "the model library, working with the founder, and the team."
    ),
    "Руководители и заместители руководителей муниципальных библиотек и централизованных "
    "библиотечных систем.": (
        "Directors and deputy directors of municipal libraries and centralised library systems."
    ),
    "Научно-методический отдел: +7 (4822) 00-00-01": (
        "Research and Methodology Department: +7 (4822) 00-00-01"
    ),
    "Семинар-тренинг «Конструируем модельную библиотеку»": (
        "Training seminar “Designing a model library”"
    ),
    "Разбираем зонирование, фонд открытого доступа и программу работы модельной библиотеки "
    "на примере трёх округов.": (
        "Zoning, open-access collections and the programme of a model library, with three "
        "municipal districts as examples."
    ),
    "Библиотека и учредитель: муниципальное задание без потерь": (
        "The library and its founder: meeting the municipal assignment"
    ),
    "Показатели, отчётность и аргументы для разговора с администрацией округа.": (
        "Indicators, reporting and the arguments to use with the district administration."
    ),
    "Мастерская «Команда библиотеки: роли и наставничество»": (
        "Workshop “The library team: roles and mentoring”"
    ),
    "Светлана Юрьевна Воронина": "Svetlana Voronina",
    "бизнес-тренер": "business coach",
    "Центр развития персонала, Тверь": "Staff Development Centre, Tver",
    "Школа руководителей работает с 2006 года. Каждая сессия посвящена одной управленческой "
    "задаче, которую участники решают на примерах своих библиотек.": (
        "The School for Library Managers has been running since 2006. Each session is devoted "
        "to one management task, which participants solve using their own libraries as examples."
    ),
    # Clubs
    "Профессиональные клубы": "Professional clubs",
    "Постоянные встречи коллег: деловой клуб методистов и районные часы неформального общения.": (
        "Regular meetings of colleagues: the Methodologists' Business Club and the district "
        "informal hours."
    ),
    "Клубы собираются по очереди в разных библиотеках области, обсуждают общие задачи и "
    "принимают итоговые документы.": (
        "The clubs meet in turn at different libraries of the region, discuss shared tasks and "
        "adopt final documents."
    ),
    "Деловой клуб методистов": "Methodologists' Business Club",
    "раз в год, каждый раз в новом городе области": (
        "once a year, each time in a different town of the region"
    ),
    "Клуб объединяет методистов центральных библиотек муниципальных округов и областных "
    "библиотек.": (
        "The club brings together methodologists of the central libraries of municipal "
        "districts and of the regional libraries."
    ),
    "Клуб основан в 1989 году. На заседаниях обсуждают методическое сопровождение библиотек, "
    "обмениваются опытом и принимают решения, которые затем входят в план работы "
    "ассоциации.": (
        "The club was founded in 1989. Its meetings discuss methodological support for "
        "libraries, share experience and take decisions that then become part of the "
        "association's work plan."
    ),
    "35-е заседание Делового клуба методистов": (
        "35th meeting of the Methodologists' Business Club"
    ),
    "Актовый зал центральной библиотеки": "Assembly hall of the central library",
    "Кимрский краеведческий музей": "Kimry Museum of Local History",
    "г. Кимры": "Kimry",
    "Сельская библиотека: точки роста": "The rural library: where it can grow",
    "31 библиотечная система и 3 областные библиотеки": (
        "31 library systems and 3 regional libraries"
    ),
    "Открытие заседания": "Opening of the meeting",
    "Методическая служба принимающего округа: итоги года": (
        "The host district's methodology service: the year in review"
    ),
    "Мониторинг муниципальных библиотек: новые показатели": (
        "Monitoring municipal libraries: new indicators"
    ),
    "Опыт коллег: методическое сопровождение сельских филиалов": (
        "Colleagues' experience: methodological support for rural branches"
    ),
    "Галина Петровна Зуева": "Galina Zueva",
    "заведующая методическим отделом": "Head of the Methodology Department",
    "Новгородская областная библиотека": "Novgorod Regional Library",
    "Кофе-брейк": "Coffee break",
    "Круглый стол «Методист как наставник»": "Round table “The methodologist as a mentor”",
    "Деловая игра «Планируем год в округе»": "Business game “Planning the year in a district”",
    "Краеведческая викторина": "Local history quiz",
    "Экскурсия по Кимрам": "A tour of Kimry",
    "Принятие итогового документа": "Adoption of the final document",
    "Участники договорились о единых показателях мониторинга и утвердили план методических "
    "выездов на год.": (
        "Participants agreed on common monitoring indicators and approved the plan of "
        "methodological visits for the year."
    ),
    "Участники 35-го заседания клуба в зале": "Participants of the club's 35th meeting in the hall",
    "Участники заседания в Кимры": "Participants of the meeting in Kimry",
    "Следующее заседание пройдёт в Твери; дата будет объявлена дополнительно.": (
        "The next meeting will take place in Tver; the date will be announced later."
    ),
    "Час неформального общения": "Informal hour",
    "раз в два месяца": "every two months",
    "Встречи библиотекарей Вышневолоцкого округа: короткие сообщения, вопросы коллегам и чай.": (
        "Meetings of the librarians of the Vyshny Volochyok district: short talks, questions "
        "to colleagues and tea."
    ),
    "Час неформального общения № 14": "Informal hour No. 14",
    "Краеведческий календарь на следующий год": "A local history calendar for next year",
    "Центральная библиотека": "Central library",
    "г. Вышний Волочёк, Казанский проспект, д. 19": "19 Kazansky Prospekt, Vyshny Volochyok",
    "Вопросы коллегам": "Questions to colleagues",
    "Нина Ивановна Журавлёва": "Nina Zhuravlyova",
    "библиотекарь": "librarian",
    "Солнечная сельская библиотека": "Solnechnaya rural library",
    "Чаепитие": "Tea",
    # Final documents
    "Итоговые документы": "Final documents",
    "Резолюции и решения, принятые на заседаниях клубов, в программах обучения и на собраниях "
    "ассоциации. Полные тексты доступны членам ассоциации после входа на сайт.": (
        "Resolutions and decisions adopted at club meetings, training programmes and general "
        "meetings of the association. Members of the association can read the full texts "
        "after signing in."
    ),
    "Рекомендации Школы руководителей библиотек": (
        "Recommendations of the School for Library Managers"
    ),
    "Итоги Школы руководителей: планирование, отчётность и работа с местным сообществом.": (
        "Outcomes of the School for Library Managers: planning, reporting and work with the "
        "local community."
    ),
    "Включить в планы библиотек мероприятия с участием местных сообществ.": (
        "Include events involving local communities in the libraries' plans."
    ),
    "Перейти на единую форму ежеквартальной отчётности ассоциации.": (
        "Adopt the association's common quarterly reporting form."
    ),
    # News
    "Новости": "News",
    # Alternative text of the drawn demo pictures (home.illustrations.SCENES)
    "Рисунок: книжные стеллажи библиотеки": "Drawing: bookshelves of a library",
    "Рисунок: читальный зал с лампами на столах": (
        "Drawing: a reading room with lamps on the tables"
    ),
    "Рисунок: семинар за длинным столом перед экраном": (
        "Drawing: a seminar at a long table in front of a screen"
    ),
    "Рисунок: стопки книг и раскрытая книга": "Drawing: stacks of books and an open book",
    "События ассоциации и библиотек-членов: Школа руководителей, клубы, стажировки, конкурсы "
    "и решения.": (
        "Events of the association and its member libraries: the School for Library Managers, "
        "clubs, placements, competitions and decisions."
    ),
    "XVIII Школа руководителей библиотек: конструируем модельную библиотеку": (
        "18th School for Library Managers: designing a model library"
    ),
    "Восемнадцатая сессия Школы руководителей библиотек прошла в Твери. Главным событием "
    "трёх дней стал семинар-тренинг «Конструируем модельную библиотеку».": (
        "The eighteenth session of the School for Library Managers took place in Tver. The "
        "highlight of the three days was the training seminar “Designing a model library”."
    ),
    "На сессию приехали сорок два директора и заместителя директора из двадцати "
    "муниципальных округов области. Впервые за историю Школы больше половины слушателей "
    "руководят библиотеками меньше трёх лет.": (
        "Forty-two directors and deputy directors from twenty municipal districts of the "
        "region came to the session. For the first time in the School's history, more than "
        "half of the participants have been running their libraries for less than three years."
    ),
    "Семинар-тренинг «Конструируем модельную библиотеку» построили как работу над настоящими "
    "проектами. Каждая команда взяла план своей библиотеки, разделила помещение на зоны "
    "тишины, общения и занятий, подсчитала, какая мебель и техника понадобятся, и "
    "подготовила короткую защиту проекта перед экспертами.": (
        "The training seminar “Designing a model library” was built around real projects. "
        "Each team took the floor plan of its own library, divided the space into quiet, "
        "social and study zones, worked out what furniture and equipment would be needed, "
        "and prepared a short presentation of the project for the experts."
    ),
    "Модельная библиотека начинается не с ремонта, а с вопроса, зачем жители придут к нам "
    "через пять лет.": (
        "A model library starts not with a refurbishment but with the question of why "
        "residents will come to us in five years' time."
    ),
    "Елена Викторовна Соколова": "Elena Sokolova",
    "председатель правления ассоциации": "Chair of the Board of the association",
    "Во второй день разбирали, как говорить с учредителем о модернизации: какие цифры "
    "показать, как описать эффект для посёлка, где искать софинансирование. Завершилась "
    "сессия обменом готовыми проектами: их сборник разошлют всем участникам.": (
        "On the second day, participants discussed how to talk to the founder about "
        "modernisation: which figures to show, how to describe the benefit for the "
        "community and where to look for co-funding. The session ended with an exchange of "
        "the finished projects; a collection of them will be sent to all participants."
    ),
    "Фотографии": "Photographs",
    "Работа в командах": "Working in teams",
    "Фото: пресс-служба ТОУНБ им. А. М. Горького": (
        "Photo: Gorky Tver Regional Library press office"
    ),
    "Сессия в цифрах": "The session in figures",
    "слушателя": "participants",
    "директора и заместители директоров": "directors and deputy directors",
    "округов": "districts",
    "муниципальные округа области": "municipal districts of the region",
    "страниц": "pages",
    "сборник проектов участников": "the collection of the participants' projects",
    "Защита проектов": "Presenting the projects",
    "Эксперты Школы": "The School's experts",
    "Тверь": "Tver",
    "Ассоциация подвела итоги 2024 года": "The association reviews 2024",
    "Общее собрание членов ассоциации утвердило отчёт правления и план на год: больше "
    "выездных семинаров и единые показатели для методических служб.": (
        "The general meeting of members approved the Board's report and the plan for the "
        "year: more seminars in the districts and common indicators for methodology services."
    ),
    "В собрании участвовали представители тридцати одной библиотеки и библиотечной системы. "
    "Правление рассказало о прошедшем годе: две сессии Школы руководителей, четыре "
    "стажировки и восемь выездных консультаций в округах.": (
        "Representatives of thirty-one libraries and library systems took part in the "
        "meeting. The Board reported on the past year: two sessions of the School for Library "
        "Managers, four placements and eight advisory visits to the districts."
    ),
    "Главным решением стал переход на общий набор показателей, по которым методические "
    "отделы описывают работу сельских библиотек. Это позволит сравнивать округа между собой "
    "и точнее планировать помощь.": (
        "The main decision was to move to a common set of indicators with which methodology "
        "departments describe the work of rural libraries. This will make it possible to "
        "compare districts and to plan support more precisely."
    ),
    "Деловой клуб методистов собрался в Кашине и принял итоговый документ": (
        "The Methodologists' Business Club met in Kashin and adopted a final document"
    ),
    "Ежегодное заседание клуба, который работает с 1989 года, впервые прошло в Кашине. "
    "Участники приняли итоговый документ о методическом сопровождении сельских "
    "библиотек.": (
        "The annual meeting of the club, which has been running since 1989, took place in "
        "Kashin for the first time. Participants adopted a final document on methodological "
        "support for rural libraries."
    ),
    "Деловой клуб методистов собирается раз в год, и каждый раз в новом городе. Небольшой "
    "Кашин выбрали сознательно: здесь библиотеки работают в условиях, знакомых большинству "
    "округов, — мало сотрудников, большие расстояния, здания, требующие ремонта.": (
        "The Methodologists' Business Club meets once a year, each time in a different town. "
        "Small Kashin was chosen deliberately: its libraries work in conditions familiar to "
        "most districts — few staff, long distances and buildings in need of repair."
    ),
    "Что решили": "What was decided",
    "Итоговый документ закрепляет три договорённости: методисты выезжают в каждую сельскую "
    "библиотеку не реже раза в год, отчёты ведутся по общим показателям, а удачные практики "
    "собираются в общий каталог на сайте ассоциации.": (
        "The final document sets out three agreements: methodologists visit every rural "
        "library at least once a year, reports follow common indicators, and good practices "
        "are collected in a shared catalogue on the association's website."
    ),
    "Нам важно не проверять коллег, а быть рядом, когда им нужен совет.": (
        "What matters to us is not inspecting our colleagues but being there when they need advice."
    ),
    "Марина Николаевна Кудрявцева": "Marina Kudryavtseva",
    "заведующая научно-методическим отделом ТОУНБ им. А. М. Горького": (
        "Head of the Research and Methodology Department, Gorky Tver Regional Library"
    ),
    "Хозяева встречи показали гостям обновлённый читальный зал и выставку о купеческой "
    "истории города.": (
        "The hosts showed their guests the renovated reading room and an exhibition on the "
        "town's merchant history."
    ),
    "Кашинский городской округ": "Kashin Urban District",
    "Открыта запись на XIX Школу руководителей библиотек": (
        "Registration opens for the 19th School for Library Managers"
    ),
    "Девятнадцатая сессия Школы пройдёт в ноябре. В программе — финансы модельной "
    "библиотеки, работа с командой и защита проектов прошлой сессии.": (
        "The nineteenth session of the School will take place in November. The programme "
        "covers the finances of a model library, working with the team and presentations of "
        "the projects from the previous session."
    ),
    "Приглашаются директора и заместители директоров муниципальных библиотек и систем. "
    "Слушатели прошлых сессий расскажут, что получилось из проектов, придуманных на тренинге "
    "«Конструируем модельную библиотеку».": (
        "Directors and deputy directors of municipal libraries and library systems are "
        "invited. Participants of earlier sessions will report on what became of the projects "
        "conceived at the “Designing a model library” training."
    ),
    "Записаться можно через методический отдел своей центральной библиотеки до 20 "
    "октября. Число мест ограничено.": (
        "Register through the methodology department of your central library by 20 October. "
        "Places are limited."
    ),
}


# English names of the tags the apps' demos use (tags are shared by both languages).
TAGS = {
    "ассоциация": "association",
    "библиотека как центр общественной жизни": "library as a community hub",
    "взносы": "membership fees",
    "волонтёры": "volunteers",
    "детское чтение": "children's reading",
    "День библиотек": "Library Day",
    "итоговые документы": "final documents",
    "клуб методистов": "methodologists' club",
    "конкурсы": "competitions",
    "краеведение": "local history",
    "летнее чтение": "summer reading",
    "местное сообщество": "local community",
    "методические рекомендации": "guidelines",
    "модельная библиотека": "model library",
    "модельные библиотеки": "model libraries",
    "награды": "awards",
    "обмен опытом": "sharing experience",
    "общее собрание": "general meeting",
    "отчётность": "reporting",
    "оцифровка": "digitisation",
    "повышение квалификации": "professional development",
    "сельские библиотеки": "rural libraries",
    "стажировка": "placement",
    "стандарты": "standards",
    "управление": "management",
    "цифровые ресурсы": "digital resources",
    "час неформального общения": "informal hour",
    "членство": "membership",
    "школа руководителей": "school for managers",
}


def name_tags():
    for tag in Tag.objects.filter(english_name__isnull=True):
        english = TAGS.get(tag.name) or TAGS.get(tag.name.lower())
        if english:
            TagEnglishName.objects.create(tag=tag, name=english)


def load(command):
    name_tags()
    translated = 0
    for slug in PAGES:
        page = Page.objects.filter(slug=slug, locale__language_code="ru").first()
        if page is None:
            continue
        translate(page.specific, STRINGS)
        translated += 1
    command.progress(f"English versions of {translated} news and programme pages")
