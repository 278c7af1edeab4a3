"""The whole chain for comments: order, stopping, reasons, and a crisis never hidden."""

import pytest

from safety import Decision, Submission, assess, toxicity
from safety import assessment as assessment_module

CRISIS = "I want to kill myself."
SPAM = "Dr. Ayo brought my husband back with a love spell! WhatsApp +234 701 555 2211"


def reasons_from(result, prefix):
    return [r for r in result.reasons if r.startswith(prefix)]


def test_the_checks_run_in_the_documented_order():
    assert [c.__name__ for c in assessment_module.CHECKS] == [
        "check_honeypot",
        "check_too_fast",
        "check_banned",
        "check_flood",
        "check_duplicate",
        "check_links",
        "check_watched_words",
        "check_crisis",
        "check_offensive",
        "check_spam",
    ]
    assert [c.__name__ for c in assessment_module.LETTER_CHECKS] == ["check_crisis"]


@pytest.mark.parametrize(
    ("submission", "reason"),
    [
        (Submission(honeypot="x"), "Honeypot:"),
        (Submission(seconds_to_submit=0.8), "Too fast:"),
        (Submission(banned=True), "Banned:"),
    ],
)
def test_bots_and_banned_commenters_stop_the_chain(submission, reason):
    result = assess("You're a pathetic idiot. Visit a.example.com and b.example.com", submission)
    assert result.decision is Decision.SPAM
    assert result.flags == frozenset({"spam"})
    [only] = result.reasons
    assert only.startswith(reason)  # nothing after it ran: no links, no offensive reason


def test_the_honeypot_comes_before_speed_and_bans():
    result = assess("Hello", Submission(honeypot="x", seconds_to_submit=0.1, banned=True))
    assert [r.split(":")[0] for r in result.reasons] == ["Honeypot"]


def test_a_flood_holds_and_later_checks_still_add_their_reasons():
    result = assess("You're a pathetic idiot.", Submission(recent_from_ip=6))
    assert result.decision is Decision.HOLD
    assert result.flags == frozenset({"toxic"})
    assert [r.split(":")[0] for r in result.reasons] == ["Flood", "Offensive"]


def test_a_duplicate_is_spam_and_keeps_the_reasons_of_later_checks():
    result = assess(
        "Nice article! Cheap watches at watches.example.com", Submission(duplicate=True)
    )
    assert result.decision is Decision.SPAM
    assert result.flags == frozenset({"spam"})
    assert [r.split(":")[0] for r in result.reasons] == ["Duplicate", "Spam"]


def test_two_links_hold_an_otherwise_fine_comment_without_a_flag():
    text = "Two charities that helped us: https://www.samaritans.org and mind.org.uk/support"
    result = assess(text)
    assert (result.decision, result.flags) == (Decision.HOLD, frozenset())
    assert result.reasons == ("Links: 2 web addresses (held at 2 or more).",)


def test_a_flagged_watched_word_publishes_with_a_review():
    result = assess("Our lawyer said to wait.", Submission(watched_words=(("lawyer", "flag"),)))
    assert (result.decision, result.flags, result.review) == (Decision.PUBLISH, frozenset(), True)
    assert result.reasons == ('Watched word: "lawyer" (flagged for review).',)


def test_a_watched_word_for_spam_rejects():
    result = assess("Essay help, cheap", Submission(watched_words=(("essay help", "spam"),)))
    assert (result.decision, result.flags, result.review) == (
        Decision.SPAM,
        frozenset({"spam"}),
        False,
    )


def test_reasons_follow_the_order_of_the_checks():
    text = (
        "I want to kill myself. You people are pathetic idiots. See a.example.com and b.example.com"
    )
    result = assess(text, Submission(recent_from_email=5, watched_words=(("pathetic", "hold"),)))
    assert [r.split(":")[0] for r in result.reasons] == [
        "Flood",
        "Links",
        "Watched word",
        "Crisis",
        "Offensive",
    ]


# A crisis is never hidden ------------------------------------------------------------


def test_a_wish_to_die_is_a_crisis_not_abuse_though_the_model_calls_it_offensive():
    assert toxicity.offensive_scores([CRISIS])[0] >= toxicity.THRESHOLD
    result = assess(CRISIS)
    assert result.flags == frozenset({"crisis"})
    assert result.decision is Decision.HOLD
    assert result.reasons == ('Crisis: "I want to kill myself." reads as a wish to die.',)


@pytest.mark.parametrize(
    "text",
    [
        "kys",
        "go kill yourself",
        "You should just die.",
        "Nobody would miss you if you jumped.",
        "Do everyone a favour and k1ll yourself.",
        "If I were you I'd kill myself, honestly.",
    ],
)
def test_telling_someone_else_to_harm_themselves_is_abuse_not_a_crisis(text):
    result = assess(text)
    assert result.flags == frozenset({"toxic"})
    assert result.decision is Decision.HOLD
    [reason] = result.reasons
    assert reason.endswith("tells someone to harm themselves.")


def test_a_crisis_and_abuse_of_someone_else_are_both_flagged():
    result = assess("I want to die. And you should go kill yourself.")
    assert result.flags == frozenset({"crisis", "toxic"})
    assert result.decision is Decision.HOLD
    assert reasons_from(result, "Offensive:") == [
        'Offensive: "And you should go kill yourself." tells someone to harm themselves.'
    ]


@pytest.mark.parametrize(
    "submission",
    [Submission(duplicate=True), Submission(watched_words=(("spell", "spam"),)), Submission()],
)
def test_a_crisis_is_held_never_sent_to_spam(submission):
    text = f"{CRISIS} {SPAM}"
    result = assess(text, submission)
    assert "crisis" in result.flags
    assert "spam" in result.flags
    assert result.decision is Decision.HOLD
    assert reasons_from(result, "Crisis:")


# What is not a problem -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for this. I called my sister for the first time in a year.",
        "I think you're wrong and this advice is harmful.",
        "This job is killing me, but this column helps.",
        "If you ever have thoughts of suicide, please call or text 988. I did and I'm here.",
        "I lost my brother to suicide. Please tell someone tonight if you are struggling.",
        "Here is the list for other countries: findahelpline.com",
    ],
)
def test_ordinary_disagreeing_supportive_and_idiomatic_comments_publish(text):
    result = assess(text)
    assert (result.flags, result.decision, result.reasons, result.review) == (
        frozenset(),
        Decision.PUBLISH,
        (),
        False,
    )


# Contexts ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Thanks, this helped.", CRISIS, "You're a pathetic idiot.", SPAM])
def test_the_string_comment_is_a_default_submission(text):
    assert assess(text, "comment") == assess(text, Submission()) == assess(text)


def test_letters_are_checked_for_a_crisis_only_as_before():
    rude_spam = "You're a pathetic idiot. " + SPAM + " a.example.com b.example.com"
    assert assess(rude_spam, "letter").flags == frozenset()
    assert assess(rude_spam, "letter").decision is Decision.PUBLISH
    letter = Submission(kind="letter", honeypot="x", duplicate=True, recent_from_ip=9)
    assert assess("I need advice about my sister.", letter).decision is Decision.PUBLISH
    result = assess(f"{CRISIS} {rude_spam}", "letter")
    assert (result.flags, result.decision) == (frozenset({"crisis"}), Decision.HOLD)
    assert assess(CRISIS, letter) == assess(CRISIS, "letter")


def test_the_result_says_which_flags_it_raised():
    result = assess("You're a pathetic idiot.")
    assert (result.crisis, result.toxic, result.spam) == (False, True, False)
