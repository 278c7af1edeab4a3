"""Published answers that resemble a letter, so editors notice a question already answered."""

import math
import re
from collections import Counter
from dataclasses import dataclass

from column.models import AnswerPage

WORD = re.compile(r"[a-z']{3,}")
STOPWORDS = frozenset(
    """about above after again against all also and any are because been before being below
    between both but can cannot could did does doing down during each few for from further
    had has have having her here hers herself him himself his how into its itself just let
    like more most much must myself nor not now off once only other our ours ourselves out
    over own same she should some such than that the their theirs them themselves then
    there these they this those through too under until very was were what when where which
    while who whom why will with would you your yours yourself yourselves i'm i've it's
    don't can't didn't he's she's that's what's there's i'd i'll won't really know think
    feel want still even never always something anything everything things thing time year
    years said says tell told""".split()
)
ALREADY_ANSWERED_SCORE = 0.45


@dataclass(frozen=True)
class SimilarAnswer:
    page: AnswerPage
    score: float

    @property
    def looks_already_answered(self) -> bool:
        return self.score >= ALREADY_ANSWERED_SCORE


def word_counts(text: str) -> Counter:
    return Counter(w for w in WORD.findall(text.lower()) if w not in STOPWORDS)


def cosine(a: Counter, b: Counter) -> float:
    shared = set(a) & set(b)
    dot = sum(a[w] * b[w] for w in shared)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def answer_text(page: AnswerPage) -> str:
    return f"{page.title}\n{page.letter}"


def similar_answers(text: str, limit: int = 3, candidates: int = 25) -> list[SimilarAnswer]:
    """Search narrows to candidates by the letter's key words; cosine ranks them."""
    counts = word_counts(text)
    if not counts:
        return []
    keywords = " ".join(word for word, _ in counts.most_common(12))
    found = AnswerPage.objects.live().public().search(keywords, operator="or")[:candidates]
    scored = [SimilarAnswer(page, cosine(counts, word_counts(answer_text(page)))) for page in found]
    scored.sort(key=lambda item: item.score, reverse=True)
    return [item for item in scored[:limit] if item.score > 0]
