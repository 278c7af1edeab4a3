"""Security headers on every response: a nonce-based Content-Security-Policy and a
Permissions-Policy. Django's SecurityMiddleware and XFrameOptionsMiddleware add the rest (HSTS on
secure requests, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy, X-Frame-Options).

Every request gets a fresh random nonce: `request.csp_nonce`, `{{ csp_nonce }}` in templates, and
`{% load csp %}{% csp_nonce %}` where the request is out of reach (form widgets, Wagtail panels).
An inline <script> runs only if it carries it; ours are all files. Django 5.2 has no CSP of its
own (6.0 adds one, much like this); a middleware this small beats a dependency, and it lets the
admin have its own policy.

The public site allows scripts, styles, fonts and connections from our own origin only (images
also as data: URIs). The Wagtail admin (everything under /admin/) keeps the same script rule,
nonce or our own files, and differs in two ways Wagtail 7.4 needs:

- `style-src 'unsafe-inline'`: Draftail (Draft.js) writes `<style>` elements for its placeholder
  and list counters, and Wagtail's templates and widgets write `style="…"` attributes. Styles
  cannot run code.
- `frame-ancestors 'self'`: the page editor shows its live preview in an iframe of the admin.

Wagtail's own inline scripts get the nonce: the date and time widgets and inline panels through
template overrides in `dearly/templates/wagtailadmin/`, and the chooser widgets (built in Python)
through `add_nonce_to_chooser_scripts` below. `dearly/tests/test_browser_csp.py` walks the
editors' pages in Chromium and fails on any violation, so an upgrade that adds another shows up.
"""

import secrets
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse
from django.utils.safestring import SafeString, mark_safe

ADMIN_PREFIX = "/admin/"
NONCE = "'nonce-{nonce}'"

PUBLIC_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", NONCE],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
ADMIN_POLICY: dict[str, list[str]] = {
    **PUBLIC_POLICY,
    "style-src": ["'self'", "'unsafe-inline'"],
    "frame-ancestors": ["'self'"],
}

# Features no page of ours uses; browsers refuse them to every frame, and FLoC/Topics too.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
)


def render_policy(policy: dict[str, list[str]], nonce: str) -> str:
    return "; ".join(
        f"{directive} {' '.join(source.format(nonce=nonce) for source in sources)}"
        for directive, sources in policy.items()
    )


# A public page as the admin previews it: Wagtail renders it through the middleware again, with
# a stand-in request for the page's own URL, and shows it in an iframe of the editor.
PREVIEW_POLICY: dict[str, list[str]] = {**PUBLIC_POLICY, "frame-ancestors": ["'self'"]}


def policy_for(request: HttpRequest) -> dict[str, list[str]]:
    if request.path_info.startswith(ADMIN_PREFIX):
        return ADMIN_POLICY
    if getattr(request, "is_dummy", False):
        return PREVIEW_POLICY
    return PUBLIC_POLICY


_nonce: ContextVar[str] = ContextVar("csp_nonce", default="")


def new_nonce() -> str:
    return secrets.token_urlsafe(18)


def current_nonce() -> str:
    """The nonce of the request being handled ("" outside a request)."""
    return _nonce.get()


class SecurityHeadersMiddleware:
    """Sets `request.csp_nonce`, then the CSP and Permissions-Policy headers on the response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.csp_nonce = new_nonce()
        token = _nonce.set(request.csp_nonce)
        try:
            response = self.get_response(request)
        finally:
            _nonce.reset(token)
        response.headers.setdefault(
            "Content-Security-Policy", render_policy(policy_for(request), request.csp_nonce)
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def csp_nonce(request: HttpRequest) -> dict[str, str]:
    """Template context processor: `{{ csp_nonce }}` for inline <script nonce="…">."""
    return {"csp_nonce": getattr(request, "csp_nonce", "")}


def add_nonce_to_chooser_scripts() -> None:
    """Wagtail's chooser widgets (page, snippet, image, document) end their HTML with an inline
    `<script>new …Chooser(…)</script>` built in Python, out of any template's reach; give that
    one script this request's nonce. Checked by the admin browser test (the answer editor has a
    therapist snippet chooser)."""
    from wagtail.admin.widgets.chooser import BaseChooser

    render = BaseChooser.render
    if getattr(render, "adds_csp_nonce", False):
        return

    def render_with_nonce(self, name, value, attrs=None, renderer=None) -> SafeString:
        html = render(self, name, value, attrs, renderer)
        widget, script, js = html.rpartition("<script>")
        if not script or not js.endswith("</script>"):
            return html
        return mark_safe(f'{widget}<script nonce="{current_nonce()}">{js}')

    render_with_nonce.adds_csp_nonce = True
    BaseChooser.render = render_with_nonce
