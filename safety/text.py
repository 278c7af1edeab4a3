"""Small text helpers shared by the comment checks: sentences, quotes, blurred spellings, links.

Nothing here decides anything; the checks in `links`, `watched`, `toxicity` and `spam` do.
"""

import re

__all__ = [
    "LINK",
    "count_links",
    "fold",
    "mask",
    "sentences",
    "unblur",
    "without_quotes",
]

_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}
)


def fold(text: str) -> str:
    """Lower case, straight quotes, single spaces (newlines kept as sentence breaks)."""
    lines = text.casefold().translate(_QUOTES).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines)


# A digit or symbol standing in for a letter between two letters ("id10t", "b1tch", "k1ll",
# "f4ggot"), or masking one ("f*ck", "c*nt"): digits become the letters they look like and
# masks become "*", which the word lists below treat as "any one letter".
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g", "@": "a"}
)
_LEET.update({ord("$"): "s", ord("!"): "i", ord("|"): "i"})
_INNER_LEET = re.compile(r"(?<=[a-z])[0134579@$!|]+(?=[a-z])")
_MASK = re.compile(r"(?<=[a-z])[*#%]+(?=[a-z]|\b)")
# Letters spelled out with dots, dashes or spaces between them: "k.y.s", "f-u-c-k", "k y s".
_SPELLED = re.compile(r"\b(?:[a-z][.\-_ ]){2,}[a-z]\b")


def unblur(folded: str) -> str:
    """Undo the usual disguises in already folded text: "id10t" -> "idiot", "k.y.s" -> "kys"."""
    text = _INNER_LEET.sub(lambda m: m.group(0).translate(_LEET), folded)
    text = _MASK.sub(lambda m: "*" * len(m.group(0)), text)
    return _SPELLED.sub(_join_spelled, text)


def _join_spelled(m: re.Match[str]) -> str:
    letters = re.sub(r"[.\-_ ]", "", m.group(0))
    # "i a m" is three words; only a run with no real word in it is a spelled-out one.
    return (
        letters
        if len(letters) <= 6 and not re.search(r"\b(?:a|i)\b \w", m.group(0))
        else m.group(0)
    )


_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d)\]]*\s+|\s*\n\s*")


def sentences(text: str) -> list[str]:
    """Split on sentence ends and line breaks; empty pieces are dropped."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def mask(text: str, parts: list[str]) -> str:
    """`text` with each of `parts` (found verbatim) replaced by a line break."""
    for part in parts:
        start = text.find(part)
        if start >= 0:
            text = text[:start] + "\n" + text[start + len(part) :]
    return text


# A quotation of two words or more, in double quotes or in single quotes that are not
# apostrophes ("she'd", "writers'" are left alone). Single-word scare quotes stay.
_IN_SINGLE = r"(?:[^'\n]|(?<=\w)'(?=\w))*?"  # an apostrophe inside ("you're") is not the end
_QUOTED = re.compile(
    r"\"[^\"\n]*?\s[^\"\n]*?\""
    rf"|(?<![\w])'(?=\w){_IN_SINGLE}\s{_IN_SINGLE}(?<=[\w.!?,])'(?!\w)"
)


def without_quotes(text: str) -> str:
    """Remove quoted passages: words a commenter quotes are not words they say to anyone."""
    return _QUOTED.sub(" ", text)


# Top-level domains that are seldom English words, for bare domains ("example.com/path");
# a bare domain on any other ending counts only with a path after it ("t.me/name").
_TLDS = (
    "com net org info biz xyz online site top club shop store app dev io ai uk de fr nl ru "
    "cn ng za au ca nz ie eu edu gov ly gl gd cc tk ml ga cf gq pw vip live life link pro "
    "health fun space website blog news world today tech agency click buzz win bid loan "
    "men work trade date review download racing stream cam rocks ink guru"
).split()
_ANY_TLD = r"[a-z]{2,12}"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
LINK = re.compile(
    r"\bhttps?://[^\s<>\"']+"
    r"|\bwww\.[^\s<>\"']+"
    rf"|(?<![@\w.-])(?:{_LABEL}\.)+(?:(?:{'|'.join(_TLDS)})\b(?!\.\w)(?:/[^\s<>\"']*)?"
    rf"|{_ANY_TLD}/[^\s<>\"']+)",
    re.IGNORECASE,
)


def count_links(text: str) -> int:
    """Web addresses in `text`: http(s)://..., www...., and bare domains like example.com/path.

    Email addresses are not links; each address counts once where it appears.
    """
    return sum(1 for _ in LINK.finditer(text))
