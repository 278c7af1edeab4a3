from wagtail import blocks


class PullQuoteBlock(blocks.StructBlock):
    """A sentence from the answer repeated large; hidden from screen readers, who read it once."""

    quote = blocks.TextBlock(help_text="Copy a sentence that also appears in the answer.")

    class Meta:
        icon = "openquote"
        template = "column/blocks/pull_quote.html"


class AnswerBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
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
