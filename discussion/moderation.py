"""The rules for comments: every change of a comment's status goes through here."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from discussion.models import Comment, CommentStatus

AWAITING_REASON = "New comments are read by a moderator before they appear."


@transaction.atomic
def submit_comment(*, page, author_name: str, author_email: str, body: str) -> Comment:
    """Save a reader's comment; it waits for a moderator before anyone else sees it."""
    comment = Comment.objects.create(
        page=page,
        author_name=author_name,
        author_email=author_email,
        body=body,
        status=CommentStatus.PENDING,
        reasons=[AWAITING_REASON],
        terms_accepted_at=timezone.now(),
    )
    return comment


def _moderate(comment: Comment, status: str, moderator: AbstractBaseUser, action: str) -> Comment:
    comment.status = status
    comment.moderated_at = timezone.now()
    comment.moderated_by = moderator
    comment.save(update_fields=["status", "moderated_at", "moderated_by", "updated_at"])
    log(comment, action, user=moderator, data={"page": comment.page_id})
    return comment


@transaction.atomic
def approve_comment(comment: Comment, moderator: AbstractBaseUser) -> Comment:
    return _moderate(comment, CommentStatus.PUBLISHED, moderator, "dearly.comment.approve")


@transaction.atomic
def reject_comment(comment: Comment, moderator: AbstractBaseUser) -> Comment:
    return _moderate(comment, CommentStatus.REJECTED, moderator, "dearly.comment.reject")
