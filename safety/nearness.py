"""Nearness to labelled example sentences: the learned reading beside the rules.

Rules know the words they were written for; people despair, insult and threaten in others
("I've been saving my pills", "what a useless hack", "I'm coming for you"). A sentence
embedding (`safety.embeddings`) places a sentence near the examples that mean much the same,
whatever the words. An `ExampleSet` holds labelled example sentences (JSON Lines in
`safety/data/`, written for this project, with their harmless look-alikes: idioms, quotes,
self-talk, supportive talk, ordinary comments) and scores a sentence by the mean cosine
similarity to its K nearest positive examples minus the same to its K nearest negatives: how
much closer it sits to the label than to the nearest harmless wording.

Nearest neighbours rather than a fitted model: a logistic regression over the same vectors
was tried for offensive language and did worse on text written apart from the examples
(F1 0.68 against 0.85 on the first validation set), flagging short harmless sentences
("Such a compassionate reply.") that sit far from everything; a margin between neighbours
stays local. For comments, `safety.comment_model` then weighs what nearness found with a
network fitted on labelled comments, not on example sentences alone.

Embedding thousands of examples takes about half a minute, so the vectors are kept in
`var/example-vectors/` in the project (or `$DEARLY_VECTOR_DIR`), named by a digest of the
example files and of the embedding model: edit a file or change the model and they are
made again on first use (`warm_up`, `manage.py warm_up_safety`), so what the check knows is
always what the files say.
"""

import contextlib
import hashlib
import json
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from safety.embeddings import cache_folder, embed, fingerprint, save_whole

__all__ = ["DATA", "ExampleSet", "Nearness", "load_examples"]

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Nearness:
    score: float  # mean similarity to the K nearest positives minus the same for negatives
    similarity: float  # mean similarity to the K nearest positive examples
    kind: str  # the commonest kind among those K (the nearest breaks a tie)


@dataclass(frozen=True)
class _Vectors:
    positive: np.ndarray  # (n, 384), unit rows
    positive_kinds: tuple[str, ...]
    negative: np.ndarray  # (m, 384)


def load_examples(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _top_mean(similarities: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the mean of the k largest values, and their column indices, largest first."""
    k = min(k, similarities.shape[1])
    # Partition first: sorting thousands of similarities to keep k of them costs more.
    top = np.argpartition(-similarities, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(similarities, top, axis=1), axis=1, kind="stable")
    nearest = np.take_along_axis(top, order, axis=1)
    return np.take_along_axis(similarities, nearest, axis=1).mean(axis=1), nearest


class ExampleSet:
    """Labelled example sentences for one label, and the nearness of new sentences to them."""

    def __init__(self, label: str, files: Sequence[str], k: int) -> None:
        self.label = label
        self.paths = tuple(DATA / name for name in files)
        self.k = k
        self._lock = threading.Lock()
        self._vectors: _Vectors | None = None

    def examples(self) -> list[dict]:
        return [row for path in self.paths for row in load_examples(path)]

    def _loaded(self) -> _Vectors:
        with self._lock:
            if self._vectors is None:
                rows = self.examples()
                positive = [r for r in rows if r[self.label]]
                negative = [r for r in rows if not r[self.label]]
                vectors = self._example_vectors([r["text"] for r in positive + negative])
                self._vectors = _Vectors(
                    positive=vectors[: len(positive)],
                    positive_kinds=tuple(r.get("kind", "") for r in positive),
                    negative=vectors[len(positive) :],
                )
            return self._vectors

    def vector_file(self) -> Path:
        digest = hashlib.sha256(f"{self.label}\n{fingerprint()}\n".encode())
        for path in self.paths:
            digest.update(path.read_bytes())
        return cache_folder() / f"{self.label}-{digest.hexdigest()[:20]}.npy"

    def _example_vectors(self, texts: list[str]) -> np.ndarray:
        path = self.vector_file()
        try:
            vectors = np.load(path, allow_pickle=False)
            if vectors.shape == (len(texts), vectors.shape[1]) and vectors.dtype == np.float32:
                return vectors
        except (OSError, ValueError):
            pass
        vectors = embed(texts, remember=False)

        def write(partial: Path) -> None:
            with open(partial, "wb") as handle:  # a handle: np.save would add ".npy"
                np.save(handle, vectors, allow_pickle=False)

        # A read-only disk costs the next start the same half minute, nothing more.
        with contextlib.suppress(OSError):
            save_whole(path, write)
        return vectors

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """The positive examples' vectors and the negatives', unit rows."""
        examples = self._loaded()
        return examples.positive, examples.negative

    @property
    def loaded(self) -> bool:
        return self._vectors is not None

    def warm_up(self) -> None:
        """Embed the examples now rather than on the first text a person sends."""
        self._loaded()

    def score(self, sentences: Sequence[str], k: int | None = None) -> list[Nearness]:
        if not sentences:
            return []
        k = k or self.k
        examples = self._loaded()
        vectors = embed(list(sentences))
        positive_mean, nearest = _top_mean(vectors @ examples.positive.T, k)
        negative_mean, _ = _top_mean(vectors @ examples.negative.T, k)
        result = []
        for row in range(len(sentences)):
            kinds = [examples.positive_kinds[j] for j in nearest[row]]
            counts = Counter(kinds)
            top = max(counts.values())
            kind = next(kind for kind in kinds if counts[kind] == top)
            similarity = float(positive_mean[row])
            result.append(Nearness(similarity - float(negative_mean[row]), similarity, kind))
        return result
