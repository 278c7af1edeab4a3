import re

from django.core import mail

from discussion.models import CommentStatus, ReplySubscription
from discussion.moderation import approve_comment
from discussion.tests.helpers import post_comment


def link(message, action):
    return re.search(rf"http://[^/]+(/comments/subscriptions/\d+/\w+/{action}/)", message.body)[1]


def test_it_asks_to_confirm_before_sending_reply_emails(
    client, answer, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, answer, notify_replies="on", author_email="asker@example.com")
    [confirm] = mail.outbox
    assert confirm.to == ["asker@example.com"]
    subscription = ReplySubscription.objects.get()
    assert subscription.confirmed_at is None
    parent = subscription.comment
    approve_comment(parent, moderator)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, answer, parent=str(parent.pk), author_email="other@example.com")
        reply = parent.replies.get()
        approve_comment(reply, moderator)
    assert mail.outbox == []  # not confirmed yet: nothing is sent

    confirm_url = link(confirm, "confirm")
    assert "Confirm reply emails" in client.get(confirm_url).content.decode()
    client.post(confirm_url)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_it_emails_confirmed_subscribers_and_unsubscribes_in_one_click(
    client, answer, moderator, make_comments, django_capture_on_commit_callbacks
):
    [parent] = make_comments(answer, 1)
    subscription = ReplySubscription.objects.create(
        comment=parent, email="watcher@example.com", email_hash="x", confirmed_at=parent.created_at
    )
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, answer, parent=str(parent.pk), body="Here is my reply.")
        approve_comment(parent.replies.get(), moderator)
    [notice] = mail.outbox
    assert notice.to == ["watcher@example.com"]
    assert "Here is my reply." not in notice.body
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    client.post(link(notice, "unsubscribe"))
    assert not ReplySubscription.objects.filter(pk=subscription.pk).exists()


def test_it_refuses_a_forged_subscription_link(client, answer, make_comments):
    [parent] = make_comments(answer, 1)
    subscription = ReplySubscription.objects.create(
        comment=parent, email="a@example.com", email_hash="y"
    )
    url = f"/comments/subscriptions/{subscription.pk}/{'0' * 40}/confirm/"
    assert client.post(url).status_code == 404
    assert parent.status == CommentStatus.PUBLISHED
