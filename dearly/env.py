"""Typed readers for configuration from the environment; each fails loudly on bad input."""

import base64
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """A string setting; `NAME_FILE` (a path) wins over `NAME`, for secrets kept in files."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def random_token() -> str:
    return secrets.token_urlsafe(50)


def random_fernet_key() -> str:
    """32 random bytes, url-safe base64: the format Fernet keys take."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")


def dev_secret(path: Path, generate: Callable[[], str] = random_token) -> str:
    """A random secret kept in a git-ignored file, so development sessions survive restarts."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate(), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def required_secret(
    name: str, debug: bool, dev_path: Path, generate: Callable[[], str] = random_token
) -> str:
    """The secret from the environment; a generated one only while DEBUG is on."""
    value = env_str(name)
    if value:
        return value
    if not debug:
        raise ImproperlyConfigured(
            f"{name} is not set and DEBUG is off. Set {name} (or {name}_FILE) in the "
            "environment, or set DEBUG=1 for development."
        )
    return dev_secret(dev_path, generate)
