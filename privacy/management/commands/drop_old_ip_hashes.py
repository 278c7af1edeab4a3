from django.conf import settings
from django.core.management.base import BaseCommand

from privacy.rights import drop_old_ip_hashes


class Command(BaseCommand):
    help = "Blank hashed IP addresses older than IP_HASH_DAYS and forget old data requests (cron)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        days = settings.IP_HASH_DAYS if days is None else days
        counts = drop_old_ip_hashes(days)
        done = ", ".join(f"{label} {count}" for label, count in counts.items())
        self.stdout.write(f"Dropped IP hashes older than {days} days: {done}.")
