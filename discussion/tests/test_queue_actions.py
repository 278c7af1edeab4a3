import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from conftest import PASSWORD
from discussion.models import Ban, Comment, CommentStatus
from discussion.tests.helpers import post_comment


def queue_order(client, tab="waiting") -> list[int]:
    html = client.get(reverse("discussion_queue"), {"tab": tab}).content.decode()
    return [int(pk) for pk in re.findall(r'id="queue-comment-(\d+)"', html)]


def test_it_orders_the_queue_crisis_then_reports_then_flags_then_age(
    client, moderator, answer, make_comments
):
    first_timer, old, reported, urgent, new = make_comments(answer, 5, CommentStatus.HELD)
    Comment.objects.filter(pk=urgent.pk).update(urgent=True)
    Comment.objects.filter(pk=reported.pk).update(report_count=2)
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=90))
    # The oldest of all, but held only by the policy for new commenters: nothing was found.
    Comment.objects.filter(pk=first_timer.pk).update(
        status=CommentStatus.PENDING, created_at=timezone.now() - timedelta(days=120)
    )
    client.login(username=moderator.username, password=PASSWORD)
    assert queue_order(client) == [urgent.pk, reported.pk, old.pk, new.pk, first_timer.pk]


def test_it_shows_reasons_article_and_history(client, moderator, answer):
    post_comment(client, answer, body="First words.")
    client.login(username=moderator.username, password=PASSWORD)
    html = client.get(reverse("discussion_queue")).content.decode()
    assert "New commenter" in html
    assert answer.title in html
    assert "1 comment: 0 published, 0 rejected, 0 spam" in html


def test_it_applies_bulk_actions_and_audits_each(client, moderator, answer, make_comments):
    comments = make_comments(answer, 3, CommentStatus.PENDING)
    client.login(username=moderator.username, password=PASSWORD)
    client.post(
        reverse("discussion_bulk"),
        {"action": "approve", "ids": [c.pk for c in comments[:2]], "tab": "waiting"},
    )
    statuses = list(Comment.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["published", "published", "pending"]
    assert ModelLogEntry.objects.filter(action="dearly.comment.approve").count() == 2


def test_it_bans_a_commenter_whose_next_comments_go_to_spam(client, moderator, answer):
    post_comment(client, answer, author_email="troll@example.com", REMOTE_ADDR="203.0.113.5")
    comment = Comment.objects.get()
    client.login(username=moderator.username, password=PASSWORD)
    client.post(
        reverse("discussion_moderate", args=[comment.pk]),
        {"action": "ban", "ban_days": "30", "tab": "waiting"},
    )
    ban = Ban.objects.get()
    assert ban.email_hash == comment.email_hash
    assert ban.expires_at > timezone.now() + timedelta(days=29)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM
    client.logout()
    post_comment(client, answer, author_email="troll@example.com", body="I am back.")
    assert Comment.objects.get(body="I am back.").status == CommentStatus.SPAM
    assert ModelLogEntry.objects.filter(action="dearly.comment.ban").exists()


def test_it_lists_reported_and_spam_comments_in_their_tabs(
    client, moderator, answer, make_comments
):
    reported, spam = make_comments(answer, 2)
    Comment.objects.filter(pk=reported.pk).update(report_count=1)
    Comment.objects.filter(pk=spam.pk).update(status=CommentStatus.SPAM)
    client.login(username=moderator.username, password=PASSWORD)
    assert queue_order(client, "flagged") == [reported.pk]
    assert queue_order(client, "spam") == [spam.pk]


def test_it_records_the_terms_version_accepted(client, answer):
    post_comment(client, answer)
    assert Comment.objects.get().terms_version == "2026-11"
