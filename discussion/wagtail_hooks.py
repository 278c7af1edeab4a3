from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from column.models import AnswerPage
from discussion import views


@hooks.register("before_serve_page")
def accept_posted_comment(page, request, serve_args, serve_kwargs):
    if request.method == "POST" and isinstance(page, AnswerPage):
        return views.handle_comment_post(page, request)
    return None


@hooks.register("register_admin_urls")
def register_comment_urls():
    return [
        path("comments/queue/", views.comment_queue, name="discussion_queue"),
        path("comments/<int:pk>/moderate/", views.moderate_comment, name="discussion_moderate"),
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
    actions.register_action("dearly.comment.approve", "Approve comment", "Comment approved")
    actions.register_action("dearly.comment.reject", "Reject comment", "Comment rejected")
