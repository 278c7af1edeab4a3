from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from column.models import HelpNowPage
from letters.forms import LetterForm
from letters.models import Letter
from letters.workflow import letter_for_token, receive_letter, withdraw_letter
from privacy.crypto import keyed_hash

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
    form = LetterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ip_hash = client_ip_hash(request)
        if too_many_recent_letters(ip_hash):
            form.add_error(None, THROTTLED)
        else:
            data = form.cleaned_data
            received = receive_letter(
                pen_name=data["pen_name"],
                body=data["body"],
                email=data["email"],
                topic=data["topic"],
                ip_hash=ip_hash,
            )
            return redirect("letters:status", token=received.status_token)
    context = {"form": form, "help_page": help_page(), "max_chars": settings.LETTER_MAX_CHARS}
    return TemplateResponse(request, "letters/ask.html", context)


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
