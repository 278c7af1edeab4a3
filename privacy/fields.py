from django.db import models

from privacy.crypto import decrypt, encrypt


class EncryptedTextField(models.TextField):
    """Text stored as Fernet ciphertext; Python code sees plaintext. Not searchable in SQL."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)
