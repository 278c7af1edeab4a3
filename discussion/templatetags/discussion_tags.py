from django import template

from discussion.forms import CommentForm
from discussion.models import Comment
from discussion.views import COMMENT_RECEIVED_QUERY

register = template.Library()


@register.inclusion_tag("discussion/comments.html", takes_context=True)
def comments_section(context, page):
    """Published comments in posting order and the form (bound, with errors, after a bad post)."""
    request = context["request"]
    comments = list(Comment.objects.published().filter(page=page).order_by("created_at", "pk"))
    return {
        "page": page,
        "comments": comments,
        "form": getattr(request, "comment_form", None) or CommentForm(),
        "comment_received": request.GET.urlencode() == COMMENT_RECEIVED_QUERY,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
