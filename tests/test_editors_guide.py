"""The editors' guide shows the admin as it is: its screenshots are taken by the browser
journeys (tests/e2e/test_editor.py), and none it names may be missing."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "editors"
JOURNEYS = Path(__file__).resolve().parent / "e2e"
IMAGE = re.compile(r"\]\(img/([^)]+)\)")


def referenced_screenshots():
    return {name for page in DOCS.glob("*.md") for name in IMAGE.findall(page.read_text())}


def test_every_screenshot_the_guide_shows_exists():
    missing = [name for name in referenced_screenshots() if not (DOCS / "img" / name).is_file()]
    assert referenced_screenshots() and not missing, f"missing in docs/editors/img/: {missing}"


def test_every_screenshot_is_taken_by_a_journey():
    shots = set()
    for journey in JOURNEYS.glob("test_*.py"):
        shots |= {
            f"{name}.png" for name in re.findall(r'shoot\(\w+, "([\w-]+)"', journey.read_text())
        }
    assert referenced_screenshots() <= shots
