"""Emails about letters: recorded in the same transaction as the change, sent after commit.

A Notification row is the promise to send. Sending is retried a few times at once; what still
fails stays unsent for `manage.py send_notifications` (cron) to retry. Failures never touch the
letter itself, and logs carry only ids, never addresses or words.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from column.setup import EDITORS
from dearly.mail import send_with_retries
from letters.models import Letter, Notification, NotificationKind


def queue_notification(letter: Letter, kind: str, status_token: str = "") -> Notification:
    notification = Notification.objects.create(letter=letter, kind=kind, secret=status_token)
    transaction.on_commit(lambda: send_notification.enqueue(notification.pk))
    return notification


def editor_addresses() -> list[str]:
    users = get_user_model().objects.filter(groups__name=EDITORS, is_active=True)
    return sorted({email for email in users.values_list("email", flat=True) if email})


def build_message(notification: Notification) -> EmailMessage | None:
    letter = notification.letter
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if notification.kind == NotificationKind.CRISIS_ALERT:
        recipients = editor_addresses()
        # Subject and a link only: the letter's words never travel by email.
        subject = f"Urgent: letter #{letter.pk} may need a crisis response"
        body = render_to_string(
            "letters/email/crisis_alert.txt", {"letter": letter, "base_url": base_url}
        )
    else:
        recipients = [letter.email] if letter.email else []
        template = {
            NotificationKind.STATUS_LINK: "letters/email/status_link.txt",
            NotificationKind.PUBLISHED: "letters/email/published.txt",
        }[notification.kind]
        subject = {
            NotificationKind.STATUS_LINK: "Your letter to Dearly has arrived",
            NotificationKind.PUBLISHED: "Your letter has been answered",
        }[notification.kind]
        body = render_to_string(
            template,
            {"letter": letter, "base_url": base_url, "status_token": notification.secret},
        )
    if not recipients:
        return None
    return EmailMessage(subject=subject, body=body, to=recipients)


def deliver(notification: Notification) -> bool:
    """Try to send; record the outcome. True once it has gone (or has no one to go to)."""
    message = build_message(notification)
    error = ""
    if message is not None:
        error = send_with_retries(
            message, f"{notification.kind} for letter {notification.letter_id}"
        )
    notification.attempts += 1
    if error:
        notification.last_error = error
        notification.save(update_fields=["attempts", "last_error"])
        return False
    notification.sent_at = timezone.now()
    notification.secret = ""
    notification.save(update_fields=["attempts", "last_error", "sent_at", "secret"])
    return True


@task()
def send_notification(notification_id: int) -> bool:
    notification = (
        Notification.objects.select_related("letter")
        .filter(pk=notification_id, sent_at__isnull=True)
        .first()
    )
    if notification is None:
        return True
    return deliver(notification)


def send_unsent() -> tuple[int, int]:
    """Retry every unsent notification; returns (sent, still failing)."""
    sent = failed = 0
    for notification in Notification.objects.select_related("letter").filter(sent_at=None):
        if deliver(notification):
            sent += 1
        else:
            failed += 1
    return sent, failed
