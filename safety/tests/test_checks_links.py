"""The link check on its own: what counts as a web address, and the hold at two."""

import pytest

from safety.assessment import Decision, Item, Submission, check_links
from safety.text import count_links


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("Thanks for this.", 0),
        ("See https://www.mind.org.uk for more.", 1),
        ("Both http://a.example.com/x and https://b.example.org help.", 2),
        ("www.relationship-tips.example.net is mine", 1),
        ("Visit best-deals.com and cheap-pills.biz/order today", 2),
        ("Read marriage-saver-guide.com/10-tips please", 1),
        ("Join t.me/cryptowhales now", 1),
        ("Find a line near you: findahelpline.com", 1),
        ("Write to me@example.com or you@example.org", 0),  # email addresses are not links
        ("He said no, e.g. twice, i.e. firmly.", 0),
        ("Dr.Okafor gave it 4.5 stars out of 5.", 0),
        ("I loved it.Then I read it again.", 0),
        ("drogun @ gmail . com", 0),
    ],
)
def test_it_counts_web_addresses(text, links):
    assert count_links(text) == links


def test_one_link_passes():
    assert check_links(Item("Support: https://www.samaritans.org", Submission())) is None


def test_two_links_are_held_for_a_look_without_a_flag():
    text = "Two charities: https://www.samaritans.org and mind.org.uk/help"
    finding = check_links(Item(text, Submission()))
    assert (finding.flag, finding.decision, finding.stop) == (None, Decision.HOLD, False)
    assert finding.reasons == ("Links: 2 web addresses (held at 2 or more).",)
