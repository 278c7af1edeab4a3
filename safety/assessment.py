"""`assess(text, context)`: the one place letters and comments are checked before anyone sees them.

`context` is "letter", "comment", or a `Submission` (a comment or letter with what the site
knows about how it arrived: the honeypot field, time to submit, recent posts from the same
IP and email hashes, duplicates, bans, and the editors' watched words).

Comments go through these checks, in order; each returns a `Finding` or None:

 1. honeypot      filled in: a bot                                spam, stop
 2. too fast      sent under 3 seconds after the form loaded      spam, stop
 3. banned        the commenter is banned                         spam, stop
 4. flood         5 or more recent posts from the IP or email     hold
 5. duplicate     the same text was posted recently               spam
 6. links         2 or more web addresses                         hold
 7. watched words the editors' list (hold, spam, or flag)         as listed
 8. crisis        danger to the writer                            hold, flag crisis
 9. offensive     abuse, threats, insults, strong profanity       hold, flag toxic
                  (nearness to abusive examples alone does not count on an advert)
10. spam          advert rules, then the learned spam model       spam, flag spam
                  (the comment model alone: hold, flag spam)

For comments, the crisis, offensive and spam checks end with the comment models
(`safety.comment_model`): what similarity, nearness, the profanity model or the learned
spam model found stands only when the comment model agrees a little, and it flags on its
own what it is sure of; the rules' findings always stand.

The strictest decision wins (publish < hold < spam), except that a crisis is never sent to
spam: it is held, at the top of the queue, whatever else was found. Letters go through the
crisis check alone, which stops the chain.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from safety.crisis import CrisisSignal
from safety.crisis import read as read_crisis
from safety.text import count_links
from safety.watched import find_watched

__all__ = [
    "CHECKS",
    "CONTEXTS",
    "LETTER_CHECKS",
    "Assessment",
    "Decision",
    "Finding",
    "Item",
    "Submission",
    "assess",
    "warm_up",
]

CONTEXTS = ("letter", "comment")
# The spam signals of learned models (the hashed-word model and the comment model): they can
# be wrong about a person, so alone they do not turn a crisis into an advert.
LEARNED_SPAM = ("model", "comment model")
FLAGS = frozenset({"crisis", "toxic", "spam"})

MIN_SECONDS_TO_SUBMIT = 3.0
FLOOD_LIMIT = 5  # posts in the flood window, from one IP hash or one email hash
LINK_LIMIT = 2


class Decision(StrEnum):
    PUBLISH = "publish"
    HOLD = "hold"
    SPAM = "spam"


@dataclass(frozen=True)
class Submission:
    """A letter or comment with what the site knows about how it arrived."""

    kind: str = "comment"  # "letter" or "comment"
    honeypot: str = ""  # the hidden field people never see, so never fill in
    seconds_to_submit: float | None = None  # from the form being served to it being sent
    recent_from_ip: int = 0  # posts from the same IP hash in the flood window
    recent_from_email: int = 0  # posts from the same email hash in the flood window
    duplicate: bool = False  # the same text was posted recently
    banned: bool = False
    watched_words: tuple[tuple[str, str], ...] = ()  # (phrase, "hold" | "spam" | "flag")


@dataclass(frozen=True)
class Assessment:
    flags: frozenset[str]
    decision: Decision
    reasons: tuple[str, ...]
    review: bool = False  # a watched word asked for a moderator's look, publish or not

    @property
    def crisis(self) -> bool:
        return "crisis" in self.flags

    @property
    def toxic(self) -> bool:
        return "toxic" in self.flags

    @property
    def spam(self) -> bool:
        return "spam" in self.flags


@dataclass(frozen=True)
class Finding:
    flag: str | None  # "crisis", "toxic", "spam", or None (a hold with no flag, e.g. links)
    decision: Decision
    reasons: tuple[str, ...]
    stop: bool = False  # no later check runs
    review: bool = False


@dataclass
class Item:
    """What the checks read: the text, how it arrived, and what earlier checks found."""

    text: str
    submission: Submission
    crisis: list[CrisisSignal] = field(default_factory=list)
    _spam: list | None = None  # the spam check's signals, once asked for
    _words: tuple | None = None  # the text's hashed n-grams, once asked for

    def words(self) -> tuple:
        """What the comment models read of the words, worked out once for all three."""
        if self._words is None:
            from safety.spam import hashed_features

            self._words = hashed_features(self.text)
        return self._words

    def spam_signals(self) -> list:
        if self._spam is None:
            from safety.spam import SpamSignal, find_spam

            signals = find_spam(self.text)
            if self.submission.kind == "comment":
                model = _comment_model("spam")
                signals, sure = model.review(self.text, signals, {"model"}, words=self.words())
                if sure is not None:
                    _, reason = _quoted_reading(model, sure, self.text)
                    signals = [SpamSignal(reason, "comment model", round(sure.score, 2))]
            self._spam = signals
        return self._spam


Check = Callable[[Item], Finding | None]

# At most this many sentences are quoted; the rest are counted.
MAX_QUOTED = 3
MAX_QUOTE_CHARS = 240


def _quote(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    if len(sentence) > MAX_QUOTE_CHARS:
        sentence = sentence[: MAX_QUOTE_CHARS - 1].rstrip() + "\u2026"
    return sentence


def _plural(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def check_honeypot(item: Item) -> Finding | None:
    if not item.submission.honeypot.strip():
        return None
    return Finding(
        "spam", Decision.SPAM, ("Honeypot: the hidden field was filled in, as bots do.",), True
    )


def check_too_fast(item: Item) -> Finding | None:
    seconds = item.submission.seconds_to_submit
    if seconds is None or seconds >= MIN_SECONDS_TO_SUBMIT:
        return None
    reason = (
        f"Too fast: sent {max(seconds, 0):.1f} seconds after the form opened "
        f"(people take at least {MIN_SECONDS_TO_SUBMIT:.0f})."
    )
    return Finding("spam", Decision.SPAM, (reason,), stop=True)


def check_banned(item: Item) -> Finding | None:
    if not item.submission.banned:
        return None
    return Finding("spam", Decision.SPAM, ("Banned: this commenter is banned.",), stop=True)


def check_flood(item: Item) -> Finding | None:
    s = item.submission
    reasons = []
    if s.recent_from_ip >= FLOOD_LIMIT:
        reasons.append(f"Flood: {_plural(s.recent_from_ip, 'recent comment')} from this IP.")
    if s.recent_from_email >= FLOOD_LIMIT:
        reasons.append(
            f"Flood: {_plural(s.recent_from_email, 'recent comment')} from this email address."
        )
    return Finding(None, Decision.HOLD, tuple(reasons)) if reasons else None


def check_duplicate(item: Item) -> Finding | None:
    if not item.submission.duplicate:
        return None
    return Finding("spam", Decision.SPAM, ("Duplicate: the same text was posted recently.",))


def check_links(item: Item) -> Finding | None:
    links = count_links(item.text)
    if links < LINK_LIMIT:
        return None
    reason = (
        f"Links: {_plural(links, 'web address', 'web addresses')} (held at {LINK_LIMIT} or more)."
    )
    return Finding(None, Decision.HOLD, (reason,))


_WATCHED = {
    "spam": (Decision.SPAM, "rejected as spam"),
    "hold": (Decision.HOLD, "held for a moderator"),
    "flag": (Decision.PUBLISH, "flagged for review"),
}


def check_watched_words(item: Item) -> Finding | None:
    matches = find_watched(item.text, item.submission.watched_words)
    if not matches:
        return None
    reasons = tuple(f'Watched word: "{m.phrase}" ({_WATCHED[m.action][1]}).' for m in matches)
    actions = {m.action for m in matches}
    decision = max((_WATCHED[a][0] for a in actions), key=_SEVERITY.__getitem__)
    return Finding(
        "spam" if "spam" in actions else None, decision, reasons, review="flag" in actions
    )


def _crisis_reasons(signals: list[CrisisSignal]) -> tuple[str, ...]:
    reasons = [f'Crisis: "{_quote(s.sentence)}" {s.reason}.' for s in signals[:MAX_QUOTED]]
    if len(signals) > MAX_QUOTED:
        more = len(signals) - MAX_QUOTED
        reasons.append(f"Crisis: {more} more sentence{'s' if more > 1 else ''} read the same way.")
    return tuple(reasons)


def _without_lookalikes(item: Item, signals: list[CrisisSignal]) -> list[CrisisSignal]:
    """Drop what similarity alone found in a comment that, read closer, is something else:
    abuse aimed at someone ("If I were you I'd kill myself", "I hope you get cancer and
    die"), which the offensive check flags as toxic, or an advert that a spam rule
    recognised ("I wanted to end my life until Dr. X cast his spell... WhatsApp ..."). The
    rules' own crisis findings always stand; so does similarity in a comment whose only
    sign of spam is a learned model (LEARNED_SPAM)."""
    from safety.toxicity import aimed_at_someone

    if not any(s.rule == "similarity" for s in signals):
        return signals
    if any(s.rule not in LEARNED_SPAM for s in item.spam_signals()):
        return [s for s in signals if s.rule != "similarity"]
    return [s for s in signals if s.rule != "similarity" or not aimed_at_someone(s.sentence)]


def _comment_model(label: str):
    from safety.comment_model import MODELS

    return MODELS[label]


def _quoted_reading(model, reading, text: str) -> tuple[str, str]:
    """The sentence to quote for what the comment model alone found, and the reason."""
    return reading.quoted or text, f"{model.reads} (score {reading.score:.2f})"


def check_crisis(item: Item) -> Finding | None:
    """Danger to the writer: hold for a person.

    For a letter the chain ends here. For a comment the offensive-language check still runs
    on the other sentences (abuse aimed at someone else is still abuse), but nothing after
    this can soften or bury the crisis: see `assess`.
    """
    readings = read_crisis(item.text)
    item.crisis = [r.signal for r in readings if r.signal is not None]
    if item.submission.kind == "comment":
        model = _comment_model("crisis")
        # Sentences the rules cleared (idiom, negation, report, the past) are theirs alone.
        judged = frozenset(r.sentence for r in readings if r.cleared)
        item.crisis, sure = model.review(
            item.text,
            _without_lookalikes(item, item.crisis),
            {"similarity"},
            judged,
            words=item.words(),
        )
        if sure is not None:
            item.crisis = [CrisisSignal(*_quoted_reading(model, sure, item.text), "comment model")]
    if not item.crisis:
        return None
    stop = item.submission.kind == "letter"
    return Finding("crisis", Decision.HOLD, _crisis_reasons(item.crisis), stop=stop)


def check_offensive(item: Item) -> Finding | None:
    from safety.toxicity import ToxicSignal, find_toxicity

    model = _comment_model("toxic")
    signals, sure = model.review(
        item.text,
        find_toxicity(item.text, [s.sentence for s in item.crisis]),
        # Strong profanity is the one rule here that is not abuse in itself ("fuck cancer",
        # "this column is fucking brilliant"): like the learned checks, it needs the model.
        {"nearness", "model", "profanity"},
        words=item.words(),
    )
    if sure is not None:
        signals = [ToxicSignal(*_quoted_reading(model, sure, item.text), "comment model")]
    if not signals:
        return None
    if all(s.rule == "nearness" for s in signals) and item.spam_signals():
        # An advert's testimonial ("he left me for another woman until Dr. X...") sits near
        # angry sentences; it is filed as spam, and only words that are abuse in themselves
        # (the rules, the profanity model) also mark it toxic.
        return None
    reasons = []
    for s in signals[:MAX_QUOTED]:
        score = f" (model score {s.score:.2f})" if s.score is not None else ""
        reasons.append(f'Offensive: "{_quote(s.sentence)}" {s.reason}{score}.')
    if len(signals) > MAX_QUOTED:
        more = len(signals) - MAX_QUOTED
        reasons.append(f"Offensive: {more} more sentence{'s' if more > 1 else ''}.")
    return Finding("toxic", Decision.HOLD, tuple(reasons))


def check_spam(item: Item) -> Finding | None:
    """Filed as spam on a rule's word or the learned models' together; what the comment
    model alone reads as an advert is held for a person instead, since a spam verdict hides
    a comment and the model can be wrong about someone who only sounds like a seller."""
    signals = item.spam_signals()
    if not signals:
        return None
    reasons = tuple(f"Spam: {s.reason}." for s in signals)
    alone = all(s.rule == "comment model" for s in signals)
    return Finding("spam", Decision.HOLD if alone else Decision.SPAM, reasons)


CHECKS: list[Check] = [
    check_honeypot,
    check_too_fast,
    check_banned,
    check_flood,
    check_duplicate,
    check_links,
    check_watched_words,
    check_crisis,
    check_offensive,
    check_spam,
]
LETTER_CHECKS: list[Check] = [check_crisis]

_SEVERITY = {Decision.PUBLISH: 0, Decision.HOLD: 1, Decision.SPAM: 2}


def assess(text: str, context: "str | Submission" = "comment") -> Assessment:
    """Assess a letter or comment; `context` is "letter", "comment" or a `Submission`."""
    if isinstance(context, Submission):
        submission = context
    elif context in CONTEXTS:
        submission = Submission(kind=context)
    else:
        raise ValueError(f"context must be one of {CONTEXTS} or a Submission, not {context!r}")
    if submission.kind not in CONTEXTS:
        raise ValueError(f"Submission.kind must be one of {CONTEXTS}, not {submission.kind!r}")
    item = Item(text or "", submission)
    flags: set[str] = set()
    reasons: list[str] = []
    decision = Decision.PUBLISH
    review = False
    for check in LETTER_CHECKS if submission.kind == "letter" else CHECKS:
        finding = check(item)
        if finding is None:
            continue
        if finding.flag:
            flags.add(finding.flag)
        reasons.extend(finding.reasons)
        review = review or finding.review
        if _SEVERITY[finding.decision] > _SEVERITY[decision]:
            decision = finding.decision
        if finding.stop:
            break
    if "crisis" in flags:
        decision = Decision.HOLD  # a person in danger is never filed away as spam
    return Assessment(frozenset(flags), decision, tuple(reasons), review)


def warm_up() -> None:
    """Load the sentence encoder and the offensive-language model, train the spam model, embed
    the examples and fit the comment models now (a second or two once their files are made),
    so that the first comment after a start is not the one that waits for them."""
    from safety import embeddings
    from safety.comment_model import MODELS
    from safety.crisis_similarity import warm_up as warm_up_crisis_model
    from safety.spam import spam_model
    from safety.toxicity import EXAMPLES, offensive_scores

    embeddings.warm_up()
    offensive_scores(["warm up"])
    spam_model()
    warm_up_crisis_model()
    EXAMPLES.warm_up()
    for model in MODELS.values():
        model.warm_up()
