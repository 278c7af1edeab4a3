import re
from collections import Counter

import pytest

from column.models import AnswerPage, TopicPage
from demo.loader import demo_accounts, load_demo, read_content
from discussion.models import Comment, CommentStatus
from therapists.models import Therapist


@pytest.fixture
def loaded(home):
    content = read_content()
    load_demo(content)
    return content


def test_it_loads_enough_answers_topics_and_therapists(loaded):
    answers = AnswerPage.objects.live()
    assert answers.count() >= 8
    assert TopicPage.objects.live().count() >= 4
    assert Therapist.objects.count() >= 3
    assert len({answer.therapist_id for answer in answers}) >= 3
    assert len({topic.pk for answer in answers for topic in answer.topics.all()}) >= 4


def test_it_has_one_long_discussion_spread_over_months(loaded):
    busiest, count = Counter(
        Comment.objects.published().values_list("page_id", flat=True)
    ).most_common(1)[0]
    assert count >= 12
    dates = Comment.objects.published().filter(page_id=busiest).values_list("created_at", flat=True)
    assert (max(dates) - min(dates)).days >= 90


def test_it_leaves_comments_to_moderate(loaded):
    assert Comment.objects.filter(status=CommentStatus.PENDING).count() >= 2


def test_it_can_be_loaded_twice_without_duplicates(loaded):
    before = (AnswerPage.objects.count(), Comment.objects.count())
    load_demo(loaded)
    assert (AnswerPage.objects.count(), Comment.objects.count()) == before


def test_it_creates_logins_for_every_role(loaded, client):
    roles = Counter(account.role for account in demo_accounts(loaded))
    assert roles == {"Column editors": 1, "Therapists": 2, "Comment moderators": 1}
    for account in demo_accounts(loaded):
        assert client.login(username=account.username, password=account.password)


def test_it_repeats_pull_quotes_from_the_answer_itself(loaded):
    for answer in loaded["answers"]:
        paragraphs = " ".join(b["text"] for b in answer["body"] if b["type"] == "paragraph")
        for block in answer["body"]:
            if block["type"] == "pull_quote":
                assert block["text"] in paragraphs, answer["slug"]


def test_it_uses_only_reserved_example_domains_for_emails(loaded):
    for email in Comment.objects.values_list("author_email", flat=True):
        assert re.search(r"@example\.(com|org|net)$", email), email
