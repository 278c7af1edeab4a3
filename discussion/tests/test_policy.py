import pytest

from discussion.models import Badge, CommentStatus, ModerationMode
from discussion.policy import History, place_comment
from safety import Assessment, Decision

CLEAN = Assessment(frozenset(), Decision.PUBLISH, ())
CRISIS = Assessment(
    frozenset({"crisis"}), Decision.HOLD, ('Crisis: "..." reads as a wish to die.',)
)
TOXIC = Assessment(frozenset({"toxic"}), Decision.HOLD, ("Offensive language.",))
SPAM = Assessment(frozenset({"spam"}), Decision.SPAM, ("Looks like a love-spell advert.",))
REGULAR = History(approved=5, recent_decisions=("published",) * 5)
NEWCOMER = History()


def place(assessment=CLEAN, badge=Badge.NONE, history=REGULAR, mode=ModerationMode.HOLD_NEW):
    return place_comment(assessment, badge=badge, history=history, mode=mode, approved_needed=2)


def test_it_holds_a_crisis_first_and_marks_it_urgent_whatever_the_mode():
    for mode in ModerationMode:
        placement = place(CRISIS, badge=Badge.THERAPIST, mode=mode)
        assert placement.status == CommentStatus.HELD
        assert placement.urgent


@pytest.mark.parametrize(("assessment", "status"), [(TOXIC, "held"), (SPAM, "spam")])
def test_it_follows_the_safety_decision(assessment, status):
    placement = place(assessment, mode=ModerationMode.PUBLISH_UNLESS_FLAGGED)
    assert placement.status == status
    assert placement.reasons == assessment.reasons


def test_it_holds_new_commenters_until_they_have_enough_approved_comments():
    assert place(history=NEWCOMER).status == CommentStatus.PENDING
    assert "0 of 2" in place(history=NEWCOMER).reasons[-1]
    assert place(history=History(approved=2)).status == CommentStatus.PUBLISHED


def test_it_holds_everyone_in_hold_all_mode():
    assert place(mode=ModerationMode.HOLD_ALL).status == CommentStatus.PENDING


def test_it_publishes_unless_flagged_in_that_mode():
    placement = place(history=NEWCOMER, mode=ModerationMode.PUBLISH_UNLESS_FLAGGED)
    assert placement.status == CommentStatus.PUBLISHED


def test_it_holds_again_a_commenter_whose_recent_comments_were_mostly_rejected():
    history = History(approved=9, recent_decisions=("rejected", "spam", "published", "rejected"))
    assert history.mostly_rejected
    placement = place(history=history, mode=ModerationMode.PUBLISH_UNLESS_FLAGGED)
    assert placement.status == CommentStatus.PENDING
    assert "mostly" in placement.reasons[-1] or "Most" in placement.reasons[-1]


@pytest.mark.parametrize("badge", [Badge.THERAPIST, Badge.MODERATOR])
def test_it_lets_therapists_and_moderators_skip_the_first_timer_hold(badge):
    assert place(badge=badge, history=NEWCOMER).status == CommentStatus.PUBLISHED
    assert place(TOXIC, badge=badge).status == CommentStatus.HELD
