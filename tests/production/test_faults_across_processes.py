"""What one process changes while Redis hangs holds in every other once Redis returns.

The change is made in another Python process (tests.production.faults.other_process: a
one-off `manage.py shell`, the scheduler, another app instance) whose cache goes through
the same hanging proxy; this process checks the result after the proxy forwards again.
"""

from django.contrib.auth import get_user_model
from django.test import Client, override_settings

import pytest

from tests import shared_redis
from tests.conftest import run_worker
from tests.production.faults import HangingProxy, other_process
from tests.shared_redis import needs_redis

pytestmark = [
    needs_redis,
    pytest.mark.postgres,
    # Committed rows, which the other process can read, in a fresh copy of the migrated
    # database whatever the tests before committed or emptied.
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("fresh_database"),
]


class Faults:
    def __init__(self, proxy, redis_url, key_prefix):
        self.proxy = proxy
        self.redis_url = redis_url
        self.key_prefix = key_prefix

    def other(self, code):
        return other_process(code, redis_url=self.redis_url, key_prefix=self.key_prefix)


@pytest.fixture
def faults():
    with HangingProxy(shared_redis.port()) as proxy:
        redis_url = shared_redis.through(proxy.port)
        key_prefix = shared_redis.prefix("across")
        with override_settings(
            CACHES=shared_redis.cache_settings(key_prefix, redis_url, timeout=0.1),
            SESSION_ENGINE="association.sessions",
            PAGE_CACHE_ENABLED=True,
            CACHE_RETRY_SECONDS=1,
            TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        ):
            yield Faults(proxy, redis_url, key_prefix)
        shared_redis.delete_keys(key_prefix)


def signed_in(client):
    return client.get("/ru/").wsgi_request.user.is_authenticated


def signed_in_client(user):
    client = Client()
    client.force_login(user)
    assert signed_in(client)
    return client


def test_a_sign_out_while_redis_hangs_holds_once_it_returns(faults, member):
    client = signed_in_client(member)
    faults.proxy.hang()
    faults.other(
        f"""
        from django.test import Client
        client = Client()
        client.cookies["sessionid"] = "{client.cookies["sessionid"].value}"
        assert client.post("/ru/account/logout/").status_code == 302
        """
    )
    faults.proxy.resume()
    assert not signed_in(client)


@pytest.mark.parametrize(
    "change",
    [
        "user.set_password('Nov-parol-2024!'); user.save()",
        "user.is_active = False; user.save()",
    ],
    ids=["password-change", "deactivation"],
)
def test_a_password_change_or_deactivation_while_redis_hangs_holds(faults, member, change):
    client = signed_in_client(member)
    faults.proxy.hang()
    faults.other(
        f"""
        from django.contrib.auth import get_user_model
        user = get_user_model().objects.get(pk={member.pk})
        {change}
        """
    )
    faults.proxy.resume()
    assert not signed_in(client)
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_an_unpublish_by_a_one_off_process_while_redis_hangs_is_seen_once_it_returns(faults, about):
    client = Client()
    client.get(about.url)
    assert client.get(about.url)["X-Page-Cache"] == "hit"
    faults.proxy.hang()
    # manage.py shell (or the scheduler's publish_scheduled): its cache write is lost.
    faults.other(
        f"""
        from wagtail.models import Page
        Page.objects.get(pk={about.pk}).specific.unpublish()
        """
    )
    faults.proxy.resume()
    # The version bump it could not make was queued; the worker applies it.
    run_worker()
    assert client.get(about.url).status_code == 404


def test_rate_limits_hold_while_redis_hangs_and_across_processes(faults):
    def report(client):
        return client.post(
            "/ru/feedback/mistake/", {"fragment": "Ассоцияция"}, HTTP_ORIGIN="http://testserver"
        ).status_code

    faults.proxy.hang()
    statuses = faults.other(
        """
        from django.test import Client
        client = Client(REMOTE_ADDR="192.0.2.50")
        print([client.post("/ru/feedback/mistake/", {"fragment": "Ассоцияция"},
                           HTTP_ORIGIN="http://testserver").status_code for _ in range(6)])
        """
    )
    assert statuses.strip().splitlines()[-1] == str([200] * 6)
    client = Client(REMOTE_ADDR="192.0.2.50")
    assert [report(client) for _ in range(5)] == [200] * 4 + [429]
    faults.proxy.resume()
    assert report(client) == 429
    assert report(Client(REMOTE_ADDR="192.0.2.51")) == 200
