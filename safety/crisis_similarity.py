"""A learned second opinion for the crisis check: does a sentence read like known risk?

The rules in `safety.crisis` find risk said in the words they know. People say it in many
other ways ("I want things sorted before I go", "praying not to wake up"), so each sentence
the rules leave open is also compared, as a sentence embedding (`safety.embeddings`), with
short labelled exemplar sentences in `safety/data/crisis_exemplars.jsonl`:

- crisis exemplars: ideation, passive wishes, plans and means, goodbyes and giving things
  away, self-harm (relapse too), violence and threats against the writer;
- look-alikes that are not crises: idioms, negations, supportive talk, reports about other
  people, recovery, ordinary sadness and grief, accidents and everyday uses of risky words;
- ordinary sentences from letters and comments (family, work, money, advice, thanks): the
  background that risk has to stand out from.

A sentence's score is the mean cosine similarity to its K nearest crisis exemplars minus
the mean similarity to its K nearest others: how much closer it sits to risk than to the
nearest harmless wording. It is flagged when the score reaches THRESHOLD and it is also
plainly close to risk in absolute terms (MIN_SIMILARITY). K and both numbers were chosen
on the development examples (`safety/tests/data/crisis_examples.jsonl` and
`crisis_heldout.jsonl`) and on the ordinary letters and comments of demo/content.json
(which flagged 11 of 47 with a floor of 0.40, 1 of 47 with 0.45), then measured on held-out
sets: see test_crisis_figures.py for what this finds and what it wrongly flags. Sentence
embeddings follow topic more than intent, so this is a second opinion with false alarms,
not a classifier to trust alone.

This module knows nothing of the rules: `safety.crisis` decides which sentences to ask
about (never those the rules have judged idiom, negation, report or the past).
"""

import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from safety.embeddings import embed

__all__ = [
    "EXEMPLARS",
    "MIN_SIMILARITY",
    "THRESHOLD",
    "K",
    "SimilarityHit",
    "find_similar",
    "flags",
    "load_exemplars",
    "score",
    "warm_up",
]

EXEMPLARS = Path(__file__).parent / "data" / "crisis_exemplars.jsonl"

K = 2
THRESHOLD = 0.025
MIN_SIMILARITY = 0.45

# What the nearest crisis exemplars were about, for the reason a moderator reads.
ABOUT = {
    "ideation": "wanting to die",
    "passive": "not wanting to be alive",
    "plan": "a plan or the means to end a life",
    "goodbye": "saying goodbye or putting things in order before dying",
    "self_harm": "self-harm",
    "violence": "someone hurting or threatening the writer",
}


@dataclass(frozen=True)
class SimilarityHit:
    score: float  # mean similarity to the K nearest crisis exemplars minus the same for others
    similarity: float  # mean similarity to the K nearest crisis exemplars
    kind: str  # the commonest kind among those K (the nearest breaks a tie)

    @property
    def reason(self) -> str:
        about = ABOUT.get(self.kind, "danger to the writer")
        return f"reads like other messages about {about} (similarity {self.similarity:.2f})"


@dataclass(frozen=True)
class _Exemplars:
    crisis: np.ndarray  # (n, 384), unit rows
    crisis_kinds: tuple[str, ...]
    other: np.ndarray  # (m, 384)


def load_exemplars(path: Path = EXEMPLARS) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@cache
def _exemplars() -> _Exemplars:
    rows = load_exemplars()
    crisis = [r for r in rows if r["crisis"]]
    other = [r for r in rows if not r["crisis"]]
    vectors = embed([r["text"] for r in crisis + other])
    return _Exemplars(
        crisis=vectors[: len(crisis)],
        crisis_kinds=tuple(r["kind"] for r in crisis),
        other=vectors[len(crisis) :],
    )


def _top_mean(similarities: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the mean of the k largest values, and their column indices, largest first."""
    k = min(k, similarities.shape[1])
    nearest = np.argsort(-similarities, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(similarities, nearest, axis=1).mean(axis=1), nearest


def score(sentences: list[str], k: int = K) -> list[SimilarityHit]:
    """Score every sentence (flagged or not): for evaluation and for choosing thresholds."""
    if not sentences:
        return []
    exemplars = _exemplars()
    vectors = embed(sentences)
    crisis_mean, nearest = _top_mean(vectors @ exemplars.crisis.T, k)
    other_mean, _ = _top_mean(vectors @ exemplars.other.T, k)
    hits = []
    for row in range(len(sentences)):
        kinds = [exemplars.crisis_kinds[j] for j in nearest[row]]
        counts = Counter(kinds)
        top = max(counts.values())
        kind = next(kind for kind in kinds if counts[kind] == top)
        similarity = float(crisis_mean[row])
        hits.append(SimilarityHit(similarity - float(other_mean[row]), similarity, kind))
    return hits


def warm_up() -> None:
    """Load the model and embed the exemplars now (about a second) rather than on the first
    text a writer sends: for a server worker's start."""
    _exemplars()


def flags(hit: SimilarityHit, threshold: float = THRESHOLD, floor: float = MIN_SIMILARITY) -> bool:
    return hit.score >= threshold and hit.similarity >= floor


def find_similar(sentences: list[str]) -> list[SimilarityHit | None]:
    """For each sentence, a hit when it reads like the crisis exemplars, else None."""
    return [hit if flags(hit) else None for hit in score(sentences)]
