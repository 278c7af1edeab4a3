"""A person's own data: ask for a link by email, then download everything or erase it."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from privacy.crypto import keyed_hash
from privacy.forms import EmailForm, ErasureForm
from privacy.rights import (
    LINK_LIFETIME_HOURS,
    CommentChoice,
    erase_by_link,
    export_by_link,
    held_about,
    request_for_link,
    send_data_link,
)

EXPORT_FILENAME = "dearly-my-data.json"


def client_ip_hash(request: HttpRequest) -> str:
    return keyed_hash(request.META.get("REMOTE_ADDR", ""))


def json_download(document: dict) -> HttpResponse:
    body = json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{EXPORT_FILENAME}"'
    return response


@never_cache
@sensitive_post_parameters("email")
@require_http_methods(["GET", "POST"])
def ask_for_link(request: HttpRequest) -> HttpResponse:
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Known or not, rate-limited or not: the same redirect to the same page.
        send_data_link(form.cleaned_data["email"], ip_hash=client_ip_hash(request))
        return redirect("privacy:link_sent")
    context = {"form": form, "hours": LINK_LIFETIME_HOURS}
    return TemplateResponse(request, "privacy/ask.html", context)


@never_cache
@require_GET
def link_sent(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "privacy/sent.html", {"hours": LINK_LIFETIME_HOURS})


def dead_link(request: HttpRequest) -> TemplateResponse:
    """Unknown, expired and used links look the same."""
    return TemplateResponse(request, "privacy/dead_link.html", {}, status=404)


def _my_data_page(request: HttpRequest, data_request, token: str, form=None) -> TemplateResponse:
    context = {
        "held": held_about(data_request.email_hash),
        "token": token,
        "form": form or ErasureForm(),
        "expires_at": data_request.expires_at,
    }
    return TemplateResponse(request, "privacy/my_data.html", context)


@never_cache
@require_GET
def my_data(request: HttpRequest, token: str) -> TemplateResponse:
    data_request = request_for_link(token)
    if data_request is None:
        return dead_link(request)
    return _my_data_page(request, data_request, token)


@never_cache
@require_GET
def download(request: HttpRequest, token: str) -> HttpResponse:
    data_request = request_for_link(token)
    if data_request is None:
        return dead_link(request)
    return json_download(export_by_link(data_request))


@never_cache
@require_POST
def erase(request: HttpRequest, token: str) -> TemplateResponse:
    data_request = request_for_link(token)
    if data_request is None:
        return dead_link(request)
    form = ErasureForm(request.POST)
    if not form.is_valid():
        return _my_data_page(request, data_request, token, form)
    counts = erase_by_link(token, form.erasure())
    if counts is None:
        return dead_link(request)
    anonymised = form.erasure().comments == CommentChoice.ANONYMISE
    context = {"counts": counts, "anonymised": anonymised}
    return TemplateResponse(request, "privacy/erased.html", context)
