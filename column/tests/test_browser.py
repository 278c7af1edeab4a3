"""What a reader and an editor see in a real browser, on the demo column.

Each test loads the demo content (demo/content.json) into the live server's database and drives
Debian's Chromium through Playwright.
"""

import re
from datetime import datetime
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from demo.loader import EDITOR, read_content

pytestmark = pytest.mark.browser

CONTENT = read_content()
FIRST_ANSWER = CONTENT["answers"][0]
ANSWER_PATH = f"/answers/{FIRST_ANSWER['slug']}/"
TOPIC_PATH = f"/topics/{CONTENT['topics'][0]['slug']}/"
THERAPIST_PATH = f"/therapists/{CONTENT['therapists'][0]['slug']}/"

COMMENT_TIME = re.compile(r"^[A-Z][a-z]+ \d{1,2}(st|nd|rd|th), \d{4} at \d{1,2}:\d{2} (AM|PM)$")
PAGE_BUDGET_BYTES = 40 * 1024
PHONE = {"width": 375, "height": 740}


def published_comments(answer: dict) -> list[dict]:
    comments = [row for row in answer["comments"] if row["status"] == "published"]
    return sorted(comments, key=lambda row: row["posted"])


def ordinal(day: int) -> str:
    if day in (11, 12, 13):
        return f"{day}th"
    return f"{day}{({1: 'st', 2: 'nd', 3: 'rd'}).get(day % 10, 'th')}"


def reader_time(moment: datetime) -> str:
    """How a comment's time should read, e.g. "September 18th, 2025 at 11:42 AM"."""
    hour = moment.hour % 12 or 12
    return (
        f"{moment:%B} {ordinal(moment.day)}, {moment.year} "
        f"at {hour}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"
    )


def test_it_shows_the_letter_the_answer_and_the_published_comments(demo_site, browser_page):
    answer = FIRST_ANSWER
    therapist = next(row for row in CONTENT["therapists"] if row["slug"] == answer["therapist"])
    page = browser_page.page

    response = page.goto(ANSWER_PATH)
    assert response is not None
    assert response.status == 200

    signature = page.locator("section.letter p.signature")
    expect(signature).to_have_count(1)
    expect(signature).to_have_text(f"—{answer['pen_name']}")
    # A block of its own, under the letter: not run into the letter's last paragraph.
    assert signature.evaluate("element => getComputedStyle(element).display") == "block"
    last_paragraph = page.locator("section.letter p:not(.signature)").last
    last_box, signature_box = last_paragraph.bounding_box(), signature.bounding_box()
    assert last_box is not None
    assert signature_box is not None
    assert signature_box["y"] >= last_box["y"] + last_box["height"]

    expect(page.locator("section.reply p.salutation")).to_have_text(f"Dear {answer['pen_name']},")

    quotes = [block["text"] for block in answer["body"] if block["type"] == "pull_quote"]
    pull_quotes = page.locator("section.reply aside.pull-quote")
    expect(pull_quotes).to_have_text(quotes)
    for index in range(len(quotes)):
        expect(pull_quotes.nth(index)).to_have_attribute("aria-hidden", "true")
    # Hidden from screen readers only because the answer itself says it: they must not lose it.
    prose = " ".join(page.locator("section.reply > p:not(.salutation)").all_inner_texts())
    for quote in quotes:
        assert quote in prose

    bio = page.locator("aside.bio")
    expect(bio).to_have_count(1)
    expect(bio.get_by_role("heading", level=2)).to_have_text(
        f"About {therapist['name']}, {therapist['credentials']}"
    )
    expect(bio).to_contain_text(therapist["licence_type"])
    expect(bio).to_contain_text(therapist["bio"])

    expected = published_comments(answer)
    assert expected, "the first demo answer should have published comments to check"
    comments = page.locator("ol.comments > li")
    expect(comments).to_have_count(len(expected))
    expect(page.locator("#comments-heading")).to_have_text(f"{len(expected)} Comments")
    local = ZoneInfo(settings.TIME_ZONE)
    for comment, row in zip(comments.all(), expected, strict=True):
        expect(comment.locator(".comment-author")).to_have_text(row["name"])
        time = comment.locator("time")
        expect(time).to_have_count(1)
        stamp = time.get_attribute("datetime")
        assert stamp, f"{row['name']}'s comment time has no datetime attribute"
        moment = datetime.fromisoformat(stamp)
        assert moment.tzinfo is not None, f"datetime={stamp!r} has no UTC offset"
        assert moment == datetime.fromisoformat(row["posted"]).replace(tzinfo=local)
        text = time.inner_text()
        assert COMMENT_TIME.match(text), f"{text!r} does not read like 'May 1st, 2026 at 9:05 AM'"
        assert text == reader_time(moment.astimezone(local))
    for row in answer["comments"]:
        if row["status"] != "published":
            expect(page.locator("ol.comments")).not_to_contain_text(" ".join(row["body"]))


def test_it_takes_a_comment_without_javascript_and_publishes_it_once_an_editor_approves(
    demo_site, open_page
):
    reader = open_page(java_script_enabled=False).page
    name = "Marta from the browser test"
    body = f"Naming the invisible work helped us too. ({uuid4().hex[:12]})"
    published_before = len(published_comments(FIRST_ANSWER))

    reader.goto(ANSWER_PATH)
    name_field = reader.get_by_role("textbox", name="Name", exact=True)
    email_field = reader.get_by_role("textbox", name="Email", exact=True)
    body_field = reader.get_by_role("textbox", name="Comment", exact=True)
    terms = reader.get_by_role("checkbox", name="I accept the terms of participation")
    post = reader.get_by_role("button", name="Post comment")

    name_field.fill(name)
    body_field.fill(body)
    terms.check()
    # A person takes longer than the bot check's few seconds to write a comment.
    reader.wait_for_timeout(3500)
    post.click()

    errors = reader.get_by_role("alert")
    expect(errors).to_contain_text(re.compile("email", re.IGNORECASE))
    expect(email_field).to_have_attribute("aria-invalid", "true")
    expect(name_field).to_have_value(name)
    expect(body_field).to_have_value(body)
    expect(terms).to_be_checked()

    email_field.fill("marta@example.org")
    post.click()

    expect(reader.get_by_role("status")).to_contain_text("awaiting moderation")
    expect(reader.locator("ol.comments")).not_to_contain_text(body)
    expect(reader.locator("ol.comments > li")).to_have_count(published_before)

    editor = open_page().page
    editor.goto("/admin/login/")
    editor.get_by_label("Username").fill(EDITOR.username)
    editor.get_by_label("Password").fill(EDITOR.password)
    editor.get_by_role("button", name="Sign in").click()
    expect(editor).not_to_have_url(re.compile(r"/admin/login/"))

    editor.goto("/admin/comments/queue/")
    row = editor.locator("tr", has_text=body)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(name)
    row.get_by_role("button", name="Approve").click()
    expect(editor.get_by_text(re.compile(r"Comment #\d+ is now published"))).to_be_visible()
    expect(editor.locator("tr", has_text=body)).to_have_count(0)

    reader.goto(ANSWER_PATH)
    mine = reader.locator("ol.comments > li", has_text=body)
    expect(mine).to_have_count(1)
    expect(mine.locator(".comment-author")).to_have_text(name)
    expect(reader.locator("ol.comments > li")).to_have_count(published_before + 1)


def test_it_tells_screen_reader_users_what_is_wrong_with_a_comment(demo_site, browser_page):
    # JavaScript stays on here: axe-core runs in the page (the no-JS flow is tested above).
    reader = browser_page.page
    reader.goto(ANSWER_PATH)
    reader.get_by_role("textbox", name="Name", exact=True).fill("Marta")
    reader.get_by_role("textbox", name="Comment", exact=True).fill("Thank you for this.")
    reader.get_by_role("button", name="Post comment").click()

    email_field = reader.get_by_role("textbox", name="Email", exact=True)
    terms = reader.get_by_role("checkbox", name="I accept the terms of participation")
    expect(reader.get_by_role("alert")).to_be_visible()
    # Each wrong field says why when it is focused, not only in the summary at the top.
    expect(email_field).to_have_attribute("aria-invalid", "true")
    expect(email_field).to_have_accessible_description(
        re.compile(r"Please give your email address")
    )
    expect(terms).to_have_accessible_description(re.compile(r"Please accept the terms"))
    results = Axe().run(reader)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    "path",
    ["/", ANSWER_PATH, TOPIC_PATH, THERAPIST_PATH],
    ids=["home", "answer", "topic", "therapist"],
)
def test_it_has_no_accessibility_violations(demo_site, browser_page, path):
    page = browser_page.page
    response = page.goto(path)
    assert response is not None
    assert response.status == 200

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()


def test_it_fetches_nothing_from_third_parties_and_keeps_the_answer_page_small(
    demo_site, browser_page, open_page
):
    for path in ("/", ANSWER_PATH):
        response = browser_page.page.goto(path, wait_until="networkidle")
        assert response is not None
        assert response.status == 200
    browser_page.assert_only_live_server()

    reader = open_page()
    reader.page.goto(ANSWER_PATH, wait_until="networkidle")
    reader.assert_only_live_server()
    sizes = [
        (response.url, len(response.body()))
        for response in reader.responses
        if response.request.resource_type in {"document", "stylesheet", "script"}
    ]
    assert any(url.endswith(ANSWER_PATH) for url, _ in sizes), sizes
    assert sum(size for _, size in sizes) < PAGE_BUDGET_BYTES, sizes


def test_it_fits_a_phone_screen_without_sideways_scrolling(demo_site, open_page):
    page = open_page(viewport=PHONE).page
    page.goto(ANSWER_PATH)

    width = page.evaluate("document.documentElement.scrollWidth")

    overflowing = page.evaluate(
        """width => [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > width)
            .map(element => element.outerHTML.slice(0, 120))""",
        PHONE["width"],
    )
    assert width <= PHONE["width"], overflowing
