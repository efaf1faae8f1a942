"""The visual identity's files: the favicon set, the web manifest and the shipped fonts."""

import json
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest
from PIL import Image

STATIC = Path(settings.BASE_DIR) / "association" / "static"


def test_the_manifest_names_the_association_and_its_icons_exist_in_their_sizes():
    manifest = json.loads((STATIC / "site.webmanifest").read_text())
    assert manifest["short_name"] == "ТРБА"
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        path = STATIC / icon["src"]
        assert path.exists(), icon["src"]
        if icon["type"] == "image/png":
            width, height = map(int, icon["sizes"].split("x"))
            assert Image.open(path).size == (width, height)


def test_build_icons_draws_the_favicon_set(tmp_path):
    call_command("build_icons", output=str(tmp_path), stdout=StringIO())
    assert Image.open(tmp_path / "apple-touch-icon.png").size == (180, 180)
    assert Image.open(tmp_path / "favicon-32.png").size == (32, 32)
    assert Image.open(tmp_path / "favicon.ico").format == "ICO"
    corner = Image.open(tmp_path / "icon-maskable-512.png").convert("RGB").getpixel((2, 2))
    assert corner == (0x1D, 0x5A, 0x45), "a maskable icon fills its square"


@pytest.mark.django_db
def test_every_page_links_the_icons_manifest_and_fonts(client, home):
    html = client.get(home.url).content.decode()
    for name in ("favicon.svg", "favicon.ico", "apple-touch-icon.png", "site.webmanifest"):
        assert name in html, name
    assert 'rel="preload"' in html and "pt-sans-cyrillic-400-normal.woff2" in html
    css = (STATIC / "css" / "site.css").read_text()
    assert css.count("font-display: swap") == css.count('src: url("../fonts/')
    for font in ("OFL-PT-Sans.txt", "OFL-PT-Serif.txt"):
        assert "SIL OPEN FONT LICENSE" in (STATIC / "fonts" / font).read_text().upper()


@pytest.mark.django_db
def test_favicon_ico_at_the_root_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.ico") and "/static/" in response["Location"]


def test_the_web_fonts_stay_within_a_first_visits_budget():
    # A Russian page may need all eight (Cyrillic and Latin subsets of four faces, the italic
    # only where a page has <em>); unhinted, they are a quarter of the size they came in from npm.
    sizes = {path.name: path.stat().st_size for path in (STATIC / "fonts").glob("*.woff2")}
    assert len(sizes) == 8
    assert sum(sizes.values()) < 80_000, sizes
