"""What a letter writer may see and erase through privacy's data-rights pages."""

from letters.models import Letter
from letters.workflow import withdraw_letter
from privacy.rights import Erasure, register, register_ip_hashes


def _when(value):
    return value.isoformat() if value else None


def export_letters(hashed_email: str) -> list[dict]:
    letters = (
        Letter.objects.filter(email_hash=hashed_email)
        .select_related("topic", "answer_page")
        .order_by("received_at", "pk")
    )
    return [
        {
            "reference": f"Letter #{letter.pk}",
            "pen_name": letter.pen_name,
            "letter": letter.body,
            "email": letter.email,
            "topic": letter.topic.title if letter.topic else None,
            "status": letter.get_status_display(),
            "received_at": _when(letter.received_at),
            "status_changed_at": _when(letter.status_changed_at),
            "closed_at": _when(letter.closed_at),
            "decline_reason": letter.decline_reason,
            "published_answer": (
                letter.answer_page.get_full_url()
                if letter.answer_page and letter.answer_page.live
                else None
            ),
        }
        for letter in letters
    ]


def erase_letters(hashed_email: str, erasure: Erasure) -> int:
    """Each letter is withdrawn as its writer could from the status page: deleted for good."""
    letters = Letter.objects.filter(email_hash=hashed_email).select_related("answer_page")
    count = 0
    for letter in letters:
        withdraw_letter(letter)
        count += 1
    return count


register("letters", "Letters", export_letters, erase_letters, order=10)
register_ip_hashes(Letter, "received_at")
