"""Watched words on their own: whole words, any case, phrases, and each action."""

import pytest

from safety.assessment import Decision, Item, Submission, check_watched_words
from safety.watched import WatchedMatch, find_watched


def test_it_matches_whole_words_in_any_case():
    watched = (("ass", "hold"),)
    assert find_watched("What an ASS!", watched) == [WatchedMatch("ass", "hold")]
    for text in ["A class act.", "Please assess this.", "asses", "bass guitar"]:
        assert find_watched(text, watched) == []


def test_it_matches_phrases_across_spacing_and_punctuation_around_them():
    watched = (("cheap pills", "spam"),)
    assert find_watched("Get CHEAP\n  pills, now", watched) == [WatchedMatch("cheap pills", "spam")]
    assert find_watched("cheap pillsbury dough", watched) == []
    assert find_watched("pills, cheap", watched) == []


def test_it_keeps_the_order_of_the_list_and_ignores_blank_phrases():
    watched = (("   ", "hold"), ("zeta", "flag"), ("alpha", "hold"))
    matches = find_watched("alpha and zeta", watched)
    assert [m.phrase for m in matches] == ["zeta", "alpha"]


def test_it_refuses_an_unknown_action():
    with pytest.raises(ValueError, match="action"):
        find_watched("anything", (("anything", "delete"),))


def check(text, *watched):
    return check_watched_words(Item(text, Submission(watched_words=watched)))


def test_hold_holds_without_a_flag():
    finding = check("My ex is a narcissist.", ("narcissist", "hold"))
    assert (finding.flag, finding.decision, finding.review) == (None, Decision.HOLD, False)
    assert finding.reasons == ('Watched word: "narcissist" (held for a moderator).',)


def test_spam_rejects_as_spam():
    finding = check("Essay help here", ("essay help", "spam"))
    assert (finding.flag, finding.decision) == ("spam", Decision.SPAM)
    assert finding.reasons == ('Watched word: "essay help" (rejected as spam).',)


def test_flag_publishes_and_asks_for_a_review():
    finding = check("My lawyer said wait.", ("lawyer", "flag"))
    assert (finding.flag, finding.decision, finding.review) == (None, Decision.PUBLISH, True)
    assert finding.reasons == ('Watched word: "lawyer" (flagged for review).',)


def test_the_strictest_action_wins_and_every_match_is_a_reason():
    finding = check(
        "lawyer narcissist essay help",
        ("lawyer", "flag"),
        ("essay help", "spam"),
        ("narcissist", "hold"),
    )
    assert (finding.flag, finding.decision, finding.review) == ("spam", Decision.SPAM, True)
    assert len(finding.reasons) == 3


def test_no_list_or_no_match_passes():
    assert check("Anything at all") is None
    assert check("Anything at all", ("nothing", "hold")) is None
