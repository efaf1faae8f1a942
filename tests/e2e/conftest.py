"""Real-browser journeys: Debian's Chromium driven by Playwright against pytest-django's
live server on 127.0.0.1. The suite skips itself when the browser or axe-core is missing."""

import os
import re
from pathlib import Path

# Playwright's sync API runs an event loop in this thread, which makes Django refuse ORM
# calls from the test body unless told that this is safe (it is: nothing here is async).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

from django.core.cache import cache  # noqa: E402

import pytest  # noqa: E402

from tests.demo_site import demo_copy  # noqa: E402
from tests.e2e.helpers import (  # noqa: E402
    ARTIFACTS,
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    E2E_DIR,
    NOT_LOCAL,
)


def missing_requirement():
    if not CHROMIUM.exists():
        return (
            f"browser journeys skipped: no Chromium at {CHROMIUM} "
            "(Debian: apt-get install chromium chromium-driver fonts-dejavu-core)"
        )
    if not AXE_JS.exists():
        return "browser journeys skipped: no axe-core (run `npm ci --prefix tests/e2e`)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser journeys skipped: no Playwright for Python (run `make install`)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = missing_requirement()
    for item in items:
        if E2E_DIR not in Path(item.path).parents:
            continue
        item.add_marker(pytest.mark.e2e)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's helper of the same name without its `transactional_db`: a journey
    writes only to its own copy of the demo (`site_url`), so the test database need not be
    emptied after each one (a TRUNCATE of every table, seconds per journey)."""
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def site_url(live_server, demo_template, django_db_blocker, tmp_path):
    """The live server's base URL, serving a fresh copy of the demo site (database and
    media) made for this journey and dropped after it (tests.demo_site)."""
    with django_db_blocker.unblock(), demo_copy(demo_template, tmp_path / "media"):
        cache.clear()
        yield live_server.url


@pytest.fixture
def new_page(browser, request, site_url):
    """Opens a browser page with its own cookies; each page's last view is screenshotted
    into test-artifacts/e2e/ when the test ends."""
    opened = []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def open_page(name="", **context_options):
        options = {
            "viewport": DESKTOP,
            "locale": "ru-RU",
            "base_url": site_url,
            # axe-core is injected as an inline script, which the site's CSP rightly forbids.
            "bypass_csp": True,
            "accept_downloads": True,
            **context_options,
        }
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        context.route(NOT_LOCAL, lambda route: route.abort())
        page = context.new_page()
        opened.append((name, context, page))
        return page

    yield open_page
    test_name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    for name, context, page in opened:
        suffix = f"-{name}" if name else ""
        try:
            if page.url != "about:blank":
                page.screenshot(path=str(ARTIFACTS / f"{test_name}{suffix}.png"), full_page=True)
        finally:
            context.close()


@pytest.fixture
def page(new_page):
    return new_page()
