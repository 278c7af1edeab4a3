import pytest
from django.core import mail

from conftest import PASSWORD, make_therapist, make_user
from letters.workflow import receive_letter

CALM_LETTER = (
    "My brother and I have not spoken since our father's funeral. He blames me for selling "
    "the house. I miss him, but every time I pick up the phone I freeze. How do I start?"
)
CRISIS_LETTER = (
    "Since the divorce nothing feels worth it. I have been saving my pills and I think "
    "tonight I want to end my life. I don't know why I'm writing this."
)


@pytest.fixture
def other_therapist(home):
    return make_therapist("Olga Brand", make_user("olga", "Therapists"))


@pytest.fixture
def letter(home):
    mail.outbox.clear()
    return receive_letter(
        pen_name="Frozen Phone", body=CALM_LETTER, email="writer@example.com"
    ).letter


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
