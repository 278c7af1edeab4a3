"""Staff avatars never come from a third party: Gravatar would receive hashes of their emails."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.utils import get_gravatar_url

from conftest import PASSWORD

ADMIN_PAGES = [
    "/admin/",
    "/admin/account/",
    "/admin/users/",
    "/admin/users/edit/{editor}/",
    "/admin/groups/",
    "/admin/pages/",
    "/admin/reports/site-history/",
    "/admin/comments/queue/",
    "/admin/letters/",
    "/admin/data-requests/",
]


@pytest.fixture
def admin_client(client, editor, answer):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    assert client.login(username=admin.username, password=PASSWORD)
    return client


def test_it_turns_gravatar_off(settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert get_gravatar_url("root@example.org") is None


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_it_references_no_gravatar_on_any_admin_page(admin_client, editor, path):
    response = admin_client.get(path.format(editor=editor.pk))
    assert response.status_code == 200, path
    assert "gravatar" not in response.content.decode().lower()
