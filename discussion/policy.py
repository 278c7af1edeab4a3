"""Where a new comment goes first: plain rules over the safety assessment and the commenter."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from discussion.models import Badge, CommentStatus, ModerationMode
from safety import Assessment, Decision

RECENT_DECISIONS = 5


@dataclass(frozen=True)
class History:
    """What moderators decided about this commenter's earlier comments (matched by email hash)."""

    approved: int = 0
    recent_decisions: tuple[str, ...] = ()  # newest first, statuses of decided comments

    @property
    def mostly_rejected(self) -> bool:
        recent = self.recent_decisions[:RECENT_DECISIONS]
        rejected = sum(s in (CommentStatus.REJECTED, CommentStatus.SPAM) for s in recent)
        return len(recent) >= 2 and rejected * 2 > len(recent)


@dataclass(frozen=True)
class Placement:
    status: str
    reasons: tuple[str, ...]
    urgent: bool = False


def place_comment(
    assessment: Assessment,
    *,
    badge: str,
    history: History,
    mode: str,
    approved_needed: int,
) -> Placement:
    """The first status of a new comment, with the reasons a moderator will read."""
    reasons = assessment.reasons
    if assessment.crisis:
        return Placement(CommentStatus.HELD, reasons, urgent=True)
    if assessment.decision == Decision.SPAM:
        return Placement(CommentStatus.SPAM, reasons)
    if assessment.decision == Decision.HOLD:
        return Placement(CommentStatus.HELD, reasons)
    if badge in (Badge.THERAPIST, Badge.MODERATOR):
        return Placement(CommentStatus.PUBLISHED, reasons)
    if mode == ModerationMode.HOLD_ALL:
        return Placement(CommentStatus.PENDING, (*reasons, "Every comment is read first."))
    if history.mostly_rejected:
        note = "Most of this commenter's recent comments were rejected."
        return Placement(CommentStatus.PENDING, (*reasons, note))
    if mode == ModerationMode.HOLD_NEW and history.approved < approved_needed:
        note = (
            f"New commenter: {history.approved} of {approved_needed} approved comments "
            "needed before theirs appear at once."
        )
        return Placement(CommentStatus.PENDING, (*reasons, note))
    return Placement(CommentStatus.PUBLISHED, reasons)


def comments_close_at(published_at: datetime | None, open_days: int) -> datetime | None:
    if published_at is None:
        return None
    return published_at + timedelta(days=open_days)


def comments_open(published_at: datetime | None, open_days: int, now: datetime) -> bool:
    closes = comments_close_at(published_at, open_days)
    return closes is not None and now < closes
