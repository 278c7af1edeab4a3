from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from staffauth.twofactor import ENROL, pending_step

ADMIN_PREFIX = "/admin/"
# Reachable while a code or a device is still owed: signing in and out, resetting a password,
# the admin's translations script, and the two-step pages themselves.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "staffauth_verify",
}
OPEN_WHILE_ENROLLING = {"staffauth_setup"}


class TwoFactorMiddleware:
    """Keeps a signed-in staff member who still owes a TOTP code (or a device) out of the admin.

    Runs after django-otp's OTPMiddleware, which marks `request.user.is_verified()`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.hold_back(request) or self.get_response(request)

    def hold_back(self, request: HttpRequest) -> HttpResponse | None:
        if not request.path_info.startswith(ADMIN_PREFIX):
            return None
        step = pending_step(request.user)
        if step is None:
            return None
        try:
            name = resolve(request.path_info).url_name
        except Resolver404:
            name = None
        if name in ALWAYS_OPEN or (step == ENROL and name in OPEN_WHILE_ENROLLING):
            return None
        target = "staffauth_setup" if step == ENROL else "staffauth_verify"
        next_url = (
            request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
        )
        return redirect(f"{reverse(target)}?{urlencode({'next': next_url})}")
