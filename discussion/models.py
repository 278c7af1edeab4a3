from django.conf import settings
from django.db import models
from django.utils import timezone


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    HELD = "held", "Held for review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    SPAM = "spam", "Spam"


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
    author_name = models.CharField("name", max_length=80)
    author_email = models.EmailField("email", max_length=254)
    body = models.TextField("comment", max_length=5000)
    status = models.CharField(
        max_length=12, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    reasons = models.JSONField(
        default=list, blank=True, help_text="Why the comment has its status, for moderators."
    )
    terms_accepted_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
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
        indexes = [models.Index(fields=["page", "status", "created_at"])]

    def __str__(self) -> str:
        # Audit entries copy this label: it must carry no personal data.
        return f"Comment #{self.pk}"
