"""Data requests that arrive by post: an editor exports or erases for an email address.

The address travels only in POST bodies (never in a URL, so never in a log line) and is not
stored; each export and erasure is in the audit log, with counts and the editor's name.
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import ModelLogEntry

from privacy.crypto import email_hash
from privacy.forms import EmailForm, ErasureForm
from privacy.rights import erase_for_editor, export_for_editor, held_about
from privacy.views import json_download

PERMISSION = "privacy.handle_data_request"
RECENT = 20


def recent_entries():
    return (
        ModelLogEntry.objects.filter(action__startswith="dearly.privacy.")
        .select_related("user")
        .order_by("-timestamp")[:RECENT]
    )


@never_cache
@sensitive_post_parameters("email")
@permission_required(PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> TemplateResponse:
    form = EmailForm(request.POST or None)
    held = None
    if request.method == "POST" and form.is_valid():
        held = held_about(email_hash(form.cleaned_data["email"]))
    context = {"form": form, "held": held, "entries": recent_entries()}
    return TemplateResponse(request, "privacy/admin/index.html", context)


@never_cache
@sensitive_post_parameters("email")
@permission_required(PERMISSION, raise_exception=True)
@require_POST
def download(request: HttpRequest) -> HttpResponse:
    form = EmailForm(request.POST)
    if not form.is_valid():
        return redirect("privacy_admin:index")
    return json_download(export_for_editor(form.cleaned_data["email"], request.user))


@never_cache
@sensitive_post_parameters("email")
@permission_required(PERMISSION, raise_exception=True)
@require_POST
def erase(request: HttpRequest) -> HttpResponse:
    """First the confirmation (what will go, and the choice for comments), then the erasure."""
    email_form = EmailForm(request.POST)
    if not email_form.is_valid():
        return redirect("privacy_admin:index")
    email = email_form.cleaned_data["email"]
    form = ErasureForm(request.POST) if "comments" in request.POST else ErasureForm()
    if not form.is_bound or not form.is_valid():
        context = {"email_form": email_form, "form": form, "held": held_about(email_hash(email))}
        return TemplateResponse(request, "privacy/admin/confirm_erase.html", context)
    counts = erase_for_editor(email, form.erasure(), request.user)
    done = ", ".join(f"{key.replace('_', ' ')}: {count}" for key, count in counts.items())
    messages.success(request, f"Erased. {done or 'Nothing was held.'}")
    return redirect("privacy_admin:index")
