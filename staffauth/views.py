"""The two-step sign-in pages in the admin: set up (or turn off) an authenticator app, and enter
a code after the password. Both live under /admin/, so Wagtail requires a signed-in staff member.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from staffauth.forms import CodeForm
from staffauth.twofactor import (
    confirmed_device,
    must_use_two_factor,
    new_device,
    qr_code_data_uri,
    readable_secret,
    unconfirmed_device,
)

WRONG_CODE = (
    "That code is not right, or it was already used. Enter the code your app shows now "
    "(check that your phone's clock is set automatically)."
)
TOO_MANY = "Too many wrong codes in a row. Wait a minute, then enter the code your app shows."


def safe_next(request: HttpRequest, default: str = "") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default or reverse("wagtailadmin_home")


def check_code(form: CodeForm, device) -> bool:
    """Whether the form holds the device's current code; errors go on the form."""
    if not form.is_valid():
        return False
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        form.add_error("code", TOO_MANY)
        return False
    if not device.verify_token(form.cleaned_data["code"]):
        form.add_error("code", WRONG_CODE)
        return False
    return True


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    device = confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(next_url)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and check_code(form, device):
        otp_login(request, device)
        return redirect(next_url)
    return TemplateResponse(request, "staffauth/verify.html", {"form": form, "next": next_url})


@never_cache
def setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    required = must_use_two_factor(user)
    device = confirmed_device(user)
    if device is not None:
        return turn_off(request, device, required)

    form = CodeForm(request.POST or None)
    pending = None
    if request.method == "POST":
        pending = unconfirmed_device(user, request.POST.get("device"))
        if pending is not None and check_code(form, pending):
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            otp_login(request, pending)
            messages.success(request, "Two-step sign-in is on. You will be asked for a code.")
            return redirect(safe_next(request, reverse("staffauth_setup")))
        if pending is None:
            form.add_error(None, "That setup expired. Scan the new code below and try again.")
    if pending is None:
        pending = new_device(user)
    context = {
        "form": form,
        "required": required,
        "pending": pending,
        "secret": readable_secret(pending),
        "qr_code": qr_code_data_uri(pending),
        "next": safe_next(request, reverse("staffauth_setup")),
    }
    return TemplateResponse(request, "staffauth/setup.html", context)


def turn_off(request: HttpRequest, device, required: bool) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and not required and check_code(form, device):
        device.delete()
        messages.success(request, "Two-step sign-in is off for your account.")
        return redirect("staffauth_setup")
    context = {"form": form, "required": required, "device": device}
    return TemplateResponse(request, "staffauth/setup.html", context)
