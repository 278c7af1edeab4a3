"""No cross-site scripting payload runs, sent through any public form, on any page that shows it.

The corpus (`xss_payloads.PAYLOADS`) goes through the real forms in Chromium: the letter form,
the comment form and its replies, the comment edit page, the report form, the data-rights email
form, the cookie settings (banner and page) and the site search. Hostile posts send what a
person could not type (over-long values, choices the form does not offer) so that every echo of
a rejected form is tested too. So that one page load can check every payload at once, each
payload is also saved directly as its own comment, reply and letter (name, pen name, body).

Every browser context here bypasses the Content-Security-Policy: the policy would stop inline
scripts even if escaping failed, and this test is about escaping. Each page then fails if:

- any dialog opened (every payload calls alert, confirm or prompt) or `window.__xss` was set;
- the DOM holds anything a payload could have planted: an `on…` attribute, a script that is
  neither one of our static files nor carries the response's nonce, a frame, object, embed,
  base or http-equiv meta, a style or link element outside <head>, or a javascript:, vbscript:
  or data: URL;
- a payload is missing, character for character, from the text or field values of the part of
  the page that shows it. A payload parsed as HTML loses its tags from the text, so this catches
  broken escaping even for payloads that would not run.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Response

from column.models import AnswerPage
from column.tests.browser import BrowserPage
from conftest import PASSWORD
from dearly.tests.xss_payloads import PAYLOADS
from discussion.models import Comment, CommentStatus
from discussion.moderation import approve_comment
from letters.models import Letter, LetterStatus, token_digest
from letters.workflow import assign_letter, decline_letter, start_answer

pytestmark = pytest.mark.browser

ALL_LINES = "\n".join(PAYLOADS)
# Text inputs drop newlines, so payloads bound for one are joined with spaces.
ALL_IN_ONE_LINE = " ".join(PAYLOADS)
SEARCH_LIMIT = 200  # column.views.search keeps the first 200 characters of a query
NAME_LIMIT = 80  # Comment.author_name
PEN_NAME_LIMIT = 60  # LetterForm.pen_name
NONCE = re.compile(r"'nonce-([\w-]+)'")

# Lets pending tasks (error events of broken images, autofocus, <details> toggles) run before
# the page is read; no clock is involved.
SETTLE = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))"

THREATS = r"""
(nonce) => {
  const found = [];
  const show = (el) => el.outerHTML.slice(0, 160);
  const compact = (value) => value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  const RUNNABLE = new Set(["", "text/javascript", "application/javascript", "module",
                            "text/ecmascript", "application/ecmascript"]);
  const EMBEDDING = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base",
                             "portal", "isindex"]);
  const URLS = new Set(["href", "src", "action", "formaction", "data", "background", "dynsrc",
                        "lowsrc", "poster", "codebase", "cite", "longdesc", "ping", "icon",
                        "manifest", "to", "from", "values", "by"]);
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName;
    if (EMBEDDING.has(tag)) found.push(`<${tag}>: ${show(el)}`);
    if (tag === "meta" && el.hasAttribute("http-equiv")) found.push(`http-equiv: ${show(el)}`);
    if ((tag === "style" || tag === "link") && !el.closest("head")) {
      found.push(`<${tag}> outside <head>: ${show(el)}`);
    }
    if (tag === "script" && RUNNABLE.has((el.getAttribute("type") || "").trim().toLowerCase())) {
      if (el.hasAttribute("src")) {
        const url = new URL(el.getAttribute("src"), location.href);
        // Our static files, and the admin's translation catalogue (a Django view).
        const ours = url.pathname.startsWith("/static/") || url.pathname === "/admin/jsi18n/";
        if (url.origin !== location.origin || !ours) {
          found.push(`script from elsewhere: ${show(el)}`);
        }
      } else if (!nonce || el.nonce !== nonce) {
        found.push(`inline script without the response's nonce: ${show(el)}`);
      }
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = compact(attr.value);
      if (name.startsWith("on")) {
        found.push(`${name} handler: ${show(el)}`);
      } else if (name === "srcdoc") {
        found.push(`srcdoc: ${show(el)}`);
      } else if (name === "style" && /javascript:|expression\(|behavior:|url\(/.test(value)) {
        found.push(`style: ${show(el)}`);
      } else if (URLS.has(name) || name.endsWith(":href")) {
        const script = /^(javascript|vbscript|livescript):/.test(value);
        const image = tag === "img" && name === "src" && value.startsWith("data:image/");
        if (script || (value.startsWith("data:") && !image)) {
          found.push(`${name}=${attr.value.slice(0, 60)}: ${show(el)}`);
        }
      }
    }
  }
  return found;
}
"""

# The text of every element the selector matches, with the values of the fields inside it.
SHOWN = """
(selector) => Array.from(document.querySelectorAll(selector), (el) => {
  const fields = el.matches("input, textarea, select")
    ? [el] : Array.from(el.querySelectorAll("input, textarea, select"));
  return [el.textContent, ...fields.map((f) => f.value)].join("\\n");
}).join("\\n")
"""

# Fills a form the way a hostile client would (past maxlength, choices the form never offered,
# fields it does not have), then sends it with the browser's own submission.
SUBMIT = """
([selector, fields, button]) => {
  const form = document.querySelector(selector);
  if (!form) throw new Error(`no ${selector} on the page`);
  for (const [name, value] of Object.entries(fields)) {
    let control = form.elements.namedItem(name);
    if (control instanceof RadioNodeList) control = control[0];
    if (!control) {
      control = Object.assign(document.createElement("input"), {type: "hidden", name});
      form.append(control);
    }
    if (control.type === "checkbox") {
      if (typeof value === "string") control.value = value;
      control.checked = value !== false;
    } else if (control.localName === "select") {
      if (![...control.options].some((o) => o.value === value)) {
        control.add(new Option(value, value));
      }
      control.value = value;
    } else {
      control.value = value;
    }
  }
  const submitter = button
    ? [...form.querySelectorAll("button")].find((b) => b.textContent.trim() === button) : null;
  form.requestSubmit(submitter || undefined);
}
"""


@dataclass
class Visitor:
    """One browser context, CSP bypassed, that fails on any dialog and checks every page."""

    browser: BrowserPage
    dialogs: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}({dialog.message}) on {self.page.url}")
        dialog.dismiss()

    @property
    def page(self):
        return self.browser.page

    def open(self, path: str) -> Response:
        response = self.page.goto(path)
        assert response is not None
        return response

    def submit(self, form: str, fields: dict, button: str | None = None) -> Response:
        with self.page.expect_navigation() as navigation:
            self.page.evaluate(SUBMIT, [form, fields, button])
        return navigation.value

    def click(self, locator) -> Response:
        with self.page.expect_navigation() as navigation:
            locator.click()
        return navigation.value

    def check(self, response: Response, shows: dict[str, Iterable[str]]) -> None:
        """Nothing ran or was planted, and each part of the page shows its payloads as text."""
        page = self.page
        where = urlsplit(page.url).path
        assert response.ok, f"{where}: {response.status}"
        page.evaluate(SETTLE)
        assert not self.dialogs, f"a payload ran: {self.dialogs}"
        assert page.evaluate("() => typeof window.__xss") == "undefined", f"{where}: __xss set"
        policy = response.headers.get("content-security-policy", "")
        nonce = NONCE.search(policy)
        threats = page.evaluate(THREATS, nonce[1] if nonce else "")
        assert not threats, f"{where}: planted in the page: {threats}"
        for selector, expected in shows.items():
            text = page.evaluate(SHOWN, selector)
            missing = [each for each in expected if each not in text]
            assert not missing, f"{where} {selector} does not show as text: {missing}"


def search_queries() -> list[str]:
    """Every payload, in as few queries as the search keeps whole."""
    queries, current = [], ""
    for payload in PAYLOADS:
        joined = f"{current} {payload}" if current else payload
        if len(joined) > SEARCH_LIMIT:
            queries.append(current)
            joined = payload
        current = joined
    return [*queries, current]


def comments_for_every_payload(answer: AnswerPage) -> list[Comment]:
    """Each payload as a published comment's name and body, every second one a reply.

    A third of them also wait in the queue, a third are spam, a third are flagged for review,
    so each queue tab shows its share (a tab lists at most 50).
    """
    start = timezone.now() - timedelta(hours=2)

    def comment(number: int, payload: str, **fields) -> Comment:
        return Comment(
            page=answer,
            author_name=payload[:NAME_LIMIT],
            author_email=f"reader{number}@example.org",
            body=payload,
            terms_accepted_at=start,
            created_at=start + timedelta(seconds=number),
            **fields,
        )

    numbered = list(enumerate(PAYLOADS))
    parents = Comment.objects.bulk_create(
        comment(n, p, status=CommentStatus.PUBLISHED, review=n % 3 == 0)
        for n, p in numbered
        if n % 2 == 0
    )
    replies = Comment.objects.bulk_create(
        comment(n, p, status=CommentStatus.PUBLISHED, review=n % 3 == 0, parent=parent, depth=2)
        for (n, p), parent in zip(numbered[1::2], parents, strict=False)
    )
    held = {1: CommentStatus.PENDING, 2: CommentStatus.SPAM}
    Comment.objects.bulk_create(
        comment(n, p, status=held[n % 3]) for n, p in numbered if n % 3 in held
    )
    return parents + replies


def letters_for_every_payload() -> list[Letter]:
    return [
        Letter.objects.create(
            pen_name=payload[:PEN_NAME_LIMIT],
            body=payload,
            consented_at=timezone.now(),
            status_token_digest=token_digest(f"xss-letter-{number}"),
        )
        for number, payload in enumerate(PAYLOADS)
    ]


def names(comments: Iterable[Comment]) -> list[str]:
    return [comment.author_name for comment in comments]


@pytest.fixture
def xss_site(live_server, django_db_serialized_rollback, editor, answer):
    """An answer with comments open, an editor, and every payload saved as comments and letters."""
    return answer, comments_for_every_payload(answer), letters_for_every_payload()


def fill_comment_form(page, name: str, email: str):
    """Fill the comment form as a person would, every payload in the body; the send button."""
    page.get_by_role("textbox", name="Name", exact=True).fill(name)
    page.get_by_role("textbox", name="Email", exact=True).fill(email)
    page.get_by_role("textbox", name="Comment", exact=True).fill(ALL_LINES)
    page.get_by_role("checkbox", name="I accept the terms of participation").check()
    return page.get_by_role("button", name="Post comment")


def test_no_payload_runs_through_any_public_form_or_on_any_page_showing_it(
    xss_site, editor, open_page
):
    answer, bulk_comments, bulk_letters = xss_site
    assert len(set(PAYLOADS)) >= 50
    reader = Visitor(open_page(bypass_csp=True))
    staff = Visitor(open_page(bypass_csp=True))
    page = reader.page

    # Site search: the query comes back in the heading and the search box (and in the cookie
    # banner's return address, which the DOM walk covers: it is percent-encoded there).
    first, *others = search_queries()
    reader.open("/search/")
    page.get_by_label("Search for").fill(first)
    with page.expect_navigation() as navigation:
        page.get_by_label("Search for").press("Enter")
    reader.check(navigation.value, {"main h2": [first], "#search-q": [first]})
    for query in others:
        response = reader.open(f"/search/?q={quote(query)}")
        reader.check(response, {"main h2": [query], "#search-q": [query]})

    # The cookie banner's form, with a payload for its return address and as a category.
    landing = "/search/?q=" + PAYLOADS[0]
    fields = {"next": landing, "categories": PAYLOADS[2]}
    response = reader.submit(".consent-banner form", fields, "Save my choices")
    assert urlsplit(page.url).path == "/search/"
    reader.check(response, {"main h2": [PAYLOADS[0]]})
    # The settings page: a javascript: return address is not followed.
    reader.open("/cookies/")
    fields = {"next": PAYLOADS[-2], "categories": PAYLOADS[3]}
    response = reader.submit("main form", fields, "Save my choices")
    assert page.url.endswith("/cookies/?saved=1")
    reader.check(response, {"main": ["Your choice is saved."]})

    # The data-rights form echoes an address it cannot accept.
    reader.open("/privacy/my-data/")
    response = reader.submit("main form", {"email": ALL_IN_ONE_LINE})
    reader.check(response, {"#id_email": PAYLOADS, ".form-errors": ["does not look complete"]})

    # The letter form: a rejected letter comes back with every field as it was sent.
    reader.open("/ask/")
    hostile = {
        "pen_name": ALL_IN_ONE_LINE,
        "body": ALL_LINES,
        "email": ALL_IN_ONE_LINE,
        "topic": PAYLOADS[5],
        "submission_id": PAYLOADS[6],
        "consent_to_publish": True,
        "age_confirmed": True,
    }
    response = reader.submit("form.letter-form", hostile)
    shown = {"#id_pen_name": PAYLOADS, "#id_body": PAYLOADS, "#id_email": PAYLOADS}
    hidden = {"#id_submission_id": [PAYLOADS[6]]}
    reader.check(response, {**shown, **hidden, "#letter-errors": ["at most 60 characters"]})
    # Sent as a person would, it reaches the writer's status page and the withdrawal page.
    pen_name = PAYLOADS[39]
    page.get_by_label("Pen name").fill(pen_name)
    page.get_by_label("Email (optional)").fill("")
    page.get_by_label("Your letter").fill(ALL_LINES)
    response = reader.click(page.get_by_role("button", name="Send my letter"))
    assert "/ask/status/" in page.url
    reader.check(response, {".credentials": [pen_name]})
    # Pen names are encrypted, so the posted letter is found as the one not made above.
    letter = Letter.objects.exclude(pk__in=[each.pk for each in bulk_letters]).get()
    response = reader.click(page.get_by_role("link", name="Withdraw my letter"))
    reader.check(response, {"main": [pen_name]})

    # The answer page, with every payload as a comment and as a reply.
    everyone = [*names(bulk_comments), *(comment.body for comment in bulk_comments)]
    reader.check(reader.open(answer.url), {"ol.comments": everyone})
    # The comment form: a rejected comment comes back with every field, hidden ones too.
    hostile = {
        "author_name": ALL_IN_ONE_LINE,
        "author_email": ALL_IN_ONE_LINE,
        "body": ALL_LINES,
        "accept_terms": False,
        "parent": PAYLOADS[7],
        "started": PAYLOADS[8],
        "submission_id": PAYLOADS[9],
    }
    response = reader.submit("form.comment-form", hostile, "Post comment")
    shown = {f"#id_{name}": PAYLOADS for name in ("author_name", "author_email", "body")}
    hidden = {"#id_parent": [PAYLOADS[7]], "#id_started": [PAYLOADS[8]]}
    reader.check(response, {**shown, **hidden, "#comment-errors": ["Enter a whole number"]})
    # Posted as a person would, from a fresh page: the answer page tells them it arrived.
    reader.open(answer.url)
    commenter = PAYLOADS[2]
    response = reader.click(fill_comment_form(page, commenter, "commenter@example.org"))
    reader.check(response, {"#comment-status": ["Thank you."]})
    posted = Comment.objects.get(author_name=commenter, email_hash__gt="")
    # The secret edit link: the page shows the comment in its box, and takes a change.
    response = reader.click(page.get_by_role("link", name="change or delete your comment"))
    reader.check(response, {"#id_body": PAYLOADS})
    edited = " ".join(reversed(PAYLOADS))
    page.get_by_label("Your comment").fill(edited)
    response = reader.click(page.get_by_role("button", name="Save changes"))
    reader.check(response, {"#comment-status": ["Thank you."]})

    # The editor's comment queue: every tab, with the posted comment approved from it.
    staff.open("/admin/login/")
    staff.page.get_by_label("Username").fill(editor.username)
    staff.page.get_by_label("Password").fill(PASSWORD)
    staff.click(staff.page.get_by_role("button", name="Sign in"))
    posted.refresh_from_db()
    tab = "spam" if posted.status == CommentStatus.SPAM else "waiting"
    response = staff.open(f"/admin/comments/queue/?tab={tab}")
    row = f"#queue-comment-{posted.pk}"
    staff.check(response, {row: [commenter, *PAYLOADS]})
    staff.click(staff.page.locator(row).get_by_role("button", name="Approve"))
    for tab, statuses, review in [
        ("waiting", {CommentStatus.PENDING, CommentStatus.HELD}, None),
        ("spam", {CommentStatus.SPAM}, None),
        ("flagged", {CommentStatus.PUBLISHED}, True),
    ]:
        shown = Comment.objects.filter(page=answer, status__in=statuses)
        if review:
            shown = shown.filter(review=True)
        assert 10 < shown.count() <= 50, "each tab should show its share of the payloads"
        texts = [*names(shown), *(comment.body for comment in shown)]
        staff.check(staff.open(f"/admin/comments/queue/?tab={tab}"), {"table.listing": texts})

    # The answer page again, now with the posted comment.
    response = reader.open(answer.url)
    article = f"#comment-{posted.pk} > article"
    reader.check(response, {"ol.comments": everyone, article: [commenter, *PAYLOADS]})
    # A reply through the form, under the posted comment.
    response = reader.click(page.locator(article).get_by_role("link", name=re.compile("^Reply")))
    reader.check(response, {".replying-to": [commenter]})
    replier = PAYLOADS[42]
    response = reader.click(fill_comment_form(page, replier, "replier@example.org"))
    reader.check(response, {"#comment-status": ["Thank you."]})
    approve_comment(Comment.objects.get(author_name=replier, parent=posted), editor)
    response = reader.open(answer.url)
    reader.check(response, {f"#comment-{posted.pk} .replies": [replier, *PAYLOADS]})

    # The report form shows the comment, and echoes a reason it does not offer.
    response = reader.click(page.locator(article).get_by_role("link", name=re.compile("^Report")))
    reader.check(response, {".reported-comment": [commenter, *PAYLOADS]})
    hostile = {"reason": PAYLOADS[0], "detail": ALL_IN_ONE_LINE}
    response = reader.submit("main form", hostile, "Send report")
    reader.check(response, {"main form": [PAYLOADS[0]], "#id_detail": PAYLOADS})
    page.get_by_label("What is wrong with this comment?").select_option("other")
    page.get_by_label("Anything moderators should know (optional)").fill(PAYLOADS[1])
    response = reader.click(page.get_by_role("button", name="Send report"))
    reader.check(response, {"main h1": ["Thank you for telling us"]})

    # The editor's letter inbox (pen names), its search box, and the posted letter in full.
    response = staff.open("/admin/letters/")
    pen_names = [each.pen_name for each in [*bulk_letters, letter]]
    staff.check(response, {"table.listing": pen_names})
    response = staff.open(f"/admin/letters/?q={quote(ALL_IN_ONE_LINE)}")
    staff.check(response, {"#id_q": PAYLOADS})
    response = staff.open(f"/admin/letters/{letter.pk}/")
    staff.check(response, {".letter-original": PAYLOADS, "dl": [pen_name]})

    # A decline reason reaches the writer's status page.
    declined = bulk_letters[0]
    decline_letter(declined, ALL_IN_ONE_LINE, editor)
    reader.check(reader.open("/ask/status/xss-letter-0/"), {".letter-state": PAYLOADS})
    assert Letter.objects.get(pk=declined.pk).status == LetterStatus.DECLINED

    # The posted letter, answered and published: its anonymised copy is on a public page.
    assign_letter(letter, answer.therapist, editor)
    answered = start_answer(letter, editor)
    answered.get_latest_revision().publish()
    answered = AnswerPage.objects.get(pk=answered.pk)
    lines = [line.strip() for line in answered.letter.splitlines() if line.strip()]
    assert len(lines) == len(PAYLOADS)
    response = reader.open(answered.url)
    reader.check(response, {"section.letter": [*lines, answered.pen_name]})

    reader.browser.assert_only_live_server()
    staff.browser.assert_only_live_server()
