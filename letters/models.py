import hashlib

from django.db import models
from django.utils import timezone

from privacy.fields import EncryptedTextField


class LetterStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    ASSIGNED = "assigned", "Assigned to a therapist"
    ANSWERING = "answering", "Being answered"
    PUBLISHED = "published", "Published"
    DECLINED = "declined", "Declined"


class LetterQuerySet(models.QuerySet):
    def for_inbox(self):
        """Urgent letters first, then oldest first: the order editors should read them in."""
        return self.select_related("topic", "assigned_to").order_by("-urgent", "received_at")

    def assigned_to_user(self, user):
        return self.filter(assigned_to__user=user)


def token_digest(token: str) -> str:
    """Status links are stored only as digests, so a database leak reveals no working link."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class Letter(models.Model):
    """A reader's private letter. Its words and contact are encrypted and never revisioned."""

    pen_name = EncryptedTextField()
    body = EncryptedTextField()
    email = EncryptedTextField(blank=True)
    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    topic = models.ForeignKey(
        "column.TopicPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consented_at = models.DateTimeField(help_text="When the writer agreed to publication.")
    status = models.CharField(
        max_length=12, choices=LetterStatus.choices, default=LetterStatus.RECEIVED, db_index=True
    )
    urgent = models.BooleanField(default=False, db_index=True)
    safety_flags = models.JSONField(default=list, blank=True)
    safety_reasons = EncryptedTextField(blank=True, help_text="Why the letter was flagged.")
    status_token_digest = models.CharField(max_length=64, unique=True)
    # The form's one-time id with its words, fingerprinted: the same form sent twice finds this
    # letter instead of making another (see dearly/submissions.py).
    submission_key = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True)
    assigned_to = models.ForeignKey(
        "therapists.Therapist",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    answer_page = models.ForeignKey(
        "column.AnswerPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_reason = models.TextField(blank=True)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When it was published or declined; purging counts from here.",
    )
    purged_at = models.DateTimeField(null=True, blank=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-urgent", "received_at"]
        permissions = [("triage_letter", "Can triage, assign and decline letters")]

    def __str__(self) -> str:
        # Audit entries copy this label: it must carry no private words.
        return f"Letter #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in {LetterStatus.RECEIVED, LetterStatus.ASSIGNED, LetterStatus.ANSWERING}


class NotificationKind(models.TextChoices):
    STATUS_LINK = "status_link", "Status link to the writer"
    PUBLISHED = "published", "Answer published, to the writer"
    CRISIS_ALERT = "crisis_alert", "Urgent letter, to every editor"


class Notification(models.Model):
    """An email owed because of a letter: saved with the change, sent after commit, retried."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    secret = EncryptedTextField(blank=True, help_text="A link token to send; erased once sent.")
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for letter #{self.letter_id}"
