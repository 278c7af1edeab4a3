"""`python manage.py assess --jsonl FILE [--labels]`: one JSON line per input line, then figures."""

import json

import pytest
from django.core.management import CommandError, call_command

from safety.models import WatchedWord

LINES = [
    {"text": "Thank you, this helped.", "crisis": False, "toxic": False, "spam": False},
    {"text": "I want to end it all.", "crisis": True, "toxic": False, "spam": False},
    {"text": "kys", "crisis": False, "toxic": True, "spam": False},
    {
        "text": "Dr. Ayo brought my husband back with a love spell! WhatsApp +234 701 555 2211",
        "crisis": False,
        "toxic": False,
        "spam": True,
    },
    # Labelled toxic, but nothing here says so: a miss the figures must count.
    {"text": "Sure, whatever you say.", "crisis": False, "toxic": True, "spam": False},
]


def write(tmp_path, rows, blank_line=False):
    path = tmp_path / "comments.jsonl"
    text = "\n".join(json.dumps(r) for r in rows) + "\n"
    if blank_line:
        text = "\n" + text.replace("\n", "\n\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("assess", *args, stdout=out)
    return out.getvalue().splitlines()


def test_it_prints_one_json_object_per_line_in_order(tmp_path):
    path = write(tmp_path, [{"text": r["text"]} for r in LINES], blank_line=True)
    out = [json.loads(line) for line in run("--jsonl", str(path))]
    assert len(out) == len(LINES)
    for line in out:
        assert set(line) == {"crisis", "toxic", "spam", "review", "decision", "reasons"}
        assert all(isinstance(line[f], bool) for f in ("crisis", "toxic", "spam", "review"))
    assert [o["decision"] for o in out] == ["publish", "hold", "hold", "spam", "publish"]
    assert [(o["crisis"], o["toxic"], o["spam"]) for o in out] == [
        (False, False, False),
        (True, False, False),
        (False, True, False),
        (False, False, True),
        (False, False, False),
    ]
    assert out[1]["reasons"] == ['Crisis: "I want to end it all." reads as a wish to die.']


def test_with_labels_it_prints_precision_recall_and_f1_for_each_flag(tmp_path):
    lines = run("--jsonl", str(write(tmp_path, LINES)), "--labels")
    assert all(json.loads(line) for line in lines[:5])
    table = lines[5:]
    assert table[0] == ""
    assert table[1].split() == ["flag", "precision", "recall", "F1", "tp", "fp", "fn"]
    rows = {row.split()[0]: row.split()[1:] for row in table[2:5]}
    assert rows["crisis"] == ["1.000", "1.000", "1.000", "1", "0", "0"]
    assert rows["toxic"] == ["1.000", "0.500", "0.667", "1", "0", "1"]
    assert rows["spam"] == ["1.000", "1.000", "1.000", "1", "0", "0"]
    assert table[5] == "5 examples"


def test_misses_lists_what_each_flag_got_wrong(tmp_path):
    lines = run("--jsonl", str(write(tmp_path, LINES)), "--labels", "--misses")
    assert lines[-1] == "toxic missed: Sure, whatever you say."


def test_it_can_assess_as_letters(tmp_path):
    path = write(tmp_path, [{"text": "kys"}, {"text": "I want to end it all."}])
    out = [json.loads(line) for line in run("--jsonl", str(path), "--kind", "letter")]
    assert [(o["toxic"], o["crisis"]) for o in out] == [(False, False), (False, True)]


@pytest.mark.django_db
def test_it_can_apply_the_sites_watched_words(tmp_path):
    WatchedWord.objects.create(phrase="lawyer", action="flag")
    path = write(tmp_path, [{"text": "Ask a lawyer first."}])
    [plain] = [json.loads(line) for line in run("--jsonl", str(path))]
    [watched] = [json.loads(line) for line in run("--jsonl", str(path), "--watched-words")]
    assert (plain["review"], watched["review"]) == (False, True)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "fine"}\nnot json\n', "line 2: not JSON"),
        ('{"body": "no text"}\n', 'line 1: expected an object with a "text" string'),
        ('["a list"]\n', 'line 1: expected an object with a "text" string'),
    ],
)
def test_it_names_the_line_it_cannot_read(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run("--jsonl", str(path))


def test_labels_must_be_booleans(tmp_path):
    path = write(tmp_path, [{"text": "fine", "crisis": False, "toxic": "no", "spam": False}])
    with pytest.raises(CommandError, match="line 1: --labels needs crisis, toxic and spam"):
        run("--jsonl", str(path), "--labels")


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run("--jsonl", str(tmp_path / "missing.jsonl"))
