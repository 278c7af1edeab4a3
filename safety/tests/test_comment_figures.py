"""How well `assess` flags crisis, toxic and spam on labelled comments.

Twenty-three sets, each written apart from the checks by helpers who saw no code, rule or
example. Since 2026-11-27 the comment models (`safety.comment_model`) are fitted on the first
twenty-one, so their figures are in-sample: the word model all but learns them by heart, and
their floors catch a broken fit or a broken check, nothing more. Only v20 and v21 (BLIND) say
how the checks do on comments nothing was fitted or tuned on.

- development (comments_dev.jsonl, 265): written alongside the rules; the spam model trains
  on it too.
- held-out v1 (117), validation (160), v2 (240), v3 (220): earlier blind sets, read and
  worked against since (see the history in git).
- v4 to v13 (240 each, 2026-11-27): each measured blind once as it came, then fitted on; the
  figures of each step are in git's history of this file.
- v14 to v21 (240 each, 2026-11-27, second session), written from one brief by eight helpers,
  each with its own kind of column, frozen by sha256 before anything ran on them. The code of
  the morning (a network over sentence vectors, fitted on thirteen sets) measured them first:
  v14 to v17 crisis 0.94 / 0.84, toxic F1 0.87, spam F1 0.91; v20 and v21 crisis
  0.89 / 0.89, toxic 0.91 / 0.87 / 0.89, spam 0.89 / 0.88 / 0.88. Then v14 to v19 were read
  (crisis rules for acts under way and means at hand came from their misses) and joined the
  fitting; the word model, its share and the thresholds were chosen by leaving sets out
  over those twenty-one; v20 and v21 were measured once, at the end, with nothing chosen on
  them: the last two rows below.

Measured (precision / recall / F1) on 2026-11-27, spam with one fixed salt:
                  crisis                 toxic                  spam
  development     0.88 / 1.00 / 0.94     0.98 / 1.00 / 0.99     1.00 / 1.00 / 1.00
  held-out v1     0.86 / 0.92 / 0.89     1.00 / 1.00 / 1.00     1.00 / 1.00 / 1.00
  validation      1.00 / 0.96 / 0.98     0.97 / 1.00 / 0.99     1.00 / 1.00 / 1.00
  v2 to v19       0.94 to 1.00           0.95 to 1.00           0.98 to 1.00
  held-out v20    0.98 / 0.96 / 0.97     0.93 / 0.96 / 0.95     0.95 / 1.00 / 0.98   blind
  held-out v21    0.81 / 1.00 / 0.89     0.98 / 0.98 / 0.98     0.95 / 0.95 / 0.95   blind
v20 and v21 together: crisis 0.88 / 0.98 / 0.93, toxic 0.96 / 0.97 / 0.96, spam 0.95 / 0.98 /
0.96. (Measured first with the word model reading only the sentences the crisis rules had not
cleared: crisis 0.89 / 0.98. A unit test then showed a cleared sentence is context the rest
needs, so it reads the whole comment, as it did when chosen; v21 gained one false alarm.)
The issue's targets on held-out text (crisis recall 0.95 at precision 0.85, toxic and
spam F1 0.9) are met there. The helpers wrote from one brief, in one style (".example"
addresses, 555 numbers), so real comments will score lower; the word model leaves links out
and reads addresses and numbers as one token each, which keeps it off the invented domains.
`pytest -s` prints every miss and false alarm.

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
        {"crisis": (0.85, 0.97, 0.9), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v1": (
        DATA / "comments_heldout.jsonl",
        "d4ada976b03dfb56c6e2f30868dfeb696c3d113c19410920ffd1c2a93af3c4ad",
        80,
        {"crisis": (0.83, 0.89, 0.86), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "validation": (
        DATA / "comments_validation.jsonl",
        "d6dc2bd6528da917e829b3ee36977a79ae652c2d9a84739294f778902b3db156",
        150,
        {"crisis": (0.97, 0.93, 0.95), "toxic": (0.94, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v2": (
        DATA / "comments_heldout_v2.jsonl",
        "14b2b89f764eb31014ba61816dbcca9fdd02bb099475aca1b000098305b1d65a",
        200,
        {"crisis": (0.95, 0.97, 0.96), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v3": (
        DATA / "comments_heldout_v3.jsonl",
        "01f3d56167f4c44e58ec5d8a48e205e5f1a4b4d61b93dd17cb12a55f73182d76",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v4": (
        DATA / "comments_heldout_v4.jsonl",
        "2e10be2615503ad1aad619b8ba1c5338582f14d9cd6b06f299f4ab204152d998",
        200,
        {"crisis": (0.93, 0.97, 0.95), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v5": (
        DATA / "comments_heldout_v5.jsonl",
        "af048e487711c4357cf94b7e882dc7ebe186833c1687d2121eed51a69f4297cd",
        200,
        {"crisis": (0.93, 0.97, 0.95), "toxic": (0.97, 0.97, 0.97), "spam": (0.95, 0.97, 0.96)},
    ),
    "held-out v6": (
        DATA / "comments_heldout_v6.jsonl",
        "82f6f2d716af2fcad1cbaeb9004de1355c3ea1afc75e2fd1c5cba4b1e6ffad91",
        200,
        {"crisis": (0.95, 0.97, 0.96), "toxic": (0.95, 0.95, 0.95), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v7": (
        DATA / "comments_heldout_v7.jsonl",
        "9e1867257c655edea659f9c91d40c58433171c4403cd2ba6b3764af027ea95f6",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.95, 0.95, 0.95), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v8": (
        DATA / "comments_heldout_v8.jsonl",
        "374d93f1959341bbda45f866c496b193a0d26e3c03e118361b68923bfa118526",
        200,
        {"crisis": (0.9, 0.97, 0.94), "toxic": (0.95, 0.95, 0.95), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v9": (
        DATA / "comments_heldout_v9.jsonl",
        "006a0e8335b12d72bab09cc97a575996541bd34e290148bbf9be4cde68b61314",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v10": (
        DATA / "comments_heldout_v10.jsonl",
        "1727c1fd518d15c63bd49efdf06fcb78bee781cd3907f2fb034c32b2c2b6c565",
        200,
        {"crisis": (0.93, 0.95, 0.94), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v11": (
        DATA / "comments_heldout_v11.jsonl",
        "9af8cbcfccd0dbe43066d3dae4fef057d3d7d9472a69819a196661c967b49d34",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v12": (
        DATA / "comments_heldout_v12.jsonl",
        "1f9e3e5209df5aaf5444c2791a66cb2a426a734f3879d5db0f0abfe2104296e8",
        200,
        {"crisis": (0.95, 0.95, 0.95), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v13": (
        DATA / "comments_heldout_v13.jsonl",
        "90a74fd30c1bb484c0000dcde4f231a0f7f0f9bdbff1ccfad95df6d9a8c198d1",
        200,
        {"crisis": (0.95, 0.97, 0.96), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v14": (
        DATA / "comments_heldout_v14.jsonl",
        "bf1256080fd406f0673016f60a1fd5ca31b79cef7656f94fe30a3388f7454f36",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v15": (
        DATA / "comments_heldout_v15.jsonl",
        "04fe9752a397b86209d85664c3ecfad558370b8ddee2cfacac8bf894f9378144",
        200,
        {"crisis": (0.95, 0.95, 0.95), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v16": (
        DATA / "comments_heldout_v16.jsonl",
        "55fba0e54159b62c13db2ee3de92e71a4d5b4f7cd17162ec80ff4938c36d6289",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v17": (
        DATA / "comments_heldout_v17.jsonl",
        "7f6e4b517006b21e0b68fd7207add2e6e912c22a6543a49caacab416a14134ef",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.93, 0.93, 0.93), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v18": (
        DATA / "comments_heldout_v18.jsonl",
        "6924a9cfb0bcae7ef9aff8162ef04e1de0431e47f935597edb47227168d0ece9",
        200,
        {"crisis": (0.95, 0.97, 0.96), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v19": (
        DATA / "comments_heldout_v19.jsonl",
        "e03435aad530e497dfa4e3adefe6547219be7e6d7fc0d91886e16fa1a2b31b27",
        200,
        {"crisis": (0.95, 0.95, 0.95), "toxic": (0.92, 0.97, 0.94), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v20": (
        DATA / "comments_heldout_v20.jsonl",
        "7b8c1176d316f148db59de40776f007cf5f92aaedf56c93832bd20c0ff7c9a27",
        200,
        {"crisis": (0.94, 0.92, 0.93), "toxic": (0.89, 0.92, 0.9), "spam": (0.9, 0.96, 0.94)},
    ),
    "held-out v21": (
        DATA / "comments_heldout_v21.jsonl",
        "6b66f0dadc06835bdd629a6502fbe463507746d93a92c7329d33c6136355c0e5",
        200,
        {"crisis": (0.77, 0.96, 0.86), "toxic": (0.94, 0.94, 0.94), "spam": (0.9, 0.9, 0.9)},
    ),
}
# The sets the comment model is not fitted on (safety.comment_model.COMMENT_PATHS): the only
# ones whose figures say how it does on comments it has not seen.
BLIND = (DATA / "comments_heldout_v20.jsonl", DATA / "comments_heldout_v21.jsonl")
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
