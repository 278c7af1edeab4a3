import time
from urllib.parse import parse_qs, urlsplit

from discussion.forms import started_stamp

VALID = {
    "author_name": "Jun",
    "author_email": "jun@example.com",
    "body": "This helped me talk to my own brother.\n\nThank you.",
    "accept_terms": "on",
    "website": "",
}


def post_comment(client, page, **fields):
    """Post as a person would: the form was shown half a minute before it was sent."""
    data = {**VALID, "started": started_stamp(time.time() - 30), **fields}
    return client.post(page.url, data)


def edit_token(response) -> str:
    return parse_qs(urlsplit(response["Location"]).query)["posted"][0]
