import pytest
from django.db import connection
from django.test import override_settings

from letters.models import Letter
from letters.workflow import receive_letter
from privacy.crypto import DecryptionError, email_hash, new_key


def raw_row(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pen_name, body, email, email_hash FROM letters_letter WHERE id = %s", [pk]
        )
        return " ".join(str(value) for value in cursor.fetchone())


def test_it_keeps_no_plaintext_of_the_letter_pen_name_or_email_in_the_row(home):
    letter = receive_letter(
        pen_name="Quiet Lantern",
        body="My neighbour plays drums at midnight and I cannot sleep.",
        email="lantern.writer@example.com",
    ).letter
    row = raw_row(letter.pk)
    for secret in ["Quiet Lantern", "drums at midnight", "lantern.writer", "example.com"]:
        assert secret not in row
    assert Letter.objects.get(pk=letter.pk).body.startswith("My neighbour plays drums")


def test_it_matches_emails_by_keyed_hash(home):
    letter = receive_letter(pen_name="A", body="Text", email="Someone@Example.com").letter
    assert Letter.objects.filter(email_hash=email_hash("someone@example.com")).get() == letter
    with override_settings(PRIVACY_HASH_KEY="another-key"):
        assert email_hash("someone@example.com") != letter.email_hash


def test_it_reads_old_rows_after_a_key_rotation(home, settings):
    letter = receive_letter(pen_name="Rotated", body="Before the rotation.").letter
    old_keys = list(settings.FIELD_ENCRYPTION_KEYS)
    settings.FIELD_ENCRYPTION_KEYS = [new_key(), *old_keys]
    assert Letter.objects.get(pk=letter.pk).body == "Before the rotation."
    from django.core.management import call_command

    call_command("rotate_encryption")
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS[:1]
    assert Letter.objects.get(pk=letter.pk).body == "Before the rotation."


def test_it_refuses_to_read_with_the_wrong_key(home, settings):
    letter = receive_letter(pen_name="Locked", body="Secret words.").letter
    settings.FIELD_ENCRYPTION_KEYS = [new_key()]
    with pytest.raises(DecryptionError):
        Letter.objects.get(pk=letter.pk)
