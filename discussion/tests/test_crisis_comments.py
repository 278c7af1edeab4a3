from django.core import mail

from discussion.models import Comment, CommentStatus
from discussion.tests.helpers import post_comment
from privacy.crypto import email_hash

CRISIS = "Reading this at 3am. I have my pills counted out and I want to end my life tonight."


def test_it_holds_a_crisis_comment_and_shows_the_commenter_help_at_once(client, answer, moderator):
    response = post_comment(client, answer, body=CRISIS)
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.HELD
    assert comment.urgent
    assert "crisis" in comment.flags
    page = client.get(response["Location"]).content.decode()
    status = page[page.index('id="comment-status"') :]
    assert status.index("You don't have to go through this alone") < status.index("awaiting")
    assert "988" in status
    assert CRISIS not in page.replace("&#x27;", "'").split('id="comment-status"')[0]


def test_it_alerts_moderators_without_the_words(
    client, answer, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, answer, body=CRISIS)
    [alert] = [m for m in mail.outbox if m.subject.startswith("Urgent")]
    assert moderator.email in alert.to
    assert "pills" not in alert.subject + alert.body


def test_it_treats_telling_someone_else_to_die_as_abuse_not_crisis(client, answer):
    post_comment(client, answer, body="Honestly? Go kill yourself, nobody would miss you.")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.HELD
    assert "toxic" in comment.flags
    assert not comment.urgent


def test_it_publishes_supportive_talk_about_suicide_from_a_trusted_commenter(
    client, answer, make_comments
):
    earlier = make_comments(answer, 2)  # two approved comments: no longer a first-timer
    Comment.objects.filter(pk__in=[c.pk for c in earlier]).update(
        email_hash=email_hash("jun@example.com")
    )
    body = "If you ever feel suicidal, please call 988. Talking to them saved my sister."
    post_comment(client, answer, body=body)
    comment = Comment.objects.get(body=body)
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.flags == []
