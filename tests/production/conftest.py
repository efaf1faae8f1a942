from django.core.cache import cache
from django.test import override_settings

import pytest

from tests.factories import standard_page


@pytest.fixture
def page_cache():
    """The page cache switched on, empty before and after the test."""
    cache.clear()
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield
    cache.clear()


@pytest.fixture
def about(home):
    return standard_page(home, title="Об ассоциации", slug="about")
