"""A moderator works the comment queue with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from demo.loader import MODERATOR
from discussion.models import Comment, CommentStatus

pytestmark = pytest.mark.browser


def log_in(page, account) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(account.username)
    page.get_by_label("Password").fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))


def queue_ids(page) -> list[int]:
    rows = page.locator("[data-queue-item]")
    return [int(rows.nth(i).get_attribute("id").rsplit("-", 1)[1]) for i in range(rows.count())]


def test_it_lets_a_moderator_approve_and_mark_spam_with_the_keyboard(demo_site, browser_page):
    page = browser_page.page
    log_in(page, MODERATOR)
    page.goto("/admin/comments/queue/")
    first, second, *rest = queue_ids(page)
    assert Comment.objects.get(pk=first).status in (CommentStatus.PENDING, CommentStatus.HELD)

    page.keyboard.press("a")  # approve the selected (first) comment
    expect(page.locator(f"#queue-comment-{first}")).to_have_count(0)
    expect(page.get_by_text(f"Comment #{first} is now published.")).to_be_visible()

    expect(page.locator("[data-queue-item]")).to_have_count(1 + len(rest))
    page.keyboard.press("s")  # the next one is now selected first: mark it spam
    expect(page.locator(f"#queue-comment-{second}")).to_have_count(0)

    expect(page.locator("[data-queue-item]")).to_have_count(len(rest))
    remaining = queue_ids(page)
    assert remaining == rest
    page.keyboard.press("j")
    page.keyboard.press("r")  # move down one, reject
    expect(page.locator(f"#queue-comment-{remaining[1]}")).to_have_count(0)

    assert Comment.objects.get(pk=first).status == CommentStatus.PUBLISHED
    assert Comment.objects.get(pk=second).status == CommentStatus.SPAM
    assert Comment.objects.get(pk=remaining[1]).status == CommentStatus.REJECTED
    assert Comment.objects.get(pk=remaining[0]).status in (
        CommentStatus.PENDING,
        CommentStatus.HELD,
    )
    browser_page.assert_only_live_server()
