from datetime import timedelta

from django.utils import timezone

from column.models import AnswerPage
from discussion.models import Comment
from discussion.tests.helpers import post_comment


def age(page, days):
    AnswerPage.objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - timedelta(days=days)
    )
    return AnswerPage.objects.get(pk=page.pk)


def test_it_closes_comments_after_the_site_setting(client, answer):
    page = age(answer, 31)
    html = client.get(page.url).content.decode()
    assert "Comments on this answer closed on" in html
    assert 'name="body"' not in html


def test_it_refuses_a_post_to_a_closed_answer_and_keeps_the_text(client, answer):
    page = age(answer, 31)
    response = post_comment(client, page)
    assert response.status_code == 200
    assert "Comments on this answer are closed" in response.content.decode()
    assert not Comment.objects.exists()


def test_it_honours_a_per_page_override(client, answer):
    page = age(answer, 40)
    page.comments_open_days = 60
    page.save(update_fields=["comments_open_days"])
    assert post_comment(client, page).status_code == 302
    page.comments_open_days = 0
    page.save(update_fields=["comments_open_days"])
    assert "Comments on this answer closed" in client.get(page.url).content.decode()
