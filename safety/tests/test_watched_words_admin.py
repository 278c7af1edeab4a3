"""Watched words are edited in the Wagtail admin as snippets, and normalised when saved."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from safety.models import WatchedWord
from safety.wagtail_hooks import WatchedWordViewSet

pytestmark = pytest.mark.django_db


def test_a_phrase_is_saved_in_one_spelling():
    word = WatchedWord.objects.create(phrase="  Cheap \n PILLS ", action="spam")
    assert word.phrase == "cheap pills"
    assert str(word) == "cheap pills"


def test_the_same_phrase_in_another_case_is_a_duplicate():
    WatchedWord.objects.create(phrase="lawyer", action="flag")
    with pytest.raises(IntegrityError):
        WatchedWord.objects.create(phrase="LAWYER", action="hold")


def test_a_phrase_needs_a_letter_or_digit():
    with pytest.raises(ValidationError, match="letter or digit"):
        WatchedWord(phrase="!!!", action="hold").full_clean()


def test_the_admin_lists_and_adds_watched_words(admin_client):
    WatchedWord.objects.create(phrase="essay help", action="spam", note="Essay mills.")
    viewset = WatchedWordViewSet()
    assert viewset.menu_label == "Watched words"
    listing = admin_client.get(reverse("wagtailsnippets_safety_watchedword:list"))
    assert listing.status_code == 200
    assert "essay help" in listing.content.decode()
    assert "Watched words" in listing.content.decode()
    response = admin_client.post(
        reverse("wagtailsnippets_safety_watchedword:add"),
        {"phrase": "Crypto Expert", "action": "hold", "note": ""},
    )
    assert response.status_code == 302
    assert WatchedWord.objects.filter(phrase="crypto expert", action="hold").exists()
