from discussion.models import CommentStatus, DiscussionSettings, Report


def report(client, comment, reason="unkind", ip="198.51.100.1"):
    return client.post(
        f"/comments/{comment.pk}/report/", {"reason": reason, "detail": ""}, REMOTE_ADDR=ip
    )


def test_it_requires_a_reason(client, answer, make_comments):
    [comment] = make_comments(answer, 1)
    response = report(client, comment, reason="")
    assert "Please choose a reason." in response.content.decode()
    assert not Report.objects.exists()


def test_it_hides_a_comment_after_enough_reports(client, answer, make_comments, home):
    settings = DiscussionSettings.load()
    settings.reports_to_hide = 2
    settings.save()
    [comment] = make_comments(answer, 1)
    assert "Thank you for telling us" in report(client, comment).content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.report_count == 1
    report(client, comment, ip="198.51.100.2")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HELD
    assert "Hidden after 2 reader reports." in comment.reasons
    assert "Comment number 0." not in client.get(answer.url).content.decode()


def test_it_counts_one_report_per_reader(client, answer, make_comments):
    [comment] = make_comments(answer, 1)
    report(client, comment)
    report(client, comment, reason="spam")
    comment.refresh_from_db()
    assert comment.report_count == 1


def test_it_cannot_report_a_comment_that_is_not_published(client, answer, make_comments):
    [held] = make_comments(answer, 1, CommentStatus.HELD)
    assert report(client, held).status_code == 404
