"""Spam in comments: rules for the kinds advice columns get, and a model that learns.

Rules (`spam_rules`) name what they saw, for the moderator:

- love-spell adverts ("Dr. Ogun brought my ex back in 48 hours, WhatsApp +234 ...");
- "hacker" and "recovery expert" testimonials ("recovered my lost bitcoin", "hacked my
  husband's phone") with an email, a phone or a Telegram handle;
- money: crypto and forex "experts", loans, work-from-home and casino offers;
- SEO link drops ("Nice article! Visit best-deals.example.com") and paid promotion.

A topic alone is not spam ("my husband lost our savings in a crypto scam"): a rule needs the
topic and a way to reach the seller (contact details or a link), or a testimonial's shape.

The learned model (`SpamModel`) is a logistic regression trained by stochastic gradient
descent on hashed word and character n-grams. It starts from the labelled development
comments (safety/tests/data/comments_dev.jsonl, so that file ships with the app) and then
learns from every moderator decision (`learn_from_decision`), online, in a millisecond. It
judges comments of 8 words or more that no rule caught; in `safety.assess`, what it finds
stands where the spam comment model (`safety.comment_model`) agrees a little, and that
model alone may hold an advert no rule or lesson knows.

Each lesson is kept as its hashed feature vector (indices and weights, not the words) in
`safety.models.SpamLesson`. The features are salted with a secret derived from
PRIVACY_HASH_KEY, so the stored indices do not tell which words a comment had to someone
without that key. A new process replays every lesson; a running one picks up the lessons
other processes stored at most SYNC_SECONDS later. Changing PRIVACY_HASH_KEY (or
FEATURES_VERSION) retires the lessons stored before.
"""

import functools
import hashlib
import hmac
import itertools
import json
import logging
import math
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safety.text import LINK, fold

__all__ = [
    "SPAM_THRESHOLD",
    "SpamModel",
    "SpamSignal",
    "find_spam",
    "hashed_features",
    "learn_from_decision",
    "reset_model",
    "spam_model",
    "spam_rules",
]

logger = logging.getLogger(__name__)

# Chosen on the development set, scoring each comment with a model trained on the other
# four fifths: at 0.5 the model alone finds 31 of 39 spam comments with no false alarm in
# 226 others; at 0.4, 2 more for 1 false alarm. The rules find all 39. A spam verdict hides
# a comment, so the threshold favours precision.
SPAM_THRESHOLD = 0.5

# Shorter comments are left to the rules.
MIN_WORDS_FOR_MODEL = 8

# The comments the model starts from: advice-column spam and its look-alikes written for the
# model (safety/data/spam_examples.jsonl), and the labelled development set.
TRAINING_DATA = (
    Path(__file__).parent / "data" / "spam_examples.jsonl",
    Path(__file__).parent / "tests" / "data" / "comments_dev.jsonl",
)


@dataclass(frozen=True)
class SpamSignal:
    reason: str
    rule: str  # a rule's name, or "model"
    score: float | None = None


# --------------------------------------------------------------------------------------
# Contact details and links: a seller has to be reachable.
# --------------------------------------------------------------------------------------

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b")
# "drogun @ gmail . com", "name at gmail dot com", "spyexpert24 at gmail dot com"
OBFUSCATED_EMAIL = re.compile(
    r"\b[\w.+-]+\s*(?:@|\(at\)|\[at\]|\bat\b)\s*(?:gmail|yahoo|outlook|hotmail|proton(?:mail)?|"
    r"aol|icloud|mail|consultant|[\w-]+)\s*(?:\.|\(dot\)|\[dot\]|\bdot\b)\s*(?:com|net|org|me|co)\b"
)
PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().-]{7,}\d(?![\w/])")
MESSENGER = re.compile(
    r"\b(?:whats ?app|whatsapp|telegram|viber|signal app|wechat|kik|snapchat|wickr|"
    r"wa\.me|t\.me)\b|\b(?:text|call|dm|message|inbox|contact|reach|email|mail|write to) "
    r"(?:me|him|her|them|us)\b"
)
# A handle given as a way to reach someone ("follow @x", "contact @x on ig"); a bare
# "@name" in a comment is a reply to another reader.
HANDLE = re.compile(
    r"\b(?:follow|contact|hire|add|dm|message|find|reach|ig|insta|instagram|tiktok|snap|"
    r"snapchat|twitter)\s*:?\s*(?:me\s+|us\s+|him\s+|her\s+)?(?:on\s+|at\s+)?@[a-z][\w.]{3,}"
    r"|(?<![\w@.])@[a-z][\w.]{3,}\s+(?:on|via)\s+(?:ig|insta|instagram|tiktok|snap\w*|twitter)\b"
)


def _contact(text: str) -> list[str]:
    found = []
    if EMAIL.search(text) or OBFUSCATED_EMAIL.search(text):
        found.append("an email address")
    if PHONE.search(text):
        found.append("a phone number")
    if MESSENGER.search(text) or HANDLE.search(text):
        found.append("a messaging contact")
    return found


# --------------------------------------------------------------------------------------
# Topics and shapes
# --------------------------------------------------------------------------------------

SPELL = re.compile(
    r"\b(?:spell ?casters?|spells?|love (?:spell|potion|charm|ritual)s?|potions?|charms?|"
    r"voodoo|juju|rituals?|spiritualists?|spiritual (?:healer|home|temple|doctor|father|mother)|"
    r"herbal(?:ist)? (?:doctor|cure|medicine|healer)|herbalist|native doctor|witch ?doctor|"
    r"priest(?:ess)?|temple|oracle|powers|psychic reading|sangoma|traditional healer|"
    r"prophet|prophetess|baba|mama)\b"
)
# "brought my ex back", "reunited me with my husband", "saved my marriage", "cured my herpes"
TESTIMONIAL = re.compile(
    r"\b(?:brought|bring|brings|bringing|got|get) (?:back )?(?:my|her|his|your|him|her|them) "
    r"(?:\w+ )?(?:ex|husband|wife|lover|boyfriend|girlfriend|partner|fianc[eé]e?|man|woman|"
    r"love|marriage|relationship)? ?back\b"
    r"|\b(?:reunited|restored|saved|fixed|healed|rescued) (?:me|my|our) ?(?:\w+ )?(?:marriage|"
    r"relationship|home|husband|wife|lover|family|with)\b"
    r"|\b(?:came|come|comes|coming) back (?:to me )?(?:begging|crawling|on (?:his|her|their) knees)"
    r"|\bcured? (?:my|me|her|him|of) (?:\w+ )?(?:herpes|hiv|hpv|cancer|diabetes|infertility)"
    r"|\b(?:thank|thanks to|grateful to|recommend|contact|contacted|met|reach|meet) "
    r"(?:the )?(?:great |powerful |real |genuine )?(?:dr|doctor|priest|priestess|lord|mama|baba|"
    r"mother|prophet|lady|wizard|chief|papa|sir|pastor|spell caster)\b\.? ?[a-z]+"
    r"|\bwithin (?:\d+|24|48|72|two|three|few) (?:hours|days)\b|\b100 ?% (?:guaranteed|"
    r"genuine|real|legit|working)\b|\bresults? (?:is |are )?guaranteed\b|\bguaranteed results?\b"
    r"|\btestimony\b|\b(?:he|she|they) (?:is|are) (?:real|genuine|legit|the best)\b"
    r"|\bmy name is \w+(?: \w+)? from \w+|\bgod bless (?:him|her|them)\b"
    r"|\bdon't suffer like i did\b|\bis the solution\b"
)
HACKER = re.compile(
    r"\b(?:hackers?|hack(?:ed|ing)? (?:into )?(?:his|her|my|their|a|the|your)? ?"
    r"(?:\w+'s )?(?:phone|whatsapp|account|email|messages|icloud|instagram|facebook)|"
    r"ethical hack\w*|"
    r"hacker for hire|spy (?:app|expert|hacker|software)|phone (?:spy|monitoring|hack\w*)|"
    r"cyber (?:expert|genius|guru|specialist)|recovery (?:expert|specialist|agent|agency|"
    r"company|firm|service|services|masters?|pro|bureau|team|hacker|consultant)|"
    r"(?:fund|funds|asset|crypto|bitcoin|wallet|scam) recovery|credit (?:score )?"
    r"(?:hack\w*|repair|fix\w*|specialist)|(?:fix|fixed|fixes|repair|repaired|boost|boosted|"
    r"raise|raised) (?:my |your |our )?credit|(?:lost|losing|lose) (?:\w+ )?(?:money|funds|"
    r"savings) to (?:\w+ )?scam\w*|"
    r"(?:recover|recovered|retrieve|retrieved|got back) (?:my |your |all )?(?:lost |stolen )?"
    r"(?:funds|money|crypto|bitcoin|btc|usdt|wallet|investment|coins?))\b"
)
MONEY = re.compile(
    r"\b(?:bitcoin|btc|usdt|crypto(?:currency)?|forex|binary options|investment platform|"
    r"trading (?:signals?|platform|expert)|expert trader|signals group|returns?|roi|"
    r"(?:earn|earning|make|made|making) \$?[\d,]+k?(?: dollars)? (?:a|per|every|each|in) "
    r"(?:day|week|month|hour)|\$[\d,]+ (?:a|per|every) (?:day|week)|financial freedom|"
    r"work from home|from home|loans?|lender|no credit check|interest rate|low interest|"
    r"\d+ ?% interest|collateral|casino|jackpot|lottery|welcome bonus|sugar (?:daddy|mummy|"
    r"mommy|baby)|illuminati|brotherhood|allowance|cash ?app|paypal)\b"
)
# SEO drops praise the page in general words and leave a link.
PRAISE = re.compile(
    r"\b(?:nice|great|good|informative|helpful|cool|awesome|useful|interesting|wonderful|"
    r"excellent|amazing) (?:\w+ )?(?:article|post|blog|read|information|info|content|site|"
    r"write-?up|piece)\b|\bthanks? for (?:sharing|the info|this post|posting)\b"
    r"|\bkeep (?:it up|up the good work)\b|\bvery (?:informative|helpful|good information)\b"
    r"|\bi (?:like|love|enjoyed) (?:this|your) (?:blog|post|article|site)\b"
)
COMMERCE = re.compile(
    r"\b(?:cheap|cheapest|buy|discount|deals?|replica|viagra|cialis|pills?|pharmacy|escorts?|"
    r"essay (?:writing|writers?)|seo (?:services?|experts?|agency)|first page of google|"
    r"backlinks?|free shipping|order now|best price|weight loss|lose \d+ ?(?:kg|lbs|pounds)|"
    r"subscribe|click here|use (?:my )?code|promo code|coupon|sign up|signup|book (?:a|your) "
    r"(?:free )?(?:call|session|consultation|discovery call|spot)|dm me|visit (?:my|our) "
    r"(?:site|website|blog|page|channel|shop|store)|check out (?:my|our)|my (?:youtube )?"
    r"channel|follow me|hot (?:girls|singles)|dating site|adult)\b"
)


def spam_rules(text: str) -> list[SpamSignal]:
    """What the rules see in `text`; empty when nothing reads as spam."""
    folded = fold(text)
    contact = _contact(folded)
    links = sum(1 for _ in LINK.finditer(folded))
    reachable = bool(contact) or links > 0
    how = ", ".join(contact + ([f"{links} link{'s' if links > 1 else ''}"] if links else []))
    signals = []
    spell, testimonial = SPELL.search(folded), TESTIMONIAL.search(folded)
    if spell and (reachable or testimonial) and (testimonial or contact):
        signals.append(
            SpamSignal(f"reads like a love-spell advert ({how or 'a testimonial'})", "spell")
        )
    elif testimonial and contact:
        signals.append(SpamSignal(f"reads like a paid testimonial ({how})", "testimonial"))
    if HACKER.search(folded) and reachable:
        signals.append(SpamSignal(f"offers hacking or money recovery ({how})", "hacker"))
    if MONEY.search(folded) and reachable:
        signals.append(SpamSignal(f"offers money, loans or investments ({how})", "money"))
    if links and (PRAISE.search(folded) or COMMERCE.search(folded)):
        signals.append(SpamSignal(f"drops links to sell something ({how})", "links"))
    elif contact and COMMERCE.search(folded):
        signals.append(SpamSignal(f"advertises ({how})", "advert"))
    return signals


# --------------------------------------------------------------------------------------
# The learned model
# --------------------------------------------------------------------------------------

N_FEATURES = 2**20
# Changing how text becomes features makes old lessons meaningless; they carry this number
# and only lessons with the current one are replayed.
FEATURES_VERSION = 1
EPOCHS = 20
# A moderator's decision counts for more than one seed example.
LESSON_WEIGHT = 2.0
_SEED = 20240601


def _prepared(text: str) -> str:
    """Folded text with email addresses, phone numbers, handles and numbers brought to one
    token each, and links left out: people share helplines and charities' pages too, and
    the link rules already weigh links, so the model judges the words."""
    text = fold(text)
    text = EMAIL.sub(" zzemail ", text)
    text = OBFUSCATED_EMAIL.sub(" zzemail ", text)
    text = LINK.sub(" ", text)
    text = PHONE.sub(" zzphone ", text)
    text = HANDLE.sub(" zzhandle ", text)
    text = re.sub(
        r"[$\u00a3\u20ac]\s?\d[\d,.]*k?|\b\d[\d,.]*k?\s?(?:dollars|usd|btc|usdt)\b",
        " zzmoney ",
        text,
    )
    return re.sub(r"\d+", " ", text)  # "married 20 years", "agreed 100%", "+1"


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _analyse(text: str, salt: str = "") -> list[str]:
    """Word unigrams and bigrams, and character 4-grams inside words, each salted.

    The salt (secret, from the site's privacy key) makes the stored feature indices useless
    for testing which words a comment had without that key.
    """
    words = _WORD.findall(_prepared(text))
    features = [f"{salt}w {w}" for w in words]
    features += [f"{salt}b {a} {b}" for a, b in itertools.pairwise(words)]
    for word in set(words):
        padded = f" {word} "
        features += [f"{salt}c {padded[i : i + 4]}" for i in range(max(1, len(padded) - 3))]
    return features


def _django_ready() -> bool:
    """True when Django is set up in this process; never imports Django itself."""
    if "django.apps" not in sys.modules:
        return False
    from django.apps import apps

    return apps.ready


def _feature_salt() -> str:
    """A secret salt derived from PRIVACY_HASH_KEY when Django is set up; else none."""
    if not _django_ready():
        return ""
    from django.conf import settings

    key = getattr(settings, "PRIVACY_HASH_KEY", "")
    if not key:
        return ""
    return hmac.new(str(key).encode(), b"dearly spam features", hashlib.sha256).hexdigest()[:32]


def _fingerprint(salt: str) -> str:
    """Which salt made a lesson's indices, without revealing it: lessons made with another
    key (after the privacy key changed) mean nothing to this model and are skipped."""
    return hashlib.sha256(f"fingerprint {salt}".encode()).hexdigest()[:12]


def hashed_features(text: str, salt: str = "") -> tuple[Any, Any]:
    """The text's n-grams (`_analyse`) as (columns, values) of an l2-normed row of
    N_FEATURES: what scikit-learn's HashingVectorizer gives, worked out directly. Its checks
    of its input cost a millisecond a comment, more than the arithmetic; a test holds the two
    equal. The comment models (`safety.comment_model`) read comments through it too."""
    import numpy as np
    from sklearn.utils import murmurhash3_32

    counts: Counter[int] = Counter()
    for feature in _analyse(text, salt):
        code = murmurhash3_32(feature, seed=0)  # signed, as the hashing vectorizer's
        # abs(-2**31) has no int32; scikit-learn defines the column as below.
        counts[
            (2**31 - 1 - (N_FEATURES - 1)) % N_FEATURES
            if code == -(2**31)
            else abs(code) % N_FEATURES
        ] += 1
    columns = np.fromiter(sorted(counts), dtype=np.int64, count=len(counts))
    values = np.array([counts[c] for c in columns], dtype=np.float64)
    if len(values):
        values /= np.linalg.norm(values)
    return columns, values


@dataclass(frozen=True)
class Lesson:
    indices: tuple[int, ...]
    values: tuple[float, ...]
    is_spam: bool
    id: int | None = None  # the SpamLesson row, once stored
    key: str = ""  # the fingerprint of the salt that made the indices

    def as_json(self) -> dict[str, Any]:
        return {
            "v": FEATURES_VERSION,
            "k": self.key,
            "i": list(self.indices),
            "x": list(self.values),
        }


class SpamModel:
    """A logistic regression over hashed n-grams that can keep learning. Thread-safe."""

    def __init__(self, salt: str = "") -> None:
        from sklearn.feature_extraction.text import HashingVectorizer
        from sklearn.linear_model import SGDClassifier

        self.lock = threading.RLock()
        self.salt = salt
        self.key = _fingerprint(salt)
        self._vectorizer = HashingVectorizer(
            analyzer=functools.partial(_analyse, salt=salt),
            n_features=N_FEATURES,
            alternate_sign=False,
            norm="l2",
        )
        self._classifier = SGDClassifier(loss="log_loss", alpha=1e-4, random_state=_SEED)
        self._seen: set[int] = set()
        self.lessons = 0  # lessons learned since training
        self.last_id = 0  # the newest stored lesson learned
        self.synced_at: float | None = None

    def vectorise(self, texts: list[str]) -> Any:
        return self._vectorizer.transform(texts)

    def train(self, texts: list[str], labels: list[bool], epochs: int = EPOCHS) -> None:
        """Fit from scratch-like: several shuffled passes over `texts`."""
        import numpy as np

        x = self.vectorise(texts)
        y = np.array([int(label) for label in labels])
        rng = np.random.default_rng(_SEED)
        # Spam and not-spam weigh the same in total, whatever their numbers.
        share = y.mean() if len(y) else 0.5
        weights = np.where(y == 1, 0.5 / max(share, 1e-9), 0.5 / max(1 - share, 1e-9))
        with self.lock:
            for _ in range(epochs):
                order = rng.permutation(len(y))
                self._classifier.partial_fit(
                    x[order], y[order], classes=np.array([0, 1]), sample_weight=weights[order]
                )

    def hashed(self, text: str) -> tuple[Any, Any]:
        return hashed_features(text, self.salt)

    def probability(self, text: str) -> float:
        columns, values = self.hashed(text)
        with self.lock:
            decision = float(values @ self._classifier.coef_[0, columns])
            decision += float(self._classifier.intercept_[0])
        if decision < 0:  # the logistic function, without overflow at either end
            return math.exp(decision) / (1.0 + math.exp(decision))
        return 1.0 / (1.0 + math.exp(-decision))

    def lesson_for(self, text: str, is_spam: bool) -> Lesson:
        columns, values = self.hashed(text)
        rounded = tuple(round(float(v), 6) for v in values)
        return Lesson(tuple(int(i) for i in columns), rounded, bool(is_spam), key=self.key)

    def learn(self, lessons: Iterable[Lesson]) -> int:
        """Update from lessons not learned before (by their stored id). Returns how many."""
        import numpy as np
        from scipy.sparse import csr_matrix

        with self.lock:
            fresh = [
                lesson
                for lesson in lessons
                if lesson.indices and (lesson.id is None or lesson.id not in self._seen)
            ]
            if not fresh:
                return 0
            indptr = np.cumsum([0] + [len(lesson.indices) for lesson in fresh])
            indices = np.array([i for lesson in fresh for i in lesson.indices], dtype=np.int32)
            data = np.array([v for lesson in fresh for v in lesson.values], dtype=np.float64)
            x = csr_matrix((data, indices, indptr), shape=(len(fresh), N_FEATURES))
            y = np.array([int(lesson.is_spam) for lesson in fresh])
            weights = np.full(len(fresh), LESSON_WEIGHT)
            self._classifier.partial_fit(x, y, classes=np.array([0, 1]), sample_weight=weights)
            ids = [lesson.id for lesson in fresh if lesson.id is not None]
            self._seen.update(ids)
            self.last_id = max([self.last_id, *ids])
            self.lessons += len(fresh)
            return len(fresh)


def load_training(paths: tuple[Path, ...] = TRAINING_DATA) -> tuple[list[str], list[bool]]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return [row["text"] for row in rows], [bool(row["spam"]) for row in rows]


_model_lock = threading.Lock()
_model: SpamModel | None = None

# How often a process looks for lessons other processes stored (one indexed query).
SYNC_SECONDS = 60.0


def stored_lessons(after: int = 0) -> list[Lesson] | None:
    """Lessons kept in the database with an id above `after`, oldest first, made with the
    current feature version (each carries the fingerprint of the salt that made it).

    None when they cannot be read here: Django is not set up, the table does not exist yet
    (before `migrate`), or this context may not touch the database (an async view, or a
    test without database access).
    """
    if not _django_ready():
        return None
    from django.core.exceptions import SynchronousOnlyOperation
    from django.db import DatabaseError

    from safety.models import SpamLesson

    try:
        rows = list(
            SpamLesson.objects.filter(id__gt=after)
            .order_by("id")
            .values_list("id", "is_spam", "features")
        )
    except (DatabaseError, SynchronousOnlyOperation, RuntimeError) as error:
        logger.info("Spam lessons not read (%s); trying again later.", type(error).__name__)
        return None
    return [
        Lesson(tuple(f["i"]), tuple(f["x"]), is_spam, id=pk, key=f.get("k", ""))
        for pk, is_spam, f in rows
        if isinstance(f, dict) and f.get("v") == FEATURES_VERSION
    ]


def sync(model: SpamModel, force: bool = False) -> int:
    """Learn the lessons stored since `model` last looked; at most every SYNC_SECONDS."""
    now = time.monotonic()
    with model.lock:
        if not force and model.synced_at is not None and now - model.synced_at < SYNC_SECONDS:
            return 0
        model.synced_at = now
        after = model.last_id
    lessons = stored_lessons(after)
    if not lessons:
        return 0
    learned = model.learn([lesson for lesson in lessons if lesson.key == model.key])
    with model.lock:
        model.last_id = max(model.last_id, *(lesson.id or 0 for lesson in lessons))
    return learned


def spam_model() -> SpamModel:
    """The process's model: trained from the development comments, then every stored lesson."""
    global _model
    with _model_lock:
        if _model is None:
            model = SpamModel(salt=_feature_salt())
            model.train(*load_training())
            _model = model
        model = _model
    sync(model)
    return model


def reset_model() -> None:
    """Forget the model; the next use trains it again and replays the stored lessons."""
    global _model
    with _model_lock:
        _model = None


def learn_from_decision(text: str, is_spam: bool) -> None:
    """A moderator said `text` is (or is not) spam: remember it and learn from it.

    With Django set up, the lesson (hashed features, never the words) is saved in the
    current transaction and learned once that commits, so a rolled-back decision teaches
    nothing. Without Django, it is learned at once, in this process only.
    """
    if not text or not text.strip():
        return
    model = spam_model()
    lesson = model.lesson_for(text, is_spam)
    if not _django_ready():
        model.learn([lesson])
        return
    from django.db import transaction

    from safety.models import SpamLesson

    row = SpamLesson.objects.create(is_spam=lesson.is_spam, features=lesson.as_json())
    stored = Lesson(lesson.indices, lesson.values, lesson.is_spam, id=row.pk, key=lesson.key)
    transaction.on_commit(lambda: spam_model().learn([stored]))


def find_spam(text: str) -> list[SpamSignal]:
    """Rules first; the learned model speaks when no rule did, on comments long enough to
    judge ("Thanks!" is a few features, and nothing to sell)."""
    signals = spam_rules(text)
    if signals or len(_WORD.findall(fold(text))) < MIN_WORDS_FOR_MODEL:
        return signals
    score = spam_model().probability(text)
    if score >= SPAM_THRESHOLD:
        return [SpamSignal(f"the learned spam model scores it {score:.2f}", "model", score)]
    return []
