"""A letter form sent twice (a refresh, a double click, two requests at once) makes one letter."""

import re

import pytest
from django.db import connection
from django.test import Client, override_settings

from conftest import at_the_same_moment
from letters.models import Letter
from letters.tests.test_asking import VALID, status_link


def form_id(client) -> str:
    html = client.get("/ask/").content.decode()
    return re.search(r'name="submission_id" value="([\w-]+)"', html).group(1)


def test_every_form_carries_its_own_one_time_id(client, home):
    first, second = form_id(client), form_id(client)
    assert len(first) >= 32
    assert first != second


def test_the_same_form_sent_twice_makes_one_letter_and_one_status_page(client, home):
    sent = {**VALID, "submission_id": form_id(client)}
    first = status_link(client.post("/ask/", sent))
    second = status_link(client.post("/ask/", sent))
    assert first == second
    assert Letter.objects.count() == 1
    page = client.get(second).content.decode()
    assert "Received. An editor will read it." in page


@override_settings(LETTERS_PER_IP_PER_HOUR=1)
def test_a_resent_form_is_not_mistaken_for_a_flood(client, home):
    sent = {**VALID, "submission_id": form_id(client)}
    first = status_link(client.post("/ask/", sent))
    assert status_link(client.post("/ask/", sent)) == first
    assert Letter.objects.count() == 1


def test_only_the_digest_of_the_form_id_is_stored(client, home):
    submission_id = form_id(client)
    client.post("/ask/", {**VALID, "submission_id": submission_id})
    letter = Letter.objects.get()
    assert len(letter.submission_key) == 64
    assert submission_id not in letter.submission_key


def test_different_words_under_the_same_form_id_are_a_different_letter(client, home):
    """Two people who were somehow served the same form still each get their own letter."""
    submission_id = form_id(client)
    first = status_link(client.post("/ask/", {**VALID, "submission_id": submission_id}))
    other = {**VALID, "submission_id": submission_id, "body": "A different letter entirely."}
    second = status_link(client.post("/ask/", other))
    assert first != second
    assert Letter.objects.count() == 2


def test_a_form_without_an_id_is_still_accepted(client, home):
    status_link(client.post("/ask/", VALID))
    status_link(client.post("/ask/", VALID))
    assert Letter.objects.count() == 2
    assert list(Letter.objects.values_list("submission_key", flat=True)) == [None, None]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite takes its write lock when a transaction begins, so sendings cannot overlap",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sendings_at_the_same_moment_make_one_letter(home):
    sent = {**VALID, "submission_id": form_id(Client())}
    locations = at_the_same_moment(lambda: status_link(Client().post("/ask/", sent)))
    assert len(locations) == 2
    assert locations[0] == locations[1]
    assert Letter.objects.count() == 1
