"""Nearness to labelled examples: the learned reading shared by the offensive and crisis checks."""

import json
from pathlib import Path

import pytest

from safety import assess, crisis_similarity, toxicity
from safety.assessment import Item, Submission, _without_lookalikes
from safety.crisis import CrisisSignal
from safety.nearness import DATA, ExampleSet
from safety.spam import SpamSignal
from safety.tests.test_comment_figures import SETS as COMMENT_SETS
from safety.tests.test_crisis_figures import SETS as CRISIS_SETS
from safety.text import sentences
from safety.toxicity import find_toxicity


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_a_sentence_scores_by_how_much_nearer_it_is_to_one_side(tmp_path):
    examples = tmp_path / "weather.jsonl"
    _write(
        examples,
        [
            {"text": "It is pouring with rain today.", "wet": True, "kind": "rain"},
            {"text": "The storm flooded the street.", "wet": True, "kind": "rain"},
            {"text": "The sun is out and it is warm.", "wet": False, "kind": "sun"},
            {"text": "A dry, bright afternoon.", "wet": False, "kind": "sun"},
        ],
    )
    near = ExampleSet("wet", [str(examples)], k=1)  # an absolute path wins over DATA
    assert not near.loaded
    rainy, sunny = near.score(["Heavy rain is falling all afternoon.", "Clear skies and heat."])
    assert near.loaded
    assert rainy.score > 0 > sunny.score
    assert rainy.kind == "rain"
    assert -1 <= sunny.score <= 1
    assert 0 < rainy.similarity <= 1
    assert near.score([]) == []


@pytest.mark.parametrize(
    ("name", "label", "kinds"),
    [
        ("offensive_examples.jsonl", "toxic", set(toxicity.ABOUT)),
        ("crisis_exemplars.jsonl", "crisis", set(crisis_similarity.ABOUT)),
    ],
)
def test_the_example_files_are_well_formed_and_cover_every_kind(name, label, kinds):
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    assert sum(r[label] for r in rows) >= 300
    assert sum(not r[label] for r in rows) >= 700
    assert all(set(r) == {"text", label, "kind"} and isinstance(r[label], bool) for r in rows)
    assert {r["kind"] for r in rows if r[label]} <= kinds
    texts = [r["text"].lower() for r in rows]
    assert len(set(texts)) == len(texts)


# Short phrases that helpers who never saw the examples also wrote (held-out v7, v11, v13,
# v14, v17, v20, v45, v52, v62).
SHARED_BY_CHANCE = {
    "pathetic, all of you.",
    "beautifully put.",
    "so true.",
    "bravo.",
    "well said.",
    "love this columnist.",
    "sound advice.",
    "spot on.",
    "needed this today.",
    "i needed to read this today.",
    "please tell my mum none of this was her fault.",
    "is this normal?",
    "love this.",
    "lovely.",
    # Quoted in the brief for v22 to v29 as a kind of indirect goodbye; one helper used it.
    "this is my last comment here, thank you all.",
}


def test_no_example_is_a_sentence_or_comment_of_an_evaluation_set():
    examples = {
        json.loads(line)["text"].lower()
        for name in ("offensive_examples.jsonl", "crisis_exemplars.jsonl")
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
    } - SHARED_BY_CHANCE
    paths = [path for path, *_ in COMMENT_SETS.values()] + [
        path for path, *_ in CRISIS_SETS.values()
    ]
    for path in paths:
        if path.name in ("comments_dev.jsonl", "crisis_examples.jsonl"):
            continue  # development text, which some examples were written beside
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            pieces = {text.lower()} | {s.lower() for s in sentences(text)}
            assert not examples & pieces, (path.name, text)


@pytest.mark.parametrize(
    "text",
    [
        "Your parenting would embarrass a goldfish.",
        "People like her should be kept away from other people's children.",
        "Enjoy your little life while it lasts, doctor.",
        "Old people like him are a drain and should be left to it.",
    ],
)
def test_nearness_finds_insults_and_threats_no_rule_names(text):
    [signal] = find_toxicity(text)
    assert signal.rule == "nearness"
    assert signal.reason.startswith("reads like the ")
    assert "in the site's examples (similarity 0." in signal.reason


@pytest.mark.parametrize(
    "text",
    [
        "Thank you, this was a lovely read.",
        "I disagree with the columnist about telling the children.",
        "My husband once called me a useless lump, and it stayed with me for years.",
        "Imagine being this tired and still doing the school run.",
    ],
)
def test_nearness_leaves_thanks_disagreement_and_quoted_insults_alone(text):
    assert find_toxicity(text) == []


def test_a_question_answered_at_once_with_a_denial_is_not_read_alone():
    question = "Who would even care if you disappeared?"
    assert toxicity.EXAMPLES.score([question])[0].score >= toxicity.NEARNESS_THRESHOLD
    assert find_toxicity(f"{question} That is not true, your kids would.") == []
    assert [s.sentence for s in find_toxicity(f"{question} Good.")] == [question]


def test_nearness_alone_does_not_make_an_advert_toxic():
    advert = (
        "My husband walked out and I was a wreck until Mother Grace cast her return spell. "
        "That selfish man came crawling back in a week. WhatsApp her on +44 7700 900123."
    )
    assert {s.rule for s in find_toxicity(advert)} == {"nearness"}  # why the guard exists
    result = assess(advert)
    assert result.spam
    assert not result.toxic


def test_in_a_crisis_comment_nearness_reads_only_words_said_to_someone():
    text = "I've started cutting again. I haven't told my therapist because she'd panic."
    crisis_sentence = "I've started cutting again."
    plain = {s.sentence for s in find_toxicity(text)}
    guarded = {s.sentence for s in find_toxicity(text, crisis_sentences=[crisis_sentence])}
    assert crisis_sentence not in guarded
    assert all("you" in s.lower() for s in guarded)
    assert guarded <= plain


def test_similarity_alone_is_not_a_crisis_in_an_advert_or_in_aimed_abuse():
    advert = (
        "After my husband left I could not see a reason to go on, until Dr. Ekpen cast his "
        "reunion spell. Email ekpenspells@example.com."
    )
    sentence = sentences(advert)[0]
    by_similarity = CrisisSignal(sentence, "reads like ...", "similarity")
    by_rule = CrisisSignal(sentence, "reads as a wish to die", "passive")
    item = Item(advert, Submission())
    assert _without_lookalikes(item, [by_similarity]) == []
    assert _without_lookalikes(item, [by_rule]) == [by_rule]  # the rules' findings stand

    aimed = "Why don't you just end it?"
    signal = CrisisSignal(aimed, "reads like ...", "similarity")
    assert _without_lookalikes(Item(aimed, Submission()), [signal]) == []
    own = "Tonight's the night."
    signal = CrisisSignal(own, "reads like ...", "similarity")
    beside_abuse = Item(f"{aimed} {own}", Submission())
    assert _without_lookalikes(beside_abuse, [signal]) == [signal]

    # Abuse of a third party, in a sentence about danger to the writer, is not a look-alike.
    danger = "My boyfriend is a vile bastard and he says he'll strangle me when he's home."
    signal = CrisisSignal(danger, "reads like ...", "similarity")
    assert toxicity.find_toxicity(danger)  # an insult rule does fire on it
    assert _without_lookalikes(Item(danger, Submission()), [signal]) == [signal]


def test_a_comment_whose_only_sign_of_spam_is_the_model_keeps_its_similarity_crisis():
    text = "I have given up. I keep thinking about the pills in the drawer tonight."
    item = Item(text, Submission())
    item._spam = [SpamSignal("the learned spam model scores it 0.60", "model", 0.6)]
    signal = CrisisSignal(
        "I keep thinking about the pills in the drawer tonight.", "...", "similarity"
    )
    assert _without_lookalikes(item, [signal]) == [signal]


def test_example_vectors_are_kept_on_disk_and_made_again_when_the_examples_change(
    tmp_path, monkeypatch
):
    from safety import nearness

    monkeypatch.setenv("DEARLY_VECTOR_DIR", str(tmp_path / "vectors"))
    examples = tmp_path / "kind.jsonl"
    rows = [
        {"text": "You are a cruel person.", "rude": True, "kind": "insult"},
        {"text": "Thank you for your kindness.", "rude": False, "kind": "thanks"},
    ]
    _write(examples, rows)
    first = ExampleSet("rude", [str(examples)], k=1)
    expected = first.score(["You are a horrible person."])
    saved = first.vector_file()
    assert saved.is_file()
    assert saved.parent == tmp_path / "vectors"

    def no_encoder(texts, remember=True):
        raise AssertionError("the examples were embedded again")

    with monkeypatch.context() as patched:
        patched.setattr(nearness, "embed", no_encoder)
        again = ExampleSet("rude", [str(examples)], k=1)
        again._loaded()  # from the file: no encoder needed
    assert again.score(["You are a horrible person."]) == expected

    _write(examples, [*rows, {"text": "Get lost, loser.", "rude": True, "kind": "insult"}])
    changed = ExampleSet("rude", [str(examples)], k=1)
    assert changed.vector_file() != saved
    changed.score(["Hello."])
    assert changed.vector_file().is_file()


def test_the_warm_up_command_readies_both_example_sets(monkeypatch):
    from io import StringIO

    from django.core.management import call_command

    monkeypatch.setattr(toxicity.EXAMPLES, "_vectors", None)
    monkeypatch.setattr(crisis_similarity.EXAMPLES, "_vectors", None)
    out = StringIO()
    call_command("warm_up_safety", stdout=out)
    assert toxicity.EXAMPLES.loaded
    assert crisis_similarity.EXAMPLES.loaded
    assert "Safety checks ready in " in out.getvalue()


def test_vector_files_of_earlier_examples_are_removed_when_new_ones_are_made(tmp_path):
    from safety.embeddings import save_whole

    current = tmp_path / "toxic-new.npy"
    for name in ("toxic-old.npy", "toxic-older.npy", "crisis-old.npy", "minilm-int8-old.onnx"):
        (tmp_path / name).write_bytes(b"x")
    save_whole(current, lambda partial: partial.write_bytes(b"new"))
    assert current.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "crisis-old.npy",
        "minilm-int8-old.onnx",
        "toxic-new.npy",
    ]
