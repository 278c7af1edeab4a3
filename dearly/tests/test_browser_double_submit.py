"""A double click on a form's button, in a real browser with JavaScript on, saves one row.

PostgreSQL only: on SQLite the live server shares the test's single in-memory connection among
all its threads, so two requests at once interleave inside one connection, which no deployment
does (a file database makes the second writer wait). `make test` runs these in its PostgreSQL
pass; the same double sending is tested on both databases in letters/ and discussion/.
"""

import re
import threading
import time
from collections.abc import Iterator

import pytest
from django.core.signals import request_finished, request_started
from django.db import connection
from playwright.sync_api import expect

from discussion.models import Comment
from letters.models import Letter
from letters.tests.conftest import CALM_LETTER

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the SQLite live server shares one connection among its threads",
    ),
]


class Traffic:
    """What the live server received, counted from its own threads."""

    def __init__(self):
        self.posts: list[str] = []
        self.started = 0
        self.finished = 0
        self._lock = threading.Lock()

    def on_started(self, sender, environ=None, **kwargs):
        with self._lock:
            self.started += 1
            if environ and environ.get("REQUEST_METHOD") == "POST":
                self.posts.append(environ.get("PATH_INFO", ""))

    def on_finished(self, sender, **kwargs):
        with self._lock:
            self.finished += 1

    def settle(self, timeout: float = 15) -> None:
        """Wait until every request the server started has finished."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if self.started == self.finished:
                    return
            time.sleep(0.05)
        raise AssertionError(f"{self.started - self.finished} request(s) never finished")


def double_click(page, button) -> None:
    """A person's quick double click: the second press lands while the first is on its way."""
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    page.mouse.dblclick(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, delay=25)


@pytest.fixture
def traffic() -> Iterator[Traffic]:
    seen = Traffic()
    request_started.connect(seen.on_started)
    request_finished.connect(seen.on_finished)
    yield seen
    request_started.disconnect(seen.on_started)
    request_finished.disconnect(seen.on_finished)


def test_a_double_click_on_send_my_letter_makes_one_letter(demo_site, browser_page, traffic):
    writer = browser_page.page
    writer.goto("/ask/")
    writer.get_by_label("Pen name").fill("Frozen Phone")
    writer.get_by_label("Your letter").fill(CALM_LETTER)
    writer.get_by_label(re.compile("may publish my letter")).check()
    writer.get_by_label("I am 18 or older.").check()

    double_click(writer, writer.get_by_role("button", name="Send my letter"))

    expect(writer).to_have_url(re.compile(r"/ask/status/[\w-]{40,}/$"))
    expect(writer.locator(".letter-state")).to_contain_text("Received")
    traffic.settle()
    assert traffic.posts == ["/ask/", "/ask/"], "the double click should have sent the form twice"
    assert Letter.objects.count() == 1


def test_a_double_click_on_post_comment_posts_one_comment(
    demo_site, demo_content, browser_page, traffic
):
    answer_path = f"/answers/{demo_content['answers'][0]['slug']}/"
    before = Comment.objects.count()
    reader = browser_page.page
    reader.goto(answer_path)
    reader.get_by_role("textbox", name="Name", exact=True).fill("Double Clicker")
    reader.get_by_role("textbox", name="Email", exact=True).fill("clicker@example.org")
    reader.get_by_role("textbox", name="Comment", exact=True).fill("Clicked twice, said once.")
    reader.get_by_role("checkbox", name="I accept the terms of participation").check()

    double_click(reader, reader.get_by_role("button", name="Post comment"))

    expect(reader.get_by_role("status")).to_contain_text("awaiting moderation")
    traffic.settle()
    assert traffic.posts == [answer_path, answer_path]
    assert Comment.objects.count() == before + 1
    assert Comment.objects.filter(body="Clicked twice, said once.").count() == 1
