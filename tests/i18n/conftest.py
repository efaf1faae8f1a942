import pytest

from home.demo import translate


@pytest.fixture
def english_home(home):
    """The published English home page, a wagtail-localize translation of the Russian one."""
    return translate(home, {"Главная": "Home", "home": "home-en"})
