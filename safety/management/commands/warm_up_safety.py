"""Embed the safety checks' example sentences now, so no server worker or first writer waits."""

import time

from django.core.management.base import BaseCommand

from safety import warm_up
from safety.nearness import vector_folder


class Command(BaseCommand):
    help = (
        "Load the text models and make the example sentences' vectors (about 40 s the first "
        "time, kept in var/example-vectors/; a second or two after that)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        warm_up()
        self.stdout.write(
            f"Safety checks ready in {time.monotonic() - started:.1f} s "
            f"(example vectors in {vector_folder()})."
        )
