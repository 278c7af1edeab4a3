from datetime import timedelta

from django.utils import timezone

from discussion.models import Comment, CommentStatus
from discussion.tests.helpers import edit_token, post_comment


def test_it_shows_the_secret_edit_link_after_posting(client, answer):
    response = post_comment(client, answer)
    token = edit_token(response)
    page = client.get(response["Location"]).content.decode()
    assert f'href="/comments/edit/{token}/"' in page
    assert "15 minutes" in page


def test_it_lets_the_author_change_the_comment_within_15_minutes(client, answer):
    token = edit_token(post_comment(client, answer))
    response = client.post(f"/comments/edit/{token}/", {"action": "save", "body": "Better words."})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.body == "Better words."
    assert comment.edited_at is not None


def test_it_refuses_changes_after_15_minutes(client, answer):
    token = edit_token(post_comment(client, answer))
    Comment.objects.update(created_at=timezone.now() - timedelta(minutes=16))
    response = client.post(f"/comments/edit/{token}/", {"action": "save", "body": "Too late."})
    assert response.status_code == 403
    assert "have passed" in response.content.decode()
    assert Comment.objects.get().body.startswith("This helped me")
    assert "have passed" in client.get(f"/comments/edit/{token}/").content.decode()


def test_it_lets_the_author_delete_the_comment_for_good(client, answer):
    token = edit_token(post_comment(client, answer))
    response = client.post(f"/comments/edit/{token}/", {"action": "delete"})
    assert "is deleted" in response.content.decode()
    assert not Comment.objects.exists()
    assert client.get(f"/comments/edit/{token}/").status_code == 404


def test_it_holds_a_published_comment_again_when_an_edit_is_flagged(client, answer, settings):
    token = edit_token(post_comment(client, answer))
    Comment.objects.update(status=CommentStatus.PUBLISHED)
    body = "Honestly? Go kill yourself, nobody would miss you."
    client.post(f"/comments/edit/{token}/", {"action": "save", "body": body})
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.HELD
    assert "toxic" in comment.flags


def test_it_answers_404_for_a_wrong_link(client, answer):
    assert client.get("/comments/edit/not-a-token/").status_code == 404
