"""Shared personas and builders for every app's tests.

Personas: a reader (anonymous), a therapist who answers, an editor who publishes, a comment
moderator, and an outsider who has an account but no role.
"""

import itertools
import os
import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from column.models import AnswerIndexPage, AnswerPage, TopicIndexPage, TopicPage
from column.setup import EDITORS, MODERATORS, THERAPISTS, ensure_site
from demo.loader import answer_body, publish_at
from discussion.models import Comment, CommentStatus
from therapists.models import Therapist

# Browser fixtures (Chromium through Playwright) serve every app's browser tests.
pytest_plugins = ["column.tests.browser"]

PASSWORD = "a-long-test-password-42"
_numbers = itertools.count(1)


def answer_form_data(therapist, topics=(), **overrides) -> dict:
    """What Wagtail's admin posts for an answer page, as an editor or therapist fills it in."""
    fields = {
        "title": "When my friend stopped calling",
        "slug": "friend-stopped-calling",
        "pen_name": "Left on Read",
        "letter": "My oldest friend has not called in a year.\n\nI miss her.",
        "body": streamfield(
            [
                (
                    "paragraph",
                    rich_text("<p>Friendships drift, and drifting is not a verdict.</p>"),
                ),
                ("pull_quote", {"quote": "Friendships drift, and drifting is not a verdict."}),
            ]
        ),
        "therapist": therapist.pk,
        "topics": [topic.pk for topic in topics],
        "summary": "",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **overrides,
    }
    return nested_form_data(fields)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the page tree once; tests roll back to it. `home` rebuilds it after a flush."""
    with django_db_blocker.unblock():
        ensure_site()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with a cold cache, as a freshly started server would."""
    cache.clear()


@pytest.fixture
def home(db):
    return ensure_site()


def make_user(username: str, group: str | None = None):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(home):
    return make_user("edna", EDITORS)


@pytest.fixture
def therapist_user(home):
    return make_user("theo", THERAPISTS)


@pytest.fixture
def moderator(home):
    return make_user("mona", MODERATORS)


@pytest.fixture
def outsider(home):
    return make_user("otto")


def make_therapist(name: str, user=None, **fields) -> Therapist:
    defaults = {
        "slug": name.lower().replace(" ", "-"),
        "credentials": "LCSW",
        "licence_type": "Licensed Clinical Social Worker",
        "licence_region": "Oregon",
        "licence_number": f"LIC-{next(_numbers)}",
        "bio": f"{name} has worked with families for a decade.",
    }
    return Therapist.objects.create(user=user, name=name, **{**defaults, **fields})


@pytest.fixture
def therapist(therapist_user):
    return make_therapist(
        "Theo Marsh",
        therapist_user,
        credentials="MS, LMHC",
        licence_type="Licensed Mental Health Counselor",
        licence_region="Vermont",
        licence_number="LMHC-SECRET-0042",
        verified_on=timezone.now().date(),
        city="Burlington, VT",
        specialties="grief, couples",
        approach="Practical and warm.",
        bio="Theo has counselled couples and grieving families for twenty years.",
    )


@pytest.fixture
def make_topic(home):
    def build(name: str = "Family") -> TopicPage:
        index = TopicIndexPage.objects.get()
        topic = TopicPage(title=name, slug=f"{name.lower().replace(' ', '-')}-{next(_numbers)}")
        index.add_child(instance=topic)
        topic.save_revision().publish()
        return topic

    return build


@pytest.fixture
def make_answer(home, therapist):
    def build(
        title: str = "My sister borrows and never returns",
        pen_name: str = "Short-Changed",
        topics: tuple[TopicPage, ...] = (),
        published_days_ago: int = 1,
        live: bool = True,
    ) -> AnswerPage:
        number = next(_numbers)
        answer = AnswerPage(
            title=title,
            slug=f"answer-{number}",
            pen_name=pen_name,
            letter="My sister keeps borrowing money.\n\nShe never pays it back.",
            body=answer_body(
                [
                    {"type": "paragraph", "text": "Money between siblings carries old stories."},
                    {"type": "pull_quote", "text": "Money between siblings carries old stories."},
                    {"type": "paragraph", "text": "Say what you can give, once, kindly."},
                ]
            ),
            therapist=therapist,
            live=live,
        )
        AnswerIndexPage.objects.get().add_child(instance=answer)
        answer.topics.set(topics)
        if live:
            publish_at(answer, timezone.now() - timedelta(days=published_days_ago))
        else:
            answer.save_revision()
        return AnswerPage.objects.get(pk=answer.pk)

    return build


@pytest.fixture
def answer(make_answer):
    return make_answer()


@pytest.fixture
def make_comments():
    def build(page: AnswerPage, count: int, status: str = CommentStatus.PUBLISHED) -> list:
        start = timezone.now() - timedelta(days=30)
        return Comment.objects.bulk_create(
            Comment(
                page=page,
                author_name=f"Reader {n}",
                author_email=f"reader{n}@example.com",
                body=f"Comment number {n}.\n\nA second paragraph.",
                status=status,
                terms_accepted_at=start,
                created_at=start + timedelta(hours=n),
            )
            for n in range(count)
        )

    return build


def at_the_same_moment(send: Callable[[], str]) -> list[str]:
    """Run `send` in two threads released together (a double click that reaches two server
    threads), each with its own database connection; what each returned, in finishing order."""
    from django.db import connection

    start = threading.Barrier(2)
    results: list[str] = []

    def run() -> None:
        try:
            start.wait()
            results.append(send())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# Fixtures through which a test reaches the database (pytest-django's, and the live server).
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


def pytest_collection_modifyitems(config, items):
    """With DEARLY_SECOND_PASS=1 (the PostgreSQL pass of `make test`), run only the tests
    whose outcome can depend on the database engine: those that reach the database, less the
    browser tests. Pure rules and the safety figures cannot come out differently on another
    engine; the browser tests drive the same views that the database tests cover on both
    engines, and take a third of the pass. Both kinds ran on the SQLite pass. Browser tests
    that only one engine can run (a `skipif`, like the double-click race) stay."""
    if os.environ.get("DEARLY_SECOND_PASS") != "1":
        return
    keep, drop = [], []
    for item in items:
        fixtures = set(item.fixturenames)
        reaches = item.get_closest_marker("django_db") or DATABASE_FIXTURES & fixtures
        browser_only = "chromium" in fixtures and not item.get_closest_marker("skipif")
        (keep if reaches and not browser_only else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
