import time

from django import forms
from django.core import signing

from discussion.models import Report

STARTED_SALT = "discussion.comment-form-started"


def started_stamp(at: float | None = None) -> str:
    """The signed time the form was shown, so the server can tell a bot that posts at once."""
    return signing.dumps(time.time() if at is None else at, salt=STARTED_SALT)


def seconds_since(stamp: str) -> float | None:
    try:
        started = float(signing.loads(stamp, salt=STARTED_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return max(0.0, time.time() - started)


class CommentForm(forms.Form):
    author_name = forms.CharField(
        label="Name",
        max_length=80,
        error_messages={"required": "Please give a name to show with your comment."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    author_email = forms.EmailField(
        label="Email",
        max_length=254,
        help_text="Never shown. Used only if a moderator needs to reach you.",
        error_messages={
            "required": "Please give your email address (it is never shown).",
            "invalid": "That email address does not look complete; please check it.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label="Comment",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Please write your comment.",
            "max_length": (
                "Please keep your comment under 5,000 characters (it has %(show_value)d)."
            ),
        },
    )
    accept_terms = forms.BooleanField(
        label="I accept the terms of participation",
        error_messages={"required": "Please accept the terms to post your comment."},
    )
    notify_replies = forms.BooleanField(
        label="Email me when someone replies (we'll ask you to confirm first)", required=False
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    # A one-time id: the same form sent twice is saved once (dearly/submissions.py).
    submission_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    website = forms.CharField(label="Leave this field empty", required=False)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Please write your comment.")
        return body

    def seconds_to_submit(self) -> float | None:
        return seconds_since(self.cleaned_data.get("started") or "")


class EditCommentForm(forms.Form):
    body = forms.CharField(
        label="Your comment",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Please write your comment, or delete it instead."},
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong with this comment?",
        choices=[("", "Choose a reason"), *Report.Reason.choices],
        error_messages={"required": "Please choose a reason."},
    )
    detail = forms.CharField(
        label="Anything moderators should know (optional)", max_length=300, required=False
    )
