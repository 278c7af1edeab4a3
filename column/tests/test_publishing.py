"""Editors publish answers through Wagtail's admin; therapists draft and submit for review."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from column.models import AnswerIndexPage, AnswerPage
from conftest import PASSWORD, answer_form_data

ANSWER_ADD_URL = "wagtailadmin_pages:add"


def answer_form(therapist, topic, **overrides) -> dict:
    return answer_form_data(therapist, (topic,), **overrides)


def add_answer(client, data, action: str):
    archive = AnswerIndexPage.objects.get()
    url = reverse(ANSWER_ADD_URL, args=["column", "answerpage", archive.pk])
    return client.post(url, {**data, action: "1"})


@pytest.fixture
def topic(make_topic):
    return make_topic("Friendship")


def test_it_lets_an_editor_publish_an_answer(client, editor, therapist, topic):
    client.login(username=editor.username, password=PASSWORD)
    response = add_answer(client, answer_form(therapist, topic), "action-publish")
    assert response.status_code == 302, response.content.decode()[:2000]
    page = AnswerPage.objects.get(slug="friend-stopped-calling")
    assert page.live
    html = client.get("/answers/friend-stopped-calling/").content.decode()
    assert "—Left on Read" in html
    assert "Dear Left on Read," in html
    assert "Friendships drift" in html


def test_it_lets_an_editor_preview_before_publishing(client, editor, therapist, topic):
    client.login(username=editor.username, password=PASSWORD)
    add_answer(client, answer_form(therapist, topic), "action-save")
    page = AnswerPage.objects.get(slug="friend-stopped-calling")
    assert not page.live
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = answer_form(therapist, topic, pen_name="Still Waiting")
    assert client.post(preview_url, data).json()["is_valid"] is True
    preview = client.get(preview_url).content.decode()
    assert "Dear Still Waiting," in preview
    assert client.get("/answers/friend-stopped-calling/").status_code == 404


def test_it_lets_an_editor_schedule_an_answer(client, editor, therapist, topic):
    client.login(username=editor.username, password=PASSWORD)
    go_live = timezone.localtime(timezone.now() + timedelta(days=2))
    data = answer_form(therapist, topic, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    add_answer(client, data, "action-publish")
    page = AnswerPage.objects.get(slug="friend-stopped-calling")
    assert not page.live
    assert page.scheduled_revision is not None
    assert client.get("/answers/friend-stopped-calling/").status_code == 404


def test_it_lets_a_therapist_submit_but_not_publish(client, therapist_user, therapist, topic):
    client.login(username=therapist_user.username, password=PASSWORD)
    add_answer(client, answer_form(therapist, topic), "action-publish")
    page = AnswerPage.objects.get(slug="friend-stopped-calling")
    assert not page.live

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit_url, {**answer_form(therapist, topic), "action-submit": "1"})
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live

    approve_current_task(client, page)  # signing off is not publishing
    approve_current_task(client, page)  # nor is a second try: the editor's task is next
    page.refresh_from_db()
    assert not page.live


def approve_current_task(client, page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    client.post(url, {"comment": ""})
    return state


def test_it_publishes_once_the_therapist_signs_off_and_an_editor_approves(
    client, editor, therapist_user, therapist, topic
):
    client.login(username=therapist_user.username, password=PASSWORD)
    add_answer(client, answer_form(therapist, topic), "action-submit")
    page = AnswerPage.objects.get(slug="friend-stopped-calling")
    state = approve_current_task(client, page)  # the therapist signs off
    page.refresh_from_db()
    assert not page.live

    client.login(username=editor.username, password=PASSWORD)
    approve_current_task(client, page)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_it_keeps_therapists_out_of_other_pages(client, therapist_user, home):
    client.login(username=therapist_user.username, password=PASSWORD)
    terms = home.get_children().get(slug="terms")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[terms.pk]))
    assert response.status_code in (302, 403)


def test_it_keeps_outsiders_out_of_the_admin(client, outsider):
    client.login(username=outsider.username, password=PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_it_offers_editors_the_answer_form_with_letter_therapist_and_topics(
    client, editor, therapist, topic
):
    client.login(username=editor.username, password=PASSWORD)
    archive = AnswerIndexPage.objects.get()
    url = reverse(ANSWER_ADD_URL, args=["column", "answerpage", archive.pk])
    html = client.get(url).content.decode()
    for label in ["Pen name", "Letter", "Body", "Therapist", "Topics"]:
        assert label in html, label
    assert "Friendship" in html
