"""When the database is unavailable: a friendly 503 for readers, and posted words handed back.

A reader never sees a traceback because the database is down, restarting or refusing
connections. Any page gets a short 503 page with crisis resources written into it (help must
never depend on the database) and a Retry-After. A letter or comment that was being sent comes
back as the same form, every word still in it, saying plainly that nothing was saved. These
pages are rendered without the request, so no context processor, session or user lookup can
reach for the database. The logs name the error's type and the path, never the words.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.module_loading import import_string
from django.views import defaults

from column.help_resources import DEFAULT_RESOURCES

logger = logging.getLogger(__name__)

# A connection refused, dropped or timed out; a locked or missing SQLite file. Programming
# errors (a bad query) are not "unavailable" and still fail as errors.
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 120
# Each takes the request and returns the posted form re-shown with its words, or None.
RESCUERS = ("letters.views.unsaved_letter", "discussion.views.unsaved_comment")


def offline_page(request: HttpRequest, template_name: str, context: dict) -> HttpResponse:
    """A 503 rendered from the template and `context` alone: no database is touched."""
    context = {
        **context,
        "csrf_token": get_token(request),
        "offline_resources": DEFAULT_RESOURCES,
        "retry_minutes": RETRY_AFTER_SECONDS // 60,
    }
    response = HttpResponse(render_to_string(template_name, context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def unavailable_response(request: HttpRequest, error: BaseException) -> HttpResponse:
    logger.warning(
        "Database unavailable (%s) during %s %s",
        type(error).__name__,
        request.method,
        request.path,
    )
    for rescuer in RESCUERS:
        try:
            rescued = import_string(rescuer)(request)
        except DATABASE_DOWN:
            # A rescuer must not need the database; if one does, the plain page still helps.
            logger.exception("%s reached for the unavailable database", rescuer)
            continue
        if rescued is not None:
            return rescued
    return offline_page(request, "503.html", {})


class DatabaseUnavailableMiddleware:
    """Turns a database that does not answer, met by any view or template, into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_DOWN):
            return unavailable_response(request, exception)
        return None


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database found down outside any view (in a middleware) still gets a 503."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        return unavailable_response(request, error)
    return defaults.server_error(request)
