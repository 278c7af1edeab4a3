import re

from django.test import Client

from discussion.models import Comment, CommentStatus

VALID = {
    "author_name": "Jun",
    "author_email": "jun@example.com",
    "body": "This helped me talk to my own brother.\n\nThank you.",
    "accept_terms": "on",
}


def test_it_shows_the_form_with_required_fields_and_unticked_terms(client, answer):
    html = client.get(answer.url).content.decode()
    assert "Leave a Comment" in html
    assert "* Indicates required field" in html
    for name in ["author_name", "author_email", "body", "accept_terms"]:
        assert f'name="{name}"' in html
    assert 'href="/terms/"' in html
    checkbox = html[html.index('name="accept_terms"') - 80 : html.index('name="accept_terms"') + 80]
    assert "checked" not in checkbox


def test_it_saves_a_valid_comment_as_pending_and_says_so(client, answer):
    response = client.post(answer.url, VALID)
    assert response.status_code == 302
    assert re.fullmatch(rf"{answer.url}\?posted=[\w-]+#comment-status", response["Location"])
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.body == VALID["body"]
    assert comment.page_id == answer.pk
    assert comment.terms_accepted_at is not None
    assert comment.reasons
    page = client.get(response["Location"]).content.decode()
    assert "awaiting moderation" in page
    assert "This helped me talk" not in page


def test_it_reshows_the_form_with_errors_and_keeps_every_word(client, answer):
    response = client.post(answer.url, {**VALID, "author_email": "", "accept_terms": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please give your email address" in html
    assert "Please accept the terms" in html
    assert 'value="Jun"' in html
    assert "This helped me talk to my own brother." in html
    assert not Comment.objects.exists()


def test_it_rejects_an_email_that_is_not_an_address(client, answer):
    response = client.post(answer.url, {**VALID, "author_email": "jun-at-example"})
    assert "does not look complete" in response.content.decode()
    assert not Comment.objects.exists()


def test_it_rejects_a_comment_of_only_spaces(client, answer):
    response = client.post(answer.url, {**VALID, "body": "   \n  "})
    assert "Please write your comment." in response.content.decode()
    assert not Comment.objects.exists()


def test_it_requires_the_csrf_token(answer):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(answer.url, VALID).status_code == 403
    assert not Comment.objects.exists()
