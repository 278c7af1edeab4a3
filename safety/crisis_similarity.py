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
plainly close to risk in absolute terms (MIN_SIMILARITY). The floor was chosen on the
ordinary letters and comments of demo/content.json (a floor of 0.40 flagged 11 of 47, 0.45
flagged 1). K 5 and the margin 0.03 were chosen when the exemplars grew from 335 to 1,264
(2026-11-26), on the comment development set and a validation set of comments written apart
from the exemplars (K 2 with the larger set held 15 ordinary comments of the development
set; K 5 held 7). A sentence much closer to risk than to anything harmless is flagged at a
lower floor too (STRONG_MARGIN, STRONG_FLOOR, 2026-11-27): risk said plainly and briefly
("tonight's the night", "I've decided how") sits near the exemplars by a clear margin
but at modest similarity to anything. Chosen over six comment sets and the demo text:
recall 0.82 -> 0.85, precision 0.89 -> 0.88, demo false alarms 6 of 47 either way. The
comparison itself lives in `safety.nearness`, which the
offensive-language check shares. See test_crisis_figures.py and test_comment_figures.py
for what this finds and what it wrongly flags. Sentence
embeddings follow topic more than intent, so this is a second opinion with false alarms,
not a classifier to trust alone.

This module knows nothing of the rules: `safety.crisis` decides which sentences to ask
about (never those the rules have judged idiom, negation, report or the past).
"""

from dataclasses import dataclass

from safety.nearness import DATA, ExampleSet, Nearness, load_examples

__all__ = [
    "EXAMPLES",
    "EXEMPLARS",
    "MIN_SIMILARITY",
    "STRONG_FLOOR",
    "STRONG_MARGIN",
    "THRESHOLD",
    "K",
    "SimilarityHit",
    "find_similar",
    "flags",
    "load_exemplars",
    "score",
    "warm_up",
]

EXEMPLARS = DATA / "crisis_exemplars.jsonl"

K = 5
THRESHOLD = 0.03
MIN_SIMILARITY = 0.45
STRONG_MARGIN = 0.08
STRONG_FLOOR = 0.40

EXAMPLES = ExampleSet("crisis", [EXEMPLARS.name], k=K)

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
class SimilarityHit(Nearness):
    @property
    def reason(self) -> str:
        about = ABOUT.get(self.kind, "danger to the writer")
        return f"reads like other messages about {about} (similarity {self.similarity:.2f})"


def load_exemplars() -> list[dict]:
    return load_examples(EXEMPLARS)


def score(sentences: list[str], k: int = K) -> list[SimilarityHit]:
    """Score every sentence (flagged or not): for evaluation and for choosing thresholds."""
    return [SimilarityHit(n.score, n.similarity, n.kind) for n in EXAMPLES.score(sentences, k)]


def warm_up() -> None:
    """Load the model and embed the exemplars now (about a second) rather than on the first
    text a writer sends: for a server worker's start."""
    EXAMPLES.warm_up()


def flags(hit: SimilarityHit) -> bool:
    return (hit.score >= THRESHOLD and hit.similarity >= MIN_SIMILARITY) or (
        hit.score >= STRONG_MARGIN and hit.similarity >= STRONG_FLOOR
    )


def find_similar(sentences: list[str]) -> list[SimilarityHit | None]:
    """For each sentence, a hit when it reads like the crisis exemplars, else None."""
    return [hit if flags(hit) else None for hit in score(sentences)]
