from django import forms

from discussion.models import Comment


class CommentForm(forms.ModelForm):
    accept_terms = forms.BooleanField(
        required=True,
        label="I accept the terms of participation",
        error_messages={"required": "Please accept the terms to post your comment."},
    )

    class Meta:
        model = Comment
        fields = ["author_name", "author_email", "body"]
        labels = {"author_name": "Name", "author_email": "Email", "body": "Comment"}
        help_texts = {"author_email": "Never shown. Used only if a moderator needs to reach you."}
        error_messages = {
            "author_name": {"required": "Please give a name to show with your comment."},
            "author_email": {
                "required": "Please give your email address (it is never shown).",
                "invalid": "That email address does not look complete; please check it.",
            },
            "body": {"required": "Please write your comment."},
        }
        widgets = {
            "author_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "author_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "body": forms.Textarea(attrs={"rows": 6}),
        }

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Please write your comment.")
        return body

    def cleaned_data_for_comment(self) -> dict[str, str]:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}
