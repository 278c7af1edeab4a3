from django import template
from django.core.cache import cache
from django.db.models import Count, Max
from django.template.loader import render_to_string

from discussion.forms import CommentForm
from discussion.models import Comment
from discussion.views import COMMENT_RECEIVED_QUERY

register = template.Library()

COMMENT_LIST_SECONDS = 24 * 60 * 60


def published_comments_html(page) -> tuple[int, str]:
    """The rendered list of a page's published comments, and how many there are.

    The cache key changes whenever a comment is published, changed or removed, so no
    process ever has to be told to forget a stale list (each gunicorn worker may have its own
    cache). Reading the key costs one small aggregate query; rendering hundreds of comments
    happens once per change.
    """
    published = Comment.objects.published().filter(page=page)
    stamp = published.aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = stamp["changed"].timestamp() if stamp["changed"] else 0
    key = f"comment-list:{page.pk}:{stamp['count']}:{changed}"
    html = cache.get(key)
    if html is None:
        comments = published.order_by("created_at", "pk")
        html = render_to_string("discussion/comment_list.html", {"comments": comments})
        cache.set(key, html, COMMENT_LIST_SECONDS)
    return stamp["count"], html


@register.inclusion_tag("discussion/comments.html", takes_context=True)
def comments_section(context, page):
    """Published comments in posting order and the form (bound, with errors, after a bad post)."""
    request = context["request"]
    count, comment_list = published_comments_html(page)
    return {
        "page": page,
        "comment_count": count,
        "comment_list": comment_list,
        "form": getattr(request, "comment_form", None) or CommentForm(),
        "comment_received": request.GET.urlencode() == COMMENT_RECEIVED_QUERY,
        "csrf_token": context.get("csrf_token"),
    }
