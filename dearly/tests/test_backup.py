"""`manage.py backup` writes a snapshot and `manage.py restore` brings it back, on SQLite and on
PostgreSQL, each on a scratch database of its own, run as an operator would run them."""

import stat

from dearly.tests.conftest import ScratchSite
from dearly.tests.scratch import LETTER_BODY

BEFORE = ["Before Backup", LETTER_BODY, "granddaughter@example.org"]
AFTER = ["After Backup", LETTER_BODY, "granddaughter@example.org"]


def test_a_backup_round_trips_and_letters_stay_encrypted(scratch_site: ScratchSite, tmp_path):
    scratch_site.script("letter", "Before Backup")
    backup = tmp_path / "backups" / "dearly.backup"

    written = scratch_site.manage("backup", "--output", str(backup))
    assert f"Backed up the database to {backup}" in written.stdout
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert [p.name for p in backup.parent.iterdir()] == ["dearly.backup"]

    scratch_site.script("erase-letters")
    scratch_site.script("letter", "After Backup")
    assert scratch_site.letters() == [AFTER]

    restored = scratch_site.manage("restore", str(backup), "--yes")
    assert f"Restored the database from {backup}" in restored.stdout
    assert "migrate" not in restored.stdout
    assert scratch_site.letters() == [BEFORE]
    # Stored as they were: ciphertext, which the same keys read.
    [[pen_name, body, email]] = scratch_site.letters(raw=True)
    assert email.startswith("gAAAA")
    assert pen_name.startswith("gAAAA")
    assert body.startswith("gAAAA")
    assert LETTER_BODY not in body

    # What the restore replaced was saved first, and can itself be brought back.
    [safety] = (scratch_site.var_dir / "backups").iterdir()
    assert safety.name.startswith("before-restore-")
    assert f"Saved the current database to {safety}" in restored.stdout
    scratch_site.manage("restore", str(safety), "--yes", "--no-safety-copy")
    assert scratch_site.letters() == [AFTER]
    # The schema came back whole: nothing for migrate to do.
    assert scratch_site.manage("migrate", "--check", check=False).returncode == 0


def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(sqlite_site, tmp_path):
    sqlite_site.script("letter", "Before Backup")
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("shopping list")
    refused = sqlite_site.manage("restore", str(not_a_backup), "--yes", check=False)
    assert refused.returncode != 0
    assert "is not a sqlite backup" in refused.stderr
    missing = sqlite_site.manage("restore", str(tmp_path / "nothing"), "--yes", check=False)
    assert "No backup at" in missing.stderr
    assert sqlite_site.letters() == [BEFORE]
    assert not (sqlite_site.var_dir / "backups").exists()


def test_restore_asks_first_and_does_nothing_without_a_yes(sqlite_site, tmp_path):
    backup = tmp_path / "snapshot"
    sqlite_site.manage("backup", "--output", str(backup))
    sqlite_site.script("letter", "After Backup")
    refused = sqlite_site.manage("restore", str(backup), check=False)
    assert refused.returncode != 0
    assert "pass --yes" in refused.stderr
    assert sqlite_site.letters() == [AFTER]


def test_a_backup_refuses_to_go_to_the_wrong_kind_of_database(scratch_site, tmp_path):
    other = tmp_path / "other"
    other.write_bytes(b"PGDMP" if scratch_site.kind == "sqlite" else b"SQLite format 3\x00")
    refused = scratch_site.manage("restore", str(other), "--yes", check=False)
    assert refused.returncode != 0
    assert "is not a" in refused.stderr
