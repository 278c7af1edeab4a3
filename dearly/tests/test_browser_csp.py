"""The Content-Security-Policy breaks nothing: pages and the admin run with no violation.

Chromium reports every blocked script, style, frame or connection as a `securitypolicyviolation`
event and a console error; either fails the test. The pages are the demo column's public pages
and the editor's working day in the admin: sign-in, dashboard, the answer editor with Draftail and
its live preview, the comment queue, the letters inbox and a letter, and two-step sign-in setup.
"""

import json
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from column.models import AnswerPage, TopicPage
from demo.loader import EDITOR
from letters.workflow import receive_letter
from therapists.models import Therapist

pytestmark = pytest.mark.browser

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(JSON.stringify({
    page: location.pathname,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: `${event.sourceFile}:${event.lineNumber}`,
  }));
}, true);
"""


@pytest.fixture
def watched_page(browser_page) -> tuple[Page, list[str], Callable[[str], None]]:
    """A page whose CSP violations (events and console errors) are collected, and a visit()
    that waits for each page to settle."""
    violations: list[str] = []
    browser_page.context.expose_function(
        "reportCspViolation", lambda report: violations.append(report)
    )
    browser_page.context.add_init_script(REPORT_VIOLATIONS)
    page = browser_page.page
    page.on(
        "console",
        lambda message: (
            violations.append(f"console: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )

    def visit(url: str) -> None:
        response = page.goto(url)
        assert response is not None
        assert response.ok, f"{url}: {response.status}"
        page.wait_for_load_state("networkidle")

    return page, violations, visit


def assert_no_violations(violations: list[str]) -> None:
    readable = [json.loads(v) if v.startswith("{") else v for v in violations]
    assert not readable, f"Content-Security-Policy violations: {readable}"


def test_public_pages_run_without_csp_violations(demo_site, watched_page):
    page, violations, visit = watched_page
    answer = AnswerPage.objects.live().first()
    topic = TopicPage.objects.live().first()
    therapist = Therapist.objects.first()
    for url in [
        "/",
        "/answers/",
        answer.url,
        "/topics/",
        topic.url,
        "/therapists/",
        f"/therapists/{therapist.slug}/",
        "/help-now/",
        "/terms/",
        "/privacy/",
        "/search/?q=friend",
    ]:
        visit(url)
    visit("/ask/")
    page.get_by_label("Your letter").fill("A short letter to make the counter count.")
    expect(page.locator("body")).to_contain_text("characters")
    assert_no_violations(violations)


def test_the_editors_admin_runs_without_csp_violations(demo_site, watched_page):
    page, violations, visit = watched_page
    letter = receive_letter(
        pen_name="Night Owl", body="I cannot sleep before exams. What helps?"
    ).letter
    answer = AnswerPage.objects.live().first()

    visit("/admin/login/")
    page.get_by_label("Username").fill(EDITOR.username)
    page.get_by_label("Password").fill(EDITOR.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.wait_for_load_state("networkidle")

    visit(f"/admin/pages/{answer.pk}/edit/")
    editor = page.locator(".DraftEditor-root").first
    editor.click()
    page.keyboard.type(" A line typed under the policy.")
    page.get_by_role("button", name="Toggle preview").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(answer.title)
    page.get_by_role("tab", name="Settings").click()
    page.wait_for_load_state("networkidle")

    visit("/admin/comments/queue/")
    visit("/admin/letters/")
    visit(f"/admin/letters/{letter.pk}/")
    expect(page.locator(".letter-original")).to_contain_text("I cannot sleep")
    visit(f"/admin/pages/{answer.get_parent().pk}/")
    visit("/admin/two-step/")
    expect(page.get_by_alt_text(re.compile("QR code"))).to_be_visible()
    assert_no_violations(violations)
