"""The spam check on its own: the rules for what advice columns get, and the model's say."""

import pytest

from safety import spam
from safety.assessment import Decision, Item, Submission, check_spam
from safety.spam import find_spam, spam_rules


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "My fiance left me last spring. Dr. Ayo of the Moonlight Temple cast a love spell "
            "and he came back begging. Write to ayotemple@example.com",
            "spell",
        ),
        (
            "Spiritual healer Mama Tunde brought my husband back! WhatsApp +234 701 555 2211",
            "spell",
        ),
        (
            "Thank you Dr. Fola for saving my marriage with your powers. God bless him.",
            "spell",
        ),
        (
            "Big thanks to CipherFix, the recovery expert who got back my stolen crypto. "
            "Telegram @cipherfixpro",
            "hacker",
        ),
        (
            "I hired an ethical hacker who got into my wife's WhatsApp in an hour. "
            "Email truthseeker@example.net",
            "hacker",
        ),
        ("Earn $400 a day trading forex with Coach Ben, DM him on Instagram @benfx", "money"),
        ("Guaranteed loans, low interest, no credit check. Call (555) 010-4477", "money"),
        ("Great post! Visit my blog at tips-for-couples.example.com for more", "links"),
        ("Buy cheap replica handbags at https://bags.example.biz", "links"),
        (
            "I recommend Dr. Remi to everyone, she is real. Text her on +44 7700 900987",
            "testimonial",
        ),
    ],
)
def test_its_rules_catch_the_spam_advice_columns_get(text, rule):
    assert rule in [s.rule for s in spam_rules(text)]


@pytest.mark.parametrize(
    "text",
    [
        "My husband lost our savings in a crypto scam; it took us years to talk about it.",
        "My ex hacked my email after we split, so change every password.",
        "A psychic told my aunt she would remarry. She didn't, and she was happier.",
        "Please report the spell-caster and hacker comments, they are scams.",
        "Dr. Patel's old column on listening brought my husband and me closer.",
        "There are lines in other countries too: findahelpline.com",
        "We took out a loan for the funeral and it still weighs on us.",
        "Call your bank at once if you've been scammed; mine got the money back.",
        # A reply to another reader names them; it is not a way to reach a seller.
        "@Fenwick your figures for cheap rent in Spain are ten years out of date.",
    ],
)
def test_a_topic_without_a_seller_is_not_spam(text):
    assert spam_rules(text) == []


def test_rules_name_how_the_seller_is_reached():
    [signal] = spam_rules("Get a guaranteed loan today, WhatsApp +1 202 555 0147")
    assert (
        signal.reason == "offers money, loans or investments (a phone number, a messaging contact)"
    )


def test_the_learned_model_speaks_when_no_rule_did():
    text = "Make money online fast, message me for details."
    assert spam_rules(text) == []
    [signal] = find_spam(text)
    assert signal.rule == "model"
    assert signal.score >= spam.SPAM_THRESHOLD


def test_the_check_sends_spam_to_spam_with_reasons():
    text = "Nice article! Cheap watches at watches.example.com"
    finding = check_spam(Item(text, Submission()))
    assert (finding.flag, finding.decision, finding.stop) == ("spam", Decision.SPAM, False)
    assert finding.reasons == ("Spam: drops links to sell something (1 link).",)


def test_the_check_passes_an_ordinary_comment():
    assert (
        check_spam(Item("Thank you for the helpful article, I learned a lot.", Submission()))
        is None
    )


def test_a_handle_given_to_reach_someone_is_a_contact():
    [signal] = spam_rules("Follow @glowdrops_official for cheap serums, same factory.")
    assert signal.rule == "advert"
    assert "a messaging contact" in signal.reason


def test_the_comment_model_clears_the_learned_model_on_an_ordinary_comment():
    from safety.comment_model import SPAM

    text = "Hi from Canada! Same problems with our teenagers over here, honestly."
    learned = spam.SpamSignal("the learned spam model scores it 0.56", "model", 0.56)
    kept, sure = SPAM.review(text, [learned], {"model"})
    assert (kept, sure) == ([], None)
    advert = "Anyone want to earn from home? I made enough last month to quit my job, ask me how."
    kept, _ = SPAM.review(advert, [learned], {"model"})
    assert kept == [learned]


def test_what_the_comment_model_alone_reads_as_an_advert_is_held_for_a_person():
    text = "cheap followers, real accounts, ask me"
    assert find_spam(text) == []
    finding = check_spam(Item(text, Submission()))
    assert (finding.flag, finding.decision) == ("spam", Decision.HOLD)
    assert "reads as an advert to the model trained on labelled comments" in finding.reasons[0]
