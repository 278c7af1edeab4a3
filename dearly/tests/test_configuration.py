import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from dearly.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    random_fernet_key,
    required_secret,
)

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    secrets = {"DEBUG", "SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "PRIVACY_HASH_KEY"}
    clean = {k: v for k, v in os.environ.items() if k not in secrets}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "dearly.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_without_a_secret_when_debug_is_off(tmp_path):
    result = run_python("import django; django.setup()", DEBUG="0", DEARLY_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY is not set and DEBUG is off" in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("missing", ["FIELD_ENCRYPTION_KEYS", "PRIVACY_HASH_KEY"])
def test_it_refuses_to_start_without_privacy_keys_when_debug_is_off(tmp_path, missing):
    keys = {
        "SECRET_KEY": "s" * 50,
        "PRIVACY_HASH_KEY": "h" * 50,
        "FIELD_ENCRYPTION_KEYS": random_fernet_key(),
    }
    del keys[missing]
    result = run_python(
        "import django; django.setup()", DEBUG="0", DEARLY_VAR_DIR=str(tmp_path), **keys
    )
    assert result.returncode != 0
    assert f"{missing} is not set and DEBUG is off" in result.stderr


def production_secrets() -> dict[str, str]:
    """What a production deployment must provide in its environment."""
    return {
        "SECRET_KEY": "s" * 50,
        "PRIVACY_HASH_KEY": "h" * 50,
        "FIELD_ENCRYPTION_KEYS": random_fernet_key(),
    }


def test_it_starts_with_secrets_from_the_environment(tmp_path):
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = run_python(code, DEBUG="0", DEARLY_VAR_DIR=str(tmp_path), **production_secrets())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_it_generates_and_keeps_a_development_secret(tmp_path):
    first = required_secret("DEARLY_TEST_UNSET_SECRET", True, tmp_path / "key")
    second = required_secret("DEARLY_TEST_UNSET_SECRET", True, tmp_path / "key")
    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "key").stat().st_mode & 0o077 == 0


def test_it_reads_secrets_from_files(tmp_path, monkeypatch):
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file\n")
    monkeypatch.setenv("DEARLY_TEST_SECRET_FILE", str(secret_file))
    assert env_str("DEARLY_TEST_SECRET") == "from-a-file"


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("off", False)])
def test_it_reads_booleans(monkeypatch, raw, expected):
    monkeypatch.setenv("DEARLY_TEST_FLAG", raw)
    assert env_bool("DEARLY_TEST_FLAG") is expected


def test_it_fails_loudly_on_a_malformed_value(monkeypatch):
    monkeypatch.setenv("DEARLY_TEST_FLAG", "maybe")
    monkeypatch.setenv("DEARLY_TEST_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="DEARLY_TEST_FLAG"):
        env_bool("DEARLY_TEST_FLAG")
    with pytest.raises(ImproperlyConfigured, match="DEARLY_TEST_NUMBER"):
        env_int("DEARLY_TEST_NUMBER", 3)


def test_it_splits_lists(monkeypatch):
    monkeypatch.setenv("DEARLY_TEST_HOSTS", "a.example, b.example,,")
    assert env_list("DEARLY_TEST_HOSTS", []) == ["a.example", "b.example"]


def test_it_reports_health_while_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_it_reports_503_when_the_database_is_gone(tmp_path):
    code = (
        "import django; django.setup()\n"
        "from django.test.utils import setup_test_environment; setup_test_environment()\n"
        "from django.test import Client\n"
        "r = Client().get('/healthz'); print(r.status_code, r.json()['database'])\n"
    )
    result = run_python(
        code,
        DEBUG="1",
        DEARLY_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "503 unavailable"
