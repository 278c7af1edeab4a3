from django.urls import path, reverse
from wagtail import hooks

from staffauth import views


@hooks.register("register_admin_urls")
def register_two_step_urls():
    return [
        path("two-step/", views.setup, name="staffauth_setup"),
        path("two-step/verify/", views.verify, name="staffauth_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_step_account_item(request):
    return {
        "url": reverse("staffauth_setup"),
        "label": "Two-step sign-in",
        "help_text": "Ask for a code from an authenticator app after your password.",
    }
