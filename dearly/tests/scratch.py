"""Scratch sites for tests that break, back up or restore a real database.

Each runs as its own process (`python -m dearly.tests.scratch <command>`) with the scratch
database in its environment, exactly as `manage.py` would run against it:

- `seed`: the page tree and one published answer with open comments.
- `letter <pen name>`, `letters`, `raw-letters`, `erase-letters`: write a letter; print every
  letter decrypted, or as stored, as JSON; delete them all.
- `drill <how>`: serve requests with Django's test Client before, while and after the database
  is made unavailable for real, and print what each response was, as JSON. `how` is
  `closed-port` (DATABASE_URL points at a port nothing listens on, from the start),
  `sqlite-gone` (the folder holding the SQLite file is moved away, then back) or
  `postgres-refusing` (the server ends every connection to the database and refuses new ones,
  then accepts them again; DRILL_ADMIN_URL is a connection to another database on the server).
"""

import json
import os
import sys
import time
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

COMMENT_BODY = "Reading this on the night bus. It made me call my sister after six years."
LETTER_BODY = (
    "My grandmother raised me and now she does not always know who I am. I visit every Sunday "
    "and leave feeling like a stranger. How do I keep going when she forgets me?"
)
CLOSED_PORT_ANSWER = "/answers/any-answer/"


def seed() -> None:
    from django.utils import timezone

    from column.models import AnswerIndexPage, AnswerPage
    from column.setup import ensure_site
    from demo.loader import answer_body, publish_at
    from therapists.models import Therapist

    ensure_site()
    therapist = Therapist.objects.create(
        name="Ruth Amsel",
        slug="ruth-amsel",
        credentials="LCSW",
        licence_type="Licensed Clinical Social Worker",
        licence_region="Oregon",
        licence_number="LCSW-77",
        bio="Ruth has worked with families for a decade.",
    )
    answer = AnswerPage(
        title="When a parent forgets you",
        slug="when-a-parent-forgets-you",
        pen_name="Sunday Visitor",
        letter="My mother no longer knows my name.\n\nI still visit.",
        body=answer_body([{"type": "paragraph", "text": "Love does not need to be remembered."}]),
        therapist=therapist,
        comments_open_days=365,
    )
    AnswerIndexPage.objects.get().add_child(instance=answer)
    publish_at(answer, timezone.now() - timedelta(days=1))


def write_letter(pen_name: str) -> None:
    """A letter as the form stores it (encrypted), without the crisis model's start-up time."""
    from django.utils import timezone

    from letters.models import Letter, token_digest

    Letter.objects.create(
        pen_name=pen_name,
        body=LETTER_BODY,
        email="granddaughter@example.org",
        consented_at=timezone.now(),
        status_token_digest=token_digest(pen_name),
    )


def print_letters(raw: bool = False) -> None:
    from django.db import connection

    from letters.models import Letter

    if raw:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pen_name, body, email FROM letters_letter ORDER BY id")
            rows = cursor.fetchall()
    else:
        rows = Letter.objects.order_by("pk").values_list("pen_name", "body", "email")
    print(json.dumps([list(row) for row in rows]))


class Forms(HTMLParser):
    """Every form on a page, with what a browser would send from it."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(((attrs.get("action") or "").split("#")[0], {}))
            return
        name = attrs.get("name")
        if not self.forms or not name:
            return
        fields = self.forms[-1][1]
        if tag == "input" and attrs.get("type") == "checkbox":
            if "checked" in attrs:
                fields[name] = attrs.get("value") or "on"
        elif tag == "input":
            fields[name] = attrs.get("value") or ""
        elif tag == "textarea":
            self._textarea = name
            fields[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.forms[-1][1][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            fields = self.forms[-1][1]
            # Django writes a newline after <textarea>; browsers drop it.
            fields[self._textarea] = fields[self._textarea].removeprefix("\n")
            self._textarea = None


def form_fields(html: str, containing: str = "body") -> tuple[str, dict[str, str]]:
    """The action and fields of the first form on the page with a field of that name."""
    parser = Forms()
    parser.feed(html)
    for action, fields in parser.forms:
        if containing in fields:
            return action, fields
    return "", {}


def record(response) -> dict:
    html = response.content.decode()
    action, fields = form_fields(html)
    return {
        "status": response.status_code,
        "location": response.get("Location", ""),
        "retry_after": response.get("Retry-After", ""),
        "cache_control": response.get("Cache-Control", ""),
        "html": html,
        "form_action": action,
        "form": fields,
    }


def break_database(how: str, connection) -> None:
    if how == "sqlite-gone":
        folder = Path(connection.settings_dict["NAME"]).parent
        folder.rename(folder.with_name(folder.name + ".gone"))
    elif how == "postgres-refusing":
        _as_admin(connection, "ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")
        _as_admin(
            connection,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %(name)s AND pid <> pg_backend_pid()",
        )


def repair_database(how: str, connection) -> None:
    if how == "sqlite-gone":
        folder = Path(connection.settings_dict["NAME"]).parent
        folder.with_name(folder.name + ".gone").rename(folder)
    elif how == "postgres-refusing":
        _as_admin(connection, "ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true")


def _as_admin(connection, statement: str) -> None:
    import psycopg
    from psycopg import sql

    name = connection.settings_dict["NAME"]
    with psycopg.connect(os.environ["DRILL_ADMIN_URL"], autocommit=True) as admin:
        admin.execute(sql.SQL(statement).format(name=sql.Identifier(name)), {"name": name})


def drill(how: str) -> None:
    from django.db import close_old_connections, connection
    from django.test import Client

    from discussion.forms import started_stamp
    from discussion.models import Comment
    from letters.models import Letter

    client = Client()

    def send(method: str, path: str, data: dict | None = None) -> dict:
        response = getattr(client, method)(path, data)
        # What a server does when a response is finished, and the test Client does not: close
        # connections that failed or are past CONN_MAX_AGE (SQLite's 0: every request).
        close_old_connections()
        return record(response)

    results: dict = {}
    comment = {
        "author_name": "Night Bus",
        "author_email": "nightbus@example.org",
        "body": COMMENT_BODY,
        "accept_terms": "on",
        "website": "",
        "started": started_stamp(time.time() - 60),
        "submission_id": "drill-comment-form-0001",
    }
    letter = {
        "pen_name": "Sunday Visitor",
        "body": LETTER_BODY,
        "email": "",
        "topic": "",
        "consent_to_publish": "on",
        "age_confirmed": "on",
        "website": "",
        "submission_id": "drill-letter-form-0001",
    }
    if how == "closed-port":
        answer_url = CLOSED_PORT_ANSWER
    else:
        from column.models import AnswerPage

        answer_url = AnswerPage.objects.live().get().url
        # The reader opens the answer while all is well; the form they will send is this one.
        results["before"] = send("get", answer_url)
        comment["submission_id"] = results["before"]["form"]["submission_id"]
    break_database(how, connection)
    # They press "Post comment" after the database went away; then look around.
    results["comment"] = send("post", answer_url, comment)
    results["answer"] = send("get", answer_url)
    results["home"] = send("get", "/")
    results["help"] = send("get", "/help-now/")
    results["ask"] = send("get", "/ask/")
    results["letter"] = send("post", "/ask/", letter)
    results["healthz"] = send("get", "/healthz")
    if how != "closed-port":
        repair_database(how, connection)
        # Back again: the forms they were handed back are sent again, twice each (a refresh).
        for name in ("comment", "letter"):
            action, fields = results[name]["form_action"], results[name]["form"]
            results[f"{name}_again"] = send("post", action, fields)
            results[f"{name}_twice"] = send("post", action, fields)
        results["comments_saved"] = list(Comment.objects.values_list("body", flat=True))
        results["letters_saved"] = list(Letter.objects.values_list("body", flat=True))
        results["healthz_after"] = send("get", "/healthz")
    print(json.dumps(results))


def main(argv: list[str]) -> None:
    import django

    django.setup()
    command = argv[0]
    if command == "seed":
        seed()
    elif command == "letter":
        write_letter(argv[1])
    elif command in ("letters", "raw-letters"):
        print_letters(raw=command == "raw-letters")
    elif command == "erase-letters":
        from letters.models import Letter

        Letter.objects.all().delete()
    elif command == "drill":
        from django.test.utils import setup_test_environment

        setup_test_environment()
        drill(argv[1])
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dearly.settings")
    main(sys.argv[1:])
