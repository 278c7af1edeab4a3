"""`assess(text, context)`: the one place letters and comments are checked before anyone sees them.

Checks run in order. Each returns a `Finding` or None; a finding adds a flag, reasons and a
suggested decision, and may stop the chain. The strictest suggested decision wins.
Only the crisis check exists so far; toxicity, spam and watched words slot into `CHECKS`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from safety.crisis import find_crisis

__all__ = ["CHECKS", "CONTEXTS", "Assessment", "Decision", "Finding", "assess"]

CONTEXTS = ("letter", "comment")
FLAGS = frozenset({"crisis", "toxic", "spam"})


class Decision(StrEnum):
    PUBLISH = "publish"
    HOLD = "hold"
    SPAM = "spam"


@dataclass(frozen=True)
class Assessment:
    flags: frozenset[str]
    decision: Decision
    reasons: tuple[str, ...]

    @property
    def crisis(self) -> bool:
        return "crisis" in self.flags


@dataclass(frozen=True)
class Finding:
    flag: str
    decision: Decision
    reasons: tuple[str, ...]
    stop: bool = False  # no later check runs


Check = Callable[[str, str], Finding | None]

# At most this many sentences are quoted; the rest are counted.
MAX_QUOTED = 3
MAX_QUOTE_CHARS = 240


def _quote(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    if len(sentence) > MAX_QUOTE_CHARS:
        sentence = sentence[: MAX_QUOTE_CHARS - 1].rstrip() + "\u2026"
    return sentence


def check_crisis(text: str, context: str) -> Finding | None:
    """Danger to the writer: hold for a person, and stop.

    Nothing after this may soften or bury a crisis (the offensive-language model, for one,
    scores "I want to kill myself" as abuse), so the chain ends here.
    """
    signals = find_crisis(text)
    if not signals:
        return None
    reasons = [f'Crisis: "{_quote(s.sentence)}" {s.reason}.' for s in signals[:MAX_QUOTED]]
    if len(signals) > MAX_QUOTED:
        more = len(signals) - MAX_QUOTED
        reasons.append(f"Crisis: {more} more sentence{'s' if more > 1 else ''} read the same way.")
    return Finding("crisis", Decision.HOLD, tuple(reasons), stop=True)


CHECKS: list[Check] = [check_crisis]

_SEVERITY = {Decision.PUBLISH: 0, Decision.HOLD: 1, Decision.SPAM: 2}


def assess(text: str, context: str = "comment") -> Assessment:
    """Assess a letter or comment; `context` is "letter" or "comment"."""
    if context not in CONTEXTS:
        raise ValueError(f"context must be one of {CONTEXTS}, not {context!r}")
    flags: set[str] = set()
    reasons: list[str] = []
    decision = Decision.PUBLISH
    for check in CHECKS:
        finding = check(text or "", context)
        if finding is None:
            continue
        flags.add(finding.flag)
        reasons.extend(finding.reasons)
        if _SEVERITY[finding.decision] > _SEVERITY[decision]:
            decision = finding.decision
        if finding.stop:
            break
    return Assessment(frozenset(flags), decision, tuple(reasons))
