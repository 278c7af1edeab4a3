from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse

from column.models import AnswerPage
from dearly.pagination import paginate


def search(request: HttpRequest) -> TemplateResponse:
    query = request.GET.get("q", "").strip()[:200]
    # Wagtail's SQLite backend puts each word in double quotes without doubling the ones inside,
    # so a stray " is an FTS5 syntax error (wagtail/wagtail#13227). Plain-text search has no
    # phrases, so the quotes carry no meaning here; the page still shows the query as typed.
    words = query.replace('"', " ").strip()
    answers = AnswerPage.objects.live().public().select_related("therapist")
    # Relevance orders search results; the listing order would override it.
    results = answers.search(words) if words else answers.none()
    return TemplateResponse(
        request,
        "column/search.html",
        {"query": query, "results": paginate(request, results, settings.ANSWERS_PER_PAGE)},
    )
