"""Emails about comments, all sent after the database commits, with quick retries."""

import hmac

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from dearly.mail import send_with_retries
from discussion.models import Comment, ReplySubscription
from privacy.crypto import email_hash, keyed_hash


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _send_later(
    label: str, subject: str, template: str, to: list[str], context: dict, headers=None
) -> None:
    if not to:
        return
    body = render_to_string(template, {"base_url": base_url(), **context})
    message = EmailMessage(subject=subject, body=body, to=to, headers=headers)
    # A failed notice about a comment is logged and dropped: the comment itself is saved.
    transaction.on_commit(lambda: send_with_retries(message, label))


def moderator_addresses() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    emails = {
        user.email
        for user in users.prefetch_related("groups")
        if user.has_perm("discussion.change_comment")
    }
    return sorted(emails)


def alert_moderators_on_commit(comment: Comment) -> None:
    """A commenter may be in danger: tell every moderator at once, without the words."""
    _send_later(
        f"crisis alert for comment {comment.pk}",
        f"Urgent: comment #{comment.pk} may need a crisis response",
        "discussion/email/crisis_alert.txt",
        moderator_addresses(),
        {"comment": comment},
    )


def subscription_token(subscription: ReplySubscription) -> str:
    """A link secret derived from the id with a server key, so nothing secret is stored."""
    return keyed_hash(f"reply-subscription:{subscription.pk}")[:40]


def subscription_for_link(pk: int, token: str) -> ReplySubscription | None:
    subscription = ReplySubscription.objects.filter(pk=pk).first()
    if subscription is None or not hmac.compare_digest(subscription_token(subscription), token):
        return None
    return subscription


def subscription_link(subscription: ReplySubscription, action: str) -> str:
    token = subscription_token(subscription)
    return f"{base_url()}/comments/subscriptions/{subscription.pk}/{token}/{action}/"


def ask_to_confirm_subscription(comment: Comment, email: str) -> ReplySubscription:
    subscription = ReplySubscription.objects.create(
        comment=comment, email=email, email_hash=email_hash(email)
    )
    _send_later(
        f"subscription confirmation {subscription.pk}",
        "Confirm: email me when someone replies",
        "discussion/email/confirm_subscription.txt",
        [email],
        {"confirm_url": subscription_link(subscription, "confirm")},
    )
    return subscription


def tell_subscribers_on_commit(reply: Comment) -> None:
    """One email per confirmed subscriber of the parent comment, each with its own unsubscribe."""
    subscriptions = ReplySubscription.objects.filter(
        comment_id=reply.parent_id, confirmed_at__isnull=False
    ).exclude(email_hash=reply.email_hash)
    for subscription in subscriptions:
        unsubscribe_url = subscription_link(subscription, "unsubscribe")
        _send_later(
            f"reply notice {subscription.pk}",
            "Someone replied to your comment",
            "discussion/email/reply_notice.txt",
            [subscription.email],
            {"reply": reply, "page_url": reply.page.url, "unsubscribe_url": unsubscribe_url},
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def confirm_subscription(subscription: ReplySubscription) -> None:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])


def unsubscribe(subscription: ReplySubscription) -> None:
    subscription.delete()
