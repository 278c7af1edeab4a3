from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from letters.models import Letter, LetterStatus
from letters.tests.conftest import CALM_LETTER
from letters.workflow import decline_letter, purge_due, receive_letter


def test_it_erases_a_withdrawn_letter_for_good(client, home):
    received = receive_letter(pen_name="Gone Soon", body=CALM_LETTER, email="w@example.com")
    url = f"/ask/status/{received.status_token}/withdraw/"
    assert "Gone Soon" in client.get(url).content.decode()
    response = client.post(url)
    assert "has been deleted" in response.content.decode()
    assert not Letter.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM letters_letter")
        assert cursor.fetchone()[0] == 0
    assert client.get(f"/ask/status/{received.status_token}/").status_code == 404


def test_it_purges_originals_after_the_retention_period(editor, home):
    old = receive_letter(pen_name="Old", body=CALM_LETTER, email="old@example.com").letter
    fresh = receive_letter(pen_name="Fresh", body=CALM_LETTER).letter
    decline_letter(old, "", editor)
    decline_letter(fresh, "", editor)
    Letter.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=91))
    call_command("purge_letters")
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.body, old.pen_name, old.email, old.email_hash) == ("", "", "", "")
    assert old.purged_at is not None
    assert old.status == LetterStatus.DECLINED
    assert fresh.body == CALM_LETTER
    assert purge_due() == 0


def test_it_never_purges_open_letters(home):
    letter = receive_letter(pen_name="Waiting", body=CALM_LETTER).letter
    Letter.objects.filter(pk=letter.pk).update(received_at=timezone.now() - timedelta(days=900))
    assert purge_due() == 0
