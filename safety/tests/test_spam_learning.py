"""The spam model learns from moderators, keeps only hashed features, and remembers on restart."""

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from safety import learn_from_decision, spam
from safety.models import SpamLesson

# Promotion the rules do not name, that the seed model leaves below its threshold.
BORDERLINE = "So true! I cover this in my newsletter every Sunday, come and join us there."
SIMILAR = "So true! More on this in my Sunday newsletter, come and join us."


@pytest.fixture(autouse=True)
def fresh_model():
    """Each test starts from the seed model and leaves nothing it learned behind."""
    spam.reset_model()
    yield
    spam.reset_model()


def test_the_seed_model_lets_the_borderline_comment_through():
    assert spam.spam_rules(BORDERLINE) == []
    assert spam.find_spam(BORDERLINE) == []
    assert 0.2 < spam.spam_model().probability(BORDERLINE) < spam.SPAM_THRESHOLD


@pytest.mark.django_db
def test_a_moderators_spam_decision_changes_the_next_prediction(
    django_capture_on_commit_callbacks,
):
    before = spam.spam_model().probability(SIMILAR)
    with django_capture_on_commit_callbacks(execute=True):
        learn_from_decision(BORDERLINE, is_spam=True)
    assert spam.spam_model().probability(BORDERLINE) >= spam.SPAM_THRESHOLD
    assert spam.spam_model().probability(SIMILAR) > before  # it generalises a little
    [signal] = spam.find_spam(BORDERLINE)
    assert signal.rule == "model"


@pytest.mark.django_db
def test_a_not_spam_decision_lowers_the_score(django_capture_on_commit_callbacks):
    text = "Anyone interested in earning extra income from home, reply here and I will explain."
    before = spam.spam_model().probability(text)
    with django_capture_on_commit_callbacks(execute=True):
        learn_from_decision(text, is_spam=False)
    assert spam.spam_model().probability(text) < before


@pytest.mark.django_db
def test_the_lesson_is_stored_as_hashed_features_without_the_words(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        learn_from_decision(BORDERLINE, is_spam=True)
    lesson = SpamLesson.objects.get()
    assert lesson.is_spam is True
    assert set(lesson.features) == {"v", "k", "i", "x"}
    assert lesson.features["v"] == spam.FEATURES_VERSION
    assert lesson.features["k"] == spam.spam_model().key
    assert len(lesson.features["i"]) == len(lesson.features["x"]) > 10
    assert all(isinstance(i, int) and 0 <= i < spam.N_FEATURES for i in lesson.features["i"])
    stored = json.dumps(lesson.features).lower()
    for word in ("loved", "tips", "page", "bio"):
        assert word not in stored


@pytest.mark.django_db
def test_a_restarted_process_replays_the_stored_lessons(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        learn_from_decision(BORDERLINE, is_spam=True)
    learned = spam.spam_model().probability(BORDERLINE)
    spam.reset_model()  # as if the server restarted
    model = spam.spam_model()
    assert model.lessons == 1
    assert model.probability(BORDERLINE) == pytest.approx(learned, abs=1e-6)


@pytest.mark.django_db
def test_a_rolled_back_decision_teaches_this_process_nothing():
    before = spam.spam_model().probability(BORDERLINE)
    learn_from_decision(BORDERLINE, is_spam=True)  # its transaction never commits here
    assert spam.spam_model().probability(BORDERLINE) == before


@pytest.mark.django_db
def test_it_picks_up_lessons_other_processes_stored(django_capture_on_commit_callbacks):
    model = spam.spam_model()
    lesson = model.lesson_for(BORDERLINE, True)
    SpamLesson.objects.create(is_spam=True, features=lesson.as_json())  # another worker
    assert spam.sync(model) == 0  # it looked a moment ago; it waits SYNC_SECONDS
    assert spam.sync(model, force=True) == 1
    assert spam.sync(model, force=True) == 0  # each lesson is learned once
    assert model.probability(BORDERLINE) >= spam.SPAM_THRESHOLD


@pytest.mark.django_db
def test_lessons_from_another_feature_version_or_key_are_skipped():
    key = spam.spam_model().key
    spam.reset_model()
    SpamLesson.objects.create(
        is_spam=True, features={"v": 0, "k": key, "i": [1, 2], "x": [0.5, 0.5]}
    )
    SpamLesson.objects.create(
        is_spam=True,
        features={"v": spam.FEATURES_VERSION, "k": "another-key", "i": [1, 2], "x": [0.5, 0.5]},
    )
    model = spam.spam_model()
    assert model.lessons == 0
    assert model.last_id == SpamLesson.objects.latest("id").pk  # not read again


def test_the_features_are_salted_with_the_sites_privacy_key(settings):
    salted = spam.SpamModel(salt=spam._feature_salt())
    plain = spam.SpamModel()
    assert spam._feature_salt()
    assert salted.key != plain.key
    text = "Loved this, thank you."
    assert salted.lesson_for(text, False).indices != plain.lesson_for(text, False).indices
    settings.PRIVACY_HASH_KEY = "another key"
    assert spam.SpamModel(salt=spam._feature_salt()).key != salted.key


def test_without_database_access_it_starts_from_the_seed():
    assert spam.stored_lessons() is None  # this test may not touch the database
    assert spam.spam_model().lessons == 0


def test_an_empty_decision_is_ignored():
    learn_from_decision("   ", is_spam=True)
    assert spam.spam_model().lessons == 0


def test_learning_and_predicting_at_once_is_safe():
    model = spam.spam_model()
    errors = []

    def learn():
        try:
            for n in range(30):
                model.learn([model.lesson_for(f"{BORDERLINE} {n}", n % 2 == 0)])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    def predict():
        try:
            for _ in range(60):
                assert 0.0 <= model.probability(SIMILAR) <= 1.0
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=f) for f in (learn, predict, predict, learn)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert model.lessons == 60


def test_without_django_it_learns_in_memory():
    code = (
        "import sys, safety, safety.spam as spam; "
        f"text = {BORDERLINE!r}; "
        "before = spam.spam_model().probability(text); "
        "safety.learn_from_decision(text, True); "
        "print(spam.spam_model().probability(text) > before, "
        "any(m.startswith('django') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.split() == ["True", "False"]


def test_one_texts_features_and_probability_match_scikit_learns():
    from safety.evaluation import load_examples

    model = spam.spam_model()
    texts = [*[e["text"] for e in load_examples(spam.TRAINING_DATA[0])][:60], "", "!!!"]
    rows = model.vectorise(texts).tocsr()
    expected = model._classifier.predict_proba(rows)[:, 1]
    for i, text in enumerate(texts):
        columns, values = model.hashed(text)
        row = rows[i]
        row.sort_indices()
        assert list(columns) == list(row.indices), text
        assert values == pytest.approx(row.data, abs=1e-12), text
        assert model.probability(text) == pytest.approx(expected[i], abs=1e-12), text
