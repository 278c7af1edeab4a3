"""Original, fictional demo content and accounts, so a newcomer can read and try the site."""

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from column.models import AnswerIndexPage, AnswerPage, TopicIndexPage, TopicPage
from column.setup import EDITORS, MODERATORS, THERAPISTS, ensure_site
from discussion.models import Comment
from privacy.crypto import email_hash
from therapists.models import Therapist

CONTENT_FILE = Path(__file__).with_name("content.json")


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str


EDITOR = DemoAccount("editor", "dearly-editor-demo", EDITORS)
MODERATOR = DemoAccount("moderator", "dearly-moderator-demo", MODERATORS)


def therapist_account(username: str | None) -> DemoAccount:
    return DemoAccount(username or "", f"dearly-{username}-demo", THERAPISTS)


def local_datetime(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text))


def has_content() -> bool:
    return AnswerPage.objects.exists()


def ensure_account(account: DemoAccount, email: str):
    user, created = get_user_model().objects.get_or_create(
        username=account.username, defaults={"email": email}
    )
    if created:
        user.set_password(account.password)
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=account.role))
    return user


def load_therapists(rows: list[dict]) -> dict[str, Therapist]:
    therapists = {}
    for row in rows:
        user = None
        if row["username"]:
            account = therapist_account(row["username"])
            user = ensure_account(account, f"{row['username']}@therapists.example.org")
        therapist, _ = Therapist.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "user": user,
                "name": row["name"],
                "credentials": row["credentials"],
                "licence_type": row["licence_type"],
                "licence_region": row["licence_region"],
                "licence_number": row["licence_number"],
                "verified_on": date.fromisoformat(row["verified_on"]),
                "city": row["city"],
                "specialties": ", ".join(row["specialties"]),
                "approach": row["approach"],
                "bio": row["bio"],
            },
        )
        therapists[row["slug"]] = therapist
    return therapists


def load_topics(rows: list[dict]) -> dict[str, TopicPage]:
    index = TopicIndexPage.objects.get()
    topics = {}
    for row in rows:
        topic = TopicPage.objects.child_of(index).filter(slug=row["slug"]).first()
        if topic is None:
            topic = TopicPage(title=row["name"], slug=row["slug"], description=row["description"])
            index.add_child(instance=topic)
            topic.save_revision().publish()
        topics[row["slug"]] = topic
    return topics


def answer_body(blocks: list[dict]) -> list[tuple[str, object]]:
    body = []
    for block in blocks:
        if block["type"] == "pull_quote":
            body.append(("pull_quote", {"quote": block["text"]}))
        else:
            body.append(("paragraph", f"<p>{escape(block['text'])}</p>"))
    return body


def publish_at(page: AnswerPage, when: datetime) -> None:
    """Publish now, then date it as the demo says (Wagtail stamps the current time)."""
    revision = page.save_revision()
    revision.publish()
    AnswerPage.objects.filter(pk=page.pk).update(
        first_published_at=when, last_published_at=when, latest_revision_created_at=when
    )


DEMO_DISCUSSION_DAYS = 365


def keep_discussion_open(page: AnswerPage, published: datetime) -> None:
    """The demo's answers are dated in the past; keep their comments open for a year from now
    so that people trying the demo can comment."""
    days = (timezone.now() - published).days + DEMO_DISCUSSION_DAYS
    AnswerPage.objects.filter(pk=page.pk).update(comments_open_days=days)


def load_comments(answer: AnswerPage, rows: list[dict]) -> None:
    for row in rows:
        posted = local_datetime(row["posted"])
        comment = Comment.objects.create(
            page=answer,
            author_name=row["name"],
            author_email=row["email"],
            email_hash=email_hash(row["email"]),
            body="\n\n".join(row["body"]),
            status=row["status"],
            reasons=[] if row["status"] == "published" else ["Demo comment awaiting moderation."],
            terms_accepted_at=posted,
            moderated_at=posted if row["status"] == "published" else None,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=posted)


def load_answers(rows: list[dict], therapists: dict, topics: dict) -> None:
    archive = AnswerIndexPage.objects.get()
    for row in rows:
        if AnswerPage.objects.filter(slug=row["slug"]).exists():
            continue
        answer = AnswerPage(
            title=row["title"],
            slug=row["slug"],
            pen_name=row["pen_name"],
            letter="\n\n".join(row["letter"]),
            body=answer_body(row["body"]),
            therapist=therapists[row["therapist"]],
        )
        archive.add_child(instance=answer)
        answer.topics.set([topics[slug] for slug in row["topics"]])
        published = local_datetime(row["published"])
        publish_at(answer, published)
        keep_discussion_open(answer, published)
        load_comments(answer, row["comments"])


def read_content(content_file: Path = CONTENT_FILE) -> dict:
    return json.loads(content_file.read_text(encoding="utf-8"))


def demo_accounts(content: dict) -> list[DemoAccount]:
    therapists = [therapist_account(row["username"]) for row in content["therapists"]]
    return [EDITOR, *[account for account in therapists if account.username], MODERATOR]


@transaction.atomic
def load_demo(content: dict) -> None:
    """Load the demo column and create its accounts; safe to re-run."""
    ensure_site()
    ensure_account(EDITOR, "editor@dearly.example.org")
    ensure_account(MODERATOR, "moderator@dearly.example.org")
    therapists = load_therapists(content["therapists"])
    topics = load_topics(content["topics"])
    load_answers(content["answers"], therapists, topics)
