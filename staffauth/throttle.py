"""Sign-in throttling with django-axes, keeping no raw IP address.

Axes counts failed sign-ins per (username, client address) and refuses that pair once it reaches
AXES_FAILURE_LIMIT, until AXES_COOLOFF_TIME has passed. The "address" it sees and stores is a
keyed pseudonym of the real one, shaped as an IPv6 address because axes keeps it in an IP field:
the same client always maps to the same pseudonym, and without PRIVACY_HASH_KEY it leads back to
no one.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from privacy.crypto import keyed_hash


def pseudonymous_address(request: HttpRequest) -> str:
    digest = keyed_hash(request.META.get("REMOTE_ADDR", ""))
    return str(ipaddress.IPv6Address(int(digest[:32], 16)))


class LoginAttemptsBackend(AxesStandaloneBackend):
    """Axes' lockout for every sign-in that comes with a request (the admin's sign-in form).

    Authenticating without a request (the test client's `login()`, a shell) has no client to
    count, so it is left to the next backend instead of failing as axes' own backend would.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """What a locked-out sign-in sees (429), right password or not."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "staffauth/locked_out.html", {"minutes": minutes}, status=429)
