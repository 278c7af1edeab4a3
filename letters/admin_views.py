"""The editors' letter inbox in Wagtail's admin; therapists see only letters assigned to them."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from column.models import TopicPage
from letters.access import can_triage, letter_for_editor, letter_for_viewer, letters_visible_to
from letters.models import LetterStatus
from letters.similar import similar_answers
from letters.workflow import LetterActionError, assign_letter, decline_letter, start_answer
from safety.pii import describe, find_pii, highlight, summarize
from therapists.models import Therapist

SEARCH_LIMIT = 500
OPEN_STATUSES = [LetterStatus.RECEIVED, LetterStatus.ASSIGNED, LetterStatus.ANSWERING]


class InboxFilters(forms.Form):
    status = forms.ChoiceField(
        choices=[("open", "Open"), ("", "All"), *LetterStatus.choices], required=False
    )
    urgent = forms.BooleanField(required=False, label="Urgent only")
    topic = forms.ModelChoiceField(queryset=TopicPage.objects.order_by("title"), required=False)
    therapist = forms.ModelChoiceField(queryset=Therapist.objects.all(), required=False)
    q = forms.CharField(required=False, label="Search pen names and letters")


def filtered_letters(user, filters: InboxFilters):
    letters = letters_visible_to(user).for_inbox()
    if not filters.is_valid():
        return letters.filter(status__in=OPEN_STATUSES)
    data = filters.cleaned_data
    status = data["status"] if "status" in filters.data else "open"
    if status == "open":
        letters = letters.filter(status__in=OPEN_STATUSES)
    elif status:
        letters = letters.filter(status=status)
    if data["urgent"]:
        letters = letters.filter(urgent=True)
    if data["topic"]:
        letters = letters.filter(topic=data["topic"])
    if data["therapist"]:
        letters = letters.filter(assigned_to=data["therapist"])
    if data["q"]:
        # Letters are encrypted at rest, so search reads the newest ones in memory.
        needle = data["q"].lower()
        return [
            letter
            for letter in letters[:SEARCH_LIMIT]
            if needle in letter.pen_name.lower() or needle in letter.body.lower()
        ]
    return letters


def inbox(request: HttpRequest) -> TemplateResponse:
    filters = InboxFilters(request.GET or None)
    context = {
        "letters": filtered_letters(request.user, filters),
        "filters": filters,
        "is_editor": can_triage(request.user),
    }
    return TemplateResponse(request, "letters/admin/inbox.html", context)


def detail(request: HttpRequest, pk: int) -> TemplateResponse:
    letter = letter_for_viewer(request.user, pk)
    spans = find_pii(letter.body)
    context = {
        "letter": letter,
        "header_title": f"Letter #{letter.pk}",
        "highlighted_body": highlight(letter.body),
        "pii_summary": describe(summarize(spans)),
        "similar": similar_answers(letter.body),
        "is_editor": can_triage(request.user),
        "therapists": Therapist.objects.order_by("name"),
        "can_start_answer": letter.is_open and letter.assigned_to_id is not None,
    }
    return TemplateResponse(request, "letters/admin/detail.html", context)


def _back(letter) -> HttpResponse:
    return redirect("letters_admin:detail", pk=letter.pk)


@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    letter = letter_for_editor(request.user, pk)
    therapist = Therapist.objects.filter(pk=request.POST.get("therapist") or None).first()
    if therapist is None:
        messages.error(request, "Choose a therapist to assign the letter to.")
        return _back(letter)
    try:
        assign_letter(letter, therapist, request.user)
    except LetterActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{letter} is assigned to {therapist.name}.")
    return _back(letter)


@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    letter = letter_for_editor(request.user, pk)
    try:
        decline_letter(letter, request.POST.get("reason", ""), request.user)
    except LetterActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{letter} is declined.")
    return _back(letter)


@require_POST
def begin_answer(request: HttpRequest, pk: int) -> HttpResponse:
    letter = letter_for_viewer(request.user, pk)
    try:
        page = start_answer(letter, request.user)
    except LetterActionError as error:
        messages.error(request, str(error))
        return _back(letter)
    messages.success(request, f"A draft answer is ready for {letter.assigned_to.name}.")
    return redirect("wagtailadmin_pages:edit", page.pk)
