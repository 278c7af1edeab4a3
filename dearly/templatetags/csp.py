"""`{% csp_nonce %}`: this request's Content-Security-Policy nonce, in any template.

Form widgets and Wagtail's panels are rendered without the request in their context, so the tag
reads the nonce the middleware keeps for the current request rather than `request.csp_nonce`.
"""

from django import template

from dearly.security import current_nonce

register = template.Library()


@register.simple_tag
def csp_nonce() -> str:
    return current_nonce()
