"""The learned second opinion: similarity to labelled exemplars, beside the rules."""

import json
from collections import Counter

import pytest

from safety import assess, crisis
from safety import crisis_similarity as similarity
from safety.crisis import find_crisis, read
from safety.tests.test_crisis_figures import SETS
from safety.text import sentences

# Risk in words no rule pattern knows (all from the first held-out set, now development).
INDIRECT = [
    "I have been researching the most painless way to go.",
    "I keep praying not to wake up in the morning, and every morning I'm disappointed.",
    "I've got fresh marks on my wrists again and I'm running out of excuses for the long "
    "sleeves in July.",
    "My brother came at me with a kitchen knife last night and my parents said I provoked him.",
    "I have started giving my books and records away to friends.",
]

# Sentences the embeddings alone would flag, which the rules' judgement keeps out.
JUDGED_BY_THE_RULES = [
    ("I don't want to die.", "negation"),
    ("I'm not going to kill myself.", "negation"),
]

# And more that must stay non-crisis whatever similarity makes of them.
NOT_CRISIS = [
    "I'm not suicidal.",
    "I'm not suicidal, just tired.",
    "I have no intention of ending my life.",
    "I'm not thinking of ending my life.",
    "He has never laid a hand on me.",
    "Dying has never crossed my mind.",
    "I used to cut myself, but I've been clean for years.",
    "Years ago I wanted to die.",
    "I nearly died laughing.",
    "This job is killing me.",
    "I could kill for a coffee.",
    "He hit me up about the wedding.",
]


@pytest.fixture(scope="module")
def exemplars():
    return similarity.load_exemplars()


def test_the_exemplars_are_enough_and_cover_every_kind(exemplars):
    kinds = Counter((e["crisis"], e["kind"]) for e in exemplars)
    assert sum(n for (risk, _), n in kinds.items() if risk) >= 70
    assert sum(n for (risk, _), n in kinds.items() if not risk) >= 80
    assert {k for risk, k in kinds if risk} == set(similarity.ABOUT)
    assert {k for risk, k in kinds if not risk} >= {
        "idiom",
        "negation",
        "supportive",
        "reported",
        "recovery",
        "sadness",
        "ordinary",  # everyday letter and comment sentences: the background to tell risk from
    }
    for example in exemplars:
        assert set(example) == {"text", "crisis", "kind"}
        assert len(sentences(example["text"])) == 1, example["text"]
    texts = [e["text"] for e in exemplars]
    assert len(set(texts)) == len(texts)


def test_no_exemplar_is_a_sentence_of_an_evaluation_set(exemplars):
    ours = {e["text"].lower() for e in exemplars}
    for path, *_ in SETS.values():
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            assert not ours & {s.lower() for s in sentences(text)}, text


@pytest.mark.parametrize("text", INDIRECT)
def test_it_finds_risk_the_rules_miss_and_says_so_plainly(text):
    assert find_crisis(text, similarity=False) == []
    [signal] = find_crisis(text)
    assert signal.rule == "similarity"
    assert signal.sentence == text
    assert signal.reason.startswith("reads like other messages about ")
    assert signal.reason.endswith(")")
    assert "(similarity 0." in signal.reason


def test_the_reason_names_what_the_nearest_exemplars_were_about():
    hit = similarity.SimilarityHit(score=0.2, similarity=0.714, kind="ideation")
    assert hit.reason == "reads like other messages about wanting to die (similarity 0.71)"
    assert all(about for about in similarity.ABOUT.values())


@pytest.mark.parametrize(("text", "why"), JUDGED_BY_THE_RULES)
def test_similarity_never_overrides_the_rules_judgement(text, why):
    [hit] = similarity.score([text])
    assert similarity.flags(hit), "chosen because the embeddings alone would flag it"
    [reading] = read(text)
    assert reading.cleared == why
    assert reading.signal is None
    assert reading.similarity is None  # not even asked
    assert find_crisis(text) == []
    assert not assess(text).crisis


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_denials_idioms_and_recovery_stay_non_crisis(text):
    assert find_crisis(text) == []


def test_a_crisis_after_a_denial_in_another_clause_is_still_found():
    # The denial covers its own clause; the rules still read the rest.
    assert find_crisis("I'm not suicidal, but I bought a rope last week.")
    assert not crisis._guarded(crisis.normalise("I can't sleep and I want to die."), "")


def test_rules_and_similarity_each_report_their_own_sentences_in_order():
    letter = (
        "Thank you for reading this. I want to end it all. "
        "I have been researching the most painless way to go. My sister visits on Sundays."
    )
    signals = find_crisis(letter)
    assert [(s.sentence, s.rule) for s in signals] == [
        ("I want to end it all.", "wish_to_die"),
        ("I have been researching the most painless way to go.", "similarity"),
    ]
    reasons = assess(letter, "letter").reasons
    assert reasons[1].startswith(
        'Crisis: "I have been researching the most painless way to go." reads like other '
        "messages about"
    )


def test_it_can_be_switched_off(monkeypatch):
    text = INDIRECT[0]
    monkeypatch.setattr(crisis, "USE_SIMILARITY", False)
    assert find_crisis(text) == []
    assert find_crisis(text, similarity=True)


def test_ordinary_letters_are_not_flagged():
    letter = (
        "My husband and I argue about money every month. He thinks I spend too much on the "
        "children, and I think he hides what he earns. Last night it ended in tears again. "
        "How do we talk about it without fighting?"
    )
    readings = read(letter)
    assert all(r.signal is None for r in readings)
    assert all(r.similarity is not None for r in readings)  # each was asked, none flagged


def test_scores_are_margins_between_the_two_sides():
    [risky, calm] = similarity.score(
        ["I want to disappear forever and never wake up.", "We painted the kitchen yellow."]
    )
    assert risky.score > similarity.THRESHOLD > calm.score
    assert -1.0 <= calm.score <= 1.0
    assert similarity.find_similar([]) == []


def test_it_can_be_warmed_up_before_the_first_text(monkeypatch):
    monkeypatch.setattr(similarity.EXAMPLES, "_vectors", None)
    assert not similarity.EXAMPLES.loaded
    similarity.warm_up()
    assert similarity.EXAMPLES.loaded


@pytest.mark.parametrize(
    ("margin", "closeness", "flagged"),
    [
        (0.04, 0.46, True),  # the usual margin, close enough to risk
        (0.04, 0.44, False),  # the usual margin, too far from everything
        (0.09, 0.41, True),  # a clear margin: a lower floor will do
        (0.09, 0.39, False),
        (0.02, 0.60, False),  # close to risk, but as close to harmless wording
    ],
)
def test_a_clear_margin_is_flagged_at_a_lower_floor(margin, closeness, flagged):
    hit = similarity.SimilarityHit(score=margin, similarity=closeness, kind="plan")
    assert similarity.flags(hit) is flagged
