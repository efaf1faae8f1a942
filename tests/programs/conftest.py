import pytest

from tests.programs.factories import programme_index


@pytest.fixture
def index(home):
    return programme_index(home)
