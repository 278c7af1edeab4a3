"""The identifying-details finder that editors see highlighted in a reader's letter."""

import dataclasses
import html
import itertools
import re

import pytest

from safety.pii import KINDS, PiiSpan, describe, find_pii, highlight, summarize


def found(text: str, kind: str) -> list[str]:
    return [span.text for span in find_pii(text) if span.kind == kind]


def check(text: str, kind: str, expected: str | None) -> None:
    """`expected` is the exact span of `kind` to find, or None for "no span of this kind"."""
    spans = found(text, kind)
    if expected is None:
        assert spans == [], f"unexpected {kind} in {text!r}: {spans}"
    else:
        assert expected in spans, f"{kind} {expected!r} not found in {text!r}: {find_pii(text)}"


# --- one case list per kind: (letter text, exact span expected, or None) -----------------------

EMAILS = [
    ("Write to jo.smith+news@example.co.uk if you need more.", "jo.smith+news@example.co.uk"),
    ("My address is MARTA_84@Mail.com.", "MARTA_84@Mail.com"),
    ("reach me at jess dot m at gmail dot com", "jess dot m at gmail dot com"),
    ("you can write to pat at example dot com", "pat at example dot com"),
    ("We meet @ 5 at the cafe.", None),
    ("I'm at home most evenings.", None),
]

PHONES = [
    ("Call me on (555) 123-4567 after six.", "(555) 123-4567"),
    ("My cell is 555-123-4567.", "555-123-4567"),
    ("Ring +44 20 7946 0958 in the morning.", "+44 20 7946 0958"),
    ("Text 555.123.4567 any time.", "555.123.4567"),
    ("Our landline is +1 555 123 4567 ext. 12.", "+1 555 123 4567 ext. 12"),
    ("In London it is 020 7946 0958.", "020 7946 0958"),
    ("You can call 5551234567 tonight.", "5551234567"),
    ("The old number was 555-1234.", "555-1234"),
    ("Her birthday is 3/14/2024.", None),
    ("We owe $1,250,000 on the house.", None),
    ("Between 2019 and 2020 we barely spoke.", None),
    ("I have been married 12 years and have 3 kids.", None),
]

URLS = [
    ("My blog is at https://example.com/about?x=1 if it helps.", "https://example.com/about?x=1"),
    ("Look at www.example.org.", "www.example.org"),
    ("He runs myrecipes.net/about-me on weekends.", "myrecipes.net/about-me"),
    ("(see https://x.io/page).", "https://x.io/page"),
    ("Some things, e.g. the dishes, never change.", None),
    ("He codes in Node.js all night.", None),
    ("It is 3.5 miles to the U.S. border.", None),
]

HANDLES = [
    ("Find me on Instagram @jessinohio.", "@jessinohio"),
    ("My ex posts as @the_real.dave on every app.", "@the_real.dave"),
    ("I asked on Reddit as u/throwaway_4521.", "u/throwaway_4521"),
    ("Write to jo@example.com.", None),
    ("We meet @ 5 on Fridays.", None),
]

DATES = [
    ("It happened on March 3rd.", "March 3rd"),
    ("The hearing is on 3/14/2024.", "3/14/2024"),
    ("We married on the 3rd of March, 2012.", "the 3rd of March, 2012"),
    ("Surgery is booked for 2024-03-14.", "2024-03-14"),
    ("June 2019 was the worst month of my life.", "June 2019"),
    ("He left on Tuesday, March 3.", "Tuesday, March 3"),
    ("She was born in 1989.", "1989"),
    ("Since 4/12 he hasn't called.", "4/12"),
    ("Last Tuesday we argued again.", None),
    ("We met in May and moved in by June.", None),
    ("I may be wrong.", None),
    ("Every Sunday ends in a fight.", None),
    ("It was 50/50 whether I'd go.", None),
    ("In 2019 things changed.", None),
]

ID_NUMBERS = [
    ("My SSN is 123-45-6789, please hide it.", "123-45-6789"),
    ("The card was 4111 1111 1111 1111.", "4111 1111 1111 1111"),
    ("My licence number is D1234567.", "D1234567"),
    ("account number 00123456 was closed", "00123456"),
    ("HR ticket #88213 is still open.", "88213"),
    ("We were together 2019-2020.", None),
    ("He earns $250000 a year.", None),
    ("I have 3 kids and 2 dogs.", None),
]

AGES = [
    ("I'm 34 and I feel stuck.", "34"),
    ("I am 34 years old.", "34 years old"),
    ("My 12-year-old won't talk to me.", "12-year-old"),
    ("I (34F) need advice.", "34F"),
    ("My husband 36M says I'm wrong.", "36M"),
    ("He is a 52-year-old engineer.", "52-year-old"),
    ("My six-year-old has nightmares.", "six-year-old"),
    ("I'm in my late 30s and single.", "late 30s"),
    ("My husband (45) and I disagree.", "45"),
    ("My wife, 41, works nights.", "41"),
    ("She just turned 40.", "40"),
    ("My twin and I are 19.", "19"),
    ("I came to Houston at 12, alone.", "12"),
    ("We got married at 19 and divorced at 30.", "19"),
    ("We moved the meeting to start at 12:30.", None),
    ("I moved out and got there at 10 when it opened.", None),
    ("My son Christian is 7.", "7"),
    ("I'm 5 minutes away from quitting.", None),
    ("I'm 100% sure he lies.", None),
    ("I'm 30 weeks pregnant.", None),
    ("I am 3 years sober.", None),
    ("He is 6 feet tall.", None),
    ("We have 2 kids.", None),
]

PEOPLE = [
    ("My husband Tom works late.", "Tom"),
    ("I met a nurse named Priya.", "Priya"),
    ("Dr. Alvarez told me to write.", "Dr. Alvarez"),
    ("Mrs. Patel lives next door.", "Mrs. Patel"),
    ("Ms Okafor is my manager.", "Ms Okafor"),
    ("Aunt Carol never forgave her.", "Aunt Carol"),
    ("My boss, Karen, hates me.", "Karen"),
    ("My sister-in-law Mariana calls daily.", "Mariana"),
    ("Priya Sharma moved away.", "Priya Sharma"),
    ("We owe it all to John F. Kennedy.", "John F. Kennedy"),
    ("Will said he would call.", "Will"),
    ("May and I are best friends.", "May"),
    ("My daughter May is sick.", "May"),
    ("I asked Will to leave.", "Will"),
    ("Grace's mother moved in.", "Grace"),
    ("My friend Phoenix is kind.", "Phoenix"),
    ("Later Zephyrine said no.", "Zephyrine"),
    ("I talked to Charlotte yesterday.", "Charlotte"),
    ("We went to Jordan's house.", "Jordan"),
    ("Thanks,\nTom", "Tom"),
    ("Hi, I'm Priyanka and I need advice.", "Priyanka"),
    ("My name is Aleksandra but everyone calls me Ola.", "Ola"),
    ("Grace, my daughter, wants me to sell.", "Grace"),
    ("I'm Catholic and I'm Irish.", None),
    ("I'm Christian, my husband is not.", None),
    ("May I ask you something?", None),
    ("I may be wrong, but he lies.", None),
    ("Will he ever change?", None),
    ("Hope is all I have left.", None),
    ("Grace under pressure is not my strength.", None),
    ("Bill collectors call every day.", None),
    ("Mark my words, he will leave.", None),
    ("We met in May.", None),
    ("Amazing Grace was playing at the funeral.", None),
    ("Everyone said it was fine. Mom said no.", None),
    ("Sunny days help.", None),
    ("Dear Dearly, I need help.", None),
    ("I went to Jordan last year.", None),
    ("In Austin it is always hot.", None),
]

PLACES = [
    ("We live in Denver now.", "Denver"),
    ("I'm from Texas originally.", "Texas"),
    ("Our house is near Toronto.", "Toronto"),
    ("We moved to Austin last year.", "Austin"),
    ("I live in Tulsa with my kids.", "Tulsa"),
    ("My parents are from Tulsa, Oklahoma.", "Tulsa, Oklahoma"),
    ("Send it to Springfield, IL 62704.", "Springfield, IL 62704"),
    ("Our flat is at 123 Oak Street.", "123 Oak Street"),
    ("Mail it to 9 W. 21st St. please.", "9 W. 21st St."),
    ("We rent Apt 4B.", "Apt 4B"),
    ("The postcode is SW1A 1AA.", "SW1A 1AA"),
    ("He moved back to New York City.", "New York City"),
    ("I went to Jordan last year.", "Jordan"),
    ("We live on Maple Avenue.", "Maple Avenue"),
    ("I'm a barista at Blue Heron Coffee on Fifth Avenue.", "Fifth Avenue"),
    ("I talked to Austin yesterday.", None),
    ("I live in fear of him.", None),
    ("I grew up in Catholic schools.", None),
    ("Turkey dinner was a disaster.", None),
    ("We went to Jordan's house.", None),
]

EMPLOYERS = [
    ("I work at Google.", "Google"),
    ("She works for Kaiser Permanente.", "Kaiser Permanente"),
    ("I'm a nurse at Mercy General Hospital.", "Mercy General Hospital"),
    ("Acme Widgets Inc. fired me.", "Acme Widgets Inc."),
    ("The Cleveland Clinic called me back.", "Cleveland Clinic"),
    ("I work nights at The Home Depot.", "Home Depot"),
    ("I worked ten years for Acme Logistics.", "Acme Logistics"),
    ("I work so hard for Mother's Day.", None),
    ("I work at The Home Depot.", "Home Depot"),
    ("I'm a teacher at Lincoln Elementary.", "Lincoln Elementary"),
    ("He studies at the University of Michigan.", "University of Michigan"),
    ("We met at Brightwater Dental, where I work.", "Brightwater Dental"),
    ("I worked at McDonald's for years.", "McDonald's"),
    ("St. Mary's Hospital hired me.", "St. Mary's Hospital"),
    ("She just joined Verity Capital.", "Verity Capital"),
    ("I'm a barista at Blue Heron Coffee on Fifth Avenue.", "Blue Heron Coffee"),
    ("I work at a bank.", None),
    ("I work for Will.", None),
    ("I work for Tom.", None),
    ("I work from home on Monday.", None),
    ("High School was hard.", None),
    ("Our support group helps.", None),
    ("I quit smoking.", None),
]


@pytest.mark.parametrize(("text", "expected"), EMAILS)
def test_it_finds_emails(text, expected):
    check(text, "email", expected)


@pytest.mark.parametrize(("text", "expected"), PHONES)
def test_it_finds_phone_numbers(text, expected):
    check(text, "phone", expected)


@pytest.mark.parametrize(("text", "expected"), URLS)
def test_it_finds_links(text, expected):
    check(text, "url", expected)


@pytest.mark.parametrize(("text", "expected"), HANDLES)
def test_it_finds_social_handles(text, expected):
    check(text, "handle", expected)


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_it_finds_dates_but_not_relative_days(text, expected):
    check(text, "date", expected)


@pytest.mark.parametrize(("text", "expected"), ID_NUMBERS)
def test_it_finds_long_id_numbers(text, expected):
    check(text, "id_number", expected)


@pytest.mark.parametrize(("text", "expected"), AGES)
def test_it_finds_ages(text, expected):
    check(text, "age", expected)


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_it_finds_names_and_ignores_names_that_are_ordinary_words(text, expected):
    check(text, "person", expected)


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_it_finds_places_and_addresses(text, expected):
    check(text, "place", expected)


@pytest.mark.parametrize(("text", "expected"), EMPLOYERS)
def test_it_finds_employers(text, expected):
    check(text, "employer", expected)


@pytest.mark.parametrize(
    ("text", "place", "age"),
    [
        ("Me: 34, Chicago. Please keep this private.", "Chicago", "34"),
        ("Denver, 29, and tired.", "Denver", "29"),
        ("I'm 29 from Ohio.", "Ohio", "29"),
    ],
)
def test_it_reads_a_bare_number_next_to_a_place_as_an_age(text, place, age):
    check(text, "place", place)
    check(text, "age", age)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "This job is killing me.",
        "I feel lonely in my marriage and I don't know who to talk to.",
        "May I ask whether it is normal to feel this way? I may be wrong.",
        "Will counselling help if only one of us goes? Hope is all I have left.",
        "Last Tuesday we argued about the bills again, and every Sunday is the same.",
        "We moved in May and he has been distant since. Our chapter 2 began badly.",
    ],
)
def test_it_finds_nothing_in_plain_sentences(text):
    assert find_pii(text) == []


# --- overlaps -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Email tom@gmail.com now.", "email", "tom@gmail.com"),  # not a url, not a handle
        ("I moved to St. Louis.", "place", "St. Louis"),  # not the name Louis
        ("He studies at the University of Michigan.", "employer", "University of Michigan"),
        ("She banks at Bank of America.", "employer", "Bank of America"),
        ("Priya Sharma called.", "person", "Priya Sharma"),  # one span, not two
        ("Surgery is on 2024-03-14.", "date", "2024-03-14"),  # a date, not an ID
        ("Call 555-123-4567.", "phone", "555-123-4567"),  # a phone, not an ID
        ("Our flat is 123 Oak Street, Apt 4B.", "place", "123 Oak Street, Apt 4B"),
    ],
)
def test_it_keeps_the_longer_or_more_specific_of_overlapping_spans(text, kind, expected):
    spans = find_pii(text)
    assert [(s.kind, s.text) for s in spans if s.text in expected] == [(kind, expected)]


def test_it_returns_sorted_non_overlapping_spans_that_match_the_text():
    text = LETTER + "\n" + LETTER.replace("Denise", "Priya")
    spans = find_pii(text)
    assert spans == sorted(spans, key=lambda s: s.start)
    for left, right in itertools.pairwise(spans):
        assert left.end <= right.start
    for span in spans:
        assert span.kind in KINDS
        assert text[span.start : span.end] == span.text


def test_it_returns_frozen_spans():
    span = find_pii("My husband Tom snores.")[0]
    assert span == PiiSpan(11, 14, "person", "Tom")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.kind = "place"


# --- highlighting -------------------------------------------------------------------------------


def unmark(markup: str) -> str:
    return html.unescape(
        re.sub(r'<mark class="pii pii-[a-z_]+" title="[a-z_]+">|</mark>', "", markup)
    )


def test_it_highlights_each_span_in_a_mark():
    out = highlight("My husband Tom works at Google.")
    assert out == (
        'My husband <mark class="pii pii-person" title="person">Tom</mark> works at '
        '<mark class="pii pii-employer" title="employer">Google</mark>.'
    )


def test_it_escapes_scripts_in_a_letter():
    text = "<script>alert('Tom')</script> My husband Tom <b>hit</b> me & left. Call 555-123-4567"
    out = highlight(text)
    assert "<script" not in out
    assert "<b>" not in out
    assert "&lt;script&gt;alert(&#x27;" in out
    assert '<mark class="pii pii-person" title="person">Tom</mark> &lt;b&gt;hit' in out
    assert "me &amp; left" in out
    assert out.endswith('<mark class="pii pii-phone" title="phone">555-123-4567</mark>')
    assert unmark(out) == text


def test_it_escapes_inside_marks_and_keeps_offsets_after_ampersands_and_brackets():
    text = 'A&B <3 < 4 > 2.\nMs. O\'Brien said: see https://example.com/?a=1&b=2 "now".'
    out = highlight(text)
    assert out.startswith("A&amp;B &lt;3 &lt; 4 &gt; 2.\n")
    assert '<mark class="pii pii-person" title="person">Ms. O&#x27;Brien</mark>' in out
    assert '<mark class="pii pii-url" title="url">https://example.com/?a=1&amp;b=2</mark>' in out
    assert "&quot;now&quot;" in out
    assert unmark(out) == text


def test_it_keeps_newlines_as_they_are():
    text = "Dear Dearly,\n\nMy wife Ana left.\r\n\r\nSigned,\n  Alone"
    out = highlight(text)
    assert "\n\n" in out
    assert "\r\n\r\n" in out
    assert "<br" not in out
    assert unmark(out) == text


def test_it_highlights_an_empty_letter_as_empty():
    assert highlight("") == ""


# --- summary ------------------------------------------------------------------------------------


def test_it_counts_spans_per_kind():
    spans = find_pii("My wife Ana and my son Leo moved to Denver. I work at Google.")
    assert summarize(spans) == {"person": 2, "place": 1, "employer": 1}
    assert describe(summarize(spans)) == "2 names, 1 place, 1 employer"
    assert summarize([]) == {}
    assert describe({}) == ""


# --- a whole letter -----------------------------------------------------------------------------

LETTER = """Dear Dearly,

I'm 34 and I have worked at Hartwell Logistics for nine years, most of them under a manager \
named Denise who was the best boss I ever had. Last spring she was moved to another office and \
her replacement started calling me at all hours. I live in Pittsburgh with my partner and our \
two cats, and I honestly thought I would retire from that job.

Now I dread every Monday. He copies me on emails at midnight and calls my cell, 412-555-0199, \
on Sundays. When I complained to HR nobody answered. My friends say I should just quit, but we \
just bought a house and I can't take a pay cut right now.

Am I wrong to want to stay and fight? Or is this a sign that it is time to go? I would rather \
this letter not be published with any details that could identify me.

Thank you,
Stuck at the Depot
"""


def test_it_finds_the_name_employer_city_age_and_phone_in_a_letter():
    spans = {(s.kind, s.text) for s in find_pii(LETTER)}
    assert {
        ("person", "Denise"),
        ("employer", "Hartwell Logistics"),
        ("place", "Pittsburgh"),
        ("age", "34"),
        ("phone", "412-555-0199"),
    } <= spans
    # Nothing else: no greeting, weekday, sign-off or idiom is taken for a detail.
    assert len(spans) == 5
