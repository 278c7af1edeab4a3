"""Run wrk against one URL and read its summary."""

import re
import shutil
import subprocess
from dataclasses import dataclass

WRK = shutil.which("wrk") or "/usr/bin/wrk"
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class WrkResult:
    requests: int
    requests_per_sec: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: dict[str, int]


def run_wrk(url: str, seconds: int, threads: int, connections: int) -> str:
    args = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def latency_ms(output: str, percentile: int) -> float:
    match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if match is None:
        raise ValueError(f"no {percentile}% latency in wrk output:\n{output}")
    return float(match.group(1)) * UNITS_MS[match.group(2)]


def number_after(output: str, pattern: str, default: float | None = None) -> float:
    match = re.search(pattern, output)
    if match is None:
        if default is None:
            raise ValueError(f"{pattern!r} not found in wrk output:\n{output}")
        return default
    return float(match.group(1))


def socket_errors(output: str) -> dict[str, int]:
    match = re.search(r"Socket errors: (.+)", output)
    if match is None:
        return {}
    return {name: int(count) for name, count in re.findall(r"(\w+) (\d+)", match.group(1))}


def parse_wrk(output: str) -> WrkResult:
    return WrkResult(
        requests=int(number_after(output, r"(\d+) requests in")),
        requests_per_sec=number_after(output, r"Requests/sec:\s+([\d.]+)"),
        p50_ms=latency_ms(output, 50),
        p99_ms=latency_ms(output, 99),
        non_2xx=int(number_after(output, r"Non-2xx or 3xx responses: (\d+)", default=0)),
        socket_errors=socket_errors(output),
    )


def measure(url: str, seconds: int, threads: int = 2, connections: int = 8) -> WrkResult:
    """Load one URL; fails loudly if any response was not 2xx/3xx or a socket failed."""
    result = parse_wrk(run_wrk(url, seconds, threads, connections))
    if result.non_2xx or any(result.socket_errors.values()):
        raise RuntimeError(
            f"wrk saw {result.non_2xx} non-2xx/3xx responses and socket errors "
            f"{result.socket_errors} on {url}"
        )
    return result
