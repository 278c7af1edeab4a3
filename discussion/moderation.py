"""Every change to a comment goes through these actions: atomic, audited, side effects on commit."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache
from wagtail.log_actions import log

from dearly import submissions
from discussion import notifications
from discussion.models import (
    MAX_DEPTH,
    Badge,
    Ban,
    Comment,
    CommentStatus,
    DiscussionSettings,
    Report,
    digest,
)
from discussion.policy import History, place_comment
from privacy.crypto import email_hash
from safety import Submission, assess, learn_from_decision

EDIT_WINDOW = timedelta(minutes=15)
FLOOD_WINDOW = timedelta(minutes=10)
DUPLICATE_WINDOW = timedelta(days=1)


class CommentActionError(Exception):
    """The action does not fit the comment's state; the message says why."""


@dataclass(frozen=True)
class Posted:
    comment: Comment
    edit_token: str

    @property
    def crisis(self) -> bool:
        return "crisis" in self.comment.flags


def badge_for(user: AbstractBaseUser | None) -> str:
    if user is None or not user.is_authenticated:
        return Badge.NONE
    if hasattr(user, "therapist"):
        return Badge.THERAPIST
    if user.has_perm("discussion.change_comment"):
        return Badge.MODERATOR
    return Badge.NONE


def is_banned(hashed_email: str, ip_hash: str, now: datetime) -> bool:
    matches = Q(email_hash=hashed_email) | (Q(ip_hash=ip_hash) & ~Q(ip_hash=""))
    active = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    return Ban.objects.filter(matches & active).exists()


def commenter_history(hashed_email: str) -> History:
    decided = Comment.objects.filter(email_hash=hashed_email).exclude(
        status__in=[CommentStatus.PENDING, CommentStatus.HELD, CommentStatus.DELETED]
    )
    recent = decided.order_by("-created_at").values_list("status", flat=True)[:5]
    approved = decided.filter(status=CommentStatus.PUBLISHED).count()
    return History(approved=approved, recent_decisions=tuple(recent))


def submission_for(body, hashed_email, ip_hash, honeypot, seconds_to_submit, now) -> Submission:
    recent = Comment.objects.filter(created_at__gte=now - FLOOD_WINDOW)
    return Submission(
        kind="comment",
        honeypot=honeypot,
        seconds_to_submit=seconds_to_submit,
        recent_from_ip=recent.filter(ip_hash=ip_hash).count() if ip_hash else 0,
        recent_from_email=recent.filter(email_hash=hashed_email).count(),
        duplicate=Comment.objects.filter(
            body=body, created_at__gte=now - DUPLICATE_WINDOW
        ).exists(),
        banned=is_banned(hashed_email, ip_hash, now),
        watched_words=watched_words(),
    )


def watched_words() -> tuple[tuple[str, str], ...]:
    from safety.models import WatchedWord

    return tuple(WatchedWord.objects.values_list("phrase", "action"))


def reply_parent(page, parent: Comment | None) -> Comment | None:
    """Replies nest three deep; a reply to a third-level comment joins that comment's thread."""
    if parent is None:
        return None
    if parent.page_id != page.pk or parent.status != CommentStatus.PUBLISHED:
        raise CommentActionError("You can only reply to a published comment on this answer.")
    while parent.depth >= MAX_DEPTH:
        parent = parent.parent
    return parent


def comment_submission(
    submission_id: str, page, parent: Comment | None, author_name: str, author_email: str, body: str
) -> submissions.Submission:
    return submissions.submission(
        "comment",
        submission_id,
        page.pk,
        parent.pk if parent else "",
        author_name,
        author_email,
        body,
    )


def _posted_before(sent: submissions.Submission) -> Posted | None:
    if sent.key is None:
        return None
    comment = Comment.objects.filter(submission_key=sent.key).first()
    return Posted(comment, sent.secret) if comment else None


def already_posted(
    submission_id: str,
    *,
    page,
    author_name: str,
    author_email: str,
    body: str,
    parent: Comment | None = None,
) -> Posted | None:
    """The comment this very form (same one-time id, same words) was saved as, if it was."""
    sent = comment_submission(submission_id, page, parent, author_name, author_email, body)
    return _posted_before(sent)


@transaction.atomic
def submit_comment(
    *,
    page,
    author_name: str,
    author_email: str,
    body: str,
    parent: Comment | None = None,
    ip_hash: str = "",
    user: AbstractBaseUser | None = None,
    honeypot: str = "",
    seconds_to_submit: float | None = None,
    notify_replies: bool = False,
    submission_id: str = "",
) -> Posted:
    """Assess, place and save a comment. Nothing is dropped: spam is kept, with its reasons.

    The same form sent twice (a refresh, a double click, two requests at once) is saved once:
    the second sending gets the first one's comment and edit link back.
    """
    sent = comment_submission(submission_id, page, parent, author_name, author_email, body)
    before = _posted_before(sent)
    if before is not None:
        return before
    now = timezone.now()
    settings = DiscussionSettings.load()
    parent = reply_parent(page, parent)
    hashed_email = email_hash(author_email)
    submission = submission_for(body, hashed_email, ip_hash, honeypot, seconds_to_submit, now)
    assessment = assess(body, submission)
    badge = badge_for(user)
    placement = place_comment(
        assessment,
        badge=badge,
        history=commenter_history(hashed_email),
        mode=settings.mode,
        approved_needed=settings.approved_needed,
    )
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                page=page,
                parent=parent,
                depth=parent.depth + 1 if parent else 1,
                author_name=author_name,
                author_email=author_email,
                email_hash=hashed_email,
                ip_hash=ip_hash,
                author_user=user if user is not None and user.is_authenticated else None,
                badge=badge,
                body=body,
                status=placement.status,
                flags=sorted(assessment.flags),
                urgent=placement.urgent,
                review=assessment.review,
                reasons=list(placement.reasons),
                terms_accepted_at=now,
                terms_version=settings.terms_version,
                edit_token_digest=digest(sent.secret),
                submission_key=sent.key,
                created_at=now,
            )
    except IntegrityError:
        # Sent twice at once: the other request saved this form first.
        before = _posted_before(sent)
        if before is None:
            raise
        return before
    log(comment, "dearly.comment.post", data={"status": comment.status})
    if placement.urgent:
        notifications.alert_moderators_on_commit(comment)
    if notify_replies:
        notifications.ask_to_confirm_subscription(comment, author_email)
    if comment.status == CommentStatus.PUBLISHED:
        _on_published(comment)
    return Posted(comment, sent.secret)


def _on_published(comment: Comment) -> None:
    transaction.on_commit(lambda: purge_page_from_cache(comment.page))
    if comment.parent_id:
        notifications.tell_subscribers_on_commit(comment)


def comment_for_token(token: str) -> Comment | None:
    return (
        Comment.objects.select_related("page")
        .exclude(status=CommentStatus.DELETED)
        .filter(edit_token_digest=digest(token))
        .first()
    )


def can_still_edit(comment: Comment, now: datetime | None = None) -> bool:
    return (now or timezone.now()) < comment.created_at + EDIT_WINDOW


@transaction.atomic
def edit_comment(comment: Comment, body: str) -> Comment:
    """The author's fix within the edit window; the new words are assessed like new ones."""
    if not can_still_edit(comment):
        raise CommentActionError("The 15 minutes for changing this comment have passed.")
    submission = Submission(kind="comment", watched_words=watched_words())
    assessment = assess(body, submission)
    comment.body = body
    comment.edited_at = timezone.now()
    fields = ["body", "edited_at", "updated_at"]
    if assessment.flags or assessment.review:
        comment.flags = sorted(set(comment.flags) | assessment.flags)
        comment.reasons = [*comment.reasons, *assessment.reasons]
        comment.urgent = comment.urgent or assessment.crisis
        if comment.status == CommentStatus.PUBLISHED:
            comment.status = CommentStatus.HELD
        fields += ["flags", "reasons", "urgent", "status"]
    comment.save(update_fields=fields)
    log(comment, "dearly.comment.edit")
    if comment.status == CommentStatus.PUBLISHED:
        _on_published(comment)
    return comment


@transaction.atomic
def delete_own_comment(comment: Comment) -> None:
    """The author takes it back: its words, name and email are erased at once."""
    if not can_still_edit(comment):
        raise CommentActionError("The 15 minutes for deleting this comment have passed.")
    was_published = comment.status == CommentStatus.PUBLISHED
    log(comment, "dearly.comment.delete")
    if comment.replies.exists():
        comment.status = CommentStatus.DELETED
        comment.body = ""
        comment.author_name = ""
        comment.author_email = ""
        comment.email_hash = ""
        comment.save(
            update_fields=[
                "status",
                "body",
                "author_name",
                "author_email",
                "email_hash",
                "updated_at",
            ]
        )
    else:
        comment.delete()
    if was_published:
        transaction.on_commit(lambda: purge_page_from_cache(comment.page))


@transaction.atomic
def report_comment(comment: Comment, reason: str, detail: str, ip_hash: str) -> bool:
    """Record a reader's report; enough of them hide a published comment until reviewed.

    Returns False when this reader had reported the comment already.
    """
    _, created = Report.objects.get_or_create(
        comment=comment, ip_hash=ip_hash, defaults={"reason": reason, "detail": detail[:300]}
    )
    if not created:
        return False
    Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    comment.refresh_from_db(fields=["report_count", "status", "flags", "reasons"])
    if "reported" not in comment.flags:
        comment.flags = sorted({*comment.flags, "reported"})
        comment.save(update_fields=["flags", "updated_at"])
    threshold = DiscussionSettings.load().reports_to_hide
    if comment.status == CommentStatus.PUBLISHED and comment.report_count >= threshold:
        comment.status = CommentStatus.HELD
        comment.reasons = [*comment.reasons, f"Hidden after {comment.report_count} reader reports."]
        comment.save(update_fields=["status", "reasons", "updated_at"])
        log(comment, "dearly.comment.hide", data={"reports": comment.report_count})
        transaction.on_commit(lambda: purge_page_from_cache(comment.page))
    return True


def _decide(comment: Comment, status: str, moderator: AbstractBaseUser, action: str) -> Comment:
    was_published = comment.status == CommentStatus.PUBLISHED
    comment.status = status
    comment.moderated_at = timezone.now()
    comment.moderated_by = moderator
    comment.urgent = False
    comment.review = False
    comment.save(
        update_fields=["status", "moderated_at", "moderated_by", "urgent", "review", "updated_at"]
    )
    log(comment, action, user=moderator, data={"page": comment.page_id})
    if status == CommentStatus.PUBLISHED:
        _on_published(comment)
    elif was_published:
        transaction.on_commit(lambda: purge_page_from_cache(comment.page))
    return comment


@transaction.atomic
def approve_comment(comment: Comment, moderator: AbstractBaseUser) -> Comment:
    learn_from_decision(comment.body, is_spam=False)
    return _decide(comment, CommentStatus.PUBLISHED, moderator, "dearly.comment.approve")


@transaction.atomic
def reject_comment(comment: Comment, moderator: AbstractBaseUser) -> Comment:
    return _decide(comment, CommentStatus.REJECTED, moderator, "dearly.comment.reject")


@transaction.atomic
def mark_spam(comment: Comment, moderator: AbstractBaseUser) -> Comment:
    learn_from_decision(comment.body, is_spam=True)
    return _decide(comment, CommentStatus.SPAM, moderator, "dearly.comment.spam")


@transaction.atomic
def ban_commenter(
    comment: Comment, moderator: AbstractBaseUser, days: int | None = None, reason: str = ""
) -> Ban:
    """Keep this commenter out (by email and IP hash) and take the comment down as spam."""
    expires = timezone.now() + timedelta(days=days) if days else None
    ban = Ban.objects.create(
        email_hash=comment.email_hash,
        ip_hash=comment.ip_hash,
        expires_at=expires,
        reason=reason[:300],
        created_by=moderator,
    )
    log(ban, "dearly.comment.ban", user=moderator, data={"comment": comment.pk, "days": days})
    if comment.status != CommentStatus.SPAM:
        mark_spam(comment, moderator)
    return ban


ACTIONS = {
    "approve": approve_comment,
    "reject": reject_comment,
    "spam": mark_spam,
    "ban": ban_commenter,
}
