from django.conf import settings
from django.db import models
from django.utils import timezone


class ConsentRecord(models.Model):
    """One cookie choice, kept as proof of consent: no IP, no name, an anonymous id only."""

    class Action(models.TextChoices):
        ACCEPT_ALL = "accept_all", "Accepted all"
        REJECT_ALL = "reject_all", "Rejected all"
        CHOOSE = "choose", "Chose by category"

    anonymous_id = models.CharField(max_length=32, db_index=True)
    categories = models.JSONField(default=list)
    policy_version = models.CharField(max_length=20)
    action = models.CharField(max_length=12, choices=Action.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Consent record #{self.pk}"


class DataRequest(models.Model):
    """A person's request to see or erase what we hold; it stores no address, only its hash.

    A request made through the site carries a one-time link (kept only as a digest). One an
    editor handles for a letter received by post has no link; it exists so the audit log has
    something to name.
    """

    class Channel(models.TextChoices):
        LINK = "link", "Emailed link"
        EDITOR = "editor", "Handled by an editor"

    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.LINK)
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("handle_data_request", "Can export or erase a person's data on their request")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["token_digest"],
                condition=~models.Q(token_digest=""),
                name="one_request_per_link",
            )
        ]

    def __str__(self) -> str:
        # Audit entries copy this label: it must carry no personal data.
        return f"Data request #{self.pk}"

    def is_usable(self, now=None) -> bool:
        return self.used_at is None and (now or timezone.now()) < self.expires_at
