"""How well `assess` flags crisis, toxic and spam on labelled comments.

Sixty-five sets, each written apart from the checks by helpers who saw no code, rule or
example. The comment models (`safety.comment_model`) are fitted on fifty-seven of them, so
those figures are in-sample: the word model all but learns them by heart, and their floors
catch a broken fit or a broken check, nothing more. BLIND lists the eight they are not
fitted on; v50 to v55 were measured once, by code chosen without them.

- development (comments_dev.jsonl, 265): written alongside the rules; the spam model trains
  on it too.
- held-out v1 (117), validation (160), v2 (240), v3 (220): earlier blind sets, read and
  worked against since (see the history in git).
- v4 to v13 (240 each, 2026-11-27): each measured blind once as it came, then fitted on.
- v14 to v21 (240 each, 2026-11-27), from one brief by eight helpers, frozen by sha256:
  balanced test sets (about a fifth each crisis, toxic and spam, the rest hard look-alikes).
  v14 to v19 were read and fitted on; v20 and v21 are not fitted on, but were measured three
  times as the code changed, so they are no longer blind.
- v22 to v41 (120 each, 2026-11-27, third session), from a second brief that asks for a real
  column's mix: 85 ordinary comments (anecdotes, thanks, replies, alarming words used
  harmlessly: climbing ropes, pill organisers, "I can't take it anymore" about a rooster), 12
  crisis, 12 toxic, 12 spam; one helper and one kind of column a set, each frozen by sha256
  as it came. Each four after v25 was measured blind once, then read and fitted on, and the
  thresholds chosen again by leaving sets out (rounds three and four kept round two's):
                          crisis                 toxic                  spam
  v22-v25, the morning's  0.66 / 1.00 / 0.79     0.77 / 0.98 / 0.87     0.98 / 0.94 / 0.96
  v26-v29, morning        0.64 / 1.00 / 0.78     0.89 / 0.98 / 0.93     0.92 / 0.92 / 0.92
  v26-v29, round one      0.73 / 1.00 / 0.84     0.96 / 0.98 / 0.97     0.90 / 0.98 / 0.94
  v30-v33, morning        0.64 / 1.00 / 0.78     0.84 / 0.94 / 0.89     0.98 / 0.90 / 0.94
  v30-v33, round two      0.84 / 1.00 / 0.91     0.94 / 0.96 / 0.95     0.98 / 0.96 / 0.97
  v34-v37, morning        0.59 / 1.00 / 0.74     0.85 / 0.90 / 0.87     0.98 / 0.96 / 0.97
  v34-v37, round three    0.84 / 1.00 / 0.91     0.98 / 0.84 / 0.90     1.00 / 0.96 / 0.98
  v38-v41, morning        0.61 / 1.00 / 0.76     0.81 / 0.98 / 0.89     0.90 / 0.92 / 0.91
  v38-v41, round four     0.75 / 1.00 / 0.86     0.90 / 0.96 / 0.93     0.90 / 0.94 / 0.92
  (The morning's code is the session's first, fitted on twenty-one balanced sets; the
  brief for v30 on also forbids reusing its example phrases, which v26 had copied once.)
  Balanced sets had flattered crisis precision: on a real mix, false alarms come from
  ordinary comments that only sound alarming (a pill organiser, a funeral planned at 81,
  golf clubs given away before downsizing). Round three's toxic misses were group hate
  ("send them all home") and veiled threats ("see what happens to you on the walk home");
  rules for both were written from them afterwards (3 more found over all 39 sets, no new
  false alarm), and v34 to v37 were then fitted on. Round four's crisis false alarms were
  mostly in the body-image column (v40: 8 of 16), where ordinary comments talk of
  relapses that are over, scales given away and wills drafted. Crisis precision on a real
  mix is 0.75 to 0.84 at recall 1.00, under the issue's 0.85.
- v42 to v63 (120 each, 2026-11-27, fifth session), from a third brief (the same mix, each
  helper its own column, each set frozen by sha256 as it came; scratch folders kept apart):
  - v42 to v49 and v56 to v63 ask for at least 25 of the 85 ordinary comments to sound
    alarming (a will made at 84, rope ladders, "I'm done" about raccoons). Measured with
    the session's first code, before being read: crisis 0.68 / 0.99 and 0.77 / 1.00. They
    were then read and fitted on, with v38 to v41.
  - v50 to v55 ask for 10 to 15 such comments, as a real column gets; written before any
    of this session's code, and measured once (round five) after the thresholds were
    chosen by leaving the fitted sets out:
                          crisis                 toxic                  spam
  v50-v55, session start  0.80 / 0.99 / 0.88     0.96 / 0.96 / 0.96     0.97 / 0.96 / 0.97
  v50-v55, round five     0.87 / 0.99 / 0.92     0.97 / 0.97 / 0.97     0.99 / 0.97 / 0.98
  (Spam first read 1.00 / 0.97: a leave-sets-out script had left a spam model fitted on
  six folds in the cache under the full data's name. Fitted properly, one tip about a
  muted WhatsApp group is held as an advert.)
  Five crisis rules were written afterwards from the letter sets' misses
  (test_crisis_figures.py); they changed nothing on v50 to v55. One round of 720 comments
  (72 crises, 82 flagged) leaves room for chance: the leave-sets-out figures for the same
  settings are 0.92 on the earlier mixed sets and 0.83 on the look-alike-heavy ones.

`pytest -s` prints each set's figures, every miss and every false alarm. Floors sit a little
under what was measured (0.03; 0.04 for the sets not fitted on), so a change that makes
things worse fails here.
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
        {"crisis": (0.92, 0.97, 0.94), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v1": (
        DATA / "comments_heldout.jsonl",
        "d4ada976b03dfb56c6e2f30868dfeb696c3d113c19410920ffd1c2a93af3c4ad",
        80,
        {"crisis": (0.89, 0.89, 0.89), "toxic": (0.93, 0.97, 0.95), "spam": (0.97, 0.97, 0.97)},
    ),
    "validation": (
        DATA / "comments_validation.jsonl",
        "d6dc2bd6528da917e829b3ee36977a79ae652c2d9a84739294f778902b3db156",
        150,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.94, 0.97, 0.95), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v2": (
        DATA / "comments_heldout_v2.jsonl",
        "14b2b89f764eb31014ba61816dbcca9fdd02bb099475aca1b000098305b1d65a",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v3": (
        DATA / "comments_heldout_v3.jsonl",
        "01f3d56167f4c44e58ec5d8a48e205e5f1a4b4d61b93dd17cb12a55f73182d76",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.95, 0.97, 0.95), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v4": (
        DATA / "comments_heldout_v4.jsonl",
        "2e10be2615503ad1aad619b8ba1c5338582f14d9cd6b06f299f4ab204152d998",
        200,
        {"crisis": (0.95, 0.97, 0.96), "toxic": (0.93, 0.97, 0.95), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v5": (
        DATA / "comments_heldout_v5.jsonl",
        "af048e487711c4357cf94b7e882dc7ebe186833c1687d2121eed51a69f4297cd",
        200,
        {"crisis": (0.95, 0.97, 0.96), "toxic": (0.97, 0.97, 0.97), "spam": (0.94, 0.97, 0.95)},
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
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v8": (
        DATA / "comments_heldout_v8.jsonl",
        "374d93f1959341bbda45f866c496b193a0d26e3c03e118361b68923bfa118526",
        200,
        {"crisis": (0.95, 0.97, 0.96), "toxic": (0.95, 0.95, 0.95), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v9": (
        DATA / "comments_heldout_v9.jsonl",
        "006a0e8335b12d72bab09cc97a575996541bd34e290148bbf9be4cde68b61314",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v10": (
        DATA / "comments_heldout_v10.jsonl",
        "1727c1fd518d15c63bd49efdf06fcb78bee781cd3907f2fb034c32b2c2b6c565",
        200,
        {"crisis": (0.95, 0.97, 0.96), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
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
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v13": (
        DATA / "comments_heldout_v13.jsonl",
        "90a74fd30c1bb484c0000dcde4f231a0f7f0f9bdbff1ccfad95df6d9a8c198d1",
        200,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
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
        {"crisis": (0.93, 0.97, 0.95), "toxic": (0.95, 0.97, 0.96), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v19": (
        DATA / "comments_heldout_v19.jsonl",
        "e03435aad530e497dfa4e3adefe6547219be7e6d7fc0d91886e16fa1a2b31b27",
        200,
        {"crisis": (0.97, 0.95, 0.95), "toxic": (0.93, 0.97, 0.95), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v20": (
        DATA / "comments_heldout_v20.jsonl",
        "7b8c1176d316f148db59de40776f007cf5f92aaedf56c93832bd20c0ff7c9a27",
        200,
        {"crisis": (0.96, 0.94, 0.94), "toxic": (0.9, 0.92, 0.91), "spam": (0.91, 0.96, 0.93)},
    ),
    "held-out v21": (
        DATA / "comments_heldout_v21.jsonl",
        "6b66f0dadc06835bdd629a6502fbe463507746d93a92c7329d33c6136355c0e5",
        200,
        {"crisis": (0.88, 0.9, 0.89), "toxic": (0.96, 0.94, 0.95), "spam": (0.96, 0.91, 0.93)},
    ),
    "held-out v22": (
        DATA / "comments_heldout_v22.jsonl",
        "b8d179ee736167d55c98cffc8431864757ca5b3929abb40d773209f6e928fd7b",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v23": (
        DATA / "comments_heldout_v23.jsonl",
        "cddc2e70d6bbc0578c53ec21b3ecccbfb9902308f2600ea7836591c3820be6fa",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v24": (
        DATA / "comments_heldout_v24.jsonl",
        "8358011f2cbeb4a859099337908388b94ae801ba72bbe4b6b7ad4505aab2f037",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v25": (
        DATA / "comments_heldout_v25.jsonl",
        "96c03cd71b448c7022ede8fedcb04ad4d13648f274257508d9e4f0ab6e1744f2",
        110,
        {"crisis": (0.89, 0.97, 0.93), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v26": (
        DATA / "comments_heldout_v26.jsonl",
        "a00712c01ee9bba5e50edb50e53cbdf882ac001c69be9f51c9181e59a14b1742",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v27": (
        DATA / "comments_heldout_v27.jsonl",
        "b52cf9a077af1b856c7455e0c6fb7826d76cfed59c7ce6e390f96645e99a5ca6",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.82, 0.97, 0.89)},
    ),
    "held-out v28": (
        DATA / "comments_heldout_v28.jsonl",
        "11e8542803da29dba94191cea2b174545538841d692bb5e2333dd92bb0466323",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.89, 0.97, 0.93), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v29": (
        DATA / "comments_heldout_v29.jsonl",
        "76ce6cb58a0f5b72cfc1b38a1ee91b8a6d4b5663a65db3bf9eb3e236f8d3fa4e",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.89, 0.97, 0.93), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v30": (
        DATA / "comments_heldout_v30.jsonl",
        "511e71ccde1fe3bb2246d3550344bd5b46140a241cbdcc45bfd2748066f82fd9",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v31": (
        DATA / "comments_heldout_v31.jsonl",
        "43ad67025a741613a8527fa85637b8ad660a0d62eb062aa7be6962fcb4bd8d77",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v32": (
        DATA / "comments_heldout_v32.jsonl",
        "9dd28765905284e7980e8455e23e0d1e2061e24a8abfd418faca867731e987c6",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.89, 0.93), "spam": (0.89, 0.97, 0.93)},
    ),
    "held-out v33": (
        DATA / "comments_heldout_v33.jsonl",
        "fab3f426219eaca4df8837d934ba600a26a327edaf00996bfccb893ab6b94fc6",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v34": (
        DATA / "comments_heldout_v34.jsonl",
        "d75549ecf8c8e873104cea0350019ce05077b733041171024e2c5c6cfaf2dd4f",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v35": (
        DATA / "comments_heldout_v35.jsonl",
        "828a64d6954e4e0008a12d52e13034a7e7a422aa9085dcfee305db77f8410246",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v36": (
        DATA / "comments_heldout_v36.jsonl",
        "9c17a341742958ae33097482858b76b0a320723ab379e24a734ebb8abb847892",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v37": (
        DATA / "comments_heldout_v37.jsonl",
        "43baf7894eaa2fddfa8c74f153198c79247f0a34e52e4d667ab28a14cfe978ca",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v38": (
        DATA / "comments_heldout_v38.jsonl",
        "93e30450aa7951bb6b0e29ea746802610b69d871dd657cf61ffa74f1fdcbbac5",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v39": (
        DATA / "comments_heldout_v39.jsonl",
        "561dd3c41edd5219886c7498b1f36b381b9cd86506602323e22b7fd4169a30af",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v40": (
        DATA / "comments_heldout_v40.jsonl",
        "335b07c4c70416ace2cd36722367b211b121e850993b72a3028e126d59777df5",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v41": (
        DATA / "comments_heldout_v41.jsonl",
        "29986685de012941e62e983fcb2447091387939c2daa2fece06f59477397a5f2",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.89, 0.97, 0.93)},
    ),
    "held-out v42": (
        DATA / "comments_heldout_v42.jsonl",
        "09d10e3a71a26880310a3a848b4cfc5482279c603fa5cd710fe29b78eff349a3",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.89, 0.97, 0.93), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v43": (
        DATA / "comments_heldout_v43.jsonl",
        "cb088709f7e74335f6af524ef0706ab16f323c4f07cc1709cfe9d9ceff59b972",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v44": (
        DATA / "comments_heldout_v44.jsonl",
        "33b8a5461c37b1851722c70fe18dbb82b548f0e6d4a7ab34af1f5875337638b0",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v45": (
        DATA / "comments_heldout_v45.jsonl",
        "8e9c21b4bde44090c419265a6897f8b58eecff7893bfd1fabf7265790ade8c69",
        110,
        {"crisis": (0.89, 0.97, 0.93), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v46": (
        DATA / "comments_heldout_v46.jsonl",
        "c0f8a15d31471b13058fd20cc8c7386c7e4c1c3a5fc488241f65582b72ad0e59",
        110,
        {"crisis": (0.89, 0.97, 0.93), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v47": (
        DATA / "comments_heldout_v47.jsonl",
        "cc4ad4e509d01c12844e2116013ea560513e0e34dbe624980fc9b24b0d6e746f",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.89, 0.97, 0.93), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v48": (
        DATA / "comments_heldout_v48.jsonl",
        "9312f7a242ab97952537f1aed6d0af14593bf10ad59057165bd8d97be64ae395",
        110,
        {"crisis": (0.82, 0.97, 0.89), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v49": (
        DATA / "comments_heldout_v49.jsonl",
        "7467457d54ff80546bd6ba78f32e5d93d6802a832fc9a489b992de71cb06cbe1",
        110,
        {"crisis": (0.89, 0.97, 0.93), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v50": (
        DATA / "comments_heldout_v50.jsonl",
        "5fde11d113868181c1dff5dbedcc28768e5ff1a0978a9b98e5676ea40a749de1",
        110,
        {"crisis": (0.96, 0.96, 0.96), "toxic": (0.96, 0.87, 0.91), "spam": (0.87, 0.87, 0.87)},
    ),
    "held-out v51": (
        DATA / "comments_heldout_v51.jsonl",
        "38912e12885d1f02baf7b62f7c5e7ab31d3c1fdc611aa3b894726474c311f28a",
        110,
        {"crisis": (0.74, 0.87, 0.8), "toxic": (0.87, 0.87, 0.87), "spam": (0.96, 0.87, 0.91)},
    ),
    "held-out v52": (
        DATA / "comments_heldout_v52.jsonl",
        "d31034790209e23bf37d1c4f3644cef20a3d775070514ebfaffa33b74179f313",
        110,
        {"crisis": (0.66, 0.96, 0.78), "toxic": (0.88, 0.96, 0.92), "spam": (0.96, 0.96, 0.96)},
    ),
    "held-out v53": (
        DATA / "comments_heldout_v53.jsonl",
        "12687b8c4fbd25a909a60b695f63a7e9671f26005c2e04d1cca254ae539bcfec",
        110,
        {"crisis": (0.88, 0.96, 0.92), "toxic": (0.96, 0.96, 0.96), "spam": (0.96, 0.96, 0.96)},
    ),
    "held-out v54": (
        DATA / "comments_heldout_v54.jsonl",
        "2b655b3f40da33a9cd3e82b4c7b6aade97442da89e8695e80e7328793a38b480",
        110,
        {"crisis": (0.81, 0.96, 0.88), "toxic": (0.96, 0.96, 0.96), "spam": (0.96, 0.96, 0.96)},
    ),
    "held-out v55": (
        DATA / "comments_heldout_v55.jsonl",
        "a1faec2954c3d1c61ed004bd9ff3dd6688d67dc7266250b21d0bdc79e86f6019",
        110,
        {"crisis": (0.96, 0.96, 0.96), "toxic": (0.96, 0.96, 0.96), "spam": (0.96, 0.96, 0.96)},
    ),
    "held-out v56": (
        DATA / "comments_heldout_v56.jsonl",
        "5403a40256b36481df8b739f7d9128666ee093d4c2a944ebd609d7b217121bae",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v57": (
        DATA / "comments_heldout_v57.jsonl",
        "5c3b826ade95140ad0b94cd6d48fc7283123274a1482adf04ba846bdbe38a62c",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v58": (
        DATA / "comments_heldout_v58.jsonl",
        "e14b5482483cbcc7ffb2c1d645d5f1cb23bc746e2c4598392d4be226c3feb214",
        110,
        {"crisis": (0.97, 0.97, 0.97), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v59": (
        DATA / "comments_heldout_v59.jsonl",
        "efe4466195f08568a4dbf98068c456473d19e94b81bd45e8af35de4b40936b8b",
        110,
        {"crisis": (0.89, 0.97, 0.93), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v60": (
        DATA / "comments_heldout_v60.jsonl",
        "a8aa59977d50a9ca91f6c592879b0b5940981b0679280c16e196e20350805fa4",
        110,
        {"crisis": (0.89, 0.97, 0.93), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v61": (
        DATA / "comments_heldout_v61.jsonl",
        "d7a378ea41e9b064c83eac2bc6ed6d7cda4a9e109c2ed65fa1a65b1216a15939",
        110,
        {"crisis": (0.89, 0.97, 0.93), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v62": (
        DATA / "comments_heldout_v62.jsonl",
        "5760b33194b9c06c3b75744d0ec258011a36fa69557e9079c53a296f232f1ff1",
        110,
        {"crisis": (0.82, 0.97, 0.89), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
    "held-out v63": (
        DATA / "comments_heldout_v63.jsonl",
        "05c35b66d486ebea58e91cb30462a9fc0dad74d84b499aaa85c3f333b336b2ce",
        110,
        {"crisis": (0.89, 0.97, 0.93), "toxic": (0.97, 0.97, 0.97), "spam": (0.97, 0.97, 0.97)},
    ),
}
# The sets the comment model is not fitted on (safety.comment_model.COMMENT_PATHS): the only
# ones whose figures say how it does on comments it has not seen.
BLIND = tuple(DATA / f"comments_heldout_v{n}.jsonl" for n in (20, 21, 50, 51, 52, 53, 54, 55))
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
# and v6; v28 and v38; v22 and v44; v42 and v45; v16 and v53; v48 and v57); short, ordinary
# phrasings, so no leak, and the frozen sets stay as they were.
SHARED_BY_CHANCE = {
    "this made me cry a bit on the bus, in a good way.",
    "what an absolute waste of oxygen this writer is.",
    "needed this today. thank you.",
    "printed this out and stuck it on the fridge.",
    "needed this today. thanks doc",
    "great advice as always.",
    "really needed this today.",
}


def test_it_keeps_the_sets_apart():
    texts = {
        name: {e["text"].lower() for e in load_examples(path)} - SHARED_BY_CHANCE
        for name, (path, *_) in SETS.items()
    }
    for a, b in combinations(texts, 2):
        assert not texts[a] & texts[b], (a, b)
