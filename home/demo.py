"""Demo content of the base app, and helpers the other apps' demo modules share.

Every `create_*` function is idempotent: it finds its object by a stable key (a slug or a
name) and only creates what is missing, so `load_demo_content` can run any number of times.
"""

import io
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from home import demo_en, demo_feedback
from home.illustrations import SCENES, draw_scene, scene_for
from home.models import AssociationSettings, HomePage, Organisation, Person, Region, StandardPage

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]


def russian():
    return Locale.objects.get(language_code="ru")


def home_page():
    return HomePage.objects.get(depth=2, locale=russian())


def add_child(parent, page):
    """Create `page` under `parent` unless a child with its slug exists; return the page."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_image(title, seed, size=(1200, 675)):
    """A drawn scene of library life that suits `title` (home.illustrations), stored once per
    title; its description says what it shows, for alternative text. Pictures of earlier demo
    versions (abstract shapes) are redrawn."""
    existing = get_image_model().objects.filter(title=title).first()
    if existing and existing.description == SCENES[scene_for(title)]:
        return existing
    return _draw_image(existing, title, seed, size)


def _draw_image(existing, title, seed, size=(1200, 675)):
    Image = get_image_model()
    scene = scene_for(title)
    buffer = io.BytesIO()
    draw_scene(scene, seed, size).save(buffer, "JPEG", quality=80, optimize=True)
    file = ImageFile(buffer, name=f"library-{slugify(str(seed)) or 'image'}.jpg")
    if existing:
        existing.file.delete(save=False)
        existing.file = file
        existing.description = SCENES[scene]
        existing.width = existing.height = None
        existing._set_image_file_metadata()
        existing.save()
        existing.renditions.all().delete()
        return existing
    return Image.objects.create(title=title, description=SCENES[scene], file=file)


def find_font():
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise RuntimeError(
        "No TrueType font with Cyrillic glyphs found for demo PDFs; "
        "install Debian's fonts-dejavu-core."
    )


def make_pdf(title, paragraphs):
    """PDF bytes with Russian text, so that text extraction and search see real words."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    if "DemoSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DemoSans", find_font()))
    heading = ParagraphStyle("heading", fontName="DemoSans", fontSize=15, leading=20)
    body = ParagraphStyle("body", fontName="DemoSans", fontSize=11, leading=15)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title)
    story = [Paragraph(title, heading), Spacer(1, 12)]
    for paragraph in paragraphs:
        story += [Paragraph(paragraph, body), Spacer(1, 8)]
    document.build(story)
    return buffer.getvalue()


REGIONS = [
    ("Тверская область", "tverskaya-oblast"),
    ("Новгородская область", "novgorodskaya-oblast"),
    ("Москва", "moskva"),
]

ORGANISATIONS = [
    {
        "name": "Тверская ордена «Знак Почёта» областная универсальная научная библиотека "
        "им. А. М. Горького",
        "short_name": "ТОУНБ им. А. М. Горького",
        "kind": Organisation.Kind.REGIONAL,
        "city": "Тверь",
        "region": "tverskaya-oblast",
        "member_since": 1993,
        "is_member": True,
    },
    {
        "name": "Централизованная библиотечная система города Вышний Волочёк",
        "short_name": "ЦБС г. Вышний Волочёк",
        "kind": Organisation.Kind.LIBRARY_SYSTEM,
        "city": "Вышний Волочёк",
        "region": "tverskaya-oblast",
        "member_since": 1995,
        "is_member": True,
    },
    {
        "name": "Межпоселенческая центральная библиотека Кимрского муниципального округа",
        "short_name": "Кимрская МЦБ",
        "kind": Organisation.Kind.MUNICIPAL,
        "city": "Кимры",
        "region": "tverskaya-oblast",
        "member_since": 2001,
        "is_member": True,
    },
    {
        "name": "Тверская областная детская библиотека им. А. С. Пушкина",
        "short_name": "Детская библиотека им. А. С. Пушкина",
        "kind": Organisation.Kind.CHILDREN,
        "city": "Тверь",
        "region": "tverskaya-oblast",
        "member_since": 1996,
        "is_member": True,
    },
    {
        "name": "Новгородская областная универсальная научная библиотека",
        "short_name": "НОУНБ",
        "kind": Organisation.Kind.REGIONAL,
        "city": "Великий Новгород",
        "region": "novgorodskaya-oblast",
        "member_since": None,
        "is_member": False,
    },
    {
        "name": "Российская государственная библиотека",
        "short_name": "РГБ",
        "kind": Organisation.Kind.FEDERAL,
        "city": "Москва",
        "region": "moskva",
        "member_since": None,
        "is_member": False,
    },
]

PEOPLE = [
    ("Елена Викторовна Соколова", "директор", "ТОУНБ им. А. М. Горького"),
    (
        "Марина Николаевна Кудрявцева",
        "заведующая научно-методическим отделом",
        "ТОУНБ им. А. М. Горького",
    ),
    ("Ольга Петровна Смирнова", "директор", "ЦБС г. Вышний Волочёк"),
    ("Андрей Сергеевич Белов", "главный библиотекарь сектора краеведения", "Кимрская МЦБ"),
    ("Татьяна Игоревна Лебедева", "ведущий методист", "Детская библиотека им. А. С. Пушкина"),
    ("Ирина Александровна Громова", "заместитель директора по научной работе", "РГБ"),
    ("Наталья Владимировна Орлова", "пресс-секретарь ассоциации", None),
]


def create_regions():
    locale = russian()
    for name, slug in REGIONS:
        Region.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name})


def create_organisations():
    locale = russian()
    for data in ORGANISATIONS:
        region = Region.objects.get(slug=data["region"], locale=locale)
        values = {key: value for key, value in data.items() if key not in {"name", "region"}}
        Organisation.objects.get_or_create(
            name=data["name"], locale=locale, defaults={**values, "region": region}
        )


def create_people():
    locale = russian()
    for name, position, organisation in PEOPLE:
        org = Organisation.objects.filter(short_name=organisation, locale=locale).first()
        Person.objects.get_or_create(
            name=name, locale=locale, defaults={"position": position, "organisation": org}
        )


def create_settings():
    site = Site.objects.get(is_default_site=True)
    settings = AssociationSettings.for_site(site)
    if not settings.name:
        settings.name = "Тверская региональная библиотечная ассоциация"
        settings.short_name = "ТРБА"
        settings.address = "170100, г. Тверь, Свободный переулок, д. 28"
        settings.phone = "+7 (4822) 00-00-00"
        settings.email = "info@association.example"
        settings.vk_url = "https://vk.com/association.example"
        settings.telegram_url = "https://t.me/association_example"
        settings.default_age_rating = "12+"
        settings.save()
    # Filled separately, so that a demo site loaded before the English names existed gets them.
    if not settings.name_en:
        settings.name_en = "Tver Regional Library Association"
        settings.short_name_en = "TRLA"
        settings.address_en = "28 Svobodny Lane, Tver, 170100, Russia"
        settings.save()


def create_home_page():
    home = home_page()
    if home.hero_text:
        return home
    home.title = "Главная"
    home.hero_title = "Тверская региональная библиотечная ассоциация"
    home.hero_text = (
        "Объединяем публичные библиотеки и библиотечные системы области: учим руководителей, "
        "собираем методистов, обсуждаем и принимаем общие решения."
    )
    home.search_description = (
        "Профессиональное объединение публичных библиотек Тверской области: новости, "
        "программы повышения квалификации, заседания клубов, итоговые документы."
    )
    home.save_revision().publish()
    return home


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def create_standard_pages():
    home = home_page()
    about = add_child(
        home,
        StandardPage(
            title="Об ассоциации",
            slug="about",
            show_in_menus=True,
            lead="Некоммерческое профессиональное объединение библиотек области, "
            "созданное в 1993 году.",
            body=[
                paragraph(
                    "Ассоциация объединяет центральные библиотеки муниципальных округов, "
                    "централизованные библиотечные системы и областные библиотеки. Она "
                    "помогает коллегам учиться друг у друга, представляет интересы библиотек "
                    "перед органами власти и готовит общие позиции по вопросам отрасли."
                ),
                ("heading", {"text": "Чем мы занимаемся", "level": "h2"}),
                paragraph(
                    "Проводим Школу руководителей библиотек, поддерживаем клуб методистов, "
                    "организуем стажировки в федеральных библиотеках и публикуем итоговые "
                    "документы профессиональных встреч."
                ),
                (
                    "facts",
                    {
                        "title": "Ассоциация в цифрах",
                        "facts": [
                            {"term": "Год основания", "value": "1993"},
                            {"term": "Члены ассоциации", "value": "36 библиотек и систем"},
                            {"term": "Муниципальные округа", "value": "34"},
                        ],
                    },
                ),
                (
                    "quote",
                    {
                        "text": "Библиотека сильна, когда ей есть с кем посоветоваться.",
                        "author": "Елена Викторовна Соколова",
                        "position": "председатель правления ассоциации",
                    },
                ),
            ],
        ),
    )
    add_child(
        home,
        StandardPage(
            title="Членство",
            slug="membership",
            show_in_menus=True,
            lead="Членами ассоциации могут стать библиотеки и библиотечные системы области.",
            body=[
                paragraph(
                    "Для вступления библиотека направляет заявление за подписью руководителя "
                    "и решение учредителя. Правление рассматривает заявления ежеквартально."
                ),
                paragraph(
                    "Сотрудники библиотек-членов получают доступ к итоговым документам, "
                    "материалам семинаров и методическим рекомендациям после входа на сайт."
                ),
            ],
        ),
    )
    add_child(
        home,
        StandardPage(
            title="Контакты",
            slug="contacts",
            show_in_menus=True,
            lead="Исполнительная дирекция ассоциации работает по будням с 9 до 18 часов.",
            body=[
                (
                    "facts",
                    {
                        "title": "",
                        "facts": [
                            {"term": "Адрес", "value": "г. Тверь, Свободный переулок, д. 28"},
                            {"term": "Телефон", "value": "+7 (4822) 00-00-00"},
                            {"term": "Электронная почта", "value": "info@association.example"},
                        ],
                    },
                ),
            ],
        ),
    )
    return about


def redraw_earlier_pictures():
    """Pictures of earlier demo versions (abstract shapes, "demo-*.jpg") become scenes."""
    earlier = get_image_model().objects.filter(file__startswith="original_images/demo-")
    for number, image in enumerate(earlier):
        _draw_image(image, image.title, seed=f"{image.title}-{number}")
    return earlier.count()


def load(command):
    redraw_earlier_pictures()
    create_regions()
    create_organisations()
    create_people()
    command.progress("regions, organisations and people")
    create_settings()
    create_home_page()
    create_standard_pages()
    command.progress("home page and standard pages")
    demo_feedback.load(command)
    demo_en.load(command)
