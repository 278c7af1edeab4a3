"""Editors answer data requests that come by post, from the admin's "Data requests" page."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from conftest import PASSWORD
from discussion.models import Comment, ReplySubscription
from letters.models import Letter
from privacy.tests.conftest import ADA_COMMENT, ADA_EMAIL, ADA_NAME, ADA_PEN_NAME, raw_database_text

INDEX = reverse("privacy_admin:index")
DOWNLOAD = reverse("privacy_admin:download")
ERASE = reverse("privacy_admin:erase")


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_it_shows_editors_the_menu_and_the_page(client, editor):
    login(client, editor)
    assert "Data requests" in client.get("/admin/").content.decode()
    assert client.get(INDEX).status_code == 200


@pytest.mark.parametrize("persona", ["moderator", "therapist_user", "outsider"])
def test_it_refuses_everyone_else(client, request, persona, ada):
    user = request.getfixturevalue(persona)
    login(client, user)
    assert "Data requests" not in client.get("/admin/").content.decode()
    assert client.get(INDEX).status_code in {302, 403}
    assert client.post(INDEX, {"email": ADA_EMAIL}).status_code in {302, 403}
    assert client.post(DOWNLOAD, {"email": ADA_EMAIL}).status_code in {302, 403}
    response = client.post(ERASE, {"email": ADA_EMAIL, "comments": "remove", "confirm": "on"})
    assert response.status_code in {302, 403}
    assert Letter.objects.count() == 2


def test_it_lets_a_superuser_in(client, home):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    login(client, admin)
    assert client.get(INDEX).status_code == 200


def test_it_looks_up_and_downloads_for_an_address_and_audits_it(client, editor, ada):
    login(client, editor)
    html = client.post(INDEX, {"email": ADA_EMAIL}).content.decode()
    assert "Letters:</strong> 2" in html
    assert "Comments:</strong> 2" in html

    response = client.post(DOWNLOAD, {"email": ADA_EMAIL})
    assert response["Content-Disposition"] == 'attachment; filename="dearly-my-data.json"'
    document = json.loads(response.content)
    assert ADA_PEN_NAME in {letter["pen_name"] for letter in document["letters"]}
    assert document["comments"][0]["comment"] == ADA_COMMENT

    entry = ModelLogEntry.objects.get(action="dearly.privacy.export")
    assert entry.user == editor
    assert entry.data["counts"] == {
        "letters": 2,
        "comments": 2,
        "reply_subscriptions": 1,
        "comment_bans": 0,
    }
    assert "Personal data exported on request" in client.get(INDEX).content.decode()


def test_it_asks_the_editor_to_confirm_and_choose_before_erasing(client, editor, ada):
    login(client, editor)
    response = client.post(ERASE, {"email": ADA_EMAIL})
    html = response.content.decode()
    assert response.status_code == 200
    assert "This cannot be undone" in html
    assert 'value="anonymise"' in html
    response = client.post(ERASE, {"email": ADA_EMAIL, "comments": "anonymise"})
    assert "Please tick the box" in response.content.decode()
    assert Letter.objects.count() == 2


def test_it_erases_for_an_editor_and_keeps_only_the_fact(client, editor, ada):
    login(client, editor)
    response = client.post(
        ERASE, {"email": ADA_EMAIL, "comments": "anonymise", "confirm": "on"}, follow=True
    )
    assert "Erased." in response.content.decode()
    assert not Letter.objects.exists()
    assert not ReplySubscription.objects.exists()
    assert set(
        Comment.objects.filter(pk__in=[ada.comment.pk, ada.own_reply.pk]).values_list(
            "author_name", flat=True
        )
    ) == {"Former reader"}
    entry = ModelLogEntry.objects.get(action="dearly.privacy.erase")
    assert entry.user == editor
    assert entry.data == {
        "counts": {"comments": 2, "letters": 2, "reply_subscriptions": 1},
        "comments": "anonymise",
    }
    raw = raw_database_text()
    for private in [ADA_NAME, ADA_EMAIL, ada.email_hash]:
        assert private not in raw, private
    listing = client.get(INDEX).content.decode()
    assert "Personal data erased on request" in listing
    assert editor.username in listing
