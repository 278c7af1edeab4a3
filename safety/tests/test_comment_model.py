"""The comment model: how it is fitted and kept, and how it weighs the other checks' findings."""

import numpy as np
import pytest

from safety import assess, comment_model
from safety.comment_model import CRISIS, TOXIC, CommentModel, Reading, Thresholds
from safety.crisis import CrisisSignal

THRESHOLDS = Thresholds(confirm=0.5, sure=0.9, sentence=0.9, floor=0.5)


def constant_model(probability: float, thresholds: Thresholds = THRESHOLDS) -> CommentModel:
    """A model that gives every text the same probability: no hidden unit ever fires and no
    word has a weight, so both parts give the sigmoid of their bias alone."""
    logit = np.log(probability / (1 - probability))
    layers = {
        "hidden": np.zeros((384, 4), dtype=np.float32),
        "hidden_bias": np.zeros(4, dtype=np.float32),
        "output": np.zeros(4, dtype=np.float32),
        "output_bias": np.array([logit], dtype=np.float32),
        "words_columns": np.array([0], dtype=np.int64),
        "words_weights": np.zeros(1, dtype=np.float32),
        "words_bias": np.array([logit], dtype=np.float32),
    }
    return CommentModel(CRISIS.examples, thresholds, "reads as a test", layers=layers)


RULE = CrisisSignal("I want to die.", "reads as a wish to die", "wish_to_die")
NEARNESS = CrisisSignal("I gave my watch away.", "reads like goodbyes", "similarity")
TEXT = "I want to die. I gave my watch away."


def test_what_the_learned_checks_found_stands_only_when_the_model_agrees_a_little():
    kept, sure = constant_model(0.3).review(TEXT, [RULE, NEARNESS], {"similarity"})
    assert kept == [RULE]
    assert sure is None
    kept, sure = constant_model(0.6).review(TEXT, [RULE, NEARNESS], {"similarity"})
    assert kept == [RULE, NEARNESS]
    assert sure is None


def test_one_telling_sentence_does_not_confirm_what_the_learned_checks_found():
    # The network is sure of every sentence (0.95), the words are not (0.1): the comment as a
    # whole reads 0.7 x 0.1 + 0.3 x 0.95, under `confirm`.
    layers = dict(constant_model(0.95)._loaded())
    layers["words_bias"] = np.array([np.log(0.1 / 0.9)], dtype=np.float32)
    model = CommentModel(CRISIS.examples, THRESHOLDS, "reads as a test", layers=layers)
    reading = model.read(TEXT)
    assert reading.whole == pytest.approx(0.355, abs=1e-3)
    assert reading.strongest == pytest.approx(0.95, abs=1e-3)
    kept, _ = model.review(TEXT, [RULE, NEARNESS], {"similarity"})
    assert kept == [RULE]


def test_the_rules_findings_stand_whatever_the_model_says():
    kept, _ = constant_model(0.01).review(TEXT, [RULE], {"similarity"})
    assert kept == [RULE]


def test_the_model_alone_flags_only_when_sure_and_nothing_else_stands():
    _, sure = constant_model(0.95).review(TEXT, [], {"similarity"})
    assert sure is not None
    assert sure.score == pytest.approx(0.95, abs=1e-4)
    _, sure = constant_model(0.85).review(TEXT, [], {"similarity"})
    assert sure is None
    kept, sure = constant_model(0.95).review(TEXT, [NEARNESS], {"similarity"})
    assert kept == [NEARNESS]
    assert sure is None


def test_one_telling_sentence_is_enough_only_where_the_whole_comment_leans_the_same_way():
    thresholds = Thresholds(confirm=0.5, sure=0.9, sentence=0.95, floor=0.5)
    assert Reading(whole=0.92, strongest=0.3, sentence="a").sure(thresholds)
    assert Reading(whole=0.6, strongest=0.97, sentence="a").sure(thresholds)
    assert not Reading(whole=0.6, strongest=0.93, sentence="a").sure(thresholds)
    assert not Reading(whole=0.4, strongest=0.99, sentence="a").sure(thresholds)
    assert Reading(whole=0.6, strongest=0.97, sentence="a").quoted == "a"
    assert Reading(whole=0.97, strongest=0.6, sentence="a").quoted is None


def test_sentences_the_rules_cleared_are_not_read():
    model = constant_model(0.99)
    assert model.read(TEXT, skip=frozenset({"I want to die.", "I gave my watch away."})).score == 0
    assert model.read(TEXT, skip=frozenset({"I want to die."})).sentence == "I gave my watch away."


def test_it_flags_a_crisis_that_neither_the_rules_nor_similarity_find():
    text = "I've stopped eating and I've stopped caring. It'll all be over soon enough."
    result = assess(text)
    assert result.crisis
    assert result.decision == "hold"
    assert "reads as a crisis to the model trained on labelled comments" in result.reasons[0]


def test_it_clears_a_similarity_false_alarm_in_an_ordinary_comment():
    from safety.crisis import find_crisis

    text = (
        "I printed this out and stuck it on the fridge. "
        "My husband pretended not to notice, but he read it."
    )
    assert [s.rule for s in find_crisis(text)] == ["similarity"]
    assert assess(text).flags == frozenset()


def test_it_clears_a_nearness_false_alarm_and_keeps_real_abuse():
    from safety.toxicity import find_toxicity

    harmless = "The writer's boss sounds like a bully. Document everything and go to HR."
    assert any(s.rule == "nearness" for s in find_toxicity(harmless))
    assert not assess(harmless).toxic
    abuse = "Go crawl back under your rock, LW."
    assert assess(abuse).toxic


def test_the_fitted_layers_are_kept_and_read_back_without_fitting_again():
    path = TOXIC.weights_file()
    TOXIC.warm_up()
    assert path.exists()

    class NoFitting(CommentModel):
        def fit(self):
            raise AssertionError("fitted again")

    again = NoFitting(TOXIC.examples, TOXIC.thresholds, TOXIC.reads)
    vectors = np.random.default_rng(0).normal(size=(3, 384)).astype(np.float32)
    assert np.allclose(again.probabilities(vectors), TOXIC.probabilities(vectors))
    text = "What a spineless little worm you are."
    assert again.word_probability(text) == pytest.approx(TOXIC.word_probability(text))
    assert not list(path.parent.glob("*.partial"))


def test_the_training_data_holds_examples_comments_and_harmless_sentences():
    features, labels = CRISIS.training_data()
    positive, negative = CRISIS.examples.vectors()
    comments = comment_model._labelled_comments()
    harmless_sentences = sum(len(vectors) for row, vectors in comments if not row["crisis"])
    assert features.shape == (
        len(positive) + len(negative) + len(comments) + harmless_sentences,
        384,
    )
    assert labels.sum() == len(positive) + sum(row["crisis"] for row, _ in comments)
    assert np.allclose(np.linalg.norm(features, axis=1), 1, atol=1e-3)


def test_the_held_out_sets_are_not_in_the_training_data():
    from safety.tests.test_comment_figures import BLIND

    assert not {path.name for path in BLIND} & {path.name for path in comment_model.COMMENT_PATHS}


def test_the_words_part_is_fitted_on_the_examples_and_the_comments_whole():
    assert TOXIC.word_probability("What a pathetic, spineless little worm you are.") > 0.5
    assert TOXIC.word_probability("What a kind and thoughtful answer this was.") < 0.5
    texts, labels = TOXIC.word_training_data()
    assert (
        len(texts)
        == len(labels)
        == len(TOXIC.examples.examples()) + len(comment_model._comment_rows())
    )


def test_the_whole_comment_weighs_its_words_more_than_its_mean_vector():
    model = constant_model(0.5)
    layers = dict(model._loaded())
    layers["words_bias"] = np.array([np.log(0.9 / 0.1)], dtype=np.float32)
    reading = CommentModel(CRISIS.examples, THRESHOLDS, "reads as a test", layers=layers).read(TEXT)
    assert reading.whole == pytest.approx(0.7 * 0.9 + 0.3 * 0.5, abs=1e-4)
    assert reading.strongest == pytest.approx(0.5, abs=1e-4)


def test_words_worked_out_once_for_all_three_models_read_the_same():
    from safety.assessment import Item, Submission
    from safety.spam import hashed_features

    text = "Go crawl back under your rock, LW."
    item = Item(text, Submission())
    assert item.words() is item.words()
    assert np.array_equal(item.words()[0], hashed_features(text)[0])
    assert TOXIC.read(text, words=item.words()) == TOXIC.read(text)
