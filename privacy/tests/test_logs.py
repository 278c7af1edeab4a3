"""Logs carry request ids, never letter words, emails, names, IP addresses or secret links."""

import io
import logging
import re
import smtplib
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from discussion.models import Comment
from discussion.tests.helpers import edit_token, post_comment
from letters.models import Letter
from privacy.crypto import email_hash, keyed_hash
from privacy.request_ids import RequestIdFilter
from privacy.tests.conftest import link_from

IP = "203.0.113.77"
WRITER_EMAIL = "letter.writer.logs@example.org"
PEN_NAME = "Lighthouse Keeper Daughter"
LETTER = (
    "My stepfather Aurelio keeps reading my diary, and I found it moved again on Tuesday. "
    "How do I ask him to stop without starting a fight at dinner?"
)
COMMENTER_NAME = "Philomena Quartermaine"
COMMENTER_EMAIL = "philomena.q@example.net"
COMMENT = "My grandmother Ottoline said the same about borrowed money and marmalade jars."
REQUEST_EMAIL = "data.asker@example.com"


@pytest.fixture
def every_log(caplog):
    """Every logger at DEBUG (bar SQL and template lookups, which settings pin above it),
    captured two ways: pytest's caplog and a handler formatting records as production does."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(logging.Formatter(settings.LOGGING["formatters"]["plain"]["format"]))
    handler.addFilter(RequestIdFilter())
    loggers = [logging.getLogger()] + [
        logger
        for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
        and not name.startswith(("django.db.backends", "django.template"))
    ]
    saved = [(logger, logger.level) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        if logger is logging.getLogger() or not logger.propagate:
            logger.addHandler(handler)
    caplog.set_level(logging.DEBUG)
    yield caplog, output
    for logger, level in saved:
        logger.setLevel(level)
        logger.removeHandler(handler)


def test_it_never_logs_sql_whose_parameters_hold_names_and_comments():
    assert logging.getLogger("django.db.backends").getEffectiveLevel() > logging.DEBUG


def test_it_gives_every_response_a_request_id_and_honours_a_proxys(client, home):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second
    offered = "4f1c2a9e-77d3-4b1e-9a7b-2f9d1c3e5a6b"
    assert client.get("/healthz", HTTP_X_REQUEST_ID=offered)["X-Request-ID"] == offered
    for unsafe in ["ada@example.org", "Philomena Quartermaine", "203.0.113.77", "x" * 40]:
        echoed = client.get("/healthz", HTTP_X_REQUEST_ID=unsafe)["X-Request-ID"]
        assert echoed != unsafe
        assert re.fullmatch(r"[0-9a-f]{32}", echoed)


def test_it_keeps_private_words_out_of_the_logs_of_every_flow(
    client, answer, moderator, every_log, monkeypatch, django_capture_on_commit_callbacks
):
    caplog, output = every_log
    ids = []

    def track(response):
        ids.append(response["X-Request-ID"])
        return response

    with django_capture_on_commit_callbacks(execute=True):
        letter_response = track(
            client.post(
                "/ask/",
                {
                    "pen_name": PEN_NAME,
                    "body": LETTER,
                    "email": WRITER_EMAIL,
                    "topic": "",
                    "consent_to_publish": "on",
                    "age_confirmed": "on",
                    "website": "",
                },
                REMOTE_ADDR=IP,
            )
        )
    status_path = letter_response["Location"]
    track(client.get(status_path, REMOTE_ADDR=IP))
    assert Letter.objects.get().pen_name == PEN_NAME
    assert mail.outbox, "the status email was sent, and logged about"

    # The reply-email confirmation fails to send: the failure is logged, the address is not.
    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({COMMENTER_EMAIL: (550, b"no such user")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    monkeypatch.setattr("dearly.mail.time.sleep", lambda seconds: None)
    with django_capture_on_commit_callbacks(execute=True):
        comment_response = track(
            post_comment(
                client,
                answer,
                author_name=COMMENTER_NAME,
                author_email=COMMENTER_EMAIL,
                body=COMMENT,
                notify_replies="on",
                REMOTE_ADDR=IP,
            )
        )
    token = edit_token(comment_response)
    track(client.get(comment_response["Location"], REMOTE_ADDR=IP))
    assert "email subscription confirmation" in caplog.text
    monkeypatch.undo()

    moderation = Client()
    assert moderation.login(username=moderator.username, password=PASSWORD)
    comment = Comment.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        track(
            moderation.post(
                reverse("discussion_moderate", args=[comment.pk]),
                {"action": "approve", "tab": "waiting"},
                REMOTE_ADDR=IP,
            )
        )
    track(moderation.get(reverse("discussion_queue"), REMOTE_ADDR=IP))

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        track(client.post("/privacy/my-data/", {"email": REQUEST_EMAIL}, REMOTE_ADDR=IP))
    data_link = link_from(mail.outbox[0])
    track(client.get(data_link, REMOTE_ADDR=IP))
    track(client.get(f"{data_link}download/", REMOTE_ADDR=IP))

    records = caplog.records
    text = output.getvalue()
    assert records
    assert text
    logged = "\n".join([text, caplog.text, *(repr(r.args) for r in records)])
    private = {
        "pen name": PEN_NAME,
        "letter": LETTER,
        "letter fragment": "Aurelio",
        "writer's email": WRITER_EMAIL,
        "commenter's name": COMMENTER_NAME,
        "commenter's email": COMMENTER_EMAIL,
        "comment": COMMENT,
        "comment fragment": "Ottoline",
        "data request email": REQUEST_EMAIL,
        "IP address": IP,
        "IP hash": keyed_hash(IP),
        "email hash": email_hash(COMMENTER_EMAIL),
        "status link": urlsplit(status_path).path.split("/")[-2],
        "edit link": token,
        "data link": data_link.split("/")[-2],
    }
    leaks = [what for what, value in private.items() if value in logged]
    assert not leaks, f"the logs carry: {leaks}"

    assert len(set(ids)) == len(ids)
    stamped = {getattr(record, "request_id", None) for record in records}
    for request_id in ids:
        assert request_id in stamped
        assert f"[{request_id}]" in text
    assert re.search(r"POST letters:ask 302", text)
    assert re.search(r"POST discussion_moderate 302", text)


def test_it_logs_a_refused_request_without_its_secret_path(
    answer, every_log, django_capture_on_commit_callbacks
):
    _, output = every_log
    client = Client(enforce_csrf_checks=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/privacy/my-data/")
        client.post(
            "/privacy/my-data/",
            {"email": REQUEST_EMAIL, "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
        )
    data_link = link_from(mail.outbox[0])
    refused = client.post(f"{data_link}erase/", {"comments": "remove", "confirm": "on"})
    assert refused.status_code == 403
    text = output.getvalue()
    assert "Forbidden (CSRF token missing.): <privacy:erase>" in text
    assert data_link.split("/")[-2] not in text
