"""Build the generated benchmark corpus; run inside Django (see run.build_corpus)."""

import json
import random
from datetime import datetime, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from bench import text
from column.models import AnswerIndexPage, AnswerPage, TopicPage
from column.setup import ensure_site
from demo.loader import answer_body, load_comments, load_therapists, load_topics, publish_at
from discussion.models import Comment
from therapists.models import Therapist

ANSWERS = 1_000
BUSY_ANSWER = ANSWERS // 2  # mid-archive, so it is on no listing's first page
BUSY_COMMENTS = 200
SEED = 20240601


def therapist_rows(rng: random.Random) -> list[dict]:
    return [
        {
            "username": "",
            "slug": f"bench-therapist-{number}",
            "name": text.person_name(rng),
            "credentials": "PhD, LMFT",
            "licence_type": "Licensed Marriage and Family Therapist",
            "licence_region": "Oregon",
            "licence_number": f"BENCH-{number:04d}",
            "verified_on": "2024-01-15",
            "city": "Portland",
            "specialties": ["couples", "grief", "work"],
            "approach": text.paragraph(rng, (2, 3)),
            "bio": text.paragraph(rng, (2, 4)),
        }
        for number in range(1, 4)
    ]


def topic_rows(rng: random.Random) -> list[dict]:
    names = ["Love", "Family", "Work", "Grief", "Friendship"]
    return [
        {"name": name, "slug": name.lower(), "description": text.paragraph(rng, (1, 2))}
        for name in names
    ]


def comment_rows(rng: random.Random, count: int, start: datetime) -> list[dict]:
    return [
        {
            "posted": timezone.localtime(start + timedelta(minutes=17 * number))
            .replace(tzinfo=None)
            .isoformat(),
            "name": text.person_name(rng),
            "email": f"reader{number}@example.org",
            "body": [text.paragraph(rng, (1, 3)) for _ in range(rng.randint(1, 2))],
            "status": "published",
        }
        for number in range(count)
    ]


def published_when(number: int) -> datetime:
    """Answer 1 is the oldest; one answer every 31 hours up to now."""
    return timezone.now() - timedelta(hours=31 * (ANSWERS - number))


def add_answer(
    rng: random.Random,
    archive: AnswerIndexPage,
    number: int,
    therapists: list[Therapist],
    topics: list[TopicPage],
) -> AnswerPage:
    title = text.title(rng)
    body = [{"type": "paragraph", "text": text.paragraph(rng)} for _ in range(6)]
    body.insert(3, {"type": "pull_quote", "text": text.sentence(rng)})
    answer = AnswerPage(
        title=title,
        slug=f"{number:04d}-{title.lower().replace(' ', '-')}"[:80],
        pen_name=text.pen_name(rng),
        letter="\n\n".join(text.paragraph(rng) for _ in range(4)),
        body=answer_body(body),
        therapist=rng.choice(therapists),
        summary=text.sentence(rng)[:300],
    )
    archive.add_child(instance=answer)
    answer.topics.set(rng.sample(topics, rng.randint(1, 2)))
    publish_at(answer, published_when(number))
    return answer


@transaction.atomic
def build(rng: random.Random) -> dict:
    ensure_site()
    therapists = list(load_therapists(therapist_rows(rng)).values())
    topics = list(load_topics(topic_rows(rng)).values())
    archive = AnswerIndexPage.objects.get()
    for number in range(1, ANSWERS + 1):
        answer = add_answer(rng, archive, number, therapists, topics)
        count = BUSY_COMMENTS if number == BUSY_ANSWER else rng.randint(0, 3)
        load_comments(answer, comment_rows(rng, count, published_when(number)))
    busy = AnswerPage.objects.get(slug__startswith=f"{BUSY_ANSWER:04d}-")
    return {
        "answers": AnswerPage.objects.live().count(),
        "therapists": Therapist.objects.count(),
        "topics": len(topics),
        "comments": Comment.objects.published().count(),
        "busy_answer_path": busy.get_url(),
        "busy_answer_comments": busy.comments.published().count(),
        "topic_path": topics[0].get_url(),
    }


def main(out_path: str) -> None:
    """Build the corpus and write what the benchmark needs to know about it as JSON."""
    summary = build(random.Random(SEED))
    Path(out_path).write_text(json.dumps(summary, indent=2), encoding="utf-8")
