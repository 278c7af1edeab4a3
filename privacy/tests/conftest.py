"""A reader, Ada, who wrote letters and commented, and a stranger, Bob, who replied to her."""

import re
from dataclasses import dataclass

import pytest
from django.core import mail
from django.db import connection

from discussion.models import Comment
from discussion.moderation import approve_comment, submit_comment
from letters.models import Letter
from letters.workflow import decline_letter, receive_letter
from privacy.crypto import email_hash

ADA_EMAIL = "ada.marchetti@example.org"
ADA_NAME = "Ada Marchetti"
ADA_PEN_NAME = "Quiet Lantern"
ADA_LETTER = (
    "My neighbour waters my tomatoes every summer and I have never thanked her properly. "
    "Now she is moving away and I feel foolish. How do I say goodbye without crying?"
)
ADA_SECOND_LETTER = "Is it strange to miss a colleague who retired? We only ever talked about tea."
ADA_COMMENT = "Reading this made me ring my cousin Philippa after eleven years of silence."
ADA_REPLY = "Philippa rang back, by the way: lighthouse tours next spring."
BOB_REPLY = "That is a lovely thing to hear, and brave of you to call first."


@dataclass
class Ada:
    letter: Letter
    declined: Letter
    comment: Comment
    own_reply: Comment
    bob_reply: Comment

    @property
    def email_hash(self) -> str:
        return email_hash(ADA_EMAIL)


@pytest.fixture
def ada(answer, editor, moderator) -> Ada:
    letter = receive_letter(pen_name=ADA_PEN_NAME, body=ADA_LETTER, email=ADA_EMAIL).letter
    declined = receive_letter(pen_name="Tea Friend", body=ADA_SECOND_LETTER, email=ADA_EMAIL)
    decline_letter(declined.letter, "We answered one like it last month.", editor)
    comment = submit_comment(
        page=answer,
        author_name=ADA_NAME,
        author_email=ADA_EMAIL,
        body=ADA_COMMENT,
        ip_hash="ada-ip-hash",
        notify_replies=True,
    ).comment
    approve_comment(comment, moderator)
    bob_reply = submit_comment(
        page=answer,
        author_name="Bob",
        author_email="bob@example.net",
        body=BOB_REPLY,
        parent=comment,
    ).comment
    approve_comment(bob_reply, moderator)
    own_reply = submit_comment(
        page=answer,
        author_name=ADA_NAME,
        author_email=ADA_EMAIL.upper(),
        body=ADA_REPLY,
        parent=bob_reply,
    ).comment
    mail.outbox.clear()
    return Ada(letter, declined.letter, comment, own_reply, bob_reply)


def link_from(message) -> str:
    """The path of the data link in an email."""
    return re.search(r"https?://[^/\s]+(/privacy/my-data/[\w-]+/)", message.body)[1]


def raw_database_text() -> str:
    """Every row of every table, as text: what someone with a copy of the database would read."""
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            dump.extend(f"{table}: {row!r}" for row in cursor.fetchall())
    return "\n".join(dump)
