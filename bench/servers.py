"""Start and stop the processes under test: gunicorn for Dearly, nginx for the static baseline."""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TEMP_PATH_MODULES = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, bytes]:
    """GET a path on localhost, following no redirects: (status, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def log_tail(path: Path, lines: int = 30) -> str:
    if not path.exists():
        return "(no log)"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def wait_until_ok(process: subprocess.Popen, port: int, path: str, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited early:\n{log_tail(log)}")
        try:
            if fetch(port, path)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{process.args[0]} did not answer {path} with 200:\n{log_tail(log)}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def running(args: list[str], env: dict[str, str] | None, log: Path) -> Iterator[subprocess.Popen]:
    """Run a server with its output in `log`; it is stopped however the block ends."""
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            args, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file
        )
        try:
            yield process
        finally:
            stop(process)


def worker_count(process: subprocess.Popen) -> int:
    """How many workers the gunicorn master has forked (Linux /proc)."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    return len(children.read_text().split())


@contextmanager
def gunicorn(env: dict[str, str], workdir: Path, workers: int) -> Iterator[tuple[int, int]]:
    """Serve Dearly with gunicorn sync workers; yields (port, workers actually running)."""
    port = free_port()
    binary = str(Path(sys.executable).parent / "gunicorn")
    args = [binary, "dearly.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers), "--threads", "1"]
    log = workdir / "gunicorn.log"
    with running(args, env, log) as process:
        wait_until_ok(process, port, "/healthz", log)
        yield port, worker_count(process)


def nginx_modules_without() -> set[str]:
    """Modules this nginx build leaves out (nginx-light drops scgi and uwsgi)."""
    version = subprocess.run([NGINX, "-V"], capture_output=True, text=True, check=True).stderr
    return {name for name in TEMP_PATH_MODULES if f"--without-http_{name}_module" in version}


def nginx_config(prefix: Path, root: Path, port: int) -> str:
    # As root, nginx would run its worker as "nobody", who cannot read our private temp dir.
    user = "user root;" if os.geteuid() == 0 else ""
    missing = nginx_modules_without()
    temp_paths = "".join(
        f"  {name}_temp_path {prefix / name};\n"
        for name in TEMP_PATH_MODULES
        if name not in missing
    )
    return f"""{user}
worker_processes 1;
daemon off;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
{temp_paths}  types {{ text/html html; }}
  server {{
    listen 127.0.0.1:{port};
    root {root};
  }}
}}
"""


@contextmanager
def nginx(root: Path, workdir: Path, probe_path: str) -> Iterator[int]:
    """Serve the files in `root` with nginx on a free port; yields the port."""
    prefix = workdir / "nginx"
    prefix.mkdir()
    port = free_port()
    config = prefix / "nginx.conf"
    config.write_text(nginx_config(prefix, root, port), encoding="utf-8")
    log = prefix / "error.log"
    args = [NGINX, "-p", str(prefix), "-c", str(config), "-e", str(log)]
    with running(args, None, prefix / "stdout.log") as process:
        wait_until_ok(process, port, probe_path, log)
        yield port
