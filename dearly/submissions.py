"""One-time ids in forms, so a form sent twice (a refresh, a double click) is saved once.

Every letter and comment form carries a random hidden `submission_id`. What is stored is a
keyed fingerprint of that id together with the words posted: the same form sent again finds the
row it made instead of making a second one, while two people who somehow shared a form id (a
cached page) still post separately. The secret link shown after saving (a letter's status page,
a comment's edit link) is derived from the same inputs with a different key, so a resent form
can be sent to the very same page although only digests of those links are stored.
"""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings

from privacy.crypto import keyed_hash


def new_submission_id() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Submission:
    """A form's fingerprint (stored, unique) and the secret link token that goes with it."""

    key: str | None
    secret: str


def submission(kind: str, submission_id: str, *words: object) -> Submission:
    """The fingerprint of one sending of a form; without an id, a fresh secret and no key."""
    if not submission_id:
        return Submission(None, secrets.token_urlsafe(32))
    message = "\x1f".join([kind, submission_id, *(str(word) for word in words)])
    derived = hmac.new(
        settings.SECRET_KEY.encode("utf-8"),
        f"dearly.submissions.secret:{message}".encode(),
        hashlib.sha256,
    ).digest()
    secret = base64.urlsafe_b64encode(derived).rstrip(b"=").decode("ascii")
    return Submission(keyed_hash(f"dearly.submissions.key:{message}"), secret)
