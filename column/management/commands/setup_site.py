from django.core.management.base import BaseCommand

from column.setup import ensure_site


class Command(BaseCommand):
    help = "Create the page tree, roles and review workflow the site needs (safe to re-run)."

    def handle(self, *args, **options):
        home = ensure_site()
        self.stdout.write(f"Site ready: home page #{home.pk}, roles and review workflow in place.")
