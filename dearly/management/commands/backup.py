from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dearly.backups import BackupError, backup, default_path


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot of the database (SQLite online backup, or pg_dump) to "
        "--output, by default var/backups/dearly-<time>.sqlite3|.pgdump. The site keeps serving."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Where to write the backup.")
        parser.add_argument("--database", default="default")

    def handle(self, *args, output=None, database="default", **options):
        try:
            path = backup(output or default_path(alias=database), alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the database to {path}")
