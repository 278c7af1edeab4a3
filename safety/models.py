"""What editors configure (watched words) and what moderators teach (spam lessons)."""

import re

from django.core.exceptions import ValidationError
from django.db import models


class WatchedWord(models.Model):
    """A word or phrase that comments are checked for, whole-word and ignoring case."""

    class Action(models.TextChoices):
        HOLD = "hold", "Hold for a moderator"
        SPAM = "spam", "Reject as spam"
        FLAG = "flag", "Publish, but flag for review"

    phrase = models.CharField(
        max_length=100,
        unique=True,
        help_text=(
            "A word or phrase, matched as whole words and ignoring case: "
            "\u201cpills\u201d matches \u201cPills!\u201d but not \u201cspills\u201d."
        ),
    )
    action = models.CharField(max_length=4, choices=Action.choices, default=Action.HOLD)
    note = models.CharField(
        max_length=200, blank=True, help_text="Why it is watched, for the other moderators."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = "watched word"

    def __str__(self) -> str:
        return self.phrase

    def save(self, *args, **kwargs) -> None:
        self.phrase = " ".join((self.phrase or "").split()).lower()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.phrase = " ".join((self.phrase or "").split()).lower()
        if not re.search(r"\w", self.phrase):
            raise ValidationError({"phrase": "Enter at least one letter or digit."})


class SpamLesson(models.Model):
    """One moderator decision the spam model learned from, as salted, hashed features only.

    `features` is {"v": version, "k": salt fingerprint, "i": [feature indices], "x": [weights]}.
    The words are not kept; without the site's PRIVACY_HASH_KEY the indices do not say which
    words the comment had. Not linked to the comment, so it outlives the comment's erasure.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    is_spam = models.BooleanField()
    features = models.JSONField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{'spam' if self.is_spam else 'not spam'} lesson {self.pk}"
