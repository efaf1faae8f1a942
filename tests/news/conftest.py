import pytest

from tests.news.factories import news_index


@pytest.fixture
def index(home):
    return news_index(home)
