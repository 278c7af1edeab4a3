import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from column.blocks import ParagraphBlock


def test_it_refuses_a_paragraph_with_no_words():
    block = ParagraphBlock()
    with pytest.raises(ValidationError, match="This paragraph is empty"):
        block.clean(RichText('<p data-block-key="x1"></p>'))


def test_it_accepts_a_paragraph_with_words():
    block = ParagraphBlock()
    assert block.clean(RichText("<p>Kindness first.</p>")).source == "<p>Kindness first.</p>"
