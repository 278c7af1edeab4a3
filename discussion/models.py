import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from privacy.fields import EncryptedTextField

MAX_DEPTH = 3


def digest(token: str) -> str:
    """Secret links are stored only as digests: a database leak reveals no working link."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    HELD = "held", "Held for review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    SPAM = "spam", "Spam"
    DELETED = "deleted", "Deleted by its author"


class Badge(models.TextChoices):
    NONE = "", "None"
    THERAPIST = "therapist", "Licensed therapist"
    MODERATOR = "moderator", "Moderator"


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CommentStatus.PUBLISHED)

    def awaiting_moderation(self):
        return self.filter(status__in=[CommentStatus.PENDING, CommentStatus.HELD])


class Comment(models.Model):
    """A reader's comment on an answer. The email is for moderators only, never shown."""

    page = models.ForeignKey("column.AnswerPage", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(default=1)
    author_name = models.CharField("name", max_length=80)
    author_email = EncryptedTextField("email")
    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    badge = models.CharField(max_length=12, choices=Badge.choices, blank=True, default="")
    body = models.TextField("comment", max_length=5000)
    status = models.CharField(
        max_length=12, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    flags = models.JSONField(default=list, blank=True, help_text="crisis, toxic, spam, reported")
    urgent = models.BooleanField(default=False, db_index=True)
    review = models.BooleanField(
        default=False, help_text="Published, but a watched word asks a moderator to look."
    )
    reasons = models.JSONField(
        default=list, blank=True, help_text="Why the comment has its status, for moderators."
    )
    report_count = models.PositiveSmallIntegerField(default=0)
    terms_accepted_at = models.DateTimeField()
    terms_version = models.CharField(max_length=20, blank=True)
    edit_token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    # The form's one-time id with its words, fingerprinted: the same form sent twice finds this
    # comment instead of making another (see dearly/submissions.py).
    submission_key = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["page", "status", "created_at"]),
            models.Index(fields=["status", "urgent", "created_at"]),
        ]

    def __str__(self) -> str:
        # Audit entries copy this label: it must carry no personal data.
        return f"Comment #{self.pk}"


class Report(models.Model):
    """A reader's report that a comment breaks the rules."""

    class Reason(models.TextChoices):
        UNKIND = "unkind", "Unkind or abusive"
        PRIVATE = "private", "Shares someone's private information"
        DIAGNOSIS = "diagnosis", "Diagnoses or labels a stranger"
        SPAM = "spam", "Spam or advertising"
        DANGER = "danger", "Someone may be in danger"
        OTHER = "other", "Something else"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=12, choices=Reason.choices)
    detail = models.CharField(max_length=300, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # IP hashes are blanked after IP_HASH_DAYS; blanked reports must not collide.
            models.UniqueConstraint(
                fields=["comment", "ip_hash"],
                condition=~models.Q(ip_hash=""),
                name="one_report_per_reader",
            )
        ]

    def __str__(self) -> str:
        return f"Report on comment #{self.comment_id}"


class Ban(models.Model):
    """Keeps a commenter out, matched by keyed hashes of their email and IP address."""

    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True)
    reason = models.CharField(max_length=300, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Ban #{self.pk}"


class ReplySubscription(models.Model):
    """A commenter who asked to be emailed about replies; active only once confirmed."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="subscriptions")
    email = EncryptedTextField()
    email_hash = models.CharField(max_length=64, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Reply subscription #{self.pk}"


class ModerationMode(models.TextChoices):
    HOLD_ALL = "hold_all", "Hold every comment for a moderator"
    HOLD_NEW = "hold_new", "Hold commenters until they have enough approved comments"
    PUBLISH_UNLESS_FLAGGED = "publish", "Publish unless a check flags it"


@register_setting(icon="comment")
class DiscussionSettings(BaseGenericSetting):
    mode = models.CharField(
        max_length=12, choices=ModerationMode.choices, default=ModerationMode.HOLD_NEW
    )
    approved_needed = models.PositiveSmallIntegerField(
        default=2, help_text="Approved comments a commenter needs before theirs go straight up."
    )
    reports_to_hide = models.PositiveSmallIntegerField(
        default=3, help_text="Reader reports that hide a published comment until reviewed."
    )
    close_after_days = models.PositiveSmallIntegerField(
        default=30, help_text="Comments close this many days after an answer is published."
    )
    terms_version = models.CharField(max_length=20, default="2026-11")

    class Meta:
        verbose_name = "Discussion settings"
