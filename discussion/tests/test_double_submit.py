"""A comment form sent twice (a refresh, a double click, two requests at once) posts once."""

import re

import pytest
from django.db import connection
from django.test import Client

from conftest import at_the_same_moment
from discussion.models import Comment
from discussion.tests.helpers import edit_token, post_comment


def form_id(client, page) -> str:
    html = client.get(page.url).content.decode()
    return re.search(r'name="submission_id" value="([\w-]+)"', html).group(1)


def test_every_comment_form_carries_its_own_one_time_id(client, answer):
    assert form_id(client, answer) != form_id(client, answer)


def test_the_same_comment_form_sent_twice_posts_one_comment(client, answer):
    submission_id = form_id(client, answer)
    first = post_comment(client, answer, submission_id=submission_id)
    second = post_comment(client, answer, submission_id=submission_id)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    comment = Comment.objects.get()
    assert len(comment.submission_key) == 64
    page = client.get(second["Location"]).content.decode()
    assert "awaiting moderation" in page
    assert f"/comments/edit/{edit_token(second)}/" in page


def test_a_resent_reply_goes_to_the_same_reply(client, answer, make_comments):
    [parent] = make_comments(answer, 1)
    submission_id = form_id(client, answer)
    first = post_comment(client, answer, submission_id=submission_id, parent=parent.pk)
    second = post_comment(client, answer, submission_id=submission_id, parent=parent.pk)
    assert first["Location"] == second["Location"]
    assert Comment.objects.filter(parent=parent).count() == 1


def test_different_words_under_the_same_form_id_are_a_different_comment(client, answer):
    submission_id = form_id(client, answer)
    first = post_comment(client, answer, submission_id=submission_id)
    second = post_comment(client, answer, submission_id=submission_id, body="Another thought.")
    assert first["Location"] != second["Location"]
    assert Comment.objects.count() == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite takes its write lock when a transaction begins, so sendings cannot overlap",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sendings_at_the_same_moment_post_one_comment(answer):
    submission_id = form_id(Client(), answer)

    def send() -> str:
        response = post_comment(Client(), answer, submission_id=submission_id)
        assert response.status_code == 302
        return response["Location"]

    locations = at_the_same_moment(send)
    assert len(locations) == 2
    assert locations[0] == locations[1]
    assert Comment.objects.count() == 1
