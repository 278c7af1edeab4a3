"""A reader asks for their data link, downloads a copy and erases it, in a real browser."""

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from column.models import AnswerPage
from discussion.models import Comment, CommentStatus
from letters.models import Letter
from letters.workflow import receive_letter
from privacy.crypto import email_hash
from privacy.tests.conftest import ADA_COMMENT, ADA_EMAIL, ADA_LETTER, ADA_NAME, ADA_PEN_NAME

pytestmark = pytest.mark.browser


def ada_wrote_and_commented() -> Comment:
    receive_letter(pen_name=ADA_PEN_NAME, body=ADA_LETTER, email=ADA_EMAIL)
    return Comment.objects.create(
        page=AnswerPage.objects.live().first(),
        author_name=ADA_NAME,
        author_email=ADA_EMAIL,
        email_hash=email_hash(ADA_EMAIL),
        body=ADA_COMMENT,
        status=CommentStatus.PUBLISHED,
        terms_accepted_at=timezone.now(),
    )


def emailed_path() -> str:
    [message] = mail.outbox
    return re.search(r"(/privacy/my-data/[\w-]+/)", message.body)[1]


def test_it_lets_a_reader_download_and_erase_their_data(demo_site, open_page):
    comment = ada_wrote_and_commented()
    mail.outbox.clear()
    browser = open_page(java_script_enabled=False, accept_downloads=True)
    reader = browser.page
    reader.goto("/")
    reader.get_by_role("link", name="Your data").click()
    reader.get_by_label("Your email address").fill(ADA_EMAIL)
    reader.get_by_role("button", name="Email me a link").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Check your email")

    link = emailed_path()
    reader.goto(link)
    expect(reader.locator(".held")).to_contain_text("Letters: 1")
    expect(reader.locator(".held")).to_contain_text("Comments: 1")
    with reader.expect_download() as download_info:
        reader.get_by_role("link", name="Download my data").click()
    download = download_info.value
    assert download.suggested_filename == "dearly-my-data.json"
    document = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert document["letters"][0]["letter"] == ADA_LETTER
    assert document["comments"][0]["comment"] == ADA_COMMENT

    reader.get_by_label(re.compile("Former reader")).check()
    reader.get_by_role("button", name="Erase my data").click()
    expect(reader.get_by_role("alert")).to_contain_text("Please tick the box")
    assert Letter.objects.exists()

    expect(reader.get_by_label(re.compile("Former reader"))).to_be_checked()
    reader.get_by_label("I understand that this cannot be undone.").check()
    reader.get_by_role("button", name="Erase my data").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Your data has been erased")
    assert not Letter.objects.exists()
    comment.refresh_from_db()
    assert (comment.author_name, comment.body) == ("Former reader", ADA_COMMENT)

    reader.goto(link)
    expect(reader.get_by_role("heading", level=1)).to_have_text("This link no longer works")
    browser.assert_only_live_server()


def test_it_has_no_accessibility_violations_on_the_data_pages(demo_site, browser_page):
    ada_wrote_and_commented()
    mail.outbox.clear()
    reader = browser_page.page
    reader.goto("/privacy/my-data/")
    reader.get_by_role("button", name="Email me a link").click()
    expect(reader.get_by_role("alert")).to_be_visible()
    results = Axe().run(reader)
    assert results.violations_count == 0, results.generate_report()

    reader.get_by_label("Your email address").fill(ADA_EMAIL)
    reader.get_by_role("button", name="Email me a link").click()
    reader.goto(emailed_path())
    reader.get_by_role("button", name="Erase my data").click()
    expect(reader.get_by_role("alert")).to_be_visible()
    results = Axe().run(reader)
    assert results.violations_count == 0, results.generate_report()
