from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from privacy.consent import CATEGORY_KEYS, NECESSARY, OPTIONAL, current_consent, remember
from privacy.models import ConsentRecord

ACTIONS = {
    "accept_all": (ConsentRecord.Action.ACCEPT_ALL, lambda post: set(CATEGORY_KEYS)),
    "reject_all": (ConsentRecord.Action.REJECT_ALL, lambda post: set()),
    "save": (ConsentRecord.Action.CHOOSE, lambda post: set(post.getlist("categories"))),
}


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe and target.startswith("/") else "/cookies/?saved=1"


@never_cache
@require_http_methods(["GET", "POST"])
def cookie_settings(request: HttpRequest) -> HttpResponse:
    """Give, change or withdraw consent; works as a plain form post without JavaScript."""
    if request.method == "POST" and request.POST.get("action") in ACTIONS:
        action, chosen = ACTIONS[request.POST["action"]]
        response = HttpResponseRedirect(_next_url(request))
        remember(request, response, chosen(request.POST), action)
        return response
    consent = current_consent(request)
    context = {
        "categories": OPTIONAL,
        "necessary": NECESSARY,
        "consent": consent,
        "saved": request.GET.get("saved") == "1",
    }
    return TemplateResponse(request, "privacy/cookies.html", context)
