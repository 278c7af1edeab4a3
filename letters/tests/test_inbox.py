from django.urls import reverse

from letters.tests.conftest import CRISIS_LETTER, login
from letters.workflow import decline_letter, receive_letter


def test_it_lists_urgent_letters_first(client, editor, letter):
    urgent = receive_letter(pen_name="Night Owl", body=CRISIS_LETTER).letter
    login(client, editor)
    html = client.get(reverse("letters_admin:inbox")).content.decode()
    assert html.index(f"letter-row-{urgent.pk}") < html.index(f"letter-row-{letter.pk}")
    assert "Urgent" in html


def test_it_filters_by_status_and_searches_inside_encrypted_letters(client, editor, letter):
    other = receive_letter(pen_name="Garden Gnome", body="My roommate eats my food.").letter
    decline_letter(other, "", editor)
    login(client, editor)
    open_only = client.get(reverse("letters_admin:inbox")).content.decode()
    assert "Frozen Phone" in open_only
    assert "Garden Gnome" not in open_only
    declined = client.get(reverse("letters_admin:inbox"), {"status": "declined"}).content.decode()
    assert "Garden Gnome" in declined
    found = client.get(reverse("letters_admin:inbox"), {"status": "", "q": "roommate"})
    assert "Garden Gnome" in found.content.decode()
    assert "Frozen Phone" not in found.content.decode()


def test_it_highlights_identifying_details_in_a_letter(client, editor, home):
    letter = receive_letter(
        pen_name="Details",
        body="My husband Tom works at Brightline Bank in Denver. Call me at 555-123-4567.",
    ).letter
    login(client, editor)
    html = client.get(reverse("letters_admin:detail", args=[letter.pk])).content.decode()
    assert '<mark class="pii pii-phone"' in html
    assert '<mark class="pii pii-person"' in html
    assert "Possibly identifying" in html


def test_it_shows_similar_published_answers(client, editor, make_answer):
    make_answer(title="My sister keeps borrowing money")
    letter = receive_letter(
        pen_name="Lender",
        body="My sister keeps borrowing money from me and she never pays it back. Money again!",
    ).letter
    login(client, editor)
    html = client.get(reverse("letters_admin:detail", args=[letter.pk])).content.decode()
    assert "My sister keeps borrowing money" in html
    assert "looks already answered" in html


def test_it_shows_the_urgent_reasons_to_editors(client, editor, home):
    urgent = receive_letter(pen_name="Night Owl", body=CRISIS_LETTER).letter
    login(client, editor)
    html = client.get(reverse("letters_admin:detail", args=[urgent.pk])).content.decode()
    assert "Urgent." in html
    assert "Crisis" in html
