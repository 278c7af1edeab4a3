"""A letter's whole journey to a published answer, walked in a real browser as people would.

A writer sends a letter; the demo editor assigns it to the therapist Nadia and starts the answer;
Nadia, who sees only her own letters, writes the answer in Wagtail's page editor, submits it to
"Editorial review" and signs it off; the editor approves it, which publishes it and emails the
writer. JavaScript stays on throughout: Wagtail's admin needs it.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils.text import slugify
from playwright.sync_api import Locator, Page, expect

from column.models import AnswerPage
from demo.loader import EDITOR, DemoAccount, therapist_account
from letters.models import Letter, LetterStatus
from letters.workflow import assign_letter, receive_letter
from therapists.models import Therapist

pytestmark = pytest.mark.browser

NADIA = therapist_account("nadia")
PEN_NAME = "Far Apart"
WRITER_EMAIL = "far.apart@example.com"
LETTER = (
    "My best friend is moving abroad next month for a job she has wanted for years. I am "
    "happy for her, and I also feel a little lost. How do we stay close from so far away?"
)
TITLE = "Staying close when a friend moves abroad"
ANSWER = "Distance changes a friendship, but it does not have to end it."
SAMUELS_PEN_NAME = "Green Thumb"


def send_letter(page: Page) -> str:
    """The writer's side of /ask/; returns the path of the letter's private status page."""
    page.goto("/ask/")
    page.get_by_label("Pen name").fill(PEN_NAME)
    page.get_by_label("Your letter").fill(LETTER)
    page.get_by_label("Email (optional)").fill(WRITER_EMAIL)
    page.get_by_label(re.compile("may publish my letter")).check()
    page.get_by_label("I am 18 or older.").check()
    page.get_by_role("button", name="Send my letter").click()
    expect(page).to_have_url(re.compile(r"/ask/status/[\w-]{40,}/$"))
    return urlsplit(page.url).path


def log_in(page: Page, account: DemoAccount) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(account.username)
    page.get_by_label("Password").fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def log_out(page: Page, account: DemoAccount) -> None:
    """Through the account menu at the foot of Wagtail's sidebar."""
    page.get_by_role("button", name=account.username, exact=True).click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def open_inbox(page: Page) -> None:
    page.get_by_role("link", name="Letters", exact=True).click()
    expect(page.get_by_role("heading", name="Letters", level=1)).to_be_visible()


def inbox_link(page: Page, pen_name: str) -> Locator:
    return page.get_by_role("link", name=re.compile(rf"^#\d+ · {re.escape(pen_name)}$"))


def answer_body(page: Page) -> Locator:
    """The answer's "Body" StreamField in Wagtail's page editor."""
    return page.locator("[data-contentpath='body']")


def add_paragraph(page: Page, text: str) -> None:
    answer_body(page).get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    editor = answer_body(page).get_by_role("textbox")
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_have_text(text)
    # Draftail copies what was typed into the form 250 ms after the last keystroke; a person
    # never beats that to the submit button, but Playwright can.
    expect(answer_body(page).locator("input[type=hidden][name$='-value']")).to_have_value(
        re.compile(re.escape(text))
    )


def choose_action(page: Page, name: str) -> None:
    """Pick an action from the page editor's action menu (the arrow beside "Save draft")."""
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=name, exact=True).click()


def test_a_letter_becomes_a_published_answer_through_the_admin(demo_site, browser_page):
    editor_user = get_user_model().objects.get(username=EDITOR.username)
    samuels = receive_letter(
        pen_name=SAMUELS_PEN_NAME,
        body="My tomatoes did well this year. Should I plant more of them next spring?",
    ).letter
    assign_letter(samuels, Therapist.objects.get(user__username="samuel"), editor_user)
    page = browser_page.page

    # 1. The writer sends a letter and lands on its private status page.
    status_path = send_letter(page)
    expect(page.locator(".letter-state")).to_contain_text("Received")

    # 2. The editor assigns it to Nadia and starts the answer.
    log_in(page, EDITOR)
    open_inbox(page)
    inbox_link(page, PEN_NAME).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Letter #\d+$"))).to_be_visible()
    page.get_by_label("Assign to").select_option(label="Nadia Ferreira")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.get_by_text("is assigned to Nadia Ferreira")).to_be_visible()
    page.get_by_role("button", name="Start answer").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_label("Pen name")).to_have_value(PEN_NAME)
    log_out(page, EDITOR)

    # 3. Nadia finds the letter among hers, and only hers; writes the answer and submits it.
    log_in(page, NADIA)
    open_inbox(page)
    expect(inbox_link(page, PEN_NAME)).to_be_visible()
    expect(inbox_link(page, SAMUELS_PEN_NAME)).to_have_count(0)
    inbox_link(page, PEN_NAME).click()
    page.get_by_role("link", name=re.compile(r"^Answer to letter #\d+$")).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.get_by_role("textbox", name=re.compile(r"^Title")).fill(TITLE)
    add_paragraph(page, ANSWER)
    choose_action(page, "Submit to Editorial review")
    expect(page.get_by_role("status")).to_contain_text(f"'{TITLE}' has been submitted")

    # She signs it off from her dashboard, as the therapist named on the answer.
    page.get_by_role("link", name="Dashboard").click()
    awaiting = page.get_by_role("region", name="Awaiting your review")
    row = awaiting.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Sign off", exact=True).click()
    # The dashboard reloads without a message; the answer has moved on to the editors.
    expect(row).to_have_count(0)
    in_workflow = page.get_by_role("region", name="Your pages and snippets in a workflow")
    expect(in_workflow.get_by_role("row").filter(has_text=TITLE)).to_contain_text(
        "Awaiting Editor approval"
    )
    log_out(page, NADIA)

    # 4. The editor reads it and approves it, which publishes it.
    log_in(page, EDITOR)
    page.get_by_role("region", name="Awaiting your review").get_by_role("link", name=TITLE).click()
    expect(answer_body(page).get_by_role("textbox")).to_have_text(ANSWER)
    choose_action(page, "Approve")
    expect(page.get_by_role("status")).to_contain_text(f"Page '{TITLE}' has been updated.")
    expect(page.get_by_role("row").filter(has_text=TITLE)).to_contain_text("status: live")

    # 5. Readers see it; the writer's status page links to it; one email told the writer.
    answer = AnswerPage.objects.get(title=TITLE)
    assert answer.live
    assert answer.url == f"/answers/{slugify(TITLE)}/"  # the slug followed the new title
    page.goto(answer.url)
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    reply = page.get_by_role("region", name="The answer")
    expect(reply.locator(".salutation")).to_have_text(f"Dear {PEN_NAME},")
    expect(reply).to_contain_text(ANSWER)

    page.goto(status_path)
    expect(page.locator(".letter-state")).to_contain_text("Answered")
    page.get_by_role("link", name="Read the answer").click()
    expect(page).to_have_url(re.compile(re.escape(answer.url) + "$"))

    answered = [
        message
        for message in mail.outbox
        if message.to == [WRITER_EMAIL] and message.subject == "Your letter has been answered"
    ]
    assert len(answered) == 1
    assert answer.full_url in answered[0].body
    assert Letter.objects.get(answer_page=answer).status == LetterStatus.PUBLISHED
    browser_page.assert_only_live_server()
