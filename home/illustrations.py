"""Drawn scenes of library life for the demo content: shelves, a reading room, a seminar table
and a stack of books, drawn with Pillow from a seed so each picture differs but the same seed
always gives the same picture. No photographs, nothing copyrighted."""

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
}


def scene_for(title):
    """The scene that suits a picture's title."""
    text = title.lower()
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


def draw_scene(scene, seed, size=(1200, 675)):
    """An RGB picture of `scene` (one of SCENES)."""
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    picture = Image.new("RGB", size, rng.choice(WALLS))
    draw = ImageDraw.Draw(picture)
    {"shelves": _shelves, "reading_room": _reading_room, "seminar": _seminar, "books": _books}[
        scene
    ](draw, rng, *size)
    return picture
