from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from privacy import admin_urls
from privacy.admin_views import PERMISSION


@hooks.register("register_admin_urls")
def register_data_request_urls():
    return [path("data-requests/", include(admin_urls, namespace="privacy_admin"))]


class DataRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_data_requests_menu_item():
    return DataRequestsMenuItem(
        "Data requests", reverse("privacy_admin:index"), icon_name="lock", order=850
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        "dearly.privacy.export", "Export personal data", "Personal data exported on request"
    )
    actions.register_action(
        "dearly.privacy.erase", "Erase personal data", "Personal data erased on request"
    )
