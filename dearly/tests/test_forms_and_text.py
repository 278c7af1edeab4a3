"""CSRF on every form; people's text shown as text, or through Wagtail's rich-text allow-list."""

import re
from pathlib import Path

import pytest
from django.test import Client

from conftest import PASSWORD, answer_form_data
from discussion.models import Comment

ROOT = Path(__file__).resolve().parents[2]
APPS = ["column", "therapists", "discussion", "letters", "dearly", "staffauth", "privacy", "safety"]
POST_FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
CSRF_FIELD = re.compile(
    r'\{% csrf_token %\}|name="csrfmiddlewaretoken" value="\{\{ csrf_token \}\}"'
)


def our_templates() -> list[Path]:
    return sorted(p for app in APPS for p in (ROOT / app).glob("**/templates/**/*.html"))


def test_every_post_form_in_our_templates_carries_a_csrf_token():
    forms = 0
    for template in our_templates():
        for body in POST_FORM.findall(template.read_text(encoding="utf-8")):
            forms += 1
            assert CSRF_FIELD.search(body), f"{template.relative_to(ROOT)}: {body[:120]}"
    assert forms >= 10


@pytest.fixture
def strict_client() -> Client:
    """A client that, like a browser, gets no CSRF exemption."""
    return Client(enforce_csrf_checks=True)


def test_the_letter_form_refuses_a_post_without_its_token(strict_client, home):
    response = strict_client.post("/ask/", {"pen_name": "Forged", "body": "A forged letter."})
    assert response.status_code == 403


def test_a_comment_without_its_token_is_refused(strict_client, answer):
    response = strict_client.post(answer.url, {"author_name": "Forged", "body": "Hello."})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_the_admin_sign_in_refuses_a_post_without_its_token(strict_client, editor):
    response = strict_client.post(
        "/admin/login/", {"username": editor.username, "password": PASSWORD}
    )
    assert response.status_code == 403


def test_rich_text_keeps_only_the_allowed_markup(client, editor, answer, therapist):
    """An editor's paragraph goes through Wagtail's allow-list: no script, no handlers."""
    from wagtail.test.utils.form_data import rich_text, streamfield

    hostile = (
        '<p>Kind words <b>stay</b>.<script>alert(1)</script><i onmouseover="alert(2)">hi</i>'
        '<a href="javascript:alert(3)">a link</a></p>'
    )
    client.login(username=editor.username, password=PASSWORD)
    data = answer_form_data(
        therapist,
        slug=answer.slug,
        body=streamfield([("paragraph", rich_text(hostile))]),
        **{"action-publish": "publish"},
    )
    response = client.post(f"/admin/pages/{answer.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    html = client.get(answer.url).content.decode()
    # The script's text stays as harmless text; the tag, the handler and the address go.
    assert "Kind words <b>stay</b>.alert(1)<i>hi</i><a>a link</a>" in html
    assert "<script>alert" not in html
    assert "onmouseover" not in html
    assert "javascript:" not in html
