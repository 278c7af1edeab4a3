from discussion.models import Comment, CommentStatus
from discussion.moderation import CommentActionError, reply_parent
from discussion.tests.helpers import post_comment
from discussion.threads import build_threads, count_published


def chain(page, make_comments, depth: int) -> list[Comment]:
    comments = []
    parent = None
    for level in range(1, depth + 1):
        [comment] = make_comments(page, 1)
        comment.parent, comment.depth = parent, level
        comment.save(update_fields=["parent", "depth"])
        comments.append(comment)
        parent = comment
    return comments


def test_it_attaches_replies_below_the_third_level_to_the_third(answer, make_comments):
    _, second, third = chain(answer, make_comments, 3)
    assert reply_parent(answer, second) == second
    assert reply_parent(answer, third) == second


def test_it_refuses_replies_to_comments_that_are_not_published(answer, make_comments):
    [held] = make_comments(answer, 1, CommentStatus.HELD)
    try:
        reply_parent(answer, held)
    except CommentActionError:
        pass
    else:
        raise AssertionError("a reply to a held comment was accepted")


def test_it_nests_replies_under_their_parents_on_the_page(client, answer, make_comments):
    first, second, third = chain(answer, make_comments, 3)
    html = client.get(answer.url).content.decode()
    outer = html.index(f'id="comment-{first.pk}"')
    middle = html.index(f'id="comment-{second.pk}"')
    inner = html.index(f'id="comment-{third.pk}"')
    assert outer < middle < inner
    assert html.count('<ol class="replies">') == 2
    assert "3 Comments" in html


def test_it_posts_a_reply_through_the_form(client, moderator, answer, make_comments):
    [parent] = make_comments(answer, 1)
    response = post_comment(client, answer, parent=str(parent.pk), body="A reply to you.")
    assert response.status_code == 302
    reply = Comment.objects.get(body="A reply to you.")
    assert reply.parent == parent
    assert reply.depth == 2


def test_it_keeps_a_deleted_comment_as_a_placeholder_only_when_it_has_replies(
    answer, make_comments
):
    parent, child = chain(answer, make_comments, 2)
    lonely = make_comments(answer, 1)[0]
    for comment in (parent, lonely):
        comment.status = CommentStatus.DELETED
        comment.save(update_fields=["status"])
    threads = build_threads(list(Comment.objects.all()))
    assert [node.comment for node in threads] == [parent]
    assert [node.comment for node in threads[0].replies] == [child]
    assert count_published(threads) == 1


def test_it_offers_reply_and_report_links_on_each_comment(client, answer, make_comments):
    [comment] = make_comments(answer, 1)
    html = client.get(answer.url).content.decode()
    assert f'href="?reply_to={comment.pk}#leave-comment"' in html
    assert f'href="/comments/{comment.pk}/report/"' in html
    replying = client.get(answer.url, {"reply_to": comment.pk}).content.decode()
    assert "Replying to Reader 0" in replying
    assert f'name="parent" value="{comment.pk}"' in replying
