"""Embed the safety checks' example sentences and fit the comment models now, so no server
worker or first writer waits."""

import time

from django.core.management.base import BaseCommand

from safety import warm_up
from safety.embeddings import cache_folder


class Command(BaseCommand):
    help = (
        "Make the int8 sentence model, the example sentences' vectors and the comment models "
        "(about 35 s the first time, kept in var/example-vectors/; a second or two after)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        warm_up()
        self.stdout.write(
            f"Safety checks ready in {time.monotonic() - started:.1f} s "
            f"(model, example vectors and comment models in {cache_folder()})."
        )
