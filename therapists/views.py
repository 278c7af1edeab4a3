from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from dearly.pagination import paginate
from therapists.models import Therapist


def therapist_list(request: HttpRequest) -> TemplateResponse:
    therapists = Therapist.objects.select_related("photo")
    return TemplateResponse(request, "therapists/therapist_list.html", {"therapists": therapists})


def therapist_detail(request: HttpRequest, slug: str) -> TemplateResponse:
    therapist = get_object_or_404(Therapist.objects.select_related("photo"), slug=slug)
    answers = (
        therapist.answers.live()
        .public()
        .select_related("therapist")
        .order_by("-first_published_at", "-pk")
    )
    return TemplateResponse(
        request,
        "therapists/therapist_detail.html",
        {
            "therapist": therapist,
            "answers": paginate(request, answers, settings.ANSWERS_PER_PAGE),
        },
    )
