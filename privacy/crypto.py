"""Encryption at rest for readers' private words, and keyed hashes for matching without storing.

Keys come from settings (the environment). FIELD_ENCRYPTION_KEYS is a list of Fernet keys:
the first encrypts, all decrypt, so a new key can be put first and old rows re-encrypted
(`manage.py rotate_encryption`) before the old key is dropped.
"""

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS must hold Fernet keys (32 url-safe base64 bytes each)."
        ) from error


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(plaintext: str) -> str:
    return fernet().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise DecryptionError("no configured key decrypts this value") from error


def keyed_hash(value: str) -> str:
    """A stable, non-reversible fingerprint (HMAC-SHA256) for matching emails or IPs."""
    key = settings.PRIVACY_HASH_KEY.encode("utf-8")
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def email_hash(email: str) -> str:
    return keyed_hash(email.strip().lower())


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")
