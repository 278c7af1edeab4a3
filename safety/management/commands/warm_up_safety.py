"""Embed the safety checks' example sentences now, so no server worker or first writer waits."""

import time

from django.core.management.base import BaseCommand

from safety import warm_up
from safety.embeddings import cache_folder


class Command(BaseCommand):
    help = (
        "Make the int8 sentence model and the example sentences' vectors (about 30 s the "
        "first time, kept in var/example-vectors/; a second or two after that)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        warm_up()
        self.stdout.write(
            f"Safety checks ready in {time.monotonic() - started:.1f} s "
            f"(model and example vectors in {cache_folder()})."
        )
