from django.core.management.base import BaseCommand

from letters.notifications import send_unsent


class Command(BaseCommand):
    help = "Retry letter emails that could not be sent (run from cron)."

    def handle(self, *args, **options):
        sent, failed = send_unsent()
        self.stdout.write(f"Sent {sent} notification(s); {failed} still failing.")
