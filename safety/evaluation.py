"""Measure the checks against labelled examples: precision, recall, F1 and the misses.

Each example is a mapping with "text" and the labels it has of "crisis", "toxic" and
"spam" (bools), optionally "context" ("letter" or "comment", default "comment") and "kind".
Used by the tests and by `python manage.py assess --labels` for batch evaluation.
"""

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["FLAG_NAMES", "evaluate", "evaluate_flags", "figures", "load_examples"]

FLAG_NAMES = ("crisis", "toxic", "spam")


def load_examples(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file of examples, skipping blank lines."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _flags_crisis(example: Mapping[str, Any]) -> bool:
    from safety.assessment import assess

    return assess(example["text"], example.get("context", "comment")).crisis


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def figures(outcomes: Iterable[tuple[str, bool, bool]]) -> dict[str, Any]:
    """Counts, precision, recall, F1 and the misses from (text, expected, predicted) triples."""
    tp = fp = fn = tn = 0
    false_negatives: list[str] = []
    false_positives: list[str] = []
    for text, expected, predicted in outcomes:
        if expected and predicted:
            tp += 1
        elif expected:
            fn += 1
            false_negatives.append(text)
        elif predicted:
            fp += 1
            false_positives.append(text)
        else:
            tn += 1
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
    return {
        "total": tp + fp + fn + tn,
        "positives": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "false_negatives": false_negatives,
        "false_positives": false_positives,
    }


def evaluate(
    examples: Iterable[Mapping[str, Any]],
    predict: Callable[[Mapping[str, Any]], bool] = _flags_crisis,
    flag: str = "crisis",
) -> dict[str, Any]:
    """Compare `predict` (by default: does `assess` flag a crisis?) with each example's label.

    `flag` names the label read from each example ("crisis", "toxic" or "spam"). Returns
    counts (tp, fp, fn, tn, total, positives), precision, recall and F1 as floats in [0, 1],
    and the texts of the false negatives and false positives for a person to read.
    """
    return figures((e["text"], bool(e[flag]), bool(predict(e))) for e in examples)


def evaluate_flags(
    examples: Sequence[Mapping[str, Any]], predicted: Sequence[Iterable[str]]
) -> dict[str, dict[str, Any]]:
    """Figures for each of crisis, toxic and spam, given the flags raised for each example.

    `predicted[i]` holds the flags raised for `examples[i]` (an Assessment's `flags`).
    """
    if len(examples) != len(predicted):
        raise ValueError("one prediction per example")
    raised = [frozenset(p) for p in predicted]
    return {
        flag: figures(
            (e["text"], bool(e[flag]), flag in r) for e, r in zip(examples, raised, strict=True)
        )
        for flag in FLAG_NAMES
    }
