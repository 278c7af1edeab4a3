"""The moderation queue in Wagtail's admin: a crisis first, then what readers reported or the
checks flagged, then the oldest."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Case, Q, Value, When
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from discussion.models import Comment, CommentStatus
from discussion.moderation import ACTIONS, ban_commenter
from discussion.views import commenter_histories

TABS = {
    "waiting": ("Waiting", Q(status__in=[CommentStatus.PENDING, CommentStatus.HELD])),
    "flagged": (
        "Flagged",
        Q(status=CommentStatus.PUBLISHED) & (Q(report_count__gt=0) | Q(review=True)),
    ),
    "spam": ("Spam", Q(status=CommentStatus.SPAM)),
}
PAGE_SIZE = 50
PERMISSION = "discussion.change_comment"


def queue_items(tab: str):
    _, condition = TABS[tab]
    # Held: a check found something (abuse, an advert, links, a flood). Pending: nothing was
    # found, and the site's policy asks for a first read (a new commenter, say).
    held_by_a_check = Case(When(status=CommentStatus.HELD, then=Value(1)), default=Value(0))
    return (
        Comment.objects.filter(condition)
        .select_related("page")
        .order_by("-urgent", "-report_count", "-review", held_by_a_check.desc(), "created_at")[
            :PAGE_SIZE
        ]
    )


@permission_required(PERMISSION, raise_exception=True)
def queue(request: HttpRequest) -> TemplateResponse:
    tab = request.GET.get("tab", "waiting")
    if tab not in TABS:
        tab = "waiting"
    comments = list(queue_items(tab))
    histories = commenter_histories(comments)
    for comment in comments:
        comment.history = histories.get(comment.email_hash, {})
    context = {
        "comments": comments,
        "tab": tab,
        "tabs": [(key, label) for key, (label, _) in TABS.items()],
        "actions": list(ACTIONS),
    }
    return TemplateResponse(request, "discussion/admin/queue.html", context)


def _back(request: HttpRequest) -> HttpResponseRedirect:
    tab = request.POST.get("tab", "waiting")
    return HttpResponseRedirect(
        f"{reverse('discussion_queue')}?tab={tab if tab in TABS else 'waiting'}"
    )


def _ban_days(request: HttpRequest) -> int | None:
    raw = request.POST.get("ban_days", "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else None


def _apply(request: HttpRequest, action: str, comments) -> int:
    done = 0
    for comment in comments:
        if action == "ban":
            ban_commenter(comment, request.user, days=_ban_days(request))
        else:
            ACTIONS[action](comment, request.user)
        done += 1
    return done


@require_POST
@permission_required(PERMISSION, raise_exception=True)
def moderate(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    comment = get_object_or_404(Comment, pk=pk)
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        messages.error(request, "Choose approve, reject, spam or ban.")
        return _back(request)
    _apply(request, action, [comment])
    comment.refresh_from_db()
    messages.success(request, f"{comment} is now {comment.get_status_display().lower()}.")
    return _back(request)


@require_POST
@permission_required(PERMISSION, raise_exception=True)
def bulk(request: HttpRequest) -> HttpResponseRedirect:
    action = request.POST.get("action", "")
    ids = [int(pk) for pk in request.POST.getlist("ids") if pk.isdigit()]
    if action not in ACTIONS or not ids:
        messages.error(request, "Tick at least one comment and choose what to do with them.")
        return _back(request)
    done = _apply(request, action, Comment.objects.filter(pk__in=ids))
    messages.success(request, f"{done} comment{'s' if done != 1 else ''}: {action} done.")
    return _back(request)
