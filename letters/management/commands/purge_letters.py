from django.conf import settings
from django.core.management.base import BaseCommand

from letters.workflow import purge_due


class Command(BaseCommand):
    help = "Erase original letters closed more than LETTER_RETENTION_DAYS ago (run from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        days = settings.LETTER_RETENTION_DAYS if days is None else days
        count = purge_due(days=days)
        self.stdout.write(f"Purged {count} letter(s) closed more than {days} days ago.")
