"""The checks on how a comment arrived, each on its own: honeypot, speed, ban, flood, duplicate."""

import pytest

from safety.assessment import (
    Decision,
    Item,
    Submission,
    check_banned,
    check_duplicate,
    check_flood,
    check_honeypot,
    check_too_fast,
)

TEXT = "Thank you, this helped."


def item(**submission) -> Item:
    return Item(TEXT, Submission(**submission))


def test_a_filled_honeypot_is_a_bot_and_stops_the_chain():
    finding = check_honeypot(item(honeypot="http://cheap.example"))
    assert (finding.flag, finding.decision, finding.stop) == ("spam", Decision.SPAM, True)
    assert finding.reasons == ("Honeypot: the hidden field was filled in, as bots do.",)


@pytest.mark.parametrize("honeypot", ["", "   "])
def test_an_empty_honeypot_passes(honeypot):
    assert check_honeypot(item(honeypot=honeypot)) is None


def test_a_comment_sent_within_three_seconds_is_a_bot_and_stops_the_chain():
    finding = check_too_fast(item(seconds_to_submit=1.24))
    assert (finding.flag, finding.decision, finding.stop) == ("spam", Decision.SPAM, True)
    assert finding.reasons == (
        "Too fast: sent 1.2 seconds after the form opened (people take at least 3).",
    )


@pytest.mark.parametrize("seconds", [None, 3.0, 45.5])
def test_a_comment_that_took_three_seconds_or_more_or_was_not_timed_passes(seconds):
    assert check_too_fast(item(seconds_to_submit=seconds)) is None


def test_a_banned_commenter_goes_to_spam_and_stops_the_chain():
    finding = check_banned(item(banned=True))
    assert (finding.flag, finding.decision, finding.stop) == ("spam", Decision.SPAM, True)
    assert finding.reasons == ("Banned: this commenter is banned.",)
    assert check_banned(item()) is None


def test_five_recent_comments_from_one_ip_or_email_are_held_without_a_flag():
    finding = check_flood(item(recent_from_ip=5))
    assert (finding.flag, finding.decision, finding.stop) == (None, Decision.HOLD, False)
    assert finding.reasons == ("Flood: 5 recent comments from this IP.",)
    both = check_flood(item(recent_from_ip=7, recent_from_email=5))
    assert both.reasons == (
        "Flood: 7 recent comments from this IP.",
        "Flood: 5 recent comments from this email address.",
    )


def test_four_recent_comments_are_not_a_flood():
    assert check_flood(item(recent_from_ip=4, recent_from_email=4)) is None


def test_a_duplicate_is_spam_but_lets_later_checks_run():
    finding = check_duplicate(item(duplicate=True))
    assert (finding.flag, finding.decision, finding.stop) == ("spam", Decision.SPAM, False)
    assert finding.reasons == ("Duplicate: the same text was posted recently.",)
    assert check_duplicate(item()) is None
