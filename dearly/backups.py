"""Consistent snapshots of the database, and bringing one back: `manage.py backup` / `restore`.

SQLite: the online backup API copies a consistent snapshot while the site keeps serving, into
one self-contained file; restoring copies it back into the live database the same way, in one
step. PostgreSQL: `pg_dump --format=custom` (one snapshot of the whole database); restoring
drops the current tables and loads the dump with `pg_restore` and `psql` in a single
transaction, so a failed restore changes nothing. The clients come from the system
(`postgresql-client`); the connection details come from DATABASE_URL, the password through the
environment, never the command line.

Letters, pen names and emails stay encrypted inside a backup: keep FIELD_ENCRYPTION_KEYS and
PRIVACY_HASH_KEY safe as well, but not next to the backups.
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"
EXTENSIONS = {"sqlite": "sqlite3", "postgresql": "pgdump"}


class BackupError(Exception):
    """The backup or restore could not be done; the message says why and nothing was changed."""


def engine(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in EXTENSIONS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def default_path(prefix: str = "dearly", alias: str = "default") -> Path:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    return Path(settings.VAR_DIR) / "backups" / f"{prefix}-{stamp}.{EXTENSIONS[engine(alias)]}"


def backup(path: Path, alias: str = "default") -> Path:
    """Write a consistent snapshot to `path`; a half-written file never takes its name."""
    vendor = engine(alias)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    # Private from its first byte: it holds every account and (encrypted) letter.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    try:
        if vendor == "sqlite":
            _sqlite_backup(partial, alias)
        else:
            _run(["pg_dump", "--format=custom", "--no-password", f"--file={partial}"], alias)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def check_backup(path: Path, alias: str = "default") -> None:
    """Refuse a file that is not a backup of this kind of database, before anything changes."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    with path.open("rb") as file:
        header = file.read(len(SQLITE_HEADER))
    vendor = engine(alias)
    expected = SQLITE_HEADER if vendor == "sqlite" else PG_DUMP_HEADER
    if not header.startswith(expected):
        raise BackupError(f"{path} is not a {vendor} backup made by `manage.py backup`.")
    if vendor == "sqlite":
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            [result] = source.execute("PRAGMA integrity_check").fetchone()
            tables = source.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'django_migrations'"
            ).fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} cannot be read: {error}.") from error
        finally:
            source.close()
        if result != "ok" or not tables:
            raise BackupError(f"{path} is damaged or is not a Dearly database.")


def restore(path: Path, alias: str = "default") -> None:
    """Replace everything in the database with the backup at `path`."""
    check_backup(path, alias)
    if engine(alias) == "sqlite":
        _sqlite_restore(Path(path), alias)
    else:
        _postgres_restore(Path(path), alias)
    connections[alias].close()


def pending_migrations(alias: str = "default") -> list[str]:
    """Migrations the code has that the (restored) database has not applied yet."""
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def _sqlite_backup(target: Path, alias: str) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        # One self-contained file: no -wal beside it to forget when copying it elsewhere.
        destination.execute("PRAGMA journal_mode=DELETE")
        [result] = destination.execute("PRAGMA integrity_check").fetchone()
    finally:
        destination.close()
    if result != "ok":
        raise BackupError(f"The snapshot failed its integrity check: {result}.")


def _sqlite_restore(path: Path, alias: str) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # Page by page into the live database, under its write lock: other connections see the
        # old database or the restored one, never a mixture.
        source.backup(connection.connection)
    finally:
        source.close()


def _postgres_restore(path: Path, alias: str) -> None:
    connection = connections[alias]
    with connection.cursor():
        tables = connection.introspection.table_names()
    quote = connection.ops.quote_name
    drop = f"DROP TABLE IF EXISTS {', '.join(quote(t) for t in tables)} CASCADE;" if tables else ""
    connection.close()
    # pg_restore turns the dump into SQL; psql runs the drop and all of it as one transaction.
    load = ["psql", "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1"]
    if drop:
        load.append(f"--command={drop}")
    with tempfile.TemporaryFile() as dump_errors:
        dump = subprocess.Popen(
            [_client("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(path)],
            stdout=subprocess.PIPE,
            stderr=dump_errors,
        )
        try:
            _run([*load, "--file=-"], alias, stdin=dump.stdout)
        finally:
            dump.stdout.close()
            dump.wait()
        dump_errors.seek(0)
        if dump.returncode != 0:
            message = dump_errors.read().decode(errors="replace").strip()
            raise BackupError(f"pg_restore could not read {path}: {message}")


def _client(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed; install the PostgreSQL client tools.")
    return found


def _postgres_environment(alias: str) -> dict[str, str]:
    """The connection as libpq environment variables: the password stays out of `ps`."""
    db = connections[alias].settings_dict
    options = db.get("OPTIONS", {})
    values = {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": db.get("NAME"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
        "PGPASSFILE": options.get("passfile"),
        "PGSERVICE": options.get("service"),
    }
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}


def _run(command: list[str], alias: str, stdin=None) -> None:
    result = subprocess.run(
        [_client(command[0]), *command[1:]],
        env=_postgres_environment(alias),
        stdin=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
