from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items, per_page: int) -> PaginatorPage:
    """The requested page of items; a bad or too-large page number gives the nearest page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
