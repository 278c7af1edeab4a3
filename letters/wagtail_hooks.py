from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from letters import admin_urls
from letters.access import can_see_letters


@hooks.register("register_admin_urls")
def register_letter_urls():
    return [path("letters/", include(admin_urls, namespace="letters_admin"))]


class LettersMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_letters(request.user)


@hooks.register("register_admin_menu_item")
def register_letters_menu_item():
    return LettersMenuItem("Letters", reverse("letters_admin:inbox"), icon_name="mail", order=200)


@hooks.register("register_log_actions")
def register_letter_log_actions(actions):
    for action, label, message in [
        ("receive", "Receive letter", "Letter received"),
        ("assign", "Assign letter", "Letter assigned"),
        ("decline", "Decline letter", "Letter declined"),
        ("start_answer", "Start answer", "Draft answer started"),
        ("published", "Letter answered", "Answer published"),
        ("withdraw", "Withdraw letter", "Letter withdrawn by its writer"),
        ("purge", "Purge letter", "Original letter purged"),
    ]:
        actions.register_action(f"dearly.letter.{action}", label, message)
