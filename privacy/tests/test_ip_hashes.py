"""Hashed IP addresses are blanked after IP_HASH_DAYS by a daily job."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from discussion.models import Ban, Comment, Report
from discussion.moderation import report_comment
from letters.models import Letter
from letters.workflow import receive_letter
from privacy.models import DataRequest
from privacy.rights import drop_old_ip_hashes, send_data_link

OLD = timezone.now() - timedelta(days=31)


def test_it_blanks_ip_hashes_older_than_thirty_days(answer, make_comments, settings):
    assert settings.IP_HASH_DAYS == 30
    old_letter = receive_letter(pen_name="Old", body="An old letter.", ip_hash="old-ip").letter
    new_letter = receive_letter(pen_name="New", body="A new letter.", ip_hash="new-ip").letter
    Letter.objects.filter(pk=old_letter.pk).update(received_at=OLD)
    old_comment, new_comment = make_comments(answer, 2)
    Comment.objects.filter(pk=old_comment.pk).update(ip_hash="old-ip", created_at=OLD)
    Comment.objects.filter(pk=new_comment.pk).update(ip_hash="new-ip", created_at=timezone.now())
    old_ban = Ban.objects.create(email_hash="e", ip_hash="old-ip", created_at=OLD)
    new_ban = Ban.objects.create(email_hash="e", ip_hash="new-ip")

    call_command("drop_old_ip_hashes")

    def ip(model, pk):
        return model.objects.get(pk=pk).ip_hash

    assert (ip(Letter, old_letter.pk), ip(Letter, new_letter.pk)) == ("", "new-ip")
    assert (ip(Comment, old_comment.pk), ip(Comment, new_comment.pk)) == ("", "new-ip")
    assert (ip(Ban, old_ban.pk), ip(Ban, new_ban.pk)) == ("", "new-ip")
    assert Ban.objects.get(pk=old_ban.pk).email_hash == "e"


def test_it_blanks_several_reports_on_one_comment_without_a_clash(answer, make_comments):
    [comment] = make_comments(answer, 1)
    for reader in ["reader-1", "reader-2", "reader-3"]:
        assert report_comment(comment, "other", "", ip_hash=reader)
    assert not report_comment(comment, "other", "", ip_hash="reader-1")
    Report.objects.update(created_at=OLD)

    counts = drop_old_ip_hashes(days=30)

    assert counts["discussion.Report"] == 3
    assert list(Report.objects.values_list("ip_hash", flat=True)) == ["", "", ""]
    # Once forgotten, the same reader may report again: the old report no longer names them.
    assert report_comment(comment, "other", "", ip_hash="reader-1")


def test_it_forgets_data_requests_once_they_are_old(home):
    old = send_data_link("old@example.com", ip_hash="old-ip")
    fresh = send_data_link("fresh@example.com", ip_hash="new-ip")
    DataRequest.objects.filter(pk=old.pk).update(
        created_at=OLD, expires_at=OLD + timedelta(hours=24)
    )
    counts = drop_old_ip_hashes(days=30)
    assert counts["privacy.DataRequest"] == 1
    assert list(DataRequest.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_it_says_what_it_did(home, capsys):
    call_command("drop_old_ip_hashes", days=7)
    assert "Dropped IP hashes older than 7 days" in capsys.readouterr().out
