from django import template
from django.core.cache import cache
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.utils import timezone

from dearly.submissions import new_submission_id
from discussion.forms import CommentForm, started_stamp
from discussion.models import Comment, CommentStatus
from discussion.threads import build_threads, count_published
from discussion.views import POSTED_PARAM, closing_time, help_page, posted_comment

register = template.Library()

COMMENT_LIST_SECONDS = 24 * 60 * 60
SHOWN = [CommentStatus.PUBLISHED, CommentStatus.DELETED]


def published_comments_html(page) -> tuple[int, str]:
    """The rendered threads of a page's comments, and how many are published.

    The cache key changes whenever a shown comment is published, changed or removed, so no
    process ever has to be told to forget a stale list (each gunicorn worker may have its own
    cache). Reading the key costs one small aggregate query; rendering hundreds of comments
    happens once per change.
    """
    shown = Comment.objects.filter(page=page, status__in=SHOWN)
    stamp = shown.aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = stamp["changed"].timestamp() if stamp["changed"] else 0
    key = f"comment-threads:{page.pk}:{stamp['count']}:{changed}"
    cached = cache.get(key)
    if cached is None:
        threads = build_threads(list(shown.order_by("created_at", "pk")))
        html = render_to_string("discussion/comment_list.html", {"threads": threads})
        cached = (count_published(threads), html)
        cache.set(key, cached, COMMENT_LIST_SECONDS)
    return cached


def reply_target(request, page) -> Comment | None:
    reply_to = request.GET.get("reply_to", "")
    if not reply_to.isdigit():
        return None
    return Comment.objects.filter(
        pk=int(reply_to), page=page, status=CommentStatus.PUBLISHED
    ).first()


@register.inclusion_tag("discussion/comments.html", takes_context=True)
def comments_section(context, page):
    """Threads of published comments and the form (bound, with errors, after a bad post)."""
    request = context["request"]
    count, comment_list = published_comments_html(page)
    form = getattr(request, "comment_form", None)
    replying_to = reply_target(request, page)
    if form is None:
        initial = {
            "started": started_stamp(),
            "parent": replying_to.pk if replying_to else None,
            "submission_id": new_submission_id(),
        }
        form = CommentForm(initial=initial)
    posted = posted_comment(request) if POSTED_PARAM in request.GET else None
    closes = closing_time(page)
    return {
        "page": page,
        "comment_count": count,
        "comment_list": comment_list,
        "form": form,
        "replying_to": replying_to,
        "posted": posted,
        "posted_token": request.GET.get(POSTED_PARAM, "") if posted else "",
        "help_page": help_page() if posted and posted.urgent else None,
        "open": closes is not None and timezone.now() < closes,
        "closes": closes,
        "csrf_token": context.get("csrf_token"),
        "unsaved": "",
    }
