"""Who can reach each letter view and action. Refusals are 404s, or a login redirect."""

import pytest
from django.urls import reverse

from letters.models import LetterStatus
from letters.tests.conftest import login
from letters.workflow import assign_letter

VIEWS = [
    ("inbox-entry", "get", None),
    ("detail", "get", None),
    ("assign", "post", {"therapist": "THERAPIST"}),
    ("decline", "post", {"reason": "Not for us"}),
    ("start_answer", "post", {}),
]

# persona -> view -> "ok" or "refused"
EXPECTED = {
    "editor": dict.fromkeys(["inbox-entry", "detail", "assign", "decline", "start_answer"], "ok"),
    "assigned_therapist": {
        "inbox-entry": "ok",
        "detail": "ok",
        "assign": "refused",
        "decline": "refused",
        "start_answer": "ok",
    },
    "other_therapist": dict.fromkeys(
        ["inbox-entry", "detail", "assign", "decline", "start_answer"], "refused"
    ),
    "moderator": dict.fromkeys(
        ["inbox-entry", "detail", "assign", "decline", "start_answer"], "refused"
    ),
    "anonymous": dict.fromkeys(
        ["inbox-entry", "detail", "assign", "decline", "start_answer"], "refused"
    ),
}


@pytest.fixture
def assigned_letter(letter, editor, therapist):
    return assign_letter(letter, therapist, editor)


def persona_user(request, persona):
    return {
        "editor": lambda: request.getfixturevalue("editor"),
        "assigned_therapist": lambda: request.getfixturevalue("therapist_user"),
        "other_therapist": lambda: request.getfixturevalue("other_therapist").user,
        "moderator": lambda: request.getfixturevalue("moderator"),
        "anonymous": lambda: None,
    }[persona]()


def call(client, view, method, data, letter, therapist):
    if view == "inbox-entry":
        response = client.get(reverse("letters_admin:inbox"), {"status": ""})
        visible = f'id="letter-row-{letter.pk}"' in response.content.decode()
        return response, visible
    url = reverse(f"letters_admin:{view}", args=[letter.pk])
    if data is not None:
        data = {k: (therapist.pk if v == "THERAPIST" else v) for k, v in data.items()}
    response = client.post(url, data) if method == "post" else client.get(url)
    return response, response.status_code in (200, 302) and "/login/" not in response.get(
        "Location", ""
    )


@pytest.mark.parametrize("persona", list(EXPECTED))
@pytest.mark.parametrize(("view", "method", "data"), VIEWS)
def test_it_lets_only_the_right_people_reach_each_letter_view(
    client, request, assigned_letter, therapist, persona, view, method, data
):
    user = persona_user(request, persona)
    if user is not None:
        login(client, user)
    response, reached = call(client, view, method, data, assigned_letter, therapist)
    expected = EXPECTED[persona][view]
    assert reached is (expected == "ok"), (persona, view, response.status_code)
    if expected == "refused" and view != "inbox-entry":
        assert response.status_code in (302, 403, 404)
        if user is not None and persona != "moderator":
            assert response.status_code == 404
        assigned_letter.refresh_from_db()
        assert assigned_letter.status == LetterStatus.ASSIGNED
        assert assigned_letter.answer_page_id is None


def test_it_never_shows_letter_text_to_the_other_therapist(
    client, assigned_letter, other_therapist
):
    login(client, other_therapist.user)
    html = client.get(reverse("letters_admin:inbox"), {"status": ""}).content.decode()
    assert "Frozen Phone" not in html
    assert "No letters match." in html
