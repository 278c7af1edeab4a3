"""Sign-in throttling on the admin (django-axes, by username and a pseudonymous address), and
Django's password rules."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from conftest import PASSWORD

WRONG = "not-the-password"


def sign_in(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def limit(settings) -> int:
    return settings.AXES_FAILURE_LIMIT


def test_the_right_password_is_refused_after_too_many_wrong_ones(client, editor, limit):
    for _ in range(limit - 1):
        response = sign_in(client, editor.username, WRONG)
        assert response.status_code == 200  # the sign-in form again, with its error
    locked = sign_in(client, editor.username, WRONG)
    assert locked.status_code == 429

    response = sign_in(client, editor.username, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed sign-in attempts for this account" in html
    assert "even with the right password" in html
    assert "15 minutes" in html
    assert not get_user(client).is_authenticated
    assert client.get("/admin/").status_code == 302  # back to the sign-in page


def test_a_few_mistakes_do_not_lock_anyone_out(client, editor, limit):
    for _ in range(limit - 1):
        sign_in(client, editor.username, WRONG)
    response = sign_in(client, editor.username, PASSWORD)
    assert response.status_code == 302
    assert get_user(client).is_authenticated
    # A successful sign-in clears the count, and is not logged.
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()


def test_the_lockout_is_for_that_username_from_that_address(client, editor, moderator, limit):
    for _ in range(limit):
        sign_in(client, editor.username, WRONG, address="203.0.113.7")
    assert sign_in(client, moderator.username, PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, editor.username, PASSWORD, address="198.51.100.20").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor, limit, settings):
    for _ in range(limit):
        sign_in(client, editor.username, WRONG)
    assert sign_in(client, editor.username, PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    assert sign_in(client, editor.username, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_no_raw_address_or_password_is_stored(client, editor):
    sign_in(client, editor.username, WRONG, address="203.0.113.7")
    attempt = AccessAttempt.objects.get()
    assert attempt.username == editor.username
    assert attempt.ip_address != "203.0.113.7"
    assert "203.0.113" not in attempt.ip_address
    assert WRONG not in attempt.post_data


@pytest.mark.parametrize(
    "password", ["short-pw1", "password1234", "12345678901234", "edna@example.org"]
)
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


def test_a_long_unusual_password_is_accepted(editor):
    validate_password("quiet-harbour-lanterns-41", user=editor)
