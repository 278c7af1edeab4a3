from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from column.models import HelpNowPage
from dearly.unavailable import offline_page
from discussion import notifications
from discussion.forms import CommentForm, EditCommentForm, ReportForm
from discussion.models import Comment, CommentStatus, DiscussionSettings
from discussion.moderation import (
    EDIT_WINDOW,
    CommentActionError,
    already_posted,
    can_still_edit,
    comment_for_token,
    delete_own_comment,
    edit_comment,
    report_comment,
    submit_comment,
)
from discussion.policy import comments_close_at
from privacy.crypto import keyed_hash

POSTED_PARAM = "posted"
COMMENT_FIELDS = {"author_name", "author_email", "body"}
UNSAVED = (
    "We could not save your comment just now; nothing was sent. Your words are still here — "
    "please try again in a few minutes."
)


def client_ip_hash(request: HttpRequest) -> str:
    return keyed_hash(request.META.get("REMOTE_ADDR", ""))


def open_days(page) -> int:
    if page.comments_open_days is not None:
        return page.comments_open_days
    return DiscussionSettings.load().close_after_days


def closing_time(page):
    return comments_close_at(page.first_published_at, open_days(page))


def are_open(page) -> bool:
    closes = closing_time(page)
    return closes is not None and timezone.now() < closes


def handle_comment_post(page, request: HttpRequest) -> HttpResponse | None:
    """Save a posted comment and redirect, or keep the bound form for the page to re-show."""
    form = CommentForm(request.POST)
    request.comment_form = form
    if not form.is_valid():
        return None
    data = form.cleaned_data
    parent = None
    if data["parent"]:
        parent = Comment.objects.filter(pk=data["parent"], page=page).first()
    words = {
        "page": page,
        "parent": parent,
        "author_name": data["author_name"],
        "author_email": data["author_email"],
        "body": data["body"],
    }
    # The same form sent again (a refresh, a double click) goes to the comment it made.
    posted = already_posted(data["submission_id"], **words)
    if posted is None:
        if not are_open(page):
            form.add_error(None, "Comments on this answer are closed, so yours was not posted.")
            return None
        try:
            posted = submit_comment(
                **words,
                ip_hash=client_ip_hash(request),
                user=request.user,
                honeypot=data["website"],
                seconds_to_submit=form.seconds_to_submit(),
                notify_replies=data["notify_replies"],
                submission_id=data["submission_id"],
            )
        except CommentActionError as error:
            form.add_error(None, str(error))
            return None
    return HttpResponseRedirect(f"{page.url}?{POSTED_PARAM}={posted.edit_token}#comment-status")


def unsaved_comment(request: HttpRequest) -> HttpResponse | None:
    """A comment posted to an answer while the database is down: the form, every word kept.

    The answer page itself cannot be shown without the database, so this is a page of its own
    holding just the form, which posts back to the answer. Called by dearly.unavailable.
    """
    match = getattr(request, "resolver_match", None)
    if request.method != "POST" or match is None or match.url_name != "wagtail_serve":
        return None
    if not request.POST.keys() >= COMMENT_FIELDS:
        return None
    context = {"form": CommentForm(request.POST), "form_action": request.path, "unsaved": UNSAVED}
    return offline_page(request, "discussion/unsaved_comment.html", context)


def posted_comment(request: HttpRequest) -> Comment | None:
    """The comment this reader just posted, found by the secret in the redirect's address."""
    token = request.GET.get(POSTED_PARAM, "")
    return comment_for_token(token) if token else None


def help_page() -> HelpNowPage | None:
    return HelpNowPage.objects.live().first()


def _edit_context(comment: Comment, token: str, form=None) -> dict:
    return {
        "comment": comment,
        "token": token,
        "form": form or EditCommentForm(initial={"body": comment.body}),
        "editable": can_still_edit(comment),
        "edit_until": comment.created_at + EDIT_WINDOW,
        "help_page": help_page() if comment.urgent else None,
    }


@never_cache
@sensitive_post_parameters("body")
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, token: str) -> HttpResponse:
    comment = comment_for_token(token)
    if comment is None:
        raise Http404("No comment has that link.")
    if request.method == "GET":
        return TemplateResponse(request, "discussion/edit.html", _edit_context(comment, token))
    try:
        if request.POST.get("action") == "delete":
            delete_own_comment(comment)
            return TemplateResponse(request, "discussion/deleted.html", {"page": comment.page})
        form = EditCommentForm(request.POST)
        if not form.is_valid():
            context = _edit_context(comment, token, form)
            return TemplateResponse(request, "discussion/edit.html", context)
        edit_comment(comment, form.cleaned_data["body"])
    except CommentActionError as error:
        context = {**_edit_context(comment, token, EditCommentForm(request.POST)), "error": error}
        return TemplateResponse(request, "discussion/edit.html", context, status=403)
    return HttpResponseRedirect(f"{comment.page.url}?{POSTED_PARAM}={token}#comment-status")


@never_cache
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(
        Comment.objects.select_related("page"), pk=pk, status=CommentStatus.PUBLISHED
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_comment(
            comment,
            form.cleaned_data["reason"],
            form.cleaned_data["detail"],
            client_ip_hash(request),
        )
        return TemplateResponse(request, "discussion/reported.html", {"comment": comment})
    return TemplateResponse(request, "discussion/report.html", {"comment": comment, "form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def subscription(request: HttpRequest, pk: int, token: str, action: str) -> HttpResponse:
    """Confirm (double opt-in) or end reply emails; a POST does it, so link scanners cannot."""
    found = notifications.subscription_for_link(pk, token)
    if found is None or action not in ("confirm", "unsubscribe"):
        raise Http404("That link is not valid any more.")
    done = request.method == "POST"
    if done and action == "confirm":
        notifications.confirm_subscription(found)
    elif done:
        notifications.unsubscribe(found)
    context = {"action": action, "done": done, "page": found.comment.page}
    return TemplateResponse(request, "discussion/subscription.html", context)


def commenter_histories(comments) -> dict[str, dict[str, int]]:
    """Per email hash: how many comments were published, rejected and marked spam."""
    hashes = {c.email_hash for c in comments if c.email_hash}
    rows = (
        Comment.objects.filter(email_hash__in=hashes)
        .values("email_hash")
        .annotate(
            published=Count("pk", filter=Q(status=CommentStatus.PUBLISHED)),
            rejected=Count("pk", filter=Q(status=CommentStatus.REJECTED)),
            spam=Count("pk", filter=Q(status=CommentStatus.SPAM)),
            total=Count("pk"),
        )
    )
    return {row.pop("email_hash"): row for row in rows}
