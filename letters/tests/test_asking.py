import re

from django.core import mail
from django.test import override_settings

from letters.models import Letter, LetterStatus
from letters.tests.conftest import CALM_LETTER, CRISIS_LETTER

VALID = {
    "pen_name": "Frozen Phone",
    "body": CALM_LETTER,
    "email": "",
    "topic": "",
    "consent_to_publish": "on",
    "age_confirmed": "on",
    "website": "",
}


def status_link(response) -> str:
    assert response.status_code == 302
    assert re.fullmatch(r"/ask/status/[A-Za-z0-9_-]{40,}/", response["Location"])
    return response["Location"]


def test_it_shows_the_form_with_consent_unticked_and_the_crisis_box(client, home):
    html = client.get("/ask/").content.decode()
    for name in ["pen_name", "body", "email", "topic", "consent_to_publish", "age_confirmed"]:
        assert f'name="{name}"' in html
    assert "checked" not in html
    assert "may be edited for length and clarity and to remove anything that identifies you" in html
    assert "not therapy" in html
    assert "cannot reply to you personally" in html
    assert "988" in html


def test_it_saves_a_letter_and_sends_the_writer_to_a_private_status_page(client, home):
    response = client.post("/ask/", VALID)
    page = client.get(status_link(response)).content.decode()
    letter = Letter.objects.get()
    assert letter.pen_name == "Frozen Phone"
    assert letter.body == CALM_LETTER
    assert not letter.urgent
    assert "Received. An editor will read it." in page
    assert "You don't have to go through this alone" not in page


def test_it_keeps_every_word_when_the_form_has_errors(client, home):
    response = client.post("/ask/", {**VALID, "consent_to_publish": "", "age_confirmed": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "We can only consider letters we may publish anonymously." in html
    assert "Please confirm you are 18 or older." in html
    assert "every time I pick up the phone I freeze" in html
    assert 'value="Frozen Phone"' in html
    assert not Letter.objects.exists()


@override_settings(LETTER_MAX_CHARS=100)
def test_it_explains_the_length_limit_and_keeps_the_text(client, home):
    response = client.post("/ask/", VALID)
    html = response.content.decode()
    assert "the limit is 100" in html
    assert "every time I pick up the phone I freeze" in html
    assert not Letter.objects.exists()


def test_it_turns_away_bots_that_fill_the_honeypot(client, home):
    response = client.post("/ask/", {**VALID, "website": "http://spam.example"})
    assert "Please leave the last field empty." in response.content.decode()
    assert not Letter.objects.exists()


@override_settings(LETTERS_PER_IP_PER_HOUR=2)
def test_it_throttles_a_flood_from_one_address_and_keeps_the_text(client, home):
    for _ in range(2):
        status_link(client.post("/ask/", VALID))
    response = client.post("/ask/", VALID)
    html = response.content.decode()
    assert response.status_code == 200
    assert "several letters from your connection" in html
    assert "every time I pick up the phone I freeze" in html
    assert Letter.objects.count() == 2
    other = client.post("/ask/", VALID, REMOTE_ADDR="203.0.113.9")
    status_link(other)


def test_it_stores_only_a_keyed_hash_of_the_ip(client, home):
    client.post("/ask/", VALID, REMOTE_ADDR="198.51.100.7")
    letter = Letter.objects.get()
    assert "198.51.100.7" not in letter.ip_hash
    assert len(letter.ip_hash) == 64


def test_it_shows_a_writer_in_crisis_resources_before_anything_else(client, home):
    response = client.post("/ask/", {**VALID, "body": CRISIS_LETTER})
    page = client.get(status_link(response)).content.decode()
    main = page[page.index('<main id="main"') :]
    assert main.index("You don't have to go through this alone") < main.index("Keep this page")
    assert "988" in main
    assert "Crisis Text Line" in main
    letter = Letter.objects.get()
    assert letter.urgent
    assert "crisis" in letter.safety_flags
    assert letter.status == LetterStatus.RECEIVED


def test_it_emails_every_editor_the_subject_only_for_a_crisis_letter(
    client, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ask/", {**VALID, "body": CRISIS_LETTER})
    alerts = [m for m in mail.outbox if m.subject.startswith("Urgent")]
    assert len(alerts) == 1
    assert alerts[0].to == [editor.email]
    assert "pills" not in alerts[0].subject + alerts[0].body
    assert "Frozen Phone" not in alerts[0].body


def test_it_emails_the_writer_their_status_link(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ask/", {**VALID, "email": "writer@example.com"})
    link = status_link(response)
    [message] = mail.outbox
    assert message.to == ["writer@example.com"]
    assert link in message.body
    assert CALM_LETTER[:30] not in message.body


def test_it_answers_404_for_an_unknown_status_link(client, home):
    assert (
        client.get("/ask/status/not-a-real-token-at-all-aaaaaaaaaaaaaaaaaaaa/").status_code == 404
    )
