import sys
from pathlib import Path

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from dearly.backups import (
    BackupError,
    backup,
    check_backup,
    default_path,
    pending_migrations,
    restore,
)


class Command(BaseCommand):
    help = (
        "Replace everything in the database with a backup made by `manage.py backup`. The "
        "current database is saved first to var/backups/before-restore-<time> (see "
        "--no-safety-copy). Asks for confirmation unless --yes is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="A file written by `manage.py backup`.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument(
            "--no-safety-copy",
            action="store_true",
            help="Do not back up the current database before replacing it.",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, path, yes=False, no_safety_copy=False, database="default", **options):
        try:
            check_backup(path, alias=database)
            if not yes:
                self.confirm(path)
            if not no_safety_copy:
                safety = backup(default_path("before-restore", alias=database), alias=database)
                self.stdout.write(f"Saved the current database to {safety}")
            restore(path, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # Cached pages and comment lists describe the database that was just replaced.
        cache.clear()
        self.stdout.write(f"Restored the database from {path}")
        pending = pending_migrations(alias=database)
        if pending:
            self.stdout.write(
                f"The backup predates {len(pending)} migration(s); run `manage.py migrate`."
            )

    def confirm(self, path: Path) -> None:
        if not sys.stdin.isatty():
            raise CommandError("Restoring replaces everything in the database: pass --yes.")
        answer = input(f"Replace everything in the database with {path}? Type 'yes': ")
        if answer.strip().lower() != "yes":
            raise CommandError("Nothing was restored.")
