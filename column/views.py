from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse

from column.models import AnswerPage
from dearly.pagination import paginate


def search(request: HttpRequest) -> TemplateResponse:
    query = request.GET.get("q", "").strip()[:200]
    answers = AnswerPage.objects.live().public().select_related("therapist")
    # Relevance orders search results; the listing order would override it.
    results = answers.search(query) if query else answers.none()
    return TemplateResponse(
        request,
        "column/search.html",
        {"query": query, "results": paginate(request, results, settings.ANSWERS_PER_PAGE)},
    )
