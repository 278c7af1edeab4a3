import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from discussion.models import CommentStatus


def get_html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_signs_the_letter_with_an_em_dash_and_the_pen_name(client, answer):
    html = get_html(client, answer)
    assert '<p class="signature">—Short-Changed</p>' in html
    assert "<p>My sister keeps borrowing money.</p>" in html


def test_it_opens_the_answer_with_dear_and_the_pen_name(client, answer):
    html = get_html(client, answer)
    assert '<p class="salutation">Dear Short-Changed,</p>' in html


def test_it_hides_the_repeated_pull_quote_from_screen_readers(client, answer):
    html = get_html(client, answer)
    quote = re.search(r'<aside class="pull-quote" aria-hidden="true"><p>(.*?)</p></aside>', html)
    assert quote is not None
    assert quote.group(1) == "Money between siblings carries old stories."
    # The sentence still reaches screen readers once, in the answer itself.
    assert "<p>Money between siblings carries old stories.</p>" in html


def test_it_shows_the_byline_bio_and_credentials_but_never_the_licence_number(client, answer):
    html = get_html(client, answer)
    assert "Answered by" in html
    assert "Theo Marsh, MS, LMHC" in html
    assert "Theo has counselled couples" in html
    assert "Licensed Mental Health Counselor, licensed in Vermont" in html
    assert "LMHC-SECRET-0042" not in html


def test_it_lists_topics_and_the_published_date(client, make_answer, make_topic):
    topic = make_topic("Family")
    page = make_answer(topics=(topic,))
    html = get_html(client, page)
    assert f'<a href="{topic.url}">Family</a>' in html
    published = timezone.localtime(page.first_published_at).isoformat()
    assert f'<time datetime="{published}">' in html


def test_it_says_the_column_is_not_therapy_and_links_help_now(client, answer):
    html = get_html(client, answer)
    assert "not therapy" in html
    assert 'href="/help-now/"' in html


def test_it_hides_drafts_from_readers(client, make_answer):
    draft = make_answer(live=False)
    assert client.get(f"/answers/{draft.slug}/").status_code == 404


def test_it_escapes_html_typed_into_a_letter(client, make_answer):
    page = make_answer()
    page.letter = "<script>alert(1)</script> & more"
    page.save_revision().publish()
    html = get_html(client, page)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def count_queries(client, page) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("status", [CommentStatus.PUBLISHED])
def test_it_reads_one_comment_or_two_hundred_in_the_same_number_of_queries(
    client, make_answer, make_comments, status
):
    one, many = make_answer(), make_answer()
    make_comments(one, 1, status)
    make_comments(many, 200, status)
    client.get(one.url)  # warm caches shared by both pages (site root, content types)
    assert get_html(client, many).count('class="comment"') == 200
    assert count_queries(client, one) == count_queries(client, many)
    assert count_queries(client, many) <= 12
