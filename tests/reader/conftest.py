from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def snippet_permissions(db):
    """The editors' and moderators' snippet permissions, granted after every migrate."""
    from home.members.roles import grant_snippet_permissions

    grant_snippet_permissions()
