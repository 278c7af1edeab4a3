"""Request ids: every log line names the request it came from, and nothing about the person.

The middleware gives each request an id (a proxy's X-Request-ID when it looks like one, else a
new uuid4), returns it in the response's X-Request-ID header, and logs one line when the
request ends: method, the view's name, status and time. Never the path (it may hold a private
link's token), the query, the body, the address or the user. The filter also swaps the path in
Django's own "Not Found" and "Forbidden" warnings for the view's name.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
NO_REQUEST = "-"
# A proxy's id is honoured only if it is plainly an id: no room for words, addresses or names.
SAFE_ID = re.compile(r"[0-9A-Fa-f-]{16,64}")

current_request_id: ContextVar[str] = ContextVar("request_id", default=NO_REQUEST)
logger = logging.getLogger("dearly.requests")


def incoming_id(request: HttpRequest) -> str:
    offered = request.headers.get(HEADER, "")
    return offered if SAFE_ID.fullmatch(offered) else uuid.uuid4().hex


def view_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else "unresolved"


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = incoming_id(request)
        request.request_id = request_id
        reset = current_request_id.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            logger.info(
                "%s %s %s %.0fms",
                request.method,
                view_name(request),
                response.status_code,
                (time.monotonic() - started) * 1000,
            )
            return response
        finally:
            current_request_id.reset(reset)


def hide_request_path(record: logging.LogRecord) -> None:
    """Django names the path of a refused or failed request ("Forbidden (CSRF ...): /path");
    a path may hold a private link's token, so a resolved one is logged as its view's name."""
    request = getattr(record, "request", None)
    path = getattr(request, "path", None)
    match = getattr(request, "resolver_match", None)
    if not path or match is None or not isinstance(record.args, tuple):
        return
    spellings = {path, path.encode("unicode_escape").decode("ascii")}
    record.args = tuple(
        f"<{match.view_name}>" if isinstance(arg, str) and arg in spellings else arg
        for arg in record.args
    )


class RequestIdFilter(logging.Filter):
    """Gives every record a `request_id` ("-" outside a request) for formatters to show, and
    keeps request paths out of Django's own request warnings."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        hide_request_path(record)
        return True


def install_record_factory() -> None:
    """Stamp the id on records as they are made, so every handler sees it (tests' too)."""
    make_record = logging.getLogRecordFactory()
    if getattr(make_record, "adds_request_id", False):
        return

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        record.request_id = current_request_id.get()
        return record

    factory.adds_request_id = True
    logging.setLogRecordFactory(factory)
