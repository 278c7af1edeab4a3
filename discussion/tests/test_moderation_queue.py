import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from conftest import PASSWORD
from discussion.models import Comment, CommentStatus


@pytest.fixture
def pending(answer, make_comments):
    return make_comments(answer, 1, CommentStatus.PENDING)[0]


def moderate(client, comment, action):
    return client.post(reverse("discussion_moderate", args=[comment.pk]), {"action": action})


@pytest.mark.parametrize("persona", ["editor", "moderator"])
def test_it_lets_editors_and_moderators_approve(client, request, pending, persona):
    user = request.getfixturevalue(persona)
    client.login(username=user.username, password=PASSWORD)
    queue = client.get(reverse("discussion_queue")).content.decode()
    assert "Comment number 0." in queue
    assert moderate(client, pending, "approve").status_code == 302
    pending.refresh_from_db()
    assert pending.status == CommentStatus.PUBLISHED
    assert pending.moderated_by == user
    assert "Comment number 0." in client.get(pending.page.url).content.decode()


def test_it_rejects_and_keeps_the_comment_out_of_sight(client, moderator, pending):
    client.login(username=moderator.username, password=PASSWORD)
    moderate(client, pending, "reject")
    pending.refresh_from_db()
    assert pending.status == CommentStatus.REJECTED
    assert "Comment number 0." not in client.get(pending.page.url).content.decode()
    assert "Comment number 0." not in client.get(reverse("discussion_queue")).content.decode()


def test_it_records_each_decision_in_the_audit_log(client, moderator, pending):
    client.login(username=moderator.username, password=PASSWORD)
    moderate(client, pending, "approve")
    entry = ModelLogEntry.objects.get(action="dearly.comment.approve")
    assert entry.user_id == moderator.pk
    assert entry.object_id == str(pending.pk)
    assert "example.com" not in entry.label


@pytest.mark.parametrize("persona", ["therapist_user", "outsider"])
def test_it_refuses_people_who_do_not_moderate(client, request, pending, persona):
    user = request.getfixturevalue(persona)
    client.login(username=user.username, password=PASSWORD)
    assert client.get(reverse("discussion_queue")).status_code in (302, 403)
    moderate(client, pending, "approve")
    pending.refresh_from_db()
    assert pending.status == CommentStatus.PENDING


def test_it_sends_readers_to_the_login_page(client, pending):
    response = client.get(reverse("discussion_queue"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    moderate(client, pending, "approve")
    pending.refresh_from_db()
    assert pending.status == CommentStatus.PENDING


def test_it_ignores_an_unknown_action(client, moderator, pending):
    client.login(username=moderator.username, password=PASSWORD)
    moderate(client, pending, "publish-everything")
    assert Comment.objects.get().status == CommentStatus.PENDING


def test_it_shows_an_approved_comment_to_readers_who_saw_the_page_before(
    client, moderator, pending, make_comments
):
    page = pending.page
    make_comments(page, 2)
    before = client.get(page.url).content.decode()
    assert "2 Comments" in before
    assert "Comment number 0.</p>" in before  # one of the two published ones
    client.login(username=moderator.username, password=PASSWORD)
    moderate(client, pending, "approve")
    client.logout()
    after = client.get(page.url).content.decode()
    assert "3 Comments" in after
    assert after.count('class="comment"') == 3


def test_it_hides_a_published_comment_once_rejected(client, moderator, answer, make_comments):
    published = make_comments(answer, 1)[0]
    assert 'class="comment"' in client.get(answer.url).content.decode()
    client.login(username=moderator.username, password=PASSWORD)
    moderate(client, published, "reject")
    client.logout()
    assert 'class="comment"' not in client.get(answer.url).content.decode()
