"""Seeded, original filler prose for the benchmark corpus (no external text, no real people)."""

import random


def word_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS = word_list(
    """
    morning kitchen sister brother promise letter winter garden habit quiet honest evening
    weekend holiday distance silence family partner colleague neighbour friendship patience
    worry courage boundary apology birthday wedding office commute savings rent budget
    phone message dinner table window porch river harbour lantern notebook recipe bicycle
    careful gentle stubborn tired hopeful anxious steady awkward generous lonely curious
    forgotten ordinary sudden patient familiar uneasy grateful restless tender brittle
    remember wonder decide listen explain forgive borrow notice carry follow answer
    return linger wander mention trust repair soften gather settle
    always rarely slowly often lately again together alone perhaps almost already still
    between beneath across toward without during after before around through
    """
)
LINKS = word_list("and but so because although while when if since until")
FIRST_NAMES = word_list("Ada Bram Cleo Dario Esme Farid Greta Hugo Ines Jonah Kaia Luca Mira Oona")
PEN_ADJECTIVES = word_list("Restless Weary Hopeful Stuck Puzzled Quiet Torn Patient Anxious Steady")
PEN_NOUNS = word_list("Sister Neighbour Newlywed Roommate Father Daughter Commuter Gardener Friend")


def words(rng: random.Random, low: int, high: int) -> list[str]:
    return [rng.choice(WORDS) for _ in range(rng.randint(low, high))]


def sentence(rng: random.Random) -> str:
    first, second = words(rng, 4, 10), words(rng, 3, 8)
    text = " ".join([*first, rng.choice(LINKS), *second])
    return text[0].upper() + text[1:] + rng.choice(".....?!")


def paragraph(rng: random.Random, sentences: tuple[int, int] = (3, 6)) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))


def title(rng: random.Random) -> str:
    return " ".join(word.capitalize() for word in words(rng, 4, 8))


def pen_name(rng: random.Random) -> str:
    return f"{rng.choice(PEN_ADJECTIVES)} {rng.choice(PEN_NOUNS)}"


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(WORDS).capitalize()}"
