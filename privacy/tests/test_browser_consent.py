"""A first-time visitor meets the cookie banner in a real browser."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from privacy.models import ConsentRecord

pytestmark = pytest.mark.browser

LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


def test_it_lets_a_visitor_reject_all_then_change_their_mind(demo_site, browser_page):
    page = browser_page.page
    page.goto("/")
    banner = page.get_by_role("region", name="Cookies on Dearly")
    expect(banner).to_be_visible()
    browser_page.assert_only_live_server()
    cookies = {cookie["name"] for cookie in browser_page.context.cookies()}
    assert cookies <= {"csrftoken"}

    # In the page's flow, not floating over it: it cannot cover what has focus.
    assert banner.evaluate("el => getComputedStyle(el).position") == "static"
    assert page.evaluate(LAYOUT_SHIFT) == 0

    accept = banner.get_by_role("button", name="Accept all")
    reject = banner.get_by_role("button", name="Reject all")
    assert accept.evaluate("el => el.className") == reject.evaluate("el => el.className")
    assert accept.bounding_box()["height"] == reject.bounding_box()["height"]

    # Keyboard: the buttons are reachable and, when focused, fully on screen.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Reject all":
            break
    focused = page.locator(":focus")
    expect(focused).to_have_text("Reject all")
    expect(focused).to_be_in_viewport(ratio=1)
    page.keyboard.press("Enter")

    expect(page.get_by_role("region", name="Cookies on Dearly")).to_have_count(0)
    assert ConsentRecord.objects.get().categories == []

    page.get_by_role("link", name="Cookie settings").click()
    page.get_by_label(re.compile("^Visit statistics")).check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_role("status")).to_contain_text("analytics")
    assert ConsentRecord.objects.order_by("-created_at").first().categories == ["analytics"]
    browser_page.assert_only_live_server()


def test_it_works_without_javascript(demo_site, open_page):
    page = open_page(java_script_enabled=False).page
    page.goto("/")
    page.get_by_role("button", name="Accept all").click()
    expect(page.get_by_role("region", name="Cookies on Dearly")).to_have_count(0)
    assert ConsentRecord.objects.get().categories == ["analytics", "embeds"]


def test_it_has_no_accessibility_violations_with_the_banner(demo_site, browser_page):
    page = browser_page.page
    page.goto("/")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
