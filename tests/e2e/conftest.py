"""Real-browser journeys: Debian's Chromium driven by Playwright against pytest-django's
live server on 127.0.0.1. The suite skips itself when the browser or axe-core is missing."""

import os
import re
from io import StringIO
from pathlib import Path

# Playwright's sync API runs an event loop in this thread, which makes Django refuse ORM
# calls from the test body unless told that this is safe (it is: nothing here is async).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

from django.core.management import call_command  # noqa: E402

import pytest  # noqa: E402

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


@pytest.fixture
def site_url(live_server, django_db_serialized_rollback, transactional_db, settings, tmp_path):
    """The live server's base URL. The database is emptied after each journey, so the rows
    that migrations create (home page, locales, groups) are restored before the next one;
    uploads go to a throwaway MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return live_server.url


@pytest.fixture
def demo(site_url):
    """The demo site, built the way `make run` builds it."""
    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture
def new_page(browser, request, site_url):
    """Opens a browser page with its own cookies; each page's last view is screenshotted
    into test-artifacts/e2e/ when the test ends."""
    opened = []

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
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
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
