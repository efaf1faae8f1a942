"""Drawn scenes of library life for the demo content, one per subject (shelves, a reading room,
a seminar, books, a round table, an exhibition, an award, an excursion, a lecture, digitising),
drawn with Pillow from a seed so each picture differs but the same seed always gives the same
picture. No photographs, nothing copyrighted: captions credit them as drawings."""

import random

from PIL import Image, ImageDraw

WALLS = [(236, 226, 204), (222, 232, 222), (231, 222, 214), (214, 226, 232)]
SPINES = [
    (29, 90, 69), (168, 67, 26), (227, 169, 59), (52, 86, 130), (120, 48, 62),
    (88, 120, 70), (200, 120, 60), (60, 60, 70), (150, 110, 70), (180, 160, 120),
]  # fmt: skip
WOOD = (139, 94, 60)
WOOD_DARK = (98, 64, 40)
INK = (40, 44, 42)
PAPER = (251, 246, 233)

SCENES = {
    "shelves": "Рисунок: книжные стеллажи библиотеки",
    "reading_room": "Рисунок: читальный зал с лампами на столах",
    "seminar": "Рисунок: семинар за длинным столом перед экраном",
    "books": "Рисунок: стопки книг и раскрытая книга",
    "round_table": "Рисунок: участники за круглым столом обсуждают проекты",
    "exhibition": "Рисунок: выставка краеведческих проектов на стендах",
    "award": "Рисунок: вручение грамоты на сцене",
    "excursion": "Рисунок: экскурсия у здания библиотеки с колоннами",
    "lecture": "Рисунок: докладчик у кафедры перед слушателями",
    "digitising": "Рисунок: сканер и подшивка старой газеты",
}


def scene_for(title):
    """The scene that suits a picture's title."""
    text = title.lower()
    for scene, words in (
        ("award", ("наград", "грамот", "лучших", "преми")),
        ("round_table", ("кругл", "в командах", "в группах", "неформальн", "волонт")),
        ("exhibition", ("выставк", "конкурс", "проектов")),
        ("excursion", ("экскурс", "неделя в", "стажиров")),
        ("lecture", ("доклад", "защита", "итоги", "лекци", "деловой клуб")),
        ("digitising", ("оцифр", "газет")),
    ):
        if any(word in text for word in words):
            return scene
    if any(word in text for word in ("заседан", "семинар", "школ", "собрани", "клуб", "тренинг")):
        return "seminar"
    if any(word in text for word in ("чтени", "читат", "дет", "конкурс")):
        return "reading_room"
    if any(word in text for word in ("оцифр", "газет", "краевед", "сборник", "рекомендац")):
        return "books"
    return "shelves"


def _book_row(draw, rng, left, right, base, tallest):
    x = left
    while x < right - 20:
        width = rng.randint(16, 38)
        height = rng.randint(int(tallest * 0.62), tallest)
        colour = rng.choice(SPINES)
        if rng.random() < 0.06 and x + height < right:  # a book lying flat
            draw.rectangle([x, base - width, x + height, base], fill=colour)
            x += height + 4
            continue
        draw.rectangle([x, base - height, x + width, base], fill=colour)
        band = tuple(min(255, c + 60) for c in colour)
        for y in (base - height + 14, base - 22):
            draw.rectangle([x + 3, y, x + width - 3, y + 4], fill=band)
        x += width + rng.randint(1, 4)


def _shelves(draw, rng, w, h):
    draw.rectangle([0, h * 0.88, w, h], fill=WOOD_DARK)
    for left in (60, w // 2 + 20):
        right = left + w // 2 - 80
        draw.rectangle([left - 14, 40, right + 14, h * 0.88], fill=WOOD)
        shelf_ys = [int(40 + (h * 0.88 - 40) * k / 4) for k in range(1, 5)]
        top = 54
        for y in shelf_ys:
            draw.rectangle([left, top, right, y - 12], fill=(72, 48, 30))
            _book_row(draw, rng, left + 6, right - 6, y - 12, y - 12 - top - 10)
            draw.rectangle([left - 14, y - 12, right + 14, y], fill=WOOD_DARK)
            top = y + 2
    # A plant on the floor between the stacks.
    cx = w // 2
    draw.polygon(
        [(cx - 30, h - 10), (cx + 30, h - 10), (cx + 22, h - 70), (cx - 22, h - 70)],
        fill=(168, 67, 26),
    )
    for dx, dy in ((-40, -150), (0, -180), (40, -140), (-20, -120), (25, -115)):
        draw.ellipse([cx + dx - 26, h + dy - 20, cx + dx + 26, h + dy + 50], fill=(29, 90, 69))


def _lamp(draw, x, y):
    draw.rectangle([x - 3, y - 70, x + 3, y], fill=INK)
    draw.polygon(
        [(x - 38, y - 60), (x + 38, y - 60), (x + 22, y - 100), (x - 22, y - 100)],
        fill=(29, 90, 69),
    )
    draw.polygon(
        [(x - 60, y), (x + 60, y), (x + 36, y - 58), (x - 36, y - 58)], fill=(255, 236, 170)
    )


def _open_book(draw, x, y, size=1.0):
    s = size
    draw.polygon(
        [(x, y), (x - 70 * s, y - 10 * s), (x - 70 * s, y + 36 * s), (x, y + 46 * s)],
        fill=PAPER,
        outline=INK,
    )
    draw.polygon(
        [(x, y), (x + 70 * s, y - 10 * s), (x + 70 * s, y + 36 * s), (x, y + 46 * s)],
        fill=(239, 230, 207),
        outline=INK,
    )
    for k in range(3):
        yy = y + (6 + k * 11) * s
        draw.line([(x - 60 * s, yy - 6 * s), (x - 10 * s, yy)], fill=(150, 150, 140), width=2)
        draw.line([(x + 10 * s, yy), (x + 60 * s, yy - 6 * s)], fill=(150, 150, 140), width=2)


def _reading_room(draw, rng, w, h):
    draw.rectangle([0, h * 0.7, w, h], fill=(176, 132, 92))
    for k in range(3):  # tall windows
        x = 120 + k * 360
        draw.rectangle([x, 50, x + 200, 330], fill=(255, 255, 255))
        draw.rectangle([x + 10, 60, x + 190, 320], fill=(188, 214, 230))
        draw.line([(x + 100, 60), (x + 100, 320)], fill=(255, 255, 255), width=8)
        draw.line([(x + 10, 190), (x + 190, 190)], fill=(255, 255, 255), width=8)
    _book_row(draw, rng, 0, 90, int(h * 0.7), 120)
    _book_row(draw, rng, w - 80, w, int(h * 0.7), 120)
    table_y = int(h * 0.66)
    for x in (80, w // 2 + 40):  # two long tables with lamps and books
        draw.rectangle([x, table_y, x + w // 2 - 120, table_y + 18], fill=WOOD_DARK)
        draw.rectangle([x + 20, table_y + 18, x + 34, h - 20], fill=WOOD_DARK)
        draw.rectangle([x + w // 2 - 154, table_y + 18, x + w // 2 - 140, h - 20], fill=WOOD_DARK)
        _lamp(draw, x + 120, table_y)
        _lamp(draw, x + 360, table_y)
        _open_book(draw, x + 240, table_y - 44, 0.8)
        for k in range(2):
            colour = rng.choice(SPINES)
            draw.rectangle([x + 420, table_y - 16 - k * 16, x + 500, table_y - k * 16], fill=colour)


def _person(draw, x, y, colour):
    draw.ellipse([x - 26, y - 120, x + 26, y - 68], fill=(226, 184, 150))
    draw.rounded_rectangle([x - 44, y - 66, x + 44, y + 30], 26, fill=colour)


def _seminar(draw, rng, w, h):
    draw.rectangle([0, h * 0.74, w, h], fill=(160, 130, 100))
    sx, sy = w // 2 - 250, 40  # a screen with a chart
    draw.rectangle([sx, sy, sx + 500, sy + 280], fill=(255, 255, 255), outline=INK, width=4)
    for k, value in enumerate(rng.sample(range(60, 220), 5)):
        bx = sx + 60 + k * 85
        draw.rectangle([bx, sy + 250 - value, bx + 50, sy + 250], fill=SPINES[k])
    draw.line([(sx + 40, sy + 250), (sx + 470, sy + 250)], fill=INK, width=3)
    _book_row(draw, rng, 30, 230, int(h * 0.74), 150)
    _book_row(draw, rng, w - 230, w - 30, int(h * 0.74), 150)
    table_y = int(h * 0.72)
    for k in range(6):  # people behind the table
        _person(draw, 190 + k * 165, table_y, rng.choice(SPINES[:6]))
    draw.rectangle([110, table_y, w - 110, table_y + 26], fill=WOOD_DARK)
    draw.rectangle([130, table_y + 26, w - 130, h - 30], fill=WOOD)
    for k in range(6):
        x = 190 + k * 165
        draw.rectangle([x - 30, table_y - 8, x + 30, table_y], fill=PAPER)
        draw.rectangle([x + 40, table_y - 26, x + 52, table_y], fill=(188, 214, 230))


def _books(draw, rng, w, h):
    draw.rectangle([0, h * 0.72, w, h], fill=WOOD)
    base = int(h * 0.72)
    for k in range(5):  # stacks of lying books
        x = 80 + k * 220
        y = base
        for _ in range(rng.randint(4, 8)):
            thickness = rng.randint(18, 34)
            length = rng.randint(150, 200)
            offset = rng.randint(-12, 12)
            draw.rectangle(
                [x + offset, y - thickness, x + offset + length, y], fill=rng.choice(SPINES)
            )
            draw.rectangle(
                [x + offset + length - 10, y - thickness + 4, x + offset + length - 4, y - 4],
                fill=PAPER,
            )
            y -= thickness
    _open_book(draw, w // 2, base + 40, 2.0)


def _round_table(draw, rng, w, h):
    draw.rectangle([0, h * 0.62, w, h], fill=(150, 120, 92))
    _book_row(draw, rng, 40, 300, int(h * 0.5), 140)
    _book_row(draw, rng, w - 300, w - 40, int(h * 0.5), 140)
    cx, cy = w // 2, int(h * 0.7)
    for k, dx in enumerate((-330, -200, -70, 70, 200, 330)):  # people behind the table
        _person(draw, cx + dx, cy - 40 - (20 if k in (2, 3) else 0), rng.choice(SPINES[:7]))
    draw.ellipse([cx - 420, cy - 70, cx + 420, cy + 90], fill=WOOD_DARK)
    draw.ellipse([cx - 410, cy - 80, cx + 410, cy + 76], fill=WOOD)
    for dx in (-260, -90, 90, 260):  # papers and cups on the table
        draw.rectangle([cx + dx - 40, cy - 30, cx + dx + 40, cy + 10], fill=PAPER, outline=INK)
        draw.ellipse([cx + dx + 50, cy - 20, cx + dx + 72, cy + 2], fill=(255, 255, 255))
    for dx in (-380, 380):  # two people in front, seen from behind
        _person(draw, cx + dx, h + 40, rng.choice(SPINES[:7]))


def _exhibition(draw, rng, w, h):
    draw.rectangle([0, h * 0.8, w, h], fill=(188, 170, 140))
    for k in range(4):  # stands with posters
        x = 70 + k * 280
        draw.rectangle([x, 60, x + 220, 400], fill=(255, 255, 255), outline=INK, width=3)
        draw.rectangle([x + 20, 80, x + 200, 200], fill=rng.choice(WALLS[1:] + [(188, 214, 230)]))
        draw.polygon(
            [(x + 30, 190), (x + 90, 120), (x + 140, 170), (x + 190, 110), (x + 190, 190)],
            fill=rng.choice(SPINES[:5]),
        )
        for line in range(5):
            draw.line(
                [(x + 20, 230 + line * 30), (x + 200 - rng.randint(0, 60), 230 + line * 30)],
                fill=(120, 120, 110),
                width=6,
            )
        draw.rectangle([x + 100, 400, x + 120, h * 0.8], fill=INK)
    for x in (260, 620, 900):  # visitors
        _person(draw, x, h - 20, rng.choice(SPINES[:7]))


def _award(draw, rng, w, h):
    draw.rectangle([0, 0, w, h], fill=(120, 40, 52))
    for k in range(0, w, 90):  # curtain folds
        draw.rectangle([k, 0, k + 40, h * 0.7], fill=(140, 52, 64))
    draw.rectangle([0, h * 0.7, w, h], fill=WOOD)
    draw.rectangle([0, h * 0.7, w, h * 0.7 + 16], fill=WOOD_DARK)
    stage = int(h * 0.7)
    _person(draw, w // 2 - 150, stage, (29, 90, 69))
    _person(draw, w // 2 + 150, stage, (52, 86, 130))
    # A diploma held between them, and a cup on a stand.
    draw.rectangle(
        [w // 2 - 90, stage - 150, w // 2 + 90, stage - 30],
        fill=PAPER,
        outline=(227, 169, 59),
        width=8,
    )
    draw.line([(w // 2 - 60, stage - 110), (w // 2 + 60, stage - 110)], fill=INK, width=5)
    draw.line([(w // 2 - 50, stage - 80), (w // 2 + 50, stage - 80)], fill=(150, 150, 140), width=4)
    cup = w - 220
    draw.rectangle([cup - 50, stage - 120, cup + 50, stage], fill=WOOD_DARK)
    draw.polygon(
        [
            (cup - 50, stage - 260),
            (cup + 50, stage - 260),
            (cup + 20, stage - 170),
            (cup - 20, stage - 170),
        ],
        fill=(227, 169, 59),
    )
    draw.rectangle([cup - 8, stage - 170, cup + 8, stage - 135], fill=(227, 169, 59))
    draw.rectangle([cup - 35, stage - 135, cup + 35, stage - 120], fill=(227, 169, 59))
    for x in range(80, 360, 90):  # the audience's heads in front
        draw.ellipse([x, h - 60, x + 70, h + 20], fill=(60, 60, 70))


def _excursion(draw, rng, w, h):
    draw.rectangle([0, 0, w, h], fill=(190, 218, 236))
    draw.rectangle([0, h * 0.78, w, h], fill=(150, 150, 140))
    left, right, top = 200, w - 200, 120
    draw.polygon(
        [(left - 30, top), (right + 30, top), (w // 2, 30)], fill=(236, 226, 204), outline=INK
    )
    draw.rectangle([left, top, right, h * 0.78], fill=(236, 226, 204))
    for k in range(6):  # columns
        x = left + 40 + k * (right - left - 80) // 5
        draw.rectangle(
            [x - 18, top + 20, x + 18, h * 0.78 - 20], fill=(255, 250, 240), outline=(200, 190, 170)
        )
    draw.rectangle([w // 2 - 50, h * 0.78 - 150, w // 2 + 50, h * 0.78], fill=WOOD_DARK)
    for x in (90, w - 90):  # trees
        draw.rectangle([x - 10, h * 0.5, x + 10, h * 0.8], fill=WOOD_DARK)
        draw.ellipse([x - 80, h * 0.2, x + 80, h * 0.56], fill=(88, 120, 70))
    for k in range(6):  # a group with its guide
        _person(draw, 300 + k * 110, h - 10, rng.choice(SPINES[:7]))
    draw.rectangle([930, h - 200, 940, h - 60], fill=INK)
    draw.polygon([(940, h - 200), (1000, h - 185), (940, h - 170)], fill=(168, 67, 26))


def _lecture(draw, rng, w, h):
    draw.rectangle([0, h * 0.76, w, h], fill=(160, 130, 100))
    draw.rectangle([80, 50, 560, 320], fill=(255, 255, 255), outline=INK, width=4)
    for line in range(5):  # slide text
        draw.line(
            [(120, 100 + line * 40), (520 - rng.randint(0, 140), 100 + line * 40)],
            fill=(90, 90, 90),
            width=10,
        )
    _person(draw, 760, int(h * 0.6), rng.choice(SPINES[:6]))
    draw.polygon(
        [(690, h * 0.55), (830, h * 0.55), (810, h * 0.76), (710, h * 0.76)], fill=WOOD_DARK
    )
    draw.rectangle([720, h * 0.52, 800, h * 0.56], fill=PAPER)
    for row in range(2):  # listeners from behind
        for k in range(5):
            x = 120 + k * 230 + row * 110
            draw.ellipse(
                [x - 40, h - 150 + row * 80, x + 40, h - 70 + row * 80],
                fill=(60 + row * 30, 60, 70),
            )


def _digitising(draw, rng, w, h):
    draw.rectangle([0, h * 0.66, w, h], fill=WOOD)
    base = int(h * 0.66)
    # A scanner with a newspaper spread open on it, and a screen with the page.
    draw.rectangle([140, base - 40, 700, base], fill=(70, 70, 80))
    draw.rectangle([170, base - 70, 670, base - 40], fill=(236, 230, 210), outline=INK)
    for k in range(10):
        draw.line(
            [
                (190 + (k % 2) * 250, base - 64 + (k // 2) * 5),
                (400 + (k % 2) * 250, base - 64 + (k // 2) * 5),
            ],
            fill=(120, 120, 110),
            width=2,
        )
    draw.rectangle([190, base - 320, 230, base - 40], fill=(60, 60, 70))
    draw.rectangle([150, base - 340, 690, base - 300], fill=(60, 60, 70))
    draw.rectangle([800, 80, 1120, base - 60], fill=(40, 44, 42))
    draw.rectangle([820, 100, 1100, base - 80], fill=(236, 230, 210))
    draw.rectangle([840, 120, 1080, 160], fill=INK)
    for line in range(8):
        draw.line(
            [(840, 190 + line * 26), (1080 - rng.randint(0, 80), 190 + line * 26)],
            fill=(120, 120, 110),
            width=6,
        )
    draw.rectangle([940, base - 60, 980, base], fill=(40, 44, 42))
    y = base + 120  # a pile of bound newspapers
    for _ in range(4):
        draw.rectangle([140, y - 26, 520, y], fill=rng.choice(SPINES[:6]))
        y -= 28


SCENE_PAINTERS = {
    "shelves": _shelves,
    "reading_room": _reading_room,
    "seminar": _seminar,
    "books": _books,
    "round_table": _round_table,
    "exhibition": _exhibition,
    "award": _award,
    "excursion": _excursion,
    "lecture": _lecture,
    "digitising": _digitising,
}


def draw_scene(scene, seed, size=(1200, 675)):
    """An RGB picture of `scene` (one of SCENES)."""
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    picture = Image.new("RGB", size, rng.choice(WALLS))
    draw = ImageDraw.Draw(picture)
    SCENE_PAINTERS[scene](draw, rng, *size)
    return picture
