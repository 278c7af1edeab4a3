from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail import blocks


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text that must say something: a fresh Draftail block is markup with no words."""

    def clean(self, value):
        value = super().clean(value)
        if self.required and not strip_tags(value.source).strip():
            raise ValidationError("This paragraph is empty. Write it, or delete the block.")
        return value


class PullQuoteBlock(blocks.StructBlock):
    """A sentence from the answer repeated large; hidden from screen readers, who read it once."""

    quote = blocks.TextBlock(help_text="Copy a sentence that also appears in the answer.")

    class Meta:
        icon = "openquote"
        template = "column/blocks/pull_quote.html"


class AnswerBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=["bold", "italic", "link", "ol", "ul"])
    heading = blocks.CharBlock(form_classname="title", template="column/blocks/heading.html")
    pull_quote = PullQuoteBlock()


class ResourceBlock(blocks.StructBlock):
    """One place a person in distress can reach right now."""

    name = blocks.CharBlock()
    how_to_reach = blocks.CharBlock(help_text='e.g. "Call or text 988"')
    region = blocks.CharBlock(required=False, help_text='Where it serves, e.g. "United States"')
    url = blocks.URLBlock(required=False)
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "help"
        template = "column/blocks/resource.html"
