"""`make bench`: build a generated corpus, serve it with gunicorn, load it with wrk.

The static nginx copy of the heaviest page is the ceiling the Django pages are compared to.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.servers import ROOT, fetch, gunicorn, nginx
from bench.wrk import WrkResult, measure
from dearly.env import random_fernet_key

OUT = ROOT / "bench" / "out" / "results.json"
WORKERS = 2
THREADS = 2
CONNECTIONS = 8
STATIC_NAME = "answer-200-comments.html"


@dataclass(frozen=True)
class Target:
    name: str
    port: int
    path: str


@dataclass(frozen=True)
class Row:
    target: str
    url: str
    bytes: int
    result: WrkResult


def bench_env(workdir: Path) -> dict[str, str]:
    """Everything each subprocess needs: a throwaway database and production-like settings."""
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "PRIVACY_HASH_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": random_fernet_key(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEARLY_VAR_DIR": str(workdir),
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *args: str) -> None:
    command = [sys.executable, "manage.py", *args]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}")


def prepare_database(env: dict[str, str]) -> None:
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    # Before gunicorn: its workers would otherwise each embed the examples while it waits.
    manage(env, "warm_up_safety", "-v", "0")


def build_corpus(env: dict[str, str], workdir: Path) -> dict:
    summary = workdir / "corpus.json"
    manage(env, "shell", "-v", "0", "-c", f"from bench.corpus import main; main({str(summary)!r})")
    return json.loads(summary.read_text(encoding="utf-8"))


def fetch_ok(target: Target) -> bytes:
    """The page body; raises unless the server answers 200 straight away (no redirect)."""
    status, body = fetch(target.port, target.path)
    if status != 200:
        raise RuntimeError(f"{target.name} ({target.path}) answered {status}, not 200")
    return body


def load(target: Target, size: int, seconds: int) -> Row:
    url = f"http://127.0.0.1:{target.port}{target.path}"
    print(f"  loading {target.name} for {seconds}s ...", flush=True)
    return Row(target.name, url, size, measure(url, seconds, THREADS, CONNECTIONS))


def run_load(targets: list[Target], seconds: int) -> list[Row]:
    sizes = {target.name: len(fetch_ok(target)) for target in targets}
    return [load(target, sizes[target.name], seconds) for target in targets]


@dataclass(frozen=True)
class Report:
    seconds: int
    workers: int
    corpus: dict
    rows: list[Row]


def table(rows: list[Row]) -> str:
    header = f"{'target':<28}{'requests/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'bytes':>10}"
    lines = [header, "-" * len(header)]
    for row in rows:
        result = row.result
        lines.append(
            f"{row.target:<28}{result.requests_per_sec:>12.1f}{result.p50_ms:>10.2f}"
            f"{result.p99_ms:>10.2f}{row.bytes:>10}"
        )
    return "\n".join(lines)


def summary(report: Report, total_seconds: float) -> str:
    corpus = report.corpus
    return (
        f"gunicorn workers: {report.workers} (sync, 1 thread each) · wrk -t{THREADS} "
        f"-c{CONNECTIONS} -d{report.seconds}s\n"
        f"corpus: {corpus['answers']} answers, {corpus['topics']} topics, "
        f"{corpus['therapists']} therapists, {corpus['comments']} published comments "
        f"({corpus['busy_answer_comments']} on the busy answer), built in "
        f"{corpus['build_seconds']}s\n"
        f"total run: {total_seconds:.1f}s · results in {OUT.relative_to(ROOT)}"
    )


def as_json(report: Report, total_seconds: float) -> dict:
    return {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "total_seconds": round(total_seconds, 1),
        "wrk": {"threads": THREADS, "connections": CONNECTIONS, "seconds": report.seconds},
        "gunicorn_workers": report.workers,
        "corpus": report.corpus,
        "results": [
            {"target": row.target, "url": row.url, "bytes": row.bytes, **asdict(row.result)}
            for row in report.rows
        ],
    }


def write_json(data: dict) -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def bench(workdir: Path, seconds: int) -> Report:
    env = bench_env(workdir)
    print("Building the database and corpus ...", flush=True)
    started = time.monotonic()
    prepare_database(env)
    corpus = build_corpus(env, workdir)
    corpus["build_seconds"] = round(time.monotonic() - started, 1)
    print(f"  database and corpus ready in {corpus['build_seconds']}s", flush=True)
    with ExitStack() as servers:
        app_port, workers = servers.enter_context(gunicorn(env, workdir, WORKERS))
        answer = Target("answer (200 comments)", app_port, corpus["busy_answer_path"])
        static_root = workdir / "www"
        static_root.mkdir()
        (static_root / STATIC_NAME).write_bytes(fetch_ok(answer))
        static_port = servers.enter_context(nginx(static_root, workdir, f"/{STATIC_NAME}"))
        targets = [
            Target("home /", app_port, "/"),
            answer,
            Target(f"topic {corpus['topic_path']}", app_port, corpus["topic_path"]),
            Target("nginx static answer copy", static_port, f"/{STATIC_NAME}"),
        ]
        print(f"Loading with wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s ...", flush=True)
        return Report(seconds, workers, corpus, run_load(targets, seconds))


def main() -> None:
    # A plain `kill` then unwinds through the finally blocks that stop gunicorn and nginx.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    with tempfile.TemporaryDirectory(prefix="dearly-bench-") as workdir:
        report = bench(Path(workdir), seconds)
    total = time.monotonic() - started
    write_json(as_json(report, total))
    print(f"\n{table(report.rows)}\n\n{summary(report, total)}")


if __name__ == "__main__":
    main()
