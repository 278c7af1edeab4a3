"""From a reader's letter to a published answer, through the admin as people would use it."""

from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import rich_text, streamfield

from column.models import AnswerPage
from conftest import answer_form_data
from letters.models import Letter, LetterStatus
from letters.tests.conftest import login
from letters.workflow import receive_letter

LETTER = (
    "My husband Tom and I moved to Denver last spring. I miss my friends terribly and I "
    "cry most evenings. How do I make a home somewhere new?"
)


def edit_form(page: AnswerPage, therapist) -> dict:
    return answer_form_data(
        therapist,
        title="Making a home in a new city",
        slug=page.slug,
        pen_name=page.pen_name,
        letter=page.letter,
        body=streamfield([("paragraph", rich_text("<p>Loneliness after a move is normal.</p>"))]),
    )


def workflow_action(client, page, action):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state.pk]
    )
    return client.post(url, {"comment": ""})


def test_it_takes_a_letter_all_the_way_to_a_published_answer(
    client, editor, therapist, therapist_user, django_capture_on_commit_callbacks
):
    received = receive_letter(pen_name="New in Town", body=LETTER, email="writer@example.com")
    letter = received.letter
    mail.outbox.clear()

    login(client, editor)
    client.post(reverse("letters_admin:assign", args=[letter.pk]), {"therapist": therapist.pk})
    response = client.post(reverse("letters_admin:start_answer", args=[letter.pk]))
    letter.refresh_from_db()
    page = AnswerPage.objects.get(pk=letter.answer_page_id)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert letter.status == LetterStatus.ANSWERING
    assert page.pen_name == "New in Town"
    assert "Tom" not in page.letter
    assert "[name]" in page.letter
    assert not page.live
    assert page.owner == therapist_user

    login(client, therapist_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit_url, {**edit_form(page, therapist), "action-submit": "1"})
    workflow_action(client, page, "approve")  # the therapist signs off
    page.refresh_from_db()
    assert not page.live

    login(client, editor)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "approve")  # the editor approves, which publishes
    page.refresh_from_db()
    assert page.live
    letter.refresh_from_db()
    assert letter.status == LetterStatus.PUBLISHED
    assert letter.closed_at is not None

    [message] = [m for m in mail.outbox if m.to == ["writer@example.com"]]
    assert message.subject == "Your letter has been answered"
    assert page.url in message.body

    status_page = client.get(f"/ask/status/{received.status_token}/").content.decode()
    assert f'href="{page.url}"' in status_page

    actions = set(
        ModelLogEntry.objects.filter(object_id=str(letter.pk)).values_list("action", flat=True)
    )
    assert {
        "dearly.letter.receive",
        "dearly.letter.assign",
        "dearly.letter.start_answer",
        "dearly.letter.published",
    } <= actions
    page_actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= page_actions


def test_it_lets_only_the_named_therapist_sign_off(client, editor, therapist, other_therapist):
    letter = receive_letter(pen_name="Signed", body=LETTER).letter
    login(client, editor)
    client.post(reverse("letters_admin:assign", args=[letter.pk]), {"therapist": therapist.pk})
    client.post(reverse("letters_admin:start_answer", args=[letter.pk]))
    page = AnswerPage.objects.get(pk=Letter.objects.get().answer_page_id)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit_url, {**edit_form(page, therapist), "action-submit": "1"})

    workflow_action(client, page, "approve")  # an editor cannot sign off for the therapist
    login(client, other_therapist.user)
    workflow_action(client, page, "approve")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.current_task_state.task.name == "Therapist sign-off"
    page.refresh_from_db()
    assert not page.live


def test_it_refuses_to_start_an_answer_before_assignment(client, editor, home):
    letter = receive_letter(pen_name="Unassigned", body=LETTER).letter
    login(client, editor)
    client.post(reverse("letters_admin:start_answer", args=[letter.pk]))
    letter.refresh_from_db()
    assert letter.answer_page_id is None
    assert letter.status == LetterStatus.RECEIVED
