"""Scratch sites: real databases of their own (a SQLite file, a PostgreSQL database) that tests
may break, back up and restore, driven through separate processes as an operator would.

Each kind is migrated and seeded once per run (a template), then copied for every test. The
PostgreSQL ones live on the server at DATABASE_URL when the suite runs on PostgreSQL, otherwise
at POSTGRES_TEST_URL (default postgres://postgres@127.0.0.1:5432/postgres); they skip when it
does not answer, except under CI=true.
"""

import itertools
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from privacy.crypto import new_key

ROOT = Path(__file__).resolve().parents[2]
SCRATCH_PREFIX = f"dearly_scratch_{os.getpid()}"
_numbers = itertools.count(1)
# Fixed for the whole run, so every copy of a template reads the letters the template holds.
SECRETS = {
    "SECRET_KEY": "scratch-secret-key-" + "s" * 40,
    "FIELD_ENCRYPTION_KEYS": new_key(),
    "PRIVACY_HASH_KEY": "scratch-hash-key-" + "h" * 40,
}
INHERITED = {"DEBUG", "DATABASE_URL", "DEARLY_VAR_DIR", "SECRET_KEY", "SECRET_KEY_FILE"}


@dataclass
class ScratchSite:
    kind: str
    env: dict[str, str]
    var_dir: Path

    def run(self, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check:
            assert result.returncode == 0, result.stderr[-3000:]
        return result

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return self.run("manage.py", *args, check=check)

    def script(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return self.run("-m", "dearly.tests.scratch", *args, **env)

    def letters(self, raw: bool = False) -> list[list[str]]:
        return json.loads(self.script("raw-letters" if raw else "letters").stdout)


def scratch_env(var_dir: Path, **env: str) -> dict[str, str]:
    clean = {key: value for key, value in os.environ.items() if key not in INHERITED}
    return {
        **clean,
        **SECRETS,
        "DJANGO_SETTINGS_MODULE": "dearly.settings",
        "DEBUG": "1",
        "DEARLY_VAR_DIR": str(var_dir),
        "LOG_LEVEL": "WARNING",
        **env,
    }


def postgres_server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = os.environ.get("POSTGRES_TEST_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    return with_database(url, "postgres")


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def admin(statement: str) -> None:
    """Run one statement on the PostgreSQL server's maintenance database (names are ours)."""
    import psycopg

    with psycopg.connect(postgres_server_url(), autocommit=True, connect_timeout=3) as server:
        server.execute(statement)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    var_dir = tmp_path_factory.mktemp("sqlite-template")
    site = ScratchSite("sqlite", scratch_env(var_dir), var_dir)
    site.manage("migrate", "--noinput", "-v", "0")
    site.script("seed")
    return var_dir / "db.sqlite3"


@pytest.fixture
def sqlite_site(sqlite_template: Path, tmp_path: Path) -> ScratchSite:
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    source = sqlite3.connect(sqlite_template)
    copy = sqlite3.connect(var_dir / "db.sqlite3")
    with copy:
        source.backup(copy)
    source.close()
    copy.close()
    return ScratchSite("sqlite", scratch_env(var_dir), var_dir)


@pytest.fixture(scope="session")
def postgres_template(tmp_path_factory) -> str:
    try:
        admin("SELECT 1")
    except Exception as error:
        message = f"PostgreSQL does not answer at {postgres_server_url()}: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}. Under CI=true the PostgreSQL scratch tests must run.")
        pytest.skip(message)
    name = f"{SCRATCH_PREFIX}_template"
    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin(f'CREATE DATABASE "{name}"')
    var_dir = tmp_path_factory.mktemp("postgres-template")
    env = scratch_env(var_dir, DATABASE_URL=with_database(postgres_server_url(), name))
    site = ScratchSite("postgres", env, var_dir)
    try:
        site.manage("migrate", "--noinput", "-v", "0")
        site.script("seed")
        yield name
    finally:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_site(postgres_template: str, tmp_path: Path) -> ScratchSite:
    name = f"{SCRATCH_PREFIX}_{next(_numbers)}"
    admin(f'CREATE DATABASE "{name}" TEMPLATE "{postgres_template}"')
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    url = with_database(postgres_server_url(), name)
    env = scratch_env(var_dir, DATABASE_URL=url, DRILL_ADMIN_URL=postgres_server_url())
    try:
        yield ScratchSite("postgres", env, var_dir)
    finally:
        admin(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def scratch_site(request) -> ScratchSite:
    return request.getfixturevalue(f"{request.param}_site")
