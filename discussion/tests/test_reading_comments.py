import re
from datetime import datetime

from django.utils import timezone

from discussion.models import Comment, CommentStatus


def comment_on(page, **fields) -> Comment:
    defaults = {
        "author_name": "Priya",
        "author_email": "priya@example.com",
        "body": "Thank you for this.",
        "status": CommentStatus.PUBLISHED,
        "terms_accepted_at": timezone.now(),
    }
    return Comment.objects.create(page=page, **{**defaults, **fields})


def test_it_shows_the_name_and_a_readable_timestamp(client, answer):
    posted = timezone.make_aware(datetime(2015, 7, 17, 14, 18))
    comment_on(answer, created_at=posted)
    html = client.get(answer.url).content.decode()
    assert '<p class="comment-author">Priya</p>' in html
    assert (
        f'<time datetime="{timezone.localtime(posted).isoformat()}">'
        "July 17th, 2015 at 2:18 PM</time>"
    ) in html


def test_it_shows_comments_oldest_first(client, answer):
    now = timezone.now()
    comment_on(answer, body="Second thought", created_at=now)
    comment_on(answer, body="First thought", created_at=now - timezone.timedelta(days=40))
    html = client.get(answer.url).content.decode()
    assert html.index("First thought") < html.index("Second thought")


def test_it_keeps_paragraphs_and_escapes_what_commenters_type(client, answer):
    comment_on(answer, body="<b>bold</b> & <script>alert(1)</script>\n\nSecond paragraph.")
    html = client.get(answer.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>" in html
    assert "<p>Second paragraph.</p>" in html


def test_it_never_shows_a_commenters_email(client, answer):
    comment_on(answer, author_email="hidden.person@example.com")
    assert "hidden.person@example.com" not in client.get(answer.url).content.decode()


def test_it_shows_only_published_comments(client, answer):
    for status in CommentStatus:
        comment_on(answer, body=f"A comment that is {status.value}", status=status)
    html = client.get(answer.url).content.decode()
    shown = re.findall(r"A comment that is (\w+)", html)
    assert shown == ["published"]
    assert "1 Comment" in html


def test_it_shows_comments_only_on_their_own_answer(client, make_answer):
    first, second = make_answer(), make_answer()
    comment_on(first, body="About the first answer")
    assert "About the first answer" not in client.get(second.url).content.decode()
