"""Two-step sign-in (TOTP): staff may turn it on; editors must when REQUIRE_EDITOR_2FA is on.

Codes are computed here as an authenticator app would, from the secret the setup page shows.
"""

import base64
import re
import time

import pytest
from django.contrib.auth import get_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD


def sign_in(client, user) -> None:
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert get_user(client).is_authenticated


def secret_on(html: str) -> bytes:
    """The base32 secret as the setup page shows it, decoded as an app would."""
    shown = re.search(r"<code data-totp-secret>([A-Z2-7 ]+)</code>", html).group(1)
    secret = shown.replace(" ", "")
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def code(key: bytes, steps_ahead: int = 0) -> str:
    """The app's current code; `steps_ahead` gives a later one, since a code works only once."""
    totp = TOTP(key, step=30, t0=0, digits=6, drift=steps_ahead)
    totp.time = time.time()
    return f"{totp.token():06d}"


def enrol(client, user) -> bytes:
    page = client.get("/admin/two-step/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code, made here
    key = secret_on(html)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(
        "/admin/two-step/", {"device": device.pk, "code": code(key), "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert device.bin_key == key
    return key


@pytest.fixture
def required(settings):
    settings.REQUIRE_EDITOR_2FA = True


def test_staff_work_without_it_by_default(client, editor):
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 200


def test_any_staff_member_can_turn_it_on_and_is_then_asked_for_a_code(client, moderator):
    sign_in(client, moderator)
    key = enrol(client, moderator)
    assert client.get("/admin/comments/queue/").status_code == 200  # this session is verified

    client.logout()
    sign_in(client, moderator)
    held = client.get("/admin/comments/queue/")
    assert held.status_code == 302
    assert held.headers["Location"] == "/admin/two-step/verify/?next=%2Fadmin%2Fcomments%2Fqueue%2F"

    wrong = client.post("/admin/two-step/verify/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    TOTPDevice.objects.filter(user=moderator).update(throttling_failure_timestamp=None)

    right = client.post(
        "/admin/two-step/verify/",
        {"code": code(key, steps_ahead=1), "next": "/admin/comments/queue/"},
    )
    assert right.status_code == 302
    assert right.headers["Location"] == "/admin/comments/queue/"
    assert client.get("/admin/comments/queue/").status_code == 200


def test_a_used_code_cannot_be_used_again(client, moderator):
    sign_in(client, moderator)
    key = enrol(client, moderator)
    used = TOTP(key, step=30, t0=0, digits=6)
    used.time = TOTPDevice.objects.get(user=moderator).last_t * 30  # the step enrolment used
    client.logout()
    sign_in(client, moderator)
    response = client.post(
        "/admin/two-step/verify/", {"code": f"{used.token():06d}", "next": "/admin/"}
    )
    assert response.status_code == 200
    assert "already used" in response.content.decode()


def test_editors_must_set_it_up_when_required(client, editor, required):
    sign_in(client, editor)
    held = client.get("/admin/pages/")
    assert held.status_code == 302
    assert held.headers["Location"] == "/admin/two-step/?next=%2Fadmin%2Fpages%2F"
    assert client.get("/admin/letters/").status_code == 302
    page = client.get(held.headers["Location"]).content.decode()
    assert "Column editors must use two-step sign-in" in page

    key = enrol(client, editor)
    assert client.get("/admin/letters/").status_code == 200

    client.logout()
    sign_in(client, editor)
    assert client.get("/admin/").headers["Location"].startswith("/admin/two-step/verify/")
    response = client.post(
        "/admin/two-step/verify/", {"code": code(key, steps_ahead=1), "next": "/admin/"}
    )
    assert response.headers["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_other_staff_are_not_forced_when_editors_are(client, moderator, required):
    sign_in(client, moderator)
    assert client.get("/admin/comments/queue/").status_code == 200


def test_an_editor_cannot_turn_it_off_while_required(client, editor, required):
    sign_in(client, editor)
    key = enrol(client, editor)
    response = client.post("/admin/two-step/", {"code": code(key, steps_ahead=1)})
    assert response.status_code == 200
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_a_staff_member_can_turn_it_off_with_a_code(client, moderator):
    sign_in(client, moderator)
    key = enrol(client, moderator)
    response = client.post("/admin/two-step/", {"code": code(key, steps_ahead=1)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=moderator).exists()


def test_the_setup_page_cannot_replace_a_device_before_the_code_is_given(client, moderator):
    """Someone with only the password must not reach setup to enrol a device of their own."""
    sign_in(client, moderator)
    enrol(client, moderator)
    client.logout()
    sign_in(client, moderator)
    response = client.get("/admin/two-step/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/two-step/verify/")
    assert TOTPDevice.objects.filter(user=moderator).count() == 1


def test_the_verify_page_sends_nobody_off_site(client, moderator):
    sign_in(client, moderator)
    key = enrol(client, moderator)
    client.logout()
    sign_in(client, moderator)
    response = client.post(
        "/admin/two-step/verify/",
        {"code": code(key, steps_ahead=1), "next": "https://evil.example/"},
    )
    assert response.headers["Location"] == "/admin/"


def test_the_account_page_links_to_it(client, moderator):
    sign_in(client, moderator)
    html = client.get("/admin/account/").content.decode()
    assert 'href="/admin/two-step/"' in html
    assert "Two-step sign-in" in html
