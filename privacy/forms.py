from django import forms

from privacy.rights import CommentChoice, Erasure


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        help_text="The address you gave with a letter, a comment or a reply-email request.",
        error_messages={
            "required": "Please give your email address.",
            "invalid": "That email address does not look complete; please check it.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ErasureForm(forms.Form):
    comments = forms.ChoiceField(
        label="Your comments",
        choices=CommentChoice.choices,
        initial=CommentChoice.REMOVE,
        widget=forms.RadioSelect,
        help_text=(
            "Removing deletes them; one someone replied to stays as an empty “deleted” "
            "placeholder so the replies still make sense. Keeping them leaves the words "
            "where they are, signed “Former reader”, with no name, email or address kept."
        ),
    )
    confirm = forms.BooleanField(
        label="I understand that this cannot be undone.",
        error_messages={"required": "Please tick the box to confirm the erasure."},
    )

    def erasure(self) -> Erasure:
        return Erasure(comments=self.cleaned_data["comments"])
