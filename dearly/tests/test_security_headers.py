"""Security headers on every public URL, the admin's own policy, HSTS and cookies."""

import re

import pytest
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import override_settings

from conftest import PASSWORD, answer_form_data
from dearly.security import PERMISSIONS_POLICY, SecurityHeadersMiddleware, current_nonce
from dearly.tests.test_configuration import production_secrets, run_python

PUBLIC_URLS = [
    "/",
    "/answers/",
    "{answer}",
    "/topics/",
    "{topic}",
    "/therapists/",
    "/therapists/theo-marsh/",
    "/help-now/",
    "/terms/",
    "/privacy/",
    "/search/?q=x",
    "/ask/",
    "/feed/",
    "/sitemap.xml",
    "/healthz",
    "/no-such-page/",
]
NONCE = re.compile(r"script-src 'self' 'nonce-([\w-]{20,})'")


def directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.fixture
def public_urls(answer, make_topic) -> list[str]:
    topic = make_topic("Grief")
    return [url.format(answer=answer.url, topic=topic.url) for url in PUBLIC_URLS]


@pytest.mark.parametrize("index", range(len(PUBLIC_URLS)), ids=PUBLIC_URLS)
def test_every_public_url_sends_the_security_headers(client, public_urls, index):
    url = public_urls[index]
    response = client.get(url)
    assert response.status_code == (404 if url == "/no-such-page/" else 200), url

    policy = directives(response)
    assert policy["default-src"] == "'self'"
    assert NONCE.fullmatch(f"script-src {policy['script-src']}"), policy["script-src"]
    assert "unsafe-inline" not in policy["script-src"]
    assert "unsafe-eval" not in policy["script-src"]
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"

    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Permissions-Policy"] == PERMISSIONS_POLICY
    for feature in ["camera", "microphone", "geolocation", "interest-cohort"]:
        assert f"{feature}=()" in response.headers["Permissions-Policy"]
    # Plain http, as the test client asks: HSTS is for secure responses only.
    assert "Strict-Transport-Security" not in response.headers


def test_each_response_gets_a_fresh_nonce(client, db):
    first = NONCE.search(client.get("/healthz").headers["Content-Security-Policy"]).group(1)
    second = NONCE.search(client.get("/healthz").headers["Content-Security-Policy"]).group(1)
    assert first != second


def test_the_admin_allows_inline_styles_and_same_origin_frames_but_not_inline_scripts(client, db):
    response = client.get("/admin/login/")
    policy = directives(response)
    assert NONCE.fullmatch(f"script-src {policy['script-src']}")
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"


def inline_scripts(html: str) -> list[tuple[str, str]]:
    """(attributes, body) of every <script> that runs code and has no src."""
    found = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    return [
        (attrs, body)
        for attrs, body in found
        if "src=" not in attrs and "application/json" not in attrs and body.strip()
    ]


def test_every_inline_script_in_the_answer_editor_carries_the_nonce(client, editor, answer):
    """Wagtail's chooser and date widgets write inline scripts; ours give them the nonce."""
    client.login(username=editor.username, password=PASSWORD)
    response = client.get(f"/admin/pages/{answer.pk}/edit/")
    assert response.status_code == 200
    nonce = NONCE.search(response.headers["Content-Security-Policy"]).group(1)
    scripts = inline_scripts(response.content.decode())
    bodies = " ".join(body for _, body in scripts)
    assert "SnippetChooser" in bodies  # the therapist chooser
    assert "initDateTimeChooser" in bodies  # go-live and expiry dates
    for attrs, body in scripts:
        assert f'nonce="{nonce}"' in attrs, body[:80]


def test_a_preview_may_be_framed_by_the_admin_only(client, editor, answer, therapist):
    """Wagtail renders the previewed page through the middleware again, for its public URL."""
    client.login(username=editor.username, password=PASSWORD)
    preview = f"/admin/pages/{answer.pk}/edit/preview/"
    posted = client.post(preview, answer_form_data(therapist, title="Previewed answer"))
    assert posted.json()["is_valid"]
    response = client.get(f"{preview}?in_preview_panel=true")
    assert response.status_code == 200
    assert "Previewed answer" in response.content.decode()
    assert directives(response)["frame-ancestors"] == "'self'"
    assert directives(response)["style-src"] == "'self'"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


@override_settings(SECURE_HSTS_SECONDS=31536000)
def test_hsts_is_sent_on_secure_responses(client, db):
    response = client.get("/healthz", secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_when_asked(client, db):
    response = client.get("/healthz")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/healthz"


def test_session_and_csrf_cookies_are_httponly_and_same_site(client, editor):
    response = client.post(
        "/admin/login/", {"username": editor.username, "password": PASSWORD}, follow=False
    )
    assert response.status_code == 302
    session = client.cookies["sessionid"]
    assert session["httponly"]
    assert session["samesite"] == "Lax"
    csrf = client.cookies["csrftoken"]
    assert csrf["httponly"]
    assert csrf["samesite"] == "Lax"


def test_sessions_end_with_the_browser_and_after_eight_hours(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE == 8 * 3600


SHOW_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
    "s.SECURE_SSL_REDIRECT, getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
)


def production_settings(tmp_path, **env: str) -> str:
    result = run_python(
        SHOW_SETTINGS, DEBUG="0", DEARLY_VAR_DIR=str(tmp_path), **production_secrets(), **env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_with_debug_off_cookies_are_secure_and_hsts_lasts_a_year(tmp_path):
    # SSL redirect stays an explicit choice: `make bench` serves DEBUG=0 over plain http.
    assert production_settings(tmp_path) == "True True 31536000 False None"


def test_behind_a_tls_proxy_the_redirect_and_forwarded_scheme_are_switches(tmp_path):
    shown = production_settings(tmp_path, SECURE_SSL_REDIRECT="1", TRUST_X_FORWARDED_PROTO="1")
    assert shown == "True True 31536000 True ('HTTP_X_FORWARDED_PROTO', 'https')"


def test_with_debug_on_there_is_no_hsts(tmp_path):
    result = run_python(SHOW_SETTINGS, DEBUG="1", DEARLY_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False False 0 False None"


def test_templates_get_the_responses_nonce(rf):
    """`{{ csp_nonce }}` (context processor) and `{% csp_nonce %}` (anywhere) match the header."""

    def view(request):
        template = Template("{{ csp_nonce }} {% load csp %}{% csp_nonce %}")
        return HttpResponse(template.render(RequestContext(request)))

    response = SecurityHeadersMiddleware(view)(rf.get("/"))
    nonce = NONCE.search(response.headers["Content-Security-Policy"]).group(1)
    assert response.content.decode() == f"{nonce} {nonce}"
    assert current_nonce() == ""  # and it is forgotten once the response is made
