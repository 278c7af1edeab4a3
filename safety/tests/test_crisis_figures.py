"""How well the crisis check does on labelled letters and comments.

Development set: written alongside the rules. Held-out set: written after the rules were
frozen, in other words, and measured once; its floors record what was measured, a little
lower, so that a change that makes things worse fails here.
"""

from pathlib import Path

import pytest

from safety.evaluation import evaluate, load_examples

DATA = Path(__file__).parent / "data"
DEVELOPMENT = DATA / "crisis_examples.jsonl"
HELD_OUT = DATA / "crisis_heldout.jsonl"

# (path, minimum examples, recall floor, precision floor)
# Measured with the rules frozen: development 43/43 found, no false alarm (recall 1.0,
# precision 1.0); held-out 2/21 found, 1 false alarm (recall 0.095, precision 0.667).
# The held-out recall is the honest number: sentence patterns written against one set of
# wordings miss most risk said in other words (see the held-out misses printed by -s).
SETS = {
    "development": (DEVELOPMENT, 90, 0.95, 0.95),
    "held-out": (HELD_OUT, 40, 0.09, 0.6),
}


def _print(name, result):
    print(
        f"\n{name}: precision {result['precision']:.3f}, recall {result['recall']:.3f}, "
        f"F1 {result['f1']:.3f} (tp {result['tp']}, fp {result['fp']}, fn {result['fn']}, "
        f"tn {result['tn']}, {result['total']} examples)"
    )
    for text in result["false_negatives"]:
        print(f"  missed: {text}")
    for text in result["false_positives"]:
        print(f"  false alarm: {text}")


@pytest.mark.parametrize("name", list(SETS))
def test_it_keeps_recall_and_precision_above_their_floors(name):
    path, minimum, recall_floor, precision_floor = SETS[name]
    examples = load_examples(path)
    result = evaluate(examples)
    _print(name, result)
    assert result["total"] >= minimum
    assert result["recall"] >= recall_floor
    assert result["precision"] >= precision_floor


@pytest.mark.parametrize("path", [DEVELOPMENT, HELD_OUT], ids=["development", "held-out"])
def test_it_has_well_formed_examples(path):
    examples = load_examples(path)
    for example in examples:
        assert set(example) == {"text", "crisis", "kind"}
        assert isinstance(example["crisis"], bool)
        assert example["text"].strip()
    share = sum(e["crisis"] for e in examples) / len(examples)
    assert 0.3 <= share <= 0.5
    texts = [e["text"] for e in examples]
    assert len(set(texts)) == len(texts)


def test_it_keeps_the_two_sets_apart():
    development = {e["text"] for e in load_examples(DEVELOPMENT)}
    assert not development & {e["text"] for e in load_examples(HELD_OUT)}
