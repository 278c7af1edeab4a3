from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from letters.models import Letter, Notification, NotificationKind
from letters.workflow import receive_letter

CLOSED_SMTP = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": 1,
    "EMAIL_TIMEOUT": 2,
}


def test_it_keeps_the_letter_when_email_fails_and_retries_later(
    home, django_capture_on_commit_callbacks, caplog
):
    with override_settings(**CLOSED_SMTP), django_capture_on_commit_callbacks(execute=True):
        received = receive_letter(pen_name="Patient", body="A letter.", email="p@example.com")
    assert Letter.objects.filter(pk=received.letter.pk).exists()
    notification = Notification.objects.get()
    assert notification.sent_at is None
    assert notification.attempts == 1
    assert notification.last_error
    assert "p@example.com" not in caplog.text
    assert "A letter." not in caplog.text

    mail.outbox.clear()
    call_command("send_notifications")
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.secret == ""
    [message] = mail.outbox
    assert f"/ask/status/{received.status_token}/" in message.body


def test_it_sends_nothing_before_the_letter_is_committed(home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        receive_letter(pen_name="Later", body="A letter.", email="l@example.com")
    assert mail.outbox == []
    assert len(callbacks) == 1
    assert Notification.objects.get().kind == NotificationKind.STATUS_LINK


def test_it_does_not_email_a_writer_who_gave_no_address(home):
    receive_letter(pen_name="Anonymous", body="A letter.")
    assert mail.outbox == []
    assert not Notification.objects.exists()
