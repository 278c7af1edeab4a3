"""Nothing lost when the database is unavailable, with the database really unavailable.

Nothing is mocked. Each drill is a separate process serving requests through Django's test
Client (with DEBUG on, so any unhandled error would show a traceback) against a database that
really does not answer: a port nobody listens on, a SQLite file whose folder has gone, or a
PostgreSQL server that has ended every connection to the database and refuses new ones. See
dearly/tests/scratch.py for the drill itself.
"""

import json

import pytest

from dearly.tests.conftest import ScratchSite, scratch_env
from dearly.tests.scratch import CLOSED_PORT_ANSWER, COMMENT_BODY, LETTER_BODY

LETTER_UNSAVED = (
    "We could not save your letter just now; nothing was sent. Your words are still here — "
    "please try again in a few minutes."
)
COMMENT_UNSAVED = LETTER_UNSAVED.replace("letter", "comment")
READER_PAGES = ["answer", "home", "help", "ask"]


def drill(site: ScratchSite, how: str) -> tuple[dict, str]:
    result = site.script("drill", how)
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def assert_friendly_503(response: dict) -> None:
    html = response["html"]
    assert response["status"] == 503
    assert response["retry_after"] == "120"
    assert "no-store" in response["cache_control"]
    assert "Traceback" not in html
    assert "OperationalError" not in html
    assert "988" in html
    assert 'href="/help-now/"' in html
    assert "Crisis Text Line" in html
    assert "try again in a few minutes" in html


def assert_letter_handed_back(response: dict, submission_id: str) -> None:
    assert_friendly_503(response)
    assert LETTER_UNSAVED in response["html"]
    assert response["form_action"] == "/ask/"
    fields = response["form"]
    assert fields["body"] == LETTER_BODY
    assert fields["pen_name"] == "Sunday Visitor"
    assert fields["consent_to_publish"] == "on"
    assert fields["submission_id"] == submission_id
    assert fields["csrfmiddlewaretoken"]


def assert_comment_handed_back(response: dict, answer_url: str) -> None:
    assert_friendly_503(response)
    assert COMMENT_UNSAVED in response["html"]
    assert response["form_action"] == answer_url
    fields = response["form"]
    assert fields["body"] == COMMENT_BODY
    assert fields["author_name"] == "Night Bus"
    assert fields["author_email"] == "nightbus@example.org"
    assert fields["submission_id"]
    assert fields["csrfmiddlewaretoken"]


def assert_nothing_logged_but_paths(stderr: str) -> None:
    assert "Database unavailable" in stderr
    for words in [COMMENT_BODY[:30], LETTER_BODY[:30], "nightbus@example.org", "Sunday Visitor"]:
        assert words not in stderr


def test_a_database_server_that_never_answers_gives_friendly_pages(tmp_path):
    """DATABASE_URL points at a port nothing listens on, from the first request."""
    env = scratch_env(tmp_path, DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing")
    site = ScratchSite("closed-port", env, tmp_path)
    results, stderr = drill(site, "closed-port")

    for page in READER_PAGES:
        assert_friendly_503(results[page])
    assert_comment_handed_back(results["comment"], CLOSED_PORT_ANSWER)
    assert_letter_handed_back(results["letter"], "drill-letter-form-0001")
    assert results["healthz"]["status"] == 503
    assert json.loads(results["healthz"]["html"])["database"] == "unavailable"
    assert_nothing_logged_but_paths(stderr)


def test_a_database_that_goes_away_and_comes_back_loses_nothing(scratch_site):
    """The reader has the answer open; the database goes (SQLite: its folder is moved away;
    PostgreSQL: every connection is ended and new ones refused); they send a comment and a
    letter, get both back with every word, and once it is back, send each twice: one of each
    is saved."""
    how = {"sqlite": "sqlite-gone", "postgres": "postgres-refusing"}[scratch_site.kind]
    results, stderr = drill(scratch_site, how)

    before = results["before"]
    assert before["status"] == 200
    answer_url = before["form_action"]
    assert answer_url.startswith("/answers/")

    assert_comment_handed_back(results["comment"], answer_url)
    assert results["comment"]["form"]["submission_id"] == before["form"]["submission_id"]
    for page in READER_PAGES:
        assert_friendly_503(results[page])
    assert_letter_handed_back(results["letter"], "drill-letter-form-0001")
    assert results["healthz"]["status"] == 503

    for name in ("comment", "letter"):
        again, twice = results[f"{name}_again"], results[f"{name}_twice"]
        assert again["status"] == twice["status"] == 302
        assert again["location"] == twice["location"]
    assert results["comment_again"]["location"].startswith(f"{answer_url}?posted=")
    assert results["letter_again"]["location"].startswith("/ask/status/")
    assert results["comments_saved"] == [COMMENT_BODY]
    assert results["letters_saved"] == [LETTER_BODY]
    assert results["healthz_after"]["status"] == 200
    assert_nothing_logged_but_paths(stderr)


@pytest.mark.parametrize("path", ["/", "/answers/", "/ask/", "/no-such-file.txt"])
def test_pages_without_the_database_never_show_a_traceback_even_with_debug_off(tmp_path, path):
    """With DEBUG off, as in production: the 503 page, not the 500 page, even when the database
    is met outside any view (a missing file: Wagtail's redirects middleware looks it up)."""
    # Production serves hashed static files listed in a manifest by collectstatic; these two
    # entries are all the pages in question need.
    static_root = tmp_path / "static"
    static_root.mkdir()
    paths = {"column/site.css": "column/site.0a1b.css", "letters/counter.js": "letters/c.2c.js"}
    (static_root / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1"}))
    code = (
        "import django; django.setup()\n"
        "from django.test.utils import setup_test_environment; setup_test_environment()\n"
        "from django.test import Client\n"
        # As a server would: an error a handler turned into a response is not raised again.
        f"r = Client(raise_request_exception=False).get({path!r})\n"
        "html = r.content.decode()\n"
        "print(r.status_code, r['Retry-After'], '988' in html, 'site.0a1b.css' in html)\n"
    )
    env = scratch_env(
        tmp_path,
        DEBUG="0",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing",
        STATIC_ROOT=str(static_root),
    )
    site = ScratchSite("closed-port", env, tmp_path)
    result = site.run("-c", code)
    assert result.stdout.split() == ["503", "120", "True", "True"]
