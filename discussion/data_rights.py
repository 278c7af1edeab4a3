"""What a commenter may see and erase through privacy's data-rights pages."""

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

from discussion.models import Ban, Comment, CommentStatus, ReplySubscription, Report
from privacy.rights import CommentChoice, Erasure, register, register_ip_hashes

FORMER_READER = "Former reader"


def _when(value):
    return value.isoformat() if value else None


def export_comments(hashed_email: str) -> list[dict]:
    comments = (
        Comment.objects.filter(email_hash=hashed_email)
        .select_related("page")
        .order_by("created_at", "pk")
    )
    return [
        {
            "reference": f"Comment #{comment.pk}",
            "answer": comment.page.title,
            "answer_url": comment.page.get_full_url(),
            "in_reply_to": f"Comment #{comment.parent_id}" if comment.parent_id else None,
            "name": comment.author_name,
            "email": comment.author_email,
            "comment": comment.body,
            "status": comment.get_status_display(),
            "posted_at": _when(comment.created_at),
            "edited_at": _when(comment.edited_at),
            "terms_accepted_at": _when(comment.terms_accepted_at),
            "terms_version": comment.terms_version,
        }
        for comment in comments
    ]


def _forget_author(comment: Comment, name: str) -> list[str]:
    comment.author_name = name
    comment.author_email = ""
    comment.email_hash = ""
    comment.ip_hash = ""
    comment.author_user = None
    comment.badge = ""
    # The old edit link would let whoever holds it act as the author: it dies too.
    comment.edit_token_digest = ""
    return ["author_name", "author_email", "email_hash", "ip_hash", "author_user", "badge"]


def anonymise_comment(comment: Comment) -> None:
    """The words stay where they are; nothing says any longer who wrote them."""
    fields = _forget_author(comment, FORMER_READER)
    comment.save(update_fields=[*fields, "edit_token_digest", "updated_at"])


def remove_comment(comment: Comment) -> None:
    """Deleted; a comment others replied to keeps its place in the thread, emptied."""
    if not comment.replies.exists():
        comment.delete()
        return
    fields = _forget_author(comment, "")
    comment.status = CommentStatus.DELETED
    comment.body = ""
    comment.flags = []
    comment.reasons = []
    comment.save(
        update_fields=[
            *fields,
            "edit_token_digest",
            "status",
            "body",
            "flags",
            "reasons",
            "updated_at",
        ]
    )
    # Readers' reports may quote the words that are now gone.
    Report.objects.filter(comment=comment).delete()


def erase_comments(hashed_email: str, erasure: Erasure) -> int:
    # Deepest first, so a reader's replies to their own comments go before the comments do.
    comments = (
        Comment.objects.filter(email_hash=hashed_email)
        .select_related("page")
        .order_by("-depth", "-created_at", "-pk")
    )
    pages = {}
    count = 0
    for comment in comments:
        if comment.status == CommentStatus.PUBLISHED:
            pages[comment.page_id] = comment.page
        if erasure.comments == CommentChoice.ANONYMISE:
            anonymise_comment(comment)
        else:
            remove_comment(comment)
        count += 1
    for page in pages.values():
        transaction.on_commit(lambda page=page: purge_page_from_cache(page))
    return count


def export_subscriptions(hashed_email: str) -> list[dict]:
    subscriptions = (
        ReplySubscription.objects.filter(email_hash=hashed_email)
        .select_related("comment__page")
        .order_by("pk")
    )
    return [
        {
            "comment": f"Comment #{subscription.comment_id}",
            "answer": subscription.comment.page.title,
            "email": subscription.email,
            "confirmed_at": _when(subscription.confirmed_at),
            "created_at": _when(subscription.created_at),
        }
        for subscription in subscriptions
    ]


def erase_subscriptions(hashed_email: str, erasure: Erasure) -> int:
    count, _ = ReplySubscription.objects.filter(email_hash=hashed_email).delete()
    return count


def export_bans(hashed_email: str) -> list[dict]:
    bans = Ban.objects.filter(email_hash=hashed_email).order_by("pk")
    return [
        {
            "reason": ban.reason,
            "created_at": _when(ban.created_at),
            "expires_at": _when(ban.expires_at),
        }
        for ban in bans
    ]


register("comments", "Comments", export_comments, erase_comments, order=20)
register("reply_subscriptions", "Reply emails", export_subscriptions, erase_subscriptions, order=30)
register(
    "comment_bans",
    "Bans from commenting",
    export_bans,
    order=40,
    kept_because=(
        "A ban keeps someone out of the comments, so it stays. It holds a keyed fingerprint "
        "of the address, never the address itself."
    ),
)
register_ip_hashes(Comment, "created_at")
register_ip_hashes(Report, "created_at")
register_ip_hashes(Ban, "created_at")
