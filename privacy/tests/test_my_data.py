"""A reader downloads and erases everything held for their email, through the emailed link."""

import json
import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from discussion.models import Ban, Comment, CommentStatus, ReplySubscription, Report
from letters.models import Letter
from privacy.models import DataRequest
from privacy.rights import LINKS_PER_ADDRESS_PER_DAY
from privacy.tests.conftest import (
    ADA_COMMENT,
    ADA_EMAIL,
    ADA_LETTER,
    ADA_NAME,
    ADA_PEN_NAME,
    ADA_REPLY,
    ADA_SECOND_LETTER,
    BOB_REPLY,
    link_from,
    raw_database_text,
)

ASK = "/privacy/my-data/"


def ask_for_link(client, capture, email=ADA_EMAIL):
    with capture(execute=True):
        response = client.post(ASK, {"email": email}, REMOTE_ADDR="198.51.100.23")
    return response


def emailed_link(client, capture, email=ADA_EMAIL) -> str:
    mail.outbox.clear()
    response = ask_for_link(client, capture, email)
    assert response.status_code == 302
    assert response["Location"] == "/privacy/my-data/sent/"
    [message] = mail.outbox
    assert message.to == [email]
    return link_from(message)


def test_it_shows_the_form_and_refuses_an_address_that_is_not_one(client, home):
    assert 'name="email"' in client.get(ASK).content.decode()
    response = client.post(ASK, {"email": "ada-at-home"})
    assert "does not look complete" in response.content.decode()
    assert not DataRequest.objects.exists()


def test_it_stores_no_address_and_only_a_digest_of_the_link(
    client, ada, django_capture_on_commit_callbacks
):
    link = emailed_link(client, django_capture_on_commit_callbacks)
    token = link.rstrip("/").rsplit("/", 1)[1]
    data_request = DataRequest.objects.get()
    assert data_request.email_hash == ada.email_hash
    assert data_request.expires_at - data_request.created_at == timedelta(hours=24)
    raw = raw_database_text()
    assert ADA_EMAIL not in raw
    assert token not in raw
    assert "Dearly" in mail.outbox[0].subject


def test_it_exports_everything_held_for_the_address(
    client, ada, answer, django_capture_on_commit_callbacks
):
    link = emailed_link(client, django_capture_on_commit_callbacks)
    page = client.get(link)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Letters:</strong> 2" in html
    assert "Comments:</strong> 2" in html
    assert "Reply emails:</strong> 1" in html

    response = client.get(f"{link}download/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="dearly-my-data.json"'
    assert "no-store" in response["Cache-Control"]
    document = json.loads(response.content)
    letters = {letter["pen_name"]: letter for letter in document["letters"]}
    assert letters[ADA_PEN_NAME]["letter"] == ADA_LETTER
    assert letters[ADA_PEN_NAME]["status"] == "Received"
    assert letters[ADA_PEN_NAME]["email"] == ADA_EMAIL
    assert letters["Tea Friend"]["letter"] == ADA_SECOND_LETTER
    assert letters["Tea Friend"]["status"] == "Declined"
    assert letters["Tea Friend"]["closed_at"]
    assert [c["comment"] for c in document["comments"]] == [ADA_COMMENT, ADA_REPLY]
    first = document["comments"][0]
    assert first["name"] == ADA_NAME
    assert first["status"] == "Published"
    assert first["answer"] == answer.title
    assert first["answer_url"].endswith(answer.url)
    assert first["posted_at"]
    assert document["comments"][1]["in_reply_to"] == f"Comment #{ada.bob_reply.pk}"
    [subscription] = document["reply_subscriptions"]
    assert subscription["comment"] == f"Comment #{ada.comment.pk}"
    assert subscription["confirmed_at"] is None
    assert document["comment_bans"] == []
    assert BOB_REPLY not in response.content.decode()
    # Downloading leaves the link working, so the reader can still erase.
    assert client.get(link).status_code == 200
    entry = ModelLogEntry.objects.get(action="dearly.privacy.export")
    assert entry.data["counts"]["letters"] == 2


def test_it_erases_letters_and_removes_comments_from_the_raw_database(
    client, ada, django_capture_on_commit_callbacks
):
    before = raw_database_text()
    assert ADA_COMMENT in before
    assert ADA_NAME in before
    assert ada.email_hash in before
    link = emailed_link(client, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{link}erase/", {"comments": "remove", "confirm": "on"})
    assert response.status_code == 200
    assert "Your data has been erased" in response.content.decode()

    assert not Letter.objects.filter(pk__in=[ada.letter.pk, ada.declined.pk]).exists()
    assert not ReplySubscription.objects.exists()
    assert not Comment.objects.filter(pk=ada.own_reply.pk).exists()
    # Bob replied to Ada's comment: it stays in the thread as an empty placeholder.
    placeholder = Comment.objects.get(pk=ada.comment.pk)
    assert placeholder.status == CommentStatus.DELETED
    assert (placeholder.body, placeholder.author_name, placeholder.author_email) == ("", "", "")
    assert (placeholder.email_hash, placeholder.ip_hash) == ("", "")
    assert Comment.objects.get(pk=ada.bob_reply.pk).body == BOB_REPLY

    raw = raw_database_text()
    for private in [ADA_COMMENT, ADA_REPLY, ADA_NAME, ADA_EMAIL, ada.email_hash, "ada-ip-hash"]:
        assert private not in raw, private
    assert BOB_REPLY in raw

    entry = ModelLogEntry.objects.get(action="dearly.privacy.erase")
    assert entry.data == {
        "counts": {"comments": 2, "letters": 2, "reply_subscriptions": 1},
        "comments": "remove",
    }
    assert entry.user is None
    assert entry.label == f"Data request #{DataRequest.objects.get().pk}"


def test_it_keeps_anonymised_comments_when_the_reader_chooses_so(
    client, ada, django_capture_on_commit_callbacks
):
    link = emailed_link(client, django_capture_on_commit_callbacks)
    Report.objects.create(comment=ada.comment, reason="other", ip_hash="reporter-hash")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{link}erase/", {"comments": "anonymise", "confirm": "on"})
    assert "signed “Former reader”" in response.content.decode()

    kept = Comment.objects.filter(pk__in=[ada.comment.pk, ada.own_reply.pk]).order_by("pk")
    assert [c.body for c in kept] == [ADA_COMMENT, ADA_REPLY]
    assert [c.status for c in kept] == [CommentStatus.PUBLISHED, CommentStatus.PENDING]
    # Readers' reports stay with a comment that stays.
    assert Report.objects.filter(comment=ada.comment).exists()
    for comment in kept:
        assert comment.author_name == "Former reader"
        assert (comment.author_email, comment.email_hash, comment.ip_hash) == ("", "", "")
        assert comment.edit_token_digest == ""
    assert not Letter.objects.exists()
    assert not ReplySubscription.objects.exists()
    raw = raw_database_text()
    for private in [ADA_NAME, ADA_EMAIL, ada.email_hash, "ada-ip-hash"]:
        assert private not in raw, private
    assert ADA_COMMENT in raw
    public = client.get(ada.comment.page.url).content.decode()
    assert "Former reader" in public
    assert ADA_NAME not in public


def test_it_refuses_a_link_once_it_has_been_used_to_erase(
    client, ada, django_capture_on_commit_callbacks
):
    link = emailed_link(client, django_capture_on_commit_callbacks)
    client.post(f"{link}erase/", {"comments": "remove", "confirm": "on"})
    for response in [
        client.get(link),
        client.get(f"{link}download/"),
        client.post(f"{link}erase/", {"comments": "remove", "confirm": "on"}),
    ]:
        assert response.status_code == 404
        assert "This link no longer works" in response.content.decode()
    assert ModelLogEntry.objects.filter(action="dearly.privacy.erase").count() == 1


def test_it_refuses_an_expired_link_and_erases_nothing(
    client, ada, django_capture_on_commit_callbacks
):
    link = emailed_link(client, django_capture_on_commit_callbacks)
    DataRequest.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(link).status_code == 404
    assert client.get(f"{link}download/").status_code == 404
    response = client.post(f"{link}erase/", {"comments": "remove", "confirm": "on"})
    assert response.status_code == 404
    assert Letter.objects.count() == 2
    assert Comment.objects.filter(email_hash=ada.email_hash).count() == 2


def test_it_refuses_a_made_up_link(client, home):
    response = client.get("/privacy/my-data/not-a-real-token-at-all/")
    assert response.status_code == 404
    assert "Ask for a new link" in response.content.decode()


def test_it_asks_to_confirm_before_erasing(client, ada, django_capture_on_commit_callbacks):
    link = emailed_link(client, django_capture_on_commit_callbacks)
    response = client.post(f"{link}erase/", {"comments": "remove"})
    assert response.status_code == 200
    assert "Please tick the box to confirm the erasure." in response.content.decode()
    assert Letter.objects.count() == 2
    assert client.get(link).status_code == 200


def without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def test_it_answers_an_unknown_address_exactly_as_a_known_one(
    client, ada, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(ASK, {"email": ADA_EMAIL}, follow=True)
        unknown = client.post(ASK, {"email": "nobody@example.com"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    # Identical but for the per-request CSRF token in the cookie banner's form.
    assert without_csrf(known.content) == without_csrf(unknown.content)
    assert "If we hold anything for that address" in known.content.decode()
    known_mail, unknown_mail = mail.outbox
    assert known_mail.subject == unknown_mail.subject
    assert known_mail.body.replace(link_from(known_mail), "") == unknown_mail.body.replace(
        link_from(unknown_mail), ""
    )
    # Only the owner of the unknown address, opening its link, learns that nothing is held.
    html = client.get(link_from(unknown_mail)).content.decode()
    assert "Letters:</strong> 0" in html
    assert "Comments:</strong> 0" in html


def test_it_limits_links_to_one_address_without_saying_so(
    client, home, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    pages = []
    for _ in range(LINKS_PER_ADDRESS_PER_DAY + 1):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(ASK, {"email": "often@example.com"}, follow=True)
            pages.append(without_csrf(response.content))
    assert len(mail.outbox) == LINKS_PER_ADDRESS_PER_DAY
    assert len(set(pages)) == 1


def test_it_kills_every_other_link_to_the_address_on_erasure(
    client, ada, django_capture_on_commit_callbacks
):
    first = emailed_link(client, django_capture_on_commit_callbacks)
    second = emailed_link(client, django_capture_on_commit_callbacks)
    client.post(f"{first}erase/", {"comments": "remove", "confirm": "on"})
    assert client.get(second).status_code == 404
    assert not DataRequest.objects.exclude(email_hash="").exists()


def test_it_shows_a_ban_and_keeps_it_through_erasure(
    client, ada, django_capture_on_commit_callbacks
):
    Ban.objects.create(email_hash=ada.email_hash, reason="Repeated insults")
    link = emailed_link(client, django_capture_on_commit_callbacks)
    html = client.get(link).content.decode()
    assert "Bans from commenting:</strong> 1. Kept when the rest is erased" in html
    document = json.loads(client.get(f"{link}download/").content)
    assert document["comment_bans"][0]["reason"] == "Repeated insults"
    client.post(f"{link}erase/", {"comments": "remove", "confirm": "on"})
    assert Ban.objects.get().email_hash == ada.email_hash


def test_it_lists_no_bans_to_someone_never_banned(client, ada, django_capture_on_commit_callbacks):
    link = emailed_link(client, django_capture_on_commit_callbacks)
    assert "Bans from commenting" not in client.get(link).content.decode()
