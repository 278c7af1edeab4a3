"""Every change to a letter goes through these actions: atomic, audited, emails after commit."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from column.models import AnswerIndexPage, AnswerPage
from dearly.submissions import Submission, submission
from letters.anonymise import anonymise
from letters.models import Letter, LetterStatus, NotificationKind, token_digest
from letters.notifications import queue_notification
from privacy.crypto import email_hash
from safety import assess
from therapists.models import Therapist


class LetterActionError(Exception):
    """The action does not fit the letter's current state; the message says why."""


@dataclass(frozen=True)
class ReceivedLetter:
    letter: Letter
    status_token: str


def letter_submission(
    submission_id: str, pen_name: str, body: str, email: str, topic
) -> Submission:
    return submission("letter", submission_id, pen_name, body, email, topic.pk if topic else "")


def _received_before(sent: Submission) -> ReceivedLetter | None:
    if sent.key is None:
        return None
    letter = Letter.objects.filter(submission_key=sent.key).first()
    return ReceivedLetter(letter, sent.secret) if letter else None


def already_received(
    submission_id: str, *, pen_name: str, body: str, email: str = "", topic=None
) -> ReceivedLetter | None:
    """The letter this very form (same one-time id, same words) was saved as, if it was."""
    return _received_before(letter_submission(submission_id, pen_name, body, email, topic))


def receive_letter(
    *,
    pen_name: str,
    body: str,
    email: str = "",
    topic=None,
    ip_hash: str = "",
    submission_id: str = "",
) -> ReceivedLetter:
    """Save a reader's letter, crisis-checked first; the token is shown to the writer once.

    The same form sent twice (a refresh, a double click, two requests at once) is saved once:
    the second sending gets the first one's letter and status link back.
    """
    sent = letter_submission(submission_id, pen_name, body, email, topic)
    with transaction.atomic():
        before = _received_before(sent)
        if before is not None:
            return before
        assessment = assess(body, "letter")
        now = timezone.now()
        try:
            with transaction.atomic():
                letter = Letter.objects.create(
                    pen_name=pen_name,
                    body=body,
                    email=email,
                    email_hash=email_hash(email) if email else "",
                    topic=topic,
                    consented_at=now,
                    urgent=assessment.crisis,
                    safety_flags=sorted(assessment.flags),
                    safety_reasons="\n".join(assessment.reasons),
                    status_token_digest=token_digest(sent.secret),
                    submission_key=sent.key,
                    ip_hash=ip_hash,
                    received_at=now,
                    status_changed_at=now,
                )
        except IntegrityError:
            # Sent twice at once: the other request saved this form first.
            before = _received_before(sent)
            if before is None:
                raise
            return before
        log(letter, "dearly.letter.receive", data={"urgent": letter.urgent})
        if letter.urgent:
            queue_notification(letter, NotificationKind.CRISIS_ALERT)
        if email:
            queue_notification(letter, NotificationKind.STATUS_LINK, status_token=sent.secret)
    return ReceivedLetter(letter, sent.secret)


def letter_for_token(token: str) -> Letter | None:
    return (
        Letter.objects.select_related("answer_page")
        .filter(status_token_digest=token_digest(token))
        .first()
    )


def _set_status(letter: Letter, status: str, *fields: str) -> None:
    letter.status = status
    letter.status_changed_at = timezone.now()
    letter.save(update_fields=["status", "status_changed_at", *fields])


@transaction.atomic
def assign_letter(letter: Letter, therapist: Therapist, by: AbstractBaseUser) -> Letter:
    if not letter.is_open:
        raise LetterActionError("Only open letters can be assigned.")
    letter.assigned_to = therapist
    status = LetterStatus.ANSWERING if letter.answer_page_id else LetterStatus.ASSIGNED
    _set_status(letter, status, "assigned_to")
    if letter.answer_page_id:
        AnswerPage.objects.filter(pk=letter.answer_page_id).update(
            therapist=therapist, owner=therapist.user
        )
    log(letter, "dearly.letter.assign", user=by, data={"therapist": therapist.pk})
    return letter


@transaction.atomic
def decline_letter(letter: Letter, reason: str, by: AbstractBaseUser) -> Letter:
    if not letter.is_open:
        raise LetterActionError("Only open letters can be declined.")
    letter.decline_reason = reason.strip()
    letter.closed_at = timezone.now()
    _set_status(letter, LetterStatus.DECLINED, "decline_reason", "closed_at")
    log(letter, "dearly.letter.decline", user=by)
    return letter


@transaction.atomic
def start_answer(letter: Letter, by: AbstractBaseUser) -> AnswerPage:
    """A draft answer page holding an anonymised, editable copy of the letter."""
    if letter.answer_page_id:
        return letter.answer_page
    if not letter.is_open:
        raise LetterActionError("This letter is closed; it cannot be answered.")
    if letter.assigned_to is None:
        raise LetterActionError("Assign the letter to a therapist before starting the answer.")
    page = AnswerPage(
        title=f"Answer to letter #{letter.pk}",
        # Wagtail re-derives a slug from the title only while the two match, so the slug
        # follows the title the editor writes instead of staying "answer-to-letter-N".
        slug=f"answer-to-letter-{letter.pk}",
        pen_name=letter.pen_name[:60],
        letter=anonymise(letter.body),
        body=[],
        therapist=letter.assigned_to,
        live=False,
        owner=letter.assigned_to.user or by,
    )
    AnswerIndexPage.objects.get().add_child(instance=page)
    if letter.topic_id:
        page.topics.set([letter.topic_id])
    page.save_revision(user=by, log_action=True)
    letter.answer_page = page
    _set_status(letter, LetterStatus.ANSWERING, "answer_page")
    log(letter, "dearly.letter.start_answer", user=by, data={"page": page.pk})
    return page


@transaction.atomic
def mark_answer_published(page: AnswerPage) -> list[Letter]:
    """Close the letters this page answers and tell their writers, once."""
    letters = list(
        Letter.objects.select_for_update()
        .filter(answer_page=page)
        .exclude(status=LetterStatus.PUBLISHED)
    )
    for letter in letters:
        letter.closed_at = timezone.now()
        _set_status(letter, LetterStatus.PUBLISHED, "closed_at")
        log(letter, "dearly.letter.published", data={"page": page.pk})
        if letter.email:
            queue_notification(letter, NotificationKind.PUBLISHED)
    return letters


@transaction.atomic
def withdraw_letter(letter: Letter) -> None:
    """The writer's right to withdraw: the letter, pen name and email are deleted for good."""
    log(letter, "dearly.letter.withdraw")
    if letter.answer_page_id and not letter.answer_page.live:
        letter.answer_page.delete()
    letter.delete()


def purge_due(now=None, days: int = 90) -> int:
    """Erase the original words of letters closed more than `days` ago; keeps the bare record."""
    now = now or timezone.now()
    due = Letter.objects.filter(closed_at__lte=now - timedelta(days=days), purged_at__isnull=True)
    count = 0
    for letter in due.iterator():
        with transaction.atomic():
            letter.pen_name = ""
            letter.body = ""
            letter.email = ""
            letter.email_hash = ""
            letter.safety_reasons = ""
            letter.purged_at = now
            letter.save(
                update_fields=[
                    "pen_name",
                    "body",
                    "email",
                    "email_hash",
                    "safety_reasons",
                    "purged_at",
                ]
            )
            log(letter, "dearly.letter.purge")
        count += 1
    return count
