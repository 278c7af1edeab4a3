"""Browser fixtures: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Nothing here downloads a browser. Without /usr/bin/chromium the browser tests skip with a hint
(`make chromium` installs it), except under CI=true, where a missing browser fails the run.
"""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connections
from playwright.sync_api import Browser, BrowserContext, Page, Response, sync_playwright

from demo.loader import load_demo, read_content

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from a
# thread with a running loop unless told this is deliberate. Django reads this at call time.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Generous for a loaded CI machine, short enough that a hung page fails instead of stalling.
TIMEOUT_MS = 15_000


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        message = f"Chromium is not installed at {CHROMIUM}; `make chromium` installs it."
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} Under CI=true the browser tests must run, not skip.")
        pytest.skip(message)
    # Between its calls, Playwright's sync API leaves its asyncio loop marked as running in this
    # thread. Django then looks database connections up per async context instead of per thread,
    # and would hand the tests new connections: ones that lack the test database's serialized
    # contents (so transactional tests could not restore Wagtail's root page) and, on SQLite,
    # differ from the in-memory connection the live server shares. Keep the same ones.
    kept = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in kept.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class BrowserPage:
    """One browser context and its page, with every request and response it made."""

    context: BrowserContext = field(repr=False)
    page: Page
    server_url: str
    requests: list[str] = field(default_factory=list, repr=False)
    responses: list[Response] = field(default_factory=list, repr=False)

    def foreign_requests(self) -> list[str]:
        server = origin(self.server_url)
        return [url for url in self.requests if origin(url) != server]

    def assert_only_live_server(self) -> None:
        """Fail if any request went anywhere but the live server (scheme, host and port)."""
        assert self.requests, "the page made no requests at all; nothing was checked"
        foreign = self.foreign_requests()
        assert not foreign, f"requests left {origin(self.server_url)}: {foreign}"


@pytest.fixture
def open_page(chromium: Browser, live_server) -> Iterator[Callable[..., BrowserPage]]:
    """Open a fresh context and page with the given context options; all closed afterwards."""
    opened: list[BrowserContext] = []

    def open_(**context_options) -> BrowserPage:
        context = chromium.new_context(base_url=live_server.url, **context_options)
        opened.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        requests: list[str] = []
        responses: list[Response] = []
        context.on("request", lambda request: requests.append(request.url))
        context.on("response", lambda response: responses.append(response))
        return BrowserPage(context, context.new_page(), live_server.url, requests, responses)

    yield open_
    for context in opened:
        context.close()


@pytest.fixture
def browser_page(open_page: Callable[..., BrowserPage]) -> BrowserPage:
    """A reader's fresh context and page (JavaScript on, desktop viewport)."""
    return open_page()


@pytest.fixture
def demo_content() -> dict:
    return read_content()


@pytest.fixture
def demo_site(live_server, django_db_serialized_rollback, demo_content: dict):
    """The demo column, served by the live server.

    The live server needs a transactional database, which is flushed after each test; the
    serialized rollback restores what migrations created (Wagtail's root page, the default
    site) so that every browser test starts from the same database as the rest of the suite.
    """
    load_demo(demo_content)
    return live_server
