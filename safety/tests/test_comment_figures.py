"""How well `assess` flags crisis, toxic and spam on labelled comments.

Fifteen sets, each written apart from the checks by helpers who saw no code, rule or
example. Since 2026-11-27 the comment model (`safety.comment_model`) is fitted on the first
thirteen, so their figures are in-sample: their floors catch a broken fit or a broken check,
nothing more. Only v12 and v13 (BLIND) say how the checks do on comments nothing was fitted
or tuned on.

- development (comments_dev.jsonl, 265): written alongside the rules; the spam model trains
  on it too.
- held-out v1 (117), validation (160), v2 (240), v3 (220): earlier blind sets, read and
  worked against since (see the history in git).
- held-out v4, v5 (240 each): measured blind on 2026-11-27 against the nearness checks.
- v6 to v13 (240 each, 2026-11-27), each frozen by sha256 before anything ran on it and
  measured blind as it came, then (all but v12 and v13) added to the fitting:
  - v6, v7 with the code of the morning: crisis 0.95 / 0.80 and 0.84 / 0.76, toxic F1 0.77
    and 0.71; with a first comment model, a logistic regression fitted on seven sets: crisis
    0.92 / 0.88 and 0.91 / 0.82, toxic F1 0.84 and 0.80.
  - v8, v9 with the network fitted on nine sets: crisis 0.83 / 0.90 and 0.94 / 0.96, toxic
    0.88 / 0.76 and 0.90 / 0.85 (morning: crisis 0.84 / 0.74 and 0.91 / 0.82, toxic
    0.71 / 0.73 and 0.76 / 0.75).
  - v10, v11 with nine sets: crisis 0.92 / 0.90 and 0.98 / 0.84, toxic 0.87 / 0.82 and
    0.90 / 0.85; with eleven: crisis 0.92 / 0.88 and 0.98 / 0.90, toxic the same (morning:
    crisis 0.93 / 0.80 and 0.95 / 0.82, toxic 0.76 / 0.69 and 0.73 / 0.78).
  - v12, v13 with eleven sets: crisis 0.93 / 0.86 and 0.98 / 0.90, toxic 0.90 / 0.84 and
    0.84 / 0.89 (morning: crisis 0.93 / 0.76 and 0.95 / 0.80, toxic 0.72 / 0.71 and
    0.73 / 0.80). Then v10 and v11 joined the fitting and the thresholds were chosen again
    by leaving one of thirteen sets out (crisis sure 0.9 -> 0.8, toxic confirm 0.6 -> 0.5
    and sure 0.97 -> 0.8), both decided before v12 and v13 were run again: the figures
    below. Nothing was chosen on them.

Measured (precision / recall / F1) on 2026-11-27, spam with one fixed salt:
                  crisis                 toxic                  spam
  development     0.88 / 1.00 / 0.94     1.00 / 1.00 / 1.00     1.00 / 1.00 / 1.00
  held-out v1     1.00 / 0.92 / 0.96     1.00 / 1.00 / 1.00     0.96 / 1.00 / 0.98
  validation      1.00 / 0.96 / 0.98     0.97 / 1.00 / 0.99     1.00 / 0.93 / 0.96
  held-out v2     1.00 / 1.00 / 1.00     1.00 / 1.00 / 1.00     1.00 / 0.98 / 0.99
  held-out v3     0.97 / 1.00 / 0.99     0.98 / 0.98 / 0.98     0.95 / 1.00 / 0.97
  held-out v4     0.98 / 1.00 / 0.99     0.98 / 1.00 / 0.99     0.87 / 0.97 / 0.92
  held-out v5     0.96 / 0.98 / 0.97     1.00 / 1.00 / 1.00     0.89 / 0.97 / 0.93
  held-out v6     1.00 / 1.00 / 1.00     0.95 / 0.96 / 0.95     0.90 / 0.93 / 0.91
  held-out v7     0.98 / 1.00 / 0.99     0.95 / 1.00 / 0.97     0.95 / 0.90 / 0.92
  held-out v8     0.96 / 0.92 / 0.94     0.96 / 1.00 / 0.98     0.95 / 0.88 / 0.91
  held-out v9     0.98 / 1.00 / 0.99     0.95 / 1.00 / 0.97     0.89 / 0.97 / 0.93
  held-out v10    0.98 / 0.94 / 0.96     0.96 / 0.98 / 0.97     0.90 / 0.88 / 0.89
  held-out v11    0.98 / 0.98 / 0.98     0.96 / 0.98 / 0.97     0.83 / 0.97 / 0.90
  held-out v12    0.96 / 0.86 / 0.91     0.92 / 0.87 / 0.90     0.90 / 0.95 / 0.93   blind
  held-out v13    0.98 / 0.94 / 0.96     0.86 / 0.87 / 0.86     0.92 / 0.88 / 0.90   blind
v12 and v13 together: crisis 0.97 / 0.90 / 0.93, toxic 0.89 / 0.87 / 0.88, spam 0.91 /
0.91 / 0.91. The issue's targets on held-out text: spam F1 0.9 is met; crisis recall 0.95 at
precision 0.85 is not (0.90 at 0.97), nor toxic F1 0.9 (0.88). `pytest -s` prints every
miss and false alarm.

Floors sit a little under what was measured, so a change that makes things worse fails here.
"""

import hashlib
from itertools import combinations
from pathlib import Path

import pytest
from django.test import override_settings

from safety import assess, spam
from safety.evaluation import FLAG_NAMES, evaluate_flags, load_examples

DATA = Path(__file__).parent / "data"
DEVELOPMENT = DATA / "comments_dev.jsonl"

# name: (file, SHA-256 when frozen, at least this many examples,
#        {flag: (precision floor, recall floor, F1 floor)})
SETS = {
    "development": (
        DEVELOPMENT,
        None,
        170,
        {"crisis": (0.84, 0.95, 0.9), "toxic": (0.95, 0.95, 0.95), "spam": (0.95, 0.95, 0.95)},
    ),
    "held-out v1": (
        DATA / "comments_heldout.jsonl",
        "d4ada976b03dfb56c6e2f30868dfeb696c3d113c19410920ffd1c2a93af3c4ad",
        80,
        {"crisis": (0.95, 0.88, 0.92), "toxic": (0.95, 0.95, 0.95), "spam": (0.9, 0.95, 0.93)},
    ),
    "validation": (
        DATA / "comments_validation.jsonl",
        "d6dc2bd6528da917e829b3ee36977a79ae652c2d9a84739294f778902b3db156",
        150,
        {"crisis": (0.95, 0.92, 0.94), "toxic": (0.93, 0.95, 0.94), "spam": (0.95, 0.88, 0.92)},
    ),
    "held-out v2": (
        DATA / "comments_heldout_v2.jsonl",
        "14b2b89f764eb31014ba61816dbcca9fdd02bb099475aca1b000098305b1d65a",
        200,
        {"crisis": (0.95, 0.95, 0.95), "toxic": (0.95, 0.95, 0.95), "spam": (0.95, 0.93, 0.95)},
    ),
    "held-out v3": (
        DATA / "comments_heldout_v3.jsonl",
        "01f3d56167f4c44e58ec5d8a48e205e5f1a4b4d61b93dd17cb12a55f73182d76",
        200,
        {"crisis": (0.93, 0.95, 0.94), "toxic": (0.94, 0.94, 0.94), "spam": (0.9, 0.95, 0.93)},
    ),
    "held-out v4": (
        DATA / "comments_heldout_v4.jsonl",
        "2e10be2615503ad1aad619b8ba1c5338582f14d9cd6b06f299f4ab204152d998",
        200,
        {"crisis": (0.94, 0.95, 0.94), "toxic": (0.94, 0.94, 0.94), "spam": (0.82, 0.93, 0.88)},
    ),
    "held-out v5": (
        DATA / "comments_heldout_v5.jsonl",
        "af048e487711c4357cf94b7e882dc7ebe186833c1687d2121eed51a69f4297cd",
        200,
        {"crisis": (0.92, 0.94, 0.93), "toxic": (0.95, 0.95, 0.95), "spam": (0.83, 0.93, 0.88)},
    ),
    "held-out v6": (
        DATA / "comments_heldout_v6.jsonl",
        "82f6f2d716af2fcad1cbaeb9004de1355c3ea1afc75e2fd1c5cba4b1e6ffad91",
        200,
        {"crisis": (0.95, 0.95, 0.95), "toxic": (0.9, 0.89, 0.9), "spam": (0.86, 0.9, 0.88)},
    ),
    "held-out v7": (
        DATA / "comments_heldout_v7.jsonl",
        "9e1867257c655edea659f9c91d40c58433171c4403cd2ba6b3764af027ea95f6",
        200,
        {"crisis": (0.94, 0.94, 0.94), "toxic": (0.91, 0.92, 0.92), "spam": (0.9, 0.86, 0.88)},
    ),
    "held-out v8": (
        DATA / "comments_heldout_v8.jsonl",
        "374d93f1959341bbda45f866c496b193a0d26e3c03e118361b68923bfa118526",
        200,
        {"crisis": (0.92, 0.88, 0.9), "toxic": (0.92, 0.95, 0.94), "spam": (0.9, 0.84, 0.88)},
    ),
    "held-out v9": (
        DATA / "comments_heldout_v9.jsonl",
        "006a0e8335b12d72bab09cc97a575996541bd34e290148bbf9be4cde68b61314",
        200,
        {"crisis": (0.94, 0.95, 0.95), "toxic": (0.91, 0.95, 0.93), "spam": (0.85, 0.93, 0.89)},
    ),
    "held-out v10": (
        DATA / "comments_heldout_v10.jsonl",
        "1727c1fd518d15c63bd49efdf06fcb78bee781cd3907f2fb034c32b2c2b6c565",
        200,
        {"crisis": (0.94, 0.9, 0.92), "toxic": (0.92, 0.94, 0.93), "spam": (0.86, 0.84, 0.85)},
    ),
    "held-out v11": (
        DATA / "comments_heldout_v11.jsonl",
        "9af8cbcfccd0dbe43066d3dae4fef057d3d7d9472a69819a196661c967b49d34",
        200,
        {"crisis": (0.94, 0.94, 0.94), "toxic": (0.92, 0.94, 0.93), "spam": (0.8, 0.93, 0.86)},
    ),
    "held-out v12": (
        DATA / "comments_heldout_v12.jsonl",
        "1f9e3e5209df5aaf5444c2791a66cb2a426a734f3879d5db0f0abfe2104296e8",
        200,
        {"crisis": (0.92, 0.82, 0.87), "toxic": (0.88, 0.83, 0.86), "spam": (0.86, 0.91, 0.89)},
    ),
    "held-out v13": (
        DATA / "comments_heldout_v13.jsonl",
        "90a74fd30c1bb484c0000dcde4f231a0f7f0f9bdbff1ccfad95df6d9a8c198d1",
        200,
        {"crisis": (0.94, 0.9, 0.92), "toxic": (0.82, 0.83, 0.82), "spam": (0.88, 0.84, 0.86)},
    ),
}
# The sets the comment model is not fitted on (safety.comment_model.COMMENT_PATHS): the only
# ones whose figures say how it does on comments it has not seen.
BLIND = (DATA / "comments_heldout_v12.jsonl", DATA / "comments_heldout_v13.jsonl")
# The kinds the development set must keep (the issue's list).
KINDS = {
    "benign",
    "disagreement",
    "supportive",
    "idiom",
    "rude",
    "abusive",
    "spam_spell",
    "spam_hacker",
    "crisis",
}


@pytest.fixture(autouse=True, scope="module")
def seed_spam_model():
    """Measure the model as shipped, not one that learned from another test's decisions,
    and with one salt: its features are salted from the site's PRIVACY_HASH_KEY, which a
    fresh clone makes at random, and the salt moves a borderline advert or two (v3's spam
    precision is 0.95 or 0.97 by key, 0.925 once in CI)."""
    with override_settings(PRIVACY_HASH_KEY="figures-key-0"):
        spam.reset_model()
        yield
    spam.reset_model()


def _print(name, results):
    for flag, r in results.items():
        print(
            f"\n{name} {flag}: precision {r['precision']:.3f}, recall {r['recall']:.3f}, "
            f"F1 {r['f1']:.3f} (tp {r['tp']}, fp {r['fp']}, fn {r['fn']}, tn {r['tn']})"
        )
        for text in r["false_negatives"]:
            print(f"  missed: {text}")
        for text in r["false_positives"]:
            print(f"  false alarm: {text}")


@pytest.mark.parametrize("name", list(SETS))
def test_it_keeps_each_flag_above_its_floors(name):
    path, _, _, floors = SETS[name]
    examples = load_examples(path)
    results = evaluate_flags(examples, [assess(e["text"]).flags for e in examples])
    _print(name, results)
    for flag, (precision, recall, f1) in floors.items():
        r = results[flag]
        assert r["precision"] >= precision, (flag, r["precision"])
        assert r["recall"] >= recall, (flag, r["recall"])
        assert r["f1"] >= f1, (flag, r["f1"])


@pytest.mark.parametrize("name", [name for name, (_, sha, *_) in SETS.items() if sha])
def test_the_held_out_sets_are_frozen(name):
    path, sha256, *_ = SETS[name]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256


@pytest.mark.parametrize("name", list(SETS))
def test_it_has_enough_well_formed_examples(name):
    path, _, minimum, _ = SETS[name]
    examples = load_examples(path)
    assert len(examples) >= minimum
    for example in examples:
        assert set(example) == {"text", "crisis", "toxic", "spam", "kind"}
        assert all(isinstance(example[flag], bool) for flag in FLAG_NAMES)
        assert example["text"].strip()
    texts = [e["text"] for e in examples]
    assert len(set(texts)) == len(texts)
    for flag in FLAG_NAMES:
        assert sum(e[flag] for e in examples) >= 10, flag


def test_the_development_set_has_every_kind_the_issue_names():
    assert {e["kind"] for e in load_examples(DEVELOPMENT)} >= KINDS


# Written word for word by helpers who never saw each other's sets (validation and v4; v5
# and v6); short, ordinary phrasings, so no leak, and the frozen sets stay as they were.
SHARED_BY_CHANCE = {
    "this made me cry a bit on the bus, in a good way.",
    "what an absolute waste of oxygen this writer is.",
}


def test_it_keeps_the_sets_apart():
    texts = {
        name: {e["text"].lower() for e in load_examples(path)} - SHARED_BY_CHANCE
        for name, (path, *_) in SETS.items()
    }
    for a, b in combinations(texts, 2):
        assert not texts[a] & texts[b], (a, b)
