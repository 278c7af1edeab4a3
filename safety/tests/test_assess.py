"""`assess(text, context)`: flags, a suggested decision and reasons a moderator can read."""

import subprocess
import sys
from pathlib import Path

import pytest

from safety import Assessment, Decision, Submission, assess
from safety import assessment as assessment_module


@pytest.mark.parametrize("context", ["letter", "comment"])
def test_it_publishes_an_ordinary_text_with_no_flags_or_reasons(context):
    result = assess("Thank you for this answer. My sister and I finally talked.", context)
    assert result == Assessment(flags=frozenset(), decision=Decision.PUBLISH, reasons=())
    assert not result.crisis


@pytest.mark.parametrize("context", ["letter", "comment"])
def test_it_holds_a_crisis_and_quotes_the_sentence(context):
    text = "Work is fine. I want to end it all. Please don't publish this."
    result = assess(text, context)
    assert result.flags == frozenset({"crisis"})
    assert result.crisis
    assert result.decision is Decision.HOLD
    assert result.reasons == ('Crisis: "I want to end it all." reads as a wish to die.',)


def test_it_gives_one_reason_per_sentence_and_counts_the_rest():
    text = " ".join(f"Night {n}: I cut myself again." for n in range(1, 6))
    reasons = assess(text, "letter").reasons
    assert len(reasons) == 4
    assert all(r.startswith('Crisis: "Night ') for r in reasons[:3])
    assert reasons[3] == "Crisis: 2 more sentences read the same way."


def test_it_shortens_a_very_long_quoted_sentence():
    text = "I want to die because " + "nothing works, " * 40 + "and that is all."
    [reason] = assess(text).reasons
    assert len(reason) < 300
    assert "\u2026" in reason


def test_it_has_string_decisions_for_storage_and_templates():
    assert [str(d) for d in Decision] == ["publish", "hold", "spam"]


def test_it_is_frozen():
    result = assess("Hello")
    with pytest.raises(AttributeError):
        result.decision = Decision.SPAM  # type: ignore[misc]


def test_it_refuses_an_unknown_context():
    with pytest.raises(ValueError, match="context"):
        assess("Hello", "email")
    with pytest.raises(ValueError, match="kind"):
        assess("Hello", Submission(kind="email"))


def test_it_lets_a_check_stop_the_chain_and_keeps_the_strictest_decision(monkeypatch):
    calls = []

    def spam(item):
        calls.append("spam")
        return assessment_module.Finding("spam", Decision.SPAM, ("Spam: a link farm.",))

    def stop(item):
        calls.append("stop")
        return assessment_module.Finding(None, Decision.HOLD, ("Stop here.",), stop=True)

    def never(item):
        calls.append("never")
        return None

    monkeypatch.setattr(assessment_module, "CHECKS", [spam, stop, never])
    result = assess("Buy cheap watches at example.com")
    assert result.decision is Decision.SPAM  # the hold that came later does not soften it
    assert result.flags == frozenset({"spam"})
    assert result.reasons == ("Spam: a link farm.", "Stop here.")
    assert calls == ["spam", "stop"]


def test_it_stops_a_letter_at_a_crisis(monkeypatch):
    calls = []

    def never(item):
        calls.append("never")

    monkeypatch.setattr(assessment_module, "LETTER_CHECKS", [assessment_module.check_crisis, never])
    result = assess("I want to end it all. Buy cheap watches.", "letter")
    assert result.flags == frozenset({"crisis"})
    assert result.decision is Decision.HOLD
    assert calls == []  # a crisis stops a letter's chain: nothing later can bury it


def test_it_imports_no_django_models():
    code = (
        "import sys, safety; "
        "safety.warm_up(); "
        "assert safety.assess('I am fine.').decision == 'publish'; "
        "assert safety.assess('Thank you, this answer helped me and my sister.').decision "
        "== 'publish'; "
        "print(any(m.startswith('django') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.strip() == "False"


def test_warm_up_leaves_nothing_to_load_for_the_first_comment(monkeypatch):
    import onnxruntime
    import tokenizers

    from safety import embeddings, warm_up

    # As in a new server process: the encoder not yet loaded, everything else on disk.
    embeddings._session.cache_clear()
    embeddings._tokenizer.cache_clear()
    warm_up()

    def loads_again(*args, **kwargs):
        raise AssertionError("loaded on the first comment, not by warm_up")

    monkeypatch.setattr(onnxruntime, "InferenceSession", loads_again)
    monkeypatch.setattr(tokenizers.Tokenizer, "from_file", loads_again)
    monkeypatch.setattr(embeddings, "_recent", type(embeddings._recent)())
    result = assess("A sentence about my allotment that nobody has sent before.", "comment")
    assert result.decision is Decision.PUBLISH
