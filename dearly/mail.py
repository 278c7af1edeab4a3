"""Sending email with a few quick retries; callers decide what a final failure means."""

import logging
import time

from django.core.mail import EmailMessage

logger = logging.getLogger(__name__)

ATTEMPTS = 3
BACKOFF_SECONDS = 0.5


def send_with_retries(message: EmailMessage, label: str) -> str:
    """Send; on failure retry with growing pauses. Returns "" once sent, else the last error.

    `label` names what is being sent in logs (ids only: never an address or words).
    """
    error_name = ""
    for attempt in range(ATTEMPTS):
        try:
            message.send()
        except Exception as error:  # any transport failure is retried, then reported
            error_name = type(error).__name__[:200]
            logger.warning("email %s failed (attempt %s): %s", label, attempt + 1, error_name)
            time.sleep(BACKOFF_SECONDS * attempt)
            continue
        return ""
    return error_name
