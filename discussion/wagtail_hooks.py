from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from column.models import AnswerPage
from discussion import admin_views, views


@hooks.register("before_serve_page")
def accept_posted_comment(page, request, serve_args, serve_kwargs):
    if request.method == "POST" and isinstance(page, AnswerPage):
        return views.handle_comment_post(page, request)
    return None


@hooks.register("register_admin_urls")
def register_comment_urls():
    return [
        path("comments/queue/", admin_views.queue, name="discussion_queue"),
        path("comments/bulk/", admin_views.bulk, name="discussion_bulk"),
        path("comments/<int:pk>/moderate/", admin_views.moderate, name="discussion_moderate"),
    ]


class CommentQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("discussion.change_comment")


@hooks.register("register_admin_menu_item")
def register_comment_queue_menu_item():
    return CommentQueueMenuItem(
        "Comments", reverse("discussion_queue"), icon_name="comment", order=300
    )


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    for action, label, message in [
        ("post", "Post comment", "Comment posted"),
        ("edit", "Edit comment", "Comment edited by its author"),
        ("delete", "Delete comment", "Comment deleted by its author"),
        ("hide", "Hide comment", "Comment hidden after reader reports"),
        ("approve", "Approve comment", "Comment approved"),
        ("reject", "Reject comment", "Comment rejected"),
        ("spam", "Mark spam", "Comment marked as spam"),
        ("ban", "Ban commenter", "Commenter banned"),
    ]:
        actions.register_action(f"dearly.comment.{action}", label, message)
