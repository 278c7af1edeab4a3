"""A writer sends a letter in a real browser; a writer in crisis sees help first."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from letters.models import Letter
from letters.tests.conftest import CALM_LETTER, CRISIS_LETTER

pytestmark = pytest.mark.browser


def fill_letter(page, body: str, pen_name: str = "Frozen Phone") -> None:
    page.goto("/ask/")
    page.get_by_label("Pen name").fill(pen_name)
    page.get_by_label("Your letter").fill(body)
    page.get_by_label("I am 18 or older.").check()


def test_it_takes_a_letter_and_shows_the_private_status_page(demo_site, open_page):
    writer = open_page(java_script_enabled=False).page
    fill_letter(writer, CALM_LETTER)
    writer.get_by_role("button", name="Send my letter").click()

    # Consent was left unticked: the letter is kept and the form says what to fix.
    expect(writer.get_by_role("alert")).to_contain_text("publish anonymously")
    expect(writer.get_by_label("Your letter")).to_have_value(CALM_LETTER)
    assert not Letter.objects.exists()

    writer.get_by_label(re.compile("may publish my letter")).check()
    writer.get_by_role("button", name="Send my letter").click()
    expect(writer).to_have_url(re.compile(r"/ask/status/[\w-]{40,}/$"))
    expect(writer.locator(".letter-state")).to_contain_text("Received")
    expect(writer.get_by_role("heading", name="Your letter", exact=True)).to_be_visible()
    assert Letter.objects.get().body == CALM_LETTER

    writer.get_by_role("link", name="Withdraw my letter").click()
    writer.get_by_role("button", name="Yes, delete my letter").click()
    expect(writer.get_by_role("heading", level=1)).to_have_text("Your letter has been deleted")
    assert not Letter.objects.exists()


def test_it_shows_crisis_resources_before_anything_else(demo_site, browser_page):
    writer = browser_page.page
    fill_letter(writer, CRISIS_LETTER, pen_name="Night Owl")
    writer.get_by_label(re.compile("may publish my letter")).check()
    writer.get_by_role("button", name="Send my letter").click()

    first_heading = writer.locator("main h1").first
    expect(first_heading).to_have_text("You don't have to go through this alone")
    resources = writer.locator(".crisis-first .resource")
    expect(resources.first).to_contain_text("988")
    heading_box = first_heading.bounding_box()
    notice_box = writer.get_by_text("Keep this page").bounding_box()
    assert heading_box["y"] < notice_box["y"]
    assert Letter.objects.get().urgent
    browser_page.assert_only_live_server()


def test_it_counts_down_the_characters_left(demo_site, browser_page):
    writer = browser_page.page
    writer.goto("/ask/")
    counter = writer.locator("#letter-counter")
    writer.get_by_label("Your letter").fill("Hello there")
    expect(counter).to_have_text(re.compile(r"^5,989 characters left\.$"))


@pytest.mark.parametrize("with_errors", [False, True])
def test_it_has_no_accessibility_violations_on_the_letter_form(
    demo_site, browser_page, with_errors
):
    writer = browser_page.page
    writer.goto("/ask/")
    if with_errors:
        writer.get_by_role("button", name="Send my letter").click()
        expect(writer.get_by_role("alert")).to_be_visible()
    results = Axe().run(writer)
    assert results.violations_count == 0, results.generate_report()
