"""Cookie consent: what each optional category does, and the visitor's current choice.

The choice lives in one signed cookie set only after the visitor chooses; each choice is also
recorded (anonymous id, categories, policy version, time). A new POLICY_VERSION asks again.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "dearly_consent"
COOKIE_SALT = "privacy.consent"
COOKIE_DAYS = 365


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    purpose: str
    lasts: str


OPTIONAL = (
    Category(
        "analytics",
        "Visit statistics",
        "Counts which answers are read, with a self-hosted tool, so editors know what helps. "
        "No advertising, and nothing is shared with other companies.",
        "13 months",
    ),
    Category(
        "embeds",
        "Embedded media",
        "Shows videos or audio that a therapist links in an answer. The service hosting them "
        "may set its own cookies and learn that you visited.",
        "Set by the service, usually up to 6 months",
    ),
)
NECESSARY = (
    ("csrftoken", "Protects the forms you send (letters, comments) from forgery.", "1 year"),
    ("dearly_consent", "Remembers the cookie choice you made here.", "1 year"),
    ("sessionid", "Keeps staff signed in to the editors' area; readers never get it.", "8 hours"),
)
CATEGORY_KEYS = tuple(category.key for category in OPTIONAL)


@dataclass(frozen=True)
class Consent:
    anonymous_id: str
    categories: frozenset[str]
    version: str

    def allows(self, key: str) -> bool:
        return key in self.categories


def current_consent(request: HttpRequest) -> Consent | None:
    """The visitor's choice under the current policy, or None if they must choose (again)."""
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return None
    try:
        data = signing.loads(raw, salt=COOKIE_SALT)
        consent = Consent(str(data["id"]), frozenset(data["c"]) & set(CATEGORY_KEYS), data["v"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return consent if consent.version == settings.COOKIE_POLICY_VERSION else None


def remember(
    request: HttpRequest, response: HttpResponse, categories: set[str], action: str
) -> Consent:
    """Store the choice in the visitor's cookie and in the consent records."""
    from privacy.models import ConsentRecord

    earlier = current_consent_any_version(request)
    consent = Consent(
        earlier or uuid.uuid4().hex,
        frozenset(categories) & set(CATEGORY_KEYS),
        settings.COOKIE_POLICY_VERSION,
    )
    ConsentRecord.objects.create(
        anonymous_id=consent.anonymous_id,
        categories=sorted(consent.categories),
        policy_version=consent.version,
        action=action,
    )
    value = signing.dumps(
        {"id": consent.anonymous_id, "c": sorted(consent.categories), "v": consent.version},
        salt=COOKIE_SALT,
    )
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=COOKIE_DAYS * 24 * 60 * 60,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return consent


def current_consent_any_version(request: HttpRequest) -> str | None:
    """The anonymous id of an earlier choice, kept across policy versions."""
    try:
        return str(signing.loads(request.COOKIES.get(COOKIE_NAME, ""), salt=COOKIE_SALT)["id"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def consent_context(request: HttpRequest) -> dict:
    """Template context: whether to show the banner, and what the visitor allowed."""
    consent = current_consent(request)
    return {
        "consent": consent,
        "consent_needed": consent is None and not request.path.startswith("/cookies/"),
        "consent_categories": OPTIONAL,
        "analytics_script_url": settings.ANALYTICS_SCRIPT_URL,
    }
