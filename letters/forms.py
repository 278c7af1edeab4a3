from django import forms
from django.conf import settings

from column.models import TopicPage

CONSENT_LABEL = (
    "I agree that Dearly may publish my letter without my name. It may be edited for length "
    "and clarity and to remove anything that identifies you."
)


class LetterForm(forms.Form):
    pen_name = forms.CharField(
        label="Pen name",
        max_length=60,
        help_text='How your letter will be signed, such as "Second-Guessing". Not your real name.',
        error_messages={"required": "Please choose a pen name to sign your letter with."},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    body = forms.CharField(
        label="Your letter",
        widget=forms.Textarea(attrs={"rows": 14, "data-counter": "letter-counter"}),
        error_messages={"required": "Please write your letter."},
    )
    email = forms.EmailField(
        label="Email (optional)",
        required=False,
        help_text="Only to tell you when your letter is answered. Never published or shared.",
        error_messages={"invalid": "That email address does not look complete; please check it."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topic = forms.ModelChoiceField(
        label="Topic (optional)",
        queryset=TopicPage.objects.none(),
        required=False,
        empty_label="Not sure",
    )
    consent_to_publish = forms.BooleanField(
        label=CONSENT_LABEL,
        error_messages={"required": "We can only consider letters we may publish anonymously."},
    )
    age_confirmed = forms.BooleanField(
        label="I am 18 or older.",
        error_messages={"required": "Please confirm you are 18 or older."},
    )
    # Hidden from people, filled in by bots.
    website = forms.CharField(label="Leave this field empty", required=False)
    # A one-time id: the same form sent twice is saved once (dearly/submissions.py).
    submission_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, offline: bool = False, **kwargs):
        """`offline`: the posted form, re-shown while the database is down. Topics cannot be
        listed then, so the chosen one rides along hidden and nothing here needs the database."""
        super().__init__(*args, **kwargs)
        if offline:
            self.fields["topic"] = forms.CharField(required=False, widget=forms.HiddenInput)
        else:
            self.fields["topic"].queryset = TopicPage.objects.live().public().order_by("title")

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        limit = settings.LETTER_MAX_CHARS
        if not body:
            raise forms.ValidationError("Please write your letter.")
        if len(body) > limit:
            raise forms.ValidationError(
                f"Your letter is {len(body):,} characters long; the limit is {limit:,}. "
                "Please shorten it a little. Everything you wrote is still here."
            )
        return body

    def clean_pen_name(self) -> str:
        pen_name = self.cleaned_data["pen_name"].strip()
        if not pen_name:
            raise forms.ValidationError("Please choose a pen name to sign your letter with.")
        return pen_name

    def clean_website(self) -> str:
        if self.cleaned_data["website"]:
            raise forms.ValidationError("Please leave the last field empty.")
        return ""
