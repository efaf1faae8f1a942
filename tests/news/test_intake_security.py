"""The intake reads only public websites, within its deadline, and one bad article never
stops a run: SSRF on every hop, slow-loris, huge canonical addresses, orphaned pictures."""

import socket
import time

from wagtail.images import get_image_model

import pytest
import urllib3

from news.intake import drafts, service
from news.intake.fetch import Fetcher, FetchError, public_address, resolve
from news.models import IntakeItem, IntakeSource, NewsPage
from tests.factories import OrganisationFactory

REFUSED = "читаются только общедоступные сайты"


@pytest.fixture
def no_dev_hosts(settings):
    """The production setting: no host is allowed to be internal."""
    settings.NEWS_INTAKE = {**settings.NEWS_INTAKE, "DEV_HOSTS": {}}


@pytest.fixture
def member_host(settings, member_site):
    """Only `member.test` (the sample site) is allowed; 127.0.0.1 itself is not."""
    settings.NEWS_INTAKE = {
        **settings.NEWS_INTAKE,
        "DEV_HOSTS": {"member.test": "127.0.0.1"},
    }
    port = member_site.server_address[1]
    member_site.requests.clear()
    return f"http://member.test:{port}"


def asked(member_site):
    return [path for path, _headers in member_site.requests]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.5",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104 (the address refused, not bound)
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:8.8.8.8",
        "2002:7f00:1::",
        "64:ff9b::7f00:1",
        "::",
    ],
)
def test_internal_addresses_are_not_public(address):
    assert not public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2a00:1450:4010:c05::64"])
def test_public_addresses_are(address):
    assert public_address(address)


def test_by_default_the_loopback_address_is_refused_before_any_request(no_dev_hosts, member_site):
    member_site.requests.clear()
    for url in (
        member_site.base_url + "/zcbs/news/2024/09/yarmarka.html",
        f"http://localhost:{member_site.server_address[1]}/zcbs/rss.xml",
        f"http://[::1]:{member_site.server_address[1]}/zcbs/rss.xml",
    ):
        with pytest.raises(FetchError, match=REFUSED):
            Fetcher().get(url)
    # Not even robots.txt was asked for.
    assert asked(member_site) == []


def test_a_redirect_to_the_loopback_address_is_refused(member_host, member_site):
    with pytest.raises(FetchError, match=REFUSED):
        Fetcher().get(member_host + "/bad/to-loopback.html")
    assert asked(member_site) == ["/robots.txt", "/bad/to-loopback.html"]


def test_a_feed_entry_on_the_loopback_address_fails_alone(member_host, member_site, index):
    source = IntakeSource.objects.create(
        organisation=OrganisationFactory(),
        name="Участник",
        url=member_host + "/bad/loopback-feed.xml",
    )
    counts = service.run([source])

    assert counts == {service.Outcome.FAILED: 1}
    assert REFUSED in IntakeItem.objects.get().reason
    assert "/zcbs/news/2024/09/yarmarka.html" not in asked(member_site)


def test_a_picture_on_the_loopback_address_is_not_downloaded(member_host, member_site, index):
    item = service.import_url(member_host + "/bad/loopback-picture.html")

    assert item.status == IntakeItem.Status.IMPORTED
    assert item.page.featured_image is None
    assert get_image_model().objects.count() == 0
    assert "/zcbs/img/chas.jpg" not in asked(member_site)


def test_other_ports_are_refused_without_a_lookup(no_dev_hosts, monkeypatch):
    def no_lookup(*args, **kwargs):
        raise AssertionError("looked up")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    for port in (22, 5432, 6379, 8080):
        with pytest.raises(FetchError, match=REFUSED):
            resolve("member.example", port)


def test_the_connection_goes_to_the_address_checked_not_to_a_second_answer(
    no_dev_hosts, member_site, monkeypatch, settings
):
    """DNS rebinding: the name is public when checked and loopback a moment later."""
    real = socket.getaddrinfo
    answers = iter(["93.184.216.34"] + ["127.0.0.1"] * 10)
    lookups, connected = [], []

    def rebinding(host, port, *args, **kwargs):
        if host == "rebind.example":
            lookups.append(host)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real(host, port, *args, **kwargs)

    def no_network(address, *args, **kwargs):
        connected.append(address)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(urllib3.util.connection, "create_connection", no_network)
    member_site.requests.clear()
    fetcher = Fetcher()
    with pytest.raises(FetchError):
        fetcher._request("http://rebind.example/zcbs/rss.xml")

    assert lookups == ["rebind.example"]
    assert connected == [("93.184.216.34", 80)]
    assert asked(member_site) == []


@pytest.mark.parametrize("path", ["/bad/trickle.html", "/bad/trickle-headers.html"])
def test_a_server_trickling_bytes_is_cut_at_the_total_deadline(member_site, settings, path):
    # Each byte comes well within the read timeout; only the total deadline can stop it.
    settings.NEWS_INTAKE = {**settings.NEWS_INTAKE, "READ_TIMEOUT": 2, "TOTAL_TIMEOUT": 2}
    started = time.monotonic()
    with pytest.raises(FetchError, match="не ответил вовремя"):
        Fetcher()._request(member_site.base_url + path)
    assert time.monotonic() - started < 4


def test_a_canonical_address_of_300_characters_gives_a_draft_not_an_error(member_site, index):
    url = member_site.base_url + "/bad/long-canonical.html"
    item = service.import_url(url)

    assert item.status == IntakeItem.Status.IMPORTED
    assert len(item.canonical_url) > 300
    assert item.page.source_url == url


def test_a_failed_import_leaves_no_pictures_behind(member_site, index, monkeypatch):
    saved = []
    real_download = drafts.download_image

    def download(*args, **kwargs):
        image = real_download(*args, **kwargs)
        saved.append(image.file.name)
        return image

    def broken_page(*args, **kwargs):
        raise RuntimeError("the page could not be made")

    monkeypatch.setattr(drafts, "download_image", download)
    monkeypatch.setattr(drafts, "make_page", broken_page)
    item = service.import_url(member_site.base_url + "/zcbs/news/2023/06/chas-obshcheniya.html")

    assert item.status == IntakeItem.Status.FAILED
    assert saved and get_image_model().objects.count() == 0
    storage = get_image_model()._meta.get_field("file").storage
    assert not any(storage.exists(name) for name in saved)
    assert not NewsPage.objects.exists()


def test_errors_do_not_tell_what_answered_inside(no_dev_hosts, member_site):
    """Closed and open internal ports give one and the same answer."""
    from tests.news.intake_site import closed_port

    reasons = set()
    for port in (member_site.server_address[1], closed_port()):
        with pytest.raises(FetchError) as error:
            Fetcher().get(f"http://127.0.0.1:{port}/")
        reasons.add(str(error.value))
    assert len(reasons) == 1
