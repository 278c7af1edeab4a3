import re

import pytest
from django.test import override_settings


def test_it_lists_the_latest_answers_topics_and_an_ask_link_on_home(
    client, make_answer, make_topic
):
    topic = make_topic("Grief")
    older = make_answer(title="Older letter", published_days_ago=10)
    newer = make_answer(title="Newer letter", published_days_ago=1, topics=(topic,))
    html = client.get("/").content.decode()
    assert html.index(newer.title) < html.index(older.title)
    assert f'<a href="{topic.url}">Grief</a>' in html
    assert 'href="/ask/"' in html
    assert "Ask a therapist" in html


def test_it_shows_only_a_topics_own_answers_on_its_page(client, make_answer, make_topic):
    grief, work = make_topic("Grief"), make_topic("Work")
    make_answer(title="About losing my father", topics=(grief,))
    make_answer(title="About my manager", topics=(work,))
    html = client.get(grief.url).content.decode()
    assert grief.url.startswith("/topics/")
    assert "About losing my father" in html
    assert "About my manager" not in html


def test_it_never_lists_drafts(client, make_answer, make_topic):
    topic = make_topic("Family")
    make_answer(title="Unfinished draft", live=False, topics=(topic,))
    for url in ["/", "/answers/", topic.url, "/feed/", "/therapists/theo-marsh/"]:
        assert "Unfinished draft" not in client.get(url).content.decode(), url


@override_settings(ANSWERS_PER_PAGE=2)
def test_it_paginates_the_archive(client, make_answer):
    for days in range(5):
        make_answer(title=f"Letter {days} days old", published_days_ago=days + 1)
    first = client.get("/answers/").content.decode()
    third = client.get("/answers/?page=3").content.decode()
    assert "Letter 0 days old" in first
    assert "Letter 4 days old" not in first
    assert "Letter 4 days old" in third
    assert "Page 1 of 3" in first
    assert client.get("/answers/?page=99").status_code == 200


def test_it_publishes_an_atom_feed_of_answers(client, answer):
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<entry>" in body
    assert answer.title in body
    assert f"http://testserver{answer.url}" in body


def test_it_lists_every_public_page_in_the_sitemap(client, answer, make_topic):
    topic = make_topic("Anxiety")
    body = client.get("/sitemap.xml").content.decode()
    paths = [answer.url, topic.url, "/help-now/", "/terms/", "/privacy/", "/answers/"]
    for path in [*paths, "/therapists/theo-marsh/"]:
        assert re.search(rf"<loc>https?://[^<]+{path}</loc>", body), path


def test_it_offers_crisis_resources_on_help_now(client, home):
    html = client.get("/help-now/").content.decode()
    assert "988" in html
    assert "Crisis Text Line" in html
    assert "findahelpline.com" in html


def test_it_serves_terms_and_privacy(client, home):
    assert "Comments" in client.get("/terms/").content.decode()
    assert client.get("/privacy/").status_code == 200


def test_it_finds_answers_by_words_in_the_letter(client, make_answer):
    make_answer(title="Borrowed money")
    html = client.get("/search/", {"q": "borrowing"}).content.decode()
    assert "Borrowed money" in html
    assert "1 result" in html


@pytest.mark.parametrize("query", ['borrowing "', 'he said "no', '"'])
def test_it_searches_past_a_stray_double_quote(client, make_answer, query):
    make_answer(title="Borrowed money")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert ("1 result" in response.content.decode()) == ("borrowing" in query)


def test_it_answers_an_empty_search_without_results(client, home):
    response = client.get("/search/", {"q": ""})
    assert response.status_code == 200
    assert "result" not in response.content.decode()
