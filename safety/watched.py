"""Watched words: phrases the editors list in the admin, each with an action.

Matching is whole-word and case-insensitive, and a phrase may be several words
("cheap pills" matches "CHEAP  pills!" but "ass" does not match "class" or "assess").
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from safety.text import fold

__all__ = ["ACTIONS", "WatchedMatch", "find_watched"]

# What a match does: hold for a moderator, reject as spam, or publish and flag for review.
ACTIONS = ("hold", "spam", "flag")


@dataclass(frozen=True)
class WatchedMatch:
    phrase: str
    action: str


def _pattern(phrase: str) -> re.Pattern[str] | None:
    words = fold(phrase).split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)")


@lru_cache(maxsize=16)
def _compiled(watched: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    compiled = []
    for phrase, action in watched:
        if action not in ACTIONS:
            raise ValueError(f"watched word action must be one of {ACTIONS}, not {action!r}")
        pattern = _pattern(phrase)
        if pattern is not None:
            compiled.append((pattern, phrase, action))
    return tuple(compiled)


def find_watched(text: str, watched: tuple[tuple[str, str], ...]) -> list[WatchedMatch]:
    """The watched phrases that occur in `text` as whole words, in the order they are listed."""
    if not watched or not text:
        return []
    folded = fold(text)
    return [
        WatchedMatch(phrase, action)
        for pattern, phrase, action in _compiled(tuple(watched))
        if pattern.search(folded)
    ]
