import pytest

from news.intake.sample_site import start_server
from tests.news.factories import news_index
from tests.news.intake_site import BadPagesHandler


@pytest.fixture
def index(home):
    return news_index(home)


@pytest.fixture(scope="module")
def member_site():
    """The made-up member websites on 127.0.0.1; `requests` records what was asked."""
    server = start_server(handler=BadPagesHandler)
    server.requests = []
    yield server
    server.shutdown()
    server.server_close()
