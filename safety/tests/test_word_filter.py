"""The word filter that makes the crisis check fast must never change an answer."""

import pytest

from safety import crisis
from safety.evaluation import load_examples
from safety.tests.test_crisis_figures import DEVELOPMENT, HELD_OUT


@pytest.mark.parametrize("path", [DEVELOPMENT, HELD_OUT], ids=["development", "held-out"])
def test_it_gives_the_same_answers_with_and_without_the_word_filter(path, monkeypatch):
    texts = [example["text"] for example in load_examples(path)]
    filtered = [crisis.find_crisis(text) for text in texts]
    monkeypatch.setattr(crisis, "USE_WORD_FILTER", False)
    assert [crisis.find_crisis(text) for text in texts] == filtered


def test_it_gives_every_pattern_at_least_one_word():
    for rule in crisis.RULES:
        for pattern in rule.patterns:
            assert pattern.words, f"{rule.name}: {pattern.regex.pattern[:60]}"
