"""Demo training programmes, clubs and meetings; dates are relative to today.

Pages are found by slug, so running the loader again creates nothing twice. Statuses are
derived from the dates, so a freshly loaded demo always has past, ongoing and upcoming events.
"""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from home.demo import add_child, home_page, make_image, make_pdf, paragraph, russian
from home.models import Organisation, Person, StandardPage
from programs import demo_resolutions
from programs.dates import last_day_of_month
from programs.models import (
    ClubMeetingPage,
    ClubPage,
    DatePrecision,
    Format,
    ProgramIndexPage,
    TrainingProgramHost,
    TrainingProgramLecturer,
    TrainingProgramPage,
)

Kind = TrainingProgramPage.Kind
Certificate = TrainingProgramPage.Certificate


def days(offset):
    return datetime.date.today() + datetime.timedelta(days=offset)


def organisation(short_name):
    return Organisation.objects.get(short_name=short_name, locale=russian())


def person(name):
    return Person.objects.get(name=name, locale=russian())


def speaker(name=None, free_name="", position="", organisation=""):
    return {
        "person": person(name) if name else None,
        "free_name": free_name,
        "position": position,
        "organisation": organisation,
    }


def add_tagged(parent, page, tags):
    for tag in tags:
        page.tags.add(tag)
    return add_child(parent, page)


def create_index():
    return add_child(
        home_page(),
        ProgramIndexPage(
            title="Повышение квалификации",
            slug="programmes",
            show_in_menus=True,
            lead="Школа руководителей библиотек, семинары-тренинги, стажировки и вебинары "
            "для сотрудников библиотек области и соседних регионов.",
        ),
    )


def create_school(index):
    return add_tagged(
        index,
        TrainingProgramPage(
            title="XVIII Школа руководителей библиотек",
            slug="school-18",
            kind=Kind.SCHOOL,
            edition=18,
            lead="Три дня практики для директоров и заместителей директоров муниципальных "
            "библиотек: модельная библиотека, работа с учредителем, команда.",
            start_date=days(-60),
            end_date=days(-58),
            start_time=datetime.time(10, 0),
            end_time=datetime.time(17, 0),
            format=Format.IN_PERSON,
            venue="Конференц-зал областной библиотеки",
            address="г. Тверь, Свободный переулок, д. 28",
            target_audience="Руководители и заместители руководителей муниципальных "
            "библиотек и централизованных библиотечных систем.",
            hours=24,
            certificate=Certificate.QUALIFICATION,
            capacity=40,
            participant_count=38,
            municipality_count=29,
            registration_contact="Научно-методический отдел: +7 (4822) 00-00-01",
            hosts=[TrainingProgramHost(organisation=organisation("ТОУНБ им. А. М. Горького"))],
            lecturers=[
                TrainingProgramLecturer(person=person("Марина Николаевна Кудрявцева")),
                TrainingProgramLecturer(person=person("Елена Викторовна Соколова")),
            ],
            modules=[
                (
                    "module",
                    {
                        "date": days(-60),
                        "start_time": datetime.time(10, 0),
                        "end_time": datetime.time(13, 0),
                        "title": "Семинар-тренинг «Конструируем модельную библиотеку»",
                        "lecturers": [speaker("Марина Николаевна Кудрявцева")],
                        "description": "<p>Разбираем зонирование, фонд открытого доступа и "
                        "программу работы модельной библиотеки на примере трёх округов.</p>",
                    },
                ),
                (
                    "module",
                    {
                        "date": days(-59),
                        "start_time": datetime.time(10, 0),
                        "end_time": datetime.time(13, 0),
                        "title": "Библиотека и учредитель: муниципальное задание без потерь",
                        "lecturers": [speaker("Елена Викторовна Соколова")],
                        "description": "<p>Показатели, отчётность и аргументы для разговора "
                        "с администрацией округа.</p>",
                    },
                ),
                (
                    "module",
                    {
                        "date": days(-58),
                        "start_time": datetime.time(10, 0),
                        "end_time": datetime.time(16, 0),
                        "title": "Мастерская «Команда библиотеки: роли и наставничество»",
                        "lecturers": [
                            speaker(
                                free_name="Светлана Юрьевна Воронина",
                                position="бизнес-тренер",
                                organisation="Центр развития персонала, Тверь",
                            )
                        ],
                    },
                ),
            ],
            body=[
                paragraph(
                    "Школа руководителей работает с 2006 года. Каждая сессия посвящена одной "
                    "управленческой задаче, которую участники решают на примерах своих "
                    "библиотек."
                ),
            ],
        ),
        ["Школа руководителей", "модельная библиотека"],
    )


def create_week_programme(index):
    return add_tagged(
        index,
        TrainingProgramPage(
            title="Библиотека как центр общественной жизни",
            slug="community-centre-week",
            kind=Kind.COURSES,
            lead="Недельная программа повышения квалификации для библиотекарей "
            "Тверской, Новгородской и Псковской областей на базе федеральной библиотеки.",
            start_date=days(-2),
            end_date=days(4),
            format=Format.MIXED,
            venue="Российская государственная библиотека",
            address="г. Москва, ул. Воздвиженка, д. 3/5",
            online_url="https://events.example/community-week",
            target_audience="Сотрудники публичных библиотек, работающие с местными "
            "сообществами, клубами и волонтёрами.",
            hours=36,
            certificate=Certificate.QUALIFICATION,
            capacity=60,
            participant_count=57,
            municipality_count=21,
            body=[
                paragraph(
                    "Слушатели приехали из Ржева, Пскова, Углича и Великих Лук; опытом "
                    "поделились библиотеки, работающие в Торжке, Орле, Бежецке, Весьегонске, "
                    "Калязине, Старице, Лихославле и Старой Руссе."
                )
            ],
            hosts=[
                TrainingProgramHost(organisation=organisation("РГБ")),
                TrainingProgramHost(organisation=organisation("ТОУНБ им. А. М. Горького")),
            ],
            lecturers=[
                TrainingProgramLecturer(person=person("Ирина Александровна Громова")),
                TrainingProgramLecturer(person=person("Татьяна Игоревна Лебедева")),
            ],
            modules=[
                (
                    "module",
                    {
                        "date": days(-2),
                        "start_time": datetime.time(10, 0),
                        "end_time": datetime.time(12, 30),
                        "title": "Публичная библиотека как третье место",
                        "lecturers": [speaker("Ирина Александровна Громова")],
                    },
                ),
                (
                    "module",
                    {
                        "date": days(0),
                        "start_time": datetime.time(14, 0),
                        "end_time": datetime.time(17, 0),
                        "title": "Семейные и детские клубы: как их удержать",
                        "lecturers": [speaker("Татьяна Игоревна Лебедева")],
                        "online": True,
                    },
                ),
                (
                    "module",
                    {
                        "date": days(4),
                        "start_time": datetime.time(10, 0),
                        "end_time": datetime.time(13, 0),
                        "title": "Защита проектов участников",
                        "lecturers": [speaker("Ирина Александровна Громова")],
                    },
                ),
            ],
        ),
        ["местное сообщество", "стажировка"],
    )


def create_webinar(index):
    return add_tagged(
        index,
        TrainingProgramPage(
            title="Вебинар «Краеведческие ресурсы библиотеки в цифровой среде»",
            slug="local-history-webinar",
            kind=Kind.WEBINAR,
            lead="Как оцифровать и описать краеведческие материалы, чтобы их находили "
            "читатели и поисковые системы.",
            start_date=days(20),
            start_time=datetime.time(11, 0),
            end_time=datetime.time(13, 0),
            format=Format.ONLINE,
            online_url="https://events.example/local-history",
            target_audience="Библиотекари секторов краеведения.",
            hours=2,
            certificate=Certificate.PARTICIPATION,
            application_deadline=days(18),
            registration_url="https://forms.example/local-history",
            hosts=[TrainingProgramHost(organisation=organisation("Кимрская МЦБ"))],
            lecturers=[TrainingProgramLecturer(person=person("Андрей Сергеевич Белов"))],
        ),
        ["краеведение", "цифровые ресурсы"],
    )


def create_internship(index):
    return add_tagged(
        index,
        TrainingProgramPage(
            title="Стажировка «Детская библиотека нового поколения»",
            slug="children-library-internship",
            kind=Kind.INTERNSHIP,
            lead="Три дня в областной детской библиотеке: пространства, программы чтения, "
            "работа с подростками.",
            start_date=days(45),
            end_date=days(47),
            format=Format.IN_PERSON,
            venue="Тверская областная детская библиотека им. А. С. Пушкина",
            address="г. Тверь, ул. Советская, д. 10",
            target_audience="Сотрудники детских библиотек и детских отделов.",
            hours=18,
            certificate=Certificate.QUALIFICATION,
            capacity=15,
            application_deadline=days(30),
            registration_url="https://forms.example/children-internship",
            hosts=[
                TrainingProgramHost(
                    organisation=organisation("Детская библиотека им. А. С. Пушкина")
                )
            ],
            lecturers=[TrainingProgramLecturer(person=person("Татьяна Игоревна Лебедева"))],
        ),
        ["детское чтение", "стажировка"],
    )


def create_cancelled_seminar(index):
    return add_child(
        index,
        TrainingProgramPage(
            title="Семинар «Библиотечный волонтёр»",
            slug="volunteer-seminar",
            kind=Kind.SEMINAR,
            lead="Как привлечь, обучить и поблагодарить волонтёров.",
            start_date=days(12),
            format=Format.IN_PERSON,
            venue="ЦБС г. Вышний Волочёк",
            cancelled=True,
            cancellation_notice="Семинар переносится; новая дата будет объявлена "
            "в новостях ассоциации.",
        ),
    )


def create_clubs_section():
    return add_child(
        home_page(),
        StandardPage(
            title="Профессиональные клубы",
            slug="clubs",
            show_in_menus=True,
            lead="Постоянные встречи коллег: деловой клуб методистов и районные часы "
            "неформального общения.",
            body=[
                paragraph(
                    "Клубы собираются по очереди в разных библиотеках области, обсуждают "
                    "общие задачи и принимают итоговые документы."
                )
            ],
        ),
    )


def talk(title, speakers, start, end, online=False, kind="talk", description=""):
    return (
        kind,
        {
            "start_time": start,
            "end_time": end,
            "title": title,
            "speakers": speakers,
            "description": f"<p>{description}</p>" if description else "",
            "online": online,
        },
    )


def t(hours, minutes=0):
    return datetime.time(hours, minutes)


def presentation(title):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    pdf = make_pdf(title, ["Слайды доклада на заседании клуба методистов."])
    return Document.objects.create(title=title, file=ContentFile(pdf, name="presentation.pdf"))


def agenda_day(date, venue=""):
    return ("day", {"date": date, "venue": venue})


def methodists_agenda(host, town, first_day, second_venue):
    """Two days: talks and the round table at the host library, then the business game,
    the quiz, an excursion and the final document at a second venue."""
    second_day = first_day + datetime.timedelta(days=1)
    return [
        agenda_day(first_day, "Актовый зал центральной библиотеки"),
        talk("Открытие заседания", [speaker("Елена Викторовна Соколова")], t(10), t(10, 20)),
        talk(
            "Методическая служба принимающего округа: итоги года",
            [speaker(host)],
            t(10, 20),
            t(10, 50),
        ),
        talk(
            "Мониторинг муниципальных библиотек: новые показатели",
            [speaker("Марина Николаевна Кудрявцева")],
            t(10, 50),
            t(11, 20),
        ),
        talk(
            "Опыт коллег: методическое сопровождение сельских филиалов",
            [
                speaker(
                    free_name="Галина Петровна Зуева",
                    position="заведующая методическим отделом",
                    organisation="Новгородская областная библиотека",
                )
            ],
            t(11, 20),
            t(11, 40),
            online=True,
        ),
        talk("Кофе-брейк", [], t(11, 40), t(12), kind="pause"),
        talk(
            "Круглый стол «Методист как наставник»",
            [speaker("Марина Николаевна Кудрявцева"), speaker("Ольга Петровна Смирнова")],
            t(12),
            t(13),
            kind="round_table",
        ),
        agenda_day(second_day, second_venue),
        talk(
            "Деловая игра «Планируем год в округе»",
            [speaker("Татьяна Игоревна Лебедева")],
            t(14),
            t(15, 30),
            kind="business_game",
        ),
        talk(
            "Краеведческая викторина",
            [speaker("Андрей Сергеевич Белов")],
            t(15, 30),
            t(16),
            kind="quiz",
        ),
        talk(f"Экскурсия по {town}", [], t(16), t(17, 30), kind="excursion"),
        talk("Принятие итогового документа", [], t(17, 30), t(18), kind="other"),
    ]


METHODISTS_MEETINGS = [
    # slug, number, theme, offset in days, host short name, host person, town, second venue,
    # (organisations, participants, municipalities, who took part)
    (
        "meeting-34",
        34,
        "Методическая служба в эпоху перемен",
        -700,
        "ЦБС г. Вышний Волочёк",
        "Ольга Петровна Смирнова",
        "Вышнему Волочку",
        "Культурный центр «Ямская слобода»",
        (36, 58, 33, "33 библиотечные системы и 3 областные библиотеки"),
    ),
    (
        "meeting-35",
        35,
        "Сельская библиотека: точки роста",
        -335,
        "Кимрская МЦБ",
        "Андрей Сергеевич Белов",
        "Кимрам",
        "Кимрский краеведческий музей",
        (34, 51, 31, "31 библиотечная система и 3 областные библиотеки"),
    ),
    (
        "meeting-36",
        36,
        "Методист и модельная библиотека",
        90,
        "ТОУНБ им. А. М. Горького",
        "Марина Николаевна Кудрявцева",
        "Твери",
        "Тверская областная картинная галерея",
        (None, None, None, ""),
    ),
]


def create_methodists_club(section):
    club = add_child(
        section,
        ClubPage(
            title="Деловой клуб методистов",
            slug="methodists-club",
            founded_year=1989,
            periodicity="раз в год, каждый раз в новом городе области",
            coordinator=person("Марина Николаевна Кудрявцева"),
            lead="Клуб объединяет методистов центральных библиотек муниципальных округов "
            "и областных библиотек.",
            body=[
                paragraph(
                    "Клуб основан в 1989 году. На заседаниях обсуждают методическое "
                    "сопровождение библиотек, обмениваются опытом и принимают решения, "
                    "которые затем входят в план работы ассоциации."
                )
            ],
        ),
    )
    for slug, number, theme, offset, host, host_person, town, venue, figures in METHODISTS_MEETINGS:
        organisations_count, participant_count, municipality_count, note = figures
        past = offset < 0
        host_organisation = organisation(host)
        materials = []
        if past:
            materials = [
                (
                    "document",
                    {"document": presentation(f"Презентация: {theme}"), "title": ""},
                ),
                (
                    "image",
                    {
                        "image": {
                            "image": make_image(f"Заседание клуба методистов № {number}", number),
                            "alt_text": f"Участники {number}-го заседания клуба в зале",
                            "decorative": False,
                        },
                        "caption": f"Участники заседания в {host_organisation.city}",
                    },
                ),
            ]
        meeting = ClubMeetingPage(
            title=f"{number}-е заседание Делового клуба методистов",
            slug=slug,
            number=number,
            theme=theme,
            start_date=days(offset),
            end_date=days(offset + 1),
            format=Format.MIXED,
            venue="Актовый зал центральной библиотеки",
            address=f"г. {host_organisation.city}",
            host_organisation=host_organisation,
            organisations_count=organisations_count,
            participant_count=participant_count,
            municipality_count=municipality_count,
            participants_note=note,
            agenda=methodists_agenda(host_person, town, days(offset), venue),
            outcomes="<p>Участники договорились о единых показателях мониторинга и "
            "утвердили план методических выездов на год.</p>"
            if past
            else "",
            materials=materials,
            next_meeting_note="Следующее заседание пройдёт в Твери; дата будет объявлена "
            "дополнительно."
            if past
            else "",
        )
        meeting.tags.add("клуб методистов")
        add_child(club, meeting)
    return club


def create_informal_hour(section):
    club = add_child(
        section,
        ClubPage(
            title="Час неформального общения",
            slug="informal-hour",
            periodicity="раз в два месяца",
            coordinator=person("Ольга Петровна Смирнова"),
            lead="Встречи библиотекарей Вышневолоцкого округа: короткие сообщения, "
            "вопросы коллегам и чай.",
        ),
    )
    meetings = [
        ("hour-12", 12, "Летнее чтение: что сработало", -100),
        ("hour-13", 13, "Библиотечные соцсети без лишних затрат", -40),
        ("hour-14", 14, "Краеведческий календарь на следующий год", 25),
    ]
    for slug, number, theme, offset in meetings:
        meeting = ClubMeetingPage(
            title=f"Час неформального общения № {number}",
            slug=slug,
            number=number,
            theme=theme,
            start_date=days(offset),
            start_time=t(15),
            end_time=t(17),
            recurrence_note="раз в два месяца",
            format=Format.IN_PERSON,
            venue="Центральная библиотека",
            address="г. Вышний Волочёк, Казанский проспект, д. 19",
            host_organisation=organisation("ЦБС г. Вышний Волочёк"),
            participant_count=14 + number,
            agenda=[
                talk(theme, [speaker("Ольга Петровна Смирнова")], t(15), t(15, 30)),
                talk(
                    "Вопросы коллегам",
                    [
                        speaker(
                            free_name="Нина Ивановна Журавлёва",
                            position="библиотекарь",
                            organisation="Солнечная сельская библиотека",
                        )
                    ],
                    t(15, 30),
                    t(16, 15),
                    kind="round_table",
                ),
                talk("Чаепитие", [], t(16, 15), t(17), kind="pause"),
            ],
        )
        if slug == "hour-12":
            meeting.outcomes = (
                "<p>Летний опыт обсуждали с Петром Кузнецовым и Сергеем Ильиным; вопросы "
                "задавали Павлу Зайцеву и Олегу Новикову. Книжные новинки представили по "
                "спискам Марины Королёвой и Елены Пименовой, видеозапись встречи подготовили "
                "с Денисом Шевчуком и Анной Мельниковой.</p>"
            )
        if offset > 0:
            # The next hour is planned for a month; the day is set nearer the time.
            meeting.date_precision = DatePrecision.MONTH
            meeting.start_time = meeting.end_time = None
            meeting.start_date = meeting.start_date.replace(day=1)
            meeting.end_date = last_day_of_month(meeting.start_date)
        add_child(club, meeting)
    return club


def load(command):
    index = create_index()
    create_school(index)
    create_week_programme(index)
    create_webinar(index)
    create_internship(index)
    create_cancelled_seminar(index)
    command.progress("training programmes")
    section = create_clubs_section()
    create_methodists_club(section)
    create_informal_hour(section)
    command.progress("clubs and meetings")
    from programs.registrations import demo as registrations_demo

    registrations_demo.load(command)
    demo_resolutions.load(command)
