"""Who must use two-step sign-in (a TOTP code after the password), and who still has to.

Any staff member may turn it on for their own account; whoever has a confirmed device must then
enter a code at every sign-in. With REQUIRE_EDITOR_2FA on, Column editors (and superusers) must
set one up before they can do anything else in the admin.
"""

import base64

import segno
from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from column.setup import EDITORS

VERIFY = "verify"
ENROL = "enrol"
DEVICE_NAME = "Authenticator app"


def must_use_two_factor(user) -> bool:
    if not settings.REQUIRE_EDITOR_2FA or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


def pending_step(user) -> str | None:
    """What stands between a signed-in user and the admin: a code, a device, or nothing."""
    if not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user, confirmed=True):
        return VERIFY
    if must_use_two_factor(user):
        return ENROL
    return None


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_device(user) -> TOTPDevice:
    """A fresh, unconfirmed device: its secret is shown once, and it counts only once a code
    from it has been entered. Earlier unconfirmed attempts are thrown away."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def unconfirmed_device(user, pk) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False, pk=pk).first()


def readable_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it when typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as a QR code, an SVG data: URI made here (no third party)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)
