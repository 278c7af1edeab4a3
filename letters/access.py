"""Who may see which letter. Every letter view reads through these; a refusal is a 404."""

from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404

from letters.models import Letter

TRIAGE_PERMISSION = "letters.triage_letter"


def can_triage(user: AbstractBaseUser) -> bool:
    return user.is_active and user.has_perm(TRIAGE_PERMISSION)


def letters_visible_to(user: AbstractBaseUser):
    if can_triage(user):
        return Letter.objects.all()
    if user.is_active and hasattr(user, "therapist"):
        return Letter.objects.assigned_to_user(user)
    return Letter.objects.none()


def letter_for_viewer(user: AbstractBaseUser, pk: int) -> Letter:
    """An editor sees every letter; a therapist only the ones assigned to them."""
    letter = letters_visible_to(user).select_related("topic", "assigned_to").filter(pk=pk).first()
    if letter is None:
        raise Http404("No such letter.")
    return letter


def letter_for_editor(user: AbstractBaseUser, pk: int) -> Letter:
    if not can_triage(user):
        raise Http404("No such letter.")
    return letter_for_viewer(user, pk)


def can_see_letters(user: AbstractBaseUser) -> bool:
    return can_triage(user) or (user.is_active and hasattr(user, "therapist"))
