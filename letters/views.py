from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from column.models import HelpNowPage
from dearly.submissions import new_submission_id
from dearly.unavailable import offline_page
from letters.forms import LetterForm
from letters.models import Letter
from letters.workflow import (
    already_received,
    letter_for_token,
    receive_letter,
    withdraw_letter,
)
from privacy.crypto import keyed_hash

UNSAVED = (
    "We could not save your letter just now; nothing was sent. Your words are still here — "
    "please try again in a few minutes."
)
THROTTLED = (
    "We have received several letters from your connection in the last hour, so this one was "
    "not sent yet. Please try again later; your letter is still here below."
)


def client_ip_hash(request: HttpRequest) -> str:
    return keyed_hash(request.META.get("REMOTE_ADDR", ""))


def too_many_recent_letters(ip_hash: str) -> bool:
    since = timezone.now() - timedelta(hours=1)
    recent = Letter.objects.filter(ip_hash=ip_hash, received_at__gte=since).count()
    return recent >= settings.LETTERS_PER_IP_PER_HOUR


def help_page() -> HelpNowPage | None:
    return HelpNowPage.objects.live().first()


@never_cache
@sensitive_post_parameters("pen_name", "body", "email")
def ask(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = LetterForm(request.POST)
    else:
        form = LetterForm(initial={"submission_id": new_submission_id()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        words = {key: data[key] for key in ("pen_name", "body", "email", "topic")}
        # The same form sent again (a refresh, a double click) goes to the letter it made.
        received = already_received(data["submission_id"], **words)
        if received is not None:
            return redirect("letters:status", token=received.status_token)
        ip_hash = client_ip_hash(request)
        if too_many_recent_letters(ip_hash):
            form.add_error(None, THROTTLED)
        else:
            received = receive_letter(**words, ip_hash=ip_hash, submission_id=data["submission_id"])
            return redirect("letters:status", token=received.status_token)
    context = {
        "form": form,
        "help_page": help_page(),
        "max_chars": settings.LETTER_MAX_CHARS,
        "unsaved": "",
    }
    return TemplateResponse(request, "letters/ask.html", context)


def unsaved_letter(request: HttpRequest) -> HttpResponse | None:
    """A letter posted while the database is down: the same form, every word still in it.

    Called by dearly.unavailable instead of the friendly 503 page; touches no database.
    """
    if request.method != "POST" or request.path != reverse("letters:ask"):
        return None
    context = {
        "form": LetterForm(request.POST, offline=True),
        "max_chars": settings.LETTER_MAX_CHARS,
        "unsaved": UNSAVED,
    }
    return offline_page(request, "letters/ask.html", context)


def _letter_or_404(token: str) -> Letter:
    letter = letter_for_token(token)
    if letter is None:
        raise Http404("No letter has that link.")
    return letter


@never_cache
def status(request: HttpRequest, token: str) -> TemplateResponse:
    letter = _letter_or_404(token)
    context = {"letter": letter, "token": token, "help_page": help_page()}
    return TemplateResponse(request, "letters/status.html", context)


@never_cache
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    letter = _letter_or_404(token)
    if request.method == "POST":
        withdraw_letter(letter)
        return TemplateResponse(request, "letters/withdrawn.html", {})
    return TemplateResponse(request, "letters/withdraw.html", {"letter": letter, "token": token})
