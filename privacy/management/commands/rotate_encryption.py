from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from privacy.fields import EncryptedTextField


def encrypted_fields(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value under the first key of FIELD_ENCRYPTION_KEYS, "
        "so older keys can then be removed."
    )

    def handle(self, *args, **options):
        total = 0
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if not fields:
                continue
            with transaction.atomic():
                # Reading decrypts with any configured key; writing encrypts with the first.
                for pk, *values in model.objects.values_list("pk", *fields).iterator():
                    model.objects.filter(pk=pk).update(**dict(zip(fields, values, strict=True)))
                    total += 1
        self.stdout.write(f"Re-encrypted {total} row(s) under the current key.")
