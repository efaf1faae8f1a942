"""The association's mark (an open book with a bookmark on a green tile) drawn with Pillow, for
the favicon set and the web manifest. `association/static/icons/logo.svg` is the same drawing
in vector form; `manage.py build_icons` writes the raster sizes next to it."""

from pathlib import Path

from PIL import Image, ImageDraw

GREEN = "#1d5a45"
DARK_GREEN = "#123b2d"
PAGE_LEFT = "#fbf6e9"
PAGE_RIGHT = "#efe6cf"
GOLD = "#e3a93b"
# File name, pixel size and whether the mark sits inside the safe zone of a maskable icon.
SIZES = [
    ("favicon-32.png", 32, False),
    ("apple-touch-icon.png", 180, False),
    ("icon-192.png", 192, False),
    ("icon-512.png", 512, False),
    ("icon-maskable-512.png", 512, True),
]
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]
SUPERSAMPLE = 4


def _curve(start, control, end, steps=16):
    """Points of a quadratic Bézier curve, as the SVG's page edges."""
    points = []
    for i in range(steps + 1):
        t = i / steps
        x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0]
        y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1]
        points.append((x, y))
    return points


def draw_mark(size, maskable=False):
    """The mark as a square RGBA image of `size` pixels, drawn on a 64-unit grid."""
    scale = size * SUPERSAMPLE / 64
    image = Image.new("RGBA", (size * SUPERSAMPLE,) * 2, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    # A maskable icon fills the square and keeps the book inside the central 80%.
    inset = 6.4 if maskable else 0
    unit = (64 - 2 * inset) / 64

    def at(x, y):
        return ((inset + x * unit) * scale, (inset + y * unit) * scale)

    if maskable:
        draw.rectangle([0, 0, image.width, image.height], fill=GREEN)
    else:
        draw.rounded_rectangle([0, 0, image.width - 1, image.height - 1], 14 * scale, fill=GREEN)
    left = [(10, 15.5), *_curve((10, 15.5), (22, 13), (32, 19)), (32, 50.5)]
    left += _curve((32, 50.5), (22, 44.5), (10, 47))
    right = [(x if x == 32 else 64 - x, y) for x, y in left]
    draw.polygon([at(*p) for p in left], fill=PAGE_LEFT)
    draw.polygon([at(*p) for p in right], fill=PAGE_RIGHT)
    line = max(1, round(2 * scale * unit))
    for y in (22.5, 28.5, 34.5, 40.5):
        draw.line([at(*p) for p in _curve((15, y), (22, y - 0.8), (28, y + 1.6))], GREEN, line)
    for y in (24.1, 30.1):
        draw.line([at(*p) for p in _curve((36, y), (42, y - 2.6), (49, y - 1.6))], GREEN, line)
    draw.line([at(32, 19), at(32, 50.5)], DARK_GREEN, max(1, round(1.5 * scale * unit)))
    ribbon = [(41, 17.6), (41, 39), (44.5, 36), (48, 39), (48, 16.4)]
    draw.polygon([at(*p) for p in ribbon], fill=GOLD)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icons(folder):
    """Write the PNG sizes and favicon.ico into `folder`; return the written paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, size, maskable in SIZES:
        path = folder / name
        draw_mark(size, maskable).save(path, optimize=True)
        written.append(path)
    ico = folder / "favicon.ico"
    draw_mark(48).save(ico, sizes=ICO_SIZES)
    written.append(ico)
    return written
