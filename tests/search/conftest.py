from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached search filters and page cache entries must not leak between tests."""
    cache.clear()
    yield
    cache.clear()
