"""`evaluate(examples)`: precision, recall and F1 for the crisis flag, with the misses."""

import pytest

from safety.evaluation import evaluate

EXAMPLES = [
    {"text": "a", "crisis": True},
    {"text": "b", "crisis": True},
    {"text": "c", "crisis": True},
    {"text": "d", "crisis": False},
    {"text": "e", "crisis": False},
]


def test_it_counts_hits_misses_and_false_alarms():
    flagged = {"a", "b", "d"}
    result = evaluate(EXAMPLES, predict=lambda example: example["text"] in flagged)
    assert (result["tp"], result["fp"], result["fn"], result["tn"]) == (2, 1, 1, 1)
    assert (result["total"], result["positives"]) == (5, 3)
    assert result["precision"] == pytest.approx(2 / 3)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(2 / 3)
    assert result["false_negatives"] == ["c"]
    assert result["false_positives"] == ["d"]


def test_it_uses_assess_by_default():
    result = evaluate(
        [
            {"text": "I want to end it all.", "crisis": True},
            {"text": "This job is killing me.", "crisis": False, "context": "letter"},
        ]
    )
    assert (result["tp"], result["tn"]) == (1, 1)


def test_it_reports_zeros_rather_than_dividing_by_zero():
    result = evaluate([{"text": "x", "crisis": False}], predict=lambda example: False)
    assert (result["precision"], result["recall"], result["f1"]) == (0.0, 0.0, 0.0)
