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
