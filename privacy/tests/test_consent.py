import re

import pytest
from django.test import override_settings

from privacy.consent import COOKIE_NAME
from privacy.models import ConsentRecord


def choose(client, action, categories=(), next_url="/answers/"):
    return client.post(
        "/cookies/", {"action": action, "categories": list(categories), "next": next_url}
    )


def test_it_asks_before_any_optional_cookie_with_equal_buttons(client, home):
    response = client.get("/")
    html = response.content.decode()
    assert "Cookies on Dearly" in html
    accept = re.search(r'<button type="submit" name="action" value="accept_all">', html)
    reject = re.search(r'<button type="submit" name="action" value="reject_all">', html)
    # Same element, same styling: refusing is as easy as accepting.
    assert accept
    assert reject
    assert COOKIE_NAME not in response.cookies
    assert set(response.cookies) <= {"csrftoken"}


def test_it_leaves_every_category_off_by_default(client, home):
    html = client.get("/").content.decode()
    boxes = re.findall(r'<input type="checkbox" name="categories"[^>]*>', html)
    assert len(boxes) == 2
    assert not any("checked" in box for box in boxes)


@pytest.mark.parametrize(
    ("action", "categories", "stored"),
    [
        ("accept_all", (), ["analytics", "embeds"]),
        ("reject_all", ("analytics",), []),
        ("save", ("embeds",), ["embeds"]),
    ],
)
def test_it_records_each_choice_and_stops_asking(client, home, action, categories, stored):
    response = choose(client, action, categories)
    assert response.status_code == 302
    assert response["Location"] == "/answers/"
    record = ConsentRecord.objects.get()
    assert record.categories == stored
    assert record.policy_version == "2026-11"
    assert len(record.anonymous_id) == 32
    assert "Cookies on Dearly" not in client.get("/").content.decode()


def test_it_keeps_the_anonymous_id_when_the_choice_changes(client, home):
    choose(client, "accept_all")
    choose(client, "reject_all")
    first, second = ConsentRecord.objects.order_by("created_at")
    assert first.anonymous_id == second.anonymous_id
    assert second.categories == []


def test_it_asks_again_when_the_policy_changes(client, home):
    choose(client, "reject_all")
    with override_settings(COOKIE_POLICY_VERSION="2027-01"):
        assert "Cookies on Dearly" in client.get("/").content.decode()


def test_it_offers_settings_from_every_footer_and_shows_the_current_choice(client, home):
    assert 'href="/cookies/"' in client.get("/").content.decode()
    choose(client, "save", ("analytics",))
    html = client.get("/cookies/").content.decode()
    assert re.search(r'value="analytics" id="consent-analytics" checked', html)
    assert not re.search(r'value="embeds" id="consent-embeds" checked', html)
    assert "csrftoken" in html
    assert "13 months" in html


def test_it_ignores_a_forged_consent_cookie(client, home):
    client.cookies[COOKIE_NAME] = "forged"
    assert "Cookies on Dearly" in client.get("/").content.decode()


def test_it_refuses_to_redirect_off_site(client, home):
    response = choose(client, "reject_all", next_url="https://evil.example/")
    assert response["Location"] == "/cookies/?saved=1"


@override_settings(ANALYTICS_SCRIPT_URL="/static/stats.js")
def test_it_renders_optional_scripts_only_after_consent(client, home):
    assert "/static/stats.js" not in client.get("/").content.decode()
    choose(client, "reject_all")
    assert "/static/stats.js" not in client.get("/").content.decode()
    choose(client, "save", ("analytics",))
    assert '<script src="/static/stats.js" defer' in client.get("/").content.decode()
