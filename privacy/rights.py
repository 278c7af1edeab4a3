"""Data rights: what we hold about an email address, exported or erased on request.

Privacy depends on no other app of ours, so the apps that hold personal data describe it here
themselves: each `register`s a source (from its `data_rights` module, imported when the app is
ready) saying how to export and how to erase what is linked to an email hash. A new kind of
record joins the export and the erasure with one `register(...)` line.

Every request is answered the same way whether or not the address is known: the same page, the
same email (a link), the same database writes. What is held is looked up only when the link's
owner opens it, so neither the form nor its timing tells a third party anything.
"""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log

from dearly.mail import send_with_retries
from privacy.crypto import email_hash
from privacy.models import DataRequest

LINK_LIFETIME_HOURS = 24
LINK_LIFETIME = timedelta(hours=LINK_LIFETIME_HOURS)
LINKS_PER_ADDRESS_PER_DAY = 3
LINKS_PER_IP_PER_HOUR = 10


class CommentChoice(models.TextChoices):
    REMOVE = "remove", "Remove my comments"
    ANONYMISE = "anonymise", "Keep my comments' words, signed “Former reader”"


@dataclass(frozen=True)
class Erasure:
    """What the person chose for the things they may keep in another form."""

    comments: str = CommentChoice.REMOVE


Exporter = Callable[[str], list[dict]]
Eraser = Callable[[str, Erasure], int]


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    export: Exporter
    erase: Eraser | None
    order: int
    kept_because: str = ""


SOURCES: dict[str, Source] = {}
IP_HASH_HOLDERS: dict[str, tuple[type[models.Model], str]] = {}


def register(
    key: str,
    label: str,
    export: Exporter,
    erase: Eraser | None = None,
    *,
    order: int = 100,
    kept_because: str = "",
) -> None:
    """Add a kind of personal record: `export(email_hash)` lists it as JSON-ready dicts,
    `erase(email_hash, erasure)` erases it and returns how many it erased. Without `erase`,
    the record is exported but kept, and `kept_because` tells the person why."""
    SOURCES[key] = Source(key, label, export, erase, order, kept_because)


def register_ip_hashes(model: type[models.Model], date_field: str) -> None:
    """`model.ip_hash` is blanked once `date_field` is older than IP_HASH_DAYS."""
    IP_HASH_HOLDERS[model._meta.label] = (model, date_field)


def sources() -> list[Source]:
    return sorted(SOURCES.values(), key=lambda source: (source.order, source.key))


@dataclass(frozen=True)
class Held:
    source: Source
    items: list[dict]

    @property
    def worth_listing(self) -> bool:
        """Erasable kinds are always listed (a "0" reassures); kept ones only when held."""
        return self.source.erase is not None or bool(self.items)


def held_about(hashed_email: str) -> list[Held]:
    if not hashed_email:
        return [Held(source, []) for source in sources()]
    return [Held(source, source.export(hashed_email)) for source in sources()]


def export_document(held: list[Held], now: datetime | None = None) -> dict:
    document = {
        "about": (
            "Everything Dearly holds that is linked to the email address this export was made for."
        ),
        "generated_at": (now or timezone.now()).isoformat(),
    }
    for each in held:
        document[each.source.key] = each.items
    return document


@transaction.atomic
def erase_everything(
    hashed_email: str,
    erasure: Erasure,
    request: DataRequest,
    by: AbstractBaseUser | None = None,
) -> dict[str, int]:
    """Erase what each source lets us erase; the audit log keeps the counts, nothing else.

    Sources are erased in reverse order, so records that hang on others (a reply subscription
    on its comment) are counted before their parent takes them with it.
    """
    counts = {}
    now = timezone.now()
    if hashed_email:
        for source in reversed(sources()):
            if source.erase is not None:
                counts[source.key] = source.erase(hashed_email, erasure)
        # Links already sent to this address die with its data; no request keeps its hash.
        requests = DataRequest.objects.filter(email_hash=hashed_email)
        requests.filter(used_at__isnull=True).update(used_at=now)
        requests.update(email_hash="")
    request.email_hash = ""
    request.used_at = request.used_at or now
    request.save(update_fields=["email_hash", "used_at"])
    log(
        request,
        "dearly.privacy.erase",
        user=by,
        data={"counts": dict(sorted(counts.items())), "comments": erasure.comments},
    )
    return counts


def _recent_links(**filters) -> int:
    return DataRequest.objects.filter(channel=DataRequest.Channel.LINK, **filters).count()


def too_many_links(hashed_email: str, ip_hash: str, now: datetime) -> bool:
    from_address = _recent_links(email_hash=hashed_email, created_at__gte=now - timedelta(days=1))
    if from_address >= LINKS_PER_ADDRESS_PER_DAY:
        return True
    if not ip_hash:
        return False
    return _recent_links(ip_hash=ip_hash, created_at__gte=now - timedelta(hours=1)) >= (
        LINKS_PER_IP_PER_HOUR
    )


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@transaction.atomic
def send_data_link(email: str, ip_hash: str = "") -> DataRequest | None:
    """Email a one-time link to `email`, known or not; None when the limits say not now.

    The address itself is not stored: it lives in the message until that is sent after commit.
    """
    now = timezone.now()
    hashed = email_hash(email)
    if too_many_links(hashed, ip_hash, now):
        return None
    token = secrets.token_urlsafe(32)
    data_request = DataRequest.objects.create(
        email_hash=hashed,
        token_digest=token_digest(token),
        ip_hash=ip_hash,
        created_at=now,
        expires_at=now + LINK_LIFETIME,
    )
    body = render_to_string(
        "privacy/email/data_link.txt",
        {"link": f"{base_url()}/privacy/my-data/{token}/", "hours": LINK_LIFETIME_HOURS},
    )
    message = EmailMessage(subject="Your Dearly data link", body=body, to=[email])
    label = f"data request link {data_request.pk}"
    transaction.on_commit(lambda: send_with_retries(message, label))
    return data_request


def token_digest(token: str) -> str:
    """Links are stored only as digests, so a database leak reveals no working link."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def request_for_link(token: str, now: datetime | None = None) -> DataRequest | None:
    """The request behind a link, while it is unused and younger than a day; else None."""
    if not token:
        return None
    data_request = DataRequest.objects.filter(
        channel=DataRequest.Channel.LINK, token_digest=token_digest(token)
    ).first()
    if data_request is None or not data_request.is_usable(now):
        return None
    return data_request


def _audited_export(held: list[Held], data_request: DataRequest, by=None) -> dict:
    counts = {each.source.key: len(each.items) for each in held}
    log(data_request, "dearly.privacy.export", user=by, data={"counts": counts})
    return export_document(held)


@transaction.atomic
def export_by_link(data_request: DataRequest) -> dict:
    """Downloading does not use the link up: the person may download, then erase."""
    return _audited_export(held_about(data_request.email_hash), data_request)


@transaction.atomic
def erase_by_link(token: str, erasure: Erasure) -> dict[str, int] | None:
    """Erase for the link's owner and use the link up; None if it is no longer usable."""
    data_request = (
        DataRequest.objects.select_for_update()
        .filter(channel=DataRequest.Channel.LINK, token_digest=token_digest(token))
        .first()
    )
    if data_request is None or not data_request.is_usable():
        return None
    return erase_everything(data_request.email_hash, erasure, data_request)


def _editor_request(by: AbstractBaseUser) -> DataRequest:
    now = timezone.now()
    return DataRequest.objects.create(
        channel=DataRequest.Channel.EDITOR,
        handled_by=by,
        created_at=now,
        expires_at=now,
        used_at=now,
    )


@transaction.atomic
def export_for_editor(email: str, by: AbstractBaseUser) -> dict:
    """A request that came by post: an editor downloads the same export, audited."""
    return _audited_export(held_about(email_hash(email)), _editor_request(by), by=by)


@transaction.atomic
def erase_for_editor(email: str, erasure: Erasure, by: AbstractBaseUser) -> dict[str, int]:
    return erase_everything(email_hash(email), erasure, _editor_request(by), by=by)


def drop_old_ip_hashes(days: int, now: datetime | None = None) -> dict[str, int]:
    """Blank IP hashes older than `days`, and forget data requests as old; returns counts."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    counts = {}
    with transaction.atomic():
        for label, (model, date_field) in sorted(IP_HASH_HOLDERS.items()):
            old = model.objects.filter(**{f"{date_field}__lt": cutoff}).exclude(ip_hash="")
            counts[label] = old.update(ip_hash="")
        spent = DataRequest.objects.filter(created_at__lt=cutoff, expires_at__lt=timezone.now())
        counts[DataRequest._meta.label], _ = spent.delete()
    return counts
