from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from discussion.forms import CommentForm
from discussion.models import Comment
from discussion.moderation import approve_comment, reject_comment, submit_comment

COMMENT_RECEIVED_QUERY = "comment=received"


def handle_comment_post(page, request: HttpRequest) -> HttpResponse | None:
    """Save a posted comment and redirect, or keep the bound form for the page to re-show."""
    form = CommentForm(request.POST)
    if not form.is_valid():
        request.comment_form = form
        return None
    submit_comment(page=page, **form.cleaned_data_for_comment())
    return HttpResponseRedirect(f"{page.url}?{COMMENT_RECEIVED_QUERY}#comment-status")


@permission_required("discussion.change_comment", raise_exception=True)
def comment_queue(request: HttpRequest) -> TemplateResponse:
    comments = Comment.objects.awaiting_moderation().select_related("page").order_by("created_at")
    return TemplateResponse(request, "discussion/admin/queue.html", {"comments": comments})


MODERATION_ACTIONS = {"approve": approve_comment, "reject": reject_comment}


@require_POST
@permission_required("discussion.change_comment", raise_exception=True)
def moderate_comment(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    comment = get_object_or_404(Comment, pk=pk)
    action = MODERATION_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, "Choose approve or reject.")
    else:
        action(comment, request.user)
        messages.success(request, f"{comment} is now {comment.get_status_display().lower()}.")
    return redirect("discussion_queue")
